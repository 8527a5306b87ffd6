"""Deposit escrow service: cap, deductions, rates, refunds, reconciliation,
statement import, ledgers; property tests over random movement sequences.
Figures are computed by hand in the comments (fen)."""
import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, DemandRate, DepositMovement, EscrowReconciliation, JournalEntry, \
    Resident
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.ledger import DEPOSITS, ESCROW_BANK
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import escrow, ledger
from tests.services.billing_fixtures import add_term, make_contract, terminate

D = dt.date
CAP = 2880000  # (2,400.00 + 1,500.00 + 30.00 × 30) × 6 = 4,800.00 × 6 = 28,800.00


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (DepositMovement, JournalEntry, AuditLog, DemandRate, EscrowReconciliation))


@pytest.fixture
def held(app, ctx, admitted):
    """张三 under a contract from 2026-01-10 (standard fees, cap 28,800.00)."""
    cid = make_contract(app, admitted, D(2026, 1, 10), end=D(2026, 12, 31))
    return admitted, cid


def test_deposit_exactly_at_cap_accepted_one_fen_over_refused(app, ctx, held):
    rid, _ = held
    before = counts(app)
    with pytest.raises(RuleViolation, match=r"押金不得超过月服务费的6倍（上限¥28,800.00）"):
        escrow.receive_deposit(ctx, rid, D(2026, 1, 10), CAP + 1, "银行转账")
    assert counts(app) == before
    ch = escrow.receive_deposit(ctx, rid, D(2026, 1, 10), CAP, "银行转账", "流水001")
    m = escrow.movement(ctx, ch.ids[0])
    assert (m.number, m.kind, m.amount_fen, m.reason, m.voucher_no) == ("YJ2026-0001", "收取", CAP, "银行转账", "流水001")
    # Dr 100202 / Cr 220901 (resident), never income
    e = ledger.get_entry(ctx, m.entry_id)
    assert [(x.account, x.debit, x.credit, x.resident_id) for x in e.lines] == [
        (ESCROW_BANK, CAP, 0, None), (DEPOSITS, 0, CAP, rid)]
    before = counts(app)
    with pytest.raises(RuleViolation, match=r"上限¥28,800.00.*最多还可收取¥0.00"):
        escrow.receive_deposit(ctx, rid, D(2026, 2, 1), 1, "银行转账")
    assert counts(app) == before


def test_front_desk_may_receive_but_not_deduct(app, actors, held):
    rid, _ = held
    desk = app.as_user(actors[Role.FRONT_DESK])
    assert escrow.receive_deposit(desk, rid, D(2026, 1, 10), 100000, "POS刷卡").ids
    with pytest.raises(PermissionDenied):
        escrow.deduct(desk, rid, D(2026, 2, 1), 100, "医疗急救", "PZ-1")


def test_deposit_without_contract_refused_nothing_saved(app, ctx, admitted):
    before = counts(app)
    with pytest.raises(RuleViolation, match="该住户没有有效的服务合同，不能收取押金"):
        escrow.receive_deposit(ctx, admitted, D(2026, 1, 10), 100000, "银行转账")
    with pytest.raises(RuleViolation, match="押金须存入押金专户"):
        escrow.receive_deposit(ctx, admitted, D(2026, 1, 10), 100000, "现金")
    assert counts(app) == before


def test_deduction_rules(app, ctx, held):
    rid, _ = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 500000, "银行转账")
    before = counts(app)
    with pytest.raises(RuleViolation) as e:
        escrow.deduct(ctx, rid, D(2026, 2, 1), 10000, "", "")
    assert e.value.fields() == {"reason", "voucher_no"}
    with pytest.raises(RuleViolation, match="押金只能用于医疗等应急费用"):
        escrow.deduct(ctx, rid, D(2026, 2, 1), 10000, "欠费抵扣", "PZ-1")
    with pytest.raises(RuleViolation, match="须说明具体内容"):
        escrow.deduct(ctx, rid, D(2026, 2, 1), 10000, "其他应急费用", "PZ-1")
    with pytest.raises(RuleViolation, match=r"扣除金额超过押金余额¥5,000.00"):
        escrow.deduct(ctx, rid, D(2026, 2, 1), 500001, "医疗急救", "PZ-1")
    assert counts(app) == before
    ch = escrow.deduct(ctx, rid, D(2026, 2, 1), 120000, "医疗急救", "PZ-1", "120急救车及急诊费")
    m = escrow.movement(ctx, ch.ids[0])
    assert (m.reason, m.voucher_no, m.amount_fen) == ("医疗急救：120急救车及急诊费", "PZ-1", 120000)
    e = ledger.get_entry(ctx, m.entry_id)
    assert [(x.account, x.debit, x.credit) for x in e.lines] == [(DEPOSITS, 120000, 0), (ESCROW_BANK, 0, 120000)]
    # 5,000.00 − 1,200.00 = 3,800.00
    assert ledger.account_balance(ctx, DEPOSITS, resident_id=rid) == 380000


def test_rates_listed_added_and_audited(app, ctx):
    rates = escrow.list_rates(ctx)
    assert [(r.effective_date, r.annual_percent) for r in rates][-2:] == [
        (D(2024, 10, 18), Decimal("0.10")), (D(2025, 5, 20), Decimal("0.05"))]
    before = counts(app)
    with pytest.raises(RuleViolation, match="利率必须注明生效日期"):
        escrow.add_rate(ctx, None, "0.03", "下调")
    with pytest.raises(RuleViolation, match="2025-05-20已有一条利率"):
        escrow.add_rate(ctx, D(2025, 5, 20), "0.03")
    with pytest.raises(RuleViolation, match="不是有效的数字"):
        escrow.add_rate(ctx, D(2026, 6, 1), "abc")
    assert counts(app) == before
    escrow.add_rate(ctx, D(2026, 6, 1), "0.03%", "银行下调")
    assert escrow.list_rates(ctx)[-1].annual_percent == Decimal("0.03")
    with app.read_factory() as s:
        assert s.execute(select(AuditLog.action).where(AuditLog.entity == "demand_rate")).scalar_one() == "新增活期利率"


def test_refund_before_contract_end_refused(app, ctx, held):
    rid, cid = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 100000, "银行转账")
    before = counts(app)
    with pytest.raises(RuleViolation, match="合同尚未终止，不能退还押金"):
        escrow.refund(ctx, rid, D(2026, 6, 1), "银行转账")
    assert counts(app) == before


def test_excess_after_fee_decrease_flagged_and_refunded(app, ctx, held):
    rid, cid = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), CAP, "银行转账")
    # care falls to ¥1,000.00 from 2026-03-01: (2,400 + 1,000 + 900) × 6 = 25,800.00; excess 3,000.00
    add_term(app, cid, D(2026, 3, 1), care_fee_fen=100000)
    d = escrow.dashboard(ctx, D(2026, 3, 5))
    assert [(r.cap_fen, r.principal_fen, r.excess_fen) for r in d.over_cap] == [(2580000, CAP, 300000)]
    with pytest.raises(RuleViolation, match="未超过上限"):
        escrow.refund_excess(ctx, rid, D(2026, 2, 1))
    ch = escrow.refund_excess(ctx, rid, D(2026, 3, 5))
    m = escrow.movement(ctx, ch.ids[0])
    assert (m.kind, m.amount_fen, m.number) == ("退还", 300000, "TK2026-0001")
    assert not escrow.dashboard(ctx, D(2026, 3, 5)).over_cap
    assert ledger.account_balance(ctx, DEPOSITS, resident_id=rid) == 2580000


def test_reconcile_three_way_and_difference(app, ctx, held, clock):
    rid, _ = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 500000, "银行转账")
    r = escrow.reconcile(ctx, "2026-01", 500000)
    assert (r.as_of, r.book_balance_fen, r.residents_total_fen, r.difference_fen, r.agreed) == (
        D(2026, 1, 31), 500000, 500000, 0, True)
    assert r.residents == ((rid, "张三", r.residents[0][2], 500000),)
    r = escrow.reconcile(ctx, "2026-01", 499000, note="银行手续费未入账")
    assert (r.difference_fen, r.agreed) == (-1000, False)
    assert escrow.dashboard(ctx, D(2026, 2, 1)).last_reconciliation.id == r.id
    with pytest.raises(RuleViolation, match="格式应为YYYY-MM"):
        escrow.reconcile(ctx, "2026/13", 0)


def test_import_bank_statement_xlsx_and_csv(ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["中国银行 押金专户对账单"])
    ws.append(["交易日期", "摘要", "收入金额", "支出金额", "账户余额"])
    ws.append([dt.datetime(2026, 1, 10), "押金", 5000, None, 5000])
    ws.append(["2026-01-21", "结息", 0.35, None, 5000.35])
    ws.append(["合计", None, 5000.35, 0, None])
    wb.save(tmp_path / "s.xlsx")
    st_ = escrow.import_bank_statement(ctx, tmp_path / "s.xlsx")
    assert [(r.day, r.in_fen, r.balance_fen) for r in st_.rows] == [(D(2026, 1, 10), 500000, 500000),
                                                                     (D(2026, 1, 21), 35, 500035)]
    assert st_.last_balance_fen == 500035 and st_.source == "s.xlsx"
    (tmp_path / "s.csv").write_text("日期,摘要,金额,余额\n2026/01/10,押金,\"5,000.00\",5000.00\n"
                                    "20260205,退还,-1200.00,3800.00\n", encoding="gbk")
    st_ = escrow.import_bank_statement(ctx, tmp_path / "s.csv")
    assert [(r.in_fen, r.out_fen) for r in st_.rows] == [(500000, 0), (0, 120000)] and st_.last_balance_fen == 380000
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(RuleViolation, match="找不到表头"):
        escrow.import_bank_statement(ctx, tmp_path / "bad.csv")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(RuleViolation, match="应为XLSX或CSV"):
        escrow.import_bank_statement(ctx, tmp_path / "x.pdf")


def test_ledgers_running_balances(app, ctx, held):
    rid, _ = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 500000, "银行转账")
    escrow.deduct(ctx, rid, D(2026, 2, 3), 100000, "住院押金垫付", "PZ-7", "区人民医院")
    escrow.receive_deposit(ctx, rid, D(2026, 2, 10), 50000, "银行转账")
    lg = escrow.resident_ledger(ctx, rid, D(2026, 2, 1), D(2026, 2, 28))
    # opening 5,000.00; −1,000.00 → 4,000.00; +500.00 → 4,500.00
    assert lg.opening_fen == 500000 and [r.balance_fen for r in lg.rows] == [400000, 450000]
    assert lg.closing_fen == 450000 and lg.rows[0].summary == "扣除：住院押金垫付：区人民医院"
    acc = escrow.account_ledger(ctx, D(2026, 1, 1), D(2026, 2, 28))
    assert acc.opening_fen == 0 and [(r.in_fen, r.out_fen, r.balance_fen) for r in acc.rows] == [
        (500000, 0, 500000), (0, 100000, 400000), (50000, 0, 450000)]
    assert {r.resident_name for r in acc.rows} == {"张三"} and acc.closing_fen == 450000


def test_dashboard_series_and_counts(app, ctx, held):
    rid, _ = held
    escrow.receive_deposit(ctx, rid, D(2026, 1, 10), 500000, "银行转账")
    escrow.deduct(ctx, rid, D(2026, 3, 3), 100000, "医疗急救", "PZ-2")
    d = escrow.dashboard(ctx, D(2026, 3, 31))
    assert (d.held_fen, d.residents_total_fen, d.residents_with_deposit) == (400000, 400000, 1)
    assert len(d.series) == 12 and d.series[-1] == escrow.SeriesPoint(D(2026, 3, 31), 400000)
    assert [p.held_fen for p in d.series[-4:]] == [0, 500000, 500000, 400000]
    assert not d.due and not d.over_cap


# --- properties ---------------------------------------------------------------------

_ids = itertools.count(1)


def _new_resident(app) -> int:
    n = next(_ids)
    with app.write_factory.begin() as s:
        r = Resident(name=f"住户{n}", gender="女", id_number=f"50011219400101{n:04d}", birth_date=D(1940, 1, 1),
                     status="在住", created_at=dt.datetime(2024, 1, 1), archived=False, categories="", notes="")
        s.add(r)
        s.flush()
        return r.id


step = st.tuples(st.sampled_from(["deposit", "deduct", "interest"]), st.integers(1, 40),
                 st.integers(1, 1_500_000))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=8), refund_after=st.integers(1, 10))
def test_random_sequences_keep_escrow_consistent(app, ctx, steps, refund_after):
    """100202 == Σ 220901 at every date; balances never negative; the refund is
    deposits − deductions + interest; interest never negative and never falls with time."""
    rid = _new_resident(app)
    start = D(2024, 3, 1)
    make_contract(app, rid, start, end=D(2025, 12, 31))
    day, days = start, []
    for kind, gap, amount in steps:
        day += dt.timedelta(days=gap * 5)
        if day > D(2025, 12, 31):
            break
        days.append(day)
        try:
            if kind == "deposit":
                escrow.receive_deposit(ctx, rid, day, amount, "银行转账")
            elif kind == "deduct":
                escrow.deduct(ctx, rid, day, amount, "医疗急救", f"PZ{amount}")
            else:
                escrow.post_interest(ctx, day)
        except RuleViolation as e:  # over the cap / over the balance: refused, nothing saved
            assert "上限" in e.message or "超过押金余额" in e.message
    quotes = [escrow.quote(ctx, rid, d).interest_fen for d in (D(2024, 6, 1), D(2024, 12, 1), D(2025, 6, 1),
                                                                 D(2025, 12, 31))]
    assert all(q >= 0 for q in quotes) and quotes == sorted(quotes)
    refund_day = D(2025, 12, 31) + dt.timedelta(days=refund_after)
    q = escrow.quote(ctx, rid, refund_day)
    if q.balance_fen > 0:
        ch = escrow.refund(ctx, rid, refund_day, "银行转账")
        m = escrow.movement(ctx, ch.ids[0])
        assert m.amount_fen == q.deposits_fen - q.deductions_fen + q.interest_fen == q.refund_fen
        days.append(refund_day)
    with app.read_factory() as s:
        for d in days + [refund_day]:
            bank = ledger.balance_in(s, ESCROW_BANK, d)
            per = escrow._balances_on(s, d)
            assert bank == sum(per.values())
            assert all(v >= 0 for v in per.values())
        assert ledger.balance_in(s, DEPOSITS, resident_id=rid) == 0
