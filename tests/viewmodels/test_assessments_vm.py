"""Screen logic of the 评估 page and form (no Qt)."""
import datetime as dt

import pytest

from eldercare_desktop.domain.records import AssessmentSummary, CareLevelChangeInfo, DueRow
from eldercare_desktop.services.assessments import instrument
from eldercare_desktop.viewmodels import assessments as vm

D = dt.date
GB = instrument("GB/T 42195-2022")
MZ = instrument("MZ/T 039-2013")
CODES = [i.code for i in GB.items]
FULL = [4] * 8 + [4, 4, 4, 3] + [4] * 6 + [1, 1, 2] + [2, 2, 4, 3, 4]  # 90
LEVELS = {0: "自理", 1: "介护一级", 2: "介护二级", 3: "介护三级", 4: "特级护理"}


def due(name="张三", days=-3, state="已逾期", reason="距上次评估满6个月", last=D(2026, 5, 1), **kw):
    base = dict(resident_id=1, resident_name=name, bed_code="A101-1", status="在住", last_number="PG2026-0001",
                last_base_date=last, last_grade="能力轻度受损（轻度失能）", care_level="介护一级",
                due_date=D(2026, 11, 1), days_left=days, state=state, reason=reason)
    base.update(kw)
    return DueRow(**base)


def summary(id_, number, day, total=80, final=1, name="能力轻度受损（轻度失能）", sup=None, by=None,
            resident="张三", prelim=None, assessors=("李评估", "王评估")):
    return AssessmentSummary(id_, number, 1, resident, "GB/T 42195-2022", day, "常规评估", total,
                             final if prelim is None else prelim, final, name, "介护一级", assessors, sup, by)


# -- due list ------------------------------------------------------------------

@pytest.mark.parametrize("days, text", [(-3, "逾期3天"), (-1, "逾期1天"), (0, "今天到期"), (5, "剩余5天")])
def test_days_text(days, text):
    assert vm.days_text(days) == text


def test_due_cells_and_colour():
    r = due()
    cells = [vm.due_cell(r, c) for c in range(len(vm.DUE_COLUMNS))]
    assert cells == ["张三", "A101-1", "2026-05-01（PG2026-0001）", "能力轻度受损", "介护一级", "2026-11-01",
                     "逾期3天", "距上次评估满6个月"]
    assert vm.due_category(r) == vm.OVERDUE_CAT
    assert vm.due_category(due(days=12, state="即将到期")) == vm.SOON_CAT
    assert vm.due_category(due(days=80, state="")) == vm.NOT_DUE_CAT
    never = due(last=None, last_number="", last_grade="", care_level="", reason="从未评估")
    assert [vm.due_cell(never, c) for c in (2, 3, 4)] == ["—", "—", "—"]
    assert vm.due_counts([r, due(days=3, state="即将到期"), due(days=90, state="")]) == (1, 1)


@pytest.mark.parametrize("reason, history, expected", [
    ("需即时评估", True, "即时评估"), ("从未评估", False, "首次评估"), (None, False, "首次评估"),
    ("距上次评估满6个月", True, "常规评估"), (None, True, "常规评估"),
])
def test_reason_for_new(reason, history, expected):
    assert vm.reason_for_new(reason, history) == expected


# -- care level changes ---------------------------------------------------------------

def change(id_=1, aid=10, old="自理", new="介护二级", status="待确认"):
    return CareLevelChangeInfo(id_, 1, "张三", aid, "PG2026-0002", old, new, status, "", "", None, None, "")


def test_change_text_and_pending_rows():
    assert vm.change_text(change()) == "自理 → 介护二级"
    assert vm.change_text(change(old="")) == "（无） → 介护二级"
    a = summary(10, "PG2026-0002", D(2026, 11, 20), final=2, name="能力中度受损（中度失能）")
    rows = vm.pending_rows([change(2, 99), change(1, 10)], {10: a})
    assert [r.id for r in rows] == [2, 1]  # unknown assessment date first
    today = D(2026, 11, 25)
    r = rows[1]
    assert [vm.pending_cell(r, c, today) for c in range(len(vm.PENDING_ROW_COLUMNS))] == [
        "张三", "PG2026-0002", "2026-11-20", "2级 能力中度受损", "自理 → 介护二级", "5天"]
    assert vm.waiting_text(today, today) == "今天"


def test_relation_choices_put_the_agent_first():
    assert vm.relation_choices("儿子")[:2] == ["代理人（儿子）", "本人"]
    assert vm.relation_choices(None)[0] == "本人"
    assert len(set(vm.relation_choices("女儿"))) == len(vm.relation_choices("女儿"))


# -- the assessment list --------------------------------------------------------------

def test_list_cells_status_filter_and_sort():
    names = {"GB/T 42195-2022": dict(GB.grade_names)}
    rows = [
        summary(1, "PG2026-0001", D(2026, 2, 1), total=84),
        summary(2, "PG2026-0002", D(2026, 2, 1), total=82, sup=1),
        summary(3, "PG2026-0003", D(2026, 6, 1), total=60, final=3, prelim=2, name="能力重度受损（重度失能）",
                resident="李四", assessors=("陈医生", "周护士")),
    ]
    rows[0] = summary(1, "PG2026-0001", D(2026, 2, 1), total=84, by=2)
    lst = vm.AssessmentList()
    lst.set_rows(rows, names)
    cols = {k: i for i, k in enumerate(vm.LIST_COLUMNS)}
    a, b, c = lst.visible
    assert lst.cell(a, cols["status"]) == "已被更正（PG2026-0002）"
    assert lst.cell(b, cols["status"]) == "更正PG2026-0001"
    assert lst.cell(c, cols["status"]) == "有效"
    assert lst.cell(c, cols["preliminary"]) == "2级 能力中度受损"
    assert lst.cell(c, cols["final"]) == "3级 能力重度受损"
    assert lst.cell(c, cols["assessors"]) == "陈医生、周护士"
    assert lst.cell(c, cols["date"]) == "2026-06-01"
    assert lst.set_query("李 四") and [x.id for x in lst.visible] == [3]
    assert not lst.set_query("李四")
    assert lst.set_query("周护") and [x.id for x in lst.visible] == [3]
    lst.set_query("")
    lst.sort(cols["total"])
    assert [x.total for x in lst.visible] == [60, 82, 84]
    lst.sort(cols["date"], descending=True)
    assert [x.id for x in lst.visible] == [3, 2, 1]
    lst.sort(cols["final"])
    assert [x.id for x in lst.visible][-1] == 3
    assert lst.row_of(2) is not None and lst.row_of(99) is None
    assert lst.total == 3 and lst.number_of(3) == "PG2026-0003"


def test_short_grade_names():
    assert vm.short_grade_name("能力轻度受损（轻度失能）") == "能力轻度受损"
    assert vm.short_grade_name("轻度失能") == "轻度失能"
    assert vm.grade_label(1, "能力轻度受损（轻度失能）") == "1级 能力轻度受损（轻度失能）"


# -- the chart ---------------------------------------------------------------------------

def test_chart_points_keep_corrected_ones_off_the_line():
    hist = [summary(1, "PG2026-0001", D(2026, 2, 1), by=2), summary(2, "PG2026-0002", D(2026, 2, 1), sup=1),
            summary(3, "PG2026-0003", D(2026, 8, 1), final=2, name="能力中度受损（中度失能）")]
    pts = vm.chart_points(hist)
    assert [(p.number, p.grade, p.superseded) for p in pts] == [
        ("PG2026-0001", 1, True), ("PG2026-0002", 1, False), ("PG2026-0003", 2, False)]
    assert [p.number for p in vm.line_points(pts)] == ["PG2026-0002", "PG2026-0003"]
    assert "已被更正" in pts[0].label and "照护等级：介护一级" in pts[2].label
    start, end = vm.chart_range(pts)
    assert start < D(2026, 2, 1) and end > D(2026, 8, 1)
    assert vm.x_fraction(start, start, end) == 0 and vm.x_fraction(end, start, end) == 1
    one = vm.chart_points(hist[2:])
    s1, e1 = vm.chart_range(one)
    assert vm.x_fraction(one[0].day, s1, e1) == pytest.approx(0.5)
    assert vm.x_fraction(D(2026, 1, 1), D(2026, 1, 1), D(2026, 1, 1)) == 0.5


# -- typing a score ------------------------------------------------------------------------

@pytest.mark.parametrize("scores, typed, expected", [
    ([4, 3, 2, 1, 0], "3", (3, False)),
    ([4, 3, 2, 1, 0], "7", (None, False)),
    ([2, 1, 0], "4", (None, False)),
    ([15, 10, 5, 0], "1", (None, True)),  # 10 or 15: wait
    ([15, 10, 5, 0], "15", (15, False)),
    ([15, 10, 5, 0], "10", (10, False)),
    ([15, 10, 5, 0], "5", (5, False)),
    ([15, 10, 5, 0], "0", (0, False)),
    ([10, 5, 0], "1", (10, False)),  # only 10 starts with 1
    ([10, 1, 0], "1", (1, True)),  # 1 now, 10 if a 0 follows
    ([4, 3], "", (None, False)),
])
def test_digit_choice(scores, typed, expected):
    assert vm.digit_choice(scores, typed) == expected


def test_continuations():
    assert vm.continuations([15, 10, 5, 0], "1") == ["5", "0"]
    assert vm.continuations([4, 3], "4") == []


# -- health fields --------------------------------------------------------------------------

def test_icd_codes():
    assert vm.parse_icd_codes(" i63.9、N18，老年痴呆; F01 F01") == (["I63.9", "N18", "F01"], ["老年痴呆"])
    codes, bad = vm.diagnosis_codes(GB, ["痴呆", "高血压"], "I10、x1")
    assert codes == ["I10", "F00"] and bad == ["x1"]  # the instrument's order; I10 typed too, once
    ticked, typed = vm.split_saved_diagnoses(GB, ["F00", "I63.9", "I10"])
    assert ticked == ["痴呆", "高血压"] and typed == "I63.9"
    assert vm.diagnosis_name(GB, "F01.1") == "痴呆"
    assert vm.diagnosis_name(GB, "Z99") == ""


def test_bmi_and_health_values():
    assert vm.bmi(160, 55) == "21.5"
    assert vm.bmi(0, 55) == "" and vm.bmi(170, None) == ""
    assert vm.bmi_note("17.9") == "体重过低" and vm.bmi_note("23.9") == "正常"
    assert vm.bmi_note("24") == "超重" and vm.bmi_note("28.0") == "肥胖" and vm.bmi_note("") == ""
    assert vm.health_values("2期", "有", 160, 55.5) == {
        "压力性损伤": "2期", "吞咽困难": "有", "身高（cm）": "160", "体重（kg）": "55.5", "BMI": "21.7"}
    assert vm.health_values("", "", 0, 0) == {"压力性损伤": "无", "吞咽困难": "无"}
    assert vm.parse_number("158.5 cm") == 158.5 and vm.parse_number("") == 0


# -- the live summary -----------------------------------------------------------------------------

def test_partial_summary_shows_subtotals_and_what_is_left():
    scores = dict(zip(CODES[:10], FULL[:10]))
    s = vm.summarise(GB, scores, care_levels=LEVELS)
    assert [x.text for x in s.sections] == ["32/32", "8/15，尚有2项未评", "—/28，9项未评", "—/15，5项未评"]
    assert (s.answered, s.unanswered, s.total) == (10, 16, 40)
    assert s.total_text == "40/90（尚有16项未评）"
    assert s.first_unanswered == "B.2.3"
    assert not s.complete and s.final_text == vm.NOT_YET and s.care_level == ""
    assert s.adjustments == ()
    assert s.unanswered_text == "尚有16项未评"


def test_adjustments_show_before_the_form_is_complete():
    s = vm.summarise(GB, {}, diagnoses=["F01.1"], risk_events={"fall": 1, "choking": 1})
    reasons = [r for r, _ in s.adjustments]
    assert "痴呆" in reasons[0] and "F01.1" in reasons[0]
    assert "共2次" in reasons[1]
    s = vm.summarise(GB, {}, coma=True)
    assert s.adjustments[0][0] == GB.coma_text


def test_complete_summary_grades_and_care_level():
    scores = dict(zip(CODES, FULL))
    s = vm.summarise(GB, scores, care_levels=LEVELS)
    assert s.complete and s.total_text == "90/90"
    assert s.preliminary_text == s.final_text == "0级 能力完好"
    assert s.care_level == "自理" and s.care_level_text == "自理"
    assert s.unanswered_text == "全部项目已评分"
    # dementia and two falls: one grade up in total (adjustments do not stack)
    s = vm.summarise(GB, scores, diagnoses=["F00"], risk_events={"fall": 2}, care_levels=LEVELS,
                     current_level="自理")
    assert s.final_text == "1级 能力轻度受损（轻度失能）"
    assert [applied for _, applied in s.adjustments] == [True, False]
    assert "与上一条合计只提高一级" in s.adjustments[1][0]
    assert s.care_level_text == "介护一级（现为自理，须经老人或代理人同意后生效）"
    s = vm.summarise(GB, scores, care_levels=LEVELS, current_level="自理")
    assert s.care_level_text == "自理（与现等级相同）"


def test_summary_of_the_older_instrument_with_section_grades():
    scores = {i.code: (i.max if i.higher_is_better else 0) for i in MZ.items}
    s = vm.summarise(MZ, scores, care_levels={0: "自理", 1: "半护理", 2: "全护理", 3: "特护"})
    assert s.complete and s.final_text == "0级 能力完好" and s.care_level == "自理"
    assert s.sections[0].text == "100/100（能力完好）"
    # the coma item of MZ/T 039 reads as coma before the form is complete
    s = vm.summarise(MZ, {"B.3.1": 3})
    assert s.adjustments and s.adjustments[0][0] == MZ.coma_text
