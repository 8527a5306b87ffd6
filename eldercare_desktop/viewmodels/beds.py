"""Screen logic of the room/bed map: tile states, counts, sections, search.

Pure functions over the ``RoomInfo``/``BedInfo`` records ``services.centre.bed_map``
returns. No Qt here; the page in ``ui/pages/beds.py`` draws what this computes.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from itertools import groupby

from ..domain.centre import BedType
from ..domain.records import BedInfo, RoomInfo
from ..domain.residents import ResidentStatus


class TileState(str, Enum):
    FREE = "free"
    OCCUPIED = "occupied"  # 在住
    LEAVE = "leave"  # 请假: the bed is kept for the resident
    INACTIVE = "inactive"  # 停用 (the bed or its room)


def bed_state(bed: BedInfo, room_active: bool = True) -> TileState:
    if bed.occupant_id is not None:
        if bed.occupant_status == ResidentStatus.ON_LEAVE.value:
            return TileState.LEAVE
        return TileState.OCCUPIED
    if not bed.active or not room_active:
        return TileState.INACTIVE
    return TileState.FREE


def is_nursing(bed: BedInfo) -> bool:
    return bed.bed_type == BedType.NURSING.value


@dataclass(frozen=True)
class BedCounts:
    """Figures over the beds in service (active beds of active rooms)."""

    total: int = 0
    occupied: int = 0  # 在住 + 请假: a bed kept for a resident on leave is not free
    on_leave: int = 0
    nursing: int = 0
    inactive: int = 0  # beds out of service (shown only when asked for)

    @property
    def free(self) -> int:
        return self.total - self.occupied

    @property
    def occupancy_percent(self) -> float:  # display only
        return 100.0 * self.occupied / self.total if self.total else 0.0


def count_beds(rooms: list[RoomInfo] | tuple[RoomInfo, ...]) -> BedCounts:
    total = occupied = leave = nursing = inactive = 0
    for room in rooms:
        for bed in room.beds:
            if not (bed.active and room.active):
                inactive += 1
                continue
            total += 1
            if is_nursing(bed):
                nursing += 1
            state = bed_state(bed)
            if state is TileState.LEAVE:
                leave += 1
                occupied += 1
            elif state is TileState.OCCUPIED:
                occupied += 1
    return BedCounts(total, occupied, leave, nursing, inactive)


def occupants_text(room: RoomInfo) -> str:
    """Who sleeps in the room, with their sex: "张三（男）、王五（男）"."""
    return "、".join(b.occupant_name + (f"（{b.occupant_gender}）" if b.occupant_gender else "")
                    for b in room.beds if b.occupant_id is not None)


def room_sexes(room: RoomInfo) -> frozenset[str]:
    """The sexes of the room's occupants (both: a mixed room, e.g. a couple)."""
    return frozenset(b.occupant_gender for b in room.beds if b.occupant_id is not None and b.occupant_gender)


def room_free_count(room: RoomInfo) -> int:
    return sum(1 for b in room.beds if bed_state(b, room.active) is TileState.FREE)


@dataclass(frozen=True)
class FloorSection:
    building: str
    floor: int
    rooms: tuple[RoomInfo, ...]

    @property
    def counts(self) -> BedCounts:
        return count_beds(self.rooms)


def _room_key(room: RoomInfo) -> tuple:
    # numeric room numbers in numeric order ("101" < "1001"), others after, by text
    num = room.number
    return (room.building, room.floor, 0 if num.isdigit() else 1, int(num) if num.isdigit() else 0, num)


def buildings(rooms: list[RoomInfo]) -> list[str]:
    return sorted({r.building for r in rooms})


def sections(rooms: list[RoomInfo], building: str | None = None) -> list[FloorSection]:
    """Rooms grouped by building and floor, in building/floor/number order.
    ``building`` None means every building."""
    chosen = sorted((r for r in rooms if building is None or r.building == building), key=_room_key)
    return [
        FloorSection(b, f, tuple(group))
        for (b, f), group in groupby(chosen, key=lambda r: (r.building, r.floor))
    ]


def building_needs_suffix(building: str) -> bool:
    """"A" → shown as "A栋"; "1号楼", "综合楼", "东区" already say what they are."""
    return bool(building) and building[-1] not in "楼栋座区幢院馆苑舍"


def matches(bed: BedInfo, text: str) -> bool:
    """Search on the map: occupant name or bed code (A101-1), case-insensitive."""
    t = text.strip().lower()
    if not t:
        return False
    return t in bed.occupant_name.lower() or t in bed.code.lower()


DEFAULT_BEDS = {"单人间": 1, "双人间": 2, "三人间": 3, "多人间": 4, "套间": 2}


def default_bed_count(room_type: str) -> int:
    return DEFAULT_BEDS.get(room_type, 1)


def numbered_beds(n: int, bed_type: str = BedType.ORDINARY.value) -> list[tuple[str, str]]:
    return [(str(i), bed_type) for i in range(1, n + 1)]


def next_bed_label(room: RoomInfo) -> str:
    """Next free number in the room (labels "1", "2", … → "3")."""
    labels = {b.label for b in room.beds}
    nums = [int(lbl) for lbl in labels if lbl.isdigit()]
    n = (max(nums) + 1) if nums else len(labels) + 1
    while str(n) in labels:
        n += 1
    return str(n)


def share_met(nursing: int, total: int, target_percent: int) -> bool:
    """Same integer rule as domain.centre.BedShare.meets."""
    return total > 0 and nursing * 100 >= target_percent * total
