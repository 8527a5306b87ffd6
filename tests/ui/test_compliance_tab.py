"""The 合规自查 tab of the 报表 page: the rules with their colours and the
residents behind a red, the basis of the selected rule, and 导出PDF (the
clean centre of tests/services/test_compliance.py)."""
from __future__ import annotations

import datetime as dt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments, residents
from eldercare_desktop.ui.pages.reports import ReportsPage
from tests.conftest import person
from tests.services.test_assessments import form
from tests.services import test_compliance as _tc
from tests.ui import fakeshell as _fs

D = dt.date
clean, make_shell = _tc.clean, _fs.make_shell  # fixtures


def open_tab(qtbot, shell):
    page = shell.add(ReportsPage(shell))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: shell.idle() and page.meta_loaded, timeout=15000)
    tab = page.compliance
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: shell.idle() and tab.sc is not None, timeout=15000)
    return page, tab


def test_all_green(qtbot, make_shell, actors, clean):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page, tab = open_tab(qtbot, shell)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "合规自查"
    rows = tab.rule_rows()
    assert len(rows) == 8 and all(r[1] == "✔ 符合" and r[2] == 0 for r in rows)
    assert tab.summary.isVisible() and tab.summary.text() == "自查8项，全部符合"
    assert tab.tree.topLevelItem(0).background(0).color().name() == "#e8f5e9"
    assert tab.basis.text().startswith("依据：DOMAIN.md §1")
    assert not shell.errors


def test_red_rule_lists_its_resident_and_exports_pdf(qtbot, make_shell, ctx, actors, clean, centre_ready,
                                                     tmp_path):
    rid = residents.register_resident(ctx, person("李四", seq=25), D(2026, 11, 1), centre_ready["A102-1"]).ids[0]
    assessments.save_assessment(ctx, form(rid, base_date=D(2026, 11, 1)))
    shell = make_shell(actors[Role.AUDITOR])  # auditors read and print
    page, tab = open_tab(qtbot, shell)
    rows = {r[0]: r for r in tab.rule_rows()}
    assert rows["服务前签订书面服务合同"][1:] == ("✘ 不符合", 1)
    assert sum(1 for r in rows.values() if r[1] == "✘ 不符合") == 1
    red = next(tab.tree.topLevelItem(i) for i in range(8) if tab.tree.topLevelItem(i).text(1) == "✘ 不符合")
    assert red.background(0).color().name() == "#fdecea"
    child = red.child(0)
    assert child.text(0) == "李四" and "A102-1" in child.text(2) and child.text(4) == "2026-11-25"
    assert tab.tree.currentItem() is red and "书面服务合同" in tab.basis.text()
    assert "1项不符合" in tab.summary.text()
    # 导出PDF
    assert tab.pdf_button.isEnabled()
    out = tmp_path / "自查.pdf"
    page.choose_save = lambda title, name, pattern: str(out)
    tab.export_pdf()
    qtbot.waitUntil(shell.idle, timeout=30000)
    assert not shell.errors, shell.errors
    assert out.read_bytes().startswith(b"%PDF") and "自查.pdf" in tab.result.text()
    # an earlier day: 李四 not yet admitted, all green
    tab.day.setDate(tab.day.date().addDays(-30))
    tab.reload()
    qtbot.waitUntil(lambda: shell.idle() and tab.sc.on == D(2026, 10, 26), timeout=15000)
    assert tab.sc.item("contracts").ok
