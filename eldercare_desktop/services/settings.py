"""Key/value settings stored in the database (shared by every PC)."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.engine import lock
from ..db.models import Setting

DEFAULTS = {
    "assessment.instrument": "GB/T 42195-2022",
    "assessment.interval_months": "6",
    "assessment.due_window_days": "30",
    # how the monthly run bills (domain.billing.MODES): "advance" = 按月预收 (bed and
    # care fees at the month's start, meals settled after it), "after" = after the month
    "billing.mode": "advance",
    # 押金专户 interest when the rate changes mid-period (domain.interest.MODES)
    "escrow.interest_mode": "split",
    # the youngest age (full years on the admission day) a centre admits; the
    # roster import refuses anyone younger (《养老机构管理办法》: 老年人 = 60+)
    "residents.min_age": "60",
    # automatic daily backups (services.backup_schedule): on/off, the folder
    # ("" = a backups folder beside the database), how many to keep
    "backup.auto": "1",
    "backup.folder": "",
    "backup.keep": "14",
}


def get(s: Session, key: str) -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else DEFAULTS[key]


def get_int(s: Session, key: str) -> int:
    """An integer setting; a stored value that is not an integer falls back to the default."""
    try:
        return int(get(s, key).strip())
    except (TypeError, ValueError):
        return int(DEFAULTS[key])


def put(s: Session, key: str, value: str) -> str | None:
    """Set a value; returns the old one."""
    row = s.get(Setting, key)
    old = row.value if row is not None else DEFAULTS.get(key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
    return old


# --- versions (services.versions): a settings form saves what it read, or nothing

def stamp(s: Session, keys: tuple[str, ...]) -> str:
    """The versions of a form's settings as read ("key=version,…"; 0: never saved)."""
    rows = {r.key: r.version for r in s.query(Setting).filter(Setting.key.in_(keys))}
    return ",".join(f"{k}={rows.get(k, 0)}" for k in keys)


def save_group(s: Session, keys: tuple[str, ...], expected: str | None, what: str = "设置",
               touch: bool = True) -> None:
    """Before a form's settings are saved: refuse (StaleRecord) when another
    PC saved any of them since the form read ``expected`` (None: not checked);
    then count this save as a change of every key, so a third form filled
    before it is refused too. Keys never saved are created first."""
    from ..domain.errors import StaleRecord
    from . import versions

    lock(s, "settings")  # two PCs saving settings at once take turns (PostgreSQL)
    if expected is not None and stamp(s, keys) != expected:
        raise StaleRecord(what)
    if not touch:
        return
    for k in keys:
        row = s.get(Setting, k)
        if row is None:
            s.add(Setting(key=k, value=DEFAULTS[k]))
        else:
            versions.touch(row)
    s.flush()
