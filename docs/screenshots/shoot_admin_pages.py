"""Screenshots of the 床位 / 机构信息 / 用户 / 审计日志 pages from the real widgets.

    .venv/bin/python docs/screenshots/shoot_admin_pages.py [beds centre users audit ...]

Builds a demo database once (services.demo, 120 residents) in /tmp, copies it,
opens each page with a minimal shell and saves docs/screenshots/NAME.png.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from eldercare_desktop.services import demo, users  # noqa: E402
from eldercare_desktop.services.context import App  # noqa: E402
from eldercare_desktop.ui import fonts, i18n  # noqa: E402
from tests.ui.fakeshell import FakeShell  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TEMPLATE = Path("/tmp/gui-demo-admin-pages.sqlite3")


def wait(qapp: QApplication, shell: FakeShell, extra: float = 0.2) -> None:
    deadline = time.time() + 20
    while shell.worker.pending() and time.time() < deadline:
        qapp.processEvents()
        time.sleep(0.01)
    end = time.time() + extra
    while time.time() < end:
        qapp.processEvents()
        time.sleep(0.01)


def demo_db() -> Path:
    if not TEMPLATE.exists():
        app = App.open(str(TEMPLATE))
        demo.build_demo(app, residents=120)
        app.close()
    path = Path("/tmp/gui-demo-admin-pages-run.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(TEMPLATE, path)
    return path


def shoot(qapp, app, username: str, page_cls, name: str, size=(1280, 800), prepare=None) -> None:
    actor = users.login(app, username, demo.DEFAULT_PASSWORD)
    shell = FakeShell(app, actor)
    page = shell.add(page_cls(shell))
    page.resize(*size)
    page.show()
    page.activate()
    wait(qapp, shell)
    if prepare:
        prepare(page, shell)
        wait(qapp, shell)
    page.grab().save(str(OUT / f"{name}.png"))
    print("saved", OUT / f"{name}.png")
    page.close()
    shell.worker.stop()


def main(argv: list[str]) -> None:
    qapp = QApplication.instance() or QApplication(sys.argv)
    fonts.install(qapp)
    i18n.install(qapp, "zh_CN")
    app = App.open(str(demo_db()))
    which = set(argv) or {"beds", "centre", "users", "audit"}
    if "beds" in which:
        from eldercare_desktop.ui.pages.beds import BedsPage

        def select_leave(page, shell):
            tile = next(t for t in page.canvas.tiles() if t.bed.occupant_status == "请假")
            page.canvas.select(tile.bed.bed_id)

        shoot(qapp, app, "admin", BedsPage, "beds", (1360, 860), select_leave)

        def room_dialog(page, shell):
            dlg = page.new_room()
            dlg.number.setText("105")
            dlg.room_type.setCurrentText("三人间")
            dlg.beds_model.setData(dlg.beds_model.index(2, 1), 2, Qt.ItemDataRole.CheckStateRole)
            wait(qapp, shell)
            dlg.grab().save(str(OUT / "beds-room-dialog.png"))
            print("saved", OUT / "beds-room-dialog.png")
            dlg.reject()

        shoot(qapp, app, "admin", BedsPage, "beds-1", (1360, 860), room_dialog)
        (OUT / "beds-1.png").unlink()

        def building_b(page, shell):
            page.tabs.setCurrentIndex(2)
            page.search.setText("王")

        shoot(qapp, app, "shenji", BedsPage, "beds-auditor", (1360, 860), building_b)
    if "centre" in which:
        from eldercare_desktop.ui.pages.centre import CentrePage

        def bad_code(page, shell):
            from stdnum.cn import uscc

            body = "91500112MA5U7ABC1"
            wrong = "0" if uscc.calc_check_digit(body) != "0" else "1"
            page.credit_code.setText(body + wrong)  # a typo in the check digit
            page.phone.setText("6788123")
            page.escrow_no.setText("0302 8983 7610 1497 34A")
            page.save()

        shoot(qapp, app, "admin", CentrePage, "centre", (1200, 760))
        shoot(qapp, app, "admin", CentrePage, "centre-invalid", (1200, 760), bad_code)
    if "users" in which:
        from eldercare_desktop.ui.pages.users import UsersPage

        from eldercare_desktop.domain.errors import AuthError

        admin = users.login(app, "admin", demo.DEFAULT_PASSWORD)
        actx = app.as_user(admin)
        users.create_user(actx, "liuyang", "front_desk", "temp1234", "刘洋")
        users.create_user(actx, "zhouqin", "accountant", "temp1234", "周琴")
        users.update_user(actx, users.login(app, "zhouqin", "temp1234").user_id, "accountant", False, "周琴（已离职）")
        for _ in range(5):
            try:
                users.login(app, "liuyang", "wrong-pass1")
            except AuthError:
                pass

        def new_user_dialog(page, shell):
            page.select_user("liuyang")
            dlg = page.new_user()
            dlg.username.setText("wangfang")
            dlg.display_name.setText("王芳")
            dlg.password.setText("abc")
            dlg.password2.setText("abc")
            dlg.ok_button.click()
            wait(qapp, shell)
            dlg.grab().save(str(OUT / "users-new-dialog.png"))
            print("saved", OUT / "users-new-dialog.png")
            dlg.reject()

        shoot(qapp, app, "admin", UsersPage, "users", (1100, 520), new_user_dialog)
        shoot(qapp, app, "qiantai", UsersPage, "users-frontdesk", (1100, 420))
    if "audit" in which:
        from eldercare_desktop.ui.pages.audit import AuditPage

        def pick(page, shell):
            page.verify_button.click()
            wait(qapp, shell)
            for row in range(page.model.rowCount()):
                if page.model.entry(row).before and page.model.entry(row).after:
                    page.table.selectRow(row)
                    break

        shoot(qapp, app, "admin", AuditPage, "audit", (1360, 820), pick)
    app.close()


if __name__ == "__main__":
    main(sys.argv[1:])
