"""年末结转: carry the year's income and expenses to net assets and close
the year. A closed year takes no entry.

Decisions:
- The year closes once December has ended, every earlier month with
  entries is closed, no voucher of the year waits for review, and every
  month's depreciation due has been posted.
- The closing entry (source ``年末结转:YYYY``) is dated 31 December; then
  December is closed as a month would be. Restrictions met during the year
  were released by their own vouchers (限定性净资产解除限制); the close lists
  them in its audit row.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from ..db.engine import BOOKS_LOCK, lock
from ..db.models import JournalEntry, JournalLine, PeriodClose, Voucher, YearClose
from ..domain import books as B
from ..domain.errors import RuleViolation
from ..domain.ledger import Entry
from ..domain.records import Changes
from ..domain.roles import Perm
from . import assets, ledger
from .audit import audit
from .books import chart_in
from .context import Ctx
from . import busy


@dataclass(frozen=True)
class YearCloseInfo:
    year: int
    entry_id: int | None
    closed_at: dt.datetime
    closed_by: str


@busy.retrying
def close_year(ctx: Ctx, year: int) -> Changes:
    ctx.require(Perm.FINANCE_WRITE)
    end = dt.date(year, 12, 31)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        lock(s, BOOKS_LOCK)
        if s.get(YearClose, year) is not None:
            raise RuleViolation(f"{year}年度已年末结转，不能重复结转", "year")
        if ctx.today() < end:
            raise RuleViolation(f"{year}年度尚未结束（{end:%Y-%m-%d}），不能年末结转", "year")
        prev_entries = s.execute(select(JournalEntry.id).where(JournalEntry.entry_date < dt.date(year, 1, 1))
                                 .limit(1)).first()
        if prev_entries and s.get(YearClose, year - 1) is None:
            raise RuleViolation(f"请先结转{year - 1}年度", "year")
        closed = ledger.closed_periods_in(s)
        if ledger._is_closed(f"{year}-12", closed):
            raise RuleViolation(f"{year}-12已结账：年末结转须在12月结账前完成", "year")
        open_months = sorted(p for p in s.execute(
            select(JournalEntry.period).where(JournalEntry.period >= f"{year}-01", JournalEntry.period < f"{year}-12")
            .group_by(JournalEntry.period)).scalars() if not ledger._is_closed(p, closed))
        if open_months:
            raise RuleViolation(f"请先按月结账：{'、'.join(open_months)}尚未结账", "year")
        pending = list(s.execute(select(Voucher.number).where(Voucher.period.like(f"{year}-%"),
                                                              Voucher.status == B.PENDING).limit(6)).scalars())
        if pending:
            raise RuleViolation(f"{year}年还有未审核的凭证：{'、'.join(pending[:5])}；请先审核或作废", "year")
        missing = [f"{year}-{m:02d}" for m in range(1, 13)
                   if assets.depreciation_due(s, f"{year}-{m:02d}")
                   and ledger.entry_by_source(s, f"{B.DEPRECIATION_SOURCE}{year}-{m:02d}") is None]
        if missing:
            raise RuleViolation(f"以下月份的折旧尚未计提：{'、'.join(missing)}", "year")
        balances = dict(s.execute(
            select(JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit))
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalEntry.entry_date <= end, JournalLine.account >= "4", JournalLine.account < "6")
            .group_by(JournalLine.account)).all())
        lines = B.closing_lines({k: int(v) for k, v in balances.items()}, chart_in(s))
        eid = None
        if lines:
            eid = ledger.post(ctx, s, Entry(end, f"{year}年度收入、费用结转净资产", lines,
                                            source=f"{B.CLOSING_SOURCE}{year}"))
        s.add(PeriodClose(period=f"{year}-12", closed_at=ctx.now(), closed_by=ctx.actor.username))
        s.add(YearClose(year=year, entry_id=eid, closed_at=ctx.now(), closed_by=ctx.actor.username))
        s.flush()
        releases = [[v.number, v.memo] for v in s.execute(
            select(Voucher).where(Voucher.template == "release", Voucher.status == B.REVIEWED,
                                  Voucher.period.like(f"{year}-%"))).scalars()]
        audit(ctx, s, "年末结转", "year_close", year, None, {
            "year": year, "entry": eid, "releases": releases,
            "lines": [[x.account, x.debit, x.credit] for x in lines]})
    return Changes.of("year_close", "journal", "period_close", ids=(eid,) if eid else (),
                      message=f"{year}年度已结转并结账" + (f"（凭证{eid}）" if eid else ""))


def closed_years(ctx: Ctx) -> list[YearCloseInfo]:
    with ctx.read() as s:
        return [YearCloseInfo(r.year, r.entry_id, r.closed_at, r.closed_by)
                for r in s.execute(select(YearClose).order_by(YearClose.year)).scalars()]
