"""Automatic daily backups with rotation, and the last backup's status.

Settings (services.settings): ``backup.auto`` ("1"/"0"), ``backup.folder``
("" = a ``backups`` folder beside the database file; on PostgreSQL, which has
no file here, the ``backups`` folder of this computer's data folder),
``backup.keep`` (how many automatic backups to keep). Automatic backups are
named ``eldercare-auto-YYYYMMDD-HHMMSS.sqlite3`` (``.pgdump`` on PostgreSQL);
rotation deletes only such files of the current kind (with their
``.anchor.json``), never a backup made by hand.

On PostgreSQL several computers share the database: an automatic backup is
due when the audit trail (shared) records none within AUTO_EVERY, so one
computer's daily backup serves them all."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..db.tables import audit_log
from ..domain.errors import RuleViolation
from ..domain.roles import Perm
from . import settings as settings_svc
from .backup import BACKUP_ACTION, backup
from .context import Ctx

AUTO_KEY, FOLDER_KEY, KEEP_KEY = "backup.auto", "backup.folder", "backup.keep"
AUTO_NAME = re.compile(r"^eldercare-auto-(\d{8}-\d{6})\.(sqlite3|pgdump)$")
#: an automatic backup is due when the newest one is at least this old
AUTO_EVERY = dt.timedelta(days=1)
#: the administrator is warned when the last backup (any kind) is older than this
WARN_AFTER = dt.timedelta(days=2)


@dataclass(frozen=True)
class BackupSettings:
    auto: bool
    folder: str  # as stored ("" = default)
    keep: int
    resolved_folder: Path


@dataclass(frozen=True)
class BackupStatus:
    last_at: dt.datetime | None
    last_file: str
    last_user: str
    last_auto_at: dt.datetime | None
    stale: bool  # no backup, or the last is older than WARN_AFTER
    settings: BackupSettings

    def message(self, now: dt.datetime) -> str:
        if self.last_at is None:
            return "尚未备份过数据库，请立即备份"
        days = (now.date() - self.last_at.date()).days
        when = "今天" if days == 0 else f"{days}天前"
        text = f"上次备份：{self.last_at:%Y-%m-%d %H:%M}（{when}，{self.last_user}）"
        return text + ("——已超过2天，请立即备份" if self.stale else "")

    def as_dict(self, now: dt.datetime) -> dict:
        s = self.settings
        return {"last_backup": self.last_at.isoformat() if self.last_at else None, "file": self.last_file,
                "user": self.last_user,
                "last_auto_backup": self.last_auto_at.isoformat() if self.last_auto_at else None,
                "stale": self.stale, "message": self.message(now),
                "auto": s.auto, "folder": str(s.resolved_folder), "keep": s.keep}


def default_folder(ctx: Ctx) -> Path:
    db = ctx.app.sqlite_path
    if db is not None:
        return db.parent / "backups"
    if ctx.app.engine.dialect.name == "postgresql":
        from ..db.engine import default_data_dir

        return default_data_dir() / "backups"
    raise RuleViolation("自动备份仅支持 SQLite 数据库文件和 PostgreSQL 数据库")


def _suffix(ctx: Ctx) -> str:
    """The automatic backups' suffix for this database's kind."""
    return ".sqlite3" if ctx.app.sqlite_path is not None else ".pgdump"


def _supported(ctx: Ctx) -> bool:
    return ctx.app.sqlite_path is not None or ctx.app.engine.dialect.name == "postgresql"


def get_settings(ctx: Ctx) -> BackupSettings:
    with ctx.read() as s:
        auto = settings_svc.get(s, AUTO_KEY).strip() not in ("0", "", "false", "off")
        folder = settings_svc.get(s, FOLDER_KEY).strip()
        keep = max(1, settings_svc.get_int(s, KEEP_KEY))
    resolved = Path(folder).expanduser() if folder else (default_folder(ctx) if _supported(ctx) else Path())
    return BackupSettings(auto, folder, keep, resolved)


def save_settings(ctx: Ctx, auto: bool, folder: str, keep: int) -> BackupSettings:
    """The administrator sets the automatic backup (audited like every setting)."""
    from .audit import audit

    ctx.require(Perm.SETTINGS_WRITE)
    folder = folder.strip()
    if not 1 <= keep <= 365:
        raise RuleViolation("保留份数应在1到365之间", "keep")
    if folder and not Path(folder).expanduser().is_absolute():
        raise RuleViolation("备份文件夹请填写完整路径（或留空，使用默认的 backups 文件夹）", "folder")
    if folder and Path(folder).expanduser().exists() and not Path(folder).expanduser().is_dir():
        raise RuleViolation(f"不是文件夹：{folder}", "folder")
    values = {AUTO_KEY: "1" if auto else "0", FOLDER_KEY: folder, KEEP_KEY: str(keep)}
    with ctx.write(Perm.SETTINGS_WRITE) as s:
        for key, value in values.items():
            old = settings_svc.put(s, key, value)
            if old != value:
                audit(ctx, s, "修改设置", "setting", key, {"value": old}, {"value": value})
    return get_settings(ctx)


def auto_backups(folder: Path, suffix: str | None = None) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups in ``folder`` (of one kind: ``suffix``), newest first."""
    out = []
    if not folder.is_dir():
        return out
    for p in folder.iterdir():
        m = AUTO_NAME.match(p.name)
        if m and p.is_file() and (suffix is None or p.suffix == suffix):
            try:
                out.append((dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), p))
            except ValueError:
                continue
    return sorted(out, reverse=True)


def rotate(folder: Path, keep: int, suffix: str | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups (of one kind:
    ``suffix``), and their anchors."""
    removed = []
    for _at, p in auto_backups(folder, suffix)[keep:]:
        for f in (p, Path(str(p) + ".anchor.json")):
            try:
                f.unlink(missing_ok=True)
                removed.append(f)
            except OSError:
                pass
    return removed


def is_due(ctx: Ctx) -> bool:
    conf = get_settings(ctx)
    if not conf.auto or not _supported(ctx):
        return False
    if ctx.app.sqlite_path is None:  # PostgreSQL: any computer's automatic backup counts
        last = _last_backup(ctx, auto_only=True)
        return last is None or ctx.now() - dt.datetime.fromisoformat(last.at) >= AUTO_EVERY
    found = auto_backups(conf.resolved_folder, ".sqlite3")
    return not found or ctx.now() - found[0][0] >= AUTO_EVERY


def _last_backup(ctx: Ctx, auto_only: bool = False):
    """The newest backup row of the audit trail (seq, at, user, after), or None."""
    t = audit_log.c
    with ctx.read() as s:
        q = select(t.seq, t.at, t.user, t.after).where(t.action == BACKUP_ACTION, t.entity == "database")
        if not auto_only:
            return s.execute(q.order_by(t.seq.desc()).limit(1)).first()
        for row in s.execute(q.order_by(t.seq.desc()).limit(50)):
            try:
                if json.loads(row.after or "{}").get("auto"):
                    return row
            except (ValueError, AttributeError):
                continue
    return None


def run_auto_backup(ctx: Ctx, force: bool = False) -> Path | None:
    """Make today's automatic backup when due (or ``force``) and rotate;
    None when none was due. Needs the backup permission."""
    ctx.require(Perm.BACKUP)
    if not force and not is_due(ctx):
        return None
    conf = get_settings(ctx)
    folder = conf.resolved_folder
    dest = folder / f"eldercare-auto-{ctx.now():%Y%m%d-%H%M%S}{_suffix(ctx)}"
    backup(ctx, dest, auto=True)
    rotate(folder, conf.keep, _suffix(ctx))
    return dest


def status(ctx: Ctx) -> BackupStatus:
    """The last backup of any kind (from the audit trail) and the settings."""
    conf = get_settings(ctx)
    row = _last_backup(ctx)
    last_at = last_file = last_user = None
    if row is not None:
        last_at, last_user = dt.datetime.fromisoformat(row.at), row.user
        try:
            last_file = json.loads(row.after or "{}").get("file", "")
        except (ValueError, AttributeError):
            last_file = ""
    autos = auto_backups(conf.resolved_folder, _suffix(ctx)) if _supported(ctx) else []
    stale = last_at is None or ctx.now() - last_at > WARN_AFTER
    return BackupStatus(last_at, last_file or "", last_user or "", autos[0][0] if autos else None, stale, conf)
