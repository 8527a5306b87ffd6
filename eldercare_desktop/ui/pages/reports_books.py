"""The 账簿 tab of the 报表 page: 科目余额表, 总账 and 明细账 for a year.

A trial balance row opens the account's detail for the year, a ledger
month the detail for that month, a detail line its source document.
Print and export go through services.report_documents (long work, with
the cancellable progress dialog)."""
from __future__ import annotations

import datetime as dt
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.disclosure_records import AccountDetail, GeneralLedgerAccount, YearTrialBalance
from ...domain.errors import DomainError
from ...viewmodels import reports as vm
from ..base import LazyService
from ..dialogs.drilldown import GREEN, RED, ReportModel, on_activate, open_source
from ..tablemodel import make_table
from ..widgets import date_edit, from_qdate, to_qdate
from .reports import ReportsPage, YearCombo, button

reports = LazyService("reports")
documents = LazyService("report_documents")

TRIAL, LEDGER, DETAIL = 0, 1, 2


class BooksTab(QWidget):
    def __init__(self, page: ReportsPage):
        super().__init__(page)
        self.page = page
        self.shell = page.shell
        self.year = YearCombo(self)
        self.year.changed.connect(self._year_changed)
        self.switch = QButtonGroup(self)
        self.switch.setExclusive(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("年度"), self))
        bar.addWidget(self.year)
        bar.addSpacing(12)
        for i, text in enumerate((self.tr("科目余额表"), self.tr("总账"), self.tr("明细账"))):
            b = button(text, self)
            b.setCheckable(True)
            b.setChecked(i == TRIAL)
            self.switch.addButton(b, i)
            bar.addWidget(b)
        self.switch.idClicked.connect(self.show_view)
        bar.addStretch(1)
        self.print_button = button(self.tr("打印…"), self)
        self.preview_button = button(self.tr("打印预览…"), self)
        self.preview_button.setToolTip(self.tr("在打印机上打印当前账簿（先预览；预览中也可另存为PDF）"))
        self.export_button = button(self.tr("导出Excel…"), self)
        self.print_button.clicked.connect(lambda: self.write("pdf"))
        self.preview_button.clicked.connect(self.preview)
        self.export_button.clicked.connect(lambda: self.write("xlsx"))
        bar.addWidget(self.print_button)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.export_button)
        self.trial = TrialView(self)
        self.ledger = LedgerView(self)
        self.detail = DetailView(self)
        self.stack = QStackedWidget(self)
        for v in (self.trial, self.ledger, self.detail):
            self.stack.addWidget(v)
        self._fresh: set[int] = set()
        self._span_year: int | None = None
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.stack, 1)
        self._gate_buttons()

    # -- loading ----------------------------------------------------------------------
    def set_meta(self, default: int | None) -> None:
        self.year.set_years(self.page.years, default)
        self.detail.set_accounts(self.page.accounts)
        self._reset_span()
        self._gate_buttons()

    def _reset_span(self) -> None:
        """The detail's span follows the year (kept while the year stays)."""
        y = self.year.year()
        if y is not None and y != self._span_year:
            self._span_year = y
            self.detail.set_span(*vm.year_span(y, self.shell.ctx.today()))

    def _year_changed(self, _year: int) -> None:
        self._reset_span()
        self.reload()

    def reload(self) -> None:
        self._fresh.clear()
        self._load(self.stack.currentIndex())

    def _load(self, i: int) -> None:
        year = self.year.year()
        if year is None or i in self._fresh:
            return
        self._fresh.add(i)
        (self.trial, self.ledger, self.detail)[i].load(year)

    def show_view(self, i: int) -> None:
        self.switch.button(i).setChecked(True)
        self.stack.setCurrentIndex(i)
        self._gate_buttons()
        self._load(i)

    def open_detail(self, account: str, date_from: dt.date, date_to: dt.date) -> None:
        """Switch to 明细账 on ``account`` over the span and load it."""
        self.detail.set_span(date_from, date_to)
        self.detail.account.setText(account)
        self._fresh.add(DETAIL)
        self.show_view(DETAIL)
        self.detail.query()

    # -- print and export -------------------------------------------------------------
    def _document(self, kind: str) -> str:
        return f"{('trial_balance', 'ledger', 'detail')[self.stack.currentIndex()]}_{kind}"

    def _gate_buttons(self) -> None:
        self.page.gate_document(self.print_button)
        self.page.gate_document(self.preview_button)
        self.page.gate_document(self.export_button)

    def _target(self) -> tuple[tuple, str] | None:
        """The service arguments and file name of the book on show (read at click time)."""
        year = self.year.year()
        if year is None:
            return None
        i = self.stack.currentIndex()
        if i == DETAIL:
            d = self.detail.data
            if d is None:
                return None
            return (d.account, d.date_from, d.date_to), f"明细账-{d.account}-{d.date_from:%Y%m%d}-{d.date_to:%Y%m%d}"
        return (year,), f"{('科目余额表', '总账')[i]}-{year}"

    def preview(self) -> None:
        """打印预览…: the book on show through the printer (services.report_documents.*_pdf)."""
        target = self._target()
        if target is None or not self.page.can_print:
            return
        from ..printing import print_via_service

        args, base = target
        print_via_service(self, self.shell, getattr(documents, self._document("pdf")), *args, title=base, kind="a4")

    def write(self, kind: str) -> None:
        name = self._document(kind)
        target = self._target()
        if target is None:
            return
        args, base = target
        pattern = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        path = self.page.choose_save(self.tr("保存文件"), f"{base}.{kind}", pattern)
        if path:
            self.shell.run_long(self.tr("正在生成…"), getattr(documents, name), *args, path,
                                on_done=self.page.written)


class _View(QWidget):
    def __init__(self, tab: BooksTab):
        super().__init__(tab)
        self.tab = tab
        self.shell = tab.shell

    def load(self, year: int) -> None:  # pragma: no cover - subclasses
        raise NotImplementedError


# --- 科目余额表 -----------------------------------------------------------------------------

class TrialView(_View):
    def __init__(self, tab: BooksTab):
        super().__init__(tab)
        self.data: YearTrialBalance | None = None
        self.parents: frozenset[str] = frozenset()
        headers = [self.tr("科目代码"), self.tr("科目名称"), self.tr("期初借方"), self.tr("期初贷方"),
                   self.tr("本期借方"), self.tr("本期贷方"), self.tr("期末借方"), self.tr("期末贷方")]
        self.model = ReportModel(vm.TRIAL_COLUMNS, headers, self, style=lambda r: vm.trial_style(r, self.parents),
                                 tooltip=lambda r, c: self.tr("双击查看明细账") if r.account else None)
        self.table = make_table(self.model, self, stretch=1)
        on_activate(self.table, self._open)
        self.balanced = QLabel(self)
        self.balanced.setStyleSheet("font-weight: bold;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.balanced)

    def load(self, year: int) -> None:
        self.shell.call(reports.trial_balance_year, year, on_done=self.show_data)

    def show_data(self, tb: YearTrialBalance) -> None:
        self.data = tb
        self.parents = vm.trial_parents(tb)
        self.model.set_rows(vm.trial_rows(tb, self.tr("合计")))
        if tb.balanced:
            self.balanced.setText(self.tr("借贷平衡") + " " + vm.OK_MARK)
            self.balanced.setStyleSheet(f"font-weight: bold; color: {GREEN};")
        else:
            self.balanced.setText(self.tr("借贷不平衡") + " " + vm.FAIL_MARK)
            self.balanced.setStyleSheet(f"font-weight: bold; color: {RED};")
        self.tab.page.tab_loaded()

    def _open(self, index: QModelIndex) -> None:
        r = self.model.row_at(index.row())
        if r is not None and r.account and self.data is not None:
            self.tab.open_detail(r.account, self.data.date_from, self.data.date_to)


# --- 总账 -----------------------------------------------------------------------------------

class LedgerView(_View):
    def __init__(self, tab: BooksTab):
        super().__init__(tab)
        self.data: list[GeneralLedgerAccount] = []
        self.year = 0
        self.accounts = ReportModel(vm.ACCOUNT_COLUMNS, [self.tr("科目代码"), self.tr("科目名称")], self)
        self.accounts_table = make_table(self.accounts, self, stretch=1)
        self.accounts_table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        headers = [self.tr("月份"), self.tr("摘要"), self.tr("借方"), self.tr("贷方"), self.tr("借或贷"),
                   self.tr("余额")]
        self.model = ReportModel(vm.LEDGER_COLUMNS, headers, self, style=lambda r: r.style,
                                 tooltip=lambda r, c: self.tr("双击查看本月明细账") if r.style == vm.PLAIN else None)
        self.table = make_table(self.model, self, stretch=1)
        on_activate(self.table, self._open)
        self.caption = QLabel(self)
        self.caption.setStyleSheet("font-weight: bold;")
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.caption)
        rl.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.accounts_table)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 800])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def load(self, year: int) -> None:
        self.year = year
        self.shell.call(reports.general_ledger, year, on_done=self.show_data)

    def show_data(self, accounts: list[GeneralLedgerAccount]) -> None:
        current = self.current()
        self.data = list(accounts)
        self.accounts.set_rows(self.data)
        codes = [a.account for a in self.data]
        i = codes.index(current.account) if current is not None and current.account in codes else 0
        if self.data:
            self.accounts_table.selectRow(i)
            self._show(i)
        else:
            self._show(-1)
        self.tab.page.tab_loaded()

    def current(self) -> GeneralLedgerAccount | None:
        idx = self.accounts_table.currentIndex()
        return self.accounts.row_at(idx.row()) if idx.isValid() else None

    def _show(self, row: int) -> None:
        a = self.accounts.row_at(row)
        if a is None:
            self.caption.setText("")
            self.model.set_rows([])
            return
        self.caption.setText(self.tr("%1　余额方向：%2").replace("%1", f"{a.account} {a.name}").replace("%2", a.side))
        self.model.set_rows(vm.ledger_rows(a, self.year, (self.tr("上年结转"), self.tr("本月合计"),
                                                          self.tr("本年累计"))))

    def _open(self, index: QModelIndex) -> None:
        r = self.model.row_at(index.row())
        a = self.current()
        if r is not None and a is not None and r.style == vm.PLAIN:
            self.tab.open_detail(a.account, *vm.period_span(r.period))


# --- 明细账 ---------------------------------------------------------------------------------

class DetailView(_View):
    def __init__(self, tab: BooksTab):
        super().__init__(tab)
        self.data: AccountDetail | None = None
        self.codes: set[str] = set()
        self.account = QLineEdit(self)
        self.account.setPlaceholderText(self.tr("科目代码或名称，如 1002 或 银行存款"))
        self.account.setMinimumWidth(260)
        self.completer = QCompleter([], self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.account.setCompleter(self.completer)
        self.account.returnPressed.connect(self.query)
        self.completer.activated.connect(lambda _t: self.query())
        self.date_from = date_edit(None, self)
        self.date_to = date_edit(None, self)
        self.query_button = button(self.tr("查询"), self)
        self.query_button.clicked.connect(self.query)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {RED};")
        self.error.hide()
        self.caption = QLabel(self)
        self.caption.setStyleSheet("font-weight: bold;")
        headers = [self.tr("日期"), self.tr("凭证号"), self.tr("摘要"), self.tr("住户"), self.tr("借方"), self.tr("贷方"),
                   self.tr("借或贷"), self.tr("余额")]
        self.model = ReportModel(vm.DETAIL_COLUMNS, headers, self, style=lambda r: r.style,
                                 tooltip=lambda r, c: self.tr("双击查看原始单据") if r.entry_id else None)
        self.table = make_table(self.model, self, stretch=2)
        on_activate(self.table, self._open)
        self.last_source = None
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("科目"), self))
        bar.addWidget(self.account)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("期间"), self))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—", self))
        bar.addWidget(self.date_to)
        bar.addWidget(self.query_button)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.error)
        lay.addWidget(self.caption)
        lay.addWidget(self.table, 1)

    def set_accounts(self, accounts: list[tuple[str, str]]) -> None:
        self.codes = {c for c, _ in accounts}
        self.completer.model().setStringList(vm.account_choices(accounts))

    def set_span(self, date_from: dt.date, date_to: dt.date) -> None:
        self.date_from.setDate(to_qdate(date_from))
        self.date_to.setDate(to_qdate(date_to))

    def load(self, year: int) -> None:
        if self.account.text().strip():
            self.query()
        else:
            self.caption.setText(self.tr("输入科目后按回车查询"))
            self.tab.page.tab_loaded()

    def query(self) -> None:
        code = vm.account_code(self.account.text())
        if not code:
            return
        if self.codes and code not in self.codes:
            self._error(self.tr("没有科目“%1”").replace("%1", code))
            return
        self._error("")
        self.shell.call(reports.account_detail, code, from_qdate(self.date_from.date()),
                        from_qdate(self.date_to.date()), on_done=self.show_data, on_error=self._failed)

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._error(exc.message)
        else:
            self.shell.show_error(exc)

    def show_data(self, d: AccountDetail) -> None:
        self.data = d
        self.account.setText(f"{d.account} {d.name}")
        self.caption.setText(self.tr("%1　余额方向：%2　共%3笔").replace("%1", f"{d.account} {d.name}")
                             .replace("%2", d.side).replace("%3", str(len(d.lines))))
        self.model.set_rows(vm.detail_rows(d, (self.tr("期初余额"), self.tr("本月合计"), self.tr("本期合计"),
                                               self.tr("期末余额"))))
        self.tab.page.tab_loaded()

    def _open(self, index: QModelIndex) -> None:
        r = self.model.row_at(index.row())
        if r is not None and r.entry_id:
            self.last_source = open_source(self.shell, r.entry_id, self)


__all__ = ["BooksTab", "TrialView", "LedgerView", "DetailView"]
