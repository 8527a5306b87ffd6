"""Finance models: the journal (double entry, immutable once posted), closed
periods, and the dated fee schedule. Money is BigInteger fen."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

__all__ = ["JournalEntry", "JournalLine", "PeriodClose", "FeeItem", "FeePrice"]


class JournalEntry(Base):
    """A posted voucher. Never updated or deleted: a correction is a reversing
    entry (红冲) whose ``reverses_id`` names the original (at most once)."""

    __tablename__ = "journal_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_date: Mapped[dt.date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7))  # 'YYYY-MM'
    memo: Mapped[str] = mapped_column(String(300))
    # what business event posted it ("billing:2026-03:contract:12"); unique so
    # a posting run can be repeated safely. NULL for hand-made vouchers.
    source: Mapped[str | None] = mapped_column(String(120), unique=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        Index("ix_journal_entry_period", "period"),
        Index("ix_journal_entry_date", "entry_date"),
    )


class JournalLine(Base):
    __tablename__ = "journal_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entry.id"))
    account: Mapped[str] = mapped_column(String(20))
    debit: Mapped[int] = mapped_column(BigInteger, default=0)  # fen
    credit: Mapped[int] = mapped_column(BigInteger, default=0)  # fen
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    memo: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        # covering index for balance queries (by account, per resident)
        Index("ix_journal_line_balance", "account", "resident_id", "entry_id", "debit", "credit"),
        Index("ix_journal_line_entry", "entry_id"),
        Index("ix_journal_line_resident", "resident_id", "account"),
    )


class PeriodClose(Base):
    """A closed month ('YYYY-MM') takes no more entries. Never reopened."""

    __tablename__ = "period_close"
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(60))


class FeeItem(Base):
    """A line of the fee schedule (收费项目)."""

    __tablename__ = "fee_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # bed | care | meals | other
    name: Mapped[str] = mapped_column(String(60))
    unit: Mapped[str] = mapped_column(String(4))  # 月 | 日 | 次
    key: Mapped[str] = mapped_column(String(20), default="")  # bed type / care level / ''
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (
        CheckConstraint("kind IN ('bed', 'care', 'meals', 'other')", name="ck_fee_item_kind"),
        Index("ix_fee_item_kind_key", "kind", "key"),
    )
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class FeePrice(Base):
    """A price from ``effective_date`` on, until the next row of the item.
    The rows themselves are the price-change log (调价记录)."""

    __tablename__ = "fee_price"
    id: Mapped[int] = mapped_column(primary_key=True)
    fee_item_id: Mapped[int] = mapped_column(ForeignKey("fee_item.id"))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    notice_date: Mapped[dt.date] = mapped_column(Date)  # when residents were told
    reason: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        UniqueConstraint("fee_item_id", "effective_date", name="uq_fee_price_item_date"),
        CheckConstraint("amount_fen > 0", name="ck_fee_price_positive"),
    )
