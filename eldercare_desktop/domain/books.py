"""The centre's own books beside what residents generate: vouchers (记账凭证)
and their templates, opening balances, straight-line depreciation and the
year-end close (年末结转). Pure rules over integer fen."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .errors import Problems, RuleViolation
from .ledger import BANK, CHART_2004, DEPRECIATION, FIXED_ASSETS, RESTRICTED, UNRESTRICTED, Chart, Kind, Line

VOUCHER_WORD = "记"
PENDING, REVIEWED, VOID = "待审核", "已审核", "作废"
OPENING_SOURCE = "期初余额"
CLOSING_SOURCE = "年末结转:"  # + year
RELEASE_SOURCE = "限制解除:"  # + voucher number
DEPRECIATION_SOURCE = "折旧:"  # + period

SALARY_PAYABLE, WITHHELD = "2204", "220902"
CARE_STAFF, OFFICE_STAFF = "510101", "520101"
DEPARTMENTS = {"业务": "5101", "管理": "5201"}  # 业务活动成本 / 管理费用
NATURES = {"人员费用": "01", "日常费用": "02", "固定资产折旧": "03", "税费": "04"}
SUBSIDY_KINDS = {"建设补贴": "440101", "运营补贴": "440102", "护理员岗位补贴": "440103", "服务补贴": "440104",
                 "其他补助": "440109"}
RESTRICTED_SUBSIDY = "440110"
DONATION = {False: "410101", True: "410102"}
ASSET_CATEGORIES = ("房屋及建筑物", "专用设备", "通用设备", "交通运输设备", "家具用具", "电子设备", "其他")
TEMPLATES = {
    "general": "通用凭证",
    "salaries": "工资",
    "purchase": "伙食及物资采购",
    "utilities": "水电燃气",
    "repairs": "维修",
    "donation": "接受捐赠",
    "subsidy": "政府补助到账",
    "asset": "购置固定资产",
    "release": "限定性净资产解除限制",
}


def voucher_number(period: str, seq: int) -> str:
    """记-2025-03-0012: per month, gap-free."""
    return f"{VOUCHER_WORD}-{period}-{seq:04d}"


def expense_account(department: str, nature: str) -> str:
    if department not in DEPARTMENTS:
        raise RuleViolation(f"费用部门应为{'或'.join(DEPARTMENTS)}", "department")
    if nature not in NATURES:
        raise RuleViolation(f"费用类别应为{'、'.join(NATURES)}之一", "nature")
    return DEPARTMENTS[department] + NATURES[nature]


@dataclass(frozen=True)
class VoucherInput:
    day: dt.date
    memo: str
    lines: tuple[Line, ...]
    attachments: int = 0
    template: str = "general"
    details: dict = field(default_factory=dict, compare=False)


# the accounts a template may post to although the app keeps them elsewhere
TEMPLATE_MAY_POST = {"asset": {"1501"}, "release": {"3101", "3102"}}


def check_kept_accounts(v: "VoucherInput", chart: Chart = CHART_2004) -> None:
    """A hand-made voucher stays off the accounts another part of the app
    keeps (deposits, residents' accounts, fixed assets, net assets): what
    they post is checked there, and the registers would disagree."""
    p = Problems()
    allowed = TEMPLATE_MAY_POST.get(v.template, set())
    for i, x in enumerate(v.lines, start=1):
        a = chart.get(x.account)
        if a is not None and a.kept_by and x.account not in allowed:
            p.add("lines", f"第{i}行（{a.name}）由“{a.kept_by}”记账，不能在凭证中直接使用")
    p.raise_if_any()


def check_review(author: str, reviewer: str, status: str) -> None:
    if status == VOID:
        raise RuleViolation("凭证已作废，不能审核")
    if status == REVIEWED:
        raise RuleViolation("凭证已审核，不能重复审核")
    if author == reviewer:
        raise RuleViolation("审核人不能是制单人：请由另一位有记账权限的人员审核", "reviewer")


def _positive(p: Problems, name: str, value: int, label: str, allow_zero: bool = False) -> None:
    if not isinstance(value, int) or value < 0 or (value == 0 and not allow_zero):
        p.add(name, f"{label}必须是大于零的金额")


# --- templates: one form → a balanced voucher --------------------------------------

def salaries(day: dt.date, care_fen: int, office_fen: int, withheld_fen: int = 0, month: str = "",
             attachments: int = 1) -> VoucherInput:
    """Monthly salaries paid from the basic account: care staff to 业务活动成本,
    office staff to 管理费用; what is withheld for social insurance stays
    payable (其他应付款—代扣社保公积金)."""
    p = Problems()
    _positive(p, "care", care_fen, "护理人员工资", allow_zero=True)
    _positive(p, "office", office_fen, "管理人员工资", allow_zero=True)
    _positive(p, "withheld", withheld_fen, "代扣社保", allow_zero=True)
    if care_fen + office_fen <= 0:
        p.add("care", "工资合计必须大于零")
    if withheld_fen >= care_fen + office_fen > 0:
        p.add("withheld", "代扣金额不能大于或等于工资合计")
    p.raise_if_any()
    what = f"{month or f'{day:%Y-%m}'}工资"
    lines = [Line(CARE_STAFF, debit=care_fen, memo="护理人员"), Line(OFFICE_STAFF, debit=office_fen, memo="管理人员")]
    lines = [x for x in lines if x.debit]
    lines.append(Line(BANK, credit=care_fen + office_fen - withheld_fen, memo="实发"))
    if withheld_fen:
        lines.append(Line(WITHHELD, credit=withheld_fen, memo="代扣个人社保公积金"))
    return VoucherInput(day, f"发放{what}", tuple(lines), attachments, "salaries",
                        {"care": care_fen, "office": office_fen, "withheld": withheld_fen})


def expense(template: str, day: dt.date, memo: str, split: dict[str, int], on_credit: bool = False,
            nature: str = "日常费用", attachments: int = 1, supplier: str = "") -> VoucherInput:
    """Food and supplies, utilities, repairs: {department: fen} to the
    department's 日常费用, paid from the basic account or owed (应付账款)."""
    p = Problems()
    if not memo.strip():
        p.add("memo", "请填写摘要")
    if not split or sum(split.values()) <= 0:
        p.add("amount", "金额必须大于零")
    for dept, fen in split.items():
        if dept not in DEPARTMENTS:
            p.add("department", f"费用部门应为{'或'.join(DEPARTMENTS)}")
        _positive(p, "amount", fen, f"{dept}部门金额", allow_zero=True)
    p.raise_if_any()
    lines = [Line(expense_account(d, nature), debit=f) for d, f in split.items() if f]
    lines.append(Line("2202" if on_credit else BANK, credit=sum(split.values()), memo=supplier))
    return VoucherInput(day, memo.strip(), tuple(lines), attachments, template,
                        {"supplier": supplier, "on_credit": on_credit})


def donation(day: dt.date, donor: str, amount_fen: int, restricted: bool, restriction: str = "",
             attachments: int = 1) -> VoucherInput:
    p = Problems()
    if not donor.strip():
        p.add("donor", "请填写捐赠人")
    _positive(p, "amount", amount_fen, "捐赠金额")
    if restricted and not restriction.strip():
        p.add("restriction", "限定性捐赠须写明限定的用途或时间")
    p.raise_if_any()
    kind = "限定性" if restricted else "非限定性"
    memo = f"收到{donor.strip()}捐赠（{kind}{'：' + restriction.strip() if restricted else ''}）"
    return VoucherInput(day, memo, (Line(BANK, debit=amount_fen), Line(DONATION[restricted], credit=amount_fen)),
                        attachments, "donation",
                        {"donor": donor.strip(), "restricted": restricted, "restriction": restriction.strip()})


def subsidy(day: dt.date, kind: str, amount_fen: int, payer: str = "", restricted: bool = False,
            document: str = "", attachments: int = 1) -> VoucherInput:
    p = Problems()
    if kind not in SUBSIDY_KINDS:
        p.add("kind", f"补助类别应为{'、'.join(SUBSIDY_KINDS)}之一")
    _positive(p, "amount", amount_fen, "补助金额")
    p.raise_if_any()
    account = RESTRICTED_SUBSIDY if restricted else SUBSIDY_KINDS[kind]
    memo = f"收到{payer.strip() or '政府'}拨付{kind}" + (f"（{document.strip()}）" if document.strip() else "")
    return VoucherInput(day, memo, (Line(BANK, debit=amount_fen), Line(account, credit=amount_fen)), attachments,
                        "subsidy", {"kind": kind, "payer": payer.strip(), "restricted": restricted,
                                    "document": document.strip()})


def asset_purchase(day: dt.date, name: str, cost_fen: int, supplier: str = "", on_credit: bool = False,
                   attachments: int = 1) -> VoucherInput:
    p = Problems()
    if not name.strip():
        p.add("name", "请填写资产名称")
    _positive(p, "cost", cost_fen, "资产原值")
    p.raise_if_any()
    return VoucherInput(day, f"购置固定资产：{name.strip()}", (
        Line(FIXED_ASSETS, debit=cost_fen, memo=name.strip()),
        Line("2202" if on_credit else BANK, credit=cost_fen, memo=supplier)), attachments, "asset",
        {"name": name.strip(), "supplier": supplier})


def release(day: dt.date, amount_fen: int, purpose: str, attachments: int = 0) -> VoucherInput:
    """A restriction met (the purpose fulfilled or the time passed): the
    amount moves from 限定性 to 非限定性 净资产 (业务活动表 line 40)."""
    p = Problems()
    _positive(p, "amount", amount_fen, "解除限制金额")
    if not purpose.strip():
        p.add("purpose", "请写明限制如何解除（例如：限定用途的设备已购置）")
    p.raise_if_any()
    return VoucherInput(day, f"限定性净资产解除限制：{purpose.strip()}",
                        (Line(RESTRICTED, debit=amount_fen), Line(UNRESTRICTED, credit=amount_fen)), attachments,
                        "release", {"purpose": purpose.strip()})


# --- opening balances ------------------------------------------------------------

def check_opening(day: dt.date, lines: tuple[Line, ...], chart: Chart = CHART_2004) -> None:
    """期初余额: balance-sheet accounts only, balanced, on the first day of a year."""
    p = Problems()
    if (day.month, day.day) != (1, 1):
        p.add("day", "期初余额须记在启用年度的第一天（1月1日）")
    if not lines:
        p.add("lines", "请录入期初余额")
    for i, x in enumerate(lines, start=1):
        a = chart.get(x.account)
        if a is None:
            p.add("lines", f"第{i}行的会计科目“{x.account}”不存在")
            continue
        if a.kind in (Kind.INCOME, Kind.EXPENSE):
            p.add("lines", f"第{i}行（{a.name}）：收入、费用科目没有期初余额，年初已结转到净资产")
        if x.debit < 0 or x.credit < 0:
            p.add("lines", f"第{i}行（{a.name}）金额不能为负数")
    debit, credit = sum(x.debit for x in lines), sum(x.credit for x in lines)
    if debit != credit:
        p.add("lines", f"期初余额借贷不平衡：借方合计{debit / 100:,.2f}元，贷方合计{credit / 100:,.2f}元，"
                       f"相差{abs(debit - credit) / 100:,.2f}元")
    p.raise_if_any()


# --- depreciation ------------------------------------------------------------------

def months_between(start: dt.date, period: str) -> int:
    """How many months ``period`` (YYYY-MM) lies after ``start``'s month."""
    y, m = int(period[:4]), int(period[5:7])
    return (y - start.year) * 12 + (m - start.month)


def depreciation_for(cost_fen: int, salvage_fen: int, life_months: int, in_use: dt.date, period: str,
                     before_fen: int = 0, before_through: str = "") -> int:
    """Straight line from the month after the asset goes into use (当月增加
    的固定资产当月不提折旧), for ``life_months`` months. Month n carries
    round(base × n / months) − round(base × (n − 1) / months), so the months
    add up exactly to the base. An asset held before the app's opening
    balances has ``before_fen`` charged through ``before_through``: the rest
    (cost − salvage − before) is spread over the months left after it."""
    done = months_between(in_use, before_through) if before_through else 0
    left = life_months - max(0, done)
    n = months_between(in_use, period) - max(0, done)
    if n < 1 or n > left:
        return 0
    base = Decimal(cost_fen - salvage_fen - before_fen)

    def upto(k: int) -> int:
        return int((base * k / left).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    return upto(n) - upto(n - 1)


def check_asset(name: str, category: str, cost_fen: int, salvage_fen: int, life_months: int, department: str,
                in_use: dt.date, today: dt.date, before_fen: int = 0, before_through: str = "") -> None:
    p = Problems()
    if before_fen and not before_through:
        p.add("before_through", "请填写期初已提折旧截至的月份")
    if before_through:
        try:
            dt.date(int(before_through[:4]), int(before_through[5:7]), 1)
            if len(before_through) != 7 or before_through[4] != "-":
                raise ValueError
        except ValueError:
            p.add("before_through", f"月份“{before_through}”格式应为YYYY-MM")
            before_through = ""
    if before_through and months_between(in_use, before_through) < 0:
        p.add("before_through", "期初已提折旧的截至月份不能早于启用月份")
    if before_through and months_between(in_use, before_through) >= life_months and before_fen < cost_fen - salvage_fen:
        p.add("before_fen", "截至该月已到使用年限，期初累计折旧应等于原值减残值")
    if not isinstance(before_fen, int) or before_fen < 0 or (isinstance(cost_fen, int) and isinstance(salvage_fen, int)
                                                              and before_fen > cost_fen - salvage_fen):
        p.add("before_fen", "期初累计折旧不能为负数，也不能超过原值减残值")
    if not name.strip():
        p.add("name", "请填写资产名称")
    if category not in ASSET_CATEGORIES:
        p.add("category", f"资产类别应为{'、'.join(ASSET_CATEGORIES)}之一")
    if not isinstance(cost_fen, int) or cost_fen <= 0:
        p.add("cost", "资产原值必须大于零")
    elif not isinstance(salvage_fen, int) or salvage_fen < 0 or salvage_fen >= cost_fen:
        p.add("salvage", "预计净残值不能为负数，且须小于原值")
    if not isinstance(life_months, int) or not 1 <= life_months <= 600:
        p.add("life", "使用年限应为1至600个月")
    if department not in DEPARTMENTS:
        p.add("department", "使用部门应为业务或管理")
    if in_use > today:
        p.add("in_use", "启用日期不能晚于今天")
    p.raise_if_any()


def depreciation_lines(items: list[tuple[str, int, str]]) -> tuple[Line, ...]:
    """[(department, fen, asset memo)] → Dr 折旧 by department, Cr 累计折旧."""
    by_dept: dict[str, int] = {}
    for dept, fen, _ in items:
        by_dept[dept] = by_dept.get(dept, 0) + fen
    lines = [Line(expense_account(d, "固定资产折旧"), debit=f) for d, f in sorted(by_dept.items()) if f]
    lines.append(Line(DEPRECIATION, credit=sum(by_dept.values())))
    return tuple(lines)


# --- year-end close ------------------------------------------------------------------

def _line(account: str, dmc: int, memo: str = "") -> Line:
    """A line that moves ``account`` by ``dmc`` (debit − credit)."""
    return Line(account, debit=dmc) if dmc > 0 else Line(account, credit=-dmc, memo=memo) if dmc < 0 else None


def closing_lines(balances: dict[str, int], chart: Chart = CHART_2004) -> tuple[Line, ...]:
    """年末结转: every income and expense balance (debit − credit) to zero;
    restricted income to 限定性净资产, the rest to 非限定性净资产."""
    lines: list[Line] = []
    to = {UNRESTRICTED: 0, RESTRICTED: 0}
    for code in sorted(balances):
        v = balances[code]
        a = chart.get(code)
        if not v or a is None or a.kind not in (Kind.INCOME, Kind.EXPENSE):
            continue
        lines.append(_line(code, -v))
        to[RESTRICTED if a.kind is Kind.INCOME and a.restricted else UNRESTRICTED] += v
    for code, v in to.items():
        if v:
            lines.append(_line(code, v))
    return tuple(lines)
