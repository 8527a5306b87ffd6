"""Appending one row to the hash-chained audit trail (inside the caller's
transaction). ``services.audit.record`` is the way services write it; the
migrations use this directly."""
from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from ..domain.audit import AuditFields, canonical, row_hash
from .sealing import collect
from .tables import audit_head, audit_log


def append(conn: Connection, username: str, at: str, action: str, entity: str, entity_id: object,
           before: object = None, after: object = None) -> int:
    """Seal the pending rows and append the audit row; returns its seq."""
    head = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                        .where(audit_head.c.id == 1).with_for_update()).one()
    seal = collect(conn)
    fields = AuditFields(
        seq=int(head.last_seq) + 1, at=at, user=username, action=action, entity=entity,
        entity_id=str(entity_id), before=canonical(before), after=canonical(after), seal=seal,
    )
    h = row_hash(head.last_hash, fields)
    conn.execute(insert(audit_log).values(
        seq=fields.seq, at=fields.at, user=fields.user, action=action, entity=entity,
        entity_id=fields.entity_id, before=fields.before, after=fields.after,
        prev_hash=head.last_hash, hash=h, seal=seal or None,
    ))
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(last_seq=fields.seq, last_hash=h))
    return fields.seq
