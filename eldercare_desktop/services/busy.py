"""Waiting for the write lock: SQLite lets one writer at a time.

A write asks for the lock (BEGIN IMMEDIATE) with a short busy timeout per
attempt; while another process holds it, listeners are told (the CLI prints
「数据库正忙（其他操作正在写入），正在等待…」, the GUI shows it in its status
bar) and the attempt is repeated until ``limit_seconds()``; then
``DatabaseBusy`` (a DomainError, in Chinese). No sqlalchemy OperationalError
about a locked database reaches a user: ``translate`` turns one into
DatabaseBusy wherever it surfaces.
"""
from __future__ import annotations

import contextlib
import functools
import os
import random
import threading
import time
from typing import Callable, Iterator, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, OperationalError

from ..domain.errors import DomainError

#: each attempt waits this long inside SQLite before we report and retry
ATTEMPT_MS = 2000
#: the connection's usual busy timeout (db.engine sets it on connect)
DEFAULT_MS = 30000
#: environment variable: how many seconds a write waits for the lock in all
ENV_LIMIT = "ELDERCARE_BUSY_WAIT"
DEFAULT_LIMIT_S = 60.0
WAITING_MESSAGE = "数据库正忙（其他操作正在写入），正在等待…"

T = TypeVar("T")
_listeners: list[Callable[[float, int], None]] = []
_lock = threading.Lock()


class DatabaseBusy(DomainError):
    """The write lock could not be had in time; nothing was saved."""

    def __init__(self, waited: float | None = None, message: str | None = None):
        if message is None:
            message = ("数据库正忙（其他操作正在写入），"
                       + (f"已等待{waited:.0f}秒仍未轮到，" if waited else "")
                       + "本次操作没有保存，请稍后重试")
        super().__init__(message)
        self.waited = waited


def limit_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(ENV_LIMIT, DEFAULT_LIMIT_S)))
    except ValueError:
        return DEFAULT_LIMIT_S


def on_wait(listener: Callable[[float, int], None]) -> Callable[[], None]:
    """Call ``listener(seconds waited so far, attempt)`` (attempt 1, 2, … of
    this write) each time a write finds the database locked and waits again;
    returns a function that removes it.
    Listeners run on the waiting thread (a GUI marshals to its own)."""
    with _lock:
        _listeners.append(listener)

    def remove() -> None:
        with _lock:
            if listener in _listeners:
                _listeners.remove(listener)
    return remove


def _notify(waited: float, attempt: int) -> None:
    with _lock:
        listeners = list(_listeners)
    for fn in listeners:
        try:
            fn(waited, attempt)
        except Exception:  # noqa: BLE001  a listener never breaks a write
            pass


def is_locked(exc: BaseException) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def translate(exc: BaseException) -> BaseException:
    """In Chinese: DatabaseBusy for a locked database, WriteConflict for a
    PostgreSQL serialization failure or deadlock, ConnectionLost for a
    dropped server connection; else ``exc`` itself."""
    if is_locked(exc):
        return DatabaseBusy()
    if is_conflict(exc):
        return WriteConflict()
    if is_disconnect(exc):
        return ConnectionLost()
    return exc


# --- PostgreSQL: conflicts between PCs, and lost connections -------------

#: serialization_failure, deadlock_detected: the transaction may simply be run again
CONFLICT_STATES = frozenset({"40001", "40P01"})
#: the server went away or ended our session (admin_shutdown, crash_shutdown, cannot_connect_now)
DISCONNECT_STATES = frozenset({"57P01", "57P02", "57P03"})
#: how many times a service call is run in all when it meets a conflict
CONFLICT_TRIES = 5


class WriteConflict(DomainError):
    """Another PC's transaction conflicted with this one (PostgreSQL); the
    service call was run again CONFLICT_TRIES times, then given up.
    ``partial``: earlier transactions of the same call had already been
    saved (e.g. a chunked import), so it is not run again."""

    def __init__(self, tries: int | None = None, partial: bool = False):
        if partial:
            tail = "，此前的部分已经保存，其余没有保存，请刷新核对后再继续"
        else:
            tail = (f"，已自动重试{tries}次仍未成功" if tries else "") + "，本次操作没有保存，请稍后重试"
        super().__init__("与其他电脑同时进行的操作发生冲突" + tail)
        self.tries = tries
        self.partial = partial


class ConnectionLost(DomainError):
    """The database server connection dropped: nothing of this action was
    saved (``at_commit``: it dropped while committing, so whether it was
    saved is not known); the pool reconnects on the next action."""

    def __init__(self, at_commit: bool = False):
        if at_commit:
            super().__init__("与数据库服务器的连接在保存时断开，无法确认本次操作是否已保存；"
                             "程序会自动重新连接，请刷新核对后再操作，不要直接重复录入")
        else:
            super().__init__("与数据库服务器的连接已断开，本次操作没有保存；"
                             "程序会自动重新连接，请检查网络后重试")
        self.at_commit = at_commit


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


def is_conflict(exc: BaseException) -> bool:
    return isinstance(exc, WriteConflict) or (isinstance(exc, DBAPIError) and _sqlstate(exc) in CONFLICT_STATES)


def is_disconnect(exc: BaseException) -> bool:
    if isinstance(exc, ConnectionLost):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    state = _sqlstate(exc)
    if exc.connection_invalidated or state.startswith("08") or state in DISCONNECT_STATES:
        return True
    # psycopg: a failure of the connection itself (reset, closed, refused) has
    # no SQLSTATE; other such errors (a wrong password, too many parameters) are not this
    orig = getattr(exc, "orig", None)
    text = str(orig or "").lower()
    return (isinstance(exc, OperationalError) and not state and type(orig).__module__.startswith("psycopg")
            and any(w in text for w in _DISCONNECT_WORDS))


#: psycopg's words for a connection that went away (consuming input failed, the server closed it …)
_DISCONNECT_WORDS = ("server closed the connection", "connection is closed", "consuming input failed",
                     "connection refused", "could not connect", "connection timed out", "timeout expired",
                     "connection reset", "terminating connection", "the connection is lost", "ssl syscall error",
                     "no route to host", "network is unreachable")


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Database errors that mean "locked", "conflict" or "connection lost"
    leave as their Chinese DomainError; any other error unchanged."""
    try:
        yield
    except DBAPIError as exc:
        new = translate(exc)
        if new is exc:
            raise
        raise new from exc


_call = threading.local()


def committed() -> None:
    """Ctx.write calls this after each commit: a call that has committed
    something is never run again (its later transactions are reported)."""
    _call.commits = getattr(_call, "commits", 0) + 1


def retrying(fn: Callable[..., T]) -> Callable[..., T]:
    """Run a service call again (up to CONFLICT_TRIES in all, with a short
    random pause) when its transaction met another PC's in a serialization
    failure or a deadlock and was rolled back; then WriteConflict, in
    Chinese. Only the outermost decorated call retries, and only while it
    has committed nothing."""
    @functools.wraps(fn)
    def call(*args, **kw):
        if getattr(_call, "depth", 0):
            return fn(*args, **kw)
        for attempt in range(1, CONFLICT_TRIES + 1):
            _call.depth, _call.commits = 1, 0
            try:
                return fn(*args, **kw)
            except (WriteConflict, DBAPIError) as exc:
                if not is_conflict(exc):
                    raise
                if _call.commits:
                    raise WriteConflict(attempt, partial=True) from exc
                if attempt == CONFLICT_TRIES:
                    raise WriteConflict(attempt) from exc
            finally:
                _call.depth = 0
            time.sleep(random.uniform(0.01, 0.05) * attempt)
        raise AssertionError("unreachable")
    return call


def set_timeout(conn: Connection, ms: int) -> None:
    """SQLite's busy timeout on this connection (raw: no transaction begins)."""
    if conn.dialect.name == "sqlite":
        conn.connection.driver_connection.execute(f"PRAGMA busy_timeout={int(ms)}")


def acquire(attempt: Callable[[], T]) -> T:
    """Run ``attempt()`` (which takes the write lock, waiting ATTEMPT_MS at most)
    until it succeeds; between tries listeners hear how long we have waited.
    After limit_seconds(): DatabaseBusy."""
    start = time.monotonic()
    limit = limit_seconds()
    tries = 0
    while True:
        tries += 1
        try:
            return attempt()
        except OperationalError as exc:
            if not is_locked(exc):
                raise
            waited = time.monotonic() - start
            if waited >= limit:
                raise DatabaseBusy(waited) from None
            _notify(waited, tries)
            time.sleep(0.05)
