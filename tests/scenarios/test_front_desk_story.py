"""A front desk's months, end to end through the services, with the figures
a person would check by hand."""
import datetime as dt

import pytest

from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.domain.residents import ContactInput
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit, centre, residents
from tests.conftest import person

D = dt.date


def test_a_season_at_the_front_desk(app, actors, clock):
    admin = app.as_user(actors[Role.ADMIN])
    desk = app.as_user(actors[Role.FRONT_DESK])
    auditor = app.as_user(actors[Role.AUDITOR])

    # the admin describes the centre and lays out 2 rooms, 5 beds, 2 nursing
    centre.save_centre(admin, CentreInfo("渝北区阳光社区养老服务中心", "", "非营利", "chongqing-yubei",
                                          escrow_bank="重庆农村商业银行渝北支行",
                                          escrow_account_name="渝北区阳光社区养老服务中心",
                                          escrow_account_no="0101020120010012345"))
    centre.add_room(admin, "A", 1, "101", "三人间", [("1", "普通"), ("2", "普通"), ("3", "护理型")])
    centre.add_room(admin, "A", 1, "102", "双人间", [("1", "护理型"), ("2", "普通")])
    share = centre.bed_share(admin)
    assert (share.total, share.nursing, share.meets(40), share.meets(30)) == (5, 2, True, True)
    beds = {b.code: b.bed_id for r in centre.bed_map(admin) for b in r.beds}

    # front desk admits three residents in March
    clock.day = D(2026, 3, 31)
    son = ContactInput("王强", "儿子", "13912345678", True)
    wang = residents.register_resident(desk, person("王秀英", D(1938, 5, 1), 24, contacts=(son,)), D(2026, 3, 1), beds["A101-1"]).ids[0]
    # (everyone here is a woman: rooms are single-sex unless a couple shares one)
    zeng = residents.register_resident(desk, person("曾广福", D(1945, 8, 8), 32), D(2026, 3, 5), beds["A101-3"]).ids[0]
    liu = residents.register_resident(desk, person("刘桂兰", D(1950, 1, 20), 42), D(2026, 3, 20), beds["A102-1"]).ids[0]

    # 曾广福 needs a quieter room: moves on 4-10; 王 goes home for Qingming
    clock.day = D(2026, 4, 30)
    residents.move_bed(desk, zeng, beds["A102-2"], D(2026, 4, 10), "家属要求")
    residents.start_leave(desk, wang, D(2026, 4, 3), "清明回家", D(2026, 4, 7))
    residents.end_leave(desk, wang, D(2026, 4, 8))
    # the freed bed takes a new resident the same day it was freed
    new = residents.register_resident(desk, person("单玉珍", D(1942, 2, 2), 46), D(2026, 4, 10), beds["A101-3"]).ids[0]

    # 刘桂兰 dies in May; her bed is free from the next day
    clock.day = D(2026, 5, 31)
    residents.discharge(desk, liu, D(2026, 5, 12), "医院病故", deceased=True)
    bed_map = {b.code: b for r in centre.bed_map(desk, on=D(2026, 5, 13)) for b in r.beds}
    assert bed_map["A102-1"].occupant_id is None
    assert centre.bed_map(desk, on=D(2026, 5, 12))[1].beds[0].occupant_name == "刘桂兰"

    # searching the register: 'zgf' finds 曾广福 by initials (曾 read zeng)
    rows = residents.list_residents(desk)
    by_initials = {r.name_initials: r.name for r in rows}
    assert by_initials["zgf"] == "曾广福" and by_initials["syz"] == "单玉珍"
    assert {r.name: r.status for r in rows} == {"王秀英": "在住", "曾广福": "在住", "刘桂兰": "去世", "单玉珍": "在住"}
    assert {r.name: r.bed_code for r in rows}["曾广福"] == "A102-2"

    w = residents.get_resident(desk, wang)
    assert [(x.first_day, x.last_day) for x in w.leaves] == [(D(2026, 4, 3), D(2026, 4, 7))]

    # the auditor reads everything and changes nothing
    assert len(residents.list_residents(auditor)) == 4
    with pytest.raises(PermissionDenied):
        residents.start_leave(auditor, new, D(2026, 5, 20), "x")
    # a bed taken twice is refused, nothing saved
    with pytest.raises(RuleViolation, match="同一床位"):
        residents.register_resident(desk, person("赵六", D(1944, 4, 4), 51), D(2026, 5, 20), beds["A101-1"])
    assert len(residents.list_residents(desk)) == 4
    # and every one of these writes is in an intact audit chain
    checked, broken = audit.verify(app)
    assert broken is None and checked >= 15
