"""``eldercare db copy --to postgresql://…``: a SQLite centre moved to a new,
empty PostgreSQL database — every table copied and verified (row counts,
journal totals, the audit chain with its sealed rows), or nothing written."""
from __future__ import annotations

import itertools
import json
import os
import sqlite3

import psycopg
import pytest
from sqlalchemy.engine import make_url

from eldercare_desktop.domain.roles import Actor, Role
from eldercare_desktop.services import dbcopy, payments, statements
from eldercare_desktop.services.context import App
from tests.cli.conftest import demo_template, env, run  # noqa: F401  (fixtures)
from tests.pg_fixtures import _drop, _url

_n = itertools.count()


@pytest.fixture
def demo_db(tmp_path, demo_template):  # noqa: F811
    """The source: the 30-resident demo centre in a SQLite file (a copy per test)."""
    import shutil

    path = tmp_path / "eldercare.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def empty_pg(pg_template):
    """A new database with nothing in it, not even the schema (plain postgresql:// URL)."""
    conn, u, _ = pg_template
    name = f"ec_copy_{os.getpid()}_{next(_n)}"
    _drop(conn, name)
    conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(u, name).replace("postgresql+psycopg://", "postgresql://")
    _drop(conn, name)


def _pg(url: str):
    u = make_url(url)
    return psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, password=u.password,
                           dbname=u.database, autocommit=True)


def _pg_all(url: str, sql: str, params=()) -> list[tuple]:
    with _pg(url) as conn:
        return conn.execute(sql, params).fetchall()


def _pg_tables(url: str) -> set[str]:
    return {r[0] for r in _pg_all(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}


def _pg_counts(url: str) -> dict[str, int]:
    with _pg(url) as conn:
        names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}


def _lite_all(path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _lite_counts(path) -> dict[str, int]:
    names = [r[0] for r in _lite_all(path, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: _lite_all(path, f'SELECT COUNT(*) FROM "{n}"')[0][0] for n in names}


JOURNAL_SQL = ("SELECT account, COUNT(*), SUM(debit), SUM(credit) FROM {t} GROUP BY account")


def _journal(rows) -> dict[str, tuple[int, int, int]]:
    return {a: (int(n), int(d), int(c)) for a, n, d, c in rows}


def _copy(run, db, to, *extra, user="admin"):
    return run("--database", db, "db", "copy", "--user", user, "--to", to, *extra)


def _untouched(url: str) -> None:
    """Migrated but holding none of a centre's rows: the migrations' own only."""
    counts = _pg_counts(url)
    assert {n: c for n, c in counts.items() if c and n != "alembic_version"} == {"audit_head": 1, "demand_rate": 7}
    assert _pg_all(url, "SELECT last_seq FROM audit_head") == [(0,)]


def test_the_30_resident_demo_copied_to_postgresql_verifies(demo_db, empty_pg, run):
    code, out, err = _copy(run, demo_db, empty_pg, "--json")
    assert code == 0, err
    data = json.loads(out)
    src, tgt = _lite_counts(demo_db), _pg_counts(empty_pg)
    # every table, same rows. The audit trails part after the source's head at the copy: the target has
    # the migration's row, the source the row noting the copy
    for name, n in src.items():
        if name in ("alembic_version", "seal_pending"):
            continue
        assert tgt[name] == n, name
        assert data["tables"][name] == (n - 1 if name == "audit_log" else n), name
    assert set(tgt) == set(src)
    assert (tgt["resident"], tgt["app_user"], tgt["demand_rate"]) == (30, 4, 7)  # the demo: 30 residents, 4 users
    assert tgt["seal_pending"] == 0 and src["seal_pending"] == 0
    assert data["total_rows"] == sum(n for k, n in src.items() if k not in ("alembic_version", "seal_pending")) - 1
    assert data["source_engine"] == "SQLite" and data["target_engine"] == "PostgreSQL"

    # journal totals: per account and overall equal, and balanced (debits = credits)
    for t in ("journal_line", "voucher_line"):
        a = _journal(_lite_all(demo_db, JOURNAL_SQL.format(t=t)))
        b = _journal(_pg_all(empty_pg, JOURNAL_SQL.format(t=t)))
        assert a == b and a
        debit, credit = sum(v[1] for v in a.values()), sum(v[2] for v in a.values())
        assert debit == credit > 0
        assert data["journal"][t] == {"lines": sum(v[0] for v in a.values()), "debit": debit, "credit": credit,
                                      "accounts": len(a)}

    # the chain continues: the migration's row, by the admin, after the source's head at the copy
    seq, user, action, after, prev = _pg_all(
        empty_pg, 'SELECT seq, "user", action, after, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1')[0]
    assert (seq, user, action) == (src["audit_log"], "admin", "从SQLite迁移数据")
    assert prev == _lite_all(demo_db, f"SELECT hash FROM audit_log WHERE seq = {seq - 1}")[0][0]
    after = json.loads(after)
    assert after["source"] == str(demo_db) and after["tables"]["resident"] == 30
    assert after["source_head"]["seq"] == seq - 1
    assert data["audit_seq"] == seq and data["audit_rows"] == seq
    # … and the source's trail says where its data went (no password)
    row = _lite_all(demo_db, 'SELECT seq, "user", action, after FROM audit_log ORDER BY seq DESC LIMIT 1')[0]
    assert row[:3] == (seq, "admin", "复制数据库到PostgreSQL") and data["source_seq"] == seq
    noted = json.loads(row[3])
    assert noted["target"] == empty_pg.replace(":eldercare_test@", ":***@") and noted["target_seq"] == seq
    assert noted["rows"] == data["total_rows"]
    assert run("--database", demo_db, "audit", "verify")[0] == 0

    # the id sequences continue after the copied rows (30 residents → the next is 31)
    assert _pg_all(empty_pg, "SELECT nextval('resident_id_seq')") == [(31,)]
    max_receipt = _lite_all(demo_db, "SELECT MAX(id) FROM receipt")[0][0]
    assert _pg_all(empty_pg, "SELECT nextval('receipt_id_seq')") == [(max_receipt + 1,)]

    code, out, err = run("--database", empty_pg, "audit", "verify")
    assert code == 0, err
    assert f"审计链完整：共{seq}条记录" in out

    # a receipt and a monthly bill read back identical through the services
    rid, amount = _lite_all(demo_db, "SELECT id, amount_fen FROM receipt ORDER BY id LIMIT 1")[0]
    resident, period = _lite_all(demo_db, "SELECT resident_id, period FROM bill_line ORDER BY id LIMIT 1")[0]
    reader = Actor(1, "admin", Role.ADMIN)
    seen = []
    for where in (str(demo_db), empty_pg):
        app = App.open(where)
        try:
            ctx = app.as_user(reader)
            seen.append((payments.receipt(ctx, rid), statements.statement(ctx, resident, period)))
        finally:
            app.close()
    assert seen[0] == seen[1]
    assert seen[1][0].amount_fen == amount


def test_a_migrated_database_with_only_the_migrations_rows_is_accepted(demo_db, pg_url, run):
    _untouched(pg_url)  # the shared template: schema, zero head, the listed demand rates
    code, out, err = _copy(run, demo_db, pg_url)
    assert code == 0, err
    assert "已复制：" in out and "合计" in out and "审计链完整" in out
    assert run("--database", pg_url, "audit", "verify")[0] == 0


def test_a_target_that_is_not_empty_is_refused_and_left_alone(demo_db, pg_url, run):
    from eldercare_desktop.services import users

    app = App.open(pg_url)
    try:
        users.create_first_admin(app, "zhang", "other1234")
    finally:
        app.close()
    before = _pg_counts(pg_url)
    head = _pg_all(pg_url, "SELECT last_seq, last_hash FROM audit_head")
    code, out, err = _copy(run, demo_db, pg_url)
    assert code == 1
    assert "不是空的" in err and "app_user" in err and "新建" in err
    assert out == ""
    assert _pg_counts(pg_url) == before
    assert _pg_all(pg_url, "SELECT last_seq, last_hash FROM audit_head") == head
    assert _pg_all(pg_url, "SELECT username FROM app_user") == [("zhang",)]


def test_only_an_administrator_may_copy(demo_db, empty_pg, run):
    code, out, err = _copy(run, demo_db, empty_pg, user="kuaiji")
    assert code == 1
    assert "只有管理员" in err and "kuaiji" in err
    assert _pg_tables(empty_pg) == set()  # not even migrated


def test_the_password_is_never_shown(demo_db, empty_pg, pg_url, run):
    # the real password (here the same as the user name): masked in the summary and in the JSON
    for to, extra in ((empty_pg, ()), (pg_url, ("--json",))):
        assert ":eldercare_test@" in to
        code, out, err = _copy(run, demo_db, to, *extra)
        assert code == 0, err
        assert ":eldercare_test@" not in out + err and ":***@" in out
    u = make_url(pg_url)
    assert json.loads(out)["target"].endswith(f":***@{u.host}:{u.port}/{u.database}")

    # a wrong password, and an unreachable server: one Chinese line each, the password not in it
    u = make_url(empty_pg)
    wrong = u.set(password="Wr0ng-Secret").render_as_string(hide_password=False)
    code, out, err = _copy(run, demo_db, wrong)
    assert code == 1 and out == ""
    assert err.startswith("无法连接目标数据库") and err.count("\n") == 1
    assert "用户名或密码错误" in err
    assert "Wr0ng-Secret" not in err and "***" in err
    nowhere = u.set(password="Wr0ng-Secret", port=1).render_as_string(hide_password=False)
    code, out, err = _copy(run, demo_db, nowhere)
    assert code == 1 and err.startswith("无法连接目标数据库") and err.count("\n") == 1
    assert "服务器拒绝连接" in err and "Wr0ng-Secret" not in err


def test_refused_before_anything_is_written(demo_db, empty_pg, run, tmp_path):
    # not a URL (a typo must not become a new SQLite file)
    code, _, err = _copy(run, demo_db, "postgresql//localhost/x")
    assert code == 1 and "目标数据库地址无效" in err
    assert not (tmp_path / "x").exists()
    # the source itself
    code, _, err = _copy(run, demo_db, f"sqlite:///{demo_db}")
    assert code == 1 and "就是源数据库" in err
    # a schema newer than this program
    with _pg(empty_pg) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    code, _, err = _copy(run, demo_db, empty_pg)
    assert code == 1 and "比本程序" in err
    assert _pg_tables(empty_pg) == {"alembic_version"}


def test_a_dropped_row_is_caught_and_the_target_rolled_back(demo_db, empty_pg, run, monkeypatch):
    real = dbcopy._insert_batch

    def lossy(conn, t, rows):
        real(conn, t, rows[:-1] if t.name == "receipt" else rows)

    monkeypatch.setattr(dbcopy, "_insert_batch", lossy)
    receipts = _lite_all(demo_db, "SELECT COUNT(*) FROM receipt")[0][0]
    code, out, err = _copy(run, demo_db, empty_pg)
    assert code == 1 and out == ""
    assert "核对未通过" in err and "已撤销" in err
    assert f"表receipt（收据）行数不一致：源库{receipts}行，目标库{receipts - 1}行" in err
    _untouched(empty_pg)


def test_a_changed_amount_is_caught_by_content_and_journal_totals(demo_db, empty_pg, run, monkeypatch):
    real = dbcopy._insert_batch

    def off_by_one_fen(conn, t, rows):
        if t.name == "journal_line":
            i = [c.name for c in t.columns].index("debit")
            r = next(r for r in rows if r[i] > 0)
            rows = [r[:i] + (r[i] + 1,) + r[i + 1:] if x is r else x for x in rows]
            off_by_one_fen.account = r[[c.name for c in t.columns].index("account")]
        real(conn, t, rows)

    monkeypatch.setattr(dbcopy, "_insert_batch", off_by_one_fen)
    code, out, err = _copy(run, demo_db, empty_pg, "--json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False and "已撤销" in data["message"]
    assert "表journal_line（分录）的内容与源库不一致（行数相同，数据不同）" in data["problems"]
    assert any(p.startswith(f"记账分录（journal_line）科目{off_by_one_fen.account}：") for p in data["problems"])
    assert any(p.startswith("记账分录（journal_line）合计") for p in data["problems"])
    _untouched(empty_pg)


def test_a_source_that_fails_verification_is_not_copied(demo_db, empty_pg, run):
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE receipt SET amount_fen = amount_fen + 100 WHERE id = 1")  # behind the app's back
    conn.commit()
    conn.close()
    code, out, err = _copy(run, demo_db, empty_pg)
    assert code == 1 and out == ""
    assert "源数据库未通过完整性校验（1处问题）" in err
    assert "- 收据（receipt）第1行与审计记录不符：字段 amount_fen" in err
    assert _pg_tables(empty_pg) == set()  # not even migrated


def test_a_row_the_target_refuses_rolls_everything_back(demo_db, empty_pg, run, monkeypatch):
    real = dbcopy._insert_batch

    def twice(conn, t, rows):
        real(conn, t, rows + rows[:1] if t.name == "receipt" else rows)  # a duplicate key

    monkeypatch.setattr(dbcopy, "_insert_batch", twice)
    code, out, err = _copy(run, demo_db, empty_pg)
    assert code == 1 and out == ""
    assert "复制表receipt（收据）时出错，已撤销，目标数据库中未写入任何数据" in err
    assert err.splitlines()[-1].startswith("复制表receipt") and "eldercare_test@" not in err  # progress above it
    _untouched(empty_pg)
