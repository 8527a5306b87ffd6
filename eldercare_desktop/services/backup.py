"""Backup and restore of the SQLite database file."""
from __future__ import annotations

from pathlib import Path

from ..db import engine as db_engine
from ..domain.errors import RuleViolation
from ..domain.roles import Actor, Perm, require
from .audit import audit, record
from .context import App, Ctx
from .output import sha256_of


def backup(ctx: Ctx, dest: Path) -> str:
    """Online backup to ``dest``, then an integrity check of the copy.
    Returns the copy's SHA-256 (also written to the audit trail)."""
    require(ctx.actor, Perm.BACKUP)
    src = ctx.app.sqlite_path
    if src is None:
        raise RuleViolation("备份仅支持本地 SQLite 数据库；PostgreSQL 请使用 pg_dump")
    dest = Path(dest).expanduser().resolve()
    if dest == src.resolve():
        raise RuleViolation("备份文件不能与当前数据库是同一个文件")
    # The audit row goes in first so the backup contains its own record.
    with ctx.write(Perm.BACKUP) as s:
        audit(ctx, s, "备份数据库", "database", "backup", None, {"file": str(dest)})
    db_engine.online_backup(src, dest)
    problem = db_engine.integrity_problem(dest)
    if problem:
        dest.unlink(missing_ok=True)
        raise RuleViolation(f"备份校验失败：{problem}")
    return sha256_of(dest)


def check_backup(path: Path) -> str | None:
    return db_engine.integrity_problem(Path(path))


def restore(app: App, actor: Actor, src: Path) -> Path:
    """Replace the current database with a backup. The backup is checked
    first (a bad file changes nothing); the current file is copied aside.
    Returns the path of that safety copy."""
    require(actor, Perm.RESTORE)
    target = app.sqlite_path
    if target is None:
        raise RuleViolation("恢复仅支持本地 SQLite 数据库")
    src = Path(src).expanduser().resolve()
    problem = db_engine.integrity_problem(src)
    if problem:
        raise RuleViolation(problem)
    app.engine.dispose()
    try:
        safety = db_engine.restore_file(src, target)
    except db_engine.BackupError as exc:
        app.reopen()
        raise RuleViolation(str(exc)) from None
    app.reopen()
    with app.write_factory.begin() as s:
        record(s, actor, app.now(), "从备份恢复数据库", "database", "restore", None,
               {"file": str(src), "sha256": sha256_of(src), "safety_copy": str(safety)})
    return safety
