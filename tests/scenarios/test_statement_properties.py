"""Properties of the three 民非 statements over random books.

Whatever balanced entries the books hold, in any year:
- the balance sheet balances (行60 = 行120, 年初 and 期末);
- 净资产变动额 (02表 行45) equals the change of 净资产 on the balance sheet
  (01表 行110 期末 − 年初), and per column: 非限定性 vs 行101, 限定性 vs 行105;
- 现金及现金等价物净增加额 (03表 行61) equals the change of 货币资金 (01表 行1)
  once every cash movement is classified; a movement no rule classifies is
  listed (never dropped): 行61 + the unclassified amounts = Δ货币资金;
- the trial balance balances;
- closing a year (年末结转) changes none of that year's figures, and they stay
  the same whatever is posted afterwards.

The first property draws random entries over the chart's leaves and runs
the pure engine (many examples, fast); the second drives the services in
one database (vouchers, reversals, plain journal entries, billing,
payments, deposits, deductions, a refund, depreciation, month and year
closes) with fewer examples.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from eldercare_desktop.db.models import YearClose
from eldercare_desktop.domain import books as B
from eldercare_desktop.domain import statements as S
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.ledger import CHART_2004, Entry, Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assets, billing, books, escrow, ledger, payments, reports, residents, year_end
from tests.conftest import person
from tests.services.billing_fixtures import make_contract

D = dt.date
Y = 100
TEMPLATES = S.load_templates()
LEAVES = sorted(a.code for a in CHART_2004 if CHART_2004.is_leaf(a.code))
BS_LEAVES = [c for c in LEAVES if c[0] in "123"]


# --- the invariants, on one StatementSet -------------------------------------------------

def assert_invariants(st: S.StatementSet) -> None:
    bs, act, cf = st.balance, st.activity, st.cash_flow
    for col in (0, 1):
        assert bs.value(60, col) == bs.value(120, col), (st.year, col, st.problems())
    assert act.value(45, 2) == bs.value(110, 1) - bs.value(110, 0), st.problems()
    assert act.value(45, 0) == bs.value(101, 1) - bs.value(101, 0), st.problems()
    assert act.value(45, 1) == bs.value(105, 1) - bs.value(105, 0), st.problems()
    assert act.value(45, 2) == act.value(45, 0) + act.value(45, 1)
    dcash = bs.value(1, 1) - bs.value(1, 0)
    assert cf.value(61) + sum(m.amount for m in cf.unclassified) == dcash, st.problems()
    if not cf.unclassified:
        assert cf.value(61) == dcash
    checks = {c.name: c.ok for c in st.checks}
    assert checks["科目余额表借贷平衡"]
    assert checks["现金收支全部归类"] == (not cf.unclassified)
    assert st.ok == (not cf.unclassified), st.problems()


def figures(st: S.StatementSet):
    return st.balance.rows(), st.activity.rows(), st.cash_flow.rows(), tuple(st.cash_flow.unclassified)


# --- 1. the pure engine over random entries ------------------------------------------------

OPENING, NORMAL, CLOSING = "opening", "normal", "closing"
pair = st.tuples(st.sampled_from(LEAVES), st.sampled_from(LEAVES), st.integers(1, 10**8))
entry = st.tuples(st.integers(0, 1), st.integers(0, 364), st.lists(pair, min_size=1, max_size=4))


def _lines(pairs) -> tuple[Line, ...]:
    out = []
    for dr, cr, fen in pairs:
        out += [Line(dr, debit=fen), Line(cr, credit=fen)]
    return tuple(out)


def _sums(entries, keep) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for day, kind, lines in entries:
        if keep(day, kind):
            for x in lines:
                out[x.account] += x.debit - x.credit
    return {a: v for a, v in out.items() if v}


def pure_books(entries, year: int) -> tuple[S.YearBooks, tuple[int, int]]:
    """What services.reports.year_books computes, from a list of (day, kind, lines)."""
    start, end = D(year, 1, 1), D(year, 12, 31)
    opening = _sums(entries, lambda d, k: d < start or (d == start and k == OPENING))
    closing = _sums(entries, lambda d, k: d <= end)
    movements = _sums(entries, lambda d, k: start <= d <= end and k == NORMAL)
    moves = []
    for i, (day, kind, lines) in enumerate(entries, start=1):
        if start <= day <= end and kind != OPENING:
            moves += S.cash_moves_of_entry(i, day, [(x.account, x.debit - x.credit, x.memo) for x in lines])
    upto = [x for d, _, ls in entries if d <= end for x in ls]
    return S.YearBooks(year, opening, closing, movements, tuple(moves)), (sum(x.debit for x in upto),
                                                                           sum(x.credit for x in upto))


def pure_statements(entries, year: int) -> S.StatementSet:
    books_, trial = pure_books(entries, year)
    last = pure_books(entries, year - 1)[0] if any(d < D(year, 1, 1) for d, _, _ in entries) else None
    return S.draw(TEMPLATES, books_, last, trial)


def close(entries, year: int) -> list:
    """The year-end close as services.year_end does it: one entry on 31 December."""
    balances = _sums(entries, lambda d, k: d <= D(year, 12, 31))
    lines = B.closing_lines({a: v for a, v in balances.items() if a[0] in "45"})
    return entries + [(D(year, 12, 31), CLOSING, lines)] if lines else entries


@settings(max_examples=40, deadline=None)
@given(year=st.integers(2006, 2026), opening=st.lists(st.tuples(st.sampled_from(BS_LEAVES), st.sampled_from(BS_LEAVES),
                                                                  st.integers(1, 10**9)), max_size=4),
       raw=st.lists(entry, min_size=1, max_size=12), close_first=st.booleans())
def test_statements_of_random_books_agree(year, opening, raw, close_first):
    first = year - 1
    entries = [(D(first, 1, 1), OPENING, _lines(opening))] if opening else []
    for y, day, pairs in sorted(raw, key=lambda r: (r[0], r[1])):
        if y == 1 and close_first:
            break
        entries.append((D(first + y, 1, 1) + dt.timedelta(days=day), NORMAL, _lines(pairs)))
    if close_first:
        entries = close(entries, first)
        entries += [(D(year, 1, 1) + dt.timedelta(days=day), NORMAL, _lines(pairs)) for y, day, pairs in raw if y == 1]
    for y in (first, year):
        assert_invariants(pure_statements(entries, y))
    # the close of ``year`` changes none of its figures, and next year opens with its closing balances
    before = pure_statements(entries, year)
    closed = close(entries, year)
    after = pure_statements(closed, year)
    assert figures(after) == figures(before)
    assert_invariants(after)
    if year < 2026:
        nxt = pure_statements(closed, year + 1)
        assert_invariants(nxt)
        assert all(nxt.balance.rows()[r][0] == before.balance.rows()[r][1] for r in before.balance.rows())
        assert nxt.activity.value(45, 2) == 0  # nothing posted in the next year
        assert [v[3:] for v in nxt.activity.rows().values()] == [v[:3] for v in before.activity.rows().values()]


# --- 2. the services, one database for all examples ----------------------------------------

RANDOM_LEAVES = [c for c in LEAVES if not CHART_2004.get(c).per_resident and not CHART_2004.get(c).kept_by]
FIRST_YEAR = 2023
OPENING_LINES = (Line("100201", debit=300_000 * Y), Line("1001", debit=2_000 * Y), Line("1501", debit=500_000 * Y),
                 Line("1502", credit=100_000 * Y), Line("2204", credit=30_000 * Y), Line("3101", credit=662_000 * Y),
                 Line("3102", credit=10_000 * Y))
_snapshots: dict[int, dict[int, tuple]] = {}  # database → {closed year: its figures}
_seq = [0]

vpairs = st.lists(st.tuples(st.sampled_from(RANDOM_LEAVES), st.sampled_from(RANDOM_LEAVES), st.integers(1, 10**7)),
                  min_size=1, max_size=3)
when = st.tuples(st.integers(1, 12), st.integers(1, 28))
op = st.one_of(
    st.tuples(st.just("entry"), when, st.tuples(vpairs, st.booleans())),  # a plain entry, with or without a source
    st.tuples(st.just("voucher"), when, vpairs),
    st.tuples(st.just("reverse"), when, st.integers(0, 50)),
    st.tuples(st.just("bill"), when, st.none()),
    st.tuples(st.just("pay"), when, st.integers(1, 1_000_000)),
    st.tuples(st.just("deposit"), when, st.integers(1, 300_000)),
    st.tuples(st.just("deduct"), when, st.integers(1, 50_000)),
    st.tuples(st.just("depreciate"), when, st.none()),
)


def _setup(app, ctx, acc, beds) -> dict:
    """Once per database: two residents under contract, the opening balances,
    an asset bought with a voucher, and one deposit received and refunded."""
    a = residents.register_resident(ctx, person("张三"), D(FIRST_YEAR, 1, 1), beds["A101-1"]).ids[0]
    b = residents.register_resident(ctx, person("李四", seq=25), D(FIRST_YEAR, 1, 1), beds["A102-1"]).ids[0]
    make_contract(app, a, D(FIRST_YEAR, 1, 1), end=D(2027, 12, 31))
    make_contract(app, b, D(FIRST_YEAR, 1, 1), end=D(FIRST_YEAR, 6, 30))
    books.enter_opening_balances(acc, D(FIRST_YEAR, 1, 1), OPENING_LINES)
    assets.buy_asset(acc, assets.AssetInput("康复训练设备", "专用设备", 36_000 * Y, D(FIRST_YEAR, 2, 1), 60),
                     D(FIRST_YEAR, 2, 1))
    books.review(ctx, [v.id for v in books.list_vouchers(acc, status=B.PENDING)])
    escrow.receive_deposit(acc, b, D(FIRST_YEAR, 1, 5), 2_000 * Y, "银行转账")
    escrow.refund(acc, b, D(FIRST_YEAR, 7, 3), "银行转账")
    return {"a": a, "b": b}


def _open_year(app) -> int:
    with app.read_factory() as s:
        last = s.execute(select(YearClose.year).order_by(YearClose.year.desc())).scalars().first()
    return FIRST_YEAR if last is None else last + 1


def _day(year: int, month: int, day: int, today: dt.date) -> dt.date:
    return min(D(year, month, day), today - dt.timedelta(days=30))


def _reverse(acc, ctx, year: int, k: int, today: dt.date) -> None:
    done = {v.reverses_number for v in books.list_vouchers(acc) if v.reverses_number}
    can = [v for v in books.list_vouchers(acc, status=B.REVIEWED)
           if not v.reverses_number and v.number not in done and v.template != "asset"]
    if not can:
        return
    v = can[k % len(can)]
    day = max(v.day, D(year, 1, 1))
    red = books.reverse(acc, v.id, min(day, today), "随机红冲").ids[0]
    books.review(ctx, [red])


def _run(app, ctx, acc, who: dict, year: int, ops, today: dt.date) -> None:
    for kind, (month, dday), arg in ops:
        day = _day(year, month, dday, today)
        if kind == "entry":
            pairs, with_source = arg
            _seq[0] += 1
            ledger.post_entry(acc, Entry(day, "随机记账", _lines(pairs), source=f"手工:{_seq[0]}" if with_source else ""))
        elif kind == "voucher":
            vid = books.add_voucher(acc, B.VoucherInput(day, "随机凭证", _lines(arg), 1)).ids[0]
            books.review(ctx, [vid])
        elif kind == "reverse":
            _reverse(acc, ctx, year, arg, today)
        elif kind == "bill":
            billing.run_billing(acc, f"{day:%Y-%m}")
        elif kind == "pay":
            payments.record_payment(acc, who["a"], day, "银行转账", arg, "张小三", f"T{day:%Y%m%d}-{arg}")
        elif kind == "deposit":
            try:
                escrow.receive_deposit(acc, who["a"], day, arg, "银行转账")
            except RuleViolation as exc:  # the cap (a limit of the business, not of the books)
                assert "最多还可收取" in exc.message
        elif kind == "deduct":
            try:
                escrow.deduct(acc, who["a"], day, arg, "医疗急救", f"PZ-{day:%Y%m%d}")
            except RuleViolation as exc:
                assert "超过押金余额" in exc.message
        elif kind == "depreciate":
            if assets._month_end(f"{day:%Y-%m}") <= today:
                assets.depreciate(acc, f"{day:%Y-%m}")


def _ready_to_close(acc, year: int) -> None:
    """What the close needs first: every month's depreciation, January to November closed."""
    for m in range(1, 13):
        assets.depreciate(acc, f"{year}-{m:02d}")
    for m in range(1, 12):
        if not ledger.is_closed(acc, f"{year}-{m:02d}"):
            ledger.close_period(acc, f"{year}-{m:02d}")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, max_size=7), close_it=st.booleans())
def test_statements_from_the_services_agree_in_every_year(app, clock, ctx, actors, centre_ready, ops, close_it):
    acc = app.as_user(actors[Role.ACCOUNTANT])
    key = id(app)
    if books.opening_entry_date(acc) is None:
        _setup(app, ctx, acc, centre_ready)
        _snapshots[key] = {}
    who = {r.name: r.id for r in residents.list_residents(ctx)}
    who = {"a": who["张三"], "b": who["李四"]}
    year = _open_year(app)
    _run(app, ctx, acc, who, year, ops, clock.day)

    if close_it and year < clock.day.year:
        _ready_to_close(acc, year)
        before = reports.statements(acc, year)
        assert_invariants(before)
        year_end.close_year(acc, year)
        after = reports.statements(acc, year)
        assert figures(after) == figures(before)
        assert ledger.account_balance(acc, "4", D(year, 12, 31)) == 0
        assert ledger.account_balance(acc, "5", D(year, 12, 31)) == 0
        _snapshots[key][year] = figures(after)

    for y in range(FIRST_YEAR, _open_year(app) + 1):
        if y > clock.day.year:
            break
        st_ = reports.statements(acc, y)
        assert_invariants(st_)
        assert reports.trial_balance_year(acc, y).balanced
        if y in _snapshots[key]:
            assert figures(st_) == _snapshots[key][y], f"the closed year {y} changed"
        if y > FIRST_YEAR:
            last = reports.statements(acc, y - 1).balance.rows()
            assert all(v[0] == last[r][1] for r, v in st_.balance.rows().items())


# --- a concrete case the service property found ----------------------------------------------

def test_a_plain_entry_without_a_source_counts_in_the_statements(app, actors):
    """ledger.post_entry with no ``source`` (a hand-made entry, the demo's
    cash deposits, databases from before vouchers): it is in the balances,
    so it must be in the year's movements and cash flows too."""
    acc = app.as_user(actors[Role.ACCOUNTANT])
    ledger.post_entry(acc, Entry(D(2025, 3, 1), "收到其他收入", (Line("100201", debit=100 * Y), Line("4901", credit=100 * Y))))
    st_ = reports.statements(acc, 2025)
    assert st_.balance.value(1, 1) == 100 * Y
    assert st_.activity.value(9, 2) == 100 * Y  # 其他收入
    assert st_.cash_flow.value(8) == 100 * Y  # 收到的其他与业务活动有关的现金
    assert st_.ok, st_.problems()
    rows = {r.account: r for r in reports.trial_balance_year(acc, 2025).rows}
    assert (rows["4901"].credit, rows["4901"].closing_credit) == (100 * Y, 100 * Y)
