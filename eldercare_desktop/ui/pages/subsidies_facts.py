"""The 机构信息 tab: what the subsidy rules test about the centre, kept by
the administrator. The dated facts (a value in force from a day; the one in
force today shown in black, earlier ones grey), construction projects,
half-yearly inspection grades, and each scheme's parameters (a figure the
policy text leaves to the year's notice: set, default or missing)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout

from ...domain.roles import Perm
from ...viewmodels import subsidies as vm
from ..dialogs.subsidy_facts import FactDialog, GradeDialog, ParamDialog, ProjectDialog, load_facts
from ..base import LazyService
from .subsidies import SortedModel, SubTab, alive, button, select_where, selected_row, table

subsidy_facts = LazyService("subsidy_facts")


class FactsTab(SubTab):
    def __init__(self, page):
        super().__init__(page)
        self.today = self.shell.ctx.today()
        self.data: dict[str, Any] | None = None
        self.current: set[int] = set()
        # dated facts
        self.fact_button = button(self.tr("登记…"), self)
        self.facts = SortedModel(vm.FACT_COLUMNS, [self.tr("事项"), self.tr("生效日期"), self.tr("值"), self.tr("备注"),
                                                   self.tr("登记人")], self,
                                 colour=lambda f, _k: None if f.id in self.current else vm.GREY)
        self.facts_view = table(self.facts, self, stretch=3)
        self.facts_view.setToolTip(self.tr("黑色为今天有效的值，灰色为此前的值；补贴按申报期间最后一天有效的值计算"))
        facts_box = self._box(self.tr("机构事实（按生效日期）"), self.facts_view, [self.fact_button])
        # projects
        self.add_project_button = button(self.tr("新增…"), self)
        self.edit_project_button = button(self.tr("修改…"), self)
        self.projects = SortedModel(vm.project_columns(), [self.tr("名称"), self.tr("设施"), self.tr("类型"),
                                                           self.tr("新增床位数"), self.tr("面积（m²）"), self.tr("竣工"),
                                                           self.tr("产权"), self.tr("租期")], self)
        self.projects_view = table(self.projects, self, stretch=7)
        projects_box = self._box(self.tr("建设项目"), self.projects_view,
                                 [self.add_project_button, self.edit_project_button])
        # grades
        self.grade_button = button(self.tr("登记…"), self)
        self.grades = SortedModel(vm.GRADE_COLUMNS, [self.tr("检查期间"), self.tr("评级")], self)
        self.grades_view = table(self.grades, self, stretch=1)
        grades_box = self._box(self.tr("半年检查评级"), self.grades_view, [self.grade_button])
        # parameters
        self.set_param_button = button(self.tr("设置…"), self)
        self.clear_param_button = button(self.tr("清除"), self)
        states = {"set": self.tr("已设置"), "default": self.tr("默认值"), "missing": self.tr("未填写")}
        self.params = SortedModel(vm.param_columns(states), [self.tr("参数"), self.tr("值"), self.tr("来源"),
                                                             self.tr("用于补贴方案")], self,
                                  colour=vm.param_colour, tooltip=lambda p, _c: "、".join(p.schemes))
        self.params_view = table(self.params, self, stretch=3)
        params_box = self._box(self.tr("补贴参数"), self.params_view, [self.set_param_button, self.clear_param_button])
        # facts | parameters above, projects | grades below
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(facts_box)
        top.addWidget(params_box)
        top.setSizes([700, 460])  # the facts carry their notes and who recorded them
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(projects_box)
        bottom.addWidget(grades_box)
        bottom.setSizes([860, 300])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 220])
        for x in (top, bottom, split):
            x.setChildrenCollapsible(False)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(self.result)
        writes = [self.fact_button, self.add_project_button, self.edit_project_button, self.grade_button]
        self.allowed = self.gate(writes, Perm.CENTRE_WRITE)
        # the year's figures come with the subsidy notice: the accountant fills them in
        self.allowed.update(self.gate([self.set_param_button, self.clear_param_button], Perm.FINANCE_WRITE))
        self.select_after: dict[str, Any] = {}
        self.fact_button.clicked.connect(lambda: self.record_fact())
        self.add_project_button.clicked.connect(lambda: self.project_dialog(False))
        self.edit_project_button.clicked.connect(lambda: self.project_dialog(True))
        self.grade_button.clicked.connect(lambda: self.record_grade())
        self.set_param_button.clicked.connect(lambda: self.set_param())
        self.clear_param_button.clicked.connect(self.clear_param)
        self.params_view.doubleClicked.connect(lambda _i: self.set_param() if self.allowed[self.set_param_button]
                                               else None)
        for view in (self.projects_view, self.params_view):
            view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        for model in (self.projects, self.params):
            model.modelReset.connect(self.update_buttons)
        self.update_buttons()

    def _box(self, title: str, view, buttons) -> QGroupBox:
        box = QGroupBox(title, self)
        bar = QHBoxLayout()
        for b in buttons:
            bar.addWidget(b)
        bar.addStretch(1)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.addLayout(bar)
        lay.addWidget(view, 1)
        return box

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        seq = self.next_seq()
        self.shell.call(load_facts, on_done=lambda d: self._loaded(seq, d))

    def _loaded(self, seq: int, data: dict[str, Any]) -> None:
        if seq != self._seq or not alive(self):
            return
        keep_project = self.select_after.get("project") or getattr(selected_row(self.projects_view), "id", None)
        keep_param = self.select_after.get("param") or getattr(selected_row(self.params_view), "key", None)
        self.select_after = {}
        self.data = data
        self.current = vm.current_facts(data["facts"], self.today)
        self.facts.set_rows(data["facts"])
        self.projects.set_rows(data["projects"])
        self.grades.set_rows(vm.grade_rows(data["grades"]))
        self.params.set_rows(vm.param_rows(data["schemes"], data["values"]))
        if keep_project is not None:
            select_where(self.projects_view, lambda p: p.id == keep_project)
        if keep_param is not None:
            select_where(self.params_view, lambda p: p.key == keep_param)
        self.update_buttons()
        self.page.tab_loaded()

    def update_buttons(self) -> None:
        project = selected_row(self.projects_view)
        param = selected_row(self.params_view)
        state = {self.edit_project_button: project is not None, self.set_param_button: param is not None,
                 self.clear_param_button: param is not None and param.state == "set",
                 self.fact_button: self.data is not None}
        for b, ok in state.items():
            if self.allowed[b]:
                b.setEnabled(ok)

    # -- actions ------------------------------------------------------------------------
    def _done(self, changes) -> None:
        if changes is not None and getattr(changes, "message", ""):
            self.result.setText(changes.message)
        self.reload()

    def record_fact(self, key: str | None = None) -> FactDialog | None:
        if self.data is None:
            return None
        dlg = FactDialog(self.shell, self.data["keys"], key, self)
        self.after(dlg, self._done)
        return dlg

    def project_dialog(self, edit: bool) -> ProjectDialog | None:
        project = selected_row(self.projects_view) if edit else None
        if edit and project is None:
            return None
        dlg = ProjectDialog(self.shell, project, self)

        def then(changes) -> None:
            ids = getattr(changes, "ids", ()) or ()
            if ids:
                self.select_after["project"] = ids[0]
            self._done(changes)

        self.after(dlg, then)
        return dlg

    def record_grade(self) -> GradeDialog:
        dlg = GradeDialog(self.shell, None, self)
        self.after(dlg, self._done)
        return dlg

    def set_param(self) -> ParamDialog | None:
        param = selected_row(self.params_view)
        if param is None:
            return None
        dlg = ParamDialog(self.shell, param, self)
        self.select_after["param"] = param.key
        self.after(dlg, self._done)
        return dlg

    def clear_param(self) -> None:
        param = selected_row(self.params_view)
        if param is None or param.state != "set":
            return
        text = self.tr("清除“%1”？清除后使用政策配置的默认值；没有默认值的补贴方案将不能申报。").replace("%1", param.label)
        if self.page.confirm(self.tr("清除补贴参数"), text):
            self.select_after["param"] = param.key
            self.shell.call(subsidy_facts.set_param, param.key, "", on_done=self._done)


__all__ = ["FactsTab"]
