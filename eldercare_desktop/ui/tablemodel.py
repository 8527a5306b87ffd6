"""The base of every table model: a snapshot list of DTOs, read in data()."""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


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
