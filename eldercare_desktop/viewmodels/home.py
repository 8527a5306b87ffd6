"""首页 screen logic (no Qt, no services): which figures and charts each role
sees, where each figure's list opens, the text of a tile and of the
details table. Works on ``services.dashboard.Summary`` by its attributes."""
from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from ..domain.money import format_yuan
from ..domain.roles import Role

DASH = "—"

ADMISSIONS, DISCHARGES, FREE_BEDS, UNCONTRACTED = "admissions", "discharges", "free_beds", "uncontracted"
ASSESSMENTS_DUE, REFUNDS_DUE, REFUNDS_OVERDUE, ARREARS = "assessments_due", "refunds_due", "refunds_overdue", "arrears"
DISCLOSURE, SUBSIDY_REMINDERS, BACKUP = "disclosure", "subsidy_reminders", "backup"
OCCUPANCY, INCOME, DEPOSITS = "occupancy", "income", "deposits"

ALL_FIGURES = (ADMISSIONS, DISCHARGES, FREE_BEDS, UNCONTRACTED, ASSESSMENTS_DUE, REFUNDS_DUE, REFUNDS_OVERDUE,
               ARREARS, DISCLOSURE, SUBSIDY_REMINDERS, BACKUP)
ALL_CHARTS = (OCCUPANCY, INCOME, DEPOSITS)

#: what each role works with, in the order the tiles show
ROLE_FIGURES: dict[str, tuple[str, ...]] = {
    # 前台: who comes and goes, beds, contracts to sign, assessments, backups
    Role.FRONT_DESK.value: (ADMISSIONS, DISCHARGES, FREE_BEDS, UNCONTRACTED, ASSESSMENTS_DUE, BACKUP),
    # 会计: money owed both ways, residents never billed, deadlines, claims
    Role.ACCOUNTANT.value: (ARREARS, REFUNDS_DUE, REFUNDS_OVERDUE, UNCONTRACTED, DISCLOSURE, SUBSIDY_REMINDERS,
                            BACKUP),
    # 审计: what a compliance check looks at first
    Role.AUDITOR.value: (REFUNDS_OVERDUE, UNCONTRACTED, ARREARS, DISCLOSURE, REFUNDS_DUE, BACKUP),
    Role.ADMIN.value: ALL_FIGURES,
}
ROLE_CHARTS: dict[str, tuple[str, ...]] = {
    Role.FRONT_DESK.value: (OCCUPANCY,),
    Role.ACCOUNTANT.value: (INCOME, DEPOSITS),
    Role.AUDITOR.value: (DEPOSITS, INCOME),
    Role.ADMIN.value: ALL_CHARTS,
}

#: figure → (page key, filter) the main window routes ``open_list`` to; absent = the home page's details table
ROUTES: dict[str, tuple[str, Any]] = {
    FREE_BEDS: ("beds", "free"),
    UNCONTRACTED: ("contracts", "uncontracted"),
    ASSESSMENTS_DUE: ("assessment", "due"),
    REFUNDS_DUE: ("escrow", "due"),
    REFUNDS_OVERDUE: ("escrow", "overdue"),
    ARREARS: ("billing", "ageing"),
    DISCLOSURE: ("reports", "disclosure"),
    SUBSIDY_REMINDERS: ("subsidies", "claims"),
}
#: figures whose tile shows an amount under the count
MONEY = frozenset({REFUNDS_DUE, REFUNDS_OVERDUE, ARREARS})
#: figures whose tile shows a line of text rather than a count
NOTICES = frozenset({DISCLOSURE, BACKUP})

DETAIL_COLUMNS = ("name", "bed", "day", "amount", "note")


def figures_for(role: str | Role) -> tuple[str, ...]:
    r = role.value if isinstance(role, Role) else str(role)
    return ROLE_FIGURES.get(r, ())


def charts_for(role: str | Role) -> tuple[str, ...]:
    r = role.value if isinstance(role, Role) else str(role)
    return ROLE_CHARTS.get(r, ())


def route(key: str) -> tuple[str, Any] | None:
    return ROUTES.get(key)


def day_text(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else DASH


def money(fen: int | None) -> str:
    return DASH if fen is None else format_yuan(fen)


def value_text(fig) -> str:
    """The big number of a tile: always the length of the list it opens."""
    return str(len(fig.rows))


def amount_text(key: str, fig) -> str:
    """The amount under the number (sum of the list's amounts) or ''."""
    return format_yuan(sum(r.amount_fen or 0 for r in fig.rows)) if key in MONEY else ""


def backup_days(fig) -> int | None:
    return fig.days


def cell(row, column: str) -> str:
    if column == "name":
        return row.name
    if column == "bed":
        return row.bed or DASH
    if column == "day":
        return day_text(row.day)
    if column == "amount":
        return "" if row.amount_fen is None else format_yuan(row.amount_fen)
    if column == "note":
        return row.note
    raise KeyError(column)


def has_amounts(rows: Sequence) -> bool:
    return any(r.amount_fen is not None for r in rows)


def alert_count(summary, keys: Sequence[str]) -> int:
    """Figures on show that call for action."""
    return sum(1 for k in keys if summary.figures[k].alert)


def series(points) -> tuple[list[str], list[int]]:
    """(labels 'yy-mm', values) of a month series (money stays fen)."""
    return [f"{p.month_end:%y-%m}" for p in points], [p.value for p in points]


__all__ = [
    "ALL_FIGURES", "ALL_CHARTS", "ROLE_FIGURES", "ROLE_CHARTS", "ROUTES", "MONEY", "NOTICES", "DETAIL_COLUMNS",
    "figures_for", "charts_for", "route", "value_text", "amount_text", "cell", "has_amounts", "alert_count",
    "series", "day_text", "money",
]
