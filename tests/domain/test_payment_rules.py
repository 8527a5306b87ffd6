"""FIFO allocation of credits to charges (oldest first) and ageing buckets:
hand-computed cases and properties."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.payments import BUCKETS, Item, ageing_buckets, bucket_of, fifo_allocate

D = dt.date


def test_fifo_pays_the_oldest_charge_first():
    debits = [(D(2026, 3, 31), 330000, "3月"), (D(2026, 1, 31), 100000, "1月"), (D(2026, 2, 28), 200000, "2月")]
    credits = [(D(2026, 2, 10), 150000, "收据1"), (D(2026, 4, 5), 250000, "收据2")]
    r = fifo_allocate(debits, credits)
    # 收据1 ¥1,500: ¥1,000 pays January, ¥500 of February;
    # 收据2 ¥2,500: ¥1,500 finishes February, ¥1,000 of March → March open ¥3,300 − ¥1,000 = ¥2,300
    assert [(a.credit_ref, a.debit_ref, a.fen) for a in r.allocations] == [
        ("收据1", "1月", 100000), ("收据1", "2月", 50000), ("收据2", "2月", 150000), ("收据2", "3月", 100000)]
    assert r.open_debits == (Item(D(2026, 3, 31), 230000, "3月"),)
    assert r.open_total == 230000 and r.unapplied == 0


def test_fifo_credit_beyond_the_charges_is_held_for_later_charges():
    # ¥4,000 paid before any bill; bills of ¥3,300 and ¥3,300 follow: the first is
    # paid in full, ¥700 goes to the second → ¥2,600 open, nothing unapplied
    r = fifo_allocate([(D(2026, 3, 31), 330000, "3月"), (D(2026, 4, 30), 330000, "4月")],
                      [(D(2026, 3, 1), 400000, "预收")])
    assert [(a.debit_ref, a.fen) for a in r.allocations] == [("3月", 330000), ("4月", 70000)]
    assert r.open_total == 260000
    # with no charges at all the whole credit is unapplied (a credit balance)
    r = fifo_allocate([], [(D(2026, 3, 1), 400000, "预收")])
    assert (r.open_debits, r.allocations, r.unapplied) == ((), (), 400000)


def test_fifo_refuses_negative_or_non_integer_amounts():
    with pytest.raises(RuleViolation, match="非负的整数"):
        fifo_allocate([(D(2026, 3, 31), -1, "x")], [])
    with pytest.raises(RuleViolation, match="非负的整数"):
        fifo_allocate([], [(D(2026, 3, 31), 1.5, "x")])


def test_ageing_buckets_by_days_since_the_charge():
    on = D(2026, 6, 30)
    open_debits = [
        Item(D(2026, 6, 30), 330000, "6月"),  # 0 days
        Item(D(2026, 5, 31), 100000, "5月"),  # 30 days: still 0-30
        Item(D(2026, 5, 30), 20000, "x"),  # 31 days
        Item(D(2026, 4, 30), 50000, "4月"),  # 61 days
        Item(D(2026, 4, 1), 7000, "y"),  # 90 days: 61-90
        Item(D(2026, 3, 31), 9000, "3月"),  # 91 days
    ]
    assert ageing_buckets(open_debits, on) == {
        "0-30天": 430000, "31-60天": 20000, "61-90天": 57000, "90天以上": 9000}
    assert list(ageing_buckets([], on)) == list(BUCKETS)
    assert [bucket_of(n) for n in (0, 30, 31, 60, 61, 90, 91, 400)] == [
        "0-30天", "0-30天", "31-60天", "31-60天", "61-90天", "61-90天", "90天以上", "90天以上"]


# --- properties -------------------------------------------------------------------

days = st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 12, 31))
items = st.lists(st.tuples(days, st.integers(min_value=0, max_value=10_000_000)), max_size=12)


@given(debits=items, credits=items, on=days)
def test_fifo_properties(debits, credits, on):
    ds = [(d, f, ("d", i)) for i, (d, f) in enumerate(debits)]
    cs = [(d, f, ("c", i)) for i, (d, f) in enumerate(credits)]
    r = fifo_allocate(ds, cs)
    total_d = sum(f for _, f, _ in ds)
    total_c = sum(f for _, f, _ in cs)
    allocated = sum(a.fen for a in r.allocations)
    # allocated + open == total debits
    assert allocated + r.open_total == total_d
    # open == max(0, debits − credits); unapplied == max(0, credits − debits)
    assert r.open_total == max(0, total_d - total_c)
    assert r.unapplied == max(0, total_c - total_d)
    # a credit never allocates more than its amount, a debit never receives more than its amount
    by_credit: dict = {}
    by_debit: dict = {}
    for a in r.allocations:
        assert a.fen > 0
        by_credit[a.credit_ref] = by_credit.get(a.credit_ref, 0) + a.fen
        by_debit[a.debit_ref] = by_debit.get(a.debit_ref, 0) + a.fen
    amount = {ref: f for _, f, ref in ds + cs}
    assert all(v <= amount[k] for k, v in by_credit.items())
    assert all(v <= amount[k] for k, v in by_debit.items())
    # oldest first: every open debit is no older than every fully paid one
    paid = [d for d, f, ref in ds if f and by_debit.get(ref, 0) == f]
    if r.open_debits and paid:
        assert min(x.day for x in r.open_debits) >= max(paid)
    # the buckets hold exactly the open total
    assert sum(ageing_buckets(r.open_debits, on).values()) == r.open_total
