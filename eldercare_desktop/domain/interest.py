"""Demand-deposit (活期) interest on escrowed deposits, as the banks compute
it (ACCOUNTING.md):

- 积数计息法: interest = Σ daily closing balance × annual rate / 360.
- Quarterly settlement on the 20th of Mar, Jun, Sep and Dec: the period runs
  from the 21st of the previous quarter-end month through the 20th; the
  interest, rounded half up to the fen, is credited the next day (the 21st)
  and earns interest from then on (quarterly compounding).
- A rate change inside a period: split at the change (分段计息, the default)
  or the rate in force on the settlement day for the whole period.
- Day counting: the day money enters counts; the refund day does not. The
  final partial period is settled on the refund day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .errors import Problems
from .money import round_fen

SPLIT = "split"  # 分段计息
SETTLEMENT_RATE = "settlement_rate"  # 按结息日利率
MODES = {SPLIT: "按利率调整日分段计息", SETTLEMENT_RATE: "按结息日挂牌利率计息"}
DAY_COUNT_RULE = "积数计息：每日余额累计积数 × 年利率 ÷ 360；存入当日计息、退还当日不计息；每季末月20日结息，次日并入本金"
SETTLEMENT_MONTHS = (3, 6, 9, 12)
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class RateChange:
    effective: dt.date
    annual_percent: Decimal  # e.g. Decimal("0.35") for 0.35%


@dataclass(frozen=True)
class Movement:
    day: dt.date
    amount_fen: int  # + into the account (deposit), − out of it (deduction, refund)


@dataclass(frozen=True)
class Segment:
    """Days at one balance and one rate inside a settlement period."""

    start: dt.date
    end: dt.date  # inclusive
    days: int
    balance_fen: int
    rate_percent: Decimal

    @property
    def product(self) -> int:
        """积数 in fen·days."""
        return self.balance_fen * self.days


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive: the 20th, or the day before the refund
    settled_on: dt.date  # the 20th (credited the 21st), or the refund day
    segments: tuple[Segment, ...]
    exact: Decimal  # in fen, before rounding
    interest_fen: int
    final: bool  # the last, partial period paid at the refund


@dataclass(frozen=True)
class InterestResult:
    periods: tuple[Period, ...]
    total_fen: int  # all interest, settled and final
    principal_fen: int  # deposits − deductions − refunds (without interest)
    mode: str


def check_rates(rates: list[RateChange]) -> None:
    p = Problems()
    seen = set()
    for r in rates:
        if r.effective is None:
            p.add("effective", "利率必须注明生效日期")
        elif r.effective in seen:
            p.add("effective", f"{r.effective:%Y-%m-%d}已有一条利率")
        else:
            seen.add(r.effective)
        if r.annual_percent is None or r.annual_percent < 0 or r.annual_percent >= 100:
            p.add("annual_percent", "年利率应为0至100之间的百分数")
    p.raise_if_any()


def rate_on(rates: list[RateChange], day: dt.date) -> Decimal:
    best = None
    for r in rates:
        if r.effective <= day and (best is None or r.effective > best.effective):
            best = r
    if best is None:
        from .errors import RuleViolation

        raise RuleViolation(f"{day:%Y-%m-%d}没有适用的活期存款利率，请在利率表中补充", "rates")
    return best.annual_percent


def next_settlement(day: dt.date) -> dt.date:
    """The first settlement day (the 20th of a quarter-end month) on or after ``day``."""
    for year in (day.year, day.year + 1):
        for m in SETTLEMENT_MONTHS:
            d = dt.date(year, m, 20)
            if d >= day:
                return d
    raise AssertionError("unreachable")


def accrue(movements: list[Movement], rates: list[RateChange], until: dt.date, mode: str = SPLIT) -> InterestResult:
    """Interest from the first movement up to ``until`` (not counted: the
    refund day, or the day a quote is made for)."""
    if mode not in MODES:
        raise ValueError(mode)
    moves = sorted(movements, key=lambda m: m.day)
    if not moves or moves[0].day >= until:
        return InterestResult((), 0, sum(m.amount_fen for m in moves), mode)
    change_days = sorted({r.effective for r in rates})
    periods: list[Period] = []
    balance = 0
    mi = 0
    day = moves[0].day
    total = 0
    while day < until:
        settle = next_settlement(day)
        end = min(settle, until - ONE_DAY)
        final = end < settle
        # walk the period in stretches of constant balance and rate
        segments: list[Segment] = []
        cursor = day
        while cursor <= end:
            while mi < len(moves) and moves[mi].day <= cursor:
                balance += moves[mi].amount_fen
                mi += 1
            nxt = end + ONE_DAY
            if mi < len(moves) and moves[mi].day < nxt:
                nxt = moves[mi].day
            if mode == SPLIT:
                for c in change_days:
                    if cursor < c < nxt:
                        nxt = c
                        break
            seg_end = nxt - ONE_DAY
            rate = rate_on(rates, cursor) if mode == SPLIT else rate_on(rates, settle if not final else end)
            segments.append(Segment(cursor, seg_end, (seg_end - cursor).days + 1, balance, rate))
            cursor = nxt
        exact = sum((Decimal(s.product) * s.rate_percent / Decimal(100) / Decimal(360) for s in segments),
                    Decimal(0))
        interest = max(0, round_fen(exact))
        periods.append(Period(day, end, end + ONE_DAY if final else settle, tuple(segments), exact, interest, final))
        total += interest
        if final:
            break
        # credited on the 21st: joins the principal from then on
        balance += interest
        day = settle + ONE_DAY
        while mi < len(moves) and moves[mi].day < day:  # movements on the settlement day itself were counted
            mi += 1
    principal = sum(m.amount_fen for m in moves if m.day < until)
    return InterestResult(tuple(periods), total, principal, mode)


def refund_amount(deposits_fen: int, deductions_fen: int, interest_fen: int) -> int:
    """Refund = deposits − deductions + interest (DOMAIN.md §1)."""
    return deposits_fen - deductions_fen + interest_fen


def refund_due(service_end: dt.date, days: int = 10) -> dt.date:
    """The refund deadline: within ``days`` days after the service relationship ends."""
    return service_end + dt.timedelta(days=days)
