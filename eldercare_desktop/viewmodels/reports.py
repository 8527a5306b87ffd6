"""Screen logic of the 报表 page: columns and cell text of the statements,
the drill-down (entries behind a figure, the source of an entry), the trial
balance, general ledger and account detail; which cell is a figure; the
checks and the disclosure reminder. No Qt: the page supplies translated
headers and labels, this module the figures."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from ..domain.disclosure_records import direction  # noqa: F401 (re-exported)
from ..domain.disclosure_records import (
    AccountDetail,
    DisclosureStatus,
    EntryRef,
    GeneralLedgerAccount,
    SourceView,
    YearTrialBalance,
    YearTrialRow,
)
from ..domain.money import format_yuan
from ..domain.statements import Check, Statement, StatementLine, StatementSet

KINDS = ("balance", "activity", "cash_flow")  # the attributes of a StatementSet, in selector order
INDENT = "\u3000"  # a full-width space: one level of indentation
OK_MARK, FAIL_MARK = "✔", "✘"
ZERO = "0.00"

# row styles the table model draws
HEADING, TOTAL, GRAND, PARENT, DETAIL, PLAIN = "heading", "total", "grand", "parent", "detail", ""
BOLD_STYLES = frozenset({HEADING, TOTAL, GRAND, PARENT})


@dataclass(frozen=True)
class Col:
    key: str
    text: Callable[[Any], str]
    align: str = "left"  # left | right | center


def amount(fen: int | None) -> str:
    """A statement or book figure: 1,234.56, a minus sign when negative."""
    return "" if fen is None else format_yuan(fen, symbol=False)


def nonzero(fen: int | None) -> str:
    """Books leave a zero amount blank."""
    return amount(fen) if fen else ""


def day_text(day: dt.date | None) -> str:
    return "" if day is None else f"{day:%Y-%m-%d}"


def default_year(years: Sequence[int], today: dt.date) -> int | None:
    """The year a user most likely wants: last year until its disclosure
    season ends (April), then this year."""
    if not years:
        return None
    if today.month <= 4 and today.year - 1 in years:
        return today.year - 1
    return today.year if today.year in years else years[0]


# --- statements --------------------------------------------------------------------------

def statement_of(sset: StatementSet, kind: str) -> Statement:
    return getattr(sset, kind)


def column_header(name: str) -> str:
    """'本年数·非限定性' → two header lines."""
    return name.replace("·", "\n")


def line_label(x: StatementLine) -> str:
    level = 2 if x.detail else (1 if not (x.heading or x.total) and x.row is not None else 0)
    return INDENT * level + x.label


def line_style(x: StatementLine) -> str:
    if x.heading:
        return HEADING
    if x.grand:
        return GRAND
    if x.total:
        return TOTAL
    return DETAIL if x.detail else PLAIN


def statement_columns(st: Statement) -> tuple[Col, ...]:
    """行次, 项目, then one money column per statement column."""
    cols = [Col("row", lambda x: "" if x.row is None else str(x.row), "center"), Col("label", line_label)]
    for i in range(len(st.columns)):
        cols.append(Col(f"v{i}", lambda x, i=i: "" if x.heading else amount(x.values[i]), "right"))
    return tuple(cols)


FIRST_FIGURE_COLUMN = 2  # table columns before the statement's own columns


def figure_at(st: Statement, line: int, column: int) -> tuple[int, int, int] | None:
    """(行次, statement column, value) of the figure in table cell
    (``line``, ``column``); None for a heading, a label or an empty cell."""
    if not 0 <= line < len(st.lines):
        return None
    x = st.lines[line]
    c = column - FIRST_FIGURE_COLUMN
    if x.row is None or x.heading or not 0 <= c < len(x.values) or x.values[c] is None:
        return None
    return x.row, c, x.values[c]


def date_line(st: Statement, today: dt.date | None = None) -> str:
    """The date on a statement's header: a balance sheet is at year end (or
    today, in the year still running)."""
    running = today is not None and today.year == st.year
    if st.code.endswith("01表"):
        return f"{today.year}年{today.month}月{today.day}日" if running else f"{st.year}年12月31日"
    return f"{st.year}年度（截至{today.month}月{today.day}日）" if running else f"{st.year}年度"


def figure_caption(st: Statement, row: int, column: int, today: dt.date | None = None) -> str:
    """'资产负债表 第60行 资产总计 · 期末数（2025年12月31日）'."""
    label = st.lines[[x.row for x in st.lines].index(row)].label
    return f"{st.title} 第{row}行 {label} · {st.columns[column].replace('·', ' ')}（{date_line(st, today)}）"


def check_lines(checks: Iterable[Check]) -> list[tuple[bool, str]]:
    """(ok, '✔ name：detail') per check, failures first."""
    items = [(c.ok, f"{OK_MARK if c.ok else FAIL_MARK} {c.name}：{c.detail}") for c in checks]
    return sorted(items, key=lambda t: t[0])


def unclassified_lines(sset: StatementSet) -> list[tuple[int, str]]:
    """(entry id, text) per cash movement no rule classifies."""
    return [(m.entry_id, f"凭证{m.entry_id}　{m.day:%Y-%m-%d}　科目{m.account}　{amount(m.amount)}"
             + (f"　{m.memo}" if m.memo else "")) for m in sset.cash_flow.unclassified]


# --- drill-down ---------------------------------------------------------------------------

ENTRY_COLUMNS: tuple[Col, ...] = (
    Col("day", lambda r: day_text(r.day)),
    Col("reference", lambda r: r.reference),
    Col("memo", lambda r: r.memo),
    Col("account", lambda r: f"{r.account} {r.account_name}"),
    Col("amount", lambda r: amount(r.amount), "right"),
)


def entries_total(refs: Iterable[EntryRef]) -> int:
    return sum(r.amount for r in refs)


@dataclass(frozen=True)
class SourceLine:
    account: str
    name: str
    debit: int
    credit: int
    memo: str
    total: bool = False


def source_lines(view: SourceView, total_label: str) -> list[SourceLine]:
    """The entry's lines, then a totals row."""
    rows = [SourceLine(a, n, d, c, m) for a, n, d, c, m in view.lines]
    rows.append(SourceLine("", total_label, sum(r.debit for r in rows), sum(r.credit for r in rows), "", True))
    return rows


SOURCE_COLUMNS: tuple[Col, ...] = (
    Col("account", lambda r: r.account),
    Col("name", lambda r: r.name),
    Col("debit", lambda r: amount(r.debit) if r.total else nonzero(r.debit), "right"),
    Col("credit", lambda r: amount(r.credit) if r.total else nonzero(r.credit), "right"),
    Col("memo", lambda r: r.memo),
)


def source_style(r: SourceLine) -> str:
    return TOTAL if r.total else PLAIN


# --- 科目余额表 ----------------------------------------------------------------------------

def trial_rows(tb: YearTrialBalance, total_label: str) -> list[YearTrialRow]:
    t = tb.totals()
    return [*tb.rows, YearTrialRow("", total_label, 0, t.opening_debit, t.opening_credit, t.debit, t.credit,
                                   t.closing_debit, t.closing_credit)]


def trial_parents(tb: YearTrialBalance) -> frozenset[str]:
    """Accounts shown with sub-accounts under them."""
    codes = [r.account for r in tb.rows]
    return frozenset(c for c in codes if any(o != c and o.startswith(c) for o in codes))


def trial_style(r: YearTrialRow, parents: frozenset[str]) -> str:
    if not r.account:
        return GRAND
    return PARENT if r.account in parents else PLAIN


def _trial_money(name: str) -> Col:
    return Col(name, lambda r: amount(getattr(r, name)) if not r.account else nonzero(getattr(r, name)), "right")


TRIAL_COLUMNS: tuple[Col, ...] = (
    Col("account", lambda r: r.account),
    Col("name", lambda r: INDENT * max(r.level - 1, 0) + r.name),
    *(_trial_money(n) for n in ("opening_debit", "opening_credit", "debit", "credit", "closing_debit",
                                "closing_credit")),
)


# --- 总账 -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LedgerRow:
    period: str
    memo: str
    debit: int | None
    credit: int | None
    side: str
    balance: int
    style: str = PLAIN


def ledger_rows(a: GeneralLedgerAccount, year: int, labels: tuple[str, str, str]) -> list[LedgerRow]:
    """The opening balance, each month's totals and balance, the year's
    totals; ``labels`` = (上年结转, 本月合计, 本年累计) in the UI language."""
    opening, month, year_total = labels
    out = [LedgerRow(f"{year}-01", opening, None, None, *direction(a.side, a.opening), DETAIL)]
    for m in a.months:
        out.append(LedgerRow(m.period, month, m.debit, m.credit, *direction(a.side, m.balance)))
    out.append(LedgerRow(f"{year}", year_total, sum(m.debit for m in a.months), sum(m.credit for m in a.months),
                         *direction(a.side, a.closing), TOTAL))
    return out


LEDGER_COLUMNS: tuple[Col, ...] = (
    Col("period", lambda r: r.period),
    Col("memo", lambda r: r.memo),
    Col("debit", lambda r: nonzero(r.debit), "right"),
    Col("credit", lambda r: nonzero(r.credit), "right"),
    Col("side", lambda r: r.side, "center"),
    Col("balance", lambda r: amount(r.balance), "right"),
)

ACCOUNT_COLUMNS: tuple[Col, ...] = (
    Col("account", lambda a: a.account),
    Col("name", lambda a: a.name),
)


def period_span(period: str) -> tuple[dt.date, dt.date]:
    """'2025-03' → its first and last day."""
    y, m = (int(x) for x in period.split("-"))
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return dt.date(y, m, 1), last


# --- 明细账 ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DetailRow:
    day: dt.date | None
    reference: str
    memo: str
    resident: str
    debit: int | None
    credit: int | None
    side: str
    balance: int | None
    entry_id: int | None = None  # a line that opens its source
    style: str = PLAIN


def detail_rows(d: AccountDetail, labels: tuple[str, str, str, str]) -> list[DetailRow]:
    """期初余额, the lines with 本月合计 after each month, 本期合计, 期末余额;
    ``labels`` are those four words in the UI language."""
    opening, month_label, span_label, closing = labels
    out = [DetailRow(d.date_from, "", opening, "", None, None, *direction(d.side, d.opening), style=DETAIL)]
    month, md, mc, balance = None, 0, 0, d.opening

    def month_total() -> None:
        out.append(DetailRow(None, "", month_label, "", md, mc, *direction(d.side, balance), style=TOTAL))

    for x in d.lines:
        key = (x.day.year, x.day.month)
        if month is not None and key != month:
            month_total()
            md = mc = 0
        month = key
        md, mc, balance = md + x.debit, mc + x.credit, x.balance
        out.append(DetailRow(x.day, x.reference, x.memo, x.resident_name, x.debit, x.credit,
                             *direction(d.side, x.balance), entry_id=x.entry_id))
    if month is not None:
        month_total()
    out.append(DetailRow(None, "", span_label, "", sum(x.debit for x in d.lines), sum(x.credit for x in d.lines),
                         "", None, style=GRAND))
    out.append(DetailRow(d.date_to, "", closing, "", None, None, *direction(d.side, d.closing), style=DETAIL))
    return out


DETAIL_COLUMNS: tuple[Col, ...] = (
    Col("day", lambda r: day_text(r.day)),
    Col("reference", lambda r: r.reference),
    Col("memo", lambda r: r.memo),
    Col("resident", lambda r: r.resident),
    Col("debit", lambda r: nonzero(r.debit), "right"),
    Col("credit", lambda r: nonzero(r.credit), "right"),
    Col("side", lambda r: r.side, "center"),
    Col("balance", lambda r: amount(r.balance), "right"),
)


def account_choices(accounts: Iterable[tuple[str, str]]) -> list[str]:
    """'1002 银行存款' per (code, name) of the chart, for the completer."""
    return [f"{code} {name}" for code, name in accounts]


def account_code(text: str) -> str:
    """The code typed or chosen: '100201 银行存款—基本户' → '100201'."""
    return text.strip().split(" ", 1)[0].split("\u3000", 1)[0]


def year_span(year: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The detail's default span: the year, up to today in the current year."""
    end = dt.date(year, 12, 31)
    return dt.date(year, 1, 1), min(end, today) if today.year == year else end


# --- the disclosure reminder -------------------------------------------------------------

def reminder(status: DisclosureStatus | None) -> tuple[str, bool] | None:
    """(text, overdue) while last year's package is not yet submitted; None
    before a centre or books exist, and once it is."""
    if status is None or not status.pending:
        return None
    return status.text(), status.overdue
