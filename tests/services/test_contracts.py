"""Contracts: signing with a fee snapshot and a capped deposit, amendments,
termination with settlement (figures computed by hand in the comments)."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import AuditLog, BillLine, BillRun, Contract, ContractTerm
from eldercare_desktop.domain.contract_records import AmendmentInput, ContractInput
from eldercare_desktop.domain.errors import PermissionDenied, RuleViolation
from eldercare_desktop.domain.ledger import INCOME_BED, INCOME_CARE, INCOME_MEALS, RECEIVABLE, Entry, Line
from eldercare_desktop.domain.residents import Span
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments, contracts, fees, ledger, residents
from eldercare_desktop.services.assessments import AssessmentInput
from tests.conftest import person

D = dt.date
GB = assessments.instrument("GB/T 42195-2022")
FULL = [4] * 8 + [4, 4, 4, 3] + [4] * 6 + [1, 1, 2] + [2, 2, 4, 3, 4]  # grade 0 → 自理


def assess(ctx, rid, day=D(2026, 1, 12)):
    assessments.save_assessment(ctx, AssessmentInput(
        rid, day, "首次评估", "李评估", "王评估", "张小三", "儿子", dict(zip([i.code for i in GB.items], FULL))))


@pytest.fixture
def schedule(ctx, clock):
    """普通床位 ¥2,300.00 from 2020, ¥2,400.00 from 2026-01-01 (announced 2025-11-01);
    自理 care ¥1,500.00/月; meals ¥30.00/日."""
    clock.day = D(2025, 11, 1)
    bed = fees.create_item(ctx, "BED-O", "bed", "普通床位", "月", "普通").ids[0]
    fees.set_price(ctx, bed, D(2020, 1, 1), 230000, None, "建账")
    fees.set_price(ctx, bed, D(2026, 1, 1), 240000, D(2025, 11, 1), "成本上涨")
    care = fees.create_item(ctx, "CARE-0", "care", "自理照护", "月", "自理").ids[0]
    fees.set_price(ctx, care, D(2020, 1, 1), 150000, None, "建账")
    meals = fees.create_item(ctx, "MEALS", "meals", "伙食费", "日").ids[0]
    fees.set_price(ctx, meals, D(2020, 1, 1), 3000, None, "建账")
    clock.day = D(2026, 11, 25)
    return {"bed": bed, "care": care, "meals": meals}


def contract_input(rid, **kw):
    base = dict(resident_id=rid, start_date=D(2026, 1, 10), end_date=D(2027, 1, 9), signer_name="张小三",
                signer_relation="代理人（儿子）", deposit_fen=2880000, signed_date=D(2026, 1, 9))
    base.update(kw)
    return ContractInput(**base)


@pytest.fixture
def signed(ctx, admitted, schedule):
    assess(ctx, admitted)
    return contracts.sign_contract(ctx, contract_input(admitted)).ids[0]


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (Contract, ContractTerm, AuditLog))


def test_sign_snapshots_the_schedule_on_the_start_date(ctx, signed):
    d = contracts.get_contract(ctx, signed)
    assert d.number == "HT2026-0001" and d.status == "生效"
    t = d.signed_term
    # the 2026-01-01 price applies on 2026-01-10, not the 2020 one
    assert (t.kind, t.bed_label, t.bed_fee_fen, t.care_level, t.care_fee_fen, t.meal_rate_fen) == (
        "签订", "普通床位", 240000, "自理", 150000, 3000)
    # 2,400.00 + 1,500.00 + 30.00 × 30 = 4,800.00; cap × 6 = 28,800.00, deposit exactly at the cap
    assert d.monthly_fen == 480000 and d.deposit_cap_fen == 2880000 and d.deposit_excess_fen == 0
    assert d.agent_name == "张小三" and d.resident_id_number.startswith("500112")
    assert dict((k, v) for k, _, v in d.clauses)["dispute"].startswith("因本合同发生争议")
    assert [r.number for r in contracts.list_contracts(ctx, active_only=True)] == ["HT2026-0001"]


def test_deposit_one_fen_over_the_cap_refused_nothing_saved(app, ctx, admitted, schedule):
    assess(ctx, admitted)
    before = counts(app)
    with pytest.raises(RuleViolation, match=r"押金不得超过月服务费的6倍（上限¥28,800.00）"):
        contracts.sign_contract(ctx, contract_input(admitted, deposit_fen=2880001))
    assert counts(app) == before


def test_no_assessment_refused(app, ctx, admitted, schedule):
    before = counts(app)
    with pytest.raises(RuleViolation, match="请先完成能力评估，确定照护等级"):
        contracts.sign_contract(ctx, contract_input(admitted))
    assert counts(app) == before


def test_overlapping_contract_refused(app, ctx, signed, admitted):
    before = counts(app)
    with pytest.raises(RuleViolation, match="该住户在2026-01-10至2027-01-09已有合同HT2026-0001"):
        contracts.sign_contract(ctx, contract_input(admitted, start_date=D(2026, 6, 1), end_date=D(2027, 5, 31),
                                                    deposit_fen=0))
    assert counts(app) == before


def test_other_signing_rules(ctx, signed, admitted, centre_ready):
    with pytest.raises(RuleViolation) as e:
        contracts.sign_contract(ctx, contract_input(admitted, start_date=D(2027, 1, 10), end_date=D(2027, 1, 10),
                                                    signer_name="", bed_fee_fen=-1))
    assert {"end_date", "signer", "bed_fee_fen"} <= e.value.fields()
    with pytest.raises(RuleViolation, match="请填写协商原因"):
        contracts.sign_contract(ctx, contract_input(admitted, start_date=D(2027, 1, 10), end_date=D(2028, 1, 9),
                                                    bed_fee_fen=200000))
    # a second resident, admitted 2026-03-01: start before admission refused; 本人 must be the resident
    rid = residents.register_resident(ctx, person(name="李四", seq=25), D(2026, 3, 1), centre_ready["A102-1"]).ids[0]
    assess(ctx, rid, D(2026, 3, 2))
    with pytest.raises(RuleViolation) as e:
        contracts.sign_contract(ctx, contract_input(rid, start_date=D(2026, 2, 1), signer_relation="本人"))
    assert "不能早于本次入住日期2026-03-01" in str(e.value) and "姓名应为“李四”" in str(e.value)
    # negotiated bed fee with a reason: 2,000.00 + 1,500.00 + 900.00 = 4,400.00
    cid = contracts.sign_contract(ctx, contract_input(rid, start_date=D(2026, 3, 1), end_date=D(2027, 2, 28),
                                                      signer_name="李四", signer_relation="本人", deposit_fen=0,
                                                      bed_fee_fen=200000, fee_override_reason="老客户优惠")).ids[0]
    d = contracts.get_contract(ctx, cid)
    assert d.number == "HT2026-0002" and d.monthly_fen == 440000 and d.fee_override_reason == "老客户优惠"
    assert d.agent_name == ""  # 李四 has no agent


def test_price_change_does_not_touch_the_contract_until_amended(ctx, signed, schedule):
    fees.set_price(ctx, schedule["bed"], D(2027, 1, 1), 260000, D(2026, 11, 25), "调价")
    jan = Span(D(2027, 1, 1), D(2027, 1, 31))
    r = contracts.terms_for(ctx, signed, jan)
    # the contract ends 2027-01-09: its rates stop there
    assert [(x.span, x.fen) for x in r["bed"]] == [(Span(D(2027, 1, 1), D(2027, 1, 9)), 240000)]
    ch = contracts.amend_contract(ctx, AmendmentInput(signed, D(2027, 1, 1), "调价", "床位费调整",
                                                      bed_fee_fen=260000))
    # 2,600 + 1,500 + 900 = 5,000.00 → cap 30,000.00 ≥ deposit 28,800.00: no flag
    assert "月服务费¥5,000.00" in ch.message and "押金超过" not in ch.message
    r = contracts.terms_for(ctx, signed, jan)
    assert [x.fen for x in r["bed"]] == [260000] and [x.fen for x in r["care"]] == [150000]
    dec = contracts.terms_for(ctx, signed, Span(D(2026, 12, 1), D(2026, 12, 31)))
    assert [x.fen for x in dec["bed"]] == [240000]
    assert contracts.contract_for(ctx, 1, D(2026, 12, 31)).number == "HT2026-0001"
    assert contracts.contract_for(ctx, 1, D(2027, 1, 10)) is None


def test_amendments(app, ctx, signed):
    before = counts(app)
    with pytest.raises(RuleViolation, match="须经老人或代理人同意"):
        contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 4, 1), "照护等级变更", "复评",
                                                     care_level="介护一级", care_fee_fen=200000))
    with pytest.raises(RuleViolation, match="生效日期应在合同期限"):
        contracts.amend_contract(ctx, AmendmentInput(signed, D(2027, 2, 1), "调价", care_fee_fen=1))
    with pytest.raises(RuleViolation, match="应晚于上一次条款的生效日期2026-01-10"):
        contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 1, 10), "调价", care_fee_fen=1))
    with pytest.raises(RuleViolation, match="不能为负数"):
        contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 4, 1), "调价", care_fee_fen=-1))
    assert counts(app) == before
    ch = contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 4, 1), "照护等级变更", "复评后升级",
                                                      care_level="介护一级", care_fee_fen=200000,
                                                      consent_by="张小三", consent_date=D(2026, 3, 28)))
    # 2,400 + 2,000 + 900 = 5,300.00
    assert "月服务费¥5,300.00" in ch.message
    # a lower fee: care 1,200.00 → 2,400 + 1,200 + 900 = 4,500.00; cap 27,000.00; deposit 28,800.00 → 1,800.00 excess
    ch = contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 6, 1), "调价", "护理费下调",
                                                      care_fee_fen=120000))
    assert "押金超过新上限¥27,000.00，超出部分¥1,800.00应退还" in ch.message
    d = contracts.get_contract(ctx, signed)
    assert [t.kind for t in d.amendments] == ["照护等级变更", "调价"]
    assert d.deposit_cap_fen == 2700000 and d.deposit_excess_fen == 180000
    with app.read_factory() as s:
        a = s.execute(select(AuditLog).order_by(AuditLog.seq.desc())).scalars().first()
    assert a.action == "变更合同" and '"deposit_excess":180000' in a.after


def _bill_march(ctx, app, cid, rid):
    """Simulate a billing run: March billed in full (bed 2,400.00, care 1,500.00,
    meals 31 × 30.00 = 930.00; total 4,830.00) and posted to the receivable."""
    with app.write_factory.begin() as s:
        run = BillRun(period="2026-03", started_at=dt.datetime(2026, 4, 1), created_by="kuaiji")
        s.add(run)
        s.flush()
        for kind, label, days, rate, amount in (("bed", "床位费（普通床位）", 31, 240000, 240000),
                                                ("care", "护理费（自理）", 31, 150000, 150000),
                                                ("meals", "伙食费（膳食）", 31, 3000, 93000)):
            s.add(BillLine(run_id=run.id, period="2026-03", contract_id=cid, resident_id=rid, kind=kind, label=label,
                           start_date=D(2026, 3, 1), end_date=D(2026, 3, 31), days=days, rate_fen=rate,
                           amount_fen=amount, basis="整月"))
    ledger.post_entry(ctx, Entry(D(2026, 3, 31), "2026-03 月度计费", (
        Line(RECEIVABLE, debit=483000, resident_id=rid), Line(INCOME_BED, credit=240000),
        Line(INCOME_CARE, credit=150000), Line(INCOME_MEALS, credit=93000))))


def test_termination_on_death_refunds_the_unexpired_days(app, ctx, signed, admitted):
    _bill_march(ctx, app, signed, admitted)
    assert ledger.account_balance(ctx, RECEIVABLE, resident_id=admitted) == 483000
    ch = contracts.terminate_contract(ctx, signed, D(2026, 3, 20), "去世", "病故")
    d = contracts.get_contract(ctx, signed)
    k = {x.kind: x.refund_fen for x in d.settlement_lines}
    # bed 2,400 × 11/31 = 851.61; care 2,400.00 − round(1,500 × 20/31 = 967.742) = 532.26; meals 11 × 30.00 = 330.00
    assert k == {"bed": 85161, "care": 53226, "meals": 33000}
    assert d.settlement_total_fen == 171387 and d.status == "已终止" and d.termination_reason == "去世"
    assert "未到期费用¥1,713.87已冲减应收账款" in ch.message
    e = ledger.get_entry(ctx, d.settlement_entry_id)
    assert e.source == f"settlement:2026-03:contract:{signed}"  # posted through the billing machinery
    assert {(x.account, x.debit, x.credit) for x in e.lines} == {
        (INCOME_BED, 85161, 0), (INCOME_CARE, 53226, 0), (INCOME_MEALS, 33000, 0), (RECEIVABLE, 0, 171387)}
    # 4,830.00 − 1,713.87 = 3,116.13 still owed
    assert ledger.account_balance(ctx, RECEIVABLE, resident_id=admitted) == 311613
    assert d.refund_due_fen == 0
    assert contracts.contract_for(ctx, admitted, D(2026, 3, 21)) is None
    with pytest.raises(RuleViolation, match="已终止，不能变更"):
        contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 3, 15), "调价", care_fee_fen=1))
    with pytest.raises(RuleViolation, match="已终止"):
        contracts.terminate_contract(ctx, signed, D(2026, 3, 20), "去世")


def test_paid_resident_gets_a_credit_balance(app, ctx, signed, admitted):
    _bill_march(ctx, app, signed, admitted)
    ledger.post_entry(ctx, Entry(D(2026, 3, 5), "收3月费用", (
        Line("1001", debit=483000), Line(RECEIVABLE, credit=483000, resident_id=admitted))))
    ch = contracts.terminate_contract(ctx, signed, D(2026, 3, 20), "提前解约")
    assert "住户余额¥1,713.87应退还" in ch.message
    assert contracts.get_contract(ctx, signed).refund_due_fen == 171387


def test_front_desk_terminates_accountant_posts_the_settlement(app, ctx, actors, signed, admitted):
    _bill_march(ctx, app, signed, admitted)
    fd = app.as_user(actors[Role.FRONT_DESK])
    ch = contracts.terminate_contract(fd, signed, D(2026, 3, 20), "去世")
    assert "待会计记账" in ch.message
    d = contracts.get_contract(fd, signed)
    assert d.settlement_entry_id is None and d.settlement_total_fen == 171387
    with pytest.raises(PermissionDenied):
        contracts.post_settlement(fd, signed)
    acc = app.as_user(actors[Role.ACCOUNTANT])
    contracts.post_settlement(acc, signed)
    assert ledger.account_balance(ctx, RECEIVABLE, resident_id=admitted) == 311613
    with pytest.raises(RuleViolation, match="已结算"):
        contracts.post_settlement(acc, signed)


def test_termination_rules_and_nothing_billed(app, ctx, signed):
    with pytest.raises(RuleViolation, match="到期终止的最后服务日应为合同到期日2027-01-09"):
        contracts.terminate_contract(ctx, signed, D(2026, 5, 1), "到期")
    with pytest.raises(RuleViolation, match="不能晚于今天"):
        contracts.terminate_contract(ctx, signed, D(2026, 12, 1), "提前解约")
    with pytest.raises(RuleViolation, match="终止原因应为"):
        contracts.terminate_contract(ctx, signed, D(2026, 5, 1), "不想住了")
    ch = contracts.terminate_contract(ctx, signed, D(2026, 5, 1), "提前解约")
    d = contracts.get_contract(ctx, signed)
    assert d.settlement_total_fen == 0 and d.settlement_entry_id is None and "未到期费用" not in ch.message


def test_contract_pdf_written_and_audited(app, ctx, signed, tmp_path):
    w = contracts.contract_pdf(ctx, signed, tmp_path / "ht.pdf")
    assert w.path.read_bytes().startswith(b"%PDF") and len(w.sha256) == 64


def test_price_change_amends_the_contracts_it_affects(app, ctx, signed, schedule, clock):
    # the meals rate rises from ¥30.00 to ¥32.00 on 2027-01-01, announced 2026-11-25 (37 days ahead)
    fees.set_price(ctx, schedule["meals"], D(2027, 1, 1), 3200, D(2026, 11, 25), "食材价格上涨")
    with app.read_factory() as s:
        from eldercare_desktop.db.models import FeePrice
        pid = s.execute(select(FeePrice.id).where(FeePrice.amount_fen == 3200)).scalar_one()
    ch = contracts.apply_price_change(ctx, pid)
    assert ch.ids == (signed,)
    d = contracts.get_contract(ctx, signed)
    t = d.terms[-1]
    assert (t.kind, t.effective_date, t.meal_rate_fen, t.bed_fee_fen) == ("调价", D(2027, 1, 1), 3200, 240000)
    # monthly service fee from then on: 2,400 + 1,500 + 32 × 30 = 4,860.00
    assert t.monthly_fen == 486000
    assert contracts.apply_price_change(ctx, pid).ids == ()  # applied once
