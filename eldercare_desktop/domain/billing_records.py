"""Frozen DTOs of the monthly billing run, the billing register and the
monthly statement (费用清单). Money is integer fen."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .billing import KIND_NAMES
from .money import format_yuan


@dataclass(frozen=True)
class BillingResult:
    """What one billing run added (differences only: a repeated run adds nothing)."""

    period: str
    run_id: int
    contracts: int  # contracts looked at
    contracts_changed: int  # contracts that got new lines
    lines: int  # bill lines added
    entries: int  # journal entries posted (billing + prepayments applied)
    total_fen: int  # net amount added to receivables by this run
    prepaid_applied_fen: int
    rule: str

    @property
    def message(self) -> str:
        if not self.lines:
            return f"{self.period}计费完成：{self.contracts}份合同均已按最新条款计费，本次无新增"
        return (f"{self.period}计费完成：{self.contracts}份合同，{self.contracts_changed}份新增{self.lines}行，"
                f"合计{format_yuan(self.total_fen, symbol=False)}元")


@dataclass(frozen=True)
class RunInfo:
    id: int
    period: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    contracts: int
    lines: int
    total_fen: int
    rule: str
    created_by: str


@dataclass(frozen=True)
class RegisterRow:
    """计费汇总表: one row per contract billed in the month."""

    resident_id: int | None
    resident_name: str
    contract_id: int | None
    contract_number: str
    bed_fen: int
    care_fen: int
    meals_fen: int
    other_fen: int

    @property
    def total_fen(self) -> int:
        return self.bed_fen + self.care_fen + self.meals_fen + self.other_fen


@dataclass(frozen=True)
class BillingRegister:
    period: str
    rows: tuple[RegisterRow, ...]

    @property
    def totals(self) -> RegisterRow:
        def t(name: str) -> int:
            return sum(getattr(r, name) for r in self.rows)

        return RegisterRow(None, "合计", None, "", t("bed_fen"), t("care_fen"), t("meals_fen"), t("other_fen"))


@dataclass(frozen=True)
class StatementLine:
    kind: str  # bed | care | meals | other
    label: str
    start: dt.date
    end: dt.date
    days: int
    rate_fen: int
    amount_fen: int
    basis: str  # how the figure was computed

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class StatementPayment:
    number: str  # receipt number
    day: dt.date
    method: str
    payer: str
    amount_fen: int


@dataclass(frozen=True)
class StatementAdjustment:
    """Any other movement of what the resident owes in the month (settlements,
    reversals, voided receipts): positive increases what is owed."""

    day: dt.date
    memo: str
    amount_fen: int


@dataclass(frozen=True)
class StatementDetail:
    """One resident's month, every figure computed from the ledger.

    ``opening_fen``/``closing_fen``: receivable less prepaid (positive = owed,
    negative = paid in advance). opening + charges − payments + adjustments
    = closing. The deposit is held in escrow and not netted."""

    centre_name: str
    period: str
    period_start: dt.date
    period_end: dt.date
    resident_id: int
    resident_name: str
    bed: str
    contract_numbers: tuple[str, ...]
    opening_fen: int
    lines: tuple[StatementLine, ...]
    payments: tuple[StatementPayment, ...]
    adjustments: tuple[StatementAdjustment, ...]
    closing_fen: int
    rule: str
    deposit_fen: int
    escrow_bank: str = ""
    escrow_account_name: str = ""
    escrow_account_no: str = ""

    @property
    def number(self) -> str:
        return f"QD{self.period.replace('-', '')}-{self.resident_id:05d}"

    @property
    def contract_number(self) -> str:
        return "、".join(self.contract_numbers)

    @property
    def charges_fen(self) -> int:
        return sum(x.amount_fen for x in self.lines)

    @property
    def payments_fen(self) -> int:
        return sum(x.amount_fen for x in self.payments)

    @property
    def adjustments_fen(self) -> int:
        return sum(x.amount_fen for x in self.adjustments)

    def subtotals(self) -> list[tuple[str, int]]:
        """(kind, amount) in the order bed, care, meals, other, for kinds present."""
        out = []
        for kind in KIND_NAMES:
            rows = [x for x in self.lines if x.kind == kind]
            if rows:
                out.append((kind, sum(x.amount_fen for x in rows)))
        return out
