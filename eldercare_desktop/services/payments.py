"""Payments at the cash desk, receipts (收款收据) with gap-free numbers,
prepayments (预收), voids and the ageing list (账龄分析).

Decisions:
- Who: recording a payment is open to the front desk (``RESIDENT_WRITE``,
  the cash desk) and the accountant (``FINANCE_WRITE``); either is enough.
  Voiding a receipt is an accounting correction (红冲): ``FINANCE_WRITE``
  only, so a cashier cannot void their own receipts. Auditors change nothing.
  ``services.ledger.post`` demands ``FINANCE_WRITE``; when the front desk
  takes a payment the entry is posted under their own name once this module
  has checked the cash-desk permission (ledger.post leaves the check to its caller).
- Methods: 现金, 银行转账, 微信支付, 支付宝, 其他. Every method but cash needs
  a reference (the bank / WeChat / Alipay transaction number, or for 其他 the
  voucher or cheque number) so the receipt can be matched to the statement.
  Cash debits 1001 现金; every other method debits 100201 银行存款—基本户.
- Numbers: ``SJ<year of the receipt date>-<6 digits>``, taken from
  ``receipt_sequence`` inside the payment's transaction (row lock), so a
  payment that fails leaves no gap; numbers are never reused (the receipt
  row stays when voided and ``receipt.number`` is unique).
- Posting: Dr cash/bank, Cr 1121 应收账款 up to the resident's receivable on
  the receipt date, the rest Cr 2203 预收账款; source ``receipt:<number>``.
  A prepaid balance is used by later bills through :func:`apply_prepayments`
  (Dr 2203 / Cr 1121), which the billing run calls after posting a month.
- Void: a red reversal (红冲) of the payment entry dated the void day (an
  open month, whatever the original month). If the prepayment it created was
  already used by a later bill, that use is undone (Dr 1121 / Cr 2203) so the
  prepaid account never goes negative; other prepayments are then applied.
- Ageing: all credits to 1121 (payments, prepayment use, settlements) are
  allocated to the charges oldest first (domain.payments.fifo_allocate);
  an entry reversed on or before the ageing date counts with its reversal
  as never posted. The report's total equals the 1121 balance on that date.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import lock as db_lock
from ..db.models import JournalEntry, JournalLine, Receipt, ReceiptSequence, Resident, User
from ..db.tables import audit_log
from ..domain.errors import NotFound, PermissionDenied, Problems, RuleViolation
from ..domain.ledger import BANK, CASH, PREPAID, RECEIVABLE, Entry, Line, period_of, red_reversal
from ..domain.money import format_yuan, to_chinese_upper
from ..domain.payment_records import (
    CASH_METHOD,
    METHODS,
    AgeingReport,
    AgeingRow,
    PaidItem,
    ReceiptDetail,
    ReceiptRow,
)
from ..domain.payments import BUCKETS, Item, ageing_buckets, fifo_allocate
from ..domain.records import Changes
from ..domain.roles import PERM_LABELS, Perm
from .amounts import too_large, too_large_message
from .audit import audit
from .context import Ctx
from .ledger import balance_in, closed_periods_in, load_entry, post
from .output import Written, write_document
from . import busy

SOURCE_PREFIX = "receipt:"
PREPAID_SOURCE = "prepaid:"  # prepaid:<resident>:<date>:<n> — Dr 2203 / Cr 1121
PREPAID_UNDO_SOURCE = "prepaid-undo:"  # prepaid-undo:<receipt number> — Dr 1121 / Cr 2203
MAX_SEQUENCE = 999_999


# --- permissions ---------------------------------------------------------------------

def _cash_desk_perm(ctx: Ctx) -> Perm:
    """The permission the actor takes payments with: the accountant's
    FINANCE_WRITE or the front desk's RESIDENT_WRITE; anyone else is refused."""
    for perm in (Perm.FINANCE_WRITE, Perm.RESIDENT_WRITE):
        if ctx.actor is not None and ctx.actor.can(perm):
            return perm
    a = ctx.actor
    who = f"{a.role.label}“{a.username}”" if a else "未登录用户"
    raise PermissionDenied(f"{who}没有收款的权限（需要“{PERM_LABELS[Perm.RESIDENT_WRITE]}”"
                           f"或“{PERM_LABELS[Perm.FINANCE_WRITE]}”的权限）")


# --- helpers -------------------------------------------------------------------------

def _closed(period: str, closed: frozenset[str]) -> bool:
    # every month up to the latest closed one is closed (services.ledger)
    return period in closed or (bool(closed) and period <= max(closed))


def _check_open_day(s: Session, day: dt.date, field: str = "day") -> None:
    period = period_of(day)
    if _closed(period, closed_periods_in(s)):
        raise RuleViolation(f"该月已结账（{period}），不能再登记该月的收款或红冲；请用未结账月份的日期", field)


def _resident(s: Session, resident_id: int) -> Resident:
    r = s.get(Resident, resident_id) if isinstance(resident_id, int) else None
    if r is None:
        raise NotFound(f"住户{resident_id}不存在")
    return r


def _next_number(s: Session, year: int) -> str:
    """Take the next receipt number of ``year`` under a row lock (inside the
    caller's transaction: if it rolls back, the number is not used). Two PCs
    taking the year's first number at once take turns (PostgreSQL)."""
    db_lock(s, f"receipt-number:{year}")
    seq = s.execute(select(ReceiptSequence).where(ReceiptSequence.year == year).with_for_update()).scalar_one_or_none()
    if seq is None:
        seq = ReceiptSequence(year=year, last=0)
        s.add(seq)
        s.flush()
    if seq.last >= MAX_SEQUENCE:
        raise RuleViolation(f"{year}年的收据编号已用完（{MAX_SEQUENCE}张）", "day")
    seq.last += 1
    s.flush()
    return f"SJ{year}-{seq.last:06d}"


def _check_payment(day, method, amount_fen, payer, reference, memo, today: dt.date) -> Problems:
    p = Problems()
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool):
        p.add("amount", "收款金额必须是以分为单位的整数")
    elif amount_fen <= 0:
        p.add("amount", "收款金额必须大于零")
    elif too_large(amount_fen):
        p.add("amount", too_large_message("收款金额", amount_fen))
    if not isinstance(day, dt.date):
        p.add("day", "请填写收款日期")
    elif day > today:
        p.add("day", f"收款日期{day:%Y-%m-%d}晚于今天，不能预先登记")
    if method not in METHODS:
        p.add("method", f"收款方式应为{'、'.join(METHODS)}之一")
    elif method != CASH_METHOD and not (reference or "").strip():
        p.add("reference", f"{method}收款请填写交易流水号（凭证号）以便对账")
    if not (payer or "").strip():
        p.add("payer", "请填写交款人")
    elif len(payer.strip()) > 40:
        p.add("payer", "交款人不能超过40个字")
    if len((reference or "").strip()) > 60:
        p.add("reference", "交易流水号不能超过60个字符")
    if len((memo or "").strip()) > 200:
        p.add("memo", "备注不能超过200个字")
    return p


# --- prepayments -----------------------------------------------------------------------

def apply_prepayments(ctx: Ctx, s: Session, resident_id: int, day: dt.date) -> int | None:
    """Use a resident's prepaid balance (2203) for what they owe (1121), both
    as of ``day``: post Dr 2203 / Cr 1121 for the smaller of the two inside the
    caller's transaction. Returns the entry id, or None when there is nothing
    to apply. For the billing run (after it posts a month) and the payments
    service."""
    _cash_desk_perm(ctx)
    prepaid = balance_in(s, PREPAID, day, resident_id)
    owed = balance_in(s, RECEIVABLE, day, resident_id)
    amount = min(prepaid, owed)
    if amount <= 0:
        return None
    prefix = f"{PREPAID_SOURCE}{resident_id}:{day.isoformat()}:"
    n = s.execute(select(func.count()).select_from(JournalEntry)
                  .where(JournalEntry.source.startswith(prefix, autoescape=True))).scalar_one()
    entry = Entry(day, f"预收款抵应收费用 {format_yuan(amount)}", (
        Line(PREPAID, debit=amount, resident_id=resident_id, memo="预收款冲抵"),
        Line(RECEIVABLE, credit=amount, resident_id=resident_id, memo="以预收款结算"),
    ), source=f"{prefix}{n + 1}")
    return post(ctx, s, entry)


# --- write services ---------------------------------------------------------------------

@busy.retrying
def record_payment(ctx: Ctx, resident_id: int, day: dt.date, method: str, amount_fen: int, payer: str,
                   reference: str = "", memo: str = "") -> Changes:
    """收款: a receipt with the next gap-free number and its journal entry.
    Returns Changes with the receipt id."""
    perm = _cash_desk_perm(ctx)
    _check_payment(day, method, amount_fen, payer, reference, memo, ctx.today()).raise_if_any()
    payer, reference, memo = payer.strip(), (reference or "").strip(), (memo or "").strip()
    with ctx.write(perm) as s:
        r = _resident(s, resident_id)
        _check_open_day(s, day)
        number = _next_number(s, day.year)
        owed = max(0, balance_in(s, RECEIVABLE, day, resident_id))
        to_receivable = min(amount_fen, owed)
        to_prepaid = amount_fen - to_receivable
        lines = [Line(CASH if method == CASH_METHOD else BANK, debit=amount_fen,
                      memo=f"{method}收款 {number}" + (f" 流水号{reference}" if reference else ""))]
        if to_receivable:
            lines.append(Line(RECEIVABLE, credit=to_receivable, resident_id=resident_id, memo=f"收回欠费 {number}"))
        if to_prepaid:
            lines.append(Line(PREPAID, credit=to_prepaid, resident_id=resident_id, memo=f"预收费用 {number}"))
        entry_id = post(ctx, s, Entry(day, f"收款 {number} {r.name}（{method}）", tuple(lines),
                                               source=f"{SOURCE_PREFIX}{number}"))
        row = Receipt(number=number, resident_id=resident_id, day=day, method=method, amount_fen=amount_fen,
                      payer=payer, reference=reference, memo=memo, entry_id=entry_id, voided=False,
                      created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        apply_prepayments(ctx, s, resident_id, day)
        audit(ctx, s, "收款", "receipt", row.id, None, {
            "number": number, "resident_id": resident_id, "day": day, "method": method, "amount_fen": amount_fen,
            "payer": payer, "reference": reference, "memo": memo, "entry_id": entry_id,
            "to_receivable": to_receivable, "to_prepaid": to_prepaid,
        })
        rid = row.id
    return Changes.of("receipt", "journal", ids=(rid,),
                      message=f"已收款：收据{number}，{format_yuan(amount_fen)}"
                              + (f"（其中预收{format_yuan(to_prepaid)}）" if to_prepaid else ""))


@busy.retrying
def void_receipt(ctx: Ctx, receipt_id: int, reason: str, day: dt.date) -> Changes:
    """作废: the receipt stays (void register) with its reason; the payment
    entry is reversed (红冲) on ``day``; the number is never used again."""
    ctx.require(Perm.FINANCE_WRITE)
    p = Problems()
    if not (reason or "").strip():
        p.add("reason", "请填写作废原因")
    elif len(reason.strip()) > 200:
        p.add("reason", "作废原因不能超过200个字")
    if not isinstance(day, dt.date):
        p.add("day", "请填写作废日期")
    elif day > ctx.today():
        p.add("day", f"作废日期{day:%Y-%m-%d}晚于今天")
    p.raise_if_any()
    reason = reason.strip()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        row = s.get(Receipt, receipt_id) if isinstance(receipt_id, int) else None
        if row is None:
            raise NotFound(f"收据{receipt_id}不存在")
        if row.voided:
            raise RuleViolation(f"收据{row.number}已于{row.void_date:%Y-%m-%d}作废，不能重复作废", "receipt")
        if day < row.day:
            raise RuleViolation(f"作废日期不能早于收款日期{row.day:%Y-%m-%d}", "day")
        _check_open_day(s, day)
        before = {"voided": False}
        void_entry = post(ctx, s, red_reversal(load_entry(s, row.entry_id), row.entry_id, day,
                                               f"作废收据{row.number}：{reason}"))
        # a prepayment already used by a later bill: undo that use so 2203 never goes negative
        short = -balance_in(s, PREPAID, day, row.resident_id)
        if short > 0:
            post(ctx, s, Entry(day, f"作废收据{row.number}：转回已抵用的预收款 {format_yuan(short)}", (
                Line(RECEIVABLE, debit=short, resident_id=row.resident_id, memo="预收款抵用转回"),
                Line(PREPAID, credit=short, resident_id=row.resident_id, memo="预收款抵用转回"),
            ), source=f"{PREPAID_UNDO_SOURCE}{row.number}"))
        apply_prepayments(ctx, s, row.resident_id, day)
        row.voided, row.void_reason, row.void_date, row.void_entry_id = True, reason, day, void_entry
        s.flush()
        audit(ctx, s, "作废收据", "receipt", row.id, before,
              {"voided": True, "number": row.number, "reason": reason, "void_date": day, "void_entry_id": void_entry})
        number = row.number
    return Changes.of("receipt", "journal", ids=(receipt_id,), message=f"收据{number}已作废")


# --- reads -------------------------------------------------------------------------------

def _cashiers(s: Session, usernames: set[str]) -> dict[str, str]:
    if not usernames:
        return {}
    rows = s.execute(select(User.username, User.display_name).where(User.username.in_(usernames)))
    return {u: (d or u) for u, d in rows}


def _rows(s: Session, q) -> list[ReceiptRow]:
    data = s.execute(q.join(Resident, Resident.id == Receipt.resident_id).add_columns(Resident.name)).all()
    names = _cashiers(s, {r.created_by for r, _ in data})
    return [ReceiptRow(r.id, r.number, r.day, r.resident_id, name, r.method, r.reference, r.amount_fen, r.payer,
                       r.memo, names.get(r.created_by, r.created_by), r.voided, r.void_date, r.void_reason)
            for r, name in data]


def _check_range(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")


def receipts(ctx: Ctx, date_from: dt.date, date_to: dt.date, include_voided: bool = True) -> list[ReceiptRow]:
    """收款日记账: receipts dated in [date_from, date_to], in number order."""
    _check_range(date_from, date_to)
    with ctx.read() as s:
        q = select(Receipt).where(Receipt.day >= date_from, Receipt.day <= date_to)
        if not include_voided:
            q = q.where(Receipt.voided.is_(False))
        return _rows(s, q.order_by(Receipt.day, Receipt.id))


def void_register(ctx: Ctx, date_from: dt.date, date_to: dt.date) -> list[ReceiptRow]:
    """作废登记簿: receipts voided in [date_from, date_to]."""
    _check_range(date_from, date_to)
    with ctx.read() as s:
        q = select(Receipt).where(Receipt.voided.is_(True), Receipt.void_date >= date_from,
                                  Receipt.void_date <= date_to)
        return _rows(s, q.order_by(Receipt.void_date, Receipt.id))


def _receivable_items(s: Session, on: dt.date | None, resident_id: int | None = None):
    """{resident: (debits, credits)} of account 1121 as of ``on``: an entry
    reversed by an entry also dated on or before ``on`` is left out with its
    reversal. Refs are entry ids; debits carry (period, memo) labels."""
    q = (select(JournalLine.resident_id, JournalLine.debit, JournalLine.credit, JournalEntry.id,
                JournalEntry.entry_date, JournalEntry.reverses_id, JournalEntry.period, JournalEntry.memo)
         .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
         .where(JournalLine.account == RECEIVABLE, JournalLine.resident_id.is_not(None))
         .order_by(JournalEntry.entry_date, JournalEntry.id, JournalLine.id))
    if on is not None:
        q = q.where(JournalEntry.entry_date <= on)
    if resident_id is not None:
        q = q.where(JournalLine.resident_id == resident_id)
    rows = s.execute(q).all()
    ids = {r.id for r in rows}
    cancelled = {r.reverses_id for r in rows if r.reverses_id in ids}
    cancelled |= {r.id for r in rows if r.reverses_id in cancelled}
    out: dict[int, tuple[list[Item], list[Item]]] = defaultdict(lambda: ([], []))
    labels: dict[int, tuple[str, str]] = {}
    for r in rows:
        if r.id in cancelled:
            continue
        debits, credits = out[r.resident_id]
        # a reversal whose original is not cancelled with it: negative amounts change sides
        d, c = (r.debit, r.credit) if r.debit >= 0 and r.credit >= 0 else (max(r.debit, 0) - min(r.credit, 0),
                                                                           max(r.credit, 0) - min(r.debit, 0))
        if d:
            debits.append(Item(r.entry_date, d, r.id))
            labels[r.id] = (r.period, r.memo)
        if c:
            credits.append(Item(r.entry_date, c, r.id))
    return out, labels


@dataclass(frozen=True)
class OpenBill:
    """A charge to one resident still (partly) unpaid, payments taken oldest
    first: the cash desk lists these beside the amount owed."""

    entry_id: int
    day: dt.date
    period: str  # 'YYYY-MM' of the charge
    memo: str
    amount_fen: int  # as charged
    open_fen: int  # still unpaid


def open_bills(ctx: Ctx, resident_id: int, on: dt.date | None = None) -> list[OpenBill]:
    """The resident's unpaid charges (1121 debits not yet met by credits,
    oldest paid first), oldest first; as of ``on`` (None: everything posted)."""
    with ctx.read() as s:
        by_resident, labels = _receivable_items(s, on, resident_id)
    debits, credits = by_resident.get(resident_id, ([], []))
    charged = {d.ref: d.fen for d in debits}
    out = []
    for x in fifo_allocate(debits, credits).open_debits:
        period, memo = labels.get(x.ref, ("", ""))
        out.append(OpenBill(x.ref, x.day, period, memo, charged.get(x.ref, x.fen), x.fen))
    return out


def resident_receipts(ctx: Ctx, resident_id: int, include_voided: bool = True) -> list[ReceiptRow]:
    """The resident's payment history: every receipt, newest first."""
    with ctx.read() as s:
        q = select(Receipt).where(Receipt.resident_id == resident_id)
        if not include_voided:
            q = q.where(Receipt.voided.is_(False))
        return _rows(s, q.order_by(Receipt.day.desc(), Receipt.id.desc()))


def _centre_name(s: Session) -> str:
    from ..db.models import Centre

    c = s.get(Centre, 1)
    return c.name if c else ""


def receipt(ctx: Ctx, receipt_id: int) -> ReceiptDetail:
    """One receipt with what it paid (its credit to 1121 allocated to the
    charges oldest first, and the part kept as a prepayment)."""
    with ctx.read() as s:
        row = s.get(Receipt, receipt_id) if isinstance(receipt_id, int) else None
        if row is None:
            raise NotFound(f"收据{receipt_id}不存在")
        r = s.get(Resident, row.resident_id)
        items: list[PaidItem] = []
        prepaid = 0
        if row.entry_id is not None:
            lines = s.execute(select(JournalLine).where(JournalLine.entry_id == row.entry_id)).scalars().all()
            prepaid = sum(x.credit for x in lines if x.account == PREPAID)
            to_receivable = sum(x.credit for x in lines if x.account == RECEIVABLE)
            if to_receivable:
                # allocate with the entry's own reversal ignored: a voided receipt shows what it had paid
                by_resident, labels = _receivable_items(s, None, row.resident_id)
                debits, credits = by_resident.get(row.resident_id, ([], []))
                if row.void_entry_id is not None:
                    credits = credits + [Item(row.day, to_receivable, row.entry_id)]
                    debits = [d for d in debits if d.ref != row.void_entry_id]
                    credits = sorted(credits, key=lambda x: (x.day, x.ref))
                paid: dict[int, int] = defaultdict(int)
                for a in fifo_allocate(debits, credits).allocations:
                    if a.credit_ref == row.entry_id:
                        paid[a.debit_ref] += a.fen
                for ref, fen in paid.items():
                    period, memo = labels[ref]
                    items.append(PaidItem(period, memo, fen))
                rest = to_receivable - sum(paid.values())
                if rest:
                    items.append(PaidItem("", "欠费", rest))
        if prepaid:
            items.append(PaidItem("", "预收款（抵以后月份费用）", prepaid))
        cashier = _cashiers(s, {row.created_by}).get(row.created_by, row.created_by)
        return ReceiptDetail(
            _centre_name(s), row.id, row.number, row.day, row.resident_id, r.name if r else "", row.method,
            row.reference, row.amount_fen, to_chinese_upper(row.amount_fen), row.payer, row.memo, tuple(items),
            cashier, row.voided, row.void_reason, row.void_date, row.entry_id, row.void_entry_id,
        )


def ageing(ctx: Ctx, on: dt.date) -> AgeingReport:
    """账龄分析 on ``on``: each resident's unpaid charges by age, oldest paid
    first; the total equals the balance of 1121 on that day."""
    with ctx.read() as s:
        by_resident, _ = _receivable_items(s, on)
        names = dict(s.execute(select(Resident.id, Resident.name)
                               .where(Resident.id.in_(list(by_resident)))).all()) if by_resident else {}
        rows = []
        for rid, (debits, credits) in by_resident.items():
            res = fifo_allocate(debits, credits)
            if not res.open_debits and not res.unapplied:
                continue
            b = ageing_buckets(res.open_debits, on)
            rows.append(AgeingRow(rid, names.get(rid, ""), tuple(b[k] for k in BUCKETS), res.unapplied,
                                  res.open_debits[0].day if res.open_debits else None))
        balance = balance_in(s, RECEIVABLE, on)
    rows.sort(key=lambda x: (-x.total_fen, x.resident_name, x.resident_id))
    totals = tuple(sum(r.buckets[i] for r in rows) for i in range(len(BUCKETS)))
    return AgeingReport(on, tuple(rows), totals, sum(r.credit_fen for r in rows), balance)


# --- document -------------------------------------------------------------------------------

PRINT_RECEIPT = "打印收据"


def times_printed(ctx: Ctx, receipt_id: int) -> int:
    """How often a receipt has been printed: the audit trail records every print."""
    t = audit_log.c
    with ctx.read() as s:
        return s.execute(select(func.count()).where(
            t.action == PRINT_RECEIPT, t.entity == "receipt",
            t.after.like(f'%"receipt_id":{int(receipt_id)},%'),  # canonical JSON: sorted keys, no spaces
        )).scalar_one()


def receipt_pdf(ctx: Ctx, receipt_id: int, path: str | Path) -> Written:
    """Print a receipt (收款收据, a third of A4) to ``path``; audited with its
    SHA-256. Every print after the first is marked 补打 with its number, so a
    copy cannot pass for the original."""
    ctx.require(Perm.PRINT)
    detail = receipt(ctx, receipt_id)
    printed_on = ctx.today()
    copy = times_printed(ctx, receipt_id) + 1

    def render(tmp: Path) -> int:
        from ..documents.receipt_pdf import render_receipt

        tmp.write_bytes(render_receipt(detail, printed_on, copy))
        return 1

    return write_document(ctx, path, render, PRINT_RECEIPT, "receipt",
                          {"receipt_id": detail.id, "number": detail.number, "voided": detail.voided,
                           "copy": copy})
