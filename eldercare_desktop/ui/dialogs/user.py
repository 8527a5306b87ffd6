"""User account dialogs: 新增用户, 修改用户, 重置密码并解锁, 修改我的密码."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from ...domain.errors import AuthError, Problem, RuleViolation
from ...domain.records import Changes, UserInfo
from ...domain.roles import MIN_PASSWORD_LENGTH, Role
from ..i18n import role_name
from ...services import users
from ...viewmodels import users as vm
from ..base import Shell
from ..widgets import ServiceDialog


def change_own_password(ctx, old: str, new: str) -> Changes:
    """Runs on the database thread. The service takes the App and the actor;
    a wrong old password is reported at the 原密码 field."""
    try:
        users.change_own_password(ctx.app, ctx.actor, old, new)
    except AuthError as exc:
        raise RuleViolation(exc.message, "old") from None
    message = QCoreApplication.translate("UserDialogs", "密码已修改")
    return Changes.of("user", ids=(ctx.actor.user_id or 0,), message=message)


def _password_edit() -> QLineEdit:
    w = QLineEdit()
    w.setEchoMode(QLineEdit.EchoMode.Password)
    return w


def _role_combo(current: str = Role.FRONT_DESK.value) -> QComboBox:
    c = QComboBox()
    for role in Role:
        c.addItem(role_name(role), role.value)
    c.setCurrentIndex(max(0, c.findData(current)))
    return c


def _passwords_problems(first: QLineEdit, again: QLineEdit) -> list[Problem]:
    """The two inputs must agree (checked before the service is asked)."""
    if vm.passwords_match(first.text(), again.text()):
        return []
    return [Problem("password2", QCoreApplication.translate("UserDialogs", "两次输入的密码不一致"))]


def _password_hint() -> QLabel:
    text = QCoreApplication.translate("UserDialogs", "至少%1个字符，须同时包含字母和数字")
    hint = QLabel(text.replace("%1", str(MIN_PASSWORD_LENGTH)))
    hint.setStyleSheet("color: #7b8794;")
    return hint


class NewUserDialog(ServiceDialog):
    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, "", parent)
        self.setWindowTitle(self.tr("新增用户"))
        self.setMinimumWidth(400)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("登录用，如 zhangli"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("如 张丽"))
        self.role = _role_combo()
        self.password = _password_edit()
        self.password2 = _password_edit()
        f = self.form
        f.add_row("username", self.tr("用户名"), self.username)
        f.add_row("display_name", self.tr("姓名"), self.display_name)
        f.add_row("role", self.tr("角色"), self.role)
        f.add_row("password", self.tr("密码"), self.password, hint=_password_hint())
        f.add_row("password2", self.tr("再次输入密码"), self.password2)
        self.finish_layout()
        self.username.setFocus()

    def save(self) -> None:
        problems = _passwords_problems(self.password, self.password2)
        if problems:
            self.form.set_problems(problems)
            return
        self.submit(users.create_user, self.username.text().strip(), self.role.currentData(),
                    self.password.text(), self.display_name.text().strip())


class EditUserDialog(ServiceDialog):
    def __init__(self, shell: Shell, user: UserInfo, parent: QWidget | None = None):
        super().__init__(shell, "", parent)
        self.user = user
        self.setWindowTitle(self.tr("修改用户"))
        self.setMinimumWidth(380)
        self.display_name = QLineEdit(user.display_name)
        self.role = _role_combo(user.role)
        self.active = QCheckBox(self.tr("启用（可以登录）"))
        self.active.setChecked(user.active)
        f = self.form
        f.add_row("", self.tr("用户名"), QLabel(user.username))
        f.add_row("display_name", self.tr("姓名"), self.display_name)
        f.add_row("role", self.tr("角色"), self.role)
        f.add_row("active", self.tr("状态"), self.active)
        self.finish_layout()
        self.display_name.setFocus()

    def save(self) -> None:
        self.submit(users.update_user, self.user.id, self.role.currentData(), self.active.isChecked(),
                    self.display_name.text().strip(), expected_version=self.user.version)

    def reload_record(self) -> bool:
        fresh = next((u for u in users.list_users(self.shell.ctx) if u.id == self.user.id), None)
        if fresh is None:
            return False
        self.user = fresh
        self.display_name.setText(fresh.display_name)
        self.role.setCurrentIndex(max(0, self.role.findData(fresh.role)))
        self.active.setChecked(fresh.active)
        return True


class ResetPasswordDialog(ServiceDialog):
    def __init__(self, shell: Shell, user: UserInfo, parent: QWidget | None = None):
        super().__init__(shell, "", parent)
        self.user = user
        self.setWindowTitle(self.tr("重置密码并解锁"))
        self.setMinimumWidth(380)
        who = user.username + ("（" + user.display_name + "）" if user.display_name else "")
        note = QLabel(self.tr("为 %1 设置新密码，并解除登录锁定。请当面告知本人，并请其登录后自行修改。")
                      .replace("%1", who))
        note.setWordWrap(True)
        self.form.add_widget(note)
        self.password = _password_edit()
        self.password2 = _password_edit()
        self.form.add_row("password", self.tr("新密码"), self.password, hint=_password_hint())
        self.form.add_row("password2", self.tr("再次输入"), self.password2)
        self.ok_button.setText(self.tr("重置"))
        self.finish_layout()
        self.password.setFocus()

    def save(self) -> None:
        problems = _passwords_problems(self.password, self.password2)
        if problems:
            self.form.set_problems(problems)
            return
        self.submit(users.reset_password, self.user.id, self.password.text())


class ChangeOwnPasswordDialog(ServiceDialog):
    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, "", parent)
        self.setWindowTitle(self.tr("修改我的密码"))
        self.setMinimumWidth(380)
        actor = shell.ctx.actor
        self.old = _password_edit()
        self.password = _password_edit()
        self.password2 = _password_edit()
        self.form.add_row("", self.tr("用户"), QLabel(actor.username))
        self.form.add_row("old", self.tr("原密码"), self.old)
        self.form.add_row("password", self.tr("新密码"), self.password, hint=_password_hint())
        self.form.add_row("password2", self.tr("再次输入新密码"), self.password2)
        self.finish_layout()
        self.old.setFocus()

    def save(self) -> None:
        problems = _passwords_problems(self.password, self.password2)
        if not self.old.text():
            problems.insert(0, Problem("old", self.tr("请输入原密码")))
        if problems:
            self.form.set_problems(problems)
            return
        self.submit(change_own_password, self.old.text(), self.password.text())
