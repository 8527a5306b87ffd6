"""补贴申报材料 as XLSX, and the claim's figures as rows for both formats.

:class:`ClaimForm` is what a claim document is made from (the claim, its
:class:`ClaimResult`, the centre and its facts); the helpers below turn it
into the rows of each part, so the PDF (``subsidy_pdf``) and the workbook
print the same figures in the same order:

* 申请表 — the centre's facts, the month grid (合计 + each month, from
  ``result.month_counts()``), the amount per layer with 大写, the seal line
  and two blank approval blocks (县（市、区）, then 市 民政·财政审核意见);
* 花名册 — a row per :class:`RowResult`: the roster columns, months counted,
  every check (``Check.text()``), the amount per layer, the row total and a
  签字 column; totals at the bottom add up to the layers' totals;
* 汇总表 — per layer rows / cap / earlier claims / allowed, the funder split,
  the centre's and the residents' shares, the grand total;
* 附件清单 — the scheme's attachments, ☐ per line.

Workbook conventions (as ``disclosure_xlsx``): title row, subtitle row,
frozen header; amounts are numbers (``fen / 100``) in ``¥#,##0.00``, never
text; months counted are integers; every sheet prints on A4.

openpyxl is imported inside the functions (start-up never loads it), so
``subsidy_pdf`` imports the shared helpers from here without it.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..domain.errors import RuleViolation
from ..domain.money import format_yuan, to_chinese_upper
from ..domain.records import CentreInfo
from ..domain.subsidy_records import Check, ClaimResult, RowResult, months_text

MONEY_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DRAFT_MARK = "草稿—未提交"
BOX = "☐"
SHEETS = ("申请表", "花名册", "汇总表", "附件清单")
APPROVAL_BLOCKS = ("县（市、区）民政·财政审核意见", "市民政·财政审核意见")
RECIPIENTS = {"centre": "机构", "resident": "老人"}
# subject → (who a roster row is, what one month of a row is called)
SUBJECT_WORDS = {"resident": ("入住老人", "人次"), "worker": ("护理员", "人次"), "centre": ("机构", "月数"),
                 "project": ("建设项目", "项目数")}
ROSTER_INFO = {
    "resident": ("姓名", "性别", "出生日期", "身份证号", "户籍", "入住", "退住", "照护等级"),
    "worker": ("姓名", "性别", "身份证号", "资格证书", "劳动合同", "社保", "护理年限"),
}
HIDDEN_INFO = {"resident_id", "worker_id", "证书等级", "联系电话"}


@dataclass(frozen=True)
class ClaimForm:
    """Everything a claim's documents print. ``facts`` are the centre's
    dated facts in force on the period's last day (nature, established,
    licence_no, approved_beds…); ``applied_on`` is the submission day
    (None for a draft)."""

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


# --- shared rows -----------------------------------------------------------------

def yuan(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)


def upper(fen: int) -> str:
    return to_chinese_upper(fen)


def _fact(v) -> str:
    if v is None or v == "":
        return "未登记"
    return f"{v:%Y-%m-%d}" if isinstance(v, dt.date) else str(v)


def centre_rows(form: ClaimForm) -> list[tuple[str, str]]:
    """The 申请表 header: (label, value) in the order of the real forms."""
    c, f = form.centre, form.facts
    beds = f.get("approved_beds", c.approved_beds)
    return [
        ("机构名称", c.name), ("机构性质", _fact(f.get("nature"))),
        ("开业（设立）时间", _fact(f.get("established"))), ("许可（备案）编号", _fact(f.get("licence_no"))),
        ("统一社会信用代码", c.credit_code or "未登记"), ("法人代表", c.legal_representative or "未登记"),
        ("详细地址", c.address or "未登记"), ("联系电话", c.phone or "未登记"),
        ("核定床位", f"{beds} 张" if beds else "未登记"),
        ("申请时间", f"{form.applied_on:%Y-%m-%d}" if form.applied_on else "（草稿，尚未提交）" if form.draft else "未登记"),
        ("补贴项目", form.scheme_name), ("补贴类别", form.kind), ("申报期间", form.period),
        ("申报编号", form.number), ("政策依据", form.source or "（政策配置未写明）"),
    ]


def month_heads(months: Sequence[str]) -> list[str]:
    """'1月' … within one year; '2025年12月' when the period crosses years."""
    one_year = len({m[:4] for m in months}) <= 1
    return [f"{int(m[5:])}月" if one_year else f"{m[:4]}年{int(m[5:])}月" for m in months]


def has_months(form: ClaimForm) -> bool:
    """Whether the scheme counts months (residents, workers, a centre's
    monthly operation) rather than paying once (a project's beds)."""
    rows = form.result.rows
    return (form.subject in ("resident", "worker") or any(r.counted_months() for r in rows)
            or any(c.month for r in rows for c in r.checks + tuple(c for x in r.layers for c in x.checks)))


def grid_word(form: ClaimForm) -> str:
    """What one unit of the 申请表 grid is: 床次数 when a layer pays per bed-month."""
    return "床次数" if form.result.per_bed else SUBJECT_WORDS.get(form.subject, ("对象", "数"))[1]


def grid_label(form: ClaimForm) -> str:
    return f"申请补贴{grid_word(form)}"


def grid_values(form: ClaimForm) -> tuple[int, list[int]]:
    """(合计, per month) of the 申请表 grid; without months, the eligible rows."""
    counts = form.result.month_counts()
    if has_months(form):
        values = [counts[m] for m in form.result.months]
        return sum(values), values
    return sum(1 for r in form.result.rows if r.eligible), []


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


def amount_rows(form: ClaimForm) -> list[tuple[str, str, str, int]]:
    """(layer, recipient, funders, allowed fen) per layer of the 申请表."""
    funders = layer_funders(form)
    return [(x.layer, RECIPIENTS.get(x.recipient, x.recipient), funders.get(x.layer, ""), x.allowed_fen)
            for x in form.result.layers]


def roster_info_columns(form: ClaimForm) -> list[str]:
    if form.subject in ROSTER_INFO:
        return list(ROSTER_INFO[form.subject])
    cols: list[str] = []
    for r in form.result.rows:
        cols += [k for k in r.info if k not in HIDDEN_INFO and k not in cols]
    return cols if {"项目", "名称", "姓名"} & set(cols) else ["名称"] + cols


def roster_info(row: RowResult, cols: Sequence[str]) -> list[str]:
    return [str(row.info.get(c, row.name if c in ("名称", "姓名", "项目") else "")) for c in cols]


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


def row_layer_fen(row: RowResult, layer: str) -> int:
    return sum(x.amount_fen for x in row.layers if x.layer == layer)


def roster_totals(form: ClaimForm) -> list[tuple[str, list[int], int]]:
    """The roster's bottom rows: 合计 (the rows added up) and, when a cap
    cut a layer, 核减（超出上限） and 本次申请; (label, per layer, total)."""
    res = form.result
    rows = [x.rows_fen for x in res.layers]
    out = [("合计", rows, sum(rows))]
    if any(x.allowed_fen != x.rows_fen for x in res.layers):
        cut = [x.allowed_fen - x.rows_fen for x in res.layers]
        out.append(("核减（超出上限）", cut, sum(cut)))
        out.append(("本次申请", [x.allowed_fen for x in res.layers], res.total_fen))
    return out


def cap_text(cap_fen: int | None) -> str:
    return "不设上限" if cap_fen is None else yuan(cap_fen)


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


def roster_title(form: ClaimForm) -> str:
    return ROSTER_TITLES.get(form.subject, "补贴对象花名册")


# --- the workbook ------------------------------------------------------------------

def _tick(frac: float, msg: str, progress, abort) -> None:
    if abort is not None and abort.is_set():
        raise RuleViolation("已取消导出")
    if progress is not None:
        progress(frac, msg)


class _Sheet:
    """A normal-mode sheet with a title row, a subtitle row and bordered rows."""

    def __init__(self, wb, title: str, widths: Sequence[float]):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter

        self.ws = wb.create_sheet(title)
        self.ncols = len(widths)
        self.row = 0
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        side = Side(style="thin", color="808080")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.bold, self.title_font = Font(bold=True), Font(bold=True, size=14)
        self.head_fill = PatternFill("solid", fgColor="DDEBF7")
        self.total_fill = PatternFill("solid", fgColor="D9E1F2")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(vertical="top", wrap_text=True)
        self.Alignment = Alignment
        ws = self.ws
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def head(self, title: str, subtitle: str) -> None:
        self.ws.cell(1, 1, title).font = self.title_font
        self.ws.cell(2, 1, subtitle)
        self.row = 2

    def put(self, r: int, c: int, value, *, money=False, bold=False, fill=None, align=None, border=True):
        if money and value is not None:
            value = value / 100  # fen → yuan, an exact two-decimal double
        x = self.ws.cell(r, c, value)
        if border:
            x.border = self.border
        if money:
            x.number_format = MONEY_FORMAT
        elif isinstance(value, dt.date):
            x.number_format = DATE_FORMAT
        if bold:
            x.font = self.bold
        if fill is not None:
            x.fill = fill
        if align is not None:
            x.alignment = align
        elif isinstance(value, str) and ("\n" in value or len(value) > 12):
            x.alignment = self.wrap
        return x

    def add(self, values: Sequence[object], money: Sequence[int] = (), **kw) -> int:
        """A bordered row; the 1-based columns in ``money`` hold fen."""
        self.row += 1
        for c, v in enumerate(values, start=1):
            self.put(self.row, c, v, money=c in money, **kw)
        return self.row

    def header(self, labels: Sequence[str], freeze: bool = True) -> None:
        self.row += 1
        for c, h in enumerate(labels, start=1):
            self.put(self.row, c, h, bold=True, fill=self.head_fill, align=self.center)
        if freeze:
            self.ws.freeze_panes = f"A{self.row + 1}"
            self.ws.print_title_rows = f"{self.row}:{self.row}"

    def merge(self, r: int, c1: int, c2: int) -> None:
        if c2 > c1:
            for c in range(c1 + 1, c2 + 1):
                self.put(r, c, None)
            self.ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)

    def text(self, value: str, bold=False) -> None:
        self.row += 1
        x = self.ws.cell(self.row, 1, value)
        if bold:
            x.font = self.bold

    def gap(self) -> None:
        self.row += 1


def _application(wb, form: ClaimForm) -> None:
    res = form.result
    n = len(res.months) if has_months(form) else 0
    s = _Sheet(wb, SHEETS[0], [26] + [11] * max(n + 1, 4))
    last = s.ncols
    s.head(f"{form.scheme_name}申请表", f"{form.reference}　申报期间：{form.period}　金额单位：元")
    s.ws.freeze_panes = "A3"
    s.gap()
    for label, value in centre_rows(form):
        r = s.add([label, value], bold=False)
        s.ws.cell(r, 1).fill = s.head_fill
        s.merge(r, 2, last)
    s.gap()
    total, values = grid_values(form)
    s.header(["项目", "合计"] + month_heads(res.months if n else ()), freeze=False)
    s.add([grid_label(form), total] + values)
    s.gap()
    s.header(["补贴项目", "领取方", "资金来源", "申请金额（元）"], freeze=False)
    for layer, who, funders, fen in amount_rows(form):
        s.add([layer, who, funders, fen], money=(4,))
    s.add(["合计", None, None, res.total_fen], money=(4,), bold=True, fill=s.total_fill)
    r = s.add(["人民币（大写）", upper(res.total_fen)])
    s.merge(r, 2, last)
    s.gap()
    s.text("申请单位（盖章）：　　　　　　　　法定代表人（签字）：　　　　　　　　日期：　　　　年　　月　　日")
    for title in APPROVAL_BLOCKS:
        s.gap()
        r = s.add([title], bold=True, fill=s.head_fill)
        s.merge(r, 1, last)
        s.header([f"符合补贴{grid_word(form)}", "合计"]
                 + month_heads(res.months if n else ()), freeze=False)
        s.add([None] * (n + 2))
        r = s.add(["补贴金额（元）", None])
        s.merge(r, 2, last)
        r = s.add(["人民币（大写）", None])
        s.merge(r, 2, last)
        r = s.add(["审核意见", None])
        s.merge(r, 2, last)
        s.ws.row_dimensions[r].height = 45
        r = s.add(["经办人（签字）：　　　　　负责人（签字）：　　　　　（盖章）　　　　日期：　　　年　　月　　日"])
        s.merge(r, 1, last)
    s.ws.page_setup.orientation = "portrait"


DATE_COLUMNS = ("出生日期", "入住", "退住", "竣工")


def _typed(col: str, value: str):
    """A roster cell for the workbook: the date columns as real dates."""
    if col in DATE_COLUMNS and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value or None


def _roster(wb, form: ClaimForm) -> int:
    res = form.result
    info = roster_info_columns(form)
    layers = layer_names(form)
    monthly = has_months(form)
    month_heads_ = ["计补贴月数", "计补贴月份"] if monthly else []
    widths = [6] + [{"身份证号": 21, "劳动合同": 24, "护理年限": 22, "资格证书": 18, "户籍": 16, "项目": 20}.get(c, 12)
                    for c in info]
    widths += [10, 16][:len(month_heads_)] + [50] + [15] * len(layers) + [15, 12]
    s = _Sheet(wb, SHEETS[1], widths)
    s.head(roster_title(form), f"{form.centre.name}　{form.scheme_name}　{form.reference}　申报期间：{form.period}　金额单位：元")
    s.header(["序号"] + info + month_heads_ + ["核查情况（✔符合 ✘不符合）"] + layers + ["合计", "签字"])
    first_money = len(info) + len(month_heads_) + 3
    money = tuple(range(first_money, first_money + len(layers) + 1))
    for i, row in enumerate(res.rows, start=1):
        months = row.counted_months()
        values = ([i] + [_typed(c, v) for c, v in zip(info, roster_info(row, info))]
                  + ([len(months), months_text(months) or None] if monthly else [])
                  + ["\n".join(check_texts(row, len(layers)))]
                  + [row_layer_fen(row, x) for x in layers] + [row.amount_fen, None])
        s.add(values, money=money)
    counted = sum(len(r.counted_months()) for r in res.rows)
    for label, per_layer, total in roster_totals(form):
        lead = [label] + [None] * len(info) + ([counted if label == "合计" else None, None] if monthly else []) + [None]
        r = s.add(lead + per_layer + [total, None], money=money, bold=True, fill=s.total_fill)
        s.merge(r, 1, len(info) + 1)
    s.gap()
    s.text("制表人：　　　　　　　　审核人：　　　　　　　　申请单位（盖章）：")
    s.ws.page_setup.orientation = "landscape"
    return len(res.rows)


def _summary(wb, form: ClaimForm) -> None:
    res = form.result
    s = _Sheet(wb, SHEETS[2], [24, 8, 26, 15, 15, 15, 15, 48])
    s.head("补贴资金汇总表", f"{form.scheme_name}　{form.reference}　申报期间：{form.period}　金额单位：元")
    s.header(["补贴项目", "领取方", "资金来源", "各行合计", "上限", "此前已申领", "本次申请", "说明"])
    funders = layer_funders(form)
    for x in res.layers:
        s.add([x.layer, RECIPIENTS.get(x.recipient, x.recipient), funders.get(x.layer, ""), x.rows_fen,
               x.cap_fen if x.cap_fen is not None else "不设上限", x.earlier_fen, x.allowed_fen, x.cap_note],
              money=(4, 5, 6, 7) if x.cap_fen is not None else (4, 6, 7))
    s.add(["合计", None, None, sum(x.rows_fen for x in res.layers), None,
           sum(x.earlier_fen for x in res.layers), res.total_fen, None], money=(4, 6, 7), bold=True, fill=s.total_fill)
    s.gap()
    s.header(["资金来源", None, None, "金额", "占比"], freeze=False)
    for name, fen in res.funders:
        s.add([name, None, None, fen, share_text(fen, res.total_fen)], money=(4,))
    s.add(["合计", None, None, sum(f for _, f in res.funders), share_text(res.total_fen, res.total_fen)],
          money=(4,), bold=True, fill=s.total_fill)
    s.gap()
    s.header(["领取方", None, None, "金额", "说明"], freeze=False)
    residents = sum(1 for r in res.rows if any(x.recipient == "resident" and x.amount_fen for x in r.layers))
    s.add(["机构部分", None, None, res.centre_fen, "计入机构政府补助收入"], money=(4,))
    s.add(["老人部分", None, None, res.resident_fen,
           f"代收后发给{residents}位老人（不计入机构收入）" if residents else "本项补贴没有发给老人的部分"], money=(4,))
    s.add(["申请金额合计", None, None, res.total_fen, upper(res.total_fen)], money=(4,), bold=True, fill=s.total_fill)
    for line in approval_text(form) + [f"缺少参数：{x}" for x in res.missing] + list(res.notes):
        s.text(line)
    s.ws.page_setup.orientation = "landscape"


def _attachments(wb, form: ClaimForm) -> None:
    s = _Sheet(wb, SHEETS[3], [7, 60, 10, 10, 30])
    s.head("申报材料附件清单", f"{form.scheme_name}　{form.reference}")
    s.header(["序号", "材料名称", "已附", "份数", "备注"])
    items = form.attachments or ("（政策配置未列出附件，请按当年通知准备）",)
    for i, a in enumerate(items, start=1):
        s.add([i, a, BOX, None, None], align=None)
        s.ws.cell(s.row, 3).alignment = s.center
    s.ws.page_setup.orientation = "portrait"


def claim_xlsx(form: ClaimForm, progress: Callable[[float, str], None] | None = None, abort=None) -> bytes:
    """The claim's four sheets (申请表, 花名册, 汇总表, 附件清单) as XLSX bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _tick(0.05, "申请表", progress, abort)
    _application(wb, form)
    _tick(0.3, "花名册", progress, abort)
    _roster(wb, form)
    _tick(0.8, "汇总表", progress, abort)
    _summary(wb, form)
    _attachments(wb, form)
    wb.properties.title = f"{form.scheme_name} {form.number}"
    buf = io.BytesIO()
    wb.save(buf)
    _tick(1.0, "已导出", progress, None)
    return buf.getvalue()


# --- the care-worker register ---------------------------------------------------------

WORKER_COLUMNS = ("序号", "姓名", "性别", "年龄", "身份证号", "联系电话", "连续从事护理起始日", "护理年限", "资格证书",
                  "劳动合同", "合同到期日", "近6个月社保已缴（月）", "培训次数", "离职日期", "状态")


def workers_xlsx(rows: Sequence, centre_name: str, printed_on: dt.date) -> bytes:
    """The 护理员花名册 (the register's rows, duck-typed ``WorkerRow``s)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    s = _Sheet(wb, "护理员花名册", [6, 10, 6, 6, 21, 14, 12, 20, 24, 30, 12, 12, 9, 12, 8])
    s.head("养老护理员花名册", f"{centre_name}　打印日期：{printed_on:%Y-%m-%d}　共{len(rows)}人")
    s.header(list(WORKER_COLUMNS))
    for i, w in enumerate(rows, start=1):
        s.add([i, w.name, w.gender, w.age, w.id_number, w.phone, w.care_start, w.care_years, w.certificate,
               w.contract, w.contract_end, w.insured_months, w.trainings, w.left_on,
               "已离职" if w.left_on and w.left_on <= printed_on else "在职"])
    s.ws.page_setup.orientation = "landscape"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
