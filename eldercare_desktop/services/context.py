"""The application context: database, clock, and the acting user."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from sqlalchemy import Connection, Engine

from ..db import engine as db_engine
from ..domain.roles import Actor, Perm, require

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def _today() -> dt.date:
    return dt.date.today()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass
class App:
    """One open database. ``today``/``now`` are the clock: tests replace them.

    The ORM session factories are made on first use: login runs on Core
    (``services.auth``) so start-up does not wait for the ORM to import."""

    url: str
    engine: Engine
    today: Callable[[], dt.date] = _today
    now: Callable[[], dt.datetime] = _now
    migration: db_engine.MigrationResult | None = None
    resources: Path = field(default=RESOURCES)
    _factories: dict = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def open(cls, database: str | None = None, **kw) -> "App":
        url = db_engine.resolve_url(database)
        engine, result = db_engine.open_database(url)
        return cls(url=url, engine=engine, migration=result, **kw)

    def _factory(self, write: bool) -> sessionmaker[Session]:
        f = self._factories.get(write)
        if f is None:
            f = self._factories[write] = db_engine.make_session_factory(self.engine, write=write)
        return f

    @property
    def read_factory(self) -> sessionmaker[Session]:
        return self._factory(False)

    @property
    def write_factory(self) -> sessionmaker[Session]:
        """``with app.write_factory.begin() as s``: one transaction holding the write lock."""
        return self._factory(True)

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core transaction holding the write lock (start-up path, no ORM)."""
        with self.engine.execution_options(write=True).begin() as conn:
            yield conn

    @property
    def sqlite_path(self) -> Path | None:
        return db_engine.sqlite_path(self.url)

    def reopen(self) -> None:
        """After a restore: drop pooled connections, migrate, rebuild factories."""
        self.engine.dispose()
        engine, result = db_engine.open_database(self.url)
        self.engine = engine
        self._factories.clear()
        self.migration = result

    def close(self) -> None:
        self.engine.dispose()

    def as_user(self, actor: Actor) -> "Ctx":
        return Ctx(self, actor)


@dataclass
class Ctx:
    """A user acting on an App. Every service takes one."""

    app: App
    actor: Actor

    def require(self, perm: Perm) -> None:
        """Permission first: a refused user learns nothing from validation."""
        require(self.actor, perm)

    @contextmanager
    def read(self, perm: Perm = Perm.READ) -> Iterator[Session]:
        require(self.actor, perm)
        with self.app.read_factory() as s:
            yield s

    @contextmanager
    def write(self, perm: Perm) -> Iterator[Session]:
        """One user action = one transaction; anything raised rolls it all back."""
        require(self.actor, perm)
        with self.app.write_factory.begin() as s:
            yield s

    def today(self) -> dt.date:
        return self.app.today()

    def now(self) -> dt.datetime:
        return self.app.now()
