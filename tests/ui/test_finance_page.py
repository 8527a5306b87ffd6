"""The 账单与收款 page: models, billing run with the progress dialog, the cash
desk's payment dialog, voids, statements, ageing and the auditor's view."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import func, select

from eldercare_desktop.db.models import BillLine, BillRun, JournalEntry, Receipt
from eldercare_desktop.domain.billing_records import BillingRegister, RegisterRow, RunInfo
from eldercare_desktop.domain.finance_records import PriceChangeRow, ScheduleRow
from eldercare_desktop.domain.payment_records import AgeingRow, ReceiptRow
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, payments
from eldercare_desktop.ui.pages.finance import FinancePage
from eldercare_desktop.ui.pages.finance_models import ColumnsModel
from eldercare_desktop.ui.widgets import run_with_progress, to_qdate
from eldercare_desktop.viewmodels import finance as vm
from tests.services import billing_fixtures as bf
from tests.ui.fakeshell import FakeShell, make_shell  # noqa: F401  (fixture)

D = dt.date
T = dt.datetime(2026, 1, 1, 9, 0)


class ProgressShell(FakeShell):
    """FakeShell whose run_long is the main window's: the real cancellable
    progress dialog on the real worker."""

    def __init__(self, app, actor):
        super().__init__(app, actor)
        self.dialogs = []
        self.cancelled = 0

    def run_long(self, title, fn, *args, on_done=None, **kwargs) -> None:
        self.calls.append(getattr(fn, "__name__", repr(fn)))
        self.dialogs.append(run_with_progress(None, self.worker, title, fn, self.ctx, *args,
                                              on_done=self._done(on_done), on_error=self.show_error,
                                              on_cancelled=self._cancelled, **kwargs))

    def _cancelled(self) -> None:
        self.cancelled += 1


@pytest.fixture
def progress_shell(app, qtbot):
    shells = []

    def make(actor):
        s = ProgressShell(app, actor)
        shells.append(s)
        return s

    yield make
    for s in shells:
        qtbot.waitUntil(s.idle, timeout=10000)
        s.worker.stop()


@pytest.fixture
def billed_setup(app, ctx, admitted):
    """张三 under contract from 2026-01-10 at the standard fees."""
    bf.fee_items(app)
    bf.make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001")
    return admitted


def open_page(qtbot, shell) -> FinancePage:
    page = shell.add(FinancePage(shell))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


def count(app, model) -> int:
    with app.read_factory() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def column(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


# --- models -----------------------------------------------------------------------------

def test_every_model_with_rows(qtmodeltester, qtbot):
    sched = ColumnsModel(vm.SCHEDULE_COLUMNS, [c.key for c in vm.SCHEDULE_COLUMNS])
    sched.set_rows([ScheduleRow(1, "BED", "bed", "床位费", "普通床位", "月", "普通", 230000, D(2020, 1, 1), 240000,
                                D(2027, 1, 1), D(2026, 11, 25))])
    changes = ColumnsModel(vm.CHANGE_COLUMNS, [c.key for c in vm.CHANGE_COLUMNS])
    changes.set_rows([vm.ChangeLine(PriceChangeRow(1, "BED", "普通床位", D(2026, 1, 1), 230000, 240000,
                                                   D(2025, 11, 1), "成本", T, "admin"), 1)])
    reg = ColumnsModel(vm.REGISTER_COLUMNS, [c.key for c in vm.REGISTER_COLUMNS], is_total=vm.is_totals)
    reg.set_rows(vm.register_rows(BillingRegister("2026-10", (RegisterRow(1, "张三", 1, "HT1", 1, 2, 3, 4),))))
    runs = ColumnsModel(vm.RUN_COLUMNS, [c.key for c in vm.RUN_COLUMNS])
    runs.set_rows([RunInfo(1, "2026-10", T, T, 3, 9, 100, "rule", "admin")])
    rec = ColumnsModel(vm.RECEIPT_COLUMNS, [c.key for c in vm.RECEIPT_COLUMNS], is_void=lambda r: r.voided)
    rec.set_rows([ReceiptRow(1, "SJ2026-000001", D(2026, 11, 1), 1, "张三", "现金", "", 100, "张小三", "", "会计",
                             True, D(2026, 11, 2), "写错"),
                  ReceiptRow(2, "SJ2026-000002", D(2026, 11, 2), 1, "张三", "现金", "", 100, "张小三", "", "会计",
                             False, None, "")])
    ageing = ColumnsModel(vm.ageing_columns(), [c.key for c in vm.ageing_columns()],
                          is_total=lambda r: r.resident_id == 0)
    ageing.set_rows([AgeingRow(1, "张三", (1, 2, 3, 4), 0, D(2026, 1, 31)), AgeingRow(0, "合计", (1, 2, 3, 4), 0, None)])
    for m in (sched, changes, reg, runs, rec, ageing):
        assert m.rowCount() > 0
        qtmodeltester.check(m)
    assert rec.data(rec.index(0, 5), Qt.ItemDataRole.ForegroundRole) is not None  # voided: grey
    assert rec.data(rec.index(1, 5), Qt.ItemDataRole.ForegroundRole) is None
    assert reg.data(reg.index(1, 6), Qt.ItemDataRole.FontRole).bold()


# --- 月度计费 ----------------------------------------------------------------------------

def test_billing_run_through_the_progress_dialog(qtbot, progress_shell, app, actors, billed_setup):
    shell = progress_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.billing
    assert tab.period == "2026-10"  # the previous month by default
    assert tab.model.rowCount() == 0 and tab.run_button.isEnabled()
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert len(shell.dialogs) == 1
    qtbot.waitUntil(lambda: tab.last_result is not None, timeout=10000)
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 2, timeout=10000)
    dlg = shell.dialogs[0]
    assert not shiboken6.isValid(dlg) or not dlg.isVisible()  # closed (and deleted)
    r = tab.last_result
    assert r.period == "2026-10" and r.contracts == 1 and r.lines > 0
    # bed 2,400 + care 1,500 + meals 30 × 31 = 4,830.00
    assert column(tab.model, 0) == ["张三", "合计"]
    assert column(tab.model, 6) == ["¥4,830.00", "¥4,830.00"]
    assert r.total_fen == 483000 and "¥4,830.00" in tab.result.text()
    assert tab.runs_model.rowCount() == 1
    assert "按自然日折算" in tab.rule.text()


def test_cancelled_run_posts_nothing(qtbot, progress_shell, app, actors, billed_setup):
    shell = progress_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    gate = threading.Event()
    shell.worker.submit(lambda: gate.wait(10))  # hold the database thread
    page.billing.run()
    dlg = shell.dialogs[0]
    assert dlg.isVisible() and dlg.windowTitle() == "月度计费 2026-10"
    cancel = next(b for b in dlg.findChildren(QPushButton) if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the user presses 取消 before the job starts
    assert dlg.labelText() == "正在取消…"
    gate.set()
    qtbot.waitUntil(lambda: shell.cancelled == 1 and shell.idle(), timeout=10000)
    assert page.billing.last_result is None and not shell.errors
    assert (count(app, BillRun), count(app, BillLine), count(app, JournalEntry)) == (0, 0, 0)


def test_abort_inside_the_service_leaves_nothing(ctx, app, billed_setup):
    abort = threading.Event()
    abort.set()
    with pytest.raises(billing.BillingCancelled):
        billing.run_billing(ctx, "2026-10", abort=abort)
    assert (count(app, BillRun), count(app, BillLine), count(app, JournalEntry)) == (0, 0, 0)


def test_close_month_explains_and_closes(qtbot, make_shell, app, actors, ctx, billed_setup):
    billing.run_billing(ctx, "2026-10")
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    page.billing.close_month()
    qtbot.waitUntil(lambda: shell.idle() and page.billing.closed_label.text() == "本月已结账", timeout=10000)
    assert "不能再记任何账" in asked[0] and "红冲" in asked[0]
    assert not page.billing.run_button.isEnabled() and "已结账" in page.billing.run_button.toolTip()


# --- 收款 --------------------------------------------------------------------------------

def pick(qtbot, page, rid):
    tab = page.cash
    tab.select_resident(rid)
    qtbot.waitUntil(lambda: tab.resident_id == rid and tab.agent != "", timeout=10000)
    return tab


def test_payment_without_reference_shows_inline_error_and_saves_nothing(qtbot, make_shell, app, actors, ctx,
                                                                        billed_setup):
    billing.run_billing(ctx, "2026-10")
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    tab = pick(qtbot, page, billed_setup)
    assert tab.balance.text() == "欠费 ¥4,830.00"
    dlg = tab.payment_dialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.payer.text() == "张小三"  # the agent
    assert dlg.amount.text() == "4,830.00"
    dlg.method.setCurrentText("银行转账")
    dlg.reference.clear()
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    err = dlg.error_for("reference")
    qtbot.waitUntil(lambda: shell.idle() and not err.isHidden(), timeout=10000)
    assert "交易流水号" in err.text() and dlg.isVisible()
    assert count(app, Receipt) == 0
    # a bad amount is refused inline before the service
    dlg.amount.setText("12.345")
    dlg.ok_button.click()
    assert "两位小数" in dlg.error_for("amount").text() and count(app, Receipt) == 0
    # fixed: saved, the receipt is offered for printing
    dlg.amount.setText("5000")
    dlg.reference.setText("TX123")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=10000)
    assert count(app, Receipt) == 1
    printed = []
    page.confirm = lambda title, text: True
    page.choose_path = lambda *a: printed.append(a) or None
    tab.paid(dlg.result_value)
    qtbot.waitUntil(lambda: bool(printed), timeout=10000)  # the receipt number is looked up first
    assert printed[0][1] == "收据SJ2026-000001.pdf"
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: tab.balance.text() == "预收余额 ¥170.00", timeout=10000)
    assert "¥5,000.00" in tab.totals.text()


def test_void_needs_a_reason_and_greys_the_receipt(qtbot, make_shell, app, actors, ctx, billed_setup, tmp_path):
    payments.record_payment(ctx, billed_setup, D(2026, 11, 20), "现金", 100000, "张小三")
    payments.record_payment(ctx, billed_setup, D(2026, 11, 21), "现金", 20000, "张小三")
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.cash
    assert tab.model.rowCount() == 2
    tab.view.selectRow(0)
    from eldercare_desktop.ui.dialogs.finance import VoidDialog

    dlg = VoidDialog(shell, tab.current_receipt())
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ok_button.click()
    assert "作废原因" in dlg.error_for("reason").text()
    dlg.reason.setText("金额写错")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None and shell.idle(), timeout=10000)
    qtbot.waitUntil(lambda: tab.model.row_at(0) is not None and tab.model.row_at(0).voided, timeout=10000)
    assert tab.model.data(tab.model.index(0, 8)).startswith("作废 2026-11-25 金额写错")
    assert tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert "共 2 张（作废 1 张）；收款合计（不含作废）¥200.00" in tab.totals.text()
    # 补打收据
    out = tmp_path / "r.pdf"
    page.choose_path = lambda *a: str(out)
    tab.view.selectRow(1)
    tab.reprint()
    qtbot.waitUntil(lambda: shell.idle() and out.exists(), timeout=20000)


# --- 收费标准 ----------------------------------------------------------------------------

def test_price_change_shows_the_notice_rule_inline(qtbot, make_shell, app, actors, ctx, billed_setup):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.schedule
    assert tab.model.rowCount() == 5
    row = next(r for r in tab.model.rows if r.code == "BED-N")
    from eldercare_desktop.ui.dialogs.finance import PriceDialog

    dlg = PriceDialog(shell, row)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.notice.date() == to_qdate(D(2026, 11, 25))
    dlg.amount.setText("2,500")
    dlg.effective.setDate(to_qdate(D(2026, 12, 1)))
    dlg.reason.setText("成本上涨")
    dlg.ok_button.click()
    err = dlg.error_for("notice_date")
    qtbot.waitUntil(lambda: shell.idle() and not err.isHidden(), timeout=10000)
    assert "至少提前30天" in err.text()
    dlg.effective.setDate(to_qdate(D(2027, 1, 1)))
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=10000)
    qtbot.waitUntil(lambda: shell.idle() and any(r.next_price_fen == 250000 for r in tab.model.rows),
                    timeout=10000)
    qtbot.waitUntil(lambda: tab.changes_model.rowCount() >= 0 and "2026" in str(tab.year.value()), timeout=1000)
    tab.year.setValue(2027)
    qtbot.waitUntil(lambda: shell.idle() and tab.changes_model.rowCount() == 1, timeout=10000)
    assert tab.changes_model.data(tab.changes_model.index(0, 7)) == "1"
    assert "BED-N 护理型床位：1 次" in tab.counts.text()
    # the selected change: notice letters print for it, and the contracts charged for it are amended
    tab.changes_view.selectRow(0)
    page.confirm = lambda *a: True
    tab.amend_button.click()
    qtbot.waitUntil(lambda: shell.idle(), timeout=10000)
    from eldercare_desktop.services import contracts

    (c,) = contracts.list_contracts(ctx)
    last = contracts.get_contract(ctx, c.id).terms[-1]
    assert (last.kind, last.effective_date, last.bed_fee_fen) == ("调价", D(2027, 1, 1), 250000)


# --- 费用清单 and 欠费账龄 ---------------------------------------------------------------

def test_statement_and_ageing(qtbot, make_shell, app, actors, ctx, billed_setup, tmp_path):
    billing.run_billing(ctx, "2026-10")
    payments.record_payment(ctx, billed_setup, D(2026, 11, 20), "现金", 100000, "张小三")
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    st = page.statement
    st.select(billed_setup, "2026-10")
    qtbot.waitUntil(lambda: shell.idle() and st.detail is not None and st.detail.period == "2026-10", timeout=10000)
    text = st.view.toPlainText()
    assert "计算方法" in text and "按自然日折算" in text and "¥4,830.00" in text
    assert st.view.isReadOnly()
    out = tmp_path / "all.pdf"
    page.choose_path = lambda *a: str(out)
    st.print_all()
    qtbot.waitUntil(lambda: shell.idle() and out.exists(), timeout=20000)
    ag = page.ageing
    qtbot.waitUntil(lambda: ag.report is not None, timeout=10000)
    rep = ag.report
    assert rep.total_fen == rep.receivable_fen == 483000 - 100000
    assert column(ag.model, 0) == ["张三", "合计"]
    assert ag.model.data(ag.model.index(1, 6)) == "¥3,830.00"
    assert "账龄合计 ¥3,830.00；应收账款（1121）余额 ¥3,830.00" in ag.summary.text()


# --- the auditor --------------------------------------------------------------------------

def test_auditor_sees_write_buttons_disabled_but_views_and_prints(qtbot, make_shell, app, actors, ctx, billed_setup,
                                                                  tmp_path):
    billing.run_billing(ctx, "2026-10")
    payments.record_payment(ctx, billed_setup, D(2026, 11, 20), "现金", 100000, "张小三")
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    writes = [page.schedule.add_button, page.schedule.price_button, page.schedule.stop_button,
              page.billing.run_button, page.billing.close_button, page.cash.pay_button, page.cash.void_button]
    for b in writes:
        assert not b.isEnabled(), b.text()
        assert "权限" in b.toolTip(), b.text()
    # viewing works
    assert page.schedule.model.rowCount() == 5
    assert page.billing.model.rowCount() == 2
    assert page.cash.model.rowCount() == 1
    tab = pick(qtbot, page, billed_setup)
    assert not tab.pay_button.isEnabled()
    # printing works
    for b in (page.cash.reprint_button, page.statement.print_button, page.statement.batch_button):
        assert b.isEnabled()
    out = tmp_path / "one.pdf"
    page.choose_path = lambda *a: str(out)
    page.statement.select(billed_setup, "2026-10")
    qtbot.waitUntil(lambda: shell.idle() and page.statement.detail is not None, timeout=10000)
    page.statement.print_one()
    qtbot.waitUntil(lambda: shell.idle() and out.exists(), timeout=20000)
    # export buttons: enabled when the exports service has them, else disabled saying why
    for b in (page.schedule.print_button, page.billing.export_button, page.ageing.export_button):
        assert b.isEnabled() or "尚未安装" in b.toolTip()
    assert not shell.errors
