"""The main window: navigation, pages, menus, status bar. It implements the
Shell interface of ui/base.py for the pages: every service call goes through
``call``/``run_long`` onto the one database thread.

The window fits the screen's available area (1366×768 front-desk screens
included) and remembers its size and position on this PC; it ends its
session for 注销 / 切换用户 (``session_end``: the entry point then logs in
again and opens a new window on the same database thread) and locks itself
after the idle time set on 设置 → 常规."""
from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QEvent, QEventLoop, QMargins, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import DomainError, NotFound, PermissionDenied, RuleViolation
from ..domain.records import CentreInfo, Changes
from ..domain.roles import Actor, Perm
from . import i18n
from .base import LazyService, Page, Shell
from .dialogs.lock import idle_lock_minutes
from .i18n import no_permission, perm_name, role_name
from .stale import StaleBar, StaleWatcher
from .widgets import BusyIndicator, run_with_progress
from .worker import Aborted, DbWorker

APP_TITLE = "养老机构管理系统"

#: the window's size when it fits (client area), else the available area
DEFAULT_SIZE = QSize(1280, 800)
GEOMETRY_KEY = "window/geometry"
MAXIMIZED_KEY = "window/maximized"
#: room left for the title bar and borders before the real frame is known
FRAME_ALLOWANCE = QMargins(1, 31, 1, 1)


def fit_geometry(avail: QRect, saved: QRect | None = None, frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """The window's client geometry on a screen whose available area is
    ``avail``: the saved one when it fits there with its frame, else the
    default size shrunk to the available area, centred."""
    if saved is not None and saved.isValid() and avail.contains(saved.marginsAdded(frame)):
        return QRect(saved)
    room_w = avail.width() - frame.left() - frame.right()
    room_h = avail.height() - frame.top() - frame.bottom()
    w, h = min(DEFAULT_SIZE.width(), room_w), min(DEFAULT_SIZE.height(), room_h)
    return QRect(avail.x() + frame.left() + (room_w - w) // 2, avail.y() + frame.top() + (room_h - h) // 2, w, h)


class _ActivityFilter(QObject):
    """Application-wide: the time of the last keyboard, mouse or touch input
    (installed only while the idle lock is on)."""

    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                       QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress})

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.last = time.monotonic()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in self.INPUT:
            self.last = time.monotonic()
        return False


class _ClickLabel(QLabel):
    """A status-bar label that opens something when clicked."""

    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class _Slot(QWidget):
    """A stack entry whose page is built on first navigation."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.page: Page | None = None

    def put(self, page: Page) -> None:
        self.page = page
        self.layout().addWidget(page)
        page.show()  # the slot may already be visible


class NoAccessPage(Page):
    """Shown instead of a page the user's role may not open."""

    def __init__(self, shell: Shell, title: str, perm: Perm, parent: QWidget | None = None):
        super().__init__(shell, parent)
        lay = QVBoxLayout(self)
        head = QLabel(title, self)
        head.setStyleSheet("font-size: 18px; font-weight: bold;")
        msg = QLabel(
            self.tr("您的角色（%1）没有“%2”的权限，无法查看此页面。请联系管理员。")
            .replace("%1", role_name(shell.ctx.actor.role)).replace("%2", perm_name(perm)),
            self,
        )
        msg.setWordWrap(True)
        lay.addWidget(head)
        lay.addWidget(msg)
        lay.addStretch(1)


class MainWindow(QMainWindow, Shell):
    """The application window and the pages' Shell."""

    #: page keys, in navigation order
    PAGE_KEYS = ("home", "residents", "beds", "assessment", "contracts", "billing", "escrow", "reports",
                 "subsidies", "audit", "settings")
    #: pages not built yet (a placeholder page): marked "（开发中）" in the navigation
    PLACEHOLDER_KEYS: frozenset[str] = frozenset()

    changes_broadcast = Signal(object)
    #: a write waits for the database's write lock (seconds waited, attempt);
    #: emitted on the waiting (database) thread, delivered on the GUI thread
    write_waiting = Signal(float, int)

    def __init__(self, app, actor: Actor, worker: DbWorker | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.ctx = app.as_user(actor)
        self._own_worker = worker is None
        self.worker = worker or DbWorker()
        self.worker.error_hook = self.show_error
        self._closed = False
        self.centre: CentreInfo | None = None
        self.last_error_box: QMessageBox | None = None
        self.last_error_text = ""
        self.pages: dict[str, Page] = {}
        #: set when the session ends for 注销 (``("logout", None)``) or
        #: 切换用户 (``("switch", actor)``); None when the window just closed
        self.session_end: tuple[str, Actor | None] | None = None
        self.locked = False
        self.lock_dialog = None
        self.login_dialog = None
        self.help_dialog = None

        self.setWindowTitle(self.tr("养老机构管理系统"))
        self.restore_window_geometry()
        self._build_navigation()
        self._build_menus()
        self._build_status_bar()
        self._build_shortcuts()
        self._build_idle_lock()
        self.stale = StaleWatcher(self)  # other PCs' changes (ui/stale.py); before the first page loads
        self.navigate(0)

    # -- construction -----------------------------------------------------
    def _nav_labels(self) -> dict[str, str]:
        return {
            "home": self.tr("首页"),
            "residents": self.tr("住户"),
            "beds": self.tr("床位"),
            "assessment": self.tr("评估"),
            "contracts": self.tr("合同"),
            "billing": self.tr("账单与收款"),
            "escrow": self.tr("押金专户"),
            "reports": self.tr("报表"),
            "subsidies": self.tr("补贴申报"),
            "audit": self.tr("审计日志"),
            "settings": self.tr("设置"),
        }

    def _build_navigation(self) -> None:
        central = QWidget(self)
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(172)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); font-size: 15px; outline: 0; }"
            "QListWidget#navigation::item { padding: 9px 14px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        labels = self._nav_labels()
        wip = self.tr("（开发中）")
        for i, key in enumerate(self.PAGE_KEYS):
            text = labels[key] + (wip if key in self.PLACEHOLDER_KEYS else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            shortcut = f"Ctrl+{i + 1}" if i < 9 else "Ctrl+0"
            item.setToolTip(f"{text}（{shortcut}）")
            if key in self.PLACEHOLDER_KEYS:  # not built yet: say so, and show it quieter
                item.setForeground(QColor("#8a94a0"))
            self.nav.addItem(item)
        self.stack = QStackedWidget(central)
        for _ in self.PAGE_KEYS:
            self.stack.addWidget(_Slot(self.stack))
        lay.addWidget(self.nav)
        column = QVBoxLayout()  # the pages, under the bar that says another PC changed them (ui/stale.py)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.stale_bar = StaleBar(central)
        column.addWidget(self.stale_bar)
        column.addWidget(self.stack, 1)
        lay.addLayout(column, 1)
        # while locked the pages are covered (front-desk screens are seen by visitors)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(central)
        self.cover = QLabel(self.tr("程序已锁定"), self.screens)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setStyleSheet("font-size: 22px; color: #8a94a0; background: palette(window);")
        self.screens.addWidget(self.cover)
        self.setCentralWidget(self.screens)
        self.nav.currentRowChanged.connect(self._on_nav)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("文件(&F)"))
        self.backup_action = QAction(self.tr("备份数据库…"), self)
        self.backup_action.triggered.connect(lambda: self.backup_database())
        self.restore_action = QAction(self.tr("从备份恢复…"), self)
        self.restore_action.triggered.connect(lambda: self.restore_database())
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.switch_user_action = QAction(self.tr("切换用户…"), self)
        self.switch_user_action.triggered.connect(self.switch_user)
        self.logout_action = QAction(self.tr("注销"), self)
        self.logout_action.triggered.connect(self.log_out)
        self.lock_action = QAction(self.tr("锁定"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock())
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.switch_user_action)
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        actor = self.ctx.actor
        for action, perm in ((self.backup_action, Perm.BACKUP), (self.restore_action, Perm.RESTORE)):
            if not actor.can(perm):
                action.setEnabled(False)
                action.setToolTip(no_permission(actor, perm))
        file_menu.setToolTipsVisible(True)
        help_menu = mb.addMenu(self.tr("帮助(&H)"))
        self.guide_action = QAction(self.tr("使用指南"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        about = QAction(self.tr("关于"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.busy = BusyIndicator(sb)
        self.worker.busy_changed.connect(self._on_busy)
        self._on_busy(self.worker.pending() > 0)  # jobs may be queued before the window exists
        actor = self.ctx.actor
        role = role_name(actor.role)
        who = actor.display_name or actor.username
        self.user_label = QLabel(
            self.tr("当前用户：%1（%2）").replace("%1", f"{who} [{actor.username}]").replace("%2", role), sb
        )
        self.centre_label = QLabel("", sb)
        # the annual disclosure reminder: shown from 1 January until last
        # year's package is marked submitted; a click opens 报表 → 年度公开
        self.reminder_label = _ClickLabel("", sb)
        self.reminder_label.setToolTip(self.tr("点击打开“报表 → 年度公开”"))
        self.reminder_label.clicked.connect(self.show_disclosure)
        self.reminder_label.hide()
        self.reminder_overdue = False
        sb.addPermanentWidget(self.busy)
        sb.addPermanentWidget(self.reminder_label)
        self._watch_write_lock()
        sb.addPermanentWidget(self.centre_label)
        sb.addPermanentWidget(self.user_label)

    def _build_shortcuts(self) -> None:
        self._shortcuts = []
        for i in range(len(self.PAGE_KEYS)):
            key = f"Ctrl+{i + 1}" if i < 9 else "Ctrl+0"
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(lambda i=i: self.navigate(i))
            self._shortcuts.append(sc)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)
        self._shortcuts.append(find)

    # -- start ----------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not getattr(self, "_started", False):
            self._started = True
            QTimer.singleShot(0, self.load_centre)
            QTimer.singleShot(0, self.load_reminder)
            QTimer.singleShot(0, self.keep_on_screen)
            # the daily automatic backup: checked a while after start, then hourly
            self._auto_backup_timer = QTimer(self)
            self._auto_backup_timer.timeout.connect(self.check_auto_backup)
            self._auto_backup_timer.start(self.AUTO_BACKUP_FIRST_MS)

    def load_centre(self) -> None:
        # imported on the database thread (the ORM loads behind the shown window)
        self.call(LazyService("centre").get_centre, on_done=self._set_centre)

    def load_reminder(self) -> None:
        self.call(LazyService("disclosure").status, on_done=self._set_reminder, on_error=lambda _e: None)

    def _set_reminder(self, status) -> None:
        if status is None or not status.pending:
            self.reminder_label.hide()
            self.reminder_label.setText("")
            return
        self.reminder_overdue = status.overdue
        colour = "#c62828" if status.overdue else "#8a4b00"
        self.reminder_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.reminder_label.setText(status.text())
        self.reminder_label.show()

    def show_disclosure(self) -> None:
        page = self.navigate("reports")
        getattr(page, "show_disclosure", lambda: None)()

    def _set_centre(self, info: CentreInfo | None) -> None:
        self.centre = info
        name = info.name if info else ""
        if name:
            self.setWindowTitle(self.tr("养老机构管理系统 — %1").replace("%1", name))
            self.centre_label.setText(name)
        else:
            self.setWindowTitle(self.tr("养老机构管理系统"))
            self.centre_label.setText(self.tr("尚未填写机构信息（设置 → 机构信息）"))

    # -- navigation -----------------------------------------------------------
    def page_index(self, key: str) -> int:
        return self.PAGE_KEYS.index(key)

    def navigate(self, index_or_key: int | str) -> Page:
        index = self.page_index(index_or_key) if isinstance(index_or_key, str) else index_or_key
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # → _on_nav
        else:
            self._on_nav(index)
        return self.pages[self.PAGE_KEYS[index]]

    def _on_nav(self, index: int) -> None:
        if index < 0:
            return
        page = self.ensure_page(self.PAGE_KEYS[index])
        self.stack.setCurrentIndex(index)
        page.activate()
        self.stale.page_shown()

    def ensure_page(self, key: str) -> Page:
        page = self.pages.get(key)
        if page is None:
            slot: _Slot = self.stack.widget(self.page_index(key))  # type: ignore[assignment]
            page = self._make_page(key, slot)
            slot.put(page)
            self.pages[key] = page
        return page

    def _make_page(self, key: str, parent: QWidget) -> Page:
        actor = self.ctx.actor
        label = self._nav_labels()[key]
        if key == "home":
            from .pages.home import HomePage, route

            home = HomePage(self, parent)
            home.open_list.connect(lambda k, flt: route(self, k, flt))
            return home
        if key == "residents":
            from .pages.residents import ResidentsPage

            return ResidentsPage(self, parent)
        if key == "settings":
            from .pages.settings import SettingsPage

            return SettingsPage(self, parent)
        if key == "audit" and not actor.can(Perm.AUDIT_READ):
            return NoAccessPage(self, label, Perm.AUDIT_READ, parent)
        if key == "beds":
            from .pages.beds import BedsPage

            beds = BedsPage(self)
            beds.open_resident.connect(self.show_resident)
            return beds
        if key == "audit":
            from .pages.audit import AuditPage

            return AuditPage(self)
        if key == "assessment":
            from .pages.assessments import AssessmentsPage

            return AssessmentsPage(self)
        if key == "contracts":
            from .pages.contracts import ContractsPage

            return ContractsPage(self, parent)
        if key == "escrow":
            from .pages.escrow import EscrowPage

            return EscrowPage(self)
        if key == "billing":
            from .pages.finance import FinancePage

            return FinancePage(self, parent)
        if key == "reports":
            from .pages.reports import ReportsPage

            return ReportsPage(self, parent)
        if key == "subsidies":
            from .pages.subsidies import SubsidiesPage

            return SubsidiesPage(self, parent)
        from .pages.coming import ComingPage

        return ComingPage(self, key, parent)

    def current_page(self) -> Page | None:
        slot = self.stack.currentWidget()
        return getattr(slot, "page", None)

    def all_pages(self) -> list[Page]:
        """Every constructed page, including pages nested in a page (settings tabs)."""
        out: list[Page] = []
        for page in self.pages.values():
            out.append(page)
            out.extend(getattr(page, "sub_pages", lambda: [])())
        return out

    def show_resident(self, resident_id: int) -> None:
        """Open the residents page on one resident (from the bed map, for example)."""
        page = self.navigate("residents")
        page.select_resident(resident_id)  # type: ignore[attr-defined]

    def focus_search(self) -> None:
        page = self.navigate("residents")
        page.focus_search()  # type: ignore[attr-defined]

    # -- Shell ----------------------------------------------------------------
    def call(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        def done(result: Any) -> None:
            if self._closed:
                return
            if on_done:
                on_done(result)
            if isinstance(result, Changes):
                self.broadcast(result)

        def failed(exc: BaseException) -> None:
            if self._closed:
                return
            (on_error or self.show_error)(exc)

        self.worker.submit(fn, self.ctx, *args, on_done=done, on_error=failed, **kwargs)

    def run_long(self, title: str, fn: Callable[..., Any], *args: Any,
                 on_done: Callable[[Any], None] | None = None, **kwargs: Any) -> None:
        def done(result: Any) -> None:
            if self._closed:
                return
            if on_done:
                on_done(result)
            if isinstance(result, Changes):
                self.broadcast(result)

        run_with_progress(self, self.worker, title, fn, self.ctx, *args, on_done=done, on_error=self.show_error,
                          on_cancelled=lambda: self.notify(self.tr("已取消")), **kwargs)

    def broadcast(self, changes: Changes) -> None:
        if changes.message:
            self.notify(changes.message)
        if "centre" in changes.entities:
            self.load_centre()
        if changes.entities & {"centre", "disclosure", "journal"}:
            self.load_reminder()
        for page in self.all_pages():
            page.on_changes(changes)
        self.changes_broadcast.emit(changes)

    def page_reloading(self, page: Page) -> None:
        self.stale.page_reloading(page)

    def show_error(self, exc: BaseException) -> None:
        if self._closed:
            return
        if isinstance(exc, Aborted):
            self.notify(self.tr("已取消"))
            return
        detail = ""
        if type(exc).__name__ == "DatabaseReplaced":  # services.sessions: restored by another instance
            self.reload_all()  # the App has reopened the restored database
        if isinstance(exc, RuleViolation):
            title = self.tr("无法完成")
            text = "\n".join(f"• {p.message}" for p in exc.problems) if len(exc.problems) > 1 else exc.message
            icon = QMessageBox.Icon.Warning
        elif isinstance(exc, PermissionDenied):
            title, text, icon = self.tr("没有权限"), exc.message, QMessageBox.Icon.Warning
        elif isinstance(exc, NotFound):
            title, text, icon = self.tr("记录不存在"), exc.message, QMessageBox.Icon.Warning
        elif isinstance(exc, DomainError):
            title, text, icon = self.tr("无法完成"), exc.message, QMessageBox.Icon.Warning
        else:
            title = self.tr("发生意外错误")
            text = self.tr("操作未能完成，数据未被修改。错误信息：%1").replace("%1", f"{type(exc).__name__}: {exc}")
            icon = QMessageBox.Icon.Critical
            detail = "".join(traceback.format_exception(exc))
            print(detail, file=sys.stderr)
        self.last_error_text = text
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        if detail:
            box.setDetailedText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_error_box = box
        box.open()  # window-modal, does not block the caller

    def notify(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _on_busy(self, busy: bool) -> None:
        if not self._closed:
            self.busy.set_busy(busy)

    def _watch_write_lock(self) -> None:
        """While a write waits for another process's write lock
        (services.busy), say so in the status bar."""
        from ..services import busy

        self.write_waiting.connect(self._on_write_waiting, Qt.ConnectionType.QueuedConnection)
        self._stop_watching_writes = busy.on_wait(lambda waited, attempt: self.write_waiting.emit(waited, attempt))

    def _on_write_waiting(self, _waited: float, _attempt: int) -> None:
        if not self._closed:
            self.statusBar().showMessage(self.tr("数据库正忙（其他操作正在写入），正在等待…"), 4000)

    # -- backup and restore ---------------------------------------------------
    def backup_database(self, path: str | Path | None = None, on_done: Callable[[str], None] | None = None) -> None:
        from ..services import backup

        if not self.ctx.actor.can(Perm.BACKUP):
            self.show_error(PermissionDenied(no_permission(self.ctx.actor, Perm.BACKUP)))
            return
        if path is None:
            ext = "sqlite3" if self.app.sqlite_path else "pgdump"  # PostgreSQL: pg_dump (services.pg_backup)
            suggested = f"eldercare-backup-{self.ctx.today():%Y%m%d}.{ext}"
            folder = self.app.sqlite_path.parent if self.app.sqlite_path else Path.home()
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("备份数据库"), str(folder / suggested),
                self.tr("数据库备份 (*.sqlite3 *.db *.pgdump *.dump);;所有文件 (*)")
            )
            if not path:
                return
        target = Path(path)

        def done(sha: str) -> None:
            self.notify(self.tr("已备份到 %1").replace("%1", str(target)))
            if on_done:
                on_done(sha)

        self.call(backup.backup, target, on_done=done)

    #: first automatic-backup check after the window shows, then every hour
    AUTO_BACKUP_FIRST_MS = 60_000
    AUTO_BACKUP_EVERY_MS = 3_600_000

    def check_auto_backup(self, on_done: Callable[[Path | None], None] | None = None) -> None:
        """Make the daily automatic backup on the database thread when it is
        due (services.backup_schedule); a failure only shows in the status bar."""
        from ..services import backup_schedule

        timer = getattr(self, "_auto_backup_timer", None)
        if timer is not None:
            timer.setInterval(self.AUTO_BACKUP_EVERY_MS)
        if self._closed or not self.ctx.actor.can(Perm.BACKUP):
            return

        def done(dest: Path | None) -> None:
            if dest is not None:
                self.notify(self.tr("已自动备份到 %1").replace("%1", str(dest)))
            if on_done:
                on_done(dest)

        def failed(exc: BaseException) -> None:
            self.notify(self.tr("自动备份未完成：%1").replace("%1", getattr(exc, "message", str(exc))))
            if on_done:
                on_done(None)

        self.call(backup_schedule.run_auto_backup, on_done=done, on_error=failed)

    def restore_database(self, path: str | Path | None = None, confirm: bool = True,
                         on_done: Callable[[Path], None] | None = None, override_reason: str | None = None) -> None:
        from ..services import backup

        if not self.ctx.actor.can(Perm.RESTORE):
            self.show_error(PermissionDenied(no_permission(self.ctx.actor, Perm.RESTORE)))
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("从备份恢复"), str(Path.home()),
                self.tr("数据库备份 (*.sqlite3 *.db *.pgdump *.dump);;所有文件 (*)")
            )
            if not path:
                return
        src = Path(path)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("从备份恢复"),
                self.tr("确定用备份文件\n%1\n替换当前的全部数据吗？\n\n当前数据库会先另存一份安全副本；"
                        "恢复后所有页面将重新载入。").replace("%1", str(src)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def run(ctx, p):
            return backup.restore(ctx.app, ctx.actor, p, override_reason=override_reason)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, backup.BackupUnverified) and self.ctx.actor.role.value == "admin":
                self.ask_restore_anyway(src, exc, on_done)
            else:
                self.show_error(exc)

        def done(safety: Path) -> None:
            self.last_safety_copy = safety
            self.reload_all()
            self.notify(self.tr("已从备份恢复。原数据的安全副本：%1").replace("%1", str(safety)))
            if on_done:
                on_done(safety)
            elif confirm:
                QMessageBox.information(
                    self, self.tr("恢复完成"),
                    self.tr("已从备份恢复数据库。\n\n恢复前的数据已另存为：\n%1").replace("%1", str(safety)),
                )

        self.call(run, src, on_done=done, on_error=failed)

    def ask_restore_anyway(self, src: Path, exc: RuleViolation,
                           on_done: Callable[[Path], None] | None = None) -> QMessageBox:
        """The backup failed verification: an administrator may 仍然恢复,
        giving a reason (``reason_dialog``) that goes into the restore's audit row."""
        text = "\n".join(f"• {p.message}" for p in exc.problems)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("备份未通过校验"), text, QMessageBox.StandardButton.Cancel,
                          self)
        anyway = box.addButton(self.tr("仍然恢复…"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_error_box = box
        self.last_error_text = text

        def restore_with(why: str) -> None:
            if not why.strip():
                self.show_error(RuleViolation(self.tr("请填写理由")))
                return
            self.restore_database(src, confirm=False, on_done=on_done, override_reason=why)

        def clicked(button) -> None:
            if button is not anyway:
                return
            dlg = QInputDialog(self)
            dlg.setWindowTitle(self.tr("仍然恢复"))
            dlg.setLabelText(self.tr("请填写仍然恢复的理由（记入审计日志）："))
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.textValueSelected.connect(restore_with)
            self.reason_dialog = dlg
            dlg.open()

        box.buttonClicked.connect(clicked)
        box.open()
        return box

    def reload_all(self) -> None:
        """After a restore: every page reloads (visible now, hidden when shown)."""
        self.stale.restart()
        self.load_centre()
        self.load_reminder()
        for page in self.all_pages():
            if page.isVisible():
                page._loaded = True
                page._stale = False
                page.reload()
            else:
                page._stale = True

    # -- misc -----------------------------------------------------------------
    def database_location(self) -> str:
        p = self.app.sqlite_path
        return str(p) if p else self.app.url

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("<b>养老机构管理系统</b> %1<br><br>住户、床位、评估、合同、账单、押金专户、报表与补贴申报。"
                    "<br><br>数据库：%2").replace("%1", __version__).replace("%2", self.database_location()),
        )

    # -- window geometry ----------------------------------------------------------
    def _available(self, rect: QRect | None = None) -> QRect:
        screen = QGuiApplication.screenAt(rect.center()) if rect is not None else None
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def restore_window_geometry(self) -> None:
        """The size and position saved on this PC when they fit the screen
        they were on, else the default size fitted to the available area."""
        s = i18n.settings()
        saved = s.value(GEOMETRY_KEY)
        saved = saved if isinstance(saved, QRect) and saved.isValid() else None
        self.setGeometry(fit_geometry(self._available(saved), saved))
        if saved is not None and s.value(MAXIMIZED_KEY, False) in (True, "true"):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_window_geometry(self) -> None:
        s = i18n.settings()
        s.setValue(GEOMETRY_KEY, self.normalGeometry() if self.isMaximized() else self.geometry())
        s.setValue(MAXIMIZED_KEY, self.isMaximized())
        s.sync()

    def keep_on_screen(self) -> None:
        """Once the real frame is known: shrink and move so that the whole
        window, title bar included, lies in the available area."""
        if self._closed or self.isMaximized() or self.isFullScreen():
            return
        avail = self._available(self.frameGeometry())
        frame = self.frameGeometry()
        if avail.contains(frame):
            return
        w = self.width() - max(0, frame.width() - avail.width())
        h = self.height() - max(0, frame.height() - avail.height())
        self.resize(max(w, self.minimumWidth()), max(h, self.minimumHeight()))
        frame = self.frameGeometry()
        x = min(max(frame.x(), avail.left()), avail.x() + avail.width() - frame.width())
        y = min(max(frame.y(), avail.top()), avail.y() + avail.height() - frame.height())
        self.move(max(x, avail.left()), max(y, avail.top()))

    # -- help -------------------------------------------------------------------
    def show_guide(self):
        """帮助 → 使用指南: the user guide in a viewer beside the window."""
        from .dialogs.help import HelpDialog

        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()
        return self.help_dialog

    # -- idle lock ------------------------------------------------------------------
    def _build_idle_lock(self) -> None:
        self._activity = _ActivityFilter(self)
        self._filtering = False
        self._idle_timer = QTimer(self)
        self._idle_timer.timeout.connect(self.check_idle)
        self.idle_minutes = 0
        self.apply_idle_lock(idle_lock_minutes())

    def apply_idle_lock(self, minutes: int | None = None) -> None:
        """Lock after ``minutes`` without input (default: this PC's setting; 0 = never)."""
        self.idle_minutes = idle_lock_minutes() if minutes is None else max(0, int(minutes))
        qapp = QGuiApplication.instance()
        if self.idle_minutes and not self._closed:
            if not self._filtering:
                qapp.installEventFilter(self._activity)
                self._filtering = True
            self._activity.last = time.monotonic()
            self._idle_timer.start(min(15_000, self.idle_minutes * 60_000 // 4))
        else:
            self._idle_timer.stop()
            if self._filtering:
                qapp.removeEventFilter(self._activity)
                self._filtering = False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._activity.last

    def check_idle(self) -> None:
        if (self.idle_minutes and not self.locked and not self._closed and self.login_dialog is None
                and self.idle_seconds() >= self.idle_minutes * 60):
            self.lock(idle=True)

    def lock(self, idle: bool = False):
        """Cover the pages and ask for the same user's password (or 切换用户)."""
        from .dialogs.lock import LockDialog

        if self.locked or self._closed:
            return self.lock_dialog
        self.locked = True
        self.screens.setCurrentWidget(self.cover)
        self.menuBar().setEnabled(False)
        dlg = LockDialog(self.app, self.worker, self.ctx.actor, self, idle=idle)
        dlg.unlocked.connect(self._unlocked)
        dlg.switch_user.connect(self.log_out)
        self.lock_dialog = dlg
        dlg.open()
        return dlg

    def _unlocked(self) -> None:
        self.locked = False
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self._activity.last = time.monotonic()

    # -- session: 切换用户 / 注销 ----------------------------------------------------------
    def switch_user(self):
        """The login dialog over this window: another user's login ends this
        session (the entry point opens their window); 取消 keeps this one."""
        from .dialogs.login import LoginDialog

        if self._closed or self.login_dialog is not None:
            return self.login_dialog
        dlg = LoginDialog(self.app, self.worker, parent=self, switching=True)
        self.login_dialog = dlg

        def finished(_result: int) -> None:
            self.login_dialog = None
            actor = dlg.actor
            dlg.deleteLater()
            if actor is None:
                return
            if actor.user_id == self.ctx.actor.user_id:
                self.notify(self.tr("仍是当前用户"))
                return
            self.end_session("switch", actor)

        dlg.finished.connect(finished)
        dlg.open()
        return dlg

    def log_out(self) -> None:
        """注销: close the pages; the entry point shows the login dialog again."""
        self.end_session("logout", None)

    def end_session(self, kind: str, actor: Actor | None) -> None:
        if self._closed:
            return
        self.session_end = (kind, actor)
        self.close()

    def _drain_worker(self) -> None:
        """Wait (events still flowing) until the database thread has
        delivered every queued job, so no page callback runs after the
        pages are gone; the queue is ordered, so a no-op job marks the end."""
        if self.worker.pending() == 0:
            return
        loop = QEventLoop()
        self.worker.submit(lambda: None, on_done=lambda _r: loop.quit(), on_error=lambda _e: loop.quit())
        loop.exec()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._closed:
            self.save_window_geometry()
        self._closed = True
        self.apply_idle_lock(0)  # removes the application-wide event filter
        self.stale.stop()
        self._stop_watching_writes()
        for dlg in (self.lock_dialog, self.login_dialog, self.help_dialog):
            if dlg is not None:
                dlg.hide()
                dlg.deleteLater()
        self.lock_dialog = self.login_dialog = self.help_dialog = None
        try:
            self.worker.busy_changed.disconnect(self._on_busy)
        except (RuntimeError, TypeError):
            pass
        if self.worker.error_hook == self.show_error:
            self.worker.error_hook = None
        if self._own_worker:
            self.worker.stop()
        elif self.session_end is not None:
            self._drain_worker()
        if self.session_end is not None:
            for page in self.all_pages():
                page.hide()
            self.pages.clear()
        super().closeEvent(event)


__all__ = ["MainWindow", "NoAccessPage", "APP_TITLE"]
