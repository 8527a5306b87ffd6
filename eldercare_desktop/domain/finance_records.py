"""Frozen DTOs returned by the ledger and fee services (never ORM objects)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


# --- ledger --------------------------------------------------------------------

@dataclass(frozen=True)
class JournalRow:
    """One line of the journal with its entry's header (凭证 + 分录)."""

    entry_id: int
    day: dt.date
    period: str
    entry_memo: str
    source: str
    reverses_id: int | None
    reversed_by_id: int | None
    account: str
    account_name: str
    debit: int  # fen (negative on a 红冲 entry)
    credit: int  # fen
    resident_id: int | None
    resident_name: str
    memo: str


@dataclass(frozen=True)
class TrialBalanceRow:
    """科目余额表: balances on the debit or credit side at the start and end of
    the month, and the month's movements (发生额)."""

    account: str
    name: str
    opening_debit: int
    opening_credit: int
    debit: int
    credit: int
    closing_debit: int
    closing_credit: int


@dataclass(frozen=True)
class TrialBalance:
    period: str
    rows: tuple[TrialBalanceRow, ...]

    def totals(self) -> TrialBalanceRow:
        def t(name: str) -> int:
            return sum(getattr(r, name) for r in self.rows)

        return TrialBalanceRow("", "合计", t("opening_debit"), t("opening_credit"), t("debit"), t("credit"),
                               t("closing_debit"), t("closing_credit"))

    @property
    def balanced(self) -> bool:
        x = self.totals()
        return (x.opening_debit == x.opening_credit and x.debit == x.credit
                and x.closing_debit == x.closing_credit)


@dataclass(frozen=True)
class PeriodCloseInfo:
    period: str
    closed_at: dt.datetime
    closed_by: str


# --- fee schedule --------------------------------------------------------------

@dataclass(frozen=True)
class FeeItemInfo:
    id: int
    code: str
    kind: str  # bed | care | meals | other
    name: str
    unit: str  # 月 | 日 | 次
    key: str
    active: bool
    version: int = 0  # services.versions


@dataclass(frozen=True)
class ScheduleRow:
    """One row of the 收费公示 table on a given day."""

    item_id: int
    code: str
    kind: str
    kind_name: str
    name: str
    unit: str
    key: str
    price_fen: int | None  # None: no price in effect yet
    since: dt.date | None
    next_price_fen: int | None = None  # an announced change, if any
    next_effective: dt.date | None = None
    next_notice: dt.date | None = None
    version: int = 0  # the fee item's (services.versions)


@dataclass(frozen=True)
class PriceChangeRow:
    item_id: int
    code: str
    name: str
    effective_date: dt.date
    old_fen: int | None  # None: the item's first price
    new_fen: int
    notice_date: dt.date
    reason: str
    created_at: dt.datetime
    created_by: str
    price_id: int = 0  # the fee_price row (notices and 按调价变更合同 act on it)

    @property
    def is_initial(self) -> bool:
        return self.old_fen is None


@dataclass(frozen=True)
class PriceChangeLog:
    """调价记录: every price row in the range, and how many real changes
    (not counting an item's first price) each item had in each year."""

    rows: tuple[PriceChangeRow, ...]
    counts: dict[tuple[int, int], int] = field(default_factory=dict)  # (item_id, year) -> changes
