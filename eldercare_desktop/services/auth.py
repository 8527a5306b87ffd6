"""Login: password check, lockout, and its audit row.

Written on SQLAlchemy Core (``db.tables``), not the ORM, because it is on
the start-up path: the main window shows once the login is done, and the ORM
(~0.15 s to import) then loads on the database thread behind it. User
administration is in ``services.users``."""
from __future__ import annotations

import datetime as dt
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update

from ..db.tables import app_user
from ..domain.errors import AuthError
from ..domain.roles import LOCKOUT_MINUTES, MAX_FAILED_LOGINS, Actor, Role
from .audit import record
from .context import App
from . import busy

# OWASP's argon2id profile (19 MiB, 2 passes): ~25 ms on an old PC, so the
# login does not hold up start-up; older hashes are upgraded on login.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def set_hasher(hasher: PasswordHasher) -> None:
    """Tests use cheaper argon2 parameters."""
    global _hasher
    _hasher = hasher


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# An unknown (or disabled) user's password is checked against this hash, so
# the login takes as long as a known user's: no user-name probing by timing.
_DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$qTs+eXcueUGVwgwza9bZUQ$pSmffIfndfhryPNSv8Tgr/++TPSNxQ92bujKNesdyLQ"
_dummy: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash with the current hasher's parameters (made once per hasher)."""
    if not _hasher.check_needs_rehash(_DUMMY_HASH):
        return _DUMMY_HASH
    key = id(_hasher)
    if key not in _dummy:
        _dummy.clear()
        _dummy[key] = _hasher.hash("not-a-password-" + "x" * 16)
    return _dummy[key]


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
UNKNOWN_USER = "（未知用户）"


def typed_name(name: str) -> str:
    """A user name as typed, for the audit trail: control characters escaped, at most 40 characters."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}",
                        str(name or ""))
    return text if len(text) <= 40 else text[:39] + "…"


def needs_first_run(app: App) -> bool:
    with app.engine.connect() as conn:
        return not conn.execute(select(func.count()).select_from(app_user)).scalar_one()


@busy.retrying
def login(app: App, username: str, password: str) -> Actor:
    """Check a password. Failures are counted (and committed), audited, and
    lock the account for LOCKOUT_MINUTES after MAX_FAILED_LOGINS in a row."""
    now = app.now()
    failed = ""
    with app.write_connection() as conn:
        # locked: two failed logins at once must both count (PostgreSQL; SQLite's
        # write transaction already serialises them)
        u = conn.execute(select(app_user).where(app_user.c.username == username).with_for_update()).first()
        if u is None or not u.active:
            password_matches(_dummy_hash(), password)  # as long as a known user's check
            if u is None:
                record(conn, Actor(None, UNKNOWN_USER, Role.AUDITOR), now, "登录失败", "user", "",
                       None, {"username": typed_name(username), "reason": "用户名不存在"})
            else:
                record(conn, Actor(u.id, u.username, Role(u.role)), now, "登录失败", "user", u.id,
                       None, {"reason": "账号已停用"})
            failed = "用户名或密码错误"
        elif u.locked_until and u.locked_until > now:
            minutes = max(1, -int(-(u.locked_until - now).total_seconds() // 60))
            record(conn, Actor(u.id, u.username, Role(u.role)), now, "登录失败", "user", u.id,
                   None, {"reason": "账号已锁定", "locked_until": u.locked_until})
            failed = f"登录失败次数过多，账号已锁定，请{minutes}分钟后再试"
        elif not password_matches(u.password_hash, password):
            this_user = update(app_user).where(app_user.c.id == u.id)
            failures = (u.failed_logins or 0) + 1
            if failures >= MAX_FAILED_LOGINS:
                locked_until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
                conn.execute(this_user.values(failed_logins=0, locked_until=locked_until))
                record(conn, Actor(u.id, u.username, Role(u.role)), now, "登录失败，账号锁定", "user", u.id,
                       None, {"locked_until": locked_until})
                failed = f"登录失败次数过多，账号已锁定{LOCKOUT_MINUTES}分钟"
            else:
                conn.execute(this_user.values(failed_logins=failures))
                record(conn, Actor(u.id, u.username, Role(u.role)), now, "登录失败", "user", u.id,
                       None, {"reason": "密码错误", "failed_logins": failures})
                left = MAX_FAILED_LOGINS - failures
                failed = f"用户名或密码错误（再错{left}次将锁定{LOCKOUT_MINUTES}分钟）"
        else:
            this_user = update(app_user).where(app_user.c.id == u.id)
            values: dict = {"failed_logins": 0, "locked_until": None, "last_login": now}
            if _hasher.check_needs_rehash(u.password_hash):
                values["password_hash"] = _hasher.hash(password)
            conn.execute(this_user.values(**values))
            actor = Actor(u.id, u.username, Role(u.role), u.display_name)
            record(conn, actor, now, "登录", "user", u.id)
    if failed:
        raise AuthError(failed)
    app.set_session_user(actor.username)
    return actor
