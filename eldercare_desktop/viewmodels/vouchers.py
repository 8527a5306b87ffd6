"""Screen logic of the 记账凭证 and 固定资产 tabs: filters, columns and cell
text, sorting, which actions the selection allows, the lines grid of a
hand-entered voucher read into balanced ``Line``s, and the asset register's
figures. No Qt here: the tabs supply translated words, this module the
figures (money through ``domain.money``, never float)."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..domain import books as B
from ..domain.errors import Problems, RuleViolation
from ..domain.ledger import Chart, Kind, Line
from ..domain.money import format_yuan, yuan_to_fen
from .finance import DASH, Column, day_text

ALL_MONTHS = 0  # the month filter's 全年
STATUS_FILTERS = ("", B.PENDING, B.REVIEWED, B.VOID)  # "" = 全部
STATUS_COLOURS = {B.PENDING: "#ef6c00", B.REVIEWED: "#2e7d32", B.VOID: "#9e9e9e"}
BALANCE_SHEET = (Kind.ASSET, Kind.LIABILITY, Kind.NET_ASSETS)
# templates offered by the 新建凭证 dialog: 购置固定资产 is entered from the
# 固定资产 tab, which makes the asset card together with its voucher
DIALOG_TEMPLATES = tuple(k for k in B.TEMPLATES if k != "asset")


def amount(fen: int) -> str:
    """A debit or credit cell: blank for zero."""
    return format_yuan(fen) if fen else ""


def date_range(year: int, month: int = ALL_MONTHS) -> tuple[dt.date, dt.date]:
    """The first and last day of a month, or of the year for ``ALL_MONTHS``."""
    if month == ALL_MONTHS:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def status_colour(status: str) -> str | None:
    return STATUS_COLOURS.get(status)


# --- the vouchers table ------------------------------------------------------------

@dataclass(frozen=True)
class Labels:
    """Words the tab translates: status and template names, the 红冲 cell."""

    statuses: Mapping[str, str] = field(default_factory=lambda: {s: s for s in STATUS_COLOURS})
    templates: Mapping[str, str] = field(default_factory=lambda: dict(B.TEMPLATES))
    reverses: str = "冲 %1"
    reversed_by: str = "被 %1 冲"
    total: str = "合计"


def red_text(v: Any, labels: Labels = Labels()) -> str:
    parts = []
    if v.reverses_number:
        parts.append(labels.reverses.replace("%1", v.reverses_number))
    if v.reversed_by_number:
        parts.append(labels.reversed_by.replace("%1", v.reversed_by_number))
    return "；".join(parts)


def voucher_columns(labels: Labels = Labels()) -> tuple[Column, ...]:
    """凭证号, 日期, 摘要, 模板, 金额, 附件, 状态, 制单, 审核, 红冲."""
    return (
        Column("number", lambda v: v.number),
        Column("day", lambda v: day_text(v.day)),
        Column("memo", lambda v: v.memo),
        Column("template", lambda v: labels.templates.get(v.template, v.template)),
        Column("amount", lambda v: format_yuan(v.total), True),
        Column("attachments", lambda v: str(v.attachments), True),
        Column("status", lambda v: labels.statuses.get(v.status, v.status)),
        Column("created_by", lambda v: v.created_by),
        Column("reviewed_by", lambda v: v.reviewed_by or ""),
        Column("red", lambda v: red_text(v, labels)),
    )


def tooltip(v: Any, column: Column) -> str | None:
    """The whole text of a cell that may be cut short: the memo, the 红冲 link."""
    if column.key in ("memo", "red"):
        return column.text(v) or None
    return None


VOUCHER_SORT: dict[str, Callable[[Any], Any]] = {
    "number": lambda v: (v.day.year, v.number),
    "day": lambda v: (v.day, v.number),
    "amount": lambda v: v.total,
    "attachments": lambda v: v.attachments,
}


def sort_rows(rows: Sequence[Any], column: Column, descending: bool = False,
              keys: Mapping[str, Callable[[Any], Any]] = VOUCHER_SORT) -> list[Any]:
    """Rows sorted by a column: by value where the column has a key, else by its text."""
    key = keys.get(column.key, column.text)
    return sorted(rows, key=key, reverse=descending)


@dataclass(frozen=True)
class Actions:
    review: bool
    void: bool
    reverse: bool


def actions(selected: Sequence[Any]) -> Actions:
    """What the selected vouchers allow: 审核 any number of pending ones;
    作废 one pending; 红冲 one reviewed voucher that is not a reversal and
    has not been reversed."""
    one = selected[0] if len(selected) == 1 else None
    return Actions(
        review=bool(selected) and all(v.status == B.PENDING for v in selected),
        void=one is not None and one.status == B.PENDING,
        reverse=one is not None and one.status == B.REVIEWED and not one.reverses_number
        and not one.reversed_by_number,
    )


# --- lines (a voucher's, or a template's preview) --------------------------------------

@dataclass(frozen=True)
class LineRow:
    account: str
    account_name: str
    debit: int
    credit: int
    resident_name: str
    memo: str
    total: bool = False


def line_rows(lines: Iterable[Any], chart: Chart | None = None, total_label: str = "合计",
              residents: Mapping[int, str] | None = None) -> list[LineRow]:
    """Display rows for VoucherLineInfo or domain ``Line``s, then a totals row."""
    out = []
    for x in lines:
        name = getattr(x, "account_name", None) or (chart.name(x.account) if chart else x.account)
        who = getattr(x, "resident_name", None) or (residents or {}).get(x.resident_id, "")
        out.append(LineRow(x.account, name, x.debit, x.credit, who, x.memo))
    if out:
        out.append(LineRow("", total_label, sum(r.debit for r in out), sum(r.credit for r in out), "", "", True))
    return out


LINE_COLUMNS: tuple[Column, ...] = (
    Column("account", lambda r: r.account),
    Column("account_name", lambda r: r.account_name),
    Column("debit", lambda r: amount(r.debit), True),
    Column("credit", lambda r: amount(r.credit), True),
    Column("resident", lambda r: r.resident_name),
    Column("memo", lambda r: r.memo),
)


# --- money typed as yuan -------------------------------------------------------------------

def read_amounts(texts: Mapping[str, str], required: Iterable[str] = ()) -> dict[str, int]:
    """{field: yuan text} → {field: fen}; blank is 0 unless required. Every bad
    field is reported at once (RuleViolation with the field names)."""
    p = Problems()
    out: dict[str, int] = {}
    need = set(required)
    for name, text in texts.items():
        if not text.strip():
            if name in need:
                p.add(name, "请填写金额")
            out[name] = 0
            continue
        try:
            out[name] = yuan_to_fen(text, name)
        except RuleViolation as exc:
            p.items.extend(exc.problems)
    p.raise_if_any()
    return out


# --- the lines grid of a hand-entered voucher --------------------------------------------------

GRID_ACCOUNT, GRID_DEBIT, GRID_CREDIT, GRID_RESIDENT, GRID_MEMO = range(5)


@dataclass(frozen=True)
class GridRow:
    account: str = ""
    debit: str = ""
    credit: str = ""
    resident: str = ""
    memo: str = ""

    @property
    def blank(self) -> bool:
        return not any(s.strip() for s in (self.account, self.debit, self.credit, self.resident, self.memo))


@dataclass(frozen=True)
class GridResult:
    lines: tuple[Line, ...]
    debit: int
    credit: int
    problems: tuple[tuple[int, int, str], ...]  # (row, column, message)

    @property
    def balanced(self) -> bool:
        return self.debit == self.credit and self.debit > 0

    @property
    def ok(self) -> bool:
        return self.balanced and not self.problems

    def messages(self) -> list[str]:
        return [f"第{r + 1}行：{m}" for r, _, m in self.problems]


def tidy_amount(text: str) -> str:
    """A typed amount as the grid shows it ("1200.5" → "1,200.50"); other text as it is."""
    try:
        return format_yuan(yuan_to_fen(text), symbol=False) if text.strip() else ""
    except RuleViolation:
        return text


def account_code(text: str) -> str:
    """"510102 业务活动成本—日常费用" → "510102"."""
    return text.strip().split(" ", 1)[0].strip() if text.strip() else ""


def account_choices(chart: Chart, kinds: Iterable[Kind] | None = None) -> list[str]:
    """"code name" of every leaf account (of ``kinds``), for the completer."""
    allowed = set(kinds) if kinds is not None else None
    return [f"{a.code} {a.name}" for a in chart
            if chart.is_leaf(a.code) and (allowed is None or a.kind in allowed)]


def parent_choices(chart: Chart) -> list[str]:
    """Accounts a centre may open a sub-account under (新增明细科目)."""
    return [f"{a.code} {a.name}" for a in chart if not a.system and not a.per_resident]


def resident_labels(choices: Iterable[Any]) -> dict[str, int]:
    """{label: resident id}; a repeated label gets its id appended."""
    seen: dict[str, int] = {}
    for c in choices:
        seen[c.label] = seen.get(c.label, 0) + 1
    return {(c.label if seen[c.label] == 1 else f"{c.label}#{c.id}"): c.id for c in choices}


def read_grid(rows: Sequence[GridRow], chart: Chart | None = None, residents: Mapping[str, int] | None = None,
              kinds: Iterable[Kind] | None = None) -> GridResult:
    """The grid's rows → lines, totals and every problem by cell. Blank rows
    are skipped; an amount is yuan text; the account is "code name" or a code."""
    allowed = set(kinds) if kinds is not None else None
    lines: list[Line] = []
    problems: list[tuple[int, int, str]] = []
    debit = credit = 0
    for i, r in enumerate(rows):
        if r.blank:
            continue
        code = account_code(r.account)
        acct = chart.get(code) if chart is not None else None
        if not code:
            problems.append((i, GRID_ACCOUNT, "请填写会计科目"))
        elif chart is not None and acct is None:
            problems.append((i, GRID_ACCOUNT, f"会计科目“{code}”不存在"))
        elif chart is not None and not chart.is_leaf(code):
            problems.append((i, GRID_ACCOUNT, f"“{code} {acct.name}”不是末级科目，请选择明细科目"))
        elif acct is not None and allowed is not None and acct.kind not in allowed:
            problems.append((i, GRID_ACCOUNT, f"“{acct.name}”是{acct.kind.value}科目，没有期初余额"))
        fen = {GRID_DEBIT: 0, GRID_CREDIT: 0}
        bad = False
        for col, text in ((GRID_DEBIT, r.debit), (GRID_CREDIT, r.credit)):
            try:
                fen[col] = yuan_to_fen(text) if text.strip() else 0
            except RuleViolation as exc:
                problems.append((i, col, exc.message))
                bad = True
        if not bad and (fen[GRID_DEBIT] != 0) == (fen[GRID_CREDIT] != 0):
            problems.append((i, GRID_DEBIT, "借方、贷方只填一个金额"))
        rid = None
        who = r.resident.strip()
        if who:
            rid = (residents or {}).get(who)
            if rid is None:
                problems.append((i, GRID_RESIDENT, f"找不到住户“{who}”"))
        elif acct is not None and acct.per_resident:
            problems.append((i, GRID_RESIDENT, f"“{acct.name}”须注明住户"))
        debit += fen[GRID_DEBIT]
        credit += fen[GRID_CREDIT]
        lines.append(Line(code, fen[GRID_DEBIT], fen[GRID_CREDIT], rid, r.memo.strip()))
    return GridResult(tuple(lines), debit, credit, tuple(problems))


# --- fixed assets -----------------------------------------------------------------------------

def monthly_fen(a: Any) -> int:
    """A month's depreciation; 0 once the asset is down to its salvage value."""
    return 0 if a.depreciated_fen >= a.cost_fen - a.salvage_fen else a.monthly_fen


def voucher_colour(a: Any) -> str | None:
    """A purchase voucher not (yet) reviewed shows in its status colour: the
    card does not depreciate until the purchase is reviewed."""
    return None if a.voucher_status in ("", B.REVIEWED) else status_colour(a.voucher_status)


def asset_columns() -> tuple[Column, ...]:
    """编号, 名称, 类别, 原值, 启用日期, 使用年限(月), 残值, 部门, 月折旧额, 累计折旧, 净值, 购置凭证."""
    return (
        Column("number", lambda a: a.number),
        Column("name", lambda a: a.name),
        Column("category", lambda a: a.category),
        Column("cost", lambda a: format_yuan(a.cost_fen), True),
        Column("in_use", lambda a: day_text(a.in_use)),
        Column("life", lambda a: str(a.life_months), True),
        Column("salvage", lambda a: format_yuan(a.salvage_fen), True),
        Column("department", lambda a: a.department),
        Column("monthly", lambda a: format_yuan(monthly_fen(a)), True),
        Column("depreciated", lambda a: format_yuan(a.depreciated_fen), True),
        Column("net", lambda a: format_yuan(a.net_fen), True),
        Column("voucher", lambda a: a.voucher_number or DASH),
    )


ASSET_SORT: dict[str, Callable[[Any], Any]] = {
    "cost": lambda a: a.cost_fen, "in_use": lambda a: a.in_use, "life": lambda a: a.life_months,
    "salvage": lambda a: a.salvage_fen, "monthly": monthly_fen, "depreciated": lambda a: a.depreciated_fen,
    "net": lambda a: a.net_fen,
}


def asset_totals(rows: Iterable[Any]) -> tuple[int, int, int]:
    """(原值, 累计折旧, 净值) of the register."""
    rows = list(rows)
    cost = sum(a.cost_fen for a in rows)
    done = sum(a.depreciated_fen for a in rows)
    return cost, done, cost - done
