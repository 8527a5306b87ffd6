"""首页 (the home page): every figure a role works with, each with the list
it opens, gathered in ONE read session.

``summary(ctx, today)`` → ``Summary``: a ``Figure`` per key (see KEYS) whose
``rows`` are the list the figure opens, so the number shown is always
``len(rows)`` and the amount ``sum(row.amount_fen)``; and three chart
series (occupied beds, income, deposits held at each month end).

The figures reuse the services the pages use (escrow.due_list,
assessments.due_list, payments.ageing, centre.free_beds, disclosure.status,
subsidies.reminders). Those open their own ``ctx.read()``; here they run on
a ``_OneRead`` context whose ``read()`` hands out the one session already
open and whose ``today()`` is the day asked for, so every figure is read
from the same snapshot of the database, on the same day.

Residents in a bed without a contract (``uncontracted``) are also offered
on their own for the contracts page: they are never billed."""
from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.models import Bed, BedAssignment, Contract, JournalEntry, JournalLine, Resident, Room, Stay
from ..db.tables import audit_log
from ..domain.contracts import contract_span
from ..domain.ledger import ESCROW_BANK
from ..domain.records import bed_code
from ..domain.residents import ACTIVE_STATUSES
from ..domain.roles import Perm
from .context import Ctx

#: days after the last backup when the home page starts reminding
BACKUP_REMIND_DAYS = 2  # as the settings tab and `eldercare backup status` (services.backup_schedule)
BACKUP_ACTION = "备份数据库"  # services.backup writes this audit action (entity "database", id "backup")
MONTHS = 12

KEYS = ("admissions", "discharges", "free_beds", "uncontracted", "assessments_due", "refunds_due",
        "refunds_overdue", "arrears", "disclosure", "subsidy_reminders", "backup")


@dataclass(frozen=True)
class Row:
    """One line of a figure's list (every list has this shape, so the home
    page's details table shows any of them)."""

    resident_id: int | None
    name: str  # resident (or bed code / claim / who made the backup)
    bed: str = ""
    day: dt.date | None = None
    amount_fen: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Figure:
    key: str
    rows: tuple[Row, ...]
    #: True when the figure calls for action (overdue, stale backup …)
    alert: bool = False
    #: one line of text for notices (disclosure, backup); "" for counts
    text: str = ""
    #: extra value a figure needs (backup: days since; disclosure: days left)
    days: int | None = None

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def total_fen(self) -> int:
        return sum(r.amount_fen or 0 for r in self.rows)


@dataclass(frozen=True)
class Point:
    month_end: dt.date
    value: int  # beds, or fen


@dataclass(frozen=True)
class Summary:
    today: dt.date
    figures: dict[str, Figure]
    beds_total: int  # active beds today (the occupancy chart's ceiling)
    occupancy: tuple[Point, ...]  # occupied beds at each month end (today for this month), oldest first
    income: tuple[Point, ...]  # income (4xxx credit − debit, ordinary entries) per month, fen
    deposits: tuple[Point, ...]  # escrow bank 100202 balance at each month end, fen

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]


class _OneRead(Ctx):
    """A Ctx whose reads share one open session, on a fixed day."""

    def __init__(self, ctx: Ctx, s: Session, today: dt.date):
        super().__init__(ctx.app, ctx.actor)
        self._s = s
        self._day = today

    @contextmanager
    def read(self, perm: Perm = Perm.READ) -> Iterator[Session]:
        self.require(perm)
        yield self._s

    @contextmanager
    def write(self, perm: Perm) -> Iterator[Session]:  # pragma: no cover - a summary never writes
        raise RuntimeError("dashboard.summary is read-only")
        yield self._s

    def today(self) -> dt.date:
        return self._day


# --- helpers inside the session ------------------------------------------------------

def _month_ends(today: dt.date, months: int = MONTHS) -> list[dt.date]:
    """The last ``months`` month ends, oldest first; this month's is today."""
    out = [today]
    y, m = today.year, today.month
    for _ in range(months - 1):
        first = dt.date(y, m, 1)
        last = first - dt.timedelta(days=1)
        out.append(last)
        y, m = last.year, last.month
    return out[::-1]


def _beds_of(s: Session, rids, day: dt.date) -> dict[int, str]:
    """{resident: bed code} of the bed each holds on ``day``."""
    if not rids:
        return {}
    q = (select(BedAssignment.resident_id, Room.building, Room.number, Bed.label)
         .join(Bed, Bed.id == BedAssignment.bed_id).join(Room, Room.id == Bed.room_id)
         .where(BedAssignment.resident_id.in_(list(rids)), BedAssignment.start_date <= day,
                or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= day)))
    return {rid: bed_code(b, n, lbl) for rid, b, n, lbl in s.execute(q)}


def _stays(s: Session, today: dt.date, start: bool) -> list[Row]:
    col = Stay.start_date if start else Stay.end_date
    rows = s.execute(select(Stay.resident_id, Resident.name, Stay.start_date, Stay.end_date, Stay.end_reason,
                            Stay.end_note)
                     .join(Resident, Resident.id == Stay.resident_id).where(col == today)
                     .order_by(Resident.name, Stay.id)).all()
    if start:
        beds = _beds_of(s, {r[0] for r in rows}, today)
        return [Row(rid, name, beds.get(rid, ""), a, None, "") for rid, name, a, _e, _r, _n in rows]
    # the bed held on the last day
    beds = _beds_of(s, {r[0] for r in rows}, today)
    return [Row(rid, name, beds.get(rid, ""), e, None, reason + (f"（{note}）" if note else ""))
            for rid, name, _a, e, reason, note in rows]


def uncontracted_in(s: Session, today: dt.date) -> list[Row]:
    """Residents holding a bed today (in residence or on leave) whom no
    contract covers today: they are never billed. ``day`` is the day the
    current stay began, ``note`` says whether a contract ran out. Three
    queries whatever the number of residents (coverage as in
    services.contracts.contract_for_in: domain.contracts.contract_span)."""
    held = s.execute(
        select(BedAssignment.resident_id, Resident.name, Room.building, Room.number, Bed.label)
        .join(Resident, Resident.id == BedAssignment.resident_id)
        .join(Bed, Bed.id == BedAssignment.bed_id).join(Room, Room.id == Bed.room_id)
        .where(BedAssignment.start_date <= today,
               or_(BedAssignment.end_date.is_(None), BedAssignment.end_date >= today),
               Resident.status.in_([x.value for x in ACTIVE_STATUSES]))
        .order_by(Room.building, Room.number, Bed.label)).all()
    if not held:
        return []
    ids = [r[0] for r in held]
    by_resident: dict[int, list] = {}
    for c in s.execute(select(Contract.resident_id, Contract.number, Contract.start_date, Contract.end_date,
                              Contract.termination_date).where(Contract.resident_id.in_(ids))
                       .order_by(Contract.start_date)):
        by_resident.setdefault(c.resident_id, []).append(c)
    since = dict(s.execute(select(Stay.resident_id, func.max(Stay.start_date))
                           .where(Stay.resident_id.in_(ids), Stay.start_date <= today)
                           .group_by(Stay.resident_id)).all())
    out = []
    for rid, name, b, n, lbl in held:
        cs = by_resident.get(rid, [])
        if any(c.start_date <= today and contract_span(c.start_date, c.end_date, c.termination_date).contains(today)
               for c in cs):
            continue
        before = [c for c in cs if c.start_date <= today]
        later = [c for c in cs if c.start_date > today]
        if before:
            last = before[-1]
            note = f"合同{last.number}已于{contract_span(last.start_date, last.end_date, last.termination_date).end:%Y-%m-%d}结束"
        elif later:
            note = f"合同{later[0].number}自{later[0].start_date:%Y-%m-%d}起"
        else:
            note = "从未签订合同"
        out.append(Row(rid, name, bed_code(b, n, lbl), since.get(rid), None, note))
    return out


def _last_backup(s: Session) -> tuple[dt.datetime, str, str] | None:
    row = s.execute(select(audit_log.c.at, audit_log.c.user, audit_log.c.after)
                    .where(audit_log.c.action == BACKUP_ACTION, audit_log.c.entity == "database")
                    .order_by(audit_log.c.seq.desc()).limit(1)).first()
    if row is None:
        return None
    try:
        file = json.loads(row.after or "{}").get("file", "")
    except (ValueError, AttributeError):
        file = ""
    return dt.datetime.fromisoformat(row.at), row.user, file


def _occupancy(s: Session, ends: list[dt.date]) -> list[Point]:
    spans = s.execute(select(BedAssignment.start_date, BedAssignment.end_date)
                      .where(BedAssignment.start_date <= ends[-1])).all()
    return [Point(e, sum(1 for a, b in spans if a <= e and (b is None or b >= e))) for e in ends]


def _income(s: Session, ends: list[dt.date]) -> list[Point]:
    from .reports import _ordinary

    periods = [f"{e:%Y-%m}" for e in ends]
    sums = dict(s.execute(
        select(JournalEntry.period, func.sum(JournalLine.credit - JournalLine.debit))
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .where(JournalLine.account.startswith("4"), JournalEntry.period.in_(periods),
               JournalEntry.entry_date <= ends[-1], _ordinary())
        .group_by(JournalEntry.period)).all())
    return [Point(e, int(sums.get(p) or 0)) for e, p in zip(ends, periods)]


def _deposits(s: Session, ends: list[dt.date]) -> list[Point]:
    out = []
    for e in ends:
        v = s.execute(select(func.coalesce(func.sum(JournalLine.debit - JournalLine.credit), 0))
                      .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
                      .where(JournalLine.account == ESCROW_BANK, JournalEntry.entry_date <= e)).scalar_one()
        out.append(Point(e, int(v)))
    return out


# --- the summary ----------------------------------------------------------------------

def summary(ctx: Ctx, today: dt.date | None = None) -> Summary:
    """Every home-page figure with its list, and the chart series, read in one session."""
    from . import assessments, centre, disclosure, escrow, payments, subsidies

    today = today or ctx.today()
    with ctx.read() as s:
        one = _OneRead(ctx, s, today)
        f: dict[str, Figure] = {}
        f["admissions"] = Figure("admissions", tuple(_stays(s, today, True)))
        f["discharges"] = Figure("discharges", tuple(_stays(s, today, False)))

        beds = [b for r in centre.bed_map(one, today) for b in r.beds if b.active]
        free = [b for b in beds if b.occupant_id is None]
        f["free_beds"] = Figure("free_beds", tuple(Row(None, b.code, b.code, None, None,
                                                       f"{b.room_type}　{b.bed_type}") for b in free))

        unc = uncontracted_in(s, today)
        f["uncontracted"] = Figure("uncontracted", tuple(unc), alert=bool(unc))

        due_a = assessments.due_list(one)
        f["assessments_due"] = Figure(
            "assessments_due",
            tuple(Row(r.resident_id, r.resident_name, r.bed_code, r.due_date, None,
                      r.state + (f"：{r.reason}" if r.reason else "")) for r in due_a),
            alert=any(r.days_left < 0 for r in due_a))

        due_r = escrow.due_list(s, today)

        def refund_row(r) -> Row:
            left = f"逾期{-r.days_left}天" if r.days_left < 0 else f"还剩{r.days_left}天"
            return Row(r.resident_id, r.resident_name, "", r.due_date, r.balance_fen,
                       f"{r.contract_number} 服务至{r.service_end:%Y-%m-%d}，{left}")

        f["refunds_due"] = Figure("refunds_due", tuple(refund_row(r) for r in due_r))
        overdue = [r for r in due_r if r.days_left < 0]
        f["refunds_overdue"] = Figure("refunds_overdue", tuple(refund_row(r) for r in overdue), alert=bool(overdue))

        age = payments.ageing(one, today)
        owing = [r for r in age.rows if r.total_fen > 0]
        bed_of = _beds_of(s, {r.resident_id for r in owing}, today)
        f["arrears"] = Figure("arrears", tuple(
            Row(r.resident_id, r.resident_name, bed_of.get(r.resident_id, ""), r.oldest, r.total_fen,
                f"最早欠费{(today - r.oldest).days}天" if r.oldest else "") for r in owing))

        st = disclosure.status(one, today)
        if st is not None and st.pending:
            f["disclosure"] = Figure("disclosure", (Row(None, f"{st.year}年度", "", st.due_date, None, st.text()),),
                                     alert=st.overdue or st.days_left <= 30, text=st.text(), days=st.days_left)
        else:
            f["disclosure"] = Figure("disclosure", (), text=st.text() if st is not None else "",
                                     days=st.days_left if st is not None else None)

        rem = subsidies.reminders(one)
        f["subsidy_reminders"] = Figure("subsidy_reminders",
                                        tuple(Row(None, r.kind, "", r.day, None, r.text) for r in rem))

        last = _last_backup(s)
        if last is None:
            f["backup"] = Figure("backup", (), alert=True, text="尚未备份过数据库", days=None)
        else:
            at, user, file = last
            days = (today - at.date()).days
            stale = days > BACKUP_REMIND_DAYS
            text = f"上次备份：{at:%Y-%m-%d %H:%M}（{days}天前）" + ("，请及时备份" if stale else "")
            f["backup"] = Figure("backup", (Row(None, user, "", at.date(), None, file),), alert=stale, text=text,
                                 days=days)

        ends = _month_ends(today)
        return Summary(today, f, len(beds), tuple(_occupancy(s, ends)), tuple(_income(s, ends)),
                       tuple(_deposits(s, ends)))


def uncontracted(ctx: Ctx, today: dt.date | None = None) -> list[Row]:
    """Residents in a bed today whom no contract covers (the contracts page's banner)."""
    with ctx.read() as s:
        return uncontracted_in(s, today or ctx.today())


__all__ = ["summary", "uncontracted", "uncontracted_in", "Summary", "Figure", "Row", "Point", "KEYS",
           "BACKUP_REMIND_DAYS"]
