"""住户: the residents list (search as you type, status filter, sorting),
a detail panel for the selected resident and the stay actions."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.records import Changes, ResidentDetail, ResidentRow
from ...domain.roles import Perm
from ...viewmodels import residents as vm
from ..base import LazyService, Page, Shell
from ..tablemodel import restore_scroll, scroll_anchor
from ..widgets import documents_folder, save_file_path

# the first page: its services (and the ORM) import on the database thread
residents = LazyService("residents")
roster = LazyService("roster")

PAGE_SIZE = 500
translate = QCoreApplication.translate

_STATUS_BRUSHES = {
    "请假": QBrush(QColor("#b26a00")),
    "退住": QBrush(QColor("#757575")),
    "去世": QBrush(QColor("#757575")),
}
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
_CENTERED = frozenset({vm.GENDER, vm.AGE})


class ResidentsModel(QAbstractTableModel):
    """Reads ``ResidentsList.visible``; pages rows in PAGE_SIZE at a time."""

    def __init__(self, lst: vm.ResidentsList, parent=None):
        super().__init__(parent)
        self.lst = lst
        self.shown = 0
        self.headers = (
            self.tr("姓名"), self.tr("性别"), self.tr("年龄"), self.tr("状态"), self.tr("床位"),
            self.tr("入住日期"), self.tr("离院日期"), self.tr("身份证号"), self.tr("户籍"), self.tr("政策类别"), self.tr("电话"),
        )

    # -- Qt model interface -------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(vm.COLUMN_KEYS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every painted cell: plain int comparisons first
        role = int(role)
        if role == _DISPLAY:
            r = self._row(index)
            return None if r is None else self.lst.cell(r, index.column())
        if role == _FOREGROUND:
            r = self._row(index)
            return None if r is None else _STATUS_BRUSHES.get(r.status)
        if role == _TOOLTIP:  # the full text of a cell cut off with "…"
            r = self._row(index)
            return (self.lst.cell(r, index.column()) or None) if r is not None else None
        if role == _ALIGNMENT:
            return _CENTER if index.column() in _CENTERED else None
        if role == _USER:
            r = self._row(index)
            return None if r is None else r.id
        return None

    def _row(self, index: QModelIndex | QPersistentModelIndex) -> ResidentRow | None:
        # the list may have changed before the model was reset: never index past it
        row = index.row()
        if not index.isValid() or row >= self.shown or row >= len(self.lst.visible):
            return None
        return self.lst.visible[row]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.headers):
                return self.headers[section]
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.shown < len(self.lst.visible)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        n = min(PAGE_SIZE, len(self.lst.visible) - self.shown)
        if n <= 0:
            return
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + n - 1)
        self.shown += n
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self.lst.sort(column, order == Qt.SortOrder.DescendingOrder)
        self.shown = min(PAGE_SIZE, len(self.lst.visible))
        self.endResetModel()

    # -- helpers ---------------------------------------------------------------
    def refresh(self, at_least: int = 0) -> None:
        """The list changed (rows, query or filter): show its first page (a
        reload: as many rows as were shown, ``at_least``)."""
        self.beginResetModel()
        self.shown = min(max(PAGE_SIZE, at_least), len(self.lst.visible))
        self.endResetModel()

    def row_for(self, resident_id: int) -> int | None:
        """The row of a resident, fetching pages until it is shown."""
        row = self.lst.row_of(resident_id)
        if row is None:
            return None
        while row >= self.shown:
            self.fetchMore()
        return row

    def resident_at(self, row: int) -> ResidentRow | None:
        return self.lst.visible[row] if 0 <= row < min(self.shown, len(self.lst.visible)) else None


class ResidentsPage(Page):
    watches = frozenset({"resident", "bed", "room", "centre"})

    #: emitted after each list load, with the number of residents
    loaded = Signal(int)
    #: emitted when the detail panel shows a resident
    detail_loaded = Signal(object)

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.lst = vm.ResidentsList(shell.ctx.today)
        self.model = ResidentsModel(self.lst, self)
        self.detail: ResidentDetail | None = None
        self.money = None  # services.residents.ResidentMoney of the detail shown
        self._detail_token = 0
        self._money_token = 0
        self._select_after_load: int | None = None
        #: the id of the selected resident, kept apart from the list so that a
        #: change of filter or query can select the same person again
        self._current_id: int | None = None
        self._auto_picked = False  # the selection is the search's best match, not the user's choice
        self._user_lost = False  # the search hid the resident the user chose
        self._stays_token = 0
        self.loading = False
        self.can_write = shell.ctx.actor.can(Perm.RESIDENT_WRITE)
        self._build()

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 6)

        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音或首字母（如 zs）、身份证号、床位号（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(380)
        self.search.textChanged.connect(self._search_changed)
        self.status_filter = QComboBox(self)
        self._filter_keys = [vm.ALL, vm.IN_RESIDENCE, vm.ON_LEAVE, vm.LEFT]
        self._filter_labels = [self.tr("全部"), self.tr("在住"), self.tr("请假"), self.tr("已离院（退住、去世）")]
        self.status_filter.addItems(self._filter_labels)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        top.addWidget(self.search, 3)
        top.addWidget(QLabel(self.tr("状态"), self))
        top.addWidget(self.status_filter)
        top.addSpacing(12)
        top.addWidget(self.count_label, 1)
        outer.addLayout(top)

        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("register", self.tr("登记入住")),
            (vm.EDIT, self.tr("编辑")),
            (vm.MOVE_BED, self.tr("调床")),
            (vm.LEAVE, self.tr("请假")),
            (vm.RETURN, self.tr("销假")),
            (vm.DISCHARGE, self.tr("退住")),
            (vm.DEATH, self.tr("去世登记")),
            (vm.READMIT, self.tr("再次入住")),
            ("assess", self.tr("能力评估…")),
        ):
            b = QPushButton(label, self)
            b.setObjectName(f"action_{key}")
            b.clicked.connect(lambda _=False, k=key: self.run_action(k))
            self.buttons[key] = b
            bar.addWidget(b)
            if key in ("register", vm.READMIT):
                bar.addSpacing(16)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("导出名册…"), self)
        self.export_button.setObjectName("action_export_roster")
        self.export_button.clicked.connect(self.export_roster)
        if self.shell.ctx.actor.can(Perm.PRINT):
            self.export_button.setToolTip(self.tr("把住户名册导出为Excel文件（.xlsx）"))
        else:
            from ..i18n import no_permission

            self.export_button.setEnabled(False)
            self.export_button.setToolTip(no_permission(self.shell.ctx.actor, Perm.PRINT))
        bar.addWidget(self.export_button)
        outer.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableView(split)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        # default order: by bed code, then name; the indicator shows it
        self.table.horizontalHeader().setSortIndicator(vm.DEFAULT_SORT_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        h.setHighlightSections(False)
        h.setStretchLastSection(True)
        for col, width in ((vm.NAME, 80), (vm.GENDER, 44), (vm.AGE, 44), (vm.STATUS, 50), (vm.BED, 76),
                           (vm.ADMISSION, 92), (vm.LEFT_DATE, 92), (vm.ID_NUMBER, 156), (vm.HUKOU, 110), (vm.CATEGORIES, 110),
                           (vm.PHONE, 110)):
            h.resizeSection(col, width)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.run_action(vm.EDIT))
        self.table.activated.connect(lambda _i: self.run_action(vm.EDIT))

        self.detail_view = QTextBrowser(split)
        self.detail_view.setOpenLinks(False)
        self.detail_view.setMinimumWidth(300)
        self.detail_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split.addWidget(self.table)
        split.addWidget(self.detail_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([790, 350])
        outer.addWidget(split, 1)
        self.splitter = split
        self._show_detail(None)
        self._update_actions()
        self._update_count()
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.table)

    # -- loading ------------------------------------------------------------
    def reload(self) -> None:
        self.loading = True
        self.count_label.setText(self.tr("正在载入…"))
        self.shell.call(residents.list_residents, on_done=self._list_loaded, on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._update_count()
        self.shell.show_error(exc)

    def _list_loaded(self, rows: list[ResidentRow]) -> None:
        chosen = self._select_after_load
        keep = chosen if chosen is not None else self.selected_id()
        self._select_after_load = None
        scroll = scroll_anchor(self.table, self.table.currentIndex().row() if keep is not None else -1)
        shown = self.model.shown
        self.lst.set_rows(rows)
        self.model.refresh(at_least=shown)
        if chosen is None:  # the same place on screen (a resident just added is scrolled to instead)
            restore_scroll(self.table, scroll, self.lst.row_of(keep) if keep is not None else None)
        self.loading = False
        self._load_last_stays(rows)
        self._update_filter_labels()
        self._update_count()
        if keep is not None and self.select_resident(keep):
            self.load_detail(keep)
        else:
            self._show_detail(None)
            self._update_actions()
        self.loaded.emit(len(rows))

    #: money shown in the detail panel: these refresh the panel, not the list
    MONEY = frozenset({"receipt", "journal", "contract", "deposit_movement", "bill_run", "charge"})

    def changed_elsewhere(self, entities: frozenset[str]) -> bool:
        """Another PC's payment, bill or deposit only changes the money in the
        detail panel: refreshed quietly. The list's data: the stale bar."""
        if entities & self.MONEY and self.detail is not None and self.isVisible():
            self.load_money(self.detail.id)
        return super().changed_elsewhere(entities)

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & {"resident"} and changes.ids:
            self._select_after_load = changes.ids[0]
        if changes.entities & self.MONEY and not changes.entities & self.watches:
            if self.detail is not None and self.isVisible():
                self.load_money(self.detail.id)
            return
        super().on_changes(changes)

    # -- filtering ------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        keep = self._current_id  # before the list changes under the view
        if self.lst.set_query(text):
            self._refilter(keep)

    def _filter_changed(self, index: int) -> None:
        keep = self._current_id
        if 0 <= index < len(self._filter_keys) and self.lst.set_status_filter(self._filter_keys[index]):
            self._refilter(keep)

    def _refilter(self, keep: int | None = None) -> None:
        if not self.lst.query:
            self._user_lost = False
        self.model.refresh()
        self._update_count()
        if keep is not None and self.lst.row_of(keep) is not None:
            self.select_resident(keep)
        elif self.lst.visible and self.lst.query and (keep is None or self._auto_picked) and not self._user_lost:
            # typing narrows to a resident: show the best match (never replacing
            # a resident the user chose: then nobody is selected)
            self.select_row(0)
            self._auto_picked = True
        else:  # the selected resident is no longer listed: select nobody
            if keep is not None and not self._auto_picked:
                self._user_lost = True  # until the search is cleared
            self._current_id = None
            self._auto_picked = False
            self._show_detail(None)
            self._update_actions()

    def _update_filter_labels(self) -> None:
        counts = self.lst.counts()
        for i, key in enumerate(self._filter_keys):
            self.status_filter.setItemText(i, f"{self._filter_labels[i]}（{counts[key]}）")

    def _update_count(self) -> None:
        shown, total = len(self.lst.visible), self.lst.total
        if shown == total:
            self.count_label.setText(self.tr("共 %1 人").replace("%1", str(total)))
        else:
            self.count_label.setText(self.tr("显示 %1 人，共 %2 人").replace("%1", str(shown)).replace("%2", str(total)))

    # -- selection and detail --------------------------------------------------
    def selected_row(self) -> ResidentRow | None:
        idx = self.table.selectionModel().currentIndex()
        if not idx.isValid() or not self.table.selectionModel().isRowSelected(idx.row(), QModelIndex()):
            return None
        return self.model.resident_at(idx.row())

    def selected_id(self) -> int | None:
        r = self.selected_row()
        return r.id if r else None

    def select_row(self, row: int) -> None:
        idx = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(idx)

    def select_resident(self, resident_id: int) -> bool:
        row = self.model.row_for(resident_id)
        if row is None:
            return False
        if self.selected_id() == resident_id:
            return True
        self.select_row(row)
        return True

    def _sorted(self, _column: int, _order: Qt.SortOrder) -> None:
        """After the view sorted the model (a reset): select the same resident again."""
        keep = self._current_id
        if keep is not None and self.lst.row_of(keep) is not None:
            self.select_resident(keep)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.model.resident_at(current.row()) if current.isValid() else None
        self._current_id = r.id if r is not None else None
        self._auto_picked = False
        if r is not None:
            self._user_lost = False
        self._update_actions()
        if r is None:
            self._show_detail(None)
        elif self.detail is None or self.detail.id != r.id:
            self.load_detail(r.id)

    def load_detail(self, resident_id: int) -> None:
        self._detail_token += 1
        token = self._detail_token
        self.shell.call(residents.get_resident, resident_id,
                        on_done=lambda d: self._detail_loaded(token, d),
                        on_error=lambda e: self._detail_failed(token, e))

    def _detail_loaded(self, token: int, d: ResidentDetail) -> None:
        if token != self._detail_token:
            return
        self._show_detail(d)
        self._update_actions()
        self.detail_loaded.emit(d)
        self.load_money(d.id)

    def load_money(self, resident_id: int) -> None:
        """The current contract, balance owed and deposit held (after the detail)."""
        self._money_token += 1
        token = self._money_token
        self.shell.call(residents.money_summary, resident_id,
                        on_done=lambda m: self._money_loaded(token, m), on_error=lambda _e: None)

    def _money_loaded(self, token: int, m) -> None:
        if token != self._money_token or self.detail is None or self.detail.id != m.resident_id:
            return
        self.money = m
        self._show_detail(self.detail)

    def _detail_failed(self, token: int, exc: BaseException) -> None:
        if token == self._detail_token:
            self._show_detail(None)
            self.shell.show_error(exc)

    def _show_detail(self, d: ResidentDetail | None) -> None:
        if d is None or self.money is None or self.money.resident_id != d.id:
            self.money = None
        self.detail = d
        if d is None:
            self.detail_view.setHtml(
                "<p style='color:#777'>" + html.escape(self.tr("在左侧选择一位住户查看详细信息。")) + "</p>"
            )
            return
        bar = self.detail_view.verticalScrollBar()
        at = bar.value()
        self.detail_view.setHtml(detail_html(d, self.lst.today, self.money))
        bar.setValue(at)

    # -- last stays of residents who have left ----------------------------------
    def _load_last_stays(self, rows: list[ResidentRow]) -> None:
        """The list rows carry the dates of current stays only: fetch the last
        stay of each resident who has left, after the list is shown."""
        ids = [r.id for r in rows if not vm.is_active(r.status)]
        self._stays_token += 1
        token = self._stays_token
        if not ids:
            self.lst.set_last_stays({})
            return
        self.shell.call(residents.last_stays, ids, on_done=lambda stays: self._last_stays_loaded(token, stays),
                        on_error=lambda _e: None)

    def _last_stays_loaded(self, token: int, stays: dict) -> None:
        if token != self._stays_token:
            return
        keep = self._current_id
        sorting = self.lst.sort_column in (vm.ADMISSION, vm.LEFT_DATE, vm.AGE)
        if sorting:
            self.model.beginResetModel()
        self.lst.set_last_stays(stays)
        if sorting:
            self.model.endResetModel()
            if keep is not None and self.lst.row_of(keep) is not None:
                self.select_resident(keep)
        elif self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, len(vm.COLUMN_KEYS) - 1))

    # -- roster --------------------------------------------------------------------
    def export_roster(self) -> None:
        """导出名册…: ask for the file and whether to include those who have left,
        then write the roster XLSX on the database thread with a progress dialog."""
        if not self.export_button.isEnabled():
            return
        dlg = RosterExportDialog(self.shell, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current_dialog = dlg
        dlg.open()

    # -- actions ---------------------------------------------------------------
    def _update_actions(self) -> None:
        r = self.selected_row()
        allowed = vm.allowed_actions(r.status if r else None)
        for key, b in self.buttons.items():
            if not self.can_write:
                b.setEnabled(False)
                from ..i18n import no_permission

                b.setToolTip(no_permission(self.shell.ctx.actor, Perm.RESIDENT_WRITE))
                continue
            if key == "register":
                b.setEnabled(True)
                b.setToolTip(self.tr("登记新住户并安排床位"))
                continue
            if key == "assess":
                ok = r is not None and vm.is_active(r.status)
                b.setEnabled(ok)
                b.setToolTip(self.tr("为该住户填写老年人能力评估表") if ok else self.tr("只有在住或请假的住户才能评估"))
                continue
            b.setEnabled(key in allowed)
            if r is None:
                b.setToolTip(self.tr("请先选择一位住户"))
            elif key in allowed:
                b.setToolTip("")
            else:
                b.setToolTip(self.tr("“%1”目前%2，不能办理此项").replace("%1", r.name).replace("%2", r.status))

    def open_dialog(self, key: str):
        """Build (not show) the dialog for an action; tests drive it directly."""
        from ..dialogs import stay
        from ..dialogs.resident import ResidentDialog

        if key == "register":
            return ResidentDialog(self.shell, None, self)
        r = self.selected_row()
        if r is None:
            return None
        d = self.detail if self.detail is not None and self.detail.id == r.id else None
        if key == vm.EDIT:
            return ResidentDialog(self.shell, d, self) if d is not None else None
        if key == vm.MOVE_BED:
            cur = d.current_bed if d else None
            return stay.MoveBedDialog(self.shell, r, r.bed_code, cur.bed_id if cur else None, self)
        if key == vm.LEAVE:
            return stay.LeaveDialog(self.shell, r, self)
        if key == vm.RETURN:
            first = next((lv.first_day for lv in reversed(d.leaves) if lv.last_day is None), None) if d else None
            return stay.ReturnDialog(self.shell, r, first, self)
        if key == vm.DISCHARGE:
            return stay.DischargeDialog(self.shell, r, False, self)
        if key == vm.DEATH:
            return stay.DischargeDialog(self.shell, r, True, self)
        if key == vm.READMIT:
            return stay.ReadmitDialog(self.shell, r, self)
        return None

    def run_action(self, key: str) -> None:
        if key == "assess":
            r = self.selected_row()
            navigate = getattr(self.shell, "navigate", None)
            if r is not None and navigate is not None:
                navigate("assessment").open_new_for(r.id)
            return
        self._run_action(key)

    def _run_action(self, key: str) -> None:
        b = self.buttons.get(key)
        if b is None or not b.isEnabled():
            return
        if key == vm.EDIT and (self.detail is None or self.detail.id != self.selected_id()):
            return  # the detail (with contacts) is still loading
        dlg = self.open_dialog(key)
        if dlg is None:
            return
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current_dialog = dlg
        dlg.open()


class RosterExportDialog(QDialog):
    """导出名册: the file (住户名册_<date>.xlsx) and whether residents who have left are included."""

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.setWindowTitle(self.tr("导出住户名册"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        name = f"住户名册_{shell.ctx.today():%Y%m%d}.xlsx"
        self.path = QLineEdit(str(documents_folder() / name), self)
        self.browse = QPushButton(self.tr("浏览…"), self)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(self.tr("保存到"), row)
        self.include_left = QCheckBox(self.tr("包括已离院（退住、去世）的住户"), self)
        form.addRow("", self.include_left)
        lay.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.path.setFocus()
        self.result_path: str | None = None

    def _browse(self) -> None:
        path = save_file_path(self, self.tr("导出住户名册"), self.path.text(), self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.error.setText(self.tr("请选择保存位置"))
            self.error.show()
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        include_left = self.include_left.isChecked()
        super().accept()

        def done(written) -> None:
            self.result_path = str(written.path)
            self.shell.notify(self.tr("已导出住户名册（%1 人）：%2").replace("%1", str(written.rows))
                              .replace("%2", str(written.path)))

        self.shell.run_long(self.tr("导出住户名册"), roster.export_roster, path, include_left, on_done=done)


def money_rows(m) -> list[tuple[str, str]]:
    """合同 / 费用余额 / 押金 rows of the detail panel (``m``: ResidentMoney, or
    None while it loads)."""
    from ...domain.money import format_yuan

    e = html.escape
    contract_cap = translate("ResidentsPage", "服务合同")
    if m is None:
        return [(contract_cap, f"<span style='color:#777'>{e(translate('ResidentsPage', '正在载入…'))}</span>")]
    if m.contract_id is None:
        contract = f"<span style='color:#b26a00'>{e(translate('ResidentsPage', '未签合同'))}</span>"
    else:
        span = (translate("ResidentsPage", "%1 至 %2").replace("%1", f"{m.contract_start:%Y-%m-%d}")
                .replace("%2", f"{m.contract_end:%Y-%m-%d}")) if m.contract_start else ""
        contract = f"{e(m.contract_number)}（{e(span)}）"
        if not m.contract_current:
            status = m.contract_status or translate("ResidentsPage", "不在合同期内")
            contract += f" <span style='color:#757575'>【{e(status)}】</span>"
    if m.balance_fen > 0:
        balance = f"<b style='color:#c62828'>{e(translate('ResidentsPage', '欠费'))} {e(format_yuan(m.balance_fen))}</b>"
    elif m.balance_fen < 0:
        balance = f"<span style='color:#2e7d32'>{e(translate('ResidentsPage', '预收余额'))} {e(format_yuan(-m.balance_fen))}</span>"
    else:
        balance = f"{e(translate('ResidentsPage', '已结清'))} {e(format_yuan(0))}"
    return [(contract_cap, contract), (translate("ResidentsPage", "费用余额"), balance),
            (translate("ResidentsPage", "押金（专户）"), e(format_yuan(m.deposit_fen)))]


def detail_html(d: ResidentDetail, today, money=None) -> str:
    """The detail panel as rich text (Qt's HTML subset); ``money`` is the
    services.residents.ResidentMoney of the resident (None: still loading)."""
    from ...domain.identity import age_on

    e = html.escape
    NONE_TEXT = translate("ResidentsPage", "无")
    YEARS = translate("ResidentsPage", "岁")
    T = {
        "联系人": translate("ResidentsPage", "联系人"),
        "入住记录": translate("ResidentsPage", "入住记录"),
        "床位记录": translate("ResidentsPage", "床位记录"),
        "请假记录": translate("ResidentsPage", "请假记录"),
        "状态变化": translate("ResidentsPage", "状态变化"),
        "代理人": translate("ResidentsPage", "代理人"),
    }

    def date(x) -> str:
        return f"{x:%Y-%m-%d}" if x else ""

    def table(headers: list[str], rows: list[list[str]]) -> str:
        if not rows:
            return f"<p style='color:#777'>{e(NONE_TEXT)}</p>"
        head = "".join(f"<th align='left' style='background:#eef1f5'>{e(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return (f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#d0d5dc;"
                f" border-collapse:collapse' width='100%'><tr>{head}</tr>{body}</table>")

    status_colour = {"在住": "#2e7d32", "请假": "#b26a00"}.get(d.status, "#757575")
    # a deceased resident's age is frozen at the date of death (the last day of the last stay)
    last_end = d.stays[-1].end if d.stays else None
    age_day = last_end if d.status == "去世" and last_end is not None else today
    DIED = translate("ResidentsPage", "，去世时")
    bed = d.current_bed
    stay = d.current_stay
    hukou = "".join(dict.fromkeys(x for x in (d.hukou_province, d.hukou_city, d.hukou_district) if x))
    info = [
        (translate("ResidentsPage", "性别"), e(d.gender)),
        (translate("ResidentsPage", "出生日期"), f"{date(d.birth_date)}（{age_on(d.birth_date, age_day)}{e(YEARS)}"
                                                 f"{e(DIED) if age_day != today else ''}）"),
        (translate("ResidentsPage", "身份证号"), e(d.id_number)),
        (translate("ResidentsPage", "户籍"), e(hukou)),
        (translate("ResidentsPage", "电话"), e(d.phone)),
        (translate("ResidentsPage", "住址"), e(d.address)),
        (translate("ResidentsPage", "政策类别"), e("、".join(d.categories))),
        (translate("ResidentsPage", "当前床位"), e(f"{bed.bed_code}（{bed.bed_type}）") if bed else ""),
        (translate("ResidentsPage", "本次入住"), date(stay.start) if stay else ""),
        (translate("ResidentsPage", "照护等级"),
         e(d.care_level or translate("ResidentsPage", "未评估"))
         + (f"<span style='color:#b26a00'>（{e(translate('ResidentsPage', '待同意变更为'))}{e(d.pending_care_level)}）</span>"
            if d.pending_care_level else "")),
        (translate("ResidentsPage", "最近评估"), e(d.last_assessment)),
        *money_rows(money),
    ]
    if d.notes:
        info.append((translate("ResidentsPage", "备注"), e(d.notes).replace("\n", "<br>")))
    rows = "".join(
        f"<tr><td style='color:#555' width='80'>{e(k)}</td><td>{v}</td></tr>" for k, v in info
    )
    parts = [
        f"<h2 style='margin-bottom:2px'>{e(d.name)} "
        f"<span style='font-size:13px; color:{status_colour}'>【{e(d.status)}】</span></h2>",
        f"<table cellpadding='2'>{rows}</table>",
        f"<h3>{e(T['联系人'])}</h3>",
        table([translate("ResidentsPage", "姓名"), translate("ResidentsPage", "关系"), translate("ResidentsPage", "电话"), ""],
              [[e(c.name), e(c.relationship), e(c.phone),
                f"<b style='color:#1565c0'>{e(T['代理人'])}</b>" if c.is_agent else ""] for c in d.contacts]),
        f"<h3>{e(T['入住记录'])}</h3>",
        table([translate("ResidentsPage", "入住日期"), translate("ResidentsPage", "结束日期"), translate("ResidentsPage", "结束原因")],
              [[date(s.start), date(s.end) or e(translate("ResidentsPage", "至今")), e(" ".join(x for x in (s.end_reason, s.end_note) if x))]
               for s in reversed(d.stays)]),
        f"<h3>{e(T['床位记录'])}</h3>",
        table([translate("ResidentsPage", "床位"), translate("ResidentsPage", "开始"), translate("ResidentsPage", "结束"), translate("ResidentsPage", "原因")],
              [[e(b.bed_code), date(b.start), date(b.end) or e(translate("ResidentsPage", "至今")), e(b.reason)] for b in reversed(d.beds)]),
        f"<h3>{e(T['请假记录'])}</h3>",
        table([translate("ResidentsPage", "首日"), translate("ResidentsPage", "最后一天"), translate("ResidentsPage", "事由"), translate("ResidentsPage", "预计返院")],
              [[date(lv.first_day), date(lv.last_day) or e(translate("ResidentsPage", "请假中")), e(lv.reason), date(lv.expected_return)]
               for lv in reversed(d.leaves)]),
        f"<h3>{e(T['状态变化'])}</h3>",
        table([translate("ResidentsPage", "日期"), translate("ResidentsPage", "状态"), translate("ResidentsPage", "说明"), translate("ResidentsPage", "登记人")],
              [[date(s.effective_date), e(s.status), e(s.reason), e(s.recorded_by)] for s in reversed(d.statuses)]),
    ]
    return "".join(parts)
