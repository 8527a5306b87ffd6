"""The annual disclosure (年度财务收支情况公开): gather the package for a
year (gather → render → write), keep the work report, record that it was
submitted, and the reminder that runs from 1 January until it is.

Decisions:
- The due date is policy-profile data (``[disclosure] due = "03-31"``, the
  month and day in the year after the one disclosed).
- The package refuses to print while any check of the statements fails,
  with the reasons in Chinese.
- Occupancy counts a bed as occupied on each day a resident holds it (leave
  included: the bed is kept), over the active beds at year end.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Callable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.models import Bed, BedAssignment, Centre, DepositMovement, Disclosure, Stay, YearClose
from ..domain.disclosure_records import (
    CentreFacts,
    DisclosureContext,
    DisclosureStatus,
    EscrowYear,
    FeeStandard,
    Occupancy,
    PriceChange,
    SubsidyLine,
)
from ..domain.centre import KIND_LABELS
from ..domain.errors import RuleViolation
from ..domain.ledger import DEPOSITS, ESCROW_BANK, PREPAID
from ..domain.records import Changes
from ..domain.roles import Perm
from .anchor import anchored
from . import escrow, fees, ledger, reports
from .audit import audit
from .books import chart_in
from .centre import get_profile
from .context import Ctx
from .output import Written, check_destination, write_document
from . import busy

DEFAULT_DUE = "03-31"


def due_date(profile_raw: dict, year: int) -> dt.date:
    """The disclosure of ``year`` is due on this day of the next year."""
    text = str(profile_raw.get("disclosure", {}).get("due", DEFAULT_DUE))
    month, day = (int(x) for x in text.split("-"))
    return dt.date(year + 1, month, day)


def _centre(s: Session) -> Centre:
    c = s.get(Centre, 1)
    if c is None:
        raise RuleViolation("请先在“设置 → 机构信息”中填写机构信息")
    return c


def status(ctx: Ctx, on: dt.date | None = None) -> DisclosureStatus | None:
    """The reminder for the previous year's package, from 1 January until it
    is marked submitted (then it says when); None before a centre exists or
    when the previous year has no books."""
    on = on or ctx.today()
    year = on.year - 1
    with ctx.read() as s:
        c = s.get(Centre, 1)
        if c is None:
            return None
        has_books = s.execute(select(ledger.JournalEntry.id).where(
            ledger.JournalEntry.entry_date <= dt.date(year, 12, 31)).limit(1)).first()
        if not has_books:
            return None
        due = due_date(get_profile(c.policy_profile).raw, year)
        row = s.get(Disclosure, year)
        return DisclosureStatus(year, due, (due - on).days, row.submitted_on if row else None,
                                row.submitted_to if row else "")


def get_record(ctx: Ctx, year: int) -> tuple[str, int, dt.date | None, str, str]:
    """(work report, staff count, submitted on, submitted to, 会计机构负责人) for ``year``."""
    with ctx.read() as s:
        row = s.get(Disclosure, year)
        return ((row.work_report, row.staff_count, row.submitted_on, row.submitted_to, row.accounting_head)
                if row else ("", 0, None, "", ""))


def _row(ctx: Ctx, s: Session, year: int) -> Disclosure:
    row = s.get(Disclosure, year)
    if row is None:
        row = Disclosure(year=year, work_report="", staff_count=0, accounting_head="")
        s.add(row)
    row.updated_at, row.updated_by = ctx.now(), ctx.actor.username
    return row


@busy.retrying
def save_report(ctx: Ctx, year: int, work_report: str, staff_count: int, accounting_head: str | None = None) -> Changes:
    """The free-text annual work report, the staff figure on the cover and
    who heads the accounts (会计机构负责人, printed at the signature lines)."""
    ctx.require(Perm.FINANCE_WRITE)
    if not isinstance(staff_count, int) or isinstance(staff_count, bool) or not 0 <= staff_count <= 100000:
        raise RuleViolation("职工人数应为不小于零的整数", "staff_count")
    if year > ctx.today().year:
        raise RuleViolation(f"{year}年度尚未开始", "year")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = _row(ctx, s, year)
        before = {"work_report": row.work_report, "staff_count": row.staff_count,
                  "accounting_head": row.accounting_head}
        row.work_report, row.staff_count = work_report.strip(), staff_count
        if accounting_head is not None:
            row.accounting_head = accounting_head.strip()[:40]
        s.flush()
        audit(ctx, s, "保存年度工作报告", "disclosure", year, before,
              {"work_report": row.work_report, "staff_count": staff_count, "accounting_head": row.accounting_head})
    return Changes.of("disclosure", message=f"{year}年度工作报告已保存")


@busy.retrying
def mark_submitted(ctx: Ctx, year: int, day: dt.date, submitted_to: str) -> Changes:
    """Record that the package went to civil affairs and the price department."""
    ctx.require(Perm.FINANCE_WRITE)
    if day > ctx.today():
        raise RuleViolation("报送日期不能晚于今天", "day")
    if day.year <= year:
        raise RuleViolation(f"{year}年度的财务收支情况应在{year + 1}年报送", "day")
    if not submitted_to.strip():
        raise RuleViolation("请填写报送单位（如：区民政局、区发展改革委（物价））", "submitted_to")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = _row(ctx, s, year)
        if row.submitted_on is not None:
            raise RuleViolation(f"{year}年度已于{row.submitted_on:%Y-%m-%d}登记报送")
        row.submitted_on, row.submitted_to = day, submitted_to.strip()
        s.flush()
        audit(ctx, s, "登记年度公开报送", "disclosure", year, None, {"day": day, "to": submitted_to.strip()})
    return Changes.of("disclosure", message=f"已登记{year}年度财务收支情况于{day:%Y-%m-%d}报送")


# --- gather ----------------------------------------------------------------------------

def _overlap_days(start: dt.date, end: dt.date | None, lo: dt.date, hi: dt.date) -> int:
    a, b = max(start, lo), min(end or hi, hi)
    return max(0, (b - a).days + 1)


def occupancy_in(s: Session, year: int, target: int) -> Occupancy:
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    days = (hi - lo).days + 1
    beds = list(s.execute(select(Bed.bed_type).where(Bed.active.is_(True))).scalars())
    nursing = sum(1 for b in beds if b == "护理型")
    occupied = sum(_overlap_days(a, b, lo, hi) for a, b in s.execute(
        select(BedAssignment.start_date, BedAssignment.end_date)
        .where(BedAssignment.start_date <= hi, or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= lo))))
    stays = list(s.execute(select(Stay.start_date, Stay.end_date)))
    bed_days = len(beds) * days

    def ratio(a: int, b: int) -> Decimal:
        return (Decimal(a) / Decimal(b)).quantize(Decimal("0.0001")) if b else Decimal(0)

    return Occupancy(days, len(beds), bed_days, occupied, ratio(occupied, bed_days), nursing,
                     ratio(nursing, len(beds)), target,
                     sum(1 for a, b in stays if a < lo and (b is None or b >= lo)),
                     sum(1 for a, b in stays if a <= hi and (b is None or b > hi)),
                     sum(1 for a, _ in stays if lo <= a <= hi),
                     sum(1 for _, b in stays if b is not None and lo <= b <= hi))


def _escrow_year(ctx: Ctx, s: Session, year: int) -> EscrowYear:
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    sums = dict(s.execute(select(DepositMovement.kind, func.sum(DepositMovement.amount_fen))
                          .where(DepositMovement.day >= lo, DepositMovement.day <= hi)
                          .group_by(DepositMovement.kind)).all())
    board = escrow.dashboard(ctx, on=hi)
    late = [m for m in board.late_refunds if lo <= m.day <= hi]
    overdue = board.overdue
    return EscrowYear(
        opening_fen=ledger.balance_in(s, DEPOSITS, lo - dt.timedelta(days=1)),
        received_fen=int(sums.get("收取", 0)), deducted_fen=int(sums.get("扣除", 0)),
        refunded_fen=int(sums.get("退还", 0)), interest_fen=int(sums.get("利息", 0)),
        closing_fen=ledger.balance_in(s, DEPOSITS, hi), bank_closing_fen=ledger.balance_in(s, ESCROW_BANK, hi),
        residents_holding=board.residents_with_deposit,
        refunds_overdue=len(late) + len(overdue),
        refunds_overdue_fen=sum(m.amount_fen for m in late) + sum(r.balance_fen for r in overdue),
        over_cap=len(board.over_cap), over_cap_fen=sum(r.excess_fen for r in board.over_cap))


def gather(ctx: Ctx, year: int, check: bool = True) -> DisclosureContext:
    """Everything the package prints for ``year``, computed in one place.
    With ``check``, a failed statement check stops here with its reasons."""
    ctx.require(Perm.PRINT)
    reports._year_ok(ctx, year)
    hi = dt.date(year, 12, 31)
    if ctx.today() <= hi:
        raise RuleViolation(f"{year}年度尚未结束（至{hi:%Y-%m-%d}），不能生成年度公开材料；"
                            f"截至今日的报表可在“报表 → 财务报表”中查看", "year")
    with ctx.read() as s:
        first = s.execute(select(func.min(ledger.JournalEntry.entry_date))).scalar()
        if first is None or first > hi:
            since = f"（账簿自{first:%Y-%m-%d}开始）" if first else ""
            raise RuleViolation(f"{year}年度没有账务数据{since}，不能生成年度公开材料", "year")
        c = _centre(s)
        profile = get_profile(c.policy_profile)
        sset = reports.statements_in(s, year)
        if check and not sset.ok:
            raise RuleViolation("报表校验未通过，不能生成年度公开材料：" + "；".join(sset.problems()))
        row = s.get(Disclosure, year)
        occ = occupancy_in(s, year, profile.nursing_bed_target_percent)
        chart = chart_in(s)
        subsidies = tuple(SubsidyLine(chart.get(a).name.split("—")[-1] if chart.get(a) else a, a, v,
                                      bool(chart.get(a) and chart.get(a).restricted))
                          for a, v in sorted(reports.income_by_kind(s, year).items()) if v)
        escrow_year = _escrow_year(ctx, s, year)
        prepaid = ledger.balance_in(s, PREPAID, hi) + ledger.balance_in(s, DEPOSITS, hi)
        net_fixed = sset.balance.value(33, 1)
        closed_row = s.get(YearClose, year)
        closed = closed_row is not None
        facts = CentreFacts(c.name, c.credit_code, KIND_LABELS.get(c.kind, c.kind), c.address, c.phone, c.legal_representative,
                            c.bank_name or "", c.bank_account_no or "", c.escrow_bank, c.escrow_account_name,
                            c.escrow_account_no, c.approved_beds, occ.beds, occ.nursing_beds,
                            row.staff_count if row else 0, profile.name)
    schedule = fees.schedule_on(ctx, hi, include_inactive=True)
    units = {r.item_id: r.unit for r in schedule}
    fee_rows = tuple(FeeStandard(r.kind_name, r.name, r.unit, r.price_fen, r.since)
                     for r in fees.schedule_on(ctx, hi) if r.price_fen is not None)
    log = fees.price_changes(ctx, dt.date(year, 1, 1), hi)
    changes = tuple(PriceChange(r.name, r.effective_date, r.old_fen, r.new_fen, r.notice_date, r.reason,
                                units.get(r.item_id, "")) for r in log.rows)
    return DisclosureContext(
        year=year, centre=facts, statements=sset, fees=fee_rows, price_changes=changes, escrow=escrow_year,
        subsidies=subsidies, occupancy=occ, work_report=row.work_report if row else "", prepaid_fen=prepaid,
        net_fixed_assets_fen=net_fixed, due_date=due_date(profile.raw, year),
        prepared_on=closed_row.closed_at.date() if closed else ctx.today(),
        prepared_by=ctx.actor.display_name or ctx.actor.username, year_closed=closed,
        submitted_on=row.submitted_on if row else None, accounting_head=row.accounting_head if row else "",
        printed_on=ctx.today())


# --- write ---------------------------------------------------------------------------------

def _writer(render: Callable[[], bytes]) -> Callable:
    def write(tmp) -> int:
        data = render()
        tmp.write_bytes(data)
        return 1

    return write


def write_package(ctx: Ctx, year: int, pdf_path=None, xlsx_path=None, progress=None, abort=None) -> list[Written]:
    """The package as PDF and/or XLSX (the same figures), audited with their SHA-256."""
    ctx.require(Perm.PRINT)
    for p in (pdf_path, xlsx_path):  # both checked before either is written
        if p:
            check_destination(p)
    doc = gather(ctx, year)
    out = []
    if pdf_path:
        from ..documents import disclosure_pdf

        with anchored(ctx):
            out.append(write_document(ctx, pdf_path, _writer(lambda: disclosure_pdf.package_pdf(doc, progress, abort)),
                                      "打印年度财务收支公开", "disclosure", {"year": year}))
    if xlsx_path:
        from ..documents import disclosure_xlsx

        with anchored(ctx):
            out.append(write_document(ctx, xlsx_path, _writer(lambda: disclosure_xlsx.package_xlsx(doc)),
                                      "导出年度财务收支公开", "disclosure", {"year": year}))
    return out


def write_notice(ctx: Ctx, year: int, path) -> Written:
    """The one-page 公示版 for the front-desk board."""
    from ..documents import disclosure_pdf

    doc = gather(ctx, year)
    with anchored(ctx):
        return write_document(ctx, path, _writer(lambda: disclosure_pdf.notice_pdf(doc)), "打印年度公示",
                              "disclosure", {"year": year})
