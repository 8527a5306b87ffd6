"""Document numbers of the form <prefix><year>-NNNN (HT2026-0001, PG2026-0012,
YJ2026-0003): the next after the highest so far, compared as numbers, so the
10,000th of a year follows the 9,999th (PG2026-10000, not a repeat)."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import lock


def next_number(s: Session, column, prefix: str) -> str:
    """The next number after ``prefix`` (e.g. "HT2026-") in ``column``; two
    PCs numbering at once take turns until the first commits (PostgreSQL)."""
    lock(s, f"number:{column.table.name}:{prefix}")
    last = s.execute(select(column).where(column.like(prefix + "%"))
                     .order_by(func.length(column).desc(), column.desc()).limit(1)).scalar()
    n = int(last[len(prefix):]) + 1 if last else 1
    return f"{prefix}{n:04d}"
