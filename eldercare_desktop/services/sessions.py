"""Who has the database open: a registry of sessions beside a SQLite file.

``<db>.sessions/<host>-<pid>-<rand>.json`` per open App (user once logged
in, host, pid, start time, heartbeat refreshed every HEARTBEAT_SECONDS by one
daemon thread per process). An entry whose heartbeat is older than
STALE_SECONDS, or whose process on this host is gone, is ignored and
removed. ``restore.lock`` in the same folder marks a restore in progress: no
new session starts meanwhile, and a restore refuses while any other live
session exists."""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import socket
import threading
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..db.engine import make_private, registry_dir
from ..domain.errors import DomainError

HEARTBEAT_SECONDS = 5.0
STALE_SECONDS = 3 * HEARTBEAT_SECONDS
#: a restore lock from another computer counts as abandoned after this long
RESTORE_LOCK_STALE_SECONDS = 30 * 60
LOCK_NAME = "restore.lock"


class RestoreInProgress(DomainError):
    """The database is being restored from a backup: no session may start."""


class DatabaseInUse(DomainError):
    """A restore was refused: other sessions have the database open."""


@dataclass(frozen=True)
class SessionInfo:
    path: Path
    user: str
    host: str
    pid: int
    started: str  # local time, ISO
    heartbeat: float  # epoch seconds

    def describe(self) -> str:
        who = self.user or "（尚未登录）"
        since = self.started.replace("T", " ")[:16]
        return f"{who}（电脑 {self.host}，进程 {self.pid}，{since} 起）"


def _host() -> str:
    return socket.gethostname() or "localhost"


def _pid_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # judged by the heartbeat alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + f".{secrets.token_hex(4)}.part")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    make_private(tmp)
    os.replace(tmp, path)


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class Session:
    """This process's entry for one open App."""

    def __init__(self, db: Path, owner) -> None:
        self.folder = registry_dir(db)
        self.folder.mkdir(parents=True, exist_ok=True)
        make_private(self.folder)
        self.host = _host()
        self.pid = os.getpid()
        self.started = dt.datetime.now().replace(microsecond=0).isoformat()
        self.user = ""
        safe_host = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.host)
        self.path = self.folder / f"{safe_host}-{self.pid}-{secrets.token_hex(4)}.json"
        self._owner = weakref.ref(owner)
        self.closed = False
        self.beat()
        _Heart.add(self)

    def data(self) -> dict:
        return {"user": self.user, "host": self.host, "pid": self.pid, "started": self.started,
                "heartbeat": time.time()}

    def beat(self) -> None:
        if self.closed:
            return
        try:
            _write_json(self.path, self.data())
        except OSError:
            pass

    def set_user(self, name: str) -> None:
        self.user = name
        self.beat()

    def close(self) -> None:
        self.closed = True
        _Heart.discard(self)
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass

    def owner_alive(self) -> bool:
        return self._owner() is not None


class _Heart:
    """One daemon thread per process refreshing every live session."""

    lock = threading.Lock()
    sessions: set[Session] = set()
    thread: threading.Thread | None = None

    @classmethod
    def add(cls, s: Session) -> None:
        with cls.lock:
            cls.sessions.add(s)
            if cls.thread is None or not cls.thread.is_alive():
                cls.thread = threading.Thread(target=cls.run, name="session-heartbeat", daemon=True)
                cls.thread.start()

    @classmethod
    def discard(cls, s: Session) -> None:
        with cls.lock:
            cls.sessions.discard(s)

    @classmethod
    def live_paths(cls) -> set[Path]:
        with cls.lock:
            return {s.path for s in cls.sessions}

    @classmethod
    def run(cls) -> None:
        while True:
            time.sleep(HEARTBEAT_SECONDS)
            with cls.lock:
                current = list(cls.sessions)
            for s in current:
                if s.owner_alive():
                    s.beat()
                else:  # the App was dropped without close()
                    s.close()


def _entry(path: Path) -> SessionInfo | None:
    d = _read_json(path)
    if not d:
        return None
    try:
        return SessionInfo(path, str(d.get("user", "")), str(d["host"]), int(d["pid"]), str(d.get("started", "")),
                           float(d["heartbeat"]))
    except (KeyError, TypeError, ValueError):
        return None


def _alive(e: SessionInfo) -> bool:
    if e.host == _host():
        if e.pid == os.getpid():
            return e.path in _Heart.live_paths()
        if not _pid_alive(e.pid):
            return False
    return time.time() - e.heartbeat < STALE_SECONDS


def live_sessions(db: Path, exclude: Session | None = None) -> list[SessionInfo]:
    """The live sessions on ``db`` (stale entries are removed on the way)."""
    folder = registry_dir(db)
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.glob("*.json")):
        if exclude is not None and p == exclude.path:
            continue
        e = _entry(p)
        if e is None or not _alive(e):
            # unreadable (half-written) entries of a fresh session are rewritten within a beat
            if e is not None or time.time() - _mtime(p) > STALE_SECONDS:
                p.unlink(missing_ok=True)
            continue
        out.append(e)
    for p in folder.glob("*.part"):  # left by a killed heartbeat
        if time.time() - _mtime(p) > STALE_SECONDS:
            p.unlink(missing_ok=True)
    return out


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return time.time()


# --- the restore lock ------------------------------------------------------

def restore_lock(db: Path) -> dict | None:
    """The live restore lock's content, or None (a stale one is removed)."""
    path = registry_dir(db) / LOCK_NAME
    if not path.exists():
        return None
    d = _read_json(path)
    if d is None:
        if time.time() - _mtime(path) > STALE_SECONDS:
            path.unlink(missing_ok=True)
            return None
        return {"user": "", "host": "", "pid": 0, "started": ""}
    host, pid = d.get("host"), int(d.get("pid", 0))
    stale = (host == _host() and (not _pid_alive(pid) or (pid == os.getpid() and not _MY_LOCKS)))
    stale = stale or time.time() - float(d.get("at", 0)) > RESTORE_LOCK_STALE_SECONDS
    if stale:
        path.unlink(missing_ok=True)
        return None
    return d


_MY_LOCKS: set[Path] = set()


def refuse_if_restoring(db: Path) -> None:
    d = restore_lock(db)
    if d is not None:
        who = d.get("user") or "管理员"
        raise RestoreInProgress(f"{who}正在从备份恢复数据库（电脑 {d.get('host') or '未知'}），请稍后再打开")


def wait_for_restore(db: Path, timeout: float = 120.0) -> None:
    """Wait until no other process is restoring ``db`` (after a restore was noticed)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        d = restore_lock(db)
        if d is None or (d.get("pid") == os.getpid() and d.get("host") == _host()):
            return
        time.sleep(0.1)


@contextmanager
def exclusive(db: Path, me: Session | None, user: str) -> Iterator[None]:
    """Hold the restore lock while no other session is open, or refuse."""
    folder = registry_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    restore_lock(db)  # clears a stale lock
    data = {"user": user, "host": _host(), "pid": os.getpid(),
            "started": dt.datetime.now().replace(microsecond=0).isoformat(), "at": time.time()}
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        refuse_if_restoring(db)
        raise RestoreInProgress("另一个恢复正在进行，请稍后再试") from None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    _MY_LOCKS.add(path)
    try:
        others = live_sessions(db, exclude=me)
        if others:
            names = "；".join(e.describe() for e in others)
            raise DatabaseInUse(f"不能恢复：还有{len(others)}个程序（窗口或命令）在使用这个数据库——{names}。"
                                "请先让他们退出程序（或注销后关闭），再恢复")
        yield
    finally:
        _MY_LOCKS.discard(path)
        path.unlink(missing_ok=True)
from ..db.engine import DatabaseReplaced  # noqa: E402,F401  (the UI catches it from here)
