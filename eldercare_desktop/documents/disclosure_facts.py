"""What the disclosure PDF and XLSX both print, as plain rows: no ReportLab,
no openpyxl. A value is an ``int`` (always an amount in fen: money), a
``datetime.date`` or a ``str`` (printed as it is)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..domain.disclosure_records import direction  # noqa: F401 (re-exported)
from ..domain.disclosure_records import AccountDetail, DetailLine, DisclosureContext, FeeStandard, PriceChange
from ..domain.errors import RuleViolation
from ..domain.money import format_yuan
from ..domain.statements import Statement, StatementLine

Row = tuple[str, "int | str", str]  # label, value, note

# 行次 of the key figures (2004 formats; the checks in domain.statements use the same)
INCOME, SERVICE, SUBSIDY, DONATION = 11, 3, 5, 1
EXPENSES, OPERATING, ADMIN, CHANGE = 35, 12, 21, 45
ASSETS, LIABILITIES, NET_ASSETS = 60, 100, 110


def require_ok(ctx: DisclosureContext) -> None:
    """The package is never printed while a check between the statements fails."""
    if not ctx.statements.ok:
        raise RuleViolation(f"{ctx.year}年度财务报表未通过校验，不能生成公开材料：" + "；".join(ctx.statements.problems()))


def yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen, symbol=False)


def day(d: dt.date | None) -> str:
    return "—" if d is None else f"{d.year}年{d.month}月{d.day}日"


def percent(x: Decimal, places: str = "0.1") -> str:
    """0.8 -> '80.0%'."""
    return f"{(Decimal(x) * 100).quantize(Decimal(places), rounding=ROUND_HALF_UP)}%"


def paragraphs(text: str) -> list[str]:
    """The work report split on blank lines; empty paragraphs dropped."""
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def column_groups(columns: tuple[str, ...]) -> list[tuple[str, list[str]]] | None:
    """'本年数·非限定性', … -> [('本年数', ['非限定性', …]), …]; None when no
    column has a group (one header row is enough)."""
    if not any("·" in c for c in columns):
        return None
    groups: list[tuple[str, list[str]]] = []
    for c in columns:
        g, _, sub = c.partition("·")
        if groups and groups[-1][0] == g:
            groups[-1][1].append(sub)
        else:
            groups.append((g, [sub]))
    return groups


def indent_level(x: StatementLine) -> int:
    """0 for headings, totals and numbered items (三、…), 2 for "其中" detail, else 1."""
    if x.detail:
        return 2
    if x.heading or x.total or x.grand or x.row is None or re.match(r"^[一二三四五六七八九十]+、", x.label):
        return 0
    return 1


def date_line(st: Statement) -> str:
    """The date on a statement's header line: a balance sheet is at year end."""
    return f"{st.year}年12月31日" if st.code.endswith("01表") else f"{st.year}年度"


@dataclass(frozen=True)
class DetailRow:
    """A printed row of a 明细账: the opening balance, a line, a month's
    totals (本月合计), the span's totals (本期合计) or the closing balance."""

    kind: str  # opening | line | month | span | closing
    day: dt.date | None
    line: DetailLine | None
    debit: int
    credit: int
    balance: int | None  # on the account's normal side; None on 本期合计


def detail_rows(d: AccountDetail) -> list[DetailRow]:
    out = [DetailRow("opening", d.date_from, None, 0, 0, d.opening)]
    month, md, mc, balance = None, 0, 0, d.opening
    for x in d.lines:
        key = (x.day.year, x.day.month)
        if month is not None and key != month:
            out.append(DetailRow("month", None, None, md, mc, balance))
            md = mc = 0
        month = key
        md, mc, balance = md + x.debit, mc + x.credit, x.balance
        out.append(DetailRow("line", x.day, x, x.debit, x.credit, x.balance))
    if month is not None:
        out.append(DetailRow("month", None, None, md, mc, balance))
    out.append(DetailRow("span", None, None, sum(x.debit for x in d.lines), sum(x.credit for x in d.lines), None))
    out.append(DetailRow("closing", d.date_to, None, 0, 0, d.closing))
    return out


DETAIL_LABELS = {"opening": "期初余额", "month": "本月合计", "span": "本期合计", "closing": "期末余额"}


def centre_rows(ctx: DisclosureContext) -> list[tuple[str, str]]:
    c = ctx.centre
    return [
        ("机构名称", c.name), ("统一社会信用代码", c.credit_code), ("机构性质", c.kind), ("法定代表人", c.legal_representative),
        ("地址", c.address), ("联系电话", c.phone),
        ("基本存款账户", f"{c.bank_name}　账号：{c.bank_account_no}"),
        ("押金专用账户", f"{c.escrow_bank}　户名：{c.escrow_account_name}　账号：{c.escrow_account_no}"),
        ("床位", f"核定床位{c.approved_beds}张，现有床位{c.beds}张，其中护理型床位{c.nursing_beds}张"),
        ("工作人员", f"{c.staff_count}人"), ("适用政策", c.profile_name),
    ]


def filing_rows(ctx: DisclosureContext) -> list[tuple[str, str]]:
    return [
        ("报告年度", f"{ctx.year}年度（{ctx.year}年1月1日至{ctx.year}年12月31日）"),
        ("报送期限", f"{day(ctx.due_date)}前报送民政部门、价格主管部门"),
        ("年末结转", "已结账" if ctx.year_closed else "未结账（净资产含本年收支）"),
        ("编制日期", day(ctx.prepared_on)), ("制表人", ctx.prepared_by or "—"),
        ("报送日期", day(ctx.submitted_on) if ctx.submitted_on else "未报送"),
    ]


FEE_HEAD = ("类别", "项目", "计价单位", "收费标准（元）", "执行日期")
CHANGE_HEAD = ("项目", "生效日期", "调整前（元）", "调整后（元）", "调整幅度", "公示日期", "调整原因")


def fee_row(f: FeeStandard) -> tuple[str, str, str, int | str, dt.date | str]:
    return (f.kind_name, f.name, f.unit, "—" if f.price_fen is None else f.price_fen,
            "—" if f.since is None else f.since)


def change_row(c: PriceChange) -> tuple[str, dt.date, int | str, int, str, dt.date, str]:
    if c.old_fen is None:
        old, rate = "新增项目", "—"
    else:
        old = c.old_fen
        rate = percent(Decimal(c.new_fen - c.old_fen) / c.old_fen) if c.old_fen else "—"
    name = f"{c.name}（元/{c.unit}）" if c.unit else c.name
    return name, c.effective_date, old, c.new_fen, rate, c.notice_date, c.reason


def price_change_text(ctx: DisclosureContext) -> str:
    new = sum(1 for c in ctx.price_changes if c.old_fen is None)
    text = f"本年度调价频次：{ctx.price_change_count}次"
    return text + (f"（另新增收费项目{new}项，不计入调价次数）" if new else "")


def escrow_rows(ctx: DisclosureContext) -> list[Row]:
    e = ctx.escrow
    c = ctx.centre
    moved = e.opening_fen + e.received_fen - e.deducted_fen - e.refunded_fen + e.interest_fen
    gap = e.bank_closing_fen - e.closing_fen
    return [
        ("押金专户", "　".join(x for x in (c.escrow_bank, c.escrow_account_name, c.escrow_account_no) if x) or "未登记",
         ""),
        ("年初押金余额", e.opening_fen, ""),
        ("本年收取押金", e.received_fen, ""),
        ("本年扣除押金", e.deducted_fen, "入住期间医疗等应急费用"),
        ("本年退还押金", e.refunded_fen, ""),
        ("本年利息入账", e.interest_fen, "按银行活期存款利率计息，归住户所有"),
        ("年末押金余额", e.closing_fen, f"{e.residents_holding}位住户持有押金"
         + ("" if moved == e.closing_fen else f"；年初+收取−扣除−退还+利息={yuan(moved)}，与年末余额不符")),
        ("押金专户银行存款账面余额", e.bank_closing_fen,
         "与住户押金余额一致" if gap == 0 else f"与住户押金余额相差{yuan(gap)}"),
        ("逾期退还", f"{e.refunds_overdue}笔" if e.refunds_overdue else "无",
         f"金额{yuan(e.refunds_overdue_fen)}" if e.refunds_overdue else ""),
        ("超过押金上限", f"{e.over_cap}人" if e.over_cap else "无", f"超出金额{yuan(e.over_cap_fen)}" if e.over_cap else ""),
    ]


def prepaid_rows(ctx: DisclosureContext) -> list[Row]:
    p, f = ctx.prepaid_fen, ctx.net_fixed_assets_fen
    if f <= 0:
        ratio, verdict = "—", "固定资产净值为零，无法计算比例"
    else:
        ratio = percent(Decimal(p) / f)
        verdict = ("预收费总额未超过固定资产净值" if p <= f
                   else "预收费总额超过固定资产净值，不符合《养老机构预收费管理办法》要求")
    return [
        ("预收费总额（预收账款＋住户押金）", p, "年末余额"),
        ("固定资产净值", f, "资产负债表“固定资产净值”期末数"),
        ("预收费总额÷固定资产净值", ratio, verdict),
    ]


def subsidy_note(ctx: DisclosureContext) -> str:
    act = ctx.statements.activity
    try:
        booked = act.value(SUBSIDY, 2)
    except KeyError:
        return ""
    total = ctx.subsidies_total
    if booked == total:
        return f"合计与业务活动表“政府补助收入”（第{SUBSIDY}行）本年数一致。"
    return f"合计{yuan(total)}与业务活动表“政府补助收入”（第{SUBSIDY}行）本年数{yuan(booked)}不一致。"


def occupancy_rows(ctx: DisclosureContext) -> list[Row]:
    o = ctx.occupancy
    target = Decimal(o.nursing_target_percent) / 100
    met = "已达到" if o.nursing_share >= target else "未达到"
    return [
        ("床位数", f"{o.beds}张", f"全年{o.days}天"),
        ("可用床日数", f"{o.bed_days:,}", "床位数×在用天数"),
        ("实际占用床日数", f"{o.occupied_bed_days:,}", ""),
        ("床位使用率", percent(o.rate), "实际占用床日数÷可用床日数"),
        ("护理型床位", f"{o.nursing_beds}张", ""),
        ("护理型床位占比", percent(o.nursing_share), f"目标不低于{o.nursing_target_percent}%，{met}"),
        ("年初在住老人", f"{o.residents_start}人", ""),
        ("本年入住", f"{o.admissions}人", ""),
        ("本年退住", f"{o.discharges}人", ""),
        ("年末在住老人", f"{o.residents_end}人", ""),
    ]


NOTICE_SECTIONS = {"收入合计": "一、收支情况", "资产总计": "二、资产负债情况（年末）",
                   "押金专户年末余额": "三、押金、收费与床位"}


def notice_rows(ctx: DisclosureContext) -> list[tuple[str, int | str, bool]]:
    """The notice's figures: (label, value, indented)."""
    act, bs = ctx.statements.activity, ctx.statements.balance
    e = ctx.escrow
    return [
        ("收入合计", act.value(INCOME, 2), False),
        ("其中：提供服务收入", act.value(SERVICE, 2), True),
        ("政府补助收入", act.value(SUBSIDY, 2), True),
        ("捐赠收入", act.value(DONATION, 2), True),
        ("费用合计", act.value(EXPENSES, 2), False),
        ("其中：业务活动成本", act.value(OPERATING, 2), True),
        ("管理费用", act.value(ADMIN, 2), True),
        ("净资产变动额", act.value(CHANGE, 2), False),
        ("资产总计", bs.value(ASSETS, 1), False),
        ("负债合计", bs.value(LIABILITIES, 1), False),
        ("净资产合计", bs.value(NET_ASSETS, 1), False),
        ("押金专户年末余额", f"{yuan(e.closing_fen)}（{e.residents_holding}位住户）", False),
        ("本年度调价次数", f"{ctx.price_change_count}次", False),
        ("床位使用率", percent(ctx.occupancy.rate), False),
    ]


def check_mark(ok: bool) -> str:
    return "✔ 通过" if ok else "✘ 未通过"
