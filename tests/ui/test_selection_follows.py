"""Issue 12: the buttons follow the row the user sees selected, and the
actions read that selection when clicked. Rows are selected with the mouse,
as a user does (a click moves the current index before it selects the row)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments as svc
from eldercare_desktop.services import escrow, residents
from eldercare_desktop.ui.dialogs.assessment_form import ImmediateRequestDialog
from eldercare_desktop.ui.dialogs.consent import ConsentDialog
from eldercare_desktop.viewmodels import escrow as evm
from tests.conftest import agent, person
from tests.services.billing_fixtures import make_contract, terminate
from tests.ui import fakeshell
from tests.ui.test_assessments_page import FULL, form_input, open_form, wait_idle
from tests.ui.test_assessments_page import open_page as open_assessments
from tests.ui.test_escrow_page import open_page as open_escrow

make_shell = fakeshell.make_shell  # the fixture
D = dt.date
LEFT = Qt.MouseButton.LeftButton


def click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    model = view.model()
    qtbot.mouseClick(view.viewport(), LEFT, modifier, view.visualRect(model.index(row, 0)).center())


def click_header(qtbot, view, column: int) -> None:
    h = view.horizontalHeader()
    x = h.sectionViewportPosition(column) + h.sectionSize(column) // 2
    qtbot.mouseClick(h.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(x, h.height() // 2))


def enabled(*buttons) -> list[bool]:
    return [b.isEnabled() for b in buttons]


# -- 评估 ------------------------------------------------------------------------------------

def test_assessments_due_row_clicked_with_the_mouse_enables_new_and_request(qtbot, make_shell, ctx, admitted,
                                                                          centre_ready):
    other = residents.register_resident(ctx, person("李四", seq=25, contacts=(agent(),)), D(2026, 3, 1),
                                        centre_ready["A102-1"]).ids[0]
    shell = make_shell(ctx.actor)
    page = open_assessments(qtbot, shell)
    page.tabs.setCurrentIndex(page.DUE)
    names = [r.resident_name for r in page.due_model.rows]
    assert sorted(names) == ["张三", "李四"]
    assert enabled(page.new_button, page.request_button) == [False, False]
    assert page.new_button.toolTip() == "请先选择一位住户"
    row = names.index("李四")
    click_row(qtbot, page.due_table, row)
    assert page.selected_due().resident_id == other
    assert enabled(page.new_button, page.request_button) == [True, True]
    assert page.new_button.toolTip() == "" and page.request_button.toolTip() == ""
    # the buttons act on the clicked resident
    dlg = open_form(qtbot, page, page.new_button.click)
    assert dlg.windowTitle() == "新建评估 — 李四"
    dlg.reject()
    page.request_button.click()
    assert isinstance(page.current_dialog, ImmediateRequestDialog) and page.current_dialog.resident_id == other
    page.current_dialog.reject()
    # a reload keeps the resident selected
    page.reload()
    wait_idle(qtbot, shell, page)
    assert page.selected_due().resident_id == other and page.new_button.isEnabled()
    # clicking the other row moves the buttons with it
    click_row(qtbot, page.due_table, names.index("张三"))
    assert page.selected_due().resident_id == admitted and page.new_button.isEnabled()


def test_assessments_pending_records_and_history_follow_the_mouse(qtbot, make_shell, ctx, admitted):
    first = svc.save_assessment(ctx, form_input(admitted)).ids[0]
    scores = list(FULL)
    scores[:8] = [2] * 8  # 74 → 介护一级: a change waiting for consent
    second = svc.save_assessment(ctx, form_input(admitted, scores, base_date=D(2026, 11, 20),
                                                 reason="常规评估")).ids[0]
    shell = make_shell(ctx.actor)
    page = open_assessments(qtbot, shell)

    # 待确认的照护等级变更
    page.tabs.setCurrentIndex(page.PENDING)
    pending = (page.agree_button, page.decline_button, page.view_pending_button)
    assert page.pending_model.rowCount() == 1 and enabled(*pending) == [False] * 3
    click_row(qtbot, page.pending_table, 0)
    assert enabled(*pending) == [True] * 3 and page.agree_button.toolTip() == ""
    page.agree_button.click()
    qtbot.waitUntil(lambda: isinstance(page.current_dialog, ConsentDialog), timeout=10000)
    page.current_dialog.reject()
    page.load_pending()
    wait_idle(qtbot, shell, page)
    assert enabled(*pending) == [True] * 3  # a reload keeps the selection

    # 评估记录: click, sort, filter
    page.tabs.setCurrentIndex(page.RECORDS)
    records = (page.view_button, page.correct_button, page.print_button)
    assert page.list_model.rowCount() == 2 and enabled(*records) == [False] * 3
    row = page.list_vm.row_of(first)
    click_row(qtbot, page.list_table, row)
    assert page.selected_assessment(page.list_table).id == first
    assert enabled(*records) == [True] * 3
    for _ in range(2):  # 总分 ascending, then descending: the selection stays on the same assessment
        click_header(qtbot, page.list_table, 5)
        assert page.selected_assessment(page.list_table).id == first
        assert enabled(*records) == [True] * 3
    page.search.setText("PG2026-0002")  # hides the selected one: nothing selected, nothing to press
    assert page.list_model.rowCount() == 1
    assert page.selected_assessment(page.list_table) is None and enabled(*records) == [False] * 3
    page.search.setText("")
    click_row(qtbot, page.list_table, page.list_vm.row_of(first))
    page.search.setText("PG2026")  # keeps it: still selected
    assert page.selected_assessment(page.list_table).id == first and enabled(*records) == [True] * 3

    # 个人评估历史: the newest is selected on load; a click on the older one follows
    page.tabs.setCurrentIndex(page.HISTORY)
    with qtbot.waitSignal(page.history_loaded, timeout=10000):
        page.picker.select(admitted)
    history = (page.h_view_button, page.h_correct_button, page.h_print_button)
    assert page.selected_assessment(page.hist_table).id == second and enabled(*history) == [True] * 3
    click_row(qtbot, page.hist_table, page.hist_vm.row_of(first))
    assert page.selected_assessment(page.hist_table).id == first
    assert enabled(*history) == [True] * 3
    with qtbot.waitSignal(page.form_opened, timeout=10000) as sig:
        page.h_view_button.click()
    dlg = sig.args[0]
    dlg.confirm_discard = False
    assert dlg.read_only and dlg.setup.detail.id == first
    dlg.reject()


# -- 押金专户 --------------------------------------------------------------------------------

def _two_residents(app, ctx, admitted, centre_ready):
    """张三: contract ended 2026-10-31, ¥10,000 held, refund overdue; 李四: contract in force, ¥10,000 held."""
    other = residents.register_resident(ctx, person("李四", seq=21, contacts=(agent(),)), D(2026, 1, 10),
                                        centre_ready["A102-1"]).ids[0]
    ended = make_contract(app, admitted, D(2026, 1, 10), end=D(2026, 12, 31))
    running = make_contract(app, other, D(2026, 1, 10), end=D(2026, 12, 31))
    escrow.receive_deposit(ctx, admitted, D(2026, 1, 10), 1000000, "银行转账", "L1")
    escrow.receive_deposit(ctx, other, D(2026, 1, 10), 1000000, "银行转账", "L2")
    terminate(app, ended, D(2026, 10, 31))
    return other, running


def test_escrow_buttons_follow_the_selection_through_filter_search_deselect_and_reload(
        qtbot, make_shell, app, ctx, actors, admitted, centre_ready):
    other, running = _two_residents(app, ctx, admitted, centre_ready)
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_escrow(qtbot, shell)
    opened: list[tuple[str, int]] = []

    def fake_open(dlg) -> bool:
        opened.append((type(dlg).__name__, dlg.row.resident_id))
        return False

    page.open_dialog = fake_open
    t = page.residents
    page.tabs.setCurrentWidget(t)
    money = (t.receive_btn, t.deduct_btn, t.refund_btn, t.excess_btn)
    every = money + (t.receipt_btn, t.voucher_btn, t.ledger_btn)
    docs = [b for b in (t.receipt_btn, t.ledger_btn) if t.allowed[b]]

    def nothing_to_press() -> None:
        assert t.current() is None and not t.table.selectionModel().selectedRows()
        assert not any(b.isEnabled() for b in every), [b.text() for b in every if b.isEnabled()]
        for action in (t.receive, t.deduct, t.refund, t.refund_excess):
            action()
        assert opened == []

    def row(rid: int) -> int:
        return next(i for i, r in enumerate(t.model.rows) if r.resident_id == rid)

    assert {r.resident_id for r in t.model.rows} == {admitted, other}
    click_row(qtbot, t.table, row(other))
    assert t.current().resident_id == other
    assert enabled(*money) == [True, True, False, False]  # in force: no refund
    assert all(b.isEnabled() for b in docs)
    t.deduct_btn.click()
    assert opened == [("DeductDialog", other)]
    opened.clear()

    # 显示 → 已逾期未退: 李四 is hidden; 张三 must not take its place
    t.filter.setCurrentIndex(t.filter.findData(evm.OVERDUE))
    assert [r.resident_id for r in t.model.rows] == [admitted]
    nothing_to_press()
    assert t.moves.rowCount() == 0
    click_row(qtbot, t.table, 0)
    assert t.current().resident_id == admitted
    assert enabled(*money) == [False, True, True, False]
    t.refund_btn.click()
    assert opened == [("RefundDialog", admitted)]
    opened.clear()

    # a filter that keeps 张三 keeps it selected
    t.filter.setCurrentIndex(t.filter.findData(evm.ALL))
    assert t.current().resident_id == admitted and t.refund_btn.isEnabled()
    # the search hides it: nothing selected; cleared again: still nothing (no one jumps in)
    t.search.setText("李四")
    assert [r.resident_id for r in t.model.rows] == [other]
    nothing_to_press()
    t.search.setText("")
    assert t.model.rowCount() == 2
    nothing_to_press()

    # Ctrl+click deselects the row: its current cell stays behind, unseen, and must not count
    click_row(qtbot, t.table, row(admitted))
    assert t.refund_btn.isEnabled()
    click_row(qtbot, t.table, row(admitted), Qt.KeyboardModifier.ControlModifier)
    assert t.table.currentIndex().isValid()
    nothing_to_press()
    t.refund_btn.click()
    assert opened == []

    # a reload keeps the selected resident and the buttons follow its new state
    click_row(qtbot, t.table, row(other))
    assert not t.refund_btn.isEnabled()
    terminate(app, running, D(2026, 11, 20))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()
    assert t.current().resident_id == other and not t.current().active
    assert t.refund_btn.isEnabled() and not t.receive_btn.isEnabled()
    t.refund_btn.click()
    assert opened == [("RefundDialog", other)]
    opened.clear()
    # with nothing selected a reload selects nothing
    click_row(qtbot, t.table, row(other), Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()
    nothing_to_press()
    assert not shell.errors


def test_escrow_resident_actions_without_a_resident_are_all_off():
    assert evm.resident_actions(None) == evm.ResidentActions(False, False, False, False)
    r = evm.ResidentDeposit(1, "张三", 1, "HT-1", "生效", 480000, 2880000, 100000, 100000, 0, 0, 0, None, None,
                            None, 0, True)
    assert evm.resident_actions(r) == evm.ResidentActions(receive=True, deduct=True, refund=False, excess=False)
