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

import os
import threading
import time
from typing import Callable, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

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
    """DatabaseBusy for a locked-database error, else ``exc`` itself."""
    return DatabaseBusy() if is_locked(exc) else exc


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
