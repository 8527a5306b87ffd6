"""Screen logic of the bed map (no Qt, no database)."""
from __future__ import annotations

from eldercare_desktop.domain.records import BedInfo, RoomInfo
from eldercare_desktop.viewmodels import beds as vm
from eldercare_desktop.viewmodels.beds import TileState


def bed(bid, room, label, bed_type="普通", active=True, occupant=None, name="", status=""):
    return BedInfo(bid, room.room_id, room.building, room.floor, room.number, room.room_type, label, bed_type,
                   active, occupant, name, status, "女" if occupant else "")


def room(rid, building, floor, number, beds=(), active=True):
    r = RoomInfo(rid, building, floor, number, "双人间", "", active, ())
    return RoomInfo(rid, building, floor, number, "双人间", "", active,
                    tuple(bed(rid * 10 + i, r, *b[:1], **b[1]) for i, b in enumerate(beds)))


def sample():
    return [
        room(1, "A", 1, "101", [("1", {"occupant": 7, "name": "王秀英", "status": "在住"}),
                                ("2", {"bed_type": "护理型"})]),
        room(2, "A", 1, "1001", [("1", {"occupant": 8, "name": "李桂兰", "status": "请假", "bed_type": "护理型"})]),
        room(3, "A", 1, "102", [("1", {"active": False}), ("2", {})]),
        room(4, "B", 2, "201", [("1", {})], active=False),
        room(5, "A", 2, "201", [("1", {"occupant": 9, "name": "退住者", "status": "退住"})]),
    ]


def test_states():
    r = sample()
    assert vm.bed_state(r[0].beds[0]) is TileState.OCCUPIED
    assert vm.bed_state(r[0].beds[1]) is TileState.FREE
    assert vm.bed_state(r[1].beds[0]) is TileState.LEAVE
    assert vm.bed_state(r[2].beds[0]) is TileState.INACTIVE
    assert vm.bed_state(r[3].beds[0], room_active=False) is TileState.INACTIVE
    # someone in the bed on a past day who has since left still occupied it then
    assert vm.bed_state(r[4].beds[0]) is TileState.OCCUPIED


def test_counts_only_beds_in_service():
    c = vm.count_beds(sample())
    assert (c.total, c.occupied, c.on_leave, c.free, c.nursing, c.inactive) == (5, 3, 1, 2, 2, 2)
    assert round(c.occupancy_percent, 1) == 60.0
    assert vm.count_beds([]).occupancy_percent == 0.0
    assert vm.room_free_count(sample()[2]) == 1
    assert vm.room_free_count(sample()[3]) == 0  # a retired room has no free beds


def test_sections_group_by_building_and_floor_in_numeric_order():
    secs = vm.sections(sample())
    assert [(s.building, s.floor) for s in secs] == [("A", 1), ("A", 2), ("B", 2)]
    assert [r.number for r in secs[0].rooms] == ["101", "102", "1001"]
    assert secs[0].counts.free == 2
    only_b = vm.sections(sample(), "B")
    assert [(s.building, s.floor) for s in only_b] == [("B", 2)]
    assert vm.buildings(sample()) == ["A", "B"]


def test_labels_search_and_helpers():
    assert vm.building_needs_suffix("A") and vm.building_needs_suffix("1")
    assert not vm.building_needs_suffix("1号楼") and not vm.building_needs_suffix("东区")
    assert not vm.building_needs_suffix("")
    b = sample()[1].beds[0]
    assert vm.matches(b, "李") and vm.matches(b, "a1001") and not vm.matches(b, "王") and not vm.matches(b, " ")
    assert vm.default_bed_count("三人间") == 3 and vm.default_bed_count("未知") == 1
    assert vm.numbered_beds(2, "护理型") == [("1", "护理型"), ("2", "护理型")]
    assert vm.next_bed_label(sample()[2]) == "3"
    assert vm.share_met(3, 10, 30) and not vm.share_met(2, 10, 30) and not vm.share_met(0, 0, 0)
