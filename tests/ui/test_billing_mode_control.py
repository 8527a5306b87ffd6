"""账单与收款 → 月度计费: the 计费方式 control shows the centre's billing mode
and the accountant changes it there (the auditor cannot)."""
from PySide6.QtCore import Qt

from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import billing
from eldercare_desktop.ui.pages.finance import FinancePage
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)


def open_billing(qtbot, shell):
    page = shell.add(FinancePage(shell))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page.billing


def test_accountant_switches_the_mode_on_the_billing_tab(qtbot, make_shell, app, actors, centre_ready):
    shell = make_shell(actors[Role.ACCOUNTANT])
    tab = open_billing(qtbot, shell)
    assert tab.mode.currentData() == "advance" and tab.mode.isEnabled()
    tab.mode.setFocus()
    qtbot.keyClick(tab.mode, Qt.Key.Key_Down)  # the user picks the next choice with the keyboard
    assert tab.mode.currentData() == "after"
    qtbot.waitUntil(shell.idle, timeout=10000)
    assert billing.current_mode(app.as_user(actors[Role.ACCOUNTANT])) == "after"


def test_auditor_sees_the_mode_but_cannot_change_it(qtbot, make_shell, actors, centre_ready):
    tab = open_billing(qtbot, make_shell(actors[Role.AUDITOR]))
    assert tab.mode.currentData() == "advance" and not tab.mode.isEnabled()  # shown, read-only
