"""The ledger: post balanced journal entries, reverse them (红冲), close
months, and derive balances. Posted entries are never changed or deleted.

Decisions:
- Months close **in order**: a month cannot be closed while an earlier month
  that has entries is still open, and a month can be closed only once it has
  ended (on or after its last day). Every month up to the latest closed one
  is closed, whether or not it has its own ``period_close`` row, so nothing
  can be slipped in behind a close. There is no reopening: corrections are
  reversing entries dated in an open month.
- ``source`` names the business event an entry records and is unique, so a
  posting run can be repeated safely (a second posting is refused with
  “该业务已记账”). A reversal stores ``红冲:<original id>`` as its source; a
  corrected re-posting of a reversed event needs a new source (e.g. ``…#2``).
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..db.engine import BOOKS_LOCK, lock
from ..db.models import JournalEntry, JournalLine, PeriodClose, Resident, Voucher, YearClose
from ..domain.errors import NotFound, RuleViolation
from ..domain.finance_records import JournalRow, PeriodCloseInfo, TrialBalance, TrialBalanceRow
from ..domain.ledger import ACCOUNTS, PREPAID, RECEIVABLE, Chart, Entry, Line, check_entry, period_of, red_reversal
from ..domain.records import Changes
from ..domain.roles import Perm
from .audit import audit
from .context import Ctx
from . import busy

REVERSAL_SOURCE = "红冲:"


# --- helpers taking the caller's session -----------------------------------------

def closed_periods_in(s: Session) -> frozenset[str]:
    return frozenset(s.execute(select(PeriodClose.period)).scalars())


def _is_closed(period: str, closed: frozenset[str]) -> bool:
    return period in closed or (bool(closed) and period <= max(closed))


def entry_by_source(s: Session, source: str) -> int | None:
    """The id of the entry that recorded ``source``, if any."""
    return s.execute(select(JournalEntry.id).where(JournalEntry.source == source)).scalar_one_or_none()


def load_entry(s: Session, entry_id: int) -> Entry:
    e = s.get(JournalEntry, entry_id)
    if e is None:
        raise NotFound(f"凭证{entry_id}不存在")
    lines = s.execute(select(JournalLine).where(JournalLine.entry_id == entry_id).order_by(JournalLine.id)).scalars()
    return Entry(e.entry_date, e.memo, tuple(Line(x.account, x.debit, x.credit, x.resident_id, x.memo) for x in lines),
                 e.source or "", e.reverses_id)


def check_open(s: Session, day: dt.date) -> None:
    """Refuse a day in a closed month or a closed year."""
    closed = closed_periods_in(s)
    period = period_of(day)
    if _is_closed(period, closed):
        year = s.execute(select(YearClose.year).where(YearClose.year == day.year)).scalar()
        if year is not None:
            raise RuleViolation(f"{day.year}年度已年末结转，不能再记账；更正请在{day.year + 1}年做调整凭证", "day")
        raise RuleViolation(f"{period}已结账，不能再记账；更正请在未结账的月份做红冲凭证", "day")


def post(ctx: Ctx, s: Session, entry: Entry, chart: Chart | None = None) -> int:
    """Post one entry inside the caller's transaction; returns its id.
    Checks the rules (balanced, known accounts, open month), the source's
    uniqueness and the reversal link, writes the entry and lines, audits.
    The calling service has checked the actor's permission for its business
    (an accountant's voucher, a cashier's payment, a billing run)."""
    check_open(s, entry.day)
    if chart is None:
        from .books import chart_in

        chart = chart_in(s)
    check_entry(entry, frozenset(), chart)
    period = period_of(entry.day)
    source = entry.source.strip() or None
    if entry.reverses is not None:
        original = s.get(JournalEntry, entry.reverses)
        if original is None:
            raise NotFound(f"要红冲的凭证{entry.reverses}不存在")
        done = s.execute(select(JournalEntry.id).where(JournalEntry.reverses_id == original.id)).scalar()
        if done is not None:
            raise RuleViolation(f"凭证{original.id}已于凭证{done}红冲，不能重复红冲")
        source = f"{REVERSAL_SOURCE}{original.id}"
    if source is not None:
        dup = entry_by_source(s, source)
        if dup is not None:
            raise RuleViolation(f"该业务已记账（凭证{dup}，来源“{source}”），不能重复记账", "source")
    rids = {x.resident_id for x in entry.lines if x.resident_id is not None}
    if rids:
        found = set(s.execute(select(Resident.id).where(Resident.id.in_(rids))).scalars())
        if rids - found:
            raise RuleViolation(f"住户{sorted(rids - found)}不存在", "lines")
    row = JournalEntry(entry_date=entry.day, period=period, memo=entry.memo.strip(), source=source,
                       reverses_id=entry.reverses, created_at=ctx.now(), created_by=ctx.actor.username)
    s.add(row)
    s.flush()
    s.add_all([JournalLine(entry_id=row.id, account=x.account, debit=x.debit, credit=x.credit,
                           resident_id=x.resident_id, memo=x.memo) for x in entry.lines])
    s.flush()
    audit(ctx, s, "红冲" if entry.reverses is not None else "记账", "journal_entry", row.id, None, {
        "date": entry.day, "memo": row.memo, "source": source, "reverses": entry.reverses,
        "lines": [[x.account, x.debit, x.credit, x.resident_id, x.memo] for x in entry.lines],
    })
    return row.id


# --- write services ---------------------------------------------------------------

@busy.retrying
def post_entry(ctx: Ctx, entry: Entry) -> Changes:
    """Post a hand-made voucher (or any entry) in its own transaction."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        eid = post(ctx, s, entry)
    return Changes.of("journal", ids=(eid,), message=f"已记账：凭证{eid}")


@busy.retrying
def reverse(ctx: Ctx, entry_id: int, day: dt.date, reason: str) -> Changes:
    """红冲: post the original's lines with negative amounts on ``day`` (an
    open month), linked to the original. An entry is reversed at most once,
    and a reversal is never itself reversed."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        original = load_entry(s, entry_id)
        done = s.execute(select(JournalEntry.id).where(JournalEntry.reverses_id == entry_id)).scalar()
        if done is not None:
            raise RuleViolation(f"凭证{entry_id}已于凭证{done}红冲，不能重复红冲")
        eid = post(ctx, s, red_reversal(original, entry_id, day, reason))
    return Changes.of("journal", ids=(eid,), message=f"已红冲凭证{entry_id}：凭证{eid}")


def _month_end(period: str) -> dt.date:
    y, m = int(period[:4]), int(period[5:7])
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _parse_period(period: str) -> str:
    try:
        y, m = period.split("-")
        d = dt.date(int(y), int(m), 1)
    except (ValueError, AttributeError):
        raise RuleViolation(f"会计期间“{period}”格式应为YYYY-MM", "period") from None
    return f"{d:%Y-%m}"


@busy.retrying
def close_period(ctx: Ctx, period: str) -> Changes:
    """结账: the month takes no more entries. Months close in order, once ended."""
    ctx.require(Perm.FINANCE_WRITE)
    period = _parse_period(period)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        lock(s, BOOKS_LOCK)
        closed = closed_periods_in(s)
        if _is_closed(period, closed):
            raise RuleViolation(f"{period}已结账，不能重复结账", "period")
        if ctx.today() < _month_end(period):
            raise RuleViolation(f"{period}尚未结束（最后一天是{_month_end(period):%Y-%m-%d}），不能结账", "period")
        earlier = sorted(p for p in s.execute(select(JournalEntry.period).where(JournalEntry.period < period)
                                              .group_by(JournalEntry.period)).scalars()
                         if not _is_closed(p, closed))
        if earlier:
            raise RuleViolation(f"请先按顺序结账：{'、'.join(earlier)}尚未结账", "period")
        pending = list(s.execute(select(Voucher.number).where(Voucher.period <= period, Voucher.status == "待审核")
                                 .order_by(Voucher.number).limit(6)).scalars())
        if pending:
            more = "等" if len(pending) > 5 else ""
            raise RuleViolation(f"{period}及以前还有未审核的凭证：{'、'.join(pending[:5])}{more}；请先审核或作废", "period")
        s.add(PeriodClose(period=period, closed_at=ctx.now(), closed_by=ctx.actor.username))
        s.flush()
        audit(ctx, s, "结账", "period_close", period, None, {"period": period})
    return Changes.of("period_close", message=f"{period}已结账")


# --- reads -------------------------------------------------------------------------

def closed_periods(ctx: Ctx) -> list[PeriodCloseInfo]:
    with ctx.read() as s:
        return [PeriodCloseInfo(r.period, r.closed_at, r.closed_by)
                for r in s.execute(select(PeriodClose).order_by(PeriodClose.period)).scalars()]


def is_closed(ctx: Ctx, period: str) -> bool:
    with ctx.read() as s:
        return _is_closed(period, closed_periods_in(s))


def get_entry(ctx: Ctx, entry_id: int) -> Entry:
    with ctx.read() as s:
        return load_entry(s, entry_id)


def _normal(account: str, debit_minus_credit: int) -> int:
    """On the account's normal side: assets and expenses (codes 1, 5) debit."""
    return debit_minus_credit if account[:1] in ("1", "5") else -debit_minus_credit


def balance_in(s: Session, account: str, on: dt.date | None = None, resident_id: int | None = None) -> int:
    """Balance on the account's normal side; a parent code sums its children."""
    if account not in ACCOUNTS and not (account.isdigit() and account[:1] in "12345"):
        raise RuleViolation(f"会计科目“{account}”不存在", "account")
    q = select(func.coalesce(func.sum(JournalLine.debit - JournalLine.credit), 0)).where(
        JournalLine.account.startswith(account, autoescape=True))
    if resident_id is not None:
        q = q.where(JournalLine.resident_id == resident_id)
    if on is not None:
        q = q.join(JournalEntry, JournalEntry.id == JournalLine.entry_id).where(JournalEntry.entry_date <= on)
    return _normal(account, int(s.execute(q).scalar_one()))


def account_balance(ctx: Ctx, account: str, on: dt.date | None = None, resident_id: int | None = None) -> int:
    with ctx.read() as s:
        return balance_in(s, account, on, resident_id)


def resident_balances_in(s: Session, on: dt.date | None = None) -> dict[int, int]:
    """{resident_id: receivable − prepaid} (positive = owes, negative = paid ahead)."""
    q = (select(JournalLine.resident_id, JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit))
         .where(JournalLine.account.in_([RECEIVABLE, PREPAID]), JournalLine.resident_id.is_not(None))
         .group_by(JournalLine.resident_id, JournalLine.account))
    if on is not None:
        q = q.join(JournalEntry, JournalEntry.id == JournalLine.entry_id).where(JournalEntry.entry_date <= on)
    out: dict[int, int] = defaultdict(int)
    for rid, account, dmc in s.execute(q):
        # receivable's debit balance less prepaid's credit balance = debit − credit on both
        out[rid] += int(dmc)
    return dict(out)


def resident_balances(ctx: Ctx, on: dt.date | None = None) -> dict[int, int]:
    with ctx.read() as s:
        return resident_balances_in(s, on)


def _side(dmc: int) -> tuple[int, int]:
    """A balance shown on its debit or credit side (normal side unless negative)."""
    return (dmc, 0) if dmc > 0 else (0, -dmc) if dmc < 0 else (0, 0)


def trial_balance(ctx: Ctx, period: str) -> TrialBalance:
    """科目余额表 for a month: per account posted to, opening balance,
    the month's debits and credits, closing balance. Totals are equal."""
    period = _parse_period(period)
    with ctx.read() as s:
        opening = dict(s.execute(
            select(JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit))
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalEntry.period < period).group_by(JournalLine.account)).all())
        moves = {a: (int(d), int(c)) for a, d, c in s.execute(
            select(JournalLine.account, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalEntry.period == period).group_by(JournalLine.account)).all()}
    rows = []
    for code in sorted(set(opening) | set(moves)):
        o = int(opening.get(code, 0))
        d, c = moves.get(code, (0, 0))
        od, oc = _side(o)
        cd, cc = _side(o + d - c)
        if not any((od, oc, d, c, cd, cc)):
            continue
        rows.append(TrialBalanceRow(code, ACCOUNTS[code].name if code in ACCOUNTS else code, od, oc, d, c, cd, cc))
    return TrialBalance(period, tuple(rows))


def journal(ctx: Ctx, date_from: dt.date, date_to: dt.date, resident_id: int | None = None) -> list[JournalRow]:
    """序时账: every line of entries dated in [date_from, date_to], in entry order."""
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")
    with ctx.read() as s:
        rev = aliased(JournalEntry)
        # plain columns through Core: a year's journal is hundreds of thousands of lines
        q = (select(JournalEntry.id, JournalEntry.entry_date, JournalEntry.period, JournalEntry.memo,
                    JournalEntry.source, JournalEntry.reverses_id, rev.id, JournalLine.account, JournalLine.debit,
                    JournalLine.credit, JournalLine.resident_id, Resident.name, JournalLine.memo)
             .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
             .outerjoin(rev, rev.reverses_id == JournalEntry.id)
             .outerjoin(Resident, Resident.id == JournalLine.resident_id)
             .where(JournalEntry.entry_date >= date_from, JournalEntry.entry_date <= date_to)
             .order_by(JournalEntry.entry_date, JournalEntry.id, JournalLine.id))
        if resident_id is not None:
            q = q.where(JournalLine.resident_id == resident_id)
        names = {a.code: a.name for a in ACCOUNTS.values()}
        return [JournalRow(eid, day, period, memo, source or "", reverses, rid, account, names.get(account, account),
                           debit, credit, resident, name or "", line_memo)
                for eid, day, period, memo, source, reverses, rid, account, debit, credit, resident, name, line_memo
                in s.connection().execute(q)]
