"""GUI test fixtures: QSettings in a temporary folder (never the user's),
and ``make_window(actor)``: a real MainWindow on the test's App."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def make_window(app, qtbot):
    """``make_window(actor)`` → a shown MainWindow on the ``start`` page
    (the residents list, loaded, unless told otherwise; ``start=None`` keeps
    the home page the window opens on); closed (and its database thread
    stopped) after the test."""
    from eldercare_desktop.ui.main_window import MainWindow

    windows = []

    def make(actor, show: bool = True, wait: bool = True, start: str | None = "residents"):
        win = MainWindow(app, actor)
        windows.append(win)
        qtbot.addWidget(win)
        if show:
            win.show()
        if wait:
            idle(qtbot, win)
            if start:
                win.navigate(start)
                idle(qtbot, win)
        return win

    yield make
    for win in windows:
        idle(qtbot, win)
        win.close()


def idle(qtbot, win, timeout: int = 15000) -> None:
    """Wait until the window's database thread has delivered every job."""
    qtbot.waitUntil(lambda: win.worker.pending() == 0, timeout=timeout)
