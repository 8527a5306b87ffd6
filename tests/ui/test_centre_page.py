"""The centre profile page."""
from __future__ import annotations

from PySide6.QtCore import Qt
from stdnum.cn import uscc

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import centre
from eldercare_desktop.ui.pages.centre import CentrePage
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

BODY = "91500112MA5U7ABC1"
GOOD = BODY + uscc.calc_check_digit(BODY)
BAD = BODY + ("0" if GOOD[-1] != "0" else "1")


def open_page(qtbot, shell) -> CentrePage:
    page = shell.add(CentrePage(shell))
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.data is not None and shell.idle(), timeout=10000)
    return page


def test_form_shows_the_centre_and_the_share(qtbot, make_shell, ctx, centre_ready):
    page = open_page(qtbot, make_shell(ctx.actor))
    assert page.name.text() == "阳光社区养老服务中心"
    assert page.kind.currentText() == "非营利"
    assert page.profile.currentData() == "chongqing-yubei"
    assert page.share_value.text() == "33.3%"
    assert "已达到" in page.share_verdict.text() and "30%" in page.share_verdict.text()
    assert page.s_total.text().startswith("3张")
    assert not page.save_button.isEnabled()  # nothing changed yet
    # a district with a 40% target: the same beds fall short
    page.profile.setCurrentIndex(page.profile.findData("kunming-guandu"))
    assert "未达到" in page.share_verdict.text() and "40%" in page.share_verdict.text()
    assert page.save_button.isEnabled()


def test_bad_credit_code_is_shown_inline_and_nothing_is_saved(qtbot, make_shell, ctx, centre_ready):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    page.credit_code.setFocus()
    qtbot.keyClicks(page.credit_code, BAD[:10].lower())
    assert page.credit_code.text() == BAD[:10]  # upper-cased as typed
    assert page.field_error("credit_code") == ""  # not complete yet: no error
    assert "10/18" in page.credit_hint.text()
    qtbot.keyClicks(page.credit_code, BAD[10:])
    assert "无效" in page.field_error("credit_code")  # as soon as 18 characters are there
    page.name.setText("改了名字")
    page.save_button.click()
    qtbot.waitUntil(lambda: not page.saving, timeout=10000)
    assert "无效" in page.field_error("credit_code")
    assert page.credit_code.property("invalid") is True
    assert "未保存" in page.status.text()
    saved = centre.get_centre(ctx)
    assert saved.name == "阳光社区养老服务中心" and saved.credit_code == ""

    # correcting it clears the error, and saving works
    page.credit_code.clear()
    qtbot.keyClicks(page.credit_code, GOOD)
    assert page.field_error("credit_code") == ""
    assert "校验通过" in page.credit_hint.text()
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: centre.get_centre(ctx).credit_code == GOOD, timeout=10000)
    qtbot.waitUntil(shell.idle)
    assert centre.get_centre(ctx).name == "改了名字"
    assert page.status.text() == "已保存"
    assert not page.save_button.isEnabled()


def test_service_problems_land_at_their_fields(qtbot, make_shell, ctx, centre_ready):
    page = open_page(qtbot, make_shell(ctx.actor))
    page.name.setText("")
    page.phone.setText("12345")
    page.escrow_no.setText("62270001")  # bank and account name missing
    page.save()
    qtbot.waitUntil(lambda: bool(page.field_error("name")), timeout=10000)
    assert page.field_error("name") == "请填写机构名称"
    assert "格式不正确" in page.field_error("phone")
    assert "开户银行" in page.field_error("escrow_bank")
    assert centre.get_centre(ctx).name == "阳光社区养老服务中心"


def test_first_save_when_no_centre_exists(qtbot, make_shell, ctx):
    page = open_page(qtbot, make_shell(ctx.actor))
    assert page.name.text() == "" and page.profile.currentData() == "national"
    assert page.save_button.isEnabled()
    page.name.setText("新开的养老院")
    page.approved.setValue(50)
    page.save()
    qtbot.waitUntil(lambda: centre.get_centre(ctx) is not None, timeout=10000)
    info = centre.get_centre(ctx)
    assert info.name == "新开的养老院" and info.approved_beds == 50 and info.kind == "非营利"
    qtbot.waitUntil(page.shell.idle, timeout=10000)  # the reload after saving has arrived


def test_read_only_without_permission(qtbot, make_shell, actors, centre_ready):
    page = open_page(qtbot, make_shell(actors[Role.AUDITOR]))
    assert page.name.isReadOnly() and page.credit_code.isReadOnly()
    assert not page.kind.isEnabled() and not page.profile.isEnabled()
    assert not page.save_button.isEnabled() and "没有" in page.save_button.toolTip()
    assert page.readonly_note.isVisible()
    assert page.share_value.text() == "33.3%"
