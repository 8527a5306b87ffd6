"""What subsidies test and what a centre claims: dated centre facts,
construction projects, half-yearly inspection grades, the care-worker
register, the centre's scheme parameters, and claims with their rows."""
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

__all__ = ["CentreFact", "ConstructionProject", "InspectionGrade", "CareWorker", "WorkerCertificate",
           "WorkerContract", "WorkerInsurance", "WorkerTraining", "SubsidyParam", "SubsidyClaim", "SubsidyClaimRow"]


class CentreFact(Base):
    """A fact about the centre in force from ``valid_from`` (nature, property,
    approved beds, star rating…); the value is text, read by its key."""

    __tablename__ = "centre_fact"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (UniqueConstraint("key", "valid_from", name="uq_centre_fact_key_day"),)


class ConstructionProject(Base):
    __tablename__ = "construction_project"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    facility: Mapped[str] = mapped_column(String(20))  # 养老机构 | 社区养老服务中心
    kind: Mapped[str] = mapped_column(String(10))  # 新建 | 改扩建
    beds: Mapped[int] = mapped_column(Integer, default=0)
    area_m2: Mapped[str] = mapped_column(String(20), default="0")  # Decimal text
    completed: Mapped[dt.date] = mapped_column(Date)
    tenure: Mapped[str] = mapped_column(String(4))  # 自有 | 租赁
    lease_start: Mapped[dt.date | None] = mapped_column(Date)
    lease_end: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        CheckConstraint("beds >= 0", name="ck_project_beds"),
        CheckConstraint("tenure IN ('自有', '租赁')", name="ck_project_tenure"),
    )


class InspectionGrade(Base):
    """The half-yearly inspection of a community centre: 优/良/中/差."""

    __tablename__ = "inspection_grade"
    half: Mapped[str] = mapped_column(String(7), primary_key=True)  # 2026-H1
    grade: Mapped[str] = mapped_column(String(2))
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (CheckConstraint("grade IN ('优', '良', '中', '差')", name="ck_inspection_grade"),)


class CareWorker(Base):
    """养老护理员 in the register."""

    __tablename__ = "care_worker"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    gender: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    care_start: Mapped[dt.date | None] = mapped_column(Date)  # start of continuous care work
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))


class WorkerCertificate(Base):
    __tablename__ = "worker_certificate"
    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("care_worker.id"), index=True)
    level: Mapped[str] = mapped_column(String(6))
    number: Mapped[str] = mapped_column(String(40))
    issued: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)


class WorkerContract(Base):
    """A labour contract: the agreed term (``end`` None is open-ended,
    无固定期限) and, when it stopped before that (解除, 离职), ``ended_on``."""

    __tablename__ = "worker_contract"
    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("care_worker.id"), index=True)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        CheckConstraint('"end" IS NULL OR "end" >= start', name="ck_worker_contract_dates"),
        CheckConstraint('ended_on IS NULL OR (ended_on >= start AND ("end" IS NULL OR ended_on <= "end"))',
                        name="ck_worker_contract_ended"),
    )


class WorkerInsurance(Base):
    """Social insurance paid for a month (a row per month paid)."""

    __tablename__ = "worker_insurance"
    worker_id: Mapped[int] = mapped_column(ForeignKey("care_worker.id"), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)


class WorkerTraining(Base):
    __tablename__ = "worker_training"
    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("care_worker.id"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    course: Mapped[str] = mapped_column(String(100))
    hours: Mapped[int] = mapped_column(Integer, default=0)


class SubsidyParam(Base):
    """A figure a scheme needs that the policy text does not give."""

    __tablename__ = "subsidy_param"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(30))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(60))


class SubsidyClaim(Base):
    """草稿 → 已提交 → 已批准 → 已到账 (or 已撤回). A draft is recomputed from
    the registers; submitting freezes its rows and evidence (``snapshot``)."""

    __tablename__ = "subsidy_claim"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # BT2026-0003
    scheme: Mapped[str] = mapped_column(String(40))
    scheme_name: Mapped[str] = mapped_column(String(100))
    profile: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    first: Mapped[str] = mapped_column(String(7))
    last: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(4))
    claimed_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    centre_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    resident_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    approved_fen: Mapped[int | None] = mapped_column(BigInteger)
    approval_note: Mapped[str] = mapped_column(String(300), default="")
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"))
    resident_mode: Mapped[str] = mapped_column(String(10), default="")  # account | cash
    snapshot: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    submitted_by: Mapped[str] = mapped_column(String(60), default="")
    __table_args__ = (
        CheckConstraint("status IN ('草稿', '已提交', '已批准', '已到账', '已撤回')", name="ck_claim_status"),
        CheckConstraint("first <= last", name="ck_claim_period"),
        Index("ix_claim_scheme", "scheme", "first"),
    )


class SubsidyClaimRow(Base):
    """A submitted claim's row: who, and how much (the evidence is in the
    claim's snapshot). Caps and once-only schemes read earlier rows."""

    __tablename__ = "subsidy_claim_row"
    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("subsidy_claim.id"), index=True)
    subject_key: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(100))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    months: Mapped[int] = mapped_column(Integer, default=0)  # months counted
    centre_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    resident_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    resident_cut_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # cut on approval
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
