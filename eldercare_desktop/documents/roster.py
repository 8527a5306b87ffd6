"""The residents roster as an XLSX file (住户名册): write it, read it back.

The same columns serve export and import, so an exported roster can be
edited in Excel and imported into another database. ID numbers and phone
numbers are text cells (an 18-digit number loses its last digits in Excel),
dates are real dates. Reading never guesses a lost ID number: a cell that
Excel turned into a number is reported for that row.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Mapping

from ..domain.errors import RuleViolation

SHEET_TITLE = "住户名册"
HELP_TITLE = "填写说明"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float
    kind: str = "text"  # text | date | code (kept as text, never a number)
    required: bool = False
    help: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", 10, required=True, help="老人姓名"),
    Column("gender", "性别", 6, help="男或女；可不填，按身份证号判断，填写时须与身份证号一致"),
    Column("id_number", "身份证号", 22, "code", True, "18位居民身份证号；本列须为文本格式"),
    Column("birth_date", "出生日期", 12, "date", help="可不填，按身份证号判断"),
    Column("status", "状态", 8, help="在住或请假（导入后均为在住）；退住、去世的住户不能导入"),
    Column("bed", "床位", 12, required=True, help="楼栋+房间号-床位号，例如A101-1；须为空闲床位"),
    Column("admission_date", "入住日期", 12, "date", True, help="例如2024-01-31，不能晚于今天"),
    Column("hukou_province", "户籍省份", 10, help="例如重庆市"),
    Column("hukou_city", "户籍城市", 10, help="例如重庆市"),
    Column("hukou_district", "户籍区县", 10, help="例如渝北区（渝北籍关系到补贴）"),
    Column("phone", "电话", 16, "code", help="手机或座机，如13800000000或023-67001234"),
    Column("address", "住址", 40),
    Column("categories", "政策类别", 22, help="多个类别用顿号分隔，如：高龄、失能"),
    Column("agent_name", "代理人姓名", 10, help="代理人（签约人）；填写时姓名、关系、电话三项都要填"),
    Column("agent_relationship", "代理人关系", 10, help="如儿子、女儿、配偶"),
    Column("agent_phone", "代理人电话", 16, "code"),
    Column("contact_name", "其他联系人姓名", 12, help="可不填；填写时姓名、关系、电话三项都要填"),
    Column("contact_relationship", "其他联系人关系", 12),
    Column("contact_phone", "其他联系人电话", 16, "code"),
    Column("notes", "备注", 30),
)
HEADERS = {c.key: c.header for c in COLUMNS}
_BY_HEADER = {c.header: c for c in COLUMNS}
_ALIASES = {
    "身份证号码": "身份证号", "身份证": "身份证号", "床位号": "床位", "入院日期": "入住日期",
    "联系电话": "电话", "手机": "电话", "户籍省": "户籍省份", "户籍市": "户籍城市", "户籍区": "户籍区县",
    "代理人": "代理人姓名",
}


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


# --- writing ------------------------------------------------------------------

def write_roster(
    rows: Iterable[Mapping[str, object]],
    dest: str | Path | IO[bytes],
    progress: Callable[[float, str], None] | None = None,
    abort=None,
    total: int | None = None,
) -> int:
    """Write rows (dicts keyed by Column.key) as an XLSX roster; returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    from .xlsx import print_setup

    rows = list(rows) if total is None else rows
    total = len(rows) if total is None else total  # type: ignore[arg-type]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_TITLE)
    print_setup(ws, 1)  # A4 landscape, fit to width, the header row on every page
    for i, c in enumerate(COLUMNS, start=1):
        dim = ws.column_dimensions[_letter(i)]
        dim.width = c.width
        if c.kind == "code":
            dim.number_format = TEXT_FORMAT  # rows typed in Excel later stay text too
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_letter(len(COLUMNS))}{max(1, total) + 1}"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    header = []
    for c in COLUMNS:
        cell = WriteOnlyCell(ws, value=c.header)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    ws.append(header)
    n = 0
    for row in rows:
        out = []
        for c in COLUMNS:
            value = row.get(c.key)
            if value is None or value == "":
                out.append(None)
            elif c.kind == "text":
                out.append(str(value))  # a plain value: no style, much faster
            else:
                cell = WriteOnlyCell(ws, value=value if c.kind == "date" else str(value))
                cell.number_format = DATE_FORMAT if c.kind == "date" else TEXT_FORMAT
                out.append(cell)
        ws.append(out)
        n += 1
        if n % 500 == 0:
            if abort is not None and abort.is_set():
                raise RuleViolation("已取消导出")
            if progress is not None:
                progress(n / max(1, total), f"已写入{n}行")
    help_ws = wb.create_sheet(HELP_TITLE)
    print_setup(help_ws, 1)
    help_ws.column_dimensions["A"].width = 16
    help_ws.column_dimensions["B"].width = 8
    help_ws.column_dimensions["C"].width = 70
    help_ws.append([WriteOnlyCell(help_ws, value=v) for v in ("列名", "必填", "说明")])
    for c in COLUMNS:
        help_ws.append([c.header, "是" if c.required else "", c.help])
    help_ws.append([])
    help_ws.append(["", "", "导入时会先检查每一行；只要有一行有错，整份名册都不会导入，并列出每个错误所在的行和列。"])
    help_ws.append(["", "", "身份证号、电话列请保持文本格式，否则Excel会把长数字改成科学计数法并丢失末几位。"])
    wb.save(dest)
    if progress is not None:
        progress(1.0, f"已写入{n}行")
    return n


# --- reading ------------------------------------------------------------------

_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: object) -> dt.date:
    """A date from a cell: a real date, 2024-01-31, 2024/1/31, 2024年1月31日, 20240131."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)) and float(value).is_integer():
        v = int(value)
        if 19000101 <= v <= 21001231:
            return dt.datetime.strptime(str(v), "%Y%m%d").date()
        if 1 <= v < 100000:  # an Excel serial day number whose date format was lost
            from openpyxl.utils.datetime import from_excel

            return from_excel(v).date()
        raise ValueError(value)
    text = str(value).strip()
    m = _DATE_TEXT.match(text)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if re.fullmatch(r"\d{8}", text):
        return dt.datetime.strptime(text, "%Y%m%d").date()
    raise ValueError(value)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value:%Y-%m-%d}"
    return str(value).strip()


def _norm_header(value: object) -> str:
    h = re.sub(r"[\s*＊]", "", _text(value)).replace("（", "(").replace("）", ")")
    h = re.sub(r"\(.*\)$", "", h)
    return _ALIASES.get(h, h)


def _open(path: str | Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    p = Path(path)
    if not p.exists():
        raise RuleViolation(f"文件不存在：{p}")
    if p.suffix.lower() == ".xls":
        raise RuleViolation("不支持旧版 .xls 格式，请在Excel中“另存为”.xlsx 后再导入")
    try:
        return load_workbook(p, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise RuleViolation(f"无法打开“{p.name}”：不是有效的Excel工作簿（.xlsx）") from None


def read_roster(path: str | Path) -> list[dict]:
    """Rows of the roster as dicts keyed by Column.key, plus ``_row`` (the
    row number Excel shows) and ``_problems`` [(key, message)] for cells that
    cannot be used as they are. Text is stripped, dates are ``date`` (or None
    when empty). File-level problems (not a workbook, no header) raise
    RuleViolation."""
    wb = _open(path)
    try:
        ws = wb[SHEET_TITLE] if SHEET_TITLE in wb.sheetnames else wb.worksheets[0]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # files from other programs may carry a wrong size
        it = ws.iter_rows(values_only=True)
        mapping: dict[int, Column] | None = None
        header_row = 0
        for header_row, values in enumerate(it, start=1):
            heads = [_norm_header(v) for v in values]
            if "姓名" in heads and "身份证号" in heads:
                mapping = {}
                for i, h in enumerate(heads):
                    if h in _BY_HEADER and _BY_HEADER[h] not in mapping.values():
                        mapping[i] = _BY_HEADER[h]
                break
            if header_row >= 10:
                break
        if mapping is None:
            raise RuleViolation("没有找到表头：表头行应包含“姓名”“身份证号”等列名（可先导出一份名册作为模板）")
        missing = [c.header for c in COLUMNS if c.required and c not in mapping.values()]
        if missing:
            raise RuleViolation(f"表头缺少必填列：{'、'.join(missing)}")
        out = []
        for excel_row, values in enumerate(it, start=header_row + 1):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            rec: dict = {c.key: ("" if c.kind != "date" else None) for c in COLUMNS}
            problems: list[tuple[str, str]] = []
            for i, c in mapping.items():
                value = values[i] if i < len(values) else None
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                if c.kind == "date":
                    try:
                        rec[c.key] = parse_date(value)
                    except (ValueError, OverflowError):
                        problems.append((c.key, f"日期“{_text(value)}”无法识别，请写成2024-01-31的格式"))
                elif c.key == "id_number" and isinstance(value, (int, float)) and not isinstance(value, bool):
                    problems.append((c.key, "身份证号被Excel存成了数字，末几位可能已丢失；"
                                            "请把“身份证号”列设置为文本格式后重新填写该号码"))
                else:
                    rec[c.key] = _text(value)
            rec["_row"] = excel_row
            rec["_problems"] = problems
            out.append(rec)
        return out
    finally:
        wb.close()
