"""Escrow XLSX exports on hand-built contexts (the ACCOUNTING.md worked
check: 10,000.00 + 2.11 interest refunded as 10,002.11): reopened with
openpyxl, totals equal the document's figures, IDs are text, dates real."""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from eldercare_desktop.documents.escrow_xlsx import write_ledger, write_reconciliation, write_refunds
from eldercare_desktop.domain.escrow_docs import RefundRow

from .test_escrow_pdf import ledger_doc, recon

D = dt.date


def test_ledger_totals_and_text_ids():
    doc = ledger_doc()
    buf = io.BytesIO()
    assert write_ledger(doc, buf) == (3, 1_000_211, 1_000_211, 0)
    ws = load_workbook(buf)["押金明细账"]
    assert ws.freeze_panes == "A4"
    assert ws["E4"].value == "期初余额" and ws["H4"].value == 0
    assert ws["A5"].value == dt.datetime(2025, 3, 21) and ws["A5"].number_format == "yyyy-mm-dd"
    assert ws["B5"].value == "YJ2025-000003" and ws["B5"].data_type == "s" and ws["B5"].number_format == "@"
    assert ws["F5"].value == 10000.0 and ws["F5"].number_format == "#,##0.00"
    assert ws["F6"].value == 2.11 and ws["H6"].value == 10002.11
    assert ws["G7"].value == 10002.11 and ws["H7"].value == 0
    assert ws["A8"].value == "本期合计" and ws["F8"].value == 10002.11 and ws["G8"].value == 10002.11
    assert ws["E9"].value == "期末余额" and ws["H9"].value == 0


def test_whole_account_ledger_totals_equal_sum_of_rows():
    doc = ledger_doc(n=40, whole=True)
    buf = io.BytesIO()
    n, tin, tout, closing = write_ledger(doc, buf)
    ws = load_workbook(buf)["押金明细账"]
    rows = list(ws.iter_rows(min_row=5, max_row=4 + n, values_only=True))
    assert round(sum(r[5] or 0 for r in rows), 2) == tin / 100 == ws.cell(5 + n, 6).value
    assert round(sum(r[6] or 0 for r in rows), 2) == tout / 100 == ws.cell(5 + n, 7).value
    assert ws.cell(6 + n, 8).value == closing / 100 == doc.closing_fen / 100 == rows[-1][7]
    assert rows[0][2] == "住户0"


def test_reconciliation_sheet():
    doc = recon()
    buf = io.BytesIO()
    assert write_reconciliation(doc, buf) == (2_000_000, 2_000_000, 2_000_000, "相符")
    ws = load_workbook(buf)["押金专户对账"]
    assert [ws.cell(r, 4).value for r in range(4, 9)] == [20000.0, 20000.0, 20000.0, 0, 0]
    assert ws["B9"].value == "相符"
    assert ws["A12"].value == "7" and ws["A12"].data_type == "s" and ws["C12"].value == "HT2025-0007"
    assert ws["A14"].value == "合计" and ws["D14"].value == 20000.0
    bad = io.BytesIO()
    assert write_reconciliation(recon(bank=1_999_900), bad)[3] == "不符"
    ws = load_workbook(bad)["押金专户对账"]
    assert ws["D7"].value == -1.0 and ws["B9"].value == "不符"


def test_refund_register_totals():
    rows = [
        RefundRow("TK2025-000001", D(2025, 6, 21), "7", "张三", "HT2025-0007", D(2025, 6, 15), D(2025, 6, 25),
                  1_000_000, 0, 211, "银行转账"),
        RefundRow("TK2025-000002", D(2025, 7, 6), "8", "李四", "HT2025-0008", D(2025, 6, 25), D(2025, 7, 5),
                  800_000, 35050, 97, "现金", "家属外地，未能按期办理"),
    ]
    assert rows[0].refund_fen == 1_000_211 and rows[1].refund_fen == 765_047
    assert rows[0].on_time and not rows[1].on_time and rows[1].days_late == 1
    buf = io.BytesIO()
    assert write_refunds(rows, buf, "中心", (D(2025, 6, 1), D(2025, 7, 31))) == (2, 1_800_000, 35050, 308, 1_765_258)
    ws = load_workbook(buf)["押金退还登记表"]
    assert ws.freeze_panes == "A4"
    assert ws["A4"].value == "TK2025-000001" and ws["A4"].data_type == "s"
    assert ws["C4"].value == "7" and ws["C4"].data_type == "s"
    assert ws["K4"].value == 10002.11 and ws["M4"].value == "按期"
    assert ws["M5"].value == "逾期" and ws["N5"].value == 1 and ws["O5"].value == "家属外地，未能按期办理"
    assert ws["A6"].value == "合计"
    assert [ws.cell(6, c).value for c in range(8, 12)] == [18000.0, 350.5, 3.08, 17652.58]
