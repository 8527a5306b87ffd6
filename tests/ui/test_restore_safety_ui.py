"""The window's side of issue 13: a tampered backup offers 仍然恢复 to an
administrator (with a reason), a restore by another instance reloads the
pages with the Chinese message, the daily automatic backup, and the
automatic-backup settings on the 数据 tab."""
import json
import os
import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit, backup, residents, users
from eldercare_desktop.services import backup_schedule as sched
from eldercare_desktop.services.context import App
from tests.conftest import PASSWORD, person
from tests.tampering import edit_audit

SHOTS = os.environ.get("ELDERCARE_SHOTS")


def _tamper(path):
    edit_audit(path, "UPDATE audit_log SET user = 'someone' WHERE seq = 1")


def test_tampered_backup_restore_anyway_with_reason(qtbot, make_window, admin, admitted, tmp_path, db_path, ctx):
    win = make_window(admin)
    target = tmp_path / "b.sqlite3"
    backup.backup(ctx, target)
    _tamper(target)
    win.restore_database(target, confirm=False, on_done=lambda _s: None)
    qtbot.waitUntil(lambda: win.last_error_box is not None and "审计记录校验未通过" in win.last_error_text,
                    timeout=10000)
    box = win.last_error_box
    anyway = [b for b in box.buttons() if b.text() == "仍然恢复…"]
    assert len(anyway) == 1
    if SHOTS:
        box.grab().save(os.path.join(SHOTS, "restore-anyway.png"))
    qtbot.mouseClick(anyway[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(win, "reason_dialog", None) is not None and win.reason_dialog.isVisible(),
                    timeout=5000)
    dlg = win.reason_dialog
    field = dlg.findChild(QLineEdit)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.insert("已核对")  # what an input method commits (QTest types ASCII only)
    ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e.action == "从备份恢复数据库" for e in audit.list_entries(ctx)), timeout=10000)
    con = sqlite3.connect(db_path)
    (after,) = con.execute("SELECT after FROM audit_log WHERE action='从备份恢复数据库'").fetchone()
    con.close()
    assert json.loads(after)["override_reason"] == "已核对"


def test_restore_by_another_instance_reloads_with_message(qtbot, make_window, app, admin, admitted, centre_ready,
                                                          tmp_path, db_path, clock):
    win = make_window(admin)
    page = win.pages["residents"]
    qtbot.waitUntil(lambda: page.lst.total == 1, timeout=10000)
    target = tmp_path / "b.sqlite3"
    other = App.open(str(db_path), today=clock.today, now=clock.now)
    actor = users.login(other, "admin", PASSWORD)
    backup.backup(other.as_user(actor), target)
    residents.register_resident(other.as_user(actor), person("李四", seq=21), clock.day, centre_ready["A101-2"])
    app.session.close()  # as if this window's heartbeat were lost
    backup.restore(other, actor, target)
    other.close()
    win.call(residents.register_resident, person("王五", seq=23), clock.day, centre_ready["A102-1"])
    qtbot.waitUntil(lambda: "数据库已被从备份恢复" in win.last_error_text, timeout=10000)
    qtbot.waitUntil(lambda: page.lst.total == 1, timeout=10000)
    con = sqlite3.connect(db_path)
    names = sorted(r[0] for r in con.execute("SELECT name FROM resident"))
    con.close()
    assert names == ["张三"]


def test_auto_backup_from_the_window(qtbot, make_window, actors, admitted, tmp_path, ctx):
    sched.save_settings(ctx, True, str(tmp_path / "auto"), 14)
    win = make_window(actors[Role.FRONT_DESK])
    got = []
    win.check_auto_backup(on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert got[0] is not None and got[0].parent == tmp_path / "auto" and got[0].exists()
    got.clear()
    win.check_auto_backup(on_done=got.append)  # not due again today
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert got == [None]


def test_data_tab_shows_last_backup_and_saves_auto_settings(qtbot, make_window, admin, admitted, tmp_path, ctx,
                                                            clock):
    import datetime as dt

    backup.backup(ctx, tmp_path / "b.sqlite3")
    clock.time += dt.timedelta(days=3)
    win = make_window(admin)
    settings = win.navigate("settings")
    tab = settings.show_tab("data")
    qtbot.waitUntil(lambda: "2026-11-25 09:30" in tab.last_backup.text(), timeout=10000)
    assert "已超过2天" in tab.last_backup.text()
    assert tab.auto.isChecked() and tab.keep.value() == 14 and tab.folder.text() == ""
    if SHOTS:
        win.resize(1100, 760)
        win.grab().save(os.path.join(SHOTS, "settings-data.png"))
    tab.keep.lineEdit().selectAll()
    qtbot.keyClicks(tab.keep.lineEdit(), "7")
    qtbot.keyClicks(tab.folder, str(tmp_path / "auto"))
    qtbot.mouseClick(tab.auto, Qt.MouseButton.LeftButton, pos=QPoint(6, tab.auto.height() // 2))
    qtbot.mouseClick(tab.save_auto, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sched.get_settings(ctx).keep == 7, timeout=10000)
    conf = sched.get_settings(ctx)
    assert (conf.auto, conf.folder) == (False, str(tmp_path / "auto"))


def test_data_tab_settings_read_only_for_front_desk(qtbot, make_window, actors, admitted):
    win = make_window(actors[Role.FRONT_DESK])
    tab = win.navigate("settings").show_tab("data")
    assert not tab.save_auto.isEnabled() and not tab.keep.isEnabled()
    assert isinstance(QMessageBox, type)
