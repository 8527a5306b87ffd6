"""Key/value settings stored in the database (shared by every PC)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import Setting

DEFAULTS = {
    "assessment.instrument": "GB/T 42195-2022",
    "assessment.interval_months": "6",
    "assessment.due_window_days": "30",
    # 押金专户 interest when the rate changes mid-period (domain.interest.MODES)
    "escrow.interest_mode": "split",
}


def get(s: Session, key: str) -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else DEFAULTS[key]


def put(s: Session, key: str, value: str) -> str | None:
    """Set a value; returns the old one."""
    row = s.get(Setting, key)
    old = row.value if row is not None else DEFAULTS.get(key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
    return old
