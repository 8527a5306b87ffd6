"""Roles and permissions. Default deny: a role can do only what is listed."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .errors import PermissionDenied


class Role(str, Enum):
    ADMIN = "admin"
    FRONT_DESK = "front_desk"
    ACCOUNTANT = "accountant"
    AUDITOR = "auditor"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "管理员",
    Role.FRONT_DESK: "前台",
    Role.ACCOUNTANT: "会计",
    Role.AUDITOR: "审计",
}


class Perm(str, Enum):
    READ = "read"  # see every page and record
    PRINT = "print"  # PDFs and XLSX exports
    AUDIT_READ = "audit_read"
    RESIDENT_WRITE = "resident_write"  # register, admit, move, leave, discharge
    CENTRE_WRITE = "centre_write"  # centre profile, rooms, beds
    USER_ADMIN = "user_admin"
    BACKUP = "backup"
    RESTORE = "restore"
    SETTINGS_WRITE = "settings_write"
    FINANCE_WRITE = "finance_write"  # later issues: billing, payments, escrow


ROLE_PERMS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.FRONT_DESK: frozenset({Perm.READ, Perm.PRINT, Perm.RESIDENT_WRITE, Perm.BACKUP}),
    Role.ACCOUNTANT: frozenset({Perm.READ, Perm.PRINT, Perm.AUDIT_READ, Perm.FINANCE_WRITE, Perm.BACKUP}),
    Role.AUDITOR: frozenset({Perm.READ, Perm.PRINT, Perm.AUDIT_READ}),
}

PERM_LABELS = {
    Perm.READ: "查看",
    Perm.PRINT: "打印和导出",
    Perm.AUDIT_READ: "查看审计日志",
    Perm.RESIDENT_WRITE: "登记和修改住户",
    Perm.CENTRE_WRITE: "修改机构信息、房间和床位",
    Perm.USER_ADMIN: "管理用户",
    Perm.BACKUP: "备份数据库",
    Perm.RESTORE: "恢复数据库",
    Perm.SETTINGS_WRITE: "修改设置",
    Perm.FINANCE_WRITE: "财务记账",
}


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``user_id`` None only for the system during first run."""

    user_id: int | None
    username: str
    role: Role
    display_name: str = ""

    def can(self, perm: Perm) -> bool:
        return can(self.role, perm)


def can(role: Role | str | None, perm: Perm) -> bool:
    try:
        r = Role(role) if role is not None else None
    except ValueError:
        return False
    if r is None:
        return False
    return perm in ROLE_PERMS.get(r, frozenset())


def require(actor: Actor | None, perm: Perm) -> None:
    if actor is None or not can(actor.role, perm):
        who = f"{actor.role.label}“{actor.username}”" if actor else "未登录用户"
        raise PermissionDenied(f"{who}没有“{PERM_LABELS[perm]}”的权限")


SYSTEM = Actor(None, "system", Role.ADMIN, "系统")

# Login lockout.
MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"密码至少需要{MIN_PASSWORD_LENGTH}个字符"
    if password.isdigit() or password.isalpha():
        return "密码应同时包含字母和数字"
    return None
