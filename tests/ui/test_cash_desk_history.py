"""The cash desk beside the amount owed: open bills and payment history of the
selected resident; buttons follow the selection through filters and reloads;
receipts saved under their number; the register's totals row; the resident
panel's contract, balance and deposit (issue 12, behaviour 5 / defect 10)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing, payments, residents
from eldercare_desktop.ui.pages.finance import FinancePage
from eldercare_desktop.ui.pages.residents import ResidentsPage
from eldercare_desktop.viewmodels import finance as vm
from tests.conftest import person
from tests.services import billing_fixtures as bf
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

D = dt.date
SHOTS = Path(os.environ.get("SHOTS12", "/tmp/shots12"))


@pytest.fixture
def two_billed(app, ctx, admitted, centre_ready):
    """张三 (A101-1) and 王五 (A102-1) under contract, October billed; 张三 paid ¥1,000."""
    bf.fee_items(app)
    bf.make_contract(app, admitted, D(2026, 1, 10), number="HT2026-0001")
    wang = residents.register_resident(ctx, person("王五", D(1938, 2, 2), 35), D(2026, 1, 10),
                                       centre_ready["A102-1"]).ids[0]
    bf.make_contract(app, wang, D(2026, 1, 10), number="HT2026-0002")
    billing.run_billing(ctx, "2026-10")
    payments.record_payment(ctx, admitted, D(2026, 11, 20), "现金", 100000, "张小三")
    return admitted, wang


def open_page(qtbot, shell) -> FinancePage:
    page = shell.add(FinancePage(shell))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    page.tabs.setCurrentWidget(page.cash)
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


def click_list(qtbot, lst, row: int) -> None:
    item = lst.item(row)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     lst.visualItemRect(item).center())


def click_row(qtbot, view, row: int) -> None:
    model = view.model()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(model.index(row, 0)).center())


def list_row(tab, name: str) -> int:
    return next(i for i in range(tab.list.count()) if tab.list.item(i).text().startswith(name))


def test_open_bills_and_history_beside_the_balance(qtbot, make_shell, actors, two_billed):
    zhang, wang = two_billed
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    tab = page.cash
    click_list(qtbot, tab.list, list_row(tab, "张三"))
    qtbot.waitUntil(lambda: tab.resident_id == zhang and tab.history_model.rowCount() == 1
                    and tab.bills_model.rowCount() > 1, timeout=10000)
    assert tab.balance.text() == "欠费 ¥3,830.00"
    bills = [tab.bills_model.row_at(i) for i in range(tab.bills_model.rowCount())]
    total = bills[-1]
    assert vm.is_bill_total(total) and total.memo == "合计" and total.open_fen == 383000
    assert all(b.period == "2026-10" for b in bills[:-1])
    assert tab.history_model.data(tab.history_model.index(0, 3)) == "¥1,000.00"
    assert tab.pay_button.isEnabled() and "张三" in tab.who.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "cash_desk.png"))
    # another resident: the panels follow
    click_list(qtbot, tab.list, list_row(tab, "王五"))
    qtbot.waitUntil(lambda: tab.resident_id == wang and tab.history_model.rowCount() == 0
                    and tab.bills_model.rowCount() > 1, timeout=10000)
    assert tab.balance.text() == "欠费 ¥4,830.00"
    assert tab.bills_model.row_at(tab.bills_model.rowCount() - 1).open_fen == 483000


def test_search_hiding_the_resident_disables_payment(qtbot, make_shell, actors, two_billed):
    zhang, wang = two_billed
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    tab = page.cash
    click_list(qtbot, tab.list, list_row(tab, "张三"))
    qtbot.waitUntil(lambda: tab.resident_id == zhang and shell.idle(), timeout=10000)
    tab.search.setText("王五")  # 张三 no longer listed
    assert tab.resident_id is None and not tab.pay_button.isEnabled()
    assert tab.history_model.rowCount() == 0 and tab.bills_model.rowCount() == 0 and tab.balance.text() == ""
    opened = []
    tab.payment_dialog = lambda: opened.append(1)
    tab.take_payment()
    assert opened == []
    # clearing the search does not silently select anybody again
    tab.search.clear()
    assert tab.resident_id is None and not tab.pay_button.isEnabled()
    # a reload keeps a visible selection
    click_list(qtbot, tab.list, list_row(tab, "王五"))
    qtbot.waitUntil(lambda: tab.resident_id == wang and shell.idle(), timeout=10000)
    page.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert tab.resident_id == wang and tab.list.currentItem().text().startswith("王五")
    assert tab.pay_button.isEnabled() and tab.who.text().startswith("王五")


def test_receipt_is_saved_under_its_number_and_selection_follows_reload(qtbot, make_shell, actors, ctx, two_billed,
                                                                        tmp_path):
    zhang, _ = two_billed
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.cash
    asked = []
    page.choose_path = lambda title, name, pattern: asked.append(name) or str(tmp_path / name)
    tab.print_receipt(payments.receipts(ctx, D(2026, 11, 1), D(2026, 11, 30))[0].id)
    qtbot.waitUntil(lambda: bool(asked) and (tmp_path / asked[0]).exists(), timeout=20000)
    assert asked == ["收据SJ2026-000001.pdf"]
    # after a payment: offered under the new receipt's number
    ch = payments.record_payment(ctx, zhang, D(2026, 11, 21), "现金", 20000, "张小三")
    page.confirm = lambda *a: True
    tab.paid(ch)
    qtbot.waitUntil(lambda: len(asked) == 2 and shell.idle(), timeout=20000)
    assert asked[1] == "收据SJ2026-000002.pdf"
    # reprint follows the clicked row; a reload keeps the selection on the same receipt
    # (by its id, never on whatever row comes to stand at that index: ui/tablemodel.KeepViewState)
    tab.load_receipts()
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 2, timeout=10000)
    click_row(qtbot, tab.view, 1)
    assert tab.current_receipt().number == "SJ2026-000002"
    tab.reprint()
    qtbot.waitUntil(lambda: len(asked) == 3 and shell.idle(), timeout=20000)
    assert asked[2] == "收据SJ2026-000002.pdf"
    page.reload()
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert tab.current_receipt().number == "SJ2026-000002"
    tab.view.selectionModel().clear()
    assert tab.current_receipt() is None
    tab.reprint()
    assert len(asked) == 3 and "请先选择收据" in shell.messages[-1]


def test_register_has_a_totals_row(qtbot, make_shell, actors, two_billed):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.billing
    tab.month.setCurrentText("2026-10")
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 3, timeout=10000)
    last = tab.model.rowCount() - 1
    assert tab.model.data(tab.model.index(last, 0)) == "合计"
    assert tab.model.data(tab.model.index(last, 1)) == "2 份合同"
    assert tab.model.data(tab.model.index(last, 6)) == "¥9,660.00"
    assert tab.model.data(tab.model.index(last, 0), Qt.ItemDataRole.FontRole).bold()


def test_resident_panel_shows_contract_balance_and_deposit(qtbot, make_shell, actors, ctx, two_billed):
    zhang, wang = two_billed
    shell = make_shell(actors[Role.FRONT_DESK])
    page = shell.add(ResidentsPage(shell))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: shell.idle() and page.lst.total == 2, timeout=10000)
    row = page.model.row_for(zhang)
    click_row(qtbot, page.table, row)
    qtbot.waitUntil(lambda: page.money is not None and page.money.resident_id == zhang, timeout=10000)
    text = page.detail_view.toPlainText()
    assert "HT2026-0001（2026-01-10 至 2027-12-31）" in text
    assert "欠费 ¥3,830.00" in text and "押金（专户）" in text and "¥0.00" in text
    # a payment elsewhere refreshes the panel
    shell.call(payments.record_payment, zhang, D(2026, 11, 22), "现金", 383000, "张小三")
    qtbot.waitUntil(lambda: "已结清" in page.detail_view.toPlainText(), timeout=10000)
    # a sort keeps the resident and their figures
    page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert page.selected_id() == zhang
    # a filter hiding them clears the panel and the actions
    page.search.setText("王五")
    qtbot.waitUntil(lambda: page.selected_id() != zhang, timeout=10000)
    assert page.detail is None or page.detail.id != zhang
    click_row(qtbot, page.table, 0)
    qtbot.waitUntil(lambda: page.money is not None and page.money.resident_id == wang, timeout=10000)
    assert "HT2026-0002" in page.detail_view.toPlainText() and "欠费 ¥4,830.00" in page.detail_view.toPlainText()
