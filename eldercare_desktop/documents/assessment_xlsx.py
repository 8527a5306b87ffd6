"""老年人能力评估汇总 as an XLSX workbook (openpyxl write-only: memory stays flat).

Sheet "评估汇总": a title row, a frozen header row, one row per assessment,
then a summary block (number of assessments; count per final grade, with and
without the assessments that were later corrected). Sheets "项目得分 …": for
details, one sheet per instrument with one column per item code (the item
codes of different instruments mean different things, so they never share a
column), the section subtotals and the total.

ID numbers are text cells (an 18-digit number loses its last digits in
Excel), dates are real dates shown as yyyy-mm-dd, scores are numbers.
"""
from __future__ import annotations

import datetime as dt
from typing import IO, Callable, Sequence, Union

from ..domain.errors import RuleViolation
from ..domain.records import AssessmentDetail, AssessmentSummary
from .xlsx import print_setup, styled_cell

SHEET_TITLE = "评估汇总"
ITEMS_PREFIX = "项目得分"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
TITLE_ROWS = 2  # title, then the period line; the header is row 3
HEADER_ROW = TITLE_ROWS + 1

Row = Union[AssessmentSummary, AssessmentDetail]


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


def _correction(r: Row, numbers: dict[int, str]) -> str:
    """"更正PG-…；已被PG-…更正" for the row, from details' numbers or the summaries' ids."""
    if isinstance(r, AssessmentDetail):
        old, new = r.supersedes_number, r.superseded_by_number
    else:
        old = numbers.get(r.supersedes_id, f"#{r.supersedes_id}") if r.supersedes_id else ""
        new = numbers.get(r.superseded_by_id, f"#{r.superseded_by_id}") if r.superseded_by_id else ""
    parts = []
    if old:
        parts.append(f"更正{old}")
    if new:
        parts.append(f"已被{new}更正")
    return "；".join(parts)


def _is_superseded(r: Row) -> bool:
    if isinstance(r, AssessmentDetail):
        return bool(r.superseded_by_number)
    return r.superseded_by_id is not None


def _assessors(r: Row) -> str:
    names = (r.assessor1, r.assessor2) if isinstance(r, AssessmentDetail) else tuple(r.assessors)
    return "、".join(n for n in names if n)


def write_assessments_xlsx(
    rows: Sequence[AssessmentDetail] | Sequence[AssessmentSummary],
    stream: IO[bytes],
    period: tuple[dt.date, dt.date],
    centre_name: str,
    progress: Callable[[float, str], None] | None = None,
    abort=None,
) -> int:
    """Write the assessments of ``period`` (first day, last day; both printed
    in the title) to ``stream`` (a binary file object or a path); returns the
    number of assessment rows written.

    ``rows`` is normally the service's ``list[AssessmentDetail]`` (what
    ``services.assessments.details(ctx, start, end)`` returns), which gives
    the ID number column, the instrument name, the correction numbers and the
    item-score sheets. A ``list[AssessmentSummary]`` is accepted too: then the
    ID number column and the item sheets are left out, and corrections are
    shown by the numbers found among the rows (else the record id). Rows are
    written in the order given. ``progress(frac, msg)`` is called every 200
    rows and at the end; ``abort.is_set()`` cancels with RuleViolation.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    try:
        n = _fill(wb, list(rows), period, centre_name, progress, abort)
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(1.0, f"已写入{n}条评估")
    return n


def _discard(wb) -> None:
    """Close and delete the temporary files of an unfinished write-only workbook."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
        except Exception:
            pass
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            try:
                writer.cleanup()
            except (OSError, ValueError):
                pass


def _fill(wb, rows: list[Row], period, centre_name: str, progress, abort) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    has_details = any(isinstance(r, AssessmentDetail) for r in rows)
    numbers = {r.id: r.number for r in rows}
    start, end = period

    ws = wb.create_sheet(SHEET_TITLE)
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    fill = PatternFill("solid", fgColor="DDEBF7")
    sum_fill = PatternFill("solid", fgColor="F2F2F2")
    thin = Side(style="thin", color="808080")
    top_border = Border(top=thin)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")

    # (header, width, kind, value getter)
    columns: list[tuple[str, float, str, Callable[[Row], object]]] = [
        ("评估编号", 15, "code", lambda r: r.number),
        ("住户", 10, "text", lambda r: r.resident_name),
    ]
    if has_details:
        columns.append(("身份证号", 21, "code",
                        lambda r: r.resident_id_number if isinstance(r, AssessmentDetail) else None))
    columns += [
        ("评估日期", 12, "date", lambda r: r.base_date),
        ("原因", 10, "text", lambda r: r.reason),
        ("评估工具", 17, "text", lambda r: r.instrument_code),
        ("总分", 7, "int", lambda r: r.total),
        ("初步等级", 9, "int", lambda r: r.preliminary_grade),
        ("最终等级", 9, "int", lambda r: r.final_grade),
        ("等级名称", 26, "text", lambda r: r.grade_name),
        ("照护等级", 11, "text", lambda r: r.care_level),
        ("评估员", 16, "text", _assessors),
        ("被更正/更正", 30, "text", lambda r: _correction(r, numbers)),
    ]
    ncol = len(columns)
    for i, (_, width, kind, _) in enumerate(columns, start=1):
        dim = ws.column_dimensions[_letter(i)]
        dim.width = width
        if kind == "code":
            dim.number_format = TEXT_FORMAT
    ws.freeze_panes = f"C{HEADER_ROW + 1}"  # header row and the number/name columns stay in view
    print_setup(ws, HEADER_ROW)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{_letter(ncol)}{HEADER_ROW + max(1, len(rows))}"

    def cell(value, *, font=None, fmt=None, fill_=None, border=None, align=None):
        return styled_cell(ws, value, font=font, fmt=fmt, fill=fill_, border=border, align=align)

    ws.append([cell(f"{centre_name}老年人能力评估汇总", font=title_font)])
    ws.append([cell(f"评估日期：{start:%Y-%m-%d} 至 {end:%Y-%m-%d}　共 {len(rows)} 条")])
    ws.append([cell(h, font=bold, fill_=fill, align=wrap) for h, *_ in columns])

    n = 0
    total = max(1, len(rows))
    for r in rows:
        out = []
        for _, _, kind, get in columns:
            v = get(r)
            if v is None or v == "":
                out.append(None)
            elif kind == "date":
                out.append(cell(v, fmt=DATE_FORMAT))
            elif kind == "code":
                out.append(cell(str(v), fmt=TEXT_FORMAT))
            else:
                out.append(v)
        ws.append(out)
        n += 1
        if n % 200 == 0:
            _tick(n / total * 0.8, f"已写入{n}条评估", progress, abort)

    # summary: the count, then the count per final grade
    ws.append([])
    superseded = sum(1 for r in rows if _is_superseded(r))
    ws.append([cell("合计", font=bold, fill_=sum_fill, border=top_border),
               cell("评估次数", font=bold, fill_=sum_fill, border=top_border),
               cell(n, font=bold, fill_=sum_fill, border=top_border),
               cell(f"其中已被更正 {superseded} 次", fill_=sum_fill, border=top_border)])
    ws.append([None, cell("按最终等级", font=bold), cell("全部", font=bold), cell("不含已被更正", font=bold)])
    counts: dict[tuple[int, str], list[int]] = {}
    for r in rows:
        c = counts.setdefault((r.final_grade, r.grade_name), [0, 0])
        c[0] += 1
        if not _is_superseded(r):
            c[1] += 1
    for (grade, name), (all_, current) in sorted(counts.items()):
        ws.append([None, f"{grade}级 {name}", all_, current])

    if has_details:
        _item_sheets(wb, [r for r in rows if isinstance(r, AssessmentDetail)], centre_name, period,
                     progress, abort, cell_factory=WriteOnlyCell, bold=bold, fill=fill, wrap=wrap, title_font=title_font)
    return n


def _tick(frac: float, msg: str, progress, abort) -> None:
    if abort is not None and abort.is_set():
        raise RuleViolation("已取消导出")
    if progress is not None:
        progress(frac, msg)


def _sheet_title(code: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    base = f"{ITEMS_PREFIX} " + "".join(ch for ch in code if ch not in "[]:*?/\\")
    title, k = base[:31], 2
    while title in used:
        title = f"{base[:28]} ({k})"
        k += 1
    used.add(title)
    return title


def _item_sheets(wb, details: list[AssessmentDetail], centre_name, period, progress, abort, *,
                 cell_factory, bold, fill, wrap, title_font) -> None:
    by_instrument: dict[str, list[AssessmentDetail]] = {}
    for d in details:
        by_instrument.setdefault(d.instrument_code, []).append(d)
    used = {SHEET_TITLE}
    done = 0
    for code, group in by_instrument.items():
        ws = wb.create_sheet(_sheet_title(code, used))
        # item columns in the order of the form; the union keeps an item that a
        # later revision of the same instrument added
        items: dict[str, str] = {}
        sections: dict[str, str] = {}
        for d in group:
            for it in d.items:
                items.setdefault(it[1], it[2])
            for sec in d.sections:
                sections.setdefault(sec[0], sec[1])
        fixed = [("评估编号", 15), ("住户", 10), ("评估日期", 12)]
        headers = [h for h, _ in fixed] + [f"{c}\n{name}" for c, name in items.items()] \
            + [f"{c}\n{name}小计" for c, name in sections.items()] + ["总分", "最终等级"]
        widths = [w for _, w in fixed] + [8.5] * len(items) + [10] * len(sections) + [7, 9]
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[_letter(i)].width = w
        ws.column_dimensions["A"].number_format = TEXT_FORMAT
        ws.freeze_panes = f"D{HEADER_ROW + 1}"
        print_setup(ws, HEADER_ROW)
        ws.row_dimensions[HEADER_ROW].height = 42
        t = cell_factory(ws, value=f"{centre_name}老年人能力评估项目得分（{code}）")
        t.font = title_font
        ws.append([t])
        ws.append([f"评估日期：{period[0]:%Y-%m-%d} 至 {period[1]:%Y-%m-%d}　共 {len(group)} 条"])
        head = []
        for h in headers:
            c = cell_factory(ws, value=h)
            c.font, c.fill, c.alignment = bold, fill, wrap
            head.append(c)
        ws.append(head)
        for d in group:
            scores = {it[1]: it[3] for it in d.items}
            subtotals = {sec[0]: sec[2] for sec in d.sections}
            number = cell_factory(ws, value=d.number)
            number.number_format = TEXT_FORMAT
            day = cell_factory(ws, value=d.base_date)
            day.number_format = DATE_FORMAT
            ws.append([number, d.resident_name, day] + [scores.get(c) for c in items]
                      + [subtotals.get(c) for c in sections] + [d.total, d.final_grade])
            done += 1
            if done % 200 == 0:
                _tick(0.8 + 0.2 * done / len(details), f"已写入{done}条项目得分", progress, abort)
