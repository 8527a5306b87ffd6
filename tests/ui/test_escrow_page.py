"""The 押金专户 page: models, the deposit dialog's cap check, the late refund,
the dashboard figures and the auditor's read-only view."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from eldercare_desktop.db.models import DepositMovement, JournalEntry
from eldercare_desktop.domain.escrow_records import BankStatement, MovementRow, RateRow, ReconciliationRow, \
    StatementRow
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import escrow
from eldercare_desktop.ui.dialogs.escrow import ReceiveDepositDialog, RefundDialog
from eldercare_desktop.ui.pages.escrow import EscrowModel, EscrowPage, HeldChart
from eldercare_desktop.viewmodels import escrow as vm
from tests.services.billing_fixtures import make_contract, terminate
from tests.ui.fakeshell import FakeShell, make_shell  # noqa: F401  (fixture)

D = dt.date
T = dt.datetime(2026, 1, 1, 9, 0)
CAP = 2880000  # (2,400.00 + 1,500.00 + 30.00 × 30) × 6


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one() for m in (DepositMovement,
                                                                                          JournalEntry))


@pytest.fixture
def held(app, ctx, admitted):
    """张三 under a contract from 2026-01-10 to 2026-12-31 (cap ¥28,800.00)."""
    cid = make_contract(app, admitted, D(2026, 1, 10), end=D(2026, 12, 31))
    return admitted, cid


def open_page(qtbot, shell) -> EscrowPage:
    page = shell.add(EscrowPage(shell))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.activate()
    return page


def row_of(page: EscrowPage, rid: int) -> vm.ResidentDeposit:
    return next(r for r in page.all_rows if r.resident_id == rid)


def test_every_model_with_rows(qtmodeltester, qtbot):
    mv = MovementRow(1, 1, "张三", 1, "HT-1", "收取", D(2026, 1, 10), 100000, "银行转账", "L1", "YJ2026-0001", 1, T,
                     "admin")
    rd = vm.ResidentDeposit(1, "张三", 1, "HT-1", "生效", 480000, CAP, 100000, 100000, 0, 0, 0, D(2026, 10, 31),
                            D(2026, 11, 10), -15, 0, False)
    rate = RateRow(1, D(2025, 5, 20), Decimal("0.05"), "下调", T, "admin")
    reco = ReconciliationRow(1, "2026-10", D(2026, 10, 31), 100, 100, 100, 0, "手工录入", "", 0, T, "admin")
    st = StatementRow(2, D(2026, 10, 31), "存入", 100, 0, 100)
    for cols, row in ((vm.RESIDENT_COLUMNS, rd), (vm.MOVEMENT_COLUMNS, mv), (vm.RATE_COLUMNS, rate),
                      (vm.RECO_COLUMNS, reco), (vm.STATEMENT_COLUMNS, st)):
        model = EscrowModel(cols, [c.key for c in cols], colour=lambda r, k: None)
        model.set_rows([row, row])
        qtmodeltester.check(model)
    assert BankStatement("a.csv", (st,)).last_balance_fen == 100
    chart = HeldChart()
    qtbot.addWidget(chart)
    chart.set_series(())
    chart.grab()


def test_deposit_one_fen_over_cap_shows_inline_error_and_saves_nothing(qtbot, make_shell, app, actors, held):
    rid, _ = held
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    page.show_residents(vm.ALL)
    assert page.residents.select_resident(rid)
    assert page.residents.receive_btn.isEnabled()
    before = counts(app)
    dlg = ReceiveDepositDialog(shell, row_of(page, rid), page)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "¥28,800.00" in dlg.cap.text()
    dlg.amount.setText("28800.01")
    dlg.ok_button.click()
    err = dlg.error_for("amount_fen")
    qtbot.waitUntil(lambda: err.isVisible(), timeout=10000)
    assert "上限¥28,800.00" in err.text()
    assert dlg.isVisible() and not dlg.result_value
    assert counts(app) == before
    dlg.amount.setText("28800.00")
    dlg.reference.setText("流水001")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.ok_button.click()
    assert counts(app) == (before[0] + 1, before[1] + 1)
    qtbot.waitUntil(lambda: row_of(page, rid).balance_fen == CAP, timeout=10000)


def test_late_refund_asks_for_the_reason(qtbot, make_shell, app, ctx, actors, held):
    rid, cid = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 1000000, "银行转账", "L1")
    terminate(app, cid, D(2026, 10, 31))  # due 2026-11-10; today 2026-11-25: 15 days late
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    page.show_residents(vm.OVERDUE)
    assert [r.resident_id for r in page.residents.model.rows] == [rid]
    assert page.residents.model.data(page.residents.model.index(0, 9), Qt.ItemDataRole.DisplayRole) == "逾期15天"
    assert page.residents.refund_btn.isEnabled()
    dlg = RefundDialog(shell, row_of(page, rid), page)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.quote is not None, timeout=10000)
    assert dlg.quote.overdue and dlg.asks_late_reason and dlg.late_reason.isVisible()
    assert "应退" in dlg.view.toPlainText() and "已逾期15天" in dlg.view.toPlainText()
    before = counts(app)
    dlg.ok_button.click()
    err = dlg.error_for("late_reason")
    qtbot.waitUntil(lambda: err.isVisible(), timeout=10000)
    assert "逾期退还须填写原因" in err.text()
    assert counts(app) == before
    dlg.late_reason.setText("家属在外地，无法及时办理")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        dlg.ok_button.click()
    refund = [m for m in escrow.movements(ctx, rid) if m.kind == "退还"]
    assert len(refund) == 1 and "家属在外地" in refund[0].reason
    assert refund[0].amount_fen == dlg.quote.refund_fen


def test_dashboard_figures_equal_the_service(qtbot, make_shell, app, ctx, actors, held, admitted):
    rid, cid = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 1000000, "银行转账", "L1")
    terminate(app, cid, D(2026, 11, 20))  # due 2026-11-30: 5 days left
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    d = escrow.dashboard(ctx)
    ov = page.overview
    assert ov.held.value.text() == vm.money(d.held_fen) == "¥10,000.00"
    assert ov.count.value.text() == str(d.residents_with_deposit) == "1"
    assert ov.due.value.text() == "1" and "2026-11-30" in ov.due.sub.text()
    assert ov.overdue.value.text() == str(len(d.overdue)) == "0"
    assert ov.over_cap.value.text() == str(len(d.over_cap)) == "0"
    assert ov.last_reco.value.text() == "尚未对账"
    assert ov.chart.points == [p.held_fen for p in d.series]
    ov.due.click()
    assert page.tabs.currentWidget() is page.residents
    assert [r.resident_id for r in page.residents.model.rows] == [rid]
    # reconcile through the tab: 相符 in the history and on the dashboard
    page.reco.month.setCurrentText("2026-10")
    page.reco.bank.setText("10,000.00")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reco.reconcile()
    assert "相符" in page.reco.result.text()
    assert page.overview.last_reco.value.text() == "相符"
    assert [r.period for r in page.reco.history.rows] == ["2026-10"]


def test_auditor_sees_write_buttons_disabled(qtbot, make_shell, app, ctx, actors, held):
    rid, _ = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 1000000, "银行转账", "L1")
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    page.show_residents(vm.ALL)
    assert page.residents.select_resident(rid)
    for b in (page.residents.receive_btn, page.residents.deduct_btn, page.residents.refund_btn,
              page.residents.excess_btn, page.rates.add_btn, page.rates.interest_btn, page.rates.mode,
              page.reco.reconcile_btn, page.reco.import_btn):
        assert not b.isEnabled(), b.toolTip()
        assert "权限" in b.toolTip()
    assert not page.reco.bank.isEnabled()
    assert len(page.rates.model.rows) >= 2
    assert page.overview.held.value.text() == "¥10,000.00"
    assert not shell.errors


def test_interest_mode_is_chosen_on_the_rates_tab(qtbot, make_shell, app, ctx, actors, held):
    from eldercare_desktop.domain import interest

    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    combo = page.rates.mode
    assert combo.isEnabled() and combo.currentData() == interest.SPLIT
    with qtbot.waitSignal(page.loaded, timeout=10000):  # the change is broadcast and the page reloads
        combo.setCurrentIndex(combo.findData(interest.SETTLEMENT_RATE))
        combo.activated.emit(combo.currentIndex())
    assert escrow.interest_mode(ctx) == interest.SETTLEMENT_RATE
    assert combo.currentData() == interest.SETTLEMENT_RATE and "按结息日挂牌利率计息" in page.rates.result.text()
    assert not shell.errors


def test_auditor_prints_receipt_ledger_and_exports_xlsx(qtbot, make_shell, app, ctx, actors, held, tmp_path):
    rid, _ = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 1000000, "银行转账", "L1")
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    targets = iter([tmp_path / "receipt.pdf", tmp_path / "ledger.pdf", tmp_path / "ledger.xlsx"])
    page.choose_save = lambda *a: str(next(targets))
    page.show_residents(vm.HOLDING)
    assert page.residents.select_resident(rid)
    assert page.residents.receipt_btn.isEnabled() and page.residents.ledger_btn.isEnabled()
    page.residents.receipt_btn.click()
    page.residents.ledger_btn.click()
    page.reco.export_btn.click()
    qtbot.waitUntil(lambda: len(shell.messages) >= 3, timeout=20000)
    assert not shell.errors
    for name in ("receipt.pdf", "ledger.pdf", "ledger.xlsx"):
        assert (tmp_path / name).stat().st_size > 0
