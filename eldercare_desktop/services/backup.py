"""Backup and restore of the database (a SQLite file here; PostgreSQL
through pg_dump / pg_restore in services.pg_backup, with the same checks).

A backup is written to a temporary file beside its destination (so an
unwritable place is refused before anything is recorded), checked, moved
into place, and only then recorded in the audit trail and anchored
(``<dest>.anchor.json``). A restore checks the backup first — sound file,
schema revision this program knows, intact audit chain (an administrator may
override that one with a reason) — then, holding the restore lock while no
other session has the database open, replaces the content in one
transaction; every other App notices on its next write (db.engine)."""
from __future__ import annotations

from pathlib import Path

from ..db import engine as db_engine
from ..db.migrations import HEAD_REVISION
from ..domain.errors import Problem, RuleViolation
from ..domain.roles import Actor, Perm, Role, require
from . import sessions
from .audit import audit, record
from .context import App, Ctx
from .output import sha256_of

BACKUP_ACTION = "备份数据库"
RESTORE_ACTION = "从备份恢复数据库"


class BackupUnverified(RuleViolation):
    """The backup's audit chain is broken or it was edited; an administrator
    may still restore it by giving a reason (``override_reason``)."""


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_destination(src: Path | None, dest: Path) -> None:
    """Refuse, before anything is written or recorded, a destination that
    is the database or one of its side files (``src``: the SQLite file; None
    for PostgreSQL), a folder, a reserved name, or not writable."""
    if src is not None:
        if _same(dest, src):
            raise RuleViolation("备份文件不能与当前数据库是同一个文件")
        for side in db_engine.side_files(src):
            if _same(dest, side):
                raise RuleViolation(f"备份文件不能是数据库的附属文件（{side.name}）")
    if dest.is_dir():
        raise RuleViolation(f"备份路径是一个文件夹，请给出文件名：{dest}")
    if dest.name.endswith((".tmp", ".restore-tmp", ".anchor.json")):
        raise RuleViolation("备份文件名不能以 .tmp、.restore-tmp 或 .anchor.json 结尾")
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        db_engine.create_private(tmp)
        tmp.unlink()
    except OSError as exc:
        raise RuleViolation(f"无法写入备份文件 {dest}：{exc.strerror or exc}") from None


def backup(ctx: Ctx, dest: Path, *, auto: bool = False) -> str:
    """Online backup to ``dest``, then an integrity check of the copy.
    Returns the copy's SHA-256 (also written to the audit trail, after the
    file is in place; the backup itself does not contain that row)."""
    require(ctx.actor, Perm.BACKUP)
    src = ctx.app.sqlite_path
    if src is None:
        if _is_postgresql(ctx.app):
            from . import pg_backup

            return pg_backup.backup(ctx, dest, auto=auto)
        raise RuleViolation("备份仅支持 SQLite 数据库文件和 PostgreSQL 数据库")
    dest = Path(dest).expanduser().absolute()
    check_destination(src, dest)
    db_engine.clean_leftovers(dest.parent, ("*.sqlite3.tmp", "*.db.tmp"))
    try:
        db_engine.online_backup(src, dest)
    except OSError as exc:
        raise RuleViolation(f"无法写入备份文件 {dest}：{exc.strerror or exc}") from None
    problem = db_engine.integrity_problem(dest)
    if problem:
        dest.unlink(missing_ok=True)
        raise RuleViolation(f"备份校验失败：{problem}")
    digest = sha256_of(dest)
    after = {"file": str(dest), "sha256": digest}
    if auto:
        after["auto"] = True
    _anchor_beside(ctx.app, dest)
    with ctx.write(Perm.BACKUP) as s:
        audit(ctx, s, BACKUP_ACTION, "database", "backup", None, after)
    return digest


def _anchor_beside(app: App, dest: Path) -> None:
    """``<dest>.anchor.json``: the backup's own chain head (before its audit
    row, which only the live database holds), signed with the anchor key."""
    import sqlite3

    from . import anchor

    try:
        anchor.write_beside(app, dest)
    except (OSError, sqlite3.DatabaseError, TypeError):
        pass  # a backup without its anchor still restores (verified by its chain alone)


def _is_postgresql(app: App) -> bool:
    return app.engine.dialect.name == "postgresql"


def sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def revision_problem(rev: str | None) -> str | None:
    """Why a backup of schema revision ``rev`` cannot be restored, or None."""
    if rev is None:
        return "备份文件中没有数据库结构版本，不是本系统的备份"
    if rev not in db_engine.known_revisions():
        return (f"备份文件的数据库结构版本（{rev}）比本程序的版本（{HEAD_REVISION}）新："
                "它来自更新的程序，请先升级本程序再恢复")
    return None


def check_backup(path: Path) -> str | None:
    """Why ``path`` cannot be restored at all (no override), or None. A
    PostgreSQL archive (pg_dump) is read with pg_restore, without a server."""
    path = Path(path).expanduser()
    from . import pg_backup

    if pg_backup.is_dump(path):
        return pg_backup.archive_problem(path)
    problem = db_engine.integrity_problem(path)
    if problem:
        return problem
    return revision_problem(db_engine.revision_of(path))


def audit_problems(path: Path) -> list[str]:
    """What the backup's own verification finds (audit chain, sealed rows)."""
    from .integrity import verify_file

    try:
        report = verify_file(Path(path))
    except Exception as exc:  # noqa: BLE001 - an unreadable trail is a finding too
        return [f"无法校验备份的审计记录：{exc}"]
    return list(report.problems)


def refuse_unverified(actor: Actor, found: list[str], override_reason: str | None) -> str:
    """Raise BackupUnverified when the backup's verification ``found``
    problems, unless an administrator gives a reason; returns the reason."""
    reason = (override_reason or "").strip()
    if found and (not reason or actor.role is not Role.ADMIN):
        head = "备份文件的审计记录校验未通过（可能被改动过），未恢复："
        if actor.role is Role.ADMIN:
            tail = "如确认要恢复，管理员可以填写理由后仍然恢复（理由记入审计日志）"
        else:
            tail = "只有管理员可以在填写理由后仍然恢复"
        raise BackupUnverified([Problem("file", head)] + [Problem("file", p) for p in found]
                               + [Problem("file", tail)])
    return reason


def _is_target(src: Path, target: Path) -> bool:
    return _same(src, target) or any(_same(src, side) for side in db_engine.side_files(target))


def restore(app: App, actor: Actor, src: Path, *, override_reason: str | None = None) -> Path:
    """Replace the current database with a backup. The backup is checked
    first (a bad file changes nothing); the current file is copied aside.
    Returns the path of that safety copy.

    Refused while another session has the database open (naming them); a
    backup whose verification fails is refused unless an administrator gives
    ``override_reason`` (recorded in the restore's audit row)."""
    require(actor, Perm.RESTORE)
    target = app.sqlite_path
    if target is None:
        if _is_postgresql(app):
            from . import pg_backup

            return pg_backup.restore(app, actor, src, override_reason=override_reason)
        raise RuleViolation("恢复仅支持 SQLite 数据库文件和 PostgreSQL 数据库")
    src = Path(src).expanduser().absolute()
    if _is_target(src, target):
        raise RuleViolation("备份文件就是当前数据库，不能从它恢复")
    from . import pg_backup

    if pg_backup.is_dump(src):
        raise RuleViolation("这是 PostgreSQL 数据库的备份（pg_dump），当前使用的是 SQLite 数据库，不能用它恢复")
    problem = check_backup(src)
    if problem:
        raise RuleViolation(problem)
    found = audit_problems(src)
    reason = refuse_unverified(actor, found, override_reason)
    sha = sha256_of(src)
    db_engine.clean_leftovers(target.parent, db_engine.db_leftover_patterns(target))
    with sessions.exclusive(target, app.session, actor.username):
        app.engine.dispose()
        try:
            safety = db_engine.restore_into(src, target, on_locked=lambda: db_engine.new_generation(target))
        except db_engine.BackupError as exc:
            app.reopen()
            raise RuleViolation(str(exc)) from None
        app.reopen()  # migrates an older backup
        record_restore(app, actor, src, sha, safety, found, reason)
    return safety


def record_restore(app: App, actor: Actor, src: Path, sha: str, safety: Path, problems: list, reason) -> None:
    """After a restore (either engine): its audit row on the restored chain,
    and the local anchor moved to the restored head."""
    after = {"file": str(src), "sha256": sha, "safety_copy": str(safety)}
    if problems:
        after.update({"override_reason": reason, "problems": problems})
    with app.write_factory.begin() as s:
        record(s, actor, app.now(), RESTORE_ACTION, "database", "restore", None, after)
    _anchor_restored(app)


def _anchor_restored(app: App) -> None:
    """The chain legitimately went back to the backup's head: note the new
    head locally, so the next check compares against it (not against the
    longer chain the restore replaced)."""
    from . import anchor

    try:
        anchor.record(app)
    except OSError:
        pass
