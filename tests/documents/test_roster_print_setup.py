"""The residents roster XLSX prints like the other exports: A4 landscape,
fitted to the page width, its header row repeated on every page
(documents.xlsx.print_setup); reopened with openpyxl."""
from __future__ import annotations

import io

from openpyxl import load_workbook

from eldercare_desktop.documents import roster as doc

from .test_roster_xlsx import ROW


def _check(ws) -> None:
    assert ws.page_setup.orientation == "landscape", ws.title
    assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0, ws.title
    assert ws.print_title_rows == "$1:$1", ws.title  # the header row


def test_roster_prints_a4_landscape_fit_to_width_with_its_header_repeated(tmp_path):
    path = tmp_path / "roster.xlsx"
    rows = [{**ROW, "name": f"住户{i}"} for i in range(120)]  # more than one printed page
    assert doc.write_roster(rows, path) == 120
    wb = load_workbook(path)
    assert wb.sheetnames[0] == doc.SHEET_TITLE
    for ws in wb.worksheets:  # the roster and its 填写说明
        _check(ws)
    ws = wb[doc.SHEET_TITLE]
    assert [c.value for c in ws[1]] == [c.header for c in doc.COLUMNS]
    assert ws.freeze_panes == "A2"  # the rest of the export is unchanged
    assert len(doc.read_roster(path)) == 120  # and it still imports


def test_roster_written_to_a_stream_and_an_empty_roster_keep_the_setup():
    buf = io.BytesIO()
    assert doc.write_roster([], buf) == 0
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    for ws in wb.worksheets:
        _check(ws)
