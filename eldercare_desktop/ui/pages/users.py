"""用户 page: accounts, roles, lockouts; 修改我的密码 for everyone."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.records import UserInfo
from ...domain.roles import Perm
from ...services import users
from ...viewmodels import users as vm
from ..base import Page, Shell
from ..i18n import perm_name, role_name
from ..widgets import page_title
from ..tablemodel import SnapshotModel, make_table
from ..dialogs.user import ChangeOwnPasswordDialog, EditUserDialog, NewUserDialog, ResetPasswordDialog


class UsersModel(SnapshotModel):
    """Snapshot of UserInfo rows (sorted by the viewmodel)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.now = dt.datetime.now()

    def header_texts(self) -> list[str]:
        return [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"), self.tr("锁定至"),
                self.tr("最后登录")]

    def set_users(self, rows: list[UserInfo], now: dt.datetime) -> None:
        self.beginResetModel()
        self.rows = vm.sort_users(rows)
        self.now = now
        self.endResetModel()

    def user(self, row: int) -> UserInfo:
        return self.rows[row]

    def row_of(self, user_id: int) -> int:
        return next((i for i, u in enumerate(self.rows) if u.id == user_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        u = self.rows[index.row()]
        col = vm.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = vm.cell(u, col, self.now)
            if col == "active":
                return self.tr("启用") if value else self.tr("停用")
            if col == "role":
                return role_name(u.role)
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "locked_until" and vm.is_locked(u, self.now):
                return QColor("#c62828")
            if col == "active":
                return QColor("#2e7d32") if u.active else QColor("#9e9e9e")
            if not u.active:
                return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.ToolTipRole and col == "locked_until" and vm.is_locked(u, self.now):
            return self.tr("登录失败次数过多被锁定；可用“重置密码并解锁”解除")
        return None


def load_users(ctx) -> list[UserInfo]:
    return users.list_users(ctx)


class UsersPage(Page):
    watches = frozenset({"user"})

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.is_admin = shell.ctx.actor.can(Perm.USER_ADMIN)
        self.can_see = shell.ctx.actor.can(Perm.AUDIT_READ)  # auditors review who holds which role
        self.dialog = None
        self._select_id: int | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(10)
        head = QHBoxLayout()
        title = page_title(self.tr("用户"))
        head.addWidget(title)
        actor = shell.ctx.actor
        me = QLabel(self.tr("当前登录：%1（%2）").replace("%1", actor.display_name or actor.username)
                    .replace("%2", role_name(actor.role)))
        me.setStyleSheet("color: #7b8794;")
        head.addWidget(me)
        head.addStretch(1)
        self.own_password_button = QPushButton(self.tr("修改我的密码…"))
        self.own_password_button.clicked.connect(self.change_own_password)
        head.addWidget(self.own_password_button)
        outer.addLayout(head)

        self.new_button = QPushButton(self.tr("新增用户…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.reset_button = QPushButton(self.tr("重置密码并解锁…"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.model = UsersModel(self)
        self.table = make_table(self.model)

        if not self.can_see:
            note = QLabel(self.tr("用户账号由管理员管理。您的角色（%1）没有“%2”的权限，因此看不到用户列表。\n您可以随时修改自己的登录密码。")
                          .replace("%1", role_name(actor.role)).replace("%2", perm_name(Perm.AUDIT_READ)))
            note.setWordWrap(True)
            note.setObjectName("usersNote")
            note.setStyleSheet("#usersNote { background: white; border: 1px solid #d6dce4; border-radius: 8px;"
                               " padding: 16px; color: #52606d; }")
            self.note = note
            outer.addWidget(note)
            outer.addStretch(1)
            self.table.setVisible(False)
            return

        bar = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.reset_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.count = QLabel("")
        self.count.setStyleSheet("color: #7b8794;")
        bar.addWidget(self.count)
        bar.addWidget(self.refresh_button)
        outer.addLayout(bar)

        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.table.activated.connect(lambda _i: self.edit_user())
        outer.addWidget(self.table, 1)
        hint = QLabel(self.tr("角色：管理员可做一切；前台登记和管理住户；会计负责收费记账，可查看审计日志；审计只能查看和导出。连续输错密码5次将锁定15分钟。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #7b8794;")
        outer.addWidget(hint)

        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self._update_actions()

    # -- data ------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.can_see:
            return
        self.shell.call(load_users, on_done=self._on_loaded)

    def _on_loaded(self, rows: list[UserInfo]) -> None:
        current = self.selected()
        keep = self._select_id or (current.id if current else None)
        self._select_id = None
        self.model.set_users(rows, self.shell.ctx.now())
        self.count.setText(self.tr("共 %1 个账号，%2 个启用").replace("%1", str(len(rows)))
                           .replace("%2", str(sum(1 for u in rows if u.active))))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_actions()

    def selected(self) -> UserInfo | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.user(idx.row())

    def select_user(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.user(row).username == username:
                self.table.selectRow(row)
                return

    def _update_actions(self) -> None:
        if not self.is_admin:  # auditors and accountants only review the list
            from ..i18n import no_permission

            for b in (self.new_button, self.edit_button, self.reset_button):
                b.setEnabled(False)
                b.setToolTip(no_permission(self.shell.ctx.actor, Perm.USER_ADMIN))
            return
        has = self.selected() is not None
        why = "" if has else self.tr("先在列表中选择一个用户")
        for b in (self.edit_button, self.reset_button):
            b.setEnabled(has)
            b.setToolTip(why)

    # -- actions -----------------------------------------------------------------------
    def _open(self, dlg):
        self.dialog = dlg
        dlg.open()
        return dlg

    def new_user(self) -> NewUserDialog:
        dlg = NewUserDialog(self.shell, self)
        dlg.accepted.connect(lambda: self._remember_new(dlg))
        return self._open(dlg)

    def _remember_new(self, dlg: NewUserDialog) -> None:
        ch = dlg.result_value
        if ch is not None and ch.ids:
            self._select_id = ch.ids[0]

    def edit_user(self) -> EditUserDialog | None:
        u = self.selected()
        return self._open(EditUserDialog(self.shell, u, self)) if u else None

    def reset_password(self) -> ResetPasswordDialog | None:
        u = self.selected()
        return self._open(ResetPasswordDialog(self.shell, u, self)) if u else None

    def change_own_password(self) -> ChangeOwnPasswordDialog:
        return self._open(ChangeOwnPasswordDialog(self.shell, self))
