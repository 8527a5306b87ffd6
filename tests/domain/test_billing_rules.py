"""Proration and ledger rules with hand-computed figures."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.billing import Rate, meal_charges, month_span, present_days, prorate_monthly
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.residents import Span

D = dt.date
MARCH = month_span(2026, 3)  # 31 days
FEB = month_span(2026, 2)  # 28 days
BED = [Rate(Span(D(2020, 1, 1)), 240000, "护理型床位")]  # ¥2,400.00 a month
MEALS = [Rate(Span(D(2020, 1, 1)), 3000, "标准餐")]  # ¥30.00 a day


def amounts(lines):
    return [(x.start, x.end, x.days, x.amount_fen) for x in lines]


def test_whole_month_is_the_monthly_fee():
    assert amounts(prorate_monthly("bed", MARCH, Span(D(2025, 1, 1)), BED)) == [(D(2026, 3, 1), D(2026, 3, 31), 31, 240000)]
    assert prorate_monthly("bed", FEB, Span(D(2025, 1, 1)), BED)[0].amount_fen == 240000


def test_admission_mid_month_counts_the_admission_day():
    # 3-16 .. 3-31 = 16 days: 2400 × 16 / 31 = 1238.709… → 1238.71
    lines = prorate_monthly("bed", MARCH, Span(D(2026, 3, 16)), BED)
    assert amounts(lines) == [(D(2026, 3, 16), D(2026, 3, 31), 16, 123871)]
    assert "× 16天 ÷ 31天" in lines[0].basis


def test_discharge_mid_month_counts_the_last_day():
    # 2-01 .. 2-10 = 10 days of 28: 2400 × 10 / 28 = 857.142… → 857.14
    assert amounts(prorate_monthly("bed", FEB, Span(D(2025, 6, 1), D(2026, 2, 10)), BED)) == [
        (D(2026, 2, 1), D(2026, 2, 10), 10, 85714)]


def test_care_level_change_mid_month_splits():
    care = [Rate(Span(D(2025, 1, 1), D(2026, 3, 14)), 150000, "介护一级"),  # 14 days: 1500×14/31 = 677.419 → 677.42
            Rate(Span(D(2026, 3, 15)), 280000, "介护二级")]  # 17 days: 2800×17/31 = 1535.483 → 1535.48
    lines = prorate_monthly("care", MARCH, Span(D(2025, 1, 1)), care)
    assert amounts(lines) == [(D(2026, 3, 1), D(2026, 3, 14), 14, 67742), (D(2026, 3, 15), D(2026, 3, 31), 17, 153548)]
    assert sum(x.amount_fen for x in lines) == 221290


def test_price_change_with_effective_date():
    bed = [Rate(Span(D(2020, 1, 1), D(2026, 3, 19)), 240000, "护理型床位"),
           Rate(Span(D(2026, 3, 20)), 260000, "护理型床位")]
    # 19 days at 2400: 1470.967… → 1470.97; 12 days at 2600: 1006.451… → 1006.45
    assert [x.amount_fen for x in prorate_monthly("bed", MARCH, Span(D(2025, 1, 1)), bed)] == [147097, 100645]


def test_half_up_rounding_per_line():
    april = month_span(2026, 4)  # 30 days
    one_day = Span(D(2026, 4, 30))

    def line(fen):
        return prorate_monthly("bed", april, one_day, [Rate(Span(D(2020, 1, 1)), fen, "x")])[0].amount_fen

    assert line(1515) == 51  # 1515 / 30 = 50.5 fen exactly: half up → 51
    assert line(1514) == 50  # 50.47 → 50
    assert line(1516) == 51  # 50.53 → 51
    # ¥1,000.50 for 5 days of 31: 100050 × 5 / 31 = 16137.09 → 16137
    assert prorate_monthly("bed", MARCH, Span(D(2026, 3, 27)), [Rate(Span(D(2020, 1, 1)), 100050, "x")])[0].amount_fen == 16137


def test_leave_spanning_month_end_meals():
    # away 3-25 .. 4-03 (last day away); March present 1..24 = 24 days; April present 4..30 = 27 days
    leave = [Span(D(2026, 3, 25), D(2026, 4, 3))]
    march = meal_charges(MARCH, Span(D(2025, 1, 1)), MEALS, leave)
    april = meal_charges(month_span(2026, 4), Span(D(2025, 1, 1)), MEALS, leave)
    assert [(x.days, x.amount_fen) for x in march] == [(24, 72000)]
    assert [(x.days, x.amount_fen) for x in april] == [(27, 81000)]
    # bed and care are still charged in full while on leave (the bed is kept)
    assert prorate_monthly("bed", MARCH, Span(D(2025, 1, 1)), BED)[0].amount_fen == 240000


def test_open_leave_excludes_rest_of_month():
    assert present_days(Span(D(2026, 3, 1), D(2026, 3, 31)), [Span(D(2026, 3, 10))]) == [Span(D(2026, 3, 1), D(2026, 3, 9))]


@given(st.integers(1, 31), st.integers(0, 30), st.integers(1, 10**7))
def test_split_lines_never_exceed_a_whole_month_by_more_than_rounding(start, length, fen):
    first = D(2026, 3, start)
    end = min(D(2026, 3, 31), first + dt.timedelta(days=length))
    lines = prorate_monthly("bed", MARCH, Span(first, end), [Rate(Span(D(2020, 1, 1)), fen, "x")])
    days = (end - first).days + 1
    assert lines[0].days == days
    assert abs(lines[0].amount_fen * 31 - fen * days) <= 31 // 2 + 1


# --- ledger ---------------------------------------------------------------------

def bill(amount=123871, rid=7):
    return L.Entry(D(2026, 3, 31), "2026年3月床位费", (
        L.Line(L.RECEIVABLE, debit=amount, resident_id=rid),
        L.Line(L.INCOME_BED, credit=amount),
    ))


def test_balanced_entry_accepted_unbalanced_refused():
    L.check_entry(bill())
    bad = L.Entry(D(2026, 3, 31), "x", (L.Line(L.RECEIVABLE, debit=100, resident_id=1), L.Line(L.INCOME_BED, credit=99)))
    with pytest.raises(RuleViolation, match="借贷不平衡：借方合计1.00元，贷方合计0.99元"):
        L.check_entry(bad)


@pytest.mark.parametrize(
    "lines, message",
    [
        ((L.Line(L.RECEIVABLE, debit=100),), "至少需要两行"),
        ((L.Line(L.RECEIVABLE, debit=100), L.Line(L.INCOME_BED, credit=100)), "须注明住户"),
        ((L.Line("9999", debit=100), L.Line(L.INCOME_BED, credit=100)), "不存在"),
        ((L.Line(L.BANK, debit=100, credit=100), L.Line(L.INCOME_BED, credit=0)), "只填借方或贷方之一"),
        ((L.Line(L.BANK, debit=-100), L.Line(L.INCOME_BED, credit=-100)), "只有红冲凭证"),
    ],
)
def test_bad_entries(lines, message):
    with pytest.raises(RuleViolation, match=message):
        L.check_entry(L.Entry(D(2026, 3, 31), "x", lines))


def test_closed_month_takes_no_entries():
    with pytest.raises(RuleViolation, match="2026-03已结账"):
        L.check_entry(bill(), frozenset({"2026-03"}))


def test_red_reversal_cancels_the_original():
    original = bill()
    red = L.red_reversal(original, 41, D(2026, 4, 2), "住户3月16日入住，误按整月计费")
    L.check_entry(red)
    assert red.reverses == 41 and red.memo.startswith("红冲：")
    lines = original.lines + red.lines
    assert L.balance(lines, L.RECEIVABLE, 7) == 0 and L.balance(lines, L.INCOME_BED) == 0
    with pytest.raises(RuleViolation, match="不能再被红冲"):
        L.red_reversal(red, 42, D(2026, 4, 2), "again")


def test_resident_balance_nets_receivable_and_prepayment():
    pay = L.Entry(D(2026, 3, 31), "收款", (L.Line(L.BANK, debit=200000), L.Line(L.RECEIVABLE, credit=123871, resident_id=7),
                                         L.Line(L.PREPAID, credit=76129, resident_id=7)))
    L.check_entry(pay)
    lines = bill().lines + pay.lines
    assert L.resident_balance(lines, 7) == -76129  # paid ¥761.29 in advance
    assert L.balance(lines, "1002") == 200000  # parent account sums its children
