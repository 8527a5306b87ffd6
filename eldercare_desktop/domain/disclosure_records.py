"""Frozen DTOs for the year's books (trial balance, ledgers) and the annual
disclosure package (年度财务收支情况公开): what the services gather and the
documents and screens render. Amounts are fen; rates are Decimal."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .statements import StatementSet


@dataclass(frozen=True)
class YearTrialRow:
    """科目余额表 over a year (or any span): balances on their side at the
    start and end, and the span's movements. Parent accounts carry the sum
    of their children (``level`` 1 = a 4-digit account)."""

    account: str
    name: str
    level: int
    opening_debit: int
    opening_credit: int
    debit: int
    credit: int
    closing_debit: int
    closing_credit: int


@dataclass(frozen=True)
class YearTrialBalance:
    year: int
    date_from: dt.date
    date_to: dt.date
    rows: tuple[YearTrialRow, ...]

    def totals(self) -> YearTrialRow:
        top = [r for r in self.rows if r.level == 1]

        def t(name: str) -> int:
            return sum(getattr(r, name) for r in top)

        return YearTrialRow("", "合计", 1, t("opening_debit"), t("opening_credit"), t("debit"), t("credit"),
                            t("closing_debit"), t("closing_credit"))

    @property
    def balanced(self) -> bool:
        x = self.totals()
        return (x.opening_debit == x.opening_credit and x.debit == x.credit
                and x.closing_debit == x.closing_credit)


def direction(side: str, balance: int) -> tuple[str, int]:
    """借/贷/平 and the amount of a balance kept on ``side``'s sign (the
    account's normal side): a negative balance reads on the other side."""
    if balance == 0:
        return "平", 0
    if balance > 0:
        return side, balance
    return ("贷" if side == "借" else "借"), -balance


@dataclass(frozen=True)
class LedgerMonth:
    period: str
    debit: int
    credit: int
    balance: int  # on the account's normal side, at the month's end


@dataclass(frozen=True)
class GeneralLedgerAccount:
    """总账: one account's year, month by month."""

    account: str
    name: str
    side: str  # 借 | 贷 (normal side)
    opening: int  # on the normal side
    months: tuple[LedgerMonth, ...]

    @property
    def closing(self) -> int:
        return self.months[-1].balance if self.months else self.opening


@dataclass(frozen=True)
class DetailLine:
    entry_id: int
    day: dt.date
    reference: str  # voucher number, receipt, bill…: what opens the source
    source: str
    memo: str
    debit: int
    credit: int
    balance: int  # on the account's normal side, after this line
    resident_name: str = ""


@dataclass(frozen=True)
class AccountDetail:
    """明细账: one account's lines in a span with a running balance."""

    account: str
    name: str
    side: str
    date_from: dt.date
    date_to: dt.date
    opening: int
    lines: tuple[DetailLine, ...]

    @property
    def closing(self) -> int:
        return self.lines[-1].balance if self.lines else self.opening


@dataclass(frozen=True)
class EntryRef:
    """One journal entry behind a figure (a drill-down row)."""

    entry_id: int
    day: dt.date
    reference: str
    memo: str
    source: str
    account: str
    account_name: str
    amount: int  # the line's contribution to the figure, on the figure's side


@dataclass(frozen=True)
class SourceView:
    """What a journal entry came from: the bill, receipt, deposit movement,
    voucher or depreciation run, as label/value rows and its lines."""

    entry_id: int
    kind: str  # 账单 | 收据 | 押金 | 凭证 | 折旧 | 年末结转 | 期初余额 | 结算 | 其他
    title: str
    facts: tuple[tuple[str, str], ...]
    lines: tuple[tuple[str, str, int, int, str], ...]  # (account, name, debit, credit, resident/memo)


# --- the disclosure package ------------------------------------------------------

@dataclass(frozen=True)
class CentreFacts:
    name: str
    credit_code: str
    kind: str
    address: str
    phone: str
    legal_representative: str
    bank_name: str
    bank_account_no: str
    escrow_bank: str
    escrow_account_name: str
    escrow_account_no: str
    approved_beds: int
    beds: int  # beds in the register at year end
    nursing_beds: int
    staff_count: int
    profile_name: str


@dataclass(frozen=True)
class FeeStandard:
    kind_name: str  # 床位费 / 护理费 / 伙食费 / 其他
    name: str
    unit: str
    price_fen: int | None
    since: dt.date | None


@dataclass(frozen=True)
class PriceChange:
    name: str
    effective_date: dt.date
    old_fen: int | None
    new_fen: int
    notice_date: dt.date
    reason: str
    unit: str = ""  # 月 | 日 | 次


@dataclass(frozen=True)
class EscrowYear:
    opening_fen: int
    received_fen: int
    deducted_fen: int
    refunded_fen: int
    interest_fen: int
    closing_fen: int
    bank_closing_fen: int  # 银行存款—押金专户 on the books at year end
    residents_holding: int
    refunds_overdue: int  # refunds paid after the deadline in the year, or still unpaid past it
    refunds_overdue_fen: int
    over_cap: int  # residents whose deposit exceeds the cap at year end
    over_cap_fen: int


@dataclass(frozen=True)
class SubsidyLine:
    kind: str
    account: str
    amount_fen: int
    restricted: bool


@dataclass(frozen=True)
class Occupancy:
    days: int  # days in the year
    beds: int
    bed_days: int  # beds × days (in service)
    occupied_bed_days: int
    rate: Decimal  # occupied ÷ bed-days, as a fraction
    nursing_beds: int
    nursing_share: Decimal  # nursing beds ÷ beds, as a fraction
    nursing_target_percent: int
    residents_start: int
    residents_end: int
    admissions: int
    discharges: int


@dataclass(frozen=True)
class DisclosureContext:
    year: int
    centre: CentreFacts
    statements: StatementSet
    fees: tuple[FeeStandard, ...]
    price_changes: tuple[PriceChange, ...]
    escrow: EscrowYear
    subsidies: tuple[SubsidyLine, ...]
    occupancy: Occupancy
    work_report: str
    prepaid_fen: int  # 预收账款 + 住户押金 at year end (预收费 supervision)
    net_fixed_assets_fen: int
    due_date: dt.date
    prepared_on: dt.date
    prepared_by: str
    year_closed: bool  # prepared_on is then the day the year was closed
    submitted_on: dt.date | None = None
    accounting_head: str = ""  # 会计机构负责人
    printed_on: dt.date | None = None  # today, for the footers (prepared_on when None)

    @property
    def print_date(self) -> dt.date:
        return self.printed_on or self.prepared_on

    @property
    def price_change_count(self) -> int:
        return sum(1 for c in self.price_changes if c.old_fen is not None)

    @property
    def subsidies_total(self) -> int:
        return sum(x.amount_fen for x in self.subsidies)


@dataclass(frozen=True)
class DisclosureStatus:
    """The reminder: the previous year's package is due by ``due_date``."""

    year: int
    due_date: dt.date
    days_left: int  # negative when overdue
    submitted_on: dt.date | None
    submitted_to: str = ""

    @property
    def overdue(self) -> bool:
        return self.submitted_on is None and self.days_left < 0

    @property
    def pending(self) -> bool:
        return self.submitted_on is None

    def text(self) -> str:
        if self.submitted_on:
            return f"{self.year}年度财务收支情况已于{self.submitted_on:%Y-%m-%d}报送"
        if self.days_left < 0:
            return f"{self.year}年度财务收支情况公开已逾期{-self.days_left}天（应于{self.due_date:%Y-%m-%d}前报送民政、价格部门）"
        return f"{self.year}年度财务收支情况须于{self.due_date:%Y-%m-%d}前报送民政、价格部门，还剩{self.days_left}天"
