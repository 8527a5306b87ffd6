"""Centre profile, policy profiles, rooms and beds."""
from __future__ import annotations

import dataclasses
import os
import tomllib
from functools import lru_cache
from pathlib import Path

from sqlalchemy import case, func, or_, select

from ..db.engine import lock
from ..db.models import Bed, BedAssignment, Centre, Resident, Room
from ..domain.centre import ROOM_TYPES, BedShare, BedType, CentreKind
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.identity import validate_credit_code
from ..domain.policy import PolicyProfile, parse_profile
from ..domain.records import BedInfo, CentreInfo, Changes, ProfileInfo, RoomInfo
from ..domain.residents import valid_phone
from ..domain.roles import Perm
from .audit import audit
from .context import RESOURCES, Ctx
from . import busy
from . import versions

DEFAULT_PROFILE = "national"


POLICY_ENV = "ELDERCARE_POLICIES"  # more folders of district profiles (os.pathsep separated)


def policy_dirs() -> tuple[Path, ...]:
    """Where district profiles are read: the built-in folder, then the
    ``policies`` folder beside the user's database, then ELDERCARE_POLICIES.
    A profile in a later folder replaces a built-in one of the same name."""
    from ..db.engine import default_data_dir

    extra = [Path(x) for x in os.environ.get(POLICY_ENV, "").split(os.pathsep) if x.strip()]
    return (RESOURCES / "policies", default_data_dir() / "policies", *extra)


@lru_cache(maxsize=None)
def _profiles(folders: tuple[Path, ...]) -> dict[str, PolicyProfile]:
    out = {}
    for folder in folders:
        for f in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            text = f.read_text(encoding="utf-8")
            try:
                names = tomllib.loads(text).get("inherits", [])
            except tomllib.TOMLDecodeError:
                continue  # a broken file is not a profile
            out[f.stem] = parse_profile(f.stem, text, [_base(n, folders) for n in names])
    return out


def _base(name: str, folders: tuple[Path, ...]) -> dict:
    """An inherited file (``base/<name>.toml``), from the last folder that has it."""
    for folder in (*reversed(folders), RESOURCES / "policies"):
        f = folder / "base" / f"{name}.toml"
        if f.is_file():
            return tomllib.loads(f.read_text(encoding="utf-8"))
    return {"_missing": name}


def policy_profiles(folder: Path | None = None) -> dict[str, PolicyProfile]:
    return _profiles((folder,) if folder is not None else policy_dirs())


def profile_infos() -> list[ProfileInfo]:
    return [ProfileInfo(p.code, p.name, p.region, p.nursing_bed_target_percent) for p in policy_profiles().values()]


def get_profile(code: str) -> PolicyProfile:
    profiles = policy_profiles()
    if code not in profiles:
        raise RuleViolation(f"未知的政策配置“{code}”", "policy_profile")
    return profiles[code]


def _centre_info(c: Centre) -> CentreInfo:
    return CentreInfo(
        c.name, c.credit_code, c.kind, c.policy_profile, c.address, c.phone, c.legal_representative,
        c.approved_beds, c.escrow_bank, c.escrow_account_name, c.escrow_account_no,
        c.bank_name or "", c.bank_account_no or "", c.version,
    )


def _centre_fields(info: CentreInfo) -> dict:
    """The saved fields (the version is the database's to keep)."""
    d = dataclasses.asdict(info)
    d.pop("version", None)
    return d


def get_centre(ctx: Ctx) -> CentreInfo | None:
    with ctx.read() as s:
        c = s.get(Centre, 1)
        return _centre_info(c) if c else None


def check_centre(info: CentreInfo) -> CentreInfo:
    p = Problems()
    if not info.name.strip():
        p.add("name", "请填写机构名称")
    code = info.credit_code
    if info.credit_code.strip():
        try:
            code = validate_credit_code(info.credit_code)
        except RuleViolation as exc:
            p.add("credit_code", exc.message)
    try:
        CentreKind(info.kind)
    except ValueError:
        p.add("kind", "机构性质应为营利、非营利、公办或公建民营")
    if info.policy_profile not in policy_profiles():
        p.add("policy_profile", f"未知的政策配置“{info.policy_profile}”")
    if info.phone.strip() and not valid_phone(info.phone.strip()):
        p.add("phone", f"电话“{info.phone}”格式不正确")
    if info.approved_beds < 0:
        p.add("approved_beds", "核定床位数不能为负数")
    acct = info.escrow_account_no.replace(" ", "")
    if acct and not acct.isdigit():
        p.add("escrow_account_no", "押金专户账号只能包含数字")
    if acct and not (info.escrow_bank.strip() and info.escrow_account_name.strip()):
        p.add("escrow_bank", "请同时填写押金专户的开户银行和户名")
    basic = info.bank_account_no.replace(" ", "")
    if basic and not basic.isdigit():
        p.add("bank_account_no", "基本户账号只能包含数字")
    if basic and acct and basic == acct:
        p.add("bank_account_no", "押金专户不能与基本户是同一个账号：押金须专户存储")
    p.raise_if_any()
    return dataclasses.replace(
        info, name=info.name.strip(), credit_code=code.strip().upper(), escrow_account_no=acct, bank_account_no=basic,
        address=info.address.strip(), phone=info.phone.strip(),
    )


@busy.retrying
def save_centre(ctx: Ctx, info: CentreInfo) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    info = check_centre(info)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        lock(s, "centre")  # the first save from two PCs at once: one creates the row
        c = s.get(Centre, 1)
        if c is not None:
            versions.check(c, info.version, "机构信息")
        before = _centre_fields(_centre_info(c)) if c else None
        if c is None:
            c = Centre(id=1)
            s.add(c)
        for k, v in _centre_fields(info).items():
            setattr(c, k, v)
        c.updated_at = ctx.now()
        s.flush()
        audit(ctx, s, "保存机构信息", "centre", 1, before, _centre_fields(info))
        return Changes.of("centre", message="机构信息已保存")


# --- rooms and beds ---------------------------------------------------------

def bed_map(ctx: Ctx, on=None, include_inactive: bool = False) -> list[RoomInfo]:
    """Rooms with their beds and who is in each bed on the day given (today)."""
    day = on or ctx.today()
    with ctx.read() as s:
        occ = {
            bed_id: (rid, name, status, gender)
            for bed_id, rid, name, status, gender in s.execute(
                select(BedAssignment.bed_id, Resident.id, Resident.name, Resident.status, Resident.gender)
                .join(Resident, Resident.id == BedAssignment.resident_id)
                .where(BedAssignment.start_date <= day,
                       or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= day))
            )
        }
        q = select(Room).order_by(Room.building, Room.floor, Room.number)
        if not include_inactive:
            q = q.where(Room.active.is_(True))
        rooms = []
        for r in s.execute(q).scalars():
            beds = []
            for b in r.beds:
                if not include_inactive and not b.active:
                    continue
                o = occ.get(b.id)
                beds.append(BedInfo(
                    b.id, r.id, r.building, r.floor, r.number, r.room_type, b.label, b.bed_type, b.active,
                    o[0] if o else None, o[1] if o else "", o[2] if o else "", o[3] if o else "", b.version,
                ))
            rooms.append(RoomInfo(r.id, r.building, r.floor, r.number, r.room_type, r.notes, r.active, tuple(beds),
                                  r.version))
        return rooms


def bed_share(ctx: Ctx) -> BedShare:
    with ctx.read() as s:
        total, nursing = s.execute(
            select(func.count(Bed.id), func.coalesce(func.sum(case((Bed.bed_type == BedType.NURSING.value, 1), else_=0)), 0))
            .join(Room).where(Bed.active.is_(True), Room.active.is_(True))
        ).one()
        return BedShare(int(total), int(nursing))


def _check_room(building: str, floor: int, number: str, room_type: str, p: Problems) -> None:
    if not number.strip():
        p.add("number", "请填写房间号")
    if room_type not in ROOM_TYPES:
        p.add("room_type", f"房间类型应为{'、'.join(ROOM_TYPES)}之一")
    if not -5 <= floor <= 200:
        p.add("floor", "楼层不合理")


def _check_beds(beds: list[tuple[str, str]], p: Problems) -> None:
    labels = [b[0].strip() for b in beds]
    if any(not lbl for lbl in labels):
        p.add("beds", "床位号不能为空")
    if len(set(labels)) != len(labels):
        p.add("beds", "同一房间内床位号不能重复")
    for _, t in beds:
        try:
            BedType(t)
        except ValueError:
            p.add("beds", f"床位类型应为“普通”或“护理型”，而不是“{t}”")


@busy.retrying
def add_room(ctx: Ctx, building: str, floor: int, number: str, room_type: str,
             beds: list[tuple[str, str]], notes: str = "") -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    p = Problems()
    _check_room(building, floor, number, room_type, p)
    if not beds:
        p.add("beds", "房间至少要有一张床位")
    _check_beds(beds, p)
    p.raise_if_any()
    with ctx.write(Perm.CENTRE_WRITE) as s:
        if s.execute(select(Room.id).where(Room.building == building.strip(), Room.number == number.strip())).first():
            raise RuleViolation(f"房间“{building}{number}”已存在", "number")
        room = Room(building=building.strip(), floor=floor, number=number.strip(), room_type=room_type,
                    notes=notes.strip(), active=True)
        s.add(room)
        s.flush()
        for label, t in beds:
            s.add(Bed(room_id=room.id, label=label.strip(), bed_type=t, active=True))
        s.flush()
        audit(ctx, s, "新增房间", "room", room.id, None,
              {"building": room.building, "floor": floor, "number": room.number, "room_type": room_type,
               "beds": [list(b) for b in beds]})
        return Changes.of("room", "bed", ids=(room.id,), message=f"已新增房间{building}{number}")


@busy.retrying
def update_room(ctx: Ctx, room_id: int, building: str, floor: int, number: str, room_type: str, notes: str = "",
                *, expected_version: int | None = None) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    p = Problems()
    _check_room(building, floor, number, room_type, p)
    p.raise_if_any()
    with ctx.write(Perm.CENTRE_WRITE) as s:
        room = s.get(Room, room_id)
        if room is None:
            raise NotFound("房间不存在")
        versions.check(room, expected_version, f"房间{room.number}")
        clash = s.execute(select(Room.id).where(Room.building == building.strip(), Room.number == number.strip(),
                                                Room.id != room_id)).first()
        if clash:
            raise RuleViolation(f"房间“{building}{number}”已存在", "number")
        before = {"building": room.building, "floor": room.floor, "number": room.number, "room_type": room.room_type,
                  "notes": room.notes}
        room.building, room.floor, room.number, room.room_type, room.notes = (
            building.strip(), floor, number.strip(), room_type, notes.strip())
        audit(ctx, s, "修改房间", "room", room.id, before,
              {"building": room.building, "floor": floor, "number": room.number, "room_type": room_type, "notes": room.notes})
        return Changes.of("room", "bed", "resident", ids=(room.id,))


@busy.retrying
def add_bed(ctx: Ctx, room_id: int, label: str, bed_type: str) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    p = Problems()
    _check_beds([(label, bed_type)], p)
    p.raise_if_any()
    with ctx.write(Perm.CENTRE_WRITE) as s:
        room = s.get(Room, room_id)
        if room is None:
            raise NotFound("房间不存在")
        if s.execute(select(Bed.id).where(Bed.room_id == room_id, Bed.label == label.strip())).first():
            raise RuleViolation(f"房间{room.number}已有床位“{label}”", "label")
        bed = Bed(room_id=room_id, label=label.strip(), bed_type=bed_type, active=True)
        s.add(bed)
        s.flush()
        audit(ctx, s, "新增床位", "bed", bed.id, None, {"room": room.number, "label": bed.label, "bed_type": bed_type})
        return Changes.of("bed", ids=(bed.id,))


def _occupied_from(s, bed_id: int, day) -> bool:
    return s.execute(
        select(BedAssignment.id).where(
            BedAssignment.bed_id == bed_id,
            or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= day),
        )
    ).first() is not None


@busy.retrying
def update_bed(ctx: Ctx, bed_id: int, bed_type: str, active: bool, *, expected_version: int | None = None) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    p = Problems()
    _check_beds([("x", bed_type)], p)
    p.raise_if_any()
    with ctx.write(Perm.CENTRE_WRITE) as s:
        bed = s.get(Bed, bed_id)
        if bed is None:
            raise NotFound("床位不存在")
        versions.check(bed, expected_version, "床位")
        if not active and bed.active and _occupied_from(s, bed_id, ctx.today()):
            raise RuleViolation("该床位有人入住（或已预留），不能停用", "active")
        before = {"bed_type": bed.bed_type, "active": bed.active}
        bed.bed_type, bed.active = bed_type, active
        audit(ctx, s, "修改床位", "bed", bed.id, before, {"bed_type": bed_type, "active": active})
        return Changes.of("bed", ids=(bed.id,))


@busy.retrying
def set_room_active(ctx: Ctx, room_id: int, active: bool, *, expected_version: int | None = None) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        room = s.get(Room, room_id)
        if room is None:
            raise NotFound("房间不存在")
        versions.check(room, expected_version, f"房间{room.number}")
        if not active and any(_occupied_from(s, b.id, ctx.today()) for b in room.beds):
            raise RuleViolation(f"房间{room.number}还有人入住，不能停用")
        before = {"active": room.active}
        room.active = active
        audit(ctx, s, "停用房间" if not active else "启用房间", "room", room.id, before, {"active": active})
        return Changes.of("room", "bed", ids=(room.id,))


def free_beds(ctx: Ctx, on=None) -> list[BedInfo]:
    return [b for r in bed_map(ctx, on) for b in r.beds if b.occupant_id is None and b.active]

