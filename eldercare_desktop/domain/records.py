"""Frozen records (DTOs) that services return and screens show.
ORM objects never leave the service layer."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .names import search_key


@dataclass(frozen=True)
class Changes:
    """What a write changed, so the GUI refreshes only affected views."""

    entities: frozenset[str]
    ids: tuple[int, ...] = ()
    message: str = ""

    @staticmethod
    def of(*entities: str, ids: tuple[int, ...] = (), message: str = "") -> "Changes":
        return Changes(frozenset(entities), ids, message)


@dataclass(frozen=True)
class CentreInfo:
    name: str
    credit_code: str
    kind: str
    policy_profile: str
    address: str = ""
    phone: str = ""
    legal_representative: str = ""
    approved_beds: int = 0
    escrow_bank: str = ""
    escrow_account_name: str = ""
    escrow_account_no: str = ""
    bank_name: str = ""  # operating (basic) account
    bank_account_no: str = ""
    #: read: the record's version; saved back: the version the form was filled from (None: not checked)
    version: int | None = None


@dataclass(frozen=True)
class ProfileInfo:
    code: str
    name: str
    region: str
    nursing_bed_target_percent: int


@dataclass(frozen=True)
class BedInfo:
    bed_id: int
    room_id: int
    building: str
    floor: int
    room_number: str
    room_type: str
    label: str
    bed_type: str
    active: bool
    occupant_id: int | None = None
    occupant_name: str = ""
    occupant_status: str = ""
    occupant_gender: str = ""
    version: int = 0  # services.versions

    @property
    def code(self) -> str:
        return bed_code(self.building, self.room_number, self.label)


def bed_code(building: str, room_number: str, label: str) -> str:
    prefix = f"{building}" if building else ""
    return f"{prefix}{room_number}-{label}"


@dataclass(frozen=True)
class RoomInfo:
    room_id: int
    building: str
    floor: int
    number: str
    room_type: str
    notes: str
    active: bool
    beds: tuple[BedInfo, ...]
    version: int = 0  # services.versions


@dataclass(frozen=True)
class ResidentRow:
    """One line of the residents list."""

    id: int
    name: str
    gender: str
    id_number: str
    birth_date: dt.date
    status: str
    bed_code: str
    admission_date: dt.date | None
    categories: str
    phone: str
    name_pinyin: str
    name_initials: str
    hukou: str = ""

    @property
    def search_key(self) -> str:
        """Lower-case text a search matches: name, pinyin, initials, ID number, bed, phone."""
        return search_key(self.name, self.name_pinyin, self.name_initials, self.id_number, self.bed_code, self.phone)


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    relationship: str
    phone: str
    address: str
    is_agent: bool


@dataclass(frozen=True)
class StayInfo:
    id: int
    start: dt.date
    end: dt.date | None
    end_reason: str
    end_note: str


@dataclass(frozen=True)
class BedHistoryItem:
    id: int
    bed_id: int
    bed_code: str
    bed_type: str
    start: dt.date
    end: dt.date | None
    reason: str


@dataclass(frozen=True)
class StatusItem:
    status: str
    effective_date: dt.date
    reason: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class LeaveInfo:
    id: int
    first_day: dt.date
    last_day: dt.date | None
    reason: str
    expected_return: dt.date | None


@dataclass(frozen=True)
class ResidentDetail:
    id: int
    name: str
    gender: str
    id_number: str
    birth_date: dt.date
    hukou_province: str
    hukou_city: str
    hukou_district: str
    phone: str
    address: str
    categories: tuple[str, ...]
    status: str
    notes: str
    contacts: tuple[ContactInfo, ...] = field(default_factory=tuple)
    stays: tuple[StayInfo, ...] = field(default_factory=tuple)
    beds: tuple[BedHistoryItem, ...] = field(default_factory=tuple)
    statuses: tuple[StatusItem, ...] = field(default_factory=tuple)
    leaves: tuple[LeaveInfo, ...] = field(default_factory=tuple)
    care_level: str = ""  # in effect today ("" before the first assessment)
    last_assessment: str = ""  # e.g. "PG2026-0012（2026-05-03，能力中度受损）"
    pending_care_level: str = ""  # a change waiting for consent
    version: int = 0  # services.versions: saving the form checks it

    @property
    def current_stay(self) -> StayInfo | None:
        return self.stays[-1] if self.stays and self.stays[-1].end is None else None

    @property
    def current_bed(self) -> BedHistoryItem | None:
        return self.beds[-1] if self.beds and self.beds[-1].end is None else None

    @property
    def agent(self) -> ContactInfo | None:
        return next((c for c in self.contacts if c.is_agent), None)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    last_login: dt.datetime | None
    version: int = 0  # services.versions


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    user: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str


# --- assessments ------------------------------------------------------------

@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    number: str
    resident_id: int
    resident_name: str
    instrument_code: str
    base_date: dt.date
    reason: str
    total: int
    preliminary_grade: int
    final_grade: int
    grade_name: str
    care_level: str
    assessors: tuple[str, str]
    supersedes_id: int | None
    superseded_by_id: int | None


@dataclass(frozen=True)
class AssessmentDetail:
    """Everything the report prints, with every figure already computed."""

    id: int
    number: str
    instrument_code: str
    instrument_name: str
    resident_id: int
    resident_name: str
    resident_gender: str
    resident_id_number: str
    resident_birth_date: dt.date
    resident_bed: str
    base_date: dt.date
    reason: str
    assessor1: str
    assessor2: str
    informant_name: str
    informant_relation: str
    diagnoses: tuple[str, ...]  # ICD-10 codes
    diagnosis_names: tuple[str, ...]
    medications: str
    risk_events: tuple[tuple[str, int], ...]  # (Chinese kind name, count)
    health: tuple[tuple[str, str], ...]  # (label, value)
    coma: bool
    items: tuple[tuple[str, str, str, int, int, str], ...]  # section name, code, item name, score, max, option text
    sections: tuple[tuple[str, str, int, int, str], ...]  # code, name, total, max, grade text
    total: int
    max_total: int
    preliminary_grade: int
    preliminary_name: str
    final_grade: int
    grade_name: str
    adjustments: tuple[str, ...]
    care_level: str
    notes: str
    supersedes_number: str
    superseded_by_number: str
    centre_name: str
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class CareLevelChangeInfo:
    id: int
    resident_id: int
    resident_name: str
    assessment_id: int
    assessment_number: str
    old_level: str
    new_level: str
    status: str  # 待确认 / 已生效 / 未同意 / 已撤销
    consent_by: str
    consent_relation: str
    consent_date: dt.date | None
    effective_date: dt.date | None
    note: str


@dataclass(frozen=True)
class DueRow:
    resident_id: int
    resident_name: str
    bed_code: str
    status: str
    last_number: str
    last_base_date: dt.date | None
    last_grade: str
    care_level: str
    due_date: dt.date
    days_left: int
    state: str
    reason: str
