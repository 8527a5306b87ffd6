"""Stale pages (ui/stale.py): another App on the same database plays another
front-desk PC. What it changes shows on the page on screen as the bar
「其他电脑已修改此页数据」 with 刷新; 刷新 reloads keeping the selected
resident (by id) and the scroll position; pages not on screen reload when
shown; this window's own writes never prompt."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from eldercare_desktop.domain.residents import ContactInput, ResidentInput
from eldercare_desktop.services import centre, residents
from eldercare_desktop.services.context import App
from eldercare_desktop.ui import stale
from eldercare_desktop.ui.tablemodel import SnapshotModel, make_table
from tests.conftest import agent, person
from tests.ui.conftest import idle

D = dt.date
SHOT = os.environ.get("STALE_SCREENSHOT", "/tmp/stale_bar.png")


@pytest.fixture
def other(app, clock):
    """A second App on the same database: another PC."""
    a = App.open(app.url, today=clock.today, now=clock.now)
    yield a
    a.close()


@pytest.fixture
def three(ctx, centre_ready):
    """张三 A101-1, 李四 A101-2, 王五 A102-1: {name: id}."""
    out = {}
    for name, seq, bed in (("张三", 13, "A101-1"), ("李四", 25, "A101-2"), ("王五", 37, "A102-1")):
        out[name] = residents.register_resident(ctx, person(name, seq=seq, contacts=(agent(),)), D(2026, 1, 10),
                                                centre_ready[bed]).ids[0]
    return out


@pytest.fixture
def spare(ctx, three):
    """Four free beds in A103 (1-4): {code: bed id}."""
    centre.add_room(ctx, "A", 1, "103", "多人间", [(str(i), "普通") for i in range(1, 5)])
    return {b.code: b.bed_id for r in centre.bed_map(ctx) for b in r.beds if b.code.startswith("A103")}


def window(make_window, qtbot, actor, start="residents"):
    win = make_window(actor, start=start)
    win.stale.set_interval(0)  # the tests probe by hand (one test runs the timer)
    qtbot.waitUntil(lambda: win.stale.since is not None, timeout=5000)
    return win


def probe(qtbot, win) -> None:
    """One probe, answered."""
    n = win.stale.probes
    win.stale.check()
    qtbot.waitUntil(lambda: win.stale.probes > n, timeout=5000)
    idle(qtbot, win)


def edit_input(d) -> ResidentInput:
    return ResidentInput(
        name=d.name, id_number=d.id_number, gender=d.gender, birth_date=d.birth_date, phone=d.phone,
        address=d.address, hukou_province=d.hukou_province, hukou_city=d.hukou_city,
        hukou_district=d.hukou_district, categories=tuple(d.categories), notes=d.notes,
        contacts=tuple(ContactInput(c.name, c.relationship, c.phone, c.is_agent) for c in d.contacts),
    )


def click_row(qtbot, view, row: int) -> None:
    """Click a row of a list, as a person does (scrolled into view first)."""
    index = view.model().index(row, 0)
    qtbot.wait(10)  # the view lays out its rows first (a pending layout would scroll back to the top)
    view.scrollTo(index)
    assert view.viewport().rect().contains(view.visualRect(index).center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def click_resident(qtbot, page, resident_id: int) -> None:
    while resident_id not in [r.id for r in page.lst.visible[:page.model.shown]]:
        page.model.fetchMore()
    click_row(qtbot, page.table, [r.id for r in page.lst.visible].index(resident_id))
    assert page.selected_id() == resident_id


def phone_of(page, resident_id: int) -> str:
    return next(r.phone for r in page.lst.visible if r.id == resident_id)


def test_another_pc_shows_the_bar_and_refresh_keeps_the_selected_resident(qtbot, make_window, admin, other, three,
                                                                      centre_ready):
    from eldercare_desktop.ui import fonts

    fonts.install(QApplication.instance())  # as the application does: Chinese must render in the screenshot
    win = window(make_window, qtbot, admin)
    page = win.pages["residents"]
    li = three["李四"]
    click_resident(qtbot, page, li)
    idle(qtbot, win)
    row_before = page.table.currentIndex().row()
    assert not win.stale_bar.isVisible()

    # another PC: 李四's phone changes, and a new resident lands above 李四 in the list (bed A101-1 order)
    octx = other.as_user(admin)
    d = residents.get_resident(octx, li)
    residents.update_resident(octx, li, dataclasses.replace(edit_input(d), phone="13911112222"))
    centre.add_room(octx, "A", 1, "100", "单人间", [("1", "普通")])
    beds = {b.code: b.bed_id for r in centre.bed_map(octx) for b in r.beds}
    new = residents.register_resident(octx, person("赵六", seq=49, contacts=(agent(),)), D(2026, 2, 1),
                                      beds["A100-1"]).ids[0]

    probe(qtbot, win)
    assert win.stale_bar.isVisible()
    assert win.stale_bar.label.text() == "其他电脑已修改此页数据"
    assert win.stale_bar.refresh_button.text() == "刷新"
    assert win.stale.prompted == [page]
    # nothing moved yet: the user decides when
    assert new not in [r.id for r in page.lst.visible]
    assert phone_of(page, li) != "13911112222"
    win.grab().save(SHOT)

    qtbot.mouseClick(win.stale_bar.refresh_button, Qt.MouseButton.LeftButton)
    idle(qtbot, win)
    assert not win.stale_bar.isVisible()
    assert new in [r.id for r in page.lst.visible]
    assert phone_of(page, li) == "13911112222"
    # the same resident is selected (by id: the row moved) and the detail shows the change
    assert page.selected_id() == li
    assert page.table.currentIndex().row() != row_before
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == li and page.detail.phone == "13911112222")


def test_own_writes_do_not_prompt(qtbot, make_window, admin, three, centre_ready, spare):
    win = window(make_window, qtbot, admin)
    page = win.pages["residents"]
    win.call(residents.register_resident, person("赵六", seq=49), D(2026, 2, 1), spare["A103-1"])
    idle(qtbot, win)
    assert not win.last_error_text, win.last_error_text
    qtbot.waitUntil(lambda: any(r.name == "赵六" for r in page.lst.visible))  # reloaded on its own write
    probe(qtbot, win)
    assert not win.stale_bar.isVisible() and win.stale.prompted == []


def test_a_page_not_on_screen_reloads_when_shown(qtbot, make_window, admin, other, three, spare):
    win = window(make_window, qtbot, admin)
    page = win.pages["residents"]
    win.navigate("reports")  # shows nothing about residents
    idle(qtbot, win)
    new = residents.register_resident(other.as_user(admin), person("赵六", seq=49), D(2026, 2, 1), spare["A103-1"]).ids[0]
    probe(qtbot, win)
    assert not win.stale_bar.isVisible()  # the page on screen is not affected
    assert page._stale and new not in [r.id for r in page.lst.visible]
    win.navigate("residents")
    idle(qtbot, win)
    assert not page._stale and new in [r.id for r in page.lst.visible]
    assert not win.stale_bar.isVisible()


def test_leaving_the_page_moves_the_prompt_to_a_reload_on_return(qtbot, make_window, admin, other, three, spare):
    win = window(make_window, qtbot, admin)
    page = win.pages["residents"]
    new = residents.register_resident(other.as_user(admin), person("赵六", seq=49), D(2026, 2, 1), spare["A103-1"]).ids[0]
    probe(qtbot, win)
    assert win.stale_bar.isVisible()
    win.navigate("reports")
    idle(qtbot, win)
    assert not win.stale_bar.isVisible() and page._stale
    win.navigate("residents")
    idle(qtbot, win)
    assert new in [r.id for r in page.lst.visible] and not win.stale_bar.isVisible()


def test_dismiss_and_reload_hide_the_bar(qtbot, make_window, admin, other, three, spare):
    win = window(make_window, qtbot, admin)
    page = win.pages["residents"]
    octx = other.as_user(admin)
    residents.register_resident(octx, person("赵六", seq=49), D(2026, 2, 1), spare["A103-1"])
    probe(qtbot, win)
    assert win.stale_bar.isVisible()
    qtbot.mouseClick(win.stale_bar.close_button, Qt.MouseButton.LeftButton)
    assert not win.stale_bar.isVisible() and page._stale
    # any reload (here: this window's own write) takes a prompt away
    residents.register_resident(octx, person("钱七", seq=61), D(2026, 2, 2), spare["A103-2"])
    probe(qtbot, win)
    assert win.stale_bar.isVisible()
    win.call(residents.register_resident, person("孙八", seq=73), D(2026, 2, 3), spare["A103-3"])
    idle(qtbot, win)
    assert not win.stale_bar.isVisible() and win.stale.prompted == []
    assert {"赵六", "钱七", "孙八"} <= {r.name for r in page.lst.visible}


def test_the_home_figures_reload_by_themselves(qtbot, make_window, admin, other, three, spare):
    win = window(make_window, qtbot, admin, start=None)
    home = win.pages["home"]
    assert win.current_page() is home
    loads = []
    home.loaded.connect(lambda: loads.append(1))
    residents.register_resident(other.as_user(admin), person("赵六", seq=49), D(2026, 2, 1), spare["A103-1"])
    probe(qtbot, win)
    qtbot.waitUntil(lambda: bool(loads), timeout=5000)
    assert not win.stale_bar.isVisible()


def test_the_timer_probes_on_its_own(qtbot, make_window, admin, other, three, spare):
    win = window(make_window, qtbot, admin)
    residents.register_resident(other.as_user(admin), person("赵六", seq=49), D(2026, 2, 1), spare["A103-1"])
    win.stale.set_interval(1)
    qtbot.waitUntil(win.stale_bar.isVisible, timeout=5000)
    # the probe ran on a thread of its own, not on the window's database thread
    assert win.stale._probe_worker is not None and win.stale._probe_worker is not win.worker


def test_the_interval_is_a_setting_of_this_pc():
    stale.save_check_seconds(12)
    assert stale.check_seconds() == 12
    stale.save_check_seconds(-3)
    assert stale.check_seconds() == 0
    stale.save_check_seconds(stale.DEFAULT_CHECK_SECONDS)


# -- the shared table view: selection by record id and scroll position across a reload ---------

@dataclasses.dataclass(frozen=True)
class Row:
    id: int
    name: str


class Model(SnapshotModel):
    def header_texts(self):
        return ["编号", "名称"]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and 0 <= index.row() < len(self.rows):
            r = self.rows[index.row()]
            return str(r.id) if index.column() == 0 else r.name
        return None


def test_a_reloaded_table_keeps_the_selected_record_and_its_place_on_screen(qtbot, qtmodeltester):
    model = Model()
    view = make_table(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    model.set_rows([Row(i, f"n{i}") for i in range(200)])
    qtmodeltester.check(model)
    changed = []
    view.selectionModel().selectionChanged.connect(lambda *_a: changed.append(1))
    click_row(qtbot, view, 120)
    qtbot.wait(10)
    offset = view.rowViewportPosition(120)
    changed.clear()
    # three rows come above it, the record's name changes: same record, new row
    model.set_rows([Row(i, f"n{i}") for i in range(-3, 0)] + [Row(i, f"m{i}") for i in range(200)])
    assert model.key_at(view.currentIndex().row()) == 120 and view.currentIndex().row() == 123
    assert view.selectionModel().isRowSelected(123, view.rootIndex())
    assert changed  # pages hear of the selection (and reload the record's detail)
    qtbot.wait(10)
    assert view.rowViewportPosition(123) == offset  # still where it was on screen
    # the record is gone: nothing is selected (never another record at the same row)
    model.set_rows([Row(i, f"n{i}") for i in range(100)])
    assert not view.selectionModel().hasSelection()


def test_rows_without_an_id_are_not_reselected(qtbot):
    model = Model()
    model.row_key = lambda item: None
    view = make_table(model)
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    model.set_rows([Row(1, "a"), Row(2, "b")])
    click_row(qtbot, view, 1)
    assert view.selectionModel().isRowSelected(1, view.rootIndex())
    model.set_rows([Row(2, "b"), Row(1, "a")])
    assert not view.selectionModel().hasSelection()


def type_seconds(qtbot, spin, digits: str) -> None:
    """Select what the box shows and type over it, as a person does."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), digits)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def test_the_interval_is_set_under_settings_general(qtbot, make_window, admin):
    win = window(make_window, qtbot, admin)
    tab = win.navigate("settings").show_tab("general")
    assert tab.check_seconds.value() == stale.DEFAULT_CHECK_SECONDS
    type_seconds(qtbot, tab.check_seconds, "0")
    assert tab.check_seconds.text() == "不检查"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert stale.check_seconds() == 0 and not win.stale.timer.isActive()
    assert "已停止检查其他电脑的修改" in tab.saved_label.text()
    type_seconds(qtbot, tab.check_seconds, "3")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert stale.check_seconds() == 3 and win.stale.timer.interval() == 3000 and win.stale.timer.isActive()
    stale.save_check_seconds(stale.DEFAULT_CHECK_SECONDS)


def test_a_reloaded_residents_list_keeps_its_place_far_down(qtbot, app, admin):
    """Rows are paged in (500 at a time): a reload keeps as many shown, the
    selected resident selected and on the same line of the screen, even
    when residents were added above."""
    from eldercare_desktop.ui.pages.residents import PAGE_SIZE, ResidentsPage
    from tests.ui.fakeshell import FakeShell
    from tests.viewmodels.test_residents_vm import synthetic

    shell = FakeShell(app, admin)
    try:
        page = ResidentsPage(shell)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        rows = synthetic(2000)
        page._list_loaded(rows)
        while page.model.shown < 1500:
            page.model.fetchMore()
        target = page.lst.visible[1400].id
        click_resident(qtbot, page, target)
        qtbot.wait(10)
        row = page.table.currentIndex().row()
        page.table.verticalScrollBar().setValue(row - 2)  # the resident on the third line of the screen
        y = page.table.rowViewportPosition(row)
        assert 0 <= y < page.table.viewport().height()
        above = [dataclasses.replace(rows[0], id=90_000 + i, bed_code=f"A000-{i + 1}", name=f"新{i}")
                 for i in range(3)]
        page._list_loaded(above + rows)
        qtbot.wait(10)
        assert page.selected_id() == target
        assert page.table.currentIndex().row() == row + 3
        assert page.model.shown > PAGE_SIZE
        assert page.table.rowViewportPosition(row + 3) == y
    finally:
        qtbot.waitUntil(shell.idle, timeout=10000)
        shell.worker.stop()
