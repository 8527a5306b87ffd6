"""Property-based fuzzing (issue 13, Hypothesis): the command line's argument
parser and the main write services take arbitrary text, numbers and dates.
Never a traceback: only a Chinese refusal (CliError / RuleViolation /
DomainError) or success; and a refused call changes nothing (row counts of
every table and the audit head are the same before and after).

Derandomized with a bounded number of examples, so CI is stable and quick."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import sqlite3
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eldercare_desktop.cli.main import main
from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import DomainError
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.ledger import Line
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.domain.residents import ContactInput, ResidentInput
from eldercare_desktop.services import books, centre, escrow, fees, payments, residents, users
from eldercare_desktop.services.context import App

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PW = "fuzz12345"


def snapshot(db) -> tuple:
    """Row counts of every table and the last audit row, the logins aside
    (each command logs in, and a login is recorded)."""
    with contextlib.closing(sqlite3.connect(db)) as c:
        tables = [t for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        counts = tuple((t, c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables
                       if t not in ("seal_pending", "row_seal", "audit_log", "audit_head"))
        head = c.execute("SELECT max(seq), count(*), max(hash) FROM audit_log WHERE action NOT LIKE '登录%'").fetchone()
        last = c.execute("SELECT hash FROM audit_log WHERE seq = ?", (head[0],)).fetchone()
    return counts, head[:2], last


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory, template_db):
    """A small centre: an admin, an accountant, two rooms, one resident."""
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite3"
    shutil.copyfile(template_db, path)
    app = App.open(str(path))
    admin = users.create_first_admin(app, "admin", PW)
    ctx = app.as_user(admin)
    centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei"))
    centre.add_room(ctx, "A", 1, "101", "双人间", [("1", "普通"), ("2", "护理型")])
    beds = {b.code: b.bed_id for r in centre.bed_map(ctx) for b in r.beds}
    rid = residents.register_resident(
        ctx, ResidentInput("张三", make_id_number("500112", dt.date(1940, 3, 5), 13),
                           contacts=(ContactInput("张小三", "儿子", "13800000000", True),)),
        dt.date(2026, 1, 10), beds["A101-1"]).ids[0]
    app.close()
    return path, rid, beds["A101-2"]


@pytest.fixture(scope="module")
def app_ctx(fuzz_db):
    path, rid, bed = fuzz_db
    app = App.open(str(path))
    admin = users.login(app, "admin", PW)
    yield path, app, app.as_user(admin), rid, bed
    app.close()


# --- strategies --------------------------------------------------------------------

texts = st.text(max_size=30)
numbers = st.one_of(st.integers(), st.integers(min_value=-10, max_value=100),
                    st.integers(min_value=10**17, max_value=10**25))
num_text = st.one_of(numbers.map(str), texts, st.sampled_from(["1e400", "NaN", "-0", "²", "٣", " 7 ", "1_0"]))
dates = st.one_of(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
                  st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 11, 30)))  # days that pass the rules
date_text = st.one_of(dates.map(dt.date.isoformat), texts, st.sampled_from(["2026-02-30", "20260101"]))
month_text = st.one_of(dates.map(lambda d: f"{d:%Y-%m}"), texts, st.sampled_from(["9999-13", "0000-01"]))
amount_text = st.one_of(num_text, st.decimals(allow_nan=True, allow_infinity=True).map(str),
                        st.decimals(places=2, min_value=-10**12, max_value=10**12).map(str))

# a command and a way to fill its options: the commands people run daily
COMMANDS = st.one_of(
    st.tuples(st.just(("audit", "list", "--limit")), num_text),
    st.tuples(st.just(("audit", "list", "--from")), date_text),
    st.tuples(st.just(("audit", "list", "--to")), date_text),
    st.tuples(st.just(("assessments", "list", "--resident")), num_text),
    st.tuples(st.just(("escrow", "refund-quote", "--resident", "1", "--on")), date_text),
    st.tuples(st.just(("escrow", "refund-quote", "--resident")), num_text),
    st.tuples(st.just(("escrow", "reconcile", "--month", "2026-10", "--bank-balance")), amount_text),
    st.tuples(st.just(("escrow", "reconcile", "--bank-balance", "1", "--month")), month_text),
    st.tuples(st.just(("vouchers", "list", "--month")), month_text),
    st.tuples(st.just(("vouchers", "list", "--year")), num_text),
    st.tuples(st.just(("vouchers", "add", "--date", "2026-10-08", "--line", "510102:1:", "--line")),
              st.one_of(amount_text.map(lambda a: f"100201::{a}"), texts)),
    st.tuples(st.just(("vouchers", "add", "--line", "510102:1:", "--line", "100201::1", "--date")), date_text),
    st.tuples(st.just(("payments", "ageing", "--on")), date_text),
    st.tuples(st.just(("staff", "expiring", "--days")), num_text),
    st.tuples(st.just(("residents", "list", "--search")), texts),
    st.tuples(st.just(("ledger", "trial-balance", "--month")), month_text),
    st.tuples(st.just(("billing", "run", "--month")), month_text),
    st.tuples(st.just(("year", "close", "--year")), num_text),
    st.tuples(st.just(("export", "ageing", "--xlsx")), texts),
)


@FUZZ
@given(cmd=COMMANDS, json_out=st.booleans())
def test_the_command_line_never_shows_a_traceback(app_ctx, tmp_path_factory, monkeypatch, cmd, json_out):
    path, *_ = app_ctx
    monkeypatch.setenv("ELDERCARE_PASSWORD", PW)
    monkeypatch.chdir(tmp_path_factory.getbasetemp())
    head, value = cmd
    argv = ["--database", str(path), "--user", "admin", *head, value] + (["--json"] if json_out else [])
    before = snapshot(path)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)  # anything raised here is a traceback a user would see
    assert isinstance(code, int) and "Traceback" not in err.getvalue()
    if code != 0:
        assert code in (1, 2), (argv, code, err.getvalue())
        assert err.getvalue().strip(), argv
        assert "意外错误" not in err.getvalue(), (argv, err.getvalue())  # a real cause, not the last resort
        if code == 2 or "reconcile" not in head:  # a reconciliation that disagrees is saved, exit 1
            assert snapshot(path) == before, argv


def _refused_changes_nothing(path, call) -> None:
    before = snapshot(path)
    try:
        call()
    except DomainError as exc:
        assert exc.message.strip()
        assert snapshot(path) == before
    # anything else (OverflowError, ValueError, an SQL error) fails the test


person = st.builds(
    ResidentInput,
    name=st.one_of(texts, st.sampled_from(["李四", "王五", " ", "赵\x1b[31m六"])),
    id_number=st.one_of(texts, st.builds(make_id_number, st.sampled_from(["500112", "110101", "999999"]),
                                         st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 1, 1)),
                                         st.integers(0, 999))),
    phone=texts, address=texts, notes=texts,
    categories=st.lists(texts, max_size=2).map(tuple),
    contacts=st.lists(st.builds(ContactInput, texts, texts, texts, st.booleans()), max_size=2).map(tuple),
)
# amounts and counts as a user may type them; ids as the screens hand them over (SQLite's range)
ints = st.one_of(st.integers(min_value=-5, max_value=50), st.integers(), st.integers(min_value=2**62),
                 st.integers(min_value=10**10, max_value=10**13))
ids = st.one_of(st.integers(min_value=-5, max_value=50), st.integers(min_value=-2**63, max_value=2**63 - 1))


@FUZZ
@given(data=person, day=dates, bed=st.one_of(st.none(), ids))
def test_registering_a_resident(app_ctx, data, day, bed):
    path, app, ctx, _, free_bed = app_ctx
    _refused_changes_nothing(path, lambda: residents.register_resident(ctx, data, day, bed))


@FUZZ
@given(data=person, who=ids)
def test_updating_a_resident(app_ctx, data, who):
    path, app, ctx, rid, _ = app_ctx
    _refused_changes_nothing(path, lambda: residents.update_resident(ctx, who if who != 0 else rid, data))


@FUZZ
@given(who=ids, day=dates, method=st.one_of(texts, st.just("现金")), amount=ints, payer=texts, memo=texts)
def test_recording_a_payment(app_ctx, who, day, method, amount, payer, memo):
    path, app, ctx, rid, _ = app_ctx
    _refused_changes_nothing(path, lambda: payments.record_payment(ctx, who if who != 0 else rid, day, method,
                                                                   amount, payer, memo=memo))


@FUZZ
@given(who=ids, day=dates, amount=ints, method=st.one_of(texts, st.just("银行转账")))
def test_receiving_a_deposit(app_ctx, who, day, amount, method):
    path, app, ctx, rid, _ = app_ctx
    _refused_changes_nothing(path, lambda: escrow.receive_deposit(ctx, who if who != 0 else rid, day, amount, method))


@FUZZ
@given(period=st.one_of(month_text, texts), bank=ints)
def test_reconciling_the_escrow_account(app_ctx, period, bank):
    path, app, ctx, *_ = app_ctx
    _refused_changes_nothing(path, lambda: escrow.reconcile(ctx, period, bank))


@FUZZ
@given(day=dates, memo=texts, attachments=ints,
       lines=st.lists(st.builds(Line, st.one_of(st.sampled_from(["510102", "100201", "1001"]), texts), ints, ints),
                      max_size=3))
def test_adding_a_voucher(app_ctx, day, memo, attachments, lines):
    path, app, ctx, *_ = app_ctx
    _refused_changes_nothing(path, lambda: books.add_voucher(ctx, B.VoucherInput(day, memo, tuple(lines),
                                                                                   attachments)))


@FUZZ
@given(item=ids, day=dates, amount=ints, notice=st.one_of(st.none(), dates), reason=texts)
def test_setting_a_fee_price(app_ctx, item, day, amount, notice, reason):
    path, app, ctx, *_ = app_ctx
    _refused_changes_nothing(path, lambda: fees.set_price(ctx, item, day, amount, notice, reason))


@FUZZ
@given(rate=st.one_of(st.decimals(allow_nan=True, allow_infinity=True).map(str), texts,
                      st.decimals(min_value=Decimal(-100), max_value=Decimal(100), places=4)),
       day=st.one_of(st.none(), dates), note=texts)
def test_adding_an_interest_rate(app_ctx, rate, day, note):
    path, app, ctx, *_ = app_ctx
    _refused_changes_nothing(path, lambda: escrow.add_rate(ctx, day, rate, note))
