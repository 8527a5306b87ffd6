"""Finance XLSX renderers on hand-built rows: reopened with openpyxl, the
totals row equals the sums of the rows, IDs are text, the header is frozen."""
import datetime as dt
import io
import threading

import pytest
from openpyxl import load_workbook

from eldercare_desktop.documents.finance_xlsx import write_journal, write_receipts, write_register
from eldercare_desktop.domain.billing_records import RegisterRow
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.finance_records import JournalRow
from eldercare_desktop.domain.payment_records import ReceiptRow

D = dt.date


def jrow(eid, account, debit, credit, rid=None, reverses=None):
    return JournalRow(eid, D(2026, 3, 31), "2026-03", "3月费用", "", reverses, None, account, "科目", debit, credit,
                      rid, "张三" if rid else "", "")


def test_journal_totals_and_red_reversal_note():
    rows = [jrow(1, "1121", 330000, 0, 7), jrow(1, "430101", 0, 240000), jrow(1, "430103", 0, 90000),
            jrow(2, "1121", -330000, 0, 7, reverses=1), jrow(2, "430101", 0, -240000, reverses=1),
            jrow(2, "430103", 0, -90000, reverses=1)]
    buf = io.BytesIO()
    # debits 3,300.00 − 3,300.00 = 0; credits 2,400 + 900 − 2,400 − 900 = 0
    assert write_journal(rows, buf, (D(2026, 3, 1), D(2026, 3, 31)), "中心") == (6, 0, 0)
    ws = load_workbook(buf)["序时账"]
    assert ws.freeze_panes == "A4" and ws["A4"].value == "1" and ws["A4"].data_type == "s"
    assert ws["F7"].value == -3300.0 and ws["K7"].value == "红冲凭证1"
    assert ws["A10"].value == "合计" and ws["F10"].value == 0 and ws["G10"].value == 0


def test_journal_progress_and_cancel():
    rows = [jrow(i, "1001", 100, 0) for i in range(5001)]
    seen = []
    write_journal(rows, io.BytesIO(), (D(2026, 3, 1), D(2026, 3, 31)), "中心", progress=lambda f, m: seen.append(m))
    assert seen == ["已写入5000行分录", "已写入5001行分录"]
    ev = threading.Event()
    ev.set()
    with pytest.raises(RuleViolation, match="已取消导出"):
        write_journal(rows, io.BytesIO(), (D(2026, 3, 1), D(2026, 3, 31)), "中心", abort=ev)


def test_receipts_and_register_totals():
    rr = [ReceiptRow(1, "SJ2026-000001", D(2026, 4, 6), 7, "张三", "现金", "", 100000, "张小三", "", "会计", False, None, ""),
          ReceiptRow(2, "SJ2026-000002", D(2026, 4, 7), 7, "张三", "支付宝", "2026040722001", 12345, "张小三", "",
                     "会计", True, D(2026, 4, 8), "重复收款")]
    buf = io.BytesIO()
    assert write_receipts(rr, buf, (D(2026, 4, 1), D(2026, 4, 30)), "中心") == (2, 100000, 12345)
    ws = load_workbook(buf)["收款日记账"]
    assert ws["G5"].value == "2026040722001" and ws["G5"].data_type == "s"  # a long reference stays text
    assert ws["J5"].value == "作废" and ws["H6"].value == 1000.0 and ws["H7"].value == 123.45
    reg = [RegisterRow(7, "张三", 1, "HT2026-0001", 123871, 77419, 48000, 16000),
           RegisterRow(8, "李四", 2, "HT2026-0002", 240000, 150000, 93000, 0)]
    buf = io.BytesIO()
    assert write_register(reg, buf, "2026-03", "中心") == 2
    ws = load_workbook(buf)["计费汇总表"]
    # totals: bed 1,238.71 + 2,400.00 = 3,638.71; care 774.19 + 1,500.00 = 2,274.19;
    # meals 480.00 + 930.00 = 1,410.00; other 160.00; all 7,482.90
    assert [ws.cell(6, c).value for c in range(4, 9)] == [3638.71, 2274.19, 1410.0, 160.0, 7482.9]
    assert ws["H4"].value == 2652.9 and ws["A4"].data_type == "s" and ws["C4"].number_format == "@"
