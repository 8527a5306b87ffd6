"""While a write waits for another process's write lock, the main window's
status bar says so (issue 13, long writes)."""
from __future__ import annotations

import datetime as dt
import sqlite3

from eldercare_desktop.services import busy, residents
from tests.conftest import agent, person
from tests.ui.conftest import idle

WAITING = "数据库正忙（其他操作正在写入），正在等待…"


def test_status_bar_says_a_write_is_waiting_then_the_write_goes_through(qtbot, make_window, app, db_path, admin,
                                                                          centre_ready, monkeypatch):
    monkeypatch.setattr(busy, "ATTEMPT_MS", 100)  # report the wait after 0.1 s, not 2 s
    win = make_window(admin)
    assert win.statusBar().currentMessage() != WAITING
    other = sqlite3.connect(db_path, isolation_level=None)  # another process's long write
    other.execute("BEGIN IMMEDIATE")
    done = []
    win.worker.submit(residents.register_resident, win.ctx, person("王五", seq=17, contacts=(agent("王小五"),)),
                      dt.date(2026, 3, 1), centre_ready["A102-1"], on_done=done.append)
    try:
        qtbot.waitUntil(lambda: win.statusBar().currentMessage() == WAITING, timeout=10000)
        assert not done  # still waiting: nothing saved yet
    finally:
        other.execute("ROLLBACK")
        other.close()
    idle(qtbot, win)
    assert len(done) == 1 and [r.name for r in residents.list_residents(win.ctx)] == ["王五"]


def test_a_closed_window_stops_listening(qtbot, make_window, admin):
    win = make_window(admin, start=None)
    assert len(busy._listeners) >= 1
    before = len(busy._listeners)
    win.close()
    assert len(busy._listeners) == before - 1
    busy._notify(3.0, 2)  # a later wait reaches no closed window
    assert win.statusBar().currentMessage() != WAITING
