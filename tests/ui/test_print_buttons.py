"""打印预览… (print with a preview) next to the PDF-saving buttons: each is
clicked with the mouse, the service writes a real PDF on the database
thread and the preview (``printing.print_pdf``, replaced here) gets that
file, a title and the paper kind."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments as asvc
from eldercare_desktop.services import escrow
from eldercare_desktop.ui import printing
from eldercare_desktop.ui.pages.assessments import AssessmentsPage
from eldercare_desktop.viewmodels import escrow as evm
from tests.services.billing_fixtures import make_contract, terminate
from tests.ui import fakeshell as _fs
from tests.ui import test_reports_page as _rp
from tests.ui.test_assessments_page import form_input
from tests.ui.test_assessments_page import open_page as open_assessments
from tests.ui.test_escrow_page import open_page as open_escrow
from tests.ui.test_reports_page import open_page as open_reports

make_shell, acc, booked = _fs.make_shell, _rp.acc, _rp.booked  # fixtures
D = dt.date


@pytest.fixture
def printed(monkeypatch):
    """What reached the print preview: (pdf path, its first bytes, title, kind)."""
    seen: list[tuple[Path, bytes, str, str]] = []

    def fake(parent, pdf, title, kind="a4", preview=True, save_pdf=None):
        path = Path(pdf)
        seen.append((path, path.read_bytes() if path.exists() else b"", title, kind))
        return True

    monkeypatch.setattr(printing, "print_pdf", fake)
    return seen


def press(qtbot, shell, button, printed, timeout: int = 30000):
    """Click ``button`` with the mouse; wait for the job and the preview."""
    assert button.isEnabled(), button.toolTip()
    before = len(printed)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.idle() and len(printed) > before, timeout=timeout)
    assert not shell.errors, shell.errors
    path, data, title, kind = printed[-1]
    assert data.startswith(b"%PDF"), (title, data[:8])
    return path, title, kind


# --- 报表 -----------------------------------------------------------------------------------

def test_reports_books_disclosure_and_compliance_print_with_a_preview(qtbot, make_shell, actors, booked, printed):
    shell = make_shell(actors[Role.AUDITOR])  # auditors print
    page = open_reports(qtbot, shell)
    # 账簿: 科目余额表, 总账, 明细账 (the book on show)
    page.tabs.setCurrentWidget(page.books)
    tab = page.books
    qtbot.waitUntil(lambda: shell.idle() and tab.trial.data is not None, timeout=10000)
    assert tab.preview_button.text() == "打印预览…"
    path, title, kind = press(qtbot, shell, tab.preview_button, printed)
    assert title == "科目余额表-2025" and kind == "a4" and path.suffix == ".pdf"
    tab.show_view(1)
    qtbot.waitUntil(lambda: shell.idle() and bool(tab.ledger.data), timeout=10000)
    _, title, kind = press(qtbot, shell, tab.preview_button, printed)
    assert title == "总账-2025" and kind == "a4"
    tab.open_detail("1002", D(2025, 1, 1), D(2025, 12, 31))
    qtbot.waitUntil(lambda: shell.idle() and tab.detail.data is not None, timeout=10000)
    _, title, kind = press(qtbot, shell, tab.preview_button, printed)
    assert title.startswith("明细账-1002") and kind == "a4"
    # 年度公开: the package's PDF (the three statements in it) and the 公示版
    page.show_disclosure()
    dis = page.disclosure
    qtbot.waitUntil(lambda: shell.idle() and dis.data is not None, timeout=10000)
    _, title, kind = press(qtbot, shell, dis.package_preview_button, printed)
    assert title == "2025年度财务收支情况公开" and kind == "a4"
    _, title, kind = press(qtbot, shell, dis.notice_preview_button, printed)
    assert title == "2025年度财务收支情况公示" and kind == "a4"
    # 合规自查
    page.tabs.setCurrentWidget(page.compliance)
    comp = page.compliance
    qtbot.waitUntil(lambda: shell.idle() and comp.sc is not None, timeout=15000)
    _, title, kind = press(qtbot, shell, comp.preview_button, printed)
    assert title.startswith("合规自查报告") and kind == "a4"
    assert len(printed) == 6


# --- 押金专户 --------------------------------------------------------------------------------

def test_escrow_receipt_voucher_and_ledger_print_with_a_preview(qtbot, make_shell, app, ctx, actors, admitted,
                                                                printed):
    # a first stay refunded, then a new contract with a new deposit: the
    # resident is listed with a deposit, a full refund and a ledger
    cid = make_contract(app, admitted, D(2026, 1, 10), end=D(2026, 12, 31))
    escrow.receive_deposit(ctx, admitted, D(2026, 1, 10), 1000000, "银行转账", "L1")
    terminate(app, cid, D(2026, 6, 30))
    escrow.refund(ctx, admitted, D(2026, 7, 5), "银行转账")
    make_contract(app, admitted, D(2026, 8, 1), end=D(2027, 7, 31))
    escrow.receive_deposit(ctx, admitted, D(2026, 8, 1), 500000, "银行转账", "L2")
    shell = make_shell(actors[Role.FRONT_DESK])  # the front desk prints
    page = open_escrow(qtbot, shell)
    tab = page.residents
    page.show_residents(evm.ALL)
    assert tab.select_resident(admitted)
    _, title, kind = press(qtbot, shell, tab.receipt_preview_btn, printed)
    assert title.startswith("押金收据") and kind == "a4"  # the deposit receipt is an A4 page
    _, title, kind = press(qtbot, shell, tab.voucher_preview_btn, printed)
    assert title.startswith("退款凭证") and kind == "a4"
    _, title, kind = press(qtbot, shell, tab.ledger_preview_btn, printed)
    assert title.startswith("押金台账") and kind == "a4"
    # nobody selected (hidden by the search): every preview button is off
    tab.search.setText("没有这个人")
    for b in (tab.receipt_preview_btn, tab.voucher_preview_btn, tab.ledger_preview_btn):
        assert not b.isEnabled()


# --- 评估 ------------------------------------------------------------------------------------

def test_assessment_report_prints_with_a_preview_and_follows_the_selection(qtbot, make_shell, ctx, admitted,
                                                                          printed):
    aid = asvc.save_assessment(ctx, form_input(admitted)).ids[0]
    shell = make_shell(ctx.actor)
    page: AssessmentsPage = open_assessments(qtbot, shell)
    page.tabs.setCurrentIndex(page.RECORDS)
    assert not page.preview_button.isEnabled()
    view, model = page.list_table, page.list_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == aid)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(model.index(row, 0)).center())
    assert page.preview_button.isEnabled()
    _, title, kind = press(qtbot, shell, page.preview_button, printed)
    number = model.row_at(row).number
    assert title == f"评估报告 {number}" and kind == "a4"
    # filtered away: nothing selected, the button is off
    page.search.setText("没有这个人")
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    assert not page.preview_button.isEnabled()
