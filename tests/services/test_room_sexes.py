"""Men and women in one room (issue 12, behaviour 6): admissions, readmissions
and bed moves are refused unless a confirmed couple may share the room (the
override is audited); the bed picker shows occupants' sex and the bed price."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import BedAssignment, Resident, Setting
from eldercare_desktop.db.tables import audit_log
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.services import payments, residents
from tests.conftest import person
from tests.services import billing_fixtures as bf

D = dt.date
WOMAN = dict(name="李芳", birth=D(1942, 6, 1), seq=24)  # even sequence: female
MAN2 = dict(name="王五", birth=D(1938, 2, 2), seq=35)


def count(app, model) -> int:
    with app.read_factory() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def last_audit(app, action: str) -> dict:
    with app.read_factory() as s:
        row = s.execute(select(audit_log.c.after).where(audit_log.c.action == action)
                        .order_by(audit_log.c.seq.desc())).first()
    return json.loads(row[0])


def test_woman_into_a_mans_room_is_refused_and_nothing_saved(app, ctx, centre_ready, admitted):
    before = count(app, Resident), count(app, BedAssignment)
    with pytest.raises(RuleViolation) as e:
        residents.register_resident(ctx, person(**WOMAN), D(2026, 2, 1), centre_ready["A101-2"])
    assert e.value.problems[0].field == "bed"
    assert "男女不能同住一室" in e.value.message and "张三" in e.value.message and "夫妻同住" in e.value.message
    assert (count(app, Resident), count(app, BedAssignment)) == before
    # a man may share, a woman may take the single room
    residents.register_resident(ctx, person(**MAN2), D(2026, 2, 1), centre_ready["A101-2"])
    residents.register_resident(ctx, person(**WOMAN), D(2026, 2, 1), centre_ready["A102-1"])


def test_couple_override_is_audited(app, ctx, centre_ready, admitted):
    ch = residents.register_resident(ctx, person(**WOMAN), D(2026, 2, 1), centre_ready["A101-2"], couple=True)
    after = last_audit(app, "登记入住")
    assert after["mixed_room_override"]["reason"] == "夫妻同住"
    assert after["mixed_room_override"]["with"][0][1] == "张三"
    assert ch.ids


def test_setting_can_forbid_couples(app, ctx, centre_ready, admitted):
    with app.write_factory.begin() as s:
        s.add(Setting(key=residents.MIXED_COUPLES_KEY, value="0"))
    with pytest.raises(RuleViolation) as e:
        residents.register_resident(ctx, person(**WOMAN), D(2026, 2, 1), centre_ready["A101-2"], couple=True)
    assert "不允许男女同住一室" in e.value.message


def test_moves_and_readmission_are_checked(app, ctx, centre_ready, admitted):
    woman = residents.register_resident(ctx, person(**WOMAN), D(2026, 2, 1), centre_ready["A102-1"]).ids[0]
    with pytest.raises(RuleViolation) as e:
        residents.move_bed(ctx, woman, centre_ready["A101-2"], D(2026, 3, 1))
    assert "男女不能同住一室" in e.value.message
    residents.move_bed(ctx, woman, centre_ready["A101-2"], D(2026, 3, 1), "夫妻同住", couple=True)
    assert last_audit(app, "调床")["mixed_room_override"]["room"] == "A101"
    # a man moving within his own room: only he is there with his wife, who is allowed
    residents.discharge(ctx, woman, D(2026, 4, 1), "回家")
    # after she left, the bed is free but he lives there; readmission needs the confirmation again
    with pytest.raises(RuleViolation):
        residents.readmit(ctx, woman, D(2026, 5, 1), centre_ready["A101-2"])
    residents.readmit(ctx, woman, D(2026, 5, 1), centre_ready["A101-2"], couple=True)
    assert "mixed_room_override" in last_audit(app, "再次入住")


def test_a_past_roommate_does_not_count(app, ctx, centre_ready, admitted):
    residents.discharge(ctx, admitted, D(2026, 1, 31), "回家")
    residents.register_resident(ctx, person(**WOMAN), D(2026, 2, 1), centre_ready["A101-2"])


def test_bed_choices_show_roommates_sex_and_price(app, ctx, centre_ready, admitted):
    bf.fee_items(app)  # 护理型床位 ¥2,400.00/月; no price for 普通
    choices = {c.code: c for c in residents.bed_choices(ctx)}
    assert set(choices) == {"A101-2", "A102-1"}
    a = choices["A101-2"]
    assert [(m.name, m.gender) for m in a.roommates] == [("张三", "男")]
    assert a.monthly_fen == 240000 and a.mixes("女") and not a.mixes("男")
    assert choices["A102-1"].roommates == () and choices["A102-1"].monthly_fen is None


def test_money_summary_and_cash_desk_reads(app, ctx, centre_ready, admitted):
    bf.fee_items(app)
    cid = bf.make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001", deposit=500000)
    m = residents.money_summary(ctx, admitted)
    assert (m.contract_id, m.contract_number, m.contract_start, m.contract_end, m.contract_current) == \
        (cid, "HT2026-0001", D(2026, 1, 10), D(2027, 12, 31), True)
    assert m.balance_fen == 0 and m.deposit_fen == 0
    from eldercare_desktop.services import billing

    billing.run_billing(ctx, "2026-10")
    payments.record_payment(ctx, admitted, D(2026, 11, 20), "现金", 100000, "张小三")
    m = residents.money_summary(ctx, admitted)
    assert m.balance_fen == 483000 - 100000
    bills = payments.open_bills(ctx, admitted)
    assert sum(b.open_fen for b in bills) == 383000 and all(b.period for b in bills)
    hist = payments.resident_receipts(ctx, admitted)
    assert [h.amount_fen for h in hist] == [100000]
