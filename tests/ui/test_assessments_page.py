"""The 评估 page and the assessment form, driven like a user: keyboard for the
form, buttons and dialogs for the rest."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from eldercare_desktop.domain.errors import PermissionDenied
from eldercare_desktop.domain.records import AssessmentSummary, CareLevelChangeInfo, DueRow
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments as svc
from eldercare_desktop.services import residents
from eldercare_desktop.services.assessments import AssessmentInput
from eldercare_desktop.ui.dialogs.assessment_form import AssessmentFormDialog, ItemRow
from eldercare_desktop.ui.dialogs.consent import ConsentDialog
from eldercare_desktop.ui.pages.assessments import (
    AssessmentsModel,
    AssessmentsPage,
    ChangesModel,
    DueModel,
    PendingModel,
)
from eldercare_desktop.viewmodels import assessments as vm
from tests.conftest import person
from tests.ui.fakeshell import make_shell  # noqa: F401  (fixture)

D = dt.date
GB = svc.instrument("GB/T 42195-2022")
CODES = [i.code for i in GB.items]
FULL = [4] * 8 + [4, 4, 4, 3] + [4] * 6 + [1, 1, 2] + [2, 2, 4, 3, 4]  # 90 → 能力完好


def form_input(rid, scores=None, **kw) -> AssessmentInput:
    base = dict(resident_id=rid, base_date=D(2026, 1, 12), reason="首次评估", assessor1="李评估",
                assessor2="王评估", informant_name="张小三", informant_relation="儿子",
                scores=dict(zip(CODES, scores or FULL)))
    base.update(kw)
    return AssessmentInput(**base)


def open_page(qtbot, shell) -> AssessmentsPage:
    page = shell.add(AssessmentsPage(shell))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activate()
    wait_idle(qtbot, shell, page)
    return page


def wait_idle(qtbot, shell, page) -> None:
    qtbot.waitUntil(lambda: shell.idle() and not page.loading, timeout=10000)


def open_form(qtbot, page, action) -> AssessmentFormDialog:
    with qtbot.waitSignal(page.form_opened, timeout=10000) as sig:
        action()
    dlg = sig.args[0]
    dlg.confirm_discard = False
    qtbot.waitExposed(dlg)
    return dlg


def type_digits(qtbot, dlg: AssessmentFormDialog, digits: str) -> None:
    """Each digit goes to the item that has the focus, as a user types."""
    for d in digits:
        row = dlg.current_row
        assert isinstance(row, ItemRow)
        qtbot.keyClick(row, d)


def column(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


# -- models --------------------------------------------------------------------------------

def test_models(qtmodeltester):
    due = DueModel()
    due.set_rows([
        DueRow(1, "张三", "A101-1", "在住", "PG2026-0001", D(2026, 5, 1), "能力轻度受损（轻度失能）", "介护一级",
               D(2026, 11, 1), -24, "已逾期", "距上次评估满6个月"),
        DueRow(2, "李四", "A102-1", "在住", "", None, "", "", D(2026, 11, 30), 5, "即将到期", "从未评估"),
    ])
    qtmodeltester.check(due)
    assert column(due, 6) == ["逾期24天", "剩余5天"]
    assert due.data(due.index(0, 6), Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert due.data(due.index(1, 6), Qt.ItemDataRole.ForegroundRole).color().name() == "#b26a00"
    assert due.data(due.index(0, 0), Qt.ItemDataRole.UserRole) == 1

    ch = CareLevelChangeInfo(7, 1, "张三", 3, "PG2026-0003", "自理", "介护二级", "待确认", "", "", None, None, "")
    done = CareLevelChangeInfo(6, 1, "张三", 2, "PG2026-0002", "", "自理", "已生效", "张小三", "代理人（儿子）",
                               D(2026, 1, 12), D(2026, 1, 12), "首次确定照护等级")
    a = AssessmentSummary(3, "PG2026-0003", 1, "张三", "GB/T 42195-2022", D(2026, 11, 20), "常规评估", 60, 2, 2,
                          "能力中度受损（中度失能）", "介护二级", ("李评估", "王评估"), None, None)
    pending = PendingModel(lambda: D(2026, 11, 25))
    pending.set_rows(vm.pending_rows([ch], {3: a}))
    qtmodeltester.check(pending)
    assert column(pending, 4) == ["自理 → 介护二级"] and column(pending, 5) == ["5天"]

    changes = ChangesModel(vm.CHANGE_COLUMNS)
    changes.set_rows([done, ch])
    qtmodeltester.check(changes)
    assert column(changes, 2) == ["已生效", "待确认"]

    old = AssessmentSummary(2, "PG2026-0002", 1, "张三", "GB/T 42195-2022", D(2026, 1, 12), "首次评估", 90, 0, 0,
                            "能力完好", "自理", ("李评估", "王评估"), None, 3)
    model = AssessmentsModel(vm.AssessmentList())
    model.set_rows([old, a], {"GB/T 42195-2022": dict(GB.grade_names)})
    qtmodeltester.check(model)
    assert column(model, 10) == ["已被更正（PG2026-0003）", "有效"]
    model.sort(5, Qt.SortOrder.AscendingOrder)
    assert column(model, 5) == ["60", "90"]
    qtmodeltester.check(model)


# -- the form by keyboard ----------------------------------------------------------------------

def test_keyboard_form_live_totals_save_and_lists_follow(qtbot, make_shell, ctx, admitted):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    # never assessed: overdue since admission, in red
    assert column(page.due_model, 0) == ["张三"]
    assert column(page.due_model, 6) == ["逾期319天"] and column(page.due_model, 7) == ["从未评估"]
    assert page.tabs.tabText(page.DUE) == "待评估（1）"
    assert not page.new_button.isEnabled()  # nothing selected yet
    page.select_due(admitted)
    assert page.new_button.isEnabled()
    dlg = open_form(qtbot, page, page.new_button.click)
    assert dlg.windowTitle() == "新建评估 — 张三"
    assert dlg.reason.currentText() == "首次评估"
    assert (dlg.informant.text(), dlg.informant_relation.currentText()) == ("张小三", "儿子")  # the agent
    assert dlg.base_date.date().toString("yyyy-MM-dd") == "2026-11-25"
    assert dlg.summary_panel.unanswered.text() == "尚有 26 项未评分"

    dlg.assessor1.setText("李评估")  # QTest types ASCII only
    dlg.assessor2.setText("王评估")
    dlg.focus_row(dlg.rows[0])
    type_digits(qtbot, dlg, "".join(map(str, FULL[:8])))
    # section 1 complete, section 2 now shown, focus on its first item
    assert dlg.current_row.item.code == "B.2.1" and dlg.stack.currentIndex() == 1
    sp = dlg.summary_panel
    assert sp.section_values["B.1"].text() == "32/32"
    assert sp.section_values["B.2"].text() == "—/15，4项未评"
    assert sp.total.text() == "32/90（尚有18项未评）"
    assert sp.final.text() == vm.NOT_YET
    type_digits(qtbot, dlg, "44")
    assert sp.section_values["B.2"].text() == "8/15，尚有2项未评"
    type_digits(qtbot, dlg, "".join(map(str, FULL[10:])))
    assert sp.total.text() == "90/90"
    assert sp.preliminary.text() == "0级 能力完好"
    assert sp.final.text() == "0级 能力完好"
    assert sp.care_level.text() == "自理"
    assert sp.unanswered.text() == "全部 26 项已评分"
    assert sp.adjustment_lines() == []
    assert dlg.stack.currentIndex() == len(GB.sections)  # after the last item: the health page

    qtbot.keyClick(dlg, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.last_box is not None and page.last_box.isVisible(), timeout=10000)
    assert "PG2026-0001" in page.last_box.text() and "自理" in page.last_box.text()
    wait_idle(qtbot, shell, page)
    # the resident's history shows it, the due list no longer lists them
    assert [a.number for a in page.hist_vm.visible] == ["PG2026-0001"]
    assert page.history_resident == admitted
    assert page.due_model.rowCount() == 0 and page.tabs.tabText(page.DUE) == "待评估（0）"
    assert column(page.list_model, 0) == ["PG2026-0001"]
    assert column(page.hist_changes_model, 1) == ["（无） → 自理"]
    assert len(page.chart.point_positions()) == 1
    assert svc.current_care_level(ctx, admitted) == "自理"
    page.last_box.close()


def test_arrows_pages_and_backspace(qtbot, make_shell, ctx, admitted):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    dlg = open_form(qtbot, page, lambda: page.open_new_for(admitted))
    dlg.focus_row(dlg.rows[0])
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_Down)
    assert dlg.current_row.item.code == "B.1.3"
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_Up)
    assert dlg.current_row.item.code == "B.1.2"
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_PageDown)
    assert dlg.current_row.item.code == "B.2.1" and dlg.section_list.currentRow() == 1
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_PageUp)
    assert dlg.current_row.item.code == "B.1.1"
    qtbot.keyClick(dlg.current_row, "3")
    assert dlg.row_by_code["B.1.1"].value() == 3 and dlg.current_row.item.code == "B.1.2"
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_Up)
    qtbot.keyClick(dlg.current_row, Qt.Key.Key_Backspace)
    assert dlg.row_by_code["B.1.1"].value() is None
    # a score the item does not have: a hint, nothing chosen, the focus stays
    row = dlg.row_by_code["B.2.4"]  # 0-3
    dlg.focus_row(row)
    qtbot.keyClick(row, "4")
    assert row.value() is None and dlg.current_row is row and "没有4分" in row.hint_label.text()
    # keys reaching the dialog act on the current item
    qtbot.keyClick(dlg, "2")
    assert row.value() == 2
    # clicking an option's wording chooses it
    row = dlg.row_by_code["B.1.1"]
    dlg.focus_row(row)
    row.option_labels[1].clicked.emit()
    assert row.value() == 1


def test_dementia_diagnosis_shows_the_adjustment(qtbot, make_shell, ctx, admitted):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    dlg = open_form(qtbot, page, lambda: page.open_new_for(admitted))
    sp = dlg.summary_panel
    dlg.dx_boxes["痴呆"].setChecked(True)
    # known before every item is scored
    lines = sp.adjustment_lines()
    assert len(lines) == 1 and "痴呆" in lines[0] and "F00" in lines[0]
    for code, s in zip(CODES, FULL):
        dlg.set_score(code, s)
    assert sp.preliminary.text() == "0级 能力完好"
    assert sp.final.text() == "1级 能力轻度受损（轻度失能）"
    assert sp.care_level.text() == "介护一级"
    assert "提高一级" in sp.adjustment_lines()[0]
    # a bad ICD code typed by hand is pointed out and kept out of the grade
    dlg.dx_other.setText("I63.9、老年痴呆")
    assert "老年痴呆" in dlg.dx_hint.text() and "无法识别" in dlg.dx_hint.text()
    assert dlg.summary.complete
    dlg.dx_other.setText("")
    dlg.dx_boxes["痴呆"].setChecked(False)
    assert sp.final.text() == "0级 能力完好" and sp.adjustment_lines() == []
    # BMI from height and weight
    dlg.height_cm.setValue(160)
    dlg.weight_kg.setValue(55)
    assert dlg.bmi_label.text() == "21.5（正常）"
    assert dlg.health()["BMI"] == "21.5"


def test_missing_item_shown_inline_nothing_saved(qtbot, make_shell, ctx, admitted):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    dlg = open_form(qtbot, page, lambda: page.open_new_for(admitted))
    dlg.assessor1.setText("李评估")
    dlg.assessor2.setText("李评估")
    for code, s in zip(CODES, FULL):
        if code != "B.3.4":
            dlg.set_score(code, s)
    dlg.show_section(0)
    dlg.save_button.click()
    qtbot.waitUntil(lambda: not dlg.busy and dlg.general.isVisible(), timeout=10000)
    row = dlg.row_by_code["B.3.4"]
    assert row.error.isVisible() and "“记忆”未评分" in row.error.text()
    assert row.property("invalid") is True
    assert dlg.current_row is row and dlg.stack.currentIndex() == 2  # jumped to it
    assert "不能是同一人" in dlg.header_c.error_for("assessors").text()
    assert "2 处问题" in dlg.general.text()
    assert dlg.isVisible()
    assert svc.list_assessments(ctx, D(2026, 1, 1), D(2026, 12, 31)) == []
    # fix both and save
    dlg.assessor2.setText("王评估")
    dlg.focus_row(row)
    qtbot.keyClick(row, "4")
    assert not row.error.isVisible()
    dlg.save()
    qtbot.waitUntil(lambda: page.form_dialog is None, timeout=10000)  # closed (and deleted)
    wait_idle(qtbot, shell, page)
    assert [a.total for a in svc.history(ctx, admitted)] == [90]


def test_consent_dialog_makes_the_change_effective(qtbot, make_shell, ctx, admitted):
    svc.save_assessment(ctx, form_input(admitted))
    scores = list(FULL)
    scores[:8] = [2] * 8  # 74 → 能力轻度受损 → 介护一级
    svc.save_assessment(ctx, form_input(admitted, scores, base_date=D(2026, 11, 20), reason="常规评估"))
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    assert page.tabs.tabText(page.PENDING) == "待确认的照护等级变更（1）"
    assert column(page.pending_model, 4) == ["自理 → 介护一级"]
    assert column(page.pending_model, 2) == ["2026-11-20"]
    change = page.pending_model.rows[0].change
    page.tabs.setCurrentIndex(page.PENDING)
    page.select_pending(change.id)
    page.agree_button.click()
    qtbot.waitUntil(lambda: isinstance(page.current_dialog, ConsentDialog), timeout=10000)
    dlg = page.current_dialog
    assert dlg.consent_by.text() == "张小三" and dlg.relation.currentText() == "代理人（儿子）"
    dlg.relation.setCurrentText("本人")
    assert dlg.consent_by.text() == "张三"
    dlg.relation.setCurrentText("代理人（儿子）")
    assert dlg.consent_by.text() == "张小三"
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=10000)
    wait_idle(qtbot, shell, page)
    assert svc.current_care_level(ctx, admitted) == "介护一级"
    assert page.pending_model.rowCount() == 0
    assert page.tabs.tabText(page.PENDING) == "待确认的照护等级变更（0）"
    info = svc.care_level_changes(ctx, admitted)[-1]
    assert (info.status, info.consent_by, info.consent_relation, info.effective_date) == (
        "已生效", "张小三", "代理人（儿子）", D(2026, 11, 25))


def test_declined_change_keeps_the_level(qtbot, make_shell, ctx, admitted):
    svc.save_assessment(ctx, form_input(admitted))
    svc.save_assessment(ctx, form_input(admitted, [0] * 26, base_date=D(2026, 11, 20), reason="即时评估"))
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    page.select_pending(page.pending_model.rows[0].change.id)
    page.record_consent(False)
    qtbot.waitUntil(lambda: isinstance(page.current_dialog, ConsentDialog), timeout=10000)
    dlg = page.current_dialog
    assert dlg.windowTitle() == "记录不同意"
    dlg.note.setText("家属申请复评")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=10000)
    wait_idle(qtbot, shell, page)
    assert svc.current_care_level(ctx, admitted) == "自理"
    assert svc.care_level_changes(ctx, admitted)[-1].status == "未同意"


def test_view_and_correct(qtbot, make_shell, ctx, admitted):
    first = svc.save_assessment(ctx, form_input(admitted, diagnoses=("I10", "I63.9"), medications="氨氯地平",
                                                risk_events={"fall": 1},
                                                health={"压力性损伤": "2期", "身高（cm）": "160"})).ids[0]
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    page.tabs.setCurrentIndex(page.RECORDS)
    assert page.select_assessment(page.list_table, first)
    dlg = open_form(qtbot, page, page.view_button.click)
    assert dlg.read_only and not dlg.save_button.isVisible() and dlg.print_button.isVisible()
    assert dlg.row_by_code["B.2.4"].value() == 3
    assert dlg.dx_boxes["高血压"].isChecked() and dlg.dx_other.text() == "I63.9"
    assert dlg.risk_spins["fall"].value() == 1 and dlg.pressure.currentText() == "2期"
    assert dlg.height_cm.value() == 160
    assert dlg.summary_panel.final.text() == "0级 能力完好"
    qtbot.keyClick(dlg.current_row, "1")  # read-only: digits do nothing
    assert dlg.row_by_code["B.1.1"].value() == 4
    # 更正 from the viewer: a new form prefilled, reason 其他, notes required
    with qtbot.waitSignal(page.form_opened, timeout=10000) as sig:
        dlg.correct_button.click()
    fix = sig.args[0]
    fix.confirm_discard = False
    assert fix.mode == "correct" and fix.reason.currentText() == "其他"
    assert fix.row_by_code["B.2.4"].value() == 3 and fix.base_date.date().toString("yyyy-MM-dd") == "2026-01-12"
    fix.set_score("B.1.6", 2)
    assert fix.summary_panel.total.text() == "88/90"
    fix.save()
    assert "更正说明" in fix.header_a.error_for("notes").text() and fix.header_a.error_for("notes").isVisible()
    assert svc.history(ctx, admitted)[-1].id == first
    fix.notes.setPlainText("更正小便控制得分")
    fix.save()
    qtbot.waitUntil(lambda: page.form_dialog is None, timeout=10000)
    wait_idle(qtbot, shell, page)
    hist = svc.history(ctx, admitted)
    assert [(h.total, h.superseded_by_id is not None) for h in hist] == [(90, True), (88, False)]
    assert column(page.list_model, 10) == ["已被更正（PG2026-0002）", "更正PG2026-0001"]
    # the corrected one cannot be corrected again
    page.select_assessment(page.list_table, first)
    assert not page.correct_button.isEnabled() and "已被更正" in page.correct_button.toolTip()
    # the chart: the corrected one hollow, off the line
    assert [p.superseded for _, p in page.chart.point_positions()] == [True, False]
    page.last_box.close()


def test_request_immediate_makes_the_resident_due(qtbot, make_shell, ctx, admitted):
    svc.save_assessment(ctx, form_input(admitted, base_date=D(2026, 10, 1)))
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    assert page.due_model.rowCount() == 0
    page.show_all.setChecked(True)
    wait_idle(qtbot, shell, page)
    assert column(page.due_model, 6) == ["剩余127天"]
    page.select_due(admitted)
    page.request_button.click()
    dlg = page.current_dialog
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not dlg.busy, timeout=10000)
    assert dlg.form.error_for("reason").isVisible()
    dlg.reason.setText("跌倒后行走需搀扶")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=10000)
    wait_idle(qtbot, shell, page)
    assert column(page.due_model, 7) == ["需即时评估"]
    assert column(page.due_model, 6) == ["今天到期"]
    # a new form from that row starts as 即时评估
    page.select_due(admitted)
    form = open_form(qtbot, page, page.new_assessment)
    assert form.reason.currentText() == "即时评估"


def test_auditor_views_but_cannot_assess(qtbot, make_shell, ctx, actors, admitted):
    aid = svc.save_assessment(ctx, form_input(admitted)).ids[0]
    shell = make_shell(actors[Role.AUDITOR])
    page = open_page(qtbot, shell)
    page.show_all.setChecked(True)
    wait_idle(qtbot, shell, page)
    page.select_due(admitted)
    for b in (page.new_button, page.request_button, page.agree_button, page.decline_button, page.correct_button):
        assert not b.isEnabled()
        assert "审计" in b.toolTip() and "没有" in b.toolTip()
    page.new_button.click()
    page.open_new_for(admitted)
    assert page.form_dialog is None
    assert isinstance(shell.errors[-1], PermissionDenied)
    # viewing is allowed, read-only, and printing too
    dlg = open_form(qtbot, page, lambda: page.view_assessment(aid))
    assert dlg.read_only and not dlg.save_button.isVisible()
    assert not dlg.correct_button.isEnabled()
    assert dlg.print_button.isEnabled()


def test_print_report_and_export(qtbot, make_shell, ctx, admitted, tmp_path):
    aid = svc.save_assessment(ctx, form_input(admitted)).ids[0]
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    out = tmp_path / "PG2026-0001_张三.pdf"
    with qtbot.waitSignal(page.report_written, timeout=20000):
        page.print_report(aid, str(out), offer_open=False)
    assert out.read_bytes()[:5] == b"%PDF-"
    xlsx = tmp_path / "评估.xlsx"
    with qtbot.waitSignal(page.report_written, timeout=20000):
        page.export_excel(str(xlsx), offer_open=False)
    assert xlsx.exists() and xlsx.read_bytes()[:2] == b"PK"
    assert not shell.errors


def test_history_picker_and_chart(qtbot, make_shell, ctx, centre_ready, admitted):
    other = residents.register_resident(ctx, person("李四", seq=25), D(2026, 3, 1), centre_ready["A102-1"]).ids[0]
    residents.discharge(ctx, other, D(2026, 6, 30), "回家")
    svc.save_assessment(ctx, form_input(admitted))
    scores = list(FULL)
    scores[:8] = [2] * 8
    svc.save_assessment(ctx, form_input(admitted, scores, base_date=D(2026, 7, 12), reason="常规评估"))
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    page.tabs.setCurrentIndex(page.HISTORY)
    assert page.picker.count() == 2
    # the completer matches pinyin initials and bed codes
    page.picker.completer_.setCompletionPrefix("ls")
    assert page.picker.completer_.completionCount() == 1
    page.picker.completer_.setCompletionPrefix("a101")
    assert page.picker.completer_.completionCount() == 1
    with qtbot.waitSignal(page.history_loaded, timeout=10000):
        assert page.picker.select(admitted)
    assert [a.number for a in page.hist_vm.visible] == ["PG2026-0001", "PG2026-0002"]
    pts = page.chart.point_positions()
    assert [p.grade for _, p in pts] == [0, 1]
    assert pts[0][0].y() < pts[1][0].y()  # grade 0 at the top
    assert pts[0][0].x() < pts[1][0].x()
    assert page.level_label.text() == "当前照护等级：自理"
    assert column(page.hist_changes_model, 2) == ["已生效", "待确认"]
    with qtbot.waitSignal(page.history_loaded, timeout=10000):
        page.picker.select(other)
    assert page.hist_vm.visible == [] and page.chart.point_positions() == []
    assert not page.h_new_button.isEnabled() and "退住" in page.h_new_button.toolTip()
    page.chart.grab()  # paints with no points


def test_older_instrument_two_digit_scores(qtbot, make_shell, ctx, admitted):
    svc.save_settings(ctx, "MZ/T 039-2013", 6, {0: "自理", 1: "半护理", 2: "全护理", 3: "特护"})
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    dlg = open_form(qtbot, page, lambda: page.open_new_for(admitted))
    assert dlg.ins.code == "MZ/T 039-2013" and len(dlg.rows) == 22
    row = dlg.row_by_code["B.1.8"]  # 15 / 10 / 5 / 0
    dlg.focus_row(row)
    qtbot.keyClick(row, "1")
    assert row.value() is None and dlg.current_row is row and "再按" in row.hint_label.text()
    qtbot.keyClick(row, "5")
    assert row.value() == 15 and dlg.current_row.item.code == "B.1.9"
    qtbot.keyClick(dlg.current_row, "1")
    qtbot.keyClick(dlg.current_row, "0")
    assert dlg.row_by_code["B.1.9"].value() == 10
    qtbot.keyClick(dlg.current_row, "1")  # 上下楼梯: 10 / 5 / 0 → 10 at once
    assert dlg.row_by_code["B.1.10"].value() == 10
    for it in dlg.ins.items:
        dlg.set_score(it.code, it.max if it.higher_is_better else 0)
    assert dlg.summary_panel.final.text() == "0级 能力完好"
    assert dlg.summary_panel.section_values["adl"].text() == "100/100（能力完好）"


@pytest.mark.parametrize("role", [Role.FRONT_DESK])
def test_front_desk_can_assess(qtbot, make_shell, actors, admitted, role):
    shell = make_shell(actors[role])
    page = open_page(qtbot, shell)
    page.select_due(admitted)
    assert page.new_button.isEnabled() and page.request_button.isEnabled()
    dlg = open_form(qtbot, page, page.new_assessment)
    assert not dlg.read_only


def test_discard_asks_when_something_was_entered(qtbot, make_shell, ctx, admitted, monkeypatch):
    shell = make_shell(ctx.actor)
    page = open_page(qtbot, shell)
    dlg = open_form(qtbot, page, lambda: page.open_new_for(admitted))
    dlg.confirm_discard = True
    dlg.set_score("B.1.1", 4)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    dlg.reject()
    assert asked and dlg.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg.reject()
    assert not dlg.isVisible()
