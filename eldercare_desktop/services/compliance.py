"""合规自查: the compliance self-check a centre runs before an inspection.

One :class:`~..domain.compliance_records.CheckItem` per rule the seeds name
(DOMAIN.md §1–§6), green or red, with the residents or records behind a red.
Every figure comes from the service that owns it; nothing is recomputed here:

- deposit cap, escrow account, refunds — ``escrow.dashboard`` (over-cap
  rows, 100202 against Σ 220901, overdue and late refunds) and
  ``escrow.reconciliations`` (bank statement against the books);
- written contract before service — ``centre.bed_map`` (who is in a bed on
  the day) and ``contracts.contract_for``;
- fee publication and advance notice — ``fees.list_items``,
  ``fees.schedule_on`` and ``fees.price_changes`` with
  ``fees.DEFAULT_NOTICE_DAYS``;
- assessments current — ``assessments.due_list`` as of the day checked;
- annual disclosure — ``disclosure.status``;
- nursing-bed share — ``centre.bed_share`` against the profile's target.

Decisions:
- The check is read-only (Perm.READ); printing it (:func:`write_pdf`) is a
  document like any other: temp file, atomic rename, audited with SHA-256.
- Local rules (cap multiplier, refund days, nursing-bed target, disclosure
  due day) are read from the centre's policy profile; a centre not yet set
  up is checked against the national profile.
- A refund made late stays red: the self-check covers the whole escrow
  history up to the day checked, as an inspector would read it.
- Bed share is the bed register as it stands (beds are not dated).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from ..domain import compliance_records as R
from ..domain.compliance_records import CheckItem, Finding, SelfCheck
from ..domain.money import format_yuan
from ..domain.roles import Perm
from . import assessments, centre, contracts, disclosure, escrow, fees
from .context import Ctx
from .output import Written, write_document

FAR_PAST, FAR_FUTURE = dt.date(1900, 1, 1), dt.date(9999, 12, 31)


@dataclasses.dataclass
class _AsOf(Ctx):
    """The caller's context with the clock stopped on the day checked (for
    services that list "as of today", e.g. assessments.due_list)."""

    day: dt.date = dt.date.min

    def today(self) -> dt.date:
        return self.day


def _y(fen: int) -> str:
    return format_yuan(fen)


# --- the rules ------------------------------------------------------------------------------

def _deposit_cap(dash, profile) -> CheckItem:
    mult = profile.deposit_cap_multiplier
    found = tuple(Finding(r.resident_name, f"合同{r.contract_number}：月服务费{_y(r.monthly_fee_fen)}，"
                                           f"上限{_y(r.cap_fen)}（{mult}倍），押金本金{_y(r.principal_fen)}，"
                                           f"超出{_y(r.excess_fen)}，超出部分应退还",
                          r.excess_fen, None, r.resident_id, r.contract_number) for r in dash.over_cap)
    summary = (f"{len(found)}名住户押金超过上限，共超出{_y(sum(r.excess_fen for r in dash.over_cap))}" if found
               else f"在押住户{dash.residents_with_deposit}人，押金均未超过上限")
    return CheckItem(R.DEPOSIT_CAP, f"押金不超过月服务费的{mult}倍",
                     f"DOMAIN.md §1；seeds/001（七）完善价格形成机制：押金“不得超过该老年人入住养老机构月服务费的6倍”；"
                     f"上限倍数取自政策配置“{profile.name}”（{mult}倍），月服务费按在用合同条款（床位费+护理费+伙食费）计",
                     not found, summary, found,
                     (f"押金合计（220901）{_y(dash.residents_total_fen)}",))


def _escrow_account(ctx: Ctx, dash, info, on: dt.date) -> CheckItem:
    found: list[Finding] = []
    notes = [f"押金专户（100202）账面余额{_y(dash.held_fen)}", f"住户押金合计（220901）{_y(dash.residents_total_fen)}"]
    if info is not None and info.escrow_account_no:
        notes.insert(0, f"押金专户：{info.escrow_bank} {info.escrow_account_name} {info.escrow_account_no}".strip())
    elif dash.residents_total_fen > 0:
        found.append(Finding("押金专户", "持有住户押金，但未登记押金专户开户行及账号（设置 → 机构信息）",
                             dash.residents_total_fen, on))
    if dash.held_fen != dash.residents_total_fen:
        found.append(Finding("专户账面余额", f"押金专户账面余额{_y(dash.held_fen)}与住户押金合计"
                                           f"{_y(dash.residents_total_fen)}不符，相差{_y(dash.held_fen - dash.residents_total_fen)}",
                             dash.held_fen - dash.residents_total_fen, on))
    recos = [r for r in escrow.reconciliations(ctx) if r.as_of <= on]
    if recos:
        r = recos[0]
        notes.append(f"最近对账：{r.period}（{r.as_of:%Y-%m-%d}）银行对账单余额{_y(r.bank_balance_fen)}")
        if r.difference_fen:
            found.append(Finding(f"{r.period}对账", f"银行对账单余额{_y(r.bank_balance_fen)}与专户账面余额"
                                                 f"{_y(r.book_balance_fen)}相差{_y(r.difference_fen)}",
                                 r.difference_fen, r.as_of))
        if r.residents_difference_fen:
            found.append(Finding(f"{r.period}对账", f"专户账面余额{_y(r.book_balance_fen)}与住户押金合计"
                                                 f"{_y(r.residents_total_fen)}相差{_y(r.residents_difference_fen)}",
                                 r.residents_difference_fen, r.as_of))
    elif dash.residents_total_fen > 0:
        notes.append("尚未登记与银行对账单的核对（押金专户 → 对账）")
    summary = (f"{len(found)}处不符" if found else
               "押金全部存于专户，账面与住户押金一致" + ("，与银行对账单相符" if recos else ""))
    return CheckItem(R.ESCROW_ACCOUNT, "押金存入专户", "DOMAIN.md §1；seeds/001（七）：押金“应当建立专户存储”；"
                     "各seeds加强服务监管条款将违规收取押金列为检查重点。专户银行余额（对账单）、专户账面余额（100202）"
                     "与住户押金合计（220901）三者应一致", not found, summary, tuple(found), tuple(notes))


def _refunds(dash, profile) -> CheckItem:
    days = profile.deposit_refund_days
    found = [Finding(r.resident_name, f"合同{r.contract_number}服务至{r.service_end:%Y-%m-%d}，"
                                      f"应于{r.due_date:%Y-%m-%d}前退还押金余额，已逾期{-r.days_left}天未退",
                     r.balance_fen, r.due_date, r.resident_id, r.contract_number) for r in dash.overdue]
    found += [Finding(m.resident_name, f"{m.day:%Y-%m-%d}逾期退还（{m.number}）：{m.reason}",
                      m.amount_fen, m.day, m.resident_id, m.number) for m in dash.late_refunds]
    pending = [r for r in dash.due if not r.overdue]
    notes = [f"待退还{len(pending)}人，最近期限{min(r.due_date for r in pending):%Y-%m-%d}"] if pending else []
    notes.append("退还时由系统按银行同期活期存款利率逐日计息并一并退还（ACCOUNTING.md）")
    summary = (f"逾期未退{len(dash.overdue)}人，逾期退还{len(dash.late_refunds)}笔" if found
               else f"合同终止后的押金均在{days}日内退还或尚在期限内")
    return CheckItem(R.REFUNDS, f"服务终止后{days}日内退还押金并付息",
                     f"DOMAIN.md §1；seeds/001（七）：服务关系终止后“应当在10日内退还…余额，并支付银行同期活期存款利息”；"
                     f"退还期限取自政策配置“{profile.name}”（{days}日）", not found, summary, tuple(found), tuple(notes))


def _contracts(ctx: Ctx, on: dt.date) -> CheckItem:
    found, n = [], 0
    for room in centre.bed_map(ctx, on, include_inactive=True):
        for b in room.beds:
            if b.occupant_id is None:
                continue
            n += 1
            c = contracts.contract_for(ctx, b.occupant_id, on)
            if c is None:
                found.append(Finding(b.occupant_name, f"{on:%Y-%m-%d}住{b.code}床，没有覆盖当天的书面服务合同",
                                     None, on, b.occupant_id))
            elif c.signed_date is None or c.signed_date > c.start_date:
                signed = f"{c.signed_date:%Y-%m-%d}" if c.signed_date else "未登记签订日期"
                found.append(Finding(b.occupant_name, f"合同{c.number}服务自{c.start_date:%Y-%m-%d}开始，"
                                                      f"签订日期{signed}晚于服务开始", None, c.signed_date,
                                     b.occupant_id, c.number))
    summary = f"{len(found)}名在床住户缺少事先签订的书面合同" if found else f"在床住户{n}人，均已签订书面服务合同"
    return CheckItem(R.CONTRACTS, "服务前签订书面服务合同",
                     "DOMAIN.md §2；seeds/003 二(二)2、seeds/000/001/002（七）：服务前须与老年人或其代理人签订书面服务合同，"
                     "载明服务内容、项目、收费标准及争端解决方式", not found, summary, tuple(found))


def _fees(ctx: Ctx, on: dt.date) -> CheckItem:
    items = fees.list_items(ctx)
    schedule = fees.schedule_on(ctx, on)
    need = fees.DEFAULT_NOTICE_DAYS
    found: list[Finding] = []
    if not items:
        found.append(Finding("收费项目", "未登记任何收费项目及标准，无法公示", None, on))
    for r in schedule:
        if r.price_fen is None and r.next_price_fen is None:
            found.append(Finding(r.name, f"收费项目{r.code}未定价，收费标准无法公示", None, None))
    log = fees.price_changes(ctx, FAR_PAST, FAR_FUTURE)
    changes = [c for c in log.rows if not c.is_initial
               and (c.effective_date <= on or (c.notice_date is not None and c.notice_date <= on))]
    for c in changes:
        what = f"{c.effective_date:%Y-%m-%d}起由{_y(c.old_fen)}调为{_y(c.new_fen)}"
        if c.notice_date is None:
            found.append(Finding(c.name, f"{what}，未登记告知住户的日期", c.new_fen, c.effective_date))
        elif c.notice_date > c.effective_date:
            found.append(Finding(c.name, f"{what}，{c.notice_date:%Y-%m-%d}才告知住户，晚于生效日期",
                                 c.new_fen, c.effective_date))
        elif (c.effective_date - c.notice_date).days < need:
            found.append(Finding(c.name, f"{what}，{c.notice_date:%Y-%m-%d}告知，仅提前"
                                         f"{(c.effective_date - c.notice_date).days}天（应至少提前{need}天）",
                                 c.new_fen, c.effective_date))
    year_ago = on - dt.timedelta(days=365)
    recent = sum(1 for c in changes if year_ago < c.effective_date <= on)
    notes = (f"公示收费项目{sum(1 for r in schedule if r.price_fen is not None)}项",
             f"近12个月调价{recent}次（调价频次）")
    summary = (f"{len(found)}处不符" if found else "收费项目及标准已登记，调价均提前告知住户")
    return CheckItem(R.FEES, "收费公示，调价提前告知",
                     f"DOMAIN.md §2；seeds/003 二(二)2(1)–(5)、seeds/000/001/002（七）：收费项目和标准公示，"
                     f"市场价格保持相对稳定，调整须“提前告知服务对象”；本机构提前告知期为{need}天", not found, summary,
                     tuple(found), notes)


def _assessments(ctx: Ctx, on: dt.date) -> CheckItem:
    from ..domain.schedule import DUE_SOON, OVERDUE

    rows = assessments.due_list(_AsOf(ctx.app, ctx.actor, on))
    found = tuple(Finding(r.resident_name, f"{r.bed_code + '，' if r.bed_code else ''}{r.reason}，应于"
                                           f"{r.due_date:%Y-%m-%d}前评估，已逾期{-r.days_left}天",
                          None, r.due_date, r.resident_id, r.last_number) for r in rows if r.state == OVERDUE)
    soon = sum(1 for r in rows if r.state == DUE_SOON)
    st = assessments.get_settings(ctx)
    summary = f"{len(found)}名住户评估已逾期" if found else "在住住户的能力评估均在有效期内"
    return CheckItem(R.ASSESSMENTS, "老年人能力评估按期进行",
                     f"DOMAIN.md §3；seeds/003 三(一)1、六(二)，seeds/000/002 基本公共养老服务评估，seeds/004 第19条："
                     f"入住评估并定期复评（GB/T 42195-2022），复评间隔{st.interval_months}个月", not found, summary, found,
                     (f"{soon}名住户评估即将到期",) if soon else ())


def _disclosure(ctx: Ctx, on: dt.date) -> CheckItem:
    st = disclosure.status(ctx, on)
    found: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    if st is None:
        summary = "上一年度没有账目，无需报送年度财务收支情况"
    elif st.submitted_on is not None:
        summary = f"{st.year}年度财务收支情况已于{st.submitted_on:%Y-%m-%d}报送（期限{st.due_date:%Y-%m-%d}）"
        if st.submitted_on > st.due_date:
            found = (Finding(f"{st.year}年度财务收支情况", f"{st.submitted_on:%Y-%m-%d}报送{st.submitted_to}，"
                                                     f"晚于期限{st.due_date:%Y-%m-%d}", None, st.submitted_on),)
            summary = f"{st.year}年度财务收支情况逾期报送"
    elif st.overdue:
        found = (Finding(f"{st.year}年度财务收支情况", f"报送期限{st.due_date:%Y-%m-%d}，已逾期{-st.days_left}天未报送",
                         None, st.due_date),)
        summary = f"{st.year}年度财务收支情况逾期未报送"
    else:
        summary = f"{st.year}年度财务收支情况尚未报送，期限{st.due_date:%Y-%m-%d}（尚余{st.days_left}天）"
        notes = ("在期限内，未逾期",)
    return CheckItem(R.DISCLOSURE, "按期报送上一年度财务收支情况",
                     "DOMAIN.md §4；seeds/003 二(二)2(4) 建立年度财务报表公开制度：每年3月底前报送上一年度财务收支情况；"
                     "报送期限取自政策配置", not found, summary, found, notes)


def _nursing_beds(ctx: Ctx, profile) -> CheckItem:
    share = centre.bed_share(ctx)
    target = profile.nursing_bed_target_percent
    ok = share.meets(target)
    found: tuple[Finding, ...] = ()
    text = f"护理型床位{share.nursing}张，共{share.total}张，占{share.percent:.1f}%（目标不低于{target}%）"
    if not ok:
        need = -(-target * share.total // 100) - share.nursing  # ceil(target% × total) − nursing
        found = (Finding("护理型床位", text + (f"，还需{need}张" if share.total else "，尚未登记床位")),)
    return CheckItem(R.NURSING_BEDS, f"护理型床位占比不低于{target}%",
                     f"DOMAIN.md §6、§5；seeds/000/001/002/003：护理型床位不低于30%，seeds/004 第16条：不低于40%；"
                     f"目标取自政策配置“{profile.name}”（{target}%）", ok,
                     text, found)


# --- the check ---------------------------------------------------------------------------------

def check(ctx: Ctx, on_day: dt.date | None = None) -> SelfCheck:
    """Every rule as of ``on_day`` (today), green or red with its findings."""
    on = on_day or ctx.today()
    ctx.require(Perm.READ)
    info = centre.get_centre(ctx)
    profile = centre.get_profile(info.policy_profile if info else "national")
    dash = escrow.dashboard(ctx, on)
    items = (
        _deposit_cap(dash, profile),
        _escrow_account(ctx, dash, info, on),
        _refunds(dash, profile),
        _contracts(ctx, on),
        _fees(ctx, on),
        _assessments(ctx, on),
        _disclosure(ctx, on),
        _nursing_beds(ctx, profile),
    )
    actor = ctx.actor
    return SelfCheck(on, info.name if info else "", profile.code, profile.name, items,
                     actor.display_name or actor.username)


def write_pdf(ctx: Ctx, path: str | Path, on_day: dt.date | None = None, sc: SelfCheck | None = None) -> Written:
    """The self-check report as PDF (temp file, atomic rename, audited with
    its SHA-256). ``sc``: a check already made (else it is made now)."""
    ctx.require(Perm.PRINT)
    sc = sc or check(ctx, on_day)
    from ..documents import compliance_pdf

    def render(tmp: Path) -> int:
        data = compliance_pdf.selfcheck_pdf(sc, ctx.today())
        tmp.write_bytes(data)
        return len(sc.items)

    return write_document(ctx, path, render, "打印合规自查报告", "compliance",
                          {"date": sc.on, "ok": sc.ok, "failed": [i.code for i in sc.failed]})
