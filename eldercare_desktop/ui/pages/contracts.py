"""合同 page: the service contracts list (search, 生效/已终止/全部), the
selected contract's detail (parties, terms and amendments, deposit and its
cap, termination and settlement) and the actions: 签订, 变更, 终止,
终止结算记账, 打印合同. A banner above the list names the residents in a
bed whom no contract covers today (they are never billed), each a link to
签订合同 for them (services.dashboard.uncontracted)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.contract_records import ContractDetail
from ...domain.contracts import ACTIVE, TERMINATED
from ...domain.money import format_yuan
from ...domain.roles import Perm
from ...services import contracts, residents
from ...viewmodels import contracts as vm
from ..base import LazyService, Page, Shell
from ..i18n import no_permission
from ..widgets import offer_open, page_title, save_file_path
from ..dialogs.contract import AmendContractDialog, SignContractDialog, TerminateContractDialog, load_signable
from ..tablemodel import SnapshotModel, make_table

RED = "#c62828"
BANNER = "color: #7a1c1c; background: #fdf1f1; border: 1px solid #e6a5a5; border-radius: 3px; padding: 4px 8px;"
#: names shown in the banner before “等N人” (all of them once expanded)
BANNER_NAMES = 8

dashboard = LazyService("dashboard")


class ContractsModel(SnapshotModel):
    """Snapshot of vm.ContractItem rows (filtered and sorted by the viewmodel)."""

    def header_texts(self) -> list[str]:
        return [self.tr("合同编号"), self.tr("住户"), self.tr("床位"), self.tr("开始"), self.tr("结束"),
                self.tr("月服务费"), self.tr("押金"), self.tr("状态"), self.tr("签订人")]

    def item(self, row: int) -> vm.ContractItem | None:
        return self.row_at(row)

    def row_of(self, contract_id: int) -> int:
        return next((i for i, x in enumerate(self.rows) if x.id == contract_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        x = self.rows[index.row()]
        col = vm.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return vm.cell(x, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in vm.MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and x.row.status == TERMINATED:
            return QColor("#7b8794")
        return None


def load_contracts(ctx) -> list[vm.ContractItem]:
    """The list with each resident's bed and each contract's signer (on the DB thread)."""
    rows = contracts.list_contracts(ctx)
    res = residents.list_residents(ctx)
    signers = {r.id: vm.short_signer(r.signer_name, r.signer_relation) for r in rows}
    return vm.build_items(rows, res, signers)


class ContractsPage(Page):
    watches = frozenset({"contract", "resident", "bed", "care_level", "journal"})
    #: the path of a contract PDF just written
    pdf_written = Signal(str)

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        actor = shell.ctx.actor
        self.can_write = actor.can(Perm.RESIDENT_WRITE)
        self.can_finance = actor.can(Perm.FINANCE_WRITE)
        self.can_print = actor.can(Perm.PRINT)
        self.items: list[vm.ContractItem] = []
        self.detail: ContractDetail | None = None
        self.dialog = None
        self.last_box: QMessageBox | None = None
        self.last_message = ""
        self.last_pdf_path = ""
        self._select_id: int | None = None
        self.uncontracted: list = []  # services.dashboard.Row: in a bed today, no contract
        self._expanded = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(8)
        head = QHBoxLayout()
        title = page_title(self.tr("服务合同"))
        head.addWidget(title)
        head.addStretch(1)
        self.count = QLabel("")
        self.count.setStyleSheet("color: #7b8794;")
        head.addWidget(self.count)
        outer.addLayout(head)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索合同编号、姓名、拼音、床位、签订人"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.status = QComboBox()
        for key, text in ((vm.FILTER_ACTIVE, self.tr("生效")), (vm.FILTER_TERMINATED, self.tr("已终止")),
                          (vm.FILTER_ALL, self.tr("全部"))):
            self.status.addItem(text, key)
        bar.addWidget(self.search)
        bar.addWidget(self.status)
        bar.addSpacing(12)
        self.sign_button = QPushButton(self.tr("签订合同…"))
        self.amend_button = QPushButton(self.tr("变更…"))
        self.terminate_button = QPushButton(self.tr("终止…"))
        self.settle_button = QPushButton(self.tr("终止结算记账"))
        self.print_button = QPushButton(self.tr("打印合同…"))
        self.preview_button = QPushButton(self.tr("打印预览…"))
        self.preview_button.setToolTip(self.tr("在打印机上打印合同（先预览；预览中也可另存为PDF）"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        for b in (self.sign_button, self.amend_button, self.terminate_button, self.settle_button,
                  self.print_button, self.preview_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        outer.addLayout(bar)

        self.banner = QLabel(self)
        self.banner.setObjectName("uncontracted")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setStyleSheet(BANNER)
        self.banner.linkActivated.connect(self._banner_link)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.model = ContractsModel(self)
        self.table = make_table(self.model)
        self.detail_view = QTextBrowser()
        self.detail_view.setOpenLinks(False)
        self.detail_view.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 560])
        outer.addWidget(self.splitter, 1)

        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        # a reload (reset) or a sort (layout change): the buttons follow what is selected now
        self.model.modelReset.connect(self._update_actions)
        self.model.layoutChanged.connect(lambda *_a: self._update_actions())
        self.sign_button.clicked.connect(lambda: self.sign())
        self.amend_button.clicked.connect(lambda: self.amend())
        self.terminate_button.clicked.connect(lambda: self.terminate())
        self.settle_button.clicked.connect(lambda: self.post_settlement())
        self.print_button.clicked.connect(lambda: self.print_contract())
        self.preview_button.clicked.connect(self.preview_contract)
        self.refresh_button.clicked.connect(self.reload)
        self._show_detail(None)
        self._update_actions()

    # -- data --------------------------------------------------------------------------
    def _call(self, fn, *args, on_done) -> None:
        """shell.call whose result is dropped if the page is gone meanwhile."""
        def done(result) -> None:
            if isValid(self) and isValid(self.table):
                on_done(result)

        self.shell.call(fn, *args, on_done=done)

    def reload(self) -> None:
        self._call(load_contracts, on_done=self._on_loaded)
        self._call(dashboard.uncontracted, on_done=self._show_uncontracted)

    # -- residents in a bed with no contract ----------------------------------------------
    def _show_uncontracted(self, rows) -> None:
        self.uncontracted = list(rows)
        if not self.uncontracted:
            self.banner.hide()
            self.banner.setText("")
            return
        e = html.escape
        shown = self.uncontracted if self._expanded else self.uncontracted[:BANNER_NAMES]
        names = []
        for r in shown:
            label = e(f"{r.name}（{r.bed}）")
            names.append(f"<a href='sign:{r.resident_id}'>{label}</a>" if self.can_write else label)
        text = self.tr("%1 位住户在床却没有合同覆盖今天，不会被计费：").replace("%1", str(len(self.uncontracted)))
        body = f"<b>{e(text)}</b>" + "、".join(names)
        more = len(self.uncontracted) - len(shown)
        if more > 0:
            body += f" <a href='all'>{e(self.tr('等%1人，全部显示').replace('%1', str(len(self.uncontracted))))}</a>"
        if self.can_write:
            body += f"<br/><span style='color:#52606d'>{e(self.tr('点击姓名为其签订合同'))}</span>"
        self.banner.setText(body)
        self.banner.setToolTip("\n".join(f"{r.name}　{r.bed}　{r.note}" for r in self.uncontracted))
        self.banner.show()

    def _banner_link(self, href: str) -> None:
        if href == "all":
            self._expanded = True
            self._show_uncontracted(self.uncontracted)
        elif href.startswith("sign:") and self.can_write:
            self.sign(int(href[5:]))

    def show_uncontracted(self) -> None:
        """Opened from the home page: the banner with every name."""
        self._expanded = True
        if self.uncontracted:
            self._show_uncontracted(self.uncontracted)

    def _on_loaded(self, items: list[vm.ContractItem]) -> None:
        self.items = items
        self.apply_filter()

    def apply_filter(self) -> None:
        current = self.selected()
        keep = self._select_id or (current.id if current else None)
        self._select_id = None
        rows = vm.filter_items(self.items, self.search.text(), self.status.currentData())
        self.model.set_rows(rows)
        self.count.setText(self.tr("显示 %1 份，共 %2 份合同").replace("%1", str(len(rows)))
                           .replace("%2", str(len(self.items))))
        row = self.model.row_of(keep) if keep is not None else -1
        if keep is None and rows:  # nothing chosen yet: the first; a chosen one hidden: none, never another
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._selection_changed()

    def selected(self) -> vm.ContractItem | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.item(idx.row())

    def current_detail(self) -> ContractDetail | None:
        """The loaded detail of the contract selected now (None while another
        row's detail is still loading, or when nothing is selected)."""
        d, item = self.detail, self.selected()
        return d if d is not None and item is not None and item.id == d.id else None

    def select_contract(self, contract_id: int) -> bool:
        row = self.model.row_of(contract_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self) -> None:
        item = self.selected()
        if item is None:
            self._show_detail(None)
            self._update_actions()
            return
        cid = item.id
        self._update_actions()  # off until this row's detail is in (never the previous row's)
        self._call(contracts.get_contract, cid, on_done=lambda d: self._got_detail(cid, d))

    def _got_detail(self, cid: int, d: ContractDetail) -> None:
        cur = self.selected()
        if cur is None or cur.id != cid:
            return
        self._show_detail(d)
        self._update_actions()

    # -- detail ------------------------------------------------------------------------
    def _show_detail(self, d: ContractDetail | None) -> None:
        self.detail = d
        if d is None:
            self.detail_view.setHtml("<p style='color:#7b8794'>%s</p>" % html.escape(
                self.tr("在左侧列表中选择一份合同查看详情")))
            return
        self.detail_view.setHtml(self.detail_html(d))

    def detail_html(self, d: ContractDetail) -> str:
        e = html.escape

        def row(label: str, value: str, style: str = "") -> str:
            return (f"<tr><td style='color:#52606d; padding-right:10px; white-space:nowrap'>{e(label)}</td>"
                    f"<td style='{style}'>{value}</td></tr>")

        status = e(d.status) if d.status == ACTIVE else f"<span style='color:{RED}'>{e(d.status)}</span>"
        parts = [f"<h3 style='margin:0'>{e(d.number)}　{e(d.resident_name)}　{status}</h3>", "<table>"]
        parts.append(row(self.tr("甲方"), e(d.centre.name)))
        parts.append(row(self.tr("乙方（老人）"), e(f"{d.resident_name}　{d.resident_gender}　{d.resident_id_number}")))
        if d.has_agent:
            parts.append(row(self.tr("丙方（代理人）"), e(f"{d.agent_name}　{d.agent_relation}　{d.agent_phone}")))
        parts.append(row(self.tr("签约人"), e(vm.signer_text(d))))
        parts.append(row(self.tr("床位"), e(d.bed_code or "—")))
        parts.append(row(self.tr("签订日期"), e(vm.fmt_date(d.signed_date))))
        parts.append(row(self.tr("合同期限"), e(self.tr("%1 至 %2").replace("%1", vm.fmt_date(d.start_date))
                                          .replace("%2", vm.fmt_date(d.end_date)))))
        parts.append(row(self.tr("现行月服务费"), f"<b>{e(format_yuan(d.monthly_fen))}</b>"))
        parts.append(row(self.tr("押金"), e(self.tr("%1（上限 %2）").replace("%1", format_yuan(d.deposit_fen))
                                       .replace("%2", format_yuan(d.deposit_cap_fen)))))
        if d.deposit_excess_fen > 0:
            msg = self.tr("押金超过上限%1，超出部分%2应退还").replace("%1", format_yuan(d.deposit_cap_fen)) \
                .replace("%2", format_yuan(d.deposit_excess_fen))
            parts.append(row("", f"<b>{e(msg)}</b>", f"color:{RED}"))
        if d.fee_override_reason:
            parts.append(row(self.tr("约定价格原因"), e(d.fee_override_reason)))
        parts.append(row(self.tr("付款方式"), e(d.payment_terms)))
        parts.append("</table>")

        parts.append(f"<h4>{e(self.tr('条款与变更'))}</h4>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' style='border-color:#d6dce4'>")
        heads = (self.tr("生效日期"), self.tr("类型"), self.tr("月服务费"), self.tr("收费"), self.tr("说明"), self.tr("同意"))
        parts.append("<tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>")
        for t in vm.term_rows(d):
            parts.append("<tr>" + "".join(
                f"<td align='right'>{e(c)}</td>" if i == 2 else f"<td>{e(c)}</td>" for i, c in enumerate(t))
                + "</tr>")
        parts.append("</table>")

        if d.termination_date is not None:
            parts.append(f"<h4>{e(self.tr('终止与结算'))}</h4><table>")
            parts.append(row(self.tr("最后服务日"), e(vm.fmt_date(d.termination_date))))
            reason = d.termination_reason + (f"（{d.termination_note}）" if d.termination_note else "")
            parts.append(row(self.tr("终止原因"), e(reason)))
            total = format_yuan(abs(d.settlement_total_fen))
            owed = d.settlement_total_fen < 0  # e.g. a care level raised after the month was billed in advance
            if d.settlement_entry_id is not None:
                state = (self.tr("按实际服务应补收%1已计入应收账款（凭证%2）") if owed
                         else self.tr("未到期费用%1已冲减应收账款（凭证%2）"))
                parts.append(row(self.tr("结算"), e(state.replace("%1", total)
                                                    .replace("%2", str(d.settlement_entry_id)))))
            elif vm.settlement_pending(d):
                state = self.tr("按实际服务应补收%1待会计记账") if owed else self.tr("未到期费用%1待会计记账")
                parts.append(row(self.tr("结算"), e(state.replace("%1", total)), f"color:{RED}"))
            else:
                parts.append(row(self.tr("结算"), e(self.tr("没有需要退还的未到期费用"))))
            if d.refund_due_fen:
                parts.append(row(self.tr("应退住户"), f"<b>{e(format_yuan(d.refund_due_fen))}</b>", f"color:{RED}"))
            parts.append("</table>")
            if d.settlement_lines:
                parts.append("<table border='1' cellspacing='0' cellpadding='3'>")
                heads = (self.tr("月份"), self.tr("项目"), self.tr("已计费"), self.tr("应收"),
                         self.tr("退还（负数为补收）"))
                parts.append("<tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>")
                for line in vm.settlement_rows(d):
                    parts.append("<tr>" + "".join(
                        f"<td align='right'>{e(c)}</td>" if i >= 2 else f"<td>{e(c)}</td>"
                        for i, c in enumerate(line)) + "</tr>")
                parts.append(f"<tr><td colspan='4'><b>{e(self.tr('合计'))}</b></td>"
                             f"<td align='right'><b>{e(format_yuan(d.settlement_total_fen))}</b></td></tr></table>")
        return "".join(parts)

    # -- actions -----------------------------------------------------------------------
    def _update_actions(self) -> None:
        actor = self.shell.ctx.actor
        d = self.current_detail()
        active = d is not None and d.status == ACTIVE
        choose = self.tr("先在列表中选择一份合同")
        if not self.can_write:
            why = no_permission(actor, Perm.RESIDENT_WRITE)
            for b in (self.sign_button, self.amend_button, self.terminate_button):
                b.setEnabled(False)
                b.setToolTip(why)
        else:
            self.sign_button.setEnabled(True)
            self.sign_button.setToolTip("")
            why = "" if active else (choose if d is None else self.tr("合同已终止"))
            for b in (self.amend_button, self.terminate_button):
                b.setEnabled(active)
                b.setToolTip(why)
        if not self.can_finance:
            self.settle_button.setEnabled(False)
            self.settle_button.setToolTip(no_permission(actor, Perm.FINANCE_WRITE))
        else:
            pending = vm.settlement_pending(d)
            self.settle_button.setEnabled(pending)
            self.settle_button.setToolTip("" if pending else self.tr("仅在已终止合同的结算待记账时可用"))
        if not self.can_print:
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(no_permission(actor, Perm.PRINT))
            self.preview_button.setEnabled(False)
            self.preview_button.setToolTip(no_permission(actor, Perm.PRINT))
        else:
            self.print_button.setEnabled(d is not None)
            self.print_button.setToolTip("" if d is not None else choose)
            self.preview_button.setEnabled(d is not None)

    def _open(self, dlg):
        self.dialog = dlg
        dlg.open()
        return dlg

    def _inform(self, title: str, text: str, print_id: int | None = None) -> QMessageBox:
        """A non-blocking message; with ``print_id`` it offers 打印合同."""
        self.last_message = text
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if print_id is not None and self.can_print:
            pb = box.addButton(self.tr("打印合同…"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(pb)
            pb.clicked.connect(lambda: self.print_contract(print_id))
        self.last_box = box
        box.open()
        return box

    def sign(self, resident_id: int | None = None) -> None:
        """Load who may sign (in residence, no current contract), then open the dialog."""
        if not self.can_write:
            return
        self._call(load_signable, on_done=lambda rows: self._open_sign(rows, resident_id))

    def _open_sign(self, rows, resident_id: int | None) -> SignContractDialog:
        dlg = SignContractDialog(self.shell, rows, self, resident_id=resident_id)
        dlg.accepted.connect(lambda: self._signed(dlg))
        return self._open(dlg)

    def _signed(self, dlg: SignContractDialog) -> None:
        ch = dlg.result_value
        if ch is None or not ch.ids:
            return
        cid = ch.ids[0]
        self._select_id = cid
        if self.status.currentData() == vm.FILTER_TERMINATED:
            self.status.setCurrentIndex(self.status.findData(vm.FILTER_ACTIVE))

        def show(d: ContractDetail) -> None:
            text = ch.message + "\n\n" + self.tr("收费快照：") + vm.term_fees_text(d.signed_term)
            self._inform(self.tr("合同已签订"), text, print_id=cid)

        self._call(contracts.get_contract, cid, on_done=show)

    def amend(self) -> AmendContractDialog | None:
        d = self.current_detail()
        if not self.can_write or d is None or d.status != ACTIVE:
            return None
        dlg = AmendContractDialog(self.shell, d, self)
        dlg.accepted.connect(lambda: self._changed(dlg, self.tr("合同已变更")))
        return self._open(dlg)

    def terminate(self) -> TerminateContractDialog | None:
        d = self.current_detail()
        if not self.can_write or d is None or d.status != ACTIVE:
            return None
        dlg = TerminateContractDialog(self.shell, d, self)
        dlg.accepted.connect(lambda: self._changed(dlg, self.tr("合同已终止")))
        return self._open(dlg)

    def _changed(self, dlg, title: str) -> None:
        ch = dlg.result_value
        if ch is not None and ch.message:
            self._inform(title, ch.message)

    def post_settlement(self) -> None:
        d = self.current_detail()
        if not self.can_finance or not vm.settlement_pending(d):
            return
        self._call(contracts.post_settlement, d.id,
                        on_done=lambda ch: self._inform(self.tr("终止结算已记账"), ch.message))

    def print_contract(self, contract_id: int | None = None, path: str | None = None,
                       offer_open: bool = True) -> None:
        """Save the contract PDF (written and audited on the database thread)."""
        if not self.can_print:
            return
        d = self.current_detail()
        cid = contract_id if contract_id is not None else (d.id if d else None)
        if cid is None:
            return
        if path is not None:
            self._write_pdf(cid, path, offer_open)
            return
        self._call(contracts.get_contract, cid, on_done=lambda d: self._ask_path(d, offer_open))

    def preview_contract(self) -> None:
        """The selected contract on a printer, with a preview."""
        d = self.current_detail()
        if not self.can_print or d is None:
            return
        from ..printing import print_via_service

        print_via_service(self, self.shell, contracts.contract_pdf, d.id, title=f"服务合同{d.number}", kind="a4")

    def _ask_path(self, d: ContractDetail, offer_open: bool) -> None:
        path = save_file_path(self, self.tr("保存服务合同"), vm.pdf_name(d.number, d.resident_name),
                              self.tr("PDF 文件 (*.pdf)"))
        if path:
            self._write_pdf(d.id, path, offer_open)

    def _write_pdf(self, cid: int, path: str, offer_open: bool) -> None:
        def done(written) -> None:
            out = str(written.path)
            self.last_pdf_path = out
            self.shell.notify(self.tr("服务合同已保存：%1").replace("%1", out))
            self.pdf_written.emit(out)
            if offer_open:
                self._offer_open(out)

        self._call(contracts.contract_pdf, cid, path, on_done=done)

    def _offer_open(self, path: str) -> None:
        self.last_box = offer_open(self, path, self.tr("服务合同已保存"))
