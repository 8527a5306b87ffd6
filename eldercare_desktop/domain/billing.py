"""Monthly charges: bed and care fees prorated by calendar days, split where
the bed, care level or price changes; meals by the days actually present."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .money import format_yuan, round_fen
from .residents import Span

PRORATION_RULE = (
    "按自然日折算：月收费标准 × 计费天数 ÷ 当月天数；入住当天与最后服务日均计入；"
    "月中变更（床位、照护等级、价格）分段计算；伙食费按实际在院天数计收，请假期间不收；每行四舍五入到分"
)
ADVANCE_RULE = (
    "按月预收：每月初按合同月收费标准预收当月床位费、护理费（月中入住自入住日起折算）；"
    "伙食费及其他费用于次月据实结算；请假、退住、照护等级或价格变更形成的差额在次月账单中补差或冲减。"
    + PRORATION_RULE
)
# how a centre bills (setting "billing.mode"): in advance (按月预收, the contract's
# "fees paid in advance by the 10th") or after the month (按月后付)
MODES = {"advance": "按月预收（月初预收床位费、护理费，伙食费次月据实结算）", "after": "按月后付（月末后按实际计费）"}
ONE_DAY = dt.timedelta(days=1)


def month_span(year: int, month: int) -> Span:
    return Span(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def days_in_month(day: dt.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


@dataclass(frozen=True)
class Rate:
    """A price in effect over a span: monthly fen for bed/care, daily fen for meals."""

    span: Span
    fen: int
    label: str  # what it is for: "护理型床位", "介护二级", "伙食"


@dataclass(frozen=True)
class ChargeLine:
    kind: str  # "bed" | "care" | "meals" | "other"
    label: str
    start: dt.date
    end: dt.date
    days: int
    rate_fen: int
    amount_fen: int
    basis: str  # how it was computed, printed on the statement


KIND_NAMES = {"bed": "床位费", "care": "护理费", "meals": "伙食费", "other": "其他费用"}


def _clip(a: Span, b: Span) -> Span | None:
    start = max(a.start, b.start)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return Span(start, end) if start <= end else None


def prorate_monthly(kind: str, month: Span, service: Span, rates: list[Rate]) -> list[ChargeLine]:
    """One line per stretch of constant price within the month and service."""
    dim = (month.end - month.start).days + 1
    out = []
    for r in rates:
        s = _clip(month, service)
        s = _clip(s, r.span) if s else None
        if s is None:
            continue
        days = (s.end - s.start).days + 1
        amount = r.fen if days == dim else round_fen(Decimal(r.fen) * days / dim)
        basis = (f"{r.label} 月标准{format_yuan(r.fen)}（整月）" if days == dim else
                 f"{r.label} 月标准{format_yuan(r.fen)} × {days}天 ÷ {dim}天")
        out.append(ChargeLine(kind, f"{KIND_NAMES[kind]}（{r.label}）", s.start, s.end, days, r.fen, amount, basis))
    return sorted(out, key=lambda x: x.start)


def present_days(span: Span, leaves: list[Span]) -> list[Span]:
    """The stretches of ``span`` the resident was not on leave (leave days are days away)."""
    out = []
    cursor = span.start
    for lv in sorted(leaves, key=lambda x: x.start):
        lv_end = lv.end or span.end
        if lv_end < cursor or lv.start > span.end:
            continue
        if lv.start > cursor:
            out.append(Span(cursor, min(span.end, lv.start - ONE_DAY)))
        cursor = max(cursor, lv_end + ONE_DAY)
    if cursor <= span.end:
        out.append(Span(cursor, span.end))
    return out


def meal_charges(month: Span, service: Span, rates: list[Rate], leaves: list[Span]) -> list[ChargeLine]:
    s = _clip(month, service)
    if s is None:
        return []
    out = []
    for r in rates:
        for part in present_days(s, leaves):
            p = _clip(part, r.span)
            if p is None:
                continue
            days = (p.end - p.start).days + 1
            out.append(ChargeLine("meals", f"伙食费（{r.label}）", p.start, p.end, days, r.fen, r.fen * days,
                                  f"每日{format_yuan(r.fen)} × 在院{days}天"))
    out.sort(key=lambda x: x.start)
    # merge adjacent stretches at the same rate into one line per rate
    merged: list[ChargeLine] = []
    for x in out:
        if merged and merged[-1].rate_fen == x.rate_fen and merged[-1].label == x.label:
            m = merged[-1]
            days = m.days + x.days
            merged[-1] = ChargeLine("meals", m.label, m.start, x.end, days, m.rate_fen, m.rate_fen * days,
                                    f"每日{format_yuan(m.rate_fen)} × 在院{days}天")
        else:
            merged.append(x)
    return merged
