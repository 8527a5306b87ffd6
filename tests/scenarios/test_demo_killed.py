"""A killed demo-data leaves a marker and a copy of the database as it was;
the next demo-data puts the copy back and builds the centre again, instead
of refusing a half-built one."""
from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from eldercare_desktop.cli.main import main
from eldercare_desktop.services import audit, demo_resume
from eldercare_desktop.services.context import App
from eldercare_desktop.services.integrity import verify_file

ROOT = Path(__file__).resolve().parents[2]


def _count(db: Path, table: str) -> int:
    c = sqlite3.connect(db)
    try:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        c.close()


def test_killed_demo_data_is_rebuilt_by_the_next_run(tmp_path, template_db, monkeypatch, capsys):
    db = tmp_path / "d.sqlite3"
    shutil.copyfile(template_db, db)
    for var in ("ELDERCARE_DATABASE_URL", "ELDERCARE_USER", "ELDERCARE_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    child = subprocess.Popen([sys.executable, "-m", "eldercare_desktop.cli.main", "demo-data", "--database", str(db),
                              "--residents", "7", "--seed", "7"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # killed once the build is under way: rooms and residents are being written
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db.exists() and demo_resume.marker_path(db).exists()
                                               and _count(db, "resident") >= 2):
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    assert demo_resume.marker_path(db).exists() and demo_resume.snapshot_path(db).exists()
    assert 2 <= _count(db, "resident") < 7  # half-built
    assert verify_file(db).ok  # what was committed is sound

    code = main(["demo-data", "--database", str(db), "--residents", "7", "--seed", "7"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "上次生成演示数据未完成" in err and "住户：7位" in out
    assert _count(db, "resident") == 7 and _count(db, "app_user") == 4  # built once, not on top of the half
    assert not demo_resume.marker_path(db).exists() and not demo_resume.snapshot_path(db).exists()
    app = App.open(str(db))
    try:
        assert audit.verify(app)[1] is None
    finally:
        app.close()
