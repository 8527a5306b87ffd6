"""记账凭证 and 固定资产: two tabs the 报表 page places, ``VouchersTab(page)``
and ``AssetsTab(page)`` (``page`` a ui.base.Page); each has ``reload()``.

Every service call goes through ``page.shell`` on the database thread.
Write buttons are gated on 财务记账; the others follow the selection after
every filter, reload and sort, and are disabled when nothing is selected:
an action only ever acts on rows the user sees selected."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import books as B
from ...domain.money import format_yuan
from ...domain.roles import Perm
from ...viewmodels import vouchers as vm
from ...viewmodels.finance import month_choices, previous_month
from ..base import LazyService, Page
from ..dialogs.voucher import (
    FormDialog,
    OpeningDialog,
    VoucherDialog,
    alive,
    lines_model,
    status_names,
    template_names,
)
from ..tablemodel import make_table
from ..widgets import date_edit, documents_folder, from_qdate, save_file_path
from .finance_models import SortedModel

books = LazyService("books")
assets = LazyService("assets")
year_end = LazyService("year_end")

#: entities whose Changes should reload these tabs (for the page that holds them)
WATCHES = frozenset({"voucher", "journal", "chart", "fixed_asset", "year_close", "period_close"})


# --- work on the database thread ------------------------------------------------------------

def import_file(ctx, path: str, progress=None, abort=None):
    """导入: an XLSX file → books.import_vouchers (all or nothing)."""
    return books.import_vouchers(ctx, Path(path).read_bytes())


def save_template(ctx, path: str) -> str:
    Path(path).write_bytes(books.import_template())
    return path


def buy_asset(ctx, fields: dict, day: dt.date, supplier: str, on_credit: bool):
    from ...services import assets as svc

    return svc.buy_asset(ctx, svc.AssetInput(**fields), day, supplier, on_credit)


def register_asset(ctx, fields: dict):
    from ...services import assets as svc

    return svc.register_asset(ctx, svc.AssetInput(**fields))


# --- a sortable, coloured snapshot model ---------------------------------------------------------

def sortable_table(model: SortedModel, parent: QWidget, stretch: int):
    view = make_table(model, parent, stretch=stretch)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view


def button(text: str, parent: QWidget) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAutoDefault(False)
    return b


class _Tab(QWidget):
    """What both tabs share: the page, its shell, the write permission and
    the hooks tests replace (dialogs, file choosers)."""

    def __init__(self, page: Page):
        super().__init__(page)
        self.page = page
        self.shell = page.shell
        self.can_write = self.shell.ctx.actor.can(Perm.FINANCE_WRITE)
        self._seq = 0

    def gate(self, buttons: Sequence[QPushButton]) -> dict[QPushButton, bool]:
        return {b: self.page.gate(b, self.can_write, Perm.FINANCE_WRITE) for b in buttons}

    def open_dialog(self, dlg) -> bool:
        """Show a dialog modally, then let it go (tests replace this to drive it)."""
        try:
            return bool(dlg.exec())
        finally:
            dlg.deleteLater()

    def after(self, dlg, then: Callable[[Any], None]) -> None:
        """Open ``dlg``; once its service call succeeded, ``then(result)``."""
        dlg.accepted.connect(lambda: then(dlg.result_value))
        self.open_dialog(dlg)

    def choose_open(self, title: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, str(documents_folder()), pattern)
        return path or None

    def choose_save(self, title: str, name: str, pattern: str) -> str | None:
        return save_file_path(self, title, name, pattern)

    def next_seq(self) -> int:
        """A load's number: a slower, older load never overwrites a newer one."""
        self._seq += 1
        return self._seq


# --- 记账凭证 ------------------------------------------------------------------------------------

class VouchersTab(_Tab):
    """记账凭证: filter by month and status, the vouchers and the selected one's lines."""

    def __init__(self, page: Page):
        super().__init__(page)
        today = self.shell.ctx.today()
        self.year = QSpinBox(self)
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.month = QComboBox(self)
        self.month.addItem(self.tr("全年"), vm.ALL_MONTHS)
        for m in range(1, 13):
            self.month.addItem(self.tr("%1月").replace("%1", str(m)), m)
        self.month.setCurrentIndex(today.month)
        self.status = QComboBox(self)
        for key, label in zip(vm.STATUS_FILTERS, (self.tr("全部"), self.tr("待审核"), self.tr("已审核"), self.tr("作废"))):
            self.status.addItem(label, key)
        self.count = QLabel(self)
        self.new_button = button(self.tr("新建凭证"), self)
        self.review_button = button(self.tr("审核"), self)
        self.void_button = button(self.tr("作废…"), self)
        self.reverse_button = button(self.tr("红冲…"), self)
        self.import_button = button(self.tr("导入…"), self)
        self.template_button = button(self.tr("下载导入模板"), self)
        self.opening_button = button(self.tr("期初余额…"), self)
        self.close_button = button(self.tr("年末结转…"), self)
        self.account_button = button(self.tr("新增明细科目…"), self)
        self.review_button.setToolTip(self.tr("审核选中的凭证（可多选）：审核人不能是制单人"))
        filters = QHBoxLayout()
        for w in (QLabel(self.tr("年份"), self), self.year, QLabel(self.tr("月份"), self), self.month,
                  QLabel(self.tr("状态"), self), self.status):
            filters.addWidget(w)
        filters.addSpacing(12)
        filters.addWidget(self.count)
        filters.addStretch(1)
        for b in (self.import_button, self.template_button):
            filters.addWidget(b)
        actions = QHBoxLayout()
        for b in (self.new_button, self.review_button, self.void_button, self.reverse_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.opening_button, self.account_button, self.close_button):
            actions.addWidget(b)
        labels = vm.Labels(statuses=status_names(), templates=template_names(), reverses=self.tr("冲 %1"),
                           reversed_by=self.tr("被 %1 冲"))
        headers = [self.tr("凭证号"), self.tr("日期"), self.tr("摘要"), self.tr("模板"), self.tr("金额"),
                   self.tr("附件"), self.tr("状态"), self.tr("制单人"), self.tr("审核人"), self.tr("红冲")]
        columns = vm.voucher_columns(labels)
        self.model = SortedModel(columns, headers, self, keys=vm.VOUCHER_SORT,
                                 tooltip=lambda v, c: vm.tooltip(v, columns[c]),
                                 colour=lambda v, key: vm.status_colour(v.status) if key == "status" else None,
                                 is_void=lambda v: v.status == B.VOID)
        self.table = sortable_table(self.model, self, stretch=2)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lines = lines_model(self)
        self.lines_view = make_table(self.lines, self, stretch=5)
        self.lines_title = QLabel(self)
        box = QGroupBox(self.tr("凭证分录"), self)
        bl = QVBoxLayout(box)
        bl.addWidget(self.lines_title)
        bl.addWidget(self.lines_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([360, 220])
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addLayout(actions)
        lay.addWidget(split, 1)
        self.allowed = self.gate([self.new_button, self.review_button, self.void_button, self.reverse_button,
                                  self.import_button, self.opening_button, self.close_button, self.account_button])
        self.allowed[self.template_button] = True
        self.opening_day: dt.date | None = None
        self.opening_known = False
        self.select_after: set[int] = set()
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_select())
        self.model.modelReset.connect(self.on_select)
        self.model.layoutChanged.connect(lambda *_: self.on_select())  # a sort: the buttons follow the rows
        self.new_button.clicked.connect(self.new_voucher)
        self.review_button.clicked.connect(self.review)
        self.void_button.clicked.connect(self.void)
        self.reverse_button.clicked.connect(self.reverse)
        self.import_button.clicked.connect(self.import_vouchers)
        self.template_button.clicked.connect(self.download_template)
        self.opening_button.clicked.connect(self.opening)
        self.close_button.clicked.connect(self.close_year)
        self.account_button.clicked.connect(self.add_account)
        self.on_select()

    # -- loading ----------------------------------------------------------------------------
    def set_filter(self, year: int, month: int = vm.ALL_MONTHS, status: str = "") -> None:
        for w in (self.year, self.month, self.status):
            w.blockSignals(True)
        self.year.setValue(year)
        self.month.setCurrentIndex(self.month.findData(month))
        self.status.setCurrentIndex(self.status.findData(status))
        for w in (self.year, self.month, self.status):
            w.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        seq = self.next_seq()
        start, end = vm.date_range(self.year.value(), self.month.currentData())
        self.shell.call(books.list_vouchers, start, end, self.status.currentData() or None, True,
                        on_done=lambda rows: self._loaded(seq, rows))
        self.shell.call(books.opening_entry_date, on_done=self._opening_loaded)

    def _loaded(self, seq: int, rows) -> None:
        if seq != self._seq:
            return
        keep = self.select_after or {v.id for v in self.selected()}
        self.select_after = set()
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 %1 张").replace("%1", str(len(rows))))
        self.select_ids(keep)

    def _opening_loaded(self, day: dt.date | None) -> None:
        self.opening_day, self.opening_known = day, True
        if self.allowed[self.opening_button]:
            self.opening_button.setToolTip(self.tr("期初余额已于 %1 录入").replace("%1", f"{day:%Y-%m-%d}") if day
                                           else self.tr("录入启用年度1月1日的科目余额（只能录入一次）"))
        self.update_buttons()

    # -- selection ----------------------------------------------------------------------------
    def selected(self) -> list:
        """The vouchers on selected rows, top to bottom (never the mere current cell)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [v for v in (self.model.row_at(r) for r in rows) if v is not None]

    def select_ids(self, ids: set[int]) -> None:
        sm = self.table.selectionModel()
        sm.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r, v in enumerate(self.model.rows):
            if v.id in ids:
                sm.select(self.model.index(r, 0), flags)
        self.on_select()

    def on_select(self) -> None:
        sel = self.selected()
        one = sel[0] if len(sel) == 1 else None
        self.lines.set_rows(vm.line_rows(one.lines, total_label=self.tr("合计")) if one else [])
        if one is not None:
            text = f"{one.number}　{one.memo}"
            if one.void_reason:
                text += "　" + self.tr("作废原因：%1").replace("%1", one.void_reason)
            self.lines_title.setText(text)
        else:
            self.lines_title.setText(self.tr("已选中 %1 张凭证").replace("%1", str(len(sel))) if sel
                                     else self.tr("选中一张凭证查看分录"))
        self.update_buttons()

    def update_buttons(self) -> None:
        a = vm.actions(self.selected())
        state = {self.review_button: a.review, self.void_button: a.void, self.reverse_button: a.reverse,
                 self.opening_button: self.opening_known and self.opening_day is None}
        for b, ok in state.items():
            if self.allowed[b]:
                b.setEnabled(ok)

    # -- actions ------------------------------------------------------------------------------
    def _done(self, changes) -> None:
        """After a write: reload, selecting what it made (or keeping the selection)."""
        self.select_after = set(getattr(changes, "ids", ()) or ())
        self.reload()

    def new_voucher(self) -> VoucherDialog:
        dlg = VoucherDialog(self.shell, self)
        self.after(dlg, self._done)
        return dlg

    def review(self) -> None:
        ids = [v.id for v in self.selected()]
        if ids and vm.actions(self.selected()).review:
            self.shell.call(books.review, ids, on_done=lambda _c: self.reload())

    def void(self) -> FormDialog | None:
        sel = self.selected()
        if not vm.actions(sel).void:
            return None
        v = sel[0]
        reason = QLineEdit()
        dlg = FormDialog(self.shell, self.tr("作废记账凭证"), self.tr("作废"),
                         [("", self.tr("凭证号"), QLabel(f"{v.number}　{v.memo}")), ("reason", self.tr("作废原因"), reason)],
                         lambda: (books.void, v.id, reason.text()),
                         self.tr("作废后凭证号保留并标为作废，不进入账簿。"), self)
        self.after(dlg, lambda _c: self.reload())
        return dlg

    def reverse(self) -> FormDialog | None:
        sel = self.selected()
        if not vm.actions(sel).reverse:
            return None
        v = sel[0]
        today = self.shell.ctx.today()
        day, reason = date_edit(today, None, maximum=today), QLineEdit()
        dlg = FormDialog(self.shell, self.tr("红冲凭证"), self.tr("红冲"),
                         [("", self.tr("凭证号"), QLabel(f"{v.number}　{v.memo}")), ("day", self.tr("红冲日期"), day),
                          ("reason", self.tr("红冲原因"), reason)],
                         lambda: (books.reverse, v.id, from_qdate(day.date()), reason.text()),
                         self.tr("生成一张金额为负数的红冲凭证（待审核），审核后冲销原凭证。"), self)
        self.after(dlg, self._done)
        return dlg

    def import_vouchers(self) -> None:
        path = self.choose_open(self.tr("导入凭证"), self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.shell.run_long(self.tr("正在导入凭证…"), import_file, path, on_done=self._done)

    def download_template(self) -> None:
        path = self.choose_save(self.tr("下载导入模板"), "凭证导入模板.xlsx", self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.shell.call(save_template, path,
                            on_done=lambda p: self.shell.notify(self.tr("已保存：%1").replace("%1", str(p))))

    def opening(self) -> OpeningDialog:
        dlg = OpeningDialog(self.shell, self)
        self.after(dlg, self._done)
        return dlg

    def close_year(self) -> FormDialog:
        today = self.shell.ctx.today()
        year = QSpinBox()
        year.setRange(2000, today.year)
        year.setValue(today.year if (today.month, today.day) == (12, 31) else today.year - 1)

        def call():
            y = year.value()
            text = self.tr("结转%1年度的收入和费用到净资产，并结账12月。结转后该年度不能再记账。继续？").replace("%1", str(y))
            return (year_end.close_year, y) if self.page.confirm(self.tr("年末结转"), text) else None

        dlg = FormDialog(self.shell, self.tr("年末结转"), self.tr("结转"), [("year", self.tr("年度"), year)], call,
                         self.tr("年末结转前：1至11月均已结账，凭证均已审核，各月折旧均已计提。"), self)
        self.after(dlg, self._done)
        return dlg

    def add_account(self) -> FormDialog:
        parent, code, name = QComboBox(), QLineEdit(), QLineEdit()
        parent.setEditable(True)
        parent.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        parent.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        parent.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        parent.setMinimumWidth(320)
        code.setPlaceholderText(self.tr("上级代码加两位数字"))
        parent.currentTextChanged.connect(lambda t: code.setText(vm.account_code(t)) if not code.isModified() else None)
        dlg = FormDialog(self.shell, self.tr("新增明细科目"), self.tr("新增"),
                         [("parent", self.tr("上级科目"), parent), ("code", self.tr("科目代码"), code),
                          ("name", self.tr("科目名称"), name)],
                         lambda: (books.add_account, vm.account_code(parent.currentText()), code.text(), name.text()),
                         parent=self)
        self.shell.call(books.chart, on_done=lambda c: self._parents(parent, c))
        self.after(dlg, self._done)
        return dlg

    def _parents(self, combo: QComboBox, chart) -> None:
        if alive(combo):
            text = combo.currentText()
            combo.addItems(vm.parent_choices(chart))
            combo.setCurrentText(text)


# --- 固定资产 ------------------------------------------------------------------------------------

class AssetsTab(_Tab):
    """固定资产: the register, purchases, cards for assets already held, and 计提折旧."""

    def __init__(self, page: Page):
        super().__init__(page)
        self.buy_button = button(self.tr("购置资产…"), self)
        self.register_button = button(self.tr("登记已有资产…"), self)
        self.depreciate_button = button(self.tr("计提折旧…"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        for b in (self.buy_button, self.register_button, self.depreciate_button):
            bar.addWidget(b)
        bar.addWidget(self.result, 1)
        headers = [self.tr("编号"), self.tr("名称"), self.tr("资产类别"), self.tr("原值"), self.tr("启用日期"),
                   self.tr("使用年限\n(月)"), self.tr("残值"), self.tr("部门"), self.tr("月折旧额"), self.tr("累计折旧"),
                   self.tr("净值"), self.tr("购置凭证")]
        self.model = SortedModel(vm.asset_columns(), headers, self, keys=vm.ASSET_SORT,
                                 colour=lambda a, key: vm.voucher_colour(a) if key == "voucher" else None,
                                 tooltip=lambda a, c: self._voucher_tip(a) if c == len(headers) - 1 else None)
        self.table = sortable_table(self.model, self, stretch=1)
        # the two-line 使用年限(月) header is measured as one line: narrow it, the name gets the room
        self.model.modelReset.connect(lambda: self.table.setColumnWidth(5, 72))
        self.totals = QLabel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.totals)
        self.gate([self.buy_button, self.register_button, self.depreciate_button])
        self.buy_button.clicked.connect(lambda: self.asset_dialog(True))
        self.register_button.clicked.connect(lambda: self.asset_dialog(False))
        self.depreciate_button.clicked.connect(self.depreciate)

    def _voucher_tip(self, a) -> str | None:
        if vm.voucher_colour(a) is None:
            return None
        return self.tr("购置凭证%1：审核后才计提折旧").replace("%1", status_names().get(a.voucher_status, a.voucher_status))

    def reload(self) -> None:
        seq = self.next_seq()
        self.shell.call(assets.list_assets, on_done=lambda rows: self._loaded(seq, rows))

    def _loaded(self, seq: int, rows) -> None:
        if seq != self._seq:
            return
        self.model.set_rows(rows)
        cost, done, net = vm.asset_totals(rows)
        self.totals.setText(self.tr("共 %1 项　原值合计 %2　累计折旧 %3　净值 %4").replace("%1", str(len(rows)))
                            .replace("%2", format_yuan(cost)).replace("%3", format_yuan(done))
                            .replace("%4", format_yuan(net)))

    def _done(self, changes) -> None:
        if changes is not None and changes.message:
            self.result.setText(changes.message)
        self.reload()

    def asset_dialog(self, purchase: bool) -> FormDialog:
        today = self.shell.ctx.today()
        name, cost, salvage, supplier = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        category, department = QComboBox(), QComboBox()
        category.addItems(list(B.ASSET_CATEGORIES))
        department.addItems(list(B.DEPARTMENTS))
        in_use, day = date_edit(today, None, maximum=today), date_edit(today, None, maximum=today)
        life = QSpinBox()
        life.setRange(1, 600)
        life.setValue(60)
        on_credit = QCheckBox(self.tr("赊购（记应付账款）"))
        for w in (cost, salvage):
            w.setPlaceholderText(self.tr("元"))
        rows = [("name", self.tr("资产名称"), name), ("category", self.tr("资产类别"), category),
                ("cost", self.tr("原值（元）"), cost), ("in_use", self.tr("启用日期"), in_use),
                ("life", self.tr("使用年限（月）"), life), ("salvage", self.tr("预计净残值（元）"), salvage),
                ("department", self.tr("使用部门"), department)]
        before, through = QLineEdit(), QLineEdit()
        before.setPlaceholderText(self.tr("元，开始使用本系统前已提的折旧"))
        through.setPlaceholderText(self.tr("YYYY-MM，如 2024-12"))
        if purchase:
            rows += [("day", self.tr("购置日期"), day), ("supplier", self.tr("供应商"), supplier),
                     ("on_credit", "", on_credit)]
        else:
            rows += [("before_fen", self.tr("期初累计折旧（元）"), before),
                     ("before_through", self.tr("已提折旧截至月份"), through)]

        def call():
            f = vm.read_amounts({"cost": cost.text(), "salvage": salvage.text(), "before_fen": before.text()},
                                required=("cost",))
            fields = {"name": name.text(), "category": category.currentText(), "cost_fen": f["cost"],
                      "in_use": from_qdate(in_use.date()), "life_months": life.value(), "salvage_fen": f["salvage"],
                      "department": department.currentText()}
            if not purchase:
                fields.update(before_fen=f["before_fen"], before_through=through.text().strip())
            if purchase:
                return buy_asset, fields, from_qdate(day.date()), supplier.text().strip(), on_credit.isChecked()
            return register_asset, fields

        title = self.tr("购置固定资产") if purchase else self.tr("登记已有资产")
        note = (self.tr("登记资产卡片并生成购置凭证（待审核）。") if purchase
                else self.tr("为账上已有的资产（期初或已手工记账）登记卡片，不生成凭证。"))
        dlg = FormDialog(self.shell, title, self.tr("保存"), rows, call, note, self)
        self.after(dlg, self._done)
        return dlg

    def depreciate(self) -> FormDialog:
        today = self.shell.ctx.today()
        month = QComboBox()
        month.addItems(month_choices(today, 36))
        month.setCurrentText(previous_month(today))
        dlg = FormDialog(self.shell, self.tr("计提折旧"), self.tr("计提"), [("period", self.tr("月份"), month)],
                         lambda: (assets.depreciate, month.currentText()),
                         self.tr("按直线法计提所选月份的固定资产折旧；同一月份只计提一次。"), self)
        self.after(dlg, self._done)
        return dlg
