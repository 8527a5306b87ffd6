"""``eldercare db check``: which engine, which server version, which schema
revision, and whether this user may migrate it — read without migrating or
writing anything (so it also explains a database it cannot open)."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from ..db import engine as db_engine
from ..db.migrations import HEAD_REVISION


def known_revisions() -> list[str]:
    folder = Path(db_engine.__file__).resolve().parent / "migrations" / "versions"
    return sorted(p.name.split("_", 1)[0] for p in folder.glob("[0-9]*_*.py"))


@dataclass(frozen=True)
class DbInfo:
    location: str  # the file, or the URL without its password
    engine: str  # SQLite / PostgreSQL
    server_version: str
    revision: str | None  # None: no schema yet
    head: str
    may_migrate: bool
    problem: str = ""  # why the program cannot use it as it is ("" when it can)

    @property
    def state(self) -> str:
        if self.problem:
            return self.problem
        if self.revision is None:
            return f"尚未建立数据库结构（首次启动时建立到版本{self.head}）"
        if self.revision == self.head:
            return f"数据库结构为最新版本{self.head}"
        return f"数据库结构为版本{self.revision}，启动时将升级到{self.head}" + ("" if self.may_migrate else "，但当前用户无权升级")

    def as_dict(self) -> dict:
        return {**asdict(self), "state": self.state}


def check(url: str) -> DbInfo:
    path = db_engine.sqlite_path(url)
    shown = str(path) if path else make_url(url).render_as_string(hide_password=True)
    if path is not None:
        revision = None
        if path.exists():
            engine = db_engine.make_engine(url)
            try:
                revision = db_engine.current_revision(engine)
            finally:
                engine.dispose()
        target = path if path.exists() else path.parent
        may = os.access(target, os.W_OK)
        return _finish(DbInfo(shown, "SQLite", sqlite3.sqlite_version, revision, HEAD_REVISION, may))
    engine = db_engine.make_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            may = bool(conn.execute(text(
                "SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')")).scalar())
        revision = db_engine.current_revision(engine)
    finally:
        engine.dispose()
    return _finish(DbInfo(shown, "PostgreSQL", str(version), revision, HEAD_REVISION, may))


def _finish(info: DbInfo) -> DbInfo:
    if info.revision is not None and info.revision not in known_revisions():
        return DbInfo(info.location, info.engine, info.server_version, info.revision, info.head, info.may_migrate,
                      f"数据库结构版本{info.revision}比本程序（版本{info.head}）新，请升级本程序")
    return info
