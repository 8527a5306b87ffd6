"""Dialogs of the 账单与收款 page: new fee item, price change, payment at the
cash desk, void a receipt. Each saves through the shell and shows the
service's problems next to the inputs."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ...domain.centre import BedType
from ...domain.errors import Problem, RuleViolation
from ...domain.finance_records import ScheduleRow
from ...domain.money import format_yuan, yuan_to_fen
from ...domain.payment_records import CASH_METHOD, METHODS, ReceiptRow
from ...services import fees, payments
from ..widgets import ServiceDialog, date_edit, from_qdate


def _yuan(edit: QLineEdit, field: str) -> int:
    """The fen typed in yuan; raises RuleViolation (Chinese) on bad input."""
    text = edit.text().strip()
    if not text:
        raise RuleViolation("请填写金额", field)
    return yuan_to_fen(text, field)


class FeeItemDialog(ServiceDialog):
    """新增收费项目 (fees.create_item)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(shell, self.tr("新增收费项目"), parent)
        self.code = QLineEdit(self)
        self.kind = QComboBox(self)
        for key, text in (("bed", self.tr("床位费")), ("care", self.tr("护理费")), ("meals", self.tr("伙食费")),
                          ("other", self.tr("其他费用"))):
            self.kind.addItem(text, key)
        self.name = QLineEdit(self)
        self.key = QComboBox(self)
        self.key.setEditable(True)
        self.unit = QComboBox(self)
        self.form.add_row("code", self.tr("项目编码"), self.code)
        self.form.add_row("kind", self.tr("收费类别"), self.kind)
        self.form.add_row("name", self.tr("项目名称"), self.name)
        self.key_hint = QLabel(self)
        self.key_hint.setWordWrap(True)
        self.form.add_row("key", self.tr("适用于"), self.key, hint=self.key_hint)
        self.form.add_row("unit", self.tr("计费单位"), self.unit)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finish_layout()
        self.setMinimumWidth(460)
        self.code.setFocus()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.key.clear()
        self.unit.clear()
        if kind == "bed":
            self.key.addItems([b.value for b in BedType])
            self.key_hint.setText(self.tr("床位类型"))
        elif kind == "care":
            self.key.setEditText("")
            self.key_hint.setText(self.tr("照护等级，如 自理、介护一级"))
        else:
            self.key_hint.setText(self.tr("可不填"))
        self.key.setEnabled(kind != "meals")
        self.unit.addItems(list(fees.KIND_UNITS.get(kind, fees.UNITS)))

    def save(self) -> None:
        self.submit(fees.create_item, self.code.text(), self.kind.currentData(), self.name.text(),
                    self.unit.currentText(), self.key.currentText())


class PriceDialog(ServiceDialog):
    """调整价格 (fees.set_price): new price in yuan, effective date, notice date
    (default today), reason. The advance-notice rule is the service's."""

    def __init__(self, shell, row: ScheduleRow, parent: QWidget | None = None):
        super().__init__(shell, self.tr("调整价格"), parent)
        self.row = row
        today = shell.ctx.today()
        current = QLabel(self)
        current.setText(f"{row.name}（{row.code}）  "
                        + (f"{format_yuan(row.price_fen)}/{row.unit}" if row.price_fen is not None
                           else self.tr("尚未定价")))
        self.form.add_row("", self.tr("收费项目"), current)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("元，如 2400 或 2,400.50"))
        first = row.price_fen is None and row.next_price_fen is None
        self.effective = date_edit(today if first else today + dt.timedelta(days=fees.DEFAULT_NOTICE_DAYS), self)
        self.notice = date_edit(today, self)
        self.reason = QLineEdit(self)
        self.form.add_row("amount", self.tr("新价格（元）"), self.amount)
        self.form.add_row("effective_date", self.tr("生效日期"), self.effective)
        hint = QLabel(self.tr("调价须提前告知住户：告知日期至生效日期至少 %1 天").replace(
            "%1", str(fees.DEFAULT_NOTICE_DAYS)), self)
        hint.setWordWrap(True)
        self.form.add_row("notice_date", self.tr("告知日期"), self.notice, hint=hint)
        self.form.add_row("reason", self.tr("调价原因"), self.reason)
        self.finish_layout()
        self.setMinimumWidth(460)
        self.amount.setFocus()

    def save(self) -> None:
        try:
            fen = _yuan(self.amount, "amount")
        except RuleViolation as exc:
            self.show_problems(exc.problems)
            return
        self.submit(fees.set_price, self.row.item_id, from_qdate(self.effective.date()), fen,
                    from_qdate(self.notice.date()), self.reason.text(), expected_version=self.row.version)


class PaymentDialog(ServiceDialog):
    """收款 (payments.record_payment). ``result_value`` is the Changes whose
    ids[0] is the new receipt."""

    def __init__(self, shell, resident_id: int, resident_name: str, payer: str = "", owed_fen: int = 0,
                 parent: QWidget | None = None):
        super().__init__(shell, self.tr("收款"), parent)
        self.resident_id = resident_id
        self.ok_button.setText(self.tr("收款"))
        who = QLabel(resident_name, self)
        self.form.add_row("", self.tr("住户"), who)
        self.day = date_edit(shell.ctx.today(), self, maximum=shell.ctx.today())
        self.method = QComboBox(self)
        self.method.addItems(list(METHODS))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("元"))
        if owed_fen > 0:
            self.amount.setText(format_yuan(owed_fen, symbol=False))
        self.payer = QLineEdit(payer, self)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("银行、微信、支付宝的交易流水号"))
        self.memo = QLineEdit(self)
        self.form.add_row("amount", self.tr("金额（元）"), self.amount)
        self.form.add_row("method", self.tr("收款方式"), self.method)
        self.form.add_row("reference", self.tr("交易流水号"), self.reference)
        self.form.add_row("payer", self.tr("交款人"), self.payer)
        self.form.add_row("day", self.tr("收款日期"), self.day)
        self.form.add_row("memo", self.tr("备注"), self.memo)
        self.method.currentTextChanged.connect(self._method_changed)
        self._method_changed(self.method.currentText())
        self.finish_layout()
        self.setMinimumWidth(460)
        self.setTabOrder(self.amount, self.method)
        self.setTabOrder(self.method, self.reference)
        self.setTabOrder(self.reference, self.payer)
        self.setTabOrder(self.payer, self.day)
        self.setTabOrder(self.day, self.memo)
        self.amount.setFocus()
        self.amount.selectAll()

    def _method_changed(self, method: str) -> None:
        self.reference.setEnabled(method != CASH_METHOD)

    def save(self) -> None:
        try:
            fen = _yuan(self.amount, "amount")
        except RuleViolation as exc:
            self.show_problems(exc.problems)
            return
        ref = self.reference.text() if self.method.currentText() != CASH_METHOD else ""
        self.submit(payments.record_payment, self.resident_id, from_qdate(self.day.date()),
                    self.method.currentText(), fen, self.payer.text(), ref, self.memo.text())


class VoidDialog(ServiceDialog):
    """作废收据 (payments.void_receipt): reason required."""

    def __init__(self, shell, row: ReceiptRow, parent: QWidget | None = None):
        super().__init__(shell, self.tr("作废收据"), parent)
        self.row = row
        self.ok_button.setText(self.tr("作废"))
        info = QLabel(f"{row.number}  {row.resident_name}  {format_yuan(row.amount_fen)}  {row.method}", self)
        self.form.add_row("receipt", self.tr("收据"), info)
        warn = QLabel(self.tr("作废后收据编号不再使用，收款凭证红冲；收据保留在作废登记簿中。"), self)
        warn.setWordWrap(True)
        self.form.add_widget(warn)
        self.reason = QLineEdit(self)
        self.day = date_edit(shell.ctx.today(), self, maximum=shell.ctx.today())
        self.form.add_row("reason", self.tr("作废原因"), self.reason)
        self.form.add_row("day", self.tr("作废日期"), self.day)
        self.finish_layout()
        self.setMinimumWidth(460)
        self.reason.setFocus()

    def save(self) -> None:
        if not self.reason.text().strip():
            self.show_problems([Problem("reason", self.tr("请填写作废原因"))])
            return
        self.submit(payments.void_receipt, self.row.id, self.reason.text(), from_qdate(self.day.date()))
