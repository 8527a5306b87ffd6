"""Payments: allocation of credits to charges oldest first (FIFO) and the
ageing of what is still unpaid. Pure functions over integer fen.

FIFO rule (先进先出): credits are taken in date order (ties in the order
given); each one pays the oldest open debit first, then the next, whatever
the debit's date (a credit with nothing open is held and pays later debits,
as a prepayment would). So the open debits are always the newest ones and
their total is ``max(0, debits − credits)``.

Ageing (账龄): an open debit's age is ``on − its date`` in days; the buckets
are 0–30天 (本月 and the last month's bill), 31–60天, 61–90天, 90天以上.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Hashable, Iterable, Sequence

from .errors import RuleViolation

BUCKETS: tuple[str, ...] = ("0-30天", "31-60天", "61-90天", "90天以上")
BUCKET_LIMITS: tuple[int, ...] = (30, 60, 90)  # inclusive upper bounds in days


@dataclass(frozen=True)
class Item:
    """A debit (charge) or credit (payment) on the receivable account."""

    day: dt.date
    fen: int
    ref: Hashable = None


@dataclass(frozen=True)
class Allocation:
    """``fen`` of the credit ``credit_ref`` paid the debit ``debit_ref``."""

    credit_ref: Hashable
    debit_ref: Hashable
    fen: int
    credit_day: dt.date
    debit_day: dt.date


@dataclass(frozen=True)
class FifoResult:
    open_debits: tuple[Item, ...]  # what is still unpaid, oldest first (fen = the unpaid part)
    allocations: tuple[Allocation, ...]
    unapplied: int  # credits left over with nothing to pay (a credit balance)

    @property
    def open_total(self) -> int:
        return sum(x.fen for x in self.open_debits)


def _items(rows: Iterable[Item | tuple], what: str) -> list[Item]:
    out = []
    for r in rows:
        x = r if isinstance(r, Item) else Item(*r)
        if not isinstance(x.fen, int) or isinstance(x.fen, bool) or x.fen < 0:
            raise RuleViolation(f"{what}金额必须是非负的整数（分）：{x.fen!r}")
        out.append(x)
    return out


def fifo_allocate(debits: Sequence[Item | tuple], credits: Sequence[Item | tuple]) -> FifoResult:
    """Allocate ``credits`` to ``debits`` oldest first. Both are lists of
    ``(date, fen, ref)`` (or :class:`Item`) with non-negative fen; the sort
    by date is stable, so equal dates keep the order given."""
    ds = sorted(_items(debits, "借方"), key=lambda x: x.day)
    cs = sorted(_items(credits, "贷方"), key=lambda x: x.day)
    remaining = [d.fen for d in ds]
    allocations: list[Allocation] = []
    i = 0  # first debit that may still be open
    unapplied = 0
    for c in cs:
        left = c.fen
        while left and i < len(ds):
            if remaining[i] == 0:
                i += 1
                continue
            take = min(left, remaining[i])
            remaining[i] -= take
            left -= take
            allocations.append(Allocation(c.ref, ds[i].ref, take, c.day, ds[i].day))
        unapplied += left
    open_debits = tuple(Item(d.day, r, d.ref) for d, r in zip(ds, remaining) if r)
    return FifoResult(open_debits, tuple(allocations), unapplied)


def bucket_of(age_days: int) -> str:
    for limit, name in zip(BUCKET_LIMITS, BUCKETS):
        if age_days <= limit:
            return name
    return BUCKETS[-1]


def ageing_buckets(open_debits: Iterable[Item], on: dt.date) -> dict[str, int]:
    """{bucket: unpaid fen} for the open debits as of ``on`` (every bucket
    present, in order). A debit dated after ``on`` counts as 0 days old."""
    out = {b: 0 for b in BUCKETS}
    for d in open_debits:
        out[bucket_of(max(0, (on - d.day).days))] += d.fen
    return out
