"""Subsidy claims: the schemes of the centre's profile, a claim built from
the registers row by row, and its way 草稿 → 已提交 → 已批准 → 已到账.

Decisions:
- A claim covers whole months that have ended; two claims of one scheme may
  not overlap (a withdrawn claim does not count).
- A draft is recomputed whenever it is opened; submitting freezes its rows
  with their tests and evidence (the snapshot) and records each row's amount,
  so caps since establishment and once-only schemes read what was claimed.
  Earlier claims count at their claimed amounts (submitted, approved or
  received), whatever was approved.
- Approval records the amount the authorities approved (never more than
  claimed); when it differs a note is required, and the residents whose
  months were not allowed are named with the months cut: their share is cut
  by those months; the rest of the difference falls on the centre's share.
- Receipt posts one entry: bank debit, 政府补助收入 by the scheme's kind for
  the centre's share, and 其他应付款—代收老人补贴 (220903) per resident for
  theirs. A second entry passes each resident's share on at once: credited
  to the resident's account (预收账款, so their next bill uses it) — a
  resident who has left or died is paid by bank transfer instead — or paid
  out to everyone by bank transfer or in cash. Residents' money is never the centre's income.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.engine import lock
from ..db.models import Centre, Resident, SubsidyClaim, SubsidyClaimRow
from ..domain.books import SUBSIDY_KINDS
from ..domain.errors import NotFound, Problems, RuleViolation
from ..domain.ledger import BANK, CASH, PREPAID, Entry, Line
from ..domain.money import round_fen
from ..domain.policy import PolicyProfile
from ..domain.records import Changes
from ..domain.residents import ACTIVE_STATUSES
from ..domain.roles import Perm
from ..domain.subsidy import Scheme, default_period, evaluate, months_between, period_label
from ..domain.subsidy_records import STATUSES, ClaimResult, result_from_dict, result_to_dict
from . import care_workers, ledger, subsidy_facts
from . import subsidy_subjects as subj
from .audit import audit
from .centre import DEFAULT_PROFILE, get_profile
from .context import Ctx
from . import busy

RESIDENT_SUBSIDY = "220903"  # 其他应付款—代收老人补贴
LIVE = ("已提交", "已批准", "已到账")
OUTSIDE_PREFIX = "BW"  # claims made before the app (services.subsidy_history)
RESIDENT_MODES = {"account": "转入老人账户", "bank": "转账发放给老人", "cash": "现金发放给老人"}


@dataclass(frozen=True)
class SchemeInfo:
    code: str
    name: str
    kind: str
    subject: str
    period: str
    layers: tuple[str, ...]
    funders: tuple[str, ...]
    source: str
    attachments: tuple[str, ...]
    missing: tuple[str, ...]  # parameters without a value
    params: tuple[tuple[str, str, str, str], ...]  # (key, label, unit, value or '')


@dataclass(frozen=True)
class ClaimInfo:
    id: int
    number: str
    scheme: str
    scheme_name: str
    kind: str
    first: str
    last: str
    period: str
    status: str
    claimed_fen: int
    centre_fen: int
    resident_fen: int
    approved_fen: int | None
    approval_note: str
    approved_on: dt.date | None
    received_on: dt.date | None
    resident_mode: str
    note: str
    created_by: str
    submitted_by: str

    @property
    def outside(self) -> bool:
        """Made before the app (登记系统外申领, BW…): recorded, not printed."""
        return self.number.startswith(OUTSIDE_PREFIX)


# --- schemes -------------------------------------------------------------------------

def profile_in(s: Session) -> PolicyProfile:
    c = s.get(Centre, 1)
    return get_profile(c.policy_profile if c else DEFAULT_PROFILE)


def centre_profile(ctx: Ctx) -> PolicyProfile:
    with ctx.read() as s:
        return profile_in(s)


def _scheme(profile: PolicyProfile, code: str) -> Scheme:
    if profile.scheme_error:
        raise RuleViolation(f"政策配置“{profile.name}”的补贴方案有误：{profile.scheme_error}", "scheme")
    sc = profile.schemes.get(code)
    if sc is None:
        raise RuleViolation(f"政策配置“{profile.name}”没有补贴方案“{code}”", "scheme")
    return sc


def schemes(ctx: Ctx) -> list[SchemeInfo]:
    with ctx.read() as s:
        profile = profile_in(s)
        values = subsidy_facts.param_values_in(s)
    out = []
    for sc in profile.schemes.values():
        keys = sorted(sc.params())
        params = tuple((k, profile.params[k].label, profile.params[k].unit,
                        str(values.get(k, profile.params[k].default if profile.params[k].default is not None else "")))
                       for k in keys)
        out.append(SchemeInfo(sc.code, sc.name, sc.kind, sc.subject, sc.period, tuple(x.name for x in sc.layers),
                              tuple(dict.fromkeys(n for x in sc.layers for n, _ in x.funders)), sc.source,
                              sc.attachments, tuple(f"{label}（{k}）" for k, label, _, v in params if v == ""),
                              params))
    return out


# --- computing a claim -------------------------------------------------------------------

def _check_period(first: str, last: str, today: dt.date) -> tuple[str, ...]:
    for m in (first, last):
        if len(m) != 7 or m[4] != "-" or not (m[:4].isdigit() and m[5:].isdigit()) or not 1 <= int(m[5:]) <= 12:
            raise RuleViolation(f"月份“{m}”应写成YYYY-MM", "period")
    if first > last:
        raise RuleViolation("申报期间的起始月份晚于截止月份", "period")
    months = months_between(first, last)
    if len(months) > 12:
        raise RuleViolation("一次申报最长12个月", "period")
    if subj.month_span(last)[1] >= today:
        raise RuleViolation(f"申报期间{period_label(first, last)}还没有结束（截止{subj.month_span(last)[1]:%Y-%m-%d}），"
                            "不能申报未来的月份", "period")
    return months


def _earlier(s: Session, scheme: str, exclude: int | None) -> tuple[dict, dict]:
    """What earlier live claims of the scheme took under capped layers, and
    the subjects they paid (for once-only schemes)."""
    layers: dict[tuple[str, str], int] = {}
    paid: dict[str, str] = {}
    claims = s.execute(select(SubsidyClaim).where(SubsidyClaim.scheme == scheme,
                                                  SubsidyClaim.status.in_(LIVE))).scalars()
    for c in claims:
        if c.id == exclude or not c.snapshot:
            continue
        snap = json.loads(c.snapshot)
        by_key = snap.get("cap_keys", {})
        for layer, keys in by_key.items():
            for key, fen in keys.items():
                layers[(layer, key)] = layers.get((layer, key), 0) + fen
        for r in s.execute(select(SubsidyClaimRow.subject_key).where(
                SubsidyClaimRow.claim_id == c.id,
                SubsidyClaimRow.centre_fen + SubsidyClaimRow.resident_fen > 0)).scalars():
            paid.setdefault(r, c.number)
    return layers, paid


def _subjects(s: Session, sc: Scheme, months: tuple[str, ...], target: int) -> list:
    lo, hi = subj.month_span(months[0])[0], subj.month_span(months[-1])[1]
    base, shown = subj.centre_facts(s, lo, hi, target)
    if sc.subject == "centre":
        return [subj.centre_subject(s, months, base, shown)]
    if sc.subject == "project":
        return subj.project_subjects(s, hi, base, shown)
    if sc.subject == "resident":
        return subj.resident_subjects(s, months, base)
    return subj.worker_subjects(s, months, base)


def compute_in(s: Session, profile: PolicyProfile, sc: Scheme, months: tuple[str, ...],
               exclude: int | None = None) -> ClaimResult:
    earlier, paid = _earlier(s, sc.code, exclude)
    subjects = _subjects(s, sc, months, profile.nursing_bed_target_percent)
    return evaluate(sc, profile.params, subsidy_facts.param_values_in(s), subjects, months, earlier, paid)


def preview(ctx: Ctx, scheme: str, first: str, last: str) -> ClaimResult:
    """A claim computed from today's registers, saving nothing (the wizard);
    its ``notes`` say when the period is already claimed."""
    months = _check_period(first, last, ctx.today())
    with ctx.read() as s:
        profile = profile_in(s)
        result = compute_in(s, profile, _scheme(profile, scheme), months)
        taken = _taken(s, scheme, first, last)
    return dataclasses.replace(result, notes=(taken,)) if taken else result


def suggested_period(ctx: Ctx, scheme: str) -> tuple[str, str]:
    """The latest ended period of the scheme not claimed yet (looking back a
    few periods), else the latest ended one."""
    sc = _scheme(centre_profile(ctx), scheme)
    latest = default_period(sc, ctx.today())
    first, last = latest
    with ctx.read() as s:
        for _ in range(6):
            if not _taken(s, scheme, first, last):
                return first, last
            y, m = int(first[:4]), int(first[5:])
            first, last = default_period(sc, dt.date(y, m, 1))
    return latest


def _missing(result: ClaimResult) -> None:
    if result.missing:
        raise RuleViolation(f"补贴方案“{result.scheme_name}”缺少参数：{'、'.join(result.missing)}。"
                            "请先在“补贴参数”中填写当年通知的标准", "params")


def _taken(s: Session, scheme: str, first: str, last: str, exclude: int | None = None) -> str:
    """Why the period cannot be claimed again ('' when it can)."""
    other = s.execute(select(SubsidyClaim).where(
        SubsidyClaim.scheme == scheme, SubsidyClaim.status != "已撤回", SubsidyClaim.first <= last,
        SubsidyClaim.last >= first, SubsidyClaim.id != (exclude or 0))).scalars().first()
    if other is None:
        return ""
    return f"申报期间与{other.number}（{period_label(other.first, other.last)}，{other.status}）重叠"


def _overlap(s: Session, scheme: str, first: str, last: str, exclude: int | None = None) -> None:
    taken = _taken(s, scheme, first, last, exclude)
    if taken:
        raise RuleViolation(taken, "period")


@busy.retrying
def create_claim(ctx: Ctx, scheme: str, first: str, last: str, note: str = "") -> Changes:
    ctx.require(Perm.FINANCE_WRITE)
    months = _check_period(first, last, ctx.today())
    with ctx.write(Perm.FINANCE_WRITE) as s:
        lock(s, "subsidy-claims")  # the overlap check and the number: one PC at a time (PostgreSQL)
        profile = profile_in(s)
        sc = _scheme(profile, scheme)
        _overlap(s, scheme, first, last)
        result = compute_in(s, profile, sc, months)
        _missing(result)
        if result.total_fen <= 0:
            raise RuleViolation("没有符合条件的行，申报金额为0：不建立申报（在向导中选中一行可查看原因）", "rows")
        year = ctx.today().year
        n = s.execute(select(func.count()).select_from(SubsidyClaim)
                      .where(SubsidyClaim.number.like(f"BT{year}-%"))).scalar_one() + 1
        c = SubsidyClaim(number=f"BT{year}-{n:04d}", scheme=sc.code, scheme_name=sc.name, profile=profile.code,
                         kind=sc.kind, first=first, last=last, status="草稿", claimed_fen=result.total_fen,
                         centre_fen=result.centre_fen, resident_fen=result.resident_fen, note=note.strip(),
                         created_at=ctx.now(), created_by=ctx.actor.username)
        s.add(c)
        s.flush()
        audit(ctx, s, "新建补贴申报", "subsidy_claim", c.id, None,
              {"number": c.number, "scheme": sc.name, "period": period_label(first, last),
               "amount": result.total_fen})
        return Changes.of("subsidy_claim", ids=(c.id,), message=f"补贴申报{c.number}已建立（草稿）")


def _get(s: Session, claim_id: int) -> SubsidyClaim:
    c = s.get(SubsidyClaim, claim_id)
    if c is None:
        raise NotFound(f"补贴申报{claim_id}不存在")
    return c


def claim_result(ctx: Ctx, claim_id: int) -> ClaimResult:
    """A draft recomputed from the registers now; a submitted claim as frozen."""
    with ctx.read() as s:
        c = _get(s, claim_id)
        if c.snapshot:
            return result_from_dict(json.loads(c.snapshot)["result"])
        profile = profile_in(s)
        return compute_in(s, profile, _scheme(profile, c.scheme), months_between(c.first, c.last), c.id)


def _cap_keys(result: ClaimResult) -> dict:
    """What this claim takes under each capped layer, by cap key, for later claims."""
    return {x.layer: dict(x.by_key) for x in result.layers if x.by_key}


def row_shares(result: ClaimResult) -> list[tuple[int, int]]:
    """Each row's (centre, resident) amounts after the caps: a layer cut by a
    cap since establishment takes the cut from its last rows first, so the
    rows add up to what the claim asks for."""
    amounts = [{x.layer: x.amount_fen for x in r.layers} for r in result.rows]
    for total in result.layers:
        cut = total.rows_fen - total.allowed_fen
        for row in reversed(amounts):
            if cut <= 0:
                break
            take = min(cut, row.get(total.layer, 0))
            if take:
                row[total.layer] -= take
                cut -= take
    out = []
    for r, row in zip(result.rows, amounts):
        out.append((sum(row[x.layer] for x in r.layers if x.recipient == "centre"),
                    sum(row[x.layer] for x in r.layers if x.recipient == "resident")))
    return out


@busy.retrying
def submit(ctx: Ctx, claim_id: int) -> Changes:
    """Freeze the draft's rows and evidence as they are now."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = _get(s, claim_id)
        if c.status != "草稿":
            raise RuleViolation(f"{c.number}状态为{c.status}，只有草稿可以提交", "status")
        if subj.month_span(c.last)[1] >= ctx.today():
            raise RuleViolation("申报期间还没有结束，不能提交", "period")
        _overlap(s, c.scheme, c.first, c.last, c.id)
        profile = profile_in(s)
        sc = _scheme(profile, c.scheme)
        months = months_between(c.first, c.last)
        earlier, paid = _earlier(s, sc.code, c.id)
        subjects = _subjects(s, sc, months, profile.nursing_bed_target_percent)
        result = evaluate(sc, profile.params, subsidy_facts.param_values_in(s), subjects, months, earlier, paid)
        _missing(result)
        if result.total_fen <= 0:
            raise RuleViolation("没有符合条件的行，申报金额为0，不能提交", "rows")
        for r, (centre_part, resident_part) in zip(result.rows, row_shares(result)):
            s.add(SubsidyClaimRow(claim_id=c.id, subject_key=r.key, name=r.name,
                                  resident_id=r.info.get("resident_id") if r.key.startswith("resident:") else None,
                                  months=len(r.counted_months()), centre_fen=centre_part,
                                  resident_fen=resident_part))
        c.snapshot = json.dumps({"result": result_to_dict(result), "cap_keys": _cap_keys(result),
                                 "profile": profile.name}, ensure_ascii=False, default=str)
        c.claimed_fen, c.centre_fen, c.resident_fen = result.total_fen, result.centre_fen, result.resident_fen
        c.status, c.submitted_at, c.submitted_by = "已提交", ctx.now(), ctx.actor.username
        s.flush()
        audit(ctx, s, "提交补贴申报", "subsidy_claim", c.id, {"status": "草稿"},
              {"status": "已提交", "amount": result.total_fen, "rows": len(result.rows)})
        return Changes.of("subsidy_claim", ids=(c.id,), message=f"{c.number}已提交，申报金额¥{result.total_fen / 100:,.2f}")


@dataclass(frozen=True)
class ResidentShare:
    """A row of a submitted claim with money for a resident (登记批准 lists
    them so the months the authorities cut reach the right person)."""

    key: str
    name: str
    id_number: str
    months: int
    resident_fen: int
    cut_months: int
    cut_fen: int


def resident_shares(ctx: Ctx, claim_id: int) -> list[ResidentShare]:
    with ctx.read() as s:
        ids = dict(s.execute(select(Resident.id, Resident.id_number)).all())
        rows = s.execute(select(SubsidyClaimRow).where(SubsidyClaimRow.claim_id == claim_id,
                                                       SubsidyClaimRow.resident_fen > 0)
                         .order_by(SubsidyClaimRow.id)).scalars()
        return [ResidentShare(r.subject_key, r.name, ids.get(r.resident_id, ""), r.months, r.resident_fen,
                              _cut_months(r), r.resident_cut_fen) for r in rows]


def _cut_months(r: SubsidyClaimRow) -> int:
    if not r.resident_cut_fen or not r.resident_fen:
        return 0
    return round(r.months * r.resident_cut_fen / r.resident_fen)


@busy.retrying
def approve(ctx: Ctx, claim_id: int, approved_fen: int, on: dt.date, note: str = "",
            cut_months: dict[str, int] | None = None) -> Changes:
    """Record what the authorities approved. ``cut_months`` names the
    residents whose months they did not allow (subject key or 身份证号 →
    months): each such resident's share is cut by those months, so their
    money follows the approval; the rest of any difference falls on the
    centre's share."""
    ctx.require(Perm.FINANCE_WRITE)
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = _get(s, claim_id)
        if c.status != "已提交":
            raise RuleViolation(f"{c.number}状态为{c.status}，只有已提交的申报可以登记批准", "status")
        if approved_fen <= 0:
            raise RuleViolation("批准金额应大于0", "approved")
        if approved_fen > c.claimed_fen:
            raise RuleViolation(f"批准金额不能高于申报金额¥{c.claimed_fen / 100:,.2f}", "approved")
        if approved_fen != c.claimed_fen and not note.strip():
            raise RuleViolation("批准金额与申报金额不同，请在备注中写明原因（如核减的行）", "note")
        if on > ctx.today():
            raise RuleViolation("批准日期不能晚于今天", "on")
        if c.submitted_at and on < c.submitted_at.date():
            raise RuleViolation(f"批准日期不能早于提交日期{c.submitted_at:%Y-%m-%d}", "on")
        rows = list(s.execute(select(SubsidyClaimRow).where(SubsidyClaimRow.claim_id == c.id,
                                                            SubsidyClaimRow.resident_fen > 0)).scalars())
        cuts = _resident_cuts(s, rows, cut_months or {})
        residents_after = sum(r.resident_fen - cuts.get(r.id, 0) for r in rows)
        centre_after = approved_fen - residents_after
        if centre_after < 0:
            raise RuleViolation(f"批准金额少于发给老人的部分¥{residents_after / 100:,.2f}：请注明核减了哪些老人的哪几个月",
                                "cuts")
        if centre_after > c.centre_fen:
            raise RuleViolation(f"按核减的月份，老人部分共减少¥{(c.resident_fen - residents_after) / 100:,.2f}，"
                                f"批准金额却只比申报少¥{(c.claimed_fen - approved_fen) / 100:,.2f}：请核对", "cuts")
        for r in rows:
            r.resident_cut_fen = cuts.get(r.id, 0)
        c.status, c.approved_fen, c.approved_on, c.approval_note = "已批准", approved_fen, on, note.strip()
        s.flush()
        audit(ctx, s, "登记补贴批准", "subsidy_claim", c.id, {"status": "已提交", "claimed": c.claimed_fen},
              {"status": "已批准", "approved": approved_fen, "note": note.strip(), "centre": centre_after,
               "residents": residents_after,
               "cuts": {r.name: cuts[r.id] for r in rows if cuts.get(r.id)}})
        return Changes.of("subsidy_claim", ids=(c.id,), message=f"{c.number}已批准¥{approved_fen / 100:,.2f}")


def _resident_cuts(s: Session, rows: list[SubsidyClaimRow], cut_months: dict[str, int]) -> dict[int, int]:
    """Row id → fen cut from the resident's share: the share × months cut ÷
    months counted (all of it when every month is cut)."""
    by_key = {r.subject_key: r for r in rows}
    ids = dict(s.execute(select(Resident.id_number, Resident.id)).all())
    out: dict[int, int] = {}
    p = Problems()
    for who, months in cut_months.items():
        key = who if who in by_key else f"resident:{ids.get(who.strip().upper(), '')}"
        r = by_key.get(key)
        if r is None:
            p.add("cuts", f"“{who}”不在本申报发给老人的名单中")
            continue
        if not 0 <= months <= r.months:
            p.add("cuts", f"{r.name}计入{r.months}个月，核减月数应在0—{r.months}之间")
            continue
        out[r.id] = r.resident_fen if months == r.months else round_fen(Decimal(r.resident_fen) * months / r.months)
    p.raise_if_any()
    return out


@busy.retrying
def receive(ctx: Ctx, claim_id: int, on: dt.date, resident_mode: str = "account") -> Changes:
    """The approved money arrived: post it (see the module's decisions)."""
    ctx.require(Perm.FINANCE_WRITE)
    if resident_mode not in RESIDENT_MODES:
        raise RuleViolation(f"老人补贴的发放方式应为{'、'.join(RESIDENT_MODES.values())}之一", "resident_mode")
    if on > ctx.today():
        raise RuleViolation("到账日期不能晚于今天", "on")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = _get(s, claim_id)
        if c.status != "已批准":
            raise RuleViolation(f"{c.number}状态为{c.status}，只有已批准的申报可以登记到账", "status")
        if c.approved_on and on < c.approved_on:
            raise RuleViolation(f"到账日期不能早于批准日期{c.approved_on:%Y-%m-%d}", "on")
        rows = [r for r in s.execute(select(SubsidyClaimRow).where(SubsidyClaimRow.claim_id == c.id,
                                                                   SubsidyClaimRow.resident_fen > 0)).scalars()
                if r.resident_fen > r.resident_cut_fen]
        due = {r.id: r.resident_fen - r.resident_cut_fen for r in rows}
        resident_total = sum(due.values())
        centre_part = c.approved_fen - resident_total
        label = f"{c.scheme_name}（{period_label(c.first, c.last)}，{c.number}）"
        lines = [Line(BANK, debit=c.approved_fen, memo=label)]
        if centre_part:
            lines.append(Line(SUBSIDY_KINDS[c.kind], credit=centre_part, memo=label))
        lines += [Line(RESIDENT_SUBSIDY, credit=due[r.id], resident_id=r.resident_id, memo=label) for r in rows]
        entry_id = ledger.post(ctx, s, Entry(on, f"收到补贴：{label}", tuple(lines), f"补贴到账:{c.number}"))
        gone: list[str] = []
        if rows:
            # a resident who has left (or died) has no account to credit: paid out by bank transfer
            status = dict(s.execute(select(Resident.id, Resident.status)
                                    .where(Resident.id.in_([r.resident_id for r in rows]))).all())
            out = [Line(RESIDENT_SUBSIDY, debit=due[r.id], resident_id=r.resident_id, memo=label) for r in rows]
            paid_out = 0
            for r in rows:
                here = status.get(r.resident_id) in {x.value for x in ACTIVE_STATUSES}
                if resident_mode == "account" and here:
                    out.append(Line(PREPAID, credit=due[r.id], resident_id=r.resident_id, memo=f"老人补贴转入：{label}"))
                else:
                    paid_out += due[r.id]
                    if resident_mode == "account":
                        gone.append(r.name)
            if paid_out:
                how = "cash" if resident_mode == "cash" else "bank"
                out.append(Line(CASH if how == "cash" else BANK, credit=paid_out,
                                memo=f"老人补贴{RESIDENT_MODES[how]}：{label}"))
            ledger.post(ctx, s, Entry(on, f"老人补贴{RESIDENT_MODES[resident_mode]}：{label}", tuple(out),
                                      f"补贴发放:{c.number}"))
            for r in rows:
                r.paid = True
        c.status, c.received_on, c.entry_id, c.resident_mode = "已到账", on, entry_id, resident_mode if rows else ""
        s.flush()
        audit(ctx, s, "登记补贴到账", "subsidy_claim", c.id, {"status": "已批准"},
              {"status": "已到账", "day": on.isoformat(), "amount": c.approved_fen, "centre": centre_part,
               "residents": resident_total, "mode": resident_mode if rows else "", "paid_out_to_leavers": gone})
        left = f"（{len(gone)}位已退住或去世的老人改为转账发放：{'、'.join(gone[:5])}{'等' if len(gone) > 5 else ''}）" \
            if gone else ""
        return Changes.of("subsidy_claim", "journal", ids=(c.id,),
                          message=f"{c.number}到账¥{c.approved_fen / 100:,.2f}已记账"
                                  + (f"，其中老人补贴¥{resident_total / 100:,.2f}已{RESIDENT_MODES[resident_mode]}{left}"
                                     if rows else ""))


@busy.retrying
def withdraw(ctx: Ctx, claim_id: int, reason: str) -> Changes:
    ctx.require(Perm.FINANCE_WRITE)
    if not reason.strip():
        raise RuleViolation("请填写撤回原因", "reason")
    with ctx.write(Perm.FINANCE_WRITE) as s:
        c = _get(s, claim_id)
        if c.status not in ("草稿", "已提交"):
            raise RuleViolation(f"{c.number}状态为{c.status}，不能撤回", "status")
        before = c.status
        c.status, c.note = "已撤回", (c.note + f"；撤回：{reason.strip()}").strip("；")
        s.flush()
        audit(ctx, s, "撤回补贴申报", "subsidy_claim", c.id, {"status": before},
              {"status": "已撤回", "reason": reason.strip()})
        return Changes.of("subsidy_claim", ids=(c.id,), message=f"{c.number}已撤回")


# --- reading ----------------------------------------------------------------------

def _info(c: SubsidyClaim) -> ClaimInfo:
    return ClaimInfo(c.id, c.number, c.scheme, c.scheme_name, c.kind, c.first, c.last, period_label(c.first, c.last),
                     c.status, c.claimed_fen, c.centre_fen, c.resident_fen, c.approved_fen, c.approval_note,
                     c.approved_on, c.received_on, c.resident_mode, c.note, c.created_by, c.submitted_by)


def claims(ctx: Ctx, status: str = "", year: int | None = None) -> list[ClaimInfo]:
    if status and status not in STATUSES:
        raise RuleViolation(f"状态应为{'、'.join(STATUSES)}之一", "status")
    with ctx.read() as s:
        q = select(SubsidyClaim).order_by(SubsidyClaim.first.desc(), SubsidyClaim.id.desc())
        if status:
            q = q.where(SubsidyClaim.status == status)
        if year:
            q = q.where(SubsidyClaim.first <= f"{year}-12", SubsidyClaim.last >= f"{year}-01")
        return [_info(c) for c in s.execute(q).scalars()]


def claim(ctx: Ctx, claim_id: int) -> ClaimInfo:
    with ctx.read() as s:
        return _info(_get(s, claim_id))


def find_claim(ctx: Ctx, number: str) -> ClaimInfo:
    with ctx.read() as s:
        c = s.execute(select(SubsidyClaim).where(SubsidyClaim.number == number.strip().upper())).scalar()
        if c is None:
            raise NotFound(f"补贴申报{number}不存在")
        return _info(c)


@dataclass(frozen=True)
class Reminder:
    kind: str  # 可申报 | 草稿未提交 | 缺参数 | 证件到期
    text: str
    day: dt.date | None = None


def _in_window(window: str, today: dt.date) -> dt.date | None:
    """The window's closing day when today is inside 'MM-DD..MM-DD'."""
    a, b = window.split("..")
    start = dt.date(today.year, int(a[:2]), int(a[3:]))
    end = dt.date(today.year, int(b[:2]), int(b[3:]))
    return end if start <= today <= end else None


def reminders(ctx: Ctx) -> list[Reminder]:
    """Claim windows open now without a claim, drafts not submitted, schemes
    missing a figure, contracts and certificates about to run out."""
    today = ctx.today()
    out: list[Reminder] = []
    with ctx.read() as s:
        profile = profile_in(s)
        values = subsidy_facts.param_values_in(s)
        taken = {(c.scheme, c.first, c.last) for c in s.execute(
            select(SubsidyClaim).where(SubsidyClaim.status != "已撤回")).scalars()}
        drafts = list(s.execute(select(SubsidyClaim.number, SubsidyClaim.scheme_name, SubsidyClaim.first,
                                       SubsidyClaim.last).where(SubsidyClaim.status == "草稿")
                                .order_by(SubsidyClaim.id)))
    for number, name, first, last in drafts:
        out.append(Reminder("草稿未提交", f"{number} {name}（{period_label(first, last)}）还是草稿，尚未提交"))
    for sc in profile.schemes.values():
        first, last = default_period(sc, today)
        for w in sc.windows:
            end = _in_window(w, today)
            if end and (sc.code, first, last) not in taken:
                out.append(Reminder("可申报", f"{sc.name}：{period_label(first, last)}可以申报，"
                                           f"截止{end:%m月%d日}", end))
        gaps = [profile.params[k].label for k in sorted(sc.params())
                if values.get(k, profile.params[k].default) is None]
        if gaps:
            out.append(Reminder("缺参数", f"{sc.name}：请填写{'、'.join(gaps)}"))
    for e in care_workers.expiring(ctx):
        when = "已到期" if e.days_left < 0 else f"{e.days_left}天后到期"
        out.append(Reminder("证件到期", f"护理员{e.name}的{e.what}{when}（{e.day:%Y-%m-%d}）", e.day))
    return out


def result_json(result: ClaimResult) -> dict:
    d = result_to_dict(result)
    d["total_fen"], d["centre_fen"], d["resident_fen"] = result.total_fen, result.centre_fen, result.resident_fen
    d["month_counts"] = result.month_counts()
    return d

