"""Shared openpyxl helpers (imported lazily: start-up never loads openpyxl)."""
from __future__ import annotations


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
