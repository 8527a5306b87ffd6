"""The 年度公开 tab of the 报表 page: the reminder, the year's work report
and staff count, the package (PDF + Excel) and the one-page notice, and
recording that the package went to civil affairs and the price department.
The statements' checks for the year are shown here too: the package is
refused while one fails."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.disclosure_records import DisclosureStatus
from ...domain.roles import Perm
from ...viewmodels import reports as vm
from ..base import LazyService, Shell
from ..widgets import ServiceDialog, date_edit, from_qdate
from .reports import ChecksPanel, ReportsPage, YearCombo, banner, button, set_banner

disclosure = LazyService("disclosure")


def load_year(ctx, year: int) -> dict[str, Any]:
    """The year's record, its statements' checks and the reminder, in one job."""
    from ...services import disclosure as svc
    from ...services import reports

    report, staff, submitted_on, submitted_to, head = svc.get_record(ctx, year)
    return {"report": report, "staff": staff, "submitted_on": submitted_on, "submitted_to": submitted_to, "head": head,
            "statements": reports.statements(ctx, year), "status": svc.status(ctx)}


class SubmitDialog(ServiceDialog):
    """登记已报送: the day and the offices the package went to."""

    def __init__(self, shell: Shell, year: int, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记%1年度财务收支情况已报送").replace("%1", str(year)), parent)
        self.year = year
        today = shell.ctx.today()
        self.day = date_edit(today, self, maximum=today)
        self.to = QLineEdit(self)
        self.to.setPlaceholderText(self.tr("如：区民政局、区发展改革委（物价）"))
        self.to.setMinimumWidth(320)
        self.form.add_row("day", self.tr("报送日期"), self.day)
        self.form.add_row("submitted_to", self.tr("报送单位"), self.to)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()

    def save(self) -> None:
        self.submit(disclosure.mark_submitted, self.year, from_qdate(self.day.date()), self.to.text())


class DisclosureTab(QWidget):
    def __init__(self, page: ReportsPage):
        super().__init__(page)
        self.page = page
        self.shell = page.shell
        self.data: dict[str, Any] | None = None
        self.reminder = banner(self, "pending")
        self.year = YearCombo(self)
        self.year.changed.connect(lambda _y: self.reload())
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.state, 1)
        # the work report
        self.staff = QSpinBox(self)
        self.staff.setRange(0, 100000)
        self.staff.setSuffix(self.tr(" 人"))
        self.head = QLineEdit(self)
        self.head.setMaxLength(40)
        self.head.setPlaceholderText(self.tr("印在报表签字栏"))
        self.report = QPlainTextEdit(self)
        self.report.setPlaceholderText(self.tr("本年度开展的服务、人员与设施变化、收支与资金使用、接受捐赠、奖惩与公益活动等"))
        self.save_button = button(self.tr("保存"), self)
        self.save_button.clicked.connect(self.save)
        box = QGroupBox(self.tr("年度工作报告"), self)
        bl = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("职工人数"), box))
        row.addWidget(self.staff)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("会计机构负责人"), box))
        row.addWidget(self.head)
        row.addStretch(1)
        row.addWidget(self.save_button)
        bl.addLayout(row)
        bl.addWidget(self.report, 1)
        # the package
        self.package_button = button(self.tr("生成公开材料（PDF+Excel）…"), self)
        self.package_preview_button = button(self.tr("打印预览公开材料…"), self)
        self.package_preview_button.setToolTip(self.tr("在打印机上打印公开材料（PDF部分，先预览；预览中也可另存为PDF）"))
        self.notice_button = button(self.tr("打印公示版…"), self)
        self.notice_preview_button = button(self.tr("打印预览公示版…"), self)
        self.notice_preview_button.setToolTip(self.tr("在打印机上打印公示版（先预览；预览中也可另存为PDF）"))
        self.submit_button = button(self.tr("登记已报送…"), self)
        self.package_button.clicked.connect(self.make_package)
        self.package_preview_button.clicked.connect(self.preview_package)
        self.notice_button.clicked.connect(self.print_notice)
        self.notice_preview_button.clicked.connect(self.preview_notice)
        self.submit_button.clicked.connect(self.mark_submitted)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        actions = QHBoxLayout()
        for b in (self.package_button, self.package_preview_button, self.notice_button, self.notice_preview_button,
                  self.submit_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.checks = ChecksPanel(self.shell, self)
        self.allowed = {
            self.save_button: page.gate(self.save_button, page.can_write, Perm.FINANCE_WRITE),
            self.submit_button: page.gate(self.submit_button, page.can_write, Perm.FINANCE_WRITE),
        }
        if not page.can_write:
            self.report.setReadOnly(True)
            self.staff.setReadOnly(True)
            self.head.setReadOnly(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.reminder)
        lay.addLayout(top)
        lay.addWidget(box, 2)
        lay.addLayout(actions)
        lay.addWidget(self.result)
        lay.addWidget(self.checks, 1)
        self._gate_documents()

    def _gate_documents(self) -> None:
        self.allowed[self.package_button] = self.page.gate_document(self.package_button)
        self.allowed[self.notice_button] = self.page.gate_document(self.notice_button)
        for b in (self.package_preview_button, self.notice_preview_button):
            self.allowed[b] = self.page.gate_document(b)

    def set_meta(self, default: int | None) -> None:
        today = self.shell.ctx.today()
        years = [y for y in self.page.years if y < today.year] or self.page.years
        self.year.set_years(years, today.year - 1)
        self._gate_documents()

    def reload(self) -> None:
        year = self.year.year()
        if year is not None:
            self.shell.call(load_year, year, on_done=self.show_data)

    # -- showing ----------------------------------------------------------------------
    def show_data(self, data: dict[str, Any]) -> None:
        self.data = data
        self.show_status(data["status"])
        self.staff.setValue(data["staff"])
        self.head.setText(data["head"])
        self.report.setPlainText(data["report"])
        if data["submitted_on"]:
            self.state.setText(self.tr("已于%1报送：%2").replace("%1", f"{data['submitted_on']:%Y-%m-%d}")
                               .replace("%2", data["submitted_to"]))
            self.state.setStyleSheet("color: #2e7d32;")
        else:
            self.state.setText(self.tr("尚未登记报送"))
            self.state.setStyleSheet("color: #555;")
        if self.allowed[self.submit_button]:
            self.submit_button.setEnabled(data["submitted_on"] is None)
        self.checks.show_set(data["statements"])
        self.page.tab_loaded()

    def show_status(self, status: DisclosureStatus | None) -> None:
        shown = vm.reminder(status)
        if shown is None:
            set_banner(self.reminder, "", "pending")
        else:
            text, overdue = shown
            set_banner(self.reminder, text, "overdue" if overdue else "pending")

    # -- actions ----------------------------------------------------------------------
    def save(self) -> None:
        year = self.year.year()
        if year is not None:
            self.shell.call(disclosure.save_report, year, self.report.toPlainText(), self.staff.value(),
                            self.head.text(),
                            on_done=lambda ch: self.result.setText(ch.message))

    def make_package(self) -> None:
        year = self.year.year()
        if year is None:
            return
        folder = self.page.choose_folder(self.tr("选择保存公开材料的文件夹"))
        if not folder:
            return
        base = Path(folder) / f"{year}年度财务收支情况公开"
        pdf, xlsx = base.with_suffix(".pdf"), base.with_suffix(".xlsx")
        existing = [p for p in (pdf, xlsx) if p.exists()]
        if existing and not self.page.confirm(self.tr("覆盖文件"), self.tr("以下文件已存在，要覆盖吗？\n%1").replace(
                "%1", "\n".join(str(p) for p in existing))):
            return
        self.shell.run_long(self.tr("正在生成%1年度公开材料…").replace("%1", str(year)), disclosure.write_package,
                            year, str(pdf), str(xlsx), on_done=self._written)

    def preview_package(self) -> None:
        """打印预览公开材料…: the package's PDF (services.disclosure.write_package, no Excel) on the printer."""
        year = self.year.year()
        if year is None or not self.page.can_print:
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, disclosure.write_package, year,
                          title=self.tr("%1年度财务收支情况公开").replace("%1", str(year)), kind="a4")

    def preview_notice(self) -> None:
        """打印预览公示版…: the one-page notice (services.disclosure.write_notice) on the printer."""
        year = self.year.year()
        if year is None or not self.page.can_print:
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, disclosure.write_notice, year,
                          title=self.tr("%1年度财务收支情况公示").replace("%1", str(year)), kind="a4")

    def print_notice(self) -> None:
        year = self.year.year()
        if year is None:
            return
        path = self.page.choose_save(self.tr("保存公示版"), f"{year}年度财务收支情况公示.pdf", "PDF (*.pdf)")
        if path:
            self.shell.call(disclosure.write_notice, year, path, on_done=self._written)

    def _written(self, result: Any) -> None:
        items = result if isinstance(result, list) else [result]
        self.result.setText(self.tr("已生成：%1").replace("%1", "；".join(str(w.path) for w in items)))
        self.page.written(result)

    def mark_submitted(self) -> None:
        year = self.year.year()
        if year is not None and self.page.open_dialog(SubmitDialog(self.shell, year, self)):
            self.result.setText(self.tr("已登记报送"))


__all__ = ["DisclosureTab", "SubmitDialog", "load_year"]
