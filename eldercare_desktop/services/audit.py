"""The audit trail: append a hash-chained row for every write; verify it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, insert, select, update

from ..db.tables import audit_head, audit_log
from ..domain.audit import AuditFields, ChainBreak, canonical, row_hash, verify_chain
from ..domain.records import AuditEntry
from ..domain.roles import Actor, Perm
from .context import App, Ctx

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def record(
    s: Session | Connection,
    actor: Actor,
    now: dt.datetime,
    action: str,
    entity: str,
    entity_id: object,
    before: object = None,
    after: object = None,
) -> int:
    """Append one audit row inside the caller's transaction (an ORM session,
    or a Core connection on the start-up path)."""
    flush = getattr(s, "flush", None)
    if flush is not None:
        flush()  # the caller's pending rows first, as an ORM query would
    head = s.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                     .where(audit_head.c.id == 1).with_for_update()).one()
    fields = AuditFields(
        seq=int(head.last_seq) + 1,
        at=now.isoformat(timespec="seconds"),
        user=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=canonical(before),
        after=canonical(after),
    )
    h = row_hash(head.last_hash, fields)
    s.execute(insert(audit_log).values(
        seq=fields.seq, at=fields.at, user=fields.user, action=action, entity=entity,
        entity_id=fields.entity_id, before=fields.before, after=fields.after,
        prev_hash=head.last_hash, hash=h,
    ))
    s.execute(update(audit_head).where(audit_head.c.id == 1).values(last_seq=fields.seq, last_hash=h))
    return fields.seq


def audit(ctx: Ctx, s: Session, action: str, entity: str, entity_id: object, before=None, after=None) -> int:
    return record(s, ctx.actor, ctx.now(), action, entity, entity_id, before, after)


def verify(app: App) -> tuple[int, ChainBreak | None]:
    """(rows checked, first break or None). Needs no login: it only reads."""
    with app.read_factory() as s:
        rows = [
            (AuditFields(r.seq, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after), r.prev_hash, r.hash)
            for r in s.execute(select(audit_log).order_by(audit_log.c.seq))
        ]
        head_row = s.execute(select(audit_head).where(audit_head.c.id == 1)).first()
        head = (int(head_row.last_seq), head_row.last_hash) if head_row else None
    return len(rows), verify_chain(rows, head)


@dataclass(frozen=True)
class AuditFilter:
    user: str = ""
    entity: str = ""
    entity_id: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    limit: int = 5000


def list_entries(ctx: Ctx, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    with ctx.read(Perm.AUDIT_READ) as s:
        t = audit_log.c
        q = select(audit_log).order_by(t.seq.desc()).limit(f.limit)
        if f.user:
            q = q.where(t.user == f.user)
        if f.entity:
            q = q.where(t.entity == f.entity)
        if f.entity_id:
            q = q.where(t.entity_id == f.entity_id)
        if f.date_from:
            q = q.where(t.at >= f.date_from.isoformat())
        if f.date_to:
            q = q.where(t.at < (f.date_to + dt.timedelta(days=1)).isoformat())
        if f.text:
            like = f"%{f.text}%"
            q = q.where((t.before.like(like)) | (t.after.like(like)) | (t.action.like(like)))
        return [
            AuditEntry(r.seq, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after)
            for r in s.execute(q)
        ]


def audit_users(ctx: Ctx) -> list[str]:
    with ctx.read(Perm.AUDIT_READ) as s:
        t = audit_log.c
        return list(s.execute(select(t.user).group_by(t.user).order_by(func.min(t.seq))).scalars())
