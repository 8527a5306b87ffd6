"""Stale pages: data changed on another PC (several front-desk PCs on one
PostgreSQL server, or on one shared SQLite file).

Every few seconds (``check_seconds``, per PC; 0 = never) the main window's
``StaleWatcher`` asks ``services.changes.probe`` what other sessions changed
since the last probe. The probe runs on a thread of its own (never on the
GUI thread, never queued behind a long job on the database thread); with
nothing new it is one indexed read (about 0.1 ms on SQLite, 0.3 ms on a
local PostgreSQL, 1,000-resident demo database).

Each page says what it shows (``Page.watches`` / ``Page.changed_elsewhere``).
When what a page shows changed elsewhere:

- a page on screen shows the bar 「其他电脑已修改此页数据」 with 刷新 (F5): a
  list never moves under the user's hands, a dialog or a half-typed form is
  never disturbed; 刷新 reloads the page keeping the selected record and the
  scroll position (ui/tablemodel.KeepViewState). Pages with nothing to
  select or lose (``Page.auto_refresh``: the home page's figures) reload at
  once instead, unless a dialog is open;
- a page not on screen is marked stale and reloads when it is shown;
- the bar goes when the page reloads for any reason (its own 刷新 button, a
  write made on this PC), and × hides it until the page is next shown.

The window's own writes never prompt (services.changes tells them apart)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget
from shiboken6 import isValid

from .worker import DbWorker

if TYPE_CHECKING:  # pragma: no cover
    from .base import Page

# QSettings key: seconds between probes on this PC (0 = never)
CHECK_KEY = "stale/check_seconds"
DEFAULT_CHECK_SECONDS = 5
MAX_CHECK_SECONDS = 600
EVERYTHING = "*"  # services.changes.EVERYTHING (not imported here: it loads the database layer)

BAR_STYLE = ("#staleBar { background: #fff8dc; border: none; border-bottom: 1px solid #e6d27a; }"
             " #staleBar QLabel { color: #5d4300; }")


def _head(app) -> int:
    from ..services import changes  # imported on the worker thread, not while the window starts

    return changes.head(app)


def _probe(app, since: int):
    from ..services import changes

    return changes.probe(app, since)


def check_seconds() -> int:
    """Seconds between probes on this PC (0 = never)."""
    from .i18n import bounded_int

    return bounded_int(CHECK_KEY, DEFAULT_CHECK_SECONDS, MAX_CHECK_SECONDS)


def save_check_seconds(seconds: int) -> None:
    from .i18n import settings

    s = settings()
    s.setValue(CHECK_KEY, min(max(int(seconds), 0), MAX_CHECK_SECONDS))
    s.sync()


class StaleBar(QFrame):
    """The non-modal bar above the pages: 其他电脑已修改此页数据 [刷新] [×]."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("staleBar")
        self.setStyleSheet(BAR_STYLE)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 4, 8, 4)
        lay.setSpacing(8)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(QSize(16, 16)))
        self.label = QLabel(self.tr("其他电脑已修改此页数据"), self)
        self.label.setObjectName("staleText")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setObjectName("staleRefresh")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(self.tr("重新载入此页，仍选中当前的记录（F5）"))
        self.refresh_button.setAutoDefault(False)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("staleClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("暂不刷新（下次打开此页时自动刷新）"))
        lay.addWidget(icon)
        lay.addWidget(self.label)
        lay.addWidget(self.refresh_button)
        lay.addStretch(1)
        lay.addWidget(self.close_button)
        self.hide()


class StaleWatcher(QObject):
    """Probes for other PCs' changes and marks or prompts the pages.
    ``window``: the MainWindow (its ``stale_bar``, ``stack``, pages and worker)."""

    def __init__(self, window, seconds: int | None = None):
        super().__init__(window)
        self.win = window
        self.bar: StaleBar = window.stale_bar
        self.since: int | None = None
        # pages on screen whose data changed elsewhere (the bar is up for them)
        self.prompted: list[Page] = []
        self.probes = 0  # probes answered (tests wait on it)
        self._in_flight = False
        self._stopped = False
        self._probe_worker: DbWorker | None = None
        self.bar.refresh_button.clicked.connect(self.refresh)
        self.bar.close_button.clicked.connect(self.dismiss)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        # the starting point, on the database thread before any page's first load
        # is queued: a change made elsewhere after a page loaded is never missed
        self._in_flight = True
        window.worker.submit(_head, window.app, on_done=self._started, on_error=self._failed)
        self.set_interval(check_seconds() if seconds is None else seconds)

    # -- timing -------------------------------------------------------------------------------
    def set_interval(self, seconds: int) -> None:
        """Probe every ``seconds`` (0 = never)."""
        seconds = min(max(int(seconds), 0), MAX_CHECK_SECONDS)
        if seconds and not self._stopped:
            self.timer.start(seconds * 1000)
        else:
            self.timer.stop()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
        if self._probe_worker is not None:
            self._probe_worker.stop(timeout=2.0)  # a probe stuck on the network is left behind (daemon thread)

    def restart(self) -> None:
        """The database was replaced (a restore): start again from its newest change."""
        self.since = None
        self.prompted.clear()
        self.update_bar()

    # -- probing ------------------------------------------------------------------------------
    def _worker(self) -> DbWorker:
        if self._probe_worker is None:
            self._probe_worker = DbWorker(self)
        return self._probe_worker

    def check(self) -> None:
        """Ask (on the probe thread) what changed elsewhere since the last probe."""
        if self._in_flight or self._stopped or self.win._closed:
            return
        self._in_flight = True
        if self.since is None:
            self._worker().submit(_head, self.win.app, on_done=self._started, on_error=self._failed)
        else:
            self._worker().submit(_probe, self.win.app, self.since, on_done=self._probed, on_error=self._failed)

    def _started(self, head: int) -> None:
        self._in_flight = False
        if self.since is None:
            self.since = head

    def _failed(self, _exc: BaseException) -> None:
        # the database is unreachable for a moment: the next probe tries again (a
        # user's own action reports the error)
        self._in_flight = False

    def _probed(self, probe) -> None:
        self._in_flight = False
        self.probes += 1
        if self._stopped or self.win._closed or self.since is None:
            return
        self.since = probe.head
        if probe.entities:
            self.apply(probe.entities)
        elif self.prompted:
            self.update_bar()  # a tab switched inside a page since: the bar follows what is on screen

    # -- the pages ---------------------------------------------------------------------------
    def on_screen(self, page: Page) -> bool:
        """The page is the one shown (its tab too), even behind the lock cover."""
        return isValid(page) and page.isVisibleTo(self.win.stack)

    def apply(self, entities: frozenset[str]) -> None:
        """Other PCs changed ``entities``: prompt for (or reload) the pages on
        screen that show them; mark the others stale."""
        win = self.win
        everything = EVERYTHING in entities
        if everything or "centre" in entities:
            win.load_centre()
        if everything or entities & {"centre", "disclosure", "journal"}:
            win.load_reminder()
        for page in win.all_pages():
            if not page._loaded or not page.changed_elsewhere(entities):
                continue
            if not self.on_screen(page):
                page._stale = True  # reloads when shown (Page.activate)
            elif page.auto_refresh and self.quiet():
                page.reload()
            elif page not in self.prompted:
                self.prompted.append(page)
        self.update_bar()

    def quiet(self) -> bool:
        """Nothing the user is in the middle of: no dialog or menu open, not locked."""
        return (QApplication.activeModalWidget() is None and QApplication.activePopupWidget() is None
                and not self.win.locked)

    def update_bar(self) -> None:
        """Pages no longer on screen reload when shown again; the bar is up while a page on screen is stale."""
        keep: list[Page] = []
        for page in self.prompted:
            if not isValid(page):
                continue
            if self.on_screen(page):
                keep.append(page)
            else:
                page._stale = True
        self.prompted = keep
        self.bar.setVisible(bool(keep) and not self.win._closed)

    def page_shown(self) -> None:
        """The window showed another page (navigation)."""
        self.update_bar()

    def page_reloading(self, page: Page) -> None:
        """A page reloads (for whatever reason): it is fresh."""
        if page in self.prompted:
            self.prompted.remove(page)
            self.update_bar()

    def refresh(self) -> None:
        """刷新: reload the stale pages on screen (each keeps its selection)."""
        pages = [p for p in self.prompted if self.on_screen(p)]
        self.prompted.clear()
        for page in pages:
            page.reload()
        self.update_bar()

    def dismiss(self) -> None:
        """×: no reload now; the pages reload when next shown."""
        for page in self.prompted:
            if isValid(page):
                page._stale = True
        self.prompted.clear()
        self.update_bar()


__all__ = ["StaleBar", "StaleWatcher", "check_seconds", "save_check_seconds", "CHECK_KEY"]
