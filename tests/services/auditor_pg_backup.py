"""The auditor test's calls for services.pg_backup (PostgreSQL backups, issue 14):
permission is checked before any tool or server is touched."""
from eldercare_desktop.services import pg_backup


def calls(ctx, app, actor, tmp_path, bed_id, rid) -> dict:
    return {
        "pg_backup.backup": lambda: pg_backup.backup(ctx, tmp_path / "b.pgdump"),
        "pg_backup.restore": lambda: pg_backup.restore(app, actor, tmp_path / "b.pgdump"),
    }
