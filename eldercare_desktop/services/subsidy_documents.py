"""Subsidy claim documents: gather (services.subsidies, the centre and its
dated facts) → :class:`ClaimForm` (documents.subsidy_form) → render
(documents.subsidy_pdf / subsidy_xlsx) → write (services.output, audited with the file's SHA-256).

The renderers import ReportLab and openpyxl, so they load on first print.
A draft prints as recomputed now and is marked 草稿—未提交 on every page; a
submitted claim prints its frozen rows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..db.models import SubsidyClaim
from ..domain.errors import RuleViolation
from ..domain.roles import Perm
from . import care_workers, subsidies, subsidy_facts
from .centre import get_centre
from .context import Ctx
from .output import Written, write_document
from .subsidy_subjects import month_span


def claim_form(ctx: Ctx, claim_id: int):
    """The claim as its documents print it (a ``documents.subsidy_form.ClaimForm``)."""
    from ..documents.subsidy_form import ClaimForm

    info = subsidies.claim(ctx, claim_id)
    if info.outside:
        raise RuleViolation(f"{info.number}是系统外（纸质）申领，只登记了到账金额，没有申报材料可打印")
    result = subsidies.claim_result(ctx, claim_id)
    centre = get_centre(ctx)
    if centre is None:
        raise RuleViolation("请先在“设置 → 机构信息”中填写机构名称等信息")
    scheme = next((s for s in subsidies.schemes(ctx) if s.code == info.scheme), None)
    subject = scheme.subject if scheme else (result.rows[0].key.split(":")[0] if result.rows else "centre")
    with ctx.read() as s:
        submitted_at = s.get(SubsidyClaim, claim_id).submitted_at
    return ClaimForm(
        number=info.number, status=info.status, scheme=info.scheme, scheme_name=info.scheme_name, kind=info.kind,
        subject=subject, period=info.period, source=scheme.source if scheme else "", centre=centre, result=result,
        printed_on=ctx.today(), facts=subsidy_facts.facts_on(ctx, month_span(info.last)[1]),
        attachments=scheme.attachments if scheme else (),
        applied_on=submitted_at.date() if submitted_at else None, approved_fen=info.approved_fen,
        approved_on=info.approved_on, approval_note=info.approval_note, received_on=info.received_on)


def _write(ctx: Ctx, path, render: Callable[[], bytes], rows: int, action: str, details: dict) -> Written:
    def write(tmp: Path) -> int:
        tmp.write_bytes(render())
        return rows

    return write_document(ctx, path, write, action, "subsidy_claim", details)


def claim_pdf(ctx: Ctx, claim_id: int, path, progress=None, abort=None) -> Written:
    """申请表, 花名册, 汇总表, 附件清单 and the approval blocks as one PDF."""
    ctx.require(Perm.PRINT)
    form = claim_form(ctx, claim_id)
    from ..documents.subsidy_pdf import claim_pdf as render

    return _write(ctx, path, lambda: render(form, progress, abort), len(form.result.rows), "打印补贴申报材料",
                  {"claim": form.number, "status": form.status, "amount": form.result.total_fen})


def claim_xlsx(ctx: Ctx, claim_id: int, path, progress=None, abort=None) -> Written:
    """The same parts as sheets (amounts, counts and dates as numbers)."""
    ctx.require(Perm.PRINT)
    form = claim_form(ctx, claim_id)
    from ..documents.subsidy_xlsx import claim_xlsx as render

    return _write(ctx, path, lambda: render(form, progress, abort), len(form.result.rows), "导出补贴申报材料",
                  {"claim": form.number, "status": form.status, "amount": form.result.total_fen})


def workers_xlsx(ctx: Ctx, path, include_left: bool = False) -> Written:
    """The care-worker register (护理员花名册), every column of the 护理员 tab."""
    ctx.require(Perm.PRINT)
    from ..documents.subsidy_xlsx import workers_xlsx as render

    rows = care_workers.workers(ctx, include_left=include_left)
    centre = get_centre(ctx)
    name = centre.name if centre else ""
    return _write(ctx, path, lambda: render(rows, name, ctx.today()), len(rows), "导出护理员花名册",
                  {"workers": len(rows), "include_left": include_left})
