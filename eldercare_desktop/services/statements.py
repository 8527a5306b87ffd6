"""Monthly statements (费用清单): gathered from the ledger and the month's bill
lines, rendered by documents.statement_pdf, written through services.output.

Every figure comes from the journal: the opening balance is what the
resident owed (or had paid in advance) at the end of the previous month —
receivable less prepaid — and the closing balance the same at the month's
last day. Charges are the month's bill lines; payments the receipts of the
month that are not voided; every other movement of the resident's balance in
the month (settlements, reversals, voided receipts) is listed as an
adjustment, so opening + charges − payments + adjustments = closing always
holds. The deposit (220901) is shown apart, held in escrow, never netted.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import BillLine, Centre, Contract, JournalEntry, JournalLine, Receipt, Resident
from ..domain.billing import PRORATION_RULE
from ..domain.billing_records import StatementAdjustment, StatementDetail, StatementLine, StatementPayment
from ..domain.errors import NotFound, RuleViolation
from ..domain.ledger import DEPOSITS, PREPAID, RECEIVABLE
from ..domain.roles import Perm
from .billing import bed_labels_on, parse_period
from .context import Ctx
from .output import Written, check_destination, write_document

ONE_DAY = dt.timedelta(days=1)


def _balances(s: Session, accounts: list[str], resident_ids, upto: dt.date) -> dict[int, int]:
    """{resident: Σ(debit − credit)} over ``accounts`` for entries dated ≤ upto."""
    q = (select(JournalLine.resident_id, func.sum(JournalLine.debit - JournalLine.credit))
         .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
         .where(JournalLine.account.in_(accounts), JournalLine.resident_id.in_(resident_ids),
                JournalEntry.entry_date <= upto)
         .group_by(JournalLine.resident_id))
    return {rid: int(v) for rid, v in s.execute(q)}


def gather(s: Session, period: str, resident_id: int | None = None) -> list[StatementDetail]:
    """Statements of every resident billed in ``period`` (or of one resident)."""
    month = parse_period(period)
    period = f"{month.start:%Y-%m}"
    if resident_id is not None:
        r = s.get(Resident, resident_id)
        if r is None:
            raise NotFound(f"住户{resident_id}不存在")
        rids = [resident_id]
    else:
        rids = list(s.execute(select(BillLine.resident_id).where(BillLine.period == period).distinct()).scalars())
    if not rids:
        return []
    rid_q = rids if resident_id is not None else (
        select(BillLine.resident_id).where(BillLine.period == period).distinct().scalar_subquery())
    centre = s.execute(select(Centre)).scalars().first()
    names = dict(s.execute(select(Resident.id, Resident.name).where(Resident.id.in_(rid_q))).all())
    lines: dict[int, list[StatementLine]] = defaultdict(list)
    contracts: dict[int, set[int]] = defaultdict(set)
    for rid, cid, kind, label, start, end, days, rate, amount, basis in s.execute(
            select(BillLine.resident_id, BillLine.contract_id, BillLine.kind, BillLine.label, BillLine.start_date,
                   BillLine.end_date, BillLine.days, BillLine.rate_fen, BillLine.amount_fen, BillLine.basis)
            .where(BillLine.period == period, BillLine.resident_id.in_(rid_q))
            .order_by(BillLine.resident_id, BillLine.id)):
        lines[rid].append(StatementLine(kind, label, start, end, days, rate, amount, basis))
        contracts[rid].add(cid)
    numbers = dict(s.execute(select(Contract.id, Contract.number).where(Contract.resident_id.in_(rid_q))).all())
    if resident_id is not None and not contracts[resident_id]:
        # not billed this month: name the contract covering the month, if any
        for cid, in s.execute(select(Contract.id).where(Contract.resident_id == resident_id,
                                                        Contract.start_date <= month.end,
                                                        Contract.end_date >= month.start)):
            contracts[resident_id].add(cid)
    accounts = [RECEIVABLE, PREPAID]
    opening = _balances(s, accounts, rid_q, month.start - ONE_DAY)
    closing = _balances(s, accounts, rid_q, month.end)
    deposits = _balances(s, [DEPOSITS], rid_q, month.end)
    beds = bed_labels_on(s, rid_q, month.end)
    payments: dict[int, list[StatementPayment]] = defaultdict(list)
    receipt_entries: set[int] = set()
    for rid, number, day, method, payer, amount, entry_id in s.execute(
            select(Receipt.resident_id, Receipt.number, Receipt.day, Receipt.method, Receipt.payer,
                   Receipt.amount_fen, Receipt.entry_id)
            .where(Receipt.resident_id.in_(rid_q), Receipt.day >= month.start, Receipt.day <= month.end,
                   Receipt.voided.is_(False)).order_by(Receipt.day, Receipt.number)):
        payments[rid].append(StatementPayment(number, day, method, payer, amount))
        if entry_id is not None:
            receipt_entries.add(entry_id)
    billing_prefix = f"billing:{period}:contract:"
    moves: dict[int, dict[int, list]] = defaultdict(dict)
    for rid, eid, day, memo, source, dmc in s.execute(
            select(JournalLine.resident_id, JournalEntry.id, JournalEntry.entry_date, JournalEntry.memo,
                   JournalEntry.source, func.sum(JournalLine.debit - JournalLine.credit))
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalLine.account.in_(accounts), JournalLine.resident_id.in_(rid_q),
                   JournalEntry.entry_date >= month.start, JournalEntry.entry_date <= month.end)
            .group_by(JournalLine.resident_id, JournalEntry.id, JournalEntry.entry_date, JournalEntry.memo,
                      JournalEntry.source)
            .order_by(JournalEntry.entry_date, JournalEntry.id)):
        if (source or "").startswith(billing_prefix) or eid in receipt_entries or not dmc:
            continue
        moves[rid][eid] = [day, memo, int(dmc)]
    out = []
    for rid in sorted(rids, key=lambda x: (beds.get(x, ""), names.get(x, ""), x)):
        ls = tuple(lines.get(rid, ()))
        pays = tuple(payments.get(rid, ()))
        adj = [StatementAdjustment(d, m, a) for d, m, a in moves.get(rid, {}).values()]
        o, c = opening.get(rid, 0), closing.get(rid, 0)
        rest = c - (o + sum(x.amount_fen for x in ls) - sum(x.amount_fen for x in pays) + sum(x.amount_fen for x in adj))
        if rest:  # a receipt whose entry differs from its amount, or an entry dated apart from its receipt
            adj.append(StatementAdjustment(month.end, "其他账务调整", rest))
        out.append(StatementDetail(
            centre_name=centre.name if centre else "", period=period, period_start=month.start,
            period_end=month.end, resident_id=rid, resident_name=names.get(rid, ""), bed=beds.get(rid, ""),
            contract_numbers=tuple(sorted(numbers[c_] for c_ in contracts.get(rid, ()) if c_ in numbers)),
            opening_fen=o, lines=ls, payments=pays, adjustments=tuple(adj), closing_fen=c, rule=PRORATION_RULE,
            deposit_fen=-deposits.get(rid, 0),  # a liability: its credit balance
            escrow_bank=centre.escrow_bank if centre else "",
            escrow_account_name=centre.escrow_account_name if centre else "",
            escrow_account_no=centre.escrow_account_no if centre else ""))
    return out


def statement(ctx: Ctx, resident_id: int, period: str) -> StatementDetail:
    """One resident's month."""
    with ctx.read() as s:
        return gather(s, period, resident_id)[0]


def statements(ctx: Ctx, period: str) -> list[StatementDetail]:
    """Every resident billed in the month, ordered by bed."""
    with ctx.read() as s:
        return gather(s, period)


def _write(ctx: Ctx, details: list[StatementDetail], path: str | Path, progress, abort, what: dict) -> Written:
    from ..documents.statement_pdf import render_statements

    ctx.require(Perm.PRINT)
    check_destination(path)  # before the (long) rendering
    data = render_statements(details, ctx.today(), progress=progress, abort=abort)

    def render(tmp: Path) -> int:
        tmp.write_bytes(data)
        return len(details)

    return write_document(ctx, path, render, "打印费用清单", "statement", what)


def statements_pdf(ctx: Ctx, period: str, path: str | Path, progress: Callable[[float, str], None] | None = None,
                   abort=None) -> Written:
    """All residents' statements of the month as one PDF, each resident on its
    own pages with its own page numbering."""
    ctx.require(Perm.PRINT)
    details = statements(ctx, period)
    if not details:
        raise RuleViolation(f"{parse_period(period).start:%Y-%m}还没有计费，没有可打印的费用清单", "period")
    return _write(ctx, details, path, progress, abort, {"period": details[0].period, "residents": len(details)})


def statement_pdf(ctx: Ctx, resident_id: int, period: str, path: str | Path) -> Written:
    """One resident's statement of the month as a PDF."""
    ctx.require(Perm.PRINT)
    d = statement(ctx, resident_id, period)
    return _write(ctx, [d], path, None, None, {"period": d.period, "resident_id": resident_id})
