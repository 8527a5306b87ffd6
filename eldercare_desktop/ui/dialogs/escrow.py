"""Dialogs of the 押金专户 page: 收取押金, 扣除, 退还 (with the quote first),
新增利率. Each saves through the shell; the service's Chinese rule messages
appear under the fields they name and the dialog stays open."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

import shiboken6
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QTextBrowser, QWidget

from ...domain.errors import RuleViolation
from ...domain.escrow_records import DEDUCTION_CATEGORIES, METHODS, RefundQuote
from ...domain.money import yuan_to_fen
from ...services import escrow
from ...viewmodels import escrow as vm
from ..base import Shell
from ..widgets import ServiceDialog, date_edit, from_qdate


def _methods(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.addItems(list(METHODS))
    return box


class ReceiveDepositDialog(ServiceDialog):
    """收取押金: date, amount in yuan, method, reference; the cap shown."""

    def __init__(self, shell: Shell, row: vm.ResidentDeposit, parent: QWidget | None = None):
        super().__init__(shell, self.tr("收取押金"), parent)
        self.row = row
        today = shell.ctx.today()
        self.who = QLabel(f"{row.resident_name}　{row.contract_number}", self)
        self.day = date_edit(today, self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("金额（元）"))
        self.method = _methods(self)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("银行流水号、POS凭条号或支票号"))
        if row.cap_fen is None:
            cap = self.tr("该住户没有有效合同")
        else:
            cap = (self.tr("上限 %1，已收 %2，本次最多还可收取 %3")
                   .replace("%1", vm.money(row.cap_fen)).replace("%2", vm.money(row.principal_fen))
                   .replace("%3", vm.money(row.room_fen)))
        self.cap = QLabel(cap, self)
        self.cap.setStyleSheet("color: #555;")
        self.form.add_row("", self.tr("住户"), self.who)
        self.form.add_row("day", self.tr("收取日期"), self.day)
        self.form.add_row("amount_fen", self.tr("金额（元）"), self.amount, aliases=("amount",), hint=self.cap)
        self.form.add_row("method", self.tr("收取方式"), self.method)
        self.form.add_row("reference", self.tr("交易流水号"), self.reference)
        self.ok_button.setText(self.tr("收取"))
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.setMinimumWidth(460)
        self.amount.setFocus()

    def save(self) -> None:
        try:
            fen = yuan_to_fen(self.amount.text(), "amount_fen")
        except RuleViolation as exc:
            self.show_problems(exc.problems)
            return
        self.submit(escrow.receive_deposit, self.row.resident_id, from_qdate(self.day.date()), fen,
                    self.method.currentText(), self.reference.text())


class DeductDialog(ServiceDialog):
    """扣除: reason category + detail + voucher no. + amount (emergency costs only)."""

    def __init__(self, shell: Shell, row: vm.ResidentDeposit, parent: QWidget | None = None):
        super().__init__(shell, self.tr("扣除押金"), parent)
        self.row = row
        self.who = QLabel(self.tr("%1　余额 %2").replace("%1", row.resident_name)
                         .replace("%2", vm.money(row.balance_fen)), self)
        self.day = date_edit(shell.ctx.today(), self)
        self.reason = QComboBox(self)
        self.reason.addItems(list(DEDUCTION_CATEGORIES))
        self.detail = QLineEdit(self)
        self.detail.setPlaceholderText(self.tr("如：120急救车及急诊费"))
        self.voucher = QLineEdit(self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("金额（元）"))
        self.form.add_row("", self.tr("住户"), self.who)
        self.form.add_row("reason", self.tr("扣除原因"), self.reason)
        self.form.add_row("detail", self.tr("具体内容"), self.detail)
        self.form.add_row("voucher_no", self.tr("凭证号"), self.voucher)
        self.form.add_row("amount_fen", self.tr("金额（元）"), self.amount, aliases=("amount",))
        self.form.add_row("day", self.tr("扣除日期"), self.day)
        self.ok_button.setText(self.tr("扣除"))
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.setMinimumWidth(460)
        self.reason.setFocus()

    def save(self) -> None:
        try:
            fen = yuan_to_fen(self.amount.text(), "amount_fen")
        except RuleViolation as exc:
            self.show_problems(exc.problems)
            return
        self.submit(escrow.deduct, self.row.resident_id, from_qdate(self.day.date()), fen,
                    self.reason.currentText(), self.voucher.text(), self.detail.text())


class RefundDialog(ServiceDialog):
    """退还: the quote period by period first (deposits − deductions +
    interest = refund, the due date, late or not); a late refund asks for
    the reason."""

    def __init__(self, shell: Shell, row: vm.ResidentDeposit, parent: QWidget | None = None):
        super().__init__(shell, self.tr("退还押金"), parent)
        self.row = row
        self.quote: RefundQuote | None = None
        self.day = date_edit(shell.ctx.today(), self)
        self.method = _methods(self)
        self.view = QTextBrowser(self)
        self.view.setMinimumSize(600, 240)
        self.late_reason = QLineEdit(self)
        self.late_reason.setPlaceholderText(self.tr("逾期退还的原因（必填）"))
        self.form.add_row("day", self.tr("退还日期"), self.day)
        self.form.add_row("method", self.tr("退还方式"), self.method)
        self.form.add_widget(self.view)
        self.late_error = self.form.add_row("late_reason", self.tr("逾期原因"), self.late_reason)
        self.late_label = self.form.layout_.labelForField(self.late_reason.parentWidget())
        self._show_late(False)
        self.ok_button.setText(self.tr("退还"))
        self.ok_button.setEnabled(False)
        self.day.dateChanged.connect(lambda _d: self.load_quote())
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.day.setFocus()
        self.load_quote()

    def _show_late(self, late: bool) -> None:
        self.late_reason.parentWidget().setVisible(late)
        if self.late_label is not None:
            self.late_label.setVisible(late)

    def load_quote(self) -> None:
        self.ok_button.setEnabled(False)
        self.view.setPlainText(self.tr("正在计算…"))
        self.shell.call(escrow.quote, self.row.resident_id, from_qdate(self.day.date()),
                        on_done=self._quoted, on_error=self._quote_failed)

    def _quoted(self, q: RefundQuote) -> None:
        if not shiboken6.isValid(self.view):
            return
        self.quote = q
        self.view.setHtml(vm.quote_html(q))
        self._show_late(q.overdue)
        if q.overdue:
            self.late_reason.setFocus()
        self.ok_button.setEnabled(not self.busy and q.due_date is not None and q.refund_fen > 0)

    def _quote_failed(self, exc: BaseException) -> None:
        self.quote = None
        self._failed(exc)
        self.ok_button.setEnabled(False)

    @property
    def asks_late_reason(self) -> bool:
        return self.quote is not None and self.quote.overdue and not self.late_reason.isHidden()

    def save(self) -> None:
        if self.quote is None:
            return
        self.submit(escrow.refund, self.row.resident_id, from_qdate(self.day.date()), self.method.currentText(),
                    self.late_reason.text() if self.quote.overdue else "")


class ExcessRefundDialog(ServiceDialog):
    """退还超限部分: exactly the principal above the current cap."""

    def __init__(self, shell: Shell, row: vm.ResidentDeposit, parent: QWidget | None = None):
        super().__init__(shell, self.tr("退还超限部分"), parent)
        self.row = row
        info = (self.tr("%1：押金本金 %2，上限 %3，超出 %4")
                .replace("%1", row.resident_name).replace("%2", vm.money(row.principal_fen))
                .replace("%3", vm.money(row.cap_fen)).replace("%4", vm.money(row.over_cap_fen)))
        self.info = QLabel(info, self)
        self.day = date_edit(shell.ctx.today(), self)
        self.method = _methods(self)
        self.form.add_row("", self.tr("超限"), self.info)
        self.form.add_row("day", self.tr("退还日期"), self.day)
        self.form.add_row("method", self.tr("退还方式"), self.method)
        self.ok_button.setText(self.tr("退还"))
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.day.setFocus()

    def save(self) -> None:
        self.submit(escrow.refund_excess, self.row.resident_id, from_qdate(self.day.date()),
                    self.method.currentText())


class RateDialog(ServiceDialog):
    """新增利率: effective date (required) and the annual percent as text."""

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, self.tr("新增活期利率"), parent)
        self.day = date_edit(shell.ctx.today(), self)
        self.percent = QLineEdit(self)
        self.percent.setPlaceholderText(self.tr("如 0.05 表示年利率0.05%"))
        self.note = QLineEdit(self)
        self.form.add_row("effective_date", self.tr("生效日期"), self.day)
        self.form.add_row("annual_percent", self.tr("年利率（%）"), self.percent, aliases=("rate", "rates"))
        self.form.add_row("note", self.tr("说明"), self.note)
        self.finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.setMinimumWidth(420)
        self.day.setFocus()

    def save(self) -> None:
        day: dt.date = from_qdate(self.day.date())
        text = self.percent.text().strip().rstrip("%").strip()
        try:
            pct: Decimal | str = Decimal(text)
            if not pct.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            pct = text  # the service names the problem in Chinese
        self.submit(escrow.add_rate, day, pct, self.note.text())
