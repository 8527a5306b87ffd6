"""首页: per-role tiles, every number equals the list it opens, open_list
routing, the chart widget, and the contracts page's banner of residents in
a bed with no contract."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import backup
from eldercare_desktop.ui.chart import BAR, LINE, MiniChart, nice_step, fen_short, fen_tip
from eldercare_desktop.ui.pages.contracts import ContractsPage
from eldercare_desktop.ui.pages.home import DetailsModel, HomePage, route
from eldercare_desktop.viewmodels import home as vm
from tests.conftest import TODAY
from tests.ui import fakeshell

make_shell = fakeshell.make_shell  # the fixture


def open_home(qtbot, shell) -> HomePage:
    page = shell.add(HomePage(shell))
    qtbot.addWidget(page)
    page.resize(1194, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


def test_building_the_page_imports_no_orm():
    code = ("import sys; import eldercare_desktop.ui.pages.home, eldercare_desktop.ui.chart;"
            "bad = [m for m in ('sqlalchemy', 'sqlalchemy.orm', 'eldercare_desktop.services.dashboard') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.ACCOUNTANT, Role.AUDITOR, Role.ADMIN])
def test_tiles_equal_their_lists(qtbot, make_shell, actors, admitted, role):
    page = open_home(qtbot, make_shell(actors[role]))
    assert tuple(page.tiles) == vm.figures_for(role)
    assert tuple(page.charts) == vm.charts_for(role)
    s = page.summary
    for key, tile in page.tiles.items():
        fig = s.figures[key]
        if key not in vm.NOTICES:
            assert tile.value.text() == str(len(fig.rows)), key
        page.choose(key)
        assert page.model.rowCount() == len(fig.rows), key
        assert f"{len(fig.rows)} 条" in page.details_title.text()
        if key in vm.MONEY and fig.rows:
            assert vm.amount_text(key, fig) in tile.sub.text()
    # 张三 is in A101-1 since 2026-01-10 without a contract: never billed
    if vm.UNCONTRACTED in page.tiles:
        assert page.tiles[vm.UNCONTRACTED].value.text() == "1"
        page.choose(vm.UNCONTRACTED)
        assert page.model.data(page.model.index(0, 0)) == "张三"
        assert page.model.data(page.model.index(0, 1)) == "A101-1"
    if vm.FREE_BEDS in page.tiles:
        assert page.tiles[vm.FREE_BEDS].value.text() == "2"


def test_open_list_routes(qtbot, make_shell, actors, admitted):
    page = open_home(qtbot, make_shell(actors[Role.ADMIN]))
    got = []
    page.open_list.connect(lambda key, filt: got.append((key, filt)))
    page.open_figure(vm.UNCONTRACTED)
    page.open_figure(vm.REFUNDS_OVERDUE)
    page.open_figure(vm.ADMISSIONS)  # no page: its list opens in the details table
    assert got == [("contracts", "uncontracted"), ("escrow", "overdue")]
    assert page.current == vm.ADMISSIONS and not page.open_button.isVisible()
    page.choose(vm.UNCONTRACTED)
    assert page.open_button.isVisible() and "合同" in page.open_button.text()
    page.open_button.click()
    assert got[-1] == ("contracts", "uncontracted")
    page._row_activated(page.model.index(0, 0))
    assert got[-1] == ("residents", admitted)
    # a tile: click shows the list, double-click opens its page
    qtbot.mouseClick(page.tiles[vm.FREE_BEDS], Qt.MouseButton.LeftButton)
    assert page.current == vm.FREE_BEDS and page.model.rowCount() == 2
    qtbot.mouseDClick(page.tiles[vm.FREE_BEDS], Qt.MouseButton.LeftButton)
    assert got[-1] == ("beds", "free")
    page.choose(vm.BACKUP)
    assert page.backup_button.isVisible() and page.backup_button.isEnabled()
    page.backup_button.click()
    assert got[-1] == ("backup", None)


def test_backup_tile(qtbot, make_shell, actors, admitted, app, tmp_path, clock):
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_home(qtbot, shell)
    assert page.tiles[vm.BACKUP].value.text() == "从未备份"
    backup.backup(shell.ctx, tmp_path / "b.sqlite3")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()
    assert page.tiles[vm.BACKUP].value.text() == "今天"
    clock.day = TODAY + dt.timedelta(days=8)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()
    assert page.tiles[vm.BACKUP].value.text() == "8天前"
    assert page.tiles[vm.BACKUP].sub.text() == "请及时备份"


def test_auditor_may_not_back_up(qtbot, make_shell, actors, admitted):
    page = open_home(qtbot, make_shell(actors[Role.AUDITOR]))
    page.choose(vm.BACKUP)
    assert not page.backup_button.isEnabled()


def test_route_uses_the_pages_methods():
    calls = []

    class P:
        def __getattr__(self, name):
            return lambda *a: calls.append((name, a))

    class W:
        def navigate(self, key):
            calls.append(("navigate", (key,)))
            return P()

        def backup_database(self):
            calls.append(("backup", ()))

    w = W()
    route(w, "escrow", "overdue")
    route(w, "contracts", "uncontracted")
    route(w, "residents", 7)
    route(w, "backup", None)
    assert calls == [("navigate", ("escrow",)), ("show_residents", ("overdue",)),
                     ("navigate", ("contracts",)), ("show_uncontracted", ()),
                     ("navigate", ("residents",)), ("select_resident", (7,)), ("backup", ())]


def test_details_model(qtmodeltester):
    from eldercare_desktop.services.dashboard import Row

    m = DetailsModel()
    m.heads = ["住户", "床位", "日期", "金额", "说明"]
    m.set_rows([Row(1, "张三", "A101-1", TODAY, 12345, "逾期3天"), Row(None, "A102-1", "", None, None, "")])
    qtmodeltester.check(m)
    assert m.data(m.index(0, 3)) == "¥123.45" and m.data(m.index(1, 2)) == "—"


def test_chart_paints(qtbot):
    assert nice_step(33) == 10 and nice_step(0) == 1 and fen_short(12345600) == "¥12.3万"  # fen
    assert fen_short(500000) == "¥5,000" and fen_short(10000000) == "¥10万" and fen_tip(123456) == "¥1,234.56"
    for kind in (BAR, LINE):
        ch = MiniChart("标题", kind)
        qtbot.addWidget(ch)
        ch.resize(360, 200)
        ch.set_data([f"26-{m:02d}" for m in range(1, 13)], [0, 5, 9, 30, 12, 40, 41, 0, -3, 20, 25, 33],
                    ceiling=41, ceiling_text="床位 41")
        img = ch.grab().toImage()
        assert not img.isNull() and img.width() == 360
        assert ch.index_at(ch.width() - 15) == 11 and ch.tooltip_at(11) == "26-12：33"
        got = []
        ch.point_clicked.connect(got.append)
        qtbot.mouseClick(ch, Qt.MouseButton.LeftButton, pos=ch.rect().center())
        assert got and 0 <= got[0] < 12
    empty = MiniChart("空")
    qtbot.addWidget(empty)
    empty.grab()


def test_contracts_page_lists_residents_without_contract(qtbot, make_shell, actors, admitted):
    shell = make_shell(actors[Role.FRONT_DESK])
    page = shell.add(ContractsPage(shell))
    qtbot.addWidget(page)
    page.resize(1300, 650)
    page.show()
    page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=10000)
    assert [r.resident_id for r in page.uncontracted] == [admitted]
    assert "张三（A101-1）" in page.banner.text() and f"sign:{admitted}" in page.banner.text()
    page.show_uncontracted()
    page._banner_link(f"sign:{admitted}")
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10000)
    page.dialog.reject()


def test_contracts_banner_read_only_for_auditor(qtbot, make_shell, actors, admitted):
    shell = make_shell(actors[Role.AUDITOR])
    page = shell.add(ContractsPage(shell))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=10000)
    assert "sign:" not in page.banner.text()
    page._banner_link(f"sign:{admitted}")
    qtbot.wait(50)
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert page.dialog is None


def test_registered_in_a_main_window_every_route_opens_its_page(qtbot, app, actors, admitted):
    """How the lead registers the page: key "home" first, HomePage(self, parent),
    open_list → route(self, key, filter). Every route reaches a real page."""
    from eldercare_desktop.ui.main_window import MainWindow

    class Win(MainWindow):
        PAGE_KEYS = ("home",) + MainWindow.PAGE_KEYS

        def _nav_labels(self):
            return {"home": self.tr("首页"), **super()._nav_labels()}

        def _make_page(self, key, parent):
            if key == "home":
                page = HomePage(self, parent)
                page.open_list.connect(lambda k, f: route(self, k, f))
                return page
            return super()._make_page(key, parent)

    win = Win(app, actors[Role.ADMIN])
    qtbot.addWidget(win)
    win.show()
    home = win.pages["home"]
    assert isinstance(home, HomePage) and win.current_page() is home
    qtbot.waitUntil(lambda: home.summary is not None and win.worker.pending() == 0, timeout=15000)
    for key in vm.ALL_FIGURES:
        r = vm.route(key)
        if r is None:
            continue
        win.navigate("home")
        home.open_figure(key)
        qtbot.waitUntil(lambda: win.worker.pending() == 0, timeout=15000)
        assert win.current_page() is win.pages[r[0]], key
    contracts_page = win.pages["contracts"]
    qtbot.waitUntil(lambda: not contracts_page.banner.isHidden(), timeout=15000)
    assert contracts_page.uncontracted and contracts_page._expanded
    win.navigate("home")
    home._row_activated(home.model.index(0, 0)) if home.model.rowCount() else None
    qtbot.waitUntil(lambda: win.worker.pending() == 0, timeout=15000)
    win.close()
