"""Demo data: a small centre with history, built through the services."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import threading

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.identity import parse_id_number
from eldercare_desktop.domain.records import bed_code
from eldercare_desktop.domain.residents import POLICY_CATEGORIES, Span
from eldercare_desktop.services import audit, centre, demo, residents, users
from eldercare_desktop.services.context import App
from tests.conftest import TODAY


#: engine → (where the built demo was copied to, its summary): built once per session
_BUILT: dict[str, tuple[str, object]] = {}


@pytest.fixture
def built(app, clock, engine, request, tmp_path_factory):
    """The 40-resident demo (seed 7) in this test's database: built through
    the services once per engine and session, then copied for each test."""
    if engine in _BUILT:
        where, summary = _BUILT[engine]
        _copy_in(app, engine, where)
        return summary
    summary = demo.build_demo(app, residents=40, password="demo1234", seed=7)
    _BUILT[engine] = (_copy_out(app, engine, request, tmp_path_factory), summary)
    return summary


def _copy_out(app, engine, request, tmp_path_factory) -> str:
    app.engine.dispose()
    if engine == "sqlite":
        dest = tmp_path_factory.mktemp("demo40") / "demo40.sqlite3"
        shutil.copyfile(app.sqlite_path, dest)
        return str(dest)
    import os

    from sqlalchemy.engine import make_url

    from tests.pg_fixtures import _admin, _drop, clone

    conn, _ = request.getfixturevalue("pg_template")[:2]
    name = f"ec_demo40_{os.getpid()}"
    clone(conn, make_url(app.url).database, name)

    def drop() -> None:
        c, _u = _admin()
        _drop(c, name)
        c.close()
    request.config.add_cleanup(drop)
    return name


def _copy_in(app, engine, where: str) -> None:
    app.engine.dispose()
    if engine == "sqlite":
        for side in ("-wal", "-shm"):  # nothing of the replaced content may survive beside it
            app.sqlite_path.with_name(app.sqlite_path.name + side).unlink(missing_ok=True)
        shutil.copyfile(where, app.sqlite_path)
        return
    from sqlalchemy.engine import make_url

    from tests.pg_fixtures import _admin, clone

    conn, _u = _admin()
    clone(conn, where, make_url(app.url).database)
    conn.close()


def _details(ctx):
    return [residents.get_resident(ctx, r.id) for r in residents.list_residents(ctx)]


def test_small_centre_has_every_status_and_an_intact_audit_chain(app, built, clock):
    assert built.residents == 40 and not built.bulk
    assert all(built.by_status[s] >= 1 for s in ("在住", "请假", "退住", "去世")), built.by_status
    assert sum(built.by_status.values()) == 40
    n, brk = audit.verify(app)
    assert brk is None and n > 40
    # the clock is given back
    assert app.today() == TODAY and app.today == clock.today
    admin = users.login(app, "admin", "demo1234")
    ctx = app.as_user(admin)
    for name in ("qiantai", "kuaiji", "shenji"):
        users.login(app, name, "demo1234")
    info = centre.get_centre(ctx)
    assert info.name == "渝北区阳光社区养老服务中心" and info.kind == "非营利" and info.policy_profile == "chongqing-yubei"
    assert len(info.credit_code) == 18 and info.escrow_account_no.isdigit()
    share = centre.bed_share(ctx)
    assert share.total == built.beds and 35 <= share.percent <= 45
    assert {r.building for r in centre.bed_map(ctx)} == {"A", "B", "C"}


def test_history_is_consistent(app, built):
    ctx = app.as_user(users.login(app, "admin", "demo1234"))
    details = _details(ctx)
    by_bed: dict[int, list[Span]] = {}
    seen = set()
    for d in details:
        assert parse_id_number(d.id_number).gender == d.gender
        assert d.id_number not in seen
        seen.add(d.id_number)
        assert 1925 <= d.birth_date.year <= 1962
        assert set(d.categories) <= set(POLICY_CATEGORIES)
        assert 1 <= len(d.contacts) <= 2 and sum(c.is_agent for c in d.contacts) == 1
        for b in d.beds:
            by_bed.setdefault(b.bed_id, []).append(Span(b.start, b.end))
        assert all(b.start <= TODAY for b in d.beds) and all(s.start <= TODAY for s in d.stays)
        assert all(s.start >= TODAY - dt.timedelta(days=3 * 365 + 1) for s in d.stays)
        active = d.status in ("在住", "请假")
        assert (d.current_bed is not None) == active and (d.current_stay is not None) == active
        if d.status == "请假":
            assert d.leaves[-1].last_day is None
    for bed, spans in by_bed.items():
        spans.sort(key=lambda s: s.start)
        for a, b in zip(spans, spans[1:]):
            assert not a.overlaps(b), (bed, a, b)  # at most one occupant at a time
    kinds = {"moved": sum(len(d.beds) > len(d.stays) for d in details),
             "readmitted": sum(len(d.stays) > 1 for d in details),
             "past leave": sum(any(lv.last_day for lv in d.leaves) for d in details)}
    assert all(v >= 1 for v in kinds.values()), kinds
    # nobody occupies a bed today twice, and the summary's free beds agree
    occupied = [b for r in centre.bed_map(ctx) for b in r.beds if b.occupant_id]
    assert len(occupied) == built.beds - built.free_beds
    assert len({b.occupant_id for b in occupied}) == len(occupied)


def test_bulk_mode_writes_the_same_residents(app, built, tmp_path, template_db, clock):
    path = tmp_path / "bulk.sqlite3"
    shutil.copyfile(template_db, path)
    other = App.open(str(path), today=clock.today, now=clock.now)
    try:
        summary = demo.build_demo(other, residents=40, password="demo1234", seed=7, bulk=True)
        assert summary.bulk and summary.by_status == built.by_status and summary.events == built.events
        assert summary.vouchers == 0 and built.vouchers > 0  # the bulk path keeps no books
        assert audit.verify(other)[1] is None

        def strip(d):
            # the bulk path writes no assessments: compare the register itself
            return dataclasses.replace(
                d, care_level="", last_assessment="", pending_care_level="", version=0,
                categories=tuple(c for c in d.categories if c not in ("失能", "半失能")),
                stays=tuple(dataclasses.replace(x, id=0) for x in d.stays),
                beds=tuple(dataclasses.replace(x, id=0) for x in d.beds),
                leaves=tuple(dataclasses.replace(x, id=0) for x in d.leaves))

        a = [strip(d) for d in _details(app.as_user(users.login(app, "admin", "demo1234")))]
        b = [strip(d) for d in _details(other.as_user(users.login(other, "admin", "demo1234")))]
        assert a == b
    finally:
        other.close()


def test_demo_history_is_in_time_order(app, built):
    """Audit rows (one per event) never go back in time, and every ended stay
    longer than a few weeks was assessed while it lasted."""
    from sqlalchemy import select

    from eldercare_desktop.db.models import Assessment, AuditLog, Stay

    with app.read_factory() as s:
        times = [t for (t,) in s.execute(select(AuditLog.at).order_by(AuditLog.seq))]
        assert times == sorted(times)
        for st in s.execute(select(Stay).where(Stay.end_date.is_not(None))).scalars():
            if (st.end_date - st.start_date).days > 10:
                n = s.execute(select(Assessment.id).where(Assessment.resident_id == st.resident_id,
                                                          Assessment.base_date >= st.start_date,
                                                          Assessment.base_date < st.end_date)).first()
                assert n is not None, st.resident_id


def test_refused_when_residents_exist(app, admitted):
    with pytest.raises(RuleViolation, match="已有住户"):
        demo.build_demo(app, residents=5, actor=users.login(app, "admin", "test1234"))


def test_existing_admin_is_kept_and_acts(app, admin):
    s = demo.build_demo(app, residents=12, seed=3, actor=admin)
    assert s.created_users == ("qiantai", "kuaiji", "shenji")
    assert [u for u, _ in s.users] == ["admin", "qiantai", "kuaiji", "shenji"]
    users.login(app, "admin", "test1234")  # password unchanged


def test_users_exist_but_no_actor(app, admin):
    with pytest.raises(RuleViolation, match="登录"):
        demo.build_demo(app, residents=5)


def test_progress_and_abort(app, clock):
    seen = []
    ev = threading.Event()

    def progress(frac, msg):
        seen.append(frac)
        if len(seen) == 3:
            ev.set()

    with pytest.raises(demo.DemoAborted, match="已取消"):
        demo.build_demo(app, residents=120, progress=progress, abort=ev)
    assert seen == sorted(seen) and seen[0] == 0.0
    assert app.today == clock.today  # clock restored even when cancelled
    assert audit.verify(app)[1] is None


def test_plan_is_deterministic_and_names_look_chinese():
    a = demo.make_plan(TODAY, 200, seed=5)
    b = demo.make_plan(TODAY, 200, seed=5)
    assert [p.checked for p in a.people] == [p.checked for p in b.people]
    names = [p.checked.name for p in a.people]
    assert all(2 <= len(n) <= 3 for n in names)
    assert any(n[0] in "曾单" for n in names)
    hukou = [p.checked.hukou_district for p in a.people]
    assert hukou.count("渝北区") > len(hukou) / 2 and len(set(hukou)) > 3
    areas = [p.checked.id_number[:4] for p in a.people]
    assert areas.count("5001") > len(areas) / 2 and "5002" in areas
    codes = {bed_code(a.rooms[ri].building, a.rooms[ri].number, label) for ri, label, _t in a.beds}
    assert len(codes) == len(a.beds)


def test_bad_arguments(app):
    with pytest.raises(RuleViolation, match="密码"):
        demo.build_demo(app, residents=5, password="short")
    with pytest.raises(RuleViolation, match="至少"):
        demo.build_demo(app, residents=0)


def test_demo_books_balance_and_tell_a_story(app, built):
    """The demo's money: contracts for residents in residence, months billed,
    receipts (one voided), every entry balanced, Σ resident balances equal to
    receivable − prepaid, and nobody charged after their contract ended."""
    from sqlalchemy import func, select

    from eldercare_desktop.db.models import BillLine, Contract, JournalLine, Receipt
    from eldercare_desktop.domain.ledger import PREPAID, RECEIVABLE
    from eldercare_desktop.services import ledger

    ctx = app.as_user(users.login(app, "admin", "demo1234"))
    with app.read_factory() as s:
        assert s.execute(select(func.count()).select_from(Contract)).scalar_one() > 0
        assert s.execute(select(func.count()).select_from(BillLine)).scalar_one() > 0
        assert s.execute(select(func.count()).where(Receipt.voided.is_(True))).scalar_one() == 1
        debit, credit = s.execute(select(func.sum(JournalLine.debit), func.sum(JournalLine.credit))).one()
        assert debit == credit
        for c in s.execute(select(Contract).where(Contract.termination_date.is_not(None))).scalars():
            after = s.execute(select(func.coalesce(func.sum(BillLine.amount_fen), 0)).where(
                BillLine.contract_id == c.id, BillLine.start_date > c.termination_date)).scalar_one()
            assert after == 0, c.number
    balances = ledger.resident_balances(ctx)
    assert sum(balances.values()) == (ledger.account_balance(ctx, RECEIVABLE) - ledger.account_balance(ctx, PREPAID))


def test_demo_escrow(app, built):
    """Deposits held in escrow agree with the residents' deposit balances, and
    the demo shows every kind of movement an inspector asks about."""
    from eldercare_desktop.domain.ledger import DEPOSITS, ESCROW_BANK
    from eldercare_desktop.services import escrow, ledger

    ctx = app.as_user(users.login(app, "admin", "demo1234"))
    kinds = {m.kind for m in escrow.movements(ctx)}
    assert {"收取", "利息"} <= kinds
    assert ledger.account_balance(ctx, ESCROW_BANK) == ledger.account_balance(ctx, DEPOSITS)
    d = escrow.dashboard(ctx)
    assert d.held_fen == d.residents_total_fen


def test_demo_keeps_the_centres_own_books(app, built):
    """The accountant's books from 1 January of last year: vouchers entered by
    kuaiji and reviewed by admin in every month, depreciation every month, a
    restricted gift partly spent and released, last year closed (its closing
    figures are this year's opening ones) and its disclosure submitted in
    March, with every check of both years' statements passing."""
    from sqlalchemy import select

    from eldercare_desktop.db.models import JournalEntry
    from eldercare_desktop.domain import books as B
    from eldercare_desktop.domain.schedule import add_months
    from eldercare_desktop.services import assets, books, disclosure, ledger, reports, year_end

    ctx = app.as_user(users.login(app, "admin", "demo1234"))
    last = TODAY.year - 1
    assert books.opening_entry_date(ctx) == dt.date(last, 1, 1)
    with app.read_factory() as s:
        first_day = s.execute(select(JournalEntry.entry_date).order_by(JournalEntry.entry_date).limit(1)).scalar()
        sources = set(s.execute(select(JournalEntry.source)).scalars())
    assert first_day == dt.date(last, 1, 1)
    vouchers = books.list_vouchers(ctx, dt.date(last, 1, 1))
    months, month = [], dt.date(last, 1, 1)
    while month < TODAY.replace(day=1):
        months.append(f"{month:%Y-%m}")
        month = add_months(month, 1)
    reviewed = [v for v in vouchers if v.status == B.REVIEWED]
    assert {f"{v.day:%Y-%m}" for v in reviewed} >= set(months)
    assert all(v.created_by == "kuaiji" and v.reviewed_by == "admin" for v in reviewed)
    assert all(v.status == B.REVIEWED for v in vouchers if v.day.year == last)
    assert {f"{B.DEPRECIATION_SOURCE}{m}" for m in months} <= sources
    assert {"salaries", "purchase", "utilities", "repairs", "subsidy", "asset"} <= {v.template for v in reviewed}
    # a restricted gift, partly spent on equipment, released for the part used
    gift = next(v for v in reviewed if v.template == "donation" and v.details["restricted"])
    release = next(v for v in reviewed if v.template == "release")
    assert 0 < release.total < gift.total and gift.day < release.day
    assert any(a.cost_fen == release.total and a.voucher_number and a.in_use == release.day
               for a in assets.list_assets(ctx))
    assert any(v.template == "repairs" and v.details["on_credit"] for v in reviewed)
    # the asset register agrees with the books, cards held before the opening included
    cards = assets.list_assets(ctx)
    assert sum(a.cost_fen for a in cards) == ledger.account_balance(ctx, "1501")
    assert sum(a.depreciated_fen for a in cards) == -ledger.account_balance(ctx, "1502")
    # last year closed, this year opening where last year ended
    assert [y.year for y in year_end.closed_years(ctx)] == [last] and ledger.is_closed(ctx, f"{last}-12")
    before, now = reports.statements(ctx, last), reports.statements(ctx, TODAY.year)
    assert before.ok, before.problems()
    assert now.ok, now.problems()
    assert all(now.balance.rows()[r][0] == v[1] for r, v in before.balance.rows().items())
    assert before.balance.value(105, 1) == gift.total - release.total  # what is left of the gift stays restricted
    assert before.activity.value(40, 2) == 0 and before.activity.value(40, 0) == release.total
    assert before.activity.value(3, 2) > 0 and before.activity.value(5, 2) > 0  # fees and subsidies last year
    # the disclosure of last year: work report, staff, submitted in March
    report, staff, submitted_on, submitted_to, head = disclosure.get_record(ctx, last)
    assert len(report) > 200 and staff > 0 and "民政局" in submitted_to and head
    assert submitted_on is not None and (submitted_on.year, submitted_on.month) == (TODAY.year, 3)
