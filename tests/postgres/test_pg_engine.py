"""The app on PostgreSQL: migrations (with the row-seal triggers in plpgsql),
writes, verification, tamper evidence, ``eldercare db check``."""
from __future__ import annotations

import datetime as dt

import psycopg
from sqlalchemy.engine import make_url

from eldercare_desktop.db.migrations import HEAD_REVISION
from eldercare_desktop.cli.main import main
from eldercare_desktop.services import integrity, payments, residents

D = dt.date


def _sql(url: str, sql: str, params=()) -> None:
    u = make_url(url)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, password=u.password,
                         dbname=u.database, autocommit=True) as conn:
        conn.execute(sql, params)


def test_writes_seal_and_verify_on_postgresql(app, ctx, admitted, pg_url):
    assert app.engine.dialect.name == "postgresql"
    rid = payments.record_payment(ctx, admitted, D(2026, 4, 5), "现金", 300000, "张小三").ids[0]
    rep = integrity.verify(app)
    assert rep.ok, rep.problems
    assert rep.sealed_rows >= 3  # the users, the receipt, its journal entry and lines
    _sql(pg_url, "UPDATE receipt SET amount_fen = amount_fen - 10000 WHERE id = %s", (rid,))
    (f,) = integrity.verify(app).findings
    assert (f.table, f.row_id, f.fields) == ("receipt", str(rid), ("amount_fen",))
    assert "审计记录为 300000，现为 290000" in f.message


def test_db_check_on_postgresql(pg_url, capsys):
    assert main(["--database", pg_url.replace("postgresql+psycopg://", "postgresql://"), "db", "check"]) == 0
    out = capsys.readouterr().out
    assert "类型：PostgreSQL 15" in out or "类型：PostgreSQL 1" in out
    assert f"结构版本：{HEAD_REVISION}（本程序：{HEAD_REVISION}）" in out and "当前用户可以升级数据库结构" in out


def test_a_resident_listed_on_postgresql(ctx, admitted):
    assert [r.name for r in residents.list_residents(ctx)] == ["张三"]
