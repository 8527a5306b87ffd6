"""Roster export and import (住户名册 XLSX).

Import is all or nothing: every row is checked first (the resident rules,
the admission date, the bed: exists, active, free, not wanted by another
row; the ID number: not repeated in the file, not already registered; the
age on the admission day: not below the centre's minimum, the setting
``residents.min_age``, 60 by default). Any
bad row and nothing is imported; the report names each row (as Excel
numbers it), column and reason. Otherwise every row is registered and
admitted, in chunks each committed in its own short transaction
(services.roster_write: bulk inserts, one audit row per chunk naming every
resident), and one audit row for the import. An interrupted import is
completed by importing the same roster again: rows already imported are
recognised and skipped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Bed, BedAssignment, Contact, Resident, Room, Stay
from ..documents import roster as doc
from ..domain.errors import RuleViolation
from ..domain.records import Changes, bed_code
from ..domain.residents import (
    ACTIVE_STATUSES,
    CheckedResident,
    ContactInput,
    ResidentInput,
    ResidentStatus,
    Span,
    check_resident,
    valid_phone,
)
from ..domain.roles import Perm, require
from . import residents as res_svc
from . import settings
from .audit import audit
from .context import Ctx
from .output import Written, sha256_of, write_document
from . import busy

H = doc.HEADERS
_FIELD_COLUMN = {
    "name": H["name"], "id_number": H["id_number"], "gender": H["gender"], "birth_date": H["birth_date"],
    "phone": H["phone"], "categories": H["categories"], "contacts": H["agent_name"],
}
_SPLIT = re.compile(r"[、,，;；/\s]+")
MIN_AGE_KEY = "residents.min_age"


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class RowProblem:
    row: int  # as Excel shows it
    column: str  # the Chinese header
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行【{self.column}】{self.message}"


@dataclass(frozen=True)
class ImportReport:
    file: str
    rows: int  # data rows read
    imported: int
    dry_run: bool
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()
    resident_ids: tuple[int, ...] = ()
    already: int = 0  # rows an earlier, interrupted import of this roster had imported: skipped

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def message(self) -> str:
        if self.problems:
            return (f"名册有{len(self.bad_rows)}行有错（共{len(self.problems)}处），全部未导入；"
                    "请改正后重新导入")
        skipped = f"；另有{self.already}位此前已导入，已跳过" if self.already else ""
        if self.dry_run:
            if self.already:
                return f"检查通过：可导入{self.rows - self.already}位住户{skipped}（本次未导入）"
            return f"检查通过：共{self.rows}位住户，可以导入（本次未导入）"
        return f"已导入{self.imported}位住户{skipped}"

    @property
    def changes(self) -> Changes:
        return Changes.of("resident", "bed", ids=self.resident_ids, message=self.message)

    def as_dict(self) -> dict:
        return {
            "file": self.file, "rows": self.rows, "imported": self.imported, "dry_run": self.dry_run,
            "ok": self.ok, "message": self.message,
            "problems": [{"row": p.row, "column": p.column, "message": p.message} for p in self.problems],
            "notes": list(self.notes), "resident_ids": list(self.resident_ids), "already": self.already,
        }


# --- export -------------------------------------------------------------------

def roster_rows(s: Session, include_left: bool = False) -> list[dict]:
    """One dict per resident, keyed like documents.roster.COLUMNS."""
    cur_bed = (
        select(BedAssignment.resident_id, Room.building, Room.number, Bed.label)
        .join(Bed, Bed.id == BedAssignment.bed_id).join(Room, Room.id == Bed.room_id)
        .where(BedAssignment.end_date.is_(None)).subquery()
    )
    cur_stay = select(Stay.resident_id, Stay.start_date).where(Stay.end_date.is_(None)).subquery()
    q = (
        select(Resident, cur_bed.c.building, cur_bed.c.number, cur_bed.c.label, cur_stay.c.start_date)
        .outerjoin(cur_bed, cur_bed.c.resident_id == Resident.id)
        .outerjoin(cur_stay, cur_stay.c.resident_id == Resident.id)
        .order_by(Resident.id)
    )
    if not include_left:
        q = q.where(Resident.status.in_([x.value for x in ACTIVE_STATUSES]))
    contacts: dict[int, list[Contact]] = {}
    for c in s.execute(select(Contact).order_by(Contact.resident_id, Contact.id)).scalars():
        contacts.setdefault(c.resident_id, []).append(c)
    out = []
    for r, building, number, label, start in s.execute(q):
        cs = contacts.get(r.id, [])
        agent = next((c for c in cs if c.is_agent), None)
        other = next((c for c in cs if not c.is_agent), None)
        out.append({
            "name": r.name, "gender": r.gender, "id_number": r.id_number, "birth_date": r.birth_date,
            "status": r.status, "bed": bed_code(building, number, label) if number is not None else "",
            "admission_date": start, "hukou_province": r.hukou_province, "hukou_city": r.hukou_city,
            "hukou_district": r.hukou_district, "phone": r.phone, "address": r.address,
            "categories": "、".join(c for c in r.categories.split(",") if c),
            "agent_name": agent.name if agent else "", "agent_relationship": agent.relationship_ if agent else "",
            "agent_phone": agent.phone if agent else "",
            "contact_name": other.name if other else "", "contact_relationship": other.relationship_ if other else "",
            "contact_phone": other.phone if other else "", "notes": r.notes,
        })
    return out


def export_roster(ctx: Ctx, path: str | Path, include_left: bool = False, progress=None, abort=None) -> Written:
    """Write the roster (residents in residence or on leave; all with
    ``include_left``) to ``path`` atomically; audited with the file's SHA-256."""
    with ctx.read(Perm.PRINT) as s:
        rows = roster_rows(s, include_left)
    return write_document(ctx, path, lambda tmp: doc.write_roster(rows, tmp, progress, abort),
                          "导出住户名册", "roster", {"include_left": include_left})


# --- import -------------------------------------------------------------------

@dataclass
class _Lookups:
    beds: dict[str, tuple[int, bool, str]] = field(default_factory=dict)  # CODE -> (bed_id, active, code)
    # bed_id -> [(start, end, name, resident_id)]
    taken: dict[int, list[tuple[dt.date, dt.date | None, str, int]]] = field(default_factory=dict)
    ids: dict[str, tuple[int, str]] = field(default_factory=dict)
    room_of: dict[int, int] = field(default_factory=dict)  # bed_id -> room_id
    # room_id -> [(gender, start, end)] of every bed assignment in it
    sleepers: dict[int, list[tuple[str, dt.date, dt.date | None]]] = field(default_factory=dict)
    # resident_id -> (name, gender, birth date, current bed_id, current stay's start), for a rerun
    current: dict[int, tuple[str, str, dt.date, int, dt.date]] = field(default_factory=dict)


def _lookups(s: Session) -> _Lookups:
    lk = _Lookups()
    for bed_id, label, bed_active, building, number, room_active, room_id in s.execute(
        select(Bed.id, Bed.label, Bed.active, Room.building, Room.number, Room.active, Room.id)
        .join(Room, Room.id == Bed.room_id)
    ):
        code = bed_code(building, number, label)
        lk.beds[_norm_bed(code)] = (bed_id, bool(bed_active and room_active), code)
        lk.room_of[bed_id] = room_id
    for bed_id, start, end, rid, name, gender, birth in s.execute(
        select(BedAssignment.bed_id, BedAssignment.start_date, BedAssignment.end_date, Resident.id, Resident.name,
               Resident.gender, Resident.birth_date)
        .join(Resident, Resident.id == BedAssignment.resident_id)
    ):
        lk.taken.setdefault(bed_id, []).append((start, end, name, rid))
        lk.sleepers.setdefault(lk.room_of.get(bed_id, 0), []).append((gender, start, end))
        if end is None:
            lk.current[rid] = (name, gender, birth, bed_id, start)
    for rid, start in s.execute(select(Stay.resident_id, Stay.start_date).where(Stay.end_date.is_(None))):
        if rid in lk.current:  # admitted on the stay's first day (the roster's 入住日期), whatever bed moves since
            lk.current[rid] = lk.current[rid][:4] + (start,)
    for rid, number, name in s.execute(select(Resident.id, Resident.id_number, Resident.name)):
        lk.ids[number] = (rid, name)
    return lk


def _already_imported(lk: _Lookups, checked: CheckedResident, bed_id: int | None,
                      admission: dt.date | None) -> int | None:
    """The resident id when this row was imported before (a rerun after an
    interrupted import, or this centre's own roster): same ID number, name,
    sex, birth date, in the row's bed now, in residence since the row's
    admission date."""
    known = lk.ids.get(checked.id_number)
    if known is None or bed_id is None:
        return None
    cur = lk.current.get(known[0])
    if cur == (checked.name, checked.gender, checked.birth_date, bed_id, admission):
        return known[0]
    return None


def _norm_bed(text: str) -> str:
    return re.sub(r"\s", "", text).replace("－", "-").replace("—", "-").replace("–", "-").upper()


@dataclass(frozen=True)
class _Good:
    row: int
    checked: CheckedResident
    admission: dt.date
    bed_id: int


def _contact_group(rec: dict, prefix: str, label: str, is_agent: bool, add) -> ContactInput | None:
    name, rel, phone = (rec[f"{prefix}_{k}"] for k in ("name", "relationship", "phone"))
    if not (name or rel or phone):
        return None
    for key, value, what in ((f"{prefix}_name", name, "姓名"), (f"{prefix}_relationship", rel, "关系"),
                             (f"{prefix}_phone", phone, "电话")):
        if not value:
            add(H[key], f"已填写{label}信息，请同时填写{label}{what}")
    if phone and not valid_phone(phone):
        add(H[f"{prefix}_phone"], f"{label}电话“{phone}”格式不正确")
    return ContactInput(name, rel, phone, is_agent)


def _validate(records: list[dict], lk: _Lookups, today: dt.date,
              min_age: int = 60) -> tuple[list[RowProblem], list[str], list[_Good], list[int]]:
    """(problems, notes, rows to import, ids of residents a previous run of
    this roster already imported)."""
    problems: list[RowProblem] = []
    notes: list[str] = []
    good: list[_Good] = []
    already: list[int] = []
    seen_ids: dict[str, int] = {}
    seen_beds: dict[int, int] = {}
    for rec in records:
        row = rec["_row"]
        before = len(problems)

        def add(column: str, message: str, row=row) -> None:
            problems.append(RowProblem(row, column, message))

        for key, message in rec["_problems"]:
            add(H[key], message)
        status = rec["status"]
        if status in (ResidentStatus.DISCHARGED.value, ResidentStatus.DECEASED.value):
            add(H["status"], f"状态为{status}的住户不能导入（只能导入在住或请假的住户）")
        elif status == ResidentStatus.ON_LEAVE.value:
            notes.append(f"第{row}行“{rec['name']}”在名册中为请假，导入后为在住；如仍在请假，请导入后另行登记请假")
        elif status not in ("", ResidentStatus.IN_RESIDENCE.value):
            add(H["status"], f"状态“{status}”无效，应为在住或请假")
        n_contact_problems = len(problems)
        contacts = tuple(c for c in (
            _contact_group(rec, "agent", "代理人", True, add),
            _contact_group(rec, "contact", "其他联系人", False, add),
        ) if c is not None)
        own_contact_problems = len(problems) > n_contact_problems
        gender = rec["gender"]
        data = ResidentInput(
            name=rec["name"], id_number=rec["id_number"], gender=gender, birth_date=rec["birth_date"],
            hukou_province=rec["hukou_province"], hukou_city=rec["hukou_city"],
            hukou_district=rec["hukou_district"], phone=rec["phone"], address=rec["address"],
            categories=tuple(c for c in _SPLIT.split(rec["categories"]) if c), contacts=contacts, notes=rec["notes"],
        )
        checked = None
        id_cell_bad = any(k == "id_number" for k, _ in rec["_problems"])
        try:
            checked = check_resident(data, today)
        except RuleViolation as exc:
            for p in exc.problems:
                if p.field == "contacts" and own_contact_problems:
                    continue
                if p.field == "id_number" and id_cell_bad:
                    continue  # already told why
                add(_FIELD_COLUMN.get(p.field, p.field), p.message)
        admission = rec["admission_date"]
        if admission is None:
            if not any(k == "admission_date" for k, _ in rec["_problems"]):
                add(H["admission_date"], "请填写入住日期")
        elif admission > today:
            add(H["admission_date"], f"入住日期{admission:%Y-%m-%d}晚于今天（{today:%Y-%m-%d}），不能预先登记")
        elif checked is not None and admission < checked.birth_date:
            add(H["admission_date"], "入住日期早于出生日期")
        elif checked is not None and age_on(checked.birth_date, admission) < min_age:
            age = age_on(checked.birth_date, admission)
            add(H["birth_date"] if rec["birth_date"] else H["id_number"],
                f"入住日期{admission:%Y-%m-%d}时年龄为{age}岁（出生日期{checked.birth_date:%Y-%m-%d}），"
                f"低于本机构收住的最低年龄{min_age}岁，不能登记入住")
        raw_bed = rec["bed"]
        found = lk.beds.get(_norm_bed(raw_bed)) if raw_bed else None
        done = None
        if checked is not None and admission is not None and found is not None:
            done = _already_imported(lk, checked, found[0], admission)
        if checked is not None:
            if checked.id_number in seen_ids:
                add(H["id_number"], f"身份证号{checked.id_number}与第{seen_ids[checked.id_number]}行重复")
            else:
                seen_ids[checked.id_number] = row
            if checked.id_number in lk.ids and done is None:
                rid, name = lk.ids[checked.id_number]
                add(H["id_number"], f"身份证号{checked.id_number}已登记（住户“{name}”，编号{rid}），不能重复登记")
        bed_id = None
        if not raw_bed:
            add(H["bed"], "请填写床位（如A101-1）")
        elif _norm_bed(raw_bed) not in lk.beds:
            add(H["bed"], f"床位“{raw_bed}”不存在（格式为楼栋+房间号-床位号，如A101-1）")
        else:
            bed_id, active, code = lk.beds[_norm_bed(raw_bed)]
            if not active:
                add(H["bed"], f"床位{code}已停用")
            if bed_id in seen_beds:
                add(H["bed"], f"床位{code}已由第{seen_beds[bed_id]}行使用，同一床位只能住一人")
            else:
                seen_beds[bed_id] = row
            if admission is not None:
                for start, end, name, rid in lk.taken.get(bed_id, []):
                    if rid != done and (end is None or end >= admission):
                        when = f"{start:%Y-%m-%d}起" if end is None else f"{start:%Y-%m-%d}至{end:%Y-%m-%d}"
                        add(H["bed"], f"床位{code}在{when}已由“{name}”入住，不是空床")
                        break
        if len(problems) == before and checked is not None and admission is not None and bed_id is not None:
            if done is not None:
                already.append(done)
            else:
                good.append(_Good(row, checked, admission, bed_id))
    return problems, notes, good, already


def _room_sex_problems(s: Session, good: list[_Good], lk: _Lookups) -> list[RowProblem]:
    """Rooms are single-sex (as when registering one resident): a row may not
    put a man and a woman in one room, with those already there or with
    another row of the sheet. A couple sharing a room is registered one by
    one in the admission dialog, where the override is confirmed."""
    out: list[RowProblem] = []
    placed: dict[int, tuple[str, int]] = {}  # room → (sex, first row)
    for g in good:
        room_id = lk.room_of[g.bed_id]
        sex = g.checked.gender
        if any(other != sex and (end is None or end >= g.admission) for other, _start, end in lk.sleepers.get(room_id, ())):
            # someone of the other sex sleeps there: the register's own check words it
            try:
                res_svc._check_room_sexes(s, s.get(Bed, g.bed_id), sex, Span(g.admission, None), None, False)
            except RuleViolation as exc:
                out.append(RowProblem(g.row, H["bed"], exc.message.split("；")[0] + "（夫妻同住请逐一登记入住并确认）"))
                continue
        first = placed.setdefault(room_id, (sex, g.row))
        if first[0] != sex:
            out.append(RowProblem(g.row, H["bed"], f"与第{first[1]}行（{first[0]}）同住一室，男女不能同住一室"
                                                   "（夫妻同住请逐一登记入住并确认）"))
    return out


@busy.retrying
def import_roster(ctx: Ctx, path: str | Path, dry_run: bool = False, progress=None,
                  chunk: int | None = None, after_chunk=None) -> ImportReport:
    """Check every row (nothing is imported if any row is bad), then import
    in chunks of roster_write.CHUNK, each its own short transaction. Rows a
    previous, interrupted run of the same roster already imported (same ID
    number, name, sex, birth date, bed and admission date) are skipped and
    counted as already imported, so a rerun completes it exactly once."""
    from . import roster_write

    require(ctx.actor, Perm.RESIDENT_WRITE)
    src = Path(path).expanduser()
    records = doc.read_roster(src)
    if not records:
        raise RuleViolation(f"“{src.name}”中没有住户数据")
    today = ctx.today()
    if progress:
        progress(0.1, "正在检查名册")

    def report(problems, notes, imported=0, ids=(), already=0) -> ImportReport:
        return ImportReport(str(src), len(records), imported, dry_run, tuple(problems), tuple(notes), tuple(ids),
                            already)

    # checked without the write lock; each chunk re-checks its beds and ID numbers under it
    with ctx.read(Perm.RESIDENT_WRITE) as s:
        lk = _lookups(s)
        problems, notes, good, already = _validate(records, lk, today, settings.get_int(s, MIN_AGE_KEY))
        problems += _room_sex_problems(s, good, lk)
    if problems or dry_run:
        return report(problems, notes, already=len(already))
    ids = roster_write.write_chunks(ctx, good, src.name, progress, chunk or roster_write.CHUNK, after_chunk)
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        audit(ctx, s, "导入住户名册", "roster", src.name, None,
              {"file": str(src.resolve()), "sha256": sha256_of(src), "rows": len(good), "already": len(already),
               "ids": [ids[0], ids[-1]] if ids else []})
    return report([], notes, len(ids), ids, len(already))
