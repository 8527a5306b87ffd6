"""The audit log page."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from eldercare_desktop.domain.records import AuditEntry
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import audit, centre
from eldercare_desktop.ui.pages.audit import AuditModel, AuditPage
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)


def open_page(qtbot, shell) -> AuditPage:
    page = shell.add(AuditPage(shell))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: shell.idle() and not page.loading, timeout=10000)
    return page


def column(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_model(qtmodeltester):
    m = AuditModel()
    m.set_entries([
        AuditEntry(1, "2026-11-25T09:30:00", "admin", "创建管理员（首次运行）", "user", "1", "",
                   '{"active":true,"role":"admin","username":"admin"}'),
        AuditEntry(2, "2026-11-25T09:31:00", "admin", "修改床位", "bed", "3",
                   '{"active":true,"bed_type":"普通"}', '{"active":true,"bed_type":"护理型"}'),
    ])
    qtmodeltester.check(m)
    assert column(m, 0) == ["2", "1"]  # newest first
    assert m.data(m.index(0, 4)) == "床位"
    assert m.data(m.index(0, 6)) == "启用=是, 床位类型=普通"
    assert m.data(m.index(1, 1)) == "2026-11-25 09:30:00"


def test_lists_newest_first_filters_and_verifies(qtbot, make_shell, ctx, actors, admitted):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    expected = audit.list_entries(ctx)
    seqs = [int(s) for s in column(page.model, 0)]
    assert seqs == [e.seq for e in expected] and seqs == sorted(seqs, reverse=True)
    assert page.count.text() == f"共 {len(expected)} 条"
    assert column(page.model, 3)[0] == "登记入住"
    assert column(page.model, 4)[0] == "住户"

    # users in the filter are those in the log
    users = [page.user_filter.itemText(i) for i in range(page.user_filter.count())]
    assert users[0] == "全部用户" and {"admin", "qiantai", "kuaiji", "shenji"} <= set(users[1:])
    page.user_filter.setCurrentIndex(page.user_filter.findData("qiantai"))
    qtbot.waitUntil(lambda: not page.loading and set(column(page.model, 2)) == {"qiantai"}, timeout=10000)
    assert column(page.model, 3) == ["登录"]

    page.clear_filters()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == len(expected), timeout=10000)
    page.entity_filter.setCurrentIndex(page.entity_filter.findData("room"))
    qtbot.waitUntil(lambda: not page.loading and set(column(page.model, 4)) == {"房间"}, timeout=10000)
    assert page.model.rowCount() == 2
    page.entity_filter.setCurrentIndex(0)
    page.text_filter.setText("护理型")
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 1, timeout=10000)
    assert column(page.model, 3) == ["新增房间"]
    page.period.setCurrentIndex(page.period.findData("today"))  # the fixed clock's day: still there
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert page.model.rowCount() == 1
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.date_from.isVisible()
    page.date_to.setDate(page.date_to.date().addDays(-1))  # up to yesterday: nothing
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 0, timeout=10000)

    # verify
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.chain is not None, timeout=10000)
    assert page.chain_label.text() == f"✓ 审计链完整（{len(expected)}条）"
    assert "#2e7d32" in page.chain_label.styleSheet()


def test_detail_shows_before_and_after_key_by_key(qtbot, make_shell, ctx, centre_ready):
    bed = centre_ready["A102-1"]
    centre.update_bed(ctx, bed, "护理型", True)
    page = open_page(qtbot, make_shell(ctx.actor))
    assert column(page.model, 3)[0] == "修改床位"
    assert column(page.model, 6)[0] == "启用=是, 床位类型=普通"
    page.table.selectRow(0)
    html = page.detail.toPlainText()
    assert "修改床位" in html and "床位类型" in html and "普通" in html and "护理型" in html
    # changed keys come first
    assert html.index("床位类型") < html.index("启用")


def test_verify_shows_the_first_broken_row(qtbot, make_shell, ctx, db_path, centre_ready):
    with sqlite3.connect(db_path) as con:  # someone with the file and a SQLite tool
        con.execute("DROP TRIGGER audit_log_no_update")
        con.execute("UPDATE audit_log SET after = replace(after, '双人间', '单人间') WHERE action = '新增房间'"
                    " AND entity_id = '1'")
    broken = next(e.seq for e in audit.list_entries(ctx) if e.action == "新增房间" and e.entity_id == "1")
    page = open_page(qtbot, make_shell(ctx.actor))
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.chain is not None, timeout=10000)
    assert page.chain[1] == broken
    assert f"第{broken}条" in page.chain_label.text()
    assert "#c62828" in page.chain_label.styleSheet()
    assert page.model.entry(page.table.currentIndex().row()).seq == broken


def test_front_desk_sees_an_explanation(qtbot, make_shell, actors):
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    assert page.note.isVisible() and "审计" in page.note.text()
    assert not page.verify_button.isEnabled()
    assert shell.errors == [] and shell.calls == []


def test_verify_names_a_promoted_auditor(qtbot, make_shell, ctx, actors, db_path):
    """A direct edit of a permission row: the chain is intact, the data label
    turns red and its tooltip names the table, row and field."""
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE app_user SET role = 'admin' WHERE username = 'shenji'")
    page = open_page(qtbot, make_shell(ctx.actor))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.chain is not None, timeout=10000)
    assert page.chain_label.text().startswith("✓ 审计链完整")
    assert page.data_label.text() == "✗ 1处金额或权限数据与审计记录不符"
    assert "用户（app_user）" in page.data_label.toolTip() and "字段 role" in page.data_label.toolTip()
    page.grab().save("/tmp/shots/audit_tamper.png")
