import datetime as dt

import pytest
from sqlalchemy import func, select

from eldercare_desktop.db.models import Assessment, AuditLog, CareLevelChange
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.services import assessments as svc
from eldercare_desktop.services import residents
from eldercare_desktop.services.assessments import AssessmentInput
from tests.conftest import agent, person

D = dt.date
GB = svc.instrument("GB/T 42195-2022")
CODES = [i.code for i in GB.items]
FULL = [4] * 8 + [4, 4, 4, 3] + [4] * 6 + [1, 1, 2] + [2, 2, 4, 3, 4]  # 90 → grade 0


def form(rid, scores=None, **kw):
    base = dict(resident_id=rid, base_date=D(2026, 1, 12), reason="首次评估", assessor1="李评估",
                assessor2="王评估", informant_name="张小三", informant_relation="儿子",
                scores=scores if isinstance(scores, dict) else dict(zip(CODES, scores or FULL)))
    base.update(kw)
    return AssessmentInput(**base)


def counts(app):
    with app.read_factory() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (Assessment, CareLevelChange, AuditLog))


def test_first_assessment_sets_care_level(ctx, admitted):
    ch = svc.save_assessment(ctx, form(admitted))
    d = svc.get_detail(ctx, ch.ids[0])
    assert (d.number, d.total, d.final_grade, d.grade_name, d.care_level) == ("PG2026-0001", 90, 0, "能力完好", "自理")
    assert svc.current_care_level(ctx, admitted) == "自理"
    assert [c.status for c in svc.care_level_changes(ctx, admitted)] == ["已生效"]


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"scores": {**dict(zip(CODES, FULL)), "B.1.1": 7}}, "item:B.1.1", "得分7无效"),
        ({"scores": {c: s for c, s in zip(CODES, FULL) if c != "B.3.4"}}, "item:B.3.4", "“记忆”未评分"),
        ({"assessor2": ""}, "assessors", "两名评估员"),
        ({"assessor2": "李评估"}, "assessors", "不能是同一人"),
        ({"base_date": D(2026, 11, 26)}, "base_date", "晚于今天"),
        ({"informant_name": " "}, "informant", "信息提供者"),
        ({"reason": "随便"}, "reason", "评估原因"),
        ({"diagnoses": ("老年痴呆",)}, "diagnoses", "ICD-10"),
    ],
)
def test_invalid_input_refused_nothing_saved(app, ctx, admitted, change, field, message):
    before = counts(app)
    with pytest.raises(RuleViolation, match=message) as e:
        svc.save_assessment(ctx, form(admitted, **change))
    assert field in e.value.fields()
    assert counts(app) == before


def test_change_of_level_waits_for_consent(app, ctx, clock, admitted):
    svc.save_assessment(ctx, form(admitted))
    # six months later: dementia diagnosed, total 89 → grade 1 → +1 → 2
    scores = list(FULL)
    scores[0] = 3
    ch = svc.save_assessment(ctx, form(admitted, scores=scores, base_date=D(2026, 7, 10), reason="常规评估",
                                       diagnoses=("F01.1",)))
    assert "须经老人或代理人同意" in ch.message
    d = svc.get_detail(ctx, ch.ids[0])
    assert (d.preliminary_grade, d.final_grade, d.care_level) == (1, 2, "介护二级")
    assert d.adjustments and "F01.1" in d.adjustments[0]
    assert svc.current_care_level(ctx, admitted) == "自理"  # not before consent
    pending = svc.care_level_changes(ctx, pending_only=True)
    assert [(p.old_level, p.new_level) for p in pending] == [("自理", "介护二级")]
    with pytest.raises(RuleViolation, match="早于评估日期"):
        svc.record_consent(ctx, pending[0].id, "张小三", "代理人（儿子）", D(2026, 7, 9))
    svc.record_consent(ctx, pending[0].id, "张小三", "代理人（儿子）", D(2026, 7, 15))
    assert svc.current_care_level(ctx, admitted, on=D(2026, 7, 14)) == "自理"
    assert svc.current_care_level(ctx, admitted, on=D(2026, 7, 15)) == "介护二级"
    with pytest.raises(RuleViolation, match="已生效"):
        svc.record_consent(ctx, pending[0].id, "张小三", "儿子", D(2026, 7, 16))


def test_declined_change_keeps_the_level(ctx, admitted):
    svc.save_assessment(ctx, form(admitted))
    scores = [0] * 26
    svc.save_assessment(ctx, form(admitted, scores=scores, base_date=D(2026, 8, 1), reason="即时评估"))
    pending = svc.care_level_changes(ctx, pending_only=True)[0]
    svc.record_consent(ctx, pending.id, "张三", "本人", D(2026, 8, 2), agreed=False, note="申请复评")
    assert svc.current_care_level(ctx, admitted) == "自理"


def test_correction_supersedes_never_edits(app, ctx, admitted):
    first = svc.save_assessment(ctx, form(admitted)).ids[0]
    scores = list(FULL)
    scores[5] = 2  # the 小便控制 score was wrong: 88
    fix = svc.save_assessment(ctx, form(admitted, scores=scores, reason="其他", notes="更正小便控制得分",
                                        supersedes_id=first)).ids[0]
    hist = svc.history(ctx, admitted)
    assert [(h.id, h.total, h.superseded_by_id, h.supersedes_id) for h in hist] == [
        (first, 90, fix, None), (fix, 88, None, first)]
    assert svc.get_detail(ctx, first).total == 90  # the original is untouched
    with pytest.raises(RuleViolation, match="已被更正过"):
        svc.save_assessment(ctx, form(admitted, supersedes_id=first))


def test_discharged_resident_cannot_be_assessed(ctx, admitted):
    residents.discharge(ctx, admitted, D(2026, 3, 1), "回家")
    with pytest.raises(RuleViolation, match="不能再做评估"):
        svc.save_assessment(ctx, form(admitted))


def test_due_lists(ctx, clock, centre_ready, admitted):
    other = residents.register_resident(ctx, person("李四", seq=25), D(2026, 11, 1), centre_ready["A102-1"]).ids[0]
    svc.save_assessment(ctx, form(admitted, base_date=D(2026, 5, 31)))  # due 2026-11-30
    rows = {r.resident_name: r for r in svc.due_list(ctx)}
    assert (rows["张三"].state, rows["张三"].due_date, rows["张三"].days_left) == ("即将到期", D(2026, 11, 30), 5)
    assert (rows["李四"].state, rows["李四"].reason) == ("已逾期", "从未评估")
    clock.day = D(2026, 12, 1)
    assert {r.resident_name: r.state for r in svc.due_list(ctx)} == {"张三": "已逾期", "李四": "已逾期"}
    svc.request_immediate(ctx, other, D(2026, 12, 1), "跌倒后行动不便")
    svc.save_assessment(ctx, form(other, base_date=D(2026, 12, 1), reason="即时评估"))
    assert [r.resident_name for r in svc.due_list(ctx)] == ["张三"]


def test_settings_and_mapping(ctx, admitted):
    with pytest.raises(RuleViolation, match="指定照护等级"):
        svc.save_settings(ctx, "MZ/T 039-2013", 6, {0: "自理", 1: "介护一级"})
    svc.save_settings(ctx, "MZ/T 039-2013", 3, {0: "自理", 1: "半护理", 2: "全护理", 3: "特护"})
    st = svc.get_settings(ctx)
    assert (st.instrument_code, st.interval_months, st.care_levels[1]) == ("MZ/T 039-2013", 3, "半护理")
    # the new instrument is used for new assessments; old ones keep theirs
    mz = svc.instrument("MZ/T 039-2013")
    scores = {i.code: (i.max if i.higher_is_better else 0) for i in mz.items}
    a = svc.save_assessment(ctx, form(admitted, scores=scores)).ids[0]
    assert svc.get_detail(ctx, a).instrument_code == "MZ/T 039-2013"


def test_resident_detail_shows_care_level(ctx, admitted):
    assert residents.get_resident(ctx, admitted).care_level == ""
    svc.save_assessment(ctx, form(admitted))
    svc.save_assessment(ctx, form(admitted, scores=[0] * 26, base_date=D(2026, 8, 1), reason="即时评估"))
    d = residents.get_resident(ctx, admitted)
    assert (d.care_level, d.pending_care_level) == ("自理", "特级护理")
    assert d.last_assessment == "PG2026-0002（2026-08-01，特级护理）"


def test_new_assessment_or_discharge_withdraws_a_pending_change(ctx, admitted):
    svc.save_assessment(ctx, form(admitted))  # 自理
    svc.save_assessment(ctx, form(admitted, scores=[0] * 26, base_date=D(2026, 8, 1), reason="即时评估"))  # → 特级护理
    first = svc.care_level_changes(ctx, pending_only=True)[0]
    scores = list(FULL)
    scores[0] = 3  # 89 → 介护一级
    svc.save_assessment(ctx, form(admitted, scores=scores, base_date=D(2026, 8, 5), reason="复评"))
    changes = {c.id: c for c in svc.care_level_changes(ctx, admitted)}
    assert changes[first.id].status == "已撤销" and "取代" in changes[first.id].note
    with pytest.raises(RuleViolation, match="已撤销"):
        svc.record_consent(ctx, first.id, "张小三", "儿子", D(2026, 8, 6))
    pending = svc.care_level_changes(ctx, pending_only=True)
    assert [(p.old_level, p.new_level) for p in pending] == [("自理", "介护一级")]
    residents.discharge(ctx, admitted, D(2026, 9, 1), "回家")
    assert svc.care_level_changes(ctx, pending_only=True) == []


def test_disability_categories_follow_the_grade(ctx, admitted):
    residents.update_resident(ctx, admitted, person(categories=("高龄", "失能"), contacts=(agent(),)))
    svc.save_assessment(ctx, form(admitted))  # 90 → grade 0: neither 失能 nor 半失能
    assert residents.get_resident(ctx, admitted).categories == ("高龄",)
    # typing 失能 in the form does not override the assessment
    residents.update_resident(ctx, admitted, person(categories=("高龄", "失能"), contacts=(agent(),)))
    assert residents.get_resident(ctx, admitted).categories == ("高龄",)
    svc.save_assessment(ctx, form(admitted, scores=[1] * 26, base_date=D(2026, 8, 1), reason="即时评估"))  # 26 → 4
    assert residents.get_resident(ctx, admitted).categories == ("高龄", "失能")
