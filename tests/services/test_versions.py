"""Optimistic locking (services.versions): a record read by one screen and
changed by another PC (here: a second App on the same database) is not
overwritten — the save is refused with 「该记录已被他人修改，请刷新后再试」,
nothing of it is saved, and a save from the fresh version goes through.
Runs on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, ContractTerm
from eldercare_desktop.domain.contract_records import AmendmentInput
from eldercare_desktop.domain.errors import STALE_MESSAGE, StaleRecord
from eldercare_desktop.services import assessments, centre, contracts, fees, residents, users
from eldercare_desktop.services.context import App
from tests.conftest import PASSWORD
from tests.services.test_contracts import assess, contract_input, schedule  # noqa: F401  (fixture)

D = dt.date


@pytest.fixture
def other_pc(app, admin):
    """The same database opened by a second App, logged in as the admin."""
    other = App.open(app.url, today=app.today, now=app.now)
    yield other.as_user(users.login(other, "admin", PASSWORD))
    other.close()


def _audit_rows(app) -> int:
    with app.read_factory() as s:
        return s.execute(select(func.count()).select_from(AuditLog)).scalar_one()


def _refused(app, call, what: str) -> None:
    before = _audit_rows(app)
    with pytest.raises(StaleRecord) as err:
        call()
    assert err.value.message == f"{what}：{STALE_MESSAGE}"
    assert _audit_rows(app) == before  # nothing saved, not even a partial row


def test_a_resident_saved_on_another_pc_is_not_overwritten(app, ctx, admitted, other_pc):
    form = residents.get_resident(ctx, admitted)  # this PC opens the form
    assert form.version == 1
    mine = residents.get_resident(other_pc, admitted)
    residents.update_resident(other_pc, admitted, dataclasses.replace(_input(mine), phone="13911112222"),
                              expected_version=mine.version)
    _refused(app, lambda: residents.update_resident(ctx, admitted, dataclasses.replace(_input(form), notes="糖尿病"),
                                                    expected_version=form.version), "住户“张三”")
    now = residents.get_resident(ctx, admitted)
    assert (now.phone, now.notes, now.version) == ("13911112222", "", 2)  # the other PC's save stands
    residents.update_resident(ctx, admitted, dataclasses.replace(_input(now), notes="糖尿病"),
                              expected_version=now.version)  # after reloading: saved
    assert residents.get_resident(ctx, admitted).version == 3


def _input(d):
    from eldercare_desktop.domain.residents import ContactInput, ResidentInput

    return ResidentInput(name=d.name, id_number=d.id_number, phone=d.phone, address=d.address, notes=d.notes,
                         categories=d.categories,
                         contacts=tuple(ContactInput(c.name, c.relationship, c.phone, c.is_agent, c.address)
                                        for c in d.contacts))


def test_rooms_and_beds_carry_versions(app, ctx, centre_ready, other_pc):
    room = next(r for r in centre.bed_map(ctx) if r.number == "101")
    bed = room.beds[0]
    centre.update_bed(other_pc, bed.bed_id, "护理型", True, expected_version=bed.version)
    _refused(app, lambda: centre.update_bed(ctx, bed.bed_id, "普通", False, expected_version=bed.version), "床位")
    centre.update_room(other_pc, room.room_id, "A", 1, "101", "双人间", "朝南", expected_version=room.version)
    _refused(app, lambda: centre.set_room_active(ctx, room.room_id, False, expected_version=room.version),
             "房间101")
    fresh = next(r for r in centre.bed_map(ctx) if r.number == "101")
    assert (fresh.version, fresh.notes, fresh.beds[0].bed_type, fresh.beds[0].version) == (2, "朝南", "护理型", 2)


def test_a_contract_amended_on_another_pc_refuses_a_form_filled_before(app, ctx, admitted, schedule, other_pc):
    assess(ctx, admitted)
    cid = contracts.sign_contract(ctx, contract_input(admitted)).ids[0]
    form = contracts.get_contract(ctx, cid)
    contracts.amend_contract(other_pc, AmendmentInput(cid, D(2026, 6, 1), "调价", "床位费调整", bed_fee_fen=250000,
                                                      expected_version=form.version))
    _refused(app, lambda: contracts.amend_contract(ctx, AmendmentInput(
        cid, D(2026, 7, 1), "调价", "床位费调整", bed_fee_fen=260000, expected_version=form.version)),
             f"合同{form.number}")
    with app.read_factory() as s:
        fees_by_day = [(t.effective_date, t.bed_fee_fen) for t in
                       s.execute(select(ContractTerm).where(ContractTerm.contract_id == cid)
                                 .order_by(ContractTerm.effective_date)).scalars()]
    assert fees_by_day[-1] == (D(2026, 6, 1), 250000) and len(fees_by_day) == 2  # signing + the other PC's


def test_fee_items_users_and_the_centre(app, ctx, centre_ready, schedule, other_pc):
    row = next(r for r in fees.schedule_on(ctx, D(2026, 1, 1)) if r.kind == "bed")
    fees.set_price(other_pc, row.item_id, D(2027, 3, 1), 250000, D(2026, 11, 25), "物价上涨",
                   expected_version=row.version)
    _refused(app, lambda: fees.rename_item(ctx, row.item_id, "普通床位（朝南）", expected_version=row.version),
             f"收费项目“{row.name}”")

    users.create_user(other_pc, "kuaiji", "accountant", PASSWORD, "会计")
    kuaiji = next(u for u in users.list_users(ctx) if u.username == "kuaiji")
    users.update_user(other_pc, kuaiji.id, "auditor", True, "会计", expected_version=kuaiji.version)
    _refused(app, lambda: users.update_user(ctx, kuaiji.id, "accountant", False, "会计",
                                            expected_version=kuaiji.version), "用户kuaiji")
    assert next(u for u in users.list_users(ctx) if u.username == "kuaiji").role == "auditor"  # the other PC's

    info = centre.get_centre(ctx)
    centre.save_centre(other_pc, dataclasses.replace(info, phone="023-66668888"))
    _refused(app, lambda: centre.save_centre(ctx, dataclasses.replace(info, address="渝北区")), "机构信息")
    assert centre.get_centre(ctx).phone == "023-66668888"


def test_settings_saved_on_another_pc_refuse_a_form_read_before(app, ctx, other_pc):
    form = assessments.get_settings(ctx)
    levels = dict(form.care_levels)
    assessments.save_settings(other_pc, form.instrument_code, 12, levels, expected_stamp=form.stamp)
    _refused(app, lambda: assessments.save_settings(ctx, form.instrument_code, 3, levels,
                                                    expected_stamp=form.stamp), "评估设置")
    fresh = assessments.get_settings(ctx)
    assert fresh.interval_months == 12 and fresh.stamp != form.stamp
    assessments.save_settings(ctx, fresh.instrument_code, 3, levels, expected_stamp=fresh.stamp)
    assert assessments.get_settings(ctx).interval_months == 3


def test_a_change_of_contacts_alone_counts_as_a_change(app, ctx, admitted, other_pc):
    """The agent lives in its own row: changing only the agent still makes a
    form read before it stale (else the old agent would come back silently)."""
    from eldercare_desktop.domain.residents import ContactInput

    form = residents.get_resident(ctx, admitted)
    mine = residents.get_resident(other_pc, admitted)
    residents.update_resident(other_pc, admitted, dataclasses.replace(
        _input(mine), contacts=(ContactInput("李四", "女儿", "13700000000", True),)), expected_version=mine.version)
    _refused(app, lambda: residents.update_resident(ctx, admitted, dataclasses.replace(_input(form), notes="高血压"),
                                                    expected_version=form.version), "住户“张三”")
    now = residents.get_resident(ctx, admitted)
    assert [c.name for c in now.contacts] == ["李四"] and now.version == 2


def test_the_billing_and_interest_modes_are_not_changed_over_another_pcs_choice(app, ctx, other_pc):
    from eldercare_desktop.services import billing, escrow

    seen = billing.mode_stamp(ctx)
    billing.set_mode(other_pc, "after", expected_stamp=billing.mode_stamp(other_pc))
    _refused(app, lambda: billing.set_mode(ctx, "advance", expected_stamp=seen), "计费方式")
    assert billing.current_mode(ctx) == "after"
    billing.set_mode(ctx, "advance", expected_stamp=billing.mode_stamp(ctx))  # after reading it again
    assert billing.current_mode(ctx) == "advance"

    seen = escrow.interest_mode_stamp(ctx)
    escrow.set_interest_mode(other_pc, "settlement_rate", expected_stamp=escrow.interest_mode_stamp(other_pc))
    _refused(app, lambda: escrow.set_interest_mode(ctx, "split", expected_stamp=seen), "押金计息方式")
    assert escrow.interest_mode(ctx) == "settlement_rate"
