"""ORM models. Money columns are BigInteger fen; dates are Date; nothing is
hard-deleted (records are kept at least five years after service ends)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from . import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Centre(Base):
    __tablename__ = "centre"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), default="")
    kind: Mapped[str] = mapped_column(String(10))
    policy_profile: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    legal_representative: Mapped[str] = mapped_column(String(60), default="")
    approved_beds: Mapped[int] = mapped_column(Integer, default=0)
    escrow_bank: Mapped[str] = mapped_column(String(200), default="")
    escrow_account_name: Mapped[str] = mapped_column(String(200), default="")
    escrow_account_no: Mapped[str] = mapped_column(String(40), default="")
    bank_name: Mapped[str] = mapped_column(String(200), default="")  # operating (basic) account
    bank_account_no: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Room(Base):
    __tablename__ = "room"
    id: Mapped[int] = mapped_column(primary_key=True)
    building: Mapped[str] = mapped_column(String(40), default="")
    floor: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(20))
    room_type: Mapped[str] = mapped_column(String(20), default="双人间")
    notes: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    beds: Mapped[list["Bed"]] = relationship(back_populates="room", order_by="Bed.label")
    __table_args__ = (UniqueConstraint("building", "number", name="uq_room_building_number"),)
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Bed(Base):
    __tablename__ = "bed"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    label: Mapped[str] = mapped_column(String(10))
    bed_type: Mapped[str] = mapped_column(String(10), default="普通")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    room: Mapped[Room] = relationship(back_populates="beds")
    __table_args__ = (UniqueConstraint("room_id", "label", name="uq_bed_room_label"),)
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Resident(Base):
    __tablename__ = "resident"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    name_pinyin: Mapped[str] = mapped_column(String(200), default="")
    name_initials: Mapped[str] = mapped_column(String(40), default="")
    gender: Mapped[str] = mapped_column(String(2))
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    birth_date: Mapped[dt.date] = mapped_column(Date)
    hukou_province: Mapped[str] = mapped_column(String(40), default="")
    hukou_city: Mapped[str] = mapped_column(String(40), default="")
    hukou_district: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    categories: Mapped[str] = mapped_column(String(300), default="")  # comma separated
    status: Mapped[str] = mapped_column(String(4), default="在住")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    contacts: Mapped[list["Contact"]] = relationship(back_populates="resident", order_by="Contact.id")
    __table_args__ = (Index("ix_resident_status", "status"),)
    #: bumped by every ORM update; a save from a stale screen is refused (services.versions)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Contact(Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    relationship_: Mapped[str] = mapped_column("relationship", String(20))
    phone: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(300), default="")
    is_agent: Mapped[bool] = mapped_column(Boolean, default=False)
    resident: Mapped[Resident] = relationship(back_populates="contacts")


class Stay(Base):
    """One admission: from admission day until the end day (exclusive)."""

    __tablename__ = "stay"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(4), default="")  # 退住 / 去世
    end_note: Mapped[str] = mapped_column(String(300), default="")
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ck_stay_dates"),)


class BedAssignment(Base):
    """A resident in a bed from start_date until end_date (exclusive)."""

    __tablename__ = "bed_assignment"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    bed_id: Mapped[int] = mapped_column(ForeignKey("bed.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="ck_bed_assignment_dates"),
        Index("ix_bed_assignment_bed", "bed_id", "start_date"),
    )


class StatusEvent(Base):
    __tablename__ = "status_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    status: Mapped[str] = mapped_column(String(4))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(60))


class Leave(Base):
    """Leave (请假): first and last day away, both inclusive."""

    __tablename__ = "leave"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300))
    expected_return: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (CheckConstraint("last_day IS NULL OR last_day >= first_day", name="ck_leave_dates"),)


class User(Base):
    __table__ = tables.app_user
    id: Mapped[int]
    username: Mapped[str]
    display_name: Mapped[str]
    role: Mapped[str]
    password_hash: Mapped[str]
    active: Mapped[bool]
    failed_logins: Mapped[int]
    locked_until: Mapped[dt.datetime | None]
    last_login: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.app_user.c.version}


class AuditLog(Base):
    """Append-only and hash-chained (see domain.audit)."""

    __table__ = tables.audit_log
    seq: Mapped[int]
    at: Mapped[str]
    user: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str]
    before: Mapped[str]
    after: Mapped[str]
    prev_hash: Mapped[str]
    hash: Mapped[str]


class AuditHead(Base):
    """The last seq and hash, so removing the newest rows is detectable too."""

    __table__ = tables.audit_head
    id: Mapped[int]
    last_seq: Mapped[int]
    last_hash: Mapped[str]


# --- needs assessments ---------------------------------------------------------

class Assessment(Base):
    """A saved assessment is never edited: a correction is a new row that
    supersedes it. Item scores and computed figures are stored as JSON text."""

    __tablename__ = "assessment"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    instrument_code: Mapped[str] = mapped_column(String(40))
    base_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(10))
    assessor1: Mapped[str] = mapped_column(String(40))
    assessor2: Mapped[str] = mapped_column(String(40))
    informant_name: Mapped[str] = mapped_column(String(40))
    informant_relation: Mapped[str] = mapped_column(String(20), default="")
    diagnoses: Mapped[str] = mapped_column(Text, default="[]")
    medications: Mapped[str] = mapped_column(Text, default="")
    risk_events: Mapped[str] = mapped_column(Text, default="{}")
    health: Mapped[str] = mapped_column(Text, default="{}")
    coma: Mapped[bool] = mapped_column(Boolean, default=False)
    scores: Mapped[str] = mapped_column(Text)
    section_totals: Mapped[str] = mapped_column(Text)
    total: Mapped[int] = mapped_column(Integer)
    preliminary_grade: Mapped[int] = mapped_column(Integer)
    final_grade: Mapped[int] = mapped_column(Integer)
    adjustments: Mapped[str] = mapped_column(Text, default="[]")
    care_level: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(60))
    __table_args__ = (
        Index("ix_assessment_resident", "resident_id", "base_date"),
        Index("ix_assessment_base_date", "base_date"),
    )


class CareLevelMap(Base):
    """Centre-defined mapping from an instrument's final grade to a care level."""

    __tablename__ = "care_level_map"
    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_code: Mapped[str] = mapped_column(String(40))
    grade: Mapped[int] = mapped_column(Integer)
    care_level: Mapped[str] = mapped_column(String(20))
    __table_args__ = (UniqueConstraint("instrument_code", "grade", name="uq_care_level_map"),)


class CareLevelChange(Base):
    """A care level coming from an assessment. The first level takes effect at
    once; a change to an existing level waits for the consent of the resident
    or their agent (《养老机构管理办法》)."""

    __tablename__ = "care_level_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id"))
    old_level: Mapped[str] = mapped_column(String(20), default="")
    new_level: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    consent_by: Mapped[str] = mapped_column(String(40), default="")
    consent_relation: Mapped[str] = mapped_column(String(20), default="")
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_by: Mapped[str] = mapped_column(String(60), default="")


class ReassessmentRequest(Base):
    """An immediate reassessment asked for when a resident's condition changed."""

    __tablename__ = "reassessment_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    requested_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300))
    requested_by: Mapped[str] = mapped_column(String(60))
    done_assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"))


# The money models live in their own modules and load on first use
# (``from ..db.models import Contract`` still works): declaring ~15 more
# mapped classes costs ~0.1 s, which start-up does not need to pay.
_MORE = ("models_finance", "models_billing", "models_escrow", "models_books", "models_subsidy")


def __getattr__(name: str):
    if name.startswith("__"):  # the import system asks for __path__ and the like
        raise AttributeError(name)
    import importlib

    for mod in _MORE:
        m = importlib.import_module(f"{__package__}.{mod}")
        if name in m.__all__:
            return getattr(m, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_all() -> None:
    """Import every model module (Alembic, schema checks)."""
    import importlib

    for mod in _MORE:
        importlib.import_module(f"{__package__}.{mod}")
