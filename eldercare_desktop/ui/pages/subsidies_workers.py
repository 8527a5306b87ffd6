"""The 护理员 tab: the care-worker register (养老护理员花名册) with each
worker's certificate, contract, insured months of the last six, care years
and trainings; the selected worker's whole record; contracts and
certificates running out within 60 days; add / edit, contract, certificate,
insurance, training, leave; XLSX import (every row error listed, nothing
saved unless the whole sheet is right), the template and the roster."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from ...domain.errors import RuleViolation
from ...domain.roles import Perm
from ...viewmodels import subsidies as vm
from ..base import LazyService
from ..dialogs.subsidy_workers import (
    CertificateDialog,
    ContractDialog,
    InsuranceDialog,
    LeaveDialog,
    TrainingDialog,
    WorkerDialog,
    export_roster,
    import_file,
    save_template,
)
from ..widgets import ERROR_STYLE
from .subsidies import SortedModel, SubTab, alive, button, esc, select_where, selected_row, table

care_workers = LazyService("care_workers")


class WorkersTab(SubTab):
    def __init__(self, page):
        super().__init__(page)
        self.today = self.shell.ctx.today()
        self.include_left = QCheckBox(self.tr("包括已离职"), self)
        self.count = QLabel(self)
        self.import_button = button(self.tr("导入…"), self)
        self.template_button = button(self.tr("下载导入模板"), self)
        self.export_button = button(self.tr("导出花名册…"), self)
        self.add_button = button(self.tr("登记护理员…"), self)
        self.edit_button = button(self.tr("修改…"), self)
        self.contract_button = button(self.tr("劳动合同…"), self)
        self.certificate_button = button(self.tr("资格证书…"), self)
        self.insurance_button = button(self.tr("社保缴纳…"), self)
        self.training_button = button(self.tr("培训…"), self)
        self.leave_button = button(self.tr("离职…"), self)
        self.import_button.setToolTip(self.tr("按模板导入护理员、证书、劳动合同、社保月份和培训；按身份证号匹配已登记的护理员"))
        bar = QHBoxLayout()
        bar.addWidget(self.include_left)
        bar.addSpacing(12)
        bar.addWidget(self.count)
        bar.addStretch(1)
        for b in (self.import_button, self.template_button, self.export_button):
            bar.addWidget(b)
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.contract_button, self.certificate_button,
                  self.insurance_button, self.training_button, self.leave_button):
            actions.addWidget(b)
        actions.addStretch(1)
        # import errors: every row's problem, until the next import
        self.errors_box = QGroupBox(self.tr("导入未完成：请改正以下问题后重新导入（没有保存任何数据）"), self)
        self.errors_box.setStyleSheet(f"QGroupBox {{ {ERROR_STYLE} }}")
        self.errors = QListWidget(self.errors_box)
        self.errors.setMaximumHeight(110)
        self.errors_close = button(self.tr("关闭"), self.errors_box)
        el = QHBoxLayout(self.errors_box)
        el.addWidget(self.errors, 1)
        el.addWidget(self.errors_close, 0, Qt.AlignmentFlag.AlignTop)
        self.errors_box.hide()
        headers = [self.tr("姓名"), self.tr("身份证号"), self.tr("性别"), self.tr("年龄"), self.tr("资格证书"),
                   self.tr("劳动合同"), self.tr("近6个月社保"), self.tr("护理年限"), self.tr("培训次数"), self.tr("状态")]
        self.model = SortedModel(vm.worker_columns(self.tr("已离职 %1")), headers, self, keys=vm.WORKER_SORT,
                                 colour=lambda w, key: vm.worker_colour(w, key, self.today))
        self.table = table(self.model, self, stretch=5, sort=(0, Qt.SortOrder.AscendingOrder))
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)
        exp_box = QGroupBox(self.tr("60天内到期的劳动合同和证书"), self)
        self.expiring = SortedModel(vm.EXPIRING_COLUMNS, [self.tr("姓名"), self.tr("到期事项"), self.tr("到期日"),
                                                          self.tr("剩余天数")], self,
                                    colour=lambda e, key: vm.expiring_colour(e) if key in ("day", "days_left") else None)
        self.expiring_view = table(self.expiring, exp_box, stretch=1)
        self.expiring_view.setToolTip(self.tr("双击选中该护理员"))
        xl = QVBoxLayout(exp_box)
        xl.addWidget(self.expiring_view)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.detail)
        lower.addWidget(exp_box)
        lower.setSizes([560, 420])
        lower.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([300, 200])
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addLayout(actions)
        lay.addWidget(self.errors_box)
        lay.addWidget(split, 1)
        row_buttons = [self.edit_button, self.contract_button, self.certificate_button, self.insurance_button,
                       self.training_button, self.leave_button]
        self.row_buttons = row_buttons
        self.allowed = self.gate([self.add_button, self.import_button, *row_buttons], Perm.CENTRE_WRITE)
        # social insurance is paid, and so recorded, by the accountant
        self.allowed.update(self.gate([self.insurance_button], Perm.FINANCE_WRITE))
        self.allowed.update(self.gate([self.export_button], Perm.PRINT))
        self.allowed[self.template_button] = True
        self.select_after: set[int] = set()
        self.detail_for: tuple[int, dict] | None = None
        self._detail_seq = 0
        self.include_left.toggled.connect(lambda _b: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_select())
        self.model.modelReset.connect(self.on_select)
        self.expiring_view.doubleClicked.connect(self._show_expiring)
        self.errors_close.clicked.connect(self.errors_box.hide)
        self.add_button.clicked.connect(lambda: self.add_worker())
        self.edit_button.clicked.connect(lambda: self.edit_worker())
        self.contract_button.clicked.connect(lambda: self.row_dialog(ContractDialog))
        self.certificate_button.clicked.connect(lambda: self.row_dialog(CertificateDialog))
        self.insurance_button.clicked.connect(lambda: self.row_dialog(InsuranceDialog))
        self.training_button.clicked.connect(lambda: self.row_dialog(TrainingDialog))
        self.leave_button.clicked.connect(lambda: self.row_dialog(LeaveDialog))
        self.import_button.clicked.connect(self.import_workers)
        self.template_button.clicked.connect(self.download_template)
        self.export_button.clicked.connect(self.export)
        self.on_select()

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        seq = self.next_seq()
        self.shell.call(care_workers.workers, self.include_left.isChecked(),
                        on_done=lambda rows: self._loaded(seq, rows))
        self.shell.call(care_workers.expiring, on_done=lambda rows: self._expiring(seq, rows))

    def _loaded(self, seq: int, rows) -> None:
        if seq != self._seq or not alive(self):
            return
        cur = self.selected()
        keep = self.select_after or ({cur.id} if cur else set())
        self.select_after = set()
        self.detail_for = None
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 %1 人").replace("%1", str(len(rows))))
        if keep:
            select_where(self.table, lambda w: w.id in keep)
        self.on_select()
        self.page.tab_loaded()

    def _expiring(self, seq: int, rows) -> None:
        if seq == self._seq and alive(self):
            self.expiring.set_rows(rows)

    # -- selection ------------------------------------------------------------------------
    def selected(self):
        return selected_row(self.table)

    def on_select(self) -> None:
        w = self.selected()
        for b in self.row_buttons:
            if self.allowed[b]:
                b.setEnabled(w is not None and (w.left_on is None or b is self.edit_button))
        self.show_detail(w)

    def show_detail(self, w) -> None:
        self._detail_seq += 1
        if w is None:
            self.detail.setHtml(f'<p style="color:#777;">{esc(self.tr("选中一名护理员查看劳动合同、证书、社保和培训记录"))}</p>')
            return
        if self.detail_for and self.detail_for[0] == w.id:
            self._show_detail(self.detail_for[1])
            return
        seq = self._detail_seq
        self.shell.call(care_workers.worker_detail, w.id, on_done=lambda d: self._detail(seq, d),
                        on_error=lambda _e: None)

    def _detail(self, seq: int, d: dict) -> None:
        if seq != self._detail_seq or not alive(self):
            return
        self.detail_for = (d["worker"]["id"], d)
        self._show_detail(d)

    def _show_detail(self, d: dict) -> None:
        w = d["worker"]
        head = [w["name"], w["gender"], w["birth_date"], w["id_number"]]
        if w.get("phone"):
            head.append(w["phone"])
        lines = [f'<p><b>{esc("　".join(head))}</b></p>']
        if w.get("care_start"):
            lines.append(f"<p>{esc(self.tr('连续从事护理工作自 %1').replace('%1', w['care_start']))}</p>")
        if w.get("left_on"):
            lines.append(f'<p style="color:{vm.GREY};">{esc(self.tr("已于 %1 离职").replace("%1", w["left_on"]))}</p>')
        none = self.tr("无")
        contracts = [f"{c['start']}—{c['end'] or self.tr('无固定期限')}"
                     + ("　" + self.tr("%1 解除").replace("%1", c["ended_on"]) if c.get("ended_on") else "")
                     + (f"（{c['note']}）" if c.get("note") else "")
                     for c in d["contracts"]]
        certs = [f"{c['level']} {c['number']}　" + self.tr("发证 %1").replace("%1", c["issued"])
                 + ("　" + self.tr("有效期至 %1").replace("%1", c["valid_until"]) if c["valid_until"] else "")
                 for c in d["certificates"]]
        training = [f"{t['day']}　{t['course']}" + ("　" + self.tr("%1学时").replace("%1", str(t["hours"]))
                                                    if t["hours"] else "") for t in d["training"]]
        for title, items in ((self.tr("劳动合同"), contracts), (self.tr("资格证书"), certs),
                             (self.tr("社保已缴月份"), [vm.month_ranges(d["insured"])] if d["insured"] else []),
                             (self.tr("培训"), training)):
            body = "<br/>".join(esc(x) for x in items) if items else f'<span style="color:{vm.AMBER};">{esc(none)}</span>'
            lines.append(f"<p><b>{esc(title)}</b><br/>{body}</p>")
        self.detail.setHtml("".join(lines))

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def _show_expiring(self, index) -> None:
        e = self.expiring.row_at(index.row())
        if e is not None and not select_where(self.table, lambda w: w.id == e.worker_id):
            self.shell.notify(self.tr("该护理员不在当前列表中"))

    # -- actions ------------------------------------------------------------------------
    def _done(self, changes) -> None:
        self.select_after = set(getattr(changes, "ids", ()) or ())
        self.reload()

    def add_worker(self) -> WorkerDialog:
        dlg = WorkerDialog(self.shell, None, self)
        self.after(dlg, self._done)
        return dlg

    def edit_worker(self) -> None:
        w = self.selected()
        if w is None:
            return
        if self.detail_for and self.detail_for[0] == w.id:
            self._edit(self.detail_for[1])
        else:
            self.shell.call(care_workers.worker_detail, w.id, on_done=self._edit)

    def _edit(self, detail: dict) -> WorkerDialog:
        dlg = WorkerDialog(self.shell, detail, self)
        self.last_dialog = dlg
        self.after(dlg, self._done)
        return dlg

    def row_dialog(self, cls) -> Any:
        w = self.selected()
        if w is None:
            return None
        dlg = cls(self.shell, w, self)
        self.last_dialog = dlg
        self.after(dlg, self._done)
        return dlg

    def import_workers(self) -> None:
        path = self.page.choose_open(self.tr("导入护理员"), self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.errors_box.hide()
            self.shell.call(import_file, path, on_done=self._imported, on_error=self._import_failed)

    def _imported(self, changes) -> None:
        self.errors.clear()
        self.errors_box.hide()
        self.reload()

    def _import_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, RuleViolation):
            self.shell.show_error(exc)
            return
        self.errors.clear()
        self.errors.addItems([p.message for p in exc.problems])
        self.errors_box.show()

    def import_errors(self) -> list[str]:
        return [self.errors.item(i).text() for i in range(self.errors.count())]

    def download_template(self) -> None:
        path = self.page.choose_save(self.tr("下载护理员导入模板"), "护理员导入模板.xlsx", self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.shell.call(save_template, path, on_done=self.page.written)

    def export(self) -> None:
        name = self.tr("养老护理员花名册_%1.xlsx").replace("%1", f"{self.today:%Y%m%d}")
        path = self.page.choose_save(self.tr("导出护理员花名册"), name, self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.shell.run_long(self.tr("正在导出护理员花名册…"), export_roster, path, self.include_left.isChecked(),
                                on_done=self.page.written)


__all__ = ["WorkersTab"]
