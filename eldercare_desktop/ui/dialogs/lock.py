"""锁定: the idle lock. Front-desk PCs are shared: after the configured
minutes without keyboard or mouse input the main window hides its pages and
this dialog asks for the same user's password (checked on the database
thread like the login, so wrong passwords count toward the lockout), or
offers 切换用户 (log out and back to the login dialog).

The idle time is stored on this PC in QSettings (``session/idle_lock_minutes``,
0 = never lock), edited by an administrator on 设置 → 常规."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Actor
from ..widgets import error_label, grow_to_fit

if TYPE_CHECKING:  # pragma: no cover
    from ...services.context import App
    from ..worker import DbWorker

IDLE_KEY = "session/idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 15
MAX_IDLE_MINUTES = 480


def idle_lock_minutes() -> int:
    """Minutes without input before the window locks on this PC (0 = never)."""
    from ..i18n import bounded_int

    return bounded_int(IDLE_KEY, DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES)


def save_idle_lock_minutes(minutes: int) -> None:
    from ..i18n import settings

    if not 0 <= int(minutes) <= MAX_IDLE_MINUTES:
        raise ValueError(minutes)
    s = settings()
    s.setValue(IDLE_KEY, int(minutes))
    s.sync()


class LockDialog(QDialog):
    """Modal over the whole application; Escape and the close button do
    nothing: only the password (``unlocked``) or 切换用户 (``switch_user``)
    leave it."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, app: "App", worker: "DbWorker", actor: Actor, parent: QWidget | None = None,
                 idle: bool = True):
        super().__init__(parent)
        self.app = app
        self.worker = worker
        self.actor = actor
        self.busy = False
        self.setWindowTitle(self.tr("已锁定 — 养老机构管理系统"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(400)

        lay = QVBoxLayout(self)
        title = QLabel(self.tr("程序已锁定"), self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        who = actor.display_name or actor.username
        text = (self.tr("电脑一段时间无人操作，已自动锁定。\n请 %1 输入密码继续，或切换为其他用户。") if idle
                else self.tr("页面内容已隐藏。\n请 %1 输入密码继续，或切换为其他用户。"))
        self.info = QLabel(text.replace("%1", f"{who} [{actor.username}]"), self)
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555555;")
        lay.addWidget(self.info)
        lay.addSpacing(8)

        form = QFormLayout()
        self.username = QLabel(actor.username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        lay.addLayout(form)
        self.error = error_label(self)
        lay.addWidget(self.error)

        self.buttons = QDialogButtonBox(self)
        self.unlock_button = QPushButton(self.tr("解锁"), self)
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("切换用户"), self)
        self.switch_button.setAutoDefault(False)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self._switch)
        lay.addWidget(self.buttons)
        self.password.setFocus()

    def try_unlock(self) -> None:
        if self.busy:
            return
        if not self.password.text():
            self._fail(self.tr("请输入密码"))
            return
        from ...services import auth

        self.busy = True
        self.unlock_button.setEnabled(False)
        self.error.hide()
        self.worker.submit(auth.login, self.app, self.actor.username, self.password.text(),
                           on_done=self._done, on_error=self._failed)

    def _done(self, actor: Actor) -> None:
        self.busy = False
        self.unlock_button.setEnabled(True)
        if actor.user_id != self.actor.user_id:  # cannot happen with the same username, but never unlock for another
            self._fail(self.tr("只有锁定前的用户可以解锁；其他用户请点“切换用户”。"))
            return
        self.password.clear()
        super().accept()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self._fail(exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}")

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        grow_to_fit(self)
        self.password.setFocus()

    def _switch(self) -> None:
        if self.busy:
            return
        super().reject()
        self.switch_user.emit()

    # only the password or 切换用户 leave the dialog
    def accept(self) -> None:
        self.try_unlock()

    def reject(self) -> None:  # Escape; the window's close button ends here too and is ignored
        pass


__all__ = ["LockDialog", "idle_lock_minutes", "save_idle_lock_minutes", "IDLE_KEY", "DEFAULT_IDLE_MINUTES"]
