"""Shared openpyxl helpers (imported lazily: start-up never loads openpyxl).

Every exported sheet prints the same way (:func:`print_setup`): A4
landscape, fitted to one page wide (as many pages tall as needed), with its
column-header row(s) repeated at the top of every printed page.
"""
from __future__ import annotations

A4 = 9  # openpyxl / Excel paper size code


def print_setup(ws, title_rows: str | int) -> None:
    """A4 landscape, fit to width, ``title_rows`` ("3:3", "3:4" or 3) repeated
    on every page. On a write-only sheet call it before the first row."""
    if isinstance(title_rows, int):
        title_rows = f"{title_rows}:{title_rows}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    from .anchor_note import note

    if note():  # month-close and disclosure workbooks print the audit chain's anchor
        ws.oddFooter.left.text = note()
        ws.oddFooter.left.size = 7


def styled_cell(ws, value, *, font=None, fmt=None, fill=None, border=None, align=None):
    """A write-only cell with only the styles given set."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=value)
    if font is not None:
        c.font = font
    if fmt is not None:
        c.number_format = fmt
    if fill is not None:
        c.fill = fill
    if border is not None:
        c.border = border
    if align is not None:
        c.alignment = align
    return c
