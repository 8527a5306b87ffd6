"""The rows a claim is computed from, built from the registers: the centre
(dated facts, occupancy from the stay history), construction projects,
residents (户籍, presence month by month, disability from assessments,
nursing-type beds) and care workers (contract, insurance, certificate,
continuous years, training), each with how its evidence is shown.

Decisions:
- Occupancy = occupied bed-days ÷ (approved beds × days of the period), in
  percent, rounded **down** to 0.01 so a figure just under a threshold never
  shows as meeting it. Nursing occupancy = bed-days in nursing-type beds held
  by residents assessed 失能/半失能 on that day ÷ (nursing-type beds × days).
- A resident's month counts the days of the stay in it (leave days count:
  the bed is kept, and the evidence says how many of them were leave, so a
  clerk can see it); the part-month rule is the scheme's ``present_days`` test.
- A worker's month reads the contract covering most of it; ``work_days`` are
  the days under contract and before leaving.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..db.models import Assessment, Bed, BedAssignment, Centre, Leave, Resident, Stay
from ..domain.subsidy import years_between
from ..domain.subsidy_records import CERT_LEVELS, ProjectFacts, Subject, WorkerFacts
from . import care_workers, subsidy_facts

ONE = dt.timedelta(days=1)
FAR = dt.date(9999, 12, 31)


def month_span(m: str) -> tuple[dt.date, dt.date]:
    y, mo = int(m[:4]), int(m[5:7])
    return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])


def _overlap(a0: dt.date, a1: dt.date | None, b0: dt.date, b1: dt.date) -> int:
    lo, hi = max(a0, b0), min(a1 or FAR, b1)
    return max(0, (hi - lo).days + 1)


def _pct(num: int, den: int) -> Decimal:
    if not den:
        return Decimal(0)
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def _short_grade(name: str) -> str:
    """'能力轻度受损（轻度失能）' → '轻度失能'."""
    return name.split("（")[-1].rstrip("）") if "（" in name else name


class _Disability:
    """Each resident's assessed grade over time (corrections replace the
    assessment they correct)."""

    def __init__(self, s: Session):
        from .assessments import instrument

        rows = list(s.execute(select(Assessment.id, Assessment.resident_id, Assessment.base_date,
                                     Assessment.final_grade, Assessment.instrument_code, Assessment.supersedes_id)))
        replaced = {r.supersedes_id for r in rows if r.supersedes_id}
        self.by_resident: dict[int, list[tuple[dt.date, str, str]]] = defaultdict(list)
        cache: dict[str, object] = {}
        for r in sorted(rows, key=lambda r: (r.base_date, r.id)):
            if r.id in replaced:
                continue
            inst = cache.get(r.instrument_code)
            if inst is None:
                inst = cache[r.instrument_code] = instrument(r.instrument_code)
            name = _short_grade(inst.grade_names.get(r.final_grade, str(r.final_grade)))
            cat = inst.disability_categories.get(r.final_grade, "")
            self.by_resident[r.resident_id].append((r.base_date, name, cat))

    def on(self, rid: int, day: dt.date) -> tuple[str, str]:
        """(grade name, 失能/半失能/'') in force on ``day``."""
        out = ("未评估", "")
        for d, name, cat in self.by_resident.get(rid, ()):
            if d > day:
                break
            out = (name, cat)
        return out

    def disabled_days(self, rid: int, lo: dt.date, hi: dt.date) -> int:
        """Days in [lo, hi] on which the resident's assessment said 失能/半失能."""
        marks = self.by_resident.get(rid, ())
        total = 0
        for i, (d, _, cat) in enumerate(marks):
            nxt = marks[i + 1][0] if i + 1 < len(marks) else FAR
            a, b = max(d, lo), min(nxt - ONE, hi)
            if cat and b >= a:
                total += (b - a).days + 1
        return total


def centre_facts(s: Session, lo: dt.date, hi: dt.date, target_percent: int) -> tuple[dict, dict]:
    """The centre's facts for a period ending ``hi``, and how they are shown."""
    f = dict(subsidy_facts.facts_in(s, hi))
    days = (hi - lo).days + 1
    approved = int(f.get("approved_beds") or 0)
    beds = list(s.execute(select(Bed.id, Bed.bed_type).where(Bed.active.is_(True))))
    nursing_ids = {b.id for b in beds if b.bed_type == "护理型"}
    assigns = list(s.execute(select(BedAssignment.resident_id, BedAssignment.bed_id, BedAssignment.start_date,
                                    BedAssignment.end_date)
                             .where(BedAssignment.start_date <= hi,
                                    or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= lo))))
    occupied = sum(_overlap(a.start_date, a.end_date, lo, hi) for a in assigns)
    dis = _Disability(s)
    nursing_days = 0
    for a in assigns:
        if a.bed_id in nursing_ids:
            a0, a1 = max(a.start_date, lo), min(a.end_date or FAR, hi)
            if a1 >= a0:
                nursing_days += dis.disabled_days(a.resident_id, a0, a1)
    f["occupancy"] = _pct(occupied, approved * days)
    f["nursing_occupancy"] = _pct(nursing_days, len(nursing_ids) * days)
    f["nursing_type"] = f.get("nursing_centre", "否") == "是"
    f.setdefault("chain_centres", 1)
    f.setdefault("star_rating", 0)
    f["municipal_grant_fen"] = f.pop("municipal_grant", None)  # None: not recorded
    f["liability_premium_fen"] = f.pop("liability_premium", None)
    est = f.get("established")
    f["operating_years"] = years_between(est, hi + ONE) if est else None
    if f.get("tenure") == "租赁" and f.get("lease_start") and f.get("lease_end"):
        f["lease_years"] = years_between(f["lease_start"], f["lease_end"] + ONE)
    shown = {
        "occupancy": f"{f['occupancy']}%（{occupied}床日 ÷ ({approved}张 × {days}天)）",
        "nursing_occupancy": f"{f['nursing_occupancy']}%（失能、半失能老人护理型床日{nursing_days} ÷ "
                             f"({len(nursing_ids)}张 × {days}天)）",
        "nursing_type": f"{'是' if f['nursing_type'] else '否'}（护理型床位{len(nursing_ids)}张，占{_pct(len(nursing_ids), len(beds))}%，"
                        f"目标{target_percent}%）",
        **{k: f"¥{Decimal(f[k]) / 100:,.2f}" for k in ("municipal_grant_fen", "liability_premium_fen")
           if f[k] is not None},
    }
    if f.get("lease_years") is not None:
        shown["lease_years"] = f"{f['lease_start']:%Y-%m-%d}—{f['lease_end']:%Y-%m-%d}（{f['lease_years']} 年）"
    if est:
        shown["operating_years"] = f"{est:%Y-%m-%d}起 {f['operating_years']} 年"
    return f, shown


def centre_subject(s: Session, months: tuple[str, ...], base: dict, shown: dict) -> Subject:
    grades = subsidy_facts.grades_in(s)
    c = s.get(Centre, 1)
    per_month = {}
    for m in months:
        m0, m1 = month_span(m)
        fm = subsidy_facts.facts_in(s, m1)
        est = fm.get("established")
        half = f"{m[:4]}-H{1 if int(m[5:]) <= 6 else 2}"
        per_month[m] = {"in_operation": bool(est and est <= m1), "beds": int(fm.get("approved_beds") or 0),
                        "inspection_grade": grades.get(half),
                        "_display": {"inspection_grade": f"{half} {grades.get(half, '未检查')}",
                                     "in_operation": f"{'是' if est and est <= m1 else '否'}"
                                                     f"（设立{est:%Y-%m-%d}）" if est else "未登记设立日期"}}
    facts = {**base, "beds": int(base.get("approved_beds") or 0)}
    return Subject("centre:1", c.name if c else "本机构", facts, per_month, shown,
                   {"核定床位": facts["beds"], "机构性质": base.get("nature", "")})


def project_subjects(s: Session, hi: dt.date, base: dict, shown: dict) -> list[Subject]:
    out = []
    for p in subsidy_facts.projects_in(s):
        if p.completed > hi:
            continue
        out.append(_project_subject(p, base, shown))
    return out


def _project_subject(p: ProjectFacts, base: dict, shown: dict) -> Subject:
    f = {**base, "facility": p.facility, "project_kind": p.kind, "beds": p.beds, "area_m2": p.area_m2,
         "tenure": p.tenure, "completed": p.completed, "lease_years": None}
    d = dict(shown)
    d.pop("lease_years", None)
    if p.tenure == "租赁" and p.lease_start and p.lease_end:
        f["lease_years"] = years_between(p.lease_start, p.lease_end + ONE)
        d["lease_years"] = f"{p.lease_start:%Y-%m-%d}—{p.lease_end:%Y-%m-%d}（{f['lease_years']} 年）"
    info = {"项目": p.name, "设施": p.facility, "类型": p.kind, "新增床位": p.beds, "面积": str(p.area_m2),
            "竣工": p.completed.isoformat(), "产权": p.tenure}
    return Subject(f"project:{p.id}", p.name, f, {}, d, info)


def resident_subjects(s: Session, months: tuple[str, ...], base: dict) -> list[Subject]:
    lo, hi = month_span(months[0])[0], month_span(months[-1])[1]
    stays = defaultdict(list)
    for rid, a, b in s.execute(select(Stay.resident_id, Stay.start_date, Stay.end_date)
                               .where(Stay.start_date <= hi, or_(Stay.end_date.is_(None), Stay.end_date >= lo))):
        stays[rid].append((a, b))
    if not stays:
        return []
    nursing = set(s.execute(select(Bed.id).where(Bed.bed_type == "护理型")).scalars())
    beds = defaultdict(list)
    for rid, bid, a, b in s.execute(select(BedAssignment.resident_id, BedAssignment.bed_id, BedAssignment.start_date,
                                           BedAssignment.end_date)
                                    .where(BedAssignment.start_date <= hi,
                                           or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= lo))):
        beds[rid].append((bid, a, b))
    leaves = defaultdict(list)
    for rid, a, b in s.execute(select(Leave.resident_id, Leave.first_day, Leave.last_day)
                               .where(Leave.first_day <= hi, or_(Leave.last_day.is_(None), Leave.last_day >= lo))):
        leaves[rid].append((a, b))
    dis = _Disability(s)
    spans = [(m, *month_span(m)) for m in months]
    out = []
    for r in s.execute(select(Resident).where(Resident.id.in_(list(stays))).order_by(Resident.id)).scalars():
        per = {}
        for m, m0, m1 in spans:
            days = sum(_overlap(a, b, m0, m1) for a, b in stays[r.id])
            grade, cat = dis.on(r.id, m1)
            in_nursing = any(bid in nursing and _overlap(a, b, m0, m1) for bid, a, b in beds[r.id])
            # leave days stay counted (the bed is kept) but the evidence says so
            away = sum(_overlap(a, min(b or m1, m1), m0, m1) for a, b in leaves[r.id]) if leaves[r.id] else 0
            away = min(away, days)
            per[m] = {"present_days": days, "leave_days": away, "disability": grade, "disability_category": cat,
                      "in_nursing_bed": in_nursing,
                      "_display": {"disability_category": cat or grade,
                                   "present_days": f"{days} 天" + (f"（含请假{away}天）" if away else "")}}
        first = min(a for a, _ in stays[r.id])
        ends = [b for _, b in stays[r.id]]
        last = None if any(b is None for b in ends) else max(ends)
        hukou = "".join(dict.fromkeys(x for x in (r.hukou_province, r.hukou_city, r.hukou_district) if x))
        facts = {**base, "hukou_district": r.hukou_district or None, "categories": r.categories}
        info = {"resident_id": r.id, "姓名": r.name, "性别": r.gender, "出生日期": r.birth_date.isoformat(),
                "身份证号": r.id_number, "户籍": hukou, "联系电话": r.phone, "入住": first.isoformat(),
                "退住": last.isoformat() if last else "", "照护等级": dis.on(r.id, hi)[0],
                "类别": r.categories.replace(",", "、")}
        active = frozenset(m for m, f in per.items() if f["present_days"] > 0)
        out.append(Subject(f"resident:{r.id}", r.name, facts, per, {"hukou_district": hukou or "未登记"}, info,
                           active))
    return out


def worker_subjects(s: Session, months: tuple[str, ...], base: dict) -> list[Subject]:
    lo = month_span(months[0])[0]
    out = []
    for w in care_workers.worker_facts_in(s, include_left_before=lo):
        out.append(_worker_subject(w, months, base))
    return out


def _worker_subject(w: WorkerFacts, months: tuple[str, ...], base: dict) -> Subject:
    per = {}
    for m in months:
        m0, m1 = month_span(m)
        stop = min(m1, w.left_on) if w.left_on else m1
        best, best_days, worked = None, 0, 0
        for c in w.contracts:
            d = _overlap(c.start, c.until, m0, stop) if stop >= m0 else 0
            worked += d  # contracts never overlap: a renewal mid-month keeps the whole month
            if d > best_days:
                best, best_days = c, d
        cert = care_workers.certificate_on(w, m1)
        years = years_between(w.care_start, m1 + ONE) if w.care_start else None
        trained = any(t <= m1 for t in w.trained_on)
        con_years = None
        con_txt = "无劳动合同"
        if best is not None:
            # the term signed, even when it stopped early (解除, 离职)
            con_years = Decimal(99) if best.end is None else years_between(best.start, best.end + ONE)
            con_txt = best.text() if best.end is None else best.text().replace(
                f"{best.end:%Y-%m-%d}", f"{best.end:%Y-%m-%d}（{con_years} 年）", 1)
        per[m] = {"contract_years": con_years, "work_days": worked, "insured": m in w.insured,
                  "certificate": cert.level if cert else "", "care_years": years, "trained": trained,
                  "_display": {"contract_years": con_txt, "insured": "已缴" if m in w.insured else "未缴",
                               "certificate": f"{cert.level}（{cert.number}）" if cert else "无证",
                               "care_years": (f"{w.care_start:%Y-%m-%d}起 {years} 年" if years is not None
                                              else "未登记起始日"),
                               "trained": "已培训" if trained else "未培训", "work_days": f"{worked} 天"}}
    last = months[-1]
    cert = care_workers.certificate_on(w, month_span(last)[1])
    con = [c for c in w.contracts]
    info = {"worker_id": w.id, "姓名": w.name, "性别": w.gender, "身份证号": w.id_number,
            "资格证书": f"{cert.level} {cert.number}" if cert else "无",
            "证书等级": cert.level if cert else "",
            "劳动合同": "；".join(c.text() for c in con) or "无",
            "社保": f"{sum(1 for m in months if m in w.insured)}/{len(months)}个月已缴",
            "护理年限": per[last]["_display"]["care_years"]}
    # employed: from the first contract's month to the month of leaving (a
    # month in between without a contract is tested, and fails)
    active = None
    if w.contracts:
        first = min(c.start for c in w.contracts).strftime("%Y-%m")
        until = w.left_on.strftime("%Y-%m") if w.left_on else "9999-12"
        active = frozenset(m for m in months if first <= m <= until)
    return Subject(f"worker:{w.id}", w.name, dict(base), per, {}, info, active)


__all__ = ["centre_facts", "centre_subject", "project_subjects", "resident_subjects", "worker_subjects",
           "month_span", "CERT_LEVELS"]
