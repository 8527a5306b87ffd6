"""Ledger service: posting, 红冲, closed months, balances (hand-computed)."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, JournalEntry, JournalLine
from eldercare_desktop.domain import ledger as L
from eldercare_desktop.domain.errors import NotFound, RuleViolation
from eldercare_desktop.domain.ledger import Entry, Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import ledger, residents
from tests.conftest import person

D = dt.date


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


def bill(rid, day=D(2026, 3, 31), source="billing:2026-03:r1"):
    # March: bed ¥2,400.00 + meals ¥900.00 = ¥3,300.00 owed
    return Entry(day, "2026年3月费用", (
        Line(L.RECEIVABLE, debit=330000, resident_id=rid),
        Line(L.INCOME_BED, credit=240000),
        Line(L.INCOME_MEALS, credit=90000),
    ), source=source)


def payment(rid, day=D(2026, 4, 5)):
    # ¥4,000.00 paid: ¥3,300.00 settles March, ¥700.00 paid in advance
    return Entry(day, "收到3月费用及预收", (
        Line(L.BANK, debit=400000),
        Line(L.RECEIVABLE, credit=330000, resident_id=rid),
        Line(L.PREPAID, credit=70000, resident_id=rid),
    ))


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (JournalEntry, JournalLine, AuditLog))


def test_post_balanced_entry_and_balances(app, acc, admitted):
    before = counts(app)
    ch = ledger.post_entry(acc, bill(admitted))
    eid = ch.ids[0]
    ledger.post_entry(acc, payment(admitted))
    assert counts(app) == (before[0] + 2, before[1] + 6, before[2] + 2)
    assert ledger.account_balance(acc, L.BANK) == 400000
    assert ledger.account_balance(acc, "1002") == 400000  # parent sums children
    assert ledger.account_balance(acc, L.INCOME_BED) == 240000  # credit-normal, positive
    assert ledger.account_balance(acc, "4301") == 330000
    assert ledger.account_balance(acc, L.RECEIVABLE, resident_id=admitted) == 0
    assert ledger.account_balance(acc, L.RECEIVABLE, on=D(2026, 4, 4)) == 330000
    assert ledger.account_balance(acc, L.PREPAID, resident_id=admitted) == 70000
    assert ledger.resident_balances(acc) == {admitted: -70000}
    assert ledger.resident_balances(acc, on=D(2026, 3, 31)) == {admitted: 330000}
    e = ledger.get_entry(acc, eid)
    assert e.total == 330000 and e.source == "billing:2026-03:r1"
    rows = ledger.journal(acc, D(2026, 3, 1), D(2026, 3, 31))
    assert [(r.entry_id, r.account, r.debit, r.credit, r.resident_name) for r in rows] == [
        (eid, "1121", 330000, 0, "张三"), (eid, "430101", 0, 240000, ""), (eid, "430103", 0, 90000, "")]
    assert rows[1].account_name == "提供服务收入—床位费"
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert (a.action, a.entity, a.user) == ("记账", "journal_entry", "kuaiji")


def test_unbalanced_entry_refused_and_nothing_saved(app, acc, admitted):
    before = counts(app)
    bad = Entry(D(2026, 3, 31), "不平", (Line(L.RECEIVABLE, debit=330000, resident_id=admitted),
                                      Line(L.INCOME_BED, credit=240000)))
    with pytest.raises(RuleViolation, match="借贷不平衡：借方合计3300.00元，贷方合计2400.00元"):
        ledger.post_entry(acc, bad)
    no_resident = Entry(D(2026, 3, 31), "缺住户", (Line(L.RECEIVABLE, debit=100), Line(L.INCOME_BED, credit=100)))
    with pytest.raises(RuleViolation, match="须注明住户"):
        ledger.post_entry(acc, no_resident)
    ghost = Entry(D(2026, 3, 31), "无此住户", (Line(L.RECEIVABLE, debit=100, resident_id=999), Line(L.INCOME_BED, credit=100)))
    with pytest.raises(RuleViolation, match="住户.*不存在"):
        ledger.post_entry(acc, ghost)
    assert counts(app) == before


def test_same_source_twice_refused(app, acc, admitted):
    ledger.post_entry(acc, bill(admitted))
    before = counts(app)
    with pytest.raises(RuleViolation, match="该业务已记账"):
        ledger.post_entry(acc, bill(admitted))
    assert counts(app) == before
    # entries without a source are hand-made vouchers: any number of them
    ledger.post_entry(acc, payment(admitted))
    ledger.post_entry(acc, payment(admitted))


def test_reversal_nets_to_zero_and_cannot_be_repeated(app, acc, admitted):
    eid = ledger.post_entry(acc, bill(admitted)).ids[0]
    with pytest.raises(RuleViolation, match="红冲原因"):
        ledger.reverse(acc, eid, D(2026, 4, 10), " ")
    rid = ledger.reverse(acc, eid, D(2026, 4, 10), "床位费算错").ids[0]
    red = ledger.get_entry(acc, rid)
    assert red.reverses == eid and red.memo == "红冲：2026年3月费用（床位费算错）"
    assert [(x.account, x.debit, x.credit) for x in red.lines] == [
        ("1121", -330000, 0), ("430101", 0, -240000), ("430103", 0, -90000)]
    for code in (L.RECEIVABLE, L.INCOME_BED, L.INCOME_MEALS):
        assert ledger.account_balance(acc, code) == 0
    assert ledger.resident_balances(acc) == {admitted: 0}
    assert ledger.account_balance(acc, L.INCOME_BED, on=D(2026, 4, 9)) == 240000
    with pytest.raises(RuleViolation, match=f"凭证{eid}已于凭证{rid}红冲，不能重复红冲"):
        ledger.reverse(acc, eid, D(2026, 4, 11), "再冲一次")
    with pytest.raises(RuleViolation, match="红冲凭证不能再被红冲"):
        ledger.reverse(acc, rid, D(2026, 4, 11), "冲红冲")
    with pytest.raises(NotFound):
        ledger.reverse(acc, 9999, D(2026, 4, 11), "无此凭证")
    # the reversed event can be posted again, corrected, under a new source
    fixed = Entry(D(2026, 4, 10), "2026年3月费用（更正）", (
        Line(L.RECEIVABLE, debit=320000, resident_id=admitted),
        Line(L.INCOME_BED, credit=230000), Line(L.INCOME_MEALS, credit=90000)), source="billing:2026-03:r1#2")
    ledger.post_entry(acc, fixed)
    rows = ledger.journal(acc, D(2026, 3, 1), D(2026, 4, 30))
    assert {r.entry_id: r.reversed_by_id for r in rows}[eid] == rid
    assert ledger.resident_balances(acc) == {admitted: 320000}


def test_closed_month_refuses_entries(app, acc, clock, admitted):
    eid = ledger.post_entry(acc, bill(admitted)).ids[0]
    ledger.post_entry(acc, payment(admitted))
    ledger.close_period(acc, "2026-03")
    assert [p.period for p in ledger.closed_periods(acc)] == ["2026-03"]
    with pytest.raises(RuleViolation, match="2026-03已结账，不能再记账"):
        ledger.post_entry(acc, bill(admitted, day=D(2026, 3, 15), source=""))
    # months before the latest closed month are closed too
    with pytest.raises(RuleViolation, match="2026-02已结账"):
        ledger.post_entry(acc, bill(admitted, day=D(2026, 2, 15), source=""))
    # a correction goes into an open month
    with pytest.raises(RuleViolation, match="2026-03已结账"):
        ledger.reverse(acc, eid, D(2026, 3, 31), "更正")
    ledger.reverse(acc, eid, D(2026, 4, 30), "更正")
    with pytest.raises(RuleViolation, match="2026-03已结账，不能重复结账"):
        ledger.close_period(acc, "2026-03")
    with pytest.raises(RuleViolation, match="2026-02已结账，不能重复结账"):
        ledger.close_period(acc, "2026-02")
    # in order: May cannot close while April (with entries) is open
    with pytest.raises(RuleViolation, match="请先按顺序结账：2026-04尚未结账"):
        ledger.close_period(acc, "2026-05")
    # only once the month is over
    with pytest.raises(RuleViolation, match="2026-11尚未结束"):
        ledger.close_period(acc, "2026-11")
    with pytest.raises(RuleViolation, match="格式应为YYYY-MM"):
        ledger.close_period(acc, "2026/4")
    ledger.close_period(acc, "2026-04")
    ledger.close_period(acc, "2026-05")  # no entries: fine
    assert ledger.is_closed(acc, "2026-01") and not ledger.is_closed(acc, "2026-06")
    clock.day = D(2026, 11, 30)
    ledger.close_period(acc, "2026-10")  # June–September had no entries


def test_trial_balance_totals_equal(app, acc, admitted):
    ledger.post_entry(acc, bill(admitted))
    ledger.post_entry(acc, payment(admitted))
    tb = ledger.trial_balance(acc, "2026-04")
    rows = {r.account: (r.opening_debit, r.opening_credit, r.debit, r.credit, r.closing_debit, r.closing_credit)
            for r in tb.rows}
    assert rows == {
        "100201": (0, 0, 400000, 0, 400000, 0),
        "1121": (330000, 0, 0, 330000, 0, 0),
        "2203": (0, 0, 0, 70000, 0, 70000),
        "430101": (0, 240000, 0, 0, 0, 240000),
        "430103": (0, 90000, 0, 0, 0, 90000),
    }
    t = tb.totals()
    assert (t.opening_debit, t.opening_credit, t.debit, t.credit, t.closing_debit, t.closing_credit) == (
        330000, 330000, 400000, 400000, 400000, 400000)
    assert tb.balanced
    assert ledger.trial_balance(acc, "2026-03").totals().debit == 330000
    assert ledger.trial_balance(acc, "2025-01").rows == ()


# --- property: the journal stays balanced --------------------------------------

RES_ACCOUNTS = [L.RECEIVABLE, L.PREPAID, L.DEPOSITS]
OTHER_ACCOUNTS = [L.BANK, L.CASH, L.ESCROW_BANK, L.INCOME_BED, L.INCOME_CARE, L.INCOME_MEALS, "520102", "440109"]
pairs = st.tuples(
    st.sampled_from(RES_ACCOUNTS + OTHER_ACCOUNTS), st.sampled_from(RES_ACCOUNTS + OTHER_ACCOUNTS),
    st.integers(min_value=1, max_value=10_000_000), st.integers(min_value=0, max_value=1),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(pairs, min_size=1, max_size=4), day=st.integers(min_value=0, max_value=200))
def test_random_balanced_entries_keep_the_journal_balanced(app, acc, ctx, centre_ready, admitted, moves, day):
    rids = [admitted]
    lines = []
    for dr, cr, fen, who in moves:
        rid = rids[0] if who == 0 else _second(ctx, centre_ready)
        lines.append(Line(dr, debit=fen, resident_id=rid if dr in RES_ACCOUNTS else None))
        lines.append(Line(cr, credit=fen, resident_id=rid if cr in RES_ACCOUNTS else None))
    ledger.post_entry(acc, Entry(D(2026, 1, 1) + dt.timedelta(days=day), "随机凭证", tuple(lines)))
    with app.read_factory() as s:
        d, c = s.execute(select(func.sum(JournalLine.debit), func.sum(JournalLine.credit))).one()
    assert d == c
    bal = ledger.resident_balances(acc)
    assert sum(bal.values()) == ledger.account_balance(acc, L.RECEIVABLE) - ledger.account_balance(acc, L.PREPAID)
    assert ledger.trial_balance(acc, f"{D(2026, 1, 1) + dt.timedelta(days=day):%Y-%m}").balanced


def _second(ctx, beds):
    found = [r.id for r in residents.list_residents(ctx) if r.name == "李四"]
    if found:
        return found[0]
    return residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), beds["A102-1"]).ids[0]
