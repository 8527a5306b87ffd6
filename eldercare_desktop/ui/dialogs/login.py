"""登录: username and password, checked on the database thread (argon2 is
slow on purpose); wrong passwords and lockouts show the service's message.
With ``switching=True`` it is 切换用户 over the main window: 取消 keeps the
current user instead of quitting."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Actor
from ..widgets import error_label, grow_to_fit

if TYPE_CHECKING:  # pragma: no cover
    from ...services.context import App
    from ..worker import DbWorker


class LoginDialog(QDialog):
    def __init__(self, app: "App", worker: "DbWorker", username: str = "", parent: QWidget | None = None,
                 switching: bool = False):
        super().__init__(parent)
        self.app = app
        self.worker = worker
        self.actor: Actor | None = None
        self.busy = False
        self.switching = switching
        self.setWindowTitle(self.tr("切换用户 — 养老机构管理系统") if switching
                            else self.tr("登录 — 养老机构管理系统"))
        self.setMinimumWidth(400)

        lay = QVBoxLayout(self)
        title = QLabel(self.tr("养老机构管理系统"), self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        sub = QLabel(self.tr("请输入另一位用户的用户名和密码") if switching
                     else self.tr("请输入用户名和密码登录"), self)
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub.setStyleSheet("color: #666666;")
        lay.addWidget(sub)
        lay.addSpacing(8)

        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        lay.addLayout(form)
        self.error = error_label(self)
        lay.addWidget(self.error)

        location = app.sqlite_path or app.url
        db = QLabel(self.tr("数据库：%1").replace("%1", str(location)), self)
        db.setStyleSheet("color: #888888; font-size: 11px;")
        db.setWordWrap(True)
        db.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(db)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登录"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("取消") if switching else self.tr("退出"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        if self.busy:
            return
        user = self.username.text().strip()
        if not user:
            self._fail(self.tr("请输入用户名"), self.username)
            return
        if not self.password.text():
            self._fail(self.tr("请输入密码"), self.password)
            return
        from ...services import auth

        self.busy = True
        self.ok_button.setEnabled(False)
        self.error.hide()
        self.worker.submit(auth.login, self.app, user, self.password.text(), on_done=self._done,
                           on_error=self._failed)

    def _done(self, actor: Actor) -> None:
        self.busy = False
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        message = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        self.password.clear()
        self._fail(message, self.password)

    def _fail(self, message: str, focus: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        grow_to_fit(self)
        focus.setFocus()

    def reject(self) -> None:
        if not self.busy:
            super().reject()
