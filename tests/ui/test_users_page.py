"""The users page and its dialogs."""
from __future__ import annotations

import datetime as dt

import pytest

from eldercare_desktop.domain.errors import AuthError
from eldercare_desktop.domain.records import UserInfo
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import users
from eldercare_desktop.ui.pages.users import UsersModel, UsersPage
from tests.conftest import PASSWORD
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)


def open_page(qtbot, shell) -> UsersPage:
    page = shell.add(UsersPage(shell))
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


def cells(model, row):
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_model(qtmodeltester):
    now = dt.datetime(2026, 11, 25, 9, 30)
    m = UsersModel()
    m.set_users([
        UserInfo(1, "admin", "管理员", "admin", True, None, now),
        UserInfo(2, "qiantai", "前台小王", "front_desk", True, now + dt.timedelta(minutes=5), None),
        UserInfo(3, "old", "离职", "auditor", False, now - dt.timedelta(days=1), None),
    ], now)
    qtmodeltester.check(m)
    assert cells(m, 0) == ["admin", "管理员", "管理员", "启用", "", "2026-11-25 09:30"]
    assert cells(m, 1)[4] == "2026-11-25 09:35"  # still locked
    assert cells(m, 2)[3:5] == ["停用", ""]  # an expired lock is not shown; inactive sorts last


def test_admin_sees_users_and_creates_one(qtbot, make_shell, actors):
    shell = make_shell(actors[Role.ADMIN])
    page = open_page(qtbot, shell)
    assert page.model.rowCount() == 4
    names = {page.model.user(r).username for r in range(4)}
    assert names == {"admin", "qiantai", "kuaiji", "shenji"}
    assert not page.edit_button.isEnabled()

    dlg = page.new_user()
    qtbot.addWidget(dlg)
    dlg.username.setText("zhangli")
    dlg.display_name.setText("张丽")
    dlg.role.setCurrentIndex(dlg.role.findData("accountant"))
    dlg.password.setText("abc12345")
    dlg.password2.setText("abc12346")
    dlg.ok_button.click()  # passwords differ: caught before the service
    assert "不一致" in dlg.form.error_for("password2").text()
    assert dlg.isVisible()
    dlg.password2.setText("abc12345")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10000)
    qtbot.waitUntil(shell.idle)
    assert not dlg.isVisible()
    assert page.selected().username == "zhangli"
    assert users.login(shell.app, "zhangli", "abc12345").role is Role.ACCOUNTANT
    row = page.model.row_of(page.selected().id)
    assert cells(page.model, row)[:4] == ["zhangli", "张丽", "会计", "启用"]


def test_new_user_service_problems_inline(qtbot, make_shell, actors):
    page = open_page(qtbot, make_shell(actors[Role.ADMIN]))
    dlg = page.new_user()
    qtbot.addWidget(dlg)
    dlg.username.setText("qiantai")
    dlg.password.setText("short")
    dlg.password2.setText("short")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: bool(dlg.form.error_for("password").text()), timeout=10000)
    assert "至少" in dlg.form.error_for("password").text()
    dlg.password.setText("long1234")
    dlg.password2.setText("long1234")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: "已存在" in dlg.form.error_for("username").text(), timeout=10000)


def test_edit_and_reset(qtbot, make_shell, app, actors, clock):
    shell = make_shell(actors[Role.ADMIN])
    # lock qiantai out
    for _ in range(5):
        with pytest.raises(AuthError):
            users.login(app, "qiantai", "wrong-pass1")
    page = open_page(qtbot, shell)
    page.select_user("qiantai")
    row = page.model.row_of(page.selected().id)
    assert cells(page.model, row)[4] != ""  # 锁定至 shown

    dlg = page.edit_user()
    qtbot.addWidget(dlg)
    dlg.display_name.setText("前台王姐")
    dlg.active.setChecked(False)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not page.model.user(page.model.row_of(actors[Role.FRONT_DESK].user_id)).active,
                    timeout=10000)
    u = page.model.user(page.model.row_of(actors[Role.FRONT_DESK].user_id))
    assert u.display_name == "前台王姐"

    page.select_user("qiantai")
    dlg = page.reset_password()
    qtbot.addWidget(dlg)
    dlg.password.setText("new12345")
    dlg.password2.setText("new12345")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: page.model.user(page.model.row_of(u.id)).locked_until is None, timeout=10000)
    assert cells(page.model, page.model.row_of(u.id))[4] == ""

    # the last admin cannot demote themselves: the service's message shows in the dialog
    page.select_user("admin")
    dlg = page.edit_user()
    qtbot.addWidget(dlg)
    dlg.role.setCurrentIndex(dlg.role.findData("auditor"))
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: bool(dlg.form.general.text()), timeout=10000)
    assert "不能" in dlg.form.general.text()


def test_front_desk_sees_only_change_my_password(qtbot, make_shell, app, actors):
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    assert page.note.isVisible() and "管理员" in page.note.text()
    assert not page.table.isVisible()
    assert page.model.rowCount() == 0
    assert shell.errors == []  # list_users was never asked for
    assert page.own_password_button.isEnabled()

    dlg = page.change_own_password()
    qtbot.addWidget(dlg)
    dlg.old.setText("not-the-password1")
    dlg.password.setText("newpass123")
    dlg.password2.setText("newpass123")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: bool(dlg.form.error_for("old").text()), timeout=10000)
    assert dlg.form.error_for("old").text() == "原密码不正确"
    dlg.old.setText(PASSWORD)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)
    assert "密码已修改" in shell.messages
    assert users.login(app, "qiantai", "newpass123").username == "qiantai"
