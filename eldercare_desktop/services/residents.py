"""The register of residents: admission, beds, leave, discharge and death.

Rooms and sexes (男女分室): an admission, a readmission or a bed move that
would put a man and a woman in one room (occupants whose stay in the room
overlaps the new one) is refused with a RuleViolation at the bed field,
unless the two are a couple (夫妻同住): the caller passes ``couple=True``
after the user confirmed it, the override is recorded in the audit trail,
and the setting ``rooms.allow_mixed_couples`` (MIXED_COUPLES_KEY) is on.
That key is not in services.settings.DEFAULTS (owned elsewhere): it is read
from the Setting table with this module's default MIXED_COUPLES_DEFAULT
("1": couples may share a room) until it is added there.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..db.engine import lock
from ..db.models import (
    Assessment,
    Bed,
    BedAssignment,
    CareLevelChange,
    Contact,
    Leave,
    Resident,
    Room,
    Setting,
    Stay,
    StatusEvent,
)
from ..domain.care import CARE_EFFECTIVE, CARE_PENDING, CARE_WITHDRAWN, DISABILITY_CATEGORIES
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.names import name_pinyin
from ..domain.records import (
    BedHistoryItem,
    BedInfo,
    Changes,
    ContactInfo,
    LeaveInfo,
    ResidentDetail,
    ResidentRow,
    StatusItem,
    StayInfo,
    bed_code,
)
from ..domain.residents import (
    ACTIVE_STATUSES,
    CheckedResident,
    ResidentInput,
    ResidentStatus,
    Span,
    check_resident,
    fmt_span,
)
from ..domain.roles import Perm
from .audit import audit
from .context import Ctx
from . import busy
from . import versions

ONE_DAY = dt.timedelta(days=1)


# --- reading ----------------------------------------------------------------

def list_residents(ctx: Ctx, include_left: bool = True) -> list[ResidentRow]:
    """Every resident with the current bed and admission date, one query."""
    cur_bed = (
        select(BedAssignment.resident_id, Room.building, Room.number, Bed.label)
        .join(Bed, Bed.id == BedAssignment.bed_id)
        .join(Room, Room.id == Bed.room_id)
        .where(BedAssignment.end_date.is_(None))
        .subquery()
    )
    cur_stay = select(Stay.resident_id, Stay.start_date).where(Stay.end_date.is_(None)).subquery()
    q = (
        select(
            Resident.id, Resident.name, Resident.gender, Resident.id_number, Resident.birth_date,
            Resident.status, cur_bed.c.building, cur_bed.c.number, cur_bed.c.label, cur_stay.c.start_date,
            Resident.categories, Resident.phone, Resident.name_pinyin, Resident.name_initials,
            Resident.hukou_province, Resident.hukou_city, Resident.hukou_district,
        )
        .outerjoin(cur_bed, cur_bed.c.resident_id == Resident.id)
        .outerjoin(cur_stay, cur_stay.c.resident_id == Resident.id)
        .order_by(Resident.id)
    )
    if not include_left:
        q = q.where(Resident.status.in_([s.value for s in ACTIVE_STATUSES]))
    with ctx.read() as s:
        return [
            ResidentRow(
                r[0], r[1], r[2], r[3], r[4], r[5],
                bed_code(r[6], r[7], r[8]) if r[7] is not None else "",
                r[9], r[10], r[11], r[12], r[13], _hukou(r[14], r[15], r[16]),
            )
            for r in s.connection().execute(q)  # Core rows: no ORM loading cost on 10,000 rows
        ]


def last_stays(ctx: Ctx, resident_ids: list[int]) -> dict[int, tuple[dt.date, dt.date | None]]:
    """(admission, last day) of each resident's latest stay, in one query
    (the list shows them for residents who have left)."""
    out: dict[int, tuple[dt.date, dt.date | None]] = {}
    if not resident_ids:
        return out
    with ctx.read() as s:
        q = (select(Stay.resident_id, Stay.start_date, Stay.end_date)
             .where(Stay.resident_id.in_(resident_ids)).order_by(Stay.start_date))
        for rid, start, end in s.connection().execute(q):
            out[rid] = (start, end)  # ordered by start: the last one wins
    return out


def _hukou(province: str, city: str, district: str) -> str:
    """重庆市/重庆市/渝北区 -> 重庆市渝北区: a municipality is its own province."""
    parts = [province, city if city != province else "", district]
    return "".join(p for p in parts if p)


def get_resident(ctx: Ctx, resident_id: int) -> ResidentDetail:
    with ctx.read() as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise NotFound("住户不存在")
        return _detail(s, r, ctx.today())


def _care(s: Session, resident_id: int, today: dt.date) -> tuple[str, str, str]:
    """(care level in effect, last assessment, pending level) for the detail panel."""
    level = s.execute(
        select(CareLevelChange.new_level)
        .where(CareLevelChange.resident_id == resident_id, CareLevelChange.status == CARE_EFFECTIVE,
               CareLevelChange.effective_date <= today)
        .order_by(CareLevelChange.effective_date.desc(), CareLevelChange.id.desc())
    ).scalars().first() or ""
    pending = s.execute(
        select(CareLevelChange.new_level)
        .where(CareLevelChange.resident_id == resident_id, CareLevelChange.status == CARE_PENDING)
    ).scalars().first() or ""
    last = s.execute(
        select(Assessment.number, Assessment.base_date, Assessment.care_level)
        .where(Assessment.resident_id == resident_id)
        .order_by(Assessment.base_date.desc(), Assessment.id.desc())
    ).first()
    text = f"{last.number}（{last.base_date:%Y-%m-%d}，{last.care_level}）" if last else ""
    return level, text, pending


def _detail(s: Session, r: Resident, today: dt.date) -> ResidentDetail:
    stays = s.execute(select(Stay).where(Stay.resident_id == r.id).order_by(Stay.start_date)).scalars()
    beds = s.execute(
        select(BedAssignment, Bed, Room)
        .join(Bed, Bed.id == BedAssignment.bed_id)
        .join(Room, Room.id == Bed.room_id)
        .where(BedAssignment.resident_id == r.id)
        .order_by(BedAssignment.start_date, BedAssignment.id)
    ).all()
    statuses = s.execute(
        select(StatusEvent).where(StatusEvent.resident_id == r.id).order_by(StatusEvent.effective_date, StatusEvent.id)
    ).scalars()
    leaves = s.execute(select(Leave).where(Leave.resident_id == r.id).order_by(Leave.first_day)).scalars()
    care = _care(s, r.id, today)
    return ResidentDetail(
        id=r.id, name=r.name, gender=r.gender, id_number=r.id_number, birth_date=r.birth_date,
        hukou_province=r.hukou_province, hukou_city=r.hukou_city, hukou_district=r.hukou_district,
        phone=r.phone, address=r.address, categories=tuple(c for c in r.categories.split(",") if c),
        status=r.status, notes=r.notes,
        contacts=tuple(ContactInfo(c.id, c.name, c.relationship_, c.phone, c.address, c.is_agent) for c in r.contacts),
        stays=tuple(StayInfo(x.id, x.start_date, x.end_date, x.end_reason, x.end_note) for x in stays),
        beds=tuple(
            BedHistoryItem(a.id, b.id, bed_code(room.building, room.number, b.label), b.bed_type, a.start_date,
                           a.end_date, a.reason)
            for a, b, room in beds
        ),
        statuses=tuple(StatusItem(e.status, e.effective_date, e.reason, e.recorded_by, e.recorded_at) for e in statuses),
        leaves=tuple(LeaveInfo(x.id, x.first_day, x.last_day, x.reason, x.expected_return) for x in leaves),
        care_level=care[0], last_assessment=care[1], pending_care_level=care[2], version=r.version,
    )


def _snapshot(r: Resident) -> dict:
    return {
        "name": r.name, "gender": r.gender, "id_number": r.id_number, "birth_date": r.birth_date,
        "hukou": [r.hukou_province, r.hukou_city, r.hukou_district], "phone": r.phone, "address": r.address,
        "categories": r.categories, "status": r.status, "notes": r.notes,
        "contacts": [[c.name, c.relationship_, c.phone, c.is_agent] for c in r.contacts],
    }


# --- shared checks ------------------------------------------------------------

def _get(s: Session, resident_id: int) -> Resident:
    r = s.get(Resident, resident_id)
    if r is None:
        raise NotFound("住户不存在")
    return r


def _check_id_free(s: Session, id_number: str, except_id: int | None = None) -> None:
    lock(s, f"id-number:{id_number}")  # two PCs registering one person: the second sees the first
    q = select(Resident.id, Resident.name).where(Resident.id_number == id_number)
    if except_id is not None:
        q = q.where(Resident.id != except_id)
    other = s.execute(q).first()
    if other:
        raise RuleViolation(f"身份证号{id_number}已登记（住户“{other.name}”，编号{other.id}），不能重复登记", "id_number")


def _check_bed_free(s: Session, bed_id: int, span: Span, resident_id: int | None = None) -> Bed:
    lock(s, f"bed:{bed_id}")  # two PCs admitting to one bed take turns; the second is refused below
    bed = s.get(Bed, bed_id)
    if bed is None:
        raise RuleViolation("所选床位不存在", "bed")
    room = s.get(Room, bed.room_id)
    if not bed.active or not room.active:
        raise RuleViolation(f"床位{bed_code(room.building, room.number, bed.label)}已停用", "bed")
    q = (
        select(BedAssignment, Resident.name)
        .join(Resident, Resident.id == BedAssignment.resident_id)
        .where(
            BedAssignment.bed_id == bed_id,
            or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= span.start),
        )
    )
    if span.end is not None:
        q = q.where(BedAssignment.start_date <= span.end)
    for a, name in s.execute(q):
        if resident_id is not None and a.resident_id == resident_id:
            continue
        taken = Span(a.start_date, a.end_date)
        raise RuleViolation(
            f"床位{bed_code(room.building, room.number, bed.label)}在{fmt_span(taken)}已由“{name}”入住，"
            "同一床位同一时间只能住一人",
            "bed",
        )
    return bed


# --- rooms: men and women ----------------------------------------------------------

#: Setting key: may a married couple (man and woman) share a room? "1" / "0".
MIXED_COUPLES_KEY = "rooms.allow_mixed_couples"
#: its value while the Setting table has no row (and settings.DEFAULTS no key)
MIXED_COUPLES_DEFAULT = "1"
COUPLE_FIELD = "bed"


def mixed_couples_allowed(s: Session) -> bool:
    from . import settings

    if MIXED_COUPLES_KEY in settings.DEFAULTS:
        value = settings.get(s, MIXED_COUPLES_KEY)
    else:
        row = s.get(Setting, MIXED_COUPLES_KEY)
        value = row.value if row is not None else MIXED_COUPLES_DEFAULT
    return (value or "").strip().lower() in ("1", "true", "yes", "on", "是")


@dataclass(frozen=True)
class RoomMate:
    """Someone sleeping in a room: for the bed picker and the sex check."""

    resident_id: int
    name: str
    gender: str
    bed_code: str


def _roommates(s: Session, room_id: int, span: Span, except_resident: int | None) -> list[RoomMate]:
    """Residents whose bed in the room overlaps ``span`` (the new bed's time)."""
    q = (
        select(BedAssignment.resident_id, Resident.name, Resident.gender, Room.building, Room.number, Bed.label)
        .join(Bed, Bed.id == BedAssignment.bed_id)
        .join(Room, Room.id == Bed.room_id)
        .join(Resident, Resident.id == BedAssignment.resident_id)
        .where(Bed.room_id == room_id,
               or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= span.start))
        .order_by(Bed.label, BedAssignment.start_date)
    )
    if span.end is not None:
        q = q.where(BedAssignment.start_date <= span.end)
    out: dict[int, RoomMate] = {}
    for rid, name, gender, building, number, label in s.execute(q):
        if rid != except_resident:
            out.setdefault(rid, RoomMate(rid, name, gender, bed_code(building, number, label)))
    return list(out.values())


def _check_room_sexes(s: Session, bed: Bed, gender: str, span: Span, resident_id: int | None,
                      couple: bool) -> dict | None:
    """Refuse a man and a woman in one room unless a confirmed couple may share
    it; returns what the audit records for an override (None: no override)."""
    others = [m for m in _roommates(s, bed.room_id, span, resident_id) if m.gender and m.gender != gender]
    if not others:
        return None
    room = s.get(Room, bed.room_id)
    where = f"{room.building}{room.number}"
    who = "、".join(f"“{m.name}”（{m.gender}，{m.bed_code}）" for m in others)
    if not couple:
        raise RuleViolation(
            f"房间{where}住有{who}，男女不能同住一室；如为夫妻同住，请确认“夫妻同住”后再保存", COUPLE_FIELD)
    if not mixed_couples_allowed(s):
        raise RuleViolation(f"本中心设置不允许男女同住一室（夫妻也不例外）：房间{where}住有{who}", COUPLE_FIELD)
    return {"room": where, "with": [[m.resident_id, m.name, m.gender] for m in others], "reason": "夫妻同住"}


# --- the bed picker ----------------------------------------------------------------

@dataclass(frozen=True)
class BedChoice:
    """A free bed for the admission / move dialogs: who else sleeps in the
    room that day (and their sex) and the bed's monthly price by bed type."""

    bed: BedInfo
    roommates: tuple[RoomMate, ...]
    monthly_fen: int | None  # None: the fee schedule has no price for the bed type

    @property
    def bed_id(self) -> int:
        return self.bed.bed_id

    @property
    def code(self) -> str:
        return self.bed.code

    @property
    def sexes(self) -> frozenset[str]:
        return frozenset(m.gender for m in self.roommates if m.gender)

    def mixes(self, gender: str) -> bool:
        """Would a resident of ``gender`` share the room with the other sex?"""
        return bool(gender) and any(g != gender for g in self.sexes)


def bed_choices(ctx: Ctx, on: dt.date | None = None) -> list[BedChoice]:
    """Free beds on ``on`` (today) with their rooms' occupants and prices."""
    from . import centre, fees

    day = on or ctx.today()
    rooms = centre.bed_map(ctx, on=day)
    out = []
    with ctx.read() as s:
        prices: dict[str, int | None] = {}
        for room in rooms:
            mates = tuple(RoomMate(b.occupant_id, b.occupant_name, b.occupant_gender, b.code)
                          for b in room.beds if b.occupant_id is not None)
            for b in room.beds:
                if b.occupant_id is not None or not b.active:
                    continue
                if b.bed_type not in prices:
                    try:
                        rates = fees.rates_in(s, "bed", b.bed_type, Span(day, day))
                    except RuleViolation:
                        rates = []
                    prices[b.bed_type] = rates[0].fen if rates else None
                out.append(BedChoice(b, mates, prices[b.bed_type]))
    return out


# --- money in the resident panel ---------------------------------------------------

@dataclass(frozen=True)
class ResidentMoney:
    """The resident panel's contract and money: the contract covering today
    (or else the latest one), the balance owed (receivable − prepaid; negative
    = paid ahead) and the deposit held in the escrow account."""

    resident_id: int
    contract_id: int | None
    contract_number: str
    contract_start: dt.date | None
    contract_end: dt.date | None
    contract_status: str
    contract_current: bool  # covers today
    balance_fen: int
    deposit_fen: int


def money_summary(ctx: Ctx, resident_id: int) -> ResidentMoney:
    from ..db.models import Contract
    from ..domain.ledger import DEPOSITS, PREPAID, RECEIVABLE
    from .contracts import contract_for_in
    from .ledger import balance_in

    today = ctx.today()
    with ctx.read() as s:
        _get(s, resident_id)
        c = contract_for_in(s, resident_id, today)
        current = c is not None
        if c is None:
            c = s.execute(select(Contract).where(Contract.resident_id == resident_id)
                          .order_by(Contract.start_date.desc(), Contract.id.desc())).scalars().first()
        owed = balance_in(s, RECEIVABLE, None, resident_id) - balance_in(s, PREPAID, None, resident_id)
        deposit = balance_in(s, DEPOSITS, None, resident_id)
        return ResidentMoney(
            resident_id, c.id if c else None, c.number if c else "", c.start_date if c else None,
            (c.termination_date or c.end_date) if c else None, c.status if c else "", current, owed, deposit)


def _check_no_stay_overlap(s: Session, resident_id: int, span: Span) -> None:
    for st in s.execute(select(Stay).where(Stay.resident_id == resident_id)).scalars():
        other = Span(st.start_date, st.end_date)
        if span.overlaps(other):
            raise RuleViolation(f"入住期间与已有的入住记录（{fmt_span(other)}）重叠", "admission_date")


def _not_future(day: dt.date, today: dt.date, what: str, field: str, p: Problems) -> None:
    if day > today:
        p.add(field, f"{what}{day:%Y-%m-%d}晚于今天（{today:%Y-%m-%d}），不能预先登记")


def _status_event(ctx: Ctx, s: Session, r: Resident, status: ResidentStatus, day: dt.date, reason: str) -> None:
    r.status = status.value
    s.add(StatusEvent(resident_id=r.id, status=status.value, effective_date=day, reason=reason,
                      recorded_at=ctx.now(), recorded_by=ctx.actor.username))


def _apply(r: Resident, c: CheckedResident) -> None:
    full, initials = name_pinyin(c.name)
    r.name, r.name_pinyin, r.name_initials = c.name, full, initials
    r.gender, r.id_number, r.birth_date = c.gender, c.id_number, c.birth_date
    r.hukou_province, r.hukou_city, r.hukou_district = c.hukou_province, c.hukou_city, c.hukou_district
    r.phone, r.address, r.categories, r.notes = c.phone, c.address, ",".join(c.categories), c.notes


def _set_contacts(s: Session, r: Resident, c: CheckedResident) -> None:
    for old in list(r.contacts):
        s.delete(old)
    s.flush()
    r.contacts = [
        Contact(name=x.name, relationship_=x.relationship, phone=x.phone, address=x.address, is_agent=x.is_agent)
        for x in c.contacts
    ]


# --- writing ------------------------------------------------------------------

@busy.retrying
def register_resident(ctx: Ctx, data: ResidentInput, admission_date: dt.date, bed_id: int | None,
                      note: str = "", couple: bool = False) -> Changes:
    """Register a new resident and admit them to a bed, in one transaction.
    ``couple``: the user confirmed a man and a woman share the room as a couple."""
    ctx.require(Perm.RESIDENT_WRITE)
    today = ctx.today()
    p = Problems()
    checked = None
    try:
        checked = check_resident(data, today)
    except RuleViolation as exc:
        p.items.extend(exc.problems)
    if admission_date is None:
        p.add("admission_date", "请填写入住日期")
    else:
        _not_future(admission_date, today, "入住日期", "admission_date", p)
        if checked and admission_date < checked.birth_date:
            p.add("admission_date", "入住日期早于出生日期")
    if bed_id is None:
        p.add("bed", "请选择床位")
    p.raise_if_any()
    assert checked is not None
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        _check_id_free(s, checked.id_number)
        bed = _check_bed_free(s, bed_id, Span(admission_date))
        mixed = _check_room_sexes(s, bed, checked.gender, Span(admission_date), None, couple)
        r = Resident(created_at=ctx.now(), status=ResidentStatus.IN_RESIDENCE.value, archived=False)
        _apply(r, checked)
        s.add(r)
        s.flush()
        _set_contacts(s, r, checked)
        s.add(Stay(resident_id=r.id, start_date=admission_date, end_date=None, end_reason="", end_note=""))
        s.add(BedAssignment(resident_id=r.id, bed_id=bed_id, start_date=admission_date, end_date=None, reason="入住"))
        _status_event(ctx, s, r, ResidentStatus.IN_RESIDENCE, admission_date, note or "入住")
        s.flush()
        audit(ctx, s, "登记入住", "resident", r.id, None,
              {**_snapshot(r), "admission_date": admission_date, "bed_id": bed_id,
               **({"mixed_room_override": mixed} if mixed else {})})
        return Changes.of("resident", "bed", ids=(r.id,), message=f"已登记“{r.name}”入住")


@busy.retrying
def update_resident(ctx: Ctx, resident_id: int, data: ResidentInput, *, expected_version: int | None = None) -> Changes:
    """Save the register form; ``expected_version``: the version the form
    was filled from (refused when someone saved the resident since)."""
    ctx.require(Perm.RESIDENT_WRITE)
    checked = check_resident(data, ctx.today())
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _get(s, resident_id)
        versions.check(r, expected_version, f"住户“{r.name}”")
        _check_id_free(s, checked.id_number, except_id=resident_id)
        before = _snapshot(r)
        derived = _assessed_disability(s, r)
        if derived is not None:
            # 失能/半失能 follow the latest assessment, not the form
            checked = dataclasses.replace(checked, categories=tuple(
                c for c in checked.categories if c not in DISABILITY_CATEGORIES) + derived)
        _apply(r, checked)
        _set_contacts(s, r, checked)
        versions.touch(r)  # contacts live in their own rows: a save of them alone is a change too
        s.flush()
        audit(ctx, s, "修改住户信息", "resident", r.id, before, _snapshot(r))
        return Changes.of("resident", ids=(r.id,), message=f"已保存“{r.name}”的信息")


def _assessed_disability(s: Session, r: Resident) -> tuple[str, ...] | None:
    """失能/半失能 as set by the latest assessment, or None if never assessed."""
    if not s.execute(select(Assessment.id).where(Assessment.resident_id == r.id)).first():
        return None
    return tuple(c for c in r.categories.split(",") if c in DISABILITY_CATEGORIES)


def _current(s: Session, model, resident_id: int):
    end = model.last_day if model is Leave else model.end_date
    return s.execute(select(model).where(model.resident_id == resident_id, end.is_(None))).scalar_one_or_none()


@busy.retrying
def move_bed(ctx: Ctx, resident_id: int, bed_id: int, on: dt.date, reason: str = "",
             couple: bool = False) -> Changes:
    """From ``on`` the resident sleeps in the new bed; the old one ends the day before.
    ``couple``: the user confirmed a man and a woman share the room as a couple."""
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    _not_future(on, ctx.today(), "调床日期", "date", p)
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _get(s, resident_id)
        if r.status not in (x.value for x in ACTIVE_STATUSES):
            raise RuleViolation(f"“{r.name}”目前{r.status}，不能调床")
        cur = _current(s, BedAssignment, resident_id)
        if cur is None:
            raise RuleViolation(f"“{r.name}”目前没有床位")
        if cur.bed_id == bed_id:
            raise RuleViolation("新床位与当前床位相同", "bed")
        if on <= cur.start_date:
            raise RuleViolation(f"调床日期须晚于入住当前床位的日期{cur.start_date:%Y-%m-%d}", "date")
        bed = _check_bed_free(s, bed_id, Span(on), resident_id)
        mixed = _check_room_sexes(s, bed, r.gender, Span(on), resident_id, couple)
        cur.end_date = on - ONE_DAY
        s.add(BedAssignment(resident_id=resident_id, bed_id=bed_id, start_date=on, end_date=None,
                            reason=reason.strip() or "调床"))
        s.flush()
        audit(ctx, s, "调床", "resident", r.id, {"bed_id": cur.bed_id},
              {"bed_id": bed_id, "from": on, "reason": reason, **({"mixed_room_override": mixed} if mixed else {})})
        return Changes.of("resident", "bed", ids=(r.id,), message=f"“{r.name}”已调床")


@busy.retrying
def start_leave(ctx: Ctx, resident_id: int, first_day: dt.date, reason: str,
                expected_return: dt.date | None = None) -> Changes:
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    if not (reason or "").strip():
        p.add("reason", "请填写请假事由")
    _not_future(first_day, ctx.today(), "请假首日", "first_day", p)
    if expected_return is not None and expected_return <= first_day:
        p.add("expected_return", "预计返院日期须晚于请假首日")
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _get(s, resident_id)
        if r.status != ResidentStatus.IN_RESIDENCE.value:
            raise RuleViolation(f"“{r.name}”目前{r.status}，只有在住的老人才能请假")
        stay = _current(s, Stay, resident_id)
        if stay is None or first_day < stay.start_date:
            raise RuleViolation("请假首日早于本次入住日期", "first_day")
        for lv in s.execute(select(Leave).where(Leave.resident_id == resident_id)).scalars():
            if lv.last_day is not None and lv.last_day >= first_day:
                raise RuleViolation(f"与已有请假（{fmt_span(Span(lv.first_day, lv.last_day))}）重叠", "first_day")
        lv = Leave(resident_id=resident_id, first_day=first_day, last_day=None, reason=reason.strip(),
                   expected_return=expected_return)
        s.add(lv)
        _status_event(ctx, s, r, ResidentStatus.ON_LEAVE, first_day, reason.strip())
        s.flush()
        audit(ctx, s, "请假", "resident", r.id, {"status": "在住"},
              {"status": "请假", "first_day": first_day, "reason": reason.strip(), "expected_return": expected_return})
        return Changes.of("resident", ids=(r.id,), message=f"“{r.name}”已登记请假")


@busy.retrying
def end_leave(ctx: Ctx, resident_id: int, return_day: dt.date) -> Changes:
    """The resident is back on ``return_day``; the last day away is the day before."""
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    _not_future(return_day, ctx.today(), "返院日期", "return_day", p)
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _get(s, resident_id)
        lv = _current(s, Leave, resident_id)
        if r.status != ResidentStatus.ON_LEAVE.value or lv is None:
            raise RuleViolation(f"“{r.name}”目前不在请假中")
        if return_day <= lv.first_day:
            raise RuleViolation(f"返院日期须晚于请假首日{lv.first_day:%Y-%m-%d}", "return_day")
        lv.last_day = return_day - ONE_DAY
        _status_event(ctx, s, r, ResidentStatus.IN_RESIDENCE, return_day, "销假返院")
        s.flush()
        audit(ctx, s, "销假", "resident", r.id, {"status": "请假"},
              {"status": "在住", "leave": [lv.first_day, lv.last_day]})
        return Changes.of("resident", ids=(r.id,), message=f"“{r.name}”已销假返院")


@busy.retrying
def discharge(ctx: Ctx, resident_id: int, last_day: dt.date, reason: str, deceased: bool = False) -> Changes:
    """End the stay: ``last_day`` is the last day of service (退住日期 / 去世日期).
    The bed is free from the next day. Records stay; nothing is deleted."""
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    if not (reason or "").strip():
        p.add("reason", "请填写去世情况说明" if deceased else "请填写退住原因")
    _not_future(last_day, ctx.today(), "去世日期" if deceased else "退住日期", "last_day", p)
    p.raise_if_any()
    status = ResidentStatus.DECEASED if deceased else ResidentStatus.DISCHARGED
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _get(s, resident_id)
        if r.status not in (x.value for x in ACTIVE_STATUSES):
            raise RuleViolation(f"“{r.name}”目前{r.status}，不能再办理{status.value}")
        stay = _current(s, Stay, resident_id)
        bed = _current(s, BedAssignment, resident_id)
        lv = _current(s, Leave, resident_id)
        floor = max(x for x in (stay.start_date if stay else None, bed.start_date if bed else None) if x)
        if last_day < floor:
            raise RuleViolation(f"{status.value}日期早于入住（或调床）日期{floor:%Y-%m-%d}", "last_day")
        if lv is not None:
            if last_day < lv.first_day:
                raise RuleViolation(f"{status.value}日期早于请假首日{lv.first_day:%Y-%m-%d}", "last_day")
            lv.last_day = last_day
        if stay:
            stay.end_date, stay.end_reason, stay.end_note = last_day, status.value, reason.strip()
        if bed:
            bed.end_date = last_day
        prev = r.status
        for ch in s.execute(select(CareLevelChange).where(CareLevelChange.resident_id == r.id,
                                                          CareLevelChange.status == CARE_PENDING)).scalars():
            ch.status, ch.note = CARE_WITHDRAWN, f"老人已{status.value}"
        _status_event(ctx, s, r, status, last_day, reason.strip())
        s.flush()
        audit(ctx, s, "去世登记" if deceased else "办理退住", "resident", r.id, {"status": prev},
              {"status": status.value, "last_day": last_day, "reason": reason.strip()})
        return Changes.of("resident", "bed", ids=(r.id,), message=f"“{r.name}”已办理{status.value}")


@busy.retrying
def readmit(ctx: Ctx, resident_id: int, admission_date: dt.date, bed_id: int, note: str = "",
            couple: bool = False) -> Changes:
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    _not_future(admission_date, ctx.today(), "入住日期", "admission_date", p)
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _get(s, resident_id)
        if r.status != ResidentStatus.DISCHARGED.value:
            raise RuleViolation(f"“{r.name}”目前{r.status}，只有已退住的老人才能再次入住")
        _check_no_stay_overlap(s, resident_id, Span(admission_date))
        bed = _check_bed_free(s, bed_id, Span(admission_date))
        mixed = _check_room_sexes(s, bed, r.gender, Span(admission_date), resident_id, couple)
        before = {"status": r.status}
        s.add(Stay(resident_id=r.id, start_date=admission_date, end_date=None, end_reason="", end_note=""))
        s.add(BedAssignment(resident_id=r.id, bed_id=bed_id, start_date=admission_date, end_date=None, reason="再次入住"))
        _status_event(ctx, s, r, ResidentStatus.IN_RESIDENCE, admission_date, note or "再次入住")
        s.flush()
        audit(ctx, s, "再次入住", "resident", r.id, before,
              {"status": "在住", "bed_id": bed_id, "admission_date": admission_date,
               **({"mixed_room_override": mixed} if mixed else {})})
        return Changes.of("resident", "bed", ids=(r.id,), message=f"“{r.name}”已再次入住")

