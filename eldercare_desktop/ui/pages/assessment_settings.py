"""设置 → 评估: the assessment instrument, the reassessment interval, the due
window and the grade → care level mapping (which decides the care fee)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import RuleViolation
from ...domain.roles import Perm
from ...services import assessments as svc
from ..base import Page, Shell
from ..widgets import error_label


class CareLevelModel(QAbstractTableModel):
    """Grade, grade name and the care level text (editable when ``editable``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[list[Any]] = []  # [grade, grade name, care level]
        self.editable = True
        self.headers = (self.tr("等级"), self.tr("等级名称"), self.tr("对应照护等级"))

    def set_levels(self, grade_names: dict[int, str], levels: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows = [[g, grade_names.get(g, ""), levels.get(g, "")] for g in sorted(grade_names)]
        self.endResetModel()

    def levels(self) -> dict[int, str]:
        return {g: level for g, _name, level in self.rows}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < 3):
            return None
        grade, name, level = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return self.tr("%1级").replace("%1", str(grade))
            return name if col == 1 else level
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and self.editable:
            return self.tr("双击或按F2修改")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 2 and self.editable:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 2 or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        self.rows[index.row()][2] = str(value or "").strip()
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


class AssessmentSettingsTab(Page):
    """评估 tab of 设置."""

    watches = frozenset({"setting"})

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        from ..i18n import no_permission

        self.can_write = shell.ctx.actor.can(Perm.SETTINGS_WRITE)
        self.instruments = svc.instruments()
        self.settings: svc.AssessmentSettings | None = None
        self._levels_token = 0
        self.model = CareLevelModel(self)
        self.model.editable = self.can_write

        lay = QVBoxLayout(self)
        if not self.can_write:
            self.banner = QLabel(no_permission(shell.ctx.actor, Perm.SETTINGS_WRITE) + self.tr("，只能查看评估设置。"), self)
            self.banner.setWordWrap(True)
            self.banner.setStyleSheet("background: #fff8e1; border: 1px solid #f0d58c; padding: 6px; color: #6d5200;")
            lay.addWidget(self.banner)

        group = QGroupBox(self.tr("评估工具与复评"), self)
        form = QFormLayout(group)
        self.instrument = QComboBox(group)
        for code, ins in self.instruments.items():
            self.instrument.addItem(f"{ins.name}（{ins.short_name}）", code)
        self.instrument.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.errors: dict[str, QLabel] = {}
        form.addRow(self.tr("评估工具"), self._with_error("instrument", self.instrument, group))
        self.instrument_note = QLabel(self.tr("更换评估工具只影响今后的新评估：已保存的评估仍按原评估工具计分、显示和打印。"), group)
        self.instrument_note.setWordWrap(True)
        self.instrument_note.setStyleSheet("color: #666666;")
        form.addRow("", self.instrument_note)
        self.interval = QSpinBox(group)
        self.interval.setRange(1, 24)
        self.interval.setSuffix(self.tr(" 个月"))
        self.interval.setMinimumWidth(110)
        form.addRow(self.tr("复评间隔"), self._with_error("interval_months", self.interval, group))
        self.due_window = QSpinBox(group)
        self.due_window.setRange(1, 90)
        self.due_window.setSuffix(self.tr(" 天"))
        self.due_window.setMinimumWidth(110)
        form.addRow(self.tr("到期前提醒"), self._with_error("due_window_days", self.due_window, group))
        window_note = QLabel(self.tr("复评到期前这么多天起，住户出现在“评估 → 待评估”清单中。"), group)
        window_note.setWordWrap(True)
        window_note.setStyleSheet("color: #666666;")
        form.addRow("", window_note)
        lay.addWidget(group)

        mgroup = QGroupBox(self.tr("评估等级与照护等级的对应"), self)
        ml = QVBoxLayout(mgroup)
        mnote = QLabel(self.tr("评估结论（等级）对应的照护等级决定照护费标准。修改只影响今后的评估。"), mgroup)
        mnote.setWordWrap(True)
        mnote.setStyleSheet("color: #666666;")
        ml.addWidget(mnote)
        self.table = QTableView(mgroup)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        h = self.table.horizontalHeader()
        h.resizeSection(0, 70)
        h.resizeSection(1, 160)
        h.setStretchLastSection(True)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setMinimumHeight(190)
        ml.addWidget(self.table)
        self.errors["care_levels"] = error_label(mgroup)
        ml.addWidget(self.errors["care_levels"])
        lay.addWidget(mgroup, 1)

        self.general_error = error_label(self)
        lay.addWidget(self.general_error)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("撤销修改"), self)
        self.revert_button.clicked.connect(self.revert)
        self.saved_label = QLabel(self)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addWidget(self.saved_label, 1)
        lay.addLayout(row)
        if not self.can_write:
            tip = no_permission(shell.ctx.actor, Perm.SETTINGS_WRITE)
            for w in (self.save_button, self.revert_button, self.instrument, self.interval, self.due_window):
                w.setEnabled(False)
                w.setToolTip(tip)
        self.setTabOrder(self.instrument, self.interval)
        self.setTabOrder(self.interval, self.due_window)
        self.setTabOrder(self.due_window, self.table)
        self.setTabOrder(self.table, self.save_button)

    def _with_error(self, field: str, widget: QWidget, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        col.addLayout(row)
        err = error_label(box)
        col.addWidget(err)
        self.errors[field] = err
        return box

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        self.shell.call(svc.get_settings, on_done=self._settings_loaded)

    def _settings_loaded(self, st: svc.AssessmentSettings) -> None:
        self.settings = st
        self.clear_problems()
        self.instrument.blockSignals(True)
        self.instrument.setCurrentIndex(max(0, self.instrument.findData(st.instrument_code)))
        self.instrument.blockSignals(False)
        self.interval.setValue(st.interval_months)
        self.due_window.setValue(st.due_window_days)
        ins = self.instruments.get(st.instrument_code)
        self._levels_token += 1  # a pending load for another instrument is stale now
        self.model.set_levels(ins.grade_names if ins else {}, st.care_levels)

    def revert(self) -> None:
        """撤销修改: show the saved settings again."""
        self.saved_label.clear()
        self.reload()

    def _instrument_changed(self, _index: int) -> None:
        code = self.instrument.currentData()
        if code is None:
            return
        self._levels_token += 1
        token = self._levels_token
        self.shell.call(svc.care_levels, code, on_done=lambda levels: self._levels_loaded(token, code, levels))

    def _levels_loaded(self, token: int, code: str, levels: dict[int, str]) -> None:
        if token != self._levels_token:
            return
        self.model.set_levels(self.instruments[code].grade_names, levels)

    # -- saving ----------------------------------------------------------------------
    def clear_problems(self) -> None:
        for err in (*self.errors.values(), self.general_error):
            err.clear()
            err.hide()

    def show_problems(self, exc: RuleViolation) -> None:
        self.clear_problems()
        general: list[str] = []
        for p in exc.problems:
            err = self.errors.get(p.field or "")
            if err is None:
                general.append(p.message)
                continue
            err.setText((err.text() + "\n" if err.text() else "") + p.message)
            err.show()
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()

    def save(self) -> None:
        if not self.can_write:
            return
        self.clear_problems()
        self.saved_label.clear()
        self.shell.call(svc.save_settings, self.instrument.currentData(), self.interval.value(), self.model.levels(),
                        self.due_window.value(), on_done=self._saved, on_error=self._failed,
                        expected_stamp=self.settings.stamp if self.settings is not None else None)

    def _saved(self, _changes) -> None:
        self.saved_label.setText(self.tr("评估设置已保存。"))
        self.shell.notify(self.saved_label.text())

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, RuleViolation):
            self.show_problems(exc)
        else:
            self.shell.show_error(exc)
