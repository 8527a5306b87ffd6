"""Backup and restore on PostgreSQL (services.pg_backup, through pg_dump /
pg_restore / psql): identical data after a round trip, the same refusals as
on SQLite (tampered data, newer schema, others connected, missing tools), a
failed restore leaves the old data, and the password never on a command line."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from eldercare_desktop.db import engine as db_engine
from eldercare_desktop.db.migrations import HEAD_REVISION
from eldercare_desktop.db.migrations.runner import upgrade
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import backup, backup_schedule as sched, integrity, payments, pg_backup, residents
from eldercare_desktop.services import sessions, users
from eldercare_desktop.services.context import App
from eldercare_desktop.services.integrity import IntegrityReport
from tests.backup_targets import bad_destination
from tests.conftest import NOW, PASSWORD, person

D = dt.date


def _connect(url: str, **kw) -> psycopg.Connection:
    u = make_url(url)
    return psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, password=u.password,
                           dbname=u.database, autocommit=True, **kw)


def _sql(url: str, sql: str, params=()) -> list[tuple]:
    with _connect(url) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every table of schema public, rows in key order."""
    with _connect(url) as conn:
        names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                            "ORDER BY tablename")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in names}


def names(url: str) -> list[str]:
    return sorted(r[0] for r in _sql(url, "SELECT name FROM resident"))


def audit_after(url: str, action: str) -> list[dict]:
    return [json.loads(a or "{}") for (a,) in _sql(url, "SELECT after FROM audit_log WHERE action = %s ORDER BY seq",
                                                   (action,))]


def scratch_databases(url: str) -> set[str]:
    return {r[0] for r in _sql(url, "SELECT datname FROM pg_database WHERE datname LIKE 'eldercare\\_verify\\_%%'")}


def raw_dump(url: str, dest: Path) -> Path:
    """pg_dump by hand (what a DBA would do), bypassing the checks of backup()."""
    u = make_url(url)
    env = dict(os.environ, PGHOST=u.host or "localhost", PGPORT=str(u.port or 5432), PGUSER=u.username,
               PGPASSWORD=u.password)
    subprocess.run(["pg_dump", "--format=custom", f"--file={dest}", f"--dbname={u.database}"], env=env, check=True)
    return dest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """This computer's data folder (safety dumps, default backup folder), per test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = db_engine.default_data_dir()
    assert str(folder).startswith(str(tmp_path))
    return folder


@pytest.fixture
def paid(ctx, admitted):
    """张三's ¥3,000.00 receipt."""
    return payments.record_payment(ctx, admitted, D(2026, 4, 5), "现金", 300000, "张小三").ids[0]


def test_backup_then_restore_gives_identical_data_and_verifies(app, ctx, pg_url, tmp_path, centre_ready, admitted,
                                                               paid, data_dir):
    expected = snapshot(pg_url)  # the backup holds this (its own audit row is written after the dump)
    scratch_before = scratch_databases(pg_url)
    dest = tmp_path / "b.pgdump"
    sha = backup.backup(ctx, dest)
    assert sha == hashlib.sha256(dest.read_bytes()).hexdigest()
    assert dest.read_bytes()[:5] == b"PGDMP" and oct(dest.stat().st_mode & 0o777) == "0o600"
    assert audit_after(pg_url, backup.BACKUP_ACTION)[-1]["sha256"] == sha
    anchor = json.loads((tmp_path / "b.pgdump.anchor.json").read_text(encoding="utf-8"))
    assert anchor["seq"] == expected["audit_head"][0][1]  # the dump's own head, before its audit row
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.pgdump", "b.pgdump.anchor.json"]  # no work file left
    assert scratch_databases(pg_url) == scratch_before  # the verification's database is gone
    # change things after the backup
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"])
    payments.record_payment(ctx, admitted, D(2026, 4, 6), "现金", 5000, "张小三")
    assert names(pg_url) == ["张三", "李四"]
    safety = backup.restore(app, ctx.actor, dest)
    after = snapshot(pg_url)
    for table, rows in expected.items():
        if table not in ("audit_log", "audit_head"):
            assert after[table] == rows, table
    assert after["audit_log"][: len(expected["audit_log"])] == expected["audit_log"]
    assert [r[3] for r in after["audit_log"][len(expected["audit_log"]):]] == [backup.RESTORE_ACTION]
    assert [r.name for r in residents.list_residents(ctx)] == ["张三"]
    assert len(after["receipt"]) == 1 and after["receipt"] == expected["receipt"]
    rep = integrity.verify(app)
    assert rep.ok, rep.problems
    row = audit_after(pg_url, backup.RESTORE_ACTION)[-1]
    assert (row["sha256"], row["safety_copy"]) == (sha, str(safety))
    # the safety dump (in the data folder) holds what was there before: two residents, two receipts
    assert safety.parent == data_dir and safety.name.endswith(".pgdump") and safety.read_bytes()[:5] == b"PGDMP"
    script = subprocess.run(["pg_restore", "--data-only", "--table=resident", "--file=-", str(safety)],
                            capture_output=True, text=True, check=True).stdout
    assert "李四" in script and "张三" in script
    # sequences came back too: new rows get fresh keys
    residents.register_resident(ctx, person(name="王五", seq=27), D(2026, 5, 1), centre_ready["A102-1"])
    assert names(pg_url) == ["张三", "王五"] and integrity.verify(app).ok


def test_backup_of_a_tampered_database_refused(app, ctx, pg_url, tmp_path, paid):
    _sql(pg_url, "UPDATE receipt SET amount_fen = amount_fen - 10000 WHERE id = %s", (paid,))
    n = len(audit_after(pg_url, backup.BACKUP_ACTION))
    scratch_before = scratch_databases(pg_url)
    with pytest.raises(RuleViolation) as e:
        backup.backup(ctx, tmp_path / "b.pgdump")
    msg = e.value.message
    assert msg.startswith("备份校验失败") and f"收据（receipt）第{paid}行" in msg
    assert "审计记录为 300000，现为 290000" in msg
    assert not any(tmp_path.iterdir())  # no file, no work file, no anchor
    assert len(audit_after(pg_url, backup.BACKUP_ACTION)) == n
    assert scratch_databases(pg_url) == scratch_before


def test_tampered_dump_refused_then_admin_overrides_with_reason(app, ctx, actors, pg_url, tmp_path, paid,
                                                                 centre_ready):
    _sql(pg_url, "UPDATE receipt SET amount_fen = 1 WHERE id = %s", (paid,))
    dump = raw_dump(pg_url, tmp_path / "tampered.pgdump")
    _sql(pg_url, "UPDATE receipt SET amount_fen = 300000 WHERE id = %s", (paid,))
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"])
    before = snapshot(pg_url)
    with pytest.raises(backup.BackupUnverified) as e:
        backup.restore(app, ctx.actor, dump)
    assert "审计记录校验未通过" in e.value.message and f"收据（receipt）第{paid}行" in e.value.message
    assert snapshot(pg_url) == before
    with pytest.raises(PermissionDenied):  # only an administrator restores at all
        backup.restore(app, actors[Role.ACCOUNTANT], dump, override_reason="试试")
    backup.restore(app, ctx.actor, dump, override_reason="经核对，原收据金额录入有误")
    assert names(pg_url) == ["张三"]
    row = audit_after(pg_url, backup.RESTORE_ACTION)[-1]
    assert row["override_reason"] == "经核对，原收据金额录入有误" and row["problems"]


def test_the_anchor_beside_the_dump_is_checked(app, ctx, pg_url, tmp_path, admitted):
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)
    side = tmp_path / "b.pgdump.anchor.json"
    a = json.loads(side.read_text(encoding="utf-8"))
    side.write_text(json.dumps(dict(a, hash="0" * 64)), encoding="utf-8")
    with pytest.raises(backup.BackupUnverified) as e:
        backup.restore(app, ctx.actor, dest)
    assert f"第{a['seq']}条审计记录与锚点" in e.value.message


def test_cli_backup_and_restore_on_postgresql(app, admin, pg_url, tmp_path, capsys, monkeypatch, centre_ready,
                                              data_dir):
    from eldercare_desktop.cli.main import main

    monkeypatch.setenv("ELDERCARE_PASSWORD", PASSWORD)
    url = pg_url.replace("postgresql+psycopg://", "postgresql://")
    dest = tmp_path / "cli.pgdump"
    assert main(["--database", url, "backup", str(dest), "--user", "admin"]) == 0, capsys.readouterr().err
    assert "SHA-256" in capsys.readouterr().out
    residents.register_resident(app.as_user(admin), person(name="李四", seq=25), D(2026, 2, 1),
                                centre_ready["A102-1"])
    app.close()  # the CLI restores alone
    code = main(["--database", url, "restore", str(dest), "--user", "admin"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "恢复前的数据库已另存为" in out and str(data_dir) in out
    assert names(pg_url) == []


def test_restore_refused_while_another_app_is_connected(app, ctx, pg_url, tmp_path, admitted, centre_ready,
                                                        data_dir):
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"])
    other = App.open(pg_url)
    report_tool = _connect(pg_url, application_name="monthly-report")  # PostgreSQL keeps ASCII names only
    try:
        users.login(other, "admin", PASSWORD)  # its pool keeps a connection
        with pytest.raises(sessions.DatabaseInUse) as e:
            backup.restore(app, ctx.actor, dest)
        msg = e.value.message
        assert f"本系统（电脑 {socket.gethostname()}，进程 {os.getpid()}）" in msg
        assert "其他程序“monthly-report”（数据库账号 eldercare_test" in msg and "还有2个程序" in msg
        assert names(pg_url) == ["张三", "李四"]
        assert not data_dir.exists() or not list(data_dir.glob("*before-restore*"))
    finally:
        report_tool.close()
        other.close()
    backup.restore(app, ctx.actor, dest)  # alone now
    assert names(pg_url) == ["张三"]


def test_a_connection_that_arrives_during_the_restore_is_caught_in_its_transaction(
        app, ctx, pg_url, tmp_path, admitted, centre_ready, monkeypatch):
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"])
    before = snapshot(pg_url)
    late, checks = [], []
    real = pg_backup.connected

    def arrives_after_the_check(server):
        others = real(server)
        checks.append(others)
        if len(checks) == 2:  # after the last check outside the restoring transaction
            late.append(_connect(pg_url, application_name="late-comer"))
        return others

    monkeypatch.setattr(pg_backup, "connected", arrives_after_the_check)
    try:
        with pytest.raises(sessions.DatabaseInUse) as e:
            backup.restore(app, ctx.actor, dest)
    finally:
        for c in late:
            c.close()
    assert checks[:2] == [[], []]
    assert "恢复开始时" in e.value.message and "late-comer" in e.value.message and "未改动" in e.value.message
    assert snapshot(pg_url) == before


@pytest.mark.skipif(os.name != "posix", reason="a /bin/sh stand-in for pg_restore")
def test_a_restore_that_fails_midway_leaves_the_old_data(app, ctx, pg_url, tmp_path, admitted, centre_ready,
                                                          monkeypatch):
    """pg_restore breaks off after 90% of the script, once psql has run it
    (the old tables dropped, most new ones loaded): psql is stopped before
    COMMIT, so the transaction rolls back. The file checks are skipped here."""
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)
    real = shutil.which("pg_restore")
    size = len(subprocess.run([real, "--no-owner", "--file=-", str(dest)], capture_output=True, check=True).stdout)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stand_in = bin_dir / "pg_restore"
    stand_in.write_text(f'#!/bin/sh\n"{real}" "$@" | head -c {size * 9 // 10}\nsleep 1\nexit 1\n')
    stand_in.chmod(0o700)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(pg_backup, "archive_problem", lambda path: None)
    monkeypatch.setattr(pg_backup, "check_dump", lambda *a: pg_backup.Checked(
        HEAD_REVISION, frozenset(pg_backup.REQUIRED_TABLES), IntegrityReport()))
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"])
    before = snapshot(pg_url)
    with pytest.raises(RuleViolation) as e:
        backup.restore(app, ctx.actor, dest)
    assert e.value.message.startswith("恢复未完成，当前数据库未改动：备份文件无法读取")
    assert snapshot(pg_url) == before
    assert integrity.verify(app).ok
    residents.register_resident(ctx, person(name="王五", seq=27), D(2026, 5, 1), centre_ready["A101-2"])


def test_truncated_dump_refused_by_its_check(app, ctx, pg_url, tmp_path, admitted):
    good = tmp_path / "b.pgdump"
    backup.backup(ctx, good)
    bad = tmp_path / "cut.pgdump"
    data = good.read_bytes()
    bad.write_bytes(data[: int(len(data) * 0.8)])
    before = snapshot(pg_url)
    with pytest.raises(RuleViolation) as e:
        backup.restore(app, ctx.actor, bad)
    assert "备份文件无法读取" in e.value.message
    assert snapshot(pg_url) == before


def test_newer_schema_dump_refused_before_anything(app, ctx, pg_url, tmp_path, admitted, data_dir):
    _sql(pg_url, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(RuleViolation, match="备份校验失败：.*0099"):  # backup() refuses to write such a file too
        backup.backup(ctx, tmp_path / "refused.pgdump")
    dump = raw_dump(pg_url, tmp_path / "newer.pgdump")
    _sql(pg_url, "UPDATE alembic_version SET version_num = %s", (HEAD_REVISION,))
    before = snapshot(pg_url)
    scratch_before = scratch_databases(pg_url)
    with pytest.raises(RuleViolation) as e:
        backup.restore(app, ctx.actor, dump)
    assert "0099" in e.value.message and HEAD_REVISION in e.value.message
    assert backup.check_backup(dump) == e.value.message  # the CLI's check before login says the same
    assert snapshot(pg_url) == before
    assert not data_dir.exists() or not list(data_dir.glob("*before-restore*"))
    assert scratch_databases(pg_url) == scratch_before


def test_older_dump_restores_and_migrates(app, ctx, pg_url, tmp_path, admitted, pg_template):
    conn, u, _tpl = pg_template
    name = f"ec_old_{os.getpid()}"
    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    conn.execute(f'CREATE DATABASE "{name}"')
    old_url = u.set(database=name).render_as_string(hide_password=False)
    try:
        eng = db_engine.make_engine(db_engine.resolve_url(old_url))
        upgrade(eng, "0006")
        eng.dispose()
        dump = raw_dump(old_url, tmp_path / "old.pgdump")
    finally:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    backup.restore(app, ctx.actor, dump)
    assert db_engine.current_revision(app.engine) == HEAD_REVISION
    assert names(pg_url) == []
    assert len(audit_after(pg_url, backup.RESTORE_ACTION)) == 1


def test_sqlite_backup_refused_on_postgresql(app, ctx, tmp_path, db_path):
    with pytest.raises(RuleViolation, match="SQLite 数据库的备份，当前使用的是 PostgreSQL"):
        backup.restore(app, ctx.actor, db_path)


@pytest.mark.parametrize("where", ["folder", "reserved", "unwritable"])
def test_bad_destination_refused_before_anything(app, ctx, pg_url, tmp_path, admitted, where):
    if where == "reserved":
        dest = tmp_path / "b.pgdump.anchor.json"
    else:
        dest = bad_destination(tmp_path, where, "b.pgdump")
    n = len(audit_after(pg_url, backup.BACKUP_ACTION))
    with pytest.raises(RuleViolation):
        backup.backup(ctx, dest)
    assert len(audit_after(pg_url, backup.BACKUP_ACTION)) == n


def test_pg_dump_missing_from_path_refused_in_chinese(app, ctx, pg_url, tmp_path, admitted, monkeypatch, data_dir):
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)  # while the tools are there
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pg_restore", "psql"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    monkeypatch.setenv("PATH", str(bin_dir))
    n = len(audit_after(pg_url, backup.BACKUP_ACTION))
    with pytest.raises(RuleViolation) as e:
        backup.backup(ctx, tmp_path / "c.pgdump")
    assert "找不到 PostgreSQL 客户端工具 pg_dump" in e.value.message and "postgresql-client" in e.value.message
    assert not (tmp_path / "c.pgdump").exists() and len(audit_after(pg_url, backup.BACKUP_ACTION)) == n
    before = snapshot(pg_url)
    with pytest.raises(RuleViolation, match="找不到 PostgreSQL 客户端工具 pg_dump"):  # needed for the safety dump
        backup.restore(app, ctx.actor, dest)
    assert snapshot(pg_url) == before and not data_dir.exists()


def test_a_role_without_createdb_is_told_so(app, ctx, pg_url, tmp_path, admitted, monkeypatch, data_dir):
    """The scratch restore that checks a dump needs CREATEDB: without it, a
    backup and a restore are refused (in Chinese, naming the fix) before anything."""
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)
    real = pg_backup.role_can_create_databases
    assert _sql(pg_url, "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user") == [(True,)]
    monkeypatch.setattr(pg_backup, "role_can_create_databases", lambda c: (real(c)[0], False))
    n = len(audit_after(pg_url, backup.BACKUP_ACTION))
    with pytest.raises(RuleViolation) as e:
        backup.backup(ctx, tmp_path / "c.pgdump")
    assert "没有建库权限（CREATEDB）" in e.value.message and "未备份" in e.value.message
    assert 'ALTER ROLE "eldercare_test" CREATEDB' in e.value.message
    assert not (tmp_path / "c.pgdump").exists() and len(audit_after(pg_url, backup.BACKUP_ACTION)) == n
    before = snapshot(pg_url)
    with pytest.raises(RuleViolation, match="没有建库权限.*未恢复"):
        backup.restore(app, ctx.actor, dest)
    assert snapshot(pg_url) == before and not data_dir.exists()


def test_password_only_in_the_environment_never_on_a_command_line(app, ctx, pg_url, tmp_path, admitted,
                                                                   monkeypatch):
    password = make_url(pg_url).password
    assert password
    calls = []

    class Recording(subprocess.Popen):
        def __init__(self, args, *a, **kw):
            calls.append(([str(x) for x in args], kw.get("env"), kw.get("shell", False)))
            super().__init__(args, *a, **kw)

    monkeypatch.setattr(subprocess, "Popen", Recording)
    dest = tmp_path / "b.pgdump"
    backup.backup(ctx, dest)
    backup.restore(app, ctx.actor, dest)
    used = {Path(argv[0]).name for argv, _env, _shell in calls}
    assert {"pg_dump", "pg_restore", "psql"} <= used
    connecting = [(argv, env) for argv, env, _ in calls if "--version" not in argv and "--list" not in argv]
    assert any("--dbname" in " ".join(argv) for argv, _ in connecting)
    for argv, env, shell in calls:
        assert shell is False and not any(password in a for a in argv), argv
    for argv, env in connecting:
        if Path(argv[0]).name in ("pg_dump", "psql"):
            assert env["PGPASSWORD"] == password and env["PGAPPNAME"] == db_engine.application_name()


def test_daily_automatic_backups_on_postgresql(ctx, pg_url, clock, admitted, data_dir):
    sched.save_settings(ctx, True, "", 2)
    conf = sched.get_settings(ctx)
    assert conf.resolved_folder == data_dir / "backups"
    folder = conf.resolved_folder
    made = []
    for day in range(3):
        clock.time = NOW + dt.timedelta(days=day)
        made.append(sched.run_auto_backup(ctx))
        clock.time += dt.timedelta(hours=3)
        assert sched.run_auto_backup(ctx) is None  # not due again the same day (the shared audit trail says so)
    assert made[0].name == "eldercare-auto-20261125-093000.pgdump"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [m.name for m in made[1:]] + [m.name + ".anchor.json" for m in made[1:]])  # keep 2
    mine = folder / "eldercare-auto-20261101-000000.sqlite3"  # another kind: never rotated here
    mine.write_bytes(b"x")
    sched.rotate(folder, 1, ".pgdump")
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([mine.name, made[2].name, made[2].name + ".anchor.json"])
    st = sched.status(ctx)
    assert st.last_auto_at == NOW + dt.timedelta(days=2) and not st.stale
    assert [a.get("auto", False) for a in audit_after(pg_url, backup.BACKUP_ACTION)] == [True] * 3
