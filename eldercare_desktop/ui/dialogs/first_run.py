"""首次运行: create the administrator account, optionally load demo data."""
from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, Problem, RuleViolation
from ...domain.roles import Actor, password_problem
from ..widgets import ErrorForm, run_with_progress

if TYPE_CHECKING:  # pragma: no cover
    from ...services.context import App
    from ..worker import DbWorker

DEMO_MODULE = "eldercare_desktop.services.demo"
DEMO_RESIDENTS = 300


def demo_available() -> bool:
    try:
        return importlib.util.find_spec(DEMO_MODULE) is not None
    except (ImportError, ValueError):
        return False


class FirstRunDialog(QDialog):
    def __init__(self, app: "App", worker: "DbWorker", parent: QWidget | None = None,
                 offer_demo: bool | None = None):
        super().__init__(parent)
        self.app = app
        self.worker = worker
        self.actor: Actor | None = None
        self.busy = False
        self.demo_loaded = False
        self.setWindowTitle(self.tr("首次运行 — 养老机构管理系统"))
        self.setMinimumWidth(520)

        lay = QVBoxLayout(self)
        title = QLabel(self.tr("欢迎使用养老机构管理系统"), self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(title)
        intro = QLabel(self.tr("这是第一次运行。请创建管理员账号：管理员可以填写机构信息、添加房间床位、"
                               "为前台、会计和审计人员开设账号。请牢记密码。"), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)

        f = self.form = ErrorForm(self)
        self.username = QLineEdit("admin", self)
        f.add_row("username", self.tr("用户名"), self.username)
        self.display_name = QLineEdit(self.tr("管理员"), self)
        f.add_row("display_name", self.tr("显示名称"), self.display_name)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少8个字符，同时包含字母和数字"))
        f.add_row("password", self.tr("密码"), self.password)
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        f.add_row("password2", self.tr("再次输入密码"), self.password2)
        lay.addWidget(f)

        self.demo = QCheckBox(self.tr("载入演示数据（一个已有住户、床位和历史记录的示例机构）"), self)
        self.demo_note = QLabel(self.tr("用于熟悉软件。演示数据中的前台、会计、审计账号使用与管理员相同的密码。"
                                        "正式使用请勿勾选。"), self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet("color: #666666; margin-left: 22px;")
        lay.addWidget(self.demo)
        lay.addWidget(self.demo_note)
        show_demo = demo_available() if offer_demo is None else offer_demo
        self.demo.setVisible(show_demo)
        self.demo_note.setVisible(show_demo)

        db = QLabel(self.tr("数据库：%1").replace("%1", str(app.sqlite_path or app.url)), self)
        db.setStyleSheet("color: #888888; font-size: 11px;")
        db.setWordWrap(True)
        db.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(db)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("创建管理员"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.password.setFocus()

    def create(self) -> None:
        if self.busy:
            return
        problems: list[Problem] = []
        pw = self.password.text()
        problem = password_problem(pw)
        if problem:
            problems.append(Problem("password", problem))
        elif pw != self.password2.text():
            problems.append(Problem("password2", self.tr("两次输入的密码不一致")))
        if problems:
            self.form.set_problems(problems)
            return
        self.form.clear_problems()
        from ...services import users

        self.busy = True
        self.ok_button.setEnabled(False)
        self.worker.submit(users.create_first_admin, self.app, self.username.text().strip(), pw,
                           self.display_name.text().strip() or self.tr("管理员"),
                           on_done=self._created, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, RuleViolation):
            self.form.set_problems(exc.problems)
        elif isinstance(exc, DomainError):
            self.form.set_problems([Problem("", exc.message)])
        else:
            self.form.set_problems([Problem("", f"{type(exc).__name__}: {exc}")])

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        if self.demo.isVisible() and self.demo.isChecked():
            self.load_demo()
        else:
            self.busy = False
            self.accept()

    def load_demo(self) -> None:
        password = self.password.text()

        def build(app, progress, abort) -> Any:
            demo = importlib.import_module(DEMO_MODULE)
            return demo.build_demo(app, residents=DEMO_RESIDENTS, password=password, actor=self.actor,
                                   progress=progress, abort=abort)

        def done(_result: Any) -> None:
            self.busy = False
            self.demo_loaded = True
            self.accept()

        def failed(exc: BaseException) -> None:
            self.busy = False
            message = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
            QMessageBox.warning(self, self.tr("演示数据"),
                                self.tr("管理员账号已创建，但演示数据未能载入：%1").replace("%1", message))
            self.accept()

        def cancelled() -> None:
            self.busy = False
            self.accept()  # the admin exists; demo data is optional

        self.progress = run_with_progress(self, self.worker, self.tr("正在生成演示数据…"), build, self.app,
                                          on_done=done, on_error=failed, on_cancelled=cancelled)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
