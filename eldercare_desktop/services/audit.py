"""The audit trail: append a hash-chained row for every write; verify it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select

from ..db import chain
from ..db.tables import audit_head, audit_log
from ..domain.audit import AuditFields, ChainBreak, verify_chain
from ..domain.records import AuditEntry
from ..domain.roles import Actor, Perm
from .context import App, Ctx
from .seal import connection

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
    return chain.append(connection(s), actor.username, now.isoformat(timespec="seconds"), action, entity,
                        entity_id, before, after)


def audit(ctx: Ctx, s: Session, action: str, entity: str, entity_id: object, before=None, after=None) -> int:
    return record(s, ctx.actor, ctx.now(), action, entity, entity_id, before, after)


def verify(app: App) -> tuple[int, ChainBreak | None]:
    """(rows checked, first break or None). Needs no login: it only reads."""
    with app.read_factory() as s:
        rows = [
            (AuditFields(r.seq, r.at, r.user, r.action, r.entity, r.entity_id, r.before, r.after, r.seal or ""),
             r.prev_hash, r.hash)
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


# -- the trail as a person reads it: export (XLSX) and print (PDF) ---------------------------

#: how many entries an export or a printout holds at most
EXPORT_LIMIT = 100_000


def account_names(ctx: Ctx) -> dict[str, str]:
    """Code → name of every ledger account, the centre's own sub-accounts too
    (journal lines in the trail are shown as "100201 银行存款—基本户 借 ¥100.00")."""
    from .books import chart_in

    with ctx.read(Perm.AUDIT_READ) as s:
        return {a.code: a.name for a in chart_in(s)}


def filter_text(f: AuditFilter, entity_labels: dict[str, str] | None = None) -> str:
    """The filter in words, for the subtitle of an export: 用户：全部　对象：房间　…"""
    el = entity_labels or {}
    if f.date_from and f.date_to:
        when = f"{f.date_from.isoformat()} 至 {f.date_to.isoformat()}"
    elif f.date_from:
        when = f"{f.date_from.isoformat()} 起"
    elif f.date_to:
        when = f"截至 {f.date_to.isoformat()}"
    else:
        when = "全部"
    parts = [f"用户：{f.user or '全部'}", f"对象：{el.get(f.entity, f.entity) if f.entity else '全部'}"
             + (f" {f.entity_id}" if f.entity_id else ""), f"时间：{when}"]
    if f.text:
        parts.append(f"搜索：{f.text}")
    return "　".join(parts)


def readable_entries(ctx: Ctx, f: AuditFilter = AuditFilter(), entity_labels: dict[str, str] | None = None,
                     field_labels: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    """The filtered trail, newest first, as ``domain.audit_text.EXPORT_HEADERS``
    rows: amounts in yuan, journal lines with account names, plain dates. The
    labels (the screen's, in the interface language) name entities and fields;
    without them the keys show as stored."""
    from ..domain import audit_text as vm

    entries = vm.newest_first(list_entries(ctx, f))
    names = account_names(ctx)
    el = entity_labels or {}

    def entity_label(e: str) -> str:
        return el.get(e, e)

    def account_name(code: str) -> str:
        return names.get(code) or vm.chart_account_name(code)

    return [vm.export_row(e, entity_label, field_labels, account_name) for e in entries]


def _export_parts(ctx: Ctx, f: AuditFilter | None, entity_labels, field_labels):
    from .centre import get_centre

    f = f or AuditFilter()
    f = AuditFilter(f.user, f.entity, f.entity_id, f.date_from, f.date_to, f.text, max(f.limit, EXPORT_LIMIT))
    rows = readable_entries(ctx, f, entity_labels, field_labels)
    centre = get_centre(ctx)
    name = (centre.name if centre else "") or ""
    subtitle = f"{filter_text(f, entity_labels)}　共{len(rows)}条　导出人：{ctx.actor.username}"
    return f, rows, name, subtitle


def export_xlsx(ctx: Ctx, path, f: AuditFilter | None = None, entity_labels: dict[str, str] | None = None,
                field_labels: dict[str, str] | None = None):
    """Write the filtered trail to an XLSX workbook (needs 查看审计日志 and
    打印和导出); the export itself is audited. Returns ``output.Written``."""
    from ..documents.audit_xlsx import write_audit
    from .output import write_document

    ctx.require(Perm.AUDIT_READ)
    f, rows, name, subtitle = _export_parts(ctx, f, entity_labels, field_labels)
    title = f"{name}审计日志"
    return write_document(ctx, path, lambda tmp: write_audit(title, subtitle, rows, str(tmp)), "导出审计日志",
                          "audit_log", {"filter": filter_text(f)})


def export_pdf(ctx: Ctx, path, f: AuditFilter | None = None, entity_labels: dict[str, str] | None = None,
               field_labels: dict[str, str] | None = None):
    """Print the filtered trail as a PDF (A4 landscape, embedded CJK font); audited."""
    from ..documents.audit_pdf import render_audit
    from .output import write_document

    ctx.require(Perm.AUDIT_READ)
    f, rows, name, subtitle = _export_parts(ctx, f, entity_labels, field_labels)
    data = render_audit(name, subtitle, rows, ctx.today())

    def write(tmp):
        tmp.write_bytes(data)
        return len(rows)

    return write_document(ctx, path, write, "打印审计日志", "audit_log", {"filter": filter_text(f)})
