"""Which rows are sealed (money and permission rows), and the SQL that marks
them as touched. A trigger on each sealed table notes every insert, update
and delete in ``seal_pending``; the next audit row seals those rows (their
digests go into the hash chain, their values into ``row_seal``)."""
from __future__ import annotations

from sqlalchemy import Column, Connection, Index, String, Table, Text, text

from ..domain.audit import canonical, row_digest, row_state
from .tables import metadata

#: sealed table → its primary-key column
SEALED: dict[str, str] = {
    "app_user": "id",
    "setting": "key",
    "contract": "id",
    "contract_term": "id",
    "fee_item": "id",
    "fee_price": "id",
    "charge": "id",
    "bill_run": "id",
    "bill_line": "id",
    "receipt": "id",
    "receipt_sequence": "year",
    "deposit_movement": "id",
    "escrow_reconciliation": "id",
    "journal_entry": "id",
    "journal_line": "id",
    "period_close": "period",
    "voucher": "id",
    "voucher_line": "id",
    "fixed_asset": "id",
    "depreciation": "id",
    "year_close": "year",
    "disclosure": "year",
    "subsidy_claim": "id",
    "subsidy_claim_row": "id",
}

#: rows touched since the last seal, filled by triggers
seal_pending = Table(
    "seal_pending", metadata,
    Column("tbl", String(40), primary_key=True),
    Column("row_id", String(40), primary_key=True),
)

#: each sealed row's values as last sealed (to name the field that changed)
row_seal = Table(
    "row_seal", metadata,
    Column("tbl", String(40), primary_key=True),
    Column("row_id", String(40), primary_key=True),
    Column("state", Text, nullable=False),
    Index("ix_row_seal_tbl", "tbl"),
)


def create_triggers_sql(dialect: str) -> list[str]:
    """DDL for the touch triggers on every sealed table."""
    out: list[str] = []
    if dialect == "sqlite":
        for t, pk in SEALED.items():
            for verb, ref in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
                body = " ".join(f"INSERT OR IGNORE INTO seal_pending (tbl, row_id) VALUES ('{t}', {r}.{pk});"
                                for r in ref)
                out.append(f"CREATE TRIGGER seal_{t}_{verb.lower()} AFTER {verb} ON {t} BEGIN {body} END")
    elif dialect == "postgresql":
        out.append(
            "CREATE OR REPLACE FUNCTION seal_touch() RETURNS trigger AS $$ BEGIN "
            "IF TG_OP <> 'INSERT' THEN INSERT INTO seal_pending (tbl, row_id) "
            "VALUES (TG_TABLE_NAME, to_jsonb(OLD)->>TG_ARGV[0]) ON CONFLICT DO NOTHING; END IF; "
            "IF TG_OP <> 'DELETE' THEN INSERT INTO seal_pending (tbl, row_id) "
            "VALUES (TG_TABLE_NAME, to_jsonb(NEW)->>TG_ARGV[0]) ON CONFLICT DO NOTHING; END IF; "
            "RETURN NULL; END; $$ LANGUAGE plpgsql")
        for t, pk in SEALED.items():
            out.append(f"CREATE TRIGGER seal_{t} AFTER INSERT OR UPDATE OR DELETE ON {t} "
                       f"FOR EACH ROW EXECUTE FUNCTION seal_touch('{pk}')")
    return out


def drop_triggers_sql(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS seal_{t}_{v}" for t in SEALED for v in ("insert", "update", "delete")]
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS seal_{t} ON {t}" for t in SEALED] + ["DROP FUNCTION IF EXISTS seal_touch()"]
    return []


def upsert_state_sql(dialect: str) -> str:
    if dialect == "sqlite":
        return "INSERT OR REPLACE INTO row_seal (tbl, row_id, state) VALUES (:tbl, :row_id, :state)"
    return ("INSERT INTO row_seal (tbl, row_id, state) VALUES (:tbl, :row_id, :state) "
            "ON CONFLICT (tbl, row_id) DO UPDATE SET state = EXCLUDED.state")


_INT_KEYS = {"id", "year"}
#: columns left out of a row's sealed state: a record's edit counter (migration
#: 0009) is bookkeeping, and leaving it out keeps earlier seals valid
UNSEALED = frozenset({"version"})


def _state(row: dict) -> str:
    return row_state({k: v for k, v in row.items() if k not in UNSEALED})


def fetch_states(conn: Connection, table: str) -> dict[str, str]:
    """Row id → canonical state of every row of a sealed table (verification)."""
    pk = SEALED[table]
    return {str(row[pk]): _state(dict(row)) for row in conn.execute(text(f"SELECT * FROM {table}")).mappings()}


_FOREIGN = "seal_foreign"


def _snapshot(conn: Connection) -> None:
    """At the start of a write transaction: rows already pending were not
    written by this app (its transactions seal before they commit), so they
    are someone's direct edit and are never sealed by a later write."""
    if conn.get_execution_options().get("write"):
        rows = conn.exec_driver_sql("SELECT tbl, row_id FROM seal_pending").fetchall()
        conn.info[_FOREIGN] = {(t, r) for t, r in rows}


def _forget(conn: Connection) -> None:
    if not conn.invalidated:  # a dropped connection's info goes with it
        conn.info.pop(_FOREIGN, None)


def hook_engine(engine) -> None:
    """Install the transaction hooks ``collect`` relies on (once per engine)."""
    from sqlalchemy import event

    if not event.contains(engine, "begin", _snapshot):
        event.listen(engine, "begin", _snapshot)
        event.listen(engine, "commit", _forget)
        event.listen(engine, "rollback", _forget)


def _pending_states(conn: Connection, table: str) -> dict[str, str]:
    """Row id → state of this table's pending rows that exist (one join, on
    the driver's cursor: a billing run seals tens of thousands of rows)."""
    pk = SEALED[table]
    on = f"t.{pk} = CAST(p.row_id AS INTEGER)" if pk in _INT_KEYS else f"t.{pk} = p.row_id"
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    res = conn.exec_driver_sql(f"SELECT t.* FROM seal_pending p JOIN {table} t ON {on} WHERE p.tbl = {mark}",
                               (table,))
    cols = list(res.keys())
    i = cols.index(pk)
    return {str(row[i]): _state(dict(zip(cols, row))) for row in res.fetchall()}


def collect(conn: Connection) -> str:
    """Seal the rows this transaction touched; returns the seal (canonical
    JSON of digests) or "". Rows pending from before it began stay pending
    (and fail verification): a later write never launders a direct edit."""
    foreign = conn.info.get(_FOREIGN) or set()
    pending: dict[str, list[str]] = {}
    for tbl, row_id in conn.execute(text("SELECT tbl, row_id FROM seal_pending")):
        if (tbl, row_id) not in foreign:
            pending.setdefault(tbl, []).append(row_id)
    if not pending:
        return ""
    digests: dict[str, dict[str, str | None]] = {}
    upserts: list[dict] = []
    gone: list[dict] = []
    for tbl, ids in pending.items():
        states = _pending_states(conn, tbl)
        d = digests[tbl] = {}
        for rid in ids:
            state = states.get(rid)
            if state is None:
                d[rid] = None
                gone.append({"tbl": tbl, "row_id": rid})
            else:
                d[rid] = row_digest(tbl, rid, state)
                upserts.append({"tbl": tbl, "row_id": rid, "state": state})
    if upserts:
        conn.execute(text(upsert_state_sql(conn.dialect.name)), upserts)
    if gone:
        conn.execute(text("DELETE FROM row_seal WHERE tbl = :tbl AND row_id = :row_id"), gone)
    done = [{"tbl": t, "row_id": r} for t, ids in pending.items() for r in ids]
    if foreign:
        conn.execute(text("DELETE FROM seal_pending WHERE tbl = :tbl AND row_id = :row_id"), done)
    else:
        conn.execute(text("DELETE FROM seal_pending"))
    return canonical(digests)


def has_pending(conn: Connection) -> bool:
    """Whether this transaction touched rows it has not sealed yet."""
    foreign = conn.info.get(_FOREIGN) or set()
    if not foreign:
        return conn.execute(text("SELECT 1 FROM seal_pending LIMIT 1")).first() is not None
    rows = conn.execute(text("SELECT tbl, row_id FROM seal_pending")).all()
    return any((t, r) not in foreign for t, r in rows)
