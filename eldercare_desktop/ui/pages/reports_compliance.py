"""The 合规自查 tab of the 报表 page: every rule the seeds name, green ✔ or
red ✘, with the residents or records behind each red (name, detail, amount,
date) under it; the basis of the selected rule below; 导出PDF prints the
report for an inspection (services/compliance.py)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...domain.compliance_records import CheckItem, SelfCheck
from ..base import LazyService
from ..dialogs.drilldown import GREEN, RED
from ..widgets import date_edit, from_qdate
from .reports import ReportsPage, banner, button, set_banner

compliance = LazyService("compliance")

RED_BG, GREEN_BG = "#fdecea", "#e8f5e9"


def compliance_pdf(ctx, on_day: dt.date, path):
    """services.compliance.write_pdf with the path last (print_via_service adds it)."""
    from ...services import compliance as svc

    return svc.write_pdf(ctx, path, on_day)


class ComplianceTab(QWidget):
    def __init__(self, page: ReportsPage):
        super().__init__(page)
        self.page = page
        self.shell = page.shell
        self.sc: SelfCheck | None = None
        today = self.shell.ctx.today()
        self.day = date_edit(today, self, maximum=today)
        self.run_button = button(self.tr("自查"), self)
        self.run_button.clicked.connect(self.reload)
        self.pdf_button = button(self.tr("导出PDF…"), self)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.preview_button = button(self.tr("打印预览…"), self)
        self.preview_button.setToolTip(self.tr("在打印机上打印合规自查报告（先预览；预览中也可另存为PDF）"))
        self.preview_button.clicked.connect(self.preview_pdf)
        self.allowed_pdf = page.gate_document(self.pdf_button)
        page.gate_document(self.preview_button)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("自查日期"), self))
        bar.addWidget(self.day)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.preview_button)
        self.summary = banner(self, "note")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("自查项目 / 住户或记录"), self.tr("结果"), self.tr("情况"),
                                   self.tr("金额"), self.tr("日期")])
        self.tree.setAlternatingRowColors(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self.show_basis(cur))
        self.basis = QLabel(self)
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis.setStyleSheet("color: #444;")
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.basis)
        lay.addWidget(self.result)

    def set_meta(self, default: int | None) -> None:  # the page calls it on every tab it owns
        pass

    def reload(self) -> None:
        self.shell.call(compliance.check, self.on_day(), on_done=self.show_check)

    def on_day(self) -> dt.date:
        return from_qdate(self.day.date())

    # -- showing ----------------------------------------------------------------------
    def show_check(self, sc: SelfCheck) -> None:
        self.sc = sc
        set_banner(self.summary, sc.summary(), "note" if sc.ok else "overdue")
        if sc.ok:
            self.summary.setStyleSheet(f"color: white; background: {GREEN}; border-radius: 3px; padding: 6px 8px;"
                                       " font-weight: bold;")
        self.tree.clear()
        for it in sc.items:
            self.tree.addTopLevelItem(self._rule_item(it))
        self.tree.expandAll()
        for c, w in ((0, 260), (1, 90), (2, 480), (3, 100), (4, 90)):
            self.tree.setColumnWidth(c, w)
        first_red = next((i for i, it in enumerate(sc.items) if not it.ok), 0)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(first_red))
        self.page.tab_loaded()

    def _rule_item(self, it: CheckItem) -> QTreeWidgetItem:
        result = (self.tr("✔ 符合") if it.ok else self.tr("✘ 不符合"))
        row = QTreeWidgetItem([it.rule, result, it.summary, "", ""])
        row.setData(0, Qt.ItemDataRole.UserRole, it.code)
        color = QColor(GREEN if it.ok else RED)
        bg = QBrush(QColor(GREEN_BG if it.ok else RED_BG))
        for c in range(5):
            row.setBackground(c, bg)
        row.setForeground(1, QBrush(color))
        font = row.font(0)
        font.setBold(True)
        row.setFont(0, font)
        row.setFont(1, font)
        row.setToolTip(0, it.basis)
        row.setToolTip(2, it.summary)
        for f in it.findings:
            child = QTreeWidgetItem([f.subject + (f"（{f.ref}）" if f.ref and f.ref not in f.detail else ""), "",
                                     f.detail, f.amount_text(), f.day_text()])
            child.setForeground(2, QBrush(QColor(RED)))
            child.setToolTip(2, f.detail)
            child.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row.addChild(child)
        for n in it.notes:
            note = QTreeWidgetItem(["", "", n, "", ""])
            note.setForeground(2, QBrush(QColor("#555555")))
            row.addChild(note)
        return row

    def show_basis(self, item: QTreeWidgetItem | None) -> None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        code = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if self.sc is None or code is None:
            self.basis.setText("")
            return
        self.basis.setText(self.tr("依据：%1").replace("%1", self.sc.item(code).basis))

    def rule_rows(self) -> list[tuple[str, str, int]]:
        """(rule, result, findings) of each row as shown (tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            t = self.tree.topLevelItem(i)
            out.append((t.text(0), t.text(1), sum(1 for k in range(t.childCount()) if t.child(k).text(0))))
        return out

    # -- actions ----------------------------------------------------------------------
    def export_pdf(self) -> None:
        day = self.on_day()
        path = self.page.choose_save(self.tr("导出合规自查报告"), f"合规自查报告{day:%Y%m%d}.pdf", "PDF (*.pdf)")
        if path:
            self.shell.call(compliance.write_pdf, path, day, on_done=self._written)

    def preview_pdf(self) -> None:
        """打印预览…: the report for the chosen day on the printer."""
        if not self.page.can_print:
            return
        from ..printing import print_via_service

        day = self.on_day()
        print_via_service(self, self.shell, compliance_pdf, day,
                          title=self.tr("合规自查报告%1").replace("%1", f"{day:%Y%m%d}"), kind="a4")

    def _written(self, w) -> None:
        self.result.setText(self.tr("已生成：%1").replace("%1", str(w.path)))
        self.page.written(w)


__all__ = ["ComplianceTab"]
