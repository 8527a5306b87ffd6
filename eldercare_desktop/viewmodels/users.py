"""Screen logic of the users list. No Qt here."""
from __future__ import annotations

import datetime as dt

from ..domain.records import UserInfo
from ..domain.roles import ROLE_LABELS, Role

COLUMNS = ("username", "display_name", "role", "active", "locked_until", "last_login")


def role_label(role: str) -> str:
    try:
        return ROLE_LABELS[Role(role)]
    except ValueError:
        return role


def is_locked(user: UserInfo, now: dt.datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


def fmt_time(t: dt.datetime | None) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else ""


def cell(user: UserInfo, column: str, now: dt.datetime) -> object:
    """Cell value: text, or a bool for ``active`` (the Qt model words it)."""
    if column == "role":
        return role_label(user.role)
    if column == "active":
        return user.active
    if column == "locked_until":
        return fmt_time(user.locked_until) if is_locked(user, now) else ""
    if column == "last_login":
        return fmt_time(user.last_login)
    return getattr(user, column)


def sort_users(users: list[UserInfo]) -> list[UserInfo]:
    """Active first, then by role (admin, front desk, accountant, auditor), then username."""
    order = {r.value: i for i, r in enumerate(Role)}
    return sorted(users, key=lambda u: (not u.active, order.get(u.role, 99), u.username))


def passwords_match(new: str, again: str) -> bool:
    return new == again
