"""Scoring with hand-computed forms at every cut-off of both instruments."""
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eldercare_desktop.domain.assessment import ScoreInput, icd_in_range, parse_instrument, score
from eldercare_desktop.domain.errors import RuleViolation

RES = Path(__file__).resolve().parents[2] / "resources" / "instruments"
GB = parse_instrument((RES / "gbt42195-2022.toml").read_text(encoding="utf-8"))
MZ = parse_instrument((RES / "mzt039-2013.toml").read_text(encoding="utf-8"))
GB_CODES = [i.code for i in GB.items]
MZ_CODES = [i.code for i in MZ.items]


def gb(b1, b2, b3, b4, **kw):
    scores = dict(zip(GB_CODES, [*b1, *b2, *b3, *b4], strict=True))
    return score(GB, ScoreInput(scores, **kw))


FULL = ([4] * 8, [4, 4, 4, 3], [4] * 6 + [1, 1, 2], [2, 2, 4, 3, 4])  # 32+15+28+15 = 90


def test_instrument_shape():
    assert len(GB.items) == 26 and GB.max_total == 90
    assert [s.max_total for s in GB.sections] == [32, 15, 28, 15]
    assert GB.item("B.2.4").max == 3 and GB.item("B.3.9").max == 2 and GB.item("B.4.1").max == 2
    assert len(MZ.items) == 10 + 3 + 4 + 5
    assert MZ.sections[0].max_total == 100


@pytest.mark.parametrize(
    "form, totals, total, grade",
    [
        (FULL, [32, 15, 28, 15], 90, 0),
        (([3] + [4] * 7, *FULL[1:]), [31, 15, 28, 15], 89, 1),
        (([2] * 8, [4, 4, 4, 3], [4] * 6 + [1, 1, 2], [2, 2, 0, 3, 0]), [16, 15, 28, 7], 66, 1),
        (([2] * 8, [4, 4, 4, 3], [4] * 6 + [1, 1, 2], [2, 2, 0, 2, 0]), [16, 15, 28, 6], 65, 2),
        (([2] * 8, [1, 1, 1, 0], [3] * 6 + [1, 1, 2], [1, 1, 1, 1, 1]), [16, 3, 22, 5], 46, 2),
        (([2] * 8, [1, 1, 1, 0], [3] * 6 + [1, 1, 2], [1, 1, 1, 1, 0]), [16, 3, 22, 4], 45, 3),
        (([1] * 8, [1, 1, 1, 1], [2] * 6 + [1, 1, 1], [1, 1, 1, 0, 0]), [8, 4, 15, 3], 30, 3),
        (([1] * 8, [1, 1, 1, 1], [2] * 6 + [1, 1, 1], [1, 1, 0, 0, 0]), [8, 4, 15, 2], 29, 4),
        (([0] * 8, [0] * 4, [0] * 9, [0] * 5), [0, 0, 0, 0], 0, 4),
    ],
)
def test_gb_cut_offs(form, totals, total, grade):
    r = gb(*form)
    assert [s.total for s in r.sections] == totals
    assert (r.total, r.preliminary_grade, r.final_grade) == (total, grade, grade)
    assert r.adjustments == ()


MILD = (([3] + [4] * 7, *FULL[1:]))  # 89 → grade 1


def test_dementia_raises_one_grade():
    r = gb(*MILD, diagnoses=("F01.1",))
    assert (r.preliminary_grade, r.final_grade) == (1, 2)
    assert [a.rule for a in r.adjustments] == ["diagnosis"] and "F01.1" in r.adjustments[0].reason


def test_psychiatric_diagnosis_raises_but_hypertension_does_not():
    assert gb(*MILD, diagnoses=("F32",)).final_grade == 2
    assert gb(*MILD, diagnoses=("I10", "E11.9")).final_grade == 1


def test_two_risk_events_raise_one_not_one_event():
    assert gb(*MILD, risk_events={"fall": 1}).final_grade == 1
    r = gb(*MILD, risk_events={"fall": 1, "choking": 1})
    assert r.final_grade == 2 and "共2次" in r.adjustments[0].reason


def test_both_together_raise_one_in_total_by_default():
    r = gb(*MILD, diagnoses=("F03",), risk_events={"wandering": 3})
    assert (r.preliminary_grade, r.final_grade) == (1, 2)
    assert [(a.rule, a.applied) for a in r.adjustments] == [("diagnosis", True), ("risk_events", False)]


def test_stacking_is_an_instrument_setting():
    import dataclasses

    stacked = dataclasses.replace(GB, adjustments_stack=True)
    scores = dict(zip(GB_CODES, [*MILD[0], *MILD[1], *MILD[2], *MILD[3]]))
    r = score(stacked, ScoreInput(scores, diagnoses=("F03",), risk_events={"fall": 2}))
    assert r.final_grade == 3


def test_grade_never_exceeds_top():
    r = gb([0] * 8, [0] * 4, [0] * 9, [0] * 5, diagnoses=("F00",), risk_events={"fall": 5})
    assert r.final_grade == 4 and r.preliminary_grade == 4
    assert not any(a.applied for a in r.adjustments)


def test_coma_overrides_everything():
    r = gb(*FULL, coma=True)
    assert (r.preliminary_grade, r.final_grade) == (0, 4)
    assert r.adjustments[0].rule == "coma"
    assert gb(*MILD, coma=True, diagnoses=("F01",)).final_grade == 4


@pytest.mark.parametrize(
    "change, message",
    [
        ({"B.1.1": 5}, "“进食”的得分5无效"),
        ({"B.2.4": 4}, "“上下楼梯”的得分4无效"),
        ({"B.3.7": 2}, "“攻击行为”的得分2无效"),
        ({"B.1.1": None}, "“进食”未评分"),
    ],
)
def test_invalid_scores(change, message):
    scores = dict(zip(GB_CODES, [*FULL[0], *FULL[1], *FULL[2], *FULL[3]]))
    scores.update(change)
    with pytest.raises(RuleViolation, match=message):
        score(GB, ScoreInput(scores))


def test_missing_item_and_bad_icd():
    scores = dict(zip(GB_CODES, [*FULL[0], *FULL[1], *FULL[2], *FULL[3]]))
    del scores["B.4.5"]
    with pytest.raises(RuleViolation) as e:
        score(GB, ScoreInput(scores, diagnoses=("痴呆",), risk_events={"fall": -1}))
    assert e.value.fields() == {"item:B.4.5", "diagnoses", "risk_events"}


def test_icd_ranges():
    assert icd_in_range("F03", "F00", "F03") and icd_in_range("F00.9", "F00", "F03")
    assert not icd_in_range("F04", "F00", "F03") and icd_in_range("F99", "F04", "F99")
    assert not icd_in_range("G30", "F00", "F03")


# --- property tests (GB/T 42195) --------------------------------------------

forms = st.fixed_dictionaries({i.code: st.sampled_from([o.score for o in i.options]) for i in GB.items})


@given(forms)
def test_total_is_sum_of_items(scores):
    r = score(GB, ScoreInput(scores))
    assert r.total == sum(scores.values()) == sum(s.total for s in r.sections)
    assert 0 <= r.final_grade <= GB.max_grade


@given(forms, st.sampled_from(GB_CODES))
def test_grade_never_improves_when_an_item_falls(scores, code):
    before = score(GB, ScoreInput(scores)).preliminary_grade
    if scores[code] == GB.item(code).min:
        return
    lower = {**scores, code: scores[code] - 1}
    assert score(GB, ScoreInput(lower)).preliminary_grade >= before


# --- MZ/T 039-2013 ------------------------------------------------------------

ADL_FULL = [10, 5, 5, 10, 10, 10, 10, 15, 15, 10]  # 100


def mz(adl=ADL_FULL, mental=(0, 0, 0), perception=(0, 0, 0, 0), social=(0, 0, 0, 0, 0), **kw):
    scores = dict(zip(MZ_CODES, [*adl, *mental, *perception, *social], strict=True))
    return score(MZ, ScoreInput(scores, **kw))


@pytest.mark.parametrize(
    "adl, total, grade",
    [
        (ADL_FULL, 100, 0),
        ([5, 5, 5, 10, 10, 10, 10, 15, 15, 10], 95, 1),
        ([5, 0, 0, 5, 10, 10, 5, 10, 10, 10], 65, 1),
        ([5, 0, 0, 5, 10, 10, 5, 10, 10, 5], 60, 2),
        ([5, 0, 0, 5, 5, 5, 5, 10, 5, 5], 45, 2),
        ([5, 0, 0, 5, 5, 5, 5, 5, 5, 5], 40, 3),
    ],
)
def test_mz_adl_bands(adl, total, grade):
    r = mz(adl=adl)
    assert (r.sections[0].total, r.sections[0].grade) == (total, grade)


@pytest.mark.parametrize("mental, grade", [((0, 0, 0), 0), ((1, 0, 0), 1), ((1, 1, 0), 2), ((1, 1, 1), 2), ((2, 1, 1), 3), ((2, 2, 2), 3)])
def test_mz_mental_bands(mental, grade):
    assert mz(mental=mental).sections[1].grade == grade


@pytest.mark.parametrize(
    "social, grade",
    [((1, 1, 0, 0, 0), 0), ((1, 1, 1, 0, 0), 1), ((2, 2, 2, 1, 0), 1), ((2, 2, 2, 2, 0), 2), ((3, 3, 3, 2, 2), 2), ((3, 3, 3, 3, 2), 3)],
)
def test_mz_social_bands(social, grade):
    assert mz(social=social).sections[3].grade == grade


@pytest.mark.parametrize(
    "perception, grade",
    [
        ((0, 1, 1, 0), 0),  # clear, vision/hearing 0-1, communication 0
        ((0, 2, 0, 0), 1), ((0, 0, 0, 1), 1),
        ((0, 3, 0, 0), 2), ((0, 0, 0, 2), 2), ((1, 0, 0, 0), 2),  # 嗜睡 → at least 2
        ((0, 0, 4, 0), 3), ((0, 0, 0, 3), 3), ((2, 0, 0, 0), 3),  # 昏睡 → 3
    ],
)
def test_mz_perception_rules(perception, grade):
    assert mz(perception=perception).sections[2].grade == grade


ADL1 = [5, 5, 5, 10, 10, 10, 10, 15, 15, 10]  # 95 → 1
ADL2 = [5, 0, 0, 5, 10, 10, 5, 10, 10, 5]  # 60 → 2
ADL3 = [0] * 10  # 0 → 3
M2, M3 = (1, 1, 0), (2, 2, 2)
P2, P3 = (0, 3, 0, 0), (0, 0, 0, 3)
S2, S3 = (2, 2, 2, 2, 0), (4, 4, 4, 4, 4)


@pytest.mark.parametrize(
    "kw, grade",
    [
        ({}, 0),
        ({"social": (1, 0, 0, 0, 0)}, 0),
        ({"social": S2}, 1),
        ({"mental": (1, 0, 0)}, 1),
        ({"adl": ADL1}, 1),
        ({"adl": ADL1, "mental": M2}, 1),
        ({"adl": ADL1, "mental": M2, "perception": P2, "social": S2}, 2),
        ({"adl": ADL1, "perception": P3}, 2),
        ({"adl": ADL2, "mental": (1, 0, 0)}, 2),
        ({"adl": ADL2, "mental": M2, "perception": P2}, 2),
        ({"adl": ADL2, "mental": M2, "perception": P2, "social": S2}, 3),
        ({"adl": ADL2, "social": S3}, 3),
        ({"adl": ADL3}, 3),
    ],
)
def test_mz_overall_matrix(kw, grade):
    assert mz(**kw).preliminary_grade == grade


def test_mz_adjustments_and_coma_from_item():
    assert mz(adl=ADL1, diagnoses=("F02",)).final_grade == 2
    assert mz(adl=ADL1, risk_events={"fall": 2}).final_grade == 2
    assert mz(adl=ADL3, diagnoses=("F02",)).final_grade == 3
    r = mz(perception=(3, 0, 0, 0))  # 意识水平 3 = 昏迷
    assert r.final_grade == 3 and r.adjustments[0].rule == "coma"
