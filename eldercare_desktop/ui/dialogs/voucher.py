"""The 新建凭证 dialog, keyboard-first: a template's own small form builds
the voucher with the domain template and previews its lines; 通用凭证 is a
lines grid with live totals. The 期初余额 dialog reuses the grid, and
FormDialog (a few inputs → one service call) serves the tabs' small dialogs.
Money is typed as yuan text and read with domain.money (never float)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import books as B
from ...domain.errors import Problem, Problems, RuleViolation
from ...domain.ledger import CHART_2004, Chart
from ...domain.money import format_yuan
from ...viewmodels import vouchers as vm
from ...viewmodels.finance import month_choices, resident_choices
from ..base import LazyService
from ..pages.finance_models import ColumnsModel
from ..tablemodel import make_table
from ..widgets import ERROR_COLOUR, ErrorForm, ServiceDialog, date_edit, from_qdate

books = LazyService("books")
residents = LazyService("residents")
OK_COLOUR = "#2e7d32"
BAD_CELL = QColor("#ffebee")
translate = QCoreApplication.translate


def template_names() -> dict[str, str]:
    """Template key → its name on screen."""
    return {"general": translate("Vouchers", "通用凭证"), "salaries": translate("Vouchers", "工资"),
            "purchase": translate("Vouchers", "伙食及物资采购"), "utilities": translate("Vouchers", "水电燃气"),
            "repairs": translate("Vouchers", "维修"), "donation": translate("Vouchers", "接受捐赠"),
            "subsidy": translate("Vouchers", "政府补助到账"), "asset": translate("Vouchers", "购置固定资产"),
            "release": translate("Vouchers", "限定性净资产解除限制")}


def status_names() -> dict[str, str]:
    return {B.PENDING: translate("Vouchers", "待审核"), B.REVIEWED: translate("Vouchers", "已审核"), B.VOID: translate("Vouchers", "作废")}


def line_headers() -> list[str]:
    return [translate("Vouchers", "科目代码"), translate("Vouchers", "科目名称"), translate("Vouchers", "借方"), translate("Vouchers", "贷方"),
            translate("Vouchers", "住户"), translate("Vouchers", "摘要")]


def lines_model(parent=None) -> ColumnsModel:
    """A voucher's lines with a bold totals row."""
    return ColumnsModel(vm.LINE_COLUMNS, line_headers(), parent, is_total=lambda r: r.total)


def alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


# --- the lines grid ---------------------------------------------------------------------------

class CompleterDelegate(QStyledItemDelegate):
    """Edits a cell in a line edit completing from ``words`` (any part matches)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QLineEdit(parent)
        comp = QCompleter(self.words, editor)
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        comp.setMaxVisibleItems(12)
        editor.setCompleter(comp)
        return editor


class LinesGrid(QWidget):
    """科目 (completes "code name" over the chart's leaf accounts), 借方, 贷方,
    住户 (optional), 摘要; a new row appears when the last one is filled; live
    借方合计/贷方合计 and a red 借贷不平衡 until balanced."""

    changed = Signal()

    def __init__(self, shell, parent: QWidget | None = None, kinds=None, rows: int = 4):
        super().__init__(parent)
        self.kinds = kinds
        self.chart: Chart | None = None
        self.residents: dict[str, int] = {}
        self._busy = False
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("科目"), self.tr("借方"), self.tr("贷方"), self.tr("住户"),
                                              self.tr("摘要")])
        self.table.verticalHeader().setDefaultSectionSize(26)
        h = self.table.horizontalHeader()
        for col, width in ((0, 280), (1, 110), (2, 110), (3, 130)):
            self.table.setColumnWidth(col, width)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.accounts = CompleterDelegate(self.table)
        self.people = CompleterDelegate(self.table)
        self.table.setItemDelegateForColumn(vm.GRID_ACCOUNT, self.accounts)
        self.table.setItemDelegateForColumn(vm.GRID_RESIDENT, self.people)
        self.table.setTabKeyNavigation(True)
        self.table.setMinimumHeight(180)
        self.add_button = QPushButton(self.tr("增加一行"), self)
        self.remove_button = QPushButton(self.tr("删除行"), self)
        for b in (self.add_button, self.remove_button):
            b.setAutoDefault(False)
        self.totals = QLabel(self)
        self.state = QLabel(self)
        self.problems = QLabel(self)
        self.problems.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problems.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        bar.addWidget(self.totals)
        bar.addSpacing(16)
        bar.addWidget(self.state)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.problems)
        lay.addLayout(bar)
        for _ in range(rows):
            self.add_row()
        self.table.itemChanged.connect(lambda _item: self.refresh())
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        shell.call(books.chart, on_done=self._chart)
        shell.call(residents.list_residents, True, on_done=self._residents)
        self.refresh()

    def _chart(self, chart: Chart) -> None:
        if alive(self):
            self.chart = chart
            self.accounts.words = vm.account_choices(chart, self.kinds)
            self.refresh()

    def _residents(self, rows) -> None:
        if alive(self):
            self.residents = vm.resident_labels(resident_choices(rows))
            self.people.words = list(self.residents)
            self.refresh()

    def add_row(self) -> None:
        was, self._busy = self._busy, True
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col in range(5):
            item = QTableWidgetItem("")
            if col in (vm.GRID_DEBIT, vm.GRID_CREDIT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(n, col, item)
        self._busy = was

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.rowCount() > 2:
            self.table.removeRow(row)
            self.refresh()

    def rows(self) -> list[vm.GridRow]:
        return [vm.GridRow(*(self.table.item(r, c).text() for c in range(5))) for r in range(self.table.rowCount())]

    def set_row(self, row: int, line: vm.GridRow) -> None:
        """Fill a row (tests and callers that prefill)."""
        while self.table.rowCount() <= row:
            self.add_row()
        for col, text in enumerate((line.account, line.debit, line.credit, line.resident, line.memo)):
            self.table.item(row, col).setText(text)

    def result(self) -> vm.GridResult:
        return vm.read_grid(self.rows(), self.chart, self.residents, self.kinds)

    def lines_or_raise(self) -> tuple:
        """The balanced lines, or RuleViolation (field "lines") naming every problem."""
        r = self.result()
        p = Problems()
        for message in r.messages():
            p.add("lines", message)
        if not r.balanced:
            p.add("lines", self.tr("借贷不平衡：借方合计 %1，贷方合计 %2").replace("%1", format_yuan(r.debit))
                  .replace("%2", format_yuan(r.credit)))
        p.raise_if_any()
        return r.lines

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            if not self.rows()[-1].blank:
                self.add_row()
            r = self.result()
            bad = {(row, col): message for row, col, message in r.problems}
            for row in range(self.table.rowCount()):
                for col in range(5):
                    item = self.table.item(row, col)
                    message = bad.get((row, col))
                    item.setBackground(QBrush(BAD_CELL) if message else QBrush())
                    item.setToolTip(message or "")
                    if col in (vm.GRID_DEBIT, vm.GRID_CREDIT) and not message:
                        item.setText(vm.tidy_amount(item.text()))
        finally:
            self._busy = False
        self.problems.setText("\n".join(r.messages()[:3]))
        self.problems.setVisible(bool(r.problems))
        self.totals.setText(self.tr("借方合计 %1　贷方合计 %2").replace("%1", format_yuan(r.debit))
                            .replace("%2", format_yuan(r.credit)))
        if r.balanced:
            self.state.setText(self.tr("借贷平衡"))
            self.state.setStyleSheet(f"color: {OK_COLOUR};")
        else:
            diff = abs(r.debit - r.credit)
            self.state.setText(self.tr("借贷不平衡：相差 %1").replace("%1", format_yuan(diff)) if diff
                               else self.tr("借贷不平衡"))
            self.state.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.changed.emit()


class CallDialog(ServiceDialog):
    """Saves by ``make_call()``: (fn, *args) to run, None to stay open, or a
    RuleViolation shown at the fields."""

    def make_call(self) -> tuple[Any, ...] | None:  # pragma: no cover - subclasses
        raise NotImplementedError

    def save(self) -> None:
        try:
            call = self.make_call()
        except RuleViolation as exc:
            self.show_problems(exc.problems)
            return
        if call:
            fn, *args = call
            self.submit(fn, *args)


# --- template forms ---------------------------------------------------------------------------

class TemplateForm(ErrorForm):
    """A template's inputs. ``build(day, attachments)`` → VoucherInput (or
    RuleViolation); ``touched`` holds the fields the user has edited, so live
    errors show only where the user has been."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.touched: set[str] = set()
        self.alias: dict[str, str] = {}

    def _add(self, field: str, label: str, widget: QWidget, signal, aliases: Sequence[str] = ()) -> None:
        widget.setMaximumWidth(420)
        self.add_row(field, label, widget, aliases=aliases)
        self.alias.update({a: field for a in aliases})
        signal.connect(lambda *_: (self.touched.add(field), self.changed.emit()))

    def money(self, field: str, label: str, aliases: Sequence[str] = ()) -> QLineEdit:
        w = QLineEdit(self)
        w.setPlaceholderText(self.tr("元"))
        w.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._add(field, label, w, w.textEdited, aliases)
        return w

    def text(self, field: str, label: str, aliases: Sequence[str] = ()) -> QLineEdit:
        w = QLineEdit(self)
        self._add(field, label, w, w.textEdited, aliases)
        return w

    def check(self, field: str, label: str) -> QCheckBox:
        w = QCheckBox(label, self)
        self._add(field, "", w, w.toggled)
        return w

    def combo(self, field: str, label: str, items: Sequence[str]) -> QComboBox:
        w = QComboBox(self)
        w.addItems(list(items))
        self._add(field, label, w, w.activated)
        return w

    def live_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        return [p for p in problems if self.alias.get(p.field, p.field) in self.touched]

    def build(self, day: dt.date, attachments: int) -> B.VoucherInput:  # pragma: no cover - subclasses
        raise NotImplementedError


class SalariesForm(TemplateForm):
    def __init__(self, parent: QWidget | None, today: dt.date):
        super().__init__(parent)
        self.care = self.money("care", self.tr("护理人员工资"))
        self.office = self.money("office", self.tr("管理人员工资"))
        self.withheld = self.money("withheld", self.tr("代扣社保"))
        self.month = self.combo("month", self.tr("工资月份"), month_choices(today, 24))

    def build(self, day: dt.date, attachments: int) -> B.VoucherInput:
        f = vm.read_amounts({"care": self.care.text(), "office": self.office.text(),
                             "withheld": self.withheld.text()})
        return B.salaries(day, f["care"], f["office"], f["withheld"], self.month.currentText(), attachments)


class ExpenseForm(TemplateForm):
    """伙食及物资采购, 水电燃气, 维修: split between the departments, paid or owed."""

    def __init__(self, parent: QWidget | None, template: str):
        super().__init__(parent)
        self.template = template
        self.memo = self.text("memo", self.tr("摘要"))
        self.business = self.money("business", self.tr("业务部门金额"), aliases=("amount", "department"))
        self.admin = self.money("admin", self.tr("管理部门金额"))
        self.on_credit = self.check("on_credit", self.tr("赊购（记应付账款）"))
        self.supplier = self.text("supplier", self.tr("供应商"))

    def build(self, day: dt.date, attachments: int) -> B.VoucherInput:
        f = vm.read_amounts({"business": self.business.text(), "admin": self.admin.text()})
        split = {dept: fen for dept, fen in (("业务", f["business"]), ("管理", f["admin"])) if fen}
        return B.expense(self.template, day, self.memo.text(), split, self.on_credit.isChecked(),
                         attachments=attachments, supplier=self.supplier.text().strip())


class DonationForm(TemplateForm):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.donor = self.text("donor", self.tr("捐赠人"))
        self.amount = self.money("amount", self.tr("捐赠金额"))
        self.restricted = self.check("restricted", self.tr("限定性捐赠（限定用途或时间）"))
        self.restriction = self.text("restriction", self.tr("限定内容"))
        self.restriction.setEnabled(False)
        self.restricted.toggled.connect(self.restriction.setEnabled)

    def build(self, day: dt.date, attachments: int) -> B.VoucherInput:
        f = vm.read_amounts({"amount": self.amount.text()}, required=("amount",))
        return B.donation(day, self.donor.text(), f["amount"], self.restricted.isChecked(),
                          self.restriction.text(), attachments)


class SubsidyForm(TemplateForm):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.kind = self.combo("kind", self.tr("补助类别"), list(B.SUBSIDY_KINDS))
        self.amount = self.money("amount", self.tr("到账金额"))
        self.payer = self.text("payer", self.tr("拨款单位"))
        self.document = self.text("document", self.tr("文件号"))
        self.restricted = self.check("restricted", self.tr("限定性（专款专用）"))

    def build(self, day: dt.date, attachments: int) -> B.VoucherInput:
        f = vm.read_amounts({"amount": self.amount.text()}, required=("amount",))
        return B.subsidy(day, self.kind.currentText(), f["amount"], self.payer.text(), self.restricted.isChecked(),
                         self.document.text(), attachments)


class ReleaseForm(TemplateForm):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.amount = self.money("amount", self.tr("解除限制金额"))
        self.purpose = self.text("purpose", self.tr("限制如何解除"))
        self.purpose.setPlaceholderText(self.tr("例如：限定用途的设备已购置"))

    def build(self, day: dt.date, attachments: int) -> B.VoucherInput:
        f = vm.read_amounts({"amount": self.amount.text()}, required=("amount",))
        return B.release(day, f["amount"], self.purpose.text(), attachments)


# --- 新建凭证 -----------------------------------------------------------------------------------

class VoucherDialog(CallDialog):
    """新建凭证 → books.add_voucher; ``result_value`` is its Changes (ids[0] the voucher)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(shell, self.tr("新建凭证"), parent)
        today = shell.ctx.today()
        self.template = QComboBox(self)
        names = template_names()
        for key in vm.DIALOG_TEMPLATES:
            self.template.addItem(names[key], key)
        self.day = date_edit(today, self, maximum=today)
        self.attachments = QSpinBox(self)
        self.attachments.setRange(0, 999)
        self.attachments.setValue(1)
        self.form.add_row("template", self.tr("凭证模板"), self.template)
        self.form.add_row("day", self.tr("日期"), self.day)
        self.form.add_row("attachments", self.tr("附件张数"), self.attachments)
        self.general = ErrorForm(self)
        self.memo = QLineEdit(self.general)
        self.general.add_row("memo", self.tr("摘要"), self.memo)
        self.grid = LinesGrid(shell, self.general)
        self.general.add_row("lines", self.tr("分录"), self.grid)
        self.pages: dict[str, QWidget] = {
            "general": self.general, "salaries": SalariesForm(self, today),
            "purchase": ExpenseForm(self, "purchase"), "utilities": ExpenseForm(self, "utilities"),
            "repairs": ExpenseForm(self, "repairs"), "donation": DonationForm(self),
            "subsidy": SubsidyForm(self), "release": ReleaseForm(self)}
        self.stack = QStackedWidget(self)
        for page in self.pages.values():
            self.stack.addWidget(page)
            if isinstance(page, TemplateForm):
                page.changed.connect(self.refresh)
        self.preview_model = lines_model(self)
        self.preview = make_table(self.preview_model, self, stretch=5)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview_memo = QLabel(self)
        self.preview_memo.setWordWrap(True)
        self.preview_box = QGroupBox(self.tr("分录预览"), self)
        pl = QVBoxLayout(self.preview_box)
        pl.addWidget(self.preview_memo)
        pl.addWidget(self.preview)
        self.main_layout.addWidget(self.stack, 1)
        self.main_layout.addWidget(self.preview_box, 1)
        self.finish_layout()
        self.grid.changed.connect(self.refresh)  # the chart arrives: names in the preview
        self.template.currentIndexChanged.connect(lambda _i: self._template_changed())
        self.day.dateChanged.connect(lambda _d: self._day_changed())
        self.attachments.valueChanged.connect(lambda _v: self.refresh())
        self._day_changed()
        self._template_changed()
        self.resize(860, 640)
        self.template.setFocus()

    @property
    def key(self) -> str:
        return self.template.currentData()

    def set_template(self, key: str) -> None:
        self.template.setCurrentIndex(self.template.findData(key))

    def _template_changed(self) -> None:
        page = self.pages[self.key]
        self.stack.setCurrentWidget(page)
        self.forms = [self.form, page]
        general = self.key == "general"
        self.preview_box.setVisible(not general)
        self.main_layout.setStretchFactor(self.stack, 1 if general else 0)
        self.refresh()

    def _day_changed(self) -> None:
        salaries: SalariesForm = self.pages["salaries"]  # type: ignore[assignment]
        if "month" not in salaries.touched:
            salaries.month.setCurrentText(f"{from_qdate(self.day.date()):%Y-%m}")
        self.refresh()

    def build(self) -> B.VoucherInput:
        day, att = from_qdate(self.day.date()), self.attachments.value()
        if self.key == "general":
            return B.VoucherInput(day, self.memo.text().strip(), self.grid.lines_or_raise(), att, "general")
        return self.pages[self.key].build(day, att)

    def refresh(self) -> None:
        """A template's voucher, rebuilt on every edit: its lines, or the problems so far."""
        page = self.pages.get(self.key)
        if not isinstance(page, TemplateForm):
            return
        try:
            v = self.build()
        except RuleViolation as exc:
            page.set_problems(page.live_problems(exc.problems), focus=False)
            self.preview_model.set_rows([])
            self.preview_memo.setText(self.tr("填写完整后在此显示凭证分录"))
            return
        page.clear_problems()
        self.preview_model.set_rows(vm.line_rows(v.lines, self.grid.chart or CHART_2004, self.tr("合计")))
        self.preview_memo.setText(self.tr("摘要：%1").replace("%1", v.memo))

    def make_call(self) -> tuple:
        return books.add_voucher, self.build()


# --- 期初余额 -----------------------------------------------------------------------------------

class OpeningDialog(CallDialog):
    """期初余额 → books.enter_opening_balances, dated 1 January of the chosen year."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(shell, self.tr("期初余额"), parent)
        today = shell.ctx.today()
        self.year = QSpinBox(self)
        self.year.setRange(2000, today.year)
        self.year.setValue(today.year)
        self.day_label = QLabel(self)
        self.form.add_row("day", self.tr("启用年度"), self.year, hint=self.day_label)
        note = QLabel(self.tr("录入启用年度1月1日资产、负债和净资产各科目的余额：借方合计须等于贷方合计。"
                              "期初余额只能录入一次。"), self)
        note.setWordWrap(True)
        self.form.add_widget(note)
        self.grid = LinesGrid(shell, self, kinds=vm.BALANCE_SHEET, rows=6)
        self.form.add_row("lines", self.tr("余额"), self.grid)
        self.ok_button.setText(self.tr("保存"))
        self.finish_layout()
        self.year.valueChanged.connect(lambda _y: self._year_changed())
        self._year_changed()
        self.resize(820, 520)

    @property
    def day(self) -> dt.date:
        return dt.date(self.year.value(), 1, 1)

    def _year_changed(self) -> None:
        self.day_label.setText(self.tr("记账日期 %1").replace("%1", f"{self.day:%Y-%m-%d}"))

    def make_call(self) -> tuple:
        return books.enter_opening_balances, self.day, self.grid.lines_or_raise()


# --- a few inputs → one service call --------------------------------------------------------------

class FormDialog(CallDialog):
    """``rows``: (field, label, widget); ``make_call`` as CallDialog's.
    ``inputs`` maps each named field to its widget."""

    def __init__(self, shell, title: str, ok_text: str, rows: Sequence[tuple[str, str, QWidget]],
                 make_call: Callable[[], tuple[Any, ...] | None], note: str = "", parent: QWidget | None = None):
        super().__init__(shell, title, parent)
        self.ok_button.setText(ok_text)
        self.make_call = make_call  # type: ignore[method-assign]
        self.inputs: dict[str, QWidget] = {}
        if note:
            label = QLabel(note, self)
            label.setWordWrap(True)
            self.form.add_widget(label)
        for field, label, widget in rows:
            self.form.add_row(field, label, widget)
            if field:
                self.inputs[field] = widget
        self.finish_layout()
        self.setMinimumWidth(480)
        first = next((w for w in self.inputs.values() if w.focusPolicy() != Qt.FocusPolicy.NoFocus), None)
        if first is not None:
            first.setFocus()

