"""审计日志 as XLSX (openpyxl write-only): title row, filter row, frozen
header on row 3, one row per audit entry with before/after as a person reads
them (amounts in yuan, journal lines with account names, one item a line)."""
from __future__ import annotations

from typing import IO, Sequence

from .finance_xlsx import _discard, _Sheet

SHEET = "审计日志"
COLUMNS = (
    ("序号", 8, "code"), ("时间", 17, "text"), ("用户", 10, "text"), ("操作", 18, "text"), ("对象", 12, "text"),
    ("对象编号", 12, "code"), ("修改前", 60, "text"), ("修改后", 60, "text"),
)


def write_audit(title: str, subtitle: str, rows: Sequence[Sequence[str]], stream: IO[bytes] | str) -> int:
    """``rows`` as ``viewmodels.audit.export_row`` makes them. Returns the rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook(write_only=True)
    try:
        sh = _Sheet(wb, SHEET, COLUMNS)
        sh.head(title, subtitle)
        top = Alignment(vertical="top", wrap_text=True)
        for r in rows:
            sh.ws.append([sh.styled(v if v != "" else None, align=top, fmt="@") for v in r])
        wb.save(stream)
    except BaseException:
        _discard(wb)
        raise
    return len(rows)
