"""Writing a checked roster (services.roster.import_roster): in chunks of
CHUNK residents, each chunk its own short transaction with one audit row
naming every resident it registered. Rows go in through Core bulk inserts
(one statement per table per chunk), so a 10,000-row roster holds the write
lock a fraction of a second at a time and other users keep working.

A chunk re-checks under the lock that its ID numbers are still unregistered
and its beds still free (the sheet was checked without holding the lock).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from ..db.engine import reserve_ids
from ..db.models import BedAssignment, Contact, Resident, Stay, StatusEvent
from ..domain.errors import RuleViolation
from ..domain.names import name_pinyin
from ..domain.residents import ResidentStatus
from ..domain.roles import Perm
from .audit import audit
from .context import Ctx
from . import busy

if TYPE_CHECKING:
    from .roster import _Good

#: residents per transaction
CHUNK = 500
REASON = "名册导入入住"


@busy.retrying
def write_chunks(ctx: Ctx, good: list[_Good], source: str, progress=None, chunk: int = CHUNK,
                 after_chunk=None) -> list[int]:
    """Register and admit ``good`` in chunks; returns the new resident ids.
    ``after_chunk(n_done)`` runs after each commit (tests)."""
    ids: list[int] = []
    for start in range(0, len(good), chunk):
        if progress:
            progress(0.2 + 0.8 * start / len(good), f"正在导入第{start + 1}位住户")
        part = good[start:start + chunk]
        with ctx.write(Perm.RESIDENT_WRITE) as s:
            _recheck(s, part, len(ids))
            ids += _insert(ctx, s, part, source)
        if after_chunk:
            after_chunk(len(ids))
    return ids


def _recheck(s: Session, part: list[_Good], done: int) -> None:
    """Another user registered one of these people or took one of these beds
    since the sheet was checked: stop before this chunk."""
    tail = (f"；此前的{done}位住户已导入，改正后重新导入同一名册会跳过已导入的住户" if done
            else "；本名册没有住户被导入")
    by_number = {g.checked.id_number: g for g in part}
    for number, rid, name in s.execute(select(Resident.id_number, Resident.id, Resident.name)
                                       .where(Resident.id_number.in_(list(by_number)))):
        g = by_number[number]
        raise RuleViolation(f"第{g.row}行：身份证号{number}已登记（住户“{name}”，编号{rid}），不能重复登记{tail}")
    by_bed = {g.bed_id: g for g in part}
    earliest = min(g.admission for g in part)
    for bed_id, end, name in s.execute(
        select(BedAssignment.bed_id, BedAssignment.end_date, Resident.name)
        .join(Resident, Resident.id == BedAssignment.resident_id)
        .where(BedAssignment.bed_id.in_(list(by_bed)),
               or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= earliest))
    ):
        g = by_bed[bed_id]
        if end is None or end >= g.admission:
            raise RuleViolation(f"第{g.row}行：所填床位刚刚已由“{name}”入住，不是空床{tail}")


def _insert(ctx: Ctx, s: Session, part: list[_Good], source: str) -> list[int]:
    now = ctx.now()
    who = ctx.actor.username
    ids = reserve_ids(s, Resident.__table__, len(part))
    residents, contacts, stays, beds, events, audited = [], [], [], [], [], []
    status = ResidentStatus.IN_RESIDENCE.value
    for n, g in enumerate(part):
        rid = ids[n]
        c = g.checked
        full, initials = name_pinyin(c.name)
        cats = ",".join(c.categories)
        residents.append({
            "id": rid, "name": c.name, "name_pinyin": full, "name_initials": initials, "gender": c.gender,
            "id_number": c.id_number, "birth_date": c.birth_date, "hukou_province": c.hukou_province,
            "hukou_city": c.hukou_city, "hukou_district": c.hukou_district, "phone": c.phone, "address": c.address,
            "categories": cats, "status": status, "notes": c.notes, "created_at": now, "archived": False,
        })
        contacts += [{"resident_id": rid, "name": x.name, "relationship": x.relationship, "phone": x.phone,
                      "address": x.address, "is_agent": x.is_agent} for x in c.contacts]
        stays.append({"resident_id": rid, "start_date": g.admission, "end_date": None, "end_reason": "",
                      "end_note": ""})
        beds.append({"resident_id": rid, "bed_id": g.bed_id, "start_date": g.admission, "end_date": None,
                     "reason": "入住"})
        events.append({"resident_id": rid, "status": status, "effective_date": g.admission, "reason": REASON,
                       "recorded_at": now, "recorded_by": who})
        # what the register's snapshot (residents._snapshot) records, plus where and from which row
        audited.append({
            "id": rid, "name": c.name, "gender": c.gender, "id_number": c.id_number, "birth_date": c.birth_date,
            "hukou": [c.hukou_province, c.hukou_city, c.hukou_district], "phone": c.phone, "address": c.address,
            "categories": cats, "status": status, "notes": c.notes,
            "contacts": [[x.name, x.relationship, x.phone, x.is_agent] for x in c.contacts],
            "admission_date": g.admission, "bed_id": g.bed_id, "roster_row": g.row,
        })
    s.execute(insert(Resident.__table__), residents)
    if contacts:
        s.execute(insert(Contact.__table__), contacts)
    s.execute(insert(Stay.__table__), stays)
    s.execute(insert(BedAssignment.__table__), beds)
    s.execute(insert(StatusEvent.__table__), events)
    first, last = ids[0], ids[-1]  # on PostgreSQL another PC's registration may fall between
    audit(ctx, s, "导入登记入住", "resident", f"{first}-{last}" if last > first else first, None,
          {"file": source, "residents": audited})
    return ids
