"""The rest of the centre's books: its own sub-accounts, vouchers (记账凭证)
with review, the fixed-asset register and depreciation, year closes and the
annual disclosure. Money is BigInteger fen."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

__all__ = ["LedgerAccount", "Voucher", "VoucherLine", "FixedAsset", "Depreciation", "YearClose", "Disclosure"]


class LedgerAccount(Base):
    """A sub-account the centre added under the official chart (data file)."""

    __tablename__ = "ledger_account"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    parent: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))


class Voucher(Base):
    """记账凭证 entered by the accountant. Numbered gap-free per month
    (记-2025-03-0012); it reaches the journal (and the statements) once
    reviewed by someone other than its author. Never edited: an unreviewed
    voucher may be voided (its number stays), a reviewed one is reversed."""

    __tablename__ = "voucher"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    period: Mapped[str] = mapped_column(String(7))
    seq: Mapped[int] = mapped_column(Integer)
    day: Mapped[dt.date] = mapped_column(Date)
    memo: Mapped[str] = mapped_column(String(300))
    template: Mapped[str] = mapped_column(String(20), default="")  # salaries, donation, …
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON: donor, restriction, subsidy kind…
    attachments: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(4))  # 待审核 | 已审核 | 作废
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"), unique=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("voucher.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reviewed_by: Mapped[str] = mapped_column(String(60), default="")
    void_reason: Mapped[str] = mapped_column(String(300), default="")
    __table_args__ = (
        UniqueConstraint("period", "seq", name="uq_voucher_period_seq"),
        CheckConstraint("status IN ('待审核', '已审核', '作废')", name="ck_voucher_status"),
        CheckConstraint("attachments >= 0", name="ck_voucher_attachments"),
        Index("ix_voucher_day", "day"),
    )


class VoucherLine(Base):
    __tablename__ = "voucher_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    voucher_id: Mapped[int] = mapped_column(ForeignKey("voucher.id"), index=True)
    account: Mapped[str] = mapped_column(String(20))
    debit: Mapped[int] = mapped_column(BigInteger, default=0)
    credit: Mapped[int] = mapped_column(BigInteger, default=0)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    memo: Mapped[str] = mapped_column(String(200), default="")


class FixedAsset(Base):
    """固定资产卡片: straight-line depreciation from the month after it goes
    into use, over ``life_months``, down to its salvage value."""

    __tablename__ = "fixed_asset"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # ZC-0001
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(20))
    cost_fen: Mapped[int] = mapped_column(BigInteger)
    in_use_date: Mapped[dt.date] = mapped_column(Date)
    life_months: Mapped[int] = mapped_column(Integer)
    salvage_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    department: Mapped[str] = mapped_column(String(4))  # 业务 | 管理
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("voucher.id"))
    restricted_source: Mapped[str] = mapped_column(String(200), default="")  # bought with a restricted gift
    # an asset held before the app's opening balances: depreciation already
    # charged, through ``opening_period`` ('YYYY-MM'; '' when none)
    opening_depreciation_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    opening_period: Mapped[str] = mapped_column(String(7), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        CheckConstraint("cost_fen > 0 AND salvage_fen >= 0 AND salvage_fen < cost_fen", name="ck_asset_amounts"),
        CheckConstraint("life_months > 0", name="ck_asset_life"),
        CheckConstraint("department IN ('业务', '管理')", name="ck_asset_department"),
        CheckConstraint("opening_depreciation_fen >= 0", name="ck_asset_opening_depreciation"),
    )


class Depreciation(Base):
    """One asset's depreciation for one month, posted once."""

    __tablename__ = "depreciation"
    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("fixed_asset.id"))
    period: Mapped[str] = mapped_column(String(7))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entry.id"))
    __table_args__ = (
        UniqueConstraint("asset_id", "period", name="uq_depreciation_asset_period"),
        Index("ix_depreciation_period", "period"),
    )


class YearClose(Base):
    """年末结转 done: the year takes no more entries."""

    __tablename__ = "year_close"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(60))


class Disclosure(Base):
    """The year's disclosure package: the work report and staff figure the
    accountant writes, and when it was submitted (ends the reminder)."""

    __tablename__ = "disclosure"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    work_report: Mapped[str] = mapped_column(Text, default="")
    staff_count: Mapped[int] = mapped_column(Integer, default=0)
    accounting_head: Mapped[str] = mapped_column(String(40), default="")  # 会计机构负责人, signs the statements
    submitted_on: Mapped[dt.date | None] = mapped_column(Date)
    submitted_to: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(60), default="")
