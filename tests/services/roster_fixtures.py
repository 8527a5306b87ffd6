"""A centre with enough beds for a large roster, and the roster XLSX itself
(for the import benchmark, the chunked-import and crash tests)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, insert, select

from eldercare_desktop.db.models import Bed, Room
from eldercare_desktop.documents import roster as doc
from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import centre

BEDS_PER_ROOM = 3


def big_centre(ctx, residents: int) -> None:
    """The centre and ``ceil(residents / 3)`` three-bed rooms in building Z
    (Z1001-1 …), inserted through Core (only the import is being timed)."""
    if centre.get_centre(ctx) is None:
        centre.save_centre(ctx, CentreInfo("阳光社区养老服务中心", "", "非营利", "chongqing-yubei"))
    rooms = -(-residents // BEDS_PER_ROOM)
    with ctx.app.write_factory.begin() as s:
        first = (s.execute(select(func.max(Room.id))).scalar() or 0) + 1
        s.execute(insert(Room.__table__), [
            {"id": first + i, "building": "Z", "floor": 1 + i // 100, "number": str(1001 + i), "room_type": "三人间",
             "notes": "", "active": True} for i in range(rooms)])
        s.execute(insert(Bed.__table__), [
            {"room_id": first + i, "label": str(b), "bed_type": "普通", "active": True}
            for i in range(rooms) for b in range(1, BEDS_PER_ROOM + 1)])


def roster_records(residents: int, admission: dt.date = dt.date(2025, 3, 1)) -> list[dict]:
    """One row per resident: a room holds one sex (rooms alternate), every ID number differs."""
    out = []
    for n in range(residents):
        room = n // BEDS_PER_ROOM
        male = room % 2 == 0
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=n % 7000)
        seq = 2 * (n // 7000) + (1 if male else 0)
        row = {c.key: "" for c in doc.COLUMNS}
        row.update(name=("王建国" if male else "李秀英"), id_number=make_id_number("500112", birth, seq),
                   bed=f"Z{1001 + room}-{n % BEDS_PER_ROOM + 1}", admission_date=admission, birth_date=None,
                   status="在住", hukou_province="重庆市", hukou_city="重庆市", hukou_district="渝北区",
                   categories="高龄、失能" if n % 3 == 0 else "", agent_name="王小明", agent_relationship="儿子",
                   agent_phone=f"139{n:08d}", notes="")
        if n % 2:
            row.update(contact_name="张小红", contact_relationship="女儿", contact_phone="023-67001234")
        out.append(row)
    return out


def write_big_roster(path: Path, residents: int) -> Path:
    doc.write_roster(roster_records(residents), path)
    return path
