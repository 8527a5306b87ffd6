"""A claim's rows as the 新建申报 wizard and the 申报 tab show them: one
line per bed / resident / care worker / project with each test (✔/✘ and
its evidence) and the amount per layer; the selected row's every fact,
test, basis and counted month beside it; the totals under it (each layer
with its cap, the funder split, the residents' share, the month grid,
missing parameters)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import format_yuan
from ...domain.subsidy_records import ClaimResult
from ...viewmodels import subsidies as vm
from ..tablemodel import SnapshotModel

TOTAL_STYLES = {"layer": "", "cap": "color:#555;", "funder": "", "total": "font-weight:bold;",
                "months": "color:#555;", "missing": f"color:{vm.RED}; font-weight:bold;", "note": "color:#555;"}
DETAIL_STYLES = {"title": "font-weight:bold; font-size:14px;", "info": "color:#444;",
                 "section": "font-weight:bold; margin-top:6px;", "ok": f"color:{vm.GREEN};",
                 "fail": f"color:{vm.RED};", "plain": "color:#444;"}
translate = QCoreApplication.translate
FIXED = 4  # 序号, 名称, 信息, 检验与依据; then one column per layer, then 合计


def esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def words() -> vm.Words:
    """The viewmodel's words, translated."""
    return vm.Words(
        months_ok=translate("SubsidyResult", "%1：各月符合"),
        months_fail=translate("SubsidyResult", "%1：%2个月不符（%3）"),
        layer_total=translate("SubsidyResult", "%1：各行合计 %2，本次申报 %3"),
        layer_capped=translate("SubsidyResult", "（按上限核减 %1）"),
        to_resident=translate("SubsidyResult", "（发给老人）"),
        funders=translate("SubsidyResult", "出资方："),
        total=translate("SubsidyResult", "申报合计 %1（机构 %2，老人 %3）"),
        missing=translate("SubsidyResult", "缺少参数：%1。请在“机构信息 → 补贴参数”中填写当年通知的标准，才能建立申报"),
        counted=translate("SubsidyResult", "各月计数："),
        month_count=translate("SubsidyResult", "%1月 %2"),
        rows=translate("SubsidyResult", "共 %1 行，符合条件 %2 行"),
        basis=translate("SubsidyResult", "计算："),
        months=translate("SubsidyResult", "计入月份："),
        no_months=translate("SubsidyResult", "无计入月份"),
        common=translate("SubsidyResult", "各项共同条件"),
        layer=translate("SubsidyResult", "%1（%2）"),
        more=translate("SubsidyResult", "等"))


class ResultModel(SnapshotModel):
    """The rows of a ClaimResult (vm.ResultRow); its layers are columns."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layers: tuple[str, ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)
        self._fixed = [self.tr("序号"), self.tr("名称"), self.tr("信息"), self.tr("检验与依据")]
        self._total = self.tr("合计")
        self.headers = [*self._fixed, self._total]

    def header_texts(self):
        return self.headers

    def set_result(self, layers: tuple[str, ...], rows: list[vm.ResultRow]) -> None:
        self.beginResetModel()
        self.layers = tuple(layers)
        self.headers = [*self._fixed, *self.layers, self._total]
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r: vm.ResultRow = self.rows[index.row()]
        c = index.column()
        last = FIXED + len(self.layers)
        if not 0 <= c <= last:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return str(r.no)
            if c == 1:
                return r.name
            if c == 2:
                return r.info
            if c == 3:
                return r.checks
            return format_yuan(r.total_fen if c == last else r.amounts[c - FIXED])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = c == 0 or c >= FIXED
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if c in (1, 3) or c == last:
                return QBrush(QColor(vm.STATE_COLOURS[r.state]))
            if c >= FIXED and r.amounts[c - FIXED] == 0:
                return QBrush(QColor(vm.GREY))
            return None
        if role == Qt.ItemDataRole.FontRole and c == last:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and c in (2, 3):
            if c == 2:
                return "\n".join(vm.info_lines(r.row)) or None
            return "\n".join(t for _, t in vm.check_summary(r.row, words()))
        return None


class ResultView(QWidget):
    """``show_result(result)``; ``clear(text)``. The table (filter: only the
    eligible rows, a text search), the selected row's detail, the totals."""

    row_selected = Signal(object)  # vm.ResultRow | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: ClaimResult | None = None
        self.all_rows: list[vm.ResultRow] = []
        self.words = words()
        self.count = QLabel(self)
        self.only = QCheckBox(self.tr("只看符合条件的行"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("按姓名、证件或检验结果查找"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.only)
        bar.addWidget(self.search)
        self.model = ResultModel(self)
        self.table = QTableView(self)  # like tablemodel.make_table, but fitted per result, not per filter
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        h = self.table.horizontalHeader()
        h.setMinimumSectionSize(40)
        h.setStretchLastSection(False)
        # column widths from the first rows: a claim over a thousand residents opens at once
        h.setResizeContentsPrecision(200)
        self._layers_fitted: tuple[str, ...] | None = None
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)
        self.detail.setMinimumWidth(240)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.table)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidget(self.totals)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.totals_box = scroll
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.split, 1)
        lay.addWidget(scroll)
        self.only.toggled.connect(lambda _b: self._refilter())
        self.search.textChanged.connect(lambda _t: self._refilter())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_select())
        self.model.modelReset.connect(self._on_select)
        self.clear()

    def _fit(self) -> None:
        t = self.table
        h = t.horizontalHeader()
        for c in range(self.model.columnCount()):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == 3 else QHeaderView.ResizeMode.Interactive)
        t.setColumnWidth(0, 44)
        for c in (1, 2):
            t.resizeColumnToContents(c)
            t.setColumnWidth(c, min(max(t.columnWidth(c) + 12, 70), 180 if c == 2 else 120))
        for c in range(FIXED, self.model.columnCount()):
            t.resizeColumnToContents(c)
            t.setColumnWidth(c, min(max(t.columnWidth(c) + 12, 80), 160))

    # -- showing ----------------------------------------------------------------------
    def clear(self, text: str = "") -> None:
        self.result = None
        self.all_rows = []
        self.model.set_result((), [])
        self.count.setText(text)
        self.totals.setText("")
        self._fit_totals()
        self.detail.setHtml("")

    def show_result(self, result: ClaimResult) -> None:
        keep = self.selected()
        self.result = result
        self.all_rows = vm.result_rows(result, self.words)
        self.count.setText(self.words.rows.replace("%1", str(len(result.rows)))
                           .replace("%2", str(vm.eligible_count(result))))
        self.totals.setText("<br/>".join(f'<span style="{TOTAL_STYLES.get(style, "")}">{esc(text)}</span>'
                                         for style, text in vm.total_lines(result, self.words)))
        self._fit_totals()
        self._refilter(keep.row.key if keep else None, fit=True)

    def _fit_totals(self) -> None:
        """As tall as the totals (up to 150 px; then they scroll)."""
        width = max(self.totals_box.viewport().width(), 400)
        need = self.totals.heightForWidth(width) if self.totals.text() else 0
        self.totals_box.setFixedHeight(max(40, min(150, need + 2 * self.totals_box.frameWidth() + 4)))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_totals()

    def _refilter(self, keep_key: str | None = None, fit: bool = False) -> None:
        if keep_key is None:
            cur = self.selected()
            keep_key = cur.row.key if cur else None
        rows = vm.filter_rows(self.all_rows, self.only.isChecked(), self.search.text())
        layers = vm.layer_names(self.result) if self.result else ()
        self.model.set_result(layers, rows)
        if fit or layers != self._layers_fitted:  # a new result: fit its columns (not on every keystroke)
            self._layers_fitted = layers
            self._fit()
        if keep_key is not None:
            for i, r in enumerate(rows):
                if r.row.key == keep_key:
                    self.table.selectRow(i)
                    break

    def selected(self) -> vm.ResultRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_select(self) -> None:
        r = self.selected()
        if r is None:
            hint = self.tr("选中一行查看每项检验的依据和计算") if self.model.rowCount() else ""
            self.detail.setHtml(f'<p style="color:#777;">{esc(hint)}</p>')
        else:
            parts = [f'<div style="{DETAIL_STYLES.get(style, "")}">{esc(text)}</div>'
                     for style, text in vm.row_detail(r.row, self.words)]
            self.detail.setHtml("".join(parts))
        self.row_selected.emit(r)

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def totals_text(self) -> str:
        return self.totals.text()


__all__ = ["ResultView", "ResultModel", "words"]
