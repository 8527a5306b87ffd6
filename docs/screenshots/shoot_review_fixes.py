"""Screenshots for the review fixes: the stay dialogs (调床, 办理退住, 请假), the
设置 → 评估 tab, the residents list (已离院 with 离院日期) and the 新增房间 dialog.

    .venv/bin/python docs/screenshots/shoot_review_fixes.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs" / "screenshots"))

from shoot_admin_pages import OUT, demo_db, shoot, wait  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from eldercare_desktop.services.context import App  # noqa: E402
from eldercare_desktop.ui import fonts, i18n  # noqa: E402


def save(widget, name: str) -> None:
    widget.grab().save(str(OUT / f"{name}.png"))
    print("saved", OUT / f"{name}.png")


def main() -> None:
    qapp = QApplication.instance() or QApplication(sys.argv)
    fonts.install(qapp)
    i18n.install(qapp, "zh_CN")
    app = App.open(str(demo_db()))
    from eldercare_desktop.ui.dialogs import stay
    from eldercare_desktop.ui.pages.residents import ResidentsPage

    def dialogs(page, shell):
        r = next(x for x in page.lst.visible if x.status == "在住")
        for cls, name, args in ((stay.MoveBedDialog, "dialog_move_bed", (r, r.bed_code)),
                                (stay.DischargeDialog, "dialog_discharge", (r,)),
                                (stay.LeaveDialog, "dialog_leave", (r,))):
            dlg = cls(shell, *args)
            dlg.show()
            wait(qapp, shell)
            if name == "dialog_discharge":
                from eldercare_desktop.domain.errors import Problem
                dlg.show_problems([Problem("last_day", "退住日期早于入住（或调床）日期2023-12-05")])
                wait(qapp, shell)
            save(dlg, name)
            dlg.reject()

    shoot(qapp, app, "admin", ResidentsPage, "residents-tmp", (1280, 760), dialogs)
    (OUT / "residents-tmp.png").unlink()

    def left(page, shell):
        page.status_filter.setCurrentIndex(3)

    shoot(qapp, app, "admin", ResidentsPage, "residents_left", (1400, 760), left)

    from eldercare_desktop.ui.pages.assessment_settings import AssessmentSettingsTab

    shoot(qapp, app, "admin", AssessmentSettingsTab, "settings_assessment", (900, 640))
    shoot(qapp, app, "shenji", AssessmentSettingsTab, "settings_assessment_auditor", (900, 640))

    from eldercare_desktop.ui.pages.beds import BedsPage

    def room_dialog(page, shell):
        dlg = page.new_room()
        dlg.number.setText("105")
        wait(qapp, shell)
        save(dlg, "beds-room-dialog")
        dlg.reject()

    shoot(qapp, app, "admin", BedsPage, "beds-tmp", (1360, 860), room_dialog)
    (OUT / "beds-tmp.png").unlink()

    app.close()


if __name__ == "__main__":
    main()
