"""Logins (issue 13): failed logins are audited, an unknown user costs a
password check too (no user-name probing by timing), lockout stays."""
from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from eldercare_desktop.db.models import AuditLog, User
from eldercare_desktop.domain.errors import AuthError
from eldercare_desktop.domain.roles import LOCKOUT_MINUTES, MAX_FAILED_LOGINS, Role
from eldercare_desktop.services import audit, auth, users
from tests.conftest import PASSWORD


def _rows(app) -> list[tuple[str, str, str, str, dict | None]]:
    with app.read_factory() as s:
        return [(r.user, r.action, r.entity, r.entity_id, json.loads(r.after) if r.after else None)
                for r in s.execute(select(AuditLog).order_by(AuditLog.seq)).scalars()]


class CountingHasher(PasswordHasher):
    """The tests' cheap hasher, counting verify calls (what the timing rests on)."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verified: list[str] = []

    def verify(self, hash, password):  # noqa: A002
        self.verified.append(hash)
        return super().verify(hash, password)


@pytest.fixture
def counting(monkeypatch):
    h = CountingHasher()
    monkeypatch.setattr(auth, "_hasher", h)
    return h


def test_an_unknown_user_costs_a_password_check_like_a_known_one(app, admin, counting):
    with pytest.raises(AuthError, match="^用户名或密码错误$"):
        users.login(app, "nobody", "wrong-pass1")
    assert len(counting.verified) == 1
    # the dummy hash has the hasher's own parameters, so the check costs the same
    assert not counting.check_needs_rehash(counting.verified[0])
    with pytest.raises(AuthError):
        users.login(app, "admin", "wrong-pass1")
    assert len(counting.verified) == 2


def test_a_disabled_user_costs_a_password_check_too(app, admin, counting):
    users.create_user(app.as_user(admin), "qiantai", Role.FRONT_DESK.value, PASSWORD, "前台")
    uid = users.login(app, "qiantai", PASSWORD).user_id
    users.update_user(app.as_user(admin), uid, Role.FRONT_DESK.value, False, "前台")
    n = len(counting.verified)
    with pytest.raises(AuthError, match="^用户名或密码错误$"):
        users.login(app, "qiantai", PASSWORD)  # even the right password: the same answer as a wrong name
    assert len(counting.verified) == n + 1
    assert _rows(app)[-1] == ("qiantai", "登录失败", "user", str(uid), {"reason": "账号已停用"})


def test_failed_logins_are_audited(app, admin):
    with pytest.raises(AuthError, match="再错4次"):
        users.login(app, "admin", "wrong-pass1")
    with pytest.raises(AuthError):
        users.login(app, "ad\x1bmin\r\n" + "x" * 60, "wrong-pass1")
    rows = _rows(app)
    assert rows[-2] == ("admin", "登录失败", "user", str(admin.user_id), {"reason": "密码错误", "failed_logins": 1})
    user, action, entity, entity_id, after = rows[-1]
    assert (user, action, entity, entity_id) == (auth.UNKNOWN_USER, "登录失败", "user", "")
    assert after["reason"] == "用户名不存在"
    assert after["username"] == "ad\\x1bmin\\x0d\\x0a" + "x" * 22 + "…" and len(after["username"]) == 40
    assert audit.verify(app) == (len(rows), None)


def test_lockout_stays_and_a_locked_login_is_audited(app, clock, admin):
    users.create_user(app.as_user(admin), "kuaiji", Role.ACCOUNTANT.value, PASSWORD, "会计")
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            users.login(app, "kuaiji", "wrong-pass1")
    with pytest.raises(AuthError, match=f"请{LOCKOUT_MINUTES}分钟后再试"):
        users.login(app, "kuaiji", PASSWORD)  # locked: the right password does not help
    actions = [a for _, a, *_ in _rows(app)]
    assert actions[-(MAX_FAILED_LOGINS + 1):] == ["登录失败"] * (MAX_FAILED_LOGINS - 1) + ["登录失败，账号锁定", "登录失败"]
    assert _rows(app)[-1][4]["reason"] == "账号已锁定"
    clock.time += __import__("datetime").timedelta(minutes=LOCKOUT_MINUTES + 1)
    assert users.login(app, "kuaiji", PASSWORD).username == "kuaiji"
    with app.read_factory() as s:
        u = s.execute(select(User).where(User.username == "kuaiji")).scalar_one()
    assert (u.failed_logins, u.locked_until) == (0, None)


def test_the_typed_name_is_kept_short_and_escaped():
    assert auth.typed_name("张三") == "张三"
    assert auth.typed_name("a\u202eb\x00") == "a\\u202eb\\x00"
    assert auth.typed_name("y" * 100) == "y" * 39 + "…"
