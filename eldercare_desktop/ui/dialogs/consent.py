"""记录同意 / 记录不同意: the resident or their agent agrees to (or declines)
the care level a reassessment gives. 《养老机构管理办法》: changing the care
level needs their consent; on consent the new level takes effect that day."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ...domain.records import CareLevelChangeInfo, ContactInfo
from ...services import assessments
from ...viewmodels import assessments as vm
from ..base import Shell
from ..widgets import ServiceDialog, date_edit, from_qdate

SELF = "本人"


def _readonly(text: str, parent: QWidget) -> QLabel:
    lbl = QLabel(text, parent)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


class ConsentDialog(ServiceDialog):
    """One pending care-level change: who answered, how they are related, when."""

    def __init__(self, shell: Shell, change: CareLevelChangeInfo, agreed: bool = True,
                 agent: ContactInfo | None = None, parent: QWidget | None = None,
                 base_date: dt.date | None = None):
        title = self.tr("记录同意") if agreed else self.tr("记录不同意")
        super().__init__(shell, title, parent)
        self.change = change
        self.agreed = agreed
        self.agent = agent
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("住户"), _readonly(change.resident_name, self))
        f.add_row("", self.tr("评估编号"), _readonly(change.assessment_number, self))
        level = _readonly(vm.change_text(change), self)
        level.setStyleSheet("font-weight: bold;")
        f.add_row("", self.tr("照护等级"), level)

        self.consent_by = QLineEdit(self)
        self.consent_by.setPlaceholderText(self.tr("老人本人或其代理人的姓名"))
        self.relation = QComboBox(self)
        self.relation.setEditable(True)
        self.relation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.relation.addItems(vm.relation_choices(agent.relationship if agent else None))
        self.relation.setMinimumWidth(200)
        if agent is not None:
            self.consent_by.setText(agent.name)
            self.relation.setCurrentIndex(0)
        else:
            self.consent_by.setText(change.resident_name)
            self.relation.setCurrentIndex(self.relation.findText(SELF))
        self._prefilled = self.consent_by.text()
        self.relation.currentTextChanged.connect(self._relation_changed)
        who_label = self.tr("同意人") if agreed else self.tr("表示不同意的人")
        f.add_row("consent_by", who_label, self.consent_by)
        f.add_row("consent_relation", self.tr("与老人关系"), self.relation)
        self.date = date_edit(today, self, minimum=base_date, maximum=today)
        hint_text = (self.tr("新的照护等级自该日起生效") if agreed
                     else self.tr("不同意时维持原照护等级，可申请复评"))
        hint = QLabel(hint_text, self)
        hint.setStyleSheet("color: #666;")
        f.add_row("consent_date", self.tr("日期"), self.date, hint=hint)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("可选，例如：电话告知后到院签字") if agreed
                                     else self.tr("例如：家属对评估结果有异议，申请复评"))
        f.add_row("note", self.tr("备注"), self.note)
        self.ok_button.setText(title)
        self.finish_layout()
        self.setMinimumWidth(460)
        self.setTabOrder(self.consent_by, self.relation)
        self.setTabOrder(self.relation, self.date)
        self.setTabOrder(self.date, self.note)
        self.consent_by.setFocus()
        self.consent_by.selectAll()

    def _relation_changed(self, text: str) -> None:
        """Choosing 本人 or the agent's relation fills in the matching name
        unless the name was typed by hand."""
        if self.consent_by.text() != self._prefilled:
            return
        if text == SELF:
            name = self.change.resident_name
        elif self.agent is not None and text == f"代理人（{self.agent.relationship}）":
            name = self.agent.name
        else:
            return
        self.consent_by.setText(name)
        self._prefilled = name

    def save(self) -> None:
        self.submit(assessments.record_consent, self.change.id, self.consent_by.text().strip(),
                    self.relation.currentText().strip(), from_qdate(self.date.date()), self.agreed,
                    self.note.text().strip())
