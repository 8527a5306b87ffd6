"""Escrow documents: gather (services.escrow DTOs) → context (domain.escrow_docs)
→ render (documents.escrow_pdf / escrow_xlsx) → write (services.output)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain import escrow_docs as D
from ..domain.errors import RuleViolation
from ..domain.interest import MODES
from ..domain.roles import Perm
from .anchor import anchored
from . import centre, contracts, escrow, residents
from .context import Ctx
from .output import Written, write_document


def _centre(ctx: Ctx):
    c = centre.get_centre(ctx)
    if c is None:
        raise RuleViolation("请先在“设置 → 机构信息”中填写机构名称和押金专户")
    return c


def _person(ctx: Ctx, resident_id: int) -> tuple[str, str, str]:
    d = residents.get_resident(ctx, resident_id)
    bed = d.current_bed.bed_code if d.current_bed else (d.beds[-1].bed_code if d.beds else "")
    return d.name, d.id_number, bed


def _pdf(ctx: Ctx, path, data: bytes, action: str, entity_id: str) -> Written:
    def write(tmp: Path) -> int:
        tmp.write_bytes(data)
        return 1

    return write_document(ctx, path, write, action, "deposit", {"document": entity_id})


def deposit_receipt_pdf(ctx: Ctx, movement_id: int, path) -> Written:
    ctx.require(Perm.PRINT)
    m = escrow.movement(ctx, movement_id)
    if m.kind != D.KIND_DEPOSIT:
        raise RuleViolation("押金收据只能为“收取”记录打印")
    c = _centre(ctx)
    name, id_no, bed = _person(ctx, m.resident_id)
    cd = contracts.get_contract(ctx, m.contract_id) if m.contract_id else None
    before = sum(x.signed_fen for x in escrow.movements(ctx, m.resident_id)
                 if x.id < m.id and x.kind != D.KIND_INTEREST)
    method, _, reference = m.reason.partition("；")
    doc = D.DepositReceiptDoc(
        centre_name=c.name, escrow_bank=c.escrow_bank, escrow_account_name=c.escrow_account_name,
        escrow_account_no=c.escrow_account_no, number=m.number, day=m.day, resident_name=name,
        resident_id_number=id_no, bed=bed, contract_number=m.contract_number, amount_fen=m.amount_fen,
        method=method or m.reason, reference=m.voucher_no or reference, payer=cd.signer_name if cd else name,
        cap_fen=cd.deposit_cap_fen if cd else 0, monthly_fee_fen=cd.monthly_fen if cd else 0,
        cashier=m.created_by, cap_rule=f"月服务费 × {cd.deposit_multiplier}" if cd else "月服务费 × 6",
        held_before_fen=before,
    )
    from ..documents.escrow_pdf import render_deposit_receipt

    return _pdf(ctx, path, render_deposit_receipt(doc, ctx.today()), "打印押金收据", m.number)


def _voucher_mode(ctx: Ctx, stored: str | None, moves) -> str:
    """The interest mode the refund was computed in. Refunds made with the
    centre's default mode stored no mode: the interest credited at that
    refund names it (活期利息（<mode>）); failing that, the centre's mode."""
    if stored in MODES:
        return stored
    names = {v: k for k, v in MODES.items()}
    for x in reversed(moves):
        if x.kind == D.KIND_INTEREST:
            inner = x.reason.partition("（")[2].rstrip("）")
            if inner in names:
                return names[inner]
    return escrow.interest_mode(ctx)


def refund_voucher_pdf(ctx: Ctx, movement_id: int, path) -> Written:
    ctx.require(Perm.PRINT)
    v = escrow.refund_voucher(ctx, movement_id)
    m = v.movement
    c = _centre(ctx)
    name, id_no, bed = _person(ctx, m.resident_id)
    moves = [x for x in escrow.movements(ctx, m.resident_id) if x.id < m.id]
    doc = D.RefundVoucherDoc(
        centre_name=c.name, number=m.number, refund_day=m.day, resident_name=name, resident_id_number=id_no,
        bed=bed, contract_number=m.contract_number, service_end=v.service_end, deadline=v.due_date,
        deposits=tuple(D.DepositLine(x.day, x.number, x.amount_fen) for x in moves if x.kind == D.KIND_DEPOSIT),
        deductions=tuple(D.DeductionLine(x.day, x.reason, x.voucher_no, x.amount_fen)
                         for x in moves if x.kind == D.KIND_DEDUCTION),
        periods=v.periods, method=v.method, late_reason=v.late_reason if v.late else "",
        mode=_voucher_mode(ctx, v.mode, moves),
        escrow_bank=c.escrow_bank, escrow_account_no=c.escrow_account_no, handler=m.created_by,
    )
    if doc.refund_fen != m.amount_fen:
        raise RuleViolation("退款凭证金额与退还记录不符，请联系技术支持")
    from ..documents.escrow_pdf import render_refund_voucher

    return _pdf(ctx, path, render_refund_voucher(doc, ctx.today()), "打印押金退款凭证", m.number)


def _ledger_doc(ctx: Ctx, date_from: dt.date, date_to: dt.date, resident_id: int | None) -> D.EscrowLedgerDoc:
    c = _centre(ctx)
    led = (escrow.resident_ledger(ctx, resident_id, date_from, date_to) if resident_id is not None
           else escrow.account_ledger(ctx, date_from, date_to))
    name = id_no = contract_no = ""
    if resident_id is not None:
        name, id_no, _bed = _person(ctx, resident_id)
        row = contracts.contract_for(ctx, resident_id, date_to)
        contract_no = row.number if row else ""
    rows = tuple(D.LedgerRow(x.day, x.number, x.kind or D.KIND_OTHER, x.summary, x.in_fen, x.out_fen, x.balance_fen,
                             x.resident_name or "") for x in led.rows)
    return D.EscrowLedgerDoc(
        centre_name=c.name, period_start=date_from, period_end=date_to, opening_fen=led.opening_fen, rows=rows,
        closing_fen=led.closing_fen, resident_name=name, resident_id_number=id_no, contract_number=contract_no,
        escrow_bank=c.escrow_bank, escrow_account_no=c.escrow_account_no, account_code=led.account,
    )


def resident_ledger_pdf(ctx: Ctx, resident_id: int, date_from: dt.date, date_to: dt.date, path) -> Written:
    ctx.require(Perm.PRINT)
    from ..documents.escrow_pdf import render_ledger

    doc = _ledger_doc(ctx, date_from, date_to, resident_id)
    return _pdf(ctx, path, render_ledger(doc, ctx.today()), "打印住户押金台账", f"resident:{resident_id}")


def account_ledger_pdf(ctx: Ctx, date_from: dt.date, date_to: dt.date, path) -> Written:
    ctx.require(Perm.PRINT)
    from ..documents.escrow_pdf import render_ledger

    doc = _ledger_doc(ctx, date_from, date_to, None)
    with anchored(ctx):
        data = render_ledger(doc, ctx.today())
    return _pdf(ctx, path, data, "打印押金专户台账", f"{date_from}~{date_to}")


def ledger_xlsx(ctx: Ctx, path, date_from: dt.date, date_to: dt.date, resident_id: int | None = None) -> Written:
    ctx.require(Perm.PRINT)
    from ..documents.escrow_xlsx import write_ledger

    doc = _ledger_doc(ctx, date_from, date_to, resident_id)
    return write_document(ctx, path, lambda tmp: write_ledger(doc, tmp)[0], "导出押金专户台账", "deposit",
                          {"from": date_from, "to": date_to, "resident_id": resident_id})


def _reconciliation_doc(ctx: Ctx, reconciliation_id: int) -> D.ReconciliationDoc:
    c = _centre(ctx)
    r = next((x for x in escrow.reconciliations(ctx) if x.id == reconciliation_id), None)
    if r is None:
        raise RuleViolation("对账记录不存在")
    return D.ReconciliationDoc(
        centre_name=c.name, period=r.period, as_of=r.as_of, bank_balance_fen=r.bank_balance_fen,
        book_balance_fen=r.book_balance_fen,
        residents=tuple(D.ResidentBalance(str(rid), name, number, bal) for rid, name, number, bal in r.residents),
        source=r.source, escrow_bank=c.escrow_bank, escrow_account_no=c.escrow_account_no, prepared_by=r.created_by,
        note=r.note,
    )


def reconciliation_pdf(ctx: Ctx, reconciliation_id: int, path) -> Written:
    ctx.require(Perm.PRINT)
    from ..documents.escrow_pdf import render_reconciliation

    doc = _reconciliation_doc(ctx, reconciliation_id)
    with anchored(ctx):  # a month-close document: it carries the audit chain's anchor
        data = render_reconciliation(doc, ctx.today())
    return _pdf(ctx, path, data, "打印押金专户对账单", doc.period)


def reconciliation_xlsx(ctx: Ctx, reconciliation_id: int, path) -> Written:
    ctx.require(Perm.PRINT)
    from ..documents.escrow_xlsx import write_reconciliation

    doc = _reconciliation_doc(ctx, reconciliation_id)
    return write_document(ctx, path, lambda tmp: (write_reconciliation(doc, tmp), 1)[1], "导出押金专户对账单",
                          "deposit", {"period": doc.period})
