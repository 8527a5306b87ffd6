"""Screen logic of the 押金专户 page: the per-resident deposit table built from
the escrow service's movements, the contracts and the dashboard; columns and
cell text of every table; the refund quote as HTML; the chart's scale. No Qt
here: the page supplies translated headers, this module the figures."""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Sequence

from ..domain.contract_records import ContractRow
from ..domain.contracts import deposit_cap
from ..domain.escrow_records import (
    EXCESS_REASON,
    KIND_DEDUCTION,
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_REFUND,
    BankStatement,
    Dashboard,
    MovementRow,
    RateRow,
    ReconciliationRow,
    RefundQuote,
    SeriesPoint,
    StatementRow,
)
from ..domain.money import format_yuan

DASH = "—"

# filters of the residents table (the dashboard figures switch to them)
ALL, HOLDING, DUE, OVERDUE, OVER_CAP = "all", "holding", "due", "overdue", "over_cap"
FILTERS = (ALL, HOLDING, DUE, OVERDUE, OVER_CAP)


def money(fen: int | None) -> str:
    return DASH if fen is None else format_yuan(fen)


def day_text(day: dt.date | None) -> str:
    return DASH if day is None else f"{day:%Y-%m-%d}"


@dataclass(frozen=True)
class Column:
    key: str
    text: Callable[[object], str]
    numeric: bool = False


# --- residents with deposits ---------------------------------------------------------

@dataclass(frozen=True)
class ResidentDeposit:
    resident_id: int
    resident_name: str
    contract_id: int | None
    contract_number: str
    contract_status: str
    monthly_fen: int | None
    cap_fen: int | None
    balance_fen: int
    deposits_fen: int  # of the current holding (since the last full refund)
    deductions_fen: int
    interest_fen: int
    excess_refunded_fen: int
    service_end: dt.date | None
    due_date: dt.date | None
    days_left: int | None
    over_cap_fen: int  # 0 when under the cap
    active: bool  # a contract in force today

    @property
    def principal_fen(self) -> int:
        return self.deposits_fen - self.deductions_fen - self.excess_refunded_fen

    @property
    def room_fen(self) -> int | None:
        """How much more may be received (None without a contract)."""
        return None if self.cap_fen is None else max(0, self.cap_fen - self.principal_fen)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def due(self) -> bool:
        return self.due_date is not None


def _is_full_refund(m: MovementRow) -> bool:
    return m.kind == KIND_REFUND and not m.reason.startswith(EXCESS_REASON)


def holding(moves: Sequence[MovementRow]) -> list[MovementRow]:
    """The movements since the last full refund (oldest first)."""
    start = 0
    for i, m in enumerate(moves):
        if _is_full_refund(m):
            start = i + 1
    return list(moves[start:])


def resident_rows(moves: Iterable[MovementRow], contracts: Iterable[ContractRow], dash: Dashboard,
                  multiplier: Decimal, today: dt.date) -> list[ResidentDeposit]:
    """One row per resident holding a deposit or under a contract in force."""
    by_res: dict[int, list[MovementRow]] = {}
    names: dict[int, str] = {}
    for m in sorted(moves, key=lambda m: (m.day, m.id)):
        by_res.setdefault(m.resident_id, []).append(m)
        names[m.resident_id] = m.resident_name
    last: dict[int, ContractRow] = {}
    for c in sorted(contracts, key=lambda c: (c.start_date, c.id)):
        if c.start_date <= today:
            last[c.resident_id] = c
        names.setdefault(c.resident_id, c.resident_name)
    due = {d.resident_id: d for d in dash.due}
    over = {o.resident_id: o for o in dash.over_cap}
    out = []
    for rid in sorted(names):
        hold = holding(by_res.get(rid, []))
        c = last.get(rid)
        active = c is not None and c.start_date <= today <= (c.termination_date or c.end_date) \
            and c.status not in ("已终止", "已解除")
        balance = sum(m.signed_fen for m in hold)
        if balance == 0 and not active and rid not in due:
            continue
        deposits = sum(m.amount_fen for m in hold if m.kind == KIND_DEPOSIT)
        deductions = sum(m.amount_fen for m in hold if m.kind == KIND_DEDUCTION)
        interest = sum(m.amount_fen for m in hold if m.kind == KIND_INTEREST)
        excess = sum(m.amount_fen for m in hold if m.kind == KIND_REFUND)
        d = due.get(rid)
        o = over.get(rid)
        monthly = o.monthly_fee_fen if o else (c.monthly_fen if c else None)
        cap = o.cap_fen if o else (deposit_cap(monthly, multiplier) if monthly is not None and active else None)
        out.append(ResidentDeposit(
            rid, names[rid], c.id if c else None, c.number if c else "", c.status if c else "", monthly, cap,
            balance, deposits, deductions, interest, excess, d.service_end if d else None,
            d.due_date if d else None, d.days_left if d else None, o.excess_fen if o else 0, active))
    return out


def filter_residents(rows: Sequence[ResidentDeposit], kind: str = ALL, text: str = "") -> list[ResidentDeposit]:
    text = (text or "").strip()
    out = []
    for r in rows:
        if kind == HOLDING and r.balance_fen <= 0:
            continue
        if kind == DUE and not r.due:
            continue
        if kind == OVERDUE and not r.overdue:
            continue
        if kind == OVER_CAP and r.over_cap_fen <= 0:
            continue
        if text and text not in r.resident_name and text not in r.contract_number and text != str(r.resident_id):
            continue
        out.append(r)
    if kind in (DUE, OVERDUE):
        out.sort(key=lambda r: (r.days_left if r.days_left is not None else 10**6, r.resident_id))
    return out


@dataclass(frozen=True)
class ResidentActions:
    """Which money buttons may act on the selected resident."""
    receive: bool = False
    deduct: bool = False
    refund: bool = False
    excess: bool = False


def resident_actions(r: ResidentDeposit | None) -> ResidentActions:
    """收取 needs a contract (a cap); 扣除 a balance; 退还 a balance and no
    contract in force; 退还超限部分 an excess. Nothing selected: nothing."""
    if r is None:
        return ResidentActions()
    return ResidentActions(receive=r.cap_fen is not None, deduct=r.balance_fen > 0,
                           refund=r.balance_fen > 0 and not r.active, excess=r.over_cap_fen > 0)


def days_left_text(r: ResidentDeposit) -> str:
    if r.days_left is None:
        return DASH
    if r.days_left < 0:
        return f"逾期{-r.days_left}天"
    return f"{r.days_left}天"


RESIDENT_COLUMNS = (
    Column("name", lambda r: r.resident_name),
    Column("balance", lambda r: money(r.balance_fen), True),
    Column("deposits", lambda r: money(r.deposits_fen), True),
    Column("deductions", lambda r: money(r.deductions_fen), True),
    Column("interest", lambda r: money(r.interest_fen), True),
    Column("cap", lambda r: money(r.cap_fen), True),
    Column("over", lambda r: money(r.over_cap_fen) if r.over_cap_fen > 0 else "", True),
    Column("contract", lambda r: f"{r.contract_number} {r.contract_status}".strip() or DASH),
    Column("due", lambda r: day_text(r.due_date)),
    Column("left", days_left_text, True),
)

MOVEMENT_COLUMNS = (
    Column("day", lambda m: day_text(m.day)),
    Column("kind", lambda m: m.kind),
    Column("amount", lambda m: money(m.signed_fen), True),
    Column("number", lambda m: m.number or DASH),
    Column("voucher", lambda m: m.voucher_no or DASH),
    Column("reason", lambda m: m.reason),
    Column("by", lambda m: m.created_by),
)

RATE_COLUMNS = (
    Column("effective", lambda r: day_text(r.effective_date)),
    Column("percent", lambda r: f"{r.annual_percent}%", True),
    Column("note", lambda r: r.note),
    Column("by", lambda r: f"{r.created_by} {r.created_at:%Y-%m-%d}"),
)

RECO_COLUMNS = (
    Column("period", lambda r: r.period),
    Column("as_of", lambda r: day_text(r.as_of)),
    Column("bank", lambda r: money(r.bank_balance_fen), True),
    Column("book", lambda r: money(r.book_balance_fen), True),
    Column("residents", lambda r: money(r.residents_total_fen), True),
    Column("difference", lambda r: money(r.difference_fen), True),
    Column("result", lambda r: "相符" if r.agreed else "不符"),
    Column("source", lambda r: r.source),
    Column("by", lambda r: f"{r.created_by} {r.created_at:%Y-%m-%d %H:%M}"),
)

STATEMENT_COLUMNS = (
    Column("row", lambda r: str(r.row), True),
    Column("day", lambda r: day_text(r.day)),
    Column("summary", lambda r: r.summary),
    Column("in", lambda r: money(r.in_fen) if r.in_fen else "", True),
    Column("out", lambda r: money(r.out_fen) if r.out_fen else "", True),
    Column("balance", lambda r: money(r.balance_fen), True),
)


# --- dashboard -------------------------------------------------------------------------

def nearest_due(dash: Dashboard) -> dt.date | None:
    pending = [d for d in dash.due if not d.overdue]
    return min((d.due_date for d in pending), default=None)


def reco_text(r: ReconciliationRow | None) -> tuple[str, str]:
    """(date, 相符/不符) of the last reconciliation."""
    if r is None:
        return "尚未对账", ""
    return f"{r.period}（{r.as_of:%Y-%m-%d}）", ("相符" if r.agreed else "不符")


def default_interest_day(today: dt.date) -> dt.date:
    """The last quarterly settlement (the 20th of Mar/Jun/Sep/Dec) whose
    interest is credited (the 21st) on or before ``today``; interest posted
    up to the 21st."""
    y = today.year
    candidates = [dt.date(yy, m, 21) for yy in (y - 1, y) for m in (3, 6, 9, 12)]
    return max(d for d in candidates if d <= today)


def series_labels(series: Sequence[SeriesPoint]) -> list[str]:
    return [f"{p.month_end:%y-%m}" for p in series]


# --- the refund quote ------------------------------------------------------------------

def quote_html(q: RefundQuote) -> str:
    """Deposits − deductions + interest period by period = refund, the clock."""
    e = html.escape
    rows = []

    def line(label: str, amount: str, bold: bool = False, colour: str = "") -> None:
        style = "font-weight:bold;" if bold else ""
        style += f"color:{colour};" if colour else ""
        rows.append(f'<tr><td style="padding:2px 12px 2px 0;{style}">{label}</td>'
                    f'<td align="right" style="padding:2px 0;{style}">{amount}</td></tr>')

    for m in q.deposits:
        line(e(f"收取押金 {m.day:%Y-%m-%d} {m.number}"), e(money(m.amount_fen)))
    for m in q.deductions:
        line(e(f"扣除 {m.day:%Y-%m-%d} {m.reason}（凭证{m.voucher_no}）"), e(money(-m.amount_fen)))
    for m in q.excess_refunds:
        line(e(f"已退超限部分 {m.day:%Y-%m-%d} {m.number}"), e(money(-m.amount_fen)))
    for p, done in zip(q.periods, q.posted):
        state = "已入账" if done else ("退还时结清" if p.final else "未入账")
        line(e(f"利息 {p.start:%Y-%m-%d}至{p.end:%Y-%m-%d}（{state}）"), e(money(p.interest_fen)))
        for s in p.segments:
            rows.append('<tr><td style="padding:0 12px 0 24px;color:#555;font-size:small;">'
                        + e(f"{s.start:%m-%d}至{s.end:%m-%d} {s.days}天 × {money(s.balance_fen)} × {s.rate_percent}% ÷ 360")
                        + "</td><td></td></tr>")
    summary = (f"押金 {money(q.deposits_fen)} − 扣除 {money(q.deductions_fen + q.excess_refunded_fen)}"
               f" + 利息 {money(q.interest_fen)} = 应退 {money(q.refund_fen)}")
    head = f"<p><b>{e(q.resident_name)}</b> {e(q.contract_number)}　退还日 {q.on:%Y-%m-%d}　{e(q.mode_name)}</p>"
    out = [head, "<table>", *rows, "</table>", f"<p><b>{e(summary)}</b><br/>大写：{e(q.refund_upper)}</p>"]
    if q.due_date is None:
        out.append('<p style="color:#c62828;">合同尚未终止，不能退还押金</p>')
    else:
        clock = f"服务终止 {q.service_end:%Y-%m-%d}，退还期限 {q.due_date:%Y-%m-%d}"
        if q.overdue:
            out.append(f'<p style="color:#c62828;"><b>{e(clock)}：已逾期{-q.days_left}天，须填写逾期原因</b></p>')
        else:
            out.append(f'<p style="color:#2e7d32;">{e(clock)}：按期（剩余{q.days_left}天）</p>')
    out.append(f'<p style="color:#555;font-size:small;">{e(q.day_count_rule)}</p>')
    return "".join(out)


def statement_summary(st: BankStatement) -> str:
    return f"{st.source}：{len(st.rows)}行，最后余额 {money(st.last_balance_fen)}（{day_text(st.last_day)}）"


__all__ = [
    "ALL", "HOLDING", "DUE", "OVERDUE", "OVER_CAP", "FILTERS", "Column", "ResidentDeposit", "resident_rows",
    "filter_residents", "RESIDENT_COLUMNS", "MOVEMENT_COLUMNS", "RATE_COLUMNS", "RECO_COLUMNS", "STATEMENT_COLUMNS",
    "nearest_due", "reco_text", "default_interest_day", "quote_html", "money",
    "day_text", "holding", "statement_summary", "series_labels", "RateRow", "StatementRow", "ResidentActions",
    "resident_actions",
]
