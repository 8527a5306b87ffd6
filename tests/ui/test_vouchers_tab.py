"""The 记账凭证 and 固定资产 tabs: models, the 新建凭证 dialog (template and
grid), review by another user, buttons that follow the selection through
filters and sorting, void and 红冲, import, opening balances, year-end,
sub-accounts and depreciation run twice."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout

from eldercare_desktop.domain import books as B
from eldercare_desktop.domain.errors import RuleViolation
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assets, books
from eldercare_desktop.services.assets import AssetInfo
from eldercare_desktop.services.books import VoucherInfo, VoucherLineInfo
from eldercare_desktop.ui.base import Page
from eldercare_desktop.ui.dialogs.voucher import lines_model
from eldercare_desktop.ui.widgets import to_qdate
from eldercare_desktop.ui.pages.vouchers import WATCHES, AssetsTab, SortedModel, VouchersTab
from eldercare_desktop.viewmodels import vouchers as vm
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

D = dt.date
LEFT = Qt.MouseButton.LeftButton


class Host(Page):
    """Stands in for the 报表 page: the two tabs in a QTabWidget."""

    watches = WATCHES

    def __init__(self, shell):
        super().__init__(shell)
        self.tabs = QTabWidget(self)
        self.vouchers = VouchersTab(self)
        self.assets = AssetsTab(self)
        self.tabs.addTab(self.vouchers, "记账凭证")
        self.tabs.addTab(self.assets, "固定资产")
        QVBoxLayout(self).addWidget(self.tabs)

    def reload(self) -> None:
        self.vouchers.reload()
        self.assets.reload()


def open_host(qtbot, shell) -> Host:
    host = shell.add(Host(shell))
    qtbot.addWidget(host)
    host.resize(1300, 800)
    host.show()
    host.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return host


def capture(tab) -> list:
    """Replace the tab's modal exec: the test drives each dialog itself."""
    opened = []
    tab.open_dialog = lambda dlg: opened.append(dlg) or False
    return opened


def shown(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def save(qtbot, shell, dlg) -> None:
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None and shell.idle(), timeout=10000)


def click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, modifier, rect.center())


def type_(qtbot, widget, text: str) -> None:
    """Type like a user (QTest types ASCII only; Chinese goes in as one edit)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def cells(model, row: int) -> list:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


@pytest.fixture
def acc(app, actors):
    return app.as_user(actors[Role.ACCOUNTANT])


# --- models ---------------------------------------------------------------------------------------

def test_models(qtmodeltester, qtbot):
    lines = (VoucherLineInfo("510102", "业务活动成本—日常费用", 1000, 0, None, "", ""),
             VoucherLineInfo("100201", "银行存款—基本户", 0, 1000, None, "", ""))
    rows = [VoucherInfo(i, f"记-2026-11-000{i}", D(2026, 11, i), "摘要", "general", 1, status, 1000 * i, "kuaiji", "",
                        None, "", "", "", {}, lines) for i, status in ((1, B.PENDING), (2, B.REVIEWED), (3, B.VOID))]
    model = SortedModel(vm.voucher_columns(), [c.key for c in vm.voucher_columns()], keys=vm.VOUCHER_SORT,
                        colour=lambda v, key: vm.status_colour(v.status) if key == "status" else None,
                        is_void=lambda v: v.status == B.VOID)
    model.set_rows(rows)
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert [v.id for v in model.rows] == [3, 2, 1]
    qtmodeltester.check(model)
    assert model.data(model.index(1, 6), Qt.ItemDataRole.ForegroundRole).color().name() == "#2e7d32"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).strikeOut()  # void
    lm = lines_model()
    lm.set_rows(vm.line_rows(lines))
    qtmodeltester.check(lm)
    assert lm.data(lm.index(2, 1), Qt.ItemDataRole.FontRole).bold()
    am = SortedModel(vm.asset_columns(), [c.key for c in vm.asset_columns()], keys=vm.ASSET_SORT)
    am.set_rows([AssetInfo(1, "ZC-0001", "床", "家具用具", 120000, D(2026, 1, 5), 60, 0, "业务", "", "", 2000, "2026-02"),
                  AssetInfo(2, "ZC-0002", "桌", "家具用具", 90000, D(2026, 1, 5), 60, 0, "管理", "记-2026-01-0001",
                            B.PENDING, 1500, "2026-02")])
    am.sort(3)
    assert [a.id for a in am.rows] == [2, 1]
    qtmodeltester.check(am)


# --- 新建凭证 --------------------------------------------------------------------------------------

def test_enter_vouchers_with_the_salaries_template_and_the_grid(qtbot, make_shell, app, actors):
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_host(qtbot, shell).vouchers
    opened = capture(tab)
    assert tab.model.rowCount() == 0 and not tab.review_button.isEnabled()
    qtbot.mouseClick(tab.new_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    assert dlg.template.currentData() == "general" and not dlg.preview_box.isVisible()
    dlg.set_template("salaries")
    form = dlg.pages["salaries"]
    assert dlg.preview_box.isVisible() and form.month.currentText() == "2026-11"
    type_(qtbot, form.care, "40000")
    type_(qtbot, form.office, "20,000")
    type_(qtbot, form.withheld, "6000.123")
    assert "两位小数" in form.error_for("withheld").text() and dlg.preview_model.rowCount() == 0
    form.withheld.clear()
    type_(qtbot, form.withheld, "6000")
    assert form.error_for("withheld").isHidden()
    assert dlg.preview_model.rowCount() == 5  # care, office, bank, withheld, totals
    assert cells(dlg.preview_model, 2)[:4] == ["100201", "银行存款—基本户", "", "¥54,000.00"]
    assert cells(dlg.preview_model, 4)[1:4] == ["合计", "¥60,000.00", "¥60,000.00"]
    assert "发放2026-11工资" in dlg.preview_memo.text()
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and len(tab.selected()) == 1, timeout=10000)
    assert cells(tab.model, 0)[:7] == ["记-2026-11-0001", "2026-11-25", "发放2026-11工资", "工资", "¥60,000.00", "1",
                                       "待审核"]
    assert tab.lines.rowCount() == 5 and tab.review_button.isEnabled()  # the new voucher is selected

    # 通用凭证: the grid, keyboard first, live totals, red until balanced
    qtbot.mouseClick(tab.new_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    grid = dlg.grid
    qtbot.waitUntil(lambda: grid.chart is not None and bool(grid.accounts.words), timeout=10000)
    type_(qtbot, dlg.memo, "购买办公用品")
    grid.table.setFocus()
    grid.table.setCurrentCell(0, 0)
    grid.table.editItem(grid.table.item(0, 0))
    editor = grid.table.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.completer() is not None
    type_(qtbot, editor, "520102")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert grid.table.item(0, 0).text() == "520102"
    grid.set_row(0, vm.GridRow("520102 管理费用—日常费用", "300", ""))
    grid.set_row(1, vm.GridRow("100201 银行存款—基本户", "", "200"))
    assert grid.table.rowCount() == 4  # a blank row is always there
    assert "¥300.00" in grid.totals.text() and "¥200.00" in grid.totals.text()
    assert grid.state.text().startswith("借贷不平衡") and "c62828" in grid.state.styleSheet()
    dlg.ok_button.click()
    assert "借贷不平衡" in dlg.error_for("lines").text() and dlg.result_value is None
    grid.set_row(1, vm.GridRow("100201 银行存款—基本户", "", "300"))
    assert grid.state.text() == "借贷平衡"
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    v = tab.selected()[0]
    assert (v.number, v.total, v.template) == ("记-2026-11-0002", 30000, "general")
    assert [x.account for x in v.lines] == ["520102", "100201"]


def test_template_problems_show_inline_only_where_the_user_has_been(qtbot, make_shell, actors):
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_host(qtbot, shell).vouchers
    opened = capture(tab)
    tab.new_voucher()
    dlg = shown(qtbot, opened[-1])
    dlg.set_template("donation")
    form = dlg.pages["donation"]
    assert form.error_for("donor").isHidden() and form.error_for("amount").isHidden()
    type_(qtbot, form.amount, "500")
    form.restricted.setChecked(True)
    assert form.restriction.isEnabled() and form.error_for("restriction").isHidden()
    dlg.ok_button.click()  # now every problem shows
    assert "捐赠人" in form.error_for("donor").text() and "限定" in form.error_for("restriction").text()
    type_(qtbot, form.donor, "爱心基金会")
    type_(qtbot, form.restriction, "购置康复设备")
    assert cells(dlg.preview_model, 1)[:4] == ["410102", "捐赠收入—限定性收入", "", "¥500.00"]
    save(qtbot, shell, dlg)


# --- review, selection, filters -----------------------------------------------------------------------

def test_review_by_another_user_and_buttons_follow_the_selection(qtbot, make_shell, app, actors, acc):
    books.add_voucher(acc, B.salaries(D(2026, 11, 20), 400000, 200000, 60000))
    books.add_voucher(acc, B.expense("purchase", D(2026, 11, 21), "采购食材", {"业务": 80000}))
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_host(qtbot, shell).vouchers
    assert tab.model.rowCount() == 2 and not tab.selected()
    buttons = (tab.review_button, tab.void_button, tab.reverse_button)
    assert not any(b.isEnabled() for b in buttons)
    click_row(qtbot, tab.table, 0)
    assert [v.number for v in tab.selected()] == ["记-2026-11-0001"]
    assert tab.review_button.isEnabled() and tab.void_button.isEnabled() and not tab.reverse_button.isEnabled()
    assert tab.lines.rowCount() == 5 and "记-2026-11-0001" in tab.lines_title.text()
    # the author may not review: the service's message is shown
    qtbot.mouseClick(tab.review_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and bool(shell.errors), timeout=10000)
    assert isinstance(shell.errors[-1], RuleViolation) and "审核人不能是制单人" in shell.errors[-1].message
    # sorting keeps the selection on its voucher
    tab.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # by amount: the purchase first
    assert tab.model.rows[0].number == "记-2026-11-0002"
    assert [v.number for v in tab.selected()] == ["记-2026-11-0001"] and tab.review_button.isEnabled()
    # a filter that hides the row: nothing selected, nothing enabled, no lines
    tab.status.setCurrentIndex(tab.status.findData(B.VOID))
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 0, timeout=10000)
    assert not tab.selected() and not any(b.isEnabled() for b in buttons) and tab.lines.rowCount() == 0
    tab.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 2, timeout=10000)
    assert not tab.selected() and not tab.review_button.isEnabled()  # not silently selected again

    # the administrator reviews both (multi-select)
    admin_shell = make_shell(actors[Role.ADMIN])
    other = open_host(qtbot, admin_shell).vouchers
    click_row(qtbot, other.table, 0)
    click_row(qtbot, other.table, 1, Qt.KeyboardModifier.ControlModifier)
    assert len(other.selected()) == 2 and other.review_button.isEnabled() and not other.void_button.isEnabled()
    qtbot.mouseClick(other.review_button, LEFT)
    qtbot.waitUntil(lambda: admin_shell.idle() and all(v.status == B.REVIEWED for v in other.model.rows),
                    timeout=10000)
    assert not admin_shell.errors and "已审核2张凭证" in admin_shell.messages
    assert len(other.selected()) == 2 and not other.review_button.isEnabled()
    assert cells(other.model, 0)[6:9] == ["已审核", "kuaiji", "admin"]
    click_row(qtbot, other.table, 0)
    assert other.reverse_button.isEnabled() and not other.void_button.isEnabled()


def test_void_and_reverse(qtbot, make_shell, actors, acc, ctx):
    books.add_voucher(acc, B.expense("repairs", D(2026, 11, 2), "维修水管", {"管理": 50000}))
    kept = books.add_voucher(acc, B.expense("utilities", D(2026, 11, 3), "10月水电费", {"业务": 30000})).ids[0]
    books.review(ctx, [kept])
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_host(qtbot, shell).vouchers
    opened = capture(tab)
    click_row(qtbot, tab.table, 0)
    qtbot.mouseClick(tab.void_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: shell.idle() and dlg.error_for("reason").isVisible(), timeout=10000)
    assert "作废原因" in dlg.error_for("reason").text()
    type_(qtbot, dlg.inputs["reason"], "重复录入")
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.model.rows[0].status == B.VOID, timeout=10000)
    assert tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert not tab.void_button.isEnabled() and "重复录入" in tab.lines_title.text()
    click_row(qtbot, tab.table, 1)
    qtbot.mouseClick(tab.reverse_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    type_(qtbot, dlg.inputs["reason"], "金额有误")
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=10000)
    red = tab.selected()[0]  # the new red voucher is selected
    assert red.number == "记-2026-11-0003" and red.total == -30000 and red.reverses_number == "记-2026-11-0002"
    assert cells(tab.model, 2)[9] == "冲 记-2026-11-0002" and cells(tab.model, 1)[9] == "被 记-2026-11-0003 冲"
    assert cells(tab.model, 2)[4] == "-¥300.00"


def test_import_template_round_trip(qtbot, make_shell, actors, tmp_path):
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_host(qtbot, shell).vouchers
    path = tmp_path / "模板.xlsx"
    tab.choose_save = lambda *a: str(path)
    qtbot.mouseClick(tab.template_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and path.exists(), timeout=10000)
    tab.choose_open = lambda *a: str(path)
    qtbot.mouseClick(tab.import_button, LEFT)  # its example voucher: 2025-03-05
    qtbot.waitUntil(lambda: shell.idle() and any("已导入1张凭证" in m for m in shell.messages), timeout=10000)
    tab.set_filter(2025)
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 1, timeout=10000)
    assert cells(tab.model, 0)[:5] == ["记-2025-03-0001", "2025-03-05", "购买食材", "通用凭证", "¥1,200.50"]


def test_opening_balances_once(qtbot, make_shell, actors):
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_host(qtbot, shell).vouchers
    opened = capture(tab)
    assert tab.opening_button.isEnabled()
    qtbot.mouseClick(tab.opening_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    qtbot.waitUntil(lambda: dlg.grid.chart is not None, timeout=10000)
    assert not [w for w in dlg.grid.accounts.words if w[0] in "45"]  # balance-sheet accounts only
    dlg.year.setValue(2026)
    assert "2026-01-01" in dlg.day_label.text()
    dlg.grid.set_row(0, vm.GridRow("100201", "200,000"))
    dlg.grid.set_row(1, vm.GridRow("430101", "", "1"))
    assert dlg.grid.table.item(1, 0).toolTip()  # an income account: marked
    dlg.grid.set_row(1, vm.GridRow("3101 非限定性净资产", "", "200000"))
    assert dlg.grid.state.text() == "借贷平衡"
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: shell.idle() and tab.opening_day == D(2026, 1, 1), timeout=10000)
    assert not tab.opening_button.isEnabled() and "2026-01-01" in tab.opening_button.toolTip()


def test_year_end_asks_first_and_sub_accounts(qtbot, make_shell, actors, acc):
    shell = make_shell(actors[Role.ACCOUNTANT])
    host = open_host(qtbot, shell)
    tab = host.vouchers
    opened = capture(tab)
    asked = []
    host.confirm = lambda title, text: asked.append(text) or len(asked) > 1
    qtbot.mouseClick(tab.close_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    assert dlg.inputs["year"].value() == 2025
    dlg.ok_button.click()  # declined: nothing runs
    assert asked and "2025" in asked[0] and dlg.isVisible() and shell.idle()
    save(qtbot, shell, dlg)
    assert "2025年度已结转并结账" in shell.messages
    qtbot.mouseClick(tab.account_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    parent = dlg.inputs["parent"]
    qtbot.waitUntil(lambda: parent.count() > 10, timeout=10000)
    parent.setCurrentText("1122 其他应收款")
    assert dlg.inputs["code"].text() == "1122"
    type_(qtbot, dlg.inputs["code"], "01")
    type_(qtbot, dlg.inputs["name"], "员工借款")
    save(qtbot, shell, dlg)
    assert books.chart(acc).name("112201") == "其他应收款—员工借款"


def test_auditor_sees_but_cannot_write(qtbot, make_shell, actors):
    shell = make_shell(actors[Role.AUDITOR])
    host = open_host(qtbot, shell)
    tab, at = host.vouchers, host.assets
    for b in (tab.new_button, tab.import_button, tab.opening_button, tab.close_button, tab.account_button,
              at.buy_button, at.register_button, at.depreciate_button):
        assert not b.isEnabled() and "财务记账" in b.toolTip()
    assert tab.template_button.isEnabled()


# --- 固定资产 --------------------------------------------------------------------------------------

def test_assets_buy_register_and_depreciate_twice(qtbot, make_shell, actors, acc, ctx):
    shell = make_shell(actors[Role.ACCOUNTANT])
    host = open_host(qtbot, shell)
    tab = host.assets
    opened = capture(tab)
    qtbot.mouseClick(tab.buy_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    f = dlg.inputs
    type_(qtbot, f["name"], "护理床")
    type_(qtbot, f["cost"], "12,000.00")
    f["category"].setCurrentText("专用设备")
    f["in_use"].setDate(f["in_use"].date().addMonths(-2))
    type_(qtbot, f["supplier"], "康复器械公司")
    f["on_credit"].setChecked(True)
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert "购置凭证记-2026-11-0001待审核" in tab.result.text()
    assert cells(tab.model, 0) == ["ZC-0001", "护理床", "专用设备", "¥12,000.00", "2026-09-25", "60", "¥0.00", "业务",
                                   "¥200.00", "¥0.00", "¥12,000.00", "记-2026-11-0001"]
    assert "待审核" in tab.model.data(tab.model.index(0, 11), Qt.ItemDataRole.ToolTipRole)
    voucher = books.list_vouchers(acc, with_lines=True)[0]
    assert [x.account for x in voucher.lines] == ["1501", "2202"]
    books.review(ctx, [voucher.id])  # a card depreciates once its purchase is reviewed
    qtbot.mouseClick(tab.register_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    assert "supplier" not in dlg.inputs
    type_(qtbot, dlg.inputs["name"], "旧电脑")
    dlg.inputs["in_use"].setDate(to_qdate(D(2025, 1, 1)))
    dlg.ok_button.click()
    assert "请填写金额" in dlg.error_for("cost").text()
    type_(qtbot, dlg.inputs["cost"], "6000")
    type_(qtbot, dlg.inputs["salvage"], "6000")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: shell.idle() and dlg.error_for("salvage").isVisible(), timeout=10000)
    assert "残值" in dlg.error_for("salvage").text()
    dlg.inputs["salvage"].setText("600")
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    assert "原值合计 ¥18,000.00" in tab.totals.text()
    for attempt in range(2):
        qtbot.mouseClick(tab.depreciate_button, LEFT)
        dlg = shown(qtbot, opened[-1])
        assert dlg.inputs["period"].currentText() == "2026-10"
        save(qtbot, shell, dlg)
        qtbot.waitUntil(lambda: shell.idle() and tab.model.rows[0].depreciated_fen == 20000, timeout=10000)
        if attempt == 0:
            assert tab.result.text().startswith("已计提2026-10折旧")
    assert "已于凭证" in tab.result.text() and "计提" in tab.result.text() and "未重复记账" in tab.result.text()
    assert sum(a.depreciated_fen for a in assets.list_assets(acc)) == 20000 + 9000
