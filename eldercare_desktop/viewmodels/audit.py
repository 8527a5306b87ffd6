"""Screen logic of the audit log: compact before/after text and a key-by-key diff.

The audit rows store canonical JSON (sorted keys, compact) or "" (see
``domain.audit.canonical``). No Qt here.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from ..domain.records import AuditEntry

#: entity keys the services record, in the order the filter lists them
ENTITIES = ("resident", "user", "room", "bed", "centre", "database")

COLUMNS = ("seq", "at", "user", "action", "entity", "entity_id", "before", "after")


def parse(text: str) -> object:
    """The stored JSON, or the raw text when it is not JSON, or None when empty."""
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def value_text(value: object) -> str:
    """One value for the screen: strings unquoted, booleans 是/否, the rest JSON."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def compact(text: str, limit: int = 90) -> str:
    """``{"a":1,"b":"x"}`` → ``a=1, b=x`` on one line, cut at ``limit`` with "…"."""
    data = parse(text)
    if data is None:
        return ""
    if isinstance(data, dict):
        out = ", ".join(f"{k}={value_text(v)}" for k, v in data.items())
    else:
        out = value_text(data)
    out = " ".join(out.split())
    return out if len(out) <= limit else out[: limit - 1] + "…"


def pretty(text: str) -> str:
    data = parse(text)
    if data is None:
        return ""
    if isinstance(data, str):
        return data
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


class DiffKind(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SAME = "same"


@dataclass(frozen=True)
class DiffRow:
    key: str
    before: str
    after: str
    kind: DiffKind


def diff(before: str, after: str) -> list[DiffRow]:
    """Key by key, changed keys first, then added, removed, unchanged (each by key).
    A non-object value (a list, a number) diffs as the single key ""."""
    b, a = parse(before), parse(after)
    if not isinstance(b, dict) or not isinstance(a, dict):
        if b is None and a is None:
            return []
        b = {} if b is None else (b if isinstance(b, dict) else {"": b})
        a = {} if a is None else (a if isinstance(a, dict) else {"": a})
    rows = []
    for key in sorted(set(b) | set(a)):
        if key not in b:
            rows.append(DiffRow(key, "", value_text(a[key]), DiffKind.ADDED))
        elif key not in a:
            rows.append(DiffRow(key, value_text(b[key]), "", DiffKind.REMOVED))
        elif a[key] != b[key]:
            rows.append(DiffRow(key, value_text(b[key]), value_text(a[key]), DiffKind.CHANGED))
        else:
            rows.append(DiffRow(key, value_text(b[key]), value_text(a[key]), DiffKind.SAME))
    order = {DiffKind.CHANGED: 0, DiffKind.ADDED: 1, DiffKind.REMOVED: 2, DiffKind.SAME: 3}
    return sorted(rows, key=lambda r: (order[r.kind], r.key))


def at_text(at: str) -> str:
    """ISO "2026-11-25T09:30:00" → "2026-11-25 09:30:00"."""
    return at.replace("T", " ")


def cell(entry: AuditEntry, column: str, entity_label=lambda e: e) -> str:
    if column == "seq":
        return str(entry.seq)
    if column == "at":
        return at_text(entry.at)
    if column == "entity":
        return entity_label(entry.entity)
    if column == "before":
        return compact(entry.before)
    if column == "after":
        return compact(entry.after)
    return str(getattr(entry, column))


def newest_first(entries: list[AuditEntry]) -> list[AuditEntry]:
    return sorted(entries, key=lambda e: e.seq, reverse=True)
