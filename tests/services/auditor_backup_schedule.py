"""The auditor test's calls for services.backup_schedule (issue 13)."""
from eldercare_desktop.services import backup_schedule


def calls(ctx, app, actor, tmp_path, bed_id, rid) -> dict:
    return {
        "backup_schedule.save_settings": lambda: backup_schedule.save_settings(ctx, True, str(tmp_path), 5),
    }
