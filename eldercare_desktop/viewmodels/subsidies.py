"""Screen logic of the 补贴申报 page: the claims list and which actions a
claim allows, a claim's rows (each test with its evidence, the amount per
layer), its totals, caps and funder split; the care-worker register and
what expires; the centre's dated facts, projects, grades and scheme
parameters; the reminders. No Qt here: the page supplies translated words
(``Words``), this module the figures (money through ``domain.money``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..domain.money import format_yuan
from ..domain.subsidy_records import STATUSES, Check, ClaimResult, RowResult, month_runs
from .finance import DASH, Column, day_text, money

OK_MARK, FAIL_MARK = "✔", "✘"
DRAFT, SUBMITTED, APPROVED, RECEIVED, WITHDRAWN = STATUSES
STATUS_COLOURS = {DRAFT: "#ef6c00", SUBMITTED: "#1565c0", APPROVED: "#6a1b9a", RECEIVED: "#2e7d32",
                  WITHDRAWN: "#9e9e9e"}
GREEN, RED, AMBER, GREY = "#2e7d32", "#c62828", "#8a4b00", "#757575"
# row states of a claim's rows
OK, PARTIAL, NONE = "ok", "partial", "none"
STATE_COLOURS = {OK: GREEN, PARTIAL: AMBER, NONE: RED}


@dataclass(frozen=True)
class Words:
    """Words the page translates (Chinese defaults for tests and the CLI)."""

    months_ok: str = "%1：各月符合"
    months_fail: str = "%1：%2个月不符（%3）"
    layer_total: str = "%1：各行合计 %2，本次申报 %3"
    layer_capped: str = "（按上限核减 %1）"
    to_resident: str = "（发给老人）"
    funders: str = "出资方："
    total: str = "申报合计 %1（机构 %2，老人 %3）"
    missing: str = "缺少参数：%1。请在“机构信息 → 补贴参数”中填写当年通知的标准，才能建立申报"
    counted: str = "各月计数："
    month_count: str = "%1月 %2"
    rows: str = "共 %1 行，符合条件 %2 行"
    basis: str = "计算："
    months: str = "计入月份："
    no_months: str = "无计入月份"
    common: str = "各项共同条件"
    layer: str = "%1（%2）"
    more: str = "等"


W = Words()


# --- the claims list ------------------------------------------------------------------

def claim_columns(statuses: Mapping[str, str] | None = None) -> tuple[Column, ...]:
    """编号, 补贴方案, 期间, 状态, 申报金额, 其中机构, 其中老人, 批准金额, 批准日期, 到账日期."""
    names = statuses or {}
    return (
        Column("number", lambda c: c.number),
        Column("scheme", lambda c: c.scheme_name),
        Column("period", lambda c: c.period),
        Column("status", lambda c: names.get(c.status, c.status)),
        Column("claimed", lambda c: format_yuan(c.claimed_fen), True),
        Column("centre", lambda c: format_yuan(c.centre_fen), True),
        Column("resident", lambda c: format_yuan(c.resident_fen), True),
        Column("approved", lambda c: money(c.approved_fen), True),
        Column("approved_on", lambda c: day_text(c.approved_on)),
        Column("received_on", lambda c: day_text(c.received_on)),
    )


CLAIM_SORT: dict[str, Callable[[Any], Any]] = {
    "number": lambda c: (c.number[2:], c.number),  # by year and sequence (BT…, and BW… made before the app)
    "period": lambda c: (c.first, c.last, c.number),
    "status": lambda c: (STATUSES.index(c.status) if c.status in STATUSES else 9, c.number),
    "claimed": lambda c: c.claimed_fen,
    "centre": lambda c: c.centre_fen,
    "resident": lambda c: c.resident_fen,
    "approved": lambda c: -1 if c.approved_fen is None else c.approved_fen,
    "approved_on": lambda c: c.approved_on or dt.date.min,
    "received_on": lambda c: c.received_on or dt.date.min,
}


def status_colour(status: str) -> str | None:
    return STATUS_COLOURS.get(status)


@dataclass(frozen=True)
class ClaimActions:
    submit: bool = False
    approve: bool = False
    receive: bool = False
    withdraw: bool = False
    export: bool = False


def claim_actions(claim: Any | None) -> ClaimActions:
    """What the one selected claim allows (nothing without a selection)."""
    if claim is None:
        return ClaimActions()
    s = claim.status
    return ClaimActions(submit=s == DRAFT, approve=s == SUBMITTED, receive=s == APPROVED,
                        withdraw=s in (DRAFT, SUBMITTED),
                        export=s != WITHDRAWN and not getattr(claim, "outside", False))


def year_choices(today: dt.date, back: int = 6) -> list[int]:
    """This year and ``back`` years before it, newest first."""
    return [today.year - i for i in range(back + 1)]


def month_choices(today: dt.date, back: int = 48) -> list[str]:
    """Months that have ended (a claim covers ended months), newest first."""
    out = []
    y, m = today.year, today.month
    for _ in range(back):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        out.append(f"{y:04d}-{m:02d}")
    return out


# --- a claim's rows -------------------------------------------------------------------------

def row_state(row: RowResult) -> str:
    """ok: every test passed; partial: paid, but a test failed (a month, a layer); none: nothing paid."""
    if row.amount_fen <= 0:
        return NONE
    every = list(row.checks) + [c for x in row.layers for c in x.checks]
    return OK if all(c.ok for c in every) else PARTIAL


# the roster facts a row's 信息 cell shows first (then the others, but not these hidden ones)
_INFO_FIRST = ("户籍", "照护等级", "入住", "退住", "资格证书", "劳动合同", "社保", "护理年限", "设施", "类型",
               "新增床位", "面积", "竣工", "产权", "核定床位", "机构性质")
_HIDDEN_INFO = frozenset({"resident_id", "worker_id", "姓名", "项目", "出生日期", "联系电话", "性别", "证书等级"})


def info_text(row: RowResult, limit: int = 4) -> str:
    """The row's roster facts in one cell: 户籍, 照护等级, 证书 … (the first few that have a value)."""
    keys = [k for k in _INFO_FIRST if k in row.info] + [k for k in row.info if k not in _INFO_FIRST]
    items = [f"{k} {row.info[k]}" for k in keys if k not in _HIDDEN_INFO and row.info[k] not in ("", None)]
    return "；".join(items[:limit])


def info_lines(row: RowResult) -> list[str]:
    return [f"{k}：{v}" for k, v in row.info.items() if k not in ("resident_id", "worker_id") and v not in ("", None)]


def _mark(ok: bool) -> str:
    return OK_MARK if ok else FAIL_MARK


def _grouped(checks: Iterable[Check]) -> list[tuple[str, list[Check]]]:
    """Checks grouped: each plain check alone, month checks by label (order kept)."""
    out: list[tuple[str, list[Check]]] = []
    by_label: dict[str, list[Check]] = {}
    for c in checks:
        if c.month:
            if c.label not in by_label:
                by_label[c.label] = []
                out.append((c.label, by_label[c.label]))
            by_label[c.label].append(c)
        else:
            out.append(("", [c]))
    return out


def _months_short(months: Sequence[str], limit: int = 3, more: str = "等") -> str:
    shown = "、".join(months[:limit])
    return shown + (more if len(months) > limit else "")


def check_summary(row: RowResult, words: Words = W, long: int = 24) -> list[tuple[bool, str]]:
    """Each test of the row, once, failed ones first: a failed test with its
    evidence and requirement; failed month tests as how many months and
    which; a layer's own tests only when one failed (prefixed by the layer);
    a passed test with its evidence, or by its name alone when the evidence
    runs month by month (the detail shows it all)."""
    bad: list[tuple[bool, str]] = []
    good: list[tuple[bool, str]] = []
    for label, group in _grouped(row.checks):
        if not label:
            c = group[0]
            if c.ok:
                good.append((True, c.text() if len(c.evidence) <= long else f"{c.label} {OK_MARK}"))
            else:
                bad.append((False, c.text()))
            continue
        failed = [c.month for c in group if not c.ok]
        if not failed:
            good.append((True, f"{words.months_ok.replace('%1', label)} {OK_MARK}"))
        else:
            text = (words.months_fail.replace("%1", label).replace("%2", str(len(failed)))
                    .replace("%3", _months_short(failed, more=words.more)))
            bad.append((False, f"{text} {FAIL_MARK}"))
    for x in row.layers:
        for c in x.checks:
            if not c.ok:
                bad.append((False, f"{x.layer}：{c.text()}"))
    return bad + good


def checks_text(row: RowResult, words: Words = W) -> str:
    return "；".join(t for _, t in check_summary(row, words))


@dataclass(frozen=True)
class ResultRow:
    no: int
    row: RowResult
    name: str
    info: str
    checks: str
    amounts: tuple[int, ...]  # per layer, in the result's layer order
    total_fen: int
    state: str


def layer_names(result: ClaimResult) -> tuple[str, ...]:
    return tuple(x.layer for x in result.layers)


def result_rows(result: ClaimResult, words: Words = W) -> list[ResultRow]:
    names = layer_names(result)
    out = []
    for i, r in enumerate(result.rows, 1):
        by = {x.layer: x.amount_fen for x in r.layers}
        out.append(ResultRow(i, r, r.name, info_text(r), checks_text(r, words),
                             tuple(by.get(n, 0) for n in names), r.amount_fen, row_state(r)))
    return out


def filter_rows(rows: Sequence[ResultRow], only_eligible: bool = False, text: str = "") -> list[ResultRow]:
    t = text.strip()
    return [r for r in rows if (not only_eligible or r.total_fen > 0)
            and (not t or t in r.name or t in r.info or t in r.checks)]


def row_detail(row: RowResult, words: Words = W) -> list[tuple[str, str]]:
    """Every fact, test and layer of one row, for the detail panel, as
    (style, text): title | info | section | ok | fail | plain."""
    out: list[tuple[str, str]] = [("title", f"{row.name}　{format_yuan(row.amount_fen)}")]
    out += [("info", x) for x in info_lines(row)]
    if row.checks:
        out.append(("section", words.common))
        out += [("ok" if c.ok else "fail", c.text()) for c in row.checks]
    for x in row.layers:
        out.append(("section", words.layer.replace("%1", x.layer).replace("%2", format_yuan(x.amount_fen))))
        out += [("ok" if c.ok else "fail", c.text()) for c in x.checks]
        if x.basis:
            out.append(("plain", words.basis + x.basis))
        if x.months:
            out.append(("plain", words.months + "、".join(x.months)))
        elif any(c.month for c in row.checks) or x.amount_fen == 0:
            out.append(("plain", words.no_months))
    return out


def total_lines(result: ClaimResult, words: Words = W) -> list[tuple[str, str]]:
    """The claim's totals as (style, text): the total with the residents'
    share and the funder split first, then each layer (what the cap took
    off, its cap note), the month grid, missing parameters, notes."""
    total = (words.total.replace("%1", format_yuan(result.total_fen))
             .replace("%2", format_yuan(result.centre_fen)).replace("%3", format_yuan(result.resident_fen)))
    out: list[tuple[str, str]] = [("total", total)]
    if result.funders:
        out.append(("funder", words.funders + "；".join(f"{n} {format_yuan(f)}" for n, f in result.funders)))
    for x in result.layers:
        text = (words.layer_total.replace("%1", x.layer).replace("%2", format_yuan(x.rows_fen))
                .replace("%3", format_yuan(x.allowed_fen)))
        if x.recipient == "resident":
            text += words.to_resident
        if x.allowed_fen < x.rows_fen:
            text += words.layer_capped.replace("%1", format_yuan(x.rows_fen - x.allowed_fen))
        out.append(("layer", text))
        if x.cap_note:
            out.append(("cap", x.cap_note))
    counts = result.month_counts()
    if len(counts) > 1 and any(counts.values()):
        out.append(("months", words.counted + "  ".join(words.month_count.replace("%1", m[5:]).replace("%2", str(n))
                                                        for m, n in counts.items())))
    if result.missing:
        out.append(("missing", words.missing.replace("%1", "、".join(result.missing))))
    out += [("note", n) for n in result.notes]
    return out


def eligible_count(result: ClaimResult) -> int:
    return sum(1 for r in result.rows if r.amount_fen > 0)


# --- care workers -------------------------------------------------------------------------

def worker_columns(left: str = "已离职 %1") -> tuple[Column, ...]:
    """姓名, 身份证号, 性别, 年龄, 资格证书, 劳动合同, 近6个月社保, 护理年限, 培训, 状态."""
    return (
        Column("name", lambda w: w.name),
        Column("id_number", lambda w: w.id_number),
        Column("gender", lambda w: w.gender),
        Column("age", lambda w: str(w.age), True),
        Column("certificate", lambda w: w.certificate),
        Column("contract", lambda w: w.contract),
        Column("insured", lambda w: f"{w.insured_months}/6", True),
        Column("care_years", lambda w: w.care_years),
        Column("trainings", lambda w: str(w.trainings), True),
        Column("left_on", lambda w: left.replace("%1", day_text(w.left_on)) if w.left_on else ""),
    )


WORKER_SORT: dict[str, Callable[[Any], Any]] = {
    "age": lambda w: w.age,
    "insured": lambda w: w.insured_months,
    "trainings": lambda w: w.trainings,
    "care_years": lambda w: w.care_start or dt.date.max,
    "left_on": lambda w: w.left_on or dt.date.max,
}


def worker_colour(w: Any, key: str, today: dt.date) -> str | None:
    if w.left_on:
        return GREY
    if key == "certificate" and w.certificate == "无证":
        return AMBER
    if key == "contract" and (w.contract == "无" or (w.contract_end and w.contract_end < today)):
        return RED
    if key == "insured" and w.insured_months < 6:
        return AMBER
    return None


def month_ranges(months: Iterable[str]) -> str:
    """['2026-01','2026-02','2026-03','2026-05'] → '2026-01~2026-03、2026-05' (as typed on import)."""
    return "、".join(a if a == b else f"{a}~{b}" for a, b in month_runs(months))


def last_months(today: dt.date, n: int = 6) -> str:
    """The ``n`` months before this one as a range ('2026-05~2026-10' in
    November): the months the register's 近6个月社保 counts."""
    months = month_choices(today, n)
    return f"{months[-1]}~{months[0]}"


EXPIRING_COLUMNS: tuple[Column, ...] = (
    Column("name", lambda e: e.name),
    Column("what", lambda e: e.what),
    Column("day", lambda e: day_text(e.day)),
    Column("days_left", lambda e: str(e.days_left) if e.days_left >= 0 else f"过期{-e.days_left}天", True),
)


def expiring_colour(e: Any) -> str:
    return RED if e.days_left < 0 else AMBER


# --- centre facts, projects, grades, parameters -------------------------------------------

FACT_COLUMNS: tuple[Column, ...] = (
    Column("label", lambda f: f.label),
    Column("valid_from", lambda f: day_text(f.valid_from)),
    Column("value", lambda f: f.shown),
    Column("note", lambda f: f.note),
    Column("recorded_by", lambda f: f.recorded_by),
)


def current_facts(rows: Sequence[Any], today: dt.date) -> set[int]:
    """Ids of the fact rows in force today (the latest per key not after today)."""
    best: dict[str, Any] = {}
    for f in rows:
        if f.valid_from <= today and (f.key not in best or f.valid_from >= best[f.key].valid_from):
            best[f.key] = f
    return {f.id for f in best.values()}


def project_columns(no_lease: str = DASH) -> tuple[Column, ...]:
    return (
        Column("name", lambda p: p.name),
        Column("facility", lambda p: p.facility),
        Column("kind", lambda p: p.kind),
        Column("beds", lambda p: str(p.beds), True),
        Column("area", lambda p: area_text(p.area_m2), True),
        Column("completed", lambda p: day_text(p.completed)),
        Column("tenure", lambda p: p.tenure),
        Column("lease", lambda p: f"{day_text(p.lease_start)}—{day_text(p.lease_end)}" if p.lease_start else no_lease),
    )


def area_text(d: Any) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class GradeRow:
    half: str
    grade: str


def grade_rows(grades: Mapping[str, str]) -> list[GradeRow]:
    return [GradeRow(h, g) for h, g in sorted(grades.items(), reverse=True)]


def half_choices(today: dt.date, back: int = 8) -> list[str]:
    """Half-years that have begun, newest first ('2026-H2', '2026-H1', …)."""
    y, h = today.year, 1 if today.month <= 6 else 2
    out = []
    for _ in range(back + 1):
        out.append(f"{y}-H{h}")
        y, h = (y, 1) if h == 2 else (y - 1, 2)
    return out


GRADE_COLUMNS: tuple[Column, ...] = (Column("half", lambda g: g.half), Column("grade", lambda g: g.grade))


@dataclass(frozen=True)
class ParamRow:
    key: str
    label: str
    unit: str
    value: str  # what a claim uses ('' = none)
    state: str  # set | default | missing
    schemes: tuple[str, ...] = field(default_factory=tuple)


def param_rows(schemes: Sequence[Any], values: Mapping[str, Any]) -> list[ParamRow]:
    """Each parameter once, with the schemes that use it; value set by the
    centre, else the profile's default, else missing."""
    by: dict[str, ParamRow] = {}
    for sc in schemes:
        for key, label, unit, value in sc.params:
            prev = by.get(key)
            names = (prev.schemes if prev else ()) + (sc.name,)
            state = "set" if key in values else ("default" if value != "" else "missing")
            shown = _num(values[key]) if key in values else value
            by[key] = ParamRow(key, label, unit, shown, state, names)
    return sorted(by.values(), key=lambda p: (p.state != "missing", p.label))


def _num(d: Any) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def param_columns(states: Mapping[str, str] | None = None) -> tuple[Column, ...]:
    names = states or {"set": "已设置", "default": "默认值", "missing": "未填写"}
    return (
        Column("label", lambda p: p.label),
        Column("value", lambda p: f"{p.value} {p.unit}" if p.value else DASH),
        Column("state", lambda p: names.get(p.state, p.state)),
        Column("schemes", lambda p: "、".join(p.schemes)),
    )


def param_colour(p: ParamRow, key: str) -> str | None:
    if key in ("state", "value") and p.state == "missing":
        return RED
    return None


# --- reminders ----------------------------------------------------------------------------

REMINDER_ORDER = ("可申报", "草稿未提交", "缺参数", "证件到期")
REMINDER_COLOURS = {"可申报": "#1565c0", "草稿未提交": "#1565c0", "缺参数": RED, "证件到期": AMBER}


def reminder_lines(reminders: Sequence[Any], limit: int = 6) -> tuple[list[tuple[str, str]], int]:
    """(kind, text) of the first ``limit`` reminders, claim windows first; and how many more."""
    ordered = sorted(reminders, key=lambda r: (REMINDER_ORDER.index(r.kind) if r.kind in REMINDER_ORDER else 9,
                                               r.day or dt.date.max))
    return [(r.kind, r.text) for r in ordered[:limit]], max(0, len(ordered) - limit)


__all__ = ["DASH", "Words", "claim_columns", "claim_actions", "result_rows", "total_lines", "row_detail",
           "worker_columns", "param_rows", "reminder_lines"]
