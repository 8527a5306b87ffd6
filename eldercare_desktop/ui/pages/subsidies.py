"""补贴申报 page: the reminders on top, then the tabs 申报 (claims),
护理员 (the care-worker register) and 机构信息 (the dated facts, projects,
inspection grades and scheme parameters claims read).

Every service call goes through the shell onto the database thread;
services are named through LazyService, so building the page imports no
ORM. Write buttons are gated by role (claims: 财务记账; workers and facts:
修改机构信息; exports: 打印和导出); the ones that act on a row follow the
selection after every filter, reload and sort, and are disabled when
nothing is selected. The tabs live in subsidies_claims.py,
subsidies_workers.py and subsidies_facts.py."""
from __future__ import annotations

from typing import Any, Callable, Sequence

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.records import Changes
from ...domain.roles import Perm
from ...viewmodels import subsidies as vm
from ..base import LazyService, Page, Shell
from ..tablemodel import make_table
from ..widgets import documents_folder, save_file_path
from .finance_models import ColumnsModel, SortedModel

subsidies = LazyService("subsidies")

WATCHES = frozenset({"subsidy_claim", "care_worker", "centre_fact", "construction_project", "inspection_grade",
                     "subsidy_param", "centre", "resident", "assessment", "care_level", "bed"})
BANNER = "color: #5d4300; background: #fff8dc; border: 1px solid #e6d27a; border-radius: 3px; padding: 4px 8px;"


def button(text: str, parent: QWidget) -> QPushButton:
    """A push button that Enter in a table or form never presses by accident."""
    b = QPushButton(text, parent)
    b.setAutoDefault(False)
    return b


def alive(widget: QWidget) -> bool:
    """False once Qt deleted the widget (a result may arrive after its page closed)."""
    return shiboken6.isValid(widget)


def esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table(model: ColumnsModel, parent: QWidget, stretch: int | None = None,
          sort: tuple[int, Qt.SortOrder] | None = None) -> QTableView:
    """A read-only table; with ``sort`` (column, order) sortable by clicking a header."""
    view = make_table(model, parent, stretch=stretch)
    if sort is not None:
        view.setSortingEnabled(True)
        view.sortByColumn(*sort)
    return view


def selected_row(view: QTableView):
    """The row the user sees selected (never the mere current cell), or None."""
    rows = view.selectionModel().selectedRows()
    return view.model().row_at(rows[0].row()) if rows else None  # type: ignore[attr-defined]


def select_where(view: QTableView, pred: Callable[[Any], bool]) -> bool:
    """Select the first row matching ``pred`` (or clear the selection)."""
    sm = view.selectionModel()
    sm.clearSelection()
    model = view.model()
    for r, row in enumerate(model.rows):  # type: ignore[attr-defined]
        if pred(row):
            idx = model.index(r, 0)
            sm.setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                               | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(idx)
            return True
    sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
    return False


class SubTab(QWidget):
    """What every tab shares: the page, its shell, a load counter (a slower,
    older load never overwrites a newer one) and the page's hooks."""

    def __init__(self, page: "SubsidiesPage"):
        super().__init__(page)
        self.page = page
        self.shell = page.shell
        self.actor = self.shell.ctx.actor
        self._seq = 0

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def gate(self, buttons: Sequence[QPushButton], perm: Perm) -> dict[QPushButton, bool]:
        allowed = self.actor.can(perm)
        return {b: self.page.gate(b, allowed, perm) for b in buttons}

    def after(self, dlg, then: Callable[[Any], None]) -> None:
        """Open ``dlg``; once its service call succeeded, ``then(result)``."""
        dlg.accepted.connect(lambda: then(dlg.result_value))
        self.page.open_dialog(dlg)

    def reload(self) -> None:  # pragma: no cover - every tab has one
        pass


class SubsidiesPage(Page):
    """The page the main window registers under 补贴申报: ``SubsidiesPage(shell)``."""

    watches = WATCHES
    loaded = Signal()  # after a tab showed freshly loaded data

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        from .subsidies_claims import ClaimsTab
        from .subsidies_facts import FactsTab
        from .subsidies_workers import WorkersTab

        self.reminders: list = []
        self.reminder_label = QLabel(self)
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setTextFormat(Qt.TextFormat.RichText)
        self.reminder_label.setStyleSheet(BANNER)
        self.reminder_label.hide()
        self.tabs = QTabWidget(self)
        self.claims = ClaimsTab(self)
        self.workers = WorkersTab(self)
        self.facts = FactsTab(self)
        self.tabs.addTab(self.claims, self.tr("申报"))
        self.tabs.addTab(self.workers, self.tr("护理员"))
        self.tabs.addTab(self.facts, self.tr("机构信息"))
        self._fresh: set[int] = set()
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.reminder_label)
        lay.addWidget(self.tabs, 1)

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        """The reminders and the tab on show; the other tabs when shown."""
        self._fresh.clear()
        self.load_reminders()
        self._load_current()

    def load_reminders(self) -> None:
        self.shell.call(subsidies.reminders, on_done=self.show_reminders, on_error=lambda _e: None)

    def _load_current(self) -> None:
        i = self.tabs.currentIndex()
        if i in self._fresh:
            return
        self._fresh.add(i)
        self.tabs.widget(i).reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.entities & self.watches:
            self._fresh.clear()
            if self.isVisible():
                self.load_reminders()
                self._load_current()
            else:
                self._stale = True

    def tab_loaded(self) -> None:
        self.loaded.emit()

    def show_tab(self, name: str) -> QWidget:
        tab = {"claims": self.claims, "workers": self.workers, "facts": self.facts}[name]
        self.tabs.setCurrentWidget(tab)
        return tab

    # -- reminders --------------------------------------------------------------------
    def reminder_kinds(self) -> dict[str, str]:
        return {"可申报": self.tr("可申报"), "草稿未提交": self.tr("草稿未提交"), "缺参数": self.tr("缺参数"),
                "证件到期": self.tr("证件到期")}

    def show_reminders(self, reminders) -> None:
        if not alive(self):
            return
        self.reminders = list(reminders)
        lines, more = vm.reminder_lines(self.reminders, limit=3)
        if not lines:
            self.reminder_label.hide()
            self.reminder_label.setText("")
            return
        kinds = self.reminder_kinds()
        html = "<br/>".join(
            f'<span style="color:{vm.REMINDER_COLOURS.get(kind, "#333")}; font-weight:bold;">'
            f'【{esc(kinds.get(kind, kind))}】</span>{esc(text)}' for kind, text in lines)
        if more:
            html += "<br/>" + esc(self.tr("另有 %1 条提醒").replace("%1", str(more)))
        self.reminder_label.setText(html)
        self.reminder_label.setToolTip("\n".join(r.text for r in self.reminders))
        self.reminder_label.show()

    # -- hooks tests replace ------------------------------------------------------------
    def open_dialog(self, dlg) -> bool:
        """Show a dialog modally, then let it go (tests replace this to drive it)."""
        try:
            return bool(dlg.exec())
        finally:
            dlg.deleteLater()

    def choose_save(self, title: str, name: str, pattern: str) -> str | None:
        return save_file_path(self, title, name, pattern)

    def choose_open(self, title: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, str(documents_folder()), pattern)
        return path or None

    def written(self, result: Any) -> str:
        paths = [str(getattr(w, "path", w)) for w in (result if isinstance(result, (list, tuple)) else [result])]
        text = self.tr("已保存：%1").replace("%1", "、".join(paths))
        self.shell.notify(text)
        return text


__all__ = ["SubsidiesPage", "SubTab", "SortedModel", "button", "table", "selected_row", "select_where", "WATCHES"]
