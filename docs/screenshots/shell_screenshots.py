"""Screenshots of the application shell, the residents page and its dialogs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/shell_screenshots.py [DEMO_DB]

DEMO_DB: a database made by ``eldercare demo-data`` (password demo1234); it is
copied, never changed. Without it a demo database is built in a temp folder.
Writes residents.png, residents_filtered.png, resident_dialog.png,
resident_dialog_problems.png, resident_dialog_edit.png, login.png,
login_error.png and first_run.png next to this script."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent
PASSWORD = "demo1234"


def wait(qapp, cond, timeout=20.0):
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError
        qapp.processEvents()
        time.sleep(0.005)
    for _ in range(5):
        qapp.processEvents()


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp))
    qapp = QApplication.instance() or QApplication([])
    from eldercare_desktop.ui import fonts, i18n

    fonts.install(qapp)
    i18n.install(qapp, "zh_CN")

    from eldercare_desktop.services import residents, users
    from eldercare_desktop.services.context import App
    from eldercare_desktop.ui.dialogs.first_run import FirstRunDialog
    from eldercare_desktop.ui.dialogs.login import LoginDialog
    from eldercare_desktop.ui.main_window import MainWindow
    from eldercare_desktop.ui.worker import DbWorker

    db = tmp / "demo.sqlite3"
    if len(sys.argv) > 1:
        shutil.copyfile(sys.argv[1], db)
        app = App.open(str(db))
    else:
        from eldercare_desktop.services.demo import build_demo

        app = App.open(str(db))
        build_demo(app, residents=300, password=PASSWORD)
    actor = users.login(app, "admin", PASSWORD)

    # residents page with a resident who has history and an agent
    win = MainWindow(app, actor)
    win.resize(1280, 800)
    win.show()
    page = win.pages["residents"]
    wait(qapp, lambda: page.lst.total > 0 and win.worker.pending() == 0)
    ctx = app.as_user(actor)
    best = None
    for r in page.lst.visible:
        if r.status != "在住":
            continue
        d = residents.get_resident(ctx, r.id)
        score = len(d.stays) * 3 + len(d.beds) + len(d.leaves) * 2 + (2 if d.agent else 0)
        if best is None or score > best[0]:
            best = (score, r.id)
        if score >= 12:
            break
    page.select_resident(best[1])
    wait(qapp, lambda: page.detail is not None and page.detail.id == best[1] and win.worker.pending() == 0)
    win.grab().save(str(OUT / "residents.png"))

    page.search.setText("zh")
    wait(qapp, lambda: win.worker.pending() == 0)
    win.grab().save(str(OUT / "residents_filtered.png"))
    page.search.clear()

    # the register dialog with a bad ID number typed in
    dlg = page.open_dialog("register")
    dlg.name.setText("刘秀英")
    dlg.id_number.setText("500112194003050130")
    dlg.phone.setText("13800001234")
    dlg.contacts.add_contact("王建国", "儿子", "13912345678", True)
    dlg.categories["低保"].setChecked(True)
    dlg.show()
    wait(qapp, lambda: win.worker.pending() == 0)
    dlg.adjustSize()
    wait(qapp, lambda: True)
    dlg.grab().save(str(OUT / "resident_dialog.png"))
    dlg.id_number.setText("500112194003050132")
    dlg._on_ok()
    wait(qapp, lambda: not dlg.busy)
    wait(qapp, lambda: True)
    dlg.grab().save(str(OUT / "resident_dialog_problems.png"))
    dlg.busy = False
    dlg.reject()

    # the edit dialog of the selected resident
    page.select_resident(best[1])
    wait(qapp, lambda: page.detail is not None and page.detail.id == best[1] and win.worker.pending() == 0)
    edit = page.open_dialog("edit")
    edit.show()
    wait(qapp, lambda: True)
    edit.grab().save(str(OUT / "resident_dialog_edit.png"))
    edit.reject()

    win.close()

    worker = DbWorker()
    login = LoginDialog(app, worker, "admin")
    login.show()
    wait(qapp, lambda: True)
    login.grab().save(str(OUT / "login.png"))
    login.password.setText("wrong-pass1")
    login.try_login()
    wait(qapp, lambda: not login.busy)
    login.grab().save(str(OUT / "login_error.png"))
    login.close()

    fresh = App.open(str(tmp / "fresh.sqlite3"))
    first = FirstRunDialog(fresh, worker, offer_demo=True)
    first.show()
    first.password.setText("abc")
    first.create()
    wait(qapp, lambda: True)
    first.grab().save(str(OUT / "first_run.png"))
    first.close()
    worker.stop()
    fresh.close()
    app.close()
    print("screenshots written to", OUT)


if __name__ == "__main__":
    main()
