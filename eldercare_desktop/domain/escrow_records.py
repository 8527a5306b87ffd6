"""Frozen DTOs of the deposit escrow service (services/escrow.py). Money is
integer fen; interest periods are ``domain.interest.Period`` unchanged, so
a document prints exactly what the engine computed."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from .interest import DAY_COUNT_RULE, MODES, Period, Segment
from .money import to_chinese_upper

KIND_DEPOSIT, KIND_DEDUCTION, KIND_INTEREST, KIND_REFUND = "收取", "扣除", "利息", "退还"
# emergency costs only (DOMAIN.md §1): a deduction names one of these plus a detail
DEDUCTION_CATEGORIES = ("医疗急救", "住院押金垫付", "其他应急费用")
# how deposit money reaches (or leaves) the escrow bank account — never cash kept in the till
METHODS = ("银行转账", "POS刷卡", "支票", "现金缴存专户")
# the reason of a 退还 movement that refunds only the part above a lowered cap
EXCESS_REASON = "押金超过上限，退还超出部分"


@dataclass(frozen=True)
class RateRow:
    id: int
    effective_date: dt.date
    annual_percent: Decimal  # 0.35 means 0.35%
    note: str
    created_at: dt.datetime
    created_by: str


@dataclass(frozen=True)
class MovementRow:
    """One deposit_movement row. ``reason`` holds the method for 收取/退还
    (plus the late reason of a late refund), the category and detail for 扣除."""

    id: int
    resident_id: int
    resident_name: str
    contract_id: int | None
    contract_number: str
    kind: str  # 收取 / 扣除 / 利息 / 退还
    day: dt.date
    amount_fen: int
    reason: str
    voucher_no: str  # 凭证号 / 交易流水号
    number: str  # YJ… / TK… / '' for interest and deductions
    entry_id: int | None
    created_at: dt.datetime
    created_by: str

    @property
    def signed_fen(self) -> int:
        return self.amount_fen if self.kind in (KIND_DEPOSIT, KIND_INTEREST) else -self.amount_fen

    @property
    def is_excess_refund(self) -> bool:
        return self.kind == KIND_REFUND and self.reason.startswith(EXCESS_REASON)


@dataclass(frozen=True)
class RefundQuote:
    """The refund due to a resident if refunded on ``on``: deposits −
    deductions − excess already refunded + interest (every period of the
    current holding, settled or final), with the 10-day clock."""

    resident_id: int
    resident_name: str
    on: dt.date
    mode: str  # interest.SPLIT / SETTLEMENT_RATE
    contract_id: int | None
    contract_number: str
    service_end: dt.date | None  # last day of service; None while a contract covers ``on``
    due_date: dt.date | None  # service_end + refund days
    days_left: int | None  # due_date − on (negative: overdue)
    deposits: tuple[MovementRow, ...]
    deductions: tuple[MovementRow, ...]
    excess_refunds: tuple[MovementRow, ...]
    periods: tuple[Period, ...]  # domain.interest.accrue(...).periods
    posted: tuple[bool, ...]  # per period: already credited in the books
    balance_fen: int  # the book balance (220901) of the resident on ``on``

    @property
    def deposits_fen(self) -> int:
        return sum(m.amount_fen for m in self.deposits)

    @property
    def deductions_fen(self) -> int:
        return sum(m.amount_fen for m in self.deductions)

    @property
    def excess_refunded_fen(self) -> int:
        return sum(m.amount_fen for m in self.excess_refunds)

    @property
    def interest_fen(self) -> int:
        return sum(p.interest_fen for p in self.periods)

    @property
    def interest_posted_fen(self) -> int:
        return sum(p.interest_fen for p, done in zip(self.periods, self.posted) if done)

    @property
    def refund_fen(self) -> int:
        """deposits − deductions − excess refunded + interest."""
        return self.deposits_fen - self.deductions_fen - self.excess_refunded_fen + self.interest_fen

    @property
    def refund_upper(self) -> str:
        return to_chinese_upper(self.refund_fen)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def mode_name(self) -> str:
        return MODES[self.mode]

    @property
    def day_count_rule(self) -> str:
        return DAY_COUNT_RULE


@dataclass(frozen=True)
class RefundVoucher:
    """A posted refund (退还) with the computation stored on it."""

    movement: MovementRow
    method: str
    late: bool
    late_reason: str
    service_end: dt.date
    due_date: dt.date
    deposits_fen: int
    deductions_fen: int
    excess_refunded_fen: int
    periods: tuple[Period, ...]
    mode: str

    @property
    def interest_fen(self) -> int:
        return sum(p.interest_fen for p in self.periods)

    @property
    def amount_upper(self) -> str:
        return to_chinese_upper(self.movement.amount_fen)


@dataclass(frozen=True)
class DueRow:
    resident_id: int
    resident_name: str
    contract_id: int
    contract_number: str
    service_end: dt.date
    due_date: dt.date
    days_left: int  # negative: overdue by that many days
    balance_fen: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class OverCapRow:
    resident_id: int
    resident_name: str
    contract_number: str
    monthly_fee_fen: int
    cap_fen: int
    principal_fen: int  # deposits − deductions − excess refunded (interest is not a deposit)
    excess_fen: int


@dataclass(frozen=True)
class ReconciliationRow:
    id: int
    period: str
    as_of: dt.date
    bank_balance_fen: int
    book_balance_fen: int  # 100202 on as_of
    residents_total_fen: int  # Σ residents' 220901 on as_of
    difference_fen: int  # bank − book
    source: str
    note: str
    lines: int
    created_at: dt.datetime
    created_by: str
    residents: tuple[tuple[int, str, str, int], ...] = ()  # (resident id, name, contract number, balance)

    @property
    def residents_difference_fen(self) -> int:
        return self.book_balance_fen - self.residents_total_fen

    @property
    def agreed(self) -> bool:
        return self.difference_fen == 0 and self.residents_difference_fen == 0


@dataclass(frozen=True)
class SeriesPoint:
    month_end: dt.date
    held_fen: int


@dataclass(frozen=True)
class Dashboard:
    on: dt.date
    held_fen: int  # 100202 balance on ``on``
    residents_total_fen: int  # Σ 220901 on ``on`` (equal to held_fen when the books agree)
    residents_with_deposit: int
    due: tuple[DueRow, ...]  # contracts ended with a balance, most urgent first (overdue included)
    over_cap: tuple[OverCapRow, ...]
    late_refunds: tuple[MovementRow, ...]  # refunds made after the deadline (with their reason)
    last_reconciliation: ReconciliationRow | None
    series: tuple[SeriesPoint, ...]  # held at the end of each month, oldest first

    @property
    def overdue(self) -> tuple[DueRow, ...]:
        return tuple(r for r in self.due if r.overdue)


@dataclass(frozen=True)
class LedgerLine:
    day: dt.date
    entry_id: int | None
    movement_id: int | None
    number: str
    kind: str  # 收取 / 扣除 / 利息 / 退还, or '' for an entry not made by the escrow service
    summary: str
    resident_id: int | None
    resident_name: str
    in_fen: int
    out_fen: int
    balance_fen: int


@dataclass(frozen=True)
class EscrowLedger:
    """A per-resident (220901) or whole-account (100202) ledger for a span."""

    account: str
    resident_id: int | None
    resident_name: str
    date_from: dt.date
    date_to: dt.date
    opening_fen: int
    rows: tuple[LedgerLine, ...]

    @property
    def in_fen(self) -> int:
        return sum(r.in_fen for r in self.rows)

    @property
    def out_fen(self) -> int:
        return sum(r.out_fen for r in self.rows)

    @property
    def closing_fen(self) -> int:
        return self.opening_fen + self.in_fen - self.out_fen


@dataclass(frozen=True)
class StatementRow:
    row: int  # row number in the file
    day: dt.date
    summary: str
    in_fen: int
    out_fen: int
    balance_fen: int | None


@dataclass(frozen=True)
class BankStatement:
    source: str  # file name
    rows: tuple[StatementRow, ...]

    @property
    def last_balance_fen(self) -> int | None:
        for r in reversed(self.rows):
            if r.balance_fen is not None:
                return r.balance_fen
        return None

    @property
    def last_day(self) -> dt.date | None:
        return self.rows[-1].day if self.rows else None


# --- the interest computation stored on a movement (JSON) ----------------------------

def periods_to_json(periods: tuple[Period, ...] | list[Period]) -> list[list]:
    """Compact: [start, end, settled_on, exact, interest_fen, final, [[start, end, days, balance, rate], …]]."""
    return [[p.start.isoformat(), p.end.isoformat(), p.settled_on.isoformat(), str(p.exact), p.interest_fen,
             p.final, [[s.start.isoformat(), s.end.isoformat(), s.days, s.balance_fen, str(s.rate_percent)]
                       for s in p.segments]] for p in periods]


def periods_from_json(data: list[list]) -> tuple[Period, ...]:
    d = dt.date.fromisoformat
    return tuple(Period(d(a), d(b), d(c), tuple(Segment(d(x), d(y), n, bal, Decimal(r)) for x, y, n, bal, r in segs),
                        Decimal(exact), interest, final) for a, b, c, exact, interest, final, segs in data)


def detail_json(**kw) -> str:
    return json.dumps(kw, ensure_ascii=False, separators=(",", ":"), default=str)
