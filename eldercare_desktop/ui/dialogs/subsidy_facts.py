"""The 机构信息 tab's dialogs: a dated centre fact (its input follows the
fact's type: a choice, a date, a number, an amount or text), a
construction project, a half-year's inspection grade, a scheme parameter."""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from ...domain.subsidy_records import FACILITIES, GRADES, PROJECT_KINDS, TENURES
from ...viewmodels import subsidies as vm
from ..base import LazyService, Shell
from ..widgets import ServiceDialog, date_edit, from_qdate, to_qdate

subsidy_facts = LazyService("subsidy_facts")
NOTE_STYLE = "color: #555;"


# --- work on the database thread ---------------------------------------------------------

def load_facts(ctx) -> dict[str, Any]:
    """Everything the 机构信息 tab shows, in one job."""
    from ...services import subsidies as claims
    from ...services import subsidy_facts as svc

    return {"facts": svc.fact_history(ctx), "projects": svc.projects(ctx), "grades": svc.grades(ctx),
            "schemes": claims.schemes(ctx), "values": svc.param_values(ctx),
            "keys": {k: (label, kind if isinstance(kind, str) else tuple(kind))
                     for k, (label, kind) in svc.FACTS.items()}}


def add_project(ctx, fields: dict):
    from ...services import subsidy_facts as svc

    return svc.add_project(ctx, svc.ProjectInput(**fields))


def update_project(ctx, project_id: int, fields: dict):
    from ...services import subsidy_facts as svc

    return svc.update_project(ctx, project_id, svc.ProjectInput(**fields))


# --- dialogs -------------------------------------------------------------------------------

class FactDialog(ServiceDialog):
    """登记机构事实: which fact, its value from a day on, a note. ``keys``:
    key → (label, kind) where kind is text | date | int | decimal | fen or
    the tuple of allowed choices."""

    def __init__(self, shell: Shell, keys: dict[str, tuple[str, Any]], key: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记机构信息"), parent)
        self.keys = dict(keys)
        today = shell.ctx.today()
        self.key = QComboBox(self)
        for k, (label, _kind) in self.keys.items():
            self.key.addItem(label, k)
        self.choice = QComboBox(self)
        self.day = date_edit(today, self)
        self.text = QLineEdit(self)
        self.value = QStackedWidget(self)
        for w in (self.text, self.choice, self.day):
            self.value.addWidget(w)
        self.value.setFixedHeight(self.text.sizeHint().height() + 4)
        self.hint = QLabel(self)
        self.hint.setStyleSheet(NOTE_STYLE)
        self.valid_from = date_edit(today, self, maximum=today)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("如：批准文号、证书编号"))
        self.form.add_row("key", self.tr("事项"), self.key)
        self.form.add_row("value", self.tr("值"), self.value, aliases=tuple(self.keys), hint=self.hint)
        self.form.add_row("valid_from", self.tr("生效日期"), self.valid_from)
        self.form.add_row("note", self.tr("备注"), self.note)
        note = QLabel(self.tr("补贴按申报期间最后一天有效的值计算；更正某日的值时，按同一生效日期重新登记即可替换。"), self)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.form.add_widget(note)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(520)
        self.key.currentIndexChanged.connect(lambda _i: self._kind_changed())
        if key and self.key.findData(key) >= 0:
            self.key.setCurrentIndex(self.key.findData(key))
        self._kind_changed()

    def kind(self) -> Any:
        return self.keys.get(self.key.currentData(), ("", "text"))[1]

    def _kind_changed(self) -> None:
        kind = self.kind()
        hints = {"text": self.tr("文字"), "date": self.tr("日期"), "int": self.tr("不小于0的整数"),
                 "decimal": self.tr("数字"), "fen": self.tr("金额（元）")}
        if isinstance(kind, tuple):
            self.choice.clear()
            self.choice.addItems(list(kind))
            self.value.setCurrentWidget(self.choice)
            self.hint.setText(self.tr("从列表中选择"))
        elif kind == "date":
            self.value.setCurrentWidget(self.day)
            self.hint.setText(hints["date"])
        else:
            self.value.setCurrentWidget(self.text)
            self.hint.setText(hints.get(kind, ""))

    def value_text(self) -> str:
        w = self.value.currentWidget()
        if w is self.choice:
            return self.choice.currentText()
        if w is self.day:
            return from_qdate(self.day.date()).isoformat()
        return self.text.text()

    def save(self) -> None:
        self.submit(subsidy_facts.record_fact, self.key.currentData(), self.value_text(),
                    from_qdate(self.valid_from.date()), self.note.text())


class ProjectDialog(ServiceDialog):
    """新增 / 修改建设项目: what was built (new beds or a community centre's
    area), when it was completed, own or leased property and the lease."""

    def __init__(self, shell: Shell, project: Any | None = None, parent: QWidget | None = None):
        super().__init__(shell, self.tr("修改建设项目") if project else self.tr("登记建设项目"), parent)
        self.project = project
        today = shell.ctx.today()
        self.name = QLineEdit(self)
        self.facility = QComboBox(self)
        self.facility.addItems(list(FACILITIES))
        self.kind = QComboBox(self)
        self.kind.addItems(list(PROJECT_KINDS))
        self.beds = QSpinBox(self)
        self.beds.setRange(0, 100000)
        self.beds.setSuffix(self.tr(" 张"))
        self.area = QLineEdit("0", self)
        self.completed = date_edit(today, self, maximum=today)
        self.tenure = QComboBox(self)
        self.tenure.addItems(list(TENURES))
        self.lease_start = date_edit(today, self)
        self.lease_end = date_edit(dt.date(today.year + 5, today.month, min(today.day, 28)), self)
        self.note = QLineEdit(self)
        self.form.add_row("name", self.tr("建设项目名称"), self.name)
        self.form.add_row("facility", self.tr("设施类型"), self.facility)
        self.form.add_row("kind", self.tr("项目类型"), self.kind)
        self.form.add_row("beds", self.tr("新增床位数"), self.beds)
        self.form.add_row("area_m2", self.tr("建筑面积（m²）"), self.area)
        self.form.add_row("completed", self.tr("竣工日期"), self.completed)
        self.form.add_row("tenure", self.tr("房屋产权"), self.tenure)
        self.form.add_row("lease_start", self.tr("租期起始日"), self.lease_start)
        self.form.add_row("lease_end", self.tr("租期截止日"), self.lease_end)
        self.form.add_row("note", self.tr("备注"), self.note)
        if project is not None:
            self.name.setText(project.name)
            self.facility.setCurrentText(project.facility)
            self.kind.setCurrentText(project.kind)
            self.beds.setValue(project.beds)
            self.area.setText(vm.area_text(project.area_m2))
            self.completed.setDate(to_qdate(project.completed))
            self.tenure.setCurrentText(project.tenure)
            if project.lease_start:
                self.lease_start.setDate(to_qdate(project.lease_start))
            if project.lease_end:
                self.lease_end.setDate(to_qdate(project.lease_end))
            self.note.setText(getattr(project, "note", ""))
        self.tenure.currentIndexChanged.connect(lambda _i: self._sync())
        self._sync()
        self.ok_button.setText(self.tr("保存"))
        self.finish_layout()
        self.setMinimumWidth(520)
        self.name.setFocus()

    def _sync(self) -> None:
        leased = self.tenure.currentText() == "租赁"
        self.lease_start.setEnabled(leased)
        self.lease_end.setEnabled(leased)

    def fields(self) -> dict:
        leased = self.tenure.currentText() == "租赁"
        return {"name": self.name.text(), "facility": self.facility.currentText(), "kind": self.kind.currentText(),
                "beds": self.beds.value(), "completed": from_qdate(self.completed.date()),
                "tenure": self.tenure.currentText(), "area_m2": self.area.text().strip() or "0",
                "lease_start": from_qdate(self.lease_start.date()) if leased else None,
                "lease_end": from_qdate(self.lease_end.date()) if leased else None, "note": self.note.text()}

    def save(self) -> None:
        if self.project is None:
            self.submit(add_project, self.fields())
        else:
            self.submit(update_project, self.project.id, self.fields())


class GradeDialog(ServiceDialog):
    """登记检查评级: a half-year's 优/良/中/差."""

    def __init__(self, shell: Shell, half: str | None = None, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记检查评级"), parent)
        self.half = QComboBox(self)
        self.half.addItems(vm.half_choices(shell.ctx.today()))
        if half and self.half.findText(half) >= 0:
            self.half.setCurrentText(half)
        self.grade = QComboBox(self)
        self.grade.addItems(list(GRADES))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("如：检查单位、通报文号"))
        self.form.add_row("half", self.tr("检查期间"), self.half)
        self.form.add_row("grade", self.tr("评级"), self.grade)
        self.form.add_row("note", self.tr("备注"), self.note)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(420)

    def save(self) -> None:
        self.submit(subsidy_facts.record_grade, self.half.currentText(), self.grade.currentText(), self.note.text())


class ParamDialog(ServiceDialog):
    """设置补贴参数: a figure the profile leaves to the centre (the year's notice)."""

    def __init__(self, shell: Shell, param: vm.ParamRow, parent: QWidget | None = None):
        super().__init__(shell, self.tr("设置补贴参数"), parent)
        self.param = param
        self.value = QLineEdit(param.value if param.state == "set" else "", self)
        self.value.setPlaceholderText(param.value if param.state == "default" else "")
        label = QLabel(param.label, self)
        label.setWordWrap(True)
        used = QLabel("、".join(param.schemes), self)
        used.setWordWrap(True)
        used.setStyleSheet(NOTE_STYLE)
        self.form.add_row("", self.tr("参数"), label)
        self.form.add_row("", self.tr("用于"), used)
        self.form.add_row("value", self.tr("值（%1）").replace("%1", param.unit), self.value, aliases=("key",))
        hint = QLabel(self.tr("按当年的补贴通知填写；留空则使用政策配置的默认值（没有默认值的方案不能申报）。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)
        self.form.add_widget(hint)
        self.ok_button.setText(self.tr("保存"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.value.setFocus()

    def save(self) -> None:
        self.submit(subsidy_facts.set_param, self.param.key, self.value.text())


__all__ = ["FactDialog", "ProjectDialog", "GradeDialog", "ParamDialog", "load_facts"]
