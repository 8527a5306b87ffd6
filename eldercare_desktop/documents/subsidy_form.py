"""What a claim's documents print, as rows both formats share.

:class:`ClaimForm` is what a claim document is made from (the claim, its
:class:`ClaimResult`, the centre and its facts); the helpers below turn it
into the rows of each part, so the PDF (``subsidy_pdf``), the workbook
(``subsidy_xlsx``) and ``eldercare subsidies show`` print the same figures
in the same order:

* 申请表 — the centre's facts (typed: dates, m², beds), 职工情况 and, for a
  resident-based claim, 入住老人类型; the month grid (合计 + each month,
  from ``result.month_counts()``); the amount per layer with how it was
  reached (``754 人次 × ¥100.00``) and 大写;
* 花名册 — the rows claimed for (``row.eligible``), numbered 1..n, with
  totals that add up to the layers' totals; 不符合条件名单 — the rows left
  out, each with the checks it failed;
* 汇总表 — per layer rows / cap / earlier claims / allowed, the funder split.

No ReportLab or openpyxl here: the command line imports this module.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

from ..domain.money import format_yuan, to_chinese_upper
from ..domain.records import CentreInfo
from ..domain.subsidy_records import Check, ClaimResult, RowResult, months_text, next_month

DRAFT_MARK = "草稿—未提交"
BOX = "☐"
APPROVAL_BLOCKS = ("县（市、区）民政·财政审核意见", "市民政·财政审核意见")
RECIPIENTS = {"centre": "机构", "resident": "老人"}
# subject → (who a roster row is, what one month of a row is called)
SUBJECT_WORDS = {"resident": ("入住老人", "人次"), "worker": ("护理员", "人次"), "centre": ("机构", "月数"),
                 "project": ("建设项目", "项目数")}
ROSTER_INFO = {
    "resident": ("姓名", "性别", "出生日期", "年龄", "身份证号", "户籍", "联系电话", "入住", "退住", "照护等级"),
    "worker": ("姓名", "性别", "身份证号", "资格证书", "劳动合同", "社保", "护理年限"),
}
HIDDEN_INFO = {"resident_id", "worker_id", "证书等级", "类别"}
LEFT_OUT_TITLE = "不符合条件名单"
STAFF_FACTS = (("管理人员", "staff_managers"), ("服务人员", "staff_service"), ("其他人员", "staff_other"))
UNRECORDED = "未登记"


@dataclass(frozen=True)
class ClaimForm:
    """Everything a claim's documents print. ``facts`` are the centre's
    dated facts in force on the period's last day (nature, established,
    licence_no, approved_beds, building_area_m2, staff_*…); ``applied_on``
    is the submission day (None for a draft)."""

    number: str
    status: str
    scheme: str
    scheme_name: str
    kind: str
    subject: str  # project | centre | resident | worker
    period: str  # 2026年上半年
    source: str
    centre: CentreInfo
    result: ClaimResult
    printed_on: dt.date
    facts: dict = field(default_factory=dict)
    attachments: tuple[str, ...] = ()
    applied_on: dt.date | None = None
    approved_fen: int | None = None
    approved_on: dt.date | None = None
    approval_note: str = ""
    received_on: dt.date | None = None

    @property
    def draft(self) -> bool:
        return self.status == "草稿"

    @property
    def status_text(self) -> str:
        return DRAFT_MARK if self.draft else self.status

    @property
    def reference(self) -> str:
        return f"申报编号：{self.number}　状态：{self.status_text}"

    @property
    def period_end(self) -> dt.date:
        """The last day of the claim's period (ages are taken on it)."""
        return dt.date.fromisoformat(next_month(self.result.last) + "-01") - dt.timedelta(days=1)


# --- figures -----------------------------------------------------------------------

def yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def upper(fen: int) -> str:
    return to_chinese_upper(fen)


def number_text(v: Decimal | int) -> str:
    """12000 → '12,000'; Decimal('1234.50') → '1,234.5'."""
    d = Decimal(v)
    return f"{int(d):,}" if d == d.to_integral_value() else f"{d.normalize():,f}"


def fact_text(label: str, v) -> str:
    """A 申请表 value as printed (None → 未登记)."""
    if v is None or v == "":
        return UNRECORDED
    if isinstance(v, dt.date):
        return f"{v:%Y-%m-%d}"
    if label == "建筑面积":
        return f"{number_text(v)} m²"
    if label == "核定床位":
        return f"{v} 张"
    return str(v)


def centre_facts(form: ClaimForm) -> list[tuple[str, object]]:
    """The 申请表 header in the order of the real forms: (label, value), the
    values typed (dates, Decimal m², int beds; None when not recorded)."""
    c, f = form.centre, form.facts
    area = f.get("building_area_m2")
    applied = form.applied_on or ("（草稿，尚未提交）" if form.draft else None)
    return [
        ("机构名称", c.name), ("机构性质", f.get("nature") or None),
        ("开业（设立）时间", f.get("established")), ("许可（备案）编号", f.get("licence_no") or None),
        ("统一社会信用代码", c.credit_code or None), ("法人代表", c.legal_representative or None),
        ("详细地址", c.address or None), ("联系电话", c.phone or None),
        ("建筑面积", Decimal(area) if area is not None else None),
        ("核定床位", f.get("approved_beds", c.approved_beds) or None),
        ("申请时间", applied),
        ("补贴项目", form.scheme_name), ("补贴类别", form.kind), ("申报期间", form.period),
        ("申报编号", form.number), ("政策依据", form.source or "（政策配置未写明）"),
    ]


def centre_rows(form: ClaimForm) -> list[tuple[str, str]]:
    """:func:`centre_facts` as text."""
    return [(label, fact_text(label, v)) for label, v in centre_facts(form)]


def staff_counts(form: ClaimForm) -> list[tuple[str, int | None]] | None:
    """职工情况: (总数, 管理人员, 服务人员, 其他人员); 总数 adds up the
    recorded ones, one not recorded is None. None when none is recorded."""
    parts = [(label, form.facts.get(key)) for label, key in STAFF_FACTS]
    if all(v is None for _, v in parts):
        return None
    return [("总数", sum(int(v) for _, v in parts if v is not None))] + [
        (label, None if v is None else int(v)) for label, v in parts]


def resident_types(form: ClaimForm) -> list[tuple[str, int | None]] | None:
    """入住老人类型 of a resident-based claim (None otherwise): 总数 (the
    resident rows), 特困老年人 (类别 contains 特困), 其他（自费）. Rows frozen
    before 类别 was kept leave the split None (未登记)."""
    if form.subject != "resident":
        return None
    rows = form.result.rows
    if rows and not any("类别" in r.info for r in rows):
        return [("总数", len(rows)), ("特困老年人", None), ("其他（自费）", None)]
    poor = sum(1 for r in rows if "特困" in str(r.info.get("类别") or ""))
    return [("总数", len(rows)), ("特困老年人", poor), ("其他（自费）", len(rows) - poor)]


def people_rows(form: ClaimForm) -> list[tuple[str, list[tuple[str, int | None]] | None]]:
    """The 申请表's people lines: (label, counts or None = 未登记)."""
    out: list[tuple[str, list[tuple[str, int | None]] | None]] = [("职工情况（人）", staff_counts(form))]
    types = resident_types(form)
    if types is not None:
        out.append(("入住老人类型（人）", types))
    return out


# --- the month grid -------------------------------------------------------------------

def month_heads(months: Sequence[str]) -> list[str]:
    """'1月' … within one year; '2025年12月' when the period crosses years."""
    one_year = len({m[:4] for m in months}) <= 1
    return [f"{int(m[5:])}月" if one_year else f"{m[:4]}年{int(m[5:])}月" for m in months]


def result_subject(result: ClaimResult) -> str:
    """The subject of a claim's rows ('resident:12' → resident)."""
    return result.rows[0].key.split(":")[0] if result.rows else ""


def result_has_months(result: ClaimResult, subject: str = "") -> bool:
    """Whether the scheme counts months (residents, workers, a centre's
    monthly operation) rather than paying once (a project's beds)."""
    rows = result.rows
    return ((subject or result_subject(result)) in ("resident", "worker") or any(r.counted_months() for r in rows)
            or any(c.month for r in rows for c in r.checks + tuple(c for x in r.layers for c in x.checks)))


def has_months(form: ClaimForm) -> bool:
    return result_has_months(form.result, form.subject)


def _by_area(form: ClaimForm) -> bool:
    """A construction claim paid per m² (a community centre), not per bed."""
    return form.subject == "project" and any(r.info.get("设施") == "社区养老服务中心" for r in form.result.rows)


def grid_word(form: ClaimForm) -> str:
    """What one unit of the 申请表 grid is: 床次数 when a layer pays per
    bed-month, the new beds (or m²) of a construction claim, 次数 for a
    one-off award to the centre."""
    if form.result.per_bed:
        return "床次数"
    if form.subject == "project":
        return "面积（m²）" if _by_area(form) else "床位数"
    if form.subject == "centre" and not has_months(form):
        return "次数"
    return SUBJECT_WORDS.get(form.subject, ("对象", "数"))[1]


def grid_label(form: ClaimForm) -> str:
    return f"申请补贴{grid_word(form)}"


def grid_values(form: ClaimForm) -> tuple[int, list[int]]:
    """(合计, per month) of the 申请表 grid; without months, the eligible rows."""
    counts = form.result.month_counts()
    if has_months(form):
        values = [counts[m] for m in form.result.months]
        return sum(values), values
    if form.subject == "project":  # the beds (or m²) of the projects claimed for
        key = "面积" if _by_area(form) else "新增床位"
        return sum(int(Decimal(str(r.info.get(key) or 0))) for r in form.result.rows if r.eligible), []
    return sum(1 for r in form.result.rows if r.eligible), []


# --- the amounts --------------------------------------------------------------------

def layer_names(form: ClaimForm) -> list[str]:
    return [x.layer for x in form.result.layers]


def layer_funders(form: ClaimForm) -> dict[str, str]:
    """Layer → '区财政' or '省级财政50%、市、区财政50%'."""
    out: dict[str, str] = {}
    for r in form.result.rows:
        for x in r.layers:
            if x.layer not in out:
                out[x.layer] = "、".join(n if len(x.funders) == 1 else f"{n}{s * 100:g}%" for n, s in x.funders)
    return out


_MONTHS_PART = re.compile(r"^(\d+) 个月 × (.+)$")
_BEDS_PART = re.compile(r"^(\d+) 张 × (.+)$")


def _rate_only(desc: str) -> str:
    """'¥150.00（证书高级（GJ5301110012））' → '¥150.00': the row's own reason
    for its rate is left to the roster, so equal rates add up."""
    if not desc.endswith("）"):
        return desc
    depth = 0
    for i in range(len(desc) - 1, -1, -1):
        depth += {"）": 1, "（": -1}.get(desc[i], 0)
        if depth == 0:
            return desc[:i].rstrip() or desc
    return desc


def layer_basis(form: ClaimForm, layer: str) -> str:
    """How a layer's amount was reached, from the rows' bases: months of the
    same rate added up ('754 人次 × ¥100.00'; per bed-month '1,500 床次 ×
    ¥10.00'), a one-off or per-bed row as it is ('600 张 × ¥10,000.00');
    a cap that cut the layer is named."""
    word = "人次" if form.subject in ("resident", "worker") else "个月"
    units: dict[tuple[str, str], int] = {}  # (word, rate text) → units
    whole: dict[str, int] = {}  # a basis that is not months × rate → rows
    for r in form.result.rows:
        for x in r.layers:
            if x.layer != layer or not x.amount_fen:
                continue
            parts = x.basis.split("；") if x.basis and "按上限" not in x.basis else [x.basis or "（见花名册）"]
            for part in parts:
                m = _MONTHS_PART.match(part)
                if m is None:
                    whole[part] = whole.get(part, 0) + 1
                    continue
                n, rate = int(m.group(1)), _rate_only(m.group(2))
                beds = _BEDS_PART.match(rate) if x.beds else None
                key = ("床次", beds.group(2)) if beds else (word, rate)
                units[key] = units.get(key, 0) + n * (int(beds.group(1)) if beds else 1)
    texts = [f"{n:,} {w} × {rate}" for (w, rate), n in sorted(units.items(), key=lambda kv: -kv[1])]
    texts += [b if n == 1 else f"{b}（{n} 项）" for b, n in whole.items()]
    if len(texts) > 4:
        texts = texts[:3] + ["等（见花名册）"]
    total = next((x for x in form.result.layers if x.layer == layer), None)
    out = "；".join(texts) or "—"
    if total is not None and total.allowed_fen != total.rows_fen:
        out += f"；各行合计 {yuan(total.rows_fen)}，核减 {yuan(total.rows_fen - total.allowed_fen)}（超出上限）"
    return out


def amount_rows(form: ClaimForm) -> list[tuple[str, str, str, str, int]]:
    """(layer, recipient, funders, how reached, allowed fen) per layer of the 申请表."""
    funders = layer_funders(form)
    return [(x.layer, RECIPIENTS.get(x.recipient, x.recipient), funders.get(x.layer, ""), layer_basis(form, x.layer),
             x.allowed_fen) for x in form.result.layers]


# --- the roster ----------------------------------------------------------------------

def eligible_rows(form: ClaimForm) -> list[RowResult]:
    """The rows claimed for: the 花名册 lists these, numbered 1..n."""
    return [r for r in form.result.rows if r.eligible]


def left_out_rows(form: ClaimForm) -> list[RowResult]:
    """The rows the claim leaves out (¥0): the 不符合条件名单."""
    return [r for r in form.result.rows if not r.eligible]


def roster_info_columns(form: ClaimForm) -> list[str]:
    if form.subject in ROSTER_INFO:
        return list(ROSTER_INFO[form.subject])
    cols: list[str] = []
    for r in form.result.rows:
        cols += [k for k in r.info if k not in HIDDEN_INFO and k not in cols]
    return cols if {"项目", "名称", "姓名"} & set(cols) else ["名称"] + cols


def age_on(birth: object, day: dt.date | None) -> int | None:
    """Whole years from ``birth`` ('1936-05-13') to ``day``."""
    try:
        b = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(str(birth))
    except ValueError:
        return None
    if day is None:
        return None
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def roster_info(row: RowResult, cols: Sequence[str], on: dt.date | None = None) -> list[str]:
    """The row's roster cells as text; 年龄 is taken on ``on`` (the period's end)."""
    out = []
    for c in cols:
        if c == "年龄":
            age = age_on(row.info.get("出生日期"), on)
            out.append("" if age is None else str(age))
        else:
            v = row.info.get(c, row.name if c in ("名称", "姓名", "项目") else "")
            out.append("" if v is None else str(v))
    return out


def left_out_columns(form: ClaimForm) -> list[str]:
    """Who a left-out row is: 姓名 and 身份证号, or the project's (centre's) name."""
    if form.subject in ("resident", "worker"):
        return ["姓名", "身份证号"]
    return roster_info_columns(form)[:1]


def short_months(months: Sequence[str], with_year: bool = False) -> str:
    """The months as runs for a narrow column: '1—4、6月' within one year,
    '2025.7—2026.6' across years (or ``with_year``: a claim that crosses years)."""
    if not months:
        return ""
    one_year = not with_year and len({m[:4] for m in months}) == 1
    runs: list[list[int]] = []
    for n in sorted({int(m[:4]) * 12 + int(m[5:]) - 1 for m in months}):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])

    def one(n: int) -> str:
        return str(n % 12 + 1) if one_year else f"{n // 12}.{n % 12 + 1}"

    return "、".join(one(a) if a == b else f"{one(a)}—{one(b)}" for a, b in runs) + ("月" if one_year else "")


def check_texts(row: RowResult, layers: int) -> list[str]:
    """Every check of a row as ``Check.text()``; one test failing (or
    passing) the same way in several months is one line naming the months.
    With several layers a layer's own checks are prefixed with its name."""
    common = list(row.checks)
    per_layer = [list(x.checks) for x in row.layers]
    shared = [c for c in (per_layer[0] if per_layer else []) if all(c in p for p in per_layer)]
    tagged: list[tuple[str, Check]] = [("", c) for c in common + shared]
    for x, cs in zip(row.layers, per_layer):
        tagged += [(f"{x.layer}：" if layers > 1 else "", c) for c in cs if c not in shared]
    groups: dict[tuple, list[str]] = {}
    for tag, c in tagged:
        groups.setdefault((tag, c.label, c.evidence, c.ok, c.requirement, bool(c.month)), []).append(c.month)
    out = []
    for (tag, label, evidence, ok, requirement, _), months in groups.items():
        month = months_text([m for m in months if m])
        out.append(tag + Check(label, evidence, ok, requirement, month).text())
    for x in row.layers:  # how the amount was reached, when it says more than the months
        if x.amount_fen and x.basis and x.basis != f"{len(x.months)} 个月":
            out.append(f"计算：{x.layer + ' ' if layers > 1 else ''}{x.basis}")
    return out


def left_out_reasons(row: RowResult, layers: int) -> list[str]:
    """Why a row is not claimed for: the checks it failed (✘), else what its amount came to."""
    fails = [t for t in check_texts(row, layers) if t.endswith("✘")]
    if fails:
        return fails
    if not row.counted_months() and any(x.basis.endswith("个月") for x in row.layers):
        return ["没有计补贴的月份"]
    return ["金额为0" + "".join(f"（{x.basis}）" for x in row.layers[:1] if x.basis)]


def row_layer_fen(row: RowResult, layer: str) -> int:
    return sum(x.amount_fen for x in row.layers if x.layer == layer)


def result_totals(result: ClaimResult) -> list[tuple[str, list[int], int]]:
    """The bottom rows under a claim's rows: 合计 (the rows added up) and,
    when a cap cut a layer, 核减（超出上限） and 本次申请; (label, per layer, total)."""
    rows = [x.rows_fen for x in result.layers]
    out = [("合计", rows, sum(rows))]
    if any(x.allowed_fen != x.rows_fen for x in result.layers):
        cut = [x.allowed_fen - x.rows_fen for x in result.layers]
        out.append(("核减（超出上限）", cut, sum(cut)))
        out.append(("本次申请", [x.allowed_fen for x in result.layers], result.total_fen))
    return out


def roster_totals(form: ClaimForm) -> list[tuple[str, list[int], int]]:
    return result_totals(form.result)


def cap_text(cap_fen: int | None) -> str:
    return "不设上限" if cap_fen is None else yuan(cap_fen)


def share(part: int, total: int) -> float | None:
    """A funder's share as a fraction (0.5 for 50 %), None without a total."""
    return part / total if total else None


def share_text(part: int, total: int) -> str:
    return f"{part * 100 / total:.2f}%" if total else "—"


def approval_text(form: ClaimForm) -> list[str]:
    """What happened after submission (empty for a draft or a pending claim)."""
    out = []
    if form.approved_fen is not None:
        out.append(f"批准金额 {yuan(form.approved_fen)}（{form.approved_on:%Y-%m-%d}）"
                   + (f"：{form.approval_note}" if form.approval_note else ""))
    if form.received_on:
        out.append(f"到账日期 {form.received_on:%Y-%m-%d}")
    return out


ROSTER_TITLES = {"resident": "入住老人花名册", "worker": "护理员花名册", "centre": "机构情况表",
                 "project": "建设项目明细表"}
SUBJECT_UNITS = {"resident": "人", "worker": "人", "project": "项", "centre": "项"}


def roster_title(form: ClaimForm) -> str:
    return ROSTER_TITLES.get(form.subject, "补贴对象花名册")


def roster_count_text(form: ClaimForm) -> str:
    """'符合条件 144 人；另有 51 人不符合条件，见不符合条件名单'."""
    unit = SUBJECT_UNITS.get(form.subject, "项")
    n, left = len(eligible_rows(form)), len(left_out_rows(form))
    if form.subject == "centre" and not left:
        return ""  # the centre itself: nothing to count
    return f"符合条件 {n} {unit}" + (f"；另有 {left} {unit}不符合条件，见{LEFT_OUT_TITLE}" if left else "")
