"""One generic scoring engine for assessment instruments kept as data
(resources/instruments/*.toml): items, options, section grading, the overall
grade, and the adjustment rules (coma, diagnoses, care-risk events)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Mapping

from .errors import Problems

from .care import CARE_DECLINED, CARE_EFFECTIVE, CARE_PENDING, CARE_WITHDRAWN, DISABILITY_CATEGORIES  # noqa: F401

# --- the instrument --------------------------------------------------------


@dataclass(frozen=True)
class Option:
    score: int
    text: str


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    description: str
    section: str
    options: tuple[Option, ...]
    higher_is_better: bool

    @property
    def min(self) -> int:
        return min(o.score for o in self.options)

    @property
    def max(self) -> int:
        return max(o.score for o in self.options)

    def allows(self, score: int) -> bool:
        return any(o.score == score for o in self.options)

    def option_text(self, score: int) -> str:
        return next((o.text for o in self.options if o.score == score), "")


@dataclass(frozen=True)
class Condition:
    codes: tuple[str, ...]
    quantifier: str  # "of" (single), "any", "all"
    op: str
    value: int

    def holds(self, values: Mapping[str, int]) -> bool:
        test = _OPS[self.op]
        results = [test(values[c], self.value) for c in self.codes]
        return all(results) if self.quantifier == "all" else any(results)


_OPS = {
    "==": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}


@dataclass(frozen=True)
class Rule:
    grade: int
    alternatives: tuple[tuple[Condition, ...], ...]  # OR of ANDs

    def matches(self, values: Mapping[str, int]) -> bool:
        return any(all(c.holds(values) for c in alt) for alt in self.alternatives)


@dataclass(frozen=True)
class Band:
    grade: int
    min: int
    max: int


@dataclass(frozen=True)
class Grading:
    method: str  # "sum_ranges" | "rules" | "none"
    bands: tuple[Band, ...] = ()
    rules: tuple[Rule, ...] = ()

    def grade(self, total: int, values: Mapping[str, int]) -> int | None:
        if self.method == "sum_ranges":
            for b in self.bands:
                if b.min <= total <= b.max:
                    return b.grade
            raise ValueError(f"total {total} outside every band")
        if self.method == "rules":
            for r in self.rules:
                if r.matches(values):
                    return r.grade
            return 0
        return None


@dataclass(frozen=True)
class Section:
    code: str
    name: str
    items: tuple[Item, ...]
    grading: Grading

    @property
    def max_total(self) -> int:
        return sum(i.max for i in self.items)


@dataclass(frozen=True)
class DiagnosisChoice:
    name: str
    low: str
    high: str


@dataclass(frozen=True)
class RiskKind:
    code: str
    name: str


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    short_name: str
    max_grade: int
    grade_names: dict[int, str]
    sections: tuple[Section, ...]
    overall: Grading  # over the total ("sum_ranges") or section grades ("rules")
    adjustments_stack: bool
    coma_text: str
    coma_item: tuple[str, int] | None
    diagnosis_ranges: tuple[tuple[str, str], ...]
    diagnosis_text: str
    diagnosis_delta: int
    risk_min_total: int
    risk_days: int
    risk_text: str
    risk_delta: int
    risk_kinds: tuple[RiskKind, ...]
    diagnoses: tuple[DiagnosisChoice, ...]
    default_care_levels: dict[int, str]
    section_grade_names: tuple[str, ...] = ()
    disability_categories: dict[int, str] = field(default_factory=dict)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def item(self, code: str) -> Item:
        return next(i for i in self.items if i.code == code)

    @property
    def max_total(self) -> int:
        return sum(s.max_total for s in self.sections)


def _conditions(raw: list) -> tuple[tuple[Condition, ...], ...]:
    out = []
    for alt in raw:
        conds = []
        for c in alt:
            q = "all" if "all" in c else "any" if "any" in c else "of"
            conds.append(Condition(tuple(c[q]), q, c["op"], int(c["value"])))
        out.append(tuple(conds))
    return tuple(out)


def _grading(raw: dict | None) -> Grading:
    if not raw:
        return Grading("none")
    if raw["method"] == "sum_ranges":
        return Grading("sum_ranges", bands=tuple(Band(r["grade"], r["min"], r["max"]) for r in raw["ranges"]))
    if raw["method"] == "rules":
        return Grading("rules", rules=tuple(Rule(r["grade"], _conditions(r["when"])) for r in raw["rules"]))
    raise ValueError(f"unknown grading method {raw['method']}")


def parse_instrument(text: str) -> Instrument:
    d = tomllib.loads(text)
    generic = tuple(Option(o["score"], o["text"]) for o in d.get("generic_options", ()))
    higher = bool(d.get("higher_is_better", True))
    sections = []
    for s in d["sections"]:
        items = []
        for it in s["items"]:
            opts = tuple(Option(o["score"], o["text"]) for o in it.get("options", ()))
            if not opts:
                top = it.get("max", max(o.score for o in generic))
                opts = tuple(o for o in generic if o.score <= top)
            items.append(Item(it["code"], it["name"], it.get("description", ""), s["code"],
                              tuple(sorted(opts, key=lambda o: -o.score)), bool(it.get("higher_is_better", higher))))
        sections.append(Section(s["code"], s["name"], tuple(items), _grading(s.get("grading"))))
    grades = {g["grade"]: g["name"] for g in d["grades"]}
    ov = d["overall"]
    if ov["method"] == "total_ranges":
        overall = Grading("sum_ranges", bands=tuple(Band(g["grade"], g["min"], g["max"]) for g in d["grades"]))
    else:
        overall = _grading(ov)
    adj = d.get("adjustments", {})
    coma_item = d.get("coma_item")
    return Instrument(
        code=d["code"], name=d["name"], short_name=d.get("short_name", d["code"]),
        max_grade=int(d["max_grade"]), grade_names=grades, sections=tuple(sections), overall=overall,
        adjustments_stack=bool(d.get("adjustments_stack", False)),
        coma_text=adj.get("coma", {}).get("text", ""),
        coma_item=(coma_item["item"], int(coma_item["score"])) if coma_item else None,
        diagnosis_ranges=tuple(tuple(r) for r in adj.get("diagnosis", {}).get("ranges", ())),
        diagnosis_text=adj.get("diagnosis", {}).get("text", ""),
        diagnosis_delta=int(adj.get("diagnosis", {}).get("delta", 1)),
        risk_min_total=int(adj.get("risk_events", {}).get("min_total", 2)),
        risk_days=int(adj.get("risk_events", {}).get("days", 30)),
        risk_text=adj.get("risk_events", {}).get("text", ""),
        risk_delta=int(adj.get("risk_events", {}).get("delta", 1)),
        risk_kinds=tuple(RiskKind(k["code"], k["name"]) for k in d.get("risk_event_kinds", ())),
        diagnoses=tuple(DiagnosisChoice(x["name"], x["range"][0], x["range"][1]) for x in d.get("diagnoses", ())),
        default_care_levels={int(k): v for k, v in d.get("care_levels", {}).items()},
        section_grade_names=tuple(d.get("section_grade_names", ())),
        disability_categories={int(k): v for k, v in d.get("disability_categories", {}).items()},
    )


def with_disability(categories: tuple[str, ...], instrument: Instrument, final_grade: int) -> tuple[str, ...]:
    """The resident's categories with 失能/半失能 set from the assessed grade."""
    kept = tuple(c for c in categories if c not in DISABILITY_CATEGORIES)
    derived = instrument.disability_categories.get(final_grade)
    return kept + ((derived,) if derived else ())


# --- ICD-10 ----------------------------------------------------------------

_ICD = re.compile(r"^([A-Z])(\d{2})(?:\.(\d{1,2}))?$")


def normalise_icd(code: str) -> str | None:
    c = (code or "").strip().upper().replace("．", ".")
    return c if _ICD.match(c) else None


def icd_in_range(code: str, low: str, high: str) -> bool:
    """'F01.1' is in F00-F03: compare the 3-character category."""
    m = _ICD.match(code)
    if not m:
        return False
    cat = m.group(1) + m.group(2)
    return low <= cat <= high


# --- scoring ---------------------------------------------------------------


@dataclass(frozen=True)
class ScoreInput:
    scores: Mapping[str, int]
    coma: bool = False
    diagnoses: tuple[str, ...] = ()  # ICD-10 codes
    risk_events: Mapping[str, int] = field(default_factory=dict)  # kind -> count in the last 30 days


@dataclass(frozen=True)
class Adjustment:
    rule: str  # "coma" | "diagnosis" | "risk_events"
    reason: str  # Chinese, shown on screen and on the report
    applied: bool  # False when it matched but did not change the grade


@dataclass(frozen=True)
class SectionResult:
    code: str
    name: str
    total: int
    max_total: int
    grade: int | None


@dataclass(frozen=True)
class ScoreResult:
    sections: tuple[SectionResult, ...]
    total: int
    preliminary_grade: int
    final_grade: int
    adjustments: tuple[Adjustment, ...]
    grade_name: str
    preliminary_name: str


def check_scores(instrument: Instrument, scores: Mapping[str, int], p: Problems) -> None:
    known = {i.code for i in instrument.items}
    for code in scores:
        if code not in known:
            p.add("scores", f"评估表中没有项目“{code}”")
    for it in instrument.items:
        if code_missing(scores, it.code):
            p.add(f"item:{it.code}", f"“{it.name}”未评分")
        elif not isinstance(scores[it.code], int) or isinstance(scores[it.code], bool) or not it.allows(scores[it.code]):
            allowed = "、".join(str(o.score) for o in sorted(it.options, key=lambda o: o.score))
            p.add(f"item:{it.code}", f"“{it.name}”的得分{scores[it.code]}无效（可选：{allowed}）")


def code_missing(scores: Mapping[str, int], code: str) -> bool:
    return code not in scores or scores[code] is None


def check_events(instrument: Instrument, data: ScoreInput, p: Problems) -> None:
    kinds = {k.code for k in instrument.risk_kinds}
    for kind, n in data.risk_events.items():
        if kind not in kinds:
            p.add("risk_events", f"未知的照护风险事件类别“{kind}”")
        elif not isinstance(n, int) or n < 0:
            p.add("risk_events", "照护风险事件次数不能为负数")
    for code in data.diagnoses:
        if normalise_icd(code) is None:
            p.add("diagnoses", f"疾病诊断编码“{code}”不是有效的ICD-10编码（如F01、I10.0）")


def score(instrument: Instrument, data: ScoreInput) -> ScoreResult:
    """Totals, grades and adjustments. Raises RuleViolation on bad input."""
    p = Problems()
    check_scores(instrument, data.scores, p)
    check_events(instrument, data, p)
    p.raise_if_any()
    values = dict(data.scores)
    sections = []
    for s in instrument.sections:
        total = sum(values[i.code] for i in s.items)
        sections.append(SectionResult(s.code, s.name, total, s.max_total, s.grading.grade(total, values)))
    total = sum(x.total for x in sections)
    if instrument.overall.method == "sum_ranges":
        preliminary = instrument.overall.grade(total, values)
    else:
        preliminary = instrument.overall.grade(total, {x.code: x.grade for x in sections})
    assert preliminary is not None
    top = instrument.max_grade
    adjustments: list[Adjustment] = []
    coma = data.coma or (
        instrument.coma_item is not None and values.get(instrument.coma_item[0]) == instrument.coma_item[1]
    )
    raised = 0
    dx = [c for c in (normalise_icd(x) for x in data.diagnoses) if c]
    dx_hit = [c for c in dx if any(icd_in_range(c, lo, hi) for lo, hi in instrument.diagnosis_ranges)]
    events = sum(data.risk_events.values())
    steps = []
    if dx_hit:
        steps.append(("diagnosis", f"{instrument.diagnosis_text}（{'、'.join(dx_hit)}）", instrument.diagnosis_delta))
    if events >= instrument.risk_min_total:
        steps.append(("risk_events", f"{instrument.risk_text}（共{events}次）", instrument.risk_delta))
    grade = preliminary
    for i, (rule, reason, delta) in enumerate(steps):
        if i > 0 and not instrument.adjustments_stack:
            adjustments.append(Adjustment(rule, reason + "；与上一条合计只提高一级", False))
            continue
        new = min(top, grade + delta)
        adjustments.append(Adjustment(rule, reason if new > grade else reason + "；已是最高等级", new > grade))
        raised += new - grade
        grade = new
    if coma:
        adjustments.insert(0, Adjustment("coma", instrument.coma_text, grade != top))
        grade = top
    return ScoreResult(
        sections=tuple(sections), total=total, preliminary_grade=preliminary, final_grade=grade,
        adjustments=tuple(adjustments), grade_name=instrument.grade_names[grade],
        preliminary_name=instrument.grade_names[preliminary],
    )


def score_partial(instrument: Instrument, data: ScoreInput) -> ScoreResult | None:
    """For live display while a form is being filled: None until every item has a valid score."""
    try:
        return score(instrument, data)
    except Exception:
        return None
