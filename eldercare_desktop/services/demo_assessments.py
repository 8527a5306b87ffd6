"""Demo assessments, replayed inside the demo's history in date order: a
first assessment soon after each admission, regular ones about every six
months during each stay, grades that drift with age, consents a few days
after a change of care level (the newest left waiting), one correction, a
few residents left overdue and a few immediate requests."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ..domain.assessment import Instrument
from ..domain.schedule import add_months
from . import assessments as svc
from . import residents as res_svc
from .context import Ctx

ASSESSORS = ("李晓燕", "陈建国", "周丽", "王海涛", "刘敏")
# target totals per GB/T 42195 grade
_TOTALS = {0: (90, 90), 1: (66, 89), 2: (46, 65), 3: (30, 45), 4: (8, 29)}
ASSESS, CONSENT, REQUEST = "assess", "consent", "request"


@dataclass
class Event:
    at: dt.datetime
    kind: str
    person: int
    reason: str = ""
    grade: int = 0
    data: dict = field(default_factory=dict)


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


def plan_events(rng: random.Random, stays: dict[int, list[tuple[dt.date, dt.date | None]]],
                ages: dict[int, int], today: dt.date) -> list[Event]:
    """stays: person -> [(admission, last day or None)]. Assessments fall
    strictly inside a stay (never on the discharge day) and never after today."""
    events: list[Event] = []
    for person, spans in stays.items():
        age = ages[person]
        grade = rng.choices([0, 1, 2, 3, 4], [30, 35, 20, 10, 5] if age < 85 else [10, 30, 30, 20, 10])[0]
        for n, (start, end) in enumerate(spans):
            last = min(end - dt.timedelta(days=1), today) if end else today
            day = start + dt.timedelta(days=rng.randint(0, 5))
            first = True
            overdue = end is None and rng.random() < 0.06
            while day <= last:
                nxt = add_months(day, 6) + dt.timedelta(days=rng.randint(-10, 5))
                if overdue and nxt > last:
                    break  # the last regular one is missing: shows as overdue
                reason = ("首次评估" if n == 0 else "即时评估") if first else "常规评估"
                at = dt.datetime.combine(day, dt.time(10, 0)) + dt.timedelta(minutes=person % 240)
                events.append(Event(at, ASSESS, person, reason, grade))
                # consent is sought a few days later (if the level changed by then)
                consent_day = day + dt.timedelta(days=rng.randint(1, 7))
                if consent_day <= today - dt.timedelta(days=14):
                    events.append(Event(dt.datetime.combine(consent_day, dt.time(15, 0)), CONSENT, person,
                                        data={"agreed": rng.random() > 0.05}))
                first = False
                if rng.random() < 0.35:
                    grade = min(4, grade + 1)
                day = nxt
        if spans[-1][1] is None and person % 37 == 5:
            req = today - dt.timedelta(days=rng.randint(1, 6))
            if req > spans[-1][0]:
                events.append(Event(dt.datetime.combine(req, dt.time(16, 0)), REQUEST, person,
                                    "夜间跌倒一次，行走明显不稳"))
    return events


class Replayer:
    """Applies the events through the services as the clock reaches them."""

    def __init__(self, ctx: Ctx, seed: int):
        self.ctx = ctx
        self.rng = random.Random(seed * 7919 + 1)
        self.ins = svc.instrument(svc.get_settings(ctx).instrument_code)
        self.informants: dict[int, tuple[str, str]] = {}
        self.saved = 0
        self.corrected = False

    def apply(self, ev: Event, resident_id: int) -> str:
        """Returns the care level in effect afterwards ("" for a request)."""
        ctx, rng = self.ctx, self.rng
        if ev.kind == REQUEST:
            svc.request_immediate(ctx, resident_id, ev.at.date(), ev.reason)
            return ""
        if resident_id not in self.informants:
            d = res_svc.get_resident(ctx, resident_id)
            self.informants[resident_id] = (d.agent.name, d.agent.relationship) if d.agent else (d.name, "本人")
        informant, relation = self.informants[resident_id]
        if ev.kind == CONSENT:
            for p in svc.care_level_changes(ctx, resident_id, pending_only=True):
                agreed = ev.data["agreed"]
                svc.record_consent(ctx, p.id, informant, "本人" if relation == "本人" else f"代理人（{relation}）",
                                   ev.at.date(), agreed=agreed, note="" if agreed else "家属申请复评")
            return svc.current_care_level(ctx, resident_id, ev.at.date())
        lo, hi = _TOTALS[ev.grade]
        scores = scores_for_total(self.ins, rng.randint(lo, hi), rng)
        a1, a2 = rng.sample(ASSESSORS, 2)
        dx = ("F03",) if ev.grade >= 3 and rng.random() < 0.3 else ()
        dx += ("I10",) if rng.random() < 0.4 else ()
        data = svc.AssessmentInput(
            resident_id=resident_id, base_date=ev.at.date(), reason=ev.reason, assessor1=a1, assessor2=a2,
            informant_name=informant, informant_relation=relation, scores=scores, diagnoses=dx,
            risk_events={"fall": 2} if ev.grade >= 2 and rng.random() < 0.1 else {},
            medications="苯磺酸氨氯地平片 5mg 每日一次" if "I10" in dx else "",
        )
        ch = svc.save_assessment(ctx, data)
        self.saved += 1
        if not self.corrected and self.saved > 20 and ev.reason == "常规评估":
            # the assessors find a wrong score the same day and correct it
            fixed = dict(scores)
            code = next(c for c, v in fixed.items() if v > self.ins.item(c).min)
            fixed[code] -= 1
            svc.save_assessment(ctx, svc.AssessmentInput(**{**data.__dict__, "scores": fixed, "reason": "其他",
                                                            "notes": f"更正：{self.ins.item(code).name}得分录入有误",
                                                            "supersedes_id": ch.ids[0]}))
            self.saved += 1
            self.corrected = True
        return svc.current_care_level(ctx, resident_id, ev.at.date())
