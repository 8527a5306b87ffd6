"""补贴申报材料 as XLSX: the sheets 申请表, 花名册, 不符合条件名单 (when
rows were left out), 汇总表 and 附件清单, from a :class:`ClaimForm` (see
``subsidy_form``: the PDF prints the same rows in the same order):

* 申请表 — the centre's facts (dates as dates, 建筑面积 and 核定床位 as
  numbers), 职工情况 and 入住老人类型 as counts, the month grid (合计 + each
  month), the amount per layer with how it was reached and 大写, the seal
  line and two blank approval blocks (县（市、区）, then 市 民政·财政审核意见);
* 花名册 — the rows claimed for, numbered 1..n: the roster columns (年龄 on
  the period's end), months counted, every check (``Check.text()``), the
  amount per layer, the row total and a 签字 column; totals at the bottom
  add up to the layers' totals;
* 不符合条件名单 — the rows left out (¥0) with the checks they failed;
* 汇总表 — per layer rows / cap / earlier claims / allowed, the funder split
  (占比 as numbers in a % format), the centre's and the residents' shares;
* 附件清单 — the scheme's attachments, ☐ per line.

Workbook conventions (as ``disclosure_xlsx``): title row, subtitle row,
frozen header; amounts are numbers (``fen / 100``) in ``¥#,##0.00``, never
text; counts are integers, dates are dates; every sheet prints on A4.

openpyxl is imported inside the functions (start-up never loads it).
"""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Callable, Sequence

from ..domain.errors import RuleViolation
from ..domain.subsidy_records import months_text
from .subsidy_form import (
    APPROVAL_BLOCKS,
    BOX,
    LEFT_OUT_TITLE,
    RECIPIENTS,
    UNRECORDED,
    ClaimForm,
    amount_rows,
    centre_facts,
    check_texts,
    eligible_rows,
    grid_label,
    grid_values,
    grid_word,
    has_months,
    layer_funders,
    layer_names,
    left_out_columns,
    left_out_reasons,
    left_out_rows,
    month_heads,
    people_rows,
    roster_count_text,
    roster_info,
    roster_info_columns,
    roster_title,
    roster_totals,
    row_layer_fen,
    share,
    upper,
)

__all__ = ["BOX", "ClaimForm", "DATE_FORMAT", "MONEY_FORMAT", "PERCENT_FORMAT", "SHEETS", "WORKER_COLUMNS",
           "claim_xlsx", "workers_xlsx"]

MONEY_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.00%"
SHEETS = ("申请表", "花名册", LEFT_OUT_TITLE, "汇总表", "附件清单")
FACT_FORMATS = {"核定床位": '0" 张"'}


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

    def put(self, r: int, c: int, value, *, money=False, bold=False, fill=None, align=None, border=True, fmt=None):
        if money and value is not None:
            value = value / 100  # fen → yuan, an exact two-decimal double
        x = self.ws.cell(r, c, value)
        if border:
            x.border = self.border
        if money:
            x.number_format = MONEY_FORMAT
        elif fmt is not None:
            x.number_format = fmt
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

    def add(self, values: Sequence[object], money: Sequence[int] = (), formats: dict | None = None, **kw) -> int:
        """A bordered row; the 1-based columns in ``money`` hold fen, ``formats``
        maps a column to its number format."""
        self.row += 1
        for c, v in enumerate(values, start=1):
            self.put(self.row, c, v, money=c in money, fmt=(formats or {}).get(c), **kw)
        return self.row

    def height(self, r: int, text: str, width: float) -> None:
        """Room for ``text`` wrapped in ``width`` characters (a CJK character
        takes two): Excel does not fit the height of a merged cell."""
        units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
        lines = max(1, -(-units // max(1, int(width) - 1)))
        if lines > 1:
            self.ws.row_dimensions[r].height = 15 * lines

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


def _fact_cell(label: str, value) -> tuple[object, str | None]:
    """A 申请表 fact as a typed cell: (value, number format)."""
    if value is None or value == "":
        return UNRECORDED, None
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
        return (int(value) if whole else float(value)), '#,##0" m²"' if whole else '#,##0.00" m²"'
    return value, FACT_FORMATS.get(label)


def _application(wb, form: ClaimForm) -> None:
    res = form.result
    n = len(res.months) if has_months(form) else 0
    widths = [26] + [12] * max(n + 1, 4)
    widths[-1] += max(0, 40 - sum(widths[4:]))  # room for 计算方式 (columns E…)
    s = _Sheet(wb, SHEETS[0], widths)
    last = s.ncols
    s.head(f"{form.scheme_name}申请表", f"{form.reference}　申报期间：{form.period}　金额单位：元")
    s.ws.freeze_panes = "A3"
    s.gap()
    left = s.Alignment(horizontal="left", vertical="top", wrap_text=True)
    for label, value in centre_facts(form):
        value, fmt = _fact_cell(label, value)
        r = s.add([label, value], formats={2: fmt} if fmt else None, align=left)
        s.ws.cell(r, 1).fill = s.head_fill
        s.merge(r, 2, last)
        if isinstance(value, str):
            s.height(r, value, sum(widths[1:]))
    for label, counts in people_rows(form):
        s.gap()
        if counts is None:
            s.header(["项目", "总数"], freeze=False)
            r = s.add([label, UNRECORDED])
            s.merge(r, 2, last)
            continue
        s.header(["项目"] + [k for k, _ in counts], freeze=False)
        s.add([label] + [UNRECORDED if v is None else v for _, v in counts])
    s.gap()
    total, values = grid_values(form)
    s.header(["项目", "合计"] + month_heads(res.months if n else ()), freeze=False)
    s.add([grid_label(form), total] + values)
    s.gap()
    s.header(["补贴项目", "领取方", "资金来源", "申请金额（元）", "计算方式"], freeze=False)
    s.merge(s.row, 5, last)
    for layer, who, funders, basis, fen in amount_rows(form):
        r = s.add([layer, who, funders, fen, basis], money=(4,))
        s.merge(r, 5, last)
        s.height(r, basis, sum(widths[4:]))
    r = s.add(["合计", None, None, res.total_fen], money=(4,), bold=True, fill=s.total_fill)
    s.merge(r, 5, last)
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
NUMBER_COLUMNS = {"新增床位", "面积", "核定床位", "年龄"}
INFO_WIDTHS = {"身份证号": 21, "劳动合同": 24, "护理年限": 22, "资格证书": 18, "户籍": 16, "项目": 20, "联系电话": 14,
               "年龄": 6, "性别": 6}


def _typed(col: str, value: str):
    """A roster cell for the workbook: dates as real dates, counts and areas as numbers."""
    if col in DATE_COLUMNS and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if col in NUMBER_COLUMNS and value:
        try:
            n = Decimal(value)
        except ArithmeticError:
            return value
        return int(n) if n == n.to_integral_value() else n
    return value or None


def _roster(wb, form: ClaimForm) -> int:
    """The rows claimed for, numbered 1..n, and the totals."""
    rows = eligible_rows(form)
    info = roster_info_columns(form)
    layers = layer_names(form)
    monthly = has_months(form)
    month_heads_ = ["计补贴月数", "计补贴月份"] if monthly else []
    widths = [6] + [INFO_WIDTHS.get(c, 12) for c in info]
    widths += [10, 16][:len(month_heads_)] + [50] + [15] * len(layers) + [15, 12]
    s = _Sheet(wb, SHEETS[1], widths)
    count = roster_count_text(form)
    s.head(roster_title(form), f"{form.centre.name}　{form.scheme_name}　{form.reference}　申报期间：{form.period}"
                               + (f"　{count}" if count else "") + "　金额单位：元")
    s.header(["序号"] + info + month_heads_ + ["核查情况（✔符合 ✘不符合）"] + layers + ["合计", "签字"])
    first_money = len(info) + len(month_heads_) + 3
    money = tuple(range(first_money, first_money + len(layers) + 1))
    end = form.period_end
    for i, row in enumerate(rows, start=1):
        months = row.counted_months()
        values = ([i] + [_typed(c, v) for c, v in zip(info, roster_info(row, info, end))]
                  + ([len(months), months_text(months) or None] if monthly else [])
                  + ["\n".join(check_texts(row, len(layers)))]
                  + [row_layer_fen(row, x) for x in layers] + [row.amount_fen, None])
        s.add(values, money=money)
    if not rows:
        r = s.add(["（没有符合条件的对象）"])
        s.merge(r, 1, s.ncols)
    counted = sum(len(r.counted_months()) for r in rows)
    for label, per_layer, total in roster_totals(form):
        lead = [label] + [None] * len(info) + ([counted if label == "合计" else None, None] if monthly else []) + [None]
        r = s.add(lead + per_layer + [total, None], money=money, bold=True, fill=s.total_fill)
        s.merge(r, 1, len(info) + 1)
    s.gap()
    s.text("制表人：　　　　　　　　审核人：　　　　　　　　申请单位（盖章）：")
    s.ws.page_setup.orientation = "landscape"
    return len(rows)


def _left_out(wb, form: ClaimForm) -> int:
    """The rows the claim leaves out (¥0), each with why."""
    rows = left_out_rows(form)
    cols = left_out_columns(form)
    layers = len(form.result.layers)
    s = _Sheet(wb, SHEETS[2], [6] + [INFO_WIDTHS.get(c, 14) for c in cols] + [90])
    s.head(LEFT_OUT_TITLE, f"{form.centre.name}　{form.scheme_name}　{form.reference}　申报期间：{form.period}"
                           f"　共{len(rows)}{'人' if form.subject in ('resident', 'worker') else '项'}，未计入本次申请")
    s.header(["序号"] + cols + ["未纳入原因（不符合的条件）"])
    for i, row in enumerate(rows, start=1):
        s.add([i] + [v or None for v in roster_info(row, cols)] + ["\n".join(left_out_reasons(row, layers))])
    if not rows:
        r = s.add(["（无：全部对象均符合条件）"])
        s.merge(r, 1, s.ncols)
    s.ws.page_setup.orientation = "portrait"
    return len(rows)


def _summary(wb, form: ClaimForm) -> None:
    res = form.result
    s = _Sheet(wb, SHEETS[3], [24, 8, 26, 15, 15, 15, 15, 48])
    s.head("补贴资金汇总表", f"{form.scheme_name}　{form.reference}　申报期间：{form.period}　金额单位：元")
    s.header(["补贴项目", "领取方", "资金来源", "各行合计", "上限", "此前已申领", "本次申请", "说明"])
    funders = layer_funders(form)
    for x in res.layers:
        s.add([x.layer, RECIPIENTS.get(x.recipient, x.recipient), funders.get(x.layer, ""), x.rows_fen,
               x.cap_fen if x.cap_fen is not None else "不设上限", x.earlier_fen, x.allowed_fen, x.cap_note or None],
              money=(4, 5, 6, 7) if x.cap_fen is not None else (4, 6, 7))
    s.add(["合计", None, None, sum(x.rows_fen for x in res.layers), None,
           sum(x.earlier_fen for x in res.layers), res.total_fen, None], money=(4, 6, 7), bold=True, fill=s.total_fill)
    s.gap()
    s.header(["资金来源", None, None, "金额", "占比"], freeze=False)

    def pct(part: int):
        v = share(part, res.total_fen)
        return "—" if v is None else v

    pct_fmt = {5: PERCENT_FORMAT}
    for name, fen in res.funders:
        s.add([name, None, None, fen, pct(fen)], money=(4,), formats=pct_fmt)
    s.add(["合计", None, None, sum(f for _, f in res.funders), pct(res.total_fen)],
          money=(4,), formats=pct_fmt, bold=True, fill=s.total_fill)
    s.gap()
    s.header(["领取方", None, None, "金额", "说明"], freeze=False)
    residents = sum(1 for r in res.rows if any(x.recipient == "resident" and x.amount_fen for x in r.layers))
    s.add(["机构部分", None, None, res.centre_fen, "计入机构政府补助收入"], money=(4,))
    s.add(["老人部分", None, None, res.resident_fen,
           f"代收后发给{residents}位老人（不计入机构收入）" if residents else "本项补贴没有发给老人的部分"], money=(4,))
    s.add(["申请金额合计", None, None, res.total_fen, upper(res.total_fen)], money=(4,), bold=True, fill=s.total_fill)
    if form.approved_fen is not None or form.received_on:
        s.gap()
        s.header(["审批与到账", None, None, "金额 / 日期", "说明"], freeze=False)
        if form.approved_fen is not None:
            s.add(["批准金额", None, None, form.approved_fen, form.approval_note or None], money=(4,))
            s.add(["批准日期", None, None, form.approved_on])
        if form.received_on:
            s.add(["到账日期", None, None, form.received_on])
    for line in [f"缺少参数：{x}" for x in res.missing] + list(res.notes):
        s.text(line)
    s.ws.page_setup.orientation = "landscape"


def _attachments(wb, form: ClaimForm) -> None:
    s = _Sheet(wb, SHEETS[4], [7, 60, 10, 10, 30])
    s.head("申报材料附件清单", f"{form.scheme_name}　{form.reference}")
    s.header(["序号", "材料名称", "已附", "份数", "备注"])
    items = form.attachments or ("（政策配置未列出附件，请按当年通知准备）",)
    for i, a in enumerate(items, start=1):
        s.add([i, a, BOX, None, None], align=None)
        s.ws.cell(s.row, 3).alignment = s.center
    s.ws.page_setup.orientation = "portrait"


def claim_xlsx(form: ClaimForm, progress: Callable[[float, str], None] | None = None, abort=None) -> bytes:
    """The claim's sheets (申请表, 花名册, 不符合条件名单, 汇总表, 附件清单) as XLSX bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _tick(0.05, "申请表", progress, abort)
    _application(wb, form)
    _tick(0.3, "花名册", progress, abort)
    _roster(wb, form)
    _tick(0.6, LEFT_OUT_TITLE, progress, abort)
    _left_out(wb, form)
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
