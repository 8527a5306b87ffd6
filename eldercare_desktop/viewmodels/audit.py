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
ENTITIES = ("resident", "user", "room", "bed", "centre", "database", "assessment", "care_level_change", "setting",
            "roster", "journal_entry", "fee_item", "fee_price", "period_close", "contract", "receipt", "bill_run")

#: keys whose value is the database id of another entity: shown as "<entity> <id>" (e.g. 住户 228)
ID_KEYS = {"resident_id": "resident", "bed_id": "bed", "receipt_id": "receipt", "entry_id": "journal_entry",
           "void_entry_id": "journal_entry"}

#: keys whose values are role codes (shown with domain.roles.ROLE_LABELS)
ROLE_KEYS = frozenset({"role"})


def role_text(value: object) -> str:
    from ..domain.roles import ROLE_LABELS

    labels = {str(getattr(k, "value", k)): v for k, v in ROLE_LABELS.items()}
    return labels.get(str(value), str(value))


def field_value(key: str, value: object, entity_label=lambda e: e) -> str:
    """A value for the screen, knowing its key: role codes as role names, ids of
    other entities as "住户 228"; else ``value_text``."""
    if value is None or value == "":
        return value_text(value) if value is None else ""
    if key in ROLE_KEYS and isinstance(value, str):
        return role_text(value)
    if key in ID_KEYS and isinstance(value, (int, str)) and not isinstance(value, bool):
        return f"{entity_label(ID_KEYS[key])} {value}"
    return value_text(value)

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


def compact(text: str, limit: int = 90, labels: dict[str, str] | None = None, entity_label=lambda e: e) -> str:
    """``{"a":1,"b":"x"}`` → ``a=1, b=x`` on one line, cut at ``limit`` with "…";
    with ``labels`` the keys are shown by their labels (``标签=值``)."""
    data = parse(text)
    if data is None:
        return ""
    if isinstance(data, dict):
        lb = labels or {}
        out = ", ".join(f"{lb.get(k, k)}={field_value(k, v, entity_label)}" for k, v in data.items())
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


def diff(before: str, after: str, entity_label=lambda e: e) -> list[DiffRow]:
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
            rows.append(DiffRow(key, "", field_value(key, a[key], entity_label), DiffKind.ADDED))
        elif key not in a:
            rows.append(DiffRow(key, field_value(key, b[key], entity_label), "", DiffKind.REMOVED))
        elif a[key] != b[key]:
            rows.append(DiffRow(key, field_value(key, b[key], entity_label), field_value(key, a[key], entity_label),
                                DiffKind.CHANGED))
        else:
            rows.append(DiffRow(key, field_value(key, b[key], entity_label), field_value(key, a[key], entity_label),
                                DiffKind.SAME))
    order = {DiffKind.CHANGED: 0, DiffKind.ADDED: 1, DiffKind.REMOVED: 2, DiffKind.SAME: 3}
    return sorted(rows, key=lambda r: (order[r.kind], r.key))


def at_text(at: str) -> str:
    """ISO "2026-11-25T09:30:00" → "2026-11-25 09:30:00"."""
    return at.replace("T", " ")


def cell(entry: AuditEntry, column: str, entity_label=lambda e: e, labels: dict[str, str] | None = None) -> str:
    if column == "seq":
        return str(entry.seq)
    if column == "at":
        return at_text(entry.at)
    if column == "entity":
        return entity_label(entry.entity)
    if column == "before":
        return compact(entry.before, labels=labels, entity_label=entity_label)
    if column == "after":
        return compact(entry.after, labels=labels, entity_label=entity_label)
    return str(getattr(entry, column))


def newest_first(entries: list[AuditEntry]) -> list[AuditEntry]:
    return sorted(entries, key=lambda e: e.seq, reverse=True)
