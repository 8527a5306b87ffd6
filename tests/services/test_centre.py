import datetime as dt

import pytest

from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.records import CentreInfo
from eldercare_desktop.services import centre, residents
from tests.conftest import person

GOOD = CentreInfo("阳光社区养老服务中心", "91110000600037341L", "非营利", "kunming-guandu",
                  escrow_bank="中国工商银行昆明官渡支行", escrow_account_name="阳光社区养老服务中心",
                  escrow_account_no="2502 0123 4567 8901 234")


def test_save_and_read_centre(ctx):
    centre.save_centre(ctx, GOOD)
    c = centre.get_centre(ctx)
    assert c.escrow_account_no == "25020123456789012 34".replace(" ", "")
    assert c.credit_code == "91110000600037341L"


@pytest.mark.parametrize(
    "change, field",
    [
        ({"name": " "}, "name"),
        ({"credit_code": "91110000600037341A"}, "credit_code"),
        ({"kind": "外资"}, "kind"),
        ({"policy_profile": "mars"}, "policy_profile"),
        ({"escrow_account_no": "12AB"}, "escrow_account_no"),
        ({"escrow_bank": ""}, "escrow_bank"),
        ({"approved_beds": -1}, "approved_beds"),
    ],
)
def test_bad_centre_refused_and_nothing_saved(ctx, change, field):
    import dataclasses

    with pytest.raises(RuleViolation) as e:
        centre.save_centre(ctx, dataclasses.replace(GOOD, **change))
    assert field in e.value.fields()
    assert centre.get_centre(ctx) is None


def test_profiles_are_data():
    codes = {p.code for p in centre.profile_infos()}
    assert {"national", "chongqing-yubei", "kunming-guandu", "bayannur"} <= codes
    assert centre.get_profile("kunming-guandu").nursing_bed_target_percent == 40
    assert centre.get_profile("chongqing-yubei").deposit_refund_days == 10


def test_rooms_beds_and_nursing_share(ctx, centre_ready):
    share = centre.bed_share(ctx)
    assert (share.total, share.nursing) == (3, 1)
    assert not share.meets(40) and share.meets(30)
    with pytest.raises(RuleViolation, match="已存在"):
        centre.add_room(ctx, "A", 1, "101", "单人间", [("1", "普通")])
    with pytest.raises(RuleViolation, match="床位号不能重复"):
        centre.add_room(ctx, "A", 2, "201", "双人间", [("1", "普通"), ("1", "护理型")])
    with pytest.raises(RuleViolation, match="普通"):
        centre.add_room(ctx, "A", 2, "201", "双人间", [("1", "豪华")])
    centre.add_bed(ctx, 2, "2", "护理型")
    assert (centre.bed_share(ctx).total, centre.bed_share(ctx).nursing) == (4, 2)


def test_occupied_bed_or_room_cannot_be_deactivated(ctx, centre_ready):
    residents.register_resident(ctx, person(), dt.date(2026, 1, 10), centre_ready["A102-1"])
    with pytest.raises(RuleViolation, match="不能停用"):
        centre.update_bed(ctx, centre_ready["A102-1"], "普通", False)
    with pytest.raises(RuleViolation, match="不能停用"):
        centre.set_room_active(ctx, 2, False)
    centre.set_room_active(ctx, 1, False)
    assert [r.number for r in centre.bed_map(ctx)] == ["102"]


def test_bed_map_shows_who_is_where(ctx, centre_ready):
    rid = residents.register_resident(ctx, person(), dt.date(2026, 1, 10), centre_ready["A101-2"]).ids[0]
    residents.start_leave(ctx, rid, dt.date(2026, 11, 20), "探亲")
    beds = {b.code: b for r in centre.bed_map(ctx) for b in r.beds}
    assert (beds["A101-2"].occupant_name, beds["A101-2"].occupant_status) == ("张三", "请假")
    assert beds["A101-1"].occupant_id is None
    assert [b.code for b in centre.free_beds(ctx)] == ["A101-1", "A102-1"]
    # before admission the bed was free
    assert centre.bed_map(ctx, on=dt.date(2026, 1, 9))[0].beds[1].occupant_id is None
