"""From a figure to its entries, from an entry to its source: the table
model of the report screens, the drill-down dialog (the entries behind one
statement figure, their total checked against it) and the source dialog
(what a journal entry came from, with its debit and credit lines)."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.disclosure_records import EntryRef, SourceView
from ...viewmodels import reports as vm
from ..base import LazyService, Shell
from ..tablemodel import SnapshotModel, make_table

reports = LazyService("reports")

GREEN, RED, GREY = "#2e7d32", "#c62828", QColor("#9e9e9e")
SHADES = {vm.TOTAL: QColor("#eef3f8"), vm.GRAND: QColor("#dde6f0"), vm.HEADING: QColor("#f6f6f6")}
ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
         "center": Qt.AlignmentFlag.AlignHCenter}


class ReportModel(SnapshotModel):
    """A snapshot shown through viewmodel ``Col``s; ``style(row)`` (a
    viewmodel style name) makes headings, parents and totals bold and shades
    totals; ``tooltip(row, column)`` says what a double-click opens."""

    def __init__(self, columns: Sequence[vm.Col], headers: Sequence[str], parent=None,
                 style: Callable[[Any], str] | None = None,
                 tooltip: Callable[[Any, int], str | None] | None = None):
        super().__init__(parent, headers)
        assert len(columns) == len(headers)
        self.columns = tuple(columns)
        self.style = style or (lambda r: vm.PLAIN)
        self.tooltip = tooltip
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, columns: Sequence[vm.Col], headers: Sequence[str], rows: Sequence[Any]) -> None:
        """New columns and rows in one reset (a statement of another shape)."""
        assert len(columns) == len(headers)
        self.beginResetModel()
        self.columns, self.headers, self.rows = tuple(columns), list(headers), list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN[col.align] | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self.style(row) in vm.BOLD_STYLES else None
        if role == Qt.ItemDataRole.BackgroundRole:
            shade = SHADES.get(self.style(row))
            return QBrush(shade) if shade is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and col.align == "right" and col.text(row) == vm.ZERO:
            return QBrush(GREY)  # a zero figure, printed but quiet
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
            return self.tooltip(row, index.column())
        return None


def on_activate(view: QTableView, handler: Callable[[QModelIndex], None]) -> None:
    """Double-click or Enter on a cell calls ``handler(index)``."""
    view.doubleClicked.connect(handler)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        sc = QShortcut(QKeySequence(key), view)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(lambda: view.currentIndex().isValid() and handler(view.currentIndex()))


def show_window(dlg: QDialog) -> QDialog:
    """Show a report dialog without blocking: several may stay open side by side."""
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    dlg.raise_()
    return dlg


def close_buttons(dlg: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dlg)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("drilldown", "关闭"))
    buttons.rejected.connect(dlg.reject)
    return buttons


def _heading(text: str, parent: QWidget) -> QLabel:
    lbl = QLabel(text, parent)
    lbl.setStyleSheet("font-size: 15px; font-weight: bold;")
    lbl.setWordWrap(True)
    return lbl


class SourceDialog(QDialog):
    """What journal entry ``entry_id`` came from (bill, receipt, deposit,
    voucher, depreciation, close, opening): facts, then the entry's lines."""

    def __init__(self, shell: Shell, entry_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.entry_id = entry_id
        self.view: SourceView | None = None
        self.setWindowTitle(self.tr("原始单据 — 凭证%1").replace("%1", str(entry_id)))
        self.title = _heading(self.tr("正在载入…"), self)
        self.kind = QLabel(self)
        self.kind.setStyleSheet("color: #555;")
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        headers = [self.tr("科目"), self.tr("科目名称"), self.tr("借方"), self.tr("贷方"), self.tr("住户/说明")]
        self.model = ReportModel(vm.SOURCE_COLUMNS, headers, self, style=vm.source_style)
        self.table = make_table(self.model, self, stretch=4)
        buttons = close_buttons(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.kind)
        lay.addLayout(self.facts)
        lay.addWidget(QLabel(self.tr("记账分录"), self))
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(760, 520)
        shell.call(reports.entry_source, entry_id, on_done=self.show_view)

    def show_view(self, view: SourceView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.kind.setText(self.tr("来源：%1　　凭证内部编号：%2").replace("%1", view.kind)
                          .replace("%2", str(view.entry_id)))
        for label, value in view.facts:
            text = QLabel(value, self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label + "：", text)
        self.model.set_rows(vm.source_lines(view, self.tr("合计")))

    def fact_texts(self) -> list[str]:
        """Every label and value shown (tests read them)."""
        out = []
        for i in range(self.facts.count()):
            w = self.facts.itemAt(i).widget()
            if isinstance(w, QLabel):
                out.append(w.text())
        return out


class DrillDownDialog(QDialog):
    """The entries behind one figure of a statement, with their total
    checked against the figure; double-click (or Enter) opens an entry's source."""

    def __init__(self, shell: Shell, caption: str, figure: int, code: str, year: int, row: int, column: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.figure = figure
        self.total: int | None = None
        self.last_source: SourceDialog | None = None
        self.setWindowTitle(self.tr("构成明细"))
        head = _heading(caption, self)
        self.figure_label = QLabel(self.tr("报表数：%1").replace("%1", vm.amount(figure)), self)
        headers = [self.tr("日期"), self.tr("凭证/来源"), self.tr("摘要"), self.tr("科目"), self.tr("金额")]
        self.model = ReportModel(vm.ENTRY_COLUMNS, headers, self,
                                 tooltip=lambda r, c: self.tr("双击查看原始单据"))
        self.table = make_table(self.model, self, stretch=2)
        on_activate(self.table, self.open_entry)
        self.total_label = QLabel(self.tr("正在载入…"), self)
        self.total_label.setStyleSheet("font-weight: bold;")
        hint = QLabel(self.tr("双击一笔凭证（或选中后按回车）查看它的原始单据。"), self)
        hint.setStyleSheet("color: #555;")
        buttons = close_buttons(self)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.figure_label)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.total_label)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.resize(900, 560)
        shell.call(reports.line_entries, year, code, row, column, on_done=self.show_entries)

    def show_entries(self, refs: list[EntryRef]) -> None:
        self.model.set_rows(refs)
        self.total = vm.entries_total(refs)
        text = self.tr("合计 %1（%2笔）").replace("%1", vm.amount(self.total)).replace("%2", str(len(refs)))
        if self.total == self.figure:
            text += "　" + vm.OK_MARK + " " + self.tr("合计与报表数一致")
            colour = GREEN
        else:
            text += "　" + vm.FAIL_MARK + " " + self.tr("合计与报表数不一致（相差 %1）").replace(
                "%1", vm.amount(self.total - self.figure))
            colour = RED
        self.total_label.setText(text)
        self.total_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        if refs:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def open_entry(self, index: QModelIndex) -> None:
        ref = self.model.row_at(index.row())
        if ref is not None:
            self.last_source = open_source(self.shell, ref.entry_id, self)


def open_source(shell: Shell, entry_id: int, parent: QWidget | None = None) -> SourceDialog:
    dlg = SourceDialog(shell, entry_id, parent)
    show_window(dlg)
    return dlg
