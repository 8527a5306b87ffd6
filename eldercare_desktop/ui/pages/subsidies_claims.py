"""The 申报 tab: the claims (filter by status and year), 新建申报, 提交,
登记批准, 登记到账, 撤回 and the claim documents (PDF, XLSX). The selected
claim's rows are shown under the list: a draft recomputed from today's
registers, a submitted claim as it was frozen. Every button acts on the
one claim the user sees selected; after a filter, reload or sort the
selection (and so the buttons) follow what is on screen."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...viewmodels import subsidies as vm
from ..base import LazyService
from ..dialogs.subsidy import ApproveDialog, ClaimWizard, ReceiveDialog, WithdrawDialog
from ..dialogs.subsidy_result import ResultView
from .subsidies import SortedModel, SubTab, alive, button, select_where, selected_row, table

subsidies = LazyService("subsidies")
documents = LazyService("subsidy_documents")


class ClaimsTab(SubTab):
    def __init__(self, page):
        super().__init__(page)
        today = self.shell.ctx.today()
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部"), "")
        names = self.status_names()
        for s in vm.STATUSES:
            self.status.addItem(names[s], s)
        self.year = QComboBox(self)
        self.year.addItem(self.tr("全部年度"), 0)
        for y in vm.year_choices(today):
            self.year.addItem(self.tr("%1年").replace("%1", str(y)), y)
        self.count = QLabel(self)
        self.new_button = button(self.tr("新建申报…"), self)
        self.submit_button = button(self.tr("提交"), self)
        self.approve_button = button(self.tr("登记批准…"), self)
        self.receive_button = button(self.tr("登记到账…"), self)
        self.withdraw_button = button(self.tr("撤回…"), self)
        self.outside_button = button(self.tr("登记系统外申领…"), self)
        self.outside_button.setToolTip(self.tr("本系统启用前已申领并到账的补贴：计入累计上限和一次性补贴"))
        self.pdf_button = button(self.tr("导出PDF…"), self)
        self.xlsx_button = button(self.tr("导出XLSX…"), self)
        self.submit_button.setToolTip(self.tr("提交后，各行及其检验依据按提交时的情况冻结"))
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("状态"), self), self.status, QLabel(self.tr("年度"), self), self.year):
            bar.addWidget(w)
        bar.addSpacing(8)
        bar.addWidget(self.count)
        bar.addSpacing(16)
        for b in (self.new_button, self.submit_button, self.approve_button, self.receive_button,
                  self.withdraw_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.outside_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        headers = [self.tr("申报号"), self.tr("补贴方案"), self.tr("期间"), self.tr("状态"), self.tr("申报金额"),
                   self.tr("其中机构"), self.tr("其中老人"), self.tr("批准金额"), self.tr("批准日期"),
                   self.tr("到账日期")]
        self.model = SortedModel(vm.claim_columns(names), headers, self, keys=vm.CLAIM_SORT,
                                 colour=lambda c, key: vm.status_colour(c.status) if key == "status" else None,
                                 is_void=lambda c: c.status == vm.WITHDRAWN)
        self.table = table(self.model, self, stretch=1, sort=(0, Qt.SortOrder.DescendingOrder))  # newest first
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result = ResultView(self)
        lower = QWidget(self)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 4, 0, 0)
        ll.addWidget(self.caption)
        ll.addWidget(self.result, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([230, 380])
        split.setChildrenCollapsible(False)
        self.split = split
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        self.allowed = self.gate([self.new_button, self.submit_button, self.approve_button, self.receive_button,
                                  self.withdraw_button, self.outside_button], Perm.FINANCE_WRITE)
        self.allowed.update(self.gate([self.pdf_button, self.xlsx_button], Perm.PRINT))
        self.select_after: set[int] = set()
        self._result_seq = 0
        self.shown_claim: int | None = None  # the claim whose rows are shown
        self._showing = None  # the ClaimInfo whose rows are shown or loading
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_select())
        self.model.modelReset.connect(self.on_select)
        self.model.layoutChanged.connect(self.on_select)
        self.new_button.clicked.connect(self.new_claim)
        self.submit_button.clicked.connect(self.submit)
        self.approve_button.clicked.connect(self.approve)
        self.receive_button.clicked.connect(self.receive)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.outside_button.clicked.connect(self.record_outside)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.on_select()

    def status_names(self) -> dict[str, str]:
        return {"草稿": self.tr("草稿"), "已提交": self.tr("已提交"), "已批准": self.tr("已批准"),
                "已到账": self.tr("已到账"), "已撤回": self.tr("已撤回")}

    # -- loading ------------------------------------------------------------------------
    def set_filter(self, status: str = "", year: int = 0) -> None:
        for w in (self.status, self.year):
            w.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.year.setCurrentIndex(max(self.year.findData(year), 0))
        for w in (self.status, self.year):
            w.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        seq = self.next_seq()
        self.shell.call(subsidies.claims, self.status.currentData() or "", self.year.currentData() or None,
                        on_done=lambda rows: self._loaded(seq, rows))

    def _loaded(self, seq: int, rows) -> None:
        if seq != self._seq or not alive(self):
            return
        cur = self.selected()
        keep = self.select_after or ({cur.id} if cur else set())
        self.select_after = set()
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 %1 份").replace("%1", str(len(rows))))
        if keep:
            select_where(self.table, lambda c: c.id in keep)
        self.on_select()
        self.page.tab_loaded()

    # -- selection ------------------------------------------------------------------------
    def selected(self):
        """The claim on the selected row (never the mere current cell), or None."""
        return selected_row(self.table)

    def on_select(self) -> None:
        c = self.selected()
        a = vm.claim_actions(c)
        state = {self.submit_button: a.submit, self.approve_button: a.approve, self.receive_button: a.receive,
                 self.withdraw_button: a.withdraw, self.pdf_button: a.export, self.xlsx_button: a.export}
        for b, ok in state.items():
            if self.allowed[b]:
                b.setEnabled(ok)
        self.show_claim(c)

    def show_claim(self, c) -> None:
        if c is not None and c == self._showing:
            return  # the same claim, unchanged (a sort, a repeated signal)
        self._showing = c
        if c is None:
            self.shown_claim = None
            self._result_seq += 1
            self.caption.setText(self.tr("选中一份申报查看各行、检验依据和合计") if self.model.rowCount()
                                 else self.tr("还没有补贴申报：点“新建申报…”选择补贴方案和期间"))
            self.result.clear()
            return
        self.caption.setText(self.caption_text(c))
        self._result_seq += 1
        seq = self._result_seq
        self.shown_claim = None
        self.result.clear(self.tr("正在读取…"))
        self.shell.call(subsidies.claim_result, c.id, on_done=lambda r, cid=c.id: self._result(seq, cid, r),
                        on_error=lambda e: self._result_failed(seq, e))

    def _result(self, seq: int, claim_id: int, result) -> None:
        if seq != self._result_seq or not alive(self):
            return
        self.shown_claim = claim_id
        self.result.show_result(result)

    def _result_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._result_seq or not alive(self):
            return
        self.result.clear(getattr(exc, "message", str(exc)))

    def caption_text(self, c) -> str:
        status = self.status_names().get(c.status, c.status)
        parts = [f"{c.number}　{c.scheme_name}　{c.period}　{status}"]
        if c.status == vm.DRAFT:
            parts.append(self.tr("按今天的登记情况重新计算"))
        elif c.status != vm.WITHDRAWN:
            parts.append(self.tr("提交时冻结的各行与依据"))
        if c.approved_fen is not None:
            parts.append(self.tr("批准 %1（%2）").replace("%1", vm.money(c.approved_fen))
                         .replace("%2", vm.day_text(c.approved_on)))
        if c.approval_note:
            parts.append(self.tr("批准备注：%1").replace("%1", c.approval_note))
        if c.received_on:
            mode = {"account": self.tr("老人补贴已转入老人账户"), "bank": self.tr("老人补贴已转账发放"),
                    "cash": self.tr("老人补贴已现金发放")}
            parts.append(self.tr("到账 %1").replace("%1", vm.day_text(c.received_on))
                         + (f"，{mode[c.resident_mode]}" if c.resident_mode in mode else ""))
        if c.note:
            parts.append(c.note)
        return "；".join(parts)

    # -- actions ------------------------------------------------------------------------
    def _done(self, changes) -> None:
        """After a write: reload, selecting what it made (or keeping the selection)."""
        self.select_after = set(getattr(changes, "ids", ()) or ())
        self.reload()

    def new_claim(self, scheme: str | None = None) -> ClaimWizard:
        dlg = ClaimWizard(self.shell, self, scheme=scheme or None)
        self.after(dlg, self._done)
        return dlg

    def record_outside(self):
        from ..dialogs.subsidy_outside import OutsideClaimDialog

        dlg = OutsideClaimDialog(self.shell, self)
        self.after(dlg, self._done)
        return dlg

    def submit(self) -> None:
        c = self.selected()
        if c is None or not vm.claim_actions(c).submit:
            return
        text = self.tr("提交%1（%2，%3）？\n\n提交后各行及其检验依据将按现在的登记情况冻结，不再随登记变化。") \
            .replace("%1", c.number).replace("%2", c.scheme_name).replace("%3", c.period)
        if self.page.confirm(self.tr("提交补贴申报"), text):
            self.shell.call(subsidies.submit, c.id, on_done=self._done)

    def approve(self) -> ApproveDialog | None:
        c = self.selected()
        if c is None or not vm.claim_actions(c).approve:
            return None
        dlg = ApproveDialog(self.shell, c, self)
        self.after(dlg, self._done)
        return dlg

    def receive(self) -> ReceiveDialog | None:
        c = self.selected()
        if c is None or not vm.claim_actions(c).receive:
            return None
        dlg = ReceiveDialog(self.shell, c, self)
        self.after(dlg, self._done)
        return dlg

    def withdraw(self) -> WithdrawDialog | None:
        c = self.selected()
        if c is None or not vm.claim_actions(c).withdraw:
            return None
        dlg = WithdrawDialog(self.shell, c, self)
        self.after(dlg, self._done)
        return dlg

    def export(self, kind: str) -> None:
        c = self.selected()
        if c is None or not vm.claim_actions(c).export:
            return
        if kind == "pdf":
            title, pattern, fn = self.tr("导出申报材料（PDF）"), "PDF (*.pdf)", documents.claim_pdf
        else:
            title, pattern, fn = self.tr("导出申报明细（XLSX）"), self.tr("Excel 文件 (*.xlsx)"), documents.claim_xlsx
        name = f"{c.number}_{c.scheme_name}_{c.period}.{kind}".replace("/", "-")
        path = self.page.choose_save(title, name, pattern)
        if path:
            self.shell.run_long(self.tr("正在生成%1…").replace("%1", c.number), fn, c.id, path,
                                on_done=self._written)

    def _written(self, result: Any) -> None:
        self.caption.setText(self.page.written(result))


__all__ = ["ClaimsTab"]
