"""Issue 12: the window fits the screen and remembers its place; one app
name in the title; 切换用户 / 注销 without restarting; the idle lock and its
setting; 帮助 → 使用指南."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.ui import i18n
from eldercare_desktop.ui.app import configure_application, next_actor
from eldercare_desktop.ui.dialogs import login as login_module
from eldercare_desktop.ui.dialogs.help import HelpDialog, guide_path
from eldercare_desktop.ui.dialogs.lock import IDLE_KEY, LockDialog, idle_lock_minutes, save_idle_lock_minutes
from eldercare_desktop.ui.main_window import (
    DEFAULT_SIZE,
    FRAME_ALLOWANCE,
    GEOMETRY_KEY,
    MAXIMIZED_KEY,
    MainWindow,
    fit_geometry,
)
from eldercare_desktop.ui.worker import DbWorker
from tests.conftest import PASSWORD
from tests.ui.conftest import idle

FRONT_DESK_SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar


@pytest.fixture(autouse=True)
def _clean_settings():
    s = i18n.settings()
    for key in (GEOMETRY_KEY, MAXIMIZED_KEY, IDLE_KEY):
        s.remove(key)
    yield
    for key in (GEOMETRY_KEY, MAXIMIZED_KEY, IDLE_KEY):
        s.remove(key)
    s.sync()


@pytest.fixture
def worker(qtbot):
    w = DbWorker()
    yield w
    qtbot.waitUntil(lambda: w.pending() == 0, timeout=10000)
    w.stop()


@pytest.fixture
def shared_window(app, qtbot, worker):
    """``make(actor)``: a MainWindow on a shared database thread, as the entry point builds it."""
    made = []

    def make(actor):
        win = MainWindow(app, actor, worker)
        made.append(win)
        qtbot.addWidget(win)
        win.show()
        idle(qtbot, win)
        return win

    yield make
    for win in made:
        if not win._closed:
            idle(qtbot, win)
            win.close()


def front_desk_screen(monkeypatch):
    monkeypatch.setattr(MainWindow, "_available", lambda self, rect=None: QRect(FRONT_DESK_SCREEN))


# -- defect 8: size, position, title -----------------------------------------------

def test_fit_geometry_shrinks_to_the_available_area():
    r = fit_geometry(FRONT_DESK_SCREEN)
    assert r.width() <= DEFAULT_SIZE.width() and r.height() <= DEFAULT_SIZE.height()
    assert FRONT_DESK_SCREEN.contains(r.marginsAdded(FRAME_ALLOWANCE))  # title bar included
    assert r.height() == 728 - FRAME_ALLOWANCE.top() - FRAME_ALLOWANCE.bottom()
    # a large screen: the default size, centred
    big = QRect(0, 0, 1920, 1040)
    r = fit_geometry(big)
    assert (r.width(), r.height()) == (1280, 800) and abs(r.center().x() - big.center().x()) <= 1
    # a second screen to the right
    right = QRect(1920, 0, 1366, 728)
    assert right.contains(fit_geometry(right).marginsAdded(FRAME_ALLOWANCE))


def test_fit_geometry_restores_only_what_fits():
    saved = QRect(100, 80, 1000, 600)
    assert fit_geometry(FRONT_DESK_SCREEN, saved) == saved
    too_big = QRect(0, 40, 1900, 1000)  # saved on a large monitor
    assert fit_geometry(FRONT_DESK_SCREEN, too_big) == fit_geometry(FRONT_DESK_SCREEN)
    off = QRect(1500, 100, 800, 600)  # on a screen that is gone
    assert fit_geometry(FRONT_DESK_SCREEN, off) == fit_geometry(FRONT_DESK_SCREEN)


def test_window_fits_a_1366x768_screen_and_remembers_its_place(qtbot, make_window, admin, monkeypatch):
    front_desk_screen(monkeypatch)
    win = make_window(admin)
    assert FRONT_DESK_SCREEN.contains(win.frameGeometry())  # title bar and borders included
    assert win.width() <= DEFAULT_SIZE.width() and win.height() <= 728 - FRAME_ALLOWANCE.top()
    win.setGeometry(QRect(40, 60, 1100, 620))
    idle(qtbot, win)
    win.close()
    assert i18n.settings().value(GEOMETRY_KEY) == QRect(40, 60, 1100, 620)
    again = make_window(admin)
    assert again.geometry() == QRect(40, 60, 1100, 620)


def test_saved_geometry_that_does_not_fit_is_not_restored(qtbot, make_window, admin, monkeypatch):
    front_desk_screen(monkeypatch)
    s = i18n.settings()
    s.setValue(GEOMETRY_KEY, QRect(0, 30, 1900, 1000))
    s.setValue(MAXIMIZED_KEY, False)
    win = make_window(admin)
    assert FRONT_DESK_SCREEN.contains(win.frameGeometry())
    assert win.height() <= 728 - FRAME_ALLOWANCE.top()


def test_the_window_title_names_the_app_once(qtbot, make_window, admin, centre_ready):
    qapp = QApplication.instance()
    configure_application(qapp)
    assert qapp.organizationName() == i18n.ORG and qapp.applicationName() == i18n.APP
    # Qt appends the display name to titles that do not end with it: never set it
    assert "养老机构管理系统" not in QGuiApplication.applicationDisplayName()
    win = make_window(admin)
    qtbot.waitUntil(lambda: "阳光社区养老服务中心" in win.windowTitle(), timeout=10000)
    assert win.windowTitle().count("养老机构管理系统") == 1


# -- behaviour 7: 注销 / 切换用户 -----------------------------------------------------

def test_menus_offer_switch_user_logout_lock_and_guide(qtbot, make_window, admin):
    win = make_window(admin)
    texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
    assert {"切换用户…", "注销", "锁定"} <= set(texts)
    help_texts = [a.text() for a in win.menuBar().actions()[-1].menu().actions()]
    assert "使用指南" in help_texts
    assert win.lock_action.shortcut().toString() == "Ctrl+L"


def test_log_out_closes_pages_and_drains_the_database_thread(qtbot, app, shared_window, worker, admin,
                                                             actors, monkeypatch):
    win = shared_window(admin)
    win.navigate("settings")
    idle(qtbot, win)
    late = []
    win.call(lambda ctx: time.sleep(0.3) or "done", on_done=late.append)
    assert worker.pending() > 0
    win.log_out()
    assert win.session_end == ("logout", None)
    assert not win.isVisible() and win._closed
    assert worker.pending() == 0  # drained before the pages went away
    assert late == []  # the closed window's callbacks do not run
    assert win.pages == {}
    assert worker.error_hook is None
    assert not win._filtering  # the application-wide input filter is gone

    # the entry point: the login dialog again; another user logs in on the same thread
    front_desk = actors[Role.FRONT_DESK]

    def fake_exec(dlg):
        dlg.username.setText("qiantai")
        dlg.password.setText(PASSWORD)
        dlg.try_login()
        qtbot.waitUntil(lambda: dlg.actor is not None, timeout=10000)
        return dlg.result()

    monkeypatch.setattr(login_module.LoginDialog, "exec", fake_exec)
    nxt = next_actor(app, worker, win)
    assert nxt.username == "qiantai" and nxt.user_id == front_desk.user_id
    win2 = shared_window(nxt)
    assert "qiantai" in win2.user_label.text() and "前台" in win2.user_label.text()
    assert win2.current_page() is win2.pages["home"]  # the new user starts on the home page
    assert win2.last_error_box is None
    # 退出 in the login dialog after 注销 quits
    monkeypatch.setattr(login_module.LoginDialog, "exec", lambda dlg: 0)
    win2.log_out()
    assert next_actor(app, worker, win2) is None


def test_closing_the_window_quits(qtbot, app, shared_window, worker, admin):
    win = shared_window(admin)
    win.close()
    assert win.session_end is None and next_actor(app, worker, win) is None


def test_switch_user(qtbot, app, shared_window, worker, admin, actors):
    win = shared_window(admin)
    dlg = win.switch_user()
    assert dlg.isVisible() and dlg.switching
    assert dlg.buttons.button(dlg.buttons.StandardButton.Cancel).text() == "取消"
    dlg.reject()  # 取消: the current user carries on
    assert win.isVisible() and win.session_end is None and win.login_dialog is None

    dlg = win.switch_user()
    dlg.username.setText("kuaiji")
    dlg.password.setText("wrong-password1")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "用户名或密码错误" in dlg.error.text() and win.isVisible()
    dlg.password.setText(PASSWORD)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: win.session_end is not None, timeout=10000)
    kind, actor = win.session_end
    assert kind == "switch" and actor.username == "kuaiji"
    assert not win.isVisible()
    assert next_actor(app, worker, win).username == "kuaiji"  # no second login


def test_switch_to_the_same_user_keeps_the_session(qtbot, shared_window, admin):
    win = shared_window(admin)
    dlg = win.switch_user()
    dlg.username.setText("admin")
    dlg.password.setText(PASSWORD)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: win.login_dialog is None, timeout=10000)
    assert win.isVisible() and win.session_end is None


# -- behaviour 7: the idle lock --------------------------------------------------

def test_idle_lock_setting_defaults_and_bounds():
    assert idle_lock_minutes() == 15
    save_idle_lock_minutes(0)
    assert idle_lock_minutes() == 0
    save_idle_lock_minutes(30)
    assert idle_lock_minutes() == 30
    with pytest.raises(ValueError):
        save_idle_lock_minutes(-1)
    i18n.settings().setValue(IDLE_KEY, "junk")
    assert idle_lock_minutes() == 15


def test_idle_window_locks_and_the_same_user_unlocks(qtbot, shared_window, admin):
    win = shared_window(admin)
    win.apply_idle_lock(1)
    assert win._filtering and win._idle_timer.isActive()
    qtbot.keyClick(win.nav, Qt.Key.Key_Down)  # input counts as activity
    assert win.idle_seconds() < 5
    win.check_idle()
    assert not win.locked
    win._activity.last -= 61
    win.check_idle()
    assert win.locked
    dlg = win.lock_dialog
    assert isinstance(dlg, LockDialog) and dlg.isVisible()
    assert win.screens.currentWidget() is win.cover  # the pages are covered
    assert not win.menuBar().isEnabled()
    assert "admin" in dlg.info.text() and "无人操作" in dlg.info.text()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # Escape does not unlock
    dlg.close()
    assert dlg.isVisible() and win.locked
    dlg.password.setText("wrong-password1")
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert win.locked and "用户名或密码错误" in dlg.error.text()
    dlg.password.setText(PASSWORD)
    dlg.unlock_button.click()
    qtbot.waitUntil(lambda: not win.locked, timeout=10000)
    assert win.screens.currentIndex() == 0 and win.menuBar().isEnabled()
    assert win.current_page().isVisible()


def test_lock_offers_switch_user(qtbot, shared_window, admin):
    win = shared_window(admin)
    win.lock_action.trigger()  # 文件 → 锁定 (Ctrl+L)
    dlg = win.lock_dialog
    assert dlg.isVisible() and "页面内容已隐藏" in dlg.info.text()
    dlg.switch_button.click()
    assert win.session_end == ("logout", None) and not win.isVisible()


def test_idle_lock_off(qtbot, shared_window, admin):
    save_idle_lock_minutes(0)
    win = shared_window(admin)
    assert win.idle_minutes == 0 and not win._filtering and not win._idle_timer.isActive()
    win._activity.last -= 10_000
    win.check_idle()
    assert not win.locked


def test_admin_sets_the_idle_lock_on_the_settings_page(qtbot, make_window, admin):
    win = make_window(admin)
    tab = win.navigate("settings").show_tab("general")
    assert tab.idle_minutes.isEnabled() and tab.idle_minutes.value() == 15
    tab.idle_minutes.setValue(5)
    tab.save()
    assert idle_lock_minutes() == 5 and win.idle_minutes == 5
    assert "5 分钟" in tab.saved_label.text()
    tab.idle_minutes.setValue(0)
    assert tab.idle_minutes.text() == "不自动锁定"
    tab.save()
    assert idle_lock_minutes() == 0 and win.idle_minutes == 0 and not win._filtering


def test_only_an_admin_changes_the_idle_lock(qtbot, make_window, actors):
    win = make_window(actors[Role.FRONT_DESK])
    tab = win.navigate("settings").show_tab("general")
    assert not tab.idle_minutes.isEnabled() and "修改设置" in tab.idle_minutes.toolTip()
    tab.idle_minutes.setValue(0)  # even if the value changed somehow
    tab.save()
    assert idle_lock_minutes() == 15


# -- behaviour 7: 帮助 → 使用指南 ----------------------------------------------------------

def test_the_guide_ships_in_chinese_and_covers_every_role_and_page():
    path = guide_path()
    assert path.name == "用户指南.md" and path.exists()
    text = path.read_text(encoding="utf-8")
    for words in ("管理员", "前台", "会计", "审计", "住户", "床位", "评估", "合同", "账单", "押金专户", "报表",
                  "补贴申报", "审计日志", "备份", "恢复", "切换用户", "注销", "自动锁定"):
        assert words in text, words


def test_help_menu_opens_the_guide(qtbot, make_window, admin):
    win = make_window(admin)
    win.guide_action.trigger()
    dlg = win.help_dialog
    assert isinstance(dlg, HelpDialog) and dlg.isVisible() and not dlg.isModal()
    assert "使用指南" in dlg.text() and "登记入住" in dlg.text()
    assert "##" not in dlg.text()  # rendered as Markdown, not shown raw
    assert dlg.browser.document().toMarkdown().count("|") > 10  # the roles table
    assert win.show_guide() is dlg  # one viewer, raised again
    avail = dlg.screen().availableGeometry()
    assert dlg.width() <= avail.width() and dlg.height() <= avail.height()
