"""The 补贴申报 page: the claims tab (the 新建申报 wizard with live rows,
submit, approval, receipt, withdrawal, documents), buttons that follow the
selection through filters and sorting, the care-worker register (an
invalid ID refused in Chinese with nothing saved, contracts, certificates,
insurance, training, leaving, import errors, the template), the centre's
facts, projects, grades and parameters, the reminders, and what each role
may press. Data as in tests/services/test_subsidy_flow.py: a Yubei centre
with 张三 (渝北籍, from 2026-01-10), 李四 (江北区) and 王五 (渝北籍, from
2026-06-16); today is 2026-11-25."""
from __future__ import annotations

import datetime as dt
import importlib.util
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton

from eldercare_desktop.domain.identity import make_id_number
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import care_workers, residents, subsidies, subsidy_facts
from eldercare_desktop.ui.dialogs.subsidy_result import ResultModel
from eldercare_desktop.ui.pages.subsidies import SortedModel, SubsidiesPage
from eldercare_desktop.viewmodels import subsidies as vm
from tests.conftest import agent, person
from tests.ui.conftest import idle
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

D = dt.date
LEFT = Qt.MouseButton.LeftButton
ROOT = Path(__file__).resolve().parents[2]
GOOD_ID = make_id_number("500112", D(1980, 3, 15), 24)
BAD_ID = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")  # the check digit wrong


def admit(ctx, beds, name, seq, day, bed, district="渝北区"):
    ch = residents.register_resident(ctx, person(name, seq=seq, hukou_province="重庆市", hukou_city="重庆市",
                                                 hukou_district=district, contacts=(agent(),)), day, beds[bed])
    return ch.ids[0]


@pytest.fixture
def yubei(ctx, centre_ready):
    return {"张三": admit(ctx, centre_ready, "张三", 13, D(2026, 1, 10), "A101-1"),
            "李四": admit(ctx, centre_ready, "李四", 15, D(2026, 1, 1), "A101-2", "江北区"),
            "王五": admit(ctx, centre_ready, "王五", 17, D(2026, 6, 16), "A102-1")}


def open_page(qtbot, shell, tab: str = "claims") -> SubsidiesPage:
    page = shell.add(SubsidiesPage(shell))
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    page.activate()
    if tab != "claims":
        page.show_tab(tab)
    qtbot.waitUntil(shell.idle, timeout=10000)
    return page


def capture(page) -> list:
    """Replace the page's modal exec: the test drives each dialog itself."""
    opened: list = []
    page.open_dialog = lambda dlg: opened.append(dlg) or False
    return opened


def shown(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def save(qtbot, shell, dlg) -> None:
    qtbot.mouseClick(dlg.ok_button, LEFT)
    qtbot.waitUntil(lambda: dlg.result_value is not None and shell.idle(), timeout=10000)


def press(qtbot, shell, dlg) -> None:
    """Click 保存 and wait for the answer (a refusal keeps the dialog open)."""
    qtbot.mouseClick(dlg.ok_button, LEFT)
    qtbot.waitUntil(lambda: not dlg.busy and shell.idle(), timeout=10000)


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, rect.center())


def click_header(qtbot, view, column: int) -> None:
    h = view.horizontalHeader()
    x = h.sectionViewportPosition(column) + h.sectionSize(column) // 2
    qtbot.mouseClick(h.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(x, h.height() // 2))


def row_of(view, pred) -> int:
    return next(i for i, r in enumerate(view.model().rows) if pred(r))


def cells(model, row: int) -> list:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def wait_previews(qtbot, shell, dlg, n: int) -> None:
    qtbot.waitUntil(lambda: dlg.previews >= n and shell.idle() and not dlg.timer.isActive(), timeout=10000)


# --- models and screen logic ---------------------------------------------------------------

def test_models_and_screen_logic(qtmodeltester, qtbot, ctx, yubei):
    result = subsidies.preview(ctx, "yb-service", "2026-01", "2026-06")
    model = ResultModel()
    model.set_result(vm.layer_names(result), vm.result_rows(result))
    qtmodeltester.check(model)
    assert cells(model, 0)[4:] == ["¥600.00", "¥1,200.00", "¥1,800.00"]
    assert [r.state for r in model.rows] == [vm.OK, vm.NONE, vm.OK]
    # a failed test comes first in the row's cell, with its evidence and requirement
    assert model.rows[1].checks.startswith("户籍 重庆市江北区（要求渝北区） ✘")
    assert "✘" not in model.rows[2].checks  # 王五: the months before he came are not tested
    lines = dict(vm.total_lines(result))
    assert lines["total"] == "申报合计 ¥2,100.00（机构 ¥700.00，老人 ¥1,400.00）"
    assert lines["funder"] == "出资方：渝北区财政 ¥2,100.00"
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    claims = SortedModel(vm.claim_columns(), [c.key for c in vm.claim_columns()], keys=vm.CLAIM_SORT)
    claims.set_rows(subsidies.claims(ctx))
    qtmodeltester.check(claims)
    assert cells(claims, 0)[:5] == ["BT2026-0001", "社会办养老机构服务补贴（渝北籍老人）", "2026年上半年", "草稿",
                                    "¥2,100.00"]
    assert vm.claim_actions(subsidies.claim(ctx, cid)) == vm.ClaimActions(submit=True, withdraw=True, export=True)
    assert vm.claim_actions(None) == vm.ClaimActions()
    assert vm.month_ranges(["2026-03", "2026-01", "2026-02", "2026-05", "2026-12", "2027-01"]) == \
        "2026-01~2026-03、2026-05、2026-12~2027-01"
    assert vm.month_choices(D(2026, 1, 5), 2) == ["2025-12", "2025-11"]
    assert vm.half_choices(D(2026, 11, 25), 2) == ["2026-H2", "2026-H1", "2025-H2"]


# --- 申报: the wizard and a claim's way --------------------------------------------------------

def test_new_claim_through_the_wizard_then_submit_approve_and_receive(qtbot, make_shell, actors, yubei):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.claims
    opened = capture(page)
    assert tab.model.rowCount() == 0 and "新建申报" in tab.caption.text()
    assert not any(b.isEnabled() for b in (tab.submit_button, tab.approve_button, tab.receive_button,
                                            tab.withdraw_button, tab.pdf_button))
    qtbot.mouseClick(tab.new_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    wait_previews(qtbot, shell, dlg, 1)
    dlg.scheme.setCurrentIndex(dlg.scheme.findData("yb-service"))
    wait_previews(qtbot, shell, dlg, 2)
    assert dlg.period() == ("2026-01", "2026-06")  # the latest half-year that has ended
    view = dlg.result
    assert [r.name for r in view.model.rows] == ["张三", "李四", "王五"]
    assert view.count.text() == "共 3 行，符合条件 2 行"
    assert view.model.headerData(4, Qt.Orientation.Horizontal) == "机构服务补贴"
    click_row(qtbot, view.table, 1)  # 李四: not 渝北籍
    detail = view.detail_text()
    assert "户籍 重庆市江北区（要求渝北区） ✘" in detail and "机构性质（社会办） 民办非营利 ✔" in detail
    click_row(qtbot, view.table, 2)  # 王五: only June counts
    assert "2026-05" not in view.detail_text() and "在院天数 15 天 ✔" in view.detail_text()
    assert "计入月份：2026-06" in view.detail_text()
    totals = view.totals_text()
    assert "申报合计 ¥2,100.00" in totals and "渝北区财政 ¥2,100.00" in totals
    assert "01月 1" in totals and "06月 2" in totals  # the 申请表's month grid
    # only June: recomputed live off the GUI thread, 王五 still selected
    dlg.first.setCurrentText("2026-06")
    wait_previews(qtbot, shell, dlg, 3)
    assert view.result.total_fen == 2 * 300_00 and view.selected().name == "王五"
    view.only.setChecked(True)
    assert [r.name for r in view.model.rows] == ["张三", "王五"]
    dlg.first.setCurrentText("2026-01")
    wait_previews(qtbot, shell, dlg, 4)
    assert "¥2,100.00" in dlg.status.text()
    save(qtbot, shell, dlg)
    # the new draft is listed and selected, its rows under the list
    assert tab.model.rowCount() == 1
    c = tab.selected()
    assert (c.status, c.claimed_fen) == ("草稿", 2100_00)
    qtbot.waitUntil(lambda: tab.shown_claim == c.id, timeout=10000)
    assert "按今天的登记情况重新计算" in tab.caption.text() and tab.result.model.rowCount() == 3
    assert tab.submit_button.isEnabled() and not tab.approve_button.isEnabled()
    # 提交: asked first; No leaves it a draft
    page.confirm = lambda title, text: False
    qtbot.mouseClick(tab.submit_button, LEFT)
    qtbot.waitUntil(shell.idle)
    assert subsidies.claim(shell.ctx, c.id).status == "草稿"
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    qtbot.mouseClick(tab.submit_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and tab.selected() is not None and tab.selected().status == "已提交",
                    timeout=10000)
    assert "冻结" in asked[0]
    qtbot.waitUntil(lambda: tab.shown_claim == c.id, timeout=10000)
    assert "提交时冻结的各行与依据" in tab.caption.text()
    assert tab.approve_button.isEnabled() and tab.withdraw_button.isEnabled() and not tab.submit_button.isEnabled()
    # 登记批准: less than claimed without a reason is refused at the note; nothing saved
    qtbot.mouseClick(tab.approve_button, LEFT)
    a = shown(qtbot, opened[-1])
    assert a.amount.text() == "2,100.00"
    qtbot.waitUntil(lambda: a.table.rowCount() == 2 and shell.idle(), timeout=10000)  # 张三 and 王五's shares
    assert [a.table.item(i, 0).text() for i in range(2)] == ["张三", "王五"]
    a.amount.clear()
    qtbot.keyClicks(a.amount, "1800")
    press(qtbot, shell, a)
    assert "原因" in a.error_for("note").text() and a.result_value is None
    assert subsidies.claim(shell.ctx, c.id).status == "已提交"
    a.note.setText("王五6月核减")
    spin = a.cuts[a.shares[1].key]  # his one month (¥100 + ¥200) was not allowed: typed in
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "1")
    assert spin.value() == 1
    save(qtbot, shell, a)
    c = tab.selected()
    assert (c.status, c.approved_fen, c.approved_on) == ("已批准", 1800_00, D(2026, 11, 25))
    assert tab.receive_button.isEnabled() and not tab.withdraw_button.isEnabled()
    # 登记到账: the approved amount split after the cut; the residents' share paid out in cash
    qtbot.mouseClick(tab.receive_button, LEFT)
    r = shown(qtbot, opened[-1])
    qtbot.waitUntil(lambda: "老人" in r.split.text() and shell.idle(), timeout=10000)
    assert r.split.text() == "¥1,800.00（机构 ¥600.00，老人 ¥1,200.00）"
    assert r.share_text == "老人补贴 ¥1,400.00" and r.account.isChecked()
    qtbot.mouseClick(r.cash, LEFT)
    save(qtbot, shell, r)
    c = tab.selected()
    assert (c.status, c.resident_mode) == ("已到账", "cash")
    assert "现金发放" in tab.caption.text()
    assert not any(b.isEnabled() for b in (tab.submit_button, tab.approve_button, tab.receive_button,
                                            tab.withdraw_button))


def test_wizard_shows_the_missing_parameter_and_refuses_a_future_period(qtbot, make_shell, actors, yubei):
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    opened = capture(page)
    qtbot.mouseClick(page.claims.new_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    wait_previews(qtbot, shell, dlg, 1)
    dlg.scheme.setCurrentIndex(dlg.scheme.findData("cq-operating"))
    wait_previews(qtbot, shell, dlg, 2)
    assert "缺少参数" in dlg.status.text() and "cq_operating_rate" in dlg.status.text()
    assert "补贴参数" in dlg.result.totals_text()
    assert not dlg.ok_button.isEnabled()  # nothing to claim until the figure is filled in
    assert subsidies.claims(shell.ctx) == []
    # a period already claimed is flagged at the period while previewing; nothing can be saved
    subsidies.create_claim(shell.ctx, "yb-service", "2026-01", "2026-06")
    dlg.scheme.setCurrentIndex(dlg.scheme.findData("yb-service"))
    wait_previews(qtbot, shell, dlg, 3)
    dlg.first.setCurrentText("2026-01")
    dlg.last.setCurrentText("2026-06")
    wait_previews(qtbot, shell, dlg, 4)
    assert "与BT2026-0001（2026年上半年，草稿）重叠" in dlg.error_for("period").text()
    assert "请选择其他期间" in dlg.status.text() and not dlg.ok_button.isEnabled()


def test_withdraw_a_draft_with_a_reason(qtbot, make_shell, ctx, actors, yubei):
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.claims
    opened = capture(page)
    click_row(qtbot, tab.table, 0)
    qtbot.mouseClick(tab.withdraw_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    press(qtbot, shell, dlg)
    assert "撤回原因" in dlg.error_for("reason").text()
    qtbot.keyClicks(dlg.reason, "period")
    save(qtbot, shell, dlg)
    assert subsidies.claim(ctx, cid).status == "已撤回"
    assert tab.selected().status == "已撤回" and not tab.withdraw_button.isEnabled()
    assert not tab.pdf_button.isEnabled()


def test_record_a_claim_made_before_the_app(qtbot, make_shell, ctx, actors, yubei):
    """一期 (300 own beds) was paid on paper in 2025: the dialog takes each
    layer's amount, the project, the cap it counts under; nothing is saved
    while a rule is broken, then the claim appears as 已到账 and selected."""
    subsidy_facts.add_project(ctx, subsidy_facts.ProjectInput("一期", "养老机构", "新建", 300, D(2025, 6, 30), "自有"))
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.claims
    opened = capture(page)
    qtbot.mouseClick(tab.outside_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    qtbot.waitUntil(lambda: dlg.subjects.count() == 1 and dlg.cap_key.count() == 2 and shell.idle(), timeout=10000)
    assert dlg.scheme.currentData() == "cq-construction"
    assert list(dlg.amount_edits) == ["市级建设补贴", "区级建设补贴"]
    qtbot.keyClicks(dlg.first, "2025-01")
    qtbot.keyClicks(dlg.last, "2025-12")
    qtbot.keyClicks(dlg.amount_edits["市级建设补贴"], "3000000")
    qtbot.keyClicks(dlg.amount_edits["区级建设补贴"], "3000000")
    press(qtbot, shell, dlg)  # no project ticked: a once-only subsidy must name it
    assert "请选择当时申领" in dlg.error_for("subjects").text()
    assert subsidies.claims(ctx) == []
    dlg.subjects.item(0).setCheckState(Qt.CheckState.Checked)
    dlg.cap_key.setCurrentText("自有")
    dlg.received.setDate(QDate(2025, 12, 20))
    save(qtbot, shell, dlg)
    qtbot.waitUntil(lambda: tab.selected() is not None and shell.idle(), timeout=10000)
    c = tab.selected()
    assert (c.number, c.status, c.claimed_fen) == ("BW2025-0001", "已到账", 6_000_000_00)
    assert not tab.receive_button.isEnabled() and not tab.pdf_button.isEnabled()  # recorded, nothing to print


def test_buttons_follow_the_selection_through_filter_and_sort(qtbot, make_shell, ctx, actors, yubei):
    submitted = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    subsidies.submit(ctx, submitted)
    draft = subsidies.create_claim(ctx, "yb-service", "2026-07", "2026-10").ids[0]
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    tab = page.claims
    assert tab.model.rowCount() == 2 and tab.selected() is None
    click_row(qtbot, tab.table, row_of(tab.table, lambda c: c.id == submitted))
    assert tab.selected().id == submitted
    assert tab.approve_button.isEnabled() and not tab.submit_button.isEnabled()
    # sorting moves the rows, the selection stays on the same claim
    for _ in range(2):
        click_header(qtbot, tab.table, 4)  # 申报金额
        assert tab.selected().id == submitted and tab.approve_button.isEnabled()
    # a filter that hides the selected claim leaves nothing selected and nothing to press
    tab.status.setCurrentIndex(tab.status.findData("草稿"))
    qtbot.waitUntil(shell.idle)
    assert [c.id for c in tab.model.rows] == [draft]
    assert tab.selected() is None
    assert not any(b.isEnabled() for b in (tab.submit_button, tab.approve_button, tab.receive_button,
                                            tab.withdraw_button, tab.pdf_button, tab.xlsx_button))
    assert tab.result.model.rowCount() == 0
    click_row(qtbot, tab.table, 0)
    assert tab.selected().id == draft and tab.submit_button.isEnabled() and not tab.approve_button.isEnabled()
    # a filter that keeps it keeps it selected
    tab.status.setCurrentIndex(0)
    qtbot.waitUntil(shell.idle)
    assert tab.model.rowCount() == 2 and tab.selected().id == draft and tab.submit_button.isEnabled()
    tab.year.setCurrentIndex(tab.year.findData(2026))
    qtbot.waitUntil(shell.idle)
    assert draft in [c.id for c in tab.model.rows] and tab.selected().id == draft
    # a claim changed elsewhere: the reload shows it and the buttons follow its new state
    subsidies.withdraw(ctx, draft, "重报")
    tab.reload()
    qtbot.waitUntil(shell.idle)
    assert tab.selected().status == "已撤回" and not tab.submit_button.isEnabled()


def test_claim_documents_written_behind_a_progress_dialog(qtbot, make_shell, ctx, actors, yubei, tmp_path):
    if importlib.util.find_spec("eldercare_desktop.services.subsidy_documents") is None:
        pytest.skip("services/subsidy_documents.py (claim_pdf, claim_xlsx) is not there yet")
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    subsidies.submit(ctx, cid)
    shell = make_shell(actors[Role.AUDITOR])  # auditors print
    page = open_page(qtbot, shell)
    tab = page.claims
    click_row(qtbot, tab.table, 0)
    assert tab.pdf_button.isEnabled() and tab.xlsx_button.isEnabled()
    for kind, button in (("pdf", tab.pdf_button), ("xlsx", tab.xlsx_button)):
        path = tmp_path / f"claim.{kind}"
        page.choose_save = lambda title, name, pattern, p=path: str(p)
        qtbot.mouseClick(button, LEFT)
        qtbot.waitUntil(lambda p=path: shell.idle() and p.exists(), timeout=20000)
        assert path.stat().st_size > 0
    assert not shell.errors, shell.errors
    assert str(tmp_path / "claim.xlsx") in tab.caption.text()


# --- who may press what ---------------------------------------------------------------------

def _writes(page) -> dict[str, list[QPushButton]]:
    c, w, f = page.claims, page.workers, page.facts
    return {"claims": [c.new_button, c.submit_button, c.approve_button, c.receive_button, c.withdraw_button],
            "workers": [w.add_button, w.edit_button, w.contract_button, w.certificate_button, w.insurance_button,
                        w.training_button, w.leave_button, w.import_button],
            "facts": [f.fact_button, f.add_project_button, f.edit_project_button, f.grade_button,
                      f.set_param_button, f.clear_param_button]}


def test_auditor_reads_and_prints_only(qtbot, make_shell, ctx, actors, yubei, tmp_path):
    cid = subsidies.create_claim(ctx, "yb-service", "2026-01", "2026-06").ids[0]
    subsidies.submit(ctx, cid)
    care_workers.add_worker(ctx, care_workers.WorkerInput("李秀英", GOOD_ID))
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    click_row(qtbot, page.claims.table, 0)
    qtbot.waitUntil(shell.idle)
    for tab in ("workers", "facts"):
        page.show_tab(tab)
        qtbot.waitUntil(shell.idle)
    click_row(qtbot, page.workers.table, 0)
    click_row(qtbot, page.facts.params_view, 0)
    qtbot.waitUntil(shell.idle)
    for buttons in _writes(page).values():
        for b in buttons:
            assert not b.isEnabled(), b.text()
            assert "权限" in b.toolTip(), b.text()
    assert page.claims.pdf_button.isEnabled() and page.workers.export_button.isEnabled()
    assert page.workers.template_button.isEnabled()
    assert page.claims.result.model.rowCount() == 3  # reading is allowed
    if importlib.util.find_spec("eldercare_desktop.services.subsidy_documents") is not None:
        path = tmp_path / "roster.xlsx"
        page.choose_save = lambda title, name, pattern: str(path)
        qtbot.mouseClick(page.workers.export_button, LEFT)
        qtbot.waitUntil(lambda: shell.idle() and path.exists(), timeout=20000)
        assert not shell.errors and "roster.xlsx" in shell.messages[-1]


def test_accountant_claims_fills_in_figures_and_insurance_but_keeps_no_register(qtbot, make_shell, ctx, actors,
                                                                                   yubei):
    """The accountant claims, enters the year's figures (scheme parameters)
    and the social insurance paid; the registers themselves are the
    administrator's."""
    care_workers.add_worker(ctx, care_workers.WorkerInput("李秀英", GOOD_ID))
    shell = make_shell(actors[Role.ACCOUNTANT])
    page = open_page(qtbot, shell)
    writes = _writes(page)
    assert page.claims.new_button.isEnabled()
    for tab in ("workers", "facts"):
        page.show_tab(tab)
        qtbot.waitUntil(shell.idle)
    click_row(qtbot, page.workers.table, 0)
    click_row(qtbot, page.facts.params_view, 0)
    qtbot.waitUntil(shell.idle)
    assert page.facts.set_param_button.isEnabled() and page.workers.insurance_button.isEnabled()
    kept = [b for b in writes["workers"] + writes["facts"]
            if b not in (page.facts.set_param_button, page.facts.clear_param_button, page.workers.insurance_button)]
    assert not any(b.isEnabled() for b in kept)


# --- 护理员 -------------------------------------------------------------------------------------

def test_invalid_id_refused_in_chinese_then_a_worker_registered_and_kept(qtbot, make_shell, ctx, actors):
    shell = make_shell(actors[Role.ADMIN])
    page = open_page(qtbot, shell, "workers")
    tab = page.workers
    opened = capture(page)
    assert not tab.edit_button.isEnabled() and tab.add_button.isEnabled()
    qtbot.mouseClick(tab.add_button, LEFT)
    dlg = shown(qtbot, opened[-1])
    dlg.name.insert("李秀英")
    qtbot.keyClicks(dlg.id_number, BAD_ID)
    press(qtbot, shell, dlg)
    assert "校验位错误" in dlg.error_for("id_number").text() and dlg.error_for("id_number").isVisible()
    assert dlg.result_value is None and dlg.isVisible()
    assert care_workers.workers(ctx) == [] and tab.model.rowCount() == 0
    dlg.id_number.clear()
    qtbot.keyClicks(dlg.id_number, GOOD_ID)
    save(qtbot, shell, dlg)
    w = tab.selected()
    assert (w.name, w.id_number, w.gender, w.age) == ("李秀英", GOOD_ID, "女", 46)
    assert cells(tab.model, 0)[4:7] == ["无证", "无", "0/6"]
    qtbot.waitUntil(lambda: "李秀英" in tab.detail_text())
    # a contract, a certificate, six insured months, a training: each through its dialog
    qtbot.mouseClick(tab.contract_button, LEFT)
    c = shown(qtbot, opened[-1])
    c.start.setDate(c.start.date().addYears(-2))
    save(qtbot, shell, c)
    qtbot.mouseClick(tab.certificate_button, LEFT)
    cert = shown(qtbot, opened[-1])
    cert.level.setCurrentText("中级")
    qtbot.keyClicks(cert.number, "5000001234")
    save(qtbot, shell, cert)
    qtbot.mouseClick(tab.insurance_button, LEFT)
    ins = shown(qtbot, opened[-1])
    assert ins.months.text() == "2026-05~2026-10"  # the six months the register counts
    save(qtbot, shell, ins)
    qtbot.mouseClick(tab.training_button, LEFT)
    tr = shown(qtbot, opened[-1])
    press(qtbot, shell, tr)
    assert "培训内容" in tr.error_for("course").text()
    tr.course.insert("养老护理员岗前培训")
    save(qtbot, shell, tr)
    w = tab.selected()
    assert (w.certificate, w.insured_months, w.trainings) == ("中级（5000001234）", 6, 1)
    assert w.contract.startswith("2024-11-25—2029-11-25")
    qtbot.waitUntil(lambda: "2026-05~2026-10" in tab.detail_text() and "岗前培训" in tab.detail_text())
    # edit keeps the record, leave takes the worker off the current list
    qtbot.mouseClick(tab.edit_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(opened[-1], type(dlg)) and opened[-1] is not dlg)
    ed = shown(qtbot, opened[-1])
    assert ed.id_number.text() == GOOD_ID
    ed.phone.insert("13800000001")
    save(qtbot, shell, ed)
    assert care_workers.workers(ctx)[0].phone == "13800000001"
    qtbot.mouseClick(tab.leave_button, LEFT)
    lv = shown(qtbot, opened[-1])
    save(qtbot, shell, lv)
    assert tab.model.rowCount() == 0
    tab.include_left.setChecked(True)
    qtbot.waitUntil(shell.idle)
    click_row(qtbot, tab.table, 0)
    assert cells(tab.model, 0)[-1] == "已离职 2026-11-25"
    assert tab.edit_button.isEnabled() and not tab.contract_button.isEnabled()


def test_expiring_contracts_listed_and_reminded(qtbot, make_shell, ctx, actors):
    w = care_workers.add_worker(ctx, care_workers.WorkerInput("李秀英", GOOD_ID)).ids[0]
    care_workers.add_contract(ctx, w, D(2024, 1, 1), D(2026, 12, 31))
    shell = make_shell(actors[Role.ADMIN])
    page = open_page(qtbot, shell, "workers")
    assert cells(page.workers.expiring, 0) == ["李秀英", "劳动合同", "2026-12-31", "36"]
    assert "护理员李秀英的劳动合同36天后到期" in page.reminder_label.text()
    page.workers.expiring_view.doubleClicked.emit(page.workers.expiring.index(0, 0))
    assert page.workers.selected().id == w


def _sheet(rows) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(care_workers.IMPORT_HEADERS))
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_import_lists_every_row_error_and_saves_nothing(qtbot, make_shell, ctx, actors, tmp_path):
    shell = make_shell(actors[Role.ADMIN])
    page = open_page(qtbot, shell, "workers")
    tab = page.workers
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_sheet([["王桂芳", make_id_number("500112", D(1978, 5, 1), 26), "", "2019-03-01"],
                            ["陈美兰", BAD_ID], ["刘建国", make_id_number("500112", D(1984, 1, 2), 31), "", "昨天"]]))
    page.choose_open = lambda title, pattern: str(bad)
    qtbot.mouseClick(tab.import_button, LEFT)
    qtbot.waitUntil(shell.idle)
    errors = tab.import_errors()
    assert tab.errors_box.isVisible() and len(errors) == 2
    assert errors[0].startswith("第3行：") and "校验位错误" in errors[0]
    assert errors[1].startswith("第4行：") and "昨天" in errors[1]
    assert care_workers.workers(ctx) == [] and tab.model.rowCount() == 0 and not shell.errors
    # the template, then a right sheet
    template = tmp_path / "template.xlsx"
    page.choose_save = lambda title, name, pattern: str(template)
    qtbot.mouseClick(tab.template_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and template.exists())
    from openpyxl import load_workbook

    assert tuple(c.value for c in load_workbook(template).active[1]) == care_workers.IMPORT_HEADERS
    good = tmp_path / "good.xlsx"
    good.write_bytes(_sheet([["王桂芳", make_id_number("500112", D(1978, 5, 1), 26), "", "2019-03-01", "初级",
                              "5000009", "2021-06-30", "", "2025-03-01", "2028-02-28", "2026-01~2026-10"]]))
    page.choose_open = lambda title, pattern: str(good)
    qtbot.mouseClick(tab.import_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and tab.model.rowCount() == 1)
    assert not tab.errors_box.isVisible()
    assert cells(tab.model, 0)[4:7] == ["初级（5000009）", "2025-03-01—2028-02-28", "6/6"]  # 2026-05~10


# --- 机构信息 --------------------------------------------------------------------------------------

def test_facts_projects_grades_and_parameters(qtbot, make_shell, ctx, actors, centre_ready):
    shell = make_shell(actors[Role.ADMIN])
    page = open_page(qtbot, shell, "facts")
    tab = page.facts
    opened = capture(page)
    assert "缺参数" in page.reminder_label.text() and "市级运营补贴标准" in page.reminder_label.text()
    # a parameter: the missing one first, in red
    params = tab.params
    assert cells(params, 0)[:3] == ["市级运营补贴标准（收住失能、半失能老人）", "—", "未填写"]
    assert not tab.set_param_button.isEnabled()
    click_row(qtbot, tab.params_view, 0)
    qtbot.mouseClick(tab.set_param_button, LEFT)
    p = shown(qtbot, opened[-1])
    qtbot.keyClicks(p.value, "-5")
    press(qtbot, shell, p)
    assert "不能为负数" in p.error_for("value").text()
    p.value.clear()
    qtbot.keyClicks(p.value, "150")
    save(qtbot, shell, p)
    row = row_of(tab.params_view, lambda x: x.key == "cq_operating_rate")
    assert cells(params, row)[1:3] == ["150 元/人/月", "已设置"]
    assert tab.params_view.selectionModel().selectedRows()[0].row() == row
    qtbot.waitUntil(lambda: "缺参数" not in page.reminder_label.text())
    assert subsidy_facts.param_values(ctx)["cq_operating_rate"] == 150
    page.confirm = lambda title, text: True
    qtbot.mouseClick(tab.clear_param_button, LEFT)
    qtbot.waitUntil(lambda: shell.idle() and "cq_operating_rate" not in subsidy_facts.param_values(ctx))
    # a dated fact: a wrong value refused under 值, then recorded
    qtbot.mouseClick(tab.fact_button, LEFT)
    f = shown(qtbot, opened[-1])
    f.key.setCurrentIndex(f.key.findData("approved_beds"))
    assert f.value.currentWidget() is f.text
    qtbot.keyClicks(f.text, "abc")
    press(qtbot, shell, f)
    assert "核定床位应为不小于0的整数" in f.error_for("value").text()
    f.text.clear()
    qtbot.keyClicks(f.text, "120")
    save(qtbot, shell, f)
    assert cells(tab.facts, row_of(tab.facts_view, lambda x: x.key == "approved_beds"))[:3] == \
        ["核定床位", "2026-11-25", "120"]
    # a choice fact offers its choices
    qtbot.mouseClick(tab.fact_button, LEFT)
    f = shown(qtbot, opened[-1])
    f.key.setCurrentIndex(f.key.findData("tenure"))
    assert f.value.currentWidget() is f.choice and [f.choice.itemText(i) for i in range(2)] == ["自有", "租赁"]
    f.choice.setCurrentText("租赁")
    save(qtbot, shell, f)
    assert subsidy_facts.facts_on(ctx, D(2026, 11, 25))["tenure"] == "租赁"
    # a grade
    qtbot.mouseClick(tab.grade_button, LEFT)
    g = shown(qtbot, opened[-1])
    g.half.setCurrentText("2026-H1")
    g.grade.setCurrentText("优")
    save(qtbot, shell, g)
    assert cells(tab.grades, 0) == ["2026-H1", "优"]
    # a project: leased without lease dates is impossible here (the dates are there); 0 beds refused
    qtbot.mouseClick(tab.add_project_button, LEFT)
    pj = shown(qtbot, opened[-1])
    pj.name.insert("二期扩建")
    pj.note.insert("区发改委立项")
    press(qtbot, shell, pj)
    assert "新增床位" in pj.error_for("beds").text()
    pj.beds.setValue(60)
    save(qtbot, shell, pj)
    assert cells(tab.projects, 0)[:4] == ["二期扩建", "养老机构", "新建", "60"]
    assert tab.edit_project_button.isEnabled()  # the new project is selected
    qtbot.mouseClick(tab.edit_project_button, LEFT)
    ed = shown(qtbot, opened[-1])
    assert ed.name.text() == "二期扩建" and ed.beds.value() == 60
    assert ed.note.text() == "区发改委立项"  # editing keeps the note it had
    ed.tenure.setCurrentText("租赁")
    assert ed.lease_end.isEnabled()
    save(qtbot, shell, ed)
    assert cells(tab.projects, 0)[6] == "租赁"


# --- in the main window --------------------------------------------------------------------

def test_page_in_the_main_window(qtbot, make_window, actors, yubei):
    win = make_window(actors[Role.ACCOUNTANT])
    page = win.navigate("subsidies")
    idle(qtbot, win)
    assert isinstance(page, SubsidiesPage) and page.isVisible()
    assert win.nav.currentItem().text() == "补贴申报"
    assert "缺参数" in page.reminder_label.text()
    for name in ("workers", "facts", "claims"):
        page.show_tab(name)
        idle(qtbot, win)
    assert win.last_error_box is None, win.last_error_text
    # a change made through another page's service reaches this one
    cid = subsidies.create_claim(win.ctx, "yb-service", "2026-01", "2026-06")
    win.broadcast(cid)
    idle(qtbot, win)
    assert page.claims.model.rowCount() == 1


def test_page_in_english(qtbot, make_window, actors, yubei):
    import re

    tr = QTranslator()
    assert tr.load(str(ROOT / "resources" / "translations" / "eldercare_en.qm"))
    QApplication.installTranslator(tr)
    try:
        win = make_window(actors[Role.ADMIN])
        page = win.navigate("subsidies")
        idle(qtbot, win)
        cjk = re.compile(r"[\u3400-\u9fff]")
        texts = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        texts += [b.text() for b in page.findChildren(QPushButton) if b.text()]
        for tab in (page.claims, page.workers, page.facts):
            m = tab.model if hasattr(tab, "model") else tab.facts
            texts += [m.headerData(i, Qt.Orientation.Horizontal) for i in range(m.columnCount())]
        assert not [t for t in texts if cjk.search(t)], [t for t in texts if cjk.search(t)]
    finally:
        QApplication.removeTranslator(tr)
