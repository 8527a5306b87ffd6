"""Contract rules: monthly service fee, deposit cap, overlap, settlement (hand-computed)."""
import datetime as dt
from decimal import Decimal

import pytest

from eldercare_desktop.domain.billing import Rate
from eldercare_desktop.domain.contracts import (
    MEAL_DAYS_PER_MONTH,
    check_deposit,
    deposit_cap,
    deposit_excess,
    monthly_service_fee,
    overlap_problem,
    settlement,
)
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.residents import Span

D = dt.date


def test_monthly_fee_counts_meals_as_30_days():
    # 2,400.00 + 1,500.00 + 30.00 × 30 = 4,800.00
    assert MEAL_DAYS_PER_MONTH == 30
    assert monthly_service_fee(240000, 150000, 3000) == 480000
    assert monthly_service_fee(240000, 150000, 3000, meal_days=31) == 483000


def test_deposit_cap_exactly_accepted_one_fen_over_refused():
    cap = deposit_cap(480000, Decimal("6"))
    assert cap == 2880000  # 4,800.00 × 6 = 28,800.00
    check_deposit(2880000, cap, Decimal("6"))
    with pytest.raises(RuleViolation, match=r"押金不得超过月服务费的6倍（上限¥28,800.00）"):
        check_deposit(2880001, cap, Decimal("6"))
    # a fractional multiplier rounds half up: 1,234.57 × 2.5 = 3,086.425 → 3,086.43
    assert deposit_cap(123457, Decimal("2.5")) == 308643
    with pytest.raises(RuleViolation, match=r"2.5倍（上限¥3,086.43）"):
        check_deposit(308644, 308643, Decimal("2.5"))
    assert deposit_excess(2880000, 2700000) == 180000 and deposit_excess(100, 2700000) == 0


def test_overlap():
    existing = [("HT2026-0001", Span(D(2026, 1, 10), D(2027, 1, 9)))]
    msg = overlap_problem(Span(D(2027, 1, 9), D(2028, 1, 8)), existing)
    assert msg and "2026-01-10至2027-01-09已有合同HT2026-0001" in msg
    assert overlap_problem(Span(D(2027, 1, 10), D(2028, 1, 9)), existing) is None


def _rates(start=D(2026, 1, 10)):
    sp = Span(start, D(2027, 1, 9))
    return {"bed": [Rate(sp, 240000, "普通床位")], "care": [Rate(sp, 150000, "介护一级")],
            "meals": [Rate(sp, 3000, "膳食")]}


def test_settlement_death_mid_month():
    # March billed in full: bed 2,400.00, care 1,500.00, meals 31 × 30.00 = 930.00; death on 3-20.
    billed = {("2026-03", "bed"): 240000, ("2026-03", "care"): 150000, ("2026-03", "meals"): 93000}
    st = settlement(D(2026, 3, 20), D(2026, 1, 10), billed, _rates())
    k = st.by_kind()
    # bed due 2,400 × 20/31 = 1,548.387 → 1,548.39; refund 2,400.00 − 1,548.39 = 851.61 (= 2,400 × 11/31)
    assert k["bed"] == 85161
    # care due 1,500 × 20/31 = 967.742 → 967.74; refund 532.26
    assert k["care"] == 53226
    # meals: 11 days × 30.00 = 330.00
    assert k["meals"] == 33000
    assert st.total_fen == 85161 + 53226 + 33000


def test_settlement_refunds_later_months_in_full_and_respects_leave():
    # early leave on 3-31: April billed in full is refunded in full; March stays.
    billed = {("2026-03", "bed"): 240000, ("2026-04", "bed"): 240000, ("2026-04", "meals"): 90000,
              ("2026-04", "other"): 5000}
    st = settlement(D(2026, 3, 31), D(2026, 1, 10), billed, _rates())
    assert [(x.period, x.kind, x.refund_fen) for x in st.lines] == [
        ("2026-03", "bed", 0), ("2026-04", "bed", 240000), ("2026-04", "meals", 90000)]
    # meals billed for the 25 days present in April (leave 4-21 … 4-25); leaves on 4-10:
    # present 4-1 … 4-10 = 10 days → due 300.00; refund 750.00 − 300.00 = 450.00
    billed = {("2026-04", "meals"): 75000}
    st = settlement(D(2026, 4, 10), D(2026, 1, 10), billed, _rates(), [Span(D(2026, 4, 21), D(2026, 4, 25))])
    assert st.total_fen == 45000
    # leave 4-5 … 4-8 inside the shortened service: present 6 days → due 180.00, refund 570.00
    st = settlement(D(2026, 4, 10), D(2026, 1, 10), billed, _rates(), [Span(D(2026, 4, 5), D(2026, 4, 8))])
    assert st.total_fen == 57000


def test_settlement_underbilled_month_refunds_nothing():
    st = settlement(D(2026, 3, 20), D(2026, 1, 10), {("2026-03", "bed"): 100000}, _rates())
    assert st.total_fen == 0 and st.lines[0].due_fen == 154839
