"""Demo assessments: for residents in residence, a first assessment at
admission and regular ones every six months, through the services with the
clock moved to each day. Grades drift with age; some changes of care level
are consented, the newest few are left waiting; one assessment is corrected;
a few residents are left overdue and one has an immediate request."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..domain.assessment import Instrument
from ..domain.schedule import add_months
from . import assessments as svc
from . import residents as res_svc
from .context import App, Ctx

MAX_RESIDENTS = 400  # keeps large demo sets quick: assessments for the first N active residents
ASSESSORS = ("李晓燕", "陈建国", "周丽", "王海涛", "刘敏")
# target totals per GB/T 42195 grade
_TOTALS = {0: (90, 90), 1: (66, 89), 2: (46, 65), 3: (30, 45), 4: (8, 29)}


@dataclass
class _Event:
    day: dt.date
    order: int
    resident_id: int
    kind: str  # "assess" | "consent" | "request" | "correct"
    grade: int = 0
    reason: str = ""


def scores_for_total(ins: Instrument, total: int, rng: random.Random) -> dict[str, int]:
    """A plausible form with the given total: start able, take points away,
    most from the harder tasks (bathing, stairs, going out)."""
    scores = {i.code: i.max for i in ins.items}
    items = list(ins.items)
    weights = [3 if i.name in ("洗澡", "上下楼梯", "使用交通工具外出", "执行日常事务", "平地行走") else 1 for i in items]
    deficit = sum(scores.values()) - total
    while deficit > 0:
        it = rng.choices(items, weights)[0]
        if scores[it.code] > it.min:
            scores[it.code] -= 1
            deficit -= 1
    return scores


def plan_events(ctx: Ctx, rng: random.Random, today: dt.date) -> list[_Event]:
    rows = [r for r in res_svc.list_residents(ctx, include_left=False) if r.admission_date][:MAX_RESIDENTS]
    events: list[_Event] = []
    n = 0
    for idx, r in enumerate(rows):
        age = today.year - r.birth_date.year
        grade = rng.choices([0, 1, 2, 3, 4], [30, 35, 20, 10, 5] if age < 85 else [10, 30, 30, 20, 10])[0]
        day = r.admission_date + dt.timedelta(days=rng.randint(0, 5))
        first = True
        overdue = rng.random() < 0.06
        while day <= today:
            nxt = add_months(day, 6) + dt.timedelta(days=rng.randint(-10, 5))
            if overdue and nxt > today:
                break  # the last regular one is missing: shows as overdue
            events.append(_Event(day, n, r.id, "assess", grade, "首次评估" if first else "常规评估"))
            n += 1
            if not first and events[-1].grade != grade:
                pass
            first = False
            if rng.random() < 0.35:
                grade = min(4, grade + 1)
            day = nxt
        if idx % 37 == 5:
            req = today - dt.timedelta(days=rng.randint(1, 6))
            if req > r.admission_date:
                events.append(_Event(req, n, r.id, "request", reason="夜间跌倒一次，行走明显不稳"))
                n += 1
    events.sort(key=lambda e: (e.day, e.order))
    return events


def build(app: App, ctx: Ctx, clock, seed: int) -> int:
    """Replay the planned assessments; returns how many were saved."""
    rng = random.Random(seed * 7919 + 1)
    today = clock.today()
    ins = svc.instrument(svc.get_settings(ctx).instrument_code)
    events = plan_events(ctx, rng, today)
    saved = 0
    corrected = False
    agents = {}
    for ev in events:
        clock.set(dt.datetime.combine(ev.day, dt.time(10, 0)))
        if ev.kind == "request":
            svc.request_immediate(ctx, ev.resident_id, ev.day, ev.reason)
            continue
        lo, hi = _TOTALS[ev.grade]
        scores = scores_for_total(ins, rng.randint(lo, hi), rng)
        if ev.resident_id not in agents:
            d = res_svc.get_resident(ctx, ev.resident_id)
            agents[ev.resident_id] = (d.agent.name, d.agent.relationship) if d.agent else (d.name, "本人")
        informant, relation = agents[ev.resident_id]
        a1, a2 = rng.sample(ASSESSORS, 2)
        dx = ("F03",) if ev.grade >= 3 and rng.random() < 0.3 else ()
        dx += ("I10",) if rng.random() < 0.4 else ()
        data = svc.AssessmentInput(
            resident_id=ev.resident_id, base_date=ev.day, reason=ev.reason, assessor1=a1, assessor2=a2,
            informant_name=informant, informant_relation=relation, scores=scores, diagnoses=dx,
            risk_events={"fall": 2} if ev.grade >= 2 and rng.random() < 0.1 else {},
            medications="苯磺酸氨氯地平片 5mg 每日一次" if "I10" in dx else "",
        )
        ch = svc.save_assessment(ctx, data)
        saved += 1
        if not corrected and saved > 20 and ev.reason == "常规评估":
            # the assessors find a wrong score the same day and correct it
            fixed = dict(scores)
            code = next(c for c, v in fixed.items() if v > ins.item(c).min)
            fixed[code] -= 1
            svc.save_assessment(ctx, svc.AssessmentInput(**{**data.__dict__, "scores": fixed, "reason": "其他",
                                                            "notes": f"更正：{ins.item(code).name}得分录入有误",
                                                            "supersedes_id": ch.ids[0]}))
            saved += 1
            corrected = True
        pending = svc.care_level_changes(ctx, ev.resident_id, pending_only=True)
        for p in pending:
            if (today - ev.day).days > 20:
                consent_day = ev.day + dt.timedelta(days=rng.randint(1, 7))
                clock.set(dt.datetime.combine(consent_day, dt.time(15, 0)))
                agreed = rng.random() > 0.05
                svc.record_consent(ctx, p.id, informant, relation if relation != "本人" else "本人", consent_day,
                                   agreed=agreed, note="" if agreed else "家属申请复评")
    return saved
