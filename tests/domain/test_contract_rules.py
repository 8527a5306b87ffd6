"""Contract rules: monthly service fee, deposit cap, overlap, settlement (hand-computed)."""
import datetime as dt
from decimal import Decimal

import pytest

from eldercare_desktop.domain.contracts import (
    MEAL_DAYS_PER_MONTH,
    check_deposit,
    deposit_cap,
    deposit_excess,
    monthly_service_fee,
    overlap_problem,
    settlement_of,
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


def test_settlement_lines_are_billed_less_due_either_way():
    """The settlement as billing brings the months in line (the figures come
    from services.billing_settlement.settlement_rows_in): refund = billed − due."""
    st = settlement_of(D(2026, 3, 20), [
        # bed billed 2,400.00, due 2,400 × 20/31 = 1,548.39 → refund 851.61
        ("2026-03", "bed", 240000, 154839, "普通床位 月标准¥2,400.00 × 20天 ÷ 31天"),
        # care billed 1,000.00 (a level raised after the advance bill), due 1,548.39 → owed 548.39
        ("2026-03", "care", 100000, 154839, "介护二级 …"),
        # April billed in advance, the contract ended in March → refunded in full
        ("2026-04", "bed", 240000, 0, ""),
    ])
    assert [x.refund_fen for x in st.lines] == [85161, -54839, 240000]
    assert st.total_fen == 85161 - 54839 + 240000 == 270322 and st.pending
    assert st.by_kind() == {"bed": 325161, "care": -54839}
    assert st.lines[0].basis == "已计费¥2,400.00，截至2026-03-20应收¥1,548.39（普通床位 月标准¥2,400.00 × 20天 ÷ 31天）"
    assert st.lines[2].basis == "已计费¥2,400.00，最后服务日2026-03-20之后全额退还"
    assert not settlement_of(D(2026, 3, 31), [("2026-03", "bed", 240000, 240000, "整月")]).pending
