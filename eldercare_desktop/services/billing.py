"""The monthly billing run, one-off charges, the billing register.

Decisions:
- **Idempotent by differences.** A run computes every line the month should
  carry and compares it, per (contract, kind, label, start, one-off charge),
  with the bill lines already posted for the month (summed). Only the
  differences are posted, as new lines labelled “（补差）” or “（冲减）”. A
  second run of an unchanged month posts nothing; an amended contract gets
  only the difference. Posted lines are never edited.
- **Billing mode** (setting ``billing.mode``, :func:`billing_mode`): "advance"
  (按月预收, the default — the contract's "fees paid in advance by the 10th")
  bills a month's bed and care fees at its start and settles the month before
  (meals on the days present, one-off charges, bed/care differences) in the
  same run, as lines of that month; "after" bills the month once it is over,
  exactly as before. See :func:`run_billing`.
- **One journal entry per contract per run** (and per month billed), dated the
  month's last day (an advance bill: its first day):
  Dr 1121 (the resident) / Cr 430101–430104 per kind, netted per kind. A
  decrease is posted with the sides swapped (Dr income / Cr receivable), not
  with negative amounts (negatives are reserved for 红冲). Source:
  ``billing:{period}:contract:{id}:run:{run_id}``.
- **Prepayments** are applied after posting (Dr 2203 / Cr 1121 for
  min(prepaid, receivable)) for every resident the run charged more;
  ``services/payments.py`` did not exist when this was written, so this is a
  private bulk helper here (source ``billing:{period}:prepaid:{rid}:run:{run_id}``).
- **Speed.** Everything for the month is loaded with a handful of set-based
  queries and written with bulk inserts; every entry is still checked with
  ``domain.ledger.check_entry``. One audit row records the run (its entries,
  lines and totals) rather than one per entry.
- **All or nothing.** The run is one transaction: a cancel (``abort.is_set()``
  between contracts) or any error leaves no run, line or entry behind.
- Stays are inclusive of their ``end_date`` (the last day of service, as
  ``residents.discharge`` records it); a contract's service ends on
  ``min(end_date, termination_date)``.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from ..db.engine import BOOKS_LOCK, lock
from ..db.models import (
    BedAssignment,
    BillLine,
    BillRun,
    Charge,
    Contract,
    ContractTerm,
    FeeItem,
    JournalEntry,
    JournalLine,
    Leave,
    Resident,
    Stay,
)
from ..domain.billing import (
    ADVANCE_RULE,
    KIND_NAMES,
    MODES,
    PRORATION_RULE,
    ChargeLine,
    Rate,
    meal_charges,
    month_span,
    prorate_monthly,
)
from ..domain.billing_records import BillingRegister, BillingResult, RegisterRow, RunInfo
from ..domain.errors import Problems, RuleViolation
from ..domain.ledger import (
    INCOME_BED,
    INCOME_CARE,
    INCOME_MEALS,
    INCOME_OTHER,
    PREPAID,
    RECEIVABLE,
    Entry,
    Line,
    check_entry,
)
from ..domain.money import format_yuan
from ..domain.records import Changes
from ..domain.residents import Span
from ..domain.roles import Perm
from .amounts import too_large, too_large_message
from .audit import audit
from .context import Ctx
from .ledger import closed_periods_in
from . import busy

ONE_DAY = dt.timedelta(days=1)
INCOME = {"bed": INCOME_BED, "care": INCOME_CARE, "meals": INCOME_MEALS, "other": INCOME_OTHER}
UP, DOWN = "（补差）", "（冲减）"
MEAL_LABEL = "按日"
PROGRESS_EVERY = 50


class BillingCancelled(RuleViolation):
    def __init__(self, period: str):
        super().__init__(f"已取消{period}计费：本次未记任何账")


# --- helpers --------------------------------------------------------------------

def parse_period(period: str) -> Span:
    try:
        y, m = str(period).strip().split("-")
        return month_span(int(y), int(m))
    except (ValueError, AttributeError):
        raise RuleViolation(f"计费月份“{period}”格式应为YYYY-MM（如2026-03）", "period") from None


def _closed(s: Session, period: str) -> bool:
    closed = closed_periods_in(s)
    return period in closed or (bool(closed) and period <= max(closed))


def _clip(a: Span, b: Span) -> Span | None:
    start = max(a.start, b.start)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return Span(start, end) if start <= end else None


def _rates_from_terms(terms: list, span: Span) -> dict[str, list[Rate]]:
    """Terms sorted by effective date → rates; each applies from its effective
    date to the day before the next term. Only those overlapping ``span``."""
    out: dict[str, list[Rate]] = {"bed": [], "care": [], "meals": []}
    for i, t in enumerate(terms):
        end = terms[i + 1].effective_date - ONE_DAY if i + 1 < len(terms) else None
        rs = Span(t.effective_date, end)
        if _clip(rs, span) is None:
            continue
        for kind, fen, label in (("bed", t.bed_fee_fen, t.bed_label), ("care", t.care_fee_fen, t.care_level),
                                 ("meals", t.meal_rate_fen, MEAL_LABEL)):
            rates = out[kind]
            if rates and rates[-1].fen == fen and rates[-1].label == label:
                # an amendment that leaves this fee alone does not split its line
                rates[-1] = Rate(Span(rates[-1].span.start, end), fen, label)
            else:
                rates.append(Rate(rs, fen, label))
    return out


def rates_for_contract(s: Session, contract_id: int, span: Span) -> dict[str, list[Rate]]:
    """{"bed": [Rate], "care": [Rate], "meals": [Rate]} of a contract over ``span``."""
    terms = list(s.execute(select(ContractTerm).where(ContractTerm.contract_id == contract_id)
                           .order_by(ContractTerm.effective_date)).scalars())
    return _rates_from_terms(terms, span)


def service_span(c) -> Span:
    end = c.end_date if c.termination_date is None else min(c.end_date, c.termination_date)
    return Span(c.start_date, end)


def expected_lines(month: Span, contract, terms: list, stays: list[Span], leaves: list[Span],
                   charges: list) -> list[tuple[ChargeLine, int | None]]:
    """Every line the month should carry for one contract: (line, charge_id)."""
    service = _clip(service_span(contract), month)
    out: list[tuple[ChargeLine, int | None]] = []
    if service is None:
        return out
    rates = _rates_from_terms(terms, service)
    for stay in stays:
        part = _clip(service, stay)
        if part is None:
            continue
        for kind in ("bed", "care"):
            out += [(x, None) for x in prorate_monthly(kind, month, part, rates[kind]) if x.amount_fen]
        out += [(x, None) for x in meal_charges(month, part, rates["meals"], leaves) if x.amount_fen]
    for ch in charges:
        out.append((ChargeLine("other", ch.description, ch.day, ch.day, 1, ch.unit_fen, ch.amount_fen,
                               f"{ch.description} {format_yuan(ch.unit_fen)} × {ch.quantity}次"), ch.id))
    return out


def _base_label(label: str) -> str:
    for suffix in (UP, DOWN):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label


# --- one-off charges ------------------------------------------------------------

@busy.retrying
def record_charge(ctx: Ctx, resident_id: int, day: dt.date, description: str, quantity: int, unit_fen: int,
                  fee_item_id: int | None = None) -> Changes:
    """A one-off or per-use charge (e.g. 陪同就医 × 2), billed with its month."""
    perm = Perm.RESIDENT_WRITE if ctx.actor.can(Perm.RESIDENT_WRITE) else Perm.FINANCE_WRITE
    ctx.require(perm)
    p = Problems()
    description = (description or "").strip()
    if not description:
        p.add("description", "请填写收费内容")
    elif len(description) > 60:
        p.add("description", "收费内容不能超过60个字")
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        p.add("quantity", "数量必须是大于零的整数")
    if not isinstance(unit_fen, int) or isinstance(unit_fen, bool) or unit_fen <= 0:
        p.add("unit_fen", "单价必须大于零（以分为单位的整数）")
    elif isinstance(quantity, int) and too_large(unit_fen * max(quantity, 1)):
        p.add("unit_fen", too_large_message("金额", unit_fen * max(quantity, 1)))
    if not isinstance(day, dt.date):
        p.add("day", "请填写收费日期")
    elif day > ctx.today():
        p.add("day", f"收费日期{day:%Y-%m-%d}晚于今天，不能预先记录")
    p.raise_if_any()
    with ctx.write(perm) as s:
        period = f"{day:%Y-%m}"
        if _closed(s, period):
            raise RuleViolation(f"{period}已结账，不能再记录该月的收费", "day")
        r = s.get(Resident, resident_id)
        if r is None:
            raise RuleViolation(f"住户{resident_id}不存在", "resident_id")
        contract = s.execute(
            select(Contract).where(Contract.resident_id == resident_id, Contract.start_date <= day,
                                   Contract.end_date >= day,
                                   or_(Contract.termination_date.is_(None), Contract.termination_date >= day))
            .order_by(Contract.start_date.desc())).scalars().first()
        if contract is None:
            raise RuleViolation(f"{r.name}在{day:%Y-%m-%d}没有有效的服务合同，不能记录收费", "day")
        if fee_item_id is not None:
            item = s.get(FeeItem, fee_item_id)
            if item is None:
                raise RuleViolation(f"收费项目{fee_item_id}不存在", "fee_item_id")
        ch = Charge(resident_id=resident_id, contract_id=contract.id, day=day, fee_item_id=fee_item_id,
                    description=description, quantity=quantity, unit_fen=unit_fen, amount_fen=quantity * unit_fen,
                    created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(ch)
        s.flush()
        audit(ctx, s, "记录收费", "charge", ch.id, None, {
            "resident_id": resident_id, "contract": contract.number, "day": day, "description": description,
            "quantity": quantity, "unit_fen": unit_fen, "amount_fen": ch.amount_fen})
        cid = ch.id
    return Changes.of("charge", ids=(cid,), message=f"已记录收费：{description} {format_yuan(quantity * unit_fen)}")


# --- the run --------------------------------------------------------------------

def _load_month(s: Session, month: Span):
    """Contracts overlapping the month and, for them, terms, stays, leaves,
    one-off charges and the lines already posted — one query each."""
    overlap = and_(Contract.start_date <= month.end, Contract.end_date >= month.start,
                   or_(Contract.termination_date.is_(None), Contract.termination_date >= month.start))
    contracts = list(s.execute(
        select(Contract.id, Contract.number, Contract.resident_id, Contract.start_date, Contract.end_date,
               Contract.termination_date).where(overlap).order_by(Contract.id)).all())
    cids = select(Contract.id).where(overlap).scalar_subquery()
    rids = select(Contract.resident_id).where(overlap).scalar_subquery()
    terms: dict[int, list] = defaultdict(list)
    for t in s.execute(select(ContractTerm.contract_id, ContractTerm.effective_date, ContractTerm.bed_label,
                              ContractTerm.bed_fee_fen, ContractTerm.care_level, ContractTerm.care_fee_fen,
                              ContractTerm.meal_rate_fen).where(ContractTerm.contract_id.in_(cids))
                       .order_by(ContractTerm.contract_id, ContractTerm.effective_date)):
        terms[t.contract_id].append(t)
    stays: dict[int, list[Span]] = defaultdict(list)
    for rid, start, end in s.execute(select(Stay.resident_id, Stay.start_date, Stay.end_date).where(
            Stay.resident_id.in_(rids), Stay.start_date <= month.end,
            or_(Stay.end_date.is_(None), Stay.end_date >= month.start))):
        stays[rid].append(Span(start, end))
    leaves: dict[int, list[Span]] = defaultdict(list)
    for rid, first, last in s.execute(select(Leave.resident_id, Leave.first_day, Leave.last_day).where(
            Leave.resident_id.in_(rids), Leave.first_day <= month.end,
            or_(Leave.last_day.is_(None), Leave.last_day >= month.start))):
        leaves[rid].append(Span(first, last))
    charges: dict[int, list] = defaultdict(list)
    for ch in s.execute(select(Charge.id, Charge.contract_id, Charge.day, Charge.description, Charge.quantity,
                               Charge.unit_fen, Charge.amount_fen)
                        .where(Charge.day >= month.start, Charge.day <= month.end).order_by(Charge.day, Charge.id)):
        charges[ch.contract_id].append(ch)
    return contracts, terms, stays, leaves, charges


def _existing(s: Session, period: str) -> dict[int, dict[tuple, list]]:
    """{contract_id: {(kind, label, start, charge_id): [amount, end, days, rate]}} posted for the period."""
    out: dict[int, dict[tuple, list]] = defaultdict(dict)
    for cid, kind, label, start, end, days, rate, amount, charge_id in s.execute(
            select(BillLine.contract_id, BillLine.kind, BillLine.label, BillLine.start_date, BillLine.end_date,
                   BillLine.days, BillLine.rate_fen, BillLine.amount_fen, BillLine.charge_id)
            .where(BillLine.period == period).order_by(BillLine.id)):
        key = (kind, _base_label(label), start, charge_id)
        cur = out[cid].get(key)
        if cur is None:
            out[cid][key] = [amount, end, days, rate]
        else:
            cur[0] += amount
    return out


def _differences(expected: list[tuple[ChargeLine, int | None]], posted: dict[tuple, list]) -> list[dict]:
    """Lines to add so that the posted sums equal the expected ones."""
    want: dict[tuple, tuple[ChargeLine, int | None]] = {}
    sums: dict[tuple, int] = defaultdict(int)
    for line, charge_id in expected:
        key = (line.kind, line.label, line.start, charge_id)
        sums[key] += line.amount_fen
        want.setdefault(key, (line, charge_id))
    out = []
    for key, (line, charge_id) in want.items():
        have = posted.get(key)
        target = sums[key]
        if have is None:
            out.append(dict(kind=line.kind, label=line.label, start_date=line.start, end_date=line.end,
                            days=line.days, rate_fen=line.rate_fen, amount_fen=target, basis=line.basis,
                            charge_id=charge_id))
            continue
        diff = target - have[0]
        if diff:
            out.append(dict(kind=line.kind, label=line.label + (UP if diff > 0 else DOWN), start_date=line.start,
                            end_date=line.end, days=line.days, rate_fen=line.rate_fen, amount_fen=diff,
                            basis=f"现应计{format_yuan(target)}（{line.basis}），已计{format_yuan(have[0])}，"
                                  f"{'补收' if diff > 0 else '冲减'}{format_yuan(abs(diff))}",
                            charge_id=charge_id))
    for key, have in posted.items():
        if key not in want and have[0]:
            kind, label, start, charge_id = key
            out.append(dict(kind=kind, label=label + DOWN, start_date=start, end_date=have[1], days=have[2],
                            rate_fen=have[3], amount_fen=-have[0],
                            basis=f"合同条款变更后本项不再计费，冲减已计{format_yuan(have[0])}", charge_id=charge_id))
    return out


def _billing_entry(day: dt.date, period: str, number: str, rid: int, diffs: list[dict], source: str,
                   memo: str | None = None) -> Entry | None:
    net: dict[str, int] = defaultdict(int)
    for d in diffs:
        net[d["kind"]] += d["amount_fen"]
    total = sum(net.values())
    lines: list[Line] = []
    if total:
        lines.append(Line(RECEIVABLE, debit=total, resident_id=rid, memo=f"{period}费用") if total > 0 else
                     Line(RECEIVABLE, credit=-total, resident_id=rid, memo=f"{period}费用冲减"))
    for kind in KIND_NAMES:
        n = net.get(kind, 0)
        if n > 0:
            lines.append(Line(INCOME[kind], credit=n, memo=KIND_NAMES[kind]))
        elif n < 0:
            lines.append(Line(INCOME[kind], debit=-n, memo=f"{KIND_NAMES[kind]}冲减"))
    if len(lines) < 2:
        return None  # differences that net to nothing per kind: lines only, no money moves
    return Entry(day, f"{memo or f'{period}月度计费'}（合同{number}）", tuple(lines), source=source)


def billing_mode(s: Session) -> str:
    """The centre's billing mode (setting "billing.mode"): "advance" or "after"."""
    from . import settings

    mode = (settings.get(s, "billing.mode") or "").strip()
    return mode if mode in MODES else settings.DEFAULTS["billing.mode"]


def mode_stamp(ctx: Ctx) -> str:
    """The 计费方式 setting's version as read (set_mode's expected_stamp)."""
    from . import settings

    with ctx.read() as s:
        return settings.stamp(s, ("billing.mode",))


def current_mode(ctx: Ctx) -> str:
    with ctx.read() as s:
        return billing_mode(s)


@busy.retrying
def set_mode(ctx: Ctx, mode: str, *, expected_stamp: str | None = None) -> Changes:
    """Bill in advance (按月预收) or after the month (按月后付), from the next run
    on; bills already made stay as they are. Audited."""
    from . import settings

    ctx.require(Perm.FINANCE_WRITE)
    if mode not in MODES:
        raise RuleViolation(f"计费方式应为：{'；'.join(f'{k}（{v}）' for k, v in MODES.items())}", "mode")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        old = billing_mode(s)
        settings.save_group(s, ("billing.mode",), expected_stamp, "计费方式", touch=old != mode)
        settings.put(s, "billing.mode", mode)
        if old != mode:
            audit(ctx, s, "修改计费方式", "setting", "billing.mode", {"mode": old}, {"mode": mode})
    return Changes.of("setting", "billing", message=f"计费方式：{MODES[mode]}（从下一次计费起）")


def _previous_period(month: Span) -> tuple[str, Span]:
    prev = parse_period(f"{month.start - ONE_DAY:%Y-%m}")
    return f"{prev.start:%Y-%m}", prev


@busy.retrying
def run_billing(ctx: Ctx, period: str, progress: Callable[[float, str], None] | None = None,
                abort=None) -> BillingResult:
    """Bill every contract overlapping the month; post only what differs from
    what the month already carries. One transaction: all or nothing.

    After the month (billing.mode "after"): the month's bed, care, meal and
    other fees on the day-based rules, dated the month's last day.

    In advance (billing.mode "advance", 按月预收): the month's bed and care fees
    as known on the run day (full monthly rates, from the admission day when
    the service starts in the month), dated its first day; and, if the month
    before was billed, that month settled — its meals on the days present and
    one-off charges, and the difference between its advance bed/care lines
    and the day-based rules (leave, discharge, care-level or price change) as
    （补差）/（冲减） lines of that month, dated its last day (the run month's
    first day if it is closed). A month already over on the run day has
    nothing left to bill in advance: it is billed on the actual days, as
    after the month (a catch-up run), the month before still settled."""
    ctx.require(Perm.FINANCE_WRITE)
    month = parse_period(period)
    period = f"{month.start:%Y-%m}"
    if ctx.today() < month.start:
        raise RuleViolation(f"{period}尚未开始，不能计费", "period")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        lock(s, BOOKS_LOCK)  # runs, closes and settlements from several PCs take turns
        if _closed(s, period):
            raise RuleViolation(f"{period}已结账，不能再计费", "period")
        closed = closed_periods_in(s)
        # passes: (bill period, its month, kinds billed (None = all), entry day, memo)
        passes = [(period, month, None, month.end, f"{period}月度计费")]
        advance = False
        if billing_mode(s) == "advance":
            prev_period, prev = _previous_period(month)
            if s.execute(select(BillRun.id).where(BillRun.period == prev_period).limit(1)).first() is not None:
                # the month before was billed: settle it (meals, one-offs, differences)
                passes.insert(0, (prev_period, prev, None,
                                  month.start if _is_closed_period(prev_period, closed) else prev.end,
                                  f"{prev_period}月度结算"))
            if ctx.today() <= month.end:
                # the month is not over: its bed and care fees in advance, meals after it
                advance = True
                passes[-1] = (period, month, ("bed", "care"), month.start, f"{period}按月预收")
        rule = ADVANCE_RULE if advance else PRORATION_RULE
        now = ctx.now()
        run = BillRun(period=period, started_at=now, contracts=0, lines=0, total_fen=0, rule=rule,
                      created_by=ctx.actor.username)
        s.add(run)
        s.flush()
        run_id = run.id
        loaded = [(p_, m_, kinds, day, memo, _load_month(s, m_), _existing(s, p_))
                  for p_, m_, kinds, day, memo in passes]
        looked = {c.id for *_, data, _ in loaded for c in data[0]}
        n = len(looked)
        total_steps = max(sum(len(data[0]) for *_, data, _ in loaded), 1)
        if progress:
            progress(0.0, f"计费：共{n}份合同")
        bill_rows: list[dict] = []
        entries: list[tuple[Entry, list[dict]]] = []  # entry and the bill rows it covers
        added: dict[int, int] = defaultdict(int)  # resident → net added
        changed_ids: set[int] = set()
        step = 0
        for p_, m_, kinds, day, memo, (contracts, terms, stays, leaves, charges), posted in loaded:
            for c in contracts:
                if abort is not None and abort.is_set():
                    raise BillingCancelled(period)
                if progress and step and step % PROGRESS_EVERY == 0:
                    progress(step / total_steps * 0.9, f"计费：{step}/{total_steps}")
                step += 1
                exp = expected_lines(m_, c, terms.get(c.id, []), stays.get(c.resident_id, []),
                                     leaves.get(c.resident_id, []), charges.get(c.id, []))
                have = posted.get(c.id, {})
                if kinds is not None:
                    exp = [x for x in exp if x[0].kind in kinds]
                    have = {k: v for k, v in have.items() if k[0] in kinds}
                diffs = _differences(exp, have)
                if not diffs:
                    continue
                changed_ids.add(c.id)
                for d in diffs:
                    d.update(run_id=run_id, period=p_, contract_id=c.id, resident_id=c.resident_id)
                    if kinds is not None and not d["label"].endswith((UP, DOWN)):
                        d["basis"] = f"按月预收：{d['basis']}"
                bill_rows += diffs
                e = _billing_entry(day, p_, c.number, c.resident_id, diffs,
                                   f"billing:{p_}:contract:{c.id}:run:{run_id}", memo)
                if e is not None:
                    check_entry(e, closed)
                    entries.append((e, diffs))
                added[c.resident_id] += sum(d["amount_fen"] for d in diffs)
        changed = len(changed_ids)
        if abort is not None and abort.is_set():
            raise BillingCancelled(period)
        prepaid_entries = _prepayments(s, period, month.start if advance else month.end, run_id, added, closed)
        if not bill_rows and not prepaid_entries:
            # nothing differs: no run in the run log, only the audit trail says it was checked
            s.execute(delete(BillRun).where(BillRun.id == run_id))
            audit(ctx, s, "月度计费（无差额）", "bill_run", period, None, {"period": period, "contracts": n})
            if progress:
                progress(1.0, f"计费完成：{n}份合同，无差额")
            return BillingResult(period, 0, n, 0, 0, 0, 0, 0, rule)
        all_entries = [e for e, _ in entries] + prepaid_entries
        ids = _post_bulk(ctx, s, all_entries, now)
        for (e, diffs), eid in zip(entries, ids):
            for d in diffs:
                d["entry_id"] = eid
        for d in bill_rows:
            d.setdefault("entry_id", None)
        if bill_rows:
            s.execute(insert(BillLine.__table__), bill_rows)
        total = sum(added.values())
        applied = sum(e.total for e in prepaid_entries)
        s.execute(update(BillRun).where(BillRun.id == run_id).values(
            finished_at=ctx.now(), contracts=n, lines=len(bill_rows), total_fen=total))
        audit(ctx, s, "月度计费", "bill_run", run_id, None, {
            "period": period, "contracts": n, "contracts_changed": changed, "lines": len(bill_rows),
            "total_fen": total, "prepaid_applied_fen": applied, "entries": len(ids),
            "entry_ids": [min(ids), max(ids)] if ids else [], "rule": rule,
            "mode": "advance" if advance else "after", "periods": [x[0] for x in passes]})
        if progress:
            progress(1.0, f"计费完成：{n}份合同")
    return BillingResult(period, run_id, n, changed, len(bill_rows), len(ids), total, applied, rule)


def _prepayments(s: Session, period: str, day: dt.date, run_id: int, added: dict[int, int],
                 closed: frozenset[str]) -> list[Entry]:
    """Apply prepaid balances to the receivables this run increased:
    Dr 2203 / Cr 1121 for min(prepaid, receivable after the run)."""
    rids = [r for r, amount in added.items() if amount > 0]
    if not rids:
        return []
    bal: dict[tuple[int, str], int] = {}
    for chunk in (rids[i:i + 500] for i in range(0, len(rids), 500)):
        for rid, account, dmc in s.execute(
                select(JournalLine.resident_id, JournalLine.account, func.sum(JournalLine.debit - JournalLine.credit))
                .where(JournalLine.account.in_([RECEIVABLE, PREPAID]), JournalLine.resident_id.in_(chunk))
                .group_by(JournalLine.resident_id, JournalLine.account)):
            bal[(rid, account)] = int(dmc)
    out = []
    for rid in rids:
        receivable = bal.get((rid, RECEIVABLE), 0) + added[rid]
        prepaid = -bal.get((rid, PREPAID), 0)  # credit balance
        amount = min(receivable, prepaid)
        if amount <= 0:
            continue
        e = Entry(day, f"{period}预收款抵扣应收费用", (
            Line(PREPAID, debit=amount, resident_id=rid, memo="预收款抵扣"),
            Line(RECEIVABLE, credit=amount, resident_id=rid, memo=f"{period}费用"),
        ), source=f"billing:{period}:prepaid:{rid}:run:{run_id}")
        check_entry(e, closed)
        out.append(e)
    return out


def _post_bulk(ctx: Ctx, s: Session, entries: list[Entry], now: dt.datetime) -> list[int]:
    """Insert checked entries and their lines in bulk; ids in the given order."""
    if not entries:
        return []
    rows = [dict(entry_date=e.day, period=f"{e.day:%Y-%m}", memo=e.memo, source=e.source, reverses_id=None,
                 created_at=now, created_by=ctx.actor.username) for e in entries]
    tbl = JournalEntry.__table__  # Core executemany: one batched statement, not one per row
    ids = list(s.execute(insert(tbl).returning(tbl.c.id, sort_by_parameter_order=True), rows).scalars())
    lines = [dict(entry_id=eid, account=x.account, debit=x.debit, credit=x.credit, resident_id=x.resident_id,
                  memo=x.memo) for e, eid in zip(entries, ids) for x in e.lines]
    s.execute(insert(JournalLine.__table__), lines)
    return ids


def _is_closed_period(period: str, closed: frozenset[str]) -> bool:
    return period in closed or any(p >= period for p in closed)


# --- reads ----------------------------------------------------------------------


def billing_register(ctx: Ctx, period: str) -> BillingRegister:
    """计费汇总表: per contract, the month's bed/care/meals/other totals."""
    month = parse_period(period)
    period = f"{month.start:%Y-%m}"
    with ctx.read() as s:
        q = (select(BillLine.contract_id, BillLine.kind, func.sum(BillLine.amount_fen))
             .where(BillLine.period == period).group_by(BillLine.contract_id, BillLine.kind))
        sums: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for cid, kind, amount in s.execute(q):
            sums[cid][kind] += int(amount)
        info = {}
        if sums:
            for cid, number, rid, name in s.execute(
                    select(Contract.id, Contract.number, Resident.id, Resident.name)
                    .join(Resident, Resident.id == Contract.resident_id)
                    .where(Contract.id.in_(select(BillLine.contract_id).where(BillLine.period == period)))):
                info[cid] = (number, rid, name)
    rows = []
    for cid, k in sums.items():
        number, rid, name = info[cid]
        rows.append(RegisterRow(rid, name, cid, number, k["bed"], k["care"], k["meals"], k["other"]))
    rows.sort(key=lambda r: (r.contract_number, r.contract_id))
    return BillingRegister(period, tuple(rows))


def runs(ctx: Ctx, period: str | None = None) -> list[RunInfo]:
    with ctx.read() as s:
        q = select(BillRun).order_by(BillRun.id)
        if period is not None:
            q = q.where(BillRun.period == f"{parse_period(period).start:%Y-%m}")
        return [RunInfo(r.id, r.period, r.started_at, r.finished_at, r.contracts, r.lines, r.total_fen, r.rule,
                        r.created_by) for r in s.execute(q).scalars()]


def bed_labels_on(s: Session, resident_ids, day: dt.date) -> dict[int, str]:
    """The bed (e.g. "A101-1") each resident occupied on ``day`` (or last before)."""
    from ..db.models import Bed, Room

    out: dict[int, str] = {}
    q = (select(BedAssignment.resident_id, Room.building, Room.number, Bed.label)
         .join(Bed, Bed.id == BedAssignment.bed_id).join(Room, Room.id == Bed.room_id)
         .where(BedAssignment.resident_id.in_(resident_ids), BedAssignment.start_date <= day)
         .order_by(BedAssignment.start_date, BedAssignment.id))
    for rid, building, number, label in s.execute(q):
        out[rid] = f"{building}{number}-{label}"
    return out
