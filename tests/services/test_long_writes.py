"""Long writes and the write lock: the roster import commits in chunks and
resumes after an interruption; a write waits for another process's lock with
a Chinese message (services.busy) and never surfaces OperationalError; a
read does not wait at all."""
from __future__ import annotations

import json
import sqlite3
import threading

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import BedAssignment, Resident
from eldercare_desktop.domain.roles import Perm
from eldercare_desktop.services import audit, busy, residents, roster, users
from eldercare_desktop.services.integrity import verify_file
from tests.conftest import PASSWORD
from tests.services.roster_fixtures import big_centre, write_big_roster

pytestmark = pytest.mark.sqlite_only  # works on the SQLite file itself


class Stop(Exception):
    pass


@pytest.fixture
def sheet(ctx, tmp_path):
    big_centre(ctx, 25)
    return write_big_roster(tmp_path / "r.xlsx", 25)


def _count(db_path, table: str) -> int:
    """Counted through a separate connection: what is committed."""
    c = sqlite3.connect(db_path)
    try:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        c.close()


def test_import_commits_chunk_by_chunk(ctx, sheet, db_path):
    seen = []
    report = roster.import_roster(ctx, sheet, chunk=10, after_chunk=lambda n: seen.append((n, _count(db_path, "resident"))))
    assert report.imported == 25 and report.already == 0
    assert seen == [(10, 10), (20, 20), (25, 25)]  # each chunk visible to others once committed
    chunks = [e for e in audit.list_entries(ctx) if e.action == "导入登记入住"]
    assert sorted(e.entity_id for e in chunks) == ["1-10", "11-20", "21-25"]
    assert sum(len(json.loads(e.after)["residents"]) for e in chunks) == 25


def test_interrupted_import_is_completed_by_a_rerun_exactly_once(ctx, sheet, db_path):
    def die(n):
        if n == 20:
            raise Stop
    with pytest.raises(Stop):
        roster.import_roster(ctx, sheet, chunk=10, after_chunk=die)
    assert _count(db_path, "resident") == 20
    again = roster.import_roster(ctx, sheet, chunk=10)
    assert again.ok and again.imported == 5 and again.already == 20
    assert again.message == "已导入5位住户；另有20位此前已导入，已跳过"
    with ctx.read() as s:
        assert s.execute(select(func.count(func.distinct(Resident.id_number)))).scalar() == 25
        assert s.execute(select(func.count()).select_from(BedAssignment)).scalar() == 25
    third = roster.import_roster(ctx, sheet)
    assert (third.imported, third.already) == (0, 25)
    assert audit.verify(ctx.app)[1] is None and verify_file(db_path).ok


def test_a_registered_person_with_other_data_is_still_refused(ctx, sheet, db_path):
    roster.import_roster(ctx, sheet, chunk=10)
    with ctx.write(Perm.RESIDENT_WRITE) as s:  # someone corrected a name since
        s.get(Resident, 3).name = "王建华"
    report = roster.import_roster(ctx, sheet)
    assert not report.ok and report.bad_rows == [4]
    assert "已登记" in report.problems[0].message and report.imported == 0


def _hold_lock(db_path, seconds: float) -> threading.Event:
    """Another connection holds the write lock for ``seconds``; returns an event set once it holds it."""
    held = threading.Event()

    def run():
        c = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        c.execute("BEGIN IMMEDIATE")
        held.set()
        threading.Event().wait(seconds)
        c.execute("ROLLBACK")
        c.close()
    threading.Thread(target=run, daemon=True).start()
    held.wait(5)
    return held


def test_a_write_waits_for_the_lock_and_says_so(ctx, centre_ready, db_path, monkeypatch):
    monkeypatch.setattr(busy, "ATTEMPT_MS", 200)
    waits = []
    remove = busy.on_wait(lambda waited, attempt: waits.append(attempt))
    try:
        _hold_lock(db_path, 1.0)
        from tests.conftest import person
        ch = residents.register_resident(ctx, person(), ctx.today(), centre_ready["A101-1"])
    finally:
        remove()
    assert ch.ids == (1,) and waits[0] == 1  # told at least once, then saved
    assert _count(db_path, "resident") == 1


def test_a_write_gives_up_in_chinese_and_saves_nothing(ctx, centre_ready, db_path, monkeypatch):
    monkeypatch.setattr(busy, "ATTEMPT_MS", 100)
    monkeypatch.setenv(busy.ENV_LIMIT, "0.3")
    _hold_lock(db_path, 3.0)
    from tests.conftest import person
    with pytest.raises(busy.DatabaseBusy) as exc:
        residents.register_resident(ctx, person(), ctx.today(), centre_ready["A101-1"])
    assert str(exc.value).startswith("数据库正忙（其他操作正在写入），已等待")
    assert "本次操作没有保存" in str(exc.value)
    with pytest.raises(busy.DatabaseBusy):  # a login writes too: the same
        users.login(ctx.app, "admin", PASSWORD)
    # a read does not wait at all
    assert residents.list_residents(ctx) == []


def test_a_locked_error_inside_a_write_becomes_database_busy(ctx):
    from sqlalchemy.exc import OperationalError

    with pytest.raises(busy.DatabaseBusy):
        with ctx.write(Perm.RESIDENT_WRITE):
            raise OperationalError("UPDATE x", {}, sqlite3.OperationalError("database is locked"))
    with pytest.raises(busy.DatabaseBusy):
        with ctx.read():
            raise OperationalError("SELECT x", {}, sqlite3.OperationalError("database is locked"))
