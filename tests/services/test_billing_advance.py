"""Billing in advance (按月预收, setting "billing.mode" = "advance", the default):
a run for month M bills M's bed and care fees at its start and settles M-1 —
meals on the days present (伙食费据实结算), one-off charges, and the difference
between M-1's advance bed/care lines and the day-based rules.

Standard fees (tests/services/billing_fixtures.py): bed ¥2,400.00/月, care
¥1,500.00/月 (介护一级), ¥2,800.00/月 (介护二级), meals ¥30.00/日. 张三 has
been in residence since 2026-01-10; his contract here starts 2026-02-01 unless
said otherwise. February 2026 has 28 days, March 31, April 30."""
import datetime as dt

import pytest
from sqlalchemy import select

from eldercare_desktop.db.models import BillLine
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.billing import ADVANCE_RULE, PRORATION_RULE
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, contracts, ledger, residents, settings
from tests.conftest import person
from tests.services.billing_fixtures import add_leave, add_term, make_contract, pin_billing_mode

D = dt.date
BED, CARE, MEALS = 240000, 150000, 3000


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


def run(clock, acc, period: str, day: dt.date):
    clock.day = day
    return billing.run_billing(acc, period)


def lines_of(app, rid, period):
    with app.read_factory() as s:
        return [(x.kind, x.label, x.start_date, x.end_date, x.days, x.amount_fen) for x in s.execute(
            select(BillLine).where(BillLine.resident_id == rid, BillLine.period == period).order_by(BillLine.id)).scalars()]


def register_row(acc, period, rid):
    rows = [r for r in billing.billing_register(acc, period).rows if r.resident_id == rid]
    return rows[0] if rows else None


def test_advance_is_the_default_mode(app, acc):
    assert settings.DEFAULTS["billing.mode"] == "advance"
    with app.read_factory() as s:
        assert billing.billing_mode(s) == "advance"
    pin_billing_mode(app, "after")
    with app.read_factory() as s:
        assert billing.billing_mode(s) == "after"
    pin_billing_mode(app, "nonsense")  # an unknown stored value falls back to the default
    with app.read_factory() as s:
        assert billing.billing_mode(s) == "advance"


def test_full_month(app, clock, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 2, 1))
    feb = run(clock, acc, "2026-02", D(2026, 2, 1))
    # February billed on its first day: bed and care at the monthly rates, no meals yet
    assert lines_of(app, admitted, "2026-02") == [
        ("bed", "床位费（护理型床位）", D(2026, 2, 1), D(2026, 2, 28), 28, 240000),
        ("care", "护理费（介护一级）", D(2026, 2, 1), D(2026, 2, 28), 28, 150000),
    ]
    assert lines_of(app, admitted, "2026-01") == []  # the contract starts in February
    assert (feb.total_fen, feb.rule) == (390000, ADVANCE_RULE)
    rows = ledger.journal(acc, D(2026, 2, 1), D(2026, 2, 1))
    assert {r.source for r in rows} == {f"billing:2026-02:contract:{cid}:run:{feb.run_id}"}
    assert [(r.day, r.account, r.debit, r.credit) for r in rows] == [
        (D(2026, 2, 1), L.RECEIVABLE, 390000, 0), (D(2026, 2, 1), L.INCOME_BED, 0, 240000),
        (D(2026, 2, 1), L.INCOME_CARE, 0, 150000)]
    assert "2026-02按月预收" in rows[0].entry_memo

    mar = run(clock, acc, "2026-03", D(2026, 3, 1))
    # February settled: meals 30 × 28 = 840.00 (dated 2-28); March in advance 2,400.00 + 1,500.00
    assert lines_of(app, admitted, "2026-02")[2:] == [
        ("meals", "伙食费（按日）", D(2026, 2, 1), D(2026, 2, 28), 28, 84000)]
    assert lines_of(app, admitted, "2026-03") == [
        ("bed", "床位费（护理型床位）", D(2026, 3, 1), D(2026, 3, 31), 31, 240000),
        ("care", "护理费（介护一级）", D(2026, 3, 1), D(2026, 3, 31), 31, 150000),
    ]
    assert mar.total_fen == 84000 + 390000 == 474000
    settle = ledger.journal(acc, D(2026, 2, 28), D(2026, 2, 28))
    assert [(r.account, r.debit, r.credit) for r in settle] == [(L.RECEIVABLE, 84000, 0), (L.INCOME_MEALS, 0, 84000)]
    assert "2026-02月度结算" in settle[0].entry_memo
    reg = register_row(acc, "2026-02", admitted)
    assert (reg.bed_fen, reg.care_fen, reg.meals_fen, reg.total_fen) == (240000, 150000, 84000, 474000)
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 390000 + 474000

    again = run(clock, acc, "2026-03", D(2026, 3, 5))  # a repeated run adds nothing
    assert (again.lines, again.entries, again.total_fen) == (0, 0, 0)


def test_admission_mid_month(app, clock, ctx, acc, centre_ready):
    clock.day = D(2026, 3, 16)
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 3, 16), centre_ready["A101-2"]).ids[0]
    make_contract(app, rid, D(2026, 3, 16))
    run(clock, acc, "2026-03", D(2026, 3, 16))
    # from the admission day 3-16..3-31 = 16 days: bed 2400 × 16/31 = 1238.709… → 1238.71;
    # care 1500 × 16/31 = 774.193… → 774.19
    assert lines_of(app, rid, "2026-03") == [
        ("bed", "床位费（护理型床位）", D(2026, 3, 16), D(2026, 3, 31), 16, 123871),
        ("care", "护理费（介护一级）", D(2026, 3, 16), D(2026, 3, 31), 16, 77419),
    ]
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=rid) == 201290
    run(clock, acc, "2026-04", D(2026, 4, 1))
    # March meals 30 × 16 = 480.00; April in advance in full
    assert lines_of(app, rid, "2026-03")[2:] == [("meals", "伙食费（按日）", D(2026, 3, 16), D(2026, 3, 31), 16, 48000)]
    assert [x[5] for x in lines_of(app, rid, "2026-04")] == [240000, 150000]
    # the month's total is what billing after the month gives (2,492.90)
    assert register_row(acc, "2026-03", rid).total_fen == 249290
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=rid) == 249290 + 390000


def test_leave_spanning_months(app, clock, acc, admitted):
    make_contract(app, admitted, D(2026, 2, 1))
    run(clock, acc, "2026-03", D(2026, 3, 1))  # March in advance (February was never billed: left alone)
    add_leave(app, admitted, D(2026, 3, 25), D(2026, 4, 3))  # away 3-25 .. 4-03
    run(clock, acc, "2026-04", D(2026, 4, 1))
    run(clock, acc, "2026-05", D(2026, 5, 1))
    # bed and care are kept in full (no difference lines); meals only on the days present:
    # March 3-01..3-24 = 24 days → 720.00; April 4-04..4-30 = 27 days → 810.00
    assert lines_of(app, admitted, "2026-03") == [
        ("bed", "床位费（护理型床位）", D(2026, 3, 1), D(2026, 3, 31), 31, 240000),
        ("care", "护理费（介护一级）", D(2026, 3, 1), D(2026, 3, 31), 31, 150000),
        ("meals", "伙食费（按日）", D(2026, 3, 1), D(2026, 3, 24), 24, 72000),
    ]
    assert lines_of(app, admitted, "2026-04") == [
        ("bed", "床位费（护理型床位）", D(2026, 4, 1), D(2026, 4, 30), 30, 240000),
        ("care", "护理费（介护一级）", D(2026, 4, 1), D(2026, 4, 30), 30, 150000),
        ("meals", "伙食费（按日）", D(2026, 4, 4), D(2026, 4, 30), 27, 81000),
    ]


def test_care_level_change_mid_month(app, clock, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 2, 1))
    run(clock, acc, "2026-03", D(2026, 3, 1))
    add_term(app, cid, D(2026, 3, 15), care_level="介护二级", care_fee_fen=280000)  # after the advance bill
    res = run(clock, acc, "2026-04", D(2026, 4, 1))
    # March settled in April's bill: 介护一级 3-01..3-14 = 1500 × 14/31 = 677.419… → 677.42, billed 1,500.00
    # → −822.58; 介护二级 3-15..3-31 = 2800 × 17/31 = 1535.483… → 1,535.48; meals 30 × 31 = 930.00
    assert lines_of(app, admitted, "2026-03")[2:] == [
        ("care", "护理费（介护一级）（冲减）", D(2026, 3, 1), D(2026, 3, 14), 14, -82258),
        ("care", "护理费（介护二级）", D(2026, 3, 15), D(2026, 3, 31), 17, 153548),
        ("meals", "伙食费（按日）", D(2026, 3, 1), D(2026, 3, 31), 31, 93000),
    ]
    # the month's care comes to what billing after the month gives: 677.42 + 1,535.48 = 2,212.90
    assert register_row(acc, "2026-03", admitted).care_fen == 221290
    # April in advance at the new level
    assert lines_of(app, admitted, "2026-04") == [
        ("bed", "床位费（护理型床位）", D(2026, 4, 1), D(2026, 4, 30), 30, 240000),
        ("care", "护理费（介护二级）", D(2026, 4, 1), D(2026, 4, 30), 30, 280000),
    ]
    assert res.total_fen == -82258 + 153548 + 93000 + 240000 + 280000 == 684290
    settle = [r for r in ledger.journal(acc, D(2026, 3, 31), D(2026, 3, 31))]
    assert [(r.account, r.debit, r.credit) for r in settle] == [
        (L.RECEIVABLE, 164290, 0), (L.INCOME_CARE, 0, 71290), (L.INCOME_MEALS, 0, 93000)]


def test_price_change_announced_before_the_bill(app, clock, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 2, 1))
    add_term(app, cid, D(2026, 3, 20), kind="调价", bed_fee_fen=260000)  # notified in advance
    run(clock, acc, "2026-03", D(2026, 3, 1))
    # billed in advance with its effective date: 19 days at 2400 = 1470.967… → 1470.97;
    # 12 days at 2600 = 1006.451… → 1006.45
    assert [x[5] for x in lines_of(app, admitted, "2026-03") if x[0] == "bed"] == [147097, 100645]
    run(clock, acc, "2026-04", D(2026, 4, 1))
    # nothing to settle on the bed; March meals 930.00; April at the new price
    assert [x[5] for x in lines_of(app, admitted, "2026-03")] == [147097, 100645, 150000, 93000]
    assert [x[5] for x in lines_of(app, admitted, "2026-04")] == [260000, 150000]


def test_price_change_entered_after_the_bill(app, clock, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 2, 1))
    run(clock, acc, "2026-03", D(2026, 3, 1))
    add_term(app, cid, D(2026, 3, 20), kind="调价", bed_fee_fen=260000)
    run(clock, acc, "2026-04", D(2026, 4, 1))
    # March bed billed 2,400.00 in advance; due 1,470.97 + 1,006.45 = 2,477.42: −929.03 and +1,006.45
    assert [x for x in lines_of(app, admitted, "2026-03") if x[0] == "bed"] == [
        ("bed", "床位费（护理型床位）", D(2026, 3, 1), D(2026, 3, 31), 31, 240000),
        ("bed", "床位费（护理型床位）（冲减）", D(2026, 3, 1), D(2026, 3, 19), 19, -92903),
        ("bed", "床位费（护理型床位）", D(2026, 3, 20), D(2026, 3, 31), 12, 100645),
    ]
    assert register_row(acc, "2026-03", admitted).bed_fen == 247742


def test_discharge_settled_at_termination(app, clock, ctx, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 2, 1))
    run(clock, acc, "2026-03", D(2026, 3, 1))
    clock.day = D(2026, 3, 10)
    residents.discharge(ctx, admitted, D(2026, 3, 10), "家属接回")
    contracts.terminate_contract(ctx, cid, D(2026, 3, 10), "提前解约", "家属接回家中照顾")
    # the final settlement refunds the unexpired bed and care fees of March (3-01..3-10 = 10 of 31 days):
    # bed 2400 × 10/31 = 774.193… → 774.19, billed 2,400.00 → −1,625.81;
    # care 1500 × 10/31 = 483.870… → 483.87, billed 1,500.00 → −1,016.13
    assert lines_of(app, admitted, "2026-03")[2:] == [
        ("bed", "床位费（护理型床位）（冲减）", D(2026, 3, 1), D(2026, 3, 10), 10, -162581),
        ("care", "护理费（介护一级）（冲减）", D(2026, 3, 1), D(2026, 3, 10), 10, -101613),
    ]
    assert contracts.get_contract(ctx, cid).settlement_entry_id is not None
    # April's run settles March's meals (30 × 10 = 300.00) and bills nothing for April
    run(clock, acc, "2026-04", D(2026, 4, 1))
    assert lines_of(app, admitted, "2026-03")[4:] == [("meals", "伙食费（按日）", D(2026, 3, 1), D(2026, 3, 10), 10, 30000)]
    assert lines_of(app, admitted, "2026-04") == []
    reg = register_row(acc, "2026-03", admitted)
    assert (reg.bed_fen, reg.care_fen, reg.meals_fen) == (77419, 48387, 30000)
    # March as served is owed (77,419 + 48,387 + 30,000); February was never billed
    assert lines_of(app, admitted, "2026-02") == []
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 155806


def test_after_mode_is_unchanged(app, clock, acc, admitted):
    pin_billing_mode(app, "after")
    make_contract(app, admitted, D(2026, 2, 1))
    res = run(clock, acc, "2026-03", D(2026, 4, 1))
    assert res.rule == PRORATION_RULE and lines_of(app, admitted, "2026-02") == []
    assert [x[5] for x in lines_of(app, admitted, "2026-03")] == [240000, 150000, 93000]
    assert ledger.journal(acc, D(2026, 3, 31), D(2026, 3, 31))[0].debit == 483000


def test_prepayment_applied_to_the_advance_bill(app, clock, acc, admitted):
    from tests.services.billing_fixtures import receive

    make_contract(app, admitted, D(2026, 2, 1))
    clock.day = D(2026, 1, 28)
    receive(acc, admitted, D(2026, 1, 28), 500000)  # paid ahead, before the bill
    run(clock, acc, "2026-02", D(2026, 2, 1))
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 0
    assert ledger.account_balance(acc, L.PREPAID, resident_id=admitted) == 500000 - 390000
    applied = [r for r in ledger.journal(acc, D(2026, 2, 1), D(2026, 2, 1)) if r.account == L.PREPAID]
    assert [(r.debit, r.credit) for r in applied] == [(390000, 0)]


def test_a_month_already_over_is_billed_on_the_actual_days(app, clock, acc, admitted):
    """A catch-up run for a month that has ended has nothing to bill in advance."""
    make_contract(app, admitted, D(2026, 2, 1))
    res = run(clock, acc, "2026-03", D(2026, 4, 2))
    # bed and care in full, meals 30 × 31 = 930.00, dated 3-31; February (never billed) left alone
    assert [x[5] for x in lines_of(app, admitted, "2026-03")] == [240000, 150000, 93000]
    assert lines_of(app, admitted, "2026-02") == [] and res.rule == PRORATION_RULE
    assert ledger.journal(acc, D(2026, 3, 31), D(2026, 3, 31))[0].debit == 483000
    # April run on its first day: March has nothing left to settle; April in advance
    res = run(clock, acc, "2026-04", D(2026, 4, 2))
    assert (res.total_fen, res.rule) == (390000, ADVANCE_RULE)


def test_the_accountant_switches_the_billing_mode(app, actors):
    """计费方式 is a centre setting the accountant changes (audited); an
    unknown mode is refused in Chinese; the auditor may not change it."""
    from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
    from eldercare_desktop.domain.roles import Role
    from eldercare_desktop.services import billing as billing_svc

    acc = app.as_user(actors[Role.ACCOUNTANT])
    assert billing_svc.current_mode(acc) == "advance"
    with pytest.raises(RuleViolation, match="计费方式应为"):
        billing_svc.set_mode(acc, "monthly")
    with pytest.raises(PermissionDenied):
        billing_svc.set_mode(app.as_user(actors[Role.AUDITOR]), "after")
    assert "按月后付" in billing_svc.set_mode(acc, "after").message
    assert billing_svc.current_mode(acc) == "after"


def test_termination_after_a_mid_month_increase_settles_what_is_owed_and_what_is_refunded(app, clock, ctx, acc,
                                                                                           admitted):
    """March billed in advance at 介护一级; care raised to 介护二级 from 3-19, then the
    contract ends on 3-28 (found by demo-data at 1,000 residents, where it refused
    with 终止结算金额不一致). Settled as billing rules give, per month and kind:
    bed 2400 × 28/31 = 2,167.74 due, billed 2,400.00 → refund 232.26;
    care 1500 × 18/31 = 870.97 + 2800 × 10/31 = 903.23 → 1,774.20 due, billed 1,500.00 → owed 274.20;
    net: 232.26 − 274.20 = −41.94 (the resident owes ¥41.94 more)."""
    cid = make_contract(app, admitted, D(2026, 2, 1))
    run(clock, acc, "2026-03", D(2026, 3, 1))
    add_term(app, cid, D(2026, 3, 19), care_level="介护二级", care_fee_fen=280000)
    clock.day = D(2026, 3, 28)
    ch = contracts.terminate_contract(ctx, cid, D(2026, 3, 28), "提前解约", "家属接回")
    d = contracts.get_contract(ctx, cid)
    assert [(x.period, x.kind, x.billed_fen, x.due_fen, x.refund_fen) for x in d.settlement_lines] == [
        ("2026-03", "bed", 240000, 216774, 23226),
        ("2026-03", "care", 150000, 177420, -27420),
    ]
    assert d.settlement_total_fen == -4194 and d.settlement_entry_id is not None
    assert "按实际服务应补收¥41.94已计入应收账款" in ch.message
    bed, care = (sum(x[5] for x in lines_of(app, admitted, "2026-03") if x[0] == k) for k in ("bed", "care"))
    assert (bed, care) == (216774, 177420)  # what the account now carries is what was due


def test_contract_ended_at_a_month_end_refunds_the_next_month_in_full(app, clock, ctx, acc, admitted):
    """March billed in advance and settled by April's run (meals 31 × 30.00 = 930.00); April billed in
    advance (bed 2,400.00 + care 1,500.00); the contract ends on 3-31: March stays as billed (refund 0 on
    each kind), April's bed and care come off in full: 2,400.00 + 1,500.00 = 3,900.00."""
    cid = make_contract(app, admitted, D(2026, 2, 1))
    run(clock, acc, "2026-03", D(2026, 3, 1))
    run(clock, acc, "2026-04", D(2026, 4, 1))
    clock.day = D(2026, 4, 2)
    contracts.terminate_contract(ctx, cid, D(2026, 3, 31), "提前解约", "转院")
    d = contracts.get_contract(ctx, cid)
    assert [(x.period, x.kind, x.billed_fen, x.due_fen, x.refund_fen) for x in d.settlement_lines] == [
        ("2026-03", "bed", BED, BED, 0), ("2026-03", "care", CARE, CARE, 0),
        ("2026-03", "meals", 31 * MEALS, 31 * MEALS, 0),
        ("2026-04", "bed", BED, 0, BED), ("2026-04", "care", CARE, 0, CARE),
    ]
    assert d.settlement_total_fen == 390000 and "全额退还" in d.settlement_lines[3].basis
    assert sum(x[5] for x in lines_of(app, admitted, "2026-04")) == 0
