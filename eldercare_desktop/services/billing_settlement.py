"""A terminated contract's settlement through the billing machinery: every
month billed from the last day's month on is brought in line with the
service actually given. ``settlement_rows_in`` shows it (per month and
kind) and ``settle_contract_in`` posts it, from the same lines, so what the
contract prints is what the account carries."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db.engine import BOOKS_LOCK, lock
from ..db.models import BillLine, BillRun, Contract
from ..domain.billing import PRORATION_RULE
from ..domain.ledger import check_entry
from .billing import _billing_entry, _differences, _existing, _is_closed_period, _load_month, _post_bulk, \
    billing_mode, expected_lines, parse_period
from .context import Ctx
from .ledger import closed_periods_in


def _settlement_months(s: Session, c: Contract) -> list[tuple[str, list, dict]]:
    """(period, expected lines, posted lines) of every month billed from the
    last day's month on, as a termination brings them in line.

    In advance mode a month billed in advance and not yet settled has only
    its bed and care fees brought in line (the unexpired days); its meals and
    one-off charges are settled by the next run, as every month's are."""
    last = c.termination_date
    periods = sorted(p for (p,) in s.execute(
        select(BillLine.period).where(BillLine.contract_id == c.id).distinct()) if p >= f"{last:%Y-%m}")
    advance = billing_mode(s) == "advance"
    out = []
    for period in periods:
        month = parse_period(period)
        contracts, terms, stays, leaves, charges = _load_month(s, month)
        exp = []
        for row in contracts:
            if row.id == c.id:
                exp = expected_lines(month, row, terms.get(row.id, []), stays.get(row.resident_id, []),
                                     leaves.get(row.resident_id, []), charges.get(row.id, []))
        have = _existing(s, period).get(c.id, {})
        if advance and not any(k[0] in ("meals", "other") for k in have):
            exp = [x for x in exp if x[0].kind in ("bed", "care")]
        out.append((period, exp, have))
    return out


_KIND_ORDER = {"bed": 0, "care": 1, "meals": 2, "other": 3}


def settlement_rows_in(s: Session, contract_id: int) -> list[tuple[str, str, int, int, str]]:
    """A terminated contract's settlement, per month and kind: (period, kind,
    billed, due, how the due amount is reached) — exactly what
    :func:`settle_contract_in` posts (due − billed), from the same lines."""
    c = s.get(Contract, contract_id)
    rows = []
    for period, exp, have in _settlement_months(s, c):
        for kind in sorted({k[0] for k in have} | {x[0].kind for x in exp}, key=lambda k: _KIND_ORDER.get(k, 9)):
            billed = sum(v[0] for k, v in have.items() if k[0] == kind)
            due = sum(x[0].amount_fen for x in exp if x[0].kind == kind)
            if kind in ("bed", "care", "meals") or billed != due:
                rows.append((period, kind, billed, due, "；".join(x[0].basis for x in exp if x[0].kind == kind)))
    return rows


def settle_contract_in(ctx: Ctx, s: Session, contract_id: int, day: dt.date) -> tuple[list[int], int]:
    """After a contract has ended (termination_date set): bring every month
    already billed beyond its last day of service in line with it, as a
    billing run would — difference lines and entries — so the unexpired fees
    come off (and fees owed for the days served come on) exactly once; a later
    run finds nothing to do. Entries for a closed month are dated ``day`` in
    the open month. Returns (entry ids, net amount: negative = refunded). The
    caller checked the permission."""
    lock(s, BOOKS_LOCK)
    c = s.get(Contract, contract_id)
    closed = closed_periods_in(s)
    now = ctx.now()
    ids: list[int] = []
    net = 0
    for period, exp, have in _settlement_months(s, c):
        month = parse_period(period)
        diffs = _differences(exp, have)
        if not diffs:
            continue
        run = BillRun(period=period, started_at=now, finished_at=now, contracts=1, lines=len(diffs),
                      total_fen=sum(d["amount_fen"] for d in diffs), rule=f"合同{c.number}终止结算：{PRORATION_RULE}",
                      created_by=ctx.actor.username)
        s.add(run)
        s.flush()
        entry_day = month.end if not _is_closed_period(period, closed) else day
        e = _billing_entry(entry_day, period, c.number, c.resident_id, diffs,
                           f"settlement:{period}:contract:{contract_id}")
        eid = None
        if e is not None:
            check_entry(e, closed)
            eid = _post_bulk(ctx, s, [e], now)[0]
            ids.append(eid)
        for d in diffs:
            d.update(run_id=run.id, period=period, contract_id=contract_id, resident_id=c.resident_id, entry_id=eid)
        s.execute(insert(BillLine.__table__), diffs)
        net += run.total_fen
    return ids, net
