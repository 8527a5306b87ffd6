"""The base of every table model: a snapshot list of DTOs, read in data();
and the read-only table view every list uses, which keeps its selection (by
record id) and scroll position when its model is reloaded."""
from __future__ import annotations

from typing import Any, Hashable, Sequence

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, QObject, \
    QPersistentModelIndex, Qt
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

    # -- identity across reloads (a reload keeps the selection on the same record) --------
    def row_key(self, item: Any) -> Hashable | None:
        """The record a row shows, stable across reloads: its ``id`` (None:
        rows of this model are not told apart, a reload selects nothing)."""
        return getattr(item, "id", None)

    def key_at(self, row: int) -> Hashable | None:
        item = self.row_at(row)
        return None if item is None else self.row_key(item)

    def row_of_key(self, key: Hashable) -> int:
        """The row showing that record, or -1."""
        if key is None:
            return -1
        return next((i for i, item in enumerate(self.rows) if self.row_key(item) == key), -1)

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


def scroll_anchor(view: QTableView, row: int) -> tuple[int, int, int]:
    """Where a view is scrolled, to restore after a reload: (vertical value,
    horizontal value, ``row`` if it is on screen else -1)."""
    on_screen = row >= 0 and 0 <= view.rowViewportPosition(row) < view.viewport().height()
    return view.verticalScrollBar().value(), view.horizontalScrollBar().value(), row if on_screen else -1


def restore_scroll(view: QTableView, anchor: tuple[int, int, int], moved_to: int | None = None) -> None:
    """Scroll back to ``anchor`` (scroll_anchor); when its row is now at
    ``moved_to`` (rows came or went above it) it stays at its height on
    screen. A model that pages rows in (canFetchMore) fetches what is needed."""
    v, h, row = anchor
    if row >= 0 and moved_to is not None and moved_to >= 0:
        step = 1 if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem else view.rowHeight(moved_to)
        v += (moved_to - row) * step
    model = view.model()
    if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
        need = v + view.viewport().height() // max(view.verticalHeader().defaultSectionSize(), 1) + 1
        while model.rowCount() < need and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
    bar = view.verticalScrollBar()
    if bar.maximum() < v:
        view.doItemsLayout()  # the scroll range follows the new rows now, not at the next paint
    bar.setValue(v)
    view.horizontalScrollBar().setValue(h)


class KeepViewState(QObject):
    """Keeps a table view's selected rows and current row (by record id, via
    the model's ``key_at``/``row_of_key``, never by row index) and its scroll
    position when the model is reset, as a reload does: the selection
    (silently cleared by the reset) is selected again, so pages hear
    ``selectionChanged`` and reload the detail of the same record, and the
    current row stays where it was on screen when it was visible."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self._saved: tuple | None = None
        model = view.model()
        model.modelAboutToBeReset.connect(self._save)
        model.modelReset.connect(self._restore)

    def _save(self) -> None:
        view, model = self.view, self.view.model()
        sm = view.selectionModel()
        rows = sorted({i.row() for i in sm.selectedRows()}) if sm is not None else []
        keys = [k for k in (model.key_at(r) for r in rows) if k is not None]
        cur = view.currentIndex()
        cur_key = model.key_at(cur.row()) if cur.isValid() else None
        ref = cur.row() if cur.isValid() and cur_key in keys else (rows[0] if keys else -1)
        # the current row stays at its height on screen
        self._saved = (keys, cur_key, max(cur.column(), 0), scroll_anchor(view, ref),
                       model.key_at(ref) if ref >= 0 else None)

    def _restore(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            return
        keys, cur_key, column, anchor, anchor_key = saved
        view, model = self.view, self.view.model()
        rows = [r for r in (model.row_of_key(k) for k in keys) if r >= 0]
        if rows:
            sm = view.selectionModel()
            last = max(model.columnCount() - 1, 0)
            selection = QItemSelection()
            for r in rows:
                selection.select(model.index(r, 0), model.index(r, last))
            current = model.row_of_key(cur_key) if cur_key is not None else -1
            current = current if current >= 0 else rows[0]
            flags = QItemSelectionModel.SelectionFlag
            sm.setCurrentIndex(model.index(current, min(column, last)), flags.NoUpdate)
            sm.select(selection, flags.ClearAndSelect | flags.Rows)
        restore_scroll(view, anchor, model.row_of_key(anchor_key) if anchor_key is not None else None)


def keep_view_state(view: QTableView) -> KeepViewState | None:
    """Install KeepViewState on a view whose model tells records apart (``key_at``)."""
    model = view.model()
    if model is None or not hasattr(model, "key_at") or not hasattr(model, "row_of_key"):
        return None
    return KeepViewState(view)


def make_table(model: QAbstractTableModel, parent: QWidget | None = None, stretch: int | None = None) -> QTableView:
    """A read-only, row-selecting table whose columns fit their contents after
    every reset and which keeps its selection and scroll position across
    reloads (KeepViewState). ``stretch``: the column that takes the spare width; None = the
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
    view.keep_state = keep_view_state(view)  # a reload keeps the selected record and the scroll position
    return view
