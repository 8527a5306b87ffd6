"""Users, roles and login (argon2 hashes, lockout after repeated failures)."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from ..db.models import User
from ..domain.errors import AuthError, NotFound, Problems, RuleViolation
from ..domain.records import Changes, UserInfo
from ..domain.roles import SYSTEM, Actor, Perm, Role, password_problem
from .audit import audit, record
from .auth import hash_password, password_matches
from .auth import login, needs_first_run, set_hasher  # noqa: F401  (login lives in .auth)
from .context import App, Ctx
from . import busy
from . import versions

_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,40}$")


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.display_name, u.role, u.active, u.locked_until, u.last_login, u.version)


def _snapshot(u: User) -> dict:
    return {"username": u.username, "display_name": u.display_name, "role": u.role, "active": u.active}


def _check_new_user(username: str, role: str, password: str) -> Problems:
    p = Problems()
    if not _USERNAME.match(username or ""):
        p.add("username", "用户名应为2至40位字母、数字、下划线、点或减号")
    try:
        Role(role)
    except ValueError:
        p.add("role", f"未知的角色“{role}”")
    problem = password_problem(password or "")
    if problem:
        p.add("password", problem)
    return p


@busy.retrying
def create_first_admin(app: App, username: str, password: str, display_name: str = "管理员") -> Actor:
    """First run only: creates the admin account. Refused once any user exists."""
    p = _check_new_user(username, Role.ADMIN.value, password)
    p.raise_if_any()
    now = app.now()
    with busy.translated(), app.write_factory.begin() as s:
        if s.execute(select(func.count()).select_from(User)).scalar_one():
            raise RuleViolation("系统已有用户，不能再次初始化管理员账号")
        u = User(username=username, display_name=display_name, role=Role.ADMIN.value,
                 password_hash=hash_password(password), active=True, failed_logins=0, created_at=now)
        s.add(u)
        s.flush()
        record(s, SYSTEM, now, "创建管理员（首次运行）", "user", u.id, None, _snapshot(u))
        return Actor(u.id, u.username, Role.ADMIN, u.display_name)


def list_users(ctx: Ctx) -> list[UserInfo]:
    """Who holds which role: admins, and auditors/accountants (read-only review)."""
    with ctx.read(Perm.AUDIT_READ) as s:
        return [_info(u) for u in s.execute(select(User).order_by(User.id)).scalars()]


@busy.retrying
def create_user(ctx: Ctx, username: str, role: str, password: str, display_name: str = "") -> Changes:
    ctx.require(Perm.USER_ADMIN)
    p = _check_new_user(username, role, password)
    p.raise_if_any()
    with ctx.write(Perm.USER_ADMIN) as s:
        if s.execute(select(User.id).where(User.username == username)).first():
            raise RuleViolation(f"用户名“{username}”已存在", "username")
        u = User(username=username, display_name=display_name.strip(), role=role,
                 password_hash=hash_password(password), active=True, failed_logins=0, created_at=ctx.now())
        s.add(u)
        s.flush()
        audit(ctx, s, "新增用户", "user", u.id, None, _snapshot(u))
        return Changes.of("user", ids=(u.id,), message=f"已新增用户“{username}”")


@busy.retrying
def update_user(ctx: Ctx, user_id: int, role: str, active: bool, display_name: str,
                *, expected_version: int | None = None) -> Changes:
    ctx.require(Perm.USER_ADMIN)
    try:
        Role(role)
    except ValueError:
        raise RuleViolation(f"未知的角色“{role}”", "role") from None
    with ctx.write(Perm.USER_ADMIN) as s:
        u = s.get(User, user_id)
        if u is None:
            raise NotFound("用户不存在")
        versions.check(u, expected_version, f"用户{u.username}")
        before = _snapshot(u)
        if u.id == ctx.actor.user_id and (not active or role != Role.ADMIN.value):
            raise RuleViolation("不能停用自己的账号或取消自己的管理员角色")
        if u.role == Role.ADMIN.value and (role != Role.ADMIN.value or not active):
            admins = s.execute(
                select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active.is_(True))
            ).scalar_one()
            if admins <= 1:
                raise RuleViolation("至少需要保留一位启用的管理员")
        u.role, u.active, u.display_name = role, active, display_name.strip()
        audit(ctx, s, "修改用户", "user", u.id, before, _snapshot(u))
        return Changes.of("user", ids=(u.id,))


@busy.retrying
def reset_password(ctx: Ctx, user_id: int, new_password: str) -> Changes:
    ctx.require(Perm.USER_ADMIN)
    problem = password_problem(new_password or "")
    if problem:
        raise RuleViolation(problem, "password")
    with ctx.write(Perm.USER_ADMIN) as s:
        u = s.get(User, user_id)
        if u is None:
            raise NotFound("用户不存在")
        u.password_hash = hash_password(new_password)
        u.failed_logins = 0
        u.locked_until = None
        audit(ctx, s, "重置密码并解锁", "user", u.id)
        return Changes.of("user", ids=(u.id,))


@busy.retrying
def change_own_password(app: App, actor: Actor, old: str, new: str) -> None:
    """Any signed-in user, auditors included, may change their own password."""
    problem = password_problem(new or "")
    if problem:
        raise RuleViolation(problem, "password")
    with busy.translated(), app.write_factory.begin() as s:
        u = s.get(User, actor.user_id)
        if u is None:
            raise NotFound("用户不存在")
        if not password_matches(u.password_hash, old):
            raise AuthError("原密码不正确")
        u.password_hash = hash_password(new)
        record(s, actor, app.now(), "修改本人密码", "user", u.id)
