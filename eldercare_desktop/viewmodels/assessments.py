"""Screen logic of the 评估 page and the assessment form. Pure Python (no Qt):
the due list's cells and colours, the pending care-level changes, the
assessment list (filter, sort, status), the grade chart's points, and the
form's live summary (section subtotals while incomplete, grades and
adjustments once complete), the digit keys that pick a score, the BMI and
the ICD-10 codes typed by hand."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable, Mapping, Sequence

from ..domain.assessment import (
    Instrument,
    ScoreInput,
    ScoreResult,
    icd_in_range,
    normalise_icd,
    score_partial,
)
from ..domain.records import AssessmentSummary, CareLevelChangeInfo, DueRow
from ..domain.schedule import DUE_SOON, NEVER, OVERDUE, REQUESTED

# -- formatting ----------------------------------------------------------------


def fmt_date(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def short_grade_name(name: str) -> str:
    """“能力轻度受损（轻度失能）” → “能力轻度受损”: the name without its gloss."""
    return re.split(r"[（(]", name, maxsplit=1)[0].strip() or name


def grade_label(grade: int, name: str, short: bool = False) -> str:
    """“1级 能力轻度受损（轻度失能）” (or the short name)."""
    return f"{grade}级 {short_grade_name(name) if short else name}"


# -- the due list -----------------------------------------------------------------

DUE_COLUMNS = ("resident", "bed", "last_date", "last_grade", "care_level", "due_date", "days_left", "reason")
OVERDUE_CAT, SOON_CAT, NOT_DUE_CAT = "overdue", "soon", ""


def days_text(days_left: int) -> str:
    """-3 → 逾期3天; 0 → 今天到期; 5 → 剩余5天."""
    if days_left < 0:
        return f"逾期{-days_left}天"
    if days_left == 0:
        return "今天到期"
    return f"剩余{days_left}天"


def due_category(r: DueRow) -> str:
    """The colour of a due row: overdue (red), due soon (amber) or none."""
    if r.state == OVERDUE or r.days_left < 0:
        return OVERDUE_CAT
    if r.state == DUE_SOON:
        return SOON_CAT
    return NOT_DUE_CAT


def due_cell(r: DueRow, col: int) -> str:
    key = DUE_COLUMNS[col]
    if key == "resident":
        return r.resident_name
    if key == "bed":
        return r.bed_code
    if key == "last_date":
        return f"{fmt_date(r.last_base_date)}（{r.last_number}）" if r.last_base_date else "—"
    if key == "last_grade":
        return short_grade_name(r.last_grade) if r.last_grade else "—"
    if key == "care_level":
        return r.care_level or "—"
    if key == "due_date":
        return fmt_date(r.due_date)
    if key == "days_left":
        return days_text(r.days_left)
    if key == "reason":
        return r.reason
    raise IndexError(col)


def due_counts(rows: Sequence[DueRow]) -> tuple[int, int]:
    """(overdue, due soon)."""
    cats = [due_category(r) for r in rows]
    return cats.count(OVERDUE_CAT), cats.count(SOON_CAT)


def reason_for_new(due_reason: str | None, has_history: bool) -> str:
    """The 评估原因 a new form starts with."""
    if due_reason == REQUESTED:
        return "即时评估"
    if due_reason == NEVER or not has_history:
        return "首次评估"
    return "常规评估"


# -- care level changes -------------------------------------------------------------

CHANGE_COLUMNS = ("number", "change", "status", "consent_by", "consent_relation", "consent_date",
                  "effective_date", "note")


def change_text(c: CareLevelChangeInfo) -> str:
    return f"{c.old_level or '（无）'} → {c.new_level}"


def change_cell(c: CareLevelChangeInfo, key: str) -> str:
    if key == "resident":
        return c.resident_name
    if key == "number":
        return c.assessment_number
    if key == "change":
        return change_text(c)
    if key == "status":
        return c.status
    if key == "consent_by":
        return c.consent_by
    if key == "consent_relation":
        return c.consent_relation
    if key == "consent_date":
        return fmt_date(c.consent_date)
    if key == "effective_date":
        return fmt_date(c.effective_date)
    if key == "note":
        return c.note
    raise KeyError(key)


@dataclass(frozen=True)
class PendingRow:
    """A care level change waiting for consent, with its assessment."""

    change: CareLevelChangeInfo
    base_date: dt.date | None
    grade_name: str
    final_grade: int | None

    @property
    def id(self) -> int:
        return self.change.id


PENDING_ROW_COLUMNS = ("resident", "number", "date", "grade", "change", "waiting")


def pending_rows(changes: Sequence[CareLevelChangeInfo],
                 assessments: Mapping[int, AssessmentSummary]) -> list[PendingRow]:
    out = []
    for c in changes:
        a = assessments.get(c.assessment_id)
        out.append(PendingRow(c, a.base_date if a else None, a.grade_name if a else "",
                              a.final_grade if a else None))
    out.sort(key=lambda r: (r.base_date or dt.date.min, r.change.id))
    return out


def waiting_text(base_date: dt.date | None, today: dt.date) -> str:
    if base_date is None:
        return ""
    days = (today - base_date).days
    return "今天" if days <= 0 else f"{days}天"


def pending_cell(r: PendingRow, col: int, today: dt.date) -> str:
    key = PENDING_ROW_COLUMNS[col]
    if key == "date":
        return fmt_date(r.base_date)
    if key == "grade":
        return grade_label(r.final_grade, r.grade_name, short=True) if r.final_grade is not None else ""
    if key == "waiting":
        return waiting_text(r.base_date, today)
    return change_cell(r.change, key)


def relation_choices(agent_relationship: str | None) -> list[str]:
    """Who consents: the resident, or the agent (“代理人（儿子）”) first when known."""
    out = ["本人"]
    if agent_relationship:
        out.insert(0, f"代理人（{agent_relationship}）")
    for rel in ("儿子", "女儿", "配偶", "其他亲属", "监护人"):
        x = f"代理人（{rel}）"
        if x not in out:
            out.append(x)
    return out


# -- the assessment list ------------------------------------------------------------

LIST_COLUMNS = ("number", "date", "resident", "reason", "instrument", "total", "preliminary", "final",
                "care_level", "assessors", "status")
NUMERIC_COLUMNS = frozenset({"total"})

STATUS_VALID, STATUS_SUPERSEDED, STATUS_CORRECTION = "有效", "已被更正", "更正"

GradeNames = Mapping[str, Mapping[int, str]]  # instrument code -> grade -> name


def care_level_text(level: str, change_status: str = "") -> str:
    """"介护三级（待确认）": the mapped level with the status of the change it made, if any."""
    if not level:
        return ""
    return f"{level}（{change_status}）" if change_status else level


def status_text(a: AssessmentSummary, numbers: Mapping[int, str] | None = None) -> str:
    numbers = numbers or {}
    if a.superseded_by_id is not None:
        by = numbers.get(a.superseded_by_id)
        return f"{STATUS_SUPERSEDED}（{by}）" if by else STATUS_SUPERSEDED
    if a.supersedes_id is not None:
        old = numbers.get(a.supersedes_id)
        return f"{STATUS_CORRECTION}{old}" if old else STATUS_CORRECTION
    return STATUS_VALID


class AssessmentList:
    """Assessments shown in a table: all rows, a text filter, a sort.

    ``visible`` is what the table shows, in order."""

    def __init__(self, grade_names: GradeNames | None = None):
        self.grade_names: GradeNames = grade_names or {}
        self._rows: list[AssessmentSummary] = []
        self._numbers: dict[int, str] = {}
        #: assessment id -> status of the care level change it made (已生效/待确认/未同意/已撤销)
        self.change_status: dict[int, str] = {}
        self._query = ""
        self._sort_col = -1
        self._descending = False
        self.visible: list[AssessmentSummary] = []

    # -- inputs ---------------------------------------------------------------
    def set_rows(self, rows: Iterable[AssessmentSummary], grade_names: GradeNames | None = None,
                 change_status: Mapping[int, str] | None = None) -> None:
        self._rows = list(rows)
        if grade_names is not None:
            self.grade_names = grade_names
        if change_status is not None:
            self.change_status = dict(change_status)
        self._numbers = {a.id: a.number for a in self._rows}
        self._apply()

    def set_query(self, text: str) -> bool:
        q = "".join((text or "").split()).lower()
        if q == self._query:
            return False
        self._query = q
        self._apply()
        return True

    def sort(self, column: int, descending: bool = False) -> None:
        self._sort_col, self._descending = column, descending
        self._apply()

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def query(self) -> str:
        return self._query

    # -- reading ---------------------------------------------------------------
    def row_of(self, assessment_id: int) -> int | None:
        return next((i for i, a in enumerate(self.visible) if a.id == assessment_id), None)

    def number_of(self, assessment_id: int | None) -> str:
        return self._numbers.get(assessment_id, "") if assessment_id is not None else ""

    def grade_name(self, instrument_code: str, grade: int) -> str:
        return self.grade_names.get(instrument_code, {}).get(grade, "")

    def cell(self, a: AssessmentSummary, col: int) -> str:
        key = LIST_COLUMNS[col]
        if key == "number":
            return a.number
        if key == "date":
            return fmt_date(a.base_date)
        if key == "resident":
            return a.resident_name
        if key == "reason":
            return a.reason
        if key == "instrument":
            return a.instrument_code
        if key == "total":
            return str(a.total)
        if key == "preliminary":
            name = self.grade_name(a.instrument_code, a.preliminary_grade)
            return grade_label(a.preliminary_grade, name, short=True) if name else f"{a.preliminary_grade}级"
        if key == "final":
            return grade_label(a.final_grade, a.grade_name, short=True)
        if key == "care_level":  # the level the assessment maps to, not necessarily the level in force
            return care_level_text(a.care_level, self.change_status.get(a.id, ""))
        if key == "assessors":
            return "、".join(x for x in a.assessors if x)
        if key == "status":
            return status_text(a, self._numbers)
        raise IndexError(col)

    def sort_key(self, a: AssessmentSummary, col: int):
        key = LIST_COLUMNS[col]
        if key == "total":
            return (a.total, a.base_date, a.id)
        if key == "date":
            return (a.base_date, a.id)
        if key == "preliminary":
            return (a.preliminary_grade, a.base_date, a.id)
        if key == "final":
            return (a.final_grade, a.base_date, a.id)
        return (self.cell(a, col), a.base_date, a.id)

    # -- internals ---------------------------------------------------------------
    def _matches(self, a: AssessmentSummary) -> bool:
        if not self._query:
            return True
        hay = "".join((a.number, a.resident_name, a.reason, a.care_level, a.grade_name, *a.assessors)).lower()
        return self._query in hay

    def _apply(self) -> None:
        rows = [a for a in self._rows if self._matches(a)]
        if self._sort_col >= 0:
            col = self._sort_col
            rows.sort(key=lambda a: self.sort_key(a, col), reverse=self._descending)
        self.visible = rows


# -- the grade chart ------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    day: dt.date
    grade: int
    number: str
    label: str  # tooltip: date, number, grade name, care level
    superseded: bool  # drawn hollow, not on the line


def chart_points(history: Sequence[AssessmentSummary]) -> list[ChartPoint]:
    """A resident's assessments (oldest first) as chart points; corrected ones
    are kept (hollow) but the line joins only those still in force."""
    out = []
    for a in sorted(history, key=lambda a: (a.base_date, a.id)):
        sup = a.superseded_by_id is not None
        label = f"{fmt_date(a.base_date)}　{a.number}\n{grade_label(a.final_grade, a.grade_name)}　总分{a.total}"
        if a.care_level:
            label += f"\n评估对应照护等级：{a.care_level}"
        if sup:
            label += "\n（已被更正）"
        out.append(ChartPoint(a.base_date, a.final_grade, a.number, label, sup))
    return out


def chart_range(points: Sequence[ChartPoint], pad_days: int = 15) -> tuple[dt.date, dt.date]:
    """The x axis: first to last day, padded; one point sits in the middle."""
    if not points:
        today = dt.date.today()
        return today - dt.timedelta(days=pad_days), today + dt.timedelta(days=pad_days)
    lo = min(p.day for p in points)
    hi = max(p.day for p in points)
    pad = dt.timedelta(days=max(pad_days, (hi - lo).days // 12))
    return lo - pad, hi + pad


def x_fraction(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = (end - start).days
    return 0.5 if span <= 0 else (day - start).days / span


def line_points(points: Sequence[ChartPoint]) -> list[ChartPoint]:
    return [p for p in points if not p.superseded]


# -- the form: typing a score ------------------------------------------------------------


def digit_choice(scores: Iterable[int], typed: str) -> tuple[int | None, bool]:
    """What the digits typed so far on an item select.

    Returns ``(score, wait)``: ``score`` is the option chosen now (None: none
    yet or no such option), ``wait`` whether another digit could still change
    it (e.g. “1” when the options are 15, 10, 5, 0: nothing yet, wait for the
    next digit; “1” when only 10 starts with 1: 10 at once)."""
    texts = [str(s) for s in scores]
    cands = [t for t in texts if t.startswith(typed)]
    if not typed or not cands:
        return None, False
    exact = typed in cands
    longer = any(len(t) > len(typed) for t in cands)
    if exact:
        return int(typed), longer
    if len(cands) == 1:
        return int(cands[0]), False
    return None, True


def continuations(scores: Iterable[int], typed: str) -> list[str]:
    """The digits that may follow ``typed`` (for the hint “再按 0 或 5”)."""
    out = []
    for s in scores:
        t = str(s)
        if t.startswith(typed) and len(t) > len(typed):
            out.append(t[len(typed)])
    return list(dict.fromkeys(out))


# -- the form: health fields -------------------------------------------------------------

_SPLIT = re.compile(r"[\s,，、;；/]+")

PRESSURE_STAGES = ("无", "1期", "2期", "3期", "4期", "不可分期")
HEALTH_PRESSURE, HEALTH_SWALLOW, HEALTH_HEIGHT, HEALTH_WEIGHT, HEALTH_BMI = (
    "压力性损伤", "吞咽困难", "身高（cm）", "体重（kg）", "BMI")


def parse_icd_codes(text: str) -> tuple[list[str], list[str]]:
    """Codes typed by hand: (valid normalised codes, invalid pieces)."""
    valid, invalid = [], []
    for piece in _SPLIT.split((text or "").strip()):
        if not piece:
            continue
        code = normalise_icd(piece)
        if code:
            if code not in valid:
                valid.append(code)
        else:
            invalid.append(piece)
    return valid, invalid


def diagnosis_codes(instrument: Instrument, checked: Iterable[str], typed: str) -> tuple[list[str], list[str]]:
    """The diagnoses of the form: each ticked choice gives its range's first
    code (痴呆 → F00), then the codes typed by hand. (valid, invalid)."""
    out = []
    names = set(checked)
    for c in instrument.diagnoses:
        if c.name in names and c.low not in out:
            out.append(c.low)
    valid, invalid = parse_icd_codes(typed)
    for code in valid:
        if code not in out:
            out.append(code)
    return out, invalid


def split_saved_diagnoses(instrument: Instrument, codes: Iterable[str]) -> tuple[list[str], str]:
    """Saved codes back into the form: (ticked choice names, typed text).
    A code that is exactly a choice's first code ticks it; others are typed."""
    ticked, typed = [], []
    for code in codes:
        choice = next((c for c in instrument.diagnoses if c.low == code), None)
        if choice is not None:
            ticked.append(choice.name)
        else:
            typed.append(code)
    return ticked, "、".join(typed)


def diagnosis_name(instrument: Instrument, code: str) -> str:
    c = next((c for c in instrument.diagnoses if icd_in_range(code, c.low, c.high)), None)
    return c.name if c else ""


def bmi(height_cm: float | int | None, weight_kg: float | int | None) -> str:
    """BMI to one decimal (四舍五入), or "" when either is missing."""
    try:
        h = Decimal(str(height_cm or 0))
        w = Decimal(str(weight_kg or 0))
    except InvalidOperation:
        return ""
    if h <= 0 or w <= 0:
        return ""
    m = h / 100
    return str((w / (m * m)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def bmi_note(value: str) -> str:
    """The Chinese adult BMI bands (WS/T 428-2013)."""
    if not value:
        return ""
    v = Decimal(value)
    if v < Decimal("18.5"):
        return "体重过低"
    if v < 24:
        return "正常"
    if v < 28:
        return "超重"
    return "肥胖"


def health_values(pressure: str, swallow: str, height: float, weight: float) -> dict[str, str]:
    """The health fields as (label → text), as printed on the report."""
    out = {HEALTH_PRESSURE: pressure or "无", HEALTH_SWALLOW: swallow or "无"}
    if height:
        out[HEALTH_HEIGHT] = _num(height)
    if weight:
        out[HEALTH_WEIGHT] = _num(weight)
    b = bmi(height, weight)
    if b:
        out[HEALTH_BMI] = b
    return out


def _num(x: float) -> str:
    d = Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(int(d)) if d == d.to_integral() else str(d)


def parse_number(text: str) -> float:
    m = re.search(r"\d+(?:\.\d+)?", text or "")
    return float(m.group(0)) if m else 0.0


# -- the form: live summary -----------------------------------------------------------------


NOT_YET = "（全部项目评分后得出）"


@dataclass(frozen=True)
class SectionLine:
    code: str
    name: str
    subtotal: int
    max_total: int
    answered: int
    count: int
    grade_text: str
    text: str  # “24/32，尚有2项未评”

    @property
    def complete(self) -> bool:
        return self.answered == self.count


@dataclass(frozen=True)
class FormSummary:
    sections: tuple[SectionLine, ...]
    answered: int
    count: int
    total: int  # sum of the scores given so far
    max_total: int
    total_text: str
    result: ScoreResult | None  # once every item has a valid score
    preliminary_text: str
    final_text: str
    adjustments: tuple[tuple[str, bool], ...]  # (reason, changes the grade)
    care_level: str
    care_level_text: str
    first_unanswered: str | None

    @property
    def unanswered(self) -> int:
        return self.count - self.answered

    @property
    def complete(self) -> bool:
        return self.result is not None

    @property
    def unanswered_text(self) -> str:
        return "全部项目已评分" if self.unanswered == 0 else f"尚有{self.unanswered}项未评"


def section_line(instrument: Instrument, code: str, scores: Mapping[str, int | None]) -> SectionLine:
    sec = next(s for s in instrument.sections if s.code == code)
    given = {i.code: scores[i.code] for i in sec.items if scores.get(i.code) is not None}
    subtotal = sum(int(v) for v in given.values())
    n, count = len(given), len(sec.items)
    grade_text = ""
    if n == count and sec.grading.method != "none":
        try:
            g = sec.grading.grade(subtotal, {k: int(v) for k, v in given.items()})
        except ValueError:
            g = None
        if g is not None:
            names = instrument.section_grade_names
            grade_text = names[g] if 0 <= g < len(names) else f"{g}级"
    if n == 0:
        text = f"—/{sec.max_total}，{count}项未评"
    elif n < count:
        text = f"{subtotal}/{sec.max_total}，尚有{count - n}项未评"
    else:
        text = f"{subtotal}/{sec.max_total}" + (f"（{grade_text}）" if grade_text else "")
    return SectionLine(sec.code, sec.name, subtotal, sec.max_total, n, count, grade_text, text)


def pending_adjustments(instrument: Instrument, coma: bool, diagnoses: Sequence[str],
                        risk_events: Mapping[str, int], scores: Mapping[str, int | None]) -> list[str]:
    """The adjustments that will apply, known before every item is scored."""
    out = []
    coma_item = instrument.coma_item
    if coma or (coma_item is not None and scores.get(coma_item[0]) == coma_item[1]):
        out.append(instrument.coma_text)
    hits = [c for c in diagnoses if any(icd_in_range(c, lo, hi) for lo, hi in instrument.diagnosis_ranges)]
    if hits:
        out.append(f"{instrument.diagnosis_text}（{'、'.join(hits)}）")
    events = sum(int(n or 0) for n in risk_events.values())
    if events >= instrument.risk_min_total:
        out.append(f"{instrument.risk_text}（共{events}次）")
    return out


def summarise(instrument: Instrument, scores: Mapping[str, int | None], *, coma: bool = False,
              diagnoses: Sequence[str] = (), risk_events: Mapping[str, int] | None = None,
              care_levels: Mapping[int, str] | None = None, current_level: str = "") -> FormSummary:
    """The live summary of a form being filled (``diagnoses``: valid codes only)."""
    risk_events = {k: int(v) for k, v in (risk_events or {}).items() if v}
    care_levels = care_levels or {}
    lines = tuple(section_line(instrument, s.code, scores) for s in instrument.sections)
    answered = sum(x.answered for x in lines)
    count = sum(x.count for x in lines)
    total = sum(x.subtotal for x in lines)
    first = next((i.code for i in instrument.items if scores.get(i.code) is None), None)
    result = None
    if answered == count:
        result = score_partial(instrument, ScoreInput(
            {k: int(v) for k, v in scores.items() if v is not None}, coma, tuple(diagnoses), risk_events))
    if result is not None:
        total_text = f"{result.total}/{instrument.max_total}"
        prelim = grade_label(result.preliminary_grade, result.preliminary_name)
        final = grade_label(result.final_grade, result.grade_name)
        adjustments = tuple((a.reason, a.applied) for a in result.adjustments)
        level = care_levels.get(result.final_grade, "")
    else:
        total_text = f"{total}/{instrument.max_total}（尚有{count - answered}项未评）"
        prelim = final = NOT_YET
        adjustments = tuple((x, True) for x in pending_adjustments(instrument, coma, diagnoses, risk_events, scores))
        level = ""
    if not level:
        level_text = NOT_YET
    elif current_level and current_level != level:
        level_text = f"{level}（现为{current_level}，须经老人或代理人同意后生效）"
    elif current_level:
        level_text = f"{level}（与现等级相同）"
    else:
        level_text = level
    return FormSummary(lines, answered, count, total, instrument.max_total, total_text, result, prelim, final,
                       adjustments, level, level_text, first)

