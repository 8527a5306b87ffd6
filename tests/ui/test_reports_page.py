"""The 报表 page: a statement from real books, a figure opened to its
entries and an entry to its source, the books tab, the disclosure tab and
its reminder in the main window, and the auditor's read-only view.

The books (FY2025, entered in January 2026):
- 期初余额 2025-01-01: 基本户 200,000.00; 固定资产 500,000.00; 累计折旧 100,000.00;
  非限定性净资产 600,000.00;
- 04-20 operating subsidy 60,000.00; 05-31 salaries 40,000.00 + 20,000.00, 6,000.00
  withheld (54,000.00 paid); 07-10 utilities 3,000.00 业务 + 1,000.00 管理
  (vouchers by the accountant, reviewed by the administrator);
- 张三 from 10-01: October billed 4,830.00, paid on 11-05.
So 货币资金 at year end is 200,000.00 + 60,000.00 − 54,000.00 − 4,000.00 + 4,830.00
= 206,830.00 and 资产总计 206,830.00 + 400,000.00 = 606,830.00."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.disclosure_records import (
    AccountDetail,
    DetailLine,
    EntryRef,
    GeneralLedgerAccount,
    LedgerMonth,
    SourceView,
    YearTrialBalance,
    YearTrialRow,
)
from eldercare_desktop.domain.ledger import Line
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, books, disclosure, payments, residents
from eldercare_desktop.ui.dialogs.drilldown import DrillDownDialog, ReportModel, SourceDialog
from eldercare_desktop.ui.pages.reports import ReportsPage
from eldercare_desktop.viewmodels import reports as vm
from tests.conftest import person
from tests.services.billing_fixtures import make_contract
from tests.ui.conftest import idle
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

D = dt.date
Y = 100  # fen per yuan


def enter_and_review(acc, reviewer, v: B.VoucherInput) -> int:
    vid = books.add_voucher(acc, v).ids[0]
    books.review(reviewer, [vid])
    return vid


def build_books(app, clock, ctx, acc, beds) -> int:
    """The FY2025 books of the module docstring; returns 张三's id. Leaves
    the clock on 2026-01-15."""
    clock.day = D(2025, 10, 1)
    rid = residents.register_resident(ctx, person("张三"), D(2025, 10, 1), beds["A101-2"]).ids[0]
    make_contract(app, rid, D(2025, 10, 1))
    clock.day = D(2026, 1, 15)
    books.enter_opening_balances(acc, D(2025, 1, 1), (
        Line("100201", debit=200_000 * Y), Line("1501", debit=500_000 * Y), Line("1502", credit=100_000 * Y),
        Line("3101", credit=600_000 * Y)))
    enter_and_review(acc, ctx, B.subsidy(D(2025, 4, 20), "运营补贴", 60_000 * Y, "区民政局"))
    enter_and_review(acc, ctx, B.salaries(D(2025, 5, 31), 40_000 * Y, 20_000 * Y, 6_000 * Y))
    enter_and_review(acc, ctx, B.expense("utilities", D(2025, 7, 10), "6月水电费", {"业务": 3_000 * Y, "管理": 1_000 * Y}))
    billing.run_billing(acc, "2025-10")
    payments.record_payment(acc, rid, D(2025, 11, 5), "银行转账", 4_830 * Y, "张小三", "T20251105")
    return rid


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


@pytest.fixture
def booked(app, clock, ctx, acc, centre_ready):
    rid = build_books(app, clock, ctx, acc, centre_ready)
    clock.day = D(2026, 4, 2)
    return rid


def open_page(qtbot, shell) -> ReportsPage:
    page = shell.add(ReportsPage(shell))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: shell.idle() and page.statements.sset is not None, timeout=15000)
    return page


def click(qtbot, view, row: int, column: int) -> None:
    """Click a cell as a user does (scrolled into view first)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    QApplication.processEvents()  # the header lays out and the view scrolls
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def dclick(qtbot, view, row: int, column: int) -> None:
    # as a user does: the first click selects the cell (QTest's lone double
    # click reaches a fresh view as a press only)
    click(qtbot, view, row, column)
    pos = view.visualRect(view.model().index(row, column)).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def row_of(model, label: str) -> int:
    return next(i for i, x in enumerate(model.rows) if x.label.strip() == label)


def texts(widget) -> str:
    return " ".join(lbl.text() for lbl in widget.findChildren(QLabel))


# --- models ----------------------------------------------------------------------------------

def test_every_model_with_rows(qtmodeltester, qtbot):
    day = D(2025, 4, 20)
    ref = EntryRef(5, day, "记-2025-04-001", "收到区民政局拨付运营补贴", "凭证:记-2025-04-001", "100201", "基本户", 6_000_000)
    entries = ReportModel(vm.ENTRY_COLUMNS, [c.key for c in vm.ENTRY_COLUMNS])
    entries.set_rows([ref])
    view = SourceView(5, "凭证", "记账凭证 记-2025-04-001", (("摘要", "补贴"),),
                      (("100201", "基本户", 6_000_000, 0, ""), ("440102", "运营补贴", 0, 6_000_000, "")))
    source = ReportModel(vm.SOURCE_COLUMNS, [c.key for c in vm.SOURCE_COLUMNS], style=vm.source_style)
    source.set_rows(vm.source_lines(view, "合计"))
    tb = YearTrialBalance(2025, D(2025, 1, 1), D(2025, 12, 31), (
        YearTrialRow("1002", "银行存款", 1, 100, 0, 50, 0, 150, 0),
        YearTrialRow("100201", "基本户", 2, 100, 0, 50, 0, 150, 0),
        YearTrialRow("3101", "非限定性净资产", 1, 0, 100, 0, 50, 0, 150)))
    parents = vm.trial_parents(tb)
    trial = ReportModel(vm.TRIAL_COLUMNS, [c.key for c in vm.TRIAL_COLUMNS], style=lambda r: vm.trial_style(r, parents))
    trial.set_rows(vm.trial_rows(tb, "合计"))
    gl = GeneralLedgerAccount("1002", "银行存款", "借", 100, tuple(LedgerMonth(f"2025-{m:02d}", 10, 0, 100 + 10 * m)
                                                                for m in range(1, 13)))
    accounts = ReportModel(vm.ACCOUNT_COLUMNS, ["a", "b"])
    accounts.set_rows([gl])
    ledger = ReportModel(vm.LEDGER_COLUMNS, [c.key for c in vm.LEDGER_COLUMNS], style=lambda r: r.style)
    ledger.set_rows(vm.ledger_rows(gl, 2025, ("上年结转", "本月合计", "本年累计")))
    d = AccountDetail("1002", "银行存款", "借", D(2025, 1, 1), D(2025, 12, 31), 100,
                      (DetailLine(5, day, "记-2025-04-001", "凭证:记-2025-04-001", "补贴", 50, 0, 150, ""),))
    detail = ReportModel(vm.DETAIL_COLUMNS, [c.key for c in vm.DETAIL_COLUMNS], style=lambda r: r.style)
    detail.set_rows(vm.detail_rows(d, ("期初余额", "本月合计", "本期合计", "期末余额")))
    for m in (entries, source, trial, accounts, ledger, detail):
        assert m.rowCount() > 0
        qtmodeltester.check(m)
    assert trial.data(trial.index(0, 1), Qt.ItemDataRole.FontRole).bold()  # a parent
    assert trial.data(trial.index(1, 1), Qt.ItemDataRole.FontRole) is None
    assert trial.data(trial.index(3, 2), Qt.ItemDataRole.DisplayRole) == "1.00"  # the totals row
    assert trial.data(trial.index(3, 2), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


# --- 财务报表: figure → entries → source --------------------------------------------------

def test_balance_sheet_figure_opens_its_entries_and_an_entry_its_voucher(qtbot, qtmodeltester, make_shell, actors,
                                                                          acc, booked):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.statements
    assert tab.year.year() == 2025  # April: last year's books first
    assert shell.calls.count("statements") == 1  # "open a statement" is one call
    assert tab.code.text() == "会民非01表" and tab.title.text() == "资产负债表"
    assert "阳光社区养老服务中心" in tab.unit.text() and tab.date.text() == "2025年12月31日"
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["行次", "项目", "年初数", "期末数"]
    qtmodeltester.check(model)
    assert tab.cell_text("资产总计", 2) == "600,000.00"
    assert tab.cell_text("资产总计", 3) == "606,830.00"
    assert tab.cell_text("货币资金", 3) == "206,830.00"
    r = row_of(model, "资产总计")
    assert model.data(model.index(r, 0)) == "60"
    assert model.data(model.index(r, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(r, 3), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(row_of(model, "流动资产："), 1), Qt.ItemDataRole.FontRole).bold()  # a heading
    assert tab.checks.ok is True and "✔" in tab.checks.summary.text()
    assert not tab.note.isVisible()  # 2025 uses its own (2004) format

    dclick(qtbot, tab.table, r, 3)
    drill = page.last_drilldown
    assert isinstance(drill, DrillDownDialog) and drill.isVisible()
    assert len(page.findChildren(DrillDownDialog)) == 1
    qtbot.waitUntil(lambda: drill.total is not None, timeout=10000)
    assert drill.figure == 60_683_000 and drill.total == drill.figure
    assert "合计与报表数一致" in drill.total_label.text() and "✔" in drill.total_label.text()
    assert "606,830.00" in drill.total_label.text()
    qtmodeltester.check(drill.model)
    refs = drill.model.rows
    number = next(v.number for v in books.list_vouchers(acc) if "运营补贴" in v.memo)
    i = next(k for k, x in enumerate(refs) if x.reference == number)
    dclick(qtbot, drill.table, i, 2)
    source = drill.last_source
    assert isinstance(source, SourceDialog)
    qtbot.waitUntil(lambda: source.view is not None, timeout=10000)
    assert number in source.title.text() and source.view.kind == "凭证"
    assert "admin" in " ".join(source.fact_texts())  # 审核 by another user than the author
    qtmodeltester.check(source.model)
    sm = source.model
    assert [sm.data(sm.index(k, 0)) for k in range(sm.rowCount())] == ["100201", "440102", ""]
    assert sm.data(sm.index(2, 2)) == sm.data(sm.index(2, 3)) == "60,000.00"  # 合计 debit = credit
    drill.close()
    source.close()


def test_enter_opens_a_figure_and_other_statements(qtbot, make_shell, actors, booked):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.statements
    tab.kind.setCurrentIndex(1)  # 业务活动表: 本年数 and 上年数, three columns each
    assert tab.code.text() == "会民非02表"
    assert tab.model.columnCount() == 8
    assert tab.cell_text("政府补助收入", 2) == "60,000.00"
    assert tab.cell_text("四、净资产变动额（减少以“-”号填列）", 4) == "830.00"
    tab.kind.setCurrentIndex(2)
    assert tab.code.text() == "会民非03表"
    assert tab.cell_text("五、现金及现金等价物净增加额", 2) == "6,830.00"
    r = row_of(tab.model, "支付给员工以及为员工支付的现金")
    click(qtbot, tab.table, r, 2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    drill = page.last_drilldown
    assert drill is not None
    qtbot.waitUntil(lambda: drill.total is not None, timeout=10000)
    assert drill.figure == drill.total == 54_000_00
    drill.activateWindow()
    drill.table.setFocus()
    qtbot.keyClick(drill.table, Qt.Key.Key_Return)  # Enter on an entry: its source, the dialog stays
    assert drill.last_source is not None and drill.isVisible()
    qtbot.waitUntil(lambda: drill.last_source.view is not None, timeout=10000)
    assert drill.last_source.view.kind == "凭证"  # the salary voucher
    drill.last_source.close()
    drill.close()
    # a label or a heading opens nothing
    page.last_drilldown = None
    dclick(qtbot, tab.table, r, 1)
    assert page.last_drilldown is None
    # FY2026 has no format file of its own yet: drawn in the 2004 format, with the yellow note
    tab.year.set_year(2026)
    qtbot.waitUntil(lambda: shell.idle() and tab.sset.year == 2026, timeout=10000)
    assert tab.note.isVisible() and "2024年修订" in tab.note.text()
    assert shell.calls.count("statements") == 2


# --- 账簿 -------------------------------------------------------------------------------------

def test_books_tab_trial_balance_ledger_and_detail(qtbot, qtmodeltester, make_shell, actors, booked):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    page.tabs.setCurrentWidget(page.books)
    tab = page.books
    qtbot.waitUntil(lambda: shell.idle() and tab.trial.data is not None, timeout=10000)
    qtmodeltester.check(tab.trial.model)
    m = tab.trial.model
    last = m.rowCount() - 1
    assert m.data(m.index(last, 1)) == "合计" and m.data(m.index(last, 1), Qt.ItemDataRole.FontRole).bold()
    assert m.data(m.index(last, 2)) == m.data(m.index(last, 3))  # opening debit = credit
    assert "借贷平衡" in tab.trial.balanced.text() and "✔" in tab.trial.balanced.text()
    bank = next(i for i, r in enumerate(m.rows) if r.account == "1002")
    assert m.data(m.index(bank, 0), Qt.ItemDataRole.FontRole).bold()  # 1002 has 100201 under it
    # 总账
    tab.show_view(1)
    qtbot.waitUntil(lambda: shell.idle() and bool(tab.ledger.data), timeout=10000)
    qtmodeltester.check(tab.ledger.accounts)
    qtmodeltester.check(tab.ledger.model)
    codes = [a.account for a in tab.ledger.data]
    click(qtbot, tab.ledger.accounts_table, codes.index("1002"), 0)
    lm = tab.ledger.model
    assert lm.rowCount() == 14 and lm.data(lm.index(13, 5)) == "206,830.00"
    # a month opens its detail; a detail line its source
    dclick(qtbot, tab.ledger.table, 4, 0)  # 2025-04
    qtbot.waitUntil(lambda: shell.idle() and tab.detail.data is not None, timeout=10000)
    assert tab.stack.currentIndex() == 2
    d = tab.detail.data
    assert (d.account, d.date_from, d.date_to) == ("1002", D(2025, 4, 1), D(2025, 4, 30))
    qtmodeltester.check(tab.detail.model)
    dm = tab.detail.model
    line = next(i for i, r in enumerate(dm.rows) if r.entry_id)
    assert dm.data(dm.index(line, 4)) == "60,000.00"
    dclick(qtbot, tab.detail.table, line, 2)
    src = tab.detail.last_source
    qtbot.waitUntil(lambda: src.view is not None, timeout=10000)
    assert "运营补贴" in " ".join(src.fact_texts())
    src.close()
    # the account box: a name or code, through the completer's list
    assert "1002 银行存款" in tab.detail.completer.model().stringList()
    tab.detail.account.setText("9999")
    tab.detail.query()
    assert tab.detail.error.isVisible() and "9999" in tab.detail.error.text()


# --- 年度公开 and the reminder ---------------------------------------------------------------

def test_reminder_in_red_until_the_package_is_marked_submitted(qtbot, make_window, app, actors, booked):
    win = make_window(actors[Role.ACCOUNTANT])
    idle(qtbot, win)
    label = win.reminder_label
    qtbot.waitUntil(lambda: label.isVisible(), timeout=10000)
    assert "2025年度" in label.text() and "逾期2天" in label.text()
    assert win.reminder_overdue and "#c62828" in label.styleSheet()
    assert "报表" in win.nav.item(win.page_index("reports")).text()
    assert "开发中" not in win.nav.item(win.page_index("reports")).text()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)  # opens 报表 → 年度公开
    page = win.pages["reports"]
    assert isinstance(page, ReportsPage) and page.tabs.currentWidget() is page.disclosure
    tab = page.disclosure
    qtbot.waitUntil(lambda: tab.data is not None, timeout=10000)
    idle(qtbot, win)
    assert tab.reminder.isVisible() and tab.reminder.property("kind") == "overdue"
    assert tab.reminder.text() == label.text()
    assert tab.year.year() == 2025 and tab.checks.ok is True
    assert tab.submit_button.isEnabled() and tab.save_button.isEnabled()
    # the work report
    tab.staff.setValue(12)
    tab.report.setPlainText("全年安全运营。")
    tab.save()
    idle(qtbot, win)
    assert disclosure.get_record(app.as_user(actors[Role.ADMIN]), 2025)[:2] == ("全年安全运营。", 12)

    def drive(dlg) -> bool:
        dlg.day.setDate(dlg.day.maximumDate().addDays(-1))
        dlg.to.setText("区民政局、区发展改革委（物价）")
        dlg._on_ok()
        qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=10000)
        return True

    page.open_dialog = drive
    tab.mark_submitted()
    idle(qtbot, win)
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10000)
    assert label.text() == ""
    qtbot.waitUntil(lambda: not tab.reminder.isVisible(), timeout=10000)
    assert "2026-04-01" in tab.state.text() and not tab.submit_button.isEnabled()
    assert win.last_error_box is None, win.last_error_text


def test_no_reminder_once_submitted_or_before_january(qtbot, make_window, app, clock, ctx, actors, booked):
    disclosure.mark_submitted(ctx, 2025, D(2026, 3, 20), "区民政局")
    win = make_window(actors[Role.ADMIN])
    idle(qtbot, win)
    idle(qtbot, win)
    assert not win.reminder_label.isVisible()


def test_reminder_amber_before_the_due_date(qtbot, make_window, clock, actors, booked):
    clock.day = D(2026, 3, 1)
    win = make_window(actors[Role.ADMIN])
    qtbot.waitUntil(lambda: win.reminder_label.isVisible(), timeout=10000)
    assert "还剩30天" in win.reminder_label.text() and not win.reminder_overdue
    assert "#c62828" not in win.reminder_label.styleSheet()


def test_auditor_views_and_prints_but_cannot_save_or_submit(qtbot, make_shell, actors, booked):
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    assert page.statements.cell_text("资产总计", 3) == "606,830.00"
    page.show_disclosure()
    tab = page.disclosure
    qtbot.waitUntil(lambda: shell.idle() and tab.data is not None, timeout=10000)
    for b in (tab.save_button, tab.submit_button):
        assert not b.isEnabled() and "财务记账" in b.toolTip()
    assert tab.report.isReadOnly() and tab.staff.isReadOnly()
    for b in (tab.package_button, tab.notice_button):  # auditors print
        assert b.isEnabled()
    assert not shell.errors


def test_package_written_to_the_chosen_folder(qtbot, make_shell, actors, booked, tmp_path):
    """PDF and Excel in one folder, through the progress job."""
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    page.show_disclosure()
    tab = page.disclosure
    qtbot.waitUntil(lambda: shell.idle() and tab.data is not None, timeout=10000)
    page.choose_folder = lambda title: str(tmp_path)
    tab.make_package()
    qtbot.waitUntil(shell.idle, timeout=30000)
    assert not shell.errors, shell.errors
    assert (tmp_path / "2025年度财务收支情况公开.pdf").exists()


def test_failed_checks_shown_and_the_package_refused_with_the_reasons(qtbot, make_shell, ctx, acc, actors, booked,
                                                                        tmp_path):
    """Cash against the bad-debt provision has no cash-flow rule: the check
    fails, the movement is listed, and the package is refused with the reason."""
    enter_and_review(acc, ctx, B.VoucherInput(D(2025, 8, 1), "收回已核销坏账", (
        Line("100201", debit=1_000 * Y), Line("1131", credit=1_000 * Y)), 1))
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    checks = page.statements.checks
    assert checks.ok is False and "✘" in checks.summary.text() and "#c62828" in checks.summary.styleSheet()
    assert "现金收支全部归类" in checks.body.text()
    assert checks.unclassified.count() == 1 and "1131" in checks.unclassified.item(0).text()
    page.show_disclosure()
    tab = page.disclosure
    qtbot.waitUntil(lambda: shell.idle() and tab.data is not None, timeout=10000)
    assert tab.checks.ok is False
    out = tmp_path / "out"
    out.mkdir()
    page.choose_folder = lambda title: str(out)
    tab.make_package()
    qtbot.waitUntil(lambda: shell.idle() and bool(shell.errors), timeout=10000)
    assert "报表校验未通过" in shell.errors[0].message and "现金收支全部归类" in shell.errors[0].message
    assert not list(out.iterdir())


def test_books_print_through_the_documents_service(qtbot, make_shell, actors, booked, tmp_path):
    shell = make_shell(actors[Role.AUDITOR])  # auditors print
    page = open_page(qtbot, shell)
    page.tabs.setCurrentWidget(page.books)
    tab = page.books
    qtbot.waitUntil(lambda: shell.idle() and tab.trial.data is not None, timeout=10000)
    assert tab.print_button.isEnabled()
    target = tmp_path / "tb.pdf"
    page.choose_save = lambda title, name, pattern: str(target)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.idle() and target.exists(), timeout=30000)
    assert target.read_bytes()[:4] == b"%PDF" and not shell.errors
    assert any("tb.pdf" in m for m in shell.messages)
    # the detail exports as XLSX too
    tab.open_detail("1002", D(2025, 1, 1), D(2025, 12, 31))
    qtbot.waitUntil(lambda: shell.idle() and tab.detail.data is not None, timeout=10000)
    xlsx = tmp_path / "detail.xlsx"
    page.choose_save = lambda title, name, pattern: str(xlsx)
    assert tab.export_button.isEnabled()
    tab.write("xlsx")
    qtbot.waitUntil(lambda: shell.idle() and xlsx.exists(), timeout=30000)
    assert not shell.errors, shell.errors
