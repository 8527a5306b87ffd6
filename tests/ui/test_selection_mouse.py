"""Rows and beds selected with the MOUSE, as a user does, on the pages whose
buttons follow a selection: 合同, 床位 and 报表 → 记账凭证 / 固定资产. The
buttons enable for what is clicked, and follow a filter or a reload: off
when nothing visible is selected, never acting on another row."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assets, books, centre, contracts, residents
from eldercare_desktop.ui.pages.beds import BedsPage
from eldercare_desktop.ui.pages.contracts import ContractsPage
from eldercare_desktop.ui.pages.reports import ReportsPage
from eldercare_desktop.viewmodels import contracts as cvm
from tests.conftest import person
from tests.services import test_contracts as _tc
from tests.services.test_contracts import assess, contract_input
from tests.ui import fakeshell as _fs

make_shell, schedule, signed = _fs.make_shell, _tc.schedule, _tc.signed  # fixtures
D = dt.date
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def click_row(qtbot, view, row: int, modifier=NONE) -> None:
    model = view.model()
    view.scrollTo(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, modifier, view.visualRect(model.index(row, 0)).center())


def show(qtbot, shell, page, w: int = 1300, h: int = 800):
    shell.add(page)
    qtbot.addWidget(page)
    page.resize(w, h)
    page.show()
    page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


# --- 合同 ------------------------------------------------------------------------------------

def test_contracts_buttons_follow_the_mouse_a_filter_and_a_reload(qtbot, make_shell, ctx, actors, signed,
                                                                  centre_ready):
    other = residents.register_resident(ctx, person("李四", seq=25), D(2026, 1, 10), centre_ready["A102-1"]).ids[0]
    assess(ctx, other)
    second = contracts.sign_contract(ctx, contract_input(other, signer_name="李小四")).ids[0]
    shell = make_shell(actors[Role.FRONT_DESK])
    page = show(qtbot, shell, ContractsPage(shell))
    view, model = page.table, page.model
    assert model.rowCount() == 2
    buttons = (page.amend_button, page.terminate_button, page.print_button, page.preview_button)
    row = model.row_of(second)
    click_row(qtbot, view, row)
    qtbot.waitUntil(lambda: shell.idle() and page.current_detail() is not None, timeout=10000)
    assert page.current_detail().id == second and all(b.isEnabled() for b in buttons)
    # the other row: its own detail, never the previous row's
    click_row(qtbot, view, model.row_of(signed))
    assert page.current_detail() is None or page.current_detail().id == signed
    qtbot.waitUntil(lambda: shell.idle() and page.current_detail() is not None, timeout=10000)
    assert page.current_detail().id == signed and all(b.isEnabled() for b in buttons)
    # Ctrl+click deselects: everything that needs a contract is off
    click_row(qtbot, view, model.row_of(signed), Qt.KeyboardModifier.ControlModifier)
    assert page.selected() is None and not any(b.isEnabled() for b in buttons)
    assert page.sign_button.isEnabled()
    # a search that hides the chosen contract: nothing selected (never the other one)
    click_row(qtbot, view, model.row_of(signed))
    qtbot.waitUntil(lambda: shell.idle() and page.current_detail() is not None, timeout=10000)
    page.search.setText("李四")
    assert model.rowCount() == 1 and page.selected() is None
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert not any(b.isEnabled() for b in buttons)
    page.search.clear()
    qtbot.waitUntil(shell.idle, timeout=10000)
    # a status filter with no rows, then back
    click_row(qtbot, view, model.row_of(second))
    qtbot.waitUntil(lambda: shell.idle() and page.current_detail() is not None, timeout=10000)
    page.status.setCurrentIndex(page.status.findData(cvm.FILTER_TERMINATED))
    assert model.rowCount() == 0 and not any(b.isEnabled() for b in buttons)
    page.status.setCurrentIndex(page.status.findData(cvm.FILTER_ACTIVE))
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert all(b.isEnabled() == (page.current_detail() is not None) for b in buttons)
    # a reload keeps the clicked contract and its buttons
    click_row(qtbot, view, model.row_of(second))
    qtbot.waitUntil(lambda: shell.idle() and page.current_detail() is not None, timeout=10000)
    page.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert page.selected().id == second and page.current_detail().id == second
    assert all(b.isEnabled() for b in buttons)
    assert not shell.errors, shell.errors


# --- 床位 ------------------------------------------------------------------------------------

def test_beds_buttons_follow_the_mouse_the_building_filter_and_a_reload(qtbot, make_shell, ctx, admitted):
    centre.add_room(ctx, "B", 1, "101", "单人间", [("1", "普通")])
    shell = make_shell(ctx.actor)
    page = show(qtbot, shell, BedsPage(shell), 1200, 800)
    qtbot.waitUntil(lambda: page.data is not None and shell.idle(), timeout=10000)
    canvas = page.canvas
    bed_buttons = (page.bed_type_button, page.bed_active_button)
    room_buttons = (page.add_bed_button, page.edit_room_button, page.room_active_button)

    def tile(code):
        return next(t for t in canvas.tiles() if t.bed.code == code)

    assert canvas.selected_bed() is None and not any(b.isEnabled() for b in bed_buttons + room_buttons)
    # a free bed: admit, the bed and room buttons
    qtbot.mouseClick(canvas, LEFT, NONE, tile("A101-2").rect.center())
    assert canvas.selected_bed().code == "A101-2"
    assert all(b.isEnabled() for b in bed_buttons + room_buttons)
    assert page.admit_button.isVisible() and page.admit_button.isEnabled()
    # an occupied bed: no admit, 打开住户档案 instead
    qtbot.mouseClick(canvas, LEFT, NONE, tile("A101-1").rect.center())
    assert canvas.selected_bed().code == "A101-1"
    assert not page.admit_button.isVisible() and page.open_button.isVisible()
    # a room card outside its tiles: the room's buttons only
    card = next(c for c in canvas.cards() if c.room.room_id == tile("A101-1").room.room_id)
    qtbot.mouseClick(canvas, LEFT, NONE, card.rect.topLeft() + QPoint(4, 4))
    assert canvas.selected_bed() is None and canvas.selected_room() is not None
    assert all(b.isEnabled() for b in room_buttons) and not any(b.isEnabled() for b in bed_buttons)
    # a building filter that hides the selection: nothing selected, all off
    qtbot.mouseClick(canvas, LEFT, NONE, tile("A102-1").rect.center())
    page.tabs.setCurrentIndex(2)  # B栋
    assert {t.bed.code for t in canvas.tiles()} == {"B101-1"}
    assert canvas.selected_bed() is None and canvas.selected_room() is None
    assert not any(b.isEnabled() for b in bed_buttons + room_buttons) and not page.admit_button.isVisible()
    qtbot.mouseClick(canvas, LEFT, NONE, tile("B101-1").rect.center())
    assert canvas.selected_bed().code == "B101-1" and all(b.isEnabled() for b in bed_buttons + room_buttons)
    # a reload keeps the bed; a day in the future cannot admit
    page.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert canvas.selected_bed().code == "B101-1" and page.admit_button.isEnabled()
    page.date.setDate(page.date.date().addDays(3))
    qtbot.waitUntil(lambda: shell.idle() and page.data.day > page.data.today, timeout=10000)
    assert canvas.selected_bed().code == "B101-1" and not page.admit_button.isVisible()
    # clicking empty canvas deselects
    qtbot.mouseClick(canvas, LEFT, NONE, canvas.rect().bottomRight() - QPoint(3, 3))
    assert canvas.selected_bed() is None and not any(b.isEnabled() for b in bed_buttons)
    assert not shell.errors, shell.errors


# --- 报表 → 记账凭证 / 固定资产 --------------------------------------------------------------

def test_vouchers_and_assets_tabs_follow_the_mouse(qtbot, make_shell, app, actors):
    acc = app.as_user(actors[Role.ACCOUNTANT])
    books.add_voucher(acc, B.salaries(D(2026, 11, 20), 400000, 200000, 60000))
    books.add_voucher(acc, B.expense("purchase", D(2026, 11, 21), "采购食材", {"业务": 80000}))
    assets.register_asset(acc, assets.AssetInput("床", "家具用具", 120000, D(2026, 1, 5), 12))
    assets.register_asset(acc, assets.AssetInput("康复训练设备", "专用设备", 3600000, D(2025, 9, 1), 60))
    shell = make_shell(actors[Role.ADMIN])  # reviews what the accountant made
    page = ReportsPage(shell)
    show(qtbot, shell, page, 1300, 800)
    qtbot.waitUntil(lambda: shell.idle() and page.meta_loaded, timeout=15000)
    page.tabs.setCurrentWidget(page.vouchers)
    tab = page.vouchers
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 2, timeout=10000)
    buttons = (tab.review_button, tab.void_button, tab.reverse_button)
    assert not any(b.isEnabled() for b in buttons)
    click_row(qtbot, tab.table, 1)
    assert [v.number for v in tab.selected()] == [tab.model.rows[1].number]
    assert tab.review_button.isEnabled() and tab.void_button.isEnabled() and not tab.reverse_button.isEnabled()
    # Ctrl+click the other: two selected, review only
    click_row(qtbot, tab.table, 0, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.selected()) == 2 and tab.review_button.isEnabled() and not tab.void_button.isEnabled()
    # Ctrl+click both away: nothing selected, nothing on
    click_row(qtbot, tab.table, 0, Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, tab.table, 1, Qt.KeyboardModifier.ControlModifier)
    assert not tab.selected() and not any(b.isEnabled() for b in buttons)
    # a sort (layout change) keeps the voucher clicked and its buttons
    click_row(qtbot, tab.table, 0)
    chosen = tab.selected()[0].id
    tab.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert [v.id for v in tab.selected()] == [chosen] and tab.review_button.isEnabled()
    # a filter that hides it: all off; a reload with it shown: kept
    tab.status.setCurrentIndex(tab.status.findData(B.REVIEWED))
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 0, timeout=10000)
    assert not tab.selected() and not any(b.isEnabled() for b in buttons)
    tab.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 2, timeout=10000)
    click_row(qtbot, tab.table, 0)
    chosen = tab.selected()[0].id
    tab.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert [v.id for v in tab.selected()] == [chosen] and tab.review_button.isEnabled()
    # review it with the mouse: the buttons follow the new state (reverse, not void)
    qtbot.mouseClick(tab.review_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and tab.selected() and tab.selected()[0].status == B.REVIEWED,
                    timeout=10000)
    assert tab.reverse_button.isEnabled() and not tab.review_button.isEnabled() and not tab.void_button.isEnabled()

    # 固定资产: its buttons act on the register, not a row: a click selects, they stay on
    page.tabs.setCurrentWidget(page.assets)
    at = page.assets
    qtbot.waitUntil(lambda: shell.idle() and at.model.rowCount() == 2, timeout=10000)
    click_row(qtbot, at.table, 1)
    assert [i.row() for i in at.table.selectionModel().selectedRows()] == [1]
    assert all(b.isEnabled() for b in (at.buy_button, at.register_button, at.depreciate_button))
    at.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert all(b.isEnabled() for b in (at.buy_button, at.register_button, at.depreciate_button))
    assert not shell.errors, shell.errors
