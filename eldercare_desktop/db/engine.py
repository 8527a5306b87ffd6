"""Engine set-up. Everything SQLite-specific lives in this module."""
from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from ..domain.errors import DomainError
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
    elif value.startswith(("postgresql://", "postgres://")):
        # psycopg 3 ships with the app; SQLAlchemy's default PostgreSQL driver would be psycopg2
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def application_name() -> str:
    """``eldercare-desktop@HOST:PID`` (at most 63 bytes, PostgreSQL's limit)."""
    import socket

    return f"{APP_NAME}@{socket.gethostname()}:{os.getpid()}"[:63]


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is None:
        # the server names each PC's connections (pg_stat_activity.application_name)
        return create_engine(url, future=True, pool_pre_ping=True,
                             connect_args={"application_name": application_name()})
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)  # a new database (and the -wal/-shm SQLite gives its mode) is the owner's only
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


#: billing runs, settlements, month and year closes: one at a time across PCs
BOOKS_LOCK = "books"


def lock(s, key: str) -> None:
    """Serialise writers on ``key`` until this transaction ends. PostgreSQL:
    a transaction-scoped advisory lock (two PCs billing the same month, or
    admitting to the same bed, take turns; the second then sees the first's
    rows). SQLite: nothing to do — a write transaction already holds the one
    database-wide write lock (BEGIN IMMEDIATE)."""
    conn = s if isinstance(s, Connection) else s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})


def reserve_ids(s, table, n: int) -> list[int]:
    """``n`` new primary keys of ``table`` for a bulk insert with explicit ids.
    PostgreSQL: from the table's sequence (distinct from any other PC's
    inserts); SQLite: after the highest (the write lock is held)."""
    conn = s if isinstance(s, Connection) else s.connection()
    if n <= 0:
        return []
    if conn.dialect.name == "postgresql":
        return list(conn.execute(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                                 {"t": table.name, "n": n}).scalars())
    first = int(conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table.name}")).scalar_one()) + 1
    return list(range(first, first + n))


def sync_ids(s, *tables) -> None:
    """After inserts with explicit ids: PostgreSQL's sequences continue after
    the highest id (SQLite needs nothing)."""
    conn = s if isinstance(s, Connection) else s.connection()
    if conn.dialect.name != "postgresql":
        return
    for t in tables:
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": t.name}).scalar_one()
        last = conn.execute(text(f"SELECT last_value FROM {seq}")).scalar_one()
        # never backwards: another PC may hold values taken but not yet committed
        conn.execute(text(f"SELECT setval(:seq, greatest(coalesce(max(id), 0), :last) + 1, false) FROM {t.name}"),
                     {"seq": seq, "last": last})


def sync_file(path: Path) -> None:
    """Flush a written file to disk before it is moved into place. Opened for
    writing: Windows flushes (FlushFileBuffers) only a handle that may write."""
    with open(path, "r+b") as fh:
        os.fsync(fh.fileno())


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


# --- owner-only files (POSIX 0600) ------------------------------------------

def create_private(path: Path) -> bool:
    """Create ``path`` empty and readable by the owner only, unless it exists.
    SQLite gives its -wal/-shm/-journal files the database file's mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    make_private(path)
    return True


def make_private(path: Path) -> None:
    if os.name == "posix":
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass


# --- the session registry's files, and noticing a restore ------------------

def registry_dir(db: Path) -> Path:
    """``<db>.sessions``: one JSON file per open session, the restore lock and
    the restore generation (services.sessions)."""
    return db.with_name(db.name + ".sessions")


def generation_file(db: Path) -> Path:
    return registry_dir(db) / "generation"


def read_generation(db: Path) -> str:
    try:
        return generation_file(db).read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return ""


def new_generation(db: Path) -> str:
    """A new token: every App opened before it sees its database was replaced."""
    token = secrets.token_hex(16)
    folder = registry_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"generation.{os.getpid()}.tmp"
    tmp.write_text(token, encoding="ascii")
    os.replace(tmp, generation_file(db))
    return token


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class DatabaseReplaced(DomainError):
    """A write found the database restored (or the file replaced) since it was opened."""

    MESSAGE = ("数据库已被从备份恢复（或已被替换），刚才的操作没有保存。"
               "程序已重新打开数据库，请核对数据后重新操作；如仍有问题，请重新打开程序。")

    def __init__(self, message: str = MESSAGE):
        super().__init__(message)


def watch_replacement(engine: Engine, db: Path, on_replaced) -> None:
    """After every write transaction takes the lock: is this still the file
    and the restore generation this engine opened? If not, roll back, call
    ``on_replaced()`` (the App reopens) and raise DatabaseReplaced, so
    nothing is written into a replaced or restored-over database."""
    identity = file_identity(db)
    generation = read_generation(db)

    @event.listens_for(engine, "begin")
    def _check(conn):  # runs after _on_begin's BEGIN IMMEDIATE
        if not conn.get_execution_options().get("write"):
            return
        if file_identity(db) == identity and read_generation(db) == generation:
            return
        conn.exec_driver_sql("ROLLBACK")
        on_replaced()
        raise DatabaseReplaced()


# --- backup and restore (SQLite files) -------------------------------------

class BackupError(Exception):
    pass


def side_files(db: Path) -> list[Path]:
    return [db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal")]


def online_backup(src: Path, dest: Path) -> None:
    """Copy a live database consistently with SQLite's online backup API.
    The copy is written to ``<dest>.tmp`` (created first, owner-only) and
    moved into place only when complete."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.unlink(missing_ok=True)
    create_private(tmp)
    try:
        s = sqlite3.connect(src, timeout=30)
        d = sqlite3.connect(tmp)
        try:
            s.backup(d)
            d.execute("PRAGMA journal_mode=DELETE")
            d.commit()
        finally:
            d.close()
            s.close()
        sync_file(tmp)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    make_private(dest)


#: a temporary file untouched this long is a leftover of a killed run
LEFTOVER_SECONDS = 300


def db_leftover_patterns(db: Path) -> tuple[str, ...]:
    """Our temporary files beside a database (never anyone else's ``*.tmp``)."""
    return (f"{db.name}.tmp", f"{db.name}.restore-tmp", f"{db.stem}.before-*.tmp")


def clean_leftovers(folder: Path, names: tuple[str, ...]) -> list[Path]:
    """Remove temporary files of killed backups, restores and migrations
    (only those not written to for LEFTOVER_SECONDS: a running copy is kept)."""
    import time

    removed = []
    try:
        candidates = [p for pattern in names for p in folder.glob(pattern)]
    except OSError:
        return removed
    for p in candidates:
        try:
            if p.is_file() and time.time() - p.stat().st_mtime > LEFTOVER_SECONDS:
                p.unlink()
                removed.append(p)
        except OSError:
            pass
    return removed


def revision_of(path: Path) -> str | None:
    """The alembic revision stored in a database file (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def known_revisions() -> list[str]:
    """The revisions this program can open: the migration scripts' names."""
    folder = Path(__file__).resolve().parent / "migrations" / "versions"
    return sorted(p.name.split("_", 1)[0] for p in folder.glob("[0-9]*_*.py"))


def integrity_problem(path: Path) -> str | None:
    """None when the file is a sound SQLite database of this app, else why not."""
    if not path.exists():
        return f"文件不存在：{path}"
    if path.is_dir():
        return f"这是一个文件夹，不是备份文件：{path}"
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
    except (sqlite3.DatabaseError, OSError) as exc:
        return f"备份文件已损坏：{exc}"
    return None


def restore_into(backup: Path, target: Path, on_locked=None) -> Path:
    """Replace target's content with backup's; returns the safety copy.

    The old database's write lock is held (BEGIN IMMEDIATE) while its safety
    copy is taken and ``on_locked()`` runs (a new restore generation, so a
    writer that gets the lock afterwards refuses to write); then SQLite's
    backup API copies the backup into the database in one transaction: a
    kill at any point leaves either the old content or the new, never a mix,
    and the file (and its WAL) is never swapped under another connection."""
    problem = integrity_problem(backup)
    if problem:
        raise BackupError(problem)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    lock = sqlite3.connect(target, timeout=30, isolation_level=None)
    try:
        lock.execute("PRAGMA busy_timeout=30000")
        lock.execute("BEGIN IMMEDIATE")
        try:
            online_backup(target, safety)
            if on_locked is not None:
                on_locked()
        finally:
            lock.execute("ROLLBACK")
    finally:
        lock.close()
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        dst.execute("PRAGMA busy_timeout=30000")
        src.backup(dst)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"恢复未完成，当前数据库未改动：{exc}") from None
    finally:
        dst.close()
        src.close()
    return safety
