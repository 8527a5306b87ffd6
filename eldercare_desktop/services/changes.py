"""What changed in the database since a point, as the GUI's stale-page probe
sees it (several PCs on one PostgreSQL server, or on one shared SQLite file).

Every write appends a row to ``audit_log`` whose ``seq`` only grows, so
``head(app)`` (the largest ``seq``) is a cheap change counter on both
engines (the primary key's index answers it), and
``changed_since(app, seq)`` reads only the rows after ``seq``.

Rows this App wrote itself are left out: this App's own writes already
refreshed its pages (``Changes``). ``track(app)`` hooks the engine and notes
the (seq, hash) of each audit row this App inserts; a row counts as its own
only if both match (a seq taken by a transaction that rolled back and then
reused by another PC has another hash). The notes are dropped once a probe
has read past them.

Entities are named as the pages' ``watches`` name them (``Changes.entities``):
an audit row's entity is mapped (``RELATED``) to the views it affects, e.g. a
receipt changes receipts, charges and the journal. ``AUDIT`` is in every
non-empty result (the audit log itself changed); ``EVERYTHING`` means every
page is stale (a restore, or too many rows to look at)."""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, event, func, select

from ..db.tables import audit_log

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from .context import App

#: every page is stale
EVERYTHING = "*"
#: the audit log changed (every foreign row)
AUDIT = "audit"
#: more rows than this after the seq asked about: looked at no further (everything is stale,
#: unless the rest are all this App's own)
ROW_LIMIT = 500

#: audit entity → the entities (``Page.watches`` names) whose views it changes
RELATED: dict[str, frozenset[str]] = {
    "journal_entry": frozenset({"journal"}),
    "voucher": frozenset({"voucher", "journal"}),
    "receipt": frozenset({"receipt", "charge", "journal"}),
    "charge": frozenset({"charge", "journal"}),
    "bill_run": frozenset({"bill_run", "billing", "charge", "journal"}),
    "deposit_movement": frozenset({"deposit_movement", "deposit", "escrow", "journal"}),
    "escrow_reconciliation": frozenset({"escrow_reconciliation", "escrow"}),
    "demand_rate": frozenset({"demand_rate", "rate", "escrow"}),
    "fee_item": frozenset({"fee_item", "fee_price", "fee"}),
    "fee_price": frozenset({"fee_item", "fee_price", "fee"}),
    "assessment": frozenset({"assessment", "care_level"}),
    "care_level_change": frozenset({"care_level", "assessment"}),
    "period_close": frozenset({"period_close", "journal"}),
    "year_close": frozenset({"year_close", "journal"}),
    "depreciation": frozenset({"depreciation", "fixed_asset", "journal"}),
    "ledger_account": frozenset({"chart"}),
    "worker_contract": frozenset({"care_worker"}),
    "worker_certificate": frozenset({"care_worker"}),
    "worker_training": frozenset({"care_worker"}),
    "worker_insurance": frozenset({"care_worker"}),
    "roster": frozenset({"resident", "bed"}),  # a roster import admits residents
    "resident": frozenset({"resident", "bed"}),  # admissions, moves and discharges fill and free beds
    "seal": frozenset(),  # the system's sealing row: the transaction's own rows name what changed
}
#: audit rows of a restore: the whole database changed
RESTORE = ("database", "restore")


@dataclass(frozen=True)
class Probe:
    """The result of one probe: the newest seq, and what other sessions
    changed after the seq asked about (empty: nothing)."""

    head: int
    entities: frozenset[str] = frozenset()
    #: rows of other sessions read (at most ROW_LIMIT + 1)
    rows: int = 0

    def touches(self, watches: frozenset[str]) -> bool:
        return EVERYTHING in self.entities or bool(self.entities & watches)


# -- this App's own audit rows ------------------------------------------------------------------

class _Own:
    """(seq → hash) of the audit rows written through one engine."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rows: dict[int, str] = {}

    def add(self, seq: int, digest: str) -> None:
        with self.lock:
            self.rows[seq] = digest

    def is_own(self, seq: int, digest: str) -> bool:
        with self.lock:
            return self.rows.get(seq) == digest

    def count_between(self, low: int, high: int) -> int:
        """How many own rows have low < seq <= high."""
        with self.lock:
            return sum(1 for s in self.rows if low < s <= high)

    def forget_upto(self, seq: int) -> None:
        with self.lock:
            for s in [s for s in self.rows if s <= seq]:
                del self.rows[s]


_tracked: "weakref.WeakKeyDictionary[Engine, _Own]" = weakref.WeakKeyDictionary()
_tracked_lock = threading.Lock()


def _after_cursor_execute(own: _Own):
    def listener(conn, cursor, statement, parameters, context, executemany) -> None:
        if context is None or not context.isinsert:
            return
        compiled = getattr(context, "compiled", None)
        if getattr(getattr(compiled, "statement", None), "table", None) is not audit_log:
            return
        for params in context.compiled_parameters or ():
            seq, digest = params.get("seq"), params.get("hash")
            if seq is not None and digest:
                own.add(int(seq), str(digest))

    return listener


def track(app: App) -> None:
    """Note the audit rows this App writes from now on (idempotent; again
    after ``App.reopen`` made a new engine)."""
    _own(app)


def _own(app: App) -> _Own:
    engine = app.engine
    with _tracked_lock:
        own = _tracked.get(engine)
        if own is None:
            own = _tracked[engine] = _Own()
            event.listen(engine, "after_cursor_execute", _after_cursor_execute(own))
        return own


# -- the probe --------------------------------------------------------------------------------------

def head(app: App) -> int:
    """The newest audit seq (0 for an empty log). Starts tracking this App's writes."""
    track(app)
    with app.engine.connect() as conn:
        return int(conn.execute(select(func.max(audit_log.c.seq))).scalar() or 0)


def changed_since(app: App, seq: int) -> frozenset[str]:
    """The entities other sessions changed after ``seq`` (empty: none)."""
    return probe(app, seq).entities


def probe(app: App, since: int) -> Probe:
    """One probe: the newest seq and what others changed after ``since``.
    Reads only; two indexed queries (the second only when there is news)."""
    own = _own(app)
    t = audit_log.c
    with app.engine.connect() as conn:
        newest = int(conn.execute(select(func.max(t.seq))).scalar() or 0)
        if newest == since:
            return Probe(newest)
        if newest < since:  # the log went back: a restore replaced the database
            own.forget_upto(since)
            return Probe(newest, frozenset({EVERYTHING, AUDIT}))
        # a written document (export, printout, backup) records its SHA-256: it changed no data
        document = and_(t.after.like('%"sha256":%'), t.after.like('%"file":%'))
        rows = conn.execute(
            select(t.seq, t.entity, t.entity_id, t.hash, document.label("document"))
            .where(t.seq > since, t.seq <= newest).order_by(t.seq).limit(ROW_LIMIT + 1)
        ).all()
    entities: set[str] = set()
    foreign = 0
    for r in rows:
        if own.is_own(int(r.seq), r.hash):
            continue
        foreign += 1
        entities.add(AUDIT)
        if (r.entity, r.entity_id) == RESTORE:
            entities.add(EVERYTHING)
        elif not r.document:
            entities |= RELATED.get(r.entity, frozenset({r.entity}))
    if len(rows) > ROW_LIMIT:  # too many to look at: unless the rest are all this App's, everything
        last = int(rows[-1].seq)
        if own.count_between(last, newest) < newest - last:
            entities |= {EVERYTHING, AUDIT}
    own.forget_upto(newest)
    return Probe(newest, frozenset(entities), foreign)
