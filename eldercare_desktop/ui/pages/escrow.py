"""押金专户 page: 概览 (dashboard with a chart), 住户押金, 利率表, 对账 as tabs.

Every service call goes through the shell. Documents come from
services.escrow_documents, imported lazily inside each action; a button
whose function does not exist is disabled with a tooltip. Write buttons are
disabled, with the reason as tooltip, for users without the permission."""
from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any, Callable, Sequence

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import interest
from ...domain.errors import DomainError, RuleViolation
from ...domain.escrow_records import KIND_DEPOSIT, KIND_REFUND, BankStatement, Dashboard, ReconciliationRow
from ...domain.money import yuan_to_fen
from ...domain.roles import Perm
from ...services import centre, contracts, escrow
from ...viewmodels import escrow as vm
from ..chart import LINE, MiniChart, fen_short, fen_tip
from ..base import Page, Shell
from ..dialogs.escrow import DeductDialog, ExcessRefundDialog, RateDialog, ReceiveDepositDialog, RefundDialog
from ..tablemodel import SnapshotModel, make_table
from ..widgets import date_edit, from_qdate, save_file_path

RED = QColor("#c62828")
AMBER = QColor("#ef6c00")
GREEN = QColor("#2e7d32")
DOCS_MODULE = "eldercare_desktop.services.escrow_documents"


def doc_function(name: str) -> Callable[..., Any] | None:
    """services.escrow_documents.<name>, imported lazily; None while missing."""
    try:
        mod = importlib.import_module(DOCS_MODULE)
    except ImportError:
        return None
    return getattr(mod, name, None)


def load_overview(ctx) -> dict[str, Any]:
    """Everything the page shows, read in one job on the database thread."""
    dash = escrow.dashboard(ctx)
    info = centre.get_centre(ctx)
    mult = centre.get_profile(info.policy_profile if info else "national").deposit_cap_multiplier
    return {"dashboard": dash, "centre": info, "multiplier": mult, "movements": escrow.movements(ctx),
            "contracts": contracts.list_contracts(ctx), "rates": escrow.list_rates(ctx),
            "interest_mode": escrow.interest_mode(ctx), "interest_mode_stamp": escrow.interest_mode_stamp(ctx),
            "reconciliations": escrow.reconciliations(ctx)}


# --- table model ------------------------------------------------------------------------

class EscrowModel(SnapshotModel):
    """A snapshot of DTOs shown through viewmodel columns; ``colour(row, key)``
    gives a foreground colour (overdue red, over cap amber, 相符 green)."""

    def __init__(self, columns: Sequence[vm.Column], headers: Sequence[str], parent=None,
                 colour: Callable[[Any, str], QColor | None] | None = None):
        super().__init__(parent, headers)
        assert len(columns) == len(headers)
        self.columns = tuple(columns)
        self.colour = colour
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            flag = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(flag | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.colour is not None:
            c = self.colour(row, col.key)
            return QBrush(c) if c is not None else None
        if role == Qt.ItemDataRole.FontRole and self.colour is not None and self.colour(row, col.key) is not None:
            return self._bold
        return None


def selected(view: QTableView):
    """The row the user sees selected, or None. Never the mere current cell:
    a row deselected (Ctrl+click) or a filter leaves a current index behind
    that no one sees, and a money action must not reach it."""
    model: EscrowModel = view.model()  # type: ignore[assignment]
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def select_where(view: QTableView, pred: Callable[[Any], bool]) -> bool:
    """Select the first row matching ``pred``; with none, leave nothing selected."""
    sm = view.selectionModel()
    model: EscrowModel = view.model()  # type: ignore[assignment]
    for i, row in enumerate(model.rows):
        if pred(row):
            idx = model.index(i, 0)
            sm.setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                               | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(idx)
            return True
    sm.clearSelection()
    sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
    return False


# --- chart ------------------------------------------------------------------------------

class HeldChart(MiniChart):
    """Deposits held at each month end: the shared month chart (ui/chart.py,
    also on the home page) as a line; the y axis in yuan, the x axis in months."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("押金专户余额"), LINE, parent)
        self.points: list[int] = []
        self.setMinimumSize(420, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_series(self, series) -> None:
        series = list(series)
        while len(series) > 2 and series[0].held_fen == 0 and series[1].held_fen == 0:
            series.pop(0)  # months before the books started in this app
        self.points = [p.held_fen for p in series]
        self.set_data(vm.series_labels(series), self.points, fmt=fen_short, tip_fmt=fen_tip)  # fen


class Figure(QPushButton):
    """A big clickable figure: caption above, value below."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = caption
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(74)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { border: 1px solid #d0d7de; border-radius: 6px; background: #fafbfc;"
                           " padding: 6px 10px; text-align: left; }"
                           "QPushButton:hover { background: #eef3f8; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        self.cap_label = QLabel(caption, self)
        self.cap_label.setStyleSheet("color: #555; border: none; background: transparent;")
        self.value = QLabel("—", self)
        self.value.setStyleSheet("font-size: 20px; font-weight: bold; border: none; background: transparent;")
        self.sub = QLabel("", self)
        self.sub.setStyleSheet("color: #555; border: none; background: transparent;")
        for w in (self.cap_label, self.value, self.sub):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(w)

    def set_value(self, text: str, sub: str = "", colour: QColor | None = None) -> None:
        self.value.setText(text)
        self.sub.setText(sub)
        style = "font-size: 20px; font-weight: bold; border: none; background: transparent;"
        if colour is not None:
            style += f" color: {colour.name()};"
        self.value.setStyleSheet(style)


# --- the page ---------------------------------------------------------------------------

class EscrowPage(Page):
    """The page the lead registers under 押金专户: ``EscrowPage(shell)``."""

    watches = frozenset({"deposit", "deposit_movement", "journal", "contract", "escrow", "escrow_reconciliation",
                         "rate", "demand_rate", "resident", "centre"})
    loaded = Signal()

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        actor = shell.ctx.actor
        self.can_write = actor.can(Perm.FINANCE_WRITE)
        self.can_take = actor.can(Perm.FINANCE_WRITE) or actor.can(Perm.RESIDENT_WRITE)
        self.can_print = actor.can(Perm.PRINT)
        self.data: dict[str, Any] | None = None
        self.all_rows: list[vm.ResidentDeposit] = []
        self.tabs = QTabWidget(self)
        self.overview = OverviewTab(self)
        self.residents = ResidentsTab(self)
        self.rates = RatesTab(self)
        self.reco = ReconcileTab(self)
        self.tabs.addTab(self.overview, self.tr("概览"))
        self.tabs.addTab(self.residents, self.tr("住户押金"))
        self.tabs.addTab(self.rates, self.tr("利率表"))
        self.tabs.addTab(self.reco, self.tr("对账"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.tabs)

    # -- shared helpers ---------------------------------------------------------
    def reload(self) -> None:
        self.shell.call(load_overview, on_done=self._on_loaded)

    def _on_loaded(self, data: dict[str, Any]) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.overview.account):
            return  # the page was closed while the job ran
        self.data = data
        today = self.shell.ctx.today()
        self.all_rows = vm.resident_rows(data["movements"], data["contracts"], data["dashboard"],
                                         data["multiplier"], today)
        self.overview.show_data(data)
        self.residents.show_data(data)
        self.rates.show_rates(data["rates"], data["interest_mode"], data.get("interest_mode_stamp"))
        self.reco.show_history(data["reconciliations"])
        self.loaded.emit()

    def gate_doc(self, button: QPushButton, name: str) -> bool:
        """Disable a print/export button whose document function is missing."""
        if not self.can_print:
            self.deny(button, Perm.PRINT)
            return False
        if doc_function(name) is None:
            button.setEnabled(False)
            button.setToolTip(self.tr("打印功能尚未安装（services.escrow_documents.%1）").replace("%1", name))
            return False
        return True

    def choose_save(self, title: str, name: str, pattern: str) -> str | None:
        """Where to save a file (tests replace this)."""
        return save_file_path(self, title, name, pattern)

    def choose_open(self, title: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), pattern)
        return path or None

    def open_dialog(self, dlg) -> bool:
        """Show a dialog modally (tests replace this to drive it)."""
        return bool(dlg.exec())

    def document(self, name: str, filename: str, pattern: str, *args: Any, **kwargs: Any) -> None:
        """Write a document: services.escrow_documents.<name>(ctx, *args, path, **kwargs)."""
        fn = doc_function(name)
        if fn is None:
            self.shell.notify(self.tr("打印功能尚未安装"))
            return
        path = self.choose_save(self.tr("保存文件"), filename, pattern)
        if not path:
            return
        if name == "ledger_xlsx":
            self.shell.run_long(self.tr("正在导出专户台账…"), _run_doc, fn, path, *args, on_done=self._written,
                                **kwargs)
        else:
            self.shell.call(_call_doc, fn, args, path, kwargs, on_done=self._written)

    def print_document(self, name: str, title: str, *args: Any, kind: str = "a4") -> None:
        """Print a document with a preview: services.escrow_documents.<name>(ctx, *args, path)."""
        fn = doc_function(name)
        if fn is None or not self.can_print:
            self.shell.notify(self.tr("打印功能尚未安装"))
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, fn, *args, title=title, kind=kind)

    def _written(self, result: Any) -> None:
        path = getattr(result, "path", result)
        self.shell.notify(self.tr("已保存：%1").replace("%1", str(path)))

    def show_residents(self, kind: str) -> None:
        self.tabs.setCurrentWidget(self.residents)
        self.residents.set_filter(kind)


def _call_doc(ctx, fn, args, path, kwargs):
    """fn(ctx, *args, path, **kwargs) on the database thread."""
    return fn(ctx, *args, path, **kwargs)


def _run_doc(ctx, fn, path, *args, progress=None, abort=None, **kwargs):
    """ledger_xlsx(ctx, path, date_from, date_to, resident_id=None) as long work."""
    return fn(ctx, path, *args, **kwargs)


class _Tab(QWidget):
    def __init__(self, page: EscrowPage):
        super().__init__(page)
        self.page = page
        self.shell = page.shell


class OverviewTab(_Tab):
    def __init__(self, page: EscrowPage):
        super().__init__(page)
        self.held = Figure(self.tr("专户押金余额"), self)
        self.count = Figure(self.tr("存有押金的住户数"), self)
        self.due = Figure(self.tr("期限内待退（10日内）"), self)
        self.overdue = Figure(self.tr("已逾期未退"), self)
        self.over_cap = Figure(self.tr("超过上限"), self)
        self.last_reco = Figure(self.tr("最近对账"), self)
        self.held.clicked.connect(lambda: page.show_residents(vm.HOLDING))
        self.count.clicked.connect(lambda: page.show_residents(vm.HOLDING))
        self.due.clicked.connect(lambda: page.show_residents(vm.DUE))
        self.overdue.clicked.connect(lambda: page.show_residents(vm.OVERDUE))
        self.over_cap.clicked.connect(lambda: page.show_residents(vm.OVER_CAP))
        self.last_reco.clicked.connect(lambda: page.tabs.setCurrentWidget(page.reco))
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, f in enumerate((self.held, self.count, self.due, self.overdue, self.over_cap, self.last_reco)):
            f.setToolTip(self.tr("点击查看明细"))
            grid.addWidget(f, i // 3, i % 3)
        self.account = QLabel(self)
        self.account.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = HeldChart(self)
        box = QGroupBox(self.tr("专户押金余额（月末）"), self)
        bl = QVBoxLayout(box)
        bl.addWidget(self.chart)
        lay = QVBoxLayout(self)
        lay.addWidget(self.account)
        lay.addLayout(grid)
        lay.addWidget(box, 1)

    def show_data(self, data: dict[str, Any]) -> None:
        d: Dashboard = data["dashboard"]
        info = data["centre"]
        if info is not None and (info.escrow_bank or info.escrow_account_no):
            self.account.setText(self.tr("押金专户：%1　户名：%2　账号：%3")
                                 .replace("%1", info.escrow_bank or "—")
                                 .replace("%2", info.escrow_account_name or "—")
                                 .replace("%3", info.escrow_account_no or "—"))
            self.account.setStyleSheet("")
        else:
            self.account.setText(self.tr("尚未登记押金专户（设置 → 机构信息）"))
            self.account.setStyleSheet(f"color: {RED.name()};")
        self.held.set_value(vm.money(d.held_fen),
                            self.tr("住户押金合计 %1").replace("%1", vm.money(d.residents_total_fen)),
                            RED if d.held_fen != d.residents_total_fen else None)
        self.count.set_value(str(d.residents_with_deposit))
        pending = [r for r in d.due if not r.overdue]
        nearest = vm.nearest_due(d)
        self.due.set_value(str(len(pending)), self.tr("最近期限 %1").replace("%1", vm.day_text(nearest))
                           if nearest else "")
        self.overdue.set_value(str(len(d.overdue)),
                               self.tr("逾期退还已记录 %1 笔").replace("%1", str(len(d.late_refunds))),
                               RED if d.overdue else None)
        self.over_cap.set_value(str(len(d.over_cap)),
                                self.tr("超出合计 %1").replace("%1", vm.money(sum(r.excess_fen for r in d.over_cap)))
                                if d.over_cap else "", AMBER if d.over_cap else None)
        when, result = vm.reco_text(d.last_reconciliation)
        r = d.last_reconciliation
        self.last_reco.set_value(result or self.tr("尚未对账"), when if r else "",
                                 None if r is None else (GREEN if r.agreed else RED))
        self.chart.set_series(d.series)


class ResidentsTab(_Tab):
    FILTER_LABELS = {vm.ALL: "全部", vm.HOLDING: "有押金余额", vm.DUE: "待退押金", vm.OVERDUE: "已逾期未退",
                     vm.OVER_CAP: "超过上限"}

    def __init__(self, page: EscrowPage):
        super().__init__(page)
        self.filter = QComboBox(self)
        labels = [self.tr("全部"), self.tr("有押金余额"), self.tr("待退押金"), self.tr("已逾期未退"), self.tr("超过上限")]
        for key, label in zip(vm.FILTERS, labels):
            self.filter.addItem(label, key)
        self.filter.setCurrentIndex(vm.FILTERS.index(vm.HOLDING))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("按姓名或合同号查找"))
        self.search.setClearButtonEnabled(True)
        self.filter.currentIndexChanged.connect(lambda _i: self.refilter())
        self.search.textChanged.connect(lambda _t: self.refilter())
        headers = [self.tr("住户"), self.tr("余额"), self.tr("已收押金"), self.tr("扣除"), self.tr("利息"),
                   self.tr("上限"), self.tr("超限"), self.tr("合同"), self.tr("退还期限"), self.tr("剩余天数")]
        self.model = EscrowModel(vm.RESIDENT_COLUMNS, headers, self, colour=self._colour)
        self.table = make_table(self.model, self, stretch=7)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_select())
        self.model.modelReset.connect(self.on_select)
        self.model.layoutChanged.connect(lambda *_: self.on_select())
        self.filled = False  # the first rows shown select their first row; later, only the user selects
        mh = [self.tr("日期"), self.tr("类别"), self.tr("金额"), self.tr("编号"), self.tr("凭证/流水号"),
              self.tr("说明"), self.tr("经办")]
        self.moves = EscrowModel(vm.MOVEMENT_COLUMNS, mh, self)
        self.moves_table = make_table(self.moves, self, stretch=5)
        self.moves_table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.moves.modelReset.connect(self.update_buttons)
        self.moves.layoutChanged.connect(lambda *_: self.update_buttons())
        self.receive_btn = QPushButton(self.tr("收取押金"), self)
        self.deduct_btn = QPushButton(self.tr("扣除"), self)
        self.refund_btn = QPushButton(self.tr("退还"), self)
        self.excess_btn = QPushButton(self.tr("退还超限部分"), self)
        self.receipt_btn = QPushButton(self.tr("打印押金收据"), self)
        self.voucher_btn = QPushButton(self.tr("打印退款凭证"), self)
        self.ledger_btn = QPushButton(self.tr("打印个人押金台账"), self)
        preview_tip = self.tr("在打印机上打印（先预览；预览中也可另存为PDF）")
        self.receipt_preview_btn = QPushButton(self.tr("打印预览押金收据…"), self)
        self.voucher_preview_btn = QPushButton(self.tr("打印预览退款凭证…"), self)
        self.ledger_preview_btn = QPushButton(self.tr("打印预览押金台账…"), self)
        for b in (self.receipt_preview_btn, self.voucher_preview_btn, self.ledger_preview_btn):
            b.setToolTip(preview_tip)
        self.receive_btn.clicked.connect(self.receive)
        self.deduct_btn.clicked.connect(self.deduct)
        self.refund_btn.clicked.connect(self.refund)
        self.excess_btn.clicked.connect(self.refund_excess)
        self.receipt_btn.clicked.connect(lambda: self.print_receipt())
        self.voucher_btn.clicked.connect(lambda: self.print_voucher())
        self.ledger_btn.clicked.connect(lambda: self.print_ledger())
        self.receipt_preview_btn.clicked.connect(lambda: self.print_receipt(preview=True))
        self.voucher_preview_btn.clicked.connect(lambda: self.print_voucher(preview=True))
        self.ledger_preview_btn.clicked.connect(lambda: self.print_ledger(preview=True))
        self.allowed = {
            self.receive_btn: page.gate(self.receive_btn, page.can_take, Perm.RESIDENT_WRITE),
            self.deduct_btn: page.gate(self.deduct_btn, page.can_write, Perm.FINANCE_WRITE),
            self.refund_btn: page.gate(self.refund_btn, page.can_write, Perm.FINANCE_WRITE),
            self.excess_btn: page.gate(self.excess_btn, page.can_write, Perm.FINANCE_WRITE),
            self.receipt_btn: page.gate_doc(self.receipt_btn, "deposit_receipt_pdf"),
            self.voucher_btn: page.gate_doc(self.voucher_btn, "refund_voucher_pdf"),
            self.ledger_btn: page.gate_doc(self.ledger_btn, "resident_ledger_pdf"),
            self.receipt_preview_btn: page.gate_doc(self.receipt_preview_btn, "deposit_receipt_pdf"),
            self.voucher_preview_btn: page.gate_doc(self.voucher_preview_btn, "refund_voucher_pdf"),
            self.ledger_preview_btn: page.gate_doc(self.ledger_preview_btn, "resident_ledger_pdf"),
        }
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示"), self))
        top.addWidget(self.filter)
        top.addWidget(self.search, 1)
        self.count = QLabel(self)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for b in (self.receive_btn, self.deduct_btn, self.refund_btn, self.excess_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.receipt_btn, self.receipt_preview_btn, self.voucher_btn, self.voucher_preview_btn,
                  self.ledger_btn, self.ledger_preview_btn):
            buttons.addWidget(b)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.moves_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(buttons)
        lay.addWidget(split, 1)
        self.update_buttons()

    def _colour(self, r: vm.ResidentDeposit, key: str) -> QColor | None:
        if key in ("due", "left", "name") and r.overdue:
            return RED
        if key in ("over", "balance") and r.over_cap_fen > 0:
            return AMBER
        return None

    def show_data(self, data: dict[str, Any]) -> None:
        self.refilter()

    def set_filter(self, kind: str) -> None:
        i = self.filter.findData(kind)
        if i >= 0:
            self.filter.setCurrentIndex(i)
        self.refilter()

    def refilter(self) -> None:
        """Show the rows of the filter and the search. The selected resident
        stays selected while shown; hidden by the filter, nothing is selected
        (never another resident in its place), so every button is off."""
        current = self.current()
        first = not self.filled and self.page.data is not None
        rows = vm.filter_residents(self.page.all_rows, self.filter.currentData(), self.search.text())
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 %1 人").replace("%1", str(len(rows))))
        if current is not None:
            select_where(self.table, lambda r: r.resident_id == current.resident_id)
        elif first:
            self.filled = True
            select_where(self.table, lambda r: True)
        self.on_select()

    def current(self) -> vm.ResidentDeposit | None:
        """The resident on the selected row, read afresh (never cached)."""
        return selected(self.table)

    def select_resident(self, resident_id: int) -> bool:
        return select_where(self.table, lambda r: r.resident_id == resident_id)

    def on_select(self) -> None:
        r = self.current()
        moves = []
        if r is not None and self.page.data is not None:
            moves = [m for m in self.page.data["movements"] if m.resident_id == r.resident_id]
        self.moves.set_rows(moves)
        self.update_buttons()

    def update_buttons(self) -> None:
        r = self.current()
        a = vm.resident_actions(r)
        receipt = r is not None and self._movement(KIND_DEPOSIT) is not None
        voucher = r is not None and self._movement(KIND_REFUND, full=True) is not None
        ledger = r is not None and bool(self.moves.rows)
        state = {
            self.receive_btn: a.receive,
            self.deduct_btn: a.deduct,
            self.refund_btn: a.refund,
            self.excess_btn: a.excess,
            self.receipt_btn: receipt,
            self.voucher_btn: voucher,
            self.ledger_btn: ledger,
            self.receipt_preview_btn: receipt,
            self.voucher_preview_btn: voucher,
            self.ledger_preview_btn: ledger,
        }
        for b, ok in state.items():
            if self.allowed[b]:
                b.setEnabled(ok)

    def _movement(self, kind: str, full: bool = False):
        """The selected movement of ``kind``, or the resident's latest one."""
        m = selected(self.moves_table)
        if m is not None and m.kind == kind and not (full and m.is_excess_refund):
            return m
        found = [x for x in self.moves.rows if x.kind == kind and not (full and x.is_excess_refund)]
        return found[-1] if found else None

    # -- actions ---------------------------------------------------------------
    def _dialog_then(self, dlg, after: Callable[[Any], None] | None = None) -> None:
        if self.page.open_dialog(dlg) and after is not None:
            after(dlg.result_value)

    def _acting_on(self, button: QPushButton, allowed: Callable[[vm.ResidentActions], bool]):
        """The resident selected now, if ``button`` may act on it (read at click time)."""
        r = self.current()
        if r is None or not self.allowed[button] or not allowed(vm.resident_actions(r)):
            return None
        return r

    def receive(self) -> None:
        r = self._acting_on(self.receive_btn, lambda a: a.receive)
        if r is not None:
            self._dialog_then(ReceiveDepositDialog(self.shell, r, self))

    def deduct(self) -> None:
        r = self._acting_on(self.deduct_btn, lambda a: a.deduct)
        if r is not None:
            self._dialog_then(DeductDialog(self.shell, r, self))

    def refund(self) -> None:
        r = self._acting_on(self.refund_btn, lambda a: a.refund)
        if r is not None:
            self._dialog_then(RefundDialog(self.shell, r, self), self._offer_voucher)

    def _offer_voucher(self, changes) -> None:
        ids = getattr(changes, "ids", ())
        if not ids or doc_function("refund_voucher_pdf") is None or not self.page.can_print:
            return
        if self.page.confirm(self.tr("打印退款凭证"), self.tr("押金已退还。现在打印退款凭证吗？")):
            self.page.document("refund_voucher_pdf", f"退款凭证-{ids[0]}.pdf", "PDF (*.pdf)", ids[0])

    def refund_excess(self) -> None:
        r = self._acting_on(self.excess_btn, lambda a: a.excess)
        if r is not None:
            self._dialog_then(ExcessRefundDialog(self.shell, r, self))

    # The 押金收据 (documents/escrow_pdf.py) is an A4 page, not the 210 × 99 mm
    # receipt strip: it prints as "a4".
    def print_receipt(self, preview: bool = False) -> None:
        m = self._movement(KIND_DEPOSIT) if self.current() is not None else None
        if m is None:
            return
        if preview:
            self.page.print_document("deposit_receipt_pdf", f"押金收据 {m.number or m.id}", m.id, kind="a4")
        else:
            self.page.document("deposit_receipt_pdf", f"押金收据-{m.number or m.id}.pdf", "PDF (*.pdf)", m.id)

    def print_voucher(self, preview: bool = False) -> None:
        m = self._movement(KIND_REFUND, full=True) if self.current() is not None else None
        if m is None:
            return
        if preview:
            self.page.print_document("refund_voucher_pdf", f"退款凭证 {m.number or m.id}", m.id, kind="a4")
        else:
            self.page.document("refund_voucher_pdf", f"退款凭证-{m.number or m.id}.pdf", "PDF (*.pdf)", m.id)

    def print_ledger(self, preview: bool = False) -> None:
        r = self.current()
        if r is None:
            return
        today = self.shell.ctx.today()
        first = min((m.day for m in self.moves.rows), default=today)
        if preview:
            self.page.print_document("resident_ledger_pdf", f"押金台账 {r.resident_name}", r.resident_id, first,
                                     max(today, first), kind="a4")
        else:
            self.page.document("resident_ledger_pdf", f"押金台账-{r.resident_name}.pdf", "PDF (*.pdf)",
                               r.resident_id, first, max(today, first))


class RatesTab(_Tab):
    def __init__(self, page: EscrowPage):
        super().__init__(page)
        headers = [self.tr("生效日期"), self.tr("年利率"), self.tr("说明"), self.tr("录入")]
        self.model = EscrowModel(vm.RATE_COLUMNS, headers, self)
        self.table = make_table(self.model, self, stretch=2)
        self.add_btn = QPushButton(self.tr("新增利率"), self)
        self.add_btn.clicked.connect(self.add_rate)
        self.interest_day = date_edit(vm.default_interest_day(self.shell.ctx.today()), self,
                                      maximum=self.shell.ctx.today())
        self.interest_btn = QPushButton(self.tr("结息"), self)
        self.interest_btn.setToolTip(self.tr("把截止日期前已到结息日（每季末月20日，次日入账）的利息记入各住户押金"))
        self.interest_btn.clicked.connect(self.post_interest)
        # how the escrow bank pays interest when the rate changes mid-quarter
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("分段计息（利率调整日起按新利率）"), interest.SPLIT)
        self.mode.addItem(self.tr("按结息日挂牌利率计息"), interest.SETTLEMENT_RATE)
        self.mode.setToolTip(self.tr("按开户银行的做法选择；只影响尚未结息的期间"))
        self.mode.activated.connect(self.change_mode)
        page.gate(self.add_btn, page.can_write, Perm.FINANCE_WRITE)
        page.gate(self.interest_btn, page.can_write, Perm.FINANCE_WRITE)
        page.gate(self.mode, page.can_write, Perm.FINANCE_WRITE)
        if not page.can_write:
            self.interest_day.setEnabled(False)
        self.result = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.add_btn)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("计息方式"), self))
        bar.addWidget(self.mode)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("结息截止日期"), self))
        bar.addWidget(self.interest_day)
        bar.addWidget(self.interest_btn)
        note = QLabel(self.tr("活期存款挂牌利率：积数计息，÷360；每季末月20日结息，次日并入本金；"
                              "利率调整时按所选计息方式计算。已结息期间的利率不能再修改。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.result)

    def show_rates(self, rates, mode: str, stamp: str | None = None) -> None:
        self.model.set_rows(sorted(rates, key=lambda r: r.effective_date, reverse=True))
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.mode_stamp = stamp  # saved with the choice: another PC's change since is refused

    def change_mode(self, index: int) -> None:
        mode = self.mode.itemData(index)
        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.page.reload()  # the combo shows the stored mode again

        self.shell.call(escrow.set_interest_mode, mode, expected_stamp=getattr(self, "mode_stamp", None),
                        on_done=lambda ch: self.result.setText(ch.message), on_error=failed)

    def add_rate(self) -> None:
        self.page.open_dialog(RateDialog(self.shell, self))

    def post_interest(self) -> None:
        on = from_qdate(self.interest_day.date())
        self.shell.call(escrow.post_interest, on, on_done=lambda ch: self.result.setText(ch.message),
                        on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.result.setStyleSheet(f"color: {RED.name()};")
        self.result.setText(getattr(exc, "message", str(exc)))


class ReconcileTab(_Tab):
    def __init__(self, page: EscrowPage):
        super().__init__(page)
        today = self.shell.ctx.today()
        self.statement: BankStatement | None = None
        self.month = QComboBox(self)
        y, m = today.year, today.month
        for _ in range(25):
            self.month.addItem(f"{y:04d}-{m:02d}")
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        self.month.setCurrentIndex(1 if today.day < 28 else 0)
        self.bank = QLineEdit(self)
        self.bank.setPlaceholderText(self.tr("银行对账单余额（元）"))
        self.import_btn = QPushButton(self.tr("导入银行对账单"), self)
        self.reconcile_btn = QPushButton(self.tr("对账"), self)
        self.print_btn = QPushButton(self.tr("打印对账单"), self)
        self.export_btn = QPushButton(self.tr("导出专户台账"), self)
        self.ledger_btn = QPushButton(self.tr("打印专户台账"), self)
        self.import_btn.clicked.connect(self.import_statement)
        self.reconcile_btn.clicked.connect(self.reconcile)
        self.bank.returnPressed.connect(self.reconcile)
        self.print_btn.clicked.connect(self.print_reconciliation)
        self.export_btn.clicked.connect(self.export_ledger)
        self.ledger_btn.clicked.connect(self.print_account_ledger)
        page.gate(self.import_btn, page.can_write, Perm.FINANCE_WRITE)
        page.gate(self.reconcile_btn, page.can_write, Perm.FINANCE_WRITE)
        if not page.can_write:
            self.bank.setEnabled(False)
            self.bank.setToolTip(self.reconcile_btn.toolTip())
        self.print_ok = page.gate_doc(self.print_btn, "reconciliation_pdf")
        page.gate_doc(self.export_btn, "ledger_xlsx")
        page.gate_doc(self.ledger_btn, "account_ledger_pdf")
        self.date_from = date_edit(today.replace(month=1, day=1), self)
        self.date_to = date_edit(today, self)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {RED.name()};")
        self.error.setWordWrap(True)
        self.error.hide()
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result.setMinimumHeight(60)
        self.stmt_info = QLabel(self)
        sh = [self.tr("行"), self.tr("日期"), self.tr("摘要"), self.tr("收入"), self.tr("支出"), self.tr("余额")]
        self.stmt_model = EscrowModel(vm.STATEMENT_COLUMNS, sh, self)
        self.stmt_table = make_table(self.stmt_model, self)
        self.stmt_table.hide()
        hh = [self.tr("月份"), self.tr("对账日"), self.tr("银行余额"), self.tr("账面余额"), self.tr("住户押金合计"),
              self.tr("差额"), self.tr("结果"), self.tr("来源"), self.tr("对账人")]
        self.history = EscrowModel(vm.RECO_COLUMNS, hh, self, colour=self._colour)
        self.history_table = make_table(self.history, self)
        self.history_table.selectionModel().selectionChanged.connect(lambda *_: self._history_selected())
        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("对账月份"), self))
        row1.addWidget(self.month)
        row1.addWidget(QLabel(self.tr("银行对账单余额"), self))
        row1.addWidget(self.bank, 1)
        row1.addWidget(self.import_btn)
        row1.addWidget(self.reconcile_btn)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("台账期间"), self))
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("—", self))
        row2.addWidget(self.date_to)
        row2.addWidget(self.export_btn)
        row2.addWidget(self.ledger_btn)
        row2.addStretch(1)
        row2.addWidget(self.print_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(row1)
        lay.addWidget(self.error)
        lay.addWidget(self.result)
        lay.addWidget(self.stmt_info)
        lay.addWidget(self.stmt_table, 1)
        lay.addWidget(QLabel(self.tr("对账记录"), self))
        lay.addWidget(self.history_table, 2)
        lay.addLayout(row2)
        self._history_selected()

    def _colour(self, r: ReconciliationRow, key: str) -> QColor | None:
        if key in ("result", "difference"):
            return GREEN if r.agreed else RED
        return None

    def show_history(self, rows) -> None:
        self.history.set_rows(rows)
        self._history_selected()
        if rows and not self.result.text():
            self.show_result(rows[0])

    def _history_selected(self) -> None:
        if self.print_ok:
            self.print_btn.setEnabled(selected(self.history_table) is not None or bool(self.history.rows))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def import_statement(self) -> None:
        path = self.page.choose_open(self.tr("选择银行对账单"), self.tr("银行对账单 (*.xlsx *.csv)"))
        if path:
            self.shell.call(escrow.import_bank_statement, path, on_done=self._imported, on_error=self._failed)

    def _imported(self, st: BankStatement) -> None:
        self.show_error("")
        self.statement = st
        self.stmt_model.set_rows(st.rows)
        self.stmt_table.show()
        self.stmt_info.setText(vm.statement_summary(st))
        if st.last_balance_fen is not None:
            self.bank.setText(vm.money(st.last_balance_fen).replace("¥", ""))
        if st.last_day is not None:
            i = self.month.findText(f"{st.last_day:%Y-%m}")
            if i >= 0:
                self.month.setCurrentIndex(i)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, RuleViolation):
            self.show_error("\n".join(p.message for p in exc.problems))
        elif isinstance(exc, DomainError):
            self.show_error(exc.message)
        else:
            self.shell.show_error(exc)

    def reconcile(self) -> None:
        if not self.page.can_write:
            return
        try:
            fen = yuan_to_fen(self.bank.text(), "bank_balance_fen")
        except RuleViolation as exc:
            self._failed(exc)
            return
        st = self.statement
        source = st.source if st is not None and st.last_balance_fen == fen else self.tr("手工录入")
        lines = len(st.rows) if st is not None and st.last_balance_fen == fen else 0
        self.shell.call(escrow.reconcile, self.month.currentText(), fen, source=source, lines=lines,
                        on_done=self._reconciled, on_error=self._failed)

    def _reconciled(self, r: ReconciliationRow) -> None:
        self.show_error("")
        self.show_result(r)
        self.page.reload()

    def show_result(self, r: ReconciliationRow) -> None:
        """Bank vs book vs Σ residents and the difference; 相符 green, 不符 red."""
        colour = GREEN if r.agreed else RED
        verdict = self.tr("相符") if r.agreed else self.tr("不符")
        text = (self.tr("银行余额 %1　账面余额 %2　住户押金合计 %3　差额（银行−账面）%4　账面−住户 %5")
                .replace("%1", vm.money(r.bank_balance_fen)).replace("%2", vm.money(r.book_balance_fen))
                .replace("%3", vm.money(r.residents_total_fen)).replace("%4", vm.money(r.difference_fen))
                .replace("%5", vm.money(r.residents_difference_fen)))
        self.result.setText(f'<span style="font-size:18px;font-weight:bold;color:{colour.name()};">{verdict}</span>'
                            f"　{r.period}（{r.as_of:%Y-%m-%d}）<br/>{text}")

    def _chosen(self) -> ReconciliationRow | None:
        return selected(self.history_table) or (self.history.rows[0] if self.history.rows else None)

    def print_reconciliation(self) -> None:
        r = self._chosen()
        if r is not None:
            self.page.document("reconciliation_pdf", f"押金专户对账单-{r.period}.pdf", "PDF (*.pdf)", r.id)

    def _span(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())

    def export_ledger(self) -> None:
        a, b = self._span()
        self.page.document("ledger_xlsx", f"押金专户台账-{a:%Y%m%d}-{b:%Y%m%d}.xlsx", "Excel (*.xlsx)", a, b)

    def print_account_ledger(self) -> None:
        a, b = self._span()
        self.page.document("account_ledger_pdf", f"押金专户台账-{a:%Y%m%d}-{b:%Y%m%d}.pdf", "PDF (*.pdf)", a, b)
