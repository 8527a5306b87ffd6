"""Frozen DTOs of the payments service: receipts, the receipts journal, the
void register and the ageing list (never ORM objects)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .payments import BUCKETS

METHODS: tuple[str, ...] = ("现金", "银行转账", "微信支付", "支付宝", "其他")
CASH_METHOD = "现金"


@dataclass(frozen=True)
class ReceiptRow:
    """One line of the receipts journal (收款日记账) or the void register."""

    id: int
    number: str
    day: dt.date
    resident_id: int
    resident_name: str
    method: str
    reference: str
    amount_fen: int
    payer: str
    memo: str
    cashier: str
    voided: bool
    void_date: dt.date | None
    void_reason: str


def receipts_total(rows: list[ReceiptRow] | tuple[ReceiptRow, ...], include_voided: bool = False) -> int:
    """Total of the rows; voided receipts count only when asked."""
    return sum(r.amount_fen for r in rows if include_voided or not r.voided)


@dataclass(frozen=True)
class PaidItem:
    """What part of a receipt paid: a charge (by its month and memo) or the
    part kept as a prepayment (``period`` empty)."""

    period: str  # 'YYYY-MM' of the charge; '' for the prepaid part
    label: str
    fen: int


@dataclass(frozen=True)
class ReceiptDetail:
    """Everything a printed receipt (收款收据) shows, figures computed."""

    centre_name: str
    id: int
    number: str
    day: dt.date
    resident_id: int
    resident_name: str
    method: str
    reference: str
    amount_fen: int
    amount_upper: str  # 人民币大写
    payer: str
    memo: str
    paid_items: tuple[PaidItem, ...]
    cashier: str
    voided: bool
    void_reason: str
    void_date: dt.date | None
    entry_id: int | None
    void_entry_id: int | None

    @property
    def summary(self) -> str:
        """摘要: what the money pays, e.g. "2026-03费用 ¥3,300.00；预收 ¥700.00"."""
        from .money import format_yuan

        parts = [f"{x.label} {format_yuan(x.fen)}" for x in self.paid_items]
        return "；".join(parts) or "收款"


@dataclass(frozen=True)
class AgeingRow:
    """One resident's unpaid receivable by age. ``credit_fen`` is a credit
    balance on the receivable (more credited than charged), shown apart;
    ``total_fen`` = sum of the buckets − ``credit_fen`` = the account balance."""

    resident_id: int
    resident_name: str
    buckets: tuple[int, ...]  # in the order of BUCKETS
    credit_fen: int
    oldest: dt.date | None  # date of the oldest unpaid charge

    @property
    def total_fen(self) -> int:
        return sum(self.buckets) - self.credit_fen

    def bucket(self, name: str) -> int:
        return self.buckets[BUCKETS.index(name)]


@dataclass(frozen=True)
class AgeingReport:
    on: dt.date
    rows: tuple[AgeingRow, ...]
    totals: tuple[int, ...]  # per bucket
    credit_fen: int
    receivable_fen: int  # balance of 1121 on ``on`` (what total_fen must equal)
    bucket_names: tuple[str, ...] = BUCKETS

    @property
    def total_fen(self) -> int:
        return sum(self.totals) - self.credit_fen
