"""The audit trail: append a hash-chained row for every write; verify it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import AuditHead, AuditLog
from ..domain.audit import AuditFields, ChainBreak, canonical, row_hash, verify_chain
from ..domain.records import AuditEntry
from ..domain.roles import Actor, Perm
from .context import App, Ctx


def record(
    s: Session,
    actor: Actor,
    now: dt.datetime,
    action: str,
    entity: str,
    entity_id: object,
    before: object = None,
    after: object = None,
) -> int:
    """Append one audit row inside the caller's transaction."""
    head = s.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
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
    s.add(
        AuditLog(
            seq=fields.seq, at=fields.at, user=fields.user, action=action, entity=entity,
            entity_id=fields.entity_id, before=fields.before, after=fields.after,
            prev_hash=head.last_hash, hash=h,
        )
    )
    head.last_seq = fields.seq
    head.last_hash = h
    s.flush()
    return fields.seq


def audit(ctx: Ctx, s: Session, action: str, entity: str, entity_id: object, before=None, after=None) -> int:
    return record(s, ctx.actor, ctx.now(), action, entity, entity_id, before, after)


def verify(app: App) -> tuple[int, ChainBreak | None]:
    """(rows checked, first break or None). Needs no login: it only reads."""
    with app.read_factory() as s:
        rows = [
            (AuditFields(r.seq, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after), r.prev_hash, r.hash)
            for r in s.execute(select(AuditLog).order_by(AuditLog.seq)).scalars()
        ]
        head_row = s.get(AuditHead, 1)
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
        q = select(AuditLog).order_by(AuditLog.seq.desc()).limit(f.limit)
        if f.user:
            q = q.where(AuditLog.user == f.user)
        if f.entity:
            q = q.where(AuditLog.entity == f.entity)
        if f.entity_id:
            q = q.where(AuditLog.entity_id == f.entity_id)
        if f.date_from:
            q = q.where(AuditLog.at >= f.date_from.isoformat())
        if f.date_to:
            q = q.where(AuditLog.at < (f.date_to + dt.timedelta(days=1)).isoformat())
        if f.text:
            like = f"%{f.text}%"
            q = q.where((AuditLog.before.like(like)) | (AuditLog.after.like(like)) | (AuditLog.action.like(like)))
        return [
            AuditEntry(r.seq, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after)
            for r in s.execute(q).scalars()
        ]


def audit_users(ctx: Ctx) -> list[str]:
    with ctx.read(Perm.AUDIT_READ) as s:
        return list(s.execute(select(AuditLog.user).group_by(AuditLog.user).order_by(func.min(AuditLog.seq))).scalars())
