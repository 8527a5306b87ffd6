"""Restore and backup safety (issue 13): sessions and exclusive restore, a
replaced database noticed by every other App, newer-schema and tampered
backups refused, the backup's audit row only after the file, owner-only files."""
import json
import os
import sqlite3
import stat
import time

import pytest

from eldercare_desktop.db import engine as db_engine
from eldercare_desktop.db.migrations import HEAD_REVISION
from eldercare_desktop.db.migrations.runner import upgrade
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit, backup, integrity, residents, sessions, users
from eldercare_desktop.services.context import App
from tests.backup_targets import bad_destination
from tests.conftest import PASSWORD, person
from tests.tampering import edit_audit

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself


def audit_rows(path, action):
    con = sqlite3.connect(path)
    try:
        return [json.loads(r[0] or "{}") for r in
                con.execute("SELECT after FROM audit_log WHERE action = ? ORDER BY seq", (action,))]
    finally:
        con.close()


def resident_names(path):
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM resident"))
    finally:
        con.close()


# --- sessions ----------------------------------------------------------------------------

def test_session_registered_with_user_and_removed_on_close(db_path, clock, admin):
    other = App.open(str(db_path))
    users.login(other, "admin", PASSWORD)
    found = sessions.live_sessions(db_path)
    assert [e.user for e in found if e.path == other.session.path] == ["admin"]
    entry = json.loads(other.session.path.read_text(encoding="utf-8"))
    assert entry["pid"] == os.getpid() and entry["host"] and entry["started"]
    other.close()
    assert not other.session.path.exists()
    assert other.session.path not in {e.path for e in sessions.live_sessions(db_path)}


def test_stale_and_dead_sessions_ignored_and_cleaned(db_path, app):
    folder = db_engine.registry_dir(db_path)
    dead = folder / "elsewhere-1-dead.json"  # this host, a pid that is not running
    dead.write_text(json.dumps({"user": "x", "host": sessions._host(), "pid": 2 ** 22 + 12345,
                                "started": "2026-01-01T00:00:00", "heartbeat": time.time()}), encoding="utf-8")
    old = folder / "otherpc-7-old.json"  # another computer, no heartbeat for a minute
    old.write_text(json.dumps({"user": "y", "host": "otherpc", "pid": 7, "started": "2026-01-01T00:00:00",
                               "heartbeat": time.time() - 60}), encoding="utf-8")
    assert sessions.live_sessions(db_path, exclude=app.session) == []
    assert not dead.exists() and not old.exists()


def test_restore_refused_naming_who_is_connected(app, ctx, db_path, tmp_path, admitted):
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    other = App.open(str(db_path))
    try:
        users.login(other, "admin", PASSWORD)
        before = resident_names(db_path)
        with pytest.raises(sessions.DatabaseInUse) as e:
            backup.restore(app, ctx.actor, dest)
        assert "admin" in e.value.message and sessions._host() in e.value.message and "起" in e.value.message
        assert resident_names(db_path) == before
        assert not (db_engine.registry_dir(db_path) / sessions.LOCK_NAME).exists()
    finally:
        other.close()
    backup.restore(app, ctx.actor, dest)  # alone now


def test_no_session_starts_during_a_restore(app, ctx, db_path, tmp_path, admitted):
    with sessions.exclusive(db_path, app.session, "admin"):
        with pytest.raises(sessions.RestoreInProgress, match="正在从备份恢复数据库"):
            App.open(str(db_path))


def test_write_through_an_old_app_never_lands_in_the_restored_database(app, ctx, db_path, tmp_path, admitted,
                                                                       clock, centre_ready):
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    old = App.open(str(db_path), today=clock.today, now=clock.now)
    old_ctx = old.as_user(users.login(old, "admin", PASSWORD))
    old_engine = old.engine
    old.session.close()  # the entry is gone (as if its heartbeat were lost): the restore goes ahead
    backup.restore(app, ctx.actor, dest)
    with pytest.raises(db_engine.DatabaseReplaced, match="数据库已被从备份恢复"):
        residents.register_resident(old_ctx, person(name="李四", seq=25), clock.day, centre_ready["A102-1"])
    assert resident_names(db_path) == ["张三"]
    assert old.engine is not old_engine  # reopened on the restored database
    residents.register_resident(old_ctx, person(name="李四", seq=25), clock.day, centre_ready["A102-1"])
    assert resident_names(db_path) == ["张三", "李四"]
    assert audit.verify(app)[1] is None
    old.close()


def test_replaced_file_noticed_too(app, ctx, db_path, tmp_path, admitted, clock, centre_ready):
    """A file swapped by hand (not by a restore) is noticed the same way."""
    copy = tmp_path / "copy.sqlite3"
    db_engine.online_backup(db_path, copy)
    app.engine.dispose()
    os.replace(copy, db_path)
    with pytest.raises(db_engine.DatabaseReplaced):
        residents.register_resident(ctx, person(name="李四", seq=25), clock.day, centre_ready["A102-1"])


# --- what is restored ---------------------------------------------------------------------

def test_newer_schema_backup_refused_before_anything(app, ctx, db_path, tmp_path, admitted):
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    con = sqlite3.connect(dest)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = resident_names(db_path)
    with pytest.raises(RuleViolation) as e:
        backup.restore(app, ctx.actor, dest)
    assert "0099" in e.value.message and HEAD_REVISION in e.value.message
    assert resident_names(db_path) == before
    assert not list(tmp_path.glob("*before-restore*")) and not list(db_path.parent.glob("*before-restore*"))


def test_older_backup_restores_and_migrates(app, ctx, db_path, tmp_path, admitted):
    old = tmp_path / "old.sqlite3"
    eng = db_engine.make_engine(f"sqlite:///{old}")
    upgrade(eng, "0006")
    eng.dispose()
    db_engine.online_backup(old, tmp_path / "old-copy.sqlite3")
    backup.restore(app, ctx.actor, tmp_path / "old-copy.sqlite3")
    assert db_engine.current_revision(app.engine) == HEAD_REVISION
    assert resident_names(db_path) == []
    assert len(audit_rows(db_path, backup.RESTORE_ACTION)) == 1


def _tampered(ctx, tmp_path):
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    edit_audit(dest, "UPDATE audit_log SET entity_id = 'x' WHERE seq = (SELECT MIN(seq) FROM audit_log)")
    assert not integrity.verify_file(dest).ok
    return dest


def test_tampered_backup_refused_then_admin_overrides_with_reason(app, ctx, actors, db_path, tmp_path, admitted):
    dest = _tampered(ctx, tmp_path)
    before = resident_names(db_path)
    with pytest.raises(backup.BackupUnverified) as e:
        backup.restore(app, ctx.actor, dest)
    assert "审计记录校验未通过" in e.value.message and len(e.value.problems) >= 3
    assert resident_names(db_path) == before
    with pytest.raises(PermissionDenied):  # only an administrator restores at all
        backup.restore(app, actors[Role.ACCOUNTANT], dest, override_reason="试试")
    backup.restore(app, ctx.actor, dest, override_reason="原备份经核对无误，审计行为人工录入错误")
    rows = audit_rows(db_path, backup.RESTORE_ACTION)
    assert rows[-1]["override_reason"] == "原备份经核对无误，审计行为人工录入错误"
    assert rows[-1]["problems"]


# --- backups ------------------------------------------------------------------------------

def test_backup_audit_row_after_the_file_and_anchor_beside(app, ctx, db_path, tmp_path, admitted):
    dest = tmp_path / "b.sqlite3"
    sha = backup.backup(ctx, dest)
    assert audit_rows(dest, backup.BACKUP_ACTION) == []  # the copy was taken before its row
    assert audit_rows(db_path, backup.BACKUP_ACTION)[-1]["sha256"] == sha
    anchor = json.loads((tmp_path / "b.sqlite3.anchor.json").read_text(encoding="utf-8"))
    assert anchor["seq"] == integrity.verify_file(dest).head_seq
    assert integrity.verify_file(dest).ok


@pytest.mark.parametrize("where", ["self", "-wal", "-shm", "-journal", "folder", "unwritable"])
def test_bad_destination_refused_before_anything_recorded(app, ctx, db_path, tmp_path, admitted, where):
    if where == "self":
        dest = db_path
    elif where.startswith("-"):
        dest = db_path.with_name(db_path.name + where)
    else:
        dest = bad_destination(tmp_path, where, "b.sqlite3")
    n = len(audit_rows(db_path, backup.BACKUP_ACTION))
    with pytest.raises(RuleViolation):
        backup.backup(ctx, dest)
    assert len(audit_rows(db_path, backup.BACKUP_ACTION)) == n
    if where == "unwritable":
        assert not dest.exists()


def test_leftover_temporary_files_cleaned(app, ctx, db_path, tmp_path, admitted, clock):
    old = time.time() - 3600
    leftovers = [tmp_path / "x.sqlite3.tmp", db_path.with_name(db_path.name + ".restore-tmp"),
                 db_path.with_name(f"{db_path.stem}.before-restore-20260101-000000.sqlite3.tmp")]
    fresh = tmp_path / "y.sqlite3.tmp"  # maybe another backup still writing it
    unrelated = tmp_path / "notes.tmp"
    for p in leftovers + [fresh, unrelated]:
        p.write_bytes(b"partial")
        if p is not fresh:
            os.utime(p, (old, old))
    backup.backup(ctx, tmp_path / "b.sqlite3")
    assert not leftovers[0].exists() and fresh.exists() and unrelated.exists()
    App.open(str(db_path)).close()
    assert not any(p.exists() for p in leftovers[1:])


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_backups_and_safety_copies_are_owner_only(tmp_path, clock):
    db = tmp_path / "new" / "eldercare.sqlite3"
    app = App.open(str(db), today=clock.today, now=clock.now)
    admin = users.create_first_admin(app, "admin", PASSWORD)
    ctx = app.as_user(admin)
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    safety = backup.restore(app, admin, dest)
    files = [db, db.with_name(db.name + "-wal"), dest, safety, tmp_path / "b.sqlite3.anchor.json"]
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    app.close()
