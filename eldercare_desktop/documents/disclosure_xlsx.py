"""年度财务收支情况公开 and the year's books as XLSX, the same figures as
the PDFs (``disclosure_pdf``, ``books_pdf``):

* :func:`package_xlsx` — one sheet per statement (资产负债表, 业务活动表,
  现金流量表) with a 行次 column, then 说明与校验, 收费标准, 押金专户,
  政府补助, 床位使用 and 基本情况 (the centre's facts and the work report);
* :func:`trial_balance_xlsx`, :func:`ledger_xlsx`, :func:`detail_xlsx`.

Conventions of ``finance_xlsx``: title row, subtitle row, frozen header from
row 3; account codes are text; dates real dates; amounts numbers in yuan
(``fen / 100``) shown ``#,##0.00`` (a negative with "-"). Every sheet prints
on A4 landscape, fitted to the page width, with its header rows repeated.
The small package sheets use openpyxl's normal mode; the 明细账, which can
be long, is written in write-only mode.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Sequence

from ..domain.disclosure_records import AccountDetail, DisclosureContext, GeneralLedgerAccount, YearTrialBalance
from ..domain.statements import Statement
from . import disclosure_facts as F
from .finance_xlsx import DATE_FORMAT, MONEY_FORMAT, TEXT_FORMAT, _discard, _Sheet
from .xlsx import print_setup

STATEMENT_SHEETS = ("资产负债表", "业务活动表", "现金流量表")
NOTES_SHEET, FEES_SHEET, ESCROW_SHEET = "说明与校验", "收费标准", "押金专户"
SUBSIDY_SHEET, BEDS_SHEET, FACTS_SHEET = "政府补助", "床位使用", "基本情况"


def page_setup(ws, title_rows: str) -> None:
    """A4 landscape, fitted to one page wide, ``title_rows`` ("3:4") repeated
    (the shared :func:`documents.xlsx.print_setup`)."""
    print_setup(ws, title_rows)


class _Styles:
    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.Alignment = Alignment
        self.bold = Font(bold=True)
        self.title = Font(bold=True, size=14)
        self.warn = Font(color="C0181F")
        self.head_fill = PatternFill("solid", fgColor="DDEBF7")
        self.light_fill = PatternFill("solid", fgColor="F2F2F2")
        self.total_fill = PatternFill("solid", fgColor="D9E1F2")
        side = Side(style="thin", color="808080")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(vertical="top", wrap_text=True)


class _Writer:
    """One normal-mode sheet: title, subtitle, header row(s), then rows."""

    def __init__(self, wb, st: _Styles, title: str, widths: Sequence[float]):
        from openpyxl.utils import get_column_letter

        self.ws = wb.create_sheet(title)
        self.st = st
        self.ncols = len(widths)
        self.row = 0
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w

    def cell(self, r: int, c: int, value, *, bold=False, fill=None, align=None, fmt=None, font=None, indent=0,
             money=True):
        if money and isinstance(value, int) and not isinstance(value, bool):  # fen
            value, fmt = value / 100, fmt or MONEY_FORMAT
        elif isinstance(value, dt.date):
            fmt = fmt or DATE_FORMAT
        x = self.ws.cell(r, c, value)
        x.border = self.st.border
        if fmt:
            x.number_format = fmt
        if bold or font:
            x.font = font or self.st.bold
        if fill is not None:
            x.fill = fill
        if align is not None or indent:
            x.alignment = align or self.st.Alignment(indent=indent, vertical="center")
        return x

    def head(self, title: str, subtitle: str, right: str = "") -> None:
        ws = self.ws
        ws.cell(1, 1, title).font = self.st.title
        if right:
            ws.cell(1, self.ncols, right).alignment = self.st.Alignment(horizontal="right")
        ws.cell(2, 1, subtitle)
        self.row = 2

    def header(self, labels: Sequence[str], groups: list[tuple[str, list[str]]] | None = None, lead: int = 0) -> str:
        """Header row(s) from the next row on; ``groups`` after ``lead``
        single columns make a two-row header. Returns the rows ("3:4")."""
        first = self.row + 1
        if groups is None:
            for c, h in enumerate(labels, start=1):
                self.cell(first, c, h, bold=True, fill=self.st.head_fill, align=self.st.center)
            self.row = first
        else:
            for c, h in enumerate(labels[:lead], start=1):
                self.cell(first, c, h, bold=True, fill=self.st.head_fill, align=self.st.center)
                self.cell(first + 1, c, None, fill=self.st.head_fill)
                self.ws.merge_cells(start_row=first, start_column=c, end_row=first + 1, end_column=c)
            c = lead + 1
            for g, subs in groups:
                self.cell(first, c, g, bold=True, fill=self.st.head_fill, align=self.st.center)
                for k, sub in enumerate(subs):
                    if k:
                        self.cell(first, c + k, None, fill=self.st.head_fill)
                    self.cell(first + 1, c + k, sub, bold=True, fill=self.st.head_fill, align=self.st.center)
                self.ws.merge_cells(start_row=first, start_column=c, end_row=first, end_column=c + len(subs) - 1)
                c += len(subs)
            self.row = first + 1
        self.ws.freeze_panes = f"A{self.row + 1}"
        page_setup(self.ws, f"{first}:{self.row}")
        return f"{first}:{self.row}"

    def add(self, values: Sequence[object], *, bold=False, fill=None, indent=0, wrap=False,
            plain: tuple[int, ...] = ()) -> int:
        """A bordered row; ints are fen except in the ``plain`` columns (1-based)."""
        self.row += 1
        for c, v in enumerate(values, start=1):
            align = self.st.wrap if wrap and isinstance(v, str) else None
            if c in plain:
                align = self.st.center
            self.cell(self.row, c, v, bold=bold, fill=fill, align=align, indent=indent if c == 1 else 0,
                      money=c not in plain)
        return self.row

    def text(self, value: str, *, bold=False, font=None) -> None:
        """A free line under (or between) tables, without a border."""
        self.row += 1
        x = self.ws.cell(self.row, 1, value)
        if bold or font:
            x.font = font or self.st.bold

    def gap(self) -> None:
        self.row += 1


# --- the package --------------------------------------------------------------------------

def _statement_sheet(wb, st_: _Styles, ctx: DisclosureContext, st: Statement, name: str) -> None:
    n = len(st.columns)
    w = _Writer(wb, st_, name, [44, 7] + [17] * n)
    w.head(st.title, f"编制单位：{ctx.centre.name}　　{F.date_line(st)}　　单位：元", st.code)
    groups = F.column_groups(st.columns)
    w.header(["项目", "行次"] + ([] if groups else list(st.columns)), groups, lead=2)
    for x in st.lines:
        if x.heading:
            w.add([x.label, None] + [None] * n, bold=True, fill=st_.light_fill)
            continue
        total = x.total or x.grand
        w.add([x.label, x.row] + [v or 0 for v in x.values], bold=total,
              fill=st_.total_fill if total else None, indent=F.indent_level(x), plain=(2,))
    w.gap()
    w.text(f"单位负责人：　　　　　　会计机构负责人：　　　　　　制表人：{ctx.prepared_by}")
    if st.format_note:
        w.text(st.format_note, font=st_.warn)


def _notes_sheet(wb, st_: _Styles, ctx: DisclosureContext) -> None:
    ss = ctx.statements
    w = _Writer(wb, st_, NOTES_SHEET, [26, 48, 11, 60])
    w.head("报表说明及勾稽校验", f"{ctx.centre.name}　{ctx.year}年度")
    w.header(["类别", "内容", "结果", "说明"])
    for st in (ss.balance, ss.activity, ss.cash_flow):
        for note in list(st.notes) + ([st.format_note] if st.format_note else []):
            w.add([f"{st.title}（{st.code}）", note, None, None], wrap=True)
    for c in ss.checks:
        r = w.add(["勾稽校验", c.name, F.check_mark(c.ok), c.detail], wrap=True)
        if not c.ok:
            w.ws.cell(r, 3).font = st_.warn


def _fees_sheet(wb, st_: _Styles, ctx: DisclosureContext) -> None:
    w = _Writer(wb, st_, FEES_SHEET, [22, 14, 15, 15, 12, 13, 30])
    w.head("收费项目及标准", f"{ctx.centre.name}　{ctx.year}年末执行　金额单位：元")
    w.header(F.FEE_HEAD)
    for f in ctx.fees:
        w.add(F.fee_row(f))
    if not ctx.fees:
        w.text("（未登记收费项目）")
    w.gap()
    w.text("本年度调价情况", bold=True)
    w.text(F.price_change_text(ctx))
    w.row += 1
    for c, h in enumerate(F.CHANGE_HEAD, start=1):
        w.cell(w.row, c, h, bold=True, fill=st_.head_fill, align=st_.center)
    for c in ctx.price_changes:
        w.add(F.change_row(c))
    if not ctx.price_changes:
        w.text("本年度未调整收费标准")


def _rows_sheet(wb, st_: _Styles, name: str, title: str, subtitle: str, head: Sequence[str],
                parts: list[tuple[str, list[F.Row]]]) -> _Writer:
    w = _Writer(wb, st_, name, [34, 18, 60])
    w.head(title, subtitle)
    w.header(head)
    for i, (caption, rows) in enumerate(parts):
        if caption:
            if i:
                w.gap()
            w.text(caption, bold=True)
        for label, value, note in rows:
            r = w.add([label, value, note or None], wrap=True)
            if isinstance(value, str) and not note and len(value) > 12:  # e.g. the escrow account: one line
                w.ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    return w


def _subsidy_sheet(wb, st_: _Styles, ctx: DisclosureContext) -> None:
    w = _Writer(wb, st_, SUBSIDY_SHEET, [30, 10, 12, 18])
    w.head("政府补助收入", f"{ctx.centre.name}　{ctx.year}年度　金额单位：元")
    w.header(["补助类别", "科目", "性质", "金额（元）"])
    for x in ctx.subsidies:
        r = w.add([x.kind, x.account, "限定性" if x.restricted else "非限定性", x.amount_fen])
        w.ws.cell(r, 2).number_format = TEXT_FORMAT
    w.add(["合计", None, None, ctx.subsidies_total], bold=True, fill=st_.total_fill)
    note = F.subsidy_note(ctx)
    if note:
        w.text(note, font=st_.warn if "不一致" in note else None)


def _facts_sheet(wb, st_: _Styles, ctx: DisclosureContext) -> None:
    w = _Writer(wb, st_, FACTS_SHEET, [20, 90])
    w.head(f"{ctx.centre.name}{ctx.year}年度财务收支情况公开", "机构基本情况及年度工作报告")
    w.header(["项目", "内容"])
    for label, value in F.centre_rows(ctx) + F.filing_rows(ctx):
        w.add([label, value], wrap=True)
    report = "\n\n".join(F.paragraphs(ctx.work_report)) or "（未填写）"
    r = w.add(["年度工作报告", report], wrap=True)
    w.ws.row_dimensions[r].height = min(409, 15 * (report.count("\n") + 2 + len(report) // 60))


def package_xlsx(ctx: DisclosureContext) -> bytes:
    """The package as a workbook; refuses a context whose checks fail."""
    from openpyxl import Workbook

    F.require_ok(ctx)
    wb = Workbook()
    wb.remove(wb.active)
    st_ = _Styles()
    ss = ctx.statements
    for st, name in zip((ss.balance, ss.activity, ss.cash_flow), STATEMENT_SHEETS):
        _statement_sheet(wb, st_, ctx, st, name)
    _notes_sheet(wb, st_, ctx)
    _fees_sheet(wb, st_, ctx)
    unit = f"{ctx.centre.name}　{ctx.year}年度　金额单位：元"
    _rows_sheet(wb, st_, ESCROW_SHEET, "押金专户情况", unit, ["项目", "金额（元）", "说明"],
                [("", F.escrow_rows(ctx)), ("预收费监管", F.prepaid_rows(ctx))])
    _subsidy_sheet(wb, st_, ctx)
    _rows_sheet(wb, st_, BEDS_SHEET, "床位使用情况", f"{ctx.centre.name}　{ctx.year}年度", ["项目", "数值", "说明"],
                [("", F.occupancy_rows(ctx))])
    _facts_sheet(wb, st_, ctx)
    from .anchor_note import note

    if note():  # the audit chain's anchor, for an auditor to verify against later
        ws = wb[FACTS_SHEET]
        ws.append([])
        ws.append([note()])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- the books ------------------------------------------------------------------------------

def trial_balance_xlsx(tb: YearTrialBalance, centre_name: str = "") -> bytes:
    """科目余额表: parent accounts bold, children indented, a totals row."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    st_ = _Styles()
    w = _Writer(wb, st_, "科目余额表", [12, 30] + [16] * 6)
    w.head(f"{centre_name}科目余额表", f"期间：{tb.date_from:%Y-%m-%d} 至 {tb.date_to:%Y-%m-%d}　金额单位：元")
    pair = ["借方", "贷方"]
    w.header(["科目代码", "科目名称"], [("期初余额", pair), ("本期发生额", pair), ("期末余额", pair)], lead=2)
    parents = {r.account[:k] for r in tb.rows for k in range(4, len(r.account), 2)}
    for r in tb.rows:
        amounts = [r.opening_debit, r.opening_credit, r.debit, r.credit, r.closing_debit, r.closing_credit]
        row = w.add([r.account, r.name] + amounts, bold=r.account in parents)
        w.ws.cell(row, 1).number_format = TEXT_FORMAT
        w.ws.cell(row, 2).alignment = st_.Alignment(indent=2 * (r.level - 1))
    t = tb.totals()
    w.add(["合计", None, t.opening_debit, t.opening_credit, t.debit, t.credit, t.closing_debit, t.closing_credit],
          bold=True, fill=st_.total_fill)
    if not tb.balanced:
        w.text("科目余额表借贷不平衡，请检查期初余额和记账凭证。", font=st_.warn)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ledger_xlsx(accounts: list[GeneralLedgerAccount], year: int, centre_name: str = "") -> bytes:
    """总账: per account the opening balance, each month and the year's totals."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    st_ = _Styles()
    w = _Writer(wb, st_, "总账", [10, 24, 10, 20, 16, 16, 8, 17])
    w.head(f"{centre_name}总账", f"{year}年度　金额单位：元")
    w.header(["科目代码", "科目名称", "月份", "摘要", "借方", "贷方", "借或贷", "余额"])
    for a in accounts:
        side, amount = F.direction(a.side, a.opening)
        rows = [w.add([a.account, a.name, f"{year}-01", "上年结转（期初余额）", None, None, side, amount],
                      fill=st_.light_fill)]
        for m in a.months:
            side, amount = F.direction(a.side, m.balance)
            rows.append(w.add([a.account, a.name, m.period, "本月合计", m.debit, m.credit, side, amount]))
        side, amount = F.direction(a.side, a.closing)
        rows.append(w.add([a.account, a.name, f"{year}年", "本年累计", sum(m.debit for m in a.months),
                           sum(m.credit for m in a.months), side, amount], bold=True, fill=st_.total_fill))
        for r in rows:
            w.ws.cell(r, 1).number_format = TEXT_FORMAT
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


DETAIL_COLUMNS = (
    ("日期", 11, "date"), ("凭证号", 14, "code"), ("来源", 8, "text"), ("摘要", 34, "text"), ("住户", 10, "text"),
    ("借方", 15, "money"), ("贷方", 15, "money"), ("借或贷", 7, "text"), ("余额", 16, "money"),
)


def detail_xlsx(detail: AccountDetail, centre_name: str = "") -> bytes:
    """明细账 (write-only: an account may have many lines): opening row, one
    row per line with the running balance, totals row, closing row."""
    from openpyxl import Workbook

    d = detail
    wb = Workbook(write_only=True)
    buf = io.BytesIO()
    try:
        sh = _Sheet(wb, "明细账", DETAIL_COLUMNS)
        page_setup(sh.ws, "3:3")
        sh.head(f"{centre_name}明细账",
                f"科目：{d.account} {d.name}　余额方向：{d.side}　期间：{d.date_from:%Y-%m-%d} 至 {d.date_to:%Y-%m-%d}　金额单位：元")
        for r in F.detail_rows(d):
            side, amount = (None, None) if r.balance is None else F.direction(d.side, r.balance)
            x = r.line
            if x is not None:
                sh.ws.append([sh.date(x.day), sh.text(x.reference), x.source or None, x.memo, x.resident_name or None,
                              sh.money(x.debit) if x.debit else None, sh.money(x.credit) if x.credit else None, side,
                              sh.money(amount)])
            elif r.kind in ("opening", "closing"):
                sh.ws.append([sh.date(r.day), None, None, F.DETAIL_LABELS[r.kind], None, None, None, side,
                              sh.money(amount)])
            else:  # 本月合计 / 本期合计: shaded, bold
                sh.totals([F.DETAIL_LABELS[r.kind], f"{len(d.lines)}笔" if r.kind == "span" else None, None, None,
                           None, r.debit, r.credit] + ([side, amount] if amount is not None else []))
        wb.save(buf)
    except BaseException:
        _discard(wb)
        raise
    return buf.getvalue()


__all__ = ["package_xlsx", "trial_balance_xlsx", "ledger_xlsx", "detail_xlsx", "page_setup"]
