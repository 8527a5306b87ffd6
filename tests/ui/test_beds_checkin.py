"""登记入住 from a free bed on the bed map, the bed picker's roommates and
prices, and the 夫妻同住 confirmation (issue 12, behaviour 6)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt

from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import residents
from eldercare_desktop.ui.dialogs.stay import MoveBedDialog
from eldercare_desktop.ui.pages.beds import BedsPage
from tests.conftest import person
from tests.services import billing_fixtures as bf
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

SHOTS = Path(os.environ.get("SHOTS12", "/tmp/shots12"))


def open_page(qtbot, shell) -> BedsPage:
    page = shell.add(BedsPage(shell))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.data is not None and shell.idle(), timeout=10000)
    return page


def click_tile(qtbot, page, code: str) -> None:
    tile = next(t for t in page.canvas.tiles() if t.bed.code == code)
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, tile.rect.center())


def test_free_bed_offers_check_in_with_the_bed_chosen(qtbot, make_shell, app, ctx, admitted):
    bf.fee_items(app)  # 护理型 beds ¥2,400.00/月
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    click_tile(qtbot, page, "A101-1")  # occupied: no check-in
    assert page.canvas.selected_bed().code == "A101-1"
    assert page.admit_button.isHidden()
    assert "张三（男）" in page.d_occupant.text()
    click_tile(qtbot, page, "A101-2")
    assert page.canvas.selected_bed().code == "A101-2"
    assert not page.admit_button.isHidden() and page.admit_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "bed_map.png"))
    # a reload keeps the selection, and the button follows it
    page.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert page.canvas.selected_bed().code == "A101-2" and page.admit_button.isEnabled()
    page.admit_button.click()
    dlg = page.dialog
    qtbot.waitUntil(lambda: dlg.bed.loaded_for is not None, timeout=10000)
    assert dlg.bed.choice().code == "A101-2"
    text = dlg.bed.currentText()
    assert "¥2,400.00/月" in text and "张三（男）" in text
    # a woman: warned, and refused until 夫妻同住 is confirmed
    dlg.show()
    dlg.name.setText("李芳")
    dlg.id_number.setText(make_id_number("500112", dt.date(1942, 6, 1), 24))
    assert dlg.couple.isVisible() and "张三（男）" in dlg.couple.warning.text()
    dlg.grab().save(str(SHOTS / "admission_couple.png"))
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "男女不能同住一室" in dlg.error_for("bed").text() and dlg.isVisible()
    assert len(residents.list_residents(ctx)) == 1
    dlg.couple.box.setChecked(True)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: len(residents.list_residents(ctx)) == 2, timeout=10000)
    qtbot.waitUntil(shell.idle, timeout=10000)
    # the map reloads: the bed is taken, no more check-in there
    qtbot.waitUntil(lambda: page.canvas.selected_bed() is not None
                    and page.canvas.selected_bed().occupant_name == "李芳", timeout=10000)
    assert page.admit_button.isHidden()


def test_a_man_sees_no_warning_and_a_single_room_is_empty(qtbot, make_shell, app, ctx, admitted):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    click_tile(qtbot, page, "A102-1")
    dlg = page.admit_here()
    qtbot.waitUntil(lambda: dlg.bed.loaded_for is not None, timeout=10000)
    assert dlg.bed.choice().code == "A102-1" and "房间无人" in dlg.bed.currentText()
    assert "未定价" in dlg.bed.currentText()  # no fee schedule yet
    dlg.id_number.setText(make_id_number("500112", dt.date(1940, 1, 1), 31))
    assert dlg.bed.select_code("A101-2")
    assert dlg.couple.isHidden()  # a man with a man
    dlg.reject()


def test_front_desk_may_check_in_auditor_may_not(qtbot, make_shell, app, actors, admitted):
    page = open_page(qtbot, make_shell(actors[Role.FRONT_DESK]))
    click_tile(qtbot, page, "A101-2")
    assert page.admit_button.isEnabled()
    page = open_page(qtbot, make_shell(actors[Role.AUDITOR]))
    click_tile(qtbot, page, "A101-2")
    assert not page.admit_button.isEnabled() and "权限" in page.admit_button.toolTip()
    assert page.admit_here() is None


def test_move_dialog_confirms_a_couple(qtbot, make_shell, app, ctx, admitted, centre_ready):
    woman = residents.register_resident(ctx, person("李芳", dt.date(1942, 6, 1), 24), dt.date(2026, 2, 1),
                                        centre_ready["A102-1"]).ids[0]
    shell = make_shell(ctx.actor)
    row = next(r for r in residents.list_residents(ctx) if r.id == woman)
    dlg = MoveBedDialog(shell, row, row.bed_code, centre_ready["A102-1"])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.bed.isEnabled(), timeout=10000)
    assert dlg.bed.select_code("A101-2")
    assert dlg.couple.isVisible()
    dlg.couple.box.setChecked(True)
    dlg.reason.setText("夫妻同住")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result() == 1, timeout=10000)
    assert next(r for r in residents.list_residents(ctx) if r.id == woman).bed_code == "A101-2"
