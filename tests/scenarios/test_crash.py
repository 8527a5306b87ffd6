"""Crash tests: a billing run and a chunked roster import, each in a
subprocess SIGKILLed at random points, leave a database that verifies (the
audit chain, the sealed rows, SQLite's integrity check), and a rerun
completes the work exactly once."""
from __future__ import annotations

import datetime as dt
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eldercare_desktop.services import audit, billing, roster, users
from eldercare_desktop.services.context import App
from eldercare_desktop.services.integrity import verify_file
from tests.conftest import PASSWORD
from tests.services.billing_fixtures import many_contracts
from tests.services.roster_fixtures import big_centre, write_big_roster

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 25)
TRIES = 3
CONTRACTS = 1500
ROWS = 1500

CHILD = textwrap.dedent("""
    import datetime as dt, sys
    sys.path.insert(0, {root!r})
    from eldercare_desktop.domain.roles import Actor, Role
    from eldercare_desktop.services import billing, roster
    from eldercare_desktop.services.context import App
    app = App.open({db!r}, today=lambda: dt.date(2026, 11, 25))
    ctx = app.as_user(Actor(1, "admin", Role.ADMIN, "管理员"))
    print("start", flush=True)
    {work}
    print("done", flush=True)
""")


def _child(db: Path, work: str) -> subprocess.Popen:
    code = CHILD.format(root=str(ROOT), db=str(db), work=work)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_at_random(db: Path, work: str, rng: random.Random, within: float, after_lines: int = 0) -> bool:
    """Run ``work`` in a child and SIGKILL it ``0..within`` seconds after it
    starts (after it printed ``after_lines`` more lines); True when it was
    killed before finishing."""
    p = _child(db, work)
    assert p.stdout.readline().strip() == "start", p.stderr.read()
    for _ in range(after_lines):
        p.stdout.readline()
    time.sleep(rng.uniform(0, within))
    p.send_signal(signal.SIGKILL)
    out, _err = p.communicate(timeout=30)
    return "done" not in out


def _sound(db: Path) -> None:
    c = sqlite3.connect(db)
    try:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        c.close()
    rep = verify_file(db)
    assert rep.ok, rep.problems
    app = App.open(str(db))
    try:
        assert audit.verify(app)[1] is None
    finally:
        app.close()


@pytest.fixture(scope="module")
def billing_db(tmp_path_factory, template_db):
    d = tmp_path_factory.mktemp("crash-billing")
    path = d / "base.sqlite3"
    shutil.copyfile(template_db, path)
    app = App.open(str(path), today=lambda: TODAY)
    users.create_first_admin(app, "admin", PASSWORD)
    many_contracts(app, CONTRACTS)
    app.close()
    clean = d / "clean.sqlite3"
    shutil.copyfile(path, clean)
    return path, _billed(clean, run=True)


def _billed(db: Path, run: bool = False) -> dict:
    """{contract: (lines, fen)} of 2026-03 (after a billing run when ``run``)."""
    app = App.open(str(db), today=lambda: TODAY)
    try:
        if run:
            ctx = app.as_user(users.login(app, "admin", PASSWORD))
            billing.run_billing(ctx, "2026-03")
    finally:
        app.close()
    c = sqlite3.connect(db)
    try:
        return {cid: (n, fen) for cid, n, fen in c.execute(
            "SELECT contract_id, count(*), sum(amount_fen) FROM bill_line WHERE period='2026-03' GROUP BY contract_id")}
    finally:
        c.close()


def test_killed_billing_run_leaves_a_sound_database_and_reruns_once(billing_db, tmp_path):
    base, clean = billing_db
    assert len(clean) == CONTRACTS
    rng = random.Random(13)
    for n in range(TRIES):
        db = tmp_path / f"b{n}.sqlite3"
        shutil.copyfile(base, db)
        _kill_at_random(db, 'billing.run_billing(ctx, "2026-03")', rng, 0.6)
        _sound(db)
        assert _billed(db, run=True) == clean  # every contract billed once, as an uninterrupted run does
        _sound(db)


@pytest.fixture(scope="module")
def roster_db(tmp_path_factory, template_db):
    d = tmp_path_factory.mktemp("crash-roster")
    path = d / "base.sqlite3"
    shutil.copyfile(template_db, path)
    app = App.open(str(path), today=lambda: TODAY)
    ctx = app.as_user(users.create_first_admin(app, "admin", PASSWORD))
    big_centre(ctx, ROWS)
    app.close()
    return path, write_big_roster(d / "roster.xlsx", ROWS)


def test_killed_roster_import_leaves_a_sound_database_and_reruns_once(roster_db, tmp_path):
    base, sheet = roster_db
    rng = random.Random(7)
    killed_midway = 0
    for n in range(TRIES):
        db = tmp_path / f"r{n}.sqlite3"
        shutil.copyfile(base, db)
        # killed while chunk k+1 is being written (k = 1..ROWS/100 - 1), or just after
        work = f"roster.import_roster(ctx, {str(sheet)!r}, chunk=100, after_chunk=lambda n: print(n, flush=True))"
        _kill_at_random(db, work, rng, 0.03, after_lines=rng.randint(1, ROWS // 100 - 1))
        _sound(db)
        c = sqlite3.connect(db)
        before = c.execute("SELECT count(*) FROM resident").fetchone()[0]
        c.close()
        assert before % 100 == 0 or before == ROWS  # whole chunks only
        killed_midway += 0 < before < ROWS
        app = App.open(str(db), today=lambda: TODAY)
        try:
            ctx = app.as_user(users.login(app, "admin", PASSWORD))
            rep = roster.import_roster(ctx, sheet)
        finally:
            app.close()
        assert rep.ok and (rep.imported, rep.already) == (ROWS - before, before)
        c = sqlite3.connect(db)
        try:
            assert c.execute("SELECT count(*), count(DISTINCT id_number) FROM resident").fetchone() == (ROWS, ROWS)
            assert c.execute("SELECT count(*), count(DISTINCT bed_id) FROM bed_assignment").fetchone() == (ROWS, ROWS)
        finally:
            c.close()
        _sound(db)
    print(f"killed part-way through the import in {killed_midway} of {TRIES} tries")
