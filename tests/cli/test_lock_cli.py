"""While another process holds the write lock, a command says in Chinese
that it waits, then succeeds, or gives up with a Chinese message — never a
traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from eldercare_desktop.services import busy, users
from eldercare_desktop.services.context import App
from tests.services.roster_fixtures import big_centre, write_big_roster

from .conftest import PW

HOLD = textwrap.dedent("""
    import sqlite3, sys, time
    c = sqlite3.connect(sys.argv[1], isolation_level=None)
    c.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    c.execute("ROLLBACK")
""")


def _hold(db, seconds: float) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "locked"
    return p


@pytest.fixture
def centre_db(tmp_path, template_db):
    db = tmp_path / "c.sqlite3"
    shutil.copyfile(template_db, db)
    app = App.open(str(db))
    big_centre(app.as_user(users.create_first_admin(app, "admin", PW)), 30)
    app.close()
    return db, write_big_roster(tmp_path / "r.xlsx", 30)


def test_import_waits_for_another_process_and_then_imports(run, centre_db, monkeypatch):
    db, sheet = centre_db
    monkeypatch.setattr(busy, "ATTEMPT_MS", 300)
    holder = _hold(db, 1.5)
    code, out, err = run("residents", "import", "--database", db, "--user", "admin", sheet)
    holder.wait(10)
    assert code == 0, err
    assert "数据库正忙（其他操作正在写入），正在等待…" in err
    assert "已导入30位住户" in out and "Traceback" not in err


def test_import_gives_up_in_chinese_when_the_lock_stays_taken(run, centre_db, monkeypatch):
    db, sheet = centre_db
    monkeypatch.setattr(busy, "ATTEMPT_MS", 200)
    monkeypatch.setenv(busy.ENV_LIMIT, "0.5")
    holder = _hold(db, 5)
    try:
        code, out, err = run("residents", "import", "--database", db, "--user", "admin", sheet)
    finally:
        holder.kill()
        holder.wait()
    assert code != 0
    assert "数据库正忙（其他操作正在写入），正在等待…" in err
    assert "本次操作没有保存，请稍后重试" in err
    assert "Traceback" not in err and "OperationalError" not in err
    monkeypatch.delenv(busy.ENV_LIMIT)
    code, out, err = run("residents", "list", "--database", db, "--user", "admin")
    assert code == 0 and "共0位住户" in out  # nothing of the refused import was saved
