"""Fixes from the new-user review (/tmp/review.md): residents list selection
across filters, the 设置 → 评估 tab, audit labels, roster export, left residents'
dates, stay dialog widths, the room dialog's quick row and the navigation."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from eldercare_desktop.domain.records import AuditEntry
from eldercare_desktop.domain.roles import Role
from eldercare_desktop.services import assessments, centre, residents
from eldercare_desktop.ui.pages.assessment_settings import AssessmentSettingsTab, CareLevelModel
from eldercare_desktop.ui.pages.audit import AuditModel, entity_labels, field_labels
from eldercare_desktop.viewmodels import assessments as avm
from eldercare_desktop.viewmodels import audit as auvm
from eldercare_desktop.viewmodels import residents as vm
from tests.conftest import TODAY, agent, person
from tests.ui.conftest import idle

SURNAMES = "陈李刘王杨张"  # chen li liu wang yang zhang: 10 residents each
GIVEN = "一二三四五六七八九十"


@pytest.fixture
def sixty(ctx, centre_ready):
    """60 residents in rooms C101…C106 (10 beds each)."""
    for i in range(6):
        centre.add_room(ctx, "C", 1, f"10{i + 1}", "多人间" if "多人间" in centre.ROOM_TYPES else centre.ROOM_TYPES[-1],
                        [(str(n + 1), "普通") for n in range(10)])
    beds = [b for b in centre.free_beds(ctx, TODAY) if b.code.startswith("C")]
    seq = 101
    for s_i, surname in enumerate(SURNAMES):
        for g_i, given in enumerate(GIVEN):
            bed = beds[s_i * 10 + g_i]
            residents.register_resident(ctx, person(surname + given, dt.date(1940, 1, 1), seq, contacts=(agent(),)),
                                        dt.date(2026, 1, 10), bed.bed_id)
            seq += 2
    return beds


def _page(qtbot, make_window, actor, total):
    win = make_window(actor)
    page = win.pages["residents"]
    qtbot.waitUntil(lambda: page.lst.total == total, timeout=15000)
    return win, page


def _select_row(qtbot, page, row):
    page.select_row(row)
    rid = page.model.resident_at(row).id
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == rid, timeout=10000)
    return rid


# -- P1 #1: the selection survives a search or a filter change -------------------------------

def test_search_after_selecting_a_low_row_keeps_the_resident_or_none(qtbot, make_window, admin, sixty):
    win, page = _page(qtbot, make_window, admin, 60)
    assert page.model.rowCount() == 60
    low = next(i for i in range(40, 60) if not page.model.resident_at(i).name.startswith("王"))
    rid = _select_row(qtbot, page, low)
    page.focus_search()
    qtbot.keyClicks(page.search, "wang")  # 10 hits, the selected resident is not among them
    idle(qtbot, win)
    assert len(page.lst.visible) == 10 and all(r.name.startswith("王") for r in page.lst.visible)
    assert page.selected_id() is None and page.detail is None
    for row in range(page.model.rowCount()):  # every cell can be painted
        for col in range(page.model.columnCount()):
            page.model.data(page.model.index(row, col))
    page.search.clear()
    idle(qtbot, win)
    assert page.selected_id() in (None, rid)
    rid = _select_row(qtbot, page, 52)
    name = page.model.resident_at(52).name
    page.search.setText(name[0])  # a search that still lists the resident: the same person stays selected
    idle(qtbot, win)
    assert page.selected_id() == rid and page.detail.id == rid and len(page.lst.visible) < 60


def test_status_filter_after_selecting_a_low_row(qtbot, make_window, admin, sixty, ctx):
    win, page = _page(qtbot, make_window, admin, 60)
    rid = _select_row(qtbot, page, 41)
    page.status_filter.setCurrentIndex(1)  # 在住: the resident is still listed
    idle(qtbot, win)
    assert page.selected_id() == rid and page.detail is not None and page.detail.id == rid
    page.status_filter.setCurrentIndex(2)  # 请假: nobody is on leave
    idle(qtbot, win)
    assert page.model.rowCount() == 0 and page.selected_id() is None and page.detail is None
    page.status_filter.setCurrentIndex(0)
    idle(qtbot, win)
    assert page.selected_id() is None  # not somebody else


def test_sorting_keeps_the_selected_resident(qtbot, make_window, admin, sixty):
    win, page = _page(qtbot, make_window, admin, 60)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == vm.BED and header.isSortIndicatorShown()
    codes = [page.lst.cell(r, vm.BED) for r in page.lst.visible]
    assert codes == sorted(codes, key=vm._natural)
    rid = _select_row(qtbot, page, 44)
    header.setSortIndicator(vm.NAME, Qt.SortOrder.DescendingOrder)
    idle(qtbot, win)
    assert page.selected_id() == rid


def test_tooltips_show_the_full_cell_text(qtbot, make_window, admin, sixty):
    _win, page = _page(qtbot, make_window, admin, 60)
    idx = page.model.index(0, vm.ID_NUMBER)
    assert page.model.data(idx, Qt.ItemDataRole.ToolTipRole) == page.model.data(idx)


# -- P2 #10 / P3 #17: residents who have left keep their dates; age frozen at death -------------

def test_left_residents_show_last_stay_dates_and_frozen_age(qtbot, make_window, admin, ctx, admitted, centre_ready):
    zhang = admitted if isinstance(admitted, int) else residents.list_residents(ctx)[0].id
    residents.discharge(ctx, zhang, dt.date(2026, 3, 5), "病故", deceased=True)
    win, page = _page(qtbot, make_window, admin, 1)
    qtbot.waitUntil(lambda: zhang in page.lst.last_stays, timeout=10000)
    page.status_filter.setCurrentIndex(3)  # 已离院
    idle(qtbot, win)
    m = page.model
    assert m.data(m.index(0, vm.ADMISSION)) == "2026-01-10"
    assert m.data(m.index(0, vm.LEFT_DATE)) == "2026-03-05"
    assert m.headerData(vm.LEFT_DATE, Qt.Orientation.Horizontal) == "离院日期"
    # 张三 was born 1940-03-05: 86 today, 86 on the day he died (birthday), 85 the day before
    r = page.lst.visible[0]
    assert page.lst.age(r) == 86
    page.lst.set_last_stays({r.id: (dt.date(2026, 1, 10), dt.date(2026, 3, 4))})
    assert page.lst.cell(r, vm.AGE) == "85"


# -- P2 #9: roster export -------------------------------------------------------------------

def test_export_roster_for_an_auditor(qtbot, make_window, actors, admitted, tmp_path):
    win, page = _page(qtbot, make_window, actors[Role.AUDITOR], 1)
    assert page.export_button.isEnabled()
    assert not page.buttons["register"].isEnabled()
    page.export_roster()
    dlg = page.current_dialog
    assert dlg.path.text().endswith(f"住户名册_{TODAY:%Y%m%d}.xlsx")
    target = tmp_path / "名册.xlsx"
    dlg.path.setText(str(target))
    dlg.include_left.setChecked(True)
    dlg.accept()
    qtbot.waitUntil(lambda: target.exists(), timeout=15000)
    idle(qtbot, win)


# -- P1 #3: 设置 → 评估 -------------------------------------------------------------------------

def test_care_level_model(qtmodeltester):
    m = CareLevelModel()
    m.set_levels({0: "能力完好", 1: "轻度失能"}, {0: "自理", 1: "介护一级"})
    qtmodeltester.check(m)
    assert m.data(m.index(1, 0)) == "1级" and m.data(m.index(1, 2)) == "介护一级"
    assert m.setData(m.index(1, 2), " 介护二级 ")
    assert m.levels() == {0: "自理", 1: "介护二级"}
    assert not m.flags(m.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def _settings_tab(qtbot, make_window, actor) -> tuple:
    win = make_window(actor)
    settings = win.navigate("settings")
    tab = settings.show_tab("assessment")
    assert isinstance(tab, AssessmentSettingsTab)
    qtbot.waitUntil(lambda: tab.settings is not None and tab.model.rowCount() > 0, timeout=10000)
    return win, tab


def test_assessment_settings_tab_saves(qtbot, make_window, admin, ctx):
    win, tab = _settings_tab(qtbot, make_window, admin)
    current = assessments.get_settings(ctx)
    assert tab.instrument.currentData() == current.instrument_code
    assert tab.interval.value() == current.interval_months
    assert {tab.instrument.itemData(i) for i in range(tab.instrument.count())} == set(assessments.instruments())
    tab.interval.setValue(6)
    tab.due_window.setValue(20)
    tab.model.setData(tab.model.index(1, 2), "介护特级")
    tab.save()
    idle(qtbot, win)
    qtbot.waitUntil(lambda: tab.saved_label.text() != "", timeout=10000)
    st = assessments.get_settings(ctx)
    assert st.interval_months == 6 and st.due_window_days == 20 and st.care_levels[1] == "介护特级"


def test_assessment_settings_inline_errors_and_instrument_switch(qtbot, make_window, admin, ctx):
    win, tab = _settings_tab(qtbot, make_window, admin)
    other = next(i for i in range(tab.instrument.count()) if tab.instrument.itemData(i) != tab.instrument.currentData())
    code = tab.instrument.itemData(other)
    tab.instrument.setCurrentIndex(other)
    idle(qtbot, win)
    assert tab.model.rowCount() == assessments.instrument(code).max_grade + 1
    tab.model.setData(tab.model.index(0, 2), "")
    tab.save()
    idle(qtbot, win)
    err = tab.errors["care_levels"]
    assert not err.isHidden() and "请为等级0" in err.text()
    assert assessments.get_settings(ctx).instrument_code != code  # nothing saved


def test_assessment_settings_read_only_for_auditor(qtbot, make_window, actors):
    _win, tab = _settings_tab(qtbot, make_window, actors[Role.AUDITOR])
    assert not tab.save_button.isEnabled() and "设置" in tab.save_button.toolTip()
    assert not tab.model.flags(tab.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable


# -- P2 #6: audit labels ---------------------------------------------------------------------

def test_audit_labels_cover_every_entity_and_key():
    labels = entity_labels()
    for e in auvm.ENTITIES:
        assert e in labels and labels[e] != e
    assert labels["assessment"] == "能力评估" and labels["care_level_change"] == "照护等级变更"
    fields = field_labels()
    assert fields["number"] == "编号"
    for k, v in {"base_date": "评估基准日期", "care_level": "照护等级", "final_grade": "最终等级",
                 "instrument": "评估工具", "resident_id": "住户", "scores": "各项得分", "total": "总分",
                 "bed_id": "床位"}.items():
        assert fields[k] == v


def test_audit_values_roles_and_ids(qtmodeltester):
    rows = auvm.diff('{"role":"accountant"}', '{"role":"front_desk","resident_id":228}', entity_labels().get)
    by_key = {r.key: r for r in rows}
    assert by_key["role"].before == "会计" and by_key["role"].after == "前台"
    assert by_key["resident_id"].after == "住户 228"
    m = AuditModel()
    m.set_entries([AuditEntry(1, "2026-11-25T09:00:00", "admin", "保存评估", "assessment", "7", "",
                              '{"base_date":"2026-11-25","final_grade":2,"resident_id":228}')])
    qtmodeltester.check(m)
    assert m.data(m.index(0, 4)) == "能力评估"
    assert m.data(m.index(0, 7)) == "评估基准日期=2026-11-25, 最终等级=2, 住户=住户 228"


# -- P2 #8: the mapped care level with the change status ---------------------------------------

def test_assessment_care_level_column_names_the_mapping_and_status():
    from eldercare_desktop.ui.pages.assessments import AssessmentsModel

    lst = avm.AssessmentList()
    model = AssessmentsModel(lst)
    col = avm.LIST_COLUMNS.index("care_level")
    assert model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "评估对应照护等级"
    assert avm.care_level_text("介护三级", "待确认") == "介护三级（待确认）"
    assert avm.care_level_text("介护三级") == "介护三级"


# -- P2 #5, P3 #21, P3 #23: dialogs and navigation ---------------------------------------------

def test_stay_dialogs_are_wide_enough(qtbot, make_window, admin, admitted):
    from eldercare_desktop.ui.dialogs import stay

    win, page = _page(qtbot, make_window, admin, 1)
    r = page.lst.visible[0]
    for dlg in (stay.MoveBedDialog(win, r, r.bed_code), stay.DischargeDialog(win, r), stay.LeaveDialog(win, r),
                stay.ReturnDialog(win, r)):
        qtbot.addWidget(dlg)
        assert dlg.minimumWidth() >= 480
    idle(qtbot, win)


def test_room_dialog_quick_row(qtbot, make_window, admin, centre_ready):
    from eldercare_desktop.ui.dialogs.room import RoomDialog

    win = make_window(admin)
    dlg = RoomDialog(win)
    qtbot.addWidget(dlg)
    assert dlg.beds_view.verticalHeader().isHidden()
    assert dlg.quick_type.itemText(0).endswith("床位") and dlg.quick_type.itemData(0) in ("普通", "护理型")
    dlg.quick_count.setValue(3)
    dlg.generate_beds()
    assert [b[0] for b in dlg.beds_model.beds()] == ["1", "2", "3"]
    assert dlg.beds_model.data(dlg.beds_model.index(0, 1)) is None  # the check box alone, no 普通 under 护理型床位
    idle(qtbot, win)


def test_navigation_marks_placeholders_and_language_combo_is_compact(qtbot, make_window, admin):
    win = make_window(admin)
    texts = {win.nav.item(i).data(Qt.ItemDataRole.UserRole): win.nav.item(i).text() for i in range(win.nav.count())}
    for key in win.PLACEHOLDER_KEYS:
        assert texts[key].endswith("（开发中）")
    assert texts["residents"] == "住户" and texts["assessment"] == "评估"
    general = win.navigate("settings").show_tab("general")
    form = general.language.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    assert form.fieldGrowthPolicy() == QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint
