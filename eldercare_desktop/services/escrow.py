"""Deposit escrow (押金专户, DOMAIN.md §1; interest per ACCOUNTING.md).

Every movement of a resident's deposit is a ``deposit_movement`` row and a
journal entry that never touches income: 收取 and 利息 Dr 100202 / Cr 220901
(resident); 扣除 and 退还 Dr 220901 (resident) / Cr 100202.

Decisions:
- Permission first. Receiving a deposit is front-desk work or an
  accountant's (Perm.RESIDENT_WRITE or Perm.FINANCE_WRITE); everything else
  that writes needs Perm.FINANCE_WRITE. Auditors are refused everywhere.
- The cap (monthly service fee of the contract term in force × the policy
  profile's multiplier) applies to the *principal* held: deposits −
  deductions − excess refunded. Credited interest belongs to the resident
  and is not a deposit collected, so it never pushes a resident over the cap.
- Interest (domain.interest.accrue) is computed per *holding*: the
  movements since the resident's last full refund. Interest movements are
  dated on the day the bank credits them: the 21st after a settlement on
  the 20th, or the refund day for the final partial period (in both cases
  period end + 1 day), so ``post_interest(on)`` posts the periods credited
  on or before ``on``. A period is posted once (journal source
  ``escrow:interest:<resident>:<period end>``); a zero-interest period
  posts nothing.
- Nothing may be recorded before the resident's last credited interest, and
  no rate may take effect on or before the last credited period's end:
  settled interest is never recomputed behind the books.
- A refund needs the service relationship to have ended (no contract covers
  the refund day; service end = the last contract's last day of service);
  the deadline is service end + the profile's refund days. After it, a
  refund needs ``late_reason``, stored on the movement, in the audit row
  (``overdue: true``) and listed on the dashboard.
- ``deposit_movement`` has no method column: the method is kept in
  ``reason`` (收取/退还) and the payment reference in ``voucher_no``.
- The interest mode (split at a rate change by default, or the settlement
  day's rate, as the escrow bank does it) is the setting
  ``escrow.interest_mode``; changing it never recomputes credited periods.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import BOOKS_LOCK, lock
from ..db.models import Centre, Contract, ContractTerm, DemandRate, DepositMovement, EscrowReconciliation, \
    JournalEntry, JournalLine, Resident
from ..domain import interest as I
from ..domain.contracts import cap_text, contract_span, deposit_cap, monthly_service_fee
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.escrow_records import (
    DEDUCTION_CATEGORIES,
    EXCESS_REASON,
    KIND_DEDUCTION,
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_REFUND,
    METHODS,
    BankStatement,
    Dashboard,
    DueRow,
    EscrowLedger,
    LedgerLine,
    MovementRow,
    OverCapRow,
    RateRow,
    ReconciliationRow,
    RefundQuote,
    RefundVoucher,
    SeriesPoint,
    StatementRow,
    detail_json,
    periods_from_json,
    periods_to_json,
)
from ..domain.ledger import DEPOSITS, ESCROW_BANK, Entry, Line
from ..domain.money import format_yuan, yuan_to_fen
from ..domain.records import Changes
from ..domain.errors import PermissionDenied
from ..domain.roles import Perm
from . import ledger, settings
from .amounts import too_large, too_large_message
from .audit import audit
from .centre import get_profile
from .context import Ctx
from .contracts import contract_for_in
from .numbering import next_number
from . import busy

MODE_KEY = "escrow.interest_mode"
ONE_DAY = dt.timedelta(days=1)
DETAIL_LIMIT = 4000  # deposit_movement.interest_detail


# --- helpers inside a session ---------------------------------------------------------

def _require_deposit_taker(ctx: Ctx) -> None:
    a = ctx.actor
    if not (a.can(Perm.RESIDENT_WRITE) or a.can(Perm.FINANCE_WRITE)):
        ctx.require(Perm.FINANCE_WRITE)  # raises with the usual message
        raise PermissionDenied("没有收取押金的权限")  # pragma: no cover


def _resident(s: Session, rid: int) -> Resident:
    r = s.get(Resident, rid) if isinstance(rid, int) else None
    if r is None:
        raise NotFound("住户不存在")
    return r


def _profile(s: Session):
    c = s.get(Centre, 1)
    return get_profile(c.policy_profile if c else "national")


def _rates(s: Session) -> list[I.RateChange]:
    return [I.RateChange(r.effective_date, Decimal(r.annual_percent))
            for r in s.execute(select(DemandRate).order_by(DemandRate.effective_date)).scalars()]


def _term_on(s: Session, contract_id: int, day: dt.date) -> ContractTerm:
    terms = list(s.execute(select(ContractTerm).where(ContractTerm.contract_id == contract_id)
                           .order_by(ContractTerm.effective_date)).scalars())
    now = [t for t in terms if t.effective_date <= day]
    return now[-1] if now else terms[0]


def _cap(s: Session, c: Contract, day: dt.date) -> tuple[int, int, Decimal]:
    """(monthly service fee, cap, multiplier) of the contract term in force on ``day``."""
    t = _term_on(s, c.id, day)
    monthly = monthly_service_fee(t.bed_fee_fen, t.care_fee_fen, t.meal_rate_fen)
    mult = _profile(s).deposit_cap_multiplier
    return monthly, deposit_cap(monthly, mult), mult


def _moves(s: Session, rid: int) -> list[DepositMovement]:
    return list(s.execute(select(DepositMovement).where(DepositMovement.resident_id == rid)
                          .order_by(DepositMovement.day, DepositMovement.id)).scalars())


def _full_refund(m: DepositMovement) -> bool:
    return m.kind == KIND_REFUND and not m.reason.startswith(EXCESS_REASON)


def _holding(s: Session, rid: int, on: dt.date | None = None) -> list[DepositMovement]:
    """The movements since the last full refund (dated before ``on``), up to ``on``;
    a full refund dated ``on`` itself is left out (a quote on the refund day
    reproduces the refund)."""
    rows = [m for m in _moves(s, rid) if on is None or m.day <= on]
    start = 0
    for i, m in enumerate(rows):
        if _full_refund(m) and (on is None or m.day < on):
            start = i + 1
    return [m for m in rows[start:] if not _full_refund(m)]


def _principal(moves: list[DepositMovement]) -> int:
    return sum(m.amount_fen if m.kind == KIND_DEPOSIT else -m.amount_fen
               for m in moves if m.kind in (KIND_DEPOSIT, KIND_DEDUCTION, KIND_REFUND))


def _engine_moves(moves: list[DepositMovement]) -> list[I.Movement]:
    return [I.Movement(m.day, m.amount_fen if m.kind == KIND_DEPOSIT else -m.amount_fen)
            for m in moves if m.kind != KIND_INTEREST]


def _balance(s: Session, rid: int, on: dt.date | None = None) -> int:
    return ledger.balance_in(s, DEPOSITS, on, resident_id=rid)


def _last_interest_day(s: Session, rid: int) -> dt.date | None:
    return s.execute(select(func.max(DepositMovement.day)).where(DepositMovement.resident_id == rid,
                                                                  DepositMovement.kind == KIND_INTEREST)).scalar()


def _check_not_before_interest(s: Session, rid: int, day: dt.date) -> None:
    last = _last_interest_day(s, rid)
    if last is not None and day < last:
        raise RuleViolation(f"{last:%Y-%m-%d}已结息入账，不能补记更早日期的押金业务", "day")


def _next_number(s: Session, prefix_letters: str, year: int) -> str:
    return next_number(s, DepositMovement.number, f"{prefix_letters}{year}-")


def _names(s: Session, ids) -> dict[int, str]:
    ids = set(ids)
    if not ids:
        return {}
    return dict(s.execute(select(Resident.id, Resident.name).where(Resident.id.in_(ids))).all())


def _numbers(s: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(s.execute(select(Contract.id, Contract.number).where(Contract.id.in_(ids))).all())


def _rows(s: Session, moves: list[DepositMovement]) -> list[MovementRow]:
    names = _names(s, [m.resident_id for m in moves])
    numbers = _numbers(s, [m.contract_id for m in moves])
    return [MovementRow(m.id, m.resident_id, names.get(m.resident_id, ""), m.contract_id,
                        numbers.get(m.contract_id, ""), m.kind, m.day, m.amount_fen, m.reason, m.voucher_no,
                        m.number, m.entry_id, m.created_at, m.created_by) for m in moves]


def _record(ctx: Ctx, s: Session, rid: int, contract_id: int | None, kind: str, day: dt.date, amount: int,
            memo: str, reason: str = "", voucher_no: str = "", number: str = "", detail: str = "",
            source: str = "") -> DepositMovement:
    """The movement and its entry (never through income)."""
    m = DepositMovement(resident_id=rid, contract_id=contract_id, kind=kind, day=day, amount_fen=amount,
                        reason=reason, voucher_no=voucher_no, number=number, interest_detail=detail,
                        created_at=ctx.now(), created_by=ctx.actor.username)
    s.add(m)
    s.flush()
    into = kind in (KIND_DEPOSIT, KIND_INTEREST)
    lines = ((Line(ESCROW_BANK, debit=amount), Line(DEPOSITS, credit=amount, resident_id=rid)) if into else
             (Line(DEPOSITS, debit=amount, resident_id=rid), Line(ESCROW_BANK, credit=amount)))
    m.entry_id = ledger.post(ctx, s, Entry(day, memo, lines, source=source or f"escrow:{m.id}"))
    s.flush()
    return m


def _movement_audit(m: DepositMovement, **extra) -> dict:
    return {"resident_id": m.resident_id, "contract_id": m.contract_id, "kind": m.kind, "day": m.day,
            "amount_fen": m.amount_fen, "reason": m.reason, "voucher_no": m.voucher_no, "number": m.number,
            "entry_id": m.entry_id, **extra}


def _amount(amount_fen, p: Problems, field: str = "amount_fen") -> None:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        p.add(field, "金额必须以分为单位的整数")
    elif amount_fen <= 0:
        p.add(field, "金额必须大于零")
    elif too_large(amount_fen):
        p.add(field, too_large_message("金额", amount_fen))


def _day(day, p: Problems, field: str = "day") -> None:
    if not isinstance(day, dt.date):
        p.add(field, "请填写日期")


def _last_contract(s: Session, rid: int, on: dt.date) -> Contract | None:
    return s.execute(select(Contract).where(Contract.resident_id == rid, Contract.start_date <= on)
                     .order_by(Contract.start_date.desc(), Contract.id.desc())).scalars().first()


def _service_end(c: Contract) -> dt.date:
    return contract_span(c.start_date, c.end_date, c.termination_date).end


# --- interest ---------------------------------------------------------------------------

def _mode_in(s: Session, mode: str | None = None) -> str:
    """``mode``, or the centre's setting when None."""
    mode = mode or settings.get(s, MODE_KEY)
    if mode not in I.MODES:
        raise RuleViolation(f"未知的计息方式“{mode}”", "mode")
    return mode


def _quote_in(s: Session, rid: int, on: dt.date, mode: str | None) -> RefundQuote:
    mode = _mode_in(s, mode)
    r = _resident(s, rid)
    moves = _holding(s, rid, on)
    result = I.accrue(_engine_moves(moves), _rates(s), on, mode)
    credited = {m.day for m in moves if m.kind == KIND_INTEREST}
    posted = tuple(p.end + ONE_DAY in credited for p in result.periods)
    current = contract_for_in(s, rid, on)
    last = current or _last_contract(s, rid, on)
    end = due = left = None
    if last is not None and current is None:
        end = _service_end(last)
        due = I.refund_due(end, _profile(s).deposit_refund_days)
        left = (due - on).days
    rows = _rows(s, moves)
    return RefundQuote(
        rid, r.name, on, mode, last.id if last else None, last.number if last else "", end, due, left,
        tuple(x for x in rows if x.kind == KIND_DEPOSIT), tuple(x for x in rows if x.kind == KIND_DEDUCTION),
        tuple(x for x in rows if x.kind == KIND_REFUND and x.is_excess_refund),
        result.periods, posted, _balance(s, rid, on))


def _post_periods(ctx: Ctx, s: Session, q: RefundQuote, include_final: bool) -> list[int]:
    """Credit the periods of ``q`` not yet credited (the final one only at a refund)."""
    ids = []
    for p, done in zip(q.periods, q.posted):
        if done or p.interest_fen == 0 or (p.final and not include_final):
            continue
        credit_day = p.end + ONE_DAY
        m = _record(ctx, s, q.resident_id, q.contract_id, KIND_INTEREST, credit_day, p.interest_fen,
                    f"押金利息 {p.start:%Y-%m-%d}至{p.end:%Y-%m-%d}",
                    reason=f"活期利息（{I.MODES[q.mode]}）",
                    detail=detail_json(mode=q.mode, periods=periods_to_json([p])),
                    source=f"escrow:interest:{q.resident_id}:{p.end.isoformat()}")
        audit(ctx, s, "押金结息", "deposit_movement", m.id, None,
              _movement_audit(m, period=[p.start, p.end], mode=q.mode))
        ids.append(m.id)
    return ids


def quote(ctx: Ctx, resident_id: int, on: dt.date, mode: str | None = None) -> RefundQuote:
    """What refunding on ``on`` would pay: deposits, deductions, interest period
    by period (up to ``on``, not counted), the total, and the 10-day clock.
    ``mode`` None: the centre's interest mode (``interest_mode``)."""
    with ctx.read() as s:
        return _quote_in(s, resident_id, on, mode)


@busy.retrying
def post_interest(ctx: Ctx, on: dt.date, mode: str | None = None) -> Changes:
    """Credit every quarterly period credited on or before ``on`` (the 21st
    after each settlement on the 20th) not yet posted, for every resident
    holding a deposit: Dr 100202 / Cr 220901 (the bank paid it into escrow)."""
    ctx.require(Perm.FINANCE_WRITE)
    if not isinstance(on, dt.date):
        raise RuleViolation("请填写结息截止日期", "on")
    if on > ctx.today():
        raise RuleViolation("结息截止日期不能晚于今天", "on")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        lock(s, BOOKS_LOCK)  # two PCs posting interest at once: the second finds it posted
        rids = list(s.execute(select(DepositMovement.resident_id).group_by(DepositMovement.resident_id)).scalars())
        ids: list[int] = []
        total = 0
        for rid in rids:
            q = _quote_in(s, rid, on, mode)
            new = _post_periods(ctx, s, q, include_final=False)
            ids += new
            total += sum(p.interest_fen for p, done in zip(q.periods, q.posted) if not done and not p.final)
        audit(ctx, s, "押金结息批处理", "deposit_movement", on, None,
              {"on": on, "mode": mode, "movements": len(ids), "total_fen": total})
    return Changes.of("deposit_movement", "journal", ids=tuple(ids),
                      message=f"已结息{len(ids)}笔，合计{format_yuan(total)}")


# --- write services ---------------------------------------------------------------------

@busy.retrying
def receive_deposit(ctx: Ctx, resident_id: int, day: dt.date, amount_fen: int, method: str,
                    reference: str = "") -> Changes:
    """收取押金 into the escrow account: only under a contract covering ``day``,
    never above the cap. Number YJ<year>-NNNN; Dr 100202 / Cr 220901."""
    _require_deposit_taker(ctx)
    p = Problems()
    _day(day, p)
    _amount(amount_fen, p)
    if (method or "").strip() not in METHODS:
        p.add("method", f"收取方式应为：{'、'.join(METHODS)}（押金须存入押金专户）")
    p.raise_if_any()
    with (ctx.write(Perm.FINANCE_WRITE) if ctx.actor.can(Perm.FINANCE_WRITE) else ctx.write(Perm.RESIDENT_WRITE)) as s:
        _resident(s, resident_id)
        c = contract_for_in(s, resident_id, day)
        if c is None:
            raise RuleViolation("该住户没有有效的服务合同，不能收取押金", "resident_id")
        _check_not_before_interest(s, resident_id, day)
        monthly, cap, mult = _cap(s, c, day)
        held = _principal(_holding(s, resident_id))
        if held + amount_fen > cap:
            raise RuleViolation(f"{cap_text(cap, mult)}：已收{format_yuan(held)}，本次最多还可收取"
                                f"{format_yuan(max(0, cap - held))}", "amount_fen")
        number = _next_number(s, "YJ", day.year)
        m = _record(ctx, s, resident_id, c.id, KIND_DEPOSIT, day, amount_fen, f"收取押金 {number}",
                    reason=method.strip(), voucher_no=(reference or "").strip()[:40], number=number)
        audit(ctx, s, "收取押金", "deposit_movement", m.id, None,
              _movement_audit(m, cap_fen=cap, monthly_fee_fen=monthly, held_before_fen=held))
    return Changes.of("deposit_movement", "journal", ids=(m.id,), message=f"已收取押金{format_yuan(amount_fen)}（{number}）")


@busy.retrying
def deduct(ctx: Ctx, resident_id: int, day: dt.date, amount_fen: int, reason: str, voucher_no: str,
           detail: str = "") -> Changes:
    """扣除: emergency costs only (``reason`` one of DEDUCTION_CATEGORIES, plus a
    detail), with a voucher number, never above the balance. Dr 220901 / Cr 100202."""
    ctx.require(Perm.FINANCE_WRITE)
    p = Problems()
    _day(day, p)
    _amount(amount_fen, p)
    reason, voucher_no, detail = (reason or "").strip(), (voucher_no or "").strip(), (detail or "").strip()
    if not reason:
        p.add("reason", "请选择扣除原因（押金只能用于医疗等应急费用）")
    elif reason not in DEDUCTION_CATEGORIES:
        p.add("reason", f"押金只能用于医疗等应急费用，扣除原因应为：{'、'.join(DEDUCTION_CATEGORIES)}")
    elif reason == "其他应急费用" and not detail:
        p.add("detail", "“其他应急费用”须说明具体内容")
    if not voucher_no:
        p.add("voucher_no", "请填写扣除凭证号")
    elif len(voucher_no) > 40:
        p.add("voucher_no", "凭证号不能超过40个字符")
    p.raise_if_any()
    text = f"{reason}：{detail}" if detail else reason
    with ctx.write(Perm.FINANCE_WRITE) as s:
        _resident(s, resident_id)
        _check_not_before_interest(s, resident_id, day)
        bal = _balance(s, resident_id)
        if amount_fen > bal:
            raise RuleViolation(f"扣除金额超过押金余额{format_yuan(bal)}", "amount_fen")
        holding = _holding(s, resident_id)
        cid = holding[-1].contract_id if holding else None
        m = _record(ctx, s, resident_id, cid, KIND_DEDUCTION, day, amount_fen, f"押金扣除 {text[:60]}（凭证{voucher_no}）",
                    reason=text[:300], voucher_no=voucher_no)
        audit(ctx, s, "扣除押金", "deposit_movement", m.id, None, _movement_audit(m, balance_before_fen=bal))
    return Changes.of("deposit_movement", "journal", ids=(m.id,), message=f"已扣除押金{format_yuan(amount_fen)}")


@busy.retrying
def refund(ctx: Ctx, resident_id: int, day: dt.date, method: str, late_reason: str = "",
           mode: str | None = None) -> Changes:
    """退还 after the service relationship ended: the final interest period is
    credited, then the whole balance (deposits − deductions + interest) is
    refunded. Number TK<year>-NNNN. After the deadline only with ``late_reason``."""
    ctx.require(Perm.FINANCE_WRITE)
    p = Problems()
    _day(day, p)
    if (method or "").strip() not in METHODS:
        p.add("method", f"退还方式应为：{'、'.join(METHODS)}")
    p.raise_if_any()
    late_reason = (late_reason or "").strip()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        _resident(s, resident_id)
        if contract_for_in(s, resident_id, day) is not None:
            raise RuleViolation("合同尚未终止，不能退还押金", "day")
        c = _last_contract(s, resident_id, day)
        if c is None:
            raise RuleViolation("该住户没有服务合同，没有可退还的押金", "resident_id")
        _check_not_before_interest(s, resident_id, day)
        q = _quote_in(s, resident_id, day, mode)
        if q.refund_fen <= 0 or _balance(s, resident_id) <= 0:
            raise RuleViolation("该住户没有押金余额，无需退还", "resident_id")
        late = q.days_left < 0
        if late and not late_reason:
            raise RuleViolation(f"已超过退还期限{q.due_date:%Y-%m-%d}（逾期{-q.days_left}天）：逾期退还须填写原因",
                                "late_reason")
        interest_ids = _post_periods(ctx, s, q, include_final=True)
        s.flush()
        bal = _balance(s, resident_id)
        if bal != q.refund_fen:
            raise RuleViolation(f"押金余额{format_yuan(bal)}与计算的应退金额{format_yuan(q.refund_fen)}不一致，请先核对利息入账")
        number = _next_number(s, "TK", day.year)
        info = dict(method=method.strip(), late=late, late_reason=late_reason, service_end=q.service_end,
                    due_date=q.due_date, days_left=q.days_left, mode=q.mode, deposits_fen=q.deposits_fen,
                    deductions_fen=q.deductions_fen, excess_refunded_fen=q.excess_refunded_fen,
                    interest_fen=q.interest_fen, interest_ids=interest_ids)
        detail = detail_json(**info, periods=periods_to_json(q.periods))
        if len(detail) > DETAIL_LIMIT:  # a very long holding: the periods stay on the interest movements
            detail = detail_json(**info, periods=None)
        reason = method.strip() + (f"；逾期退还：{late_reason}" if late else "")
        m = _record(ctx, s, resident_id, c.id, KIND_REFUND, day, bal, f"退还押金 {number}" + ("（逾期）" if late else ""),
                    reason=reason[:300], number=number, detail=detail)
        audit(ctx, s, "逾期退还押金" if late else "退还押金", "deposit_movement", m.id, None,
              _movement_audit(m, overdue=late, late_reason=late_reason, due_date=q.due_date,
                              days_left=q.days_left, interest_fen=q.interest_fen, mode=q.mode))
    return Changes.of("deposit_movement", "journal", ids=(m.id, *interest_ids),
                      message=f"已退还押金{format_yuan(bal)}（{number}）" + ("，逾期退还已记录" if late else ""))


@busy.retrying
def refund_excess(ctx: Ctx, resident_id: int, day: dt.date, method: str = "银行转账") -> Changes:
    """After a fee decrease: refund exactly the principal above the current cap
    (interest stays with the balance). Dr 220901 / Cr 100202, number TK…"""
    ctx.require(Perm.FINANCE_WRITE)
    p = Problems()
    _day(day, p)
    if (method or "").strip() not in METHODS:
        p.add("method", f"退还方式应为：{'、'.join(METHODS)}")
    p.raise_if_any()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        _resident(s, resident_id)
        c = contract_for_in(s, resident_id, day)
        if c is None:
            raise RuleViolation("该住户在该日没有有效合同：合同终止后请办理押金退还", "day")
        _check_not_before_interest(s, resident_id, day)
        monthly, cap, mult = _cap(s, c, day)
        held = _principal(_holding(s, resident_id))
        excess = held - cap
        if excess <= 0:
            raise RuleViolation(f"押金{format_yuan(held)}未超过上限{format_yuan(cap)}，无需退还", "resident_id")
        number = _next_number(s, "TK", day.year)
        m = _record(ctx, s, resident_id, c.id, KIND_REFUND, day, excess, f"退还超上限押金 {number}",
                    reason=f"{EXCESS_REASON}（{method.strip()}）", number=number,
                    detail=detail_json(excess=True, cap_fen=cap, monthly_fee_fen=monthly, held_fen=held))
        audit(ctx, s, "退还超上限押金", "deposit_movement", m.id, None,
              _movement_audit(m, cap_fen=cap, monthly_fee_fen=monthly, held_before_fen=held))
    return Changes.of("deposit_movement", "journal", ids=(m.id,),
                      message=f"已退还超出上限的押金{format_yuan(excess)}（{number}）")


# --- rates ------------------------------------------------------------------------------

def list_rates(ctx: Ctx) -> list[RateRow]:
    with ctx.read() as s:
        return [RateRow(r.id, r.effective_date, Decimal(r.annual_percent), r.note, r.created_at, r.created_by)
                for r in s.execute(select(DemandRate).order_by(DemandRate.effective_date)).scalars()]


def interest_mode_stamp(ctx: Ctx) -> str:
    """The 计息方式 setting's version as read (set_interest_mode's expected_stamp)."""
    with ctx.read() as s:
        return settings.stamp(s, (MODE_KEY,))


def interest_mode(ctx: Ctx) -> str:
    """The centre's interest mode: ``interest.SPLIT`` (default) or ``interest.SETTLEMENT_RATE``."""
    with ctx.read() as s:
        return _mode_in(s)


@busy.retrying
def set_interest_mode(ctx: Ctx, mode: str, *, expected_stamp: str | None = None) -> Changes:
    """How the escrow bank pays interest over a rate change: split at the
    change (分段计息) or the settlement day's listed rate for the whole period.
    Applies to periods not yet credited; credited interest is never recomputed."""
    ctx.require(Perm.FINANCE_WRITE)
    if mode not in I.MODES:
        raise RuleViolation(f"计息方式应为：{'、'.join(I.MODES.values())}", "mode")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        settings.save_group(s, (MODE_KEY,), expected_stamp, "押金计息方式", touch=settings.get(s, MODE_KEY) != mode)
        old = settings.put(s, MODE_KEY, mode)
        if old != mode:
            audit(ctx, s, "修改押金计息方式", "setting", MODE_KEY, {"mode": old}, {"mode": mode})
    return Changes.of("setting", "escrow", message=f"押金计息方式：{I.MODES[mode]}（已结息的期间不重算）")


@busy.retrying
def add_rate(ctx: Ctx, effective_date: dt.date | None, annual_percent: Decimal | str, note: str = "") -> Changes:
    """A new listed demand rate from ``effective_date`` (audited). Settled
    periods are never recomputed: the date must follow the last credited period."""
    ctx.require(Perm.FINANCE_WRITE)
    p = Problems()
    if not isinstance(effective_date, dt.date):
        p.add("effective_date", "利率必须注明生效日期")
    try:
        pct = Decimal(str(annual_percent).strip().rstrip("%")) if annual_percent is not None else None
        if pct is not None and not pct.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        pct = None
        p.add("annual_percent", f"年利率“{annual_percent}”不是有效的数字")
    p.raise_if_any()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        existing = _rates(s)
        I.check_rates(existing + [I.RateChange(effective_date, pct)])
        last = s.execute(select(func.max(DepositMovement.day)).where(DepositMovement.kind == KIND_INTEREST)).scalar()
        if last is not None and effective_date < last:
            raise RuleViolation(f"{last - ONE_DAY:%Y-%m-%d}之前的利息已结算入账，新利率的生效日期须在此之后",
                                "effective_date")
        row = DemandRate(effective_date=effective_date, annual_percent=str(pct), note=(note or "").strip()[:200],
                         created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        audit(ctx, s, "新增活期利率", "demand_rate", row.id, None,
              {"effective_date": effective_date, "annual_percent": str(pct), "note": row.note})
    return Changes.of("demand_rate", ids=(row.id,), message=f"已新增{effective_date:%Y-%m-%d}起的活期利率{pct}%")


# --- reads ------------------------------------------------------------------------------

def movements(ctx: Ctx, resident_id: int | None = None, date_from: dt.date | None = None,
              date_to: dt.date | None = None) -> list[MovementRow]:
    with ctx.read() as s:
        q = select(DepositMovement).order_by(DepositMovement.day, DepositMovement.id)
        if resident_id is not None:
            q = q.where(DepositMovement.resident_id == resident_id)
        if date_from is not None:
            q = q.where(DepositMovement.day >= date_from)
        if date_to is not None:
            q = q.where(DepositMovement.day <= date_to)
        return _rows(s, list(s.execute(q).scalars()))


def movement(ctx: Ctx, movement_id: int) -> MovementRow:
    with ctx.read() as s:
        m = s.get(DepositMovement, movement_id)
        if m is None:
            raise NotFound(f"押金业务{movement_id}不存在")
        return _rows(s, [m])[0]


def refund_voucher(ctx: Ctx, movement_id: int) -> RefundVoucher:
    """A posted full refund with its stored computation (for the voucher)."""
    with ctx.read() as s:
        m = s.get(DepositMovement, movement_id)
        if m is None or m.kind != KIND_REFUND:
            raise NotFound(f"退还记录{movement_id}不存在")
        d = json.loads(m.interest_detail or "{}")
        if d.get("excess"):
            raise RuleViolation("这是超上限部分的退还，没有利息计算单")
        if d.get("periods") is not None:
            periods = periods_from_json(d["periods"])
        else:
            periods = tuple(pp for x in s.execute(select(DepositMovement).where(
                DepositMovement.id.in_(d.get("interest_ids", []))).order_by(DepositMovement.day)).scalars()
                for pp in periods_from_json(json.loads(x.interest_detail)["periods"]))
        return RefundVoucher(_rows(s, [m])[0], d["method"], d["late"], d["late_reason"],
                             dt.date.fromisoformat(d["service_end"]), dt.date.fromisoformat(d["due_date"]),
                             d["deposits_fen"], d["deductions_fen"], d["excess_refunded_fen"], periods, d["mode"])


def _balances_on(s: Session, on: dt.date) -> dict[int, int]:
    """{resident: 220901 balance on ``on``} (credit side), non-zero only."""
    q = (select(JournalLine.resident_id, func.sum(JournalLine.credit - JournalLine.debit))
         .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
         .where(JournalLine.account == DEPOSITS, JournalEntry.entry_date <= on)
         .group_by(JournalLine.resident_id))
    return {rid: int(b) for rid, b in s.execute(q) if int(b) != 0}


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _reco_row(r: EscrowReconciliation, residents=()) -> ReconciliationRow:
    return ReconciliationRow(r.id, r.period, r.as_of, r.bank_balance_fen, r.book_balance_fen, r.residents_total_fen,
                             r.difference_fen, r.source, r.note, r.lines, r.created_at, r.created_by, tuple(residents))


def due_list(s: Session, on: dt.date) -> list[DueRow]:
    balances = _balances_on(s, on)
    days = _profile(s).deposit_refund_days
    names = _names(s, balances)
    out = []
    for rid, bal in balances.items():
        if bal <= 0 or contract_for_in(s, rid, on) is not None:
            continue
        c = _last_contract(s, rid, on)
        if c is None:
            continue
        end = _service_end(c)
        due = I.refund_due(end, days)
        out.append(DueRow(rid, names.get(rid, ""), c.id, c.number, end, due, (due - on).days, bal))
    return sorted(out, key=lambda r: (r.days_left, r.resident_id))


def dashboard(ctx: Ctx, on: dt.date | None = None, months: int = 12) -> Dashboard:
    """Held total, residents holding a deposit, refunds due (days left;
    overdue), deposits over the cap, late refunds, the last reconciliation and
    the month-end balances of the last ``months`` (12–24) months."""
    on = on or ctx.today()
    months = min(24, max(12, months))
    with ctx.read() as s:
        held = ledger.balance_in(s, ESCROW_BANK, on)
        balances = _balances_on(s, on)
        due = due_list(s, on)
        over = []
        names = _names(s, balances)
        for rid in balances:
            c = contract_for_in(s, rid, on)
            if c is None:
                continue
            monthly, cap, _ = _cap(s, c, on)
            principal = _principal(_holding(s, rid, on))
            if principal > cap:
                over.append(OverCapRow(rid, names.get(rid, ""), c.number, monthly, cap, principal, principal - cap))
        late = [m for m in s.execute(select(DepositMovement).where(
            DepositMovement.kind == KIND_REFUND, DepositMovement.day <= on).order_by(DepositMovement.day)).scalars()
            if m.interest_detail and json.loads(m.interest_detail).get("late")]
        reco = s.execute(select(EscrowReconciliation).order_by(EscrowReconciliation.period.desc(),
                                                                EscrowReconciliation.id.desc())).scalars().first()
        # month-end balances of 100202: one grouped query, cumulated
        per_month = dict(s.execute(
            select(JournalEntry.period, func.sum(JournalLine.debit - JournalLine.credit))
            .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .where(JournalLine.account == ESCROW_BANK).group_by(JournalEntry.period)).all())
        ends = []
        y, m = on.year, on.month
        for _ in range(months):
            ends.append(_month_end(y, m))
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        ends.reverse()
        series = []
        for e in ends:
            p = f"{e:%Y-%m}"
            series.append(SeriesPoint(e, int(sum(v for k, v in per_month.items() if k <= p))))
        return Dashboard(on, held, sum(balances.values()), sum(1 for b in balances.values() if b > 0), tuple(due),
                         tuple(sorted(over, key=lambda r: -r.excess_fen)), tuple(_rows(s, late)),
                         _reco_row(reco) if reco else None, tuple(series))


def refunds_due(ctx: Ctx, on: dt.date | None = None) -> list[DueRow]:
    with ctx.read() as s:
        return due_list(s, on or ctx.today())


def _check_span(date_from, date_to) -> None:
    if not isinstance(date_from, dt.date) or not isinstance(date_to, dt.date):
        raise RuleViolation("请填写起止日期", "date_from")
    if date_to < date_from:
        raise RuleViolation("截止日期早于起始日期", "date_to")


_KIND_SUMMARY = {KIND_DEPOSIT: "收取押金", KIND_DEDUCTION: "扣除", KIND_INTEREST: "利息入账", KIND_REFUND: "退还押金"}


def _summary(m: DepositMovement) -> str:
    if m.kind == KIND_DEDUCTION:
        return f"扣除：{m.reason}"
    if m.kind == KIND_REFUND and m.reason.startswith(EXCESS_REASON):
        return EXCESS_REASON
    if m.kind == KIND_INTEREST:
        d = json.loads(m.interest_detail or "{}").get("periods") or []
        return f"利息入账（{d[0][0]}至{d[0][1]}）" if d else "利息入账"
    return f"{_KIND_SUMMARY[m.kind]}（{m.reason}）"


def resident_ledger(ctx: Ctx, resident_id: int, date_from: dt.date, date_to: dt.date) -> EscrowLedger:
    """The resident's deposit account (220901) for a span: opening, each
    movement with its running balance, closing."""
    _check_span(date_from, date_to)
    with ctx.read() as s:
        r = _resident(s, resident_id)
        opening = _balance(s, resident_id, date_from - ONE_DAY)
        moves = [m for m in _moves(s, resident_id) if date_from <= m.day <= date_to]
        rows, bal = [], opening
        for m in moves:
            signed = m.amount_fen if m.kind in (KIND_DEPOSIT, KIND_INTEREST) else -m.amount_fen
            bal += signed
            rows.append(LedgerLine(m.day, m.entry_id, m.id, m.number or m.voucher_no, m.kind, _summary(m),
                                   resident_id, r.name, max(signed, 0), max(-signed, 0), bal))
        return EscrowLedger(DEPOSITS, resident_id, r.name, date_from, date_to, opening, tuple(rows))


def account_ledger(ctx: Ctx, date_from: dt.date, date_to: dt.date) -> EscrowLedger:
    """The escrow bank account (100202) for a span, from the journal: every
    line, with the deposit movement (resident, number) that made it."""
    _check_span(date_from, date_to)
    with ctx.read() as s:
        opening = ledger.balance_in(s, ESCROW_BANK, date_from - ONE_DAY)
        q = (select(JournalEntry, JournalLine, DepositMovement)
             .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
             .outerjoin(DepositMovement, DepositMovement.entry_id == JournalEntry.id)
             .where(JournalLine.account == ESCROW_BANK, JournalEntry.entry_date >= date_from,
                    JournalEntry.entry_date <= date_to)
             .order_by(JournalEntry.entry_date, JournalEntry.id, JournalLine.id))
        found = s.execute(q).all()
        names = _names(s, [m.resident_id for _, _, m in found if m is not None])
        rows, bal = [], opening
        for e, x, m in found:
            bal += x.debit - x.credit
            rows.append(LedgerLine(e.entry_date, e.id, m.id if m else None, (m.number or m.voucher_no) if m else "",
                                   m.kind if m else "", _summary(m) if m else e.memo,
                                   m.resident_id if m else None, names.get(m.resident_id, "") if m else "",
                                   max(x.debit - x.credit, 0), max(x.credit - x.debit, 0), bal))
        return EscrowLedger(ESCROW_BANK, None, "", date_from, date_to, opening, tuple(rows))


# --- reconciliation ---------------------------------------------------------------------

def _period(period: str) -> tuple[str, dt.date]:
    try:
        y, m = str(period).split("-")
        end = _month_end(int(y), int(m))
    except (ValueError, AttributeError):
        raise RuleViolation(f"对账月份“{period}”格式应为YYYY-MM", "period") from None
    return f"{end:%Y-%m}", end


@busy.retrying
def reconcile(ctx: Ctx, period: str, bank_balance_fen: int, as_of: dt.date | None = None,
              source: str = "手工录入", note: str = "", lines: int = 0) -> ReconciliationRow:
    """Month-end reconciliation: the bank statement balance against the book
    balance of 100202 on the month's last day (or ``as_of``) and Σ residents'
    220901 balances. Stored with the difference (bank − book), reported."""
    ctx.require(Perm.FINANCE_WRITE)
    period, end = _period(period)
    p = Problems()
    if isinstance(bank_balance_fen, bool) or not isinstance(bank_balance_fen, int):
        p.add("bank_balance_fen", "银行对账单余额必须以分为单位的整数")
    elif bank_balance_fen < 0:
        p.add("bank_balance_fen", f"银行对账单余额不能为负数（{format_yuan(bank_balance_fen)}）：押金专户不能透支，请核对银行对账单")
    elif too_large(bank_balance_fen):
        p.add("bank_balance_fen", too_large_message("银行对账单余额", bank_balance_fen))
    as_of = as_of or end
    if not isinstance(as_of, dt.date) or f"{as_of:%Y-%m}" != period:
        p.add("as_of", f"对账日期应在{period}内")
    elif as_of > ctx.today():
        p.add("as_of", "对账日期不能晚于今天")
    p.raise_if_any()
    with ctx.write(Perm.FINANCE_WRITE) as s:
        book = ledger.balance_in(s, ESCROW_BANK, as_of)
        balances = _balances_on(s, as_of)
        total = sum(balances.values())
        row = EscrowReconciliation(period=period, as_of=as_of, bank_balance_fen=bank_balance_fen,
                                   book_balance_fen=book, residents_total_fen=total,
                                   difference_fen=bank_balance_fen - book, source=(source or "手工录入")[:200],
                                   note=(note or "").strip()[:300], lines=int(lines or 0), created_at=ctx.now(),
                                   created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        audit(ctx, s, "押金专户对账", "escrow_reconciliation", row.id, None, {
            "period": period, "as_of": as_of, "bank_balance_fen": bank_balance_fen, "book_balance_fen": book,
            "residents_total_fen": total, "difference_fen": row.difference_fen,
            "residents_difference_fen": book - total, "source": row.source})
        names = _names(s, balances)
        holdings = {rid: _holding(s, rid, as_of) for rid in balances}
        numbers = _numbers(s, [h[-1].contract_id for h in holdings.values() if h])
        residents = tuple(sorted((rid, names.get(rid, ""), numbers.get(h[-1].contract_id, "") if h else "",
                                  balances[rid]) for rid, h in holdings.items()))
        return _reco_row(row, residents)


def reconciliations(ctx: Ctx) -> list[ReconciliationRow]:
    with ctx.read() as s:
        return [_reco_row(r) for r in s.execute(select(EscrowReconciliation).order_by(
            EscrowReconciliation.period.desc(), EscrowReconciliation.id.desc())).scalars()]


_HEADERS = {
    "day": ("日期", "交易日期", "记账日期", "入账日期", "交易时间", "记账日", "date"),
    "summary": ("摘要", "交易摘要", "用途", "附言", "备注", "说明", "summary"),
    "in": ("收入", "收入金额", "贷方", "贷方金额", "存入", "存入金额", "贷方发生额", "credit"),
    "out": ("支出", "支出金额", "借方", "借方金额", "支取", "支取金额", "借方发生额", "debit"),
    "amount": ("金额", "交易金额", "发生额", "amount"),
    "balance": ("余额", "账户余额", "当前余额", "账面余额", "联机余额", "balance"),
}


def _header_map(row) -> dict[str, int]:
    found = {}
    for i, cell in enumerate(row):
        text = str(cell or "").strip().replace(" ", "").replace("（元）", "").replace("(元)", "").lower()
        for key, names in _HEADERS.items():
            if key not in found and text in names:
                found[key] = i
    return found


def _cell_date(v, row: int) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    text = str(v or "").strip()[:10].replace("/", "-").replace(".", "-")
    try:
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        y, m, d = text.split("-")
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise RuleViolation(f"第{row}行的日期“{v}”无法识别", "path") from None


def _cell_fen(v, row: int, what: str) -> int:
    if v is None or str(v).strip() in ("", "-", "—"):
        return 0
    if isinstance(v, float):
        v = Decimal(repr(v))
    try:
        return yuan_to_fen(str(v))
    except RuleViolation:
        raise RuleViolation(f"第{row}行的{what}“{v}”不是有效的金额", "path") from None


def _read_table(path: Path) -> list[tuple]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any unreadable workbook
            raise RuleViolation(f"无法读取银行对账单“{path.name}”：不是有效的XLSX文件", "path") from None
        try:
            return [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    if suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - gb18030 decodes any bytes
            raise RuleViolation(f"无法识别银行对账单“{path.name}”的文字编码", "path")
        return [tuple(r) for r in csv.reader(text.splitlines())]
    raise RuleViolation(f"银行对账单应为XLSX或CSV文件：“{path.name}”", "path")


def import_bank_statement(ctx: Ctx, path: str | Path) -> BankStatement:
    """Read a bank statement (XLSX or CSV): columns 日期, 摘要, 收入/支出 or
    金额, 余额 (common header names accepted, header row among the first 15).
    Returns the rows and the last balance; nothing is saved — the caller
    reconciles with ``reconcile(..., source=<file name>, lines=len(rows))``."""
    ctx.require(Perm.READ)
    path = Path(path)
    if not path.is_file():
        raise RuleViolation(f"找不到银行对账单文件“{path}”", "path")
    table = _read_table(path)
    head_at, cols = None, {}
    for i, row in enumerate(table[:15]):
        cols = _header_map(row)
        if "day" in cols and "balance" in cols:
            head_at = i
            break
    if head_at is None:
        raise RuleViolation("银行对账单中找不到表头：需要“日期”和“余额”列，以及“收入”“支出”或“金额”列", "path")
    if not ({"in", "out"} & cols.keys() or "amount" in cols):
        raise RuleViolation("银行对账单中找不到“收入”“支出”或“金额”列", "path")
    out = []
    for n, row in enumerate(table[head_at + 1:], start=head_at + 2):
        get = lambda k: row[cols[k]] if k in cols and cols[k] < len(row) else None  # noqa: E731
        if all(v is None or str(v).strip() == "" for v in row):
            continue
        first = str(get("day") or "").strip()
        if not first or first.startswith(("合计", "本页", "总计")):
            continue
        day = _cell_date(get("day"), n)
        if "amount" in cols and not ({"in", "out"} & cols.keys()):
            amt = _cell_fen(get("amount"), n, "金额")
            inc, outc = max(amt, 0), max(-amt, 0)
        else:
            inc, outc = _cell_fen(get("in"), n, "收入"), _cell_fen(get("out"), n, "支出")
        bal_raw = get("balance")
        bal = _cell_fen(bal_raw, n, "余额") if bal_raw not in (None, "") else None
        out.append(StatementRow(n, day, str(get("summary") or "").strip(), inc, outc, bal))
    if not out:
        raise RuleViolation("银行对账单中没有交易行", "path")
    if all(r.balance_fen is None for r in out):
        raise RuleViolation("银行对账单的“余额”列为空，无法对账", "path")
    return BankStatement(path.name, tuple(out))
