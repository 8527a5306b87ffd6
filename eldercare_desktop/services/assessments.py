"""Needs assessments: record, supersede, care levels with consent, and the
reassessment schedule."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Assessment,
    Bed,
    BedAssignment,
    CareLevelChange,
    CareLevelMap,
    Centre,
    ReassessmentRequest,
    Resident,
    Room,
    Stay,
)
from ..domain.assessment import (
    CARE_DECLINED,
    CARE_EFFECTIVE,
    CARE_PENDING,
    CARE_WITHDRAWN,
    Instrument,
    ScoreInput,
    normalise_icd,
    parse_instrument,
    score,
    with_disability,
)
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.records import (
    AssessmentDetail,
    AssessmentSummary,
    CareLevelChangeInfo,
    Changes,
    DueRow,
    bed_code,
)
from ..domain.residents import ACTIVE_STATUSES
from ..domain.roles import Perm
from ..domain.schedule import due_state
from . import settings
from .audit import audit
from .context import RESOURCES, Ctx
from .numbering import next_number
from .output import write_document
from . import busy

REASONS = ("首次评估", "常规评估", "即时评估", "复评", "其他")
PENDING, EFFECTIVE, DECLINED, WITHDRAWN = CARE_PENDING, CARE_EFFECTIVE, CARE_DECLINED, CARE_WITHDRAWN


# --- instruments ----------------------------------------------------------------

@lru_cache(maxsize=None)
def _instruments(folder: Path) -> dict[str, Instrument]:
    out = {}
    for f in sorted(folder.glob("*.toml")):
        ins = parse_instrument(f.read_text(encoding="utf-8"))
        out[ins.code] = ins
    return out


def instruments() -> dict[str, Instrument]:
    return _instruments(RESOURCES / "instruments")


def instrument(code: str) -> Instrument:
    try:
        return instruments()[code]
    except KeyError:
        raise RuleViolation(f"未知的评估工具“{code}”", "instrument") from None


@dataclass(frozen=True)
class AssessmentSettings:
    instrument_code: str
    interval_months: int
    due_window_days: int
    care_levels: dict[int, str]
    stamp: str = ""  # settings.stamp: saving the form checks it


def get_settings(ctx: Ctx) -> AssessmentSettings:
    with ctx.read() as s:
        return _settings(s)


def _settings(s: Session) -> AssessmentSettings:
    code = settings.get(s, "assessment.instrument")
    return AssessmentSettings(code, int(settings.get(s, "assessment.interval_months")),
                              int(settings.get(s, "assessment.due_window_days")), _care_levels(s, code),
                              settings.stamp(s, SETTINGS_KEYS))


def _care_levels(s: Session, code: str) -> dict[int, str]:
    levels = dict(instrument(code).default_care_levels)
    for row in s.execute(select(CareLevelMap).where(CareLevelMap.instrument_code == code)).scalars():
        levels[row.grade] = row.care_level
    return levels


def care_levels(ctx: Ctx, instrument_code: str) -> dict[int, str]:
    with ctx.read() as s:
        return _care_levels(s, instrument_code)


#: the settings the 评估设置 form edits (with the care-level map)
SETTINGS_KEYS = ("assessment.instrument", "assessment.interval_months", "assessment.due_window_days")


@busy.retrying
def save_settings(ctx: Ctx, instrument_code: str, interval_months: int, care_levels: Mapping[int, str],
                  due_window_days: int = 30, *, expected_stamp: str | None = None) -> Changes:
    """``expected_stamp``: AssessmentSettings.stamp as the form read it (refused
    when another PC saved these settings since; None: not checked)."""
    ctx.require(Perm.SETTINGS_WRITE)
    ins = instrument(instrument_code)
    p = Problems()
    if not 1 <= interval_months <= 24:
        p.add("interval_months", "复评间隔应为1至24个月")
    if not 1 <= due_window_days <= 90:
        p.add("due_window_days", "到期提醒天数应为1至90天")
    for g in range(ins.max_grade + 1):
        if not (care_levels.get(g) or "").strip():
            p.add("care_levels", f"请为等级{g}（{ins.grade_names[g]}）指定照护等级")
    extra = set(care_levels) - set(range(ins.max_grade + 1))
    if extra:
        p.add("care_levels", f"{ins.short_name}没有等级{sorted(extra)}")
    p.raise_if_any()
    with ctx.write(Perm.SETTINGS_WRITE) as s:
        before = _settings(s)
        settings.save_group(s, SETTINGS_KEYS, expected_stamp, "评估设置")
        settings.put(s, "assessment.instrument", instrument_code)
        settings.put(s, "assessment.interval_months", str(interval_months))
        settings.put(s, "assessment.due_window_days", str(due_window_days))
        for g in range(ins.max_grade + 1):
            row = s.execute(select(CareLevelMap).where(CareLevelMap.instrument_code == instrument_code,
                                                       CareLevelMap.grade == g)).scalar_one_or_none()
            if row is None:
                s.add(CareLevelMap(instrument_code=instrument_code, grade=g, care_level=care_levels[g].strip()))
            else:
                row.care_level = care_levels[g].strip()
        s.flush()
        audit(ctx, s, "修改评估设置", "setting", "assessment",
              {"instrument": before.instrument_code, "interval": before.interval_months, "care_levels": before.care_levels},
              {"instrument": instrument_code, "interval": interval_months, "care_levels": dict(care_levels)})
        return Changes.of("setting", "assessment")


# --- recording ------------------------------------------------------------------

@dataclass(frozen=True)
class AssessmentInput:
    resident_id: int
    base_date: dt.date
    reason: str
    assessor1: str
    assessor2: str
    informant_name: str
    informant_relation: str
    scores: Mapping[str, int]
    instrument_code: str = ""  # empty = the centre's current instrument
    diagnoses: tuple[str, ...] = ()
    medications: str = ""
    risk_events: Mapping[str, int] = field(default_factory=dict)
    health: Mapping[str, str] = field(default_factory=dict)
    coma: bool = False
    notes: str = ""
    supersedes_id: int | None = None


def _next_number(s: Session, year: int) -> str:
    return next_number(s, Assessment.number, f"PG{year}-")


def _current_level(s: Session, resident_id: int) -> tuple[str, CareLevelChange | None]:
    row = s.execute(
        select(CareLevelChange)
        .where(CareLevelChange.resident_id == resident_id, CareLevelChange.status == EFFECTIVE)
        .order_by(CareLevelChange.effective_date.desc(), CareLevelChange.id.desc())
    ).scalars().first()
    return (row.new_level if row else ""), row


@busy.retrying
def save_assessment(ctx: Ctx, data: AssessmentInput) -> Changes:
    """Validate, score and save. Refuses bad input with every problem listed."""
    ctx.require(Perm.RESIDENT_WRITE)
    today = ctx.today()
    p = Problems()
    if data.base_date is None:
        p.add("base_date", "请填写评估基准日期")
    elif data.base_date > today:
        p.add("base_date", f"评估基准日期{data.base_date:%Y-%m-%d}晚于今天，不能预先登记")
    if data.reason not in REASONS:
        p.add("reason", f"评估原因应为{'、'.join(REASONS)}之一")
    a1, a2 = (data.assessor1 or "").strip(), (data.assessor2 or "").strip()
    if not a1 or not a2:
        p.add("assessors", "每次评估须由两名评估员共同完成，请填写两名评估员")
    elif a1 == a2:
        p.add("assessors", "两名评估员不能是同一人")
    if not (data.informant_name or "").strip():
        p.add("informant", "请填写信息提供者")
    with ctx.read() as s:
        code = data.instrument_code or settings.get(s, "assessment.instrument")
    try:
        ins = instrument(code)
    except RuleViolation as exc:
        p.items.extend(exc.problems)
        p.raise_if_any()
    result = None
    try:
        result = score(ins, ScoreInput(dict(data.scores), data.coma, tuple(data.diagnoses), dict(data.risk_events)))
    except RuleViolation as exc:
        p.items.extend(exc.problems)
    p.raise_if_any()
    assert result is not None
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = s.get(Resident, data.resident_id)
        if r is None:
            raise NotFound("住户不存在")
        if r.status not in (x.value for x in ACTIVE_STATUSES):
            raise RuleViolation(f"“{r.name}”目前{r.status}，不能再做评估")
        if data.base_date < r.birth_date:
            raise RuleViolation("评估基准日期早于出生日期", "base_date")
        old = None
        if data.supersedes_id is not None:
            old = s.get(Assessment, data.supersedes_id)
            if old is None or old.resident_id != r.id:
                raise RuleViolation("要更正的评估不属于该住户", "supersedes")
            if s.execute(select(Assessment.id).where(Assessment.supersedes_id == old.id)).first():
                raise RuleViolation(f"评估{old.number}已被更正过，请更正最新的那份", "supersedes")
        level = _care_levels(s, ins.code)[result.final_grade]
        a = Assessment(
            number=_next_number(s, data.base_date.year), resident_id=r.id, instrument_code=ins.code,
            base_date=data.base_date, reason=data.reason, assessor1=a1, assessor2=a2,
            informant_name=data.informant_name.strip(), informant_relation=(data.informant_relation or "").strip(),
            diagnoses=json.dumps([normalise_icd(d) for d in data.diagnoses], ensure_ascii=False),
            medications=data.medications.strip(),
            risk_events=json.dumps({k: v for k, v in data.risk_events.items() if v}, ensure_ascii=False),
            health=json.dumps(dict(data.health), ensure_ascii=False), coma=data.coma,
            scores=json.dumps(dict(data.scores), ensure_ascii=False),
            section_totals=json.dumps({x.code: [x.total, x.grade] for x in result.sections}, ensure_ascii=False),
            total=result.total, preliminary_grade=result.preliminary_grade, final_grade=result.final_grade,
            adjustments=json.dumps([a.reason for a in result.adjustments], ensure_ascii=False),
            care_level=level, notes=data.notes.strip(), supersedes_id=old.id if old else None,
            created_at=ctx.now(), created_by=ctx.actor.username,
        )
        s.add(a)
        s.flush()
        if old is not None:
            # the corrected assessment's pending level change is withdrawn
            for ch in s.execute(select(CareLevelChange).where(CareLevelChange.assessment_id == old.id,
                                                              CareLevelChange.status == PENDING)).scalars():
                ch.status, ch.note = WITHDRAWN, f"被评估{a.number}更正"
        for req in s.execute(select(ReassessmentRequest).where(ReassessmentRequest.resident_id == r.id,
                                                               ReassessmentRequest.done_assessment_id.is_(None),
                                                               ReassessmentRequest.requested_on <= data.base_date)).scalars():
            req.done_assessment_id = a.id
        # an earlier change still waiting for consent is overtaken by this assessment
        for ch in s.execute(select(CareLevelChange).where(CareLevelChange.resident_id == r.id,
                                                          CareLevelChange.status == PENDING)).scalars():
            ch.status, ch.note = WITHDRAWN, f"被评估{a.number}取代"
        before_cats = r.categories
        r.categories = ",".join(with_disability(tuple(c for c in r.categories.split(",") if c), ins,
                                                result.final_grade))
        current, _ = _current_level(s, r.id)
        message = f"评估{a.number}已保存：{result.grade_name}，照护等级{level}"
        if not current:
            s.add(CareLevelChange(resident_id=r.id, assessment_id=a.id, old_level="", new_level=level,
                                  status=EFFECTIVE, effective_date=data.base_date, recorded_by=ctx.actor.username,
                                  note="首次确定照护等级：入住评估的结果，在签订服务合同时由老人或代理人确认"))
        elif current != level:
            s.add(CareLevelChange(resident_id=r.id, assessment_id=a.id, old_level=current, new_level=level,
                                  status=PENDING, recorded_by=ctx.actor.username))
            message += f"；照护等级由{current}变为{level}，须经老人或代理人同意后生效"
        s.flush()
        audit(ctx, s, "更正评估" if old else "保存评估", "assessment", a.id,
              {"supersedes": old.number} if old else None,
              {"number": a.number, "resident_id": r.id, "instrument": ins.code, "base_date": a.base_date,
               "total": a.total, "final_grade": a.final_grade, "care_level": level, "scores": dict(data.scores),
               **({"categories": [before_cats, r.categories]} if before_cats != r.categories else {})})
        return Changes.of("assessment", "care_level", "resident", ids=(a.id,), message=message)


@busy.retrying
def record_consent(ctx: Ctx, change_id: int, consent_by: str, relation: str, consent_date: dt.date,
                   agreed: bool = True, note: str = "") -> Changes:
    """The resident or agent agrees (the level takes effect on consent_date) or declines."""
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    if not (consent_by or "").strip():
        p.add("consent_by", "请填写表示同意（或不同意）的老人或代理人姓名")
    if not (relation or "").strip():
        p.add("consent_relation", "请填写与老人的关系（本人、代理人等）")
    if consent_date is None or consent_date > ctx.today():
        p.add("consent_date", "同意日期不能晚于今天")
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        ch = s.get(CareLevelChange, change_id)
        if ch is None:
            raise NotFound("照护等级变更记录不存在")
        if ch.status != PENDING:
            raise RuleViolation(f"该变更已是“{ch.status}”状态")
        r = s.get(Resident, ch.resident_id)
        if r.status not in (x.value for x in ACTIVE_STATUSES):
            raise RuleViolation(f"“{r.name}”目前{r.status}，照护等级变更已无意义，不能再记录同意")
        a = s.get(Assessment, ch.assessment_id)
        if consent_date < a.base_date:
            raise RuleViolation(f"同意日期早于评估日期{a.base_date:%Y-%m-%d}", "consent_date")
        ch.consent_by, ch.consent_relation, ch.consent_date = consent_by.strip(), relation.strip(), consent_date
        ch.note = note.strip()
        if agreed:
            ch.status, ch.effective_date = EFFECTIVE, consent_date
        else:
            ch.status = DECLINED
        s.flush()
        audit(ctx, s, "照护等级变更同意" if agreed else "照护等级变更未获同意", "care_level_change", ch.id,
              {"status": PENDING, "level": ch.old_level},
              {"status": ch.status, "level": ch.new_level, "consent_by": ch.consent_by,
               "relation": ch.consent_relation, "date": consent_date})
        return Changes.of("care_level", "resident", ids=(ch.resident_id,))


@busy.retrying
def request_immediate(ctx: Ctx, resident_id: int, requested_on: dt.date, reason: str) -> Changes:
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    if not (reason or "").strip():
        p.add("reason", "请说明老人的身体状况发生了什么变化")
    if requested_on > ctx.today():
        p.add("requested_on", "申请日期不能晚于今天")
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise NotFound("住户不存在")
        if r.status not in (x.value for x in ACTIVE_STATUSES):
            raise RuleViolation(f"“{r.name}”目前{r.status}，无需评估")
        req = ReassessmentRequest(resident_id=r.id, requested_on=requested_on, reason=reason.strip(),
                                  requested_by=ctx.actor.username)
        s.add(req)
        s.flush()
        audit(ctx, s, "申请即时评估", "resident", r.id, None, {"requested_on": requested_on, "reason": reason.strip()})
        return Changes.of("assessment", ids=(r.id,), message=f"已为“{r.name}”登记即时评估")


# --- reading --------------------------------------------------------------------

def _summary(a: Assessment, name: str, superseded_by: int | None) -> AssessmentSummary:
    ins = instrument(a.instrument_code)
    return AssessmentSummary(
        a.id, a.number, a.resident_id, name, a.instrument_code, a.base_date, a.reason, a.total,
        a.preliminary_grade, a.final_grade, ins.grade_names[a.final_grade], a.care_level,
        (a.assessor1, a.assessor2), a.supersedes_id, superseded_by,
    )


def _superseded_map(s: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = s.execute(select(Assessment.supersedes_id, Assessment.id).where(Assessment.supersedes_id.in_(ids)))
    return {old: new for old, new in rows}


def history(ctx: Ctx, resident_id: int) -> list[AssessmentSummary]:
    """A resident's assessments, oldest first, corrections and corrected ones both shown."""
    with ctx.read() as s:
        r = s.get(Resident, resident_id)
        if r is None:
            raise NotFound("住户不存在")
        rows = list(s.execute(select(Assessment).where(Assessment.resident_id == resident_id)
                              .order_by(Assessment.base_date, Assessment.id)).scalars())
        sup = _superseded_map(s, [a.id for a in rows])
        return [_summary(a, r.name, sup.get(a.id)) for a in rows]


def list_assessments(ctx: Ctx, date_from: dt.date, date_to: dt.date) -> list[AssessmentSummary]:
    with ctx.read() as s:
        rows = s.execute(
            select(Assessment, Resident.name).join(Resident, Resident.id == Assessment.resident_id)
            .where(Assessment.base_date >= date_from, Assessment.base_date <= date_to)
            .order_by(Assessment.base_date, Assessment.id)
        ).all()
        sup = _superseded_map(s, [a.id for a, _ in rows])
        return [_summary(a, name, sup.get(a.id)) for a, name in rows]


def get_detail(ctx: Ctx, assessment_id: int) -> AssessmentDetail:
    with ctx.read() as s:
        return _detail(s, assessment_id)


def details(ctx: Ctx, date_from: dt.date, date_to: dt.date) -> list[AssessmentDetail]:
    with ctx.read(Perm.PRINT) as s:
        ids = s.execute(select(Assessment.id).where(Assessment.base_date >= date_from, Assessment.base_date <= date_to)
                        .order_by(Assessment.base_date, Assessment.id)).scalars().all()
        return [_detail(s, i) for i in ids]


def _detail(s: Session, assessment_id: int) -> AssessmentDetail:
    a = s.get(Assessment, assessment_id)
    if a is None:
        raise NotFound("评估记录不存在")
    r = s.get(Resident, a.resident_id)
    ins = instrument(a.instrument_code)
    scores = json.loads(a.scores)
    totals = json.loads(a.section_totals)
    names = ins.section_grade_names
    bed = s.execute(
        select(Room.building, Room.number, Bed.label).join(Bed, Bed.room_id == Room.id)
        .join(BedAssignment, BedAssignment.bed_id == Bed.id)
        .where(BedAssignment.resident_id == r.id, BedAssignment.start_date <= a.base_date)
        .order_by(BedAssignment.start_date.desc())
    ).first()
    dx = json.loads(a.diagnoses)
    dx_names = tuple(
        next((c.name for c in ins.diagnoses if c.low <= code[:3] <= c.high), "") for code in dx
    )
    kinds = {k.code: k.name for k in ins.risk_kinds}
    sup_new = s.execute(select(Assessment.number).where(Assessment.supersedes_id == a.id)).scalar()
    sup_old = s.get(Assessment, a.supersedes_id).number if a.supersedes_id else ""
    centre = s.get(Centre, 1)
    health = json.loads(a.health)
    return AssessmentDetail(
        id=a.id, number=a.number, instrument_code=ins.code, instrument_name=ins.name,
        resident_id=r.id, resident_name=r.name, resident_gender=r.gender, resident_id_number=r.id_number,
        resident_birth_date=r.birth_date, resident_bed=bed_code(*bed) if bed else "",
        base_date=a.base_date, reason=a.reason, assessor1=a.assessor1, assessor2=a.assessor2,
        informant_name=a.informant_name, informant_relation=a.informant_relation,
        diagnoses=tuple(dx), diagnosis_names=dx_names, medications=a.medications,
        risk_events=tuple((kinds.get(k, k), n) for k, n in json.loads(a.risk_events).items()),
        health=tuple((k, str(v)) for k, v in health.items()), coma=a.coma,
        items=tuple(
            (sec.name, it.code, it.name, scores[it.code], it.max, it.option_text(scores[it.code]))
            for sec in ins.sections for it in sec.items
        ),
        sections=tuple(
            (sec.code, sec.name, totals[sec.code][0], sec.max_total,
             names[totals[sec.code][1]] if names and totals[sec.code][1] is not None else "")
            for sec in ins.sections
        ),
        total=a.total, max_total=ins.max_total, preliminary_grade=a.preliminary_grade,
        preliminary_name=ins.grade_names[a.preliminary_grade], final_grade=a.final_grade,
        grade_name=ins.grade_names[a.final_grade], adjustments=tuple(json.loads(a.adjustments)),
        care_level=a.care_level, notes=a.notes, supersedes_number=sup_old, superseded_by_number=sup_new or "",
        centre_name=centre.name if centre else "", created_by=a.created_by, created_at=a.created_at,
    )


def _change_info(ch: CareLevelChange, name: str, number: str) -> CareLevelChangeInfo:
    return CareLevelChangeInfo(ch.id, ch.resident_id, name, ch.assessment_id, number, ch.old_level, ch.new_level,
                               ch.status, ch.consent_by, ch.consent_relation, ch.consent_date, ch.effective_date, ch.note)


def care_level_changes(ctx: Ctx, resident_id: int | None = None, pending_only: bool = False) -> list[CareLevelChangeInfo]:
    with ctx.read() as s:
        q = (select(CareLevelChange, Resident.name, Assessment.number)
             .join(Resident, Resident.id == CareLevelChange.resident_id)
             .join(Assessment, Assessment.id == CareLevelChange.assessment_id)
             .order_by(CareLevelChange.id))
        if resident_id is not None:
            q = q.where(CareLevelChange.resident_id == resident_id)
        if pending_only:
            q = q.where(CareLevelChange.status == PENDING)
        return [_change_info(ch, n, num) for ch, n, num in s.execute(q)]


def current_care_level(ctx: Ctx, resident_id: int, on: dt.date | None = None) -> str:
    """The care level in effect on a day (today by default): later issues bill by it."""
    day = on or ctx.today()
    with ctx.read() as s:
        row = s.execute(
            select(CareLevelChange.new_level)
            .where(CareLevelChange.resident_id == resident_id, CareLevelChange.status == EFFECTIVE,
                   CareLevelChange.effective_date <= day)
            .order_by(CareLevelChange.effective_date.desc(), CareLevelChange.id.desc())
        ).scalars().first()
        return row or ""


def due_list(ctx: Ctx, include_not_due: bool = False) -> list[DueRow]:
    """Active residents with when their next assessment is due, most urgent first."""
    today = ctx.today()
    with ctx.read() as s:
        st = _settings(s)
        last = (select(Assessment.resident_id, func.max(Assessment.base_date).label("d"))
                .group_by(Assessment.resident_id).subquery())
        req = (select(ReassessmentRequest.resident_id, func.min(ReassessmentRequest.requested_on).label("d"))
               .where(ReassessmentRequest.done_assessment_id.is_(None))
               .group_by(ReassessmentRequest.resident_id).subquery())
        stay = select(Stay.resident_id, Stay.start_date).where(Stay.end_date.is_(None)).subquery()
        bed = (select(BedAssignment.resident_id, Room.building, Room.number, Bed.label)
               .join(Bed, Bed.id == BedAssignment.bed_id).join(Room, Room.id == Bed.room_id)
               .where(BedAssignment.end_date.is_(None)).subquery())
        rows = s.execute(
            select(Resident.id, Resident.name, Resident.status, last.c.d, req.c.d, stay.c.start_date,
                   bed.c.building, bed.c.number, bed.c.label)
            .outerjoin(last, last.c.resident_id == Resident.id)
            .outerjoin(req, req.c.resident_id == Resident.id)
            .outerjoin(stay, stay.c.resident_id == Resident.id)
            .outerjoin(bed, bed.c.resident_id == Resident.id)
            .where(Resident.status.in_([x.value for x in ACTIVE_STATUSES]))
        ).all()
        latest = {}
        ids = [r[0] for r in rows if r[3] is not None]
        if ids:
            for a in s.execute(select(Assessment).where(Assessment.resident_id.in_(ids))
                               .order_by(Assessment.base_date, Assessment.id)).scalars():
                latest[a.resident_id] = a
        levels = {}
        for rid, lvl in s.execute(select(CareLevelChange.resident_id, CareLevelChange.new_level)
                                  .where(CareLevelChange.status == EFFECTIVE, CareLevelChange.effective_date <= today)
                                  .order_by(CareLevelChange.effective_date, CareLevelChange.id)):
            levels[rid] = lvl
    out = []
    for rid, name, status, last_d, req_d, admitted, b, n, lbl in rows:
        ds = due_state(today, last_d, admitted, st.interval_months, st.due_window_days, req_d)
        if not ds.state and not include_not_due:
            continue
        a = latest.get(rid)
        out.append(DueRow(rid, name, bed_code(b, n, lbl) if n else "", status, a.number if a else "", last_d,
                          instrument(a.instrument_code).grade_names[a.final_grade] if a else "",
                          levels.get(rid, ""), ds.due_date, ds.days_left, ds.state, ds.reason))
    out.sort(key=lambda r: (r.days_left, r.resident_id))
    return out


def export_xlsx(ctx: Ctx, path, date_from: dt.date, date_to: dt.date, progress=None, abort=None):
    """Assessments with base dates in [date_from, date_to] to an XLSX file."""
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")
    from ..documents.assessment_xlsx import write_assessments_xlsx

    rows = details(ctx, date_from, date_to)
    with ctx.read() as s:
        c = s.get(Centre, 1)
        centre_name = c.name if c else ""
    return write_document(
        ctx, path,
        lambda tmp: write_assessments_xlsx(rows, tmp, (date_from, date_to), centre_name, progress, abort),
        "导出评估记录", "assessment", {"from": date_from, "to": date_to},
    )


def report_pdf(ctx: Ctx, assessment_id: int, path):
    """The assessment report for signatures, as a PDF file."""
    from ..documents.assessment_report import render_assessment_report

    detail = get_detail(ctx, assessment_id)
    data = render_assessment_report(detail, printed_on=ctx.today())

    def write(tmp):
        tmp.write_bytes(data)
        return 1

    return write_document(ctx, path, write, "打印评估报告", "assessment", {"number": detail.number})
