"""Finance exports (XLSX) and fee documents (PDF): gather → render → write.

Each function reads what the screen shows through the services that own it
(ledger.journal, payments.receipts / ageing, billing.billing_register,
fees.schedule_on), renders with documents.finance_xlsx / fee_pdf and writes
through services.output.write_document (temp file, atomic rename, audit row
with the file's SHA-256). Printing and exporting is ``Perm.PRINT``: the
auditor may export (nothing here changes the books).

Decisions:
- The returned :class:`Exported` carries the totals written in the file's
  totals row (fen), so the CLI's ``--json`` summary and a test can compare
  them with the screen's figures.
- Price notices (收费标准调整告知书) go to every resident whose contract is
  active on the change's effective date (not ended or terminated before it)
  and whose contract term in effect that day uses the item: a bed item by
  the term's bed label (the bed fee item's name, or its bed type), a care
  item by the term's care level, meals and per-use items (其他) everyone.
- The journal's 凭证号 is the number the voucher carries, per month: an
  entry made from a 记账凭证 shows its own number (记-2025-03-0012); an
  entry the app posted itself (billing, a receipt, the escrow, depreciation…)
  has no paper voucher and is numbered per month in its own sequence,
  机-2025-03-0001 (机制凭证), in posting order (by id, so a number once
  exported never changes). The internal id is never shown.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from ..db.models import FeeItem, FeePrice, JournalEntry, Voucher
from ..domain.errors import NotFound, RuleViolation
from ..domain.records import CentreInfo
from ..domain.roles import Perm
from . import contracts as contracts_svc
from . import fees as fees_svc
from . import ledger as ledger_svc
from . import payments as payments_svc
from .centre import get_centre, get_profile
from .context import Ctx
from .output import write_document

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int
    sha256: str
    totals: dict[str, int] = field(default_factory=dict)  # fen, as in the file's totals row

    def as_dict(self) -> dict:
        return {"file": str(self.path), "rows": self.rows, "sha256": self.sha256, "totals": dict(self.totals)}


def _centre(ctx: Ctx) -> CentreInfo:
    c = get_centre(ctx)
    return c if c is not None else CentreInfo("养老机构", "", "", "national")


def _range(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")


# --- XLSX -------------------------------------------------------------------------------

MACHINE_WORD = "机"  # 机制凭证: entries the app posts itself (billing, receipts, escrow…)


def machine_number(period: str, seq: int) -> str:
    """机-2025-03-0001: the per-month number of an entry without a 记账凭证."""
    return f"{MACHINE_WORD}-{period}-{seq:04d}"


def journal_numbers(ctx: Ctx, entry_ids) -> dict[int, str]:
    """{entry id: 凭证号} for the journal (see the module notes): the voucher's
    own number, or the month's 机-YYYY-MM-NNNN sequence."""
    ids = {i for i in entry_ids if i is not None}
    if not ids:
        return {}
    with ctx.read() as s:
        periods: set[str] = set()
        wanted = sorted(ids)
        for i in range(0, len(wanted), 900):
            periods.update(p for (p,) in s.execute(select(JournalEntry.period).where(
                JournalEntry.id.in_(wanted[i:i + 900])).distinct()))
        out: dict[int, str] = {}
        for period in sorted(periods):
            q = (select(JournalEntry.id, Voucher.number).outerjoin(Voucher, Voucher.entry_id == JournalEntry.id)
                 .where(JournalEntry.period == period).order_by(JournalEntry.id))
            seq = 0
            for eid, number in s.execute(q):
                if not number:
                    seq += 1
                    number = machine_number(period, seq)
                if eid in ids:
                    out[eid] = number
    return out


def export_journal(ctx: Ctx, path: str | Path, date_from: dt.date, date_to: dt.date,
                   progress: Callable[[float, str], None] | None = None, abort=None) -> Exported:
    """序时账 of [date_from, date_to] (every journal line) to XLSX."""
    from ..documents.finance_xlsx import write_journal

    ctx.require(Perm.PRINT)
    _range(date_from, date_to)
    rows = ledger_svc.journal(ctx, date_from, date_to)
    numbers = journal_numbers(ctx, {r.entry_id for r in rows} | {r.reverses_id for r in rows}
                              | {r.reversed_by_id for r in rows})
    centre = _centre(ctx).name
    out: dict[str, int] = {}

    def render(tmp: Path) -> int:
        n, debit, credit = write_journal(rows, tmp, (date_from, date_to), centre, progress, abort,
                                         numbers=numbers)
        out.update(debit_fen=debit, credit_fen=credit)
        info.update(out)
        return n

    info: dict = {"from": date_from, "to": date_to}  # audited after render: carries the totals
    w = write_document(ctx, path, render, "导出序时账", "journal", info)
    return Exported(w.path, w.rows, w.sha256, out)


def export_receipts(ctx: Ctx, path: str | Path, date_from: dt.date, date_to: dt.date) -> Exported:
    """收款日记账 of [date_from, date_to], voided receipts marked and left out of the total."""
    from ..documents.finance_xlsx import write_receipts

    ctx.require(Perm.PRINT)
    _range(date_from, date_to)
    rows = payments_svc.receipts(ctx, date_from, date_to, include_voided=True)
    centre = _centre(ctx).name
    out: dict[str, int] = {}

    def render(tmp: Path) -> int:
        n, valid, voided = write_receipts(rows, tmp, (date_from, date_to), centre)
        out.update(amount_fen=valid, voided_fen=voided, voided_count=sum(1 for r in rows if r.voided))
        info.update(out)
        return n

    info: dict = {"from": date_from, "to": date_to}
    w = write_document(ctx, path, render, "导出收款日记账", "receipt", info)
    return Exported(w.path, w.rows, w.sha256, out)


def export_ageing(ctx: Ctx, path: str | Path, on: dt.date) -> Exported:
    """账龄分析 on ``on``; its total equals the receivable (1121) balance."""
    from ..documents.finance_xlsx import write_ageing
    from ..domain.payments import BUCKETS

    ctx.require(Perm.PRINT)
    report = payments_svc.ageing(ctx, on)
    centre = _centre(ctx).name

    def render(tmp: Path) -> int:
        return write_ageing(report, tmp, centre)

    w = write_document(ctx, path, render, "导出账龄分析", "ageing", {"on": on})
    totals = {f"bucket_{name}": v for name, v in zip(BUCKETS, report.totals)}
    totals.update(credit_fen=report.credit_fen, total_fen=report.total_fen, receivable_fen=report.receivable_fen)
    return Exported(w.path, w.rows, w.sha256, totals)


def export_register(ctx: Ctx, path: str | Path, period: str) -> Exported:
    """计费汇总表 of the month (services.billing.billing_register)."""
    from ..documents.finance_xlsx import write_register
    from . import billing as billing_svc

    ctx.require(Perm.PRINT)
    reg = billing_svc.billing_register(ctx, period)
    centre = _centre(ctx).name

    def render(tmp: Path) -> int:
        return write_register(reg.rows, tmp, reg.period, centre)

    w = write_document(ctx, path, render, "导出计费汇总表", "bill_run", {"period": reg.period})
    t = reg.totals
    return Exported(w.path, w.rows, w.sha256, {"bed_fen": t.bed_fen, "care_fen": t.care_fen,
                                               "meals_fen": t.meals_fen, "other_fen": t.other_fen,
                                               "total_fen": t.total_fen})


# --- fee documents -------------------------------------------------------------------------

def fee_schedule_pdf(ctx: Ctx, path: str | Path, on: dt.date) -> Exported:
    """收费公示 of the schedule in effect on ``on`` (the 公示日期)."""
    from ..documents.fee_pdf import render_fee_schedule

    ctx.require(Perm.PRINT)
    rows = fees_svc.schedule_on(ctx, on)
    centre = _centre(ctx)
    profile = get_profile(centre.policy_profile)
    data = render_fee_schedule(rows, centre, on, ctx.today(), Decimal(profile.deposit_cap_multiplier),
                               profile.deposit_refund_days)
    n = sum(1 for r in rows if r.price_fen is not None or r.next_price_fen is not None)

    def render(tmp: Path) -> int:
        tmp.write_bytes(data)
        return n

    w = write_document(ctx, path, render, "打印收费公示", "fee_item", {"on": on, "items": n})
    return Exported(w.path, w.rows, w.sha256)


def price_notice_data(ctx: Ctx, fee_price_id: int):
    """(NoticeChange, [NoticeResident]) of one price row: the change and the
    residents it affects (see the module notes)."""
    from ..documents.fee_pdf import NoticeChange, NoticeResident

    with ctx.read() as s:
        price = s.get(FeePrice, fee_price_id) if isinstance(fee_price_id, int) else None
        if price is None:
            raise NotFound(f"价格记录{fee_price_id}不存在")
        item = s.get(FeeItem, price.fee_item_id)
        old = fees_svc.price_in(s, item.id, price.effective_date - ONE_DAY)
        earlier = s.execute(select(FeePrice.id).where(FeePrice.fee_item_id == item.id,
                                                    FeePrice.effective_date < price.effective_date)).first()
    if earlier is None:
        raise RuleViolation(f"“{item.name}”自{price.effective_date:%Y-%m-%d}起的价格是首次定价，不是调价，无需告知书",
                            "fee_price")
    change = NoticeChange(item.code, item.name, item.kind, item.unit, old, price.amount_fen, price.effective_date,
                          price.notice_date, price.reason)
    with ctx.read() as s:
        ids = [c.id for c, _t, _a in contracts_svc.price_change_targets_in(s, s.get(FeePrice, fee_price_id))]
    out = []
    for cid in ids:
        d = contracts_svc.get_contract(ctx, cid)
        out.append(NoticeResident(d.resident_id, d.resident_name, d.bed_code, d.number, d.agent_name,
                                  d.agent_relation))
    out.sort(key=lambda r: (r.bed, r.resident_id))
    return change, out


def price_notices_pdf(ctx: Ctx, path: str | Path, fee_price_id: int) -> Exported:
    """收费标准调整告知书: one per affected resident, in one PDF (a page each)."""
    from ..documents.fee_pdf import render_price_notices

    ctx.require(Perm.PRINT)
    change, residents = price_notice_data(ctx, fee_price_id)
    if not residents:
        raise RuleViolation(f"没有在约住户使用“{change.item_name}”，无需打印调价告知书", "fee_price")
    data = render_price_notices([change], residents, _centre(ctx), ctx.today())

    def render(tmp: Path) -> int:
        tmp.write_bytes(data)
        return len(residents)

    w = write_document(ctx, path, render, "打印调价告知书", "fee_item",
                       {"fee_price_id": fee_price_id, "item": change.item_code, "residents": len(residents)})
    return Exported(w.path, w.rows, w.sha256)


# --- single documents by number (eldercare print …) -------------------------------------------

# kind: (what it is called, its number's prefix, the service the GUI calls to write it)
DOCUMENTS = {
    "receipt": ("收款收据", "SJ"),
    "contract": ("服务合同", "HT"),
    "refund-voucher": ("押金退款凭证", "TK"),
    "deposit-receipt": ("押金收据", "YJ"),
    "assessment-report": ("评估报告", "PG"),
}


def document_id(ctx: Ctx, kind: str, ref: str | int) -> int:
    """The id of the document ``kind`` numbered ``ref`` (SJ2025-000001,
    HT2025-0001, TK2025-0001, YJ2025-0001, PG2025-0001) or with that id."""
    from ..db.models import Assessment, Contract, DepositMovement, Receipt
    from ..domain.escrow_docs import KIND_DEPOSIT, KIND_REFUND

    if kind not in DOCUMENTS:
        raise RuleViolation(f"未知的单据类型“{kind}”，应为：{'、'.join(DOCUMENTS)}", "kind")
    what = DOCUMENTS[kind][0]
    text = str(ref).strip().upper()
    if not text:
        raise RuleViolation(f"请指定{what}的编号", "number")
    model, cond = {
        "receipt": (Receipt, ()),
        "contract": (Contract, ()),
        "refund-voucher": (DepositMovement, (DepositMovement.kind == KIND_REFUND,)),
        "deposit-receipt": (DepositMovement, (DepositMovement.kind == KIND_DEPOSIT,)),
        "assessment-report": (Assessment, ()),
    }[kind]
    with ctx.read() as s:
        if text.isdigit():
            found = s.execute(select(model.id).where(model.id == int(text), *cond)).scalar()
        else:
            found = s.execute(select(model.id).where(model.number == text, *cond)).scalar()
    if found is None:
        raise NotFound(f"{what}“{ref}”不存在")
    return int(found)


def print_document(ctx: Ctx, kind: str, ref: str | int, path: str | Path):
    """Write one document as the GUI does, through the same service function:
    payments.receipt_pdf, contracts.contract_pdf, escrow_documents.refund_voucher_pdf /
    deposit_receipt_pdf, assessments.report_pdf. Returns (output.Written, id)."""
    from . import assessments as assessments_svc
    from . import escrow_documents

    ctx.require(Perm.PRINT)
    doc_id = document_id(ctx, kind, ref)
    write = {
        "receipt": payments_svc.receipt_pdf,
        "contract": contracts_svc.contract_pdf,
        "refund-voucher": escrow_documents.refund_voucher_pdf,
        "deposit-receipt": escrow_documents.deposit_receipt_pdf,
        "assessment-report": assessments_svc.report_pdf,
    }[kind]
    return write(ctx, doc_id, path), doc_id
