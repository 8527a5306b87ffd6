"""新增房间 / 编辑房间 / 新增床位 dialogs.

They save through the shell (``widgets.ServiceDialog``): a RuleViolation is
shown under the field it names and the dialog stays open.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.centre import ROOM_TYPES, BedType
from ...domain.records import RoomInfo
from ...services import centre
from ...viewmodels import beds as vm
from ..base import Shell
from ..widgets import ServiceDialog


class BedDraftModel(QAbstractTableModel):
    """Editable list of (label, bed type) for a new room. Column 1 is a
    check box: checked = 护理型."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self.edited = False  # the user changed the list by hand

    def headers(self) -> list[str]:
        return [self.tr("床位号"), self.tr("护理型床位")]

    def beds(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self._rows]

    def set_beds(self, beds: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = [[lbl, t] for lbl, t in beds]
        self.endResetModel()

    def add_bed(self, label: str, bed_type: str = BedType.ORDINARY.value) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append([label, bed_type])
        self.endInsertRows()
        self.edited = True

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited = True

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < 2:
                return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section == 1:
            return self.tr("勾选为护理型床位，不勾选为普通床位")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        label, bed_type = self._rows[index.row()]
        col = index.column()
        if col == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if col == 1:
            nursing = bed_type == BedType.NURSING.value
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if nursing else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("护理型床位") if nursing else self.tr("普通床位（勾选改为护理型）")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.EditRole:
            row[0] = str(value).strip()
        elif index.column() == 1 and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            row[1] = BedType.NURSING.value if checked else BedType.ORDINARY.value
        else:
            return False
        self.edited = True
        self.dataChanged.emit(index, index)
        return True


class RoomDialog(ServiceDialog):
    """新增房间 with its beds, or 编辑房间 (``room`` given: building, floor,
    number, type, notes; beds are added, retyped and retired on the map)."""

    def __init__(self, shell: Shell, parent: QWidget | None = None, buildings: list[str] | None = None,
                 room: RoomInfo | None = None, building: str = "", floor: int = 1):
        super().__init__(shell, "", parent)
        self.room = room
        self.setWindowTitle(self.tr("编辑房间") if room else self.tr("新增房间"))
        self.setMinimumWidth(440)

        self.building = QComboBox()
        self.building.setEditable(True)
        self.building.setMinimumWidth(140)
        self.building.addItems(buildings or [])
        self.building.setCurrentText(room.building if room else building)
        self.building.lineEdit().setPlaceholderText(self.tr("如 A、1号楼"))
        self.floor = QSpinBox()
        self.floor.setRange(-5, 200)
        self.floor.setValue(room.floor if room else floor)
        self.floor.setSuffix(self.tr(" 层"))
        self.number = QLineEdit(room.number if room else "")
        self.number.setPlaceholderText(self.tr("如 101"))
        self.room_type = QComboBox()
        self.room_type.addItems(list(ROOM_TYPES))
        self.room_type.setCurrentText(room.room_type if room else ROOM_TYPES[1])
        self.notes = QLineEdit(room.notes if room else "")
        self.notes.setPlaceholderText(self.tr("如 朝南、带卫生间"))

        f = self.form
        f.add_row("building", self.tr("楼栋"), self.building)
        f.add_row("floor", self.tr("楼层"), self.floor)
        f.add_row("number", self.tr("房间号"), self.number)
        f.add_row("room_type", self.tr("房间类型"), self.room_type)
        f.add_row("notes", self.tr("备注"), self.notes)

        self.beds_model = BedDraftModel(self)
        self.beds_view = QTableView()
        if room is None:
            f.add_row("beds", self.tr("床位"), self._beds_editor())
            self.room_type.currentTextChanged.connect(self._type_changed)
            self._type_changed(self.room_type.currentText())
        else:
            note = QLabel(self.tr("床位请在床位图上逐张新增、更改类型或停用。"))
            note.setStyleSheet("color: #666;")
            f.add_widget(note)
        self.finish_layout()
        (self.number if self.building.currentText() else self.building).setFocus()

    def _beds_editor(self) -> QWidget:
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        quick = QHBoxLayout()
        # reads "快速生成：[2] 张 [普通床位] [生成]"
        quick.addWidget(QLabel(self.tr("快速生成：")))
        self.quick_count = QSpinBox()
        self.quick_count.setRange(1, 20)
        self.quick_type = QComboBox()
        for t in BedType:
            self.quick_type.addItem(self.tr("%1床位").replace("%1", t.value), t.value)
        quick.addWidget(self.quick_count)
        quick.addWidget(QLabel(self.tr("张")))
        quick.addWidget(self.quick_type)
        self.quick_button = QPushButton(self.tr("生成"))
        self.quick_button.setToolTip(self.tr("按数量重新生成床位列表（床位号 1、2、3…）"))
        self.quick_button.setAutoDefault(False)
        self.quick_button.clicked.connect(self.generate_beds)
        quick.addWidget(self.quick_button)
        quick.addStretch(1)
        bl.addLayout(quick)

        self.beds_view.setModel(self.beds_model)
        self.beds_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.beds_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.beds_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.beds_view.verticalHeader().setDefaultSectionSize(26)
        self.beds_view.verticalHeader().hide()  # row numbers would repeat the 床位号
        self.beds_view.setMinimumHeight(140)
        bl.addWidget(self.beds_view)
        row = QHBoxLayout()
        self.add_bed_button = QPushButton(self.tr("添加一张床位"))
        self.remove_bed_button = QPushButton(self.tr("删除所选床位"))
        for b in (self.add_bed_button, self.remove_bed_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        self.add_bed_button.clicked.connect(self._add_bed)
        self.remove_bed_button.clicked.connect(self._remove_bed)
        bl.addLayout(row)
        return box

    def _type_changed(self, room_type: str) -> None:
        n = vm.default_bed_count(room_type)
        self.quick_count.setValue(n)
        if not self.beds_model.edited:
            self.beds_model.set_beds(vm.numbered_beds(n, self.quick_type.currentData()))

    def generate_beds(self) -> None:
        self.beds_model.set_beds(vm.numbered_beds(self.quick_count.value(), self.quick_type.currentData()))
        self.beds_model.edited = True

    def _add_bed(self) -> None:
        labels = {b[0] for b in self.beds_model.beds()}
        n = len(labels) + 1
        while str(n) in labels:
            n += 1
        self.beds_model.add_bed(str(n), self.quick_type.currentData())
        self.beds_view.setCurrentIndex(self.beds_model.index(self.beds_model.rowCount() - 1, 0))

    def _remove_bed(self) -> None:
        idx = self.beds_view.currentIndex()
        if idx.isValid():
            self.beds_model.remove_row(idx.row())

    def save(self) -> None:
        building = self.building.currentText().strip()
        number = self.number.text().strip()
        if self.room is None:
            self.submit(centre.add_room, building, self.floor.value(), number, self.room_type.currentText(),
                        self.beds_model.beds(), self.notes.text().strip())
        else:
            self.submit(centre.update_room, self.room.room_id, building, self.floor.value(), number,
                        self.room_type.currentText(), self.notes.text().strip(), expected_version=self.room.version)


class BedDialog(ServiceDialog):
    """新增床位 in a room."""

    def __init__(self, shell: Shell, parent: QWidget | None, room: RoomInfo, room_title: str):
        super().__init__(shell, "", parent)
        self.room = room
        self.setWindowTitle(self.tr("新增床位"))
        self.setMinimumWidth(340)
        self.label = QLineEdit(vm.next_bed_label(room))
        self.bed_type = QComboBox()
        self.bed_type.addItems([t.value for t in BedType])
        self.form.add_row("", self.tr("房间"), QLabel(room_title))
        # the service names bed problems "beds" (empty or repeated label, type)
        self.form.add_row("label", self.tr("床位号"), self.label, aliases=("beds",))
        self.form.add_row("bed_type", self.tr("床位类型"), self.bed_type)
        self.finish_layout()
        self.label.selectAll()
        self.label.setFocus()

    def save(self) -> None:
        self.submit(centre.add_bed, self.room.room_id, self.label.text().strip(), self.bed_type.currentText())
