"""Deposit escrow (押金专户): movements of each resident's deposit, the dated
demand-deposit rate table, and the monthly reconciliations."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

__all__ = ["DepositMovement", "DemandRate", "EscrowReconciliation"]


class DepositMovement(Base):
    """Money into or out of a resident's deposit in the escrow account. Each
    posts a journal entry (never through income): 收取 Dr 100202 / Cr 220901;
    扣除 (emergency costs only, with reason and voucher) Dr 220901 / Cr 100202;
    利息 Dr 100202 / Cr 220901; 退还 Dr 220901 / Cr 100202."""

    __tablename__ = "deposit_movement"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    kind: Mapped[str] = mapped_column(String(4))  # 收取 / 扣除 / 利息 / 退还
    day: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # always positive; the kind gives the direction
    reason: Mapped[str] = mapped_column(String(300), default="")
    voucher_no: Mapped[str] = mapped_column(String(40), default="")  # 凭证号 / 单据号
    number: Mapped[str] = mapped_column(String(30), default="")  # YJ2026-0001 on deposit receipts, TK… on refunds
    interest_detail: Mapped[str] = mapped_column(String(4000), default="")  # JSON: periods of an interest/refund
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="ck_deposit_amount"),
        CheckConstraint("kind IN ('收取', '扣除', '利息', '退还')", name="ck_deposit_kind"),
        Index("ix_deposit_resident", "resident_id", "day"),
        Index("ix_deposit_day", "day", "kind", "amount_fen"),
    )


class DemandRate(Base):
    """The bank's listed demand-deposit rate from ``effective_date`` on, as
    text of a Decimal percent (e.g. '0.35'), never a float."""

    __tablename__ = "demand_rate"
    id: Mapped[int] = mapped_column(primary_key=True)
    effective_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    annual_percent: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))


class EscrowReconciliation(Base):
    """The month-end reconciliation: bank statement balance entered (or
    imported) against the book balance of 100202 and Σ residents' deposits."""

    __tablename__ = "escrow_reconciliation"
    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7))
    as_of: Mapped[dt.date] = mapped_column(Date)
    bank_balance_fen: Mapped[int] = mapped_column(BigInteger)
    book_balance_fen: Mapped[int] = mapped_column(BigInteger)
    residents_total_fen: Mapped[int] = mapped_column(BigInteger)
    difference_fen: Mapped[int] = mapped_column(BigInteger)  # bank − book
    source: Mapped[str] = mapped_column(String(200), default="")  # 手工录入 or the imported file name
    note: Mapped[str] = mapped_column(String(300), default="")
    lines: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (Index("ix_escrow_reconciliation_period", "period"),)
