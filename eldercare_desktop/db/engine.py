"""Engine set-up. Everything SQLite-specific lives in this module."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from .migrations import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

ENV_URL = "ELDERCARE_DATABASE_URL"
APP_NAME = "eldercare-desktop"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    return f"sqlite:///{default_data_dir() / 'eldercare.sqlite3'}"


def resolve_url(database: str | None = None) -> str:
    """--database (a file path or URL) wins, then ELDERCARE_DATABASE_URL, then the default."""
    value = database or os.environ.get(ENV_URL) or default_url()
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is None:
        return create_engine(url, future=True, pool_pre_ping=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        # SQLAlchemy's recipe for real transactions on Python < 3.12.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover
        # Writers take the write lock at once, so two writers queue on
        # busy_timeout instead of failing when a read upgrades to a write.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def make_session_factory(engine: Engine, write: bool = False) -> sessionmaker[Session]:
    from sqlalchemy.orm import sessionmaker  # the ORM loads after the main window shows

    bind = engine.execution_options(write=True) if write else engine
    return sessionmaker(bind, expire_on_commit=False)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:
            return None


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    safety_copy: Path | None


def migrate(engine: Engine, url: str) -> MigrationResult:
    """Bring the schema to head. A file that has data is copied first."""
    before = current_revision(engine)
    if before == HEAD_REVISION:
        return MigrationResult(before, before, None)
    copy = None
    path = sqlite_path(url)
    if before is not None and path is not None and path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = path.with_name(f"{path.stem}.before-migration-{before}-{stamp}{path.suffix}")
        online_backup(path, copy)
    from .migrations.runner import upgrade

    upgrade(engine)
    return MigrationResult(before, HEAD_REVISION, copy)


def open_database(url: str) -> tuple[Engine, MigrationResult]:
    engine = make_engine(url)
    result = migrate(engine, url)
    return engine, result


# --- backup and restore (SQLite files) -------------------------------------

class BackupError(Exception):
    pass


def online_backup(src: Path, dest: Path) -> None:
    """Copy a live database consistently with SQLite's online backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    with sqlite3.connect(src) as s, sqlite3.connect(tmp) as d:
        s.backup(d)
    with sqlite3.connect(tmp) as d:
        d.execute("PRAGMA journal_mode=DELETE")
    os.replace(tmp, dest)


def integrity_problem(path: Path) -> str | None:
    """None when the file is a sound SQLite database of this app, else why not."""
    if not path.exists():
        return f"文件不存在：{path}"
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return "不是有效的数据库备份文件（文件头不符）"
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            if [r[0] for r in rows] != ["ok"]:
                return "备份文件已损坏（完整性检查未通过）：" + "; ".join(str(r[0]) for r in rows[:3])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "resident", "audit_log"} <= tables:
                return "该文件不是本系统的数据库备份"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"备份文件已损坏：{exc}"
    return None


def restore_file(backup: Path, target: Path) -> Path:
    """Replace target with backup after checking it; returns the safety copy."""
    problem = integrity_problem(backup)
    if problem:
        raise BackupError(problem)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    if target.exists():
        online_backup(target, safety)
    tmp = target.with_name(target.name + ".restore-tmp")
    shutil.copyfile(backup, tmp)
    for suffix in ("-wal", "-shm"):
        side = target.with_name(target.name + suffix)
        if side.exists():
            side.unlink()
    os.replace(tmp, target)
    return safety
