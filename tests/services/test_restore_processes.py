"""Acceptance (issue 13): a restore killed at random points, and a restore
attempted while another process writes."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eldercare_desktop.services import audit, backup, integrity, sessions, users
from eldercare_desktop.services.context import App
from tests.conftest import PASSWORD

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself

ROOT = Path(__file__).resolve().parents[2]

PRELUDE = textwrap.dedent("""
    import sys
    from argon2 import PasswordHasher
    from eldercare_desktop.services import users
    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    from eldercare_desktop.services.context import App
    db = sys.argv[1]
""")

WRITER = PRELUDE + textwrap.dedent("""
    import os
    from eldercare_desktop.services import centre
    app = App.open(db)
    ctx = app.as_user(users.login(app, "admin", sys.argv[2]))
    stop = sys.argv[3]
    n = 0
    while not os.path.exists(stop) and n < 2000:
        n += 1
        ch = centre.add_room(ctx, "B", 1, str(1000 + n), "单人间", [("1", "普通")])
        print(ch.ids[0], flush=True)
    app.close()
""")

RESTORER = PRELUDE + textwrap.dedent("""
    from eldercare_desktop.services import backup
    app = App.open(db)
    actor = users.login(app, "admin", sys.argv[2])
    print("ready", flush=True)
    backup.restore(app, actor, sys.argv[3])
    print("done", flush=True)
""")


def _env(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), ELDERCARE_ANCHOR_DIR=str(tmp_path / "anchor"))
    return env


def _room_ids(db):
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT id FROM room")}
    finally:
        con.close()


def _count(db, action):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT COUNT(*) FROM audit_log WHERE action = ?", (action,)).fetchone()[0]
    finally:
        con.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_restore_killed_at_random_points_then_rerun_completes_once(app, ctx, db_path, tmp_path, admitted,
                                                                    monkeypatch):
    monkeypatch.setenv("ELDERCARE_ANCHOR_DIR", str(tmp_path / "anchor"))
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    app.close()  # the restoring process must be alone
    rng = random.Random(13)
    killed = 0
    for _ in range(3):
        p = subprocess.Popen([sys.executable, "-c", RESTORER, str(db_path), PASSWORD, str(dest)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
        time.sleep(rng.uniform(0, 0.06))
        p.send_signal(signal.SIGKILL)
        p.wait()
        killed += p.returncode == -signal.SIGKILL
        again = App.open(str(db_path))  # opens: no stale restore lock or session blocks it
        try:
            assert audit.verify(again)[1] is None
        finally:
            again.close()
        assert integrity.verify_file(db_path).ok
    assert killed >= 1
    again = App.open(str(db_path))
    try:
        backup.restore(again, users.login(again, "admin", PASSWORD), dest)
        assert audit.verify(again)[1] is None
    finally:
        again.close()
    # the backup holds no restore row; the rerun adds exactly one
    assert _count(dest, backup.RESTORE_ACTION) == 0
    assert _count(db_path, backup.RESTORE_ACTION) == 1
    assert integrity.verify_file(db_path).ok


def test_restore_refused_while_another_process_writes_and_no_write_lost(app, ctx, db_path, tmp_path, admitted,
                                                                         centre_ready):
    dest = tmp_path / "b.sqlite3"
    backup.backup(ctx, dest)
    stop = tmp_path / "stop"
    p = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), PASSWORD, str(stop)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    acked = []
    try:
        while len(acked) < 20:
            line = p.stdout.readline()
            assert line, p.stderr.read()
            acked.append(int(line))
        for _ in range(3):
            with pytest.raises(sessions.DatabaseInUse) as e:
                backup.restore(app, ctx.actor, dest)
            assert "admin" in e.value.message and str(p.pid) in e.value.message
            line = p.stdout.readline()
            acked.append(int(line))
    finally:
        stop.write_text("stop")
        out, err = p.communicate(timeout=60)
    acked += [int(x) for x in out.split()]
    assert p.returncode == 0, err
    assert set(acked) <= _room_ids(db_path)
    assert len(acked) >= 23
    # the writer has gone: now the restore goes ahead
    backup.restore(app, ctx.actor, dest)
    assert not set(acked) & _room_ids(db_path)
