"""Screen logic of the audit log: compact before/after text and a key-by-key diff.

The audit rows store canonical JSON (sorted keys, compact) or "" (see
``domain.audit.canonical``). No Qt here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Callable

from .money import format_yuan
from .records import AuditEntry

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


#: keys holding amounts in fen (besides every key ending in ``_fen``), as the services write them
MONEY_KEYS = frozenset({"amount", "price", "monthly", "cap", "deposit", "refund", "balance", "claimed", "approved",
                        "to_prepaid", "to_receivable", "deposit_excess", "debit", "credit",
                        # {kind or name: fen}
                        "by_kind", "cuts", "amounts"})
#: keys that are amounts only in one entity's rows (elsewhere "bed" is a bed, "residents" a list…)
ENTITY_MONEY_KEYS = {"contract": frozenset({"bed", "care", "meals"}),
                     "subsidy_claim": frozenset({"centre", "residents"})}
#: names of the fee kinds in a {kind: fen} value (contract settlement by_kind)
KIND_NAMES = {"bed": "床位费", "care": "护理费", "meals": "伙食费", "other": "其他"}

AccountName = Callable[[str], str]


def is_money(key: str, entity: str = "") -> bool:
    return key.endswith("_fen") or key in MONEY_KEYS or key in ENTITY_MONEY_KEYS.get(entity, ())


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def money_text(fen: int) -> str:
    """Fen as a person reads it: 123456 → ¥1,234.56."""
    return format_yuan(int(fen))


def chart_account_name(code: str) -> str:
    """The account's name in the official chart (小企业/民间非营利 2004), else the code."""
    from ..domain.ledger import CHART_2004

    return CHART_2004.name(code)


def is_journal_lines(value: object) -> bool:
    """[[account, debit, credit, (resident_id, memo)], …] as the ledger services write them."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(x, list) and len(x) >= 3 and isinstance(x[0], str) and _is_int(x[1]) and _is_int(x[2])
                    for x in value))


def journal_line_text(line: list, account_name: AccountName | None = None, entity_label=lambda e: e) -> str:
    """["100201", 10000, 0, 7, "收款"] → "100201 银行存款—基本户 借 ¥100.00（住户 7）收款"."""
    code, debit, credit = str(line[0]), line[1], line[2]
    name = (account_name or chart_account_name)(code)
    side, fen = ("借", debit) if debit else ("贷", credit)
    out = f"{code} {name} {side} {money_text(fen)}" if name and name != code else f"{code} {side} {money_text(fen)}"
    rid = line[3] if len(line) > 3 else None
    if rid not in (None, ""):
        out += f"（{entity_label('resident')} {rid}）"
    memo = line[4] if len(line) > 4 else ""
    if memo:
        out += memo if out.endswith("）") else f" {memo}"
    return out


_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?$")


def date_text(value: str) -> str:
    """"2026-11-25T09:30:00" → "2026-11-25 09:30"; anything else unchanged."""
    m = _DATETIME.match(value)
    return f"{m.group(1)} {m.group(2)}" if m else value


def field_value(key: str, value: object, entity_label=lambda e: e, entity: str = "",
                account_name: AccountName | None = None) -> str:
    """A value for the screen, knowing its key: role codes as role names, ids of
    other entities as "住户 228", amounts in fen as ¥1,234.56, journal lines as
    "100201 银行存款—基本户 借 ¥100.00", date-times without the "T"; else ``value_text``."""
    if value is None or value == "":
        return value_text(value) if value is None else ""
    if key in ROLE_KEYS and isinstance(value, str):
        return role_text(value)
    if key in ID_KEYS and isinstance(value, (int, str)) and not isinstance(value, bool):
        return f"{entity_label(ID_KEYS[key])} {value}"
    if is_money(key, entity):
        if _is_int(value):
            return money_text(value)
        if isinstance(value, dict) and all(_is_int(v) for v in value.values()):
            return "，".join(f"{KIND_NAMES.get(k, k)} {money_text(v)}" for k, v in value.items())
    if is_journal_lines(value):
        return "；".join(journal_line_text(x, account_name, entity_label) for x in value)
    if isinstance(value, str):
        return date_text(value)
    if isinstance(value, list) and value and all(isinstance(x, str) for x in value):
        return "、".join(date_text(x) for x in value)
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


def compact(text: str, limit: int | None = 90, labels: dict[str, str] | None = None, entity_label=lambda e: e,
            entity: str = "", account_name: AccountName | None = None) -> str:
    """``{"a":1,"b":"x"}`` → ``a=1, b=x`` on one line, cut at ``limit`` with "…"
    (``None``: never cut); with ``labels`` the keys are shown by their labels
    (``标签=值``); values as :func:`field_value` shows them."""
    data = parse(text)
    if data is None:
        return ""
    if isinstance(data, dict):
        lb = labels or {}
        out = ", ".join(f"{lb.get(k, k)}={field_value(k, v, entity_label, entity, account_name)}"
                        for k, v in data.items())
    else:
        out = value_text(data)
    out = " ".join(out.split())
    return out if limit is None or len(out) <= limit else out[: limit - 1] + "…"


def readable(text: str, labels: dict[str, str] | None = None, entity_label=lambda e: e, entity: str = "",
             account_name: AccountName | None = None) -> str:
    """The whole before/after as a person reads it, one "标签：值" per line and
    one journal line per line (for exports and printing)."""
    data = parse(text)
    if data is None:
        return ""
    if not isinstance(data, dict):
        return value_text(data)
    lb = labels or {}
    out = []
    for k, v in data.items():
        if v == "" or v == [] or v == {}:
            continue  # nothing to read
        if is_journal_lines(v):
            out.append(f"{lb.get(k, k)}：")
            out += ["  " + journal_line_text(x, account_name, entity_label) for x in v]
        else:
            out.append(f"{lb.get(k, k)}：{field_value(k, v, entity_label, entity, account_name)}")
    return "\n".join(out)


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


def diff(before: str, after: str, entity_label=lambda e: e, entity: str = "",
         account_name: AccountName | None = None) -> list[DiffRow]:
    """Key by key, changed keys first, then added, removed, unchanged (each by key).
    A non-object value (a list, a number) diffs as the single key ""."""
    b, a = parse(before), parse(after)
    if not isinstance(b, dict) or not isinstance(a, dict):
        if b is None and a is None:
            return []
        b = {} if b is None else (b if isinstance(b, dict) else {"": b})
        a = {} if a is None else (a if isinstance(a, dict) else {"": a})
    rows = []

    def fv(key: str, value: object) -> str:
        return field_value(key, value, entity_label, entity, account_name)

    for key in sorted(set(b) | set(a)):
        if key not in b:
            rows.append(DiffRow(key, "", fv(key, a[key]), DiffKind.ADDED))
        elif key not in a:
            rows.append(DiffRow(key, fv(key, b[key]), "", DiffKind.REMOVED))
        elif a[key] != b[key]:
            rows.append(DiffRow(key, fv(key, b[key]), fv(key, a[key]), DiffKind.CHANGED))
        else:
            rows.append(DiffRow(key, fv(key, b[key]), fv(key, a[key]), DiffKind.SAME))
    order = {DiffKind.CHANGED: 0, DiffKind.ADDED: 1, DiffKind.REMOVED: 2, DiffKind.SAME: 3}
    return sorted(rows, key=lambda r: (order[r.kind], r.key))


def at_text(at: str) -> str:
    """ISO "2026-11-25T09:30:00" → "2026-11-25 09:30:00"."""
    return at.replace("T", " ")


def cell(entry: AuditEntry, column: str, entity_label=lambda e: e, labels: dict[str, str] | None = None,
         account_name: AccountName | None = None) -> str:
    if column == "seq":
        return str(entry.seq)
    if column == "at":
        return at_text(entry.at)
    if column == "entity":
        return entity_label(entry.entity)
    if column == "before":
        return compact(entry.before, labels=labels, entity_label=entity_label, entity=entry.entity,
                       account_name=account_name)
    if column == "after":
        return compact(entry.after, labels=labels, entity_label=entity_label, entity=entry.entity,
                       account_name=account_name)
    return str(getattr(entry, column))


#: the columns of an exported or printed trail
EXPORT_HEADERS = ("序号", "时间", "用户", "操作", "对象", "对象编号", "修改前", "修改后")


def export_row(entry: AuditEntry, entity_label=lambda e: e, labels: dict[str, str] | None = None,
               account_name: AccountName | None = None) -> tuple[str, ...]:
    """One entry for an export: every column in full, before/after one item a line."""
    def full(text: str) -> str:
        return readable(text, labels, entity_label, entry.entity, account_name)

    return (str(entry.seq), at_text(entry.at), entry.user, entry.action, entity_label(entry.entity),
            entry.entity_id, full(entry.before), full(entry.after))


def newest_first(entries: list[AuditEntry]) -> list[AuditEntry]:
    return sorted(entries, key=lambda e: e.seq, reverse=True)
