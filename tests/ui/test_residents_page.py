"""The residents page: model, search as you type, the register dialog and
the stay actions, driven through the real main window (its worker thread)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.records import ResidentRow
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import residents
from eldercare_desktop.ui.pages.residents import PAGE_SIZE, ResidentsModel, ResidentsPage
from eldercare_desktop.viewmodels import residents as vm
from tests.conftest import TODAY, agent, person
from tests.ui.conftest import idle
from tests.viewmodels.test_residents_vm import synthetic


def row(id, name, status="在住", bed="A101-1") -> ResidentRow:
    from eldercare_desktop.domain.names import name_pinyin

    full, initials = name_pinyin(name)
    return ResidentRow(id, name, "男", make_id_number("500112", dt.date(1940, 1, 1), 2 * id + 1),
                       dt.date(1940, 1, 1), status, bed, dt.date(2026, 1, 10), "低保", "13800000000", full, initials,
                       "重庆市渝北区")


# -- the model ----------------------------------------------------------------

def test_model_passes_modeltester(qtmodeltester):
    lst = vm.ResidentsList(TODAY)
    lst.set_rows([row(1, "张三"), row(2, "李四", "请假", "A101-2"), row(3, "王五", "退住", "")])
    model = ResidentsModel(lst)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 11
    assert model.data(model.index(0, vm.NAME)) == "张三"
    assert model.data(model.index(0, vm.AGE)) == "86"
    assert model.data(model.index(1, vm.STATUS)) == "请假"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 1
    assert model.headerData(vm.ID_NUMBER, Qt.Orientation.Horizontal) == "身份证号"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None


def test_large_list_pages_in():
    lst = vm.ResidentsList(TODAY)
    lst.set_rows(synthetic(10_000))
    model = ResidentsModel(lst)
    model.refresh()
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    assert model.row_for(lst.visible[4321].id) == 4321  # fetches until shown
    assert model.rowCount() == 4500
    model.sort(vm.NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == PAGE_SIZE
    assert lst.visible[0].name_pinyin >= lst.visible[-1].name_pinyin
    lst.set_query("zs")
    model.refresh()
    assert model.rowCount() == len(lst.visible) < PAGE_SIZE
    assert not model.canFetchMore(QModelIndex())


def test_large_model_passes_modeltester(qtmodeltester):
    # (checked after the resets above on a fresh model: Qt's tester fetches
    # more rows from inside its own modelReset handler and then reports it)
    lst = vm.ResidentsList(TODAY)
    lst.set_rows(synthetic(1_200))
    model = ResidentsModel(lst)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() >= PAGE_SIZE


# -- the page in the main window ----------------------------------------------------

@pytest.fixture
def village(ctx, centre_ready, admitted):
    """张三 (A101-1), 李四 (A101-2) and 王五 (A102-1), admitted on 2026-01-10."""
    residents.register_resident(ctx, person("李四", dt.date(1938, 5, 6), 21, contacts=(agent("李小四", "女儿"),)),
                                dt.date(2026, 1, 10), centre_ready["A101-2"])
    residents.register_resident(ctx, person("王五", dt.date(1945, 7, 8), 31), dt.date(2026, 1, 10),
                                centre_ready["A102-1"])
    return centre_ready


@pytest.fixture
def page(make_window, admin, village, qtbot) -> ResidentsPage:
    win = make_window(admin)
    p = win.pages["residents"]
    qtbot.waitUntil(lambda: p.lst.total == 3, timeout=10000)
    return p


def names(p: ResidentsPage) -> list[str]:
    return [p.model.data(p.model.index(r, 0)) for r in range(p.model.rowCount())]


def select(qtbot, p: ResidentsPage, name: str) -> None:
    rid = next(r.id for r in p.lst.visible if r.name == name)
    p.select_resident(rid)
    qtbot.waitUntil(lambda: p.detail is not None and p.detail.id == rid, timeout=10000)


def test_list_and_detail(qtbot, page):
    assert names(page) == ["张三", "李四", "王五"]
    assert page.count_label.text() == "共 3 人"
    select(qtbot, page, "张三")
    html = page.detail_view.toPlainText()
    assert "张小三" in html and "代理人" in html and "A101-1" in html and "2026-01-10" in html


def test_typing_zs_filters_to_zhang_san(qtbot, page):
    page.focus_search()
    qtbot.keyClicks(page.search, "zs")
    assert names(page) == ["张三"]
    assert page.count_label.text() == "显示 1 人，共 3 人"
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.name == "张三", timeout=10000)
    page.search.clear()
    qtbot.keyClicks(page.search, "A101")
    assert names(page) == ["张三", "李四"]
    page.search.clear()
    assert len(names(page)) == 3


def test_status_filter(qtbot, page):
    page.status_filter.setCurrentIndex(3)  # 已离院
    assert names(page) == []
    page.status_filter.setCurrentIndex(1)  # 在住
    assert len(names(page)) == 3
    assert page.status_filter.itemText(0) == "全部（3）"


def test_header_click_sorts(qtbot, page):
    page.table.horizontalHeader().setSortIndicator(vm.AGE, Qt.SortOrder.AscendingOrder)
    assert names(page) == ["王五", "张三", "李四"]
    page.table.horizontalHeader().setSortIndicator(vm.AGE, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["李四", "张三", "王五"]


def test_register_with_bad_id_number_shows_error_and_saves_nothing(qtbot, page, ctx):
    dlg = page.open_dialog("register")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name.setText("赵六")
    good = make_id_number("500112", dt.date(1941, 2, 3), 41)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    qtbot.keyClicks(dlg.id_number, bad)
    err = dlg.error_for("id_number")
    assert err.isVisible() and "校验位错误" in err.text()  # shown as you type
    qtbot.waitUntil(lambda: dlg.bed.loaded_for is not None, timeout=10000)
    assert not dlg.bed.isEnabled() and "没有空床位" in dlg.bed.currentText()  # every bed is taken
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert dlg.isVisible() and dlg.result() == 0  # still open
    assert "校验位错误" in dlg.error_for("id_number").text()
    assert dlg.error_for("bed").isVisible()  # every problem at once
    assert len(residents.list_residents(ctx)) == 3  # nothing saved
    dlg.reject()


def test_id_number_fills_derived_fields(qtbot, page):
    dlg = page.open_dialog("register")
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.id_number, make_id_number("500112", dt.date(1941, 2, 3), 41))
    assert "1941-02-03" in dlg.id_info.text() and "男" in dlg.id_info.text() and "85 岁" in dlg.id_info.text()
    assert (dlg.province.text(), dlg.city.text(), dlg.district.text()) == ("重庆市", "重庆市", "渝北区")
    assert not dlg.error_for("id_number").isVisible()
    dlg.reject()


def test_register_through_the_dialog_adds_a_row(qtbot, page, village, ctx, clock):
    # free a bed first: 王五 leaves today, the bed is free from tomorrow
    residents.discharge(ctx, next(r.id for r in page.lst.visible if r.name == "王五"), TODAY, "回家养老")
    clock.day = TODAY + dt.timedelta(days=1)
    dlg = page.open_dialog("register")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name.setText("赵六")
    dlg.id_number.setText(make_id_number("500112", dt.date(1941, 2, 3), 42))
    dlg.categories["低保"].setChecked(True)
    dlg.contacts.add_contact("赵小六", "女儿", "13900000000")
    qtbot.waitUntil(lambda: dlg.bed.isEnabled(), timeout=10000)
    assert dlg.bed.select_code("A102-1")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result() == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.lst.total == 4, timeout=10000)
    assert "赵六" in names(page)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.name == "赵六", timeout=10000)
    d = page.detail
    assert d.current_bed.bed_code == "A102-1" and d.agent.name == "赵小六" and d.categories == ("低保",)
    assert page.selected_row().name == "赵六"


def test_edit_resident(qtbot, page):
    select(qtbot, page, "李四")
    dlg = page.open_dialog(vm.EDIT)
    qtbot.addWidget(dlg)
    assert dlg.name.text() == "李四" and dlg.contacts.contacts()[0].is_agent
    dlg.phone.setText("abc")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "格式不正确" in dlg.error_for("phone").text()
    dlg.phone.setText("13700000000")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result() == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.phone == "13700000000", timeout=10000)


def wait_status(qtbot, page, name, status):
    qtbot.waitUntil(lambda: any(r.name == name and r.status == status for r in page.lst.visible), timeout=10000)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.status == status, timeout=10000)


def test_leave_return_discharge_readmit_buttons(qtbot, page, clock):
    select(qtbot, page, "张三")
    b = page.buttons
    assert b[vm.LEAVE].isEnabled() and not b[vm.RETURN].isEnabled() and not b[vm.READMIT].isEnabled()

    page.run_action(vm.LEAVE)
    dlg = page.current_dialog
    dlg.first_day.setDate(dlg.first_day.date().addDays(-5))
    dlg.reason.setCurrentText("住院治疗")
    dlg.ok_button.click()
    wait_status(qtbot, page, "张三", "请假")
    assert b[vm.RETURN].isEnabled() and not b[vm.LEAVE].isEnabled()
    assert "住院治疗" in page.detail_view.toPlainText()

    page.run_action(vm.RETURN)
    dlg = page.current_dialog
    dlg.ok_button.click()
    wait_status(qtbot, page, "张三", "在住")
    assert page.detail.leaves[-1].last_day == TODAY - dt.timedelta(days=1)

    page.run_action(vm.DISCHARGE)
    dlg = page.current_dialog
    dlg.ok_button.click()  # no reason: stays open with the problem at its field
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert "请填写退住原因" in dlg.error_for("reason").text()
    dlg.reason.setText("回家养老")
    dlg.ok_button.click()
    wait_status(qtbot, page, "张三", "退住")
    assert b[vm.READMIT].isEnabled() and not b[vm.DISCHARGE].isEnabled() and not b[vm.MOVE_BED].isEnabled()

    clock.day = TODAY + dt.timedelta(days=2)
    page.run_action(vm.READMIT)
    dlg = page.current_dialog
    qtbot.waitUntil(lambda: dlg.bed.isEnabled(), timeout=10000)
    assert dlg.bed.select_code("A101-1")
    dlg.ok_button.click()
    wait_status(qtbot, page, "张三", "在住")
    assert len(page.detail.stays) == 2


def test_move_bed_and_death(qtbot, page, ctx, clock):
    wang = next(r.id for r in page.lst.visible if r.name == "王五")
    li = next(r.id for r in page.lst.visible if r.name == "李四")
    residents.discharge(ctx, li, TODAY, "转院")
    qtbot.waitUntil(lambda: True, timeout=10)
    page.reload()
    qtbot.waitUntil(lambda: page.lst.find(li).status == "退住", timeout=10000)
    select(qtbot, page, "王五")
    clock.day = TODAY + dt.timedelta(days=1)
    page.run_action(vm.MOVE_BED)
    dlg = page.current_dialog
    qtbot.waitUntil(lambda: dlg.bed.isEnabled(), timeout=10000)
    assert dlg.bed.select_code("A101-2")
    dlg.reason.setText("本人申请")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: page.lst.find(wang).bed_code == "A101-2", timeout=10000)

    page.run_action(vm.DEATH)
    dlg = page.current_dialog
    assert dlg.windowTitle() == "去世登记"
    dlg.reason.setText("病故")
    dlg.ok_button.click()
    wait_status(qtbot, page, "王五", "去世")
    assert [k for k, b in page.buttons.items() if b.isEnabled()] == ["register", vm.EDIT]


def test_auditor_cannot_write(qtbot, make_window, actors, village):
    win = make_window(actors[Role.AUDITOR])
    p = win.pages["residents"]
    qtbot.waitUntil(lambda: p.lst.total == 3, timeout=10000)
    select(qtbot, p, "张三")
    for key, b in p.buttons.items():
        assert not b.isEnabled(), key
        assert "审计" in b.toolTip() and "登记和修改住户" in b.toolTip()
    p.run_action("register")  # ignored
    assert getattr(p, "current_dialog", None) is None


def test_front_desk_can_register(qtbot, make_window, actors, village):
    win = make_window(actors[Role.FRONT_DESK])
    p = win.pages["residents"]
    qtbot.waitUntil(lambda: p.lst.total == 3, timeout=10000)
    assert p.buttons["register"].isEnabled()


def test_ctrl_f_focuses_search(qtbot, page):
    win = page.window()
    win.navigate("settings")
    idle(qtbot, win)
    win.activateWindow()
    win.focus_search()
    assert win.current_page() is page
    assert page.search.hasFocus() or win.focusWidget() is page.search
