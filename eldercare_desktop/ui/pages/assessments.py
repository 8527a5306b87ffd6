"""评估: who is due or overdue for (re)assessment, the care-level changes
waiting for the resident's or agent's consent, the assessment records with
the report and the Excel export, and one resident's history with a chart of
the final grade over time."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import PermissionDenied
from ...domain.names import search_key
from ...domain.records import AssessmentSummary, CareLevelChangeInfo, Changes, DueRow, ResidentRow
from ...domain.roles import Perm
from ...services import assessments as svc
from ...services import residents
from ...viewmodels import assessments as vm
from ..base import Page, Shell
from ..tablemodel import SnapshotModel
from ..dialogs.assessment_form import CORRECT, NEW, VIEW, AssessmentFormDialog, FormSetup, ImmediateRequestDialog, \
    gather_form
from ..widgets import date_edit, documents_folder, from_qdate, offer_open, save_file_path

translate = QCoreApplication.translate

RED = QColor("#c62828")
AMBER = QColor("#b26a00")
GREY = QColor("#8a8a8a")
GREEN = QColor("#2e7d32")


# -- jobs run on the database thread ---------------------------------------------------------

def _grade_names() -> dict[str, dict[int, str]]:
    return {code: dict(ins.grade_names) for code, ins in svc.instruments().items()}


def _change_status(changes) -> dict[int, str]:
    """assessment id -> the status of the care level change it made (the latest one)."""
    return {c.assessment_id: c.status for c in sorted(changes, key=lambda c: c.id)}


def load_list(ctx, date_from: dt.date, date_to: dt.date):
    return (svc.list_assessments(ctx, date_from, date_to), _grade_names(),
            _change_status(svc.care_level_changes(ctx)))


def load_pending(ctx) -> list[vm.PendingRow]:
    """Care level changes waiting for consent, with their assessments."""
    changes = svc.care_level_changes(ctx, None, True)
    found: dict[int, AssessmentSummary] = {}
    for rid in dict.fromkeys(c.resident_id for c in changes):
        for a in svc.history(ctx, rid):
            found[a.id] = a
    return vm.pending_rows(changes, found)


def load_history(ctx, resident_id: int):
    """(assessments oldest first, care level changes, grade names, chart axis)."""
    hist = svc.history(ctx, resident_id)
    changes = svc.care_level_changes(ctx, resident_id)
    names = _grade_names()
    code = hist[-1].instrument_code if hist else svc.get_settings(ctx).instrument_code
    ins = svc.instrument(code)
    top = max([ins.max_grade] + [svc.instrument(a.instrument_code).max_grade for a in hist])
    return hist, changes, names, (top, dict(ins.grade_names)), svc.current_care_level(ctx, resident_id)


# -- table models ----------------------------------------------------------------------------

class _RowsModel(SnapshotModel):
    """A snapshot list shown as a table; subclasses say how a cell reads."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent, headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(r, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            c = self.colour(r, index.column())
            return QBrush(c) if c is not None else None
        if role == Qt.ItemDataRole.FontRole and self.bold(r, index.column()):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(r, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return getattr(r, "id", None)
        return None

    def cell(self, r: Any, col: int) -> str:  # pragma: no cover - subclasses
        raise NotImplementedError

    def colour(self, r: Any, col: int) -> QColor | None:
        return None

    def bold(self, r: Any, col: int) -> bool:
        return False

    def tooltip(self, r: Any, col: int) -> str | None:
        return None


class DueModel(_RowsModel):
    def __init__(self, parent=None):
        super().__init__([self.tr("住户"), self.tr("床位"), self.tr("上次评估"), self.tr("上次等级"),
                          self.tr("照护等级"), self.tr("应评估日期"), self.tr("剩余天数"), self.tr("原因")], parent)

    def cell(self, r: DueRow, col: int) -> str:
        return vm.due_cell(r, col)

    def colour(self, r: DueRow, col: int) -> QColor | None:
        if vm.DUE_COLUMNS[col] not in ("days_left", "due_date", "reason"):
            return None
        cat = vm.due_category(r)
        return RED if cat == vm.OVERDUE_CAT else AMBER if cat == vm.SOON_CAT else None

    def bold(self, r: DueRow, col: int) -> bool:
        return vm.DUE_COLUMNS[col] == "days_left" and vm.due_category(r) == vm.OVERDUE_CAT

    def tooltip(self, r: DueRow, col: int) -> str | None:
        return r.last_grade or None if vm.DUE_COLUMNS[col] == "last_grade" else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.UserRole and index.isValid() and 0 <= index.row() < len(self.rows):
            return self.rows[index.row()].resident_id
        return super().data(index, role)


class PendingModel(_RowsModel):
    def __init__(self, today: Callable[[], dt.date], parent=None):
        super().__init__([self.tr("住户"), self.tr("评估编号"), self.tr("评估日期"), self.tr("最终等级"),
                          self.tr("原等级 → 新等级"), self.tr("已等待")], parent)
        self.today = today

    def cell(self, r: vm.PendingRow, col: int) -> str:
        return vm.pending_cell(r, col, self.today())

    def bold(self, r: vm.PendingRow, col: int) -> bool:
        return vm.PENDING_ROW_COLUMNS[col] == "change"

    def colour(self, r: vm.PendingRow, col: int) -> QColor | None:
        return AMBER if vm.PENDING_ROW_COLUMNS[col] == "waiting" else None

    def tooltip(self, r: vm.PendingRow, col: int) -> str | None:
        return r.grade_name or None if vm.PENDING_ROW_COLUMNS[col] == "grade" else None


class ChangesModel(_RowsModel):
    """Care level changes: pending ones (page tab) or a resident's history."""

    def __init__(self, columns: Sequence[str], parent=None):
        labels = {
            "resident": self.tr("住户"), "number": self.tr("评估编号"), "change": self.tr("原等级 → 新等级"),
            "status": self.tr("状态"), "consent_by": self.tr("同意人"), "consent_relation": self.tr("关系"),
            "consent_date": self.tr("同意日期"), "effective_date": self.tr("生效日期"), "note": self.tr("备注"),
        }
        super().__init__([labels[c] for c in columns], parent)
        self.columns = tuple(columns)

    def cell(self, r: CareLevelChangeInfo, col: int) -> str:
        return vm.change_cell(r, self.columns[col])

    def colour(self, r: CareLevelChangeInfo, col: int) -> QColor | None:
        if self.columns[col] != "status":
            return None
        return {svc.PENDING: AMBER, svc.EFFECTIVE: GREEN, svc.DECLINED: RED, svc.WITHDRAWN: GREY}.get(r.status)

    def bold(self, r: CareLevelChangeInfo, col: int) -> bool:
        return self.columns[col] == "change"


class AssessmentsModel(QAbstractTableModel):
    """Reads ``AssessmentList.visible``; sorting is done by the list."""

    def __init__(self, lst: vm.AssessmentList, parent=None):
        super().__init__(parent)
        self.lst = lst
        self.headers = [self.tr("编号"), self.tr("日期"), self.tr("住户"), self.tr("原因"), self.tr("工具"),
                        self.tr("总分"), self.tr("初步等级"), self.tr("最终等级"), self.tr("评估对应照护等级"),
                        self.tr("评估员"), self.tr("状态")]

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def set_rows(self, rows, grade_names=None, change_status=None) -> None:
        self.beginResetModel()
        self.lst.set_rows(rows, grade_names, change_status)
        self.endResetModel()

    def row_at(self, row: int) -> AssessmentSummary | None:
        return self.lst.visible[row] if 0 <= row < len(self.lst.visible) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lst.visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(vm.LIST_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lst.visible)):
            return None
        a = self.lst.visible[index.row()]
        key = vm.LIST_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.lst.cell(a, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in vm.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if a.superseded_by_id is not None:
                return QBrush(GREY)
            if key == "status" and a.supersedes_id is not None:
                return QBrush(AMBER)
            return None
        if role == Qt.ItemDataRole.FontRole and a.superseded_by_id is not None:
            f = QFont()
            f.setStrikeOut(key in ("total", "final", "care_level"))
            return f
        if role == Qt.ItemDataRole.ToolTipRole and key in ("preliminary", "final"):
            g = a.preliminary_grade if key == "preliminary" else a.final_grade
            return vm.grade_label(g, self.lst.grade_name(a.instrument_code, g) or a.grade_name)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows as a layout change: the persistent indexes (and so
        the view's selection) move with their assessments instead of being
        dropped by a reset."""
        self.layoutAboutToBeChanged.emit()
        before = [a.id for a in self.lst.visible]
        moved = self.persistentIndexList()
        self.lst.sort(column, order == Qt.SortOrder.DescendingOrder)
        after = {a.id: i for i, a in enumerate(self.lst.visible)}
        targets = []
        for idx in moved:
            row = after.get(before[idx.row()]) if 0 <= idx.row() < len(before) else None
            targets.append(self.index(row, idx.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(moved, targets)
        self.layoutChanged.emit()


# -- the grade chart -------------------------------------------------------------------------

class GradeChart(QWidget):
    """The final grade over time, drawn with QPainter: x = date, y = grade
    (0, 能力完好, at the top); corrected assessments hollow and off the line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: list[vm.ChartPoint] = []
        self.max_grade = 4
        self.names: dict[int, str] = {}
        self.setMinimumHeight(200)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 240)

    def set_data(self, points: Sequence[vm.ChartPoint], max_grade: int, names: dict[int, str]) -> None:
        self.points = list(points)
        self.max_grade = max(1, max_grade)
        self.names = dict(names)
        self.update()

    def point_positions(self) -> list[tuple[QPointF, vm.ChartPoint]]:
        """Where each point is drawn at the present size, oldest first."""
        if not self.points:
            return []
        r = self._plot_rect()
        start, end = vm.chart_range(self.points)
        return [(QPointF(r.left() + r.width() * vm.x_fraction(pt.day, start, end),
                         r.top() + r.height() * pt.grade / self.max_grade), pt) for pt in self.points]

    def _plot_rect(self) -> QRectF:
        fm = QFontMetrics(self.font())
        labels = [f"{g} {vm.short_grade_name(self.names.get(g, ''))}" for g in range(self.max_grade + 1)]
        left = max(fm.horizontalAdvance(t) for t in labels) + 18
        top = 40
        return QRectF(left, top, max(40, self.width() - left - 28), max(40, self.height() - top - 34))

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        r = self._plot_rect()
        fm = QFontMetrics(self.font())
        title = translate("GradeChart", "最终能力等级变化")
        p.setPen(QColor("#333"))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(10, 6, self.width() - 20, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   title)
        legend = translate("GradeChart", "● 有效评估　○ 已被更正的评估　（鼠标停在点上查看详情）")
        p.setFont(self.font())
        p.setPen(QColor("#777"))
        p.drawText(QRectF(10, 6, self.width() - 20, 20), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   legend)
        p.setFont(self.font())

        def y_of(g: int) -> float:
            return r.top() + r.height() * g / self.max_grade

        band = [QColor("#eef7ee"), QColor("#f6f9ee"), QColor("#fdf6e7"), QColor("#fcefe6"), QColor("#fbe7e7")]
        for g in range(self.max_grade + 1):
            y = y_of(g)
            if g < self.max_grade:
                colour = band[min(len(band) - 1, round(g * (len(band) - 1) / self.max_grade))]
                p.fillRect(QRectF(r.left(), y, r.width(), y_of(g + 1) - y), colour)
            p.setPen(QPen(QColor("#d6dbe1"), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(QColor("#444"))
            label = f"{g} {vm.short_grade_name(self.names.get(g, ''))}".strip()
            p.drawText(QRectF(0, y - 10, r.left() - 8, 20),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        p.setPen(QPen(QColor("#9aa3ad"), 1))
        p.drawLine(QPointF(r.left(), r.top()), QPointF(r.left(), r.bottom()))
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        if not self.points:
            p.setPen(QColor("#888"))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, translate("GradeChart", "尚无评估记录"))
            return
        start, end = vm.chart_range(self.points)

        def x_of(day: dt.date) -> float:
            return r.left() + r.width() * vm.x_fraction(day, start, end)

        # x axis labels: each point's date, skipping those that would overlap
        last_right = -1e9
        p.setPen(QColor("#555"))
        for pt in self.points:
            text = f"{pt.day:%Y-%m-%d}"
            w = fm.horizontalAdvance(text)
            x = x_of(pt.day)
            if x - w / 2 > last_right + 6:
                p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
                p.drawText(QRectF(x - w / 2 - 2, r.bottom() + 6, w + 4, fm.height()), Qt.AlignmentFlag.AlignCenter,
                           text)
                last_right = x + w / 2
        line = vm.line_points(self.points)
        if len(line) > 1:
            path = QPainterPath(QPointF(x_of(line[0].day), y_of(line[0].grade)))
            for pt in line[1:]:
                path.lineTo(QPointF(x_of(pt.day), y_of(pt.grade)))
            p.setPen(QPen(QColor("#1565c0"), 2.2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        # corrected ones first, as a grey ring that stays visible around a
        # correction made on the same day with the same grade
        for pt in sorted(self.points, key=lambda q: not q.superseded):
            c = QPointF(x_of(pt.day), y_of(pt.grade))
            if pt.superseded:
                p.setPen(QPen(QColor("#9e9e9e"), 1.8))
                p.setBrush(QColor("#ffffff"))
                p.drawEllipse(c, 9, 9)
            else:
                p.setPen(QPen(QColor("#ffffff"), 1.6))
                p.setBrush(QColor("#1565c0"))
                p.drawEllipse(c, 5.5, 5.5)
        p.end()

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            pos = QPointF(e.pos())
            best = min(self.point_positions(), key=lambda h: (h[0] - pos).manhattanLength(), default=None)
            if best is not None and (best[0] - pos).manhattanLength() < 14:
                QToolTip.showText(e.globalPos(), best[1].label, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


# -- choosing a resident ---------------------------------------------------------------------

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ACTIVE = ("在住", "请假")


class _Completer(QCompleter):
    """Matches on the search key (name, pinyin, initials, bed) but puts the
    displayed text in the box."""

    def pathFromIndex(self, index) -> str:  # noqa: N802
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


class ResidentPicker(QComboBox):
    """A searchable list of residents (those who left included)."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumWidth(280)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.completer_ = _Completer(self.items, self)
        self.completer_.setCompletionRole(KEY_ROLE)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(self.completer_)
        self.lineEdit().setPlaceholderText(self.tr("输入姓名、拼音首字母或床位号"))
        self.activated.connect(self._activated)

    def set_residents(self, rows: Sequence[ResidentRow]) -> None:
        keep = self.resident_id()
        self.blockSignals(True)
        self.items.clear()
        for r in sorted(rows, key=lambda r: (r.status not in ACTIVE, r.name_pinyin, r.id)):
            where = r.bed_code if r.status in ACTIVE and r.bed_code else r.status
            it = QStandardItem(f"{r.name}　{where}")
            it.setData(r.id, Qt.ItemDataRole.UserRole)
            it.setData(search_key(r.name, r.name_pinyin, r.name_initials, r.bed_code, r.id_number), KEY_ROLE)
            it.setData(r.status, STATUS_ROLE)
            self.items.appendRow(it)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        if keep is not None:
            self.select(keep, emit=False)

    def resident_id(self) -> int | None:
        i = self.currentIndex()
        if i < 0 or self.currentText() != self.itemText(i):
            return None
        return self.itemData(i, Qt.ItemDataRole.UserRole)

    def select(self, resident_id: int, emit: bool = True) -> bool:
        i = self.findData(resident_id, Qt.ItemDataRole.UserRole)
        if i < 0:
            return False
        self.setCurrentIndex(i)
        if emit:
            self.chosen.emit(resident_id)
        return True

    def status_of(self, resident_id: int) -> str:
        i = self.findData(resident_id, Qt.ItemDataRole.UserRole)
        return self.itemData(i, STATUS_ROLE) or "" if i >= 0 else ""

    def name_of(self, resident_id: int) -> str:
        i = self.findData(resident_id, Qt.ItemDataRole.UserRole)
        return self.itemText(i).split("　")[0] if i >= 0 else ""

    def _activated(self, index: int) -> None:
        rid = self.itemData(index, Qt.ItemDataRole.UserRole)
        if rid is not None:
            self.chosen.emit(int(rid))


# -- the page --------------------------------------------------------------------------------

def _table(parent: QWidget, model: QAbstractTableModel, widths: Sequence[int], sortable: bool = False) -> QTableView:
    t = QTableView(parent)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(26)
    t.setWordWrap(False)
    h = t.horizontalHeader()
    h.setHighlightSections(False)
    h.setStretchLastSection(True)
    h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, w in enumerate(widths):
        h.resizeSection(i, w)
    if sortable:
        t.setSortingEnabled(True)
        h.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        h.setSortIndicatorClearable(True)
    return t


def _selected_row(table: QTableView) -> int:
    """The row the user sees selected (never the mere current cell), or -1.

    Read from the selection itself: a mouse click moves the current index
    before it selects the row, so the current index alone says nothing."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def _select(table: QTableView, row: int) -> None:
    idx = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(idx)


class AssessmentsPage(Page):
    watches = frozenset({"assessment", "care_level", "resident"})

    #: emitted when a form dialog opens (tests drive it)
    form_opened = Signal(object)
    #: emitted with a written report's path
    report_written = Signal(str)
    history_loaded = Signal(int)

    DUE, PENDING, RECORDS, HISTORY = range(4)

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        actor = shell.ctx.actor
        self.can_write = actor.can(Perm.RESIDENT_WRITE)
        self.can_print = actor.can(Perm.PRINT)
        self.loading = 0
        self.form_dialog: AssessmentFormDialog | None = None
        self.current_dialog = None
        self.last_box: QMessageBox | None = None
        self.last_report_path: str | None = None
        self.history_resident: int | None = None
        self.current_level = ""
        self.due_rows: list[DueRow] = []
        self.list_vm = vm.AssessmentList()
        self.hist_vm = vm.AssessmentList()
        self._build()

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 6)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_due(), self.tr("待评估"))
        self.tabs.addTab(self._build_pending(), self.tr("待确认的照护等级变更"))
        self.tabs.addTab(self._build_records(), self.tr("评估记录"))
        self.tabs.addTab(self._build_history(), self.tr("个人评估历史"))
        outer.addWidget(self.tabs)
        self._update_actions()

    def _follow_selection(self, table: QTableView) -> None:
        """The buttons follow what the table shows selected: after a click,
        the keyboard, a reload (reset) and a sort (layout change)."""
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        table.model().modelReset.connect(self._update_actions)
        table.model().layoutChanged.connect(lambda *_: self._update_actions())

    def _button(self, text: str, slot: Callable[[], None], parent: QWidget, name: str) -> QPushButton:
        b = QPushButton(text, parent)
        b.setObjectName(name)
        b.clicked.connect(lambda _=False: slot())
        return b

    def _build_due(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.new_button = self._button(self.tr("新建评估"), self.new_assessment, w, "new_assessment")
        self.request_button = self._button(self.tr("即时评估申请"), self.request_immediate, w, "request_immediate")
        self.show_all = QCheckBox(self.tr("显示全部在住住户（含未到期）"), w)
        self.show_all.toggled.connect(lambda _on: self.load_due())
        self.due_count = QLabel(w)
        bar.addWidget(self.new_button)
        bar.addWidget(self.request_button)
        bar.addSpacing(16)
        bar.addWidget(self.show_all)
        bar.addStretch(1)
        bar.addWidget(self.due_count)
        lay.addLayout(bar)
        self.due_model = DueModel(self)
        self.due_table = _table(w, self.due_model, (90, 80, 190, 120, 90, 100, 90, 160))
        self._follow_selection(self.due_table)
        self.due_table.activated.connect(lambda _i: self.new_assessment())
        lay.addWidget(self.due_table, 1)
        legend = QLabel(self.tr("红色：已逾期；橙色：即将到期。复评间隔与提醒天数在“设置 → 评估”中设定；"
                                "身体状况变化时请登记“即时评估申请”。"), w)
        legend.setStyleSheet("color: #666;")
        legend.setWordWrap(True)
        lay.addWidget(legend)
        return w

    def _build_pending(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.agree_button = self._button(self.tr("记录同意"), lambda: self.record_consent(True), w, "consent_yes")
        self.decline_button = self._button(self.tr("记录不同意"), lambda: self.record_consent(False), w,
                                           "consent_no")
        self.view_pending_button = self._button(self.tr("查看评估"), self._view_pending, w, "view_pending")
        bar.addWidget(self.agree_button)
        bar.addWidget(self.decline_button)
        bar.addWidget(self.view_pending_button)
        bar.addStretch(1)
        self.pending_count = QLabel(w)
        bar.addWidget(self.pending_count)
        lay.addLayout(bar)
        self.pending_model = PendingModel(self.shell.ctx.today, self)
        self.pending_table = _table(w, self.pending_model, (110, 130, 100, 160, 260, 80))
        self._follow_selection(self.pending_table)
        self.pending_table.activated.connect(lambda _i: self.record_consent(True))
        lay.addWidget(self.pending_table, 1)
        note = QLabel(self.tr("依据《养老机构管理办法》，变更照护等级须经老人或其代理人同意：同意之日起按新等级照护和收费；"
                              "不同意时维持原等级，可申请复评。"), w)
        note.setStyleSheet("color: #666;")
        note.setWordWrap(True)
        lay.addWidget(note)
        return w

    def _build_records(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        today = self.shell.ctx.today()
        self.date_from = date_edit(dt.date(today.year, 1, 1), w)
        self.date_to = date_edit(today, w)
        self.date_from.dateChanged.connect(lambda _d: self.load_list())
        self.date_to.dateChanged.connect(lambda _d: self.load_list())
        self.search = QLineEdit(w)
        self.search.setPlaceholderText(self.tr("筛选：住户、编号、评估员、等级"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(QLabel(self.tr("评估日期"), w))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("至"), w))
        bar.addWidget(self.date_to)
        bar.addSpacing(10)
        bar.addWidget(self.search)
        bar.addSpacing(10)
        self.list_count = QLabel(w)
        bar.addWidget(self.list_count)
        bar.addStretch(1)
        self.view_button = self._button(self.tr("查看"), lambda: self.view_selected(self.list_table), w, "view")
        self.correct_button = self._button(self.tr("更正"), lambda: self.correct_selected(self.list_table), w,
                                           "correct")
        self.print_button = self._button(self.tr("打印报告"), lambda: self.print_selected(self.list_table), w,
                                         "print")
        self.preview_button = self._button(self.tr("打印预览…"), lambda: self.preview_selected(self.list_table), w,
                                           "print_preview")
        self.export_button = self._button(self.tr("导出Excel"), self.export_excel, w, "export")
        for b in (self.view_button, self.correct_button, self.print_button, self.preview_button, self.export_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.list_model = AssessmentsModel(self.list_vm, self)
        self.list_table = _table(w, self.list_model, (110, 90, 70, 70, 120, 50, 130, 130, 80, 120, 120), True)
        self._follow_selection(self.list_table)
        self.list_table.activated.connect(lambda _i: self.view_selected(self.list_table))
        lay.addWidget(self.list_table, 1)
        return w

    def _build_history(self) -> QWidget:
        w = QWidget(self)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.picker = ResidentPicker(w)
        self.picker.chosen.connect(self.show_history)
        self.level_label = QLabel(w)
        self.level_label.setStyleSheet("font-weight: bold;")
        bar.addWidget(QLabel(self.tr("住户"), w))
        bar.addWidget(self.picker)
        bar.addSpacing(12)
        bar.addWidget(self.level_label)
        bar.addStretch(1)
        self.h_new_button = self._button(self.tr("新建评估"), self._new_for_history, w, "history_new")
        self.h_view_button = self._button(self.tr("查看"), lambda: self.view_selected(self.hist_table), w,
                                          "history_view")
        self.h_correct_button = self._button(self.tr("更正"), lambda: self.correct_selected(self.hist_table), w,
                                             "history_correct")
        self.h_print_button = self._button(self.tr("打印报告"), lambda: self.print_selected(self.hist_table), w,
                                           "history_print")
        self.h_preview_button = self._button(self.tr("打印预览…"), lambda: self.preview_selected(self.hist_table), w,
                                             "history_print_preview")
        for b in (self.h_new_button, self.h_view_button, self.h_correct_button, self.h_print_button,
                  self.h_preview_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical, w)
        self.chart = GradeChart(split)
        self.hist_model = AssessmentsModel(self.hist_vm, self)
        self.hist_table = _table(split, self.hist_model, (110, 90, 70, 70, 120, 50, 130, 130, 80, 120, 120))
        self._follow_selection(self.hist_table)
        self.hist_table.activated.connect(lambda _i: self.view_selected(self.hist_table))
        self.hist_table.setColumnHidden(vm.LIST_COLUMNS.index("resident"), True)
        box = QWidget(split)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 4, 0, 0)
        cap = QLabel(self.tr("照护等级变更"), box)
        cap.setStyleSheet("font-weight: bold;")
        bl.addWidget(cap)
        self.hist_changes_model = ChangesModel(vm.CHANGE_COLUMNS, self)
        self.hist_changes = _table(box, self.hist_changes_model, (120, 200, 70, 80, 110, 96, 96, 200))
        bl.addWidget(self.hist_changes)
        split.addWidget(self.chart)
        split.addWidget(self.hist_table)
        split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        split.setSizes([240, 200, 140])
        lay.addWidget(split, 1)
        return w

    # -- loading ------------------------------------------------------------------------------
    def _begin(self) -> None:
        self.loading += 1

    def _end(self) -> None:
        self.loading = max(0, self.loading - 1)

    def _call(self, fn, *args, on_done) -> None:
        self._begin()

        def done(result) -> None:
            self._end()
            on_done(result)

        def failed(exc) -> None:
            self._end()
            self.shell.show_error(exc)

        self.shell.call(fn, *args, on_done=done, on_error=failed)

    def reload(self) -> None:
        self.load_due()
        self.load_pending()
        self.load_list()
        self._call(residents.list_residents, True, on_done=self._residents_loaded)
        if self.history_resident is not None:
            self.show_history(self.history_resident)

    def load_due(self) -> None:
        self._call(svc.due_list, self.show_all.isChecked(), on_done=self._due_loaded)

    def load_pending(self) -> None:
        self._call(load_pending, on_done=self._pending_loaded)

    def load_list(self) -> None:
        f, t = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        self._call(load_list, f, t, on_done=self._list_loaded)

    def _due_loaded(self, rows: list[DueRow]) -> None:
        keep = self.selected_due()
        self.due_rows = rows
        self.due_model.set_rows(rows)
        overdue, soon = vm.due_counts(rows)
        self.due_count.setText(self.tr("已逾期 %1 人，即将到期 %2 人").replace("%1", str(overdue))
                               .replace("%2", str(soon)))
        self.tabs.setTabText(self.DUE, self.tr("待评估（%1）").replace("%1", str(overdue + soon)))
        if keep is not None:
            row = next((i for i, r in enumerate(rows) if r.resident_id == keep.resident_id), None)
            if row is not None:
                _select(self.due_table, row)
        self._update_actions()

    def _pending_loaded(self, rows: list[vm.PendingRow]) -> None:
        keep = self.selected_pending()
        self.pending_model.set_rows(rows)
        if keep is not None:
            self.select_pending(keep.id)
        self.pending_count.setText(self.tr("共 %1 项").replace("%1", str(len(rows))))
        self.tabs.setTabText(self.PENDING, self.tr("待确认的照护等级变更（%1）").replace("%1", str(len(rows))))
        self._update_actions()

    def _list_loaded(self, result) -> None:
        rows, names, change_status = result
        keep = self.selected_assessment(self.list_table)
        self.list_model.set_rows(rows, names, change_status)
        self._update_list_count()
        if keep is not None:
            row = self.list_vm.row_of(keep.id)
            if row is not None:
                _select(self.list_table, row)
        self._update_actions()

    def _update_list_count(self) -> None:
        shown, total = len(self.list_vm.visible), self.list_vm.total
        text = (self.tr("共 %1 份").replace("%1", str(total)) if shown == total
                else self.tr("显示 %1 份，共 %2 份").replace("%1", str(shown)).replace("%2", str(total)))
        self.list_count.setText(text)

    def _search_changed(self, text: str) -> None:
        keep = self.selected_assessment(self.list_table)
        if self.list_vm.set_query(text):
            self.list_model.refresh()
            if keep is not None:  # still shown: still selected; filtered out: nothing selected
                self.select_assessment(self.list_table, keep.id)
            self._update_list_count()
            self._update_actions()

    def _residents_loaded(self, rows: list[ResidentRow]) -> None:
        self.picker.set_residents(rows)
        if self.history_resident is not None:
            self.picker.select(self.history_resident, emit=False)
        self._update_actions()

    def show_history(self, resident_id: int) -> None:
        """Show one resident's assessments, chart and care level changes."""
        self.history_resident = resident_id
        if self.picker.resident_id() != resident_id:
            self.picker.select(resident_id, emit=False)
        self._call(load_history, resident_id, on_done=lambda res: self._history_loaded(resident_id, res))

    def _history_loaded(self, resident_id: int, result) -> None:
        if resident_id != self.history_resident:
            return
        hist, changes, names, (top, axis_names), level = result
        keep = self.selected_assessment(self.hist_table)
        self.hist_model.set_rows(hist, names, _change_status(changes))
        self.hist_changes_model.set_rows(changes)
        self.chart.set_data(vm.chart_points(hist), top, axis_names)
        self.current_level = level
        self.level_label.setText(self.tr("当前照护等级：%1").replace("%1", level or self.tr("（尚未确定）")))
        if keep is not None and self.hist_vm.row_of(keep.id) is not None:
            _select(self.hist_table, self.hist_vm.row_of(keep.id))
        elif hist:
            _select(self.hist_table, len(hist) - 1)
        self._update_actions()
        self.history_loaded.emit(resident_id)

    # -- selection ---------------------------------------------------------------------------
    def selected_due(self) -> DueRow | None:
        row = _selected_row(self.due_table)
        return self.due_model.row_at(row) if row >= 0 else None

    def selected_pending(self) -> CareLevelChangeInfo | None:
        row = _selected_row(self.pending_table)
        r = self.pending_model.row_at(row) if row >= 0 else None
        return r.change if r is not None else None

    def selected_assessment(self, table: QTableView) -> AssessmentSummary | None:
        row = _selected_row(table)
        model = table.model()
        return model.row_at(row) if row >= 0 else None  # type: ignore[attr-defined]

    def _update_actions(self) -> None:
        from ..i18n import no_permission

        actor = self.shell.ctx.actor
        no_write = no_permission(actor, Perm.RESIDENT_WRITE)
        no_print = no_permission(actor, Perm.PRINT)
        due = self.selected_due()
        pending = self.selected_pending()

        def need(button: QPushButton, allowed: bool, why_not_allowed: str, selected: bool, what: str) -> None:
            if not allowed:
                button.setEnabled(False)
                button.setToolTip(why_not_allowed)
            elif not selected:
                button.setEnabled(False)
                button.setToolTip(what)
            else:
                button.setEnabled(True)
                button.setToolTip("")

        pick_resident = self.tr("请先选择一位住户")
        pick_change = self.tr("请先选择一项待确认的变更")
        pick_assessment = self.tr("请先选择一份评估")
        need(self.new_button, self.can_write, no_write, due is not None, pick_resident)
        need(self.request_button, self.can_write, no_write, due is not None, pick_resident)
        need(self.agree_button, self.can_write, no_write, pending is not None, pick_change)
        need(self.decline_button, self.can_write, no_write, pending is not None, pick_change)
        need(self.view_pending_button, True, "", pending is not None, pick_change)
        for table, view, correct, prnt, preview in (
            (self.list_table, self.view_button, self.correct_button, self.print_button, self.preview_button),
            (self.hist_table, self.h_view_button, self.h_correct_button, self.h_print_button, self.h_preview_button),
        ):
            a = self.selected_assessment(table)
            need(view, True, "", a is not None, pick_assessment)
            need(prnt, self.can_print, no_print, a is not None, pick_assessment)
            need(preview, self.can_print, no_print, a is not None, pick_assessment)
            if preview.isEnabled():
                preview.setToolTip(self.tr("在打印机上打印评估报告（先预览；预览中也可另存为PDF）"))
            need(correct, self.can_write, no_write, a is not None, pick_assessment)
            if self.can_write and a is not None and a.superseded_by_id is not None:
                correct.setEnabled(False)
                correct.setToolTip(self.tr("该评估已被更正，请更正最新的那份"))
        need(self.export_button, self.can_print, no_print, True, "")
        need(self.h_new_button, self.can_write, no_write, self.history_resident is not None, pick_resident)
        if self.can_write and self.history_resident is not None:
            status = self.picker.status_of(self.history_resident)
            if status and status not in ACTIVE:
                self.h_new_button.setEnabled(False)
                self.h_new_button.setToolTip(self.tr("“%1”目前%2，不能再做评估")
                                             .replace("%1", self.picker.name_of(self.history_resident))
                                             .replace("%2", status))

    # -- actions: forms ---------------------------------------------------------------------------
    def new_assessment(self) -> None:
        r = self.selected_due()
        if r is not None and self.new_button.isEnabled():
            self.open_new_for(r.resident_id, r.reason)

    def _new_for_history(self) -> None:
        if self.history_resident is not None and self.h_new_button.isEnabled():
            self.open_new_for(self.history_resident)

    def open_new_for(self, resident_id: int, due_reason: str | None = None) -> None:
        """Open the form for a new assessment of ``resident_id`` (once its data is loaded)."""
        if not self.can_write:
            from ..i18n import no_permission

            self.shell.show_error(PermissionDenied(no_permission(self.shell.ctx.actor, Perm.RESIDENT_WRITE)))
            return
        self._call(gather_form, resident_id, NEW, None, due_reason, on_done=self._open_form)

    def view_assessment(self, assessment_id: int) -> None:
        self._call(gather_form, None, VIEW, assessment_id, on_done=self._open_form)

    def correct_assessment(self, assessment_id: int) -> None:
        if not self.can_write:
            return
        self._call(gather_form, None, CORRECT, assessment_id, on_done=self._open_form)

    def view_selected(self, table: QTableView) -> None:
        a = self.selected_assessment(table)
        if a is not None:
            self.view_assessment(a.id)

    def correct_selected(self, table: QTableView) -> None:
        a = self.selected_assessment(table)
        if a is not None and a.superseded_by_id is None:
            self.correct_assessment(a.id)

    def _view_pending(self) -> None:
        c = self.selected_pending()
        if c is not None:
            self.view_assessment(c.assessment_id)

    def _open_form(self, setup: FormSetup) -> None:
        dlg = AssessmentFormDialog(self.shell, setup, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.saved.connect(lambda ch, s=setup: self._after_save(s, ch))
        dlg.print_requested.connect(self.print_report)
        dlg.correct_requested.connect(self.correct_assessment)
        self.form_dialog = dlg
        dlg.finished.connect(lambda _r, d=dlg: self._form_closed(d))
        dlg.open()
        self.form_opened.emit(dlg)

    def _form_closed(self, dlg) -> None:
        if self.form_dialog is dlg:
            self.form_dialog = None

    def _after_save(self, setup: FormSetup, changes: Changes) -> None:
        self.show_history(setup.resident_id)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("评估已保存"), changes.message or self.tr("评估已保存"),
                          QMessageBox.StandardButton.NoButton, self)
        print_btn = box.addButton(self.tr("打印评估报告"), QMessageBox.ButtonRole.AcceptRole)
        close_btn = box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(print_btn if self.can_print else close_btn)
        print_btn.setEnabled(self.can_print and bool(changes.ids))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        aid = changes.ids[0] if changes.ids else None

        def clicked(button) -> None:
            if button is print_btn and aid is not None:
                self.print_report(aid)

        box.buttonClicked.connect(clicked)
        self.last_box = box
        box.open()

    # -- actions: due list ---------------------------------------------------------------------
    def request_immediate(self) -> None:
        r = self.selected_due()
        if r is None or not self.request_button.isEnabled():
            return
        dlg = ImmediateRequestDialog(self.shell, r.resident_id, r.resident_name, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current_dialog = dlg
        dlg.open()

    # -- actions: consent ------------------------------------------------------------------------
    def record_consent(self, agreed: bool) -> None:
        c = self.selected_pending()
        button = self.agree_button if agreed else self.decline_button
        if c is None or not button.isEnabled():
            return
        self._call(residents.get_resident, c.resident_id, on_done=lambda d: self._open_consent(c, agreed, d))

    def _open_consent(self, change: CareLevelChangeInfo, agreed: bool, detail) -> None:
        from ..dialogs.consent import ConsentDialog

        dlg = ConsentDialog(self.shell, change, agreed, detail.agent, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current_dialog = dlg
        dlg.open()

    # -- actions: documents ---------------------------------------------------------------------
    def print_selected(self, table: QTableView) -> None:
        a = self.selected_assessment(table)
        if a is not None:
            self.print_report(a.id)

    def preview_selected(self, table: QTableView) -> None:
        """打印预览…: the selected assessment's report (services.assessments.report_pdf) on the printer."""
        a = self.selected_assessment(table)
        if a is None or not self.can_print:
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, svc.report_pdf, a.id,
                          title=self.tr("评估报告 %1").replace("%1", a.number or str(a.id)), kind="a4")

    def print_report(self, assessment_id: int, path: str | None = None, offer_open: bool = True) -> None:
        """Ask where to save the report (named after the assessment), then
        render and write it on the database thread (audited with its SHA-256)."""
        if not self.can_print:
            return
        if path is not None:
            self._write_report(assessment_id, path, offer_open)
            return
        self._call(svc.get_detail, assessment_id, on_done=lambda d: self._ask_report_path(d, offer_open))

    def _ask_report_path(self, detail, offer_open: bool) -> None:
        name = f"{detail.number}_{detail.resident_name}.pdf"
        path = save_file_path(self, self.tr("保存评估报告"), name, self.tr("PDF 文件 (*.pdf)"))
        if path:
            self._write_report(detail.id, path, offer_open)

    def _write_report(self, assessment_id: int, path: str, offer_open: bool) -> None:
        def done(written) -> None:
            out = str(written.path)
            self.last_report_path = out
            self.shell.notify(self.tr("评估报告已保存：%1").replace("%1", out))
            self.report_written.emit(out)
            if offer_open:
                self._offer_open(out, self.tr("评估报告已保存"))

        self._call(svc.report_pdf, assessment_id, path, on_done=done)

    def _offer_open(self, path: str, title: str) -> None:
        self.last_box = offer_open(self, path, title)

    def export_excel(self, path: str | None = None, offer_open: bool = True) -> None:
        """Every assessment of the records tab's period into an XLSX file."""
        if not self.can_print:
            return
        f, t = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        if f > t:
            f, t = t, f
        if path is None:
            name = f"评估记录_{f:%Y%m%d}-{t:%Y%m%d}.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出评估记录"), str(documents_folder() / name),
                                                  self.tr("Excel 工作簿 (*.xlsx)"))
            if not path:
                return

        def done(written) -> None:
            out = str(written.path)
            self.last_report_path = out
            self.shell.notify(self.tr("已导出 %1 份评估：%2").replace("%1", str(written.rows)).replace("%2", out))
            self.report_written.emit(out)
            if offer_open:
                self._offer_open(out, self.tr("导出完成"))

        self.shell.run_long(self.tr("导出评估记录"), svc.export_xlsx, path, f, t, on_done=done)

    # -- helpers for tests -----------------------------------------------------------------------
    def select_due(self, resident_id: int) -> bool:
        row = next((i for i, r in enumerate(self.due_model.rows) if r.resident_id == resident_id), None)
        if row is None:
            return False
        _select(self.due_table, row)
        return True

    def select_pending(self, change_id: int) -> bool:
        row = next((i for i, r in enumerate(self.pending_model.rows) if r.change.id == change_id), None)
        if row is None:
            return False
        _select(self.pending_table, row)
        return True

    def select_assessment(self, table: QTableView, assessment_id: int) -> bool:
        model = table.model()
        row = model.lst.row_of(assessment_id)  # type: ignore[attr-defined]
        if row is None:
            return False
        _select(table, row)
        return True

