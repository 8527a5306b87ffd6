"""Escrow stories through the services, with the figures worked by hand
(ACCOUNTING.md: 积数 × rate / 360, settlement on the 20th of Mar/Jun/Sep/Dec,
credited on the 21st; the deposit day counts, the refund day does not)."""
import datetime as dt
import json

import pytest
from sqlalchemy import select

from eldercare_desktop.db.models import AuditLog, DepositMovement
from eldercare_desktop.domain import interest as I
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import DEPOSITS, ESCROW_BANK
from eldercare_desktop.services import escrow, ledger
from tests.services.billing_fixtures import make_contract, terminate

D = dt.date


def test_accounting_worked_check(app, ctx, admitted):
    """10,000.00 held 2025-03-21 … 2025-06-20 (92 days), refunded 2025-06-21.
    Split at 2025-05-20: 1,000,000 × 60 × 0.10% / 360 = 166.67 fen + 1,000,000 × 32 × 0.05% / 360 = 44.44 fen
    = 211.11 → 2.11; at the settlement-day rate: 1,000,000 × 92 × 0.05% / 360 = 127.78 → 1.28."""
    make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15))  # service ends 06-15, refund due 06-25
    escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账")
    q = escrow.quote(ctx, admitted, D(2025, 6, 21))
    (p,) = q.periods
    assert (p.start, p.end, p.final) == (D(2025, 3, 21), D(2025, 6, 20), False)
    assert [(s.days, s.balance_fen, s.rate_percent) for s in p.segments] == [
        (60, 1000000, I.Decimal("0.10")), (32, 1000000, I.Decimal("0.05"))]
    assert [s.product for s in p.segments] == [60000000, 32000000]  # 积数 in fen·days
    assert (q.interest_fen, q.refund_fen, q.due_date, q.days_left) == (211, 1000211, D(2025, 6, 25), 4)
    assert escrow.quote(ctx, admitted, D(2025, 6, 21), I.SETTLEMENT_RATE).interest_fen == 128
    ch = escrow.refund(ctx, admitted, D(2025, 6, 21), "银行转账")
    refund = escrow.movement(ctx, ch.ids[0])
    assert (refund.kind, refund.amount_fen, refund.number) == ("退还", 1000211, "TK2025-0001")
    interest = escrow.movement(ctx, ch.ids[1])  # the period credited on 06-21, then the whole balance refunded
    assert (interest.kind, interest.day, interest.amount_fen) == ("利息", D(2025, 6, 21), 211)
    v = escrow.refund_voucher(ctx, refund.id)
    assert v.periods == q.periods and v.interest_fen == 211 and not v.late
    assert v.amount_upper == "壹万零贰元壹角壹分"
    assert ledger.account_balance(ctx, DEPOSITS, resident_id=admitted) == 0
    assert ledger.account_balance(ctx, ESCROW_BANK) == 0


def test_centre_setting_pays_at_the_settlement_day_rate(app, ctx, actors, admitted):
    """The same deposit as the worked check, with the centre set to the bank's
    settlement-day rate: quote and refund credit 1.28, not 2.11, without any
    mode passed; the change is audited and only the finance roles may make it."""
    from eldercare_desktop.domain.errors import PermissionDenied
    from eldercare_desktop.domain.roles import Role

    assert escrow.interest_mode(ctx) == I.SPLIT  # the default
    make_contract(app, admitted, D(2025, 3, 1), end=D(2025, 6, 15))
    escrow.receive_deposit(ctx, admitted, D(2025, 3, 21), 1000000, "银行转账")
    with pytest.raises(PermissionDenied):
        escrow.set_interest_mode(app.as_user(actors[Role.FRONT_DESK]), I.SETTLEMENT_RATE)
    with pytest.raises(RuleViolation, match="计息方式应为"):
        escrow.set_interest_mode(ctx, "monthly")
    escrow.set_interest_mode(ctx, I.SETTLEMENT_RATE)
    assert escrow.interest_mode(app.as_user(actors[Role.AUDITOR])) == I.SETTLEMENT_RATE
    q = escrow.quote(ctx, admitted, D(2025, 6, 21))
    assert (q.mode, q.interest_fen, q.refund_fen) == (I.SETTLEMENT_RATE, 128, 1000128)
    assert escrow.quote(ctx, admitted, D(2025, 6, 21), I.SPLIT).interest_fen == 211  # an explicit mode still wins
    ch = escrow.refund(ctx, admitted, D(2025, 6, 21), "银行转账")
    assert escrow.movement(ctx, ch.ids[0]).amount_fen == 1000128
    assert ledger.account_balance(ctx, ESCROW_BANK) == 0
    with app.read_factory() as s:
        row = s.execute(select(AuditLog).where(AuditLog.action == "修改押金计息方式")).scalar_one()
    assert json.loads(row.before) == {"mode": I.SPLIT} and json.loads(row.after) == {"mode": I.SETTLEMENT_RATE}


def test_two_settlements_a_rate_change_and_a_deduction(app, ctx, admitted):
    make_contract(app, admitted, D(2024, 6, 1), end=D(2027, 12, 31))
    escrow.receive_deposit(ctx, admitted, D(2024, 6, 21), 1000000, "银行转账")
    ch = escrow.post_interest(ctx, D(2024, 12, 21))
    # Q3 2024-06-21…09-20 (92 d): 34 d at 0.20% (to 07-24), 58 d at 0.15%:
    #   1,000,000 × (34 × 0.20 + 58 × 0.15) / 36,000 = 1,000,000 × 15.5 / 36,000 = 430.56 → 431 (credited 09-21)
    # Q4 2024-09-21…12-20 (91 d) on 1,000,431: 27 d at 0.15% (to 10-17), 64 d at 0.10%:
    #   1,000,431 × (27 × 0.15 + 64 × 0.10) / 36,000 = 1,000,431 × 10.45 / 36,000 = 290.40 → 290 (credited 12-21)
    rows = [escrow.movement(ctx, i) for i in ch.ids]
    assert [(m.day, m.amount_fen) for m in rows] == [(D(2024, 9, 21), 431), (D(2024, 12, 21), 290)]
    assert ledger.account_balance(ctx, DEPOSITS, D(2024, 12, 21), resident_id=admitted) == 1000721
    assert escrow.post_interest(ctx, D(2024, 12, 21)).ids == ()  # posted once
    # a deduction mid-quarter
    escrow.deduct(ctx, admitted, D(2025, 2, 5), 200000, "医疗急救", "PZ2025-002", "急诊")
    # Q1 2024-12-21…2025-03-20 (90 d) at 0.10%: 1,000,721 × 46 d (to 02-04) + 800,721 × 44 d
    #   = 46,033,166 + 35,231,724 = 81,264,890 × 0.10% / 360 = 225.74 → 226
    q = escrow.quote(ctx, admitted, D(2025, 3, 21))
    assert [p.interest_fen for p in q.periods] == [431, 290, 226]
    assert q.posted == (True, True, False)
    assert [s.balance_fen for s in q.periods[2].segments] == [1000721, 800721]
    # deposits − deductions + interest = 1,000,000 − 200,000 + 947 = 800,947
    assert (q.deposits_fen, q.deductions_fen, q.interest_fen, q.refund_fen) == (1000000, 200000, 947, 800947)
    assert q.service_end is None and q.days_left is None  # the contract still runs
    escrow.post_interest(ctx, D(2025, 3, 21))
    assert ledger.account_balance(ctx, DEPOSITS, resident_id=admitted) == 800947
    # settled interest is never recomputed behind the books
    with pytest.raises(RuleViolation, match="已结算入账"):
        escrow.add_rate(ctx, D(2025, 3, 1), "0.08")
    with pytest.raises(RuleViolation, match="已结息入账"):
        escrow.deduct(ctx, admitted, D(2025, 3, 1), 100, "医疗急救", "PZ-x")


@pytest.fixture
def ended(app, ctx, admitted):
    """1,000.00 deposited 2025-06-01 (0.05%); the contract ends 2025-06-30, refund due 2025-07-10."""
    cid = make_contract(app, admitted, D(2025, 1, 1), end=D(2025, 12, 31))
    escrow.receive_deposit(ctx, admitted, D(2025, 6, 1), 100000, "银行转账")
    terminate(app, cid, D(2025, 6, 30))
    return admitted


def test_refund_on_day_ten_is_on_time(app, ctx, ended):
    # 06-01…06-20: 100,000 × 20 × 0.05% / 360 = 2.78 → 3 (credited 06-21)
    # 06-21…07-09: 100,003 × 19 × 0.05% / 360 = 2.64 → 3; refund 100,006
    q = escrow.quote(ctx, ended, D(2025, 7, 10))
    assert (q.due_date, q.days_left, q.overdue) == (D(2025, 7, 10), 0, False)
    assert [(p.interest_fen, p.final) for p in q.periods] == [(3, False), (3, True)]
    ch = escrow.refund(ctx, ended, D(2025, 7, 10), "银行转账")
    assert escrow.movement(ctx, ch.ids[0]).amount_fen == 100006
    assert escrow.refund_voucher(ctx, ch.ids[0]).late is False


def test_refund_on_day_eleven_needs_a_reason_and_is_flagged(app, ctx, ended):
    d = escrow.dashboard(ctx, D(2025, 7, 11))
    assert [(r.days_left, r.overdue, r.balance_fen) for r in d.due] == [(-1, True, 100000)]
    assert len(d.overdue) == 1
    with app.read_factory() as s:
        n = len(s.execute(select(DepositMovement)).all())
    with pytest.raises(RuleViolation, match=r"已超过退还期限2025-07-10（逾期1天）：逾期退还须填写原因"):
        escrow.refund(ctx, ended, D(2025, 7, 11), "银行转账")
    with app.read_factory() as s:
        assert len(s.execute(select(DepositMovement)).all()) == n  # the interest was not posted either
    # 06-21…07-10: 100,003 × 20 × 0.05% / 360 = 2.78 → 3; refund 100,006
    ch = escrow.refund(ctx, ended, D(2025, 7, 11), "银行转账", late_reason="家属外地，7月11日才提供收款账户")
    m = escrow.movement(ctx, ch.ids[0])
    assert m.amount_fen == 100006 and "逾期退还：家属外地" in m.reason
    v = escrow.refund_voucher(ctx, m.id)
    assert v.late and v.late_reason.startswith("家属外地") and v.due_date == D(2025, 7, 10)
    with app.read_factory() as s:
        row = s.execute(select(AuditLog).where(AuditLog.action == "逾期退还押金")).scalar_one()
    assert json.loads(row.after)["overdue"] is True
    d = escrow.dashboard(ctx, D(2025, 7, 31))
    assert not d.due and [r.number for r in d.late_refunds] == [m.number]
