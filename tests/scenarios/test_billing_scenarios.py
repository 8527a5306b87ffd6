"""Billing stories a centre lives through, with hand-computed figures.

Standard fees (tests/services/billing_fixtures.py): bed ¥2,400.00/月, care
¥1,500.00/月 (介护一级), meals ¥30.00/日. March 2026 has 31 days, February 28,
April 30."""
import datetime as dt

import pytest

from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, ledger, residents
from tests.conftest import person
from tests.services.billing_fixtures import add_leave, add_term, end_stay, make_contract, terminate

D = dt.date


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


def lines_of(app, rid, period):
    from sqlalchemy import select

    from eldercare_desktop.db.models import BillLine

    with app.read_factory() as s:
        return [(x.kind, x.start_date, x.end_date, x.days, x.amount_fen) for x in s.execute(
            select(BillLine).where(BillLine.resident_id == rid, BillLine.period == period).order_by(BillLine.id)).scalars()]


def register_row(acc, period, rid):
    rows = [r for r in billing.billing_register(acc, period).rows if r.resident_id == rid]
    return rows[0] if rows else None


def test_admission_mid_month(app, ctx, acc, centre_ready):
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 3, 16), centre_ready["A101-2"]).ids[0]
    make_contract(app, rid, D(2026, 3, 16))
    billing.run_billing(acc, "2026-03")
    # 3-16..3-31 = 16 days: bed 2400 × 16/31 = 1238.709… → 1238.71; care 1500 × 16/31 = 774.193… → 774.19;
    # meals 30 × 16 = 480.00; total 2,492.90
    assert lines_of(app, rid, "2026-03") == [
        ("bed", D(2026, 3, 16), D(2026, 3, 31), 16, 123871),
        ("care", D(2026, 3, 16), D(2026, 3, 31), 16, 77419),
        ("meals", D(2026, 3, 16), D(2026, 3, 31), 16, 48000),
    ]
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=rid) == 249290
    assert ledger.account_balance(acc, L.INCOME_BED) == 123871
    assert ledger.account_balance(acc, L.INCOME_CARE) == 77419
    assert ledger.account_balance(acc, L.INCOME_MEALS) == 48000
    # February: before the contract and the stay — nothing
    billing.run_billing(acc, "2026-02")
    assert lines_of(app, rid, "2026-02") == []


def test_discharge_mid_month(app, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 1, 10))
    terminate(app, cid, D(2026, 2, 10), "提前解约")
    end_stay(app, admitted, D(2026, 2, 10))
    billing.run_billing(acc, "2026-02")
    # 2-01..2-10 = 10 days of 28: bed 2400 × 10/28 = 857.142… → 857.14; care 1500 × 10/28 = 535.714… → 535.71;
    # meals 30 × 10 = 300.00
    row = register_row(acc, "2026-02", admitted)
    assert (row.bed_fen, row.care_fen, row.meals_fen, row.total_fen) == (85714, 53571, 30000, 169285)
    billing.run_billing(acc, "2026-03")
    assert register_row(acc, "2026-03", admitted) is None


def test_leave_spanning_month_end(app, acc, admitted):
    make_contract(app, admitted, D(2026, 1, 10))
    add_leave(app, admitted, D(2026, 3, 25), D(2026, 4, 3))  # away 3-25 .. 4-03
    billing.run_billing(acc, "2026-03")
    billing.run_billing(acc, "2026-04")
    # March: present 3-01..3-24 = 24 days → 720.00; bed and care in full (the bed is kept)
    mar = register_row(acc, "2026-03", admitted)
    assert (mar.bed_fen, mar.care_fen, mar.meals_fen) == (240000, 150000, 72000)
    # April: present 4-04..4-30 = 27 days → 810.00
    apr = register_row(acc, "2026-04", admitted)
    assert (apr.bed_fen, apr.care_fen, apr.meals_fen) == (240000, 150000, 81000)


def test_open_leave_runs_to_month_end(app, acc, admitted):
    make_contract(app, admitted, D(2026, 1, 10))
    add_leave(app, admitted, D(2026, 3, 21), None)  # still away: present 3-01..3-20 = 20 days → 600.00
    billing.run_billing(acc, "2026-03")
    assert register_row(acc, "2026-03", admitted).meals_fen == 60000


def test_care_level_change_mid_month(app, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 1, 10))
    add_term(app, cid, D(2026, 3, 15), care_level="介护二级", care_fee_fen=280000)
    billing.run_billing(acc, "2026-03")
    # 3-01..3-14: 1500 × 14/31 = 677.419… → 677.42; 3-15..3-31: 2800 × 17/31 = 1535.483… → 1535.48
    care = [x for x in lines_of(app, admitted, "2026-03") if x[0] == "care"]
    assert care == [("care", D(2026, 3, 1), D(2026, 3, 14), 14, 67742), ("care", D(2026, 3, 15), D(2026, 3, 31), 17, 153548)]
    assert register_row(acc, "2026-03", admitted).care_fen == 221290


def test_price_change_with_its_effective_date(app, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 1, 10))
    add_term(app, cid, D(2026, 3, 20), kind="调价", bed_fee_fen=260000)
    billing.run_billing(acc, "2026-03")
    # 19 days at 2400: 1470.967… → 1470.97; 12 days at 2600: 1006.451… → 1006.45
    bed = [x[4] for x in lines_of(app, admitted, "2026-03") if x[0] == "bed"]
    assert bed == [147097, 100645]
    # rates_for_contract: each term from its effective date to the day before the next
    with app.read_factory() as s:
        rates = billing.rates_for_contract(s, cid, billing.parse_period("2026-03"))
    assert [(r.span.start, r.span.end, r.fen) for r in rates["bed"]] == [
        (D(2026, 1, 10), D(2026, 3, 19), 240000), (D(2026, 3, 20), None, 260000)]


def test_death_stops_billing(app, ctx, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 1, 10))
    residents.discharge(ctx, admitted, D(2026, 4, 12), "病故", deceased=True)
    terminate(app, cid, D(2026, 4, 12), "去世")
    for p in ("2026-04", "2026-05", "2026-06"):
        billing.run_billing(acc, p)
    # 4-01..4-12 = 12 of 30 days: bed 2400 × 12/30 = 960.00; care 1500 × 12/30 = 600.00; meals 30 × 12 = 360.00
    apr = register_row(acc, "2026-04", admitted)
    assert (apr.bed_fen, apr.care_fen, apr.meals_fen) == (96000, 60000, 36000)
    assert register_row(acc, "2026-05", admitted) is None and register_row(acc, "2026-06", admitted) is None


def test_amendment_after_the_run_bills_only_the_difference(app, acc, admitted):
    cid = make_contract(app, admitted, D(2026, 1, 10))
    first = billing.run_billing(acc, "2026-03")
    assert first.total_fen == 240000 + 150000 + 93000  # whole month: 2400 + 1500 + 30 × 31
    add_term(app, cid, D(2026, 3, 15), care_level="介护二级", care_fee_fen=280000)
    again = billing.run_billing(acc, "2026-03")
    # (2800 − 1500) × 17/31 = 712.903… : 1535.48 − (1500.00 − 677.42) = 712.90
    assert again.total_fen == 71290 and again.lines == 2
    care = [(x[1], x[4]) for x in lines_of(app, admitted, "2026-03") if x[0] == "care"]
    assert care == [(D(2026, 3, 1), 150000), (D(2026, 3, 1), -82258), (D(2026, 3, 15), 153548)]
    assert register_row(acc, "2026-03", admitted).care_fen == 221290
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 483000 + 71290
    assert ledger.account_balance(acc, L.INCOME_CARE) == 221290
    # a lower price later is posted as a decrease (Dr income / Cr receivable), not with negative amounts
    add_term(app, cid, D(2026, 3, 20), kind="调价", care_level="介护二级", care_fee_fen=180000)
    third = billing.run_billing(acc, "2026-03")
    # 3-15..3-19 at 2800: 2800 × 5/31 = 451.612… → 451.61; 3-20..3-31 at 1800: 1800 × 12/31 = 696.774… → 696.77
    # care now 677.42 + 451.61 + 696.77 = 1825.80; was 2212.90 → −387.10
    assert third.total_fen == -38710
    assert ledger.account_balance(acc, L.INCOME_CARE) == 182580
    entry = ledger.journal(acc, D(2026, 3, 31), D(2026, 3, 31), admitted)[-1]
    assert entry.account == L.RECEIVABLE and entry.credit == 38710 and entry.debit == 0
