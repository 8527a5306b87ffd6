"""Every XLSX export prints on A4 landscape, fitted to the page width, with its
header row repeated on each page (issue 12, behaviour 9); the journal writes
the voucher numbers it is given."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from eldercare_desktop.documents import disclosure_xlsx as DX
from eldercare_desktop.documents.assessment_xlsx import write_assessments_xlsx
from eldercare_desktop.documents.escrow_xlsx import write_ledger, write_reconciliation, write_refunds
from eldercare_desktop.documents.finance_xlsx import write_ageing, write_journal, write_receipts, write_register
from eldercare_desktop.domain.billing_records import RegisterRow
from eldercare_desktop.domain.escrow_docs import RefundRow
from eldercare_desktop.domain.finance_records import JournalRow
from eldercare_desktop.domain.payment_records import AgeingReport, AgeingRow, ReceiptRow

from . import disclosure_sample as X
from .test_assessment_report import gbt_detail
from .test_escrow_pdf import ledger_doc, recon

D = dt.date
PERIOD = (D(2026, 3, 1), D(2026, 3, 31))


def jrow(eid, account, debit, credit, reverses=None):
    return JournalRow(eid, D(2026, 3, 31), "2026-03", "3月费用", "", reverses, None, account, "科目", debit, credit,
                      None, "", "")


def _journal(buf):
    write_journal([jrow(1, "1121", 100, 0), jrow(1, "430101", 0, 100)], buf, PERIOD, "中心")


def _receipts(buf):
    write_receipts([ReceiptRow(1, "SJ2026-000001", D(2026, 3, 6), 7, "张三", "现金", "", 100000, "张小三", "", "会计",
                               False, None, "")], buf, PERIOD, "中心")


def _ageing(buf):
    write_ageing(AgeingReport(D(2026, 3, 31), (AgeingRow(1, "张三", (100, 200, 0, 0), 0, D(2026, 1, 31)),),
                              (100, 200, 0, 0), 0, 300), buf, "中心")


def _register(buf):
    write_register([RegisterRow(7, "张三", 1, "HT2026-0001", 123871, 77419, 48000, 16000)], buf, "2026-03", "中心")


def _ledger(buf):
    write_ledger(ledger_doc(), buf)


def _reconciliation(buf):
    write_reconciliation(recon(), buf)


def _refunds(buf):
    write_refunds([RefundRow("TK2025-0001", D(2025, 6, 21), "7", "张三", "HT2025-0007", D(2025, 6, 15),
                             D(2025, 6, 25), 1_000_000, 0, 211, "银行转账")], buf, "中心")


def _assessments(buf):
    write_assessments_xlsx([gbt_detail()], buf, PERIOD, "中心")


def _bytes(fn):
    def write(buf):
        buf.write(fn())
    return write


WRITERS = {
    "journal": (_journal, {"序时账": "$3:$3"}),
    "receipts": (_receipts, {"收款日记账": "$3:$3"}),
    "ageing": (_ageing, {"账龄分析": "$3:$3"}),
    "register": (_register, {"计费汇总表": "$3:$3"}),
    "escrow ledger": (_ledger, {"押金明细账": "$3:$3"}),
    "reconciliation": (_reconciliation, {"押金专户对账": "$11:$11"}),
    "refunds": (_refunds, {"押金退还登记表": "$3:$3"}),
    "assessments": (_assessments, None),
    "disclosure": (_bytes(lambda: DX.package_xlsx(X.context())), None),
    "trial balance": (_bytes(lambda: DX.trial_balance_xlsx(X.trial_balance(), X.CENTRE.name)), None),
    "general ledger": (_bytes(lambda: DX.ledger_xlsx(X.general_ledger(), 2025, X.CENTRE.name)), None),
    "detail": (_bytes(lambda: DX.detail_xlsx(X.account_detail(), X.CENTRE.name)), None),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_sheet_prints_a4_landscape_fit_to_width_with_titles(name):
    write, titles = WRITERS[name]
    buf = io.BytesIO()
    write(buf)
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", (name, ws.title)
        assert int(ws.page_setup.paperSize) == 9, (name, ws.title)  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, (name, ws.title)
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0, (name, ws.title)
        assert ws.print_title_rows, (name, ws.title)
        if titles:
            assert ws.print_title_rows == titles[ws.title], (name, ws.title)


def test_print_setup_takes_a_row_number():
    from openpyxl import Workbook

    from eldercare_desktop.documents.xlsx import print_setup

    ws = Workbook().active
    print_setup(ws, 4)
    assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"


def test_reconciliation_title_row_is_the_residents_header():
    buf = io.BytesIO()
    write_reconciliation(recon(), buf)
    ws = load_workbook(buf)["押金专户对账"]
    assert [c.value for c in ws[11]] == ["住户编号", "老年人", "合同编号", "押金余额"]


def test_journal_writes_the_voucher_numbers_it_is_given():
    rows = [jrow(1, "1121", 100, 0), jrow(1, "430101", 0, 100), jrow(2, "1121", -100, 0, reverses=1)]
    buf = io.BytesIO()
    write_journal(rows, buf, PERIOD, "中心", numbers={1: "记-2026-03-0012", 2: "机-2026-03-0001"})
    ws = load_workbook(buf)["序时账"]
    assert [ws.cell(r, 1).value for r in (4, 5, 6)] == ["记-2026-03-0012", "记-2026-03-0012", "机-2026-03-0001"]
    assert ws.cell(6, 11).value == "红冲凭证记-2026-03-0012"
