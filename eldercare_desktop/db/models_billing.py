"""Service contracts with dated fee terms, one-off charges, billing runs and
lines, receipts. Money is BigInteger fen."""
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
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

__all__ = ["Contract", "ContractTerm", "Charge", "BillRun", "BillLine", "Receipt", "ReceiptSequence"]


class Contract(Base):
    """A written service contract (服务合同) with a resident or their agent.
    Fees live in ContractTerm rows: the snapshot at signing and each amendment."""

    __tablename__ = "contract"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)  # HT2026-0001
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    signed_date: Mapped[dt.date] = mapped_column(Date)
    start_date: Mapped[dt.date] = mapped_column(Date)  # first day of service billed
    end_date: Mapped[dt.date] = mapped_column(Date)  # last day of the agreed term
    signer_name: Mapped[str] = mapped_column(String(40))
    signer_relation: Mapped[str] = mapped_column(String(20))  # 本人 / 代理人（儿子）…
    deposit_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # agreed deposit (cap checked)
    payment_terms: Mapped[str] = mapped_column(String(300), default="")
    clauses: Mapped[str] = mapped_column(Text, default="{}")  # JSON: service content, items, disputes…
    status: Mapped[str] = mapped_column(String(6), default="生效")  # 生效 / 已终止
    termination_date: Mapped[dt.date | None] = mapped_column(Date)  # last day of service
    termination_reason: Mapped[str] = mapped_column(String(10), default="")  # 到期 / 提前解约 / 去世 / 其他
    termination_note: Mapped[str] = mapped_column(String(300), default="")
    settlement_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="ck_contract_term"),
        CheckConstraint("deposit_fen >= 0", name="ck_contract_deposit"),
        Index("ix_contract_resident", "resident_id", "start_date"),
    )
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class ContractTerm(Base):
    """The fees agreed from ``effective_date`` until the next term: the
    snapshot at signing (kind 签订) and every amendment (照护等级变更, 调床,
    调价, 其他), with who consented."""

    __tablename__ = "contract_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    bed_label: Mapped[str] = mapped_column(String(40))  # e.g. 护理型床位
    bed_fee_fen: Mapped[int] = mapped_column(BigInteger)  # per month
    care_level: Mapped[str] = mapped_column(String(20))
    care_fee_fen: Mapped[int] = mapped_column(BigInteger)  # per month
    meal_rate_fen: Mapped[int] = mapped_column(BigInteger)  # per day present
    description: Mapped[str] = mapped_column(String(300), default="")
    consent_by: Mapped[str] = mapped_column(String(40), default="")
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        UniqueConstraint("contract_id", "effective_date", name="uq_contract_term_date"),
        CheckConstraint("bed_fee_fen >= 0 AND care_fee_fen >= 0 AND meal_rate_fen >= 0", name="ck_contract_term_fees"),
    )


class Charge(Base):
    """A one-off or per-use charge (e.g. 陪同就医 2次), billed with its month."""

    __tablename__ = "charge"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    fee_item_id: Mapped[int | None] = mapped_column(ForeignKey("fee_item.id"))
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_fen: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        CheckConstraint("quantity > 0 AND unit_fen > 0 AND amount_fen = quantity * unit_fen", name="ck_charge_amount"),
        Index("ix_charge_day", "day", "contract_id"),
    )


class BillRun(Base):
    __tablename__ = "bill_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    contracts: Mapped[int] = mapped_column(Integer, default=0)
    lines: Mapped[int] = mapped_column(Integer, default=0)
    total_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # what this run added (differences only)
    rule: Mapped[str] = mapped_column(String(300), default="")  # the proration rule applied
    created_by: Mapped[str] = mapped_column(String(60))


class BillLine(Base):
    """One charge line of a month. A later run for the same month that finds a
    different amount adds a line with the difference (never edits)."""

    __tablename__ = "bill_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("bill_run.id"))
    period: Mapped[str] = mapped_column(String(7))
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    kind: Mapped[str] = mapped_column(String(8))  # bed | care | meals | other
    label: Mapped[str] = mapped_column(String(80))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)
    rate_fen: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # may be negative for a difference
    basis: Mapped[str] = mapped_column(String(200))  # how it was computed
    charge_id: Mapped[int | None] = mapped_column(ForeignKey("charge.id"))
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    __table_args__ = (
        # covering index for the month queries (statements, register, re-runs)
        Index("ix_bill_line_period", "period", "contract_id", "kind", "amount_fen"),
        Index("ix_bill_line_resident", "resident_id", "period"),
    )


class Receipt(Base):
    """A payment with its gap-free receipt number. A void keeps the row (void
    register) and posts a red reversal of the payment entry."""

    __tablename__ = "receipt"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # SJ2026-000001
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # 现金 / 银行转账 / 微信支付 / 支付宝 / 其他
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    payer: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(60), default="")  # bank/WeChat transaction number
    memo: Mapped[str] = mapped_column(String(200), default="")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    void_date: Mapped[dt.date | None] = mapped_column(Date)
    void_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="ck_receipt_amount"),
        Index("ix_receipt_resident", "resident_id", "day"),
        Index("ix_receipt_day", "day"),
    )


class ReceiptSequence(Base):
    """The last receipt number used in a year: taken inside the payment's
    transaction, so a failed payment leaves no gap."""

    __tablename__ = "receipt_sequence"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
