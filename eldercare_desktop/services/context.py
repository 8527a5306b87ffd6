"""The application context: database, clock, and the acting user."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from sqlalchemy import Connection, Engine

from ..db import engine as db_engine
from ..domain.errors import StaleRecord
from ..domain.roles import Actor, Perm, require
from . import busy

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
    #: this App's entry in the session registry (services.sessions), SQLite only
    _session: object = field(default=None, init=False, repr=False)

    @classmethod
    def open(cls, database: str | None = None, **kw) -> "App":
        """Open (and migrate) a database. A SQLite file registers a session
        beside it; refused while a restore of it is in progress."""
        from . import sessions

        url = db_engine.resolve_url(database)
        path = db_engine.sqlite_path(url)
        if path is not None:
            sessions.refuse_if_restoring(path)
            db_engine.clean_leftovers(path.parent, db_engine.db_leftover_patterns(path))
        engine, result = db_engine.open_database(url)
        app = cls(url=url, engine=engine, migration=result, **kw)
        if path is not None:
            app._session = sessions.Session(path, app)
            try:
                sessions.refuse_if_restoring(path)  # a restore that began meanwhile
            except Exception:
                app.close()
                raise
            app._watch()
        return app

    def _watch(self) -> None:
        path = self.sqlite_path
        if path is not None:
            db_engine.make_private(path)
            db_engine.watch_replacement(self.engine, path, self._on_replaced)

    def _on_replaced(self) -> None:
        """A write found the database restored by another instance: wait for
        that restore to finish, then reopen (the write itself is refused)."""
        from . import sessions

        path = self.sqlite_path
        if path is not None:
            sessions.wait_for_restore(path)
        self.reopen()

    def set_session_user(self, name: str) -> None:
        """Name the logged-in user in the session registry (services.auth.login)."""
        if self._session is not None:
            self._session.set_user(name)  # type: ignore[attr-defined]

    @property
    def session(self):
        """This App's services.sessions.Session (None for PostgreSQL)."""
        return self._session

    def _factory(self, write: bool) -> sessionmaker[Session]:
        f = self._factories.get(write)
        if f is None:
            f = self._factories[write] = db_engine.make_session_factory(self.engine, write=write)
            from .seal import install

            install(f, self)  # seal money/permission rows at commit (services.seal)
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
        """A Core transaction holding the write lock (start-up path, no ORM);
        waits for the lock as Ctx.write does (services.busy)."""
        from ..db.sealing import hook_engine

        hook_engine(self.engine)  # seal only what this transaction writes (services.seal)
        with busy.translated():
            conn = busy.acquire(lambda: _locked_connection(self.engine))
            with conn, conn.get_transaction():
                yield conn
            busy.committed()

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
        self._watch()

    def close(self) -> None:
        if self._session is not None:
            self._session.close()  # type: ignore[attr-defined]
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
        """A read never waits on a writer (WAL); a locked-database error
        that still surfaces is DatabaseBusy, in Chinese."""
        require(self.actor, perm)
        with busy.translated(), self.app.read_factory() as s:
            yield s

    @contextmanager
    def write(self, perm: Perm) -> Iterator[Session]:
        """One user action = one transaction; anything raised rolls it all back.
        The write lock is taken first (BEGIN IMMEDIATE), retried while another
        process holds it (services.busy: listeners hear of the wait), and
        DatabaseBusy after busy.limit_seconds(). On PostgreSQL a conflict with
        another PC is WriteConflict (a @busy.retrying service runs again) and
        a dropped connection ConnectionLost, both in Chinese."""
        from sqlalchemy.orm.exc import StaleDataError

        require(self.actor, perm)
        with busy.translated():
            s, conn = busy.acquire(lambda: _locked_session(self.app))
            with conn, s:
                try:
                    yield s
                    _commit(s)
                except StaleDataError as exc:  # another PC saved the same record first
                    s.rollback()
                    raise StaleRecord() from exc
                except BaseException:
                    s.rollback()
                    raise
            busy.committed()

    def today(self) -> dt.date:
        return self.app.today()

    def now(self) -> dt.datetime:
        return self.app.now()


def _commit(s: Session) -> None:
    """Commit; a connection lost while committing leaves the outcome unknown,
    and the user is told so (ConnectionLost(at_commit=True))."""
    from sqlalchemy.exc import DBAPIError

    try:
        s.commit()
    except DBAPIError as exc:
        if busy.is_disconnect(exc):
            raise busy.ConnectionLost(at_commit=True) from exc
        raise


def _locked_connection(engine: Engine) -> Connection:
    """A Core connection whose transaction (BEGIN IMMEDIATE) holds the write
    lock, or OperationalError (locked) after waiting busy.ATTEMPT_MS."""
    conn = engine.execution_options(write=True).connect()
    try:
        busy.set_timeout(conn, busy.ATTEMPT_MS)
        conn.begin()
        busy.set_timeout(conn, busy.DEFAULT_MS)
    except BaseException:
        conn.close()
        raise
    return conn


def _locked_session(app: App) -> tuple[Session, Connection]:
    """A write session holding the write lock, on its own connection (the
    caller closes both), or OperationalError (locked) after busy.ATTEMPT_MS."""
    conn = app.engine.execution_options(write=True).connect()
    s = None
    try:
        busy.set_timeout(conn, busy.ATTEMPT_MS)
        s = app.write_factory(bind=conn)
        s.begin()
        s.connection()  # BEGIN IMMEDIATE
        busy.set_timeout(conn, busy.DEFAULT_MS)
    except BaseException:
        if s is not None:
            s.close()
        conn.close()
        raise
    return s, conn
