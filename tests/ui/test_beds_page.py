"""The room/bed map page."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import centre, residents
from eldercare_desktop.ui.dialogs.room import BedDraftModel, RoomDialog
from eldercare_desktop.ui.pages.beds import BedsPage
from eldercare_desktop.viewmodels.beds import TileState
from tests.conftest import person
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)


def open_page(qtbot, shell) -> BedsPage:
    page = shell.add(BedsPage(shell))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.data is not None and shell.idle(), timeout=10000)
    return page


def tiles_by_code(page: BedsPage) -> dict:
    return {t.bed.code: t for t in page.canvas.tiles()}


def test_map_shows_occupant_and_free_beds(qtbot, make_shell, ctx, admitted):
    page = open_page(qtbot, make_shell(ctx.actor))
    tiles = tiles_by_code(page)
    assert set(tiles) == {"A101-1", "A101-2", "A102-1"}
    assert tiles["A101-1"].bed.occupant_name == "张三"
    assert tiles["A101-1"].state is TileState.OCCUPIED
    assert tiles["A101-2"].state is TileState.FREE
    # the figures agree with bed_map
    rooms = centre.bed_map(ctx)
    beds = [b for r in rooms for b in r.beds]
    assert page.card_total.value.text() == str(len(beds)) == "3"
    assert page.card_occupied.value.text() == str(sum(b.occupant_id is not None for b in beds)) == "1"
    assert page.card_free.value.text() == "2"
    assert page.card_leave.value.text() == "0"
    # 1 of 3 beds is nursing type: 33.3% against the Yubei target of 30%: met, green
    assert page.card_share.value.text() == "33.3%"
    assert "目标≥30%" in page.card_share.sub.text() and "已达标" in page.card_share.sub.text()
    assert "#2e7d32" in page.card_share.value.styleSheet()


def test_nursing_share_below_target_is_red(qtbot, make_shell, ctx, centre_ready):
    centre.add_room(ctx, "A", 2, "201", "三人间", [("1", "普通"), ("2", "普通"), ("3", "普通")])
    page = open_page(qtbot, make_shell(ctx.actor))
    assert page.card_share.value.text() == "16.7%"
    assert "未达标" in page.card_share.sub.text()
    assert "#c62828" in page.card_share.value.styleSheet()


def test_leave_is_shown_apart_and_click_offers_the_resident(qtbot, make_shell, ctx, clock, admitted):
    residents.start_leave(ctx, admitted, clock.today() - dt.timedelta(days=2), "回家过节")
    page = open_page(qtbot, make_shell(ctx.actor))
    tile = tiles_by_code(page)["A101-1"]
    assert tile.state is TileState.LEAVE
    assert page.card_leave.value.text() == "1"
    assert page.card_occupied.value.text() == "1"  # a bed kept for a resident on leave is not free
    assert page.card_free.value.text() == "2"

    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=tile.rect.center())
    assert page.canvas.selected_bed().occupant_id == admitted
    assert page.d_occupant.text().startswith("张三")
    assert page.d_occupant_status.text() == "请假"
    assert page.open_button.isVisible()
    with qtbot.waitSignal(page.open_resident) as sig:
        page.open_button.click()
    assert sig.args == [admitted]
    with qtbot.waitSignal(page.open_resident) as sig:
        qtbot.mouseDClick(page.canvas, Qt.MouseButton.LeftButton, pos=tile.rect.center())
    assert sig.args == [admitted]

    # a free bed offers no resident
    free = tiles_by_code(page)["A102-1"]
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=free.rect.center())
    assert not page.open_button.isVisible()
    assert page.d_state.text() == "空床"


def test_keyboard_moves_between_beds(qtbot, make_shell, ctx, admitted):
    page = open_page(qtbot, make_shell(ctx.actor))
    page.canvas.setFocus()
    qtbot.keyClick(page.canvas, Qt.Key.Key_Right)
    first = page.canvas.selected_bed().code
    qtbot.keyClick(page.canvas, Qt.Key.Key_Right)
    assert page.canvas.selected_bed().code != first
    qtbot.keyClick(page.canvas, Qt.Key.Key_Home)
    assert page.canvas.selected_bed().code == "A101-1"
    with qtbot.waitSignal(page.open_resident):
        qtbot.keyClick(page.canvas, Qt.Key.Key_Return)


def test_auditor_cannot_manage(qtbot, make_shell, actors, admitted):
    page = open_page(qtbot, make_shell(actors[Role.AUDITOR]))
    tile = tiles_by_code(page)["A101-2"]
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=tile.rect.center())
    for b in page.management_buttons():
        assert not b.isEnabled()
        assert "没有" in b.toolTip() and "审计" in b.toolTip()
    # the map itself is readable
    assert tiles_by_code(page)["A101-1"].bed.occupant_name == "张三"


def test_add_room_through_dialog_adds_tiles(qtbot, make_shell, ctx, centre_ready):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    assert len(page.canvas.tiles()) == 3
    dlg: RoomDialog = page.new_room()
    qtbot.addWidget(dlg)
    assert dlg.building.currentText() == "A"
    dlg.number.setText("105")
    dlg.room_type.setCurrentText("三人间")  # pre-fills three beds
    assert dlg.beds_model.beds() == [("1", "普通"), ("2", "普通"), ("3", "普通")]
    idx = dlg.beds_model.index(2, 1)
    assert dlg.beds_model.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.keyClick(dlg.number, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: len(page.canvas.tiles()) == 6, timeout=10000)
    assert not dlg.isVisible()
    tiles = tiles_by_code(page)
    assert tiles["A105-3"].bed.bed_type == "护理型"
    assert tiles["A105-1"].state is TileState.FREE
    assert page.canvas.selected_room().number == "105"
    assert page.card_total.value.text() == "6"
    assert page.card_share.value.text() == "33.3%"


def test_room_dialog_shows_service_problems_inline(qtbot, make_shell, ctx, centre_ready):
    page = open_page(qtbot, make_shell(ctx.actor))
    dlg = page.new_room()
    qtbot.addWidget(dlg)
    dlg.number.setText("101")  # A101 exists
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: bool(dlg.form.error_for("number").text()), timeout=10000)
    assert "已存在" in dlg.form.error_for("number").text()
    assert dlg.isVisible()
    assert len(centre.bed_map(ctx)) == 2


def test_bed_management(qtbot, make_shell, ctx, admitted):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)

    def click(code):
        qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=tiles_by_code(page)[code].rect.center())

    # change a bed's type
    click("A102-1")
    assert page.bed_type_button.text() == "改为护理型床位"
    page.bed_type_button.click()
    qtbot.waitUntil(lambda: tiles_by_code(page)["A102-1"].bed.bed_type == "护理型", timeout=10000)
    assert page.card_share.value.text() == "66.7%"
    assert page.canvas.selected_bed().code == "A102-1"  # selection survives the reload

    # retire it, then bring it back
    page.bed_active_button.click()
    qtbot.waitUntil(lambda: tiles_by_code(page)["A102-1"].state is TileState.INACTIVE, timeout=10000)
    assert page.show_inactive.isChecked()
    assert page.card_total.value.text() == "2"
    assert page.bed_active_button.text() == "启用床位"
    page.bed_active_button.click()
    qtbot.waitUntil(lambda: tiles_by_code(page)["A102-1"].state is TileState.FREE, timeout=10000)

    # an occupied bed cannot be retired: the service's message is shown
    click("A101-1")
    page.bed_active_button.click()
    qtbot.waitUntil(lambda: bool(shell.errors), timeout=10000)
    assert "不能停用" in shell.errors[-1].message
    assert tiles_by_code(page)["A101-1"].bed.active

    # add a bed to the selected room
    dlg = page.new_bed()
    qtbot.addWidget(dlg)
    assert dlg.label.text() == "3"
    dlg.bed_type.setCurrentText("护理型")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: "A101-3" in tiles_by_code(page), timeout=10000)
    assert tiles_by_code(page)["A101-3"].bed.bed_type == "护理型"

    # edit the room
    click("A102-1")
    dlg = page.edit_room()
    qtbot.addWidget(dlg)
    dlg.number.setText("103")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: "A103-1" in tiles_by_code(page), timeout=10000)

    # a room with a resident cannot be retired
    shell.errors.clear()
    click("A101-1")
    page.room_active_button.click()
    qtbot.waitUntil(lambda: bool(shell.errors), timeout=10000)
    assert "还有人入住" in shell.errors[-1].message


def test_date_selector_shows_another_day(qtbot, make_shell, ctx, admitted):
    page = open_page(qtbot, make_shell(ctx.actor))
    page.date.setDate(page.date.date().addDays(-365))  # before 张三 came
    qtbot.waitUntil(lambda: page.data.day == dt.date(2025, 11, 25), timeout=10000)
    assert tiles_by_code(page)["A101-1"].state is TileState.FREE
    assert page.card_free.value.text() == "3"
    assert "2025-11-25" in page.day_hint.text()
    page.today_button.click()
    qtbot.waitUntil(lambda: page.data.day == dt.date(2026, 11, 25), timeout=10000)
    assert tiles_by_code(page)["A101-1"].state is TileState.OCCUPIED


def test_buildings_and_search(qtbot, make_shell, ctx, admitted):
    centre.add_room(ctx, "B", 1, "101", "单人间", [("1", "普通")])
    page = open_page(qtbot, make_shell(ctx.actor))
    assert page.tabs.isVisible() and page.tabs.count() == 3
    assert [page.tabs.tabText(i) for i in range(3)] == ["全部楼栋", "A栋", "B栋"]
    page.tabs.setCurrentIndex(2)
    assert set(tiles_by_code(page)) == {"B101-1"}
    page.tabs.setCurrentIndex(0)
    page.search.setText("张")
    assert page.search_hint.text() == "找到 1 处"
    assert page.canvas.selected_bed().code == "A101-1"


def test_bed_draft_model(qtmodeltester):
    m = BedDraftModel()
    m.set_beds([("1", "普通"), ("2", "护理型")])
    m.add_bed("3")
    qtmodeltester.check(m)
    assert m.beds() == [("1", "普通"), ("2", "护理型"), ("3", "普通")]


def test_large_map_is_fast(qtbot, make_shell, ctx):
    """100 rooms / 400 beds: loading, laying out and painting stay well under a frame budget."""
    for floor in range(1, 6):
        for n in range(1, 21):
            centre.add_room(ctx, "A" if n <= 10 else "B", floor, f"{floor}{n:02d}", "多人间",
                            [(str(i), "护理型" if i == 1 else "普通") for i in range(1, 5)])
    area = "500112"
    rooms = centre.bed_map(ctx)
    for i, r in enumerate(rooms[:60]):
        residents.register_resident(ctx, person(name="住户" + str(i), seq=100 + 2 * i, area=area),
                                    dt.date(2026, 1, 10), r.beds[0].bed_id)
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    assert len(page.canvas.tiles()) == 400
    t0 = time.perf_counter()
    page._fill_map()
    fill = time.perf_counter() - t0
    page.canvas.resize(1000, page.canvas.minimumHeight())
    t0 = time.perf_counter()
    page.canvas.grab()
    paint = time.perf_counter() - t0
    assert fill < 0.1, fill
    assert paint < 0.3, paint


def test_empty_centre(qtbot, make_shell, ctx):
    page = open_page(qtbot, make_shell(ctx.actor))
    assert page.canvas.tiles() == []
    assert page.card_total.value.text() == "0"
    assert page.card_share.value.text() == "—"
    assert "还没有房间" in page.canvas.empty_text
    assert page.add_room_button.isEnabled()
