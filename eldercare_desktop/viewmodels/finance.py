"""Screen logic of the 账单与收款 page: columns and cell text of the fee
schedule, price change log, billing register, runs, receipts journal and
ageing list; totals rows; resident search; the statement as HTML. No Qt here:
the page supplies translated headers and labels, this module the figures."""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..domain.billing_records import BillingRegister, RegisterRow, RunInfo, StatementDetail
from ..domain.finance_records import PriceChangeLog, PriceChangeRow, ScheduleRow
from ..domain.money import format_yuan
from ..domain.payment_records import AgeingReport, AgeingRow, ReceiptRow, receipts_total

DASH = "—"


def money(fen: int | None) -> str:
    return DASH if fen is None else format_yuan(fen)


def day_text(day: dt.date | None) -> str:
    return DASH if day is None else f"{day:%Y-%m-%d}"


def time_text(t: dt.datetime | None) -> str:
    return DASH if t is None else f"{t:%Y-%m-%d %H:%M}"


def previous_month(today: dt.date) -> str:
    """'YYYY-MM' of the month before ``today`` (the month a centre bills)."""
    first = today.replace(day=1) - dt.timedelta(days=1)
    return f"{first:%Y-%m}"


def month_choices(today: dt.date, back: int = 24) -> list[str]:
    """The current month and ``back`` months before it, newest first."""
    out = []
    y, m = today.year, today.month
    for _ in range(back + 1):
        out.append(f"{y:04d}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out


# --- a generic column table ---------------------------------------------------------

@dataclass(frozen=True)
class Column:
    key: str
    text: Callable[[object], str]
    numeric: bool = False  # right-aligned


def cell(columns: Sequence[Column], row: object, col: int) -> str:
    return columns[col].text(row)


# --- 收费标准 -------------------------------------------------------------------------

def _next_change(r: ScheduleRow) -> str:
    if r.next_price_fen is None:
        return ""
    text = f"{day_text(r.next_effective)}起 {format_yuan(r.next_price_fen)}"
    if r.next_notice:
        text += f"（{day_text(r.next_notice)}告知）"
    return text


SCHEDULE_COLUMNS: tuple[Column, ...] = (
    Column("code", lambda r: r.code),
    Column("kind", lambda r: r.kind_name),
    Column("name", lambda r: r.name),
    Column("key", lambda r: r.key),
    Column("unit", lambda r: r.unit),
    Column("price", lambda r: money(r.price_fen), True),
    Column("since", lambda r: day_text(r.since)),
    Column("next", _next_change),
)


@dataclass(frozen=True)
class ChangeLine:
    """One row of the price change log with the item's number of changes in
    the year of its effective date (first prices do not count)."""

    row: PriceChangeRow
    changes_in_year: int


def change_lines(log: PriceChangeLog) -> list[ChangeLine]:
    rows = sorted(log.rows, key=lambda r: (r.effective_date, r.code), reverse=True)
    return [ChangeLine(r, log.counts.get((r.item_id, r.effective_date.year), 0)) for r in rows]


def change_counts(log: PriceChangeLog) -> list[tuple[str, str, int, int]]:
    """(code, name, year, changes) per item and year with at least one change."""
    names = {r.item_id: (r.code, r.name) for r in log.rows}
    out = [(names[i][0], names[i][1], year, n) for (i, year), n in log.counts.items() if n and i in names]
    return sorted(out, key=lambda x: (-x[2], x[0]))


CHANGE_COLUMNS: tuple[Column, ...] = (
    Column("effective", lambda c: day_text(c.row.effective_date)),
    Column("code", lambda c: c.row.code),
    Column("name", lambda c: c.row.name),
    Column("old", lambda c: money(c.row.old_fen), True),
    Column("new", lambda c: money(c.row.new_fen), True),
    Column("notice", lambda c: day_text(c.row.notice_date)),
    Column("reason", lambda c: c.row.reason),
    Column("count", lambda c: "" if c.row.is_initial else str(c.changes_in_year), True),
    Column("by", lambda c: c.row.created_by),
)


# --- 月度计费 -------------------------------------------------------------------------

REGISTER_COLUMNS: tuple[Column, ...] = (
    Column("resident", lambda r: r.resident_name),
    Column("contract", lambda r: r.contract_number),
    Column("bed", lambda r: money(r.bed_fen), True),
    Column("care", lambda r: money(r.care_fen), True),
    Column("meals", lambda r: money(r.meals_fen), True),
    Column("other", lambda r: money(r.other_fen), True),
    Column("total", lambda r: money(r.total_fen), True),
)


def register_rows(reg: BillingRegister | None) -> list[RegisterRow]:
    """The register's rows followed by its totals row (resident_id None)."""
    if reg is None or not reg.rows:
        return []
    return list(reg.rows) + [reg.totals]


def is_totals(row: object) -> bool:
    return getattr(row, "resident_id", 0) is None


RUN_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda r: str(r.id), True),
    Column("period", lambda r: r.period),
    Column("started", lambda r: time_text(r.started_at)),
    Column("contracts", lambda r: str(r.contracts), True),
    Column("lines", lambda r: str(r.lines), True),
    Column("total", lambda r: money(r.total_fen), True),
    Column("by", lambda r: r.created_by),
)


def runs_newest_first(runs: Iterable[RunInfo]) -> list[RunInfo]:
    return sorted(runs, key=lambda r: r.id, reverse=True)


# --- 收款 -----------------------------------------------------------------------------

RECEIPT_COLUMNS: tuple[Column, ...] = (
    Column("number", lambda r: r.number),
    Column("day", lambda r: day_text(r.day)),
    Column("resident", lambda r: r.resident_name),
    Column("method", lambda r: r.method),
    Column("reference", lambda r: r.reference),
    Column("amount", lambda r: money(r.amount_fen), True),
    Column("payer", lambda r: r.payer),
    Column("cashier", lambda r: r.cashier),
    Column("void", lambda r: f"{day_text(r.void_date)} {r.void_reason}" if r.voided else ""),
)


@dataclass(frozen=True)
class ReceiptTotals:
    count: int
    voided: int
    total_fen: int  # voided receipts excluded
    by_method: tuple[tuple[str, int], ...]


def receipt_totals(rows: Sequence[ReceiptRow]) -> ReceiptTotals:
    by: dict[str, int] = {}
    for r in rows:
        if not r.voided:
            by[r.method] = by.get(r.method, 0) + r.amount_fen
    return ReceiptTotals(len(rows), sum(1 for r in rows if r.voided), receipts_total(rows), tuple(by.items()))


def receipt_file_name(number: str) -> str:
    """The default file of a printed receipt: 收据SJ2026-001146.pdf."""
    safe = "".join(ch for ch in number if ch not in '\\/:*?"<>|').strip()
    return f"收据{safe}.pdf"


# the selected resident's open bills and payment history (beside the amount owed)

@dataclass(frozen=True)
class OpenBillTotal:
    """The totals row under the open bills."""

    memo: str
    amount_fen: int
    open_fen: int
    period: str = ""
    day: dt.date | None = None


def open_bill_rows(bills: Sequence) -> list:
    """OpenBill rows (oldest first) and a totals row (合计)."""
    rows = list(bills)
    if not rows:
        return []
    return rows + [OpenBillTotal("合计", sum(b.amount_fen for b in rows), sum(b.open_fen for b in rows))]


def is_bill_total(row: object) -> bool:
    return isinstance(row, OpenBillTotal)


OPEN_BILL_COLUMNS: tuple[Column, ...] = (
    Column("period", lambda b: b.period),
    Column("day", lambda b: "" if b.day is None else day_text(b.day)),
    Column("memo", lambda b: b.memo),
    Column("amount", lambda b: money(b.amount_fen), True),
    Column("open", lambda b: money(b.open_fen), True),
)

HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("number", lambda r: r.number),
    Column("day", lambda r: day_text(r.day)),
    Column("method", lambda r: r.method),
    Column("amount", lambda r: money(r.amount_fen), True),
    Column("payer", lambda r: r.payer),
    Column("void", lambda r: f"{day_text(r.void_date)} {r.void_reason}" if r.voided else ""),
)


@dataclass(frozen=True)
class ResidentChoice:
    id: int
    name: str
    bed: str
    status: str
    key: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.bed}）" if self.bed else self.name


def resident_choices(rows: Iterable) -> list[ResidentChoice]:
    """ResidentRow-like records → choices (in residence first, then by name)."""
    out = [ResidentChoice(r.id, r.name, r.bed_code, r.status, r.search_key) for r in rows]
    return sorted(out, key=lambda c: (c.bed == "", c.bed, c.name, c.id))


def filter_choices(choices: Sequence[ResidentChoice], text: str) -> list[ResidentChoice]:
    q = text.strip().lower()
    if not q:
        return list(choices)
    return [c for c in choices if q in c.key]


def balance_text(balance_fen: int) -> tuple[str, str]:
    """(what, amount) for a resident's balance: 欠费 / 预收 / 已结清."""
    if balance_fen > 0:
        return "owes", format_yuan(balance_fen)
    if balance_fen < 0:
        return "prepaid", format_yuan(-balance_fen)
    return "settled", format_yuan(0)


# --- 欠费账龄 -------------------------------------------------------------------------

def ageing_columns(report: AgeingReport | None = None) -> tuple[Column, ...]:
    from ..domain.payments import BUCKETS

    cols = [Column("resident", lambda r: r.resident_name)]
    for i, _ in enumerate(BUCKETS):
        cols.append(Column(f"bucket{i}", lambda r, i=i: money(r.buckets[i]), True))
    cols += [Column("credit", lambda r: money(r.credit_fen) if r.credit_fen else "", True),
             Column("total", lambda r: money(r.total_fen), True),
             Column("oldest", lambda r: day_text(r.oldest))]
    return tuple(cols)


def ageing_rows(report: AgeingReport | None) -> list[AgeingRow]:
    """The rows and a totals row (resident_id 0, name 合计)."""
    if report is None or not report.rows:
        return []
    return list(report.rows) + [AgeingRow(0, "合计", report.totals, report.credit_fen, None)]


def ageing_balanced(report: AgeingReport) -> bool:
    return report.total_fen == report.receivable_fen


# --- 费用清单 -------------------------------------------------------------------------

def _e(x: object) -> str:
    return html.escape(str(x))


def statement_html(d: StatementDetail, labels: dict[str, str]) -> str:
    """The statement as a read-only HTML page; ``labels`` carries the page's
    translated captions (keys below), so this module stays Qt-free."""
    L = labels.get
    out = [f"<h3>{_e(d.centre_name)} {_e(L('title', '费用清单'))}</h3>",
           f"<p>{_e(L('number', '清单号'))}：{_e(d.number)}　{_e(L('period', '月份'))}：{_e(d.period)}"
           f"（{day_text(d.period_start)} ~ {day_text(d.period_end)}）<br>"
           f"{_e(L('resident', '住户'))}：<b>{_e(d.resident_name)}</b>　{_e(L('bed', '床位'))}：{_e(d.bed or DASH)}"
           f"　{_e(L('contract', '合同'))}：{_e(d.contract_number or DASH)}</p>",
           f"<p>{_e(L('opening', '上月结余'))}：{_e(signed_balance(d.opening_fen, labels))}</p>",
           "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
           "<tr>" + "".join(f"<th>{_e(L(k, k))}</th>" for k in
                            ("kind", "item", "from_to", "days", "rate", "amount", "basis")) + "</tr>"]
    for x in d.lines:
        out.append(f"<tr><td>{_e(x.kind_name)}</td><td>{_e(x.label)}</td>"
                   f"<td>{day_text(x.start)} ~ {day_text(x.end)}</td><td align='right'>{x.days}</td>"
                   f"<td align='right'>{money(x.rate_fen)}</td><td align='right'>{money(x.amount_fen)}</td>"
                   f"<td>{_e(x.basis)}</td></tr>")
    out.append(f"<tr><td colspan='5'><b>{_e(L('charges', '本月费用合计'))}</b></td>"
               f"<td align='right'><b>{money(d.charges_fen)}</b></td><td></td></tr></table>")
    if d.payments:
        out.append(f"<p><b>{_e(L('payments', '本月收款'))}</b></p><ul>")
        for p in d.payments:
            out.append(f"<li>{day_text(p.day)} {_e(p.number)} {_e(p.method)} {_e(p.payer)} {money(p.amount_fen)}</li>")
        out.append("</ul>")
    if d.adjustments:
        out.append(f"<p><b>{_e(L('adjustments', '其他调整'))}</b></p><ul>")
        for a in d.adjustments:
            out.append(f"<li>{day_text(a.day)} {_e(a.memo)} {money(a.amount_fen)}</li>")
        out.append("</ul>")
    out.append(f"<p>{_e(L('formula', '上月结余 + 本月费用 − 本月收款 + 其他调整 = 本月结余'))}：<br>"
               f"{money(d.opening_fen)} + {money(d.charges_fen)} − {money(d.payments_fen)} + "
               f"{money(d.adjustments_fen)} = <b>{money(d.closing_fen)}</b>　"
               f"（{_e(signed_balance(d.closing_fen, labels))}）</p>")
    if d.deposit_fen:
        out.append(f"<p>{_e(L('deposit', '押金（专户存管，不抵扣费用）'))}：{money(d.deposit_fen)}</p>")
    out.append(f"<p><i>{_e(L('rule', '计费规则'))}：{_e(d.rule)}</i></p>")
    return "".join(out)


def signed_balance(fen: int, labels: dict[str, str]) -> str:
    what, amount = balance_text(fen)
    return f"{labels.get(what, what)} {amount}"
