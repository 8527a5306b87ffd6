"""The application shell: main window, navigation, Shell services, backup and
restore, login and first-run dialogs, the entry point, and the PySide6 pin."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.records import Changes, CentreInfo
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import centre, residents, users
from eldercare_desktop.ui import i18n
from eldercare_desktop.ui.app import parse_args
from eldercare_desktop.ui.base import Page
from eldercare_desktop.ui.dialogs.first_run import FirstRunDialog
from eldercare_desktop.ui.dialogs.login import LoginDialog
from eldercare_desktop.ui.main_window import MainWindow, NoAccessPage
from eldercare_desktop.ui.pages.coming import ComingPage
from eldercare_desktop.ui.worker import DbWorker
from tests.conftest import PASSWORD, person
from tests.ui.conftest import idle

ROOT = Path(__file__).resolve().parents[2]
NAV = ["首页", "住户", "床位", "评估", "合同", "账单与收款", "押金专户", "报表",
       "补贴申报", "审计日志", "设置"]


@pytest.fixture
def worker(qtbot):
    w = DbWorker()
    yield w
    qtbot.waitUntil(lambda: w.pending() == 0, timeout=10000)
    w.stop()


def test_main_window_opens(qtbot, make_window, admin, centre_ready, admitted):
    win = make_window(admin, start=None)
    assert [win.nav.item(i).text() for i in range(win.nav.count())] == NAV
    assert win.windowTitle() == "养老机构管理系统 — 阳光社区养老服务中心"
    assert "管理员" in win.user_label.text() and "admin" in win.user_label.text()
    assert win.centre_label.text() == "阳光社区养老服务中心"
    assert win.current_page() is win.pages["home"]  # the home page opens after login
    assert set(win.pages) == {"home"}  # other pages are built on first navigation
    residents = win.navigate("residents")
    qtbot.waitUntil(lambda: residents.lst.total == 1, timeout=10000)
    # 1280×800 at most, never more than the screen leaves (nor less than the pages need)
    avail = win.screen().availableGeometry()
    assert win.height() <= min(800, avail.height())
    assert win.width() <= max(min(1280, avail.width()), win.minimumSizeHint().width())


def test_every_page_constructs_and_shows(qtbot, make_window, admin, centre_ready, admitted):
    win = make_window(admin)
    for i, label in enumerate(NAV):
        page = win.navigate(i)
        idle(qtbot, win)
        assert isinstance(page, Page), label
        assert page.isVisible(), label
        assert win.nav.currentRow() == i
        assert win.last_error_box is None, (label, win.last_error_text)
    assert set(win.pages) == set(MainWindow.PAGE_KEYS)
    settings = win.pages["settings"]
    for key in settings.TABS:
        tab = settings.show_tab(key)
        idle(qtbot, win)
        assert tab.isVisible(), key
    assert win.last_error_box is None, win.last_error_text


def test_every_navigation_entry_is_a_real_page(qtbot, make_window, admin):
    win = make_window(admin)
    assert not win.PLACEHOLDER_KEYS
    page = win.navigate("subsidies")
    idle(qtbot, win)
    assert not isinstance(page, ComingPage) and type(page).__name__ == "SubsidiesPage"


@pytest.mark.parametrize("key,title,words", [
    ("escrow", "押金专户", "专用银行账户"),
])
def test_placeholder_pages_describe_what_is_coming(qtbot, make_window, admin, key, title, words):
    """The placeholder a page not built yet would show: its title and what it will do."""
    win = make_window(admin)
    page = ComingPage(win, key)
    qtbot.addWidget(page)
    texts = " ".join(lbl.text() for lbl in page.findChildren(QLabel))
    assert title in texts and words in texts and "正在开发中" in texts
    assert 3 <= len(page.bullets) <= 5


def test_assessment_entry_is_a_page_or_placeholder(qtbot, make_window, admin):
    win = make_window(admin)
    page = win.navigate("assessment")
    idle(qtbot, win)
    if isinstance(page, ComingPage):
        assert "GB/T 42195-2022" in " ".join(page.bullets)


def test_keyboard_navigation(qtbot, make_window, admin):
    win = make_window(admin)
    win.activateWindow()
    qtbot.keySequence(win, QKeySequence("Ctrl+4"))
    assert win.nav.currentRow() == 3
    qtbot.keySequence(win, QKeySequence("Ctrl+1"))
    assert win.current_page() is win.pages["home"]
    qtbot.keySequence(win, QKeySequence("Ctrl+2"))
    assert win.current_page() is win.pages["residents"]
    win.navigate("reports")
    qtbot.keySequence(win, QKeySequence(QKeySequence.StandardKey.Find))
    assert win.current_page() is win.pages["residents"]


def test_auditor_write_actions_disabled(qtbot, make_window, actors, centre_ready, admitted):
    win = make_window(actors[Role.AUDITOR])
    assert "审计" in win.user_label.text()
    assert not win.backup_action.isEnabled() and not win.restore_action.isEnabled()
    assert "备份数据库" in win.backup_action.toolTip()
    page = win.pages["residents"]
    assert not any(b.isEnabled() for b in page.buttons.values())
    settings = win.navigate("settings")
    users_tab = settings.show_tab("users")  # only "change my password" for non-admins
    assert not isinstance(users_tab, NoAccessPage) and users_tab.own_password_button.isEnabled()
    data = settings.show_tab("data")
    assert not data.backup_button.isEnabled() and not data.restore_button.isEnabled()
    win.navigate("audit")  # auditors read the audit log
    idle(qtbot, win)
    assert not isinstance(win.pages["audit"], NoAccessPage)
    assert win.last_error_box is None, win.last_error_text


def test_front_desk_has_no_audit_page(qtbot, make_window, actors):
    win = make_window(actors[Role.FRONT_DESK])
    page = win.navigate("audit")
    assert isinstance(page, NoAccessPage)
    assert win.backup_action.isEnabled() and not win.restore_action.isEnabled()


def test_changes_are_broadcast_to_pages(qtbot, make_window, admin, centre_ready):
    win = make_window(admin)
    seen = []
    win.changes_broadcast.connect(seen.append)
    win.call(residents.register_resident, person(), dt.date(2026, 1, 10),
             centre_ready["A101-1"])
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "resident" in seen[0].entities
    page = win.pages["residents"]
    qtbot.waitUntil(lambda: page.lst.total == 1, timeout=10000)
    assert "已登记“张三”入住" in win.statusBar().currentMessage()
    # a centre change renames the window
    win.call(centre.save_centre, CentreInfo("新名字养老院", "", "非营利", "national"))
    qtbot.waitUntil(lambda: win.windowTitle().endswith("新名字养老院"), timeout=10000)


def test_errors_are_shown_in_chinese(qtbot, make_window, admin):
    win = make_window(admin)
    win.show_error(RuleViolation("入住日期晚于今天", "admission_date"))
    assert win.last_error_text == "入住日期晚于今天"
    assert win.last_error_box.isVisible()
    win.last_error_box.close()
    win.call(residents.get_resident, 9999)  # NotFound from the worker
    qtbot.waitUntil(lambda: win.last_error_text == "住户不存在", timeout=10000)
    win.last_error_box.close()


def test_run_long_shows_progress_and_delivers(qtbot, make_window, admin):
    win = make_window(admin)
    got = []

    def job(ctx, n, *, progress, abort):
        for i in range(n):
            progress(i / n, f"第{i}步")
        return Changes.of("resident", message="完成")

    win.run_long("测试", job, 5, on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert got[0].message == "完成"
    assert win.statusBar().currentMessage() == "完成"


def test_backup_and_restore(qtbot, make_window, admin, centre_ready, admitted, tmp_path, ctx):
    win = make_window(admin)
    page = win.pages["residents"]
    qtbot.waitUntil(lambda: page.lst.total == 1, timeout=10000)
    target = tmp_path / "backup.sqlite3"
    shas = []
    win.backup_database(target, on_done=shas.append)
    qtbot.waitUntil(lambda: bool(shas), timeout=10000)
    assert target.exists() and len(shas[0]) == 64
    win.call(residents.register_resident, person("李四", seq=21), dt.date(2026, 1, 10),
             centre_ready["A101-2"])
    qtbot.waitUntil(lambda: page.lst.total == 2, timeout=10000)
    win.navigate("settings")  # a hidden page must reload when shown again
    safety = []
    win.restore_database(target, confirm=False, on_done=safety.append)
    qtbot.waitUntil(lambda: bool(safety), timeout=10000)
    assert safety[0].exists()
    win.navigate("residents")
    qtbot.waitUntil(lambda: page.lst.total == 1, timeout=10000)
    assert "安全副本" in win.statusBar().currentMessage()


def test_login_dialog(qtbot, app, admin, worker):
    dlg = LoginDialog(app, worker, "admin")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.password.hasFocus() or dlg.focusWidget() is dlg.password
    dlg.password.setText("wrong-password1")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert dlg.error.isVisible() and "用户名或密码错误" in dlg.error.text() and "再错4次" in dlg.error.text()
    assert dlg.result() == 0
    dlg.password.setText(PASSWORD)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.actor is not None, timeout=10000)
    assert dlg.actor.username == "admin" and dlg.result() == 1


def test_login_lockout_message(qtbot, app, admin, worker):
    dlg = LoginDialog(app, worker, "admin")
    qtbot.addWidget(dlg)
    for _ in range(5):
        dlg.password.setText("wrong-password1")
        dlg.try_login()
        qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "锁定" in dlg.error.text()
    dlg.password.setText(PASSWORD)
    dlg.try_login()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "账号已锁定" in dlg.error.text() and dlg.actor is None


def test_first_run_dialog(qtbot, app, worker):
    assert users.needs_first_run(app)
    dlg = FirstRunDialog(app, worker, offer_demo=False)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.demo.isVisible()
    assert dlg.username.text() == "admin"
    dlg.password.setText("short")
    dlg.ok_button.click()
    assert "至少需要8个字符" in dlg.form.error_for("password").text()
    dlg.password.setText("abcd1234")
    dlg.password2.setText("abcd12345")
    dlg.ok_button.click()
    assert "不一致" in dlg.form.error_for("password2").text()
    dlg.username.setText("x")
    dlg.password2.setText("abcd1234")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "用户名" in dlg.form.error_for("username").text()
    dlg.username.setText("boss")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.actor is not None, timeout=10000)
    assert dlg.result() == 1 and not users.needs_first_run(app)
    assert users.login(app, "boss", "abcd1234").role == Role.ADMIN


def test_first_run_with_demo_data(qtbot, app, worker, monkeypatch):
    from eldercare_desktop.ui.dialogs import first_run

    if not first_run.demo_available():
        pytest.skip("services.demo is not installed")
    monkeypatch.setattr(first_run, "DEMO_RESIDENTS", 8)
    dlg = FirstRunDialog(app, worker)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.demo.isVisible()
    dlg.password.setText("abcd1234")
    dlg.password2.setText("abcd1234")
    dlg.demo.setChecked(True)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result() == 1, timeout=60000)
    assert dlg.demo_loaded
    admin = users.login(app, "admin", "abcd1234")
    assert len(residents.list_residents(app.as_user(admin))) == 8


def test_language_setting(qtbot, make_window, admin):
    assert i18n.saved_language() == "zh_CN"
    win = make_window(admin)
    tab = win.navigate("settings").show_tab("general")
    tab.language.setCurrentIndex(tab.language.findData("en"))
    tab.save()
    assert i18n.saved_language() == "en"
    assert "下次启动" in tab.note.text()
    i18n.save_language("zh_CN")


def test_parse_args():
    a = parse_args(["--database", "/tmp/x.sqlite3", "--lang", "en", "-platform", "offscreen"])
    assert a.database == "/tmp/x.sqlite3" and a.lang == "en"
    assert parse_args([]).lang is None


def test_entry_point_autologin_bench(app, admin, db_path, tmp_path):
    """``python -m eldercare_desktop`` opens, logs in, shows the window and
    prints the start-up time (the benchmark hook)."""
    app.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ELDERCARE_AUTOLOGIN": f"admin:{PASSWORD}",
           "ELDERCARE_BENCH_EXIT": "1", "XDG_CONFIG_HOME": str(tmp_path)}
    env.pop("ELDERCARE_DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-m", "eldercare_desktop", "--database", str(db_path)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = dict(x.split(" ", 1) for x in out.stdout.splitlines() if " " in x)
    assert 0 < float(lines["window"]) <= float(lines["shown"]) < 30
    # login runs on Core; the ORM imports on the database thread once the
    # window is up, never on the GUI thread (start-up budget)
    assert lines["orm-on-gui-thread"] == "0"
    assert lines["gc-enabled"] == "1"  # switched off for start-up only


def test_entry_point_bad_autologin_fails_in_bench_mode(app, admin, db_path, tmp_path):
    app.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ELDERCARE_AUTOLOGIN": "admin:nope-nope1",
           "ELDERCARE_BENCH_EXIT": "1", "XDG_CONFIG_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "eldercare_desktop", "--database", str(db_path)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "用户名或密码错误" in out.stderr


# -- PySide6 pin (ARCHITECTURE.md, known pitfalls) ------------------------------

def test_pyside6_version_is_pinned_below_6_12():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), PySide6.__version__
    assert PySide6.__version__ < "6.12"


class _Tiny(QAbstractTableModel):
    def __init__(self):
        super().__init__()
        self.rows = [1, 2, 3]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()] if role == Qt.ItemDataRole.DisplayRole else None


class _Emitter(QObject):
    fired = Signal(int)
    flag = Signal(bool)


def test_resets_and_signals_10000_times_without_crashing(qtbot):
    """6.12.0 dropped a reference to None/True/False per reset/emit and
    aborted after about a thousand; this must survive 10,000 of each."""
    model = _Tiny()
    emitter = _Emitter()
    got = []
    emitter.fired.connect(got.append)
    emitter.flag.connect(lambda b: None)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(10_000):
        model.beginResetModel()
        model.rows = [i, i + 1]
        model.endResetModel()
        model.beginInsertRows(QModelIndex(), 2, 2)
        model.rows.append(i + 2)
        model.endInsertRows()
        emitter.fired.emit(i)
        emitter.flag.emit(i % 2 == 0)
    assert len(got) == 10_000 and model.rowCount() == 3
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] > before[0] - 1000 and after[1] > before[1] - 1000  # no steady leak of references


def test_bed_map_opens_the_resident(qtbot, make_window, actors, centre_ready, admitted):
    win = make_window(actors[Role.FRONT_DESK])
    beds = win.navigate("beds")
    idle(qtbot, win)
    beds.open_resident.emit(admitted)
    idle(qtbot, win)
    page = win.current_page()
    assert page is win.pages["residents"]
    qtbot.waitUntil(lambda: page.selected_id() == admitted)
