"""报表 page: 财务报表 | 账簿 | 记账凭证 | 固定资产 | 年度公开 as tabs.

Every service call goes through the shell onto the database thread
(services are named through LazyService, so building the page imports no
ORM). Every figure of a statement opens the entries that make it
(double-click or Enter), and every entry opens its source. The 记账凭证 and
固定资产 tabs come from ui/pages/vouchers.py when it is installed."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...domain.statements import StatementSet
from ...viewmodels import reports as vm
from ..base import LazyService, Page, Shell
from ..dialogs.drilldown import GREEN, RED, DrillDownDialog, ReportModel, on_activate, open_source, show_window
from ..tablemodel import make_table
from ..widgets import documents_folder, save_file_path

reports = LazyService("reports")

BANNER_STYLES = {
    "note": "color: #6d5200; background: #fff4c2; border: 1px solid #e6d27a; border-radius: 3px; padding: 6px 8px;",
    "pending": "color: #8a4b00; background: #fff4c2; border: 1px solid #e6d27a; border-radius: 3px; padding: 6px 8px;",
    "overdue": f"color: white; background: {RED}; border-radius: 3px; padding: 6px 8px; font-weight: bold;",
}


def banner(parent: QWidget, kind: str = "note") -> QLabel:
    """A hidden, word-wrapped banner (yellow note, amber reminder, red overdue)."""
    lbl = QLabel(parent)
    lbl.setWordWrap(True)
    lbl.setStyleSheet(BANNER_STYLES[kind])
    lbl.hide()
    return lbl


def set_banner(lbl: QLabel, text: str, kind: str) -> None:
    lbl.setText(text)
    lbl.setStyleSheet(BANNER_STYLES[kind])
    lbl.setProperty("kind", kind)
    lbl.setVisible(bool(text))


def button(text: str, parent: QWidget) -> QPushButton:
    """A push button that Enter in a table or form never presses by accident."""
    b = QPushButton(text, parent)
    b.setAutoDefault(False)
    return b


def load_meta(ctx) -> dict[str, Any]:
    """What every tab needs, in one job: years with books, the centre's
    name and the chart (for the account box)."""
    from ...services import books, centre
    from ...services import reports as svc

    info = centre.get_centre(ctx)
    return {"years": svc.years(ctx), "centre": info.name if info else "",
            "accounts": [(a.code, a.name) for a in books.chart(ctx)]}


class YearCombo(QComboBox):
    """Years with books, newest first; ``set_years`` keeps the choice and
    does not signal; ``changed`` fires when the user picks another year."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumWidth(90)
        self.currentIndexChanged.connect(self._on_index)
        self._quiet = False

    def set_years(self, years: list[int], default: int | None) -> None:
        keep = self.year() or default
        self._quiet = True
        self.clear()
        for y in years:
            self.addItem(self.tr("%1年度").replace("%1", str(y)), y)
        i = self.findData(keep)
        self.setCurrentIndex(i if i >= 0 else 0)
        self._quiet = False

    def year(self) -> int | None:
        y = self.currentData()
        return int(y) if y is not None else None

    def set_year(self, year: int) -> None:
        i = self.findData(year)
        if i >= 0:
            self.setCurrentIndex(i)

    def _on_index(self, _i: int) -> None:
        if not self._quiet and self.year() is not None:
            self.changed.emit(self.year())


class ChecksPanel(QGroupBox):
    """The statements' checks: ✔ green / ✘ red with their figures; when cash
    movements are unclassified, the list of them (double-click: the source)."""

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.setTitle(self.tr("勾稽校验"))
        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-weight: bold;")
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.unclassified_caption = QLabel(self.tr("没有归类规则的现金收支（双击查看原始单据）："), self)
        self.unclassified = QListWidget(self)
        self.unclassified.setMaximumHeight(110)
        self.unclassified.itemDoubleClicked.connect(self._open)
        scroll = QScrollArea(self)
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(60)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.summary)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.unclassified_caption)
        lay.addWidget(self.unclassified)
        self.ok: bool | None = None
        self.show_set(None)

    def show_set(self, sset: StatementSet | None) -> None:
        self.ok = None if sset is None else sset.ok
        self.unclassified.clear()
        if sset is None:
            self.summary.setText("")
            self.body.setText("")
        else:
            failed = len(sset.problems())
            if failed:
                self.summary.setText(vm.FAIL_MARK + " " + self.tr("%1项校验未通过").replace("%1", str(failed)))
            else:
                self.summary.setText(vm.OK_MARK + " " + self.tr("全部%1项校验通过").replace("%1",
                                                                                       str(len(sset.checks))))
            self.summary.setStyleSheet(f"font-weight: bold; color: {RED if failed else GREEN};")
            self.body.setText("<br/>".join(
                f'<span style="color:{GREEN if ok else RED};">{_esc(text)}</span>'
                for ok, text in vm.check_lines(sset.checks)))
            for entry_id, text in vm.unclassified_lines(sset) if not sset.ok else []:
                item = QListWidgetItem(text, self.unclassified)
                item.setData(Qt.ItemDataRole.UserRole, entry_id)
        has = self.unclassified.count() > 0
        self.unclassified.setVisible(has)
        self.unclassified_caption.setVisible(has)

    def _open(self, item: QListWidgetItem) -> None:
        open_source(self.shell, int(item.data(Qt.ItemDataRole.UserRole)), self)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- the page --------------------------------------------------------------------------------

class ReportsPage(Page):
    """The page the main window registers under 报表: ``ReportsPage(shell)``."""

    watches = frozenset({"journal", "voucher", "fixed_asset", "disclosure", "year_close", "period_close", "chart",
                         "centre", "receipt", "deposit_movement", "bill_run"})
    loaded = Signal()  # after a tab showed freshly loaded data

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        from .reports_books import BooksTab
        from .reports_disclosure import DisclosureTab
        from .vouchers import AssetsTab, VouchersTab

        actor = shell.ctx.actor
        self.can_write = actor.can(Perm.FINANCE_WRITE)
        self.can_print = actor.can(Perm.PRINT)
        self.years: list[int] = []
        self.centre_name = ""
        self.accounts: list[tuple[str, str]] = []
        self.meta_loaded = False
        self.last_drilldown: DrillDownDialog | None = None
        self._fresh: set[int] = set()
        self.tabs = QTabWidget(self)
        self.statements = StatementsTab(self)
        self.books = BooksTab(self)
        self.tabs.addTab(self.statements, self.tr("财务报表"))
        self.tabs.addTab(self.books, self.tr("账簿"))
        self.vouchers = VouchersTab(self)
        self.assets = AssetsTab(self)
        self.tabs.addTab(self.vouchers, self.tr("记账凭证"))
        self.tabs.addTab(self.assets, self.tr("固定资产"))
        self.disclosure = DisclosureTab(self)
        self.tabs.addTab(self.disclosure, self.tr("年度公开"))
        from .reports_compliance import ComplianceTab
        self.compliance = ComplianceTab(self)
        self.tabs.addTab(self.compliance, self.tr("合规自查"))
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.tabs)

    def own_tabs(self) -> list[QWidget]:
        return [self.statements, self.books, self.disclosure]

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Years, centre and chart, then the tab on show; the others when shown."""
        self._fresh.clear()
        self.shell.call(load_meta, on_done=self._meta)

    def _meta(self, meta: dict[str, Any]) -> None:
        self.years = list(meta["years"])
        self.centre_name = meta["centre"]
        self.accounts = list(meta["accounts"])
        self.meta_loaded = True
        default = vm.default_year(self.years, self.shell.ctx.today())
        for tab in self.own_tabs():
            tab.set_meta(default)
        self._load_current()

    def _load_current(self) -> None:
        if not self.meta_loaded:
            return
        i = self.tabs.currentIndex()
        if i in self._fresh:
            return
        self._fresh.add(i)
        tab = self.tabs.widget(i)
        if hasattr(tab, "reload"):
            tab.reload()

    def tab_loaded(self) -> None:
        self.loaded.emit()

    # -- helpers the tabs share (tests replace the choosers) ---------------------------
    def show_disclosure(self) -> None:
        self.tabs.setCurrentWidget(self.disclosure)

    def choose_save(self, title: str, name: str, pattern: str) -> str | None:
        return save_file_path(self, title, name, pattern)

    def choose_folder(self, title: str) -> str | None:
        path = QFileDialog.getExistingDirectory(self, title, str(documents_folder()))
        return path or None

    def open_dialog(self, dlg) -> bool:
        """Show a dialog modally (tests replace this to drive it)."""
        return bool(dlg.exec())

    def gate_document(self, button) -> bool:
        """A print/export button: enabled when the user may print."""
        return self.gate(button, self.can_print, Perm.PRINT)

    def written(self, result: Any) -> None:
        paths = [str(getattr(w, "path", w)) for w in (result if isinstance(result, list) else [result])]
        self.shell.notify(self.tr("已保存：%1").replace("%1", "、".join(paths)))


# --- 财务报表 --------------------------------------------------------------------------------

class StatementsTab(QWidget):
    def __init__(self, page: ReportsPage):
        super().__init__(page)
        self.page = page
        self.shell = page.shell
        self.sset: StatementSet | None = None
        self.year = YearCombo(self)
        self.year.changed.connect(lambda _y: self.reload())
        self.kind = QComboBox(self)
        for kind, text in zip(vm.KINDS, (self.tr("资产负债表"), self.tr("业务活动表"), self.tr("现金流量表"))):
            self.kind.addItem(text, kind)
        self.kind.currentIndexChanged.connect(lambda _i: self.show_statement())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("年度"), self))
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("报表"), self))
        bar.addWidget(self.kind)
        bar.addStretch(1)
        hint = QLabel(self.tr("双击金额（或选中后按回车）查看构成该数的凭证"), self)
        hint.setStyleSheet("color: #555;")
        bar.addWidget(hint)
        # the form's head: title centred, code on the right; then 编制单位 | date | 单位：元
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = QLabel(self)
        self.code.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.unit = QLabel(self)
        self.date = QLabel(self)
        self.date.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.money_unit = QLabel(self.tr("单位：元"), self)
        self.money_unit.setAlignment(Qt.AlignmentFlag.AlignRight)
        head = QGridLayout()
        head.addWidget(self.title, 0, 1)
        head.addWidget(self.code, 0, 2)
        head.addWidget(self.unit, 1, 0)
        head.addWidget(self.date, 1, 1)
        head.addWidget(self.money_unit, 1, 2)
        for c in range(3):
            head.setColumnStretch(c, 1)
        # the form (head, note, table) is as wide as its columns, centred like a sheet of paper
        self.form = QWidget(self)
        self.note = banner(self.form, "note")
        self.model = ReportModel([], [], self, style=vm.line_style, tooltip=self._tooltip)
        self.table = make_table(self.model, self.form, stretch=-1)  # figures stay next to their labels
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        on_activate(self.table, self.drill)
        fl = QVBoxLayout(self.form)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addLayout(head)
        fl.addWidget(self.note)
        fl.addWidget(self.table, 1)
        sheet = QWidget(self)
        sl = QHBoxLayout(sheet)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addStretch(1)
        sl.addWidget(self.form, 100)
        sl.addStretch(1)
        self.checks = ChecksPanel(self.shell, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(sheet)
        split.addWidget(self.checks)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([600, 140])
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

    def set_meta(self, default: int | None) -> None:
        self.year.set_years(self.page.years, default)

    def reload(self) -> None:
        year = self.year.year()
        if year is not None:  # one call: what "open a statement" times
            self.shell.call(reports.statements, year, on_done=self.show_set)

    def show_set(self, sset: StatementSet) -> None:
        self.sset = sset
        self.show_statement()
        self.checks.show_set(sset)
        self.page.tab_loaded()

    def statement(self):
        if self.sset is None:
            return None
        return vm.statement_of(self.sset, self.kind.currentData())

    def show_statement(self) -> None:
        st = self.statement()
        if st is None:
            return
        headers = [self.tr("行次"), self.tr("项目")] + [vm.column_header(c) for c in st.columns]
        self.model.set_table(vm.statement_columns(st), headers, st.lines)
        self.table.setColumnWidth(0, 56)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(1, min(max(self.table.columnWidth(1) + 24, 260), 480))
        t = self.table
        width = sum(t.columnWidth(c) for c in range(self.model.columnCount()))
        self.form.setMaximumWidth(width + t.verticalScrollBar().sizeHint().width() + 2 * t.frameWidth() + 2)
        self.title.setText(st.title)
        self.code.setText(st.code)
        self.unit.setText(self.tr("编制单位：%1").replace("%1", self.page.centre_name))
        self.date.setText(vm.date_line(st, self.shell.ctx.today()))
        set_banner(self.note, st.format_note, "note")

    def _tooltip(self, _row: Any, column: int) -> str | None:
        return self.tr("双击查看构成此数的凭证") if column >= vm.FIRST_FIGURE_COLUMN else None

    def cell_text(self, label: str, column: int) -> str:
        """The text of a cell by its line's label (tests and the lead's checks)."""
        for r, x in enumerate(self.model.rows):
            if x.label.strip() == label:
                return self.model.data(self.model.index(r, column))
        raise KeyError(label)

    def drill(self, index: QModelIndex) -> None:
        st = self.statement()
        fig = vm.figure_at(st, index.row(), index.column()) if st is not None else None
        if fig is None:
            return
        row, column, value = fig
        dlg = DrillDownDialog(self.shell, vm.figure_caption(st, row, column, self.shell.ctx.today()), value, st.code, st.year, row, column,
                              self)
        self.page.last_drilldown = dlg
        show_window(dlg)


__all__ = ["ReportsPage", "StatementsTab", "ChecksPanel", "YearCombo", "banner", "button", "set_banner"]
