"""The base of every table model: a snapshot list of DTOs, read in data()."""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class SnapshotModel(QAbstractTableModel):
    """Holds ``rows`` (a list replaced wholesale by ``set_rows``); subclasses
    give ``header_texts()`` and ``data()``."""

    def __init__(self, parent=None, headers: Sequence[str] = ()):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Any] = []

    def header_texts(self) -> Sequence[str]:
        return self.headers

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.header_texts())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        texts = self.header_texts()
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(texts):
            return texts[section]
        return None


def fit_columns(view: QTableView, stretch: int | None = None) -> None:
    """Size columns to their contents (at least 70, at most 320 px) except the stretched one."""
    model = view.model()
    for c in range(model.columnCount()):
        if c == stretch:
            continue
        view.resizeColumnToContents(c)
        view.setColumnWidth(c, min(max(view.columnWidth(c) + 12, 70), 320))


def make_table(model: QAbstractTableModel, parent: QWidget | None = None, stretch: int | None = None) -> QTableView:
    """A read-only, row-selecting table whose columns fit their contents after
    every reset. ``stretch``: the column that takes the spare width; None = the
    last one; -1 = none (figures stay next to each other)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    h = view.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    h.setMinimumSectionSize(60)
    h.setStretchLastSection(stretch is None)
    if stretch is not None and stretch >= 0:
        h.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(lambda: fit_columns(view, stretch))
    fit_columns(view, stretch)
    return view
