"""Service contracts (养老服务合同): sign with a fee snapshot and a checked
deposit, amend with effective dates, terminate with a settlement.

Decisions:
- The front desk (Perm.RESIDENT_WRITE) signs, amends and terminates. The
  settlement entry is a money movement kept for those who keep the books
  (Perm.FINANCE_WRITE, segregation of duties): when the terminating user has it (admin) the entry is
  posted in the same transaction; otherwise the contract is terminated with
  the settlement pending and the accountant posts it with
  :func:`post_settlement` (the figures are recomputed then, from the bill
  lines as they stand).
- The fee snapshot takes the prices in effect on the start date for the
  resident's current bed type, current care level (the latest 已生效
  change) and meals. Explicit fees (a negotiated price) need a reason, kept
  in the clauses JSON and on the first term.
- A resident has at most one contract on any day; a terminated contract
  covers its days up to the last day of service.
- The settlement brings every month billed from the last day's month on
  in line with the service actually given, by the billing machinery itself
  (billing_settlement.settlement_rows_in shows it, .settle_contract_in posts
  it, from the same lines): fees billed for days after the last day come
  off, fees owed for days served but not yet billed (a care level raised
  after an advance bill) come on; difference lines per month and entries
  on income (bed/care/meals) against 1121 receivable, source
  ``settlement:<period>:contract:<id>`` — so a later billing run of those
  months finds nothing more to do. A resulting credit balance
  (receivable − prepaid < 0) is the amount to pay out: reported.
- The per-month breakdown is kept in the clauses JSON (``_settlement``)
  for the printed contract.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Bed, BedAssignment, CareLevelChange, Centre, Contact, Contract, ContractTerm, FeeItem, \
    FeePrice, Resident, Room, Stay
from ..domain.care import CARE_EFFECTIVE
from ..domain.billing import Rate
from ..domain.contract_records import AmendmentInput, ContractDetail, ContractInput, ContractRow, PartyA, TermInfo
from ..domain.contracts import (
    ACTIVE,
    AMENDMENT_KINDS,
    CLAUSE_TITLES,
    SELF,
    SIGNED,
    TERMINATED,
    TERMINATION_REASONS,
    Settlement,
    SettlementLine,
    check_deposit,
    contract_span,
    deposit_cap,
    deposit_excess,
    default_clauses,
    monthly_service_fee,
    overlap_problem,
    settlement_of,
)
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.ledger import INCOME_BED, INCOME_CARE, INCOME_MEALS, PREPAID, RECEIVABLE
from ..domain.money import format_yuan
from ..domain.records import Changes, bed_code
from ..domain.residents import ACTIVE_STATUSES, Span
from ..domain.roles import Perm
from . import billing_settlement, ledger
from .audit import audit
from .centre import get_profile
from .context import Ctx
from .fees import rates_in
from .numbering import next_number
from .output import Written, write_document
from . import busy
from . import versions

ONE_DAY = dt.timedelta(days=1)
MEAL_LABEL = "膳食"
INCOME = {"bed": INCOME_BED, "care": INCOME_CARE, "meals": INCOME_MEALS}
FEE_FIELDS = {"bed_fee_fen": "床位费", "care_fee_fen": "护理费", "meal_rate_fen": "伙食费日标准"}


# --- helpers inside a session -------------------------------------------------------

def _resident(s: Session, rid: int) -> Resident:
    r = s.get(Resident, rid)
    if r is None:
        raise NotFound("住户不存在")
    return r


def _contract(s: Session, cid: int) -> Contract:
    c = s.get(Contract, cid)
    if c is None:
        raise NotFound(f"合同{cid}不存在")
    return c


def _current_bed(s: Session, rid: int):
    return s.execute(select(Bed, Room).join(BedAssignment, BedAssignment.bed_id == Bed.id)
                     .join(Room, Room.id == Bed.room_id)
                     .where(BedAssignment.resident_id == rid, BedAssignment.end_date.is_(None))).first()


def _care_level(s: Session, rid: int) -> str:
    return s.execute(select(CareLevelChange.new_level)
                     .where(CareLevelChange.resident_id == rid, CareLevelChange.status == CARE_EFFECTIVE)
                     .order_by(CareLevelChange.effective_date.desc(), CareLevelChange.id.desc())
                     ).scalars().first() or ""


def _multiplier(s: Session) -> Decimal:
    c = s.get(Centre, 1)
    return get_profile(c.policy_profile if c else "national").deposit_cap_multiplier


def _refund_days(s: Session) -> int:
    c = s.get(Centre, 1)
    return get_profile(c.policy_profile if c else "national").deposit_refund_days


def _price(s: Session, kind: str, key: str, day: dt.date, field: str, p: Problems) -> tuple[int, str] | None:
    try:
        rates = rates_in(s, kind, key, Span(day, day))
    except RuleViolation as e:
        p.add(field, e.message)
        return None
    if not rates:
        what = {"bed": f"“{key}”床位费", "care": f"“{key}”护理费", "meals": "伙食费"}[kind]
        p.add(field, f"收费标准中没有{what}在{day:%Y-%m-%d}的价格")
        return None
    return rates[0].fen, rates[0].label


def _next_number(s: Session, year: int) -> str:
    return next_number(s, Contract.number, f"HT{year}-")


def _spans(s: Session, rid: int, except_id: int | None = None) -> list[tuple[str, Span]]:
    q = select(Contract).where(Contract.resident_id == rid).order_by(Contract.start_date)
    if except_id is not None:
        q = q.where(Contract.id != except_id)
    return [(c.number, contract_span(c.start_date, c.end_date, c.termination_date)) for c in s.execute(q).scalars()]


def _terms(s: Session, cid: int) -> list[ContractTerm]:
    return list(s.execute(select(ContractTerm).where(ContractTerm.contract_id == cid)
                          .order_by(ContractTerm.effective_date)).scalars())


def _term_info(t: ContractTerm) -> TermInfo:
    return TermInfo(t.id, t.effective_date, t.kind, t.bed_label, t.bed_fee_fen, t.care_level, t.care_fee_fen,
                    t.meal_rate_fen, t.description, t.consent_by, t.consent_date)


def _in_effect(terms: list, day: dt.date):
    now = [t for t in terms if t.effective_date <= day]
    return now[-1] if now else terms[0]


def _meta(c: Contract) -> dict:
    try:
        return json.loads(c.clauses or "{}")
    except ValueError:
        return {}


def _fee_value(value, name: str, field: str, p: Problems) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        p.add(field, f"{name}必须以分为单位的整数")
    elif value < 0:
        p.add(field, f"{name}不能为负数")


def terms_in(s: Session, contract_id: int, span: Span) -> dict[str, list[Rate]]:
    """The contract's fees as domain.billing.Rate lists per kind (bed, care,
    meals), each term running to the day before the next, clipped to the
    contract's days (to the last day of service once terminated) and to ``span``."""
    c = _contract(s, contract_id)
    whole = contract_span(c.start_date, c.end_date, c.termination_date)
    terms = _terms(s, contract_id)
    out: dict[str, list[Rate]] = {"bed": [], "care": [], "meals": []}
    for i, t in enumerate(terms):
        t_end = terms[i + 1].effective_date - ONE_DAY if i + 1 < len(terms) else whole.end
        start = max(t.effective_date, whole.start, span.start)
        end = min(t_end, whole.end, span.end or dt.date.max)
        if start > end:
            continue
        sp = Span(start, end)
        out["bed"].append(Rate(sp, t.bed_fee_fen, t.bed_label))
        out["care"].append(Rate(sp, t.care_fee_fen, t.care_level))
        out["meals"].append(Rate(sp, t.meal_rate_fen, MEAL_LABEL))
    return out


def contract_for_in(s: Session, resident_id: int, day: dt.date) -> Contract | None:
    for c in s.execute(select(Contract).where(Contract.resident_id == resident_id, Contract.start_date <= day)
                       .order_by(Contract.start_date.desc())).scalars():
        if contract_span(c.start_date, c.end_date, c.termination_date).contains(day):
            return c
    return None


def _compute_settlement(s: Session, c: Contract) -> Settlement:
    """The settlement of a terminated contract (termination_date set): what
    the billing machinery posts for it, per month and kind."""
    return settlement_of(c.termination_date, billing_settlement.settlement_rows_in(s, c.id))


def _resident_balance(s: Session, rid: int) -> int:
    return ledger.balance_in(s, RECEIVABLE, resident_id=rid) - ledger.balance_in(s, PREPAID, resident_id=rid)


def _post_settlement(ctx: Ctx, s: Session, c: Contract, st: Settlement) -> int | None:
    """The settlement goes on the resident's account through the billing
    machinery itself (difference lines and entries per month), so a later
    billing run finds nothing left to do; ``st`` (computed from the same
    lines) is kept for the contract's printed settlement."""
    ids, _net = billing_settlement.settle_contract_in(ctx, s, c.id, ctx.today())
    c.settlement_entry_id = ids[-1] if ids else None
    meta = _meta(c)
    meta["_settlement"] = [{"period": x.period, "kind": x.kind, "billed_fen": x.billed_fen, "due_fen": x.due_fen,
                            "refund_fen": x.refund_fen, "basis": x.basis} for x in st.lines]
    meta["_settlement_entries"] = ids
    c.clauses = json.dumps(meta, ensure_ascii=False)
    return c.settlement_entry_id


def settlement_words(total_fen: int, entry_id: int | None) -> str:
    """未到期费用¥…已冲减应收账款 (refunded) or 按实际服务应补收¥…已计入应收账款 (owed)."""
    if total_fen >= 0:
        words, posted = f"未到期费用{format_yuan(total_fen)}", "已冲减应收账款"
    else:
        words, posted = f"按实际服务应补收{format_yuan(-total_fen)}", "已计入应收账款"
    return words + (f"{posted}（凭证{entry_id}）" if entry_id else "待会计记账（终止结算）")


# --- write services ---------------------------------------------------------------------

@busy.retrying
def sign_contract(ctx: Ctx, data: ContractInput) -> Changes:
    """签订: number HT<year>-NNNN, fee snapshot, deposit within the cap,
    clauses; writes the contract and its first term (签订)."""
    ctx.require(Perm.RESIDENT_WRITE)
    today = ctx.today()
    signed = data.signed_date or today
    p = Problems()
    if not isinstance(data.start_date, dt.date):
        p.add("start_date", "请填写合同开始日期")
    if not isinstance(data.end_date, dt.date):
        p.add("end_date", "请填写合同结束日期")
    elif isinstance(data.start_date, dt.date) and data.end_date <= data.start_date:
        p.add("end_date", "合同结束日期应晚于开始日期")
    if signed > today:
        p.add("signed_date", "签订日期不能晚于今天")
    name, relation = (data.signer_name or "").strip(), (data.signer_relation or "").strip()
    if not name:
        p.add("signer", "请填写签约人姓名")
    if not relation:
        p.add("signer", "请填写签约人与老人的关系（本人或代理人）")
    for f, label in FEE_FIELDS.items():
        _fee_value(getattr(data, f), label, f, p)
    overridden = [f for f in FEE_FIELDS if getattr(data, f) is not None]
    reason = (data.fee_override_reason or "").strip()
    if overridden and not reason:
        p.add("fee_override_reason", "约定的收费与收费标准不同，请填写协商原因")
    if isinstance(data.deposit_fen, bool) or not isinstance(data.deposit_fen, int) or data.deposit_fen < 0:
        p.add("deposit", "押金金额必须是不小于零的整数（分）")
    unknown = set(data.clauses) - {k for k, _ in CLAUSE_TITLES}
    if unknown:
        p.add("clauses", f"未知的合同条款：{'、'.join(sorted(unknown))}")
    empty = [t for k, t in CLAUSE_TITLES if k in data.clauses and not str(data.clauses[k]).strip()]
    if empty:
        p.add("clauses", f"合同条款不能为空：{'、'.join(empty)}")
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        r = _resident(s, data.resident_id)
        if r.status not in (x.value for x in ACTIVE_STATUSES):
            raise RuleViolation(f"“{r.name}”目前{r.status}，不能签订服务合同")
        if relation == SELF and name != r.name:
            p.add("signer", f"签约人为本人时，姓名应为“{r.name}”")
        stay = s.execute(select(Stay).where(Stay.resident_id == r.id, Stay.end_date.is_(None))).scalars().first()
        if stay is not None and data.start_date < stay.start_date:
            p.add("start_date", f"合同开始日期不能早于本次入住日期{stay.start_date:%Y-%m-%d}")
        bed = _current_bed(s, r.id)
        level = _care_level(s, r.id)
        if bed is None and data.bed_fee_fen is None:
            p.add("bed", f"“{r.name}”尚未分配床位，无法确定床位费")
        if not level:
            p.add("care_level", "请先完成能力评估，确定照护等级")
        problem = overlap_problem(Span(data.start_date, data.end_date), _spans(s, r.id))
        if problem:
            p.add("start_date", problem)
        p.raise_if_any()
        bed_type = bed[0].bed_type if bed else ""
        bed_price = _price(s, "bed", bed_type, data.start_date, "bed_fee_fen", p) if bed else None
        care_price = _price(s, "care", level, data.start_date, "care_fee_fen", p)
        meal_price = _price(s, "meals", "", data.start_date, "meal_rate_fen", p)
        # an explicit fee replaces the schedule's: its absence there is no problem then
        p.items = [x for x in p.items if getattr(data, x.field, None) is None]
        p.raise_if_any()
        bed_fee = data.bed_fee_fen if data.bed_fee_fen is not None else bed_price[0]
        care_fee = data.care_fee_fen if data.care_fee_fen is not None else care_price[0]
        meal_rate = data.meal_rate_fen if data.meal_rate_fen is not None else meal_price[0]
        bed_label = bed_price[1] if bed_price else (f"{bed_type}床位" if bed_type else "床位")
        mult = _multiplier(s)
        monthly = monthly_service_fee(bed_fee, care_fee, meal_rate)
        cap = deposit_cap(monthly, mult)
        check_deposit(data.deposit_fen, cap, mult)
        clauses = {**default_clauses(_refund_days(s)), **{k: str(v).strip() for k, v in data.clauses.items()}}
        meta = {**clauses, "_fee_override_reason": reason, "_fee_overrides": overridden}
        number = _next_number(s, signed.year)
        c = Contract(number=number, resident_id=r.id, signed_date=signed, start_date=data.start_date,
                     end_date=data.end_date, signer_name=name, signer_relation=relation,
                     deposit_fen=data.deposit_fen, payment_terms=clauses["payment"][:300],
                     clauses=json.dumps(meta, ensure_ascii=False), status=ACTIVE,
                     created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(c)
        s.flush()
        desc = f"约定价格（{reason}）" if overridden else "按收费标准"
        s.add(ContractTerm(contract_id=c.id, effective_date=data.start_date, kind=SIGNED, bed_label=bed_label,
                           bed_fee_fen=bed_fee, care_level=level, care_fee_fen=care_fee, meal_rate_fen=meal_rate,
                           description=desc, consent_by=name, consent_date=signed,
                           created_at=ctx.now(), created_by=ctx.actor.username))
        s.flush()
        audit(ctx, s, "签订合同", "contract", c.id, None, {
            "number": number, "resident": r.id, "start": data.start_date, "end": data.end_date,
            "signer": name, "relation": relation, "deposit": data.deposit_fen, "bed": bed_fee, "care": care_fee,
            "meals": meal_rate, "care_level": level, "monthly": monthly, "cap": cap, "override": reason})
        return Changes.of("contract", ids=(c.id,),
                          message=f"已签订合同{number}：月服务费{format_yuan(monthly)}，押金{format_yuan(data.deposit_fen)}"
                                  f"（上限{format_yuan(cap)}）")


@busy.retrying
def amend_contract(ctx: Ctx, data: AmendmentInput) -> Changes:
    """A dated change of fees (照护等级变更 with consent, 调床, 调价, 其他).
    A deposit left above the new cap is flagged in the message, not refused."""
    ctx.require(Perm.RESIDENT_WRITE)
    today = ctx.today()
    p = Problems()
    if data.kind not in AMENDMENT_KINDS:
        p.add("kind", f"变更类型应为{'、'.join(AMENDMENT_KINDS)}之一")
    if not isinstance(data.effective_date, dt.date):
        p.add("effective_date", "请填写生效日期")
    for f, label in FEE_FIELDS.items():
        _fee_value(getattr(data, f), label, f, p)
    consent_by = (data.consent_by or "").strip()
    if data.kind == "照护等级变更":
        if not consent_by or data.consent_date is None:
            p.add("consent", "照护等级变更须经老人或代理人同意：请填写同意人和同意日期")
        if not (data.care_level or "").strip():
            p.add("care_level", "请填写新的照护等级")
    if data.consent_date is not None and data.consent_date > today:
        p.add("consent", "同意日期不能晚于今天")
    if (data.consent_date is None) != (not consent_by):
        p.add("consent", "同意人和同意日期应同时填写")
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        c = _contract(s, data.contract_id)
        versions.check(c, data.expected_version, f"合同{c.number}")
        versions.touch(c)  # a new term changes the contract: a second form filled from the old terms is refused
        if c.status != ACTIVE:
            raise RuleViolation(f"合同{c.number}已终止，不能变更")
        terms = _terms(s, c.id)
        last = terms[-1]
        eff = data.effective_date
        if not c.start_date <= eff <= c.end_date:
            p.add("effective_date", f"生效日期应在合同期限{c.start_date:%Y-%m-%d}至{c.end_date:%Y-%m-%d}之内")
        if eff <= last.effective_date:
            p.add("effective_date", f"生效日期应晚于上一次条款的生效日期{last.effective_date:%Y-%m-%d}")
        if data.consent_date is not None and data.consent_date < c.signed_date:
            p.add("consent", "同意日期不能早于合同签订日期")
        p.raise_if_any()
        care_level = (data.care_level or "").strip() or last.care_level
        care_fee = data.care_fee_fen
        if care_fee is None and care_level != last.care_level:
            got = _price(s, "care", care_level, eff, "care_fee_fen", p)
            care_fee = got[0] if got else None
        bed_label = (data.bed_label or "").strip() or last.bed_label
        bed_fee = data.bed_fee_fen
        if bed_fee is None and data.kind == "调床":
            bed = _current_bed(s, c.resident_id)
            if bed is not None:
                got = _price(s, "bed", bed[0].bed_type, eff, "bed_fee_fen", p)
                if got:
                    bed_fee = got[0]
                    bed_label = (data.bed_label or "").strip() or got[1]
        p.raise_if_any()
        new = dict(bed_label=bed_label, bed_fee_fen=last.bed_fee_fen if bed_fee is None else bed_fee,
                   care_level=care_level, care_fee_fen=last.care_fee_fen if care_fee is None else care_fee,
                   meal_rate_fen=last.meal_rate_fen if data.meal_rate_fen is None else data.meal_rate_fen)
        if all(getattr(last, k) == v for k, v in new.items()):
            raise RuleViolation("变更后的条款与现行条款相同，无需变更")
        t = ContractTerm(contract_id=c.id, effective_date=eff, kind=data.kind, description=(data.description or "").strip(),
                         consent_by=consent_by, consent_date=data.consent_date,
                         created_at=ctx.now(), created_by=ctx.actor.username, **new)
        s.add(t)
        s.flush()
        mult = _multiplier(s)
        monthly = monthly_service_fee(new["bed_fee_fen"], new["care_fee_fen"], new["meal_rate_fen"])
        cap = deposit_cap(monthly, mult)
        excess = deposit_excess(c.deposit_fen, cap)
        audit(ctx, s, "变更合同", "contract", c.id,
              {"term": last.id, "bed": last.bed_fee_fen, "care": last.care_fee_fen, "meals": last.meal_rate_fen,
               "care_level": last.care_level},
              {"term": t.id, "effective": eff, "kind": data.kind, **new, "monthly": monthly, "cap": cap,
               "deposit_excess": excess, "consent_by": consent_by, "consent_date": data.consent_date})
        msg = f"合同{c.number}自{eff:%Y-%m-%d}起月服务费{format_yuan(monthly)}"
        if excess:
            msg += f"；押金超过新上限{format_yuan(cap)}，超出部分{format_yuan(excess)}应退还"
        return Changes.of("contract", ids=(c.id,), message=msg)


def _uses_item(t: ContractTerm, item: FeeItem) -> bool:
    """Whether a contract term is charged by this fee item (the same rule the
    notice letters use: bed by bed label/type, care by level, meals for all)."""
    if item.kind == "bed":
        return t.bed_label in {item.name, item.key, f"{item.key}床位", f"{item.key}床位费"} - {""}
    if item.kind == "care":
        return t.care_level == item.key
    return item.kind == "meals"


def price_change_targets_in(s: Session, price: FeePrice) -> list[tuple[Contract, ContractTerm, bool]]:
    """Active contracts whose term in force the day before the price's
    effective date uses the item: (contract, that term, already amended on or
    after that date)."""
    item = s.get(FeeItem, price.fee_item_id)
    eff = price.effective_date
    out = []
    for c in s.execute(select(Contract).where(Contract.status == ACTIVE, Contract.start_date < eff,
                                              Contract.end_date >= eff).order_by(Contract.id)).scalars():
        terms = _terms(s, c.id)
        before = [t for t in terms if t.effective_date < eff]
        if before and _uses_item(before[-1], item):
            out.append((c, before[-1], terms[-1].effective_date >= eff))
    return out


@busy.retrying
def apply_price_change(ctx: Ctx, fee_price_id: int) -> Changes:
    """调价: from the new price's effective date, every contract charged by
    that item gets a 调价 term with the new price (the residents were told in
    advance with the 调价告知书). One transaction; contracts already amended
    for that date are left as they are."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        price = s.get(FeePrice, fee_price_id) if isinstance(fee_price_id, int) else None
        if price is None:
            raise NotFound(f"价格记录{fee_price_id}不存在")
        item = s.get(FeeItem, price.fee_item_id)
        field = {"bed": "bed_fee_fen", "care": "care_fee_fen", "meals": "meal_rate_fen"}.get(item.kind)
        if field is None:
            raise RuleViolation(f"“{item.name}”是按次收费项目，不写入合同条款")
        targets = price_change_targets_in(s, price)
        changed = []
        for c, last, amended in targets:
            if amended or getattr(last, field) == price.amount_fen:
                continue  # newer terms were agreed individually, or nothing changes
            new = {k: getattr(last, k) for k in ("bed_label", "bed_fee_fen", "care_level", "care_fee_fen",
                                                   "meal_rate_fen")}
            new[field] = price.amount_fen
            t = ContractTerm(contract_id=c.id, effective_date=price.effective_date, kind="调价",
                             description=f"收费标准调整：{item.name}{format_yuan(getattr(last, field))}→"
                                         f"{format_yuan(price.amount_fen)}（{price.notice_date:%Y-%m-%d}书面告知）",
                             consent_by="", consent_date=None, created_at=ctx.now(), created_by=ctx.actor.username,
                             **new)
            s.add(t)
            versions.touch(c)  # a form filled from the old terms is refused (services.versions)
            changed.append(c.id)
            audit(ctx, s, "按调价变更合同", "contract", c.id, {field: getattr(last, field)},
                  {field: price.amount_fen, "effective": price.effective_date, "fee_price_id": price.id})
        return Changes.of("contract", ids=tuple(changed),
                          message=f"已按“{item.name}”调价变更{len(changed)}份合同（自{price.effective_date:%Y-%m-%d}起）")


@busy.retrying
def terminate_contract(ctx: Ctx, contract_id: int, last_day: dt.date, reason: str, note: str = "") -> Changes:
    """终止: the last day of service, the reason, and the settlement of fees
    billed for the unexpired period (posted now if the user may keep the
    books, else left for :func:`post_settlement`)."""
    ctx.require(Perm.RESIDENT_WRITE)
    p = Problems()
    if reason not in TERMINATION_REASONS:
        p.add("reason", f"终止原因应为{'、'.join(TERMINATION_REASONS)}之一")
    if not isinstance(last_day, dt.date):
        p.add("last_day", "请填写最后服务日")
    elif last_day > ctx.today():
        p.add("last_day", "最后服务日不能晚于今天")
    if reason == "其他" and not (note or "").strip():
        p.add("note", "终止原因为“其他”时请填写说明")
    p.raise_if_any()
    with ctx.write(Perm.RESIDENT_WRITE) as s:
        c = _contract(s, contract_id)
        if c.status != ACTIVE:
            raise RuleViolation(f"合同{c.number}已终止")
        if not c.start_date <= last_day <= c.end_date:
            p.add("last_day", f"最后服务日应在合同期限{c.start_date:%Y-%m-%d}至{c.end_date:%Y-%m-%d}之内")
        elif reason == "到期" and last_day != c.end_date:
            p.add("last_day", f"到期终止的最后服务日应为合同到期日{c.end_date:%Y-%m-%d}")
        p.raise_if_any()
        c.status, c.termination_date = TERMINATED, last_day
        c.termination_reason, c.termination_note = reason, (note or "").strip()
        s.flush()
        st = _compute_settlement(s, c)
        eid = None
        if st.pending and ctx.actor.can(Perm.FINANCE_WRITE):
            eid = _post_settlement(ctx, s, c, st)
        s.flush()
        balance = _resident_balance(s, c.resident_id)
        audit(ctx, s, "终止合同", "contract", c.id, {"status": ACTIVE},
              {"status": TERMINATED, "last_day": last_day, "reason": reason, "note": c.termination_note,
               "refund": st.total_fen, "by_kind": st.by_kind(), "entry": eid, "balance": balance})
        msg = f"合同{c.number}已终止（最后服务日{last_day:%Y-%m-%d}）"
        if st.pending:
            msg += f"；{settlement_words(st.total_fen, eid)}"
        if eid and balance < 0:
            msg += f"；住户余额{format_yuan(-balance)}应退还"
        return Changes.of("contract", "journal", ids=(c.id,), message=msg)


@busy.retrying
def post_settlement(ctx: Ctx, contract_id: int) -> Changes:
    """The accountant posts a terminated contract's pending settlement."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = _contract(s, contract_id)
        if c.status != TERMINATED or c.termination_date is None:
            raise RuleViolation(f"合同{c.number}尚未终止，不能结算")
        if c.settlement_entry_id is not None:
            raise RuleViolation(f"合同{c.number}已结算（凭证{c.settlement_entry_id}）")
        st = _compute_settlement(s, c)
        if not st.pending:
            raise RuleViolation(f"合同{c.number}没有需要结算的费用")
        eid = _post_settlement(ctx, s, c, st)
        s.flush()
        balance = _resident_balance(s, c.resident_id)
        audit(ctx, s, "合同终止结算", "contract", c.id, None,
              {"refund": st.total_fen, "by_kind": st.by_kind(), "entry": eid, "balance": balance})
        msg = f"合同{c.number}终止结算：{settlement_words(st.total_fen, eid)}"
        if balance < 0:
            msg += f"；住户余额{format_yuan(-balance)}应退还"
        return Changes.of("contract", "journal", ids=(c.id,), message=msg)


# --- reads ---------------------------------------------------------------------------------

def _hukou(r: Resident) -> str:
    parts = [r.hukou_province, r.hukou_city if r.hukou_city != r.hukou_province else "", r.hukou_district]
    return "".join(x for x in parts if x)


def _detail(s: Session, c: Contract, today: dt.date) -> ContractDetail:
    r = _resident(s, c.resident_id)
    centre = s.get(Centre, 1)
    party_a = PartyA(*(getattr(centre, f, "") if centre else "" for f in (
        "name", "credit_code", "address", "phone", "legal_representative", "escrow_bank", "escrow_account_name",
        "escrow_account_no")))
    terms = [_term_info(t) for t in _terms(s, c.id)]
    meta = _meta(c)
    bed = _current_bed(s, r.id)
    if c.signer_relation != SELF:
        contact = s.execute(select(Contact).where(Contact.resident_id == r.id, Contact.name == c.signer_name)
                            ).scalars().first()
        agent = (c.signer_name, c.signer_relation, contact.phone if contact else "", contact.address if contact else "")
    else:
        contact = s.execute(select(Contact).where(Contact.resident_id == r.id, Contact.is_agent.is_(True))
                            ).scalars().first()
        agent = ((contact.name, f"代理人（{contact.relationship_}）", contact.phone, contact.address)
                 if contact else ("", "", "", ""))
    lines: tuple[SettlementLine, ...] = ()
    balance = 0
    if c.termination_date is not None:
        if c.settlement_entry_id is not None:
            lines = tuple(SettlementLine(x["period"], x["kind"], x["billed_fen"], x["due_fen"], x["refund_fen"],
                                         x.get("basis", "")) for x in meta.get("_settlement", []))
            balance = _resident_balance(s, r.id)
        else:
            lines = _compute_settlement(s, c).lines
    return ContractDetail(
        id=c.id, number=c.number, status=c.status, signed_date=c.signed_date, start_date=c.start_date,
        end_date=c.end_date, centre=party_a, resident_id=r.id, resident_name=r.name, resident_gender=r.gender,
        resident_birth_date=r.birth_date, resident_id_number=r.id_number, resident_hukou=_hukou(r),
        resident_address=r.address, resident_phone=r.phone,
        bed_code=bed_code(bed[1].building, bed[1].number, bed[0].label) if bed else "",
        signer_name=c.signer_name, signer_relation=c.signer_relation,
        agent_name=agent[0], agent_relation=agent[1], agent_phone=agent[2], agent_address=agent[3],
        deposit_fen=c.deposit_fen, deposit_multiplier=_multiplier(s), payment_terms=c.payment_terms,
        clauses=tuple((k, t, meta.get(k, "")) for k, t in CLAUSE_TITLES),
        fee_override_reason=meta.get("_fee_override_reason", ""),
        terms=tuple(terms), current=_in_effect(terms, today),
        termination_date=c.termination_date, termination_reason=c.termination_reason,
        termination_note=c.termination_note, settlement_lines=lines, settlement_entry_id=c.settlement_entry_id,
        refund_due_fen=max(0, -balance), created_by=c.created_by, version=c.version,
    )


def get_contract(ctx: Ctx, contract_id: int) -> ContractDetail:
    with ctx.read() as s:
        return _detail(s, _contract(s, contract_id), ctx.today())


def list_contracts(ctx: Ctx, active_only: bool = False, resident_id: int | None = None) -> list[ContractRow]:
    today = ctx.today()
    with ctx.read() as s:
        q = (select(Contract, Resident.name).join(Resident, Resident.id == Contract.resident_id)
             .order_by(Contract.number))
        if active_only:
            q = q.where(Contract.status == ACTIVE)
        if resident_id is not None:
            q = q.where(Contract.resident_id == resident_id)
        rows = s.execute(q).all()
        ids = [c.id for c, _ in rows]
        by_contract: dict[int, list[ContractTerm]] = {}
        if ids:
            for t in s.execute(select(ContractTerm).where(ContractTerm.contract_id.in_(ids))
                               .order_by(ContractTerm.effective_date)).scalars():
                by_contract.setdefault(t.contract_id, []).append(t)
        out = []
        for c, name in rows:
            t = _in_effect(by_contract[c.id], today)
            out.append(ContractRow(c.id, c.number, c.resident_id, name, c.signed_date, c.start_date, c.end_date,
                                   c.status, c.termination_date,
                                   monthly_service_fee(t.bed_fee_fen, t.care_fee_fen, t.meal_rate_fen), c.deposit_fen,
                                   c.signer_name, c.signer_relation))
        return out


def contract_for(ctx: Ctx, resident_id: int, day: dt.date) -> ContractRow | None:
    """The contract covering ``day`` for the resident, if any."""
    with ctx.read() as s:
        c = contract_for_in(s, resident_id, day)
        if c is None:
            return None
        terms = _terms(s, c.id)
        t = _in_effect(terms, day)
        return ContractRow(c.id, c.number, c.resident_id, _resident(s, resident_id).name, c.signed_date,
                           c.start_date, c.end_date, c.status, c.termination_date,
                           monthly_service_fee(t.bed_fee_fen, t.care_fee_fen, t.meal_rate_fen), c.deposit_fen,
                           c.signer_name, c.signer_relation)


def terms_for(ctx: Ctx, contract_id: int, span: Span) -> dict[str, list[Rate]]:
    """The contract's fees in ``span`` as Rate lists per kind (for billing)."""
    with ctx.read() as s:
        return terms_in(s, contract_id, span)


def contract_pdf(ctx: Ctx, contract_id: int, path: str | Path) -> Written:
    """Print the contract for signature (temp file, atomic rename, audit with SHA-256)."""
    from ..documents.contract_pdf import render_contract

    ctx.require(Perm.PRINT)
    detail = get_contract(ctx, contract_id)
    data = render_contract(detail, ctx.today())

    def write(tmp: Path) -> int:
        tmp.write_bytes(data)
        return 1

    return write_document(ctx, path, write, "打印服务合同", "contract", {"number": detail.number})
