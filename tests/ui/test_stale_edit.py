"""A form saved over another PC's change (services.versions): the dialog
says 「该记录已被他人修改，请刷新后再试」, offers 重新载入, and reloading
shows the other PC's values; saving again then goes through."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt


from eldercare_desktop.services import residents, users
from eldercare_desktop.services.context import App
from eldercare_desktop.viewmodels import residents as vm
from tests.conftest import PASSWORD
from tests.services.test_versions import _input
from tests.ui.test_residents_page import page, select, village  # noqa: F401  (fixtures)


def type_in(qtbot, line, text: str) -> None:
    """Click into the field, clear it and type (Chinese goes in as an input
    method commits it: QTest's key clicks are ASCII-only)."""
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    line.insert(text)


def test_a_stale_resident_form_offers_to_reload(qtbot, page, app, ctx):  # noqa: F811
    select(qtbot, page, "李四")
    dlg = page.open_dialog(vm.EDIT)
    qtbot.addWidget(dlg)
    dlg.show()
    rid = dlg.detail.id

    other = App.open(app.url, today=app.today, now=app.now)  # another PC saves first
    try:
        octx = other.as_user(users.login(other, "admin", PASSWORD))
        d = residents.get_resident(octx, rid)
        residents.update_resident(octx, rid, dataclasses.replace(_input(d), phone="13911112222"),
                                  expected_version=d.version)
    finally:
        other.close()

    type_in(qtbot, dlg.address, "渝北区新牌坊")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.stale_prompt is not None, timeout=10000)
    assert "该记录已被他人修改，请刷新后再试" in dlg.stale_prompt.text()
    assert residents.get_resident(ctx, rid).address == ""  # nothing of this form was saved
    reload_button = next(b for b in dlg.stale_prompt.buttons() if b.text() in ("重新载入", "Reload"))
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.stale_prompt is None, timeout=5000)
    assert dlg.phone.text() == "13911112222" and dlg.address.text() == ""  # the other PC's values
    assert dlg.isVisible() and dlg.detail.version == 2  # still open, on the new version
    type_in(qtbot, dlg.address, "渝北区新牌坊")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result() == 1, timeout=10000)
    now = residents.get_resident(ctx, rid)
    assert (now.phone, now.address, now.version) == ("13911112222", "渝北区新牌坊", 3)
