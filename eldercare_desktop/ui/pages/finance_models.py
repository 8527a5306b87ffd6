"""Table models and small helpers of the 账单与收款 page."""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView

from ...viewmodels.finance import Column
from ..tablemodel import SnapshotModel

GREY = QColor("#9e9e9e")
TOTALS_BG = QColor("#eef3f8")


class ColumnsModel(SnapshotModel):
    """A snapshot of DTOs shown through viewmodel ``Column``s.

    ``is_total(row)`` marks a totals row (bold, shaded); ``is_void(row)``
    a row shown greyed and struck through (a voided receipt)."""

    def __init__(self, columns: Sequence[Column], headers: Sequence[str], parent=None,
                 is_total: Callable[[Any], bool] | None = None, is_void: Callable[[Any], bool] | None = None,
                 tooltip: Callable[[Any, int], str | None] | None = None):
        super().__init__(parent, headers)
        assert len(columns) == len(headers)
        self.columns = tuple(columns)
        self.is_total = is_total or (lambda r: False)
        self.is_void = is_void or (lambda r: False)
        self.tooltip = tooltip
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if self.is_total(row):
                return self._bold
            if self.is_void(row) and col.key in ("number", "amount"):
                return self._struck
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self.is_void(row):
            return QBrush(GREY)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_total(row):
            return QBrush(TOTALS_BG)
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
            return self.tooltip(row, index.column())
        return None


def selected_row(view: QTableView):
    model: ColumnsModel = view.model()  # type: ignore[assignment]
    idx = view.selectionModel().selectedRows()
    if not idx:
        cur = view.currentIndex()
        return model.row_at(cur.row()) if cur.isValid() else None
    return model.row_at(idx[0].row())


class SortedModel(ColumnsModel):
    """A snapshot sorted in Python by value (``keys``: column key → sort key,
    e.g. money as fen, not text; other columns by their text);
    ``colour(row, key)`` gives a foreground colour name. Sorting keeps the
    selection on its rows (persistent indexes move with them)."""

    def __init__(self, columns: Sequence[Column], headers: Sequence[str], parent=None,
                 colour: Callable[[Any, str], str | None] | None = None,
                 keys: Mapping[str, Callable[[Any], Any]] | None = None, **kw):
        super().__init__(columns, headers, parent, **kw)
        self.colour = colour
        self.keys = dict(keys or {})
        self.order: tuple[int, Qt.SortOrder] | None = None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and self.colour is not None and index.isValid() \
                and 0 <= index.row() < len(self.rows) and 0 <= index.column() < len(self.columns):
            name = self.colour(self.rows[index.row()], self.columns[index.column()].key)
            if name:
                return QBrush(QColor(name))
        return super().data(index, role)

    def _sorted(self, rows: Sequence[Any]) -> list[Any]:
        if self.order is None:
            return list(rows)
        col, order = self.order
        column = self.columns[col]
        return sorted(rows, key=self.keys.get(column.key, column.text), reverse=order == Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: Sequence[Any]) -> None:
        super().set_rows(self._sorted(rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.order = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self.rows[i.row()], i.column()) for i in old]
        self.rows = self._sorted(self.rows)
        at = {id(r): n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(old, [self.index(at[id(r)], c) for r, c in held])
        self.layoutChanged.emit()
