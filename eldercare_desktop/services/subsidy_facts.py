"""The facts subsidies test, kept by the administrator, each dated: the
centre's nature, property and lease, establishment, licence, approved beds,
star rating, community-centre facts, the legal person's chain; construction
projects; half-yearly inspection grades; the figures a scheme leaves to the
centre (parameters).

Decisions:
- A fact is a value in force from a day (``centre_fact``); a claim reads the
  value in force on the last day of its period. A correction is a new value
  from the same day (it replaces that day's value; the audit trail keeps both).
- Before any dated value, nature and approved beds fall back to the centre
  profile (机构性质, 核定床位) so an existing centre needs nothing re-entered.
- A construction project that a submitted claim has paid cannot be edited.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Centre, CentreFact, ConstructionProject, InspectionGrade, SubsidyClaim, SubsidyClaimRow, SubsidyParam
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.money import yuan_to_fen
from ..domain.records import Changes
from ..domain.roles import Perm
from ..domain.subsidy_records import (
    COMMUNITY_KINDS,
    FACILITIES,
    GRADES,
    NATURE_OF_KIND,
    NATURES,
    PROJECT_KINDS,
    TENURES,
    ProjectFacts,
)
from .audit import audit
from .context import Ctx
from . import busy

# key → (label, type): text | date | int | decimal | fen | choice list
FACTS: dict[str, tuple[str, object]] = {
    "nature": ("机构性质", NATURES),
    "tenure": ("房屋产权", TENURES),
    "lease_start": ("租赁起始日", "date"),
    "lease_end": ("租赁截止日", "date"),
    "established": ("设立（开业）日期", "date"),
    "licence_no": ("设立许可（备案）编号", "text"),
    "approved_beds": ("核定床位", "int"),
    "star_rating": ("星级评定", "int"),
    "nursing_centre": ("护理型养老机构（具备医疗护理资质）", ("是", "否")),
    "chain_centres": ("同一法人在本区的机构数（含本机构）", "int"),
    "chain_names": ("同一法人在本区的其他机构", "text"),
    "chain_new": ("本机构是同一法人在本区新增的连锁机构", ("是", "否")),
    "building_area_m2": ("建筑面积（m²）", "decimal"),
    "staff_managers": ("职工：管理人员（人）", "int"),
    "staff_service": ("职工：服务人员（人）", "int"),
    "staff_other": ("职工：其他人员（人）", "int"),
    "community_kind": ("社区养老服务中心类型", COMMUNITY_KINDS),
    "community_area_m2": ("社区养老服务中心面积（m²）", "decimal"),
    "municipal_grant": ("市级示范建设补贴（已到账）", "fen"),
    "liability_premium": ("当年机构责任保险保费", "fen"),
}


@dataclass(frozen=True)
class FactRow:
    id: int
    key: str
    label: str
    valid_from: dt.date
    value: str
    shown: str
    note: str
    recorded_by: str


@dataclass(frozen=True)
class ProjectInput:
    name: str
    facility: str
    kind: str
    beds: int
    completed: dt.date
    tenure: str
    area_m2: str = "0"
    lease_start: dt.date | None = None
    lease_end: dt.date | None = None
    note: str = ""


def _parse(key: str, text: str) -> object:
    """The typed value of a fact's text; raises RuleViolation in Chinese."""
    label, kind = FACTS[key]
    text = (text or "").strip()
    if isinstance(kind, tuple):
        if text not in kind:
            raise RuleViolation(f"{label}应为{'、'.join(kind)}之一", key)
        return text
    if kind == "text":
        return text
    if kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise RuleViolation(f"{label}“{text}”应为日期（YYYY-MM-DD）", key) from None
    if kind == "int":
        if not text.isdigit():
            raise RuleViolation(f"{label}应为不小于0的整数", key)
        n = int(text)
        if key == "star_rating" and n > 5:
            raise RuleViolation("星级评定为0—5星", key)
        return n
    if kind == "fen":
        fen = yuan_to_fen(text, key)
        if fen < 0:
            raise RuleViolation(f"{label}不能为负数", key)
        return fen
    try:
        d = Decimal(text)
    except InvalidOperation:
        raise RuleViolation(f"{label}“{text}”不是数字", key) from None
    if not d.is_finite() or d < 0:
        raise RuleViolation(f"{label}应为不小于0的数", key)
    return d


def _shown(key: str, value: object) -> str:
    if FACTS[key][1] == "fen":
        return f"¥{Decimal(int(value)) / 100:,.2f}"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


@busy.retrying
def record_fact(ctx: Ctx, key: str, value: str, valid_from: dt.date, note: str = "") -> Changes:
    """Set a fact from a day on (a second value for the same day replaces it)."""
    ctx.require(Perm.CENTRE_WRITE)
    if key not in FACTS:
        raise RuleViolation(f"未知的机构事实“{key}”", "key")
    typed = _parse(key, value)
    if valid_from > ctx.today():
        raise RuleViolation(f"生效日期{valid_from:%Y-%m-%d}不能晚于今天", "valid_from")
    text = typed.isoformat() if isinstance(typed, dt.date) else str(typed)
    with ctx.write(Perm.CENTRE_WRITE) as s:
        on = facts_in(s, valid_from)
        if key == "lease_end" and on.get("lease_start") and typed <= on["lease_start"]:
            raise RuleViolation("租赁截止日应晚于租赁起始日", key)
        if key == "lease_start" and on.get("lease_end") and typed >= on["lease_end"]:
            raise RuleViolation("租赁起始日应早于租赁截止日", key)
        row = s.execute(select(CentreFact).where(CentreFact.key == key, CentreFact.valid_from == valid_from)).scalar()
        before = {"value": row.value, "note": row.note} if row else None
        if row is None:
            row = CentreFact(key=key, valid_from=valid_from)
            s.add(row)
        row.value, row.note = text, note.strip()
        row.recorded_at, row.recorded_by = ctx.now(), ctx.actor.username
        s.flush()
        audit(ctx, s, "登记机构事实", "centre_fact", row.id, before,
              {"key": key, "valid_from": valid_from.isoformat(), "value": text, "note": note.strip()})
        return Changes.of("centre_fact", ids=(row.id,), message=f"{FACTS[key][0]}已登记（自{valid_from:%Y-%m-%d}起）")


def fact_history(ctx: Ctx) -> list[FactRow]:
    with ctx.read() as s:
        rows = s.execute(select(CentreFact).order_by(CentreFact.key, CentreFact.valid_from)).scalars()
        return [FactRow(r.id, r.key, FACTS.get(r.key, (r.key,))[0], r.valid_from, r.value,
                        _shown(r.key, _parse(r.key, r.value)) if r.key in FACTS else r.value, r.note, r.recorded_by)
                for r in rows]


def facts_in(s: Session, day: dt.date) -> dict:
    """Every fact in force on ``day`` (typed), with the centre profile's
    nature and approved beds as the fallback."""
    out: dict = {}
    c = s.get(Centre, 1)
    if c is not None:
        out["nature"] = NATURE_OF_KIND.get(c.kind, c.kind)
        out["approved_beds"] = c.approved_beds
    for r in s.execute(select(CentreFact).where(CentreFact.valid_from <= day)
                       .order_by(CentreFact.valid_from)).scalars():
        if r.key in FACTS:
            out[r.key] = _parse(r.key, r.value)
    return out


def facts_on(ctx: Ctx, day: dt.date) -> dict:
    with ctx.read() as s:
        return facts_in(s, day)


# --- construction projects ----------------------------------------------------------

def _check_project(p_in: ProjectInput, today: dt.date) -> Decimal:
    p = Problems()
    if not p_in.name.strip():
        p.add("name", "请填写项目名称")
    if p_in.facility not in FACILITIES:
        p.add("facility", f"设施类型应为{'、'.join(FACILITIES)}之一")
    if p_in.kind not in PROJECT_KINDS:
        p.add("kind", f"项目类型应为{'、'.join(PROJECT_KINDS)}之一")
    if p_in.tenure not in TENURES:
        p.add("tenure", "房屋产权应为自有或租赁")
    area = Decimal(0)
    try:
        area = Decimal(str(p_in.area_m2 or "0").strip())
        if not area.is_finite() or area < 0:
            raise InvalidOperation
    except InvalidOperation:
        p.add("area_m2", f"建筑面积“{p_in.area_m2}”应为不小于0的数")
    if p_in.beds < 0:
        p.add("beds", "新增床位不能为负数")
    if p_in.facility == "养老机构" and p_in.beds == 0:
        p.add("beds", "养老机构建设项目请填写新增床位数")
    if p_in.facility == "社区养老服务中心" and area == 0:
        p.add("area_m2", "社区养老服务中心建设项目请填写建筑面积")
    if p_in.completed > today:
        p.add("completed", f"竣工日期{p_in.completed:%Y-%m-%d}不能晚于今天")
    if p_in.tenure == "租赁":
        if p_in.lease_start is None or p_in.lease_end is None:
            p.add("lease_end", "租赁房屋请填写租期起止日期")
        elif p_in.lease_end <= p_in.lease_start:
            p.add("lease_end", "租期截止日应晚于起始日")
    p.raise_if_any()
    return area


@busy.retrying
def add_project(ctx: Ctx, p_in: ProjectInput) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    area = _check_project(p_in, ctx.today())
    with ctx.write(Perm.CENTRE_WRITE) as s:
        row = ConstructionProject(
            name=p_in.name.strip(), facility=p_in.facility, kind=p_in.kind, beds=p_in.beds, area_m2=str(area),
            completed=p_in.completed, tenure=p_in.tenure,
            lease_start=p_in.lease_start if p_in.tenure == "租赁" else None,
            lease_end=p_in.lease_end if p_in.tenure == "租赁" else None, note=p_in.note.strip(),
            created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        audit(ctx, s, "登记建设项目", "construction_project", row.id, None, _project_dict(row))
        return Changes.of("construction_project", ids=(row.id,), message=f"建设项目“{row.name}”已登记")


@busy.retrying
def update_project(ctx: Ctx, project_id: int, p_in: ProjectInput) -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    area = _check_project(p_in, ctx.today())
    with ctx.write(Perm.CENTRE_WRITE) as s:
        row = s.get(ConstructionProject, project_id)
        if row is None:
            raise NotFound(f"建设项目{project_id}不存在")
        used = s.execute(select(SubsidyClaim.number).join(SubsidyClaimRow, SubsidyClaimRow.claim_id == SubsidyClaim.id)
                         .where(SubsidyClaimRow.subject_key == f"project:{project_id}",
                                SubsidyClaim.status.in_(("已提交", "已批准", "已到账")))).scalar()
        if used:
            raise RuleViolation(f"该项目已在补贴申报{used}中提交，不能再修改", "name")
        before = _project_dict(row)
        row.name, row.facility, row.kind, row.beds, row.area_m2 = (p_in.name.strip(), p_in.facility, p_in.kind,
                                                                   p_in.beds, str(area))
        row.completed, row.tenure, row.note = p_in.completed, p_in.tenure, p_in.note.strip()
        row.lease_start = p_in.lease_start if p_in.tenure == "租赁" else None
        row.lease_end = p_in.lease_end if p_in.tenure == "租赁" else None
        s.flush()
        audit(ctx, s, "修改建设项目", "construction_project", row.id, before, _project_dict(row))
        return Changes.of("construction_project", ids=(row.id,), message=f"建设项目“{row.name}”已修改")


def _project_dict(r: ConstructionProject) -> dict:
    return {"name": r.name, "facility": r.facility, "kind": r.kind, "beds": r.beds, "area_m2": r.area_m2,
            "completed": r.completed.isoformat(), "tenure": r.tenure,
            "lease_start": r.lease_start.isoformat() if r.lease_start else None,
            "lease_end": r.lease_end.isoformat() if r.lease_end else None, "note": r.note}


def projects_in(s: Session) -> list[ProjectFacts]:
    return [ProjectFacts(r.id, r.name, r.facility, r.kind, r.beds, Decimal(r.area_m2), r.completed, r.tenure,
                         r.lease_start, r.lease_end, r.note)
            for r in s.execute(select(ConstructionProject).order_by(ConstructionProject.completed,
                                                                    ConstructionProject.id)).scalars()]


def projects(ctx: Ctx) -> list[ProjectFacts]:
    with ctx.read() as s:
        return projects_in(s)


# --- inspection grades ------------------------------------------------------------

def half_of(day: dt.date) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


@busy.retrying
def record_grade(ctx: Ctx, half: str, grade: str, note: str = "") -> Changes:
    ctx.require(Perm.CENTRE_WRITE)
    half = half.strip().upper()
    if len(half) != 7 or not half[:4].isdigit() or half[4:] not in ("-H1", "-H2"):
        raise RuleViolation(f"检查期间“{half}”应写成 2026-H1 或 2026-H2", "half")
    if grade not in GRADES:
        raise RuleViolation(f"检查评级应为{'、'.join(GRADES)}之一", "grade")
    start = dt.date(int(half[:4]), 1 if half.endswith("H1") else 7, 1)
    if start > ctx.today():
        raise RuleViolation(f"{half}还没有开始，不能登记检查评级", "half")
    with ctx.write(Perm.CENTRE_WRITE) as s:
        row = s.get(InspectionGrade, half)
        before = {"grade": row.grade, "note": row.note} if row else None
        if row is None:
            row = InspectionGrade(half=half)
            s.add(row)
        row.grade, row.note, row.recorded_at, row.recorded_by = grade, note.strip(), ctx.now(), ctx.actor.username
        s.flush()
        audit(ctx, s, "登记检查评级", "inspection_grade", half, before, {"grade": grade, "note": note.strip()})
        return Changes.of("inspection_grade", message=f"{half}检查评级“{grade}”已登记")


def grades_in(s: Session) -> dict[str, str]:
    return dict(s.execute(select(InspectionGrade.half, InspectionGrade.grade)).all())


def grades(ctx: Ctx) -> dict[str, str]:
    with ctx.read() as s:
        return grades_in(s)


# --- parameters the policy text leaves to the centre ----------------------------------------

def param_values_in(s: Session) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in s.execute(select(SubsidyParam.key, SubsidyParam.value))}


def param_values(ctx: Ctx) -> dict[str, Decimal]:
    with ctx.read() as s:
        return param_values_in(s)


@busy.retrying
def set_param(ctx: Ctx, key: str, value: str) -> Changes:
    """Fill in a figure the centre's profile leaves open ('' clears it): the
    accountant enters it from the year's notice (as the administrator may)."""
    ctx.require(Perm.FINANCE_WRITE)
    from .subsidies import centre_profile

    profile = centre_profile(ctx)
    param = profile.params.get(key)
    if param is None:
        raise RuleViolation(f"政策配置“{profile.name}”没有参数“{key}”", "key")
    text = (value or "").strip().replace(",", "")
    d = None
    if text:
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise RuleViolation(f"{param.label}“{value}”不是数字", "value") from None
        if not d.is_finite() or d < 0:
            raise RuleViolation(f"{param.label}不能为负数", "value")
        if param.minimum is not None and d < param.minimum:
            raise RuleViolation(f"{param.label}不能低于{param.minimum}{param.unit}", "value")
        if param.integer and d != d.to_integral_value():
            raise RuleViolation(f"{param.label}应为整数", "value")
        if param.maximum is not None and d > param.maximum:
            raise RuleViolation(f"{param.label}不能高于{param.maximum}{param.unit}", "value")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = s.get(SubsidyParam, key)
        before = {"value": row.value} if row else None
        if d is None:
            if row is not None:
                s.delete(row)
        else:
            if row is None:
                row = SubsidyParam(key=key)
                s.add(row)
            row.value, row.updated_at, row.updated_by = str(d), ctx.now(), ctx.actor.username
        s.flush()
        audit(ctx, s, "设置补贴参数", "subsidy_param", key, before, {"value": str(d) if d is not None else None})
        return Changes.of("subsidy_param", message=f"{param.label}已{'设为' + str(d) + param.unit if d is not None else '清除'}")


def fact_dict(f: FactRow) -> dict:
    d = asdict(f)
    d["valid_from"] = f.valid_from.isoformat()
    return d
