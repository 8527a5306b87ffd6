"""Finance exports as XLSX (openpyxl write-only: memory stays flat).

序时账 (the journal), 收款日记账 (receipts, voided ones marked), 账龄分析
(ageing) and 计费汇总表 (the billing register). Every sheet: a title row, a
period row, a frozen header row (row 3), one row per record, a totals row
equal to the sums of the rows (and to what the screen shows). Printed on A4
landscape, fitted to the page width, the header row repeated on every page.

Conventions (as documents/roster.py and assessment_xlsx.py): ID-like codes
(voucher numbers, account codes, resident ids, receipt and contract numbers)
are text cells with the ``@`` format; dates are real dates shown yyyy-mm-dd;
amounts are numbers shown ``#,##0.00``. An amount is written as ``fen / 100``:
Python's int true division is correctly rounded, so it is the same IEEE
double Excel reads from the two-decimal text (no rounding happens here).

Speed (the journal may have 100,000 lines): rows are lists of plain values;
only the amount cells are WriteOnlyCells, all sharing one prepared style
array, so openpyxl does no per-cell number-format lookups.
"""
from __future__ import annotations

import datetime as dt
from typing import IO, Callable, Iterable, Mapping, Sequence

from ..domain.errors import RuleViolation
from ..domain.payment_records import AgeingReport, ReceiptRow
from ..domain.billing_records import RegisterRow
from ..domain.finance_records import JournalRow
from .xlsx import print_setup, styled_cell

DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
MONEY_FORMAT = "#,##0.00"
HEADER_ROW = 3
PROGRESS_EVERY = 5000

JOURNAL_SHEET = "序时账"
RECEIPTS_SHEET = "收款日记账"
AGEING_SHEET = "账龄分析"
REGISTER_SHEET = "计费汇总表"


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


def _period_text(period) -> str:
    if isinstance(period, tuple):
        a, b = period
        return f"{a:%Y-%m-%d} 至 {b:%Y-%m-%d}"
    if isinstance(period, dt.date):
        return f"{period:%Y-%m-%d}"
    return str(period)


def _tick(n: int, total: int, what: str, progress, abort) -> None:
    if abort is not None and abort.is_set():
        raise RuleViolation("已取消导出")
    if progress is not None:
        progress(min(0.95, n / max(total, 1)), f"已写入{n}行{what}")


class _Sheet:
    """One write-only sheet with the shared layout and prepared styles."""

    def __init__(self, wb, title: str, columns: Sequence[tuple[str, float, str]]):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.Cell = WriteOnlyCell
        self.ws = ws = wb.create_sheet(title)
        self.columns = columns
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14)
        self.head_fill = PatternFill("solid", fgColor="DDEBF7")
        self.sum_fill = PatternFill("solid", fgColor="F2F2F2")
        self.top = Border(top=Side(style="thin", color="808080"))
        self.wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for i, (_, width, kind) in enumerate(columns, start=1):
            dim = ws.column_dimensions[_letter(i)]
            dim.width = width
            if kind == "code":
                dim.number_format = TEXT_FORMAT
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        print_setup(ws, HEADER_ROW)  # A4 landscape, fit to width, the header row on every page
        # one style array per kind, shared by every cell of that kind
        self.money_style = self._style(MONEY_FORMAT)
        self.text_style = self._style(TEXT_FORMAT)
        self.date_style = self._style(DATE_FORMAT)

    def _style(self, fmt: str):
        c = self.Cell(self.ws, value=0)
        c.number_format = fmt
        return c._style

    def money(self, fen: int | None):
        if fen is None:
            return None
        c = self.Cell(self.ws, value=fen / 100)
        c._style = self.money_style
        return c

    def text(self, value):
        if value is None or value == "":
            return None
        c = self.Cell(self.ws, value=str(value))
        c._style = self.text_style
        return c

    def date(self, value):
        if value is None:
            return None
        c = self.Cell(self.ws, value=value)
        c._style = self.date_style
        return c

    def styled(self, value, *, font=None, fill=None, border=None, align=None, fmt=None):
        return styled_cell(self.ws, value, font=font, fill=fill, border=border, align=align, fmt=fmt)

    def head(self, title: str, subtitle: str) -> None:
        self.ws.append([self.styled(title, font=self.title_font)])
        self.ws.append([subtitle])
        self.ws.append([self.styled(h, font=self.bold, fill=self.head_fill, align=self.wrap)
                        for h, _, _ in self.columns])

    def totals(self, values: Sequence[object]) -> None:
        """The totals row: a label, then amounts (fen ints) or text, shaded."""
        out = []
        for v in values:
            if isinstance(v, int) and not isinstance(v, bool):
                out.append(self.styled(v / 100, font=self.bold, fill=self.sum_fill, border=self.top, fmt=MONEY_FORMAT))
            else:
                out.append(self.styled(v, font=self.bold, fill=self.sum_fill, border=self.top))
        self.ws.append(out)


def _discard(wb) -> None:
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            try:
                if not ws.closed:
                    ws.close()
            except Exception:
                pass
            try:
                writer.cleanup()
            except (OSError, ValueError):
                pass


# --- 序时账 -------------------------------------------------------------------------

JOURNAL_COLUMNS = (
    ("凭证号", 15, "code"), ("日期", 11, "date"), ("摘要", 36, "text"), ("科目编码", 10, "code"),
    ("科目名称", 22, "text"), ("借方金额", 14, "money"), ("贷方金额", 14, "money"), ("住户编号", 9, "code"),
    ("住户", 10, "text"), ("分录备注", 24, "text"), ("红冲关系", 14, "text"),
)


def _red_note(r: JournalRow, numbers: Mapping[int, str] | None = None) -> str | None:
    def no(eid: int) -> str:
        return numbers.get(eid, str(eid)) if numbers else str(eid)

    if r.reverses_id is not None:
        return f"红冲凭证{no(r.reverses_id)}"
    if r.reversed_by_id is not None:
        return f"已被凭证{no(r.reversed_by_id)}红冲"
    return None


def write_journal(rows: Iterable[JournalRow], stream: IO[bytes] | str, period: tuple[dt.date, dt.date],
                  centre: str, progress: Callable[[float, str], None] | None = None, abort=None,
                  total: int | None = None, numbers: Mapping[int, str] | None = None) -> tuple[int, int, int]:
    """序时账: one row per journal line. Returns (rows, debit total, credit
    total) in fen; the totals row carries the same two totals. A zero side
    is left blank, as on a printed journal. ``numbers`` {entry id: 凭证号}
    (services.exports.journal_numbers: 记-2025-03-0012 …); without it the
    entry id is written."""
    from openpyxl import Workbook

    if total is None and isinstance(rows, Sequence):
        total = len(rows)
    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, JOURNAL_SHEET, JOURNAL_COLUMNS)
        ws, Cell, money_style = sh.ws, sh.Cell, sh.money_style
        append = ws.append
        sh.head(f"{centre}序时账", f"期间：{_period_text(period)}　金额单位：元")
        n = debit = credit = 0
        for r in rows:
            d, c = r.debit, r.credit
            if d:
                dc = Cell(ws, d / 100)
                dc._style = money_style
                debit += d
            else:
                dc = None
            if c:
                cc = Cell(ws, c / 100)
                cc._style = money_style
                credit += c
            else:
                cc = None
            append([numbers.get(r.entry_id, str(r.entry_id)) if numbers else str(r.entry_id), r.day,
                    r.entry_memo, r.account, r.account_name, dc, cc,
                    None if r.resident_id is None else str(r.resident_id), r.resident_name or None,
                    r.memo or None, _red_note(r, numbers)])
            n += 1
            if n % PROGRESS_EVERY == 0:
                _tick(n, total or n, "分录", progress, abort)
        sh.totals(["合计", f"{n}行", None, None, None, debit, credit])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(1.0, f"已写入{n}行分录")
    return n, debit, credit


# --- 收款日记账 ------------------------------------------------------------------------

RECEIPT_COLUMNS = (
    ("收据号", 15, "code"), ("收款日期", 11, "date"), ("住户编号", 9, "code"), ("住户", 10, "text"),
    ("交款人", 10, "text"), ("收款方式", 10, "text"), ("交易流水号", 20, "code"), ("金额", 13, "money"),
    ("收款人", 10, "text"), ("状态", 7, "text"), ("作废日期", 11, "date"), ("作废原因", 24, "text"),
    ("备注", 24, "text"),
)


def write_receipts(rows: Sequence[ReceiptRow], stream: IO[bytes] | str, period: tuple[dt.date, dt.date],
                   centre: str) -> tuple[int, int, int]:
    """收款日记账: every receipt of the period in number order, voided ones
    marked 作废 (amount shown, not counted). Returns (rows, total of valid
    receipts, total of voided ones) in fen; the totals row shows both."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    red = Font(color="C0181F")
    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, RECEIPTS_SHEET, RECEIPT_COLUMNS)
        valid = sum(r.amount_fen for r in rows if not r.voided)
        voided = sum(r.amount_fen for r in rows if r.voided)
        nv = sum(1 for r in rows if r.voided)
        sh.head(f"{centre}收款日记账",
                f"收款日期：{_period_text(period)}　共{len(rows)}张，其中作废{nv}张（作废收据不计入合计）　金额单位：元")
        for r in rows:
            status = sh.styled("作废", font=red) if r.voided else "有效"
            sh.ws.append([sh.text(r.number), sh.date(r.day), sh.text(r.resident_id), r.resident_name, r.payer,
                          r.method, sh.text(r.reference), sh.money(r.amount_fen), r.cashier, status,
                          sh.date(r.void_date), r.void_reason or None, r.memo or None])
        sh.totals(["合计（不含作废）", f"{len(rows) - nv}张", None, None, None, None, None, valid])
        sh.ws.append([sh.styled("作废收据", font=red), f"{nv}张", None, None, None, None, None,
                      sh.money(voided), None, "不计入合计"])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return len(rows), valid, voided


# --- 账龄分析 ----------------------------------------------------------------------------

def write_ageing(report: AgeingReport, stream: IO[bytes] | str, centre: str) -> int:
    """账龄分析 on ``report.on``: per resident the unpaid charges by age, a
    credit balance apart, the total; the totals row equals the receivable
    (1121) balance, which a last row states. Returns the number of rows."""
    from openpyxl import Workbook

    columns = ((("住户编号", 9, "code"), ("住户", 10, "text"))
               + tuple((f"账龄{b}", 13, "money") for b in report.bucket_names)
               + (("多收（贷方余额）", 14, "money"), ("欠费合计", 14, "money"), ("最早欠费日期", 12, "date")))
    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, AGEING_SHEET, columns)
        sh.head(f"{centre}应收账款账龄分析", f"截至：{_period_text(report.on)}　按先进先出冲销　金额单位：元")
        for r in report.rows:
            sh.ws.append([sh.text(r.resident_id), r.resident_name] + [sh.money(b) for b in r.buckets]
                         + [sh.money(r.credit_fen) if r.credit_fen else None, sh.money(r.total_fen), sh.date(r.oldest)])
        sh.totals(["合计", f"{len(report.rows)}位"] + list(report.totals) + [report.credit_fen, report.total_fen])
        sh.ws.append([None, "应收账款（1121）余额"] + [None] * len(report.bucket_names) + [None, sh.money(report.receivable_fen)])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return len(report.rows)


# --- 计费汇总表 --------------------------------------------------------------------------

REGISTER_COLUMNS = (
    ("住户编号", 9, "code"), ("住户", 10, "text"), ("合同编号", 16, "code"), ("床位费", 13, "money"),
    ("护理费", 13, "money"), ("伙食费", 13, "money"), ("其他费用", 13, "money"), ("合计", 14, "money"),
)


def write_register(rows: Sequence[RegisterRow], stream: IO[bytes] | str, period: str, centre: str) -> int:
    """计费汇总表 of a month: per contract bed/care/meals/other and the
    total; a totals row. Returns the number of rows."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, REGISTER_SHEET, REGISTER_COLUMNS)
        sh.head(f"{centre}{period}计费汇总表", f"计费月份：{period}　共{len(rows)}份合同　金额单位：元")
        for r in rows:
            sh.ws.append([sh.text(r.resident_id), r.resident_name, sh.text(r.contract_number), sh.money(r.bed_fen),
                          sh.money(r.care_fen), sh.money(r.meals_fen), sh.money(r.other_fen), sh.money(r.total_fen)])

        def t(name: str) -> int:
            return sum(getattr(r, name) for r in rows)

        sh.totals(["合计", f"{len(rows)}份", None, t("bed_fen"), t("care_fen"), t("meals_fen"), t("other_fen"),
                   t("total_fen")])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return len(rows)
