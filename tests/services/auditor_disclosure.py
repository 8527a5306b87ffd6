"""Write services of the annual disclosure, for the auditor test
(tests/services/test_users_and_permissions.py)."""
import datetime as dt

from eldercare_desktop.services import disclosure


def calls(ctx, app, actor, tmp_path, bed_id, rid):
    return {
        "disclosure.save_report": lambda: disclosure.save_report(ctx, 2025, "年度工作报告", 10),
        "disclosure.mark_submitted": lambda: disclosure.mark_submitted(ctx, 2025, dt.date(2026, 3, 1), "区民政局"),
    }
