"""Issue 12, defect 9: the audit trail as a person reads it (amounts in yuan,
journal lines with account names, plain dates) and exported / printed."""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from pypdf import PdfReader

from eldercare_desktop.domain.audit import canonical
from eldercare_desktop.domain.records import AuditEntry
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit
from eldercare_desktop.ui.pages.audit import AuditModel, AuditPage, entity_labels, field_labels
from eldercare_desktop.viewmodels import audit as vm
from tests.ui import fakeshell

make_shell = fakeshell.make_shell  # the fixture

# what services.payments and services.ledger write
RECEIPT = {"number": "SK2026-0001", "resident_id": 7, "day": "2026-01-10", "method": "银行转账",
           "amount_fen": 123456, "payer": "张小三", "reference": "", "memo": "", "entry_id": 3,
           "to_receivable": 100000, "to_prepaid": 23456}
ENTRY = {"date": "2026-01-10", "memo": "收款", "lines": [["100201", 10000, 0, None, ""],
                                                        ["430101", 0, 10000, 7, "床位费"]]}
BANK_LINE = "100201 银行存款—基本户 借 ¥100.00"
INCOME_LINE = "430101 提供服务收入—床位费 贷 ¥100.00（住户 7）床位费"


def test_amounts_journal_lines_and_dates_read_plainly():
    labels, el = field_labels(), entity_labels().get
    text = vm.compact(canonical(RECEIPT), limit=None, labels=labels, entity_label=el, entity="receipt")
    assert "金额=¥1,234.56" in text and "转入应收=¥1,000.00" in text and "转入预收=¥234.56" in text
    assert "123456" not in text
    lines = vm.compact(canonical(ENTRY), limit=None, labels=labels, entity_label=el, entity="journal_entry")
    assert f"分录={BANK_LINE}；{INCOME_LINE}" in lines and "[[" not in lines
    # contract amounts only where they are amounts; a signed contract's bed fee
    rows = {r.key: r for r in vm.diff("", canonical({"bed": 240000, "deposit": 2880000, "start": "2026-01-10"}),
                                      el, "contract")}
    assert rows["bed"].after == "¥2,400.00" and rows["deposit"].after == "¥28,800.00"
    assert rows["start"].after == "2026-01-10"
    assert vm.field_value("bed", "A101-1", el, "resident") == "A101-1"
    assert vm.field_value("by_kind", {"bed": 85161, "meals": 33000}, el, "contract") == "床位费 ¥851.61，伙食费 ¥330.00"
    assert vm.field_value("at", "2026-11-25T09:30:00") == "2026-11-25 09:30"
    # the export row: everything, one item a line, journal lines each on their own line
    row = vm.export_row(AuditEntry(5, "2026-01-10T09:30:00", "kuaiji", "录入凭证", "journal_entry", "3", "",
                                   canonical(ENTRY)), el, labels)
    assert row[:6] == ("5", "2026-01-10 09:30:00", "kuaiji", "录入凭证", "记账凭证", "3")
    assert row[7].splitlines() == ["日期：2026-01-10", "分录：", "  " + BANK_LINE, "  " + INCOME_LINE, "摘要：收款"]


def test_model_shows_the_centre_s_own_account_names(qtmodeltester):
    m = AuditModel()
    m.set_accounts({"100201": "银行存款—基本户", "66020101": "管理费用—办公费—文具"})
    m.set_entries([AuditEntry(1, "2026-11-25T09:30:00", "kuaiji", "录入凭证", "journal_entry", "1", "",
                              canonical({"lines": [["66020101", 500, 0], ["100201", 0, 500]]}))])
    qtmodeltester.check(m)
    assert m.data(m.index(0, 7)) == ("分录=66020101 管理费用—办公费—文具 借 ¥5.00；"
                                     "100201 银行存款—基本户 贷 ¥5.00")


def _record(app, admin):
    now = dt.datetime(2026, 1, 10, 9, 30)
    with app.write_factory.begin() as s:
        audit.record(s, admin, now, "收款", "receipt", 1, None, RECEIPT)
        audit.record(s, admin, now, "录入凭证", "journal_entry", 3, None, ENTRY)


def test_page_detail_export_and_print(qtbot, make_shell, app, admin, actors, tmp_path):
    _record(app, admin)
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = shell.add(AuditPage(shell))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: shell.idle() and not page.loading, timeout=10000)
    row = next(r for r in range(page.model.rowCount()) if page.model.entry(r).entity == "journal_entry")
    assert BANK_LINE in page.model.data(page.model.index(row, 7))
    html = page.detail_html(page.model.entry(row))
    assert BANK_LINE in html and "[[" not in html
    rrow = next(r for r in range(page.model.rowCount()) if page.model.entry(r).entity == "receipt")
    assert "¥1,234.56" in page.detail_html(page.model.entry(rrow))

    page.entity_filter.setCurrentIndex(page.entity_filter.findData("receipt"))
    qtbot.waitUntil(lambda: shell.idle() and not page.loading and page.model.rowCount() == 1, timeout=10000)
    asked = []
    page.choose_save = lambda title, name, pattern: asked.append((title, name, pattern)) or str(
        tmp_path / name)
    page.export_button.click()
    qtbot.waitUntil(lambda: shell.idle() and hasattr(page, "last_export"), timeout=10000)
    assert asked[0][1].endswith(".xlsx") and "*.xlsx" in asked[0][2]
    ws = load_workbook(page.last_export.path).active
    values = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    assert list(values[2]) == list(vm.EXPORT_HEADERS)
    body = values[3:]
    assert len(body) == 1 and body[0][3] == "收款" and body[0][4] == "收据"
    assert "金额：¥1,234.56" in body[0][7].splitlines()
    assert "对象：收据" in values[1][0]  # the filter it was exported with
    page.open_box.close()

    del page.last_export
    page.entity_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: shell.idle() and not page.loading, timeout=10000)
    page.print_button.click()
    qtbot.waitUntil(lambda: shell.idle() and hasattr(page, "last_export"), timeout=10000)
    assert str(page.last_export.path).endswith(".pdf")
    r = PdfReader(io.BytesIO(page.last_export.path.read_bytes()))
    text = "".join(p.extract_text() for p in r.pages)
    assert "审计日志" in text and "¥1,234.56" in text and "银行存款—基本户" in text and "提供服务收入—床位费" in text
    for p in r.pages:
        for f in p["/Resources"]["/Font"].values():
            f = f.get_object()
            desc = f.get("/DescendantFonts")
            fd = (desc[0].get_object() if desc else f)["/FontDescriptor"].get_object()
            assert "/FontFile2" in fd or "/FontFile" in fd or "/FontFile3" in fd
    page.open_box.close()


def test_service_exports_the_filtered_trail(app, admin, ctx, tmp_path):
    _record(app, admin)
    f = audit.AuditFilter(entity="journal_entry")
    rows = audit.readable_entries(ctx, f, entity_labels(), field_labels())
    assert [r[3] for r in rows] == ["录入凭证"] and BANK_LINE in rows[0][7]
    w = audit.export_xlsx(ctx, tmp_path / "audit.xlsx", f, entity_labels(), field_labels())
    ws = load_workbook(w.path).active
    body = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(body) == 1 == w.rows and INCOME_LINE in body[0][7]
    w = audit.export_pdf(ctx, tmp_path / "audit.pdf", f)  # no labels: keys as stored, values still readable
    text = "".join(p.extract_text() for p in PdfReader(str(w.path)).pages)
    assert "¥100.00" in text and "银行存款—基本户" in text
    logged = audit.list_entries(ctx, audit.AuditFilter(entity="audit_log"))
    assert [e.action for e in logged] == ["打印审计日志", "导出审计日志"]
