"""Demand-deposit interest with hand-computed figures (ACCOUNTING.md)."""
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.interest import (
    SETTLEMENT_RATE,
    Movement,
    RateChange,
    accrue,
    check_rates,
    next_settlement,
    refund_amount,
    refund_due,
)

D = dt.date
RATES = [RateChange(D(2012, 7, 6), Decimal("0.35")), RateChange(D(2016, 1, 1), Decimal("0.30")),
         RateChange(D(2022, 9, 15), Decimal("0.25")), RateChange(D(2023, 6, 8), Decimal("0.20")),
         RateChange(D(2024, 7, 25), Decimal("0.15")), RateChange(D(2024, 10, 18), Decimal("0.10")),
         RateChange(D(2025, 5, 20), Decimal("0.05"))]


def test_worked_check_split_and_settlement_rate():
    # 10,000 held 2025-03-21 … 2025-06-20 (92 days); refunded on 06-21 (not counted)
    moves = [Movement(D(2025, 3, 21), 1000000)]
    split = accrue(moves, RATES, D(2025, 6, 21))
    # 60 days × 0.10% + 32 days × 0.05%: 1,000,000 × 60 × 0.001/360 = 166.67 fen; × 32 × 0.0005/360 = 44.44 → 211.1 → 211
    assert [(s.days, s.rate_percent) for s in split.periods[0].segments] == [(60, Decimal("0.10")), (32, Decimal("0.05"))]
    assert split.total_fen == 211
    flat = accrue(moves, RATES, D(2025, 6, 21), SETTLEMENT_RATE)
    # 1,000,000 × 92 × 0.0005 / 360 = 127.78 → 128
    assert flat.total_fen == 128


def test_held_across_two_settlements_and_a_rate_change_compounds():
    # 10,000 in on 2024-06-01; settlements 06-20 and 09-20; refund 2024-10-21
    r = accrue([Movement(D(2024, 6, 1), 1000000)], RATES, D(2024, 10, 21))
    p1, p2, p3 = r.periods
    # p1: 06-01..06-20 = 20 days at 0.20%: 1,000,000 × 20 × 0.002 / 360 = 111.11 → 111
    assert (p1.start, p1.end, p1.interest_fen, p1.final) == (D(2024, 6, 1), D(2024, 6, 20), 111, False)
    # p2: 06-21..09-20 on 1,000,111: 06-21..07-24 = 34 days at 0.20% → 188.91; 07-25..09-20 = 58 days at 0.15% → 241.69
    #     total 430.60 → 431
    assert [(s.days, s.balance_fen, s.rate_percent) for s in p2.segments] == [
        (34, 1000111, Decimal("0.20")), (58, 1000111, Decimal("0.15"))]
    assert p2.interest_fen == 431
    # p3 (final): 09-21..10-20 = 30 days on 1,000,542: 27 days 09-21..10-17 at 0.15% = 112.56; 3 days at 0.10% = 8.34
    #     → 120.90 → 121, paid on the refund day
    assert (p3.end, p3.settled_on, p3.final, p3.interest_fen) == (D(2024, 10, 20), D(2024, 10, 21), True, 121)
    assert r.total_fen == 111 + 431 + 121


def test_deduction_mid_quarter_lowers_the_balance():
    # 6,000 in on 2025-06-21, 1,000 deducted on 2025-08-01 (emergency medical), quote on 2025-09-21
    r = accrue([Movement(D(2025, 6, 21), 600000), Movement(D(2025, 8, 1), -100000)], RATES, D(2025, 9, 21))
    (p,) = r.periods
    # 06-21..07-31 = 41 days × 600,000 = 24,600,000; 08-01..09-20 = 51 days × 500,000 = 25,500,000
    # 积数 50,100,000 fen·days × 0.05% / 360 = 69.58 → 70
    assert [(s.days, s.balance_fen) for s in p.segments] == [(41, 600000), (51, 500000)]
    assert p.interest_fen == 70 and not p.final


def test_refund_day_not_counted_deposit_day_counted():
    one = accrue([Movement(D(2025, 7, 1), 3600000)], RATES, D(2025, 7, 2))
    # one day: 3,600,000 × 1 × 0.0005 / 360 = 5 fen
    assert [(p.start, p.end, p.interest_fen) for p in one.periods] == [(D(2025, 7, 1), D(2025, 7, 1), 5)]
    assert accrue([Movement(D(2025, 7, 1), 3600000)], RATES, D(2025, 7, 1)).total_fen == 0


def test_settlement_days():
    assert next_settlement(D(2025, 3, 20)) == D(2025, 3, 20)
    assert next_settlement(D(2025, 3, 21)) == D(2025, 6, 20)
    assert next_settlement(D(2025, 12, 21)) == D(2026, 3, 20)


def test_refund_rules():
    assert refund_amount(2880000, 100000, 211) == 2780211
    assert refund_due(D(2026, 3, 20)) == D(2026, 3, 30)  # day 10 is on time, day 11 overdue


def test_rates_need_dates_and_sense():
    with pytest.raises(RuleViolation, match="生效日期"):
        check_rates([RateChange(None, Decimal("0.35"))])
    with pytest.raises(RuleViolation, match="已有一条利率"):
        check_rates([RateChange(D(2025, 1, 1), Decimal("0.3")), RateChange(D(2025, 1, 1), Decimal("0.2"))])
    with pytest.raises(RuleViolation, match="没有适用的活期存款利率"):
        accrue([Movement(D(2000, 1, 1), 100)], RATES, D(2000, 2, 1))


@given(st.integers(1, 10**8), st.dates(D(2013, 1, 1), D(2026, 1, 1)), st.integers(1, 800), st.integers(1, 800))
def test_interest_never_negative_and_never_decreases_with_time(amount, start, n1, n2):
    moves = [Movement(start, amount)]
    a = accrue(moves, RATES, start + dt.timedelta(days=n1))
    b = accrue(moves, RATES, start + dt.timedelta(days=n1 + n2))
    assert 0 <= a.total_fen <= b.total_fen
    assert all(p.interest_fen >= 0 for p in b.periods)
