"""Reassessment dates: interval in months, clamped to the month's end."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


def add_months(day: dt.date, months: int) -> dt.date:
    """2025-08-31 + 6 → 2026-02-28; 2023-08-31 + 6 → 2024-02-29."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


OVERDUE = "已逾期"
DUE_SOON = "即将到期"
NEVER = "从未评估"
REQUESTED = "需即时评估"


@dataclass(frozen=True)
class DueState:
    due_date: dt.date
    days_left: int  # negative when overdue
    state: str  # OVERDUE / DUE_SOON / "" (not due)
    reason: str


def due_state(
    today: dt.date,
    last_base_date: dt.date | None,
    admission: dt.date | None,
    interval_months: int,
    window_days: int = 30,
    requested_on: dt.date | None = None,
) -> DueState:
    """When the next assessment is due, and whether it is overdue or due soon.

    Never assessed: due on the admission day. An immediate-reassessment
    request (condition changed) makes it due on the request day."""
    if requested_on is not None and (last_base_date is None or requested_on > last_base_date):
        due, reason = requested_on, REQUESTED
    elif last_base_date is None:
        due, reason = (admission or today), NEVER
    else:
        due, reason = add_months(last_base_date, interval_months), f"距上次评估满{interval_months}个月"
    days = (due - today).days
    if days < 0:
        state = OVERDUE
    elif days <= window_days:
        state = DUE_SOON
    else:
        state = ""
    return DueState(due, days, state, reason)
