"""The 合同 page and its dialogs (signing at the deposit cap, amend, terminate, read-only)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from eldercare_desktop.db.models import Contract, ContractTerm
from eldercare_desktop.domain.contract_records import ContractRow
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import contracts
from eldercare_desktop.ui.pages.contracts import ContractsModel, ContractsPage
from eldercare_desktop.viewmodels import contracts as vm
from tests.services.test_contracts import assess, schedule, signed  # noqa: F401  (fixtures)
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

D = dt.date


def open_page(qtbot, shell) -> ContractsPage:
    page = shell.add(ContractsPage(shell))
    qtbot.addWidget(page)
    page.resize(1300, 650)
    page.show()
    page.activate()
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


def settle(qtbot, shell) -> None:
    qtbot.wait(20)
    qtbot.waitUntil(shell.idle, timeout=10000)


def cells(model, row):
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def n_contracts(app) -> tuple[int, int]:
    with app.read_factory() as s:
        return (s.execute(select(func.count()).select_from(Contract)).scalar_one(),
                s.execute(select(func.count()).select_from(ContractTerm)).scalar_one())


def test_model(qtmodeltester):
    rows = [ContractRow(1, "HT2026-0001", 1, "张三", D(2026, 1, 9), D(2026, 1, 10), D(2027, 1, 9), "生效", None,
                        480000, 2880000),
            ContractRow(2, "HT2025-0003", 2, "李四", D(2025, 3, 1), D(2025, 3, 1), D(2026, 2, 28), "已终止",
                        D(2025, 9, 30), 440000, 0)]
    m = ContractsModel()
    m.set_rows(vm.filter_items([vm.ContractItem(rows[0], "A101-1", "张小三（儿子）"),
                                vm.ContractItem(rows[1], "", "李四")], status=vm.FILTER_ALL))
    qtmodeltester.check(m)
    assert cells(m, 0) == ["HT2026-0001", "张三", "A101-1", "2026-01-10", "2027-01-09", "¥4,800.00",
                           "¥28,800.00", "生效", "张小三（儿子）"]
    assert cells(m, 1)[7] == "已终止（2025-09-30）"


def test_list_and_detail(qtbot, make_shell, actors, signed):  # noqa: F811
    page = open_page(qtbot, make_shell(actors[Role.FRONT_DESK]))
    assert page.model.rowCount() == 1
    row = cells(page.model, 0)
    assert row[:3] == ["HT2026-0001", "张三", "A101-1"] and row[5:7] == ["¥4,800.00", "¥28,800.00"]
    assert row[8] == "张小三（儿子）"
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    text = page.detail_view.toPlainText()
    assert "上限 ¥28,800.00" in text and "签订" in text and "阳光社区养老服务中心" in text
    page.search.setText("zhang")
    assert page.model.rowCount() == 1
    page.search.setText("李")
    assert page.model.rowCount() == 0
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData(vm.FILTER_TERMINATED))
    assert page.model.rowCount() == 0


def test_sign_at_the_cap(qtbot, make_shell, actors, app, ctx, admitted, schedule):  # noqa: F811
    assess(ctx, admitted)
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    assert page.model.rowCount() == 0 and page.sign_button.isEnabled()
    page.sign()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10000)
    dlg = page.dialog
    settle(qtbot, shell)
    assert dlg.current_resident().id == admitted
    # admitted 2026-01-10, today 2026-11-25: start today, one year
    assert dlg.start.date().toPython() == D(2026, 11, 25) and dlg.end.date().toPython() == D(2027, 11, 24)
    dlg.start.setDate(D(2026, 1, 10))
    settle(qtbot, shell)
    assert dlg.end.date().toPython() == D(2027, 1, 9)
    # the agent prefilled; 2,400 + 1,500 + 30 × 30 = 4,800.00; cap × 6
    assert dlg.signer.text() == "张小三" and dlg.relation.currentText() == "代理人（儿子）"
    assert "¥4,800.00" in dlg.monthly_label.text() and "¥28,800.00" in dlg.cap_label.text()
    dlg.deposit.setText("28800.01")
    assert "超过上限" in dlg.cap_label.text()
    before = n_contracts(app)
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert dlg.isVisible()
    assert "押金不得超过月服务费的6倍（上限¥28,800.00）" in dlg.error_for("deposit").text()
    assert n_contracts(app) == before
    dlg.deposit.setText("28,800")
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert not dlg.isVisible()
    assert n_contracts(app) == (before[0] + 1, before[1] + 1)
    qtbot.waitUntil(lambda: page.last_box is not None, timeout=10000)
    assert "HT2026-0001" in page.last_message and "床位费 ¥2,400.00" in page.last_message
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.selected().row.number == "HT2026-0001"


def test_sign_bad_yuan_inline(qtbot, make_shell, actors, app, ctx, admitted, schedule):  # noqa: F811
    assess(ctx, admitted)
    shell = make_shell(actors[Role.ADMIN])
    page = open_page(qtbot, shell)
    page.sign()
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10000)
    dlg = page.dialog
    settle(qtbot, shell)
    dlg.negotiate.setChecked(True)
    dlg.bed_fee.setText("2000.123")
    assert "最多两位小数" in dlg.error_for("bed_fee_fen").text()
    before = n_contracts(app)
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert dlg.isVisible() and n_contracts(app) == before
    dlg.bed_fee.setText("2000")
    dlg.ok_button.click()  # a negotiated fee needs a reason
    settle(qtbot, shell)
    assert "协商原因" in dlg.error_for("fee_override_reason").text()
    dlg.reject()


def test_amend_and_terminate(qtbot, make_shell, actors, app, signed):  # noqa: F811
    shell = make_shell(actors[Role.FRONT_DESK])
    page = open_page(qtbot, shell)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert page.amend_button.isEnabled() and page.terminate_button.isEnabled()
    assert not page.settle_button.isEnabled()  # front desk: no bookkeeping
    dlg = page.amend()
    dlg.kind.setCurrentText("照护等级变更")
    dlg.effective.setDate(D(2026, 4, 1))
    dlg.care_level.setText("介护一级")
    dlg.care_fee.setText("2000")
    dlg.consent_by.clear()
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert dlg.isVisible() and "须经老人或代理人同意" in dlg.error_for("consent").text()
    dlg.consent_by.setText("张小三")
    dlg.consent_date.setDate(D(2026, 3, 28))
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert not dlg.isVisible()
    assert "月服务费¥5,300.00" in page.last_message
    # a lower fee leaves the deposit above the new cap: the message says so
    qtbot.waitUntil(lambda: page.detail is not None and len(page.detail.terms) == 2, timeout=10000)
    dlg = page.amend()
    dlg.kind.setCurrentText("调价")
    dlg.effective.setDate(D(2026, 6, 1))
    dlg.care_fee.setText("1200")
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert "押金超过新上限¥27,000.00，超出部分¥1,800.00应退还" in page.last_message
    qtbot.waitUntil(lambda: page.detail is not None and len(page.detail.terms) == 3, timeout=10000)
    text = page.detail_view.toPlainText()
    assert "押金超过上限¥27,000.00，超出部分¥1,800.00应退还" in text and "张小三（2026-03-28）" in text

    dlg = page.terminate()
    dlg.reason.setCurrentText("其他")
    dlg.last_day.setDate(D(2026, 10, 31))
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert dlg.isVisible() and "请填写说明" in dlg.error_for("note").text()
    dlg.reason.setCurrentText("提前解约")
    dlg.last_day.setDate(D(2026, 10, 31))
    dlg.ok_button.click()
    settle(qtbot, shell)
    assert not dlg.isVisible() and "已终止（最后服务日2026-10-31）" in page.last_message
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)  # the 生效 filter
    page.status.setCurrentIndex(page.status.findData(vm.FILTER_ALL))
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.status == "已终止", timeout=10000)
    assert not page.amend_button.isEnabled() and "最后服务日" in page.detail_view.toPlainText()


def test_print(qtbot, make_shell, actors, signed, tmp_path):  # noqa: F811
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert page.print_button.isEnabled()
    assert vm.pdf_name(page.detail.number, page.detail.resident_name) == "HT2026-0001_张三.pdf"
    with qtbot.waitSignal(page.pdf_written, timeout=20000):
        page.print_contract(path=str(tmp_path / "HT2026-0001_张三.pdf"), offer_open=False)
    assert (tmp_path / "HT2026-0001_张三.pdf").read_bytes().startswith(b"%PDF")


def test_auditor_sees_write_buttons_disabled(qtbot, make_shell, actors, signed):  # noqa: F811
    page = open_page(qtbot, make_shell(actors[Role.AUDITOR]))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    for b in (page.sign_button, page.amend_button, page.terminate_button, page.settle_button):
        assert not b.isEnabled()
        assert "没有" in b.toolTip()
    page.sign()
    assert page.dialog is None


def test_accountant_posts_a_pending_settlement(qtbot, make_shell, actors, app, ctx, signed, admitted):  # noqa: F811
    from tests.services.test_contracts import _bill_march

    _bill_march(ctx, app, signed, admitted)
    contracts.terminate_contract(app.as_user(actors[Role.FRONT_DESK]), signed, D(2026, 3, 20), "去世")
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    page.status.setCurrentIndex(page.status.findData(vm.FILTER_TERMINATED))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert "待会计记账" in page.detail_view.toPlainText()
    assert page.settle_button.isEnabled() and not page.amend_button.isEnabled()
    page.post_settlement()
    settle(qtbot, shell)
    assert "未到期费用¥1,713.87已冲减应收账款" in page.last_message
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.settlement_entry_id is not None,
                    timeout=10000)
    assert not page.settle_button.isEnabled()
    assert "2026-03" in page.detail_view.toPlainText()


def test_an_owed_settlement_reads_as_owed(qtbot, make_shell, actors, app, ctx, signed, admitted):  # noqa: F811
    """March billed in full (care ¥1,500.00); care raised to ¥8,000.00/月 from 3-10; death on 3-20.
    bed refund 2,400 × 11/31 = 851.61; meals 11 × 30.00 = 330.00 refunded;
    care due 1,500 × 9/31 = 435.48 + 8,000 × 11/31 = 2,838.71 → 3,274.19, billed 1,500.00 → owed 1,774.19;
    net 851.61 + 330.00 − 1,774.19 = −592.58: ¥592.58 owed."""
    from eldercare_desktop.domain.contract_records import AmendmentInput
    from tests.services.test_contracts import _bill_march

    _bill_march(ctx, app, signed, admitted)
    contracts.amend_contract(ctx, AmendmentInput(signed, D(2026, 3, 10), "调价", care_fee_fen=800000))
    contracts.terminate_contract(app.as_user(actors[Role.FRONT_DESK]), signed, D(2026, 3, 20), "去世")
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    page.status.setCurrentIndex(page.status.findData(vm.FILTER_TERMINATED))
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    text = page.detail_view.toPlainText()
    assert "按实际服务应补收¥592.58待会计记账" in text and "-¥1,774.19" in text
    assert page.settle_button.isEnabled()
    qtbot.mouseClick(page.settle_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell)
    assert "按实际服务应补收¥592.58已计入应收账款" in page.last_message
