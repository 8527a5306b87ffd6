"""Part 4 rules at the service layer: each test fails if its rule is removed."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, BedAssignment, Contact, Resident, Stay
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.services import centre, residents
from tests.conftest import agent, person

D = dt.date


def counts(app):
    with app.read_factory() as s:
        return tuple(
            s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (Resident, Contact, Stay, BedAssignment, AuditLog)
        )


def test_register_admits_to_bed(ctx, centre_ready, admitted):
    d = residents.get_resident(ctx, admitted)
    assert d.status == "在住" and d.gender == "男" and d.birth_date == D(1940, 3, 5)
    assert d.current_stay.start == D(2026, 1, 10)
    assert d.current_bed.bed_code == "A101-1"
    assert d.agent.name == "张小三"
    row = residents.list_residents(ctx)[0]
    assert (row.name_initials, row.name_pinyin, row.bed_code) == ("zs", "zhangsan", "A101-1")


def test_same_id_number_cannot_be_registered_twice(app, ctx, centre_ready, admitted):
    before = counts(app)
    with pytest.raises(RuleViolation, match="已登记") as e:
        residents.register_resident(ctx, person(name="李四"), D(2026, 2, 1), centre_ready["A102-1"])
    assert e.value.fields() == {"id_number"}
    assert counts(app) == before


def test_one_resident_per_bed(app, ctx, centre_ready, admitted):
    before = counts(app)
    with pytest.raises(RuleViolation, match="同一床位同一时间只能住一人"):
        residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 3, 1), centre_ready["A101-1"])
    assert counts(app) == before


def test_bed_free_after_discharge_day_not_on_it(app, ctx, clock, centre_ready, admitted):
    residents.discharge(ctx, admitted, D(2026, 6, 30), "回家养老")
    with pytest.raises(RuleViolation, match="同一床位"):
        residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 6, 30), centre_ready["A101-1"])
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 7, 1), centre_ready["A101-1"])
    occupants = [b.occupant_name for r in centre.bed_map(ctx, on=D(2026, 7, 1)) for b in r.beds if b.occupant_id]
    assert occupants == ["李四"]


def test_move_bed_splits_history_and_checks_target(app, ctx, centre_ready, admitted):
    other = residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"]).ids[0]
    with pytest.raises(RuleViolation, match="同一床位"):
        residents.move_bed(ctx, admitted, centre_ready["A102-1"], D(2026, 5, 1))
    with pytest.raises(RuleViolation, match="调床日期须晚于"):
        residents.move_bed(ctx, admitted, centre_ready["A101-2"], D(2026, 1, 10))
    residents.move_bed(ctx, admitted, centre_ready["A101-2"], D(2026, 5, 1), "需要护理床")
    beds = residents.get_resident(ctx, admitted).beds
    assert [(b.bed_code, b.start, b.end) for b in beds] == [
        ("A101-1", D(2026, 1, 10), D(2026, 4, 30)),
        ("A101-2", D(2026, 5, 1), None),
    ]
    # the old bed is free from the move day
    residents.move_bed(ctx, other, centre_ready["A101-1"], D(2026, 5, 1))


def test_leave_dates_and_status(ctx, centre_ready, admitted):
    residents.start_leave(ctx, admitted, D(2026, 11, 1), "回家过节", D(2026, 11, 8))
    assert residents.get_resident(ctx, admitted).status == "请假"
    with pytest.raises(RuleViolation, match="只有在住的老人才能请假"):
        residents.start_leave(ctx, admitted, D(2026, 11, 2), "再请")
    with pytest.raises(RuleViolation, match="返院日期须晚于请假首日"):
        residents.end_leave(ctx, admitted, D(2026, 11, 1))
    residents.end_leave(ctx, admitted, D(2026, 11, 6))
    d = residents.get_resident(ctx, admitted)
    assert d.status == "在住"
    assert (d.leaves[0].first_day, d.leaves[0].last_day) == (D(2026, 11, 1), D(2026, 11, 5))
    with pytest.raises(RuleViolation, match="重叠"):
        residents.start_leave(ctx, admitted, D(2026, 11, 5), "重叠的请假")
    assert [s.status for s in d.statuses] == ["在住", "请假", "在住"]


def test_leave_before_admission_refused(ctx, centre_ready, admitted):
    with pytest.raises(RuleViolation, match="早于本次入住日期"):
        residents.start_leave(ctx, admitted, D(2026, 1, 9), "回家")


def test_dates_in_order_and_not_in_future(app, ctx, centre_ready, admitted):
    before = counts(app)
    with pytest.raises(RuleViolation, match="晚于今天"):
        residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 11, 26), centre_ready["A102-1"])
    with pytest.raises(RuleViolation, match="早于出生日期"):
        residents.register_resident(ctx, person(name="李四", seq=25), D(1939, 1, 1), centre_ready["A102-1"])
    with pytest.raises(RuleViolation, match="早于入住"):
        residents.discharge(ctx, admitted, D(2026, 1, 9), "写错日期")
    with pytest.raises(RuleViolation, match="晚于今天"):
        residents.discharge(ctx, admitted, D(2026, 12, 1), "未来")
    assert counts(app) == before


def test_discharge_keeps_records_and_closes_leave(ctx, centre_ready, admitted):
    residents.start_leave(ctx, admitted, D(2026, 10, 1), "住院")
    residents.discharge(ctx, admitted, D(2026, 10, 20), "病情加重转院")
    d = residents.get_resident(ctx, admitted)
    assert d.status == "退住"
    assert d.leaves[0].last_day == D(2026, 10, 20)
    assert (d.stays[0].end, d.stays[0].end_reason) == (D(2026, 10, 20), "退住")
    assert d.beds[0].end == D(2026, 10, 20)
    # nothing deleted: still listed, with no bed
    row = residents.list_residents(ctx)[0]
    assert (row.status, row.bed_code) == ("退住", "")
    assert [r.id for r in residents.list_residents(ctx, include_left=False)] == []
    with pytest.raises(RuleViolation, match="不能再办理"):
        residents.discharge(ctx, admitted, D(2026, 10, 21), "again")


def test_death(ctx, centre_ready, admitted):
    residents.discharge(ctx, admitted, D(2026, 9, 3), "因病去世", deceased=True)
    d = residents.get_resident(ctx, admitted)
    assert d.status == "去世" and d.stays[0].end_reason == "去世"
    with pytest.raises(RuleViolation, match="只有已退住的老人才能再次入住"):
        residents.readmit(ctx, admitted, D(2026, 10, 1), centre_ready["A101-1"])


def test_no_overlapping_stays_on_readmission(ctx, centre_ready, admitted):
    residents.discharge(ctx, admitted, D(2026, 6, 30), "回家")
    with pytest.raises(RuleViolation, match="重叠"):
        residents.readmit(ctx, admitted, D(2026, 6, 30), centre_ready["A101-2"])
    residents.readmit(ctx, admitted, D(2026, 8, 1), centre_ready["A101-2"])
    d = residents.get_resident(ctx, admitted)
    assert [(s.start, s.end) for s in d.stays] == [(D(2026, 1, 10), D(2026, 6, 30)), (D(2026, 8, 1), None)]
    assert d.status == "在住"


def test_update_checks_id_uniqueness_and_keeps_contacts_whole(app, ctx, centre_ready, admitted):
    residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 2, 1), centre_ready["A102-1"])
    before = counts(app)
    with pytest.raises(RuleViolation, match="已登记"):
        residents.update_resident(ctx, admitted, person(name="张三", seq=25, contacts=(agent(),)))
    with pytest.raises(RuleViolation, match="代理人只能有一位"):
        residents.update_resident(ctx, admitted, person(contacts=(agent(), agent("李明"))))
    assert counts(app) == before
    assert residents.get_resident(ctx, admitted).agent.name == "张小三"
    residents.update_resident(ctx, admitted, person(name="张叁", phone="023-67891234", contacts=(agent("王芳", "女儿"),)))
    d = residents.get_resident(ctx, admitted)
    assert (d.name, d.phone, d.agent.name, d.agent.relationship) == ("张叁", "023-67891234", "王芳", "女儿")


def test_inactive_bed_refused(ctx, centre_ready):
    centre.update_bed(ctx, centre_ready["A102-1"], "普通", active=False)
    with pytest.raises(RuleViolation, match="已停用"):
        residents.register_resident(ctx, person(), D(2026, 2, 1), centre_ready["A102-1"])
