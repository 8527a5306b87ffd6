"""登记系统外申领: a claim made and paid before the app (on paper), so caps
since establishment and once-only schemes count it. The scheme's layers
each get an amount; once-only schemes name what was paid (a project, the
centre); a capped layer says which cap it counts under (自有 / 租赁). It
posts nothing (services.subsidy_history)."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ...domain.errors import Problem, RuleViolation
from ...domain.money import yuan_to_fen
from ..base import LazyService, Shell
from ..widgets import ServiceDialog, date_edit, from_qdate

subsidies = LazyService("subsidies")
history = LazyService("subsidy_history")
NOTE_STYLE = "color: #555;"


class OutsideClaimDialog(ServiceDialog):
    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记系统外申领"), parent)
        today = shell.ctx.today()
        self.schemes: list = []
        self.scheme = QComboBox(self)
        self.scheme.setMinimumWidth(420)
        self.first = QLineEdit(self)
        self.last = QLineEdit(self)
        for w in (self.first, self.last):
            w.setPlaceholderText("YYYY-MM")
            w.setMaximumWidth(110)
        period = QWidget(self)
        pl = QFormLayout(period)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addRow(self.tr("自"), self.first)
        pl.addRow(self.tr("至"), self.last)
        self.amounts_box = QWidget(self)
        self.amounts_form = QFormLayout(self.amounts_box)
        self.amounts_form.setContentsMargins(0, 0, 0, 0)
        self.amount_edits: dict[str, QLineEdit] = {}
        self.subjects = QListWidget(self)
        self.subjects.setMaximumHeight(110)
        self.cap_key = QComboBox(self)
        self.received = date_edit(today, self, maximum=today)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("如：纸质申报，区民政局2024年拨付"))
        self.form.add_row("scheme", self.tr("补贴方案"), self.scheme)
        self.form.add_row("period", self.tr("申报期间"), period)
        self.form.add_row("amounts", self.tr("到账金额（元）"), self.amounts_box)
        self.form.add_row("subjects", self.tr("当时申领的对象"), self.subjects)
        self.form.add_row("cap_key", self.tr("计入的累计上限"), self.cap_key)
        self.form.add_row("received_on", self.tr("到账日期"), self.received)
        self.form.add_row("note", self.tr("备注"), self.note)
        hint = QLabel(self.tr("用于本系统启用前已申领并到账的补贴：计入“从设立起”的累计上限，一次性补贴不再重复申报。"
                              "不生成记账凭证（当时已入账）。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)
        self.main_layout.addWidget(hint)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(620)
        self.scheme.currentIndexChanged.connect(lambda _i: self._scheme_changed())
        shell.call(subsidies.schemes, on_done=self._schemes)

    def _schemes(self, schemes) -> None:
        if not shiboken6.isValid(self):
            return
        self.schemes = list(schemes)
        self.scheme.blockSignals(True)
        for s in self.schemes:
            self.scheme.addItem(f"{s.name}（{s.kind}）", s.code)
        self.scheme.blockSignals(False)
        self.ok_button.setEnabled(bool(self.schemes))
        self._scheme_changed()

    def _scheme_changed(self) -> None:
        code = self.scheme.currentData()
        info = next((s for s in self.schemes if s.code == code), None)
        while self.amounts_form.rowCount():
            self.amounts_form.removeRow(0)
        self.amount_edits = {}
        if info is None:
            return
        for layer in info.layers:
            edit = QLineEdit(self.amounts_box)
            edit.setPlaceholderText(self.tr("元"))
            self.amounts_form.addRow(layer, edit)
            self.amount_edits[layer] = edit
        self.subjects.clear()
        self.cap_key.clear()
        self.shell.call(history.outside_subjects, code, on_done=lambda rows: self._subjects(code, rows))
        self.shell.call(history.cap_keys, code, on_done=lambda keys: self._cap_keys(code, keys))

    def _subjects(self, code: str, rows) -> None:
        if not shiboken6.isValid(self) or code != self.scheme.currentData():
            return
        self.subjects.clear()
        for key, name in rows:
            item = QListWidgetItem(name, self.subjects)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.subjects.setEnabled(bool(rows))

    def _cap_keys(self, code: str, keys: dict) -> None:
        if not shiboken6.isValid(self) or code != self.scheme.currentData():
            return
        self.cap_key.clear()
        for k in dict.fromkeys(k for ks in keys.values() for k in ks if k):
            self.cap_key.addItem(k, k)
        self.cap_key.setEnabled(self.cap_key.count() > 0)

    def chosen_subjects(self) -> tuple[str, ...]:
        return tuple(self.subjects.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.subjects.count())
                     if self.subjects.item(i).checkState() == Qt.CheckState.Checked)

    def save(self) -> None:
        amounts, problems = {}, []
        for layer, edit in self.amount_edits.items():
            if edit.text().strip():
                try:
                    amounts[layer] = yuan_to_fen(edit.text(), "amounts")
                except RuleViolation as exc:
                    problems.append(Problem("amounts", f"{layer}：{exc.message}"))
        if problems:
            self.show_problems(problems)
            return
        self.submit(history.record_outside_claim, self.scheme.currentData() or "", self.first.text().strip(),
                    self.last.text().strip(), amounts, from_qdate(self.received.date()), self.chosen_subjects(),
                    self.cap_key.currentData() or "", self.note.text())


__all__ = ["OutsideClaimDialog"]
