"""账单与收款 page: 收费标准, 月度计费, 收款, 费用清单, 欠费账龄 as tabs.

Every service call goes through the shell; long work (billing run, batch
statements, exports) through ``shell.run_long`` with a cancellable progress
dialog. Write buttons are disabled, with the reason as tooltip, for users
without the permission (auditors can view and print)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from typing import Any, Callable

from PySide6.QtCore import Qt
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.billing_records import BillingResult
from ...domain.finance_records import ScheduleRow
from ...domain.records import Changes
from ...domain.money import format_yuan
from ...domain.payment_records import ReceiptRow
from ...domain.payments import BUCKETS
from ...domain.roles import Perm
from ...services import billing, fees, ledger, payments, residents, statements
from ...viewmodels import finance as vm
from ..base import Page, Shell
from ..widgets import date_edit, from_qdate, save_file_path
from ..tablemodel import make_table
from .finance_models import ColumnsModel, selected_row


def export_function(name: str) -> Callable[..., Any] | None:
    """services.exports.<name>, imported lazily; None while it does not exist."""
    try:
        from ...services import exports  # type: ignore[attr-defined]
    except ImportError:
        return None
    return getattr(exports, name, None)


def call_with(fn: Callable[..., Any], ctx, values: dict[str, Any], progress=None, abort=None) -> Any:
    """Call ``fn(ctx, ...)`` passing the ``values`` its signature names (and
    progress/abort when it takes them): exports are written in parallel."""
    params = inspect.signature(fn).parameters
    extra = {"progress": progress, "abort": abort}
    kwargs = {k: v for k, v in {**values, **extra}.items() if k in params}
    return fn(ctx, **kwargs)


class FinancePage(Page):
    """The page the lead registers under 账单与收款: ``FinancePage(shell)``."""

    watches = frozenset({"journal", "contract", "fee", "fee_item", "fee_price", "receipt", "bill_run", "resident",
                         "period_close", "charge"})

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        actor = shell.ctx.actor
        self.can_write = actor.can(Perm.FINANCE_WRITE)
        self.can_take = actor.can(Perm.FINANCE_WRITE) or actor.can(Perm.RESIDENT_WRITE)
        self.can_print = actor.can(Perm.PRINT)
        self.tabs = QTabWidget(self)
        self.schedule = ScheduleTab(self)
        self.billing = BillingTab(self)
        self.cash = CashDeskTab(self)
        self.statement = StatementTab(self)
        self.ageing = AgeingTab(self)
        self.tabs.addTab(self.schedule, self.tr("收费标准"))
        self.tabs.addTab(self.billing, self.tr("月度计费"))
        self.tabs.addTab(self.cash, self.tr("收款"))
        self.tabs.addTab(self.statement, self.tr("费用清单"))
        self.tabs.addTab(self.ageing, self.tr("欠费账龄"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.tabs)

    # -- shared helpers ---------------------------------------------------------
    def tabs_list(self) -> list["_Tab"]:
        return [self.schedule, self.billing, self.cash, self.statement, self.ageing]

    def reload(self) -> None:
        for t in self.tabs_list():
            t.reload()

    def missing(self, button: QPushButton, name: str) -> bool:
        """Disable an export button whose service function does not exist yet."""
        if export_function(name) is None:
            button.setEnabled(False)
            button.setToolTip(self.tr("导出功能尚未安装（services.exports.%1）").replace("%1", name))
            return True
        return False

    def choose_path(self, title: str, name: str, pattern: str) -> str | None:
        """Where to save a file (tests replace this)."""
        return save_file_path(self, title, name, pattern)

    def open_dialog(self, dlg) -> bool:
        """Show a dialog modally (tests replace this to drive it)."""
        return bool(dlg.exec())

    def export(self, title: str, name: str, filename: str, pattern: str, values: dict[str, Any]) -> None:
        fn = export_function(name)
        if fn is None:
            return
        path = self.choose_path(title, filename, pattern)
        if not path:
            return

        def run(ctx, progress=None, abort=None):
            return call_with(fn, ctx, {"path": path, **values}, progress, abort)

        run.__name__ = name
        self.shell.run_long(title, run, on_done=self.saved)

    def saved(self, written: Any) -> None:
        path = getattr(written, "path", written)
        self.shell.notify(self.tr("已保存：%1").replace("%1", str(path)))


class _Tab(QWidget):
    def __init__(self, page: FinancePage):
        super().__init__(page)
        self.page = page
        self.shell = page.shell

    def reload(self) -> None:  # pragma: no cover - subclasses
        pass


def _button(text: str, parent: QWidget) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAutoDefault(False)
    return b


# --- 收费标准 -----------------------------------------------------------------------------

class ScheduleTab(_Tab):
    def __init__(self, page: FinancePage):
        super().__init__(page)
        self.add_button = _button(self.tr("新增收费项目"), self)
        self.price_button = _button(self.tr("调整价格"), self)
        self.stop_button = _button(self.tr("停用"), self)
        self.print_button = _button(self.tr("打印收费公示"), self)
        self.notices_button = _button(self.tr("打印调价告知书"), self)
        self.amend_button = _button(self.tr("按调价变更合同"), self)
        self.amend_button.setToolTip(self.tr("在调价记录中选中一次调价：自生效日起受影响的合同按新价格变更（调价）"))
        self.show_inactive = QCheckBox(self.tr("显示已停用"), self)
        bar = QHBoxLayout()
        for w in (self.add_button, self.price_button, self.stop_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.show_inactive)
        bar.addWidget(self.print_button)
        headers = [self.tr("编码"), self.tr("类别"), self.tr("项目名称"), self.tr("适用于"), self.tr("单位"),
                   self.tr("现行价格"), self.tr("执行日期"), self.tr("已公布的调价")]
        self.model = ColumnsModel(vm.SCHEDULE_COLUMNS, headers, self)
        self.view = make_table(self.model, self, stretch=7)
        self.view.doubleClicked.connect(lambda _: self.change_price())
        # the change log
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.shell.ctx.today().year)
        ch = [self.tr("生效日期"), self.tr("编码"), self.tr("项目名称"), self.tr("原价格"), self.tr("新价格"),
              self.tr("告知日期"), self.tr("原因"), self.tr("当年第几次"), self.tr("登记人")]
        self.changes_model = ColumnsModel(vm.CHANGE_COLUMNS, ch, self)
        self.changes_view = make_table(self.changes_model, self, stretch=6)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        log = QGroupBox(self.tr("调价记录"), self)
        ll = QVBoxLayout(log)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份"), log))
        top.addWidget(self.year)
        top.addWidget(self.counts, 1)
        top.addWidget(self.notices_button)
        top.addWidget(self.amend_button)
        ll.addLayout(top)
        ll.addWidget(self.changes_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(log)
        split.setSizes([300, 250])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        for b in (self.add_button, self.price_button, self.stop_button, self.amend_button):
            page.gate(b, page.can_write, Perm.FINANCE_WRITE)
        for b, name in ((self.print_button, "fee_schedule_pdf"), (self.notices_button, "price_notices_pdf")):
            if not page.can_print:
                page.deny(b, Perm.PRINT)
            else:
                page.missing(b, name)
        self.add_button.clicked.connect(self.add_item)
        self.price_button.clicked.connect(self.change_price)
        self.stop_button.clicked.connect(self.stop_item)
        self.print_button.clicked.connect(self.print_schedule)
        self.notices_button.clicked.connect(self.print_notices)
        self.amend_button.clicked.connect(self.amend_contracts)
        self.show_inactive.toggled.connect(lambda _: self.reload())
        self.year.valueChanged.connect(lambda _: self.load_changes())

    def reload(self) -> None:
        self.shell.call(fees.schedule_on, self.shell.ctx.today(), self.show_inactive.isChecked(),
                        on_done=self.model.set_rows)
        self.load_changes()

    def load_changes(self) -> None:
        y = self.year.value()
        self.shell.call(fees.price_changes, dt.date(y, 1, 1), dt.date(y, 12, 31), on_done=self._changes)

    def _changes(self, log) -> None:
        self.changes_model.set_rows(vm.change_lines(log))
        counts = vm.change_counts(log)
        if counts:
            parts = [self.tr("%1 %2：%3 次").replace("%1", code).replace("%2", name).replace("%3", str(n))
                     for code, name, _, n in counts]
            self.counts.setText(self.tr("本年调价次数 — ") + "；".join(parts))
        else:
            self.counts.setText(self.tr("本年没有调价"))

    def current(self) -> ScheduleRow | None:
        return selected_row(self.view)

    def add_item(self) -> None:
        from ..dialogs.finance import FeeItemDialog

        self.page.open_dialog(FeeItemDialog(self.shell, self))

    def change_price(self) -> None:
        if not self.page.can_write:
            return
        row = self.current()
        if row is None:
            self.shell.notify(self.tr("请先选择收费项目"))
            return
        from ..dialogs.finance import PriceDialog

        self.page.open_dialog(PriceDialog(self.shell, row, self))

    def stop_item(self) -> None:
        row = self.current()
        if row is None:
            self.shell.notify(self.tr("请先选择收费项目"))
            return
        if self.page.confirm(self.tr("停用收费项目"),
                             self.tr("停用“%1”？停用后不再用于新合同和计费，价格历史保留。").replace("%1", row.name)):
            self.shell.call(fees.set_item_active, row.item_id, False, expected_version=row.version)

    def print_schedule(self) -> None:
        today = self.shell.ctx.today()
        self.page.export(self.tr("打印收费公示"), "fee_schedule_pdf", f"收费公示-{today:%Y%m%d}.pdf",
                         self.tr("PDF 文件 (*.pdf)"), {"day": today, "on": today})

    def selected_change(self):
        line = selected_row(self.changes_view)
        if line is None or line.row.is_initial:
            self.shell.notify(self.tr("请先在调价记录中选中一次调价（首次定价不是调价）"))
            return None
        return line.row

    def print_notices(self) -> None:
        row = self.selected_change()
        if row is None:
            return
        self.page.export(self.tr("打印调价告知书"), "price_notices_pdf",
                         f"调价告知书-{row.code}-{row.effective_date:%Y%m%d}.pdf",
                         self.tr("PDF 文件 (*.pdf)"), {"fee_price_id": row.price_id})

    def amend_contracts(self) -> None:
        from ...services import contracts

        row = self.selected_change()
        if row is None:
            return
        text = (self.tr("自%1起，使用“%2”的合同按新价格变更（调价）。住户应已收到调价告知书。继续？")
                .replace("%1", f"{row.effective_date:%Y-%m-%d}").replace("%2", row.name))
        if self.page.confirm(self.tr("按调价变更合同"), text):
            self.shell.call(contracts.apply_price_change, row.price_id)


# --- 月度计费 -----------------------------------------------------------------------------

class BillingTab(_Tab):
    def __init__(self, page: FinancePage):
        super().__init__(page)
        today = self.shell.ctx.today()
        self.month = QComboBox(self)
        self.month.addItems(vm.month_choices(today))
        self.month.setCurrentText(vm.previous_month(today))
        self.run_button = _button(self.tr("运行计费"), self)
        self.close_button = _button(self.tr("结账"), self)
        self.export_button = _button(self.tr("导出登记表"), self)
        self.closed_label = QLabel(self)
        self.mode = QComboBox(self)  # 计费方式: a centre setting the accountant changes
        self.mode.addItem(self.tr("按月预收"), "advance")
        self.mode.addItem(self.tr("按月后付"), "after")
        self.mode.setToolTip(self.tr("按月预收：月初收取当月床位费、护理费，伙食费及请假、变更差额在次月计费时结算；"
                                     "按月后付：每月结束后按实际计费"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("计费方式"), self))
        bar.addWidget(self.mode)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("计费月份"), self))
        bar.addWidget(self.month)
        bar.addWidget(self.run_button)
        bar.addWidget(self.close_button)
        bar.addWidget(self.closed_label)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        headers = [self.tr("住户"), self.tr("合同编号"), self.tr("床位费"), self.tr("护理费"), self.tr("伙食费"),
                   self.tr("其他费用"), self.tr("合计")]
        self.model = ColumnsModel(vm.REGISTER_COLUMNS, headers, self, is_total=vm.is_totals)
        self.view = make_table(self.model, self, stretch=-1)
        rh = [self.tr("批次"), self.tr("月份"), self.tr("运行时间"), self.tr("合同数"), self.tr("新增行数"),
              self.tr("新增金额"), self.tr("操作人")]
        self.runs_model = ColumnsModel(vm.RUN_COLUMNS, rh, self)
        self.runs_view = make_table(self.runs_model, self)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555;")
        reg_box = QGroupBox(self.tr("计费登记表"), self)
        rl = QVBoxLayout(reg_box)
        rl.addWidget(self.view)
        runs_box = QGroupBox(self.tr("计费记录"), self)
        ul = QVBoxLayout(runs_box)
        ul.addWidget(self.runs_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(reg_box)
        split.addWidget(runs_box)
        split.setSizes([380, 160])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.result)
        lay.addWidget(split, 1)
        lay.addWidget(self.rule)
        page.gate(self.run_button, page.can_write, Perm.FINANCE_WRITE)
        page.gate(self.close_button, page.can_write, Perm.FINANCE_WRITE)
        page.gate(self.mode, page.can_write, Perm.FINANCE_WRITE)
        if not page.can_print:
            page.deny(self.export_button, Perm.PRINT)
        else:
            page.missing(self.export_button, "export_register")
        self.run_button.clicked.connect(self.run)
        self.close_button.clicked.connect(self.close_month)
        self.export_button.clicked.connect(self.export)
        self.month.currentTextChanged.connect(lambda _: self.reload())
        self.mode.activated.connect(lambda _i: self.set_mode())  # the user's choice only, not a reload
        self.last_result: BillingResult | None = None

    #: the 计费方式 setting's version when the page read it (services.versions)
    mode_stamp: str | None = None

    def set_mode(self) -> None:
        self.shell.call(billing.set_mode, self.mode.currentData(), expected_stamp=self.mode_stamp,
                        on_done=lambda ch: self.shell.notify(ch.message), on_error=self._mode_failed)

    def _mode_failed(self, exc: BaseException) -> None:
        self.shell.show_error(exc)
        self.reload()  # the combo shows the stored mode again, with its new version

    def _mode(self, mode: str) -> None:
        if isValid(self.mode):
            self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))

    @property
    def period(self) -> str:
        return self.month.currentText()

    def reload(self) -> None:
        p = self.period
        self.shell.call(billing.billing_register, p, on_done=self._register)
        self.shell.call(billing.runs, p, on_done=lambda rows: self.runs_model.set_rows(vm.runs_newest_first(rows)))
        self.shell.call(ledger.is_closed, p, on_done=self._closed)
        self.shell.call(billing.current_mode, on_done=self._mode)
        self.shell.call(billing.mode_stamp, on_done=lambda st: setattr(self, "mode_stamp", st))

    def _register(self, reg) -> None:
        if reg.period != self.period:
            return
        self.register = reg
        rows = vm.register_rows(reg)
        if rows:  # the totals row: its caption translated
            rows[-1] = dataclasses.replace(rows[-1], resident_name=self.tr("合计"),
                                           contract_number=self.tr("%1 份合同").replace("%1", str(len(reg.rows))))
        self.model.set_rows(rows)
        if not reg.rows:
            self.rule.setText(self.tr("%1 尚未计费").replace("%1", reg.period))
        else:
            from ...domain.billing import PRORATION_RULE

            self.rule.setText(self.tr("计费规则：") + PRORATION_RULE)

    def _closed(self, closed: bool) -> None:
        self.is_closed = closed
        self.closed_label.setText(self.tr("本月已结账") if closed else self.tr("本月未结账"))
        self.closed_label.setStyleSheet("color: #c62828; font-weight: bold;" if closed else "color: #2e7d32;")
        if self.page.can_write:
            self.run_button.setEnabled(not closed)
            self.close_button.setEnabled(not closed)
            tip = self.tr("%1 已结账，不能再计费；更正请用红冲凭证").replace("%1", self.period) if closed else ""
            self.run_button.setToolTip(tip)
            self.close_button.setToolTip(tip)

    def run(self) -> None:
        period = self.period
        self.result.setText(self.tr("正在计费 %1…").replace("%1", period))
        self.shell.run_long(self.tr("月度计费 %1").replace("%1", period), billing.run_billing, period,
                            on_done=self._ran)

    def _ran(self, result: BillingResult) -> None:
        self.last_result = result
        self.result.setText(self.tr("%1\n合同 %2 份，其中 %3 份有新增；新增计费行 %4 行，凭证 %5 张；新增应收 %6；"
                                    "预收款抵扣 %7")
                            .replace("%1", result.message).replace("%2", str(result.contracts))
                            .replace("%3", str(result.contracts_changed)).replace("%4", str(result.lines))
                            .replace("%5", str(result.entries)).replace("%6", format_yuan(result.total_fen))
                            .replace("%7", format_yuan(result.prepaid_applied_fen)))
        self.shell.notify(result.message)
        broadcast = getattr(self.shell, "broadcast", None)
        if broadcast is not None:  # statements, ageing and the resident panels show these figures too
            broadcast(Changes.of("journal", "bill_run", "charge"))
        self.page.reload()

    def close_month(self) -> None:
        period = self.period
        text = self.tr("确定结账 %1？\n\n结账后该月不能再记任何账（计费、收款、红冲都不能再记入该月）；"
                       "以后发现的差错只能在未结账的月份用红冲（冲销）凭证更正。结账不能撤销。").replace("%1", period)
        if self.page.confirm(self.tr("结账"), text):
            self.shell.call(ledger.close_period, period)

    def export(self) -> None:
        p = self.period
        self.page.export(self.tr("导出登记表"), "export_register", f"计费登记表-{p}.xlsx",
                         self.tr("Excel 文件 (*.xlsx)"), {"period": p, "month": p})


# --- 收款 -------------------------------------------------------------------------------

class CashDeskTab(_Tab):
    MAX_LIST = 300

    def __init__(self, page: FinancePage):
        super().__init__(page)
        today = self.shell.ctx.today()
        self.choices: list[vm.ResidentChoice] = []
        self.balances: dict[int, int] = {}
        self.resident_id: int | None = None
        self.agent = ""
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索住户：姓名、拼音、床位"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.list, 1)
        lw = QWidget(self)
        lw.setLayout(left)
        lw.setMaximumWidth(260)
        self.who = QLabel(self.tr("请选择住户"), self)
        f = self.who.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.who.setFont(f)
        self.balance = QLabel(self)
        self.balance.setFont(f)
        self.pay_button = _button(self.tr("收款…"), self)
        self.pay_button.setEnabled(False)
        self.pay_button.setToolTip(self.tr("请先在左侧选择住户"))
        head = QHBoxLayout()
        head.addWidget(self.who)
        head.addSpacing(24)
        head.addWidget(self.balance)
        head.addStretch(1)
        head.addWidget(self.pay_button)
        # the selected resident: open bills and payment history beside the amount owed
        bh = [self.tr("月份"), self.tr("记账日期"), self.tr("摘要"), self.tr("应收"), self.tr("未付")]
        self.bills_model = ColumnsModel(vm.OPEN_BILL_COLUMNS, bh, self, is_total=vm.is_bill_total)
        self.bills_view = make_table(self.bills_model, self, stretch=2)
        hh = [self.tr("收据号"), self.tr("日期"), self.tr("方式"), self.tr("金额"), self.tr("交款人"), self.tr("作废")]
        hist_cols = vm.HISTORY_COLUMNS[:-1] + (vm.Column("void", lambda r: self._void_text(r)),)
        self.history_model = ColumnsModel(hist_cols, hh, self, is_void=lambda r: r.voided)
        self.history_view = make_table(self.history_model, self, stretch=5)
        self.bills_box = QGroupBox(self.tr("未结账单"), self)
        bl = QVBoxLayout(self.bills_box)
        bl.addWidget(self.bills_view)
        self.history_box = QGroupBox(self.tr("收款记录"), self)
        hl = QVBoxLayout(self.history_box)
        hl.addWidget(self.history_view)
        panels = QSplitter(Qt.Orientation.Horizontal, self)
        panels.addWidget(self.bills_box)
        panels.addWidget(self.history_box)
        panels.setSizes([520, 480])
        self._resident_token = 0
        self.date_from = date_edit(today.replace(day=1), self)
        self.date_to = date_edit(today, self)
        self.void_button = _button(self.tr("作废"), self)
        self.reprint_button = _button(self.tr("补打收据"), self)
        self.print_receipt_button = _button(self.tr("打印收据…"), self)
        self.print_receipt_button.setToolTip(self.tr("在收据打印机上打印选中的收据（先预览）"))
        jbar = QHBoxLayout()
        jbar.addWidget(QLabel(self.tr("收款日期"), self))
        jbar.addWidget(self.date_from)
        jbar.addWidget(QLabel("~", self))
        jbar.addWidget(self.date_to)
        jbar.addStretch(1)
        jbar.addWidget(self.void_button)
        jbar.addWidget(self.print_receipt_button)
        jbar.addWidget(self.reprint_button)
        headers = [self.tr("收据号"), self.tr("日期"), self.tr("住户"), self.tr("方式"), self.tr("流水号"),
                   self.tr("金额"), self.tr("交款人"), self.tr("收款人"), self.tr("作废")]
        void_col = vm.RECEIPT_COLUMNS[-1]
        cols = vm.RECEIPT_COLUMNS[:-1] + (vm.Column(void_col.key, lambda r: self._void_text(r)),)
        self.model = ColumnsModel(cols, headers, self, is_void=lambda r: r.voided)
        self.view = make_table(self.model, self, stretch=8)
        self.totals = QLabel(self)
        jbox = QGroupBox(self.tr("收款日记账"), self)
        jl = QVBoxLayout(jbox)
        jl.addLayout(jbar)
        jl.addWidget(self.view, 1)
        jl.addWidget(self.totals)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(panels)
        split.addWidget(jbox)
        split.setSizes([260, 340])
        right = QVBoxLayout()
        right.addLayout(head)
        right.addWidget(split, 1)
        lay = QHBoxLayout(self)
        lay.addWidget(lw)
        lay.addLayout(right, 1)
        page.gate(self.pay_button, page.can_take, Perm.RESIDENT_WRITE)
        page.gate(self.void_button, page.can_write, Perm.FINANCE_WRITE)
        page.gate(self.reprint_button, page.can_print, Perm.PRINT)
        page.gate(self.print_receipt_button, page.can_print, Perm.PRINT)
        self.search.textChanged.connect(self._fill_list)
        self.list.currentItemChanged.connect(self._picked)
        self.pay_button.clicked.connect(self.take_payment)
        self.void_button.clicked.connect(self.void)
        self.reprint_button.clicked.connect(self.reprint)
        self.print_receipt_button.clicked.connect(self.print_selected_receipt)
        self.date_from.dateChanged.connect(lambda _: self.load_receipts())
        self.date_to.dateChanged.connect(lambda _: self.load_receipts())
        # void / reprint act on the selected receipt only; a reload (model reset)
        # clears the selection, so they never reach a row the user did not pick

    def _void_text(self, r: ReceiptRow) -> str:
        if not r.voided:
            return ""
        return self.tr("作废") + f" {vm.day_text(r.void_date)} {r.void_reason}"

    def reload(self) -> None:
        self.shell.call(residents.list_residents, True, on_done=self._residents)
        self.shell.call(ledger.resident_balances, None, on_done=self._balances)
        self.load_receipts()
        self.load_resident()

    def load_receipts(self) -> None:
        a, b = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        if b < a:
            self.totals.setText(self.tr("截止日期早于起始日期"))
            return
        self.shell.call(payments.receipts, a, b, True, on_done=self._receipts)

    def _receipts(self, rows: list[ReceiptRow]) -> None:
        self.model.set_rows(rows)
        t = vm.receipt_totals(rows)
        by = "，".join(f"{m} {format_yuan(v)}" for m, v in t.by_method)
        self.totals.setText(self.tr("共 %1 张（作废 %2 张）；收款合计（不含作废）%3").replace("%1", str(t.count))
                            .replace("%2", str(t.voided)).replace("%3", format_yuan(t.total_fen))
                            + (f"：{by}" if by else ""))

    def _residents(self, rows) -> None:
        self.choices = vm.resident_choices(rows)
        self._fill_list(self.search.text())

    def _balances(self, bal: dict[int, int]) -> None:
        self.balances = bal
        self._show_balance()

    def _fill_list(self, text: str) -> None:
        keep = self.resident_id
        kept = False
        self.list.blockSignals(True)
        self.list.clear()
        for c in vm.filter_choices(self.choices, text)[: self.MAX_LIST]:
            item = QListWidgetItem(c.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            if c.id == keep:
                self.list.setCurrentItem(item)
                kept = True
        self.list.blockSignals(False)
        if keep is not None and not kept:
            # the search hid the selected resident: no money action may reach them
            self.clear_resident()
        elif kept:
            item = self.list.currentItem()
            self.who.setText(item.text())

    def clear_resident(self) -> None:
        self._resident_token += 1
        self.resident_id = None
        self.agent = ""
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.who.setText(self.tr("请选择住户"))
        self.pay_button.setEnabled(False)
        if self.page.can_take:
            self.pay_button.setToolTip(self.tr("请先在左侧选择住户"))
        self.bills_model.set_rows([])
        self.history_model.set_rows([])
        self._show_balance()

    def select_resident(self, resident_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == resident_id:
                self.list.setCurrentRow(i)
                return

    def _picked(self, item: QListWidgetItem | None, _prev=None) -> None:
        if item is None:
            return
        rid = item.data(Qt.ItemDataRole.UserRole)
        self.resident_id = rid
        self.who.setText(item.text())
        self.agent = ""
        self.pay_button.setEnabled(self.page.can_take)
        if self.page.can_take:
            self.pay_button.setToolTip(self.tr("为“%1”登记收款").replace("%1", item.text()))
        self._show_balance()
        self.bills_model.set_rows([])
        self.history_model.set_rows([])
        self.shell.call(residents.get_resident, rid, on_done=self._detail)
        self.load_resident()

    def load_resident(self) -> None:
        """The selected resident's open bills and payment history (a newer
        selection wins over answers still on their way)."""
        self._resident_token += 1
        token, rid = self._resident_token, self.resident_id
        if rid is None:
            return
        self.shell.call(payments.open_bills, rid, on_done=lambda rows: self._bills(token, rid, rows))
        self.shell.call(payments.resident_receipts, rid, on_done=lambda rows: self._history(token, rid, rows))

    def _bills(self, token: int, rid: int, rows) -> None:
        if token != self._resident_token or rid != self.resident_id:
            return
        rows = vm.open_bill_rows(rows)
        if rows:
            rows[-1] = vm.OpenBillTotal(self.tr("合计"), rows[-1].amount_fen, rows[-1].open_fen)
        self.bills_model.set_rows(rows)
        n = len(rows) - 1 if rows else 0
        self.bills_box.setTitle(self.tr("未结账单（%1 笔）").replace("%1", str(n)))

    def _history(self, token: int, rid: int, rows) -> None:
        if token != self._resident_token or rid != self.resident_id:
            return
        self.history_model.set_rows(rows)
        self.history_box.setTitle(self.tr("收款记录（%1 张）").replace("%1", str(len(rows))))

    def _detail(self, d) -> None:
        if d.id != self.resident_id:
            return
        agents = [c.name for c in d.contacts if c.is_agent] or [c.name for c in d.contacts]
        self.agent = agents[0] if agents else d.name

    def owed(self) -> int:
        return self.balances.get(self.resident_id, 0) if self.resident_id else 0

    def _show_balance(self) -> None:
        if self.resident_id is None:
            self.balance.clear()
            return
        what, amount = vm.balance_text(self.owed())
        label = {"owes": self.tr("欠费"), "prepaid": self.tr("预收余额"), "settled": self.tr("已结清")}[what]
        colour = {"owes": "#c62828", "prepaid": "#2e7d32", "settled": "#555"}[what]
        self.balance.setText(f"{label} {amount}")
        self.balance.setStyleSheet(f"color: {colour};")

    def payment_dialog(self):
        from ..dialogs.finance import PaymentDialog

        return PaymentDialog(self.shell, self.resident_id, self.who.text(), self.agent, self.owed(), self)

    def take_payment(self) -> None:
        if self.resident_id is None or not self.pay_button.isEnabled():
            return
        dlg = self.payment_dialog()
        if self.page.open_dialog(dlg) and dlg.result_value is not None:
            self.paid(dlg.result_value)

    def paid(self, changes) -> None:
        """After a payment: offer to print its receipt."""
        if not changes.ids or not self.page.can_print:
            return
        if self.page.confirm(self.tr("打印收据"), self.tr("收款已登记。现在打印收据吗？")):
            self.print_receipt(changes.ids[0])

    def print_receipt(self, receipt_id: int, number: str = "") -> None:
        """Save the receipt as a PDF named after its number (收据SJ2026-001146.pdf);
        without the number at hand it is looked up first."""
        if not number:
            self.shell.call(payments.receipt, receipt_id, on_done=lambda d: self.print_receipt(d.id, d.number))
            return
        path = self.page.choose_path(self.tr("打印收据"), vm.receipt_file_name(number), self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.shell.call(payments.receipt_pdf, receipt_id, path, on_done=self.page.saved)

    def current_receipt(self) -> ReceiptRow | None:
        return selected_row(self.view)

    def void(self) -> None:
        row = self.current_receipt()
        if row is None:
            self.shell.notify(self.tr("请先选择收据"))
            return
        if row.voided:
            self.shell.notify(self.tr("该收据已作废"))
            return
        from ..dialogs.finance import VoidDialog

        self.page.open_dialog(VoidDialog(self.shell, row, self))

    def reprint(self) -> None:
        row = self.current_receipt()
        if row is None:
            self.shell.notify(self.tr("请先选择收据"))
            return
        self.print_receipt(row.id, row.number)

    def print_selected_receipt(self) -> None:
        """The selected receipt on the receipt printer, with a preview."""
        row = self.current_receipt()
        if row is None:
            self.shell.notify(self.tr("请先选择收据"))
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, payments.receipt_pdf, row.id, title=f"收据{row.number}", kind="receipt")


# --- 费用清单 -----------------------------------------------------------------------------

class StatementTab(_Tab):
    def __init__(self, page: FinancePage):
        super().__init__(page)
        today = self.shell.ctx.today()
        self.month = QComboBox(self)
        self.month.addItems(vm.month_choices(today))
        self.month.setCurrentText(vm.previous_month(today))
        self.resident = QComboBox(self)
        self.resident.setEditable(True)
        self.resident.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.resident.setMinimumWidth(220)
        comp = self.resident.completer()
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.show_button = _button(self.tr("显示"), self)
        self.print_button = _button(self.tr("打印本人清单"), self)
        self.preview_button = _button(self.tr("打印预览…"), self)
        self.preview_button.setToolTip(self.tr("在打印机上打印本人清单（先预览；预览中也可另存为PDF）"))
        self.batch_button = _button(self.tr("批量打印本月全部清单"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("月份"), self))
        bar.addWidget(self.month)
        bar.addWidget(QLabel(self.tr("住户"), self))
        bar.addWidget(self.resident)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.batch_button)
        self.view = QTextBrowser(self)
        self.view.setReadOnly(True)
        self.view.setOpenLinks(False)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        for b in (self.print_button, self.preview_button, self.batch_button):
            page.gate(b, page.can_print, Perm.PRINT)
        self.preview_button.clicked.connect(self.preview_one)
        self.detail = None
        self.show_button.clicked.connect(self.show_statement)
        self.resident.activated.connect(lambda _: self.show_statement())
        self.month.currentTextChanged.connect(lambda _: self.show_statement())
        self.print_button.clicked.connect(self.print_one)
        self.batch_button.clicked.connect(self.print_all)

    def labels(self) -> dict[str, str]:
        return {"title": self.tr("费用清单"), "number": self.tr("清单号"), "period": self.tr("月份"),
                "resident": self.tr("住户"), "bed": self.tr("床位"), "contract": self.tr("合同"),
                "opening": self.tr("上月结余"), "kind": self.tr("类别"), "item": self.tr("项目"),
                "from_to": self.tr("起止日期"), "days": self.tr("天数"), "rate": self.tr("标准"),
                "amount": self.tr("金额"), "basis": self.tr("计算方法"), "charges": self.tr("本月费用合计"),
                "payments": self.tr("本月收款"), "adjustments": self.tr("其他调整"),
                "formula": self.tr("上月结余 + 本月费用 − 本月收款 + 其他调整 = 本月结余"),
                "deposit": self.tr("押金（专户存管，不抵扣费用）"), "rule": self.tr("计费规则"),
                "owes": self.tr("欠费"), "prepaid": self.tr("预收"), "settled": self.tr("已结清")}

    def reload(self) -> None:
        self.shell.call(residents.list_residents, True, on_done=self._residents)

    def _residents(self, rows) -> None:
        keep = self.resident.currentData()
        self.resident.blockSignals(True)
        self.resident.clear()
        for c in vm.resident_choices(rows):
            self.resident.addItem(c.label, c.id)
        if keep is not None and self.resident.findData(keep) >= 0:
            self.resident.setCurrentIndex(self.resident.findData(keep))
        self.resident.blockSignals(False)
        if self.resident.currentData() is not None:
            self.show_statement()

    def resident_id(self) -> int | None:
        i = self.resident.findText(self.resident.currentText())
        return self.resident.itemData(i) if i >= 0 else self.resident.currentData()

    def select(self, resident_id: int, period: str | None = None) -> None:
        if period:
            self.month.blockSignals(True)
            self.month.setCurrentText(period)
            self.month.blockSignals(False)
        i = self.resident.findData(resident_id)
        if i >= 0:
            self.resident.setCurrentIndex(i)
        self.show_statement()

    def show_statement(self) -> None:
        rid = self.resident_id()
        if rid is None:
            return
        self.shell.call(statements.statement, rid, self.month.currentText(), on_done=self._show)

    def _show(self, d) -> None:
        self.detail = d
        self.view.setHtml(vm.statement_html(d, self.labels()))

    def print_one(self) -> None:
        rid, p = self.resident_id(), self.month.currentText()
        if rid is None:
            return
        path = self.page.choose_path(self.tr("打印本人清单"), f"费用清单-{p}-{rid}.pdf", self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.shell.call(statements.statement_pdf, rid, p, path, on_done=self.page.saved)

    def preview_one(self) -> None:
        """Print the resident's statement on a printer, with a preview."""
        rid, p = self.resident_id(), self.month.currentText()
        if rid is None:
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, statements.statement_pdf, rid, p, title=f"费用清单 {p}", kind="a4")

    def print_all(self) -> None:
        p = self.month.currentText()
        path = self.page.choose_path(self.tr("批量打印本月全部清单"), f"费用清单-{p}.pdf", self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.shell.run_long(self.tr("打印 %1 全部费用清单").replace("%1", p), statements.statements_pdf, p, path,
                                on_done=self.page.saved)


# --- 欠费账龄 -----------------------------------------------------------------------------

class AgeingTab(_Tab):
    def __init__(self, page: FinancePage):
        super().__init__(page)
        self.on = date_edit(self.shell.ctx.today(), self)
        self.export_button = _button(self.tr("导出"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("截至日期"), self))
        bar.addWidget(self.on)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bucket_names = {"0-30天": self.tr("0-30天"), "31-60天": self.tr("31-60天"), "61-90天": self.tr("61-90天"),
                        "90天以上": self.tr("90天以上")}
        headers = ([self.tr("住户")] + [bucket_names.get(b, b) for b in BUCKETS]
                   + [self.tr("多收（贷方余额）"), self.tr("欠费合计"), self.tr("最早欠费日期")])
        self.model = ColumnsModel(vm.ageing_columns(), headers, self, is_total=lambda r: r.resident_id == 0)
        self.view = make_table(self.model, self, stretch=-1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        f = self.summary.font()
        f.setBold(True)
        self.summary.setFont(f)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)
        if not page.can_print:
            page.deny(self.export_button, Perm.PRINT)
        else:
            page.missing(self.export_button, "export_ageing")
        self.report = None
        self.on.dateChanged.connect(lambda _: self.reload())
        self.export_button.clicked.connect(self.export)

    def reload(self) -> None:
        self.shell.call(payments.ageing, from_qdate(self.on.date()), on_done=self._report)

    def _report(self, report) -> None:
        self.report = report
        # a totals row with resident_id 0: translate its name
        rows = vm.ageing_rows(report)
        if rows:
            from ...domain.payment_records import AgeingRow

            last = rows[-1]
            rows[-1] = AgeingRow(0, self.tr("合计"), last.buckets, last.credit_fen, None)
        self.model.set_rows(rows)
        ok = vm.ageing_balanced(report)
        text = self.tr("账龄合计 %1；应收账款（1121）余额 %2").replace("%1", format_yuan(report.total_fen)) \
            .replace("%2", format_yuan(report.receivable_fen))
        text += "　" + (self.tr("两者相符") if ok else self.tr("两者不符，请核对账目"))
        self.summary.setText(text)
        self.summary.setStyleSheet("" if ok else "color: #c62828;")

    def export(self) -> None:
        on = from_qdate(self.on.date())
        self.page.export(self.tr("导出欠费账龄"), "export_ageing", f"欠费账龄-{on:%Y%m%d}.xlsx",
                         self.tr("Excel 文件 (*.xlsx)"), {"on": on, "day": on})
