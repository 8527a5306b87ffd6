"""审计日志 page: the append-only, hash-chained audit trail, filtered, with a
before → after detail and a chain check."""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.records import AuditEntry
from ...domain.roles import Perm
from ...services import audit
from ...viewmodels import audit as vm
from ..base import Page, Shell
from ..i18n import no_permission, perm_name, role_name
from ..tablemodel import SnapshotModel
from ..widgets import date_edit, from_qdate, offer_open, page_title, save_file_path

LIMIT = 5000


def entity_labels() -> dict[str, str]:
    """Chinese names of every entity the services write to the audit trail."""
    return {
        "resident": QCoreApplication.translate("AuditPage", "住户"),
        "user": QCoreApplication.translate("AuditPage", "用户"),
        "room": QCoreApplication.translate("AuditPage", "房间"),
        "bed": QCoreApplication.translate("AuditPage", "床位"),
        "centre": QCoreApplication.translate("AuditPage", "机构"),
        "database": QCoreApplication.translate("AuditPage", "数据库"),
        "assessment": QCoreApplication.translate("AuditPage", "能力评估"),
        "care_level_change": QCoreApplication.translate("AuditPage", "照护等级变更"),
        "setting": QCoreApplication.translate("AuditPage", "设置"),
        "roster": QCoreApplication.translate("AuditPage", "住户名册"),
        "journal_entry": QCoreApplication.translate("AuditPage", "记账凭证"),
        "journal": QCoreApplication.translate("AuditPage", "记账凭证"),
        "fee_item": QCoreApplication.translate("AuditPage", "收费项目"),
        "fee_price": QCoreApplication.translate("AuditPage", "收费标准"),
        "period": QCoreApplication.translate("AuditPage", "会计期间"),
        "period_close": QCoreApplication.translate("AuditPage", "结账"),
        "contract": QCoreApplication.translate("AuditPage", "合同"),
        "receipt": QCoreApplication.translate("AuditPage", "收据"),
        "bill_run": QCoreApplication.translate("AuditPage", "计费"),
        "audit_log": QCoreApplication.translate("AuditPage", "审计日志"),
    }


def field_labels() -> dict[str, str]:
    return {
        "building": QCoreApplication.translate("AuditPage", "楼栋"),
        "floor": QCoreApplication.translate("AuditPage", "楼层"),
        "number": QCoreApplication.translate("AuditPage", "编号"),
        "room_type": QCoreApplication.translate("AuditPage", "房间类型"),
        "beds": QCoreApplication.translate("AuditPage", "床位"),
        "notes": QCoreApplication.translate("AuditPage", "备注"),
        "room": QCoreApplication.translate("AuditPage", "房间"),
        "label": QCoreApplication.translate("AuditPage", "床位号"),
        "bed_type": QCoreApplication.translate("AuditPage", "床位类型"),
        "active": QCoreApplication.translate("AuditPage", "启用"),
        "username": QCoreApplication.translate("AuditPage", "用户名"),
        "display_name": QCoreApplication.translate("AuditPage", "姓名"),
        "role": QCoreApplication.translate("AuditPage", "角色"),
        "name": QCoreApplication.translate("AuditPage", "名称"),
        "gender": QCoreApplication.translate("AuditPage", "性别"),
        "id_number": QCoreApplication.translate("AuditPage", "身份证号"),
        "birth_date": QCoreApplication.translate("AuditPage", "出生日期"),
        "hukou": QCoreApplication.translate("AuditPage", "户籍"),
        "phone": QCoreApplication.translate("AuditPage", "电话"),
        "address": QCoreApplication.translate("AuditPage", "地址"),
        "categories": QCoreApplication.translate("AuditPage", "类别"),
        "status": QCoreApplication.translate("AuditPage", "状态"),
        "contacts": QCoreApplication.translate("AuditPage", "联系人"),
        "admission_date": QCoreApplication.translate("AuditPage", "入住日期"),
        "bed_id": QCoreApplication.translate("AuditPage", "床位"),
        "first_day": QCoreApplication.translate("AuditPage", "首日"),
        "reason": QCoreApplication.translate("AuditPage", "原因"),
        "expected_return": QCoreApplication.translate("AuditPage", "预计返院"),
        "leave": QCoreApplication.translate("AuditPage", "请假"),
        "from": QCoreApplication.translate("AuditPage", "起始日期"),
        "credit_code": QCoreApplication.translate("AuditPage", "统一社会信用代码"),
        "kind": QCoreApplication.translate("AuditPage", "机构性质"),
        "policy_profile": QCoreApplication.translate("AuditPage", "政策配置"),
        "legal_representative": QCoreApplication.translate("AuditPage", "法定代表人"),
        "approved_beds": QCoreApplication.translate("AuditPage", "核定床位数"),
        "escrow_bank": QCoreApplication.translate("AuditPage", "开户银行"),
        "escrow_account_name": QCoreApplication.translate("AuditPage", "户名"),
        "escrow_account_no": QCoreApplication.translate("AuditPage", "账号"),
        "locked_until": QCoreApplication.translate("AuditPage", "锁定至"),
        "last_day": QCoreApplication.translate("AuditPage", "最后一天"),
        "base_date": QCoreApplication.translate("AuditPage", "评估基准日期"),
        "care_level": QCoreApplication.translate("AuditPage", "照护等级"),
        "final_grade": QCoreApplication.translate("AuditPage", "最终等级"),
        "instrument": QCoreApplication.translate("AuditPage", "评估工具"),
        "resident_id": QCoreApplication.translate("AuditPage", "住户"),
        "resident": QCoreApplication.translate("AuditPage", "住户"),
        "scores": QCoreApplication.translate("AuditPage", "各项得分"),
        "total": QCoreApplication.translate("AuditPage", "总分"),
        "bed": QCoreApplication.translate("AuditPage", "床位"),
        "interval": QCoreApplication.translate("AuditPage", "复评间隔（月）"),
        "care_levels": QCoreApplication.translate("AuditPage", "等级对应照护等级"),
        "consent_by": QCoreApplication.translate("AuditPage", "同意人"),
        "consent_date": QCoreApplication.translate("AuditPage", "同意日期"),
        "relation": QCoreApplication.translate("AuditPage", "与住户关系"),
        "requested_on": QCoreApplication.translate("AuditPage", "申请日期"),
        "supersedes": QCoreApplication.translate("AuditPage", "更正的评估"),
        "file": QCoreApplication.translate("AuditPage", "文件"),
        "rows": QCoreApplication.translate("AuditPage", "记录数"),
        "sha256": QCoreApplication.translate("AuditPage", "文件校验值（SHA-256）"),
        "include_left": QCoreApplication.translate("AuditPage", "包括已离院住户"),
        "to": QCoreApplication.translate("AuditPage", "截止日期"),
        "period": QCoreApplication.translate("AuditPage", "会计期间"),
        "safety_copy": QCoreApplication.translate("AuditPage", "安全副本"),
        "level": QCoreApplication.translate("AuditPage", "照护等级"),
        "effective": QCoreApplication.translate("AuditPage", "生效日期"),
        "date": QCoreApplication.translate("AuditPage", "日期"),
        "day": QCoreApplication.translate("AuditPage", "日期"),
        "start": QCoreApplication.translate("AuditPage", "开始日期"),
        "end": QCoreApplication.translate("AuditPage", "结束日期"),
        "note": QCoreApplication.translate("AuditPage", "备注"),
        "description": QCoreApplication.translate("AuditPage", "说明"),
        "code": QCoreApplication.translate("AuditPage", "代码"),
        "amount_fen": QCoreApplication.translate("AuditPage", "金额"),
        "total_fen": QCoreApplication.translate("AuditPage", "合计"),
        "unit_fen": QCoreApplication.translate("AuditPage", "单价"),
        "price": QCoreApplication.translate("AuditPage", "价格"),
        "unit": QCoreApplication.translate("AuditPage", "单位"),
        "quantity": QCoreApplication.translate("AuditPage", "数量"),
        "method": QCoreApplication.translate("AuditPage", "方式"),
        "payer": QCoreApplication.translate("AuditPage", "付款人"),
        "reference": QCoreApplication.translate("AuditPage", "参考号"),
        "memo": QCoreApplication.translate("AuditPage", "摘要"),
        "entry_id": QCoreApplication.translate("AuditPage", "凭证"),
        "entry_ids": QCoreApplication.translate("AuditPage", "凭证"),
        "entries": QCoreApplication.translate("AuditPage", "凭证"),
        "lines": QCoreApplication.translate("AuditPage", "分录"),
        "reverses": QCoreApplication.translate("AuditPage", "红冲的凭证"),
        "receipt_id": QCoreApplication.translate("AuditPage", "收据"),
        "voided": QCoreApplication.translate("AuditPage", "已作废"),
        "void_date": QCoreApplication.translate("AuditPage", "作废日期"),
        "void_entry_id": QCoreApplication.translate("AuditPage", "作废凭证"),
        "contract": QCoreApplication.translate("AuditPage", "合同"),
        "contracts": QCoreApplication.translate("AuditPage", "合同"),
        "signer": QCoreApplication.translate("AuditPage", "签约人"),
        "term": QCoreApplication.translate("AuditPage", "期限"),
        "deposit": QCoreApplication.translate("AuditPage", "押金"),
        "refund": QCoreApplication.translate("AuditPage", "退款"),
        "ids": QCoreApplication.translate("AuditPage", "编号"),
        "residents": QCoreApplication.translate("AuditPage", "住户"),
        "rooms": QCoreApplication.translate("AuditPage", "房间"),
        "stays": QCoreApplication.translate("AuditPage", "入住记录"),
        "leaves": QCoreApplication.translate("AuditPage", "请假记录"),
        "bed_assignments": QCoreApplication.translate("AuditPage", "床位记录"),
        "status_events": QCoreApplication.translate("AuditPage", "状态变化"),
        "events": QCoreApplication.translate("AuditPage", "事件"),
        "source": QCoreApplication.translate("AuditPage", "来源"),
        "roster_row": QCoreApplication.translate("AuditPage", "名册行"),
        "key": QCoreApplication.translate("AuditPage", "设置项"),
        "nursing_beds": QCoreApplication.translate("AuditPage", "护理型床位"),
        "monthly": QCoreApplication.translate("AuditPage", "每月"),
        "meals": QCoreApplication.translate("AuditPage", "餐费"),
        "care": QCoreApplication.translate("AuditPage", "照护费"),
        "balance": QCoreApplication.translate("AuditPage", "余额"),
        "cap": QCoreApplication.translate("AuditPage", "上限"),
        "rule": QCoreApplication.translate("AuditPage", "规则"),
        "override": QCoreApplication.translate("AuditPage", "人工调整"),
        "notice": QCoreApplication.translate("AuditPage", "通知"),
        "by_kind": QCoreApplication.translate("AuditPage", "按类别"),
        "to_prepaid": QCoreApplication.translate("AuditPage", "转入预收"),
        "to_receivable": QCoreApplication.translate("AuditPage", "转入应收"),
        "prepaid_applied_fen": QCoreApplication.translate("AuditPage", "冲抵预收"),
        "deposit_excess": QCoreApplication.translate("AuditPage", "押金超额"),
        "contracts_changed": QCoreApplication.translate("AuditPage", "变更的合同"),
        "entry": QCoreApplication.translate("AuditPage", "凭证"),
        "debit": QCoreApplication.translate("AuditPage", "借方"),
        "credit": QCoreApplication.translate("AuditPage", "贷方"),
        "claimed": QCoreApplication.translate("AuditPage", "申报金额"),
        "approved": QCoreApplication.translate("AuditPage", "批准金额"),
        "amount": QCoreApplication.translate("AuditPage", "金额"),
        "filter": QCoreApplication.translate("AuditPage", "筛选条件"),
    }


def verify_chain(ctx):
    """Runs on the database thread: the chain, every sealed money/permission
    row and the local anchor (services.integrity); a clean check notes the
    current anchor outside the database. Returns (report, anchor token)."""
    from ...services import anchor, integrity

    rep = integrity.verify(ctx.app)
    token = ""
    if rep.ok:
        try:
            token = anchor.record(ctx.app).token
        except OSError:
            pass
    return rep, token


class AuditModel(SnapshotModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._labels = entity_labels()
        self._fields = field_labels()
        self.broken_seq: int | None = None
        self.accounts: dict[str, str] = {}  # ledger code → name (the centre's own accounts too)

    def account_name(self, code: str) -> str:
        return self.accounts.get(code) or vm.chart_account_name(code)

    def set_accounts(self, names: dict[str, str]) -> None:
        self.accounts = dict(names)

    def header_texts(self) -> list[str]:
        return [self.tr("序号"), self.tr("时间"), self.tr("用户"), self.tr("操作"), self.tr("对象"),
                self.tr("对象编号"), self.tr("修改前"), self.tr("修改后")]

    def entity_label(self, entity: str) -> str:
        return self._labels.get(entity, entity)

    def entity_names(self) -> dict[str, str]:
        return dict(self._labels)

    def set_entries(self, rows: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.rows = vm.newest_first(rows)
        self.endResetModel()

    def set_broken(self, seq: int | None) -> None:
        self.broken_seq = seq
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(vm.COLUMNS) - 1))

    def entry(self, row: int) -> AuditEntry:
        return self.rows[row]

    def row_of(self, seq: int) -> int:
        return next((i for i, e in enumerate(self.rows) if e.seq == seq), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        e = self.rows[index.row()]
        col = vm.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return vm.cell(e, col, self.entity_label, self._fields, self.account_name)
        if role == Qt.ItemDataRole.ToolTipRole and col in ("before", "after"):
            text = vm.readable(getattr(e, col), self._fields, self.entity_label, e.entity, self.account_name)
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("seq", "entity_id"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.broken_seq is not None and e.seq == self.broken_seq:
                return QColor("#c62828")
            if col in ("before", "after", "seq"):
                return QColor("#52606d")
        if role == Qt.ItemDataRole.BackgroundRole and self.broken_seq is not None and e.seq == self.broken_seq:
            return QColor("#fdecea")
        return None


class AuditPage(Page):
    #: every write is audited, so any change may add rows
    watches = frozenset({"resident", "user", "room", "bed", "centre", "database", "contract", "billing",
                         "payment", "deposit", "ledger", "settings", "subsidy", "assessment"})

    PERIODS = ("all", "today", "7", "30", "month", "custom")

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.can_read = shell.ctx.actor.can(Perm.AUDIT_READ)
        self.model = AuditModel(self)
        self._req = 0
        self.loading = False
        self.chain: tuple[int, int | None] | None = None  # (rows checked, first broken seq)
        self._fields = field_labels()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(8)
        head = QHBoxLayout()
        title = page_title(self.tr("审计日志"))
        head.addWidget(title)
        sub = QLabel(self.tr("每一次修改都会记录：谁、何时、改了什么。记录只增不改，并以哈希链防篡改。"))
        sub.setStyleSheet("color: #7b8794;")
        head.addWidget(sub)
        head.addStretch(1)
        self.chain_label = QLabel("")
        head.addWidget(self.chain_label)
        self.data_label = QLabel("")  # sealed money/permission rows against the trail
        head.addWidget(self.data_label)
        self.verify_button = QPushButton(self.tr("校验审计链"))
        self.verify_button.clicked.connect(self.verify)
        head.addWidget(self.verify_button)
        outer.addLayout(head)

        self.table = QTableView()
        if not self.can_read:
            actor = shell.ctx.actor
            note = QLabel(self.tr("审计日志只对管理员、会计和审计人员开放。您的角色（%1）没有“%2”的权限。")
                          .replace("%1", role_name(actor.role)).replace("%2", perm_name(Perm.AUDIT_READ)))
            note.setWordWrap(True)
            note.setObjectName("auditNote")
            note.setStyleSheet("#auditNote { background: white; border: 1px solid #d6dce4; border-radius: 8px;"
                               " padding: 16px; color: #52606d; }")
            self.note = note
            outer.addWidget(note)
            outer.addStretch(1)
            self.verify_button.setEnabled(False)
            self.verify_button.setToolTip(note.text())
            self.table.setVisible(False)
            return

        # filters
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("用户")))
        self.user_filter = QComboBox()
        self.user_filter.addItem(self.tr("全部用户"), "")
        self.user_filter.setMinimumWidth(110)
        bar.addWidget(self.user_filter)
        bar.addWidget(QLabel(self.tr("对象")))
        self.entity_filter = QComboBox()
        self.entity_filter.addItem(self.tr("全部对象"), "")
        for key in vm.ENTITIES:
            self.entity_filter.addItem(self.model.entity_label(key), key)
        bar.addWidget(self.entity_filter)
        bar.addWidget(QLabel(self.tr("时间")))
        self.period = QComboBox()
        for key, text in zip(self.PERIODS, (self.tr("全部"), self.tr("今天"), self.tr("最近7天"),
                                            self.tr("最近30天"), self.tr("本月"), self.tr("指定日期…"))):
            self.period.addItem(text, key)
        bar.addWidget(self.period)
        today = shell.ctx.today()
        self.date_from = date_edit(today - dt.timedelta(days=30))
        self.date_to = date_edit(today)
        self.date_dash = QLabel("—")
        for w in (self.date_from, self.date_dash, self.date_to):
            w.setVisible(False)
            bar.addWidget(w)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("搜索操作或修改内容，如 姓名、房间号"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMinimumWidth(240)
        bar.addWidget(self.text_filter, 1)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        # the filtered trail as a workbook or a printout (both audited by the service)
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.export_button.setToolTip(self.tr("把当前筛选出的审计记录导出为Excel工作簿"))
        self.export_button.clicked.connect(self.export_xlsx)
        bar.addWidget(self.export_button)
        self.print_button = QPushButton(self.tr("打印PDF…"))
        self.print_button.setToolTip(self.tr("把当前筛选出的审计记录生成PDF，用于打印"))
        self.print_button.clicked.connect(self.export_pdf)
        bar.addWidget(self.print_button)
        if not shell.ctx.actor.can(Perm.PRINT):
            for b in (self.export_button, self.print_button):
                b.setEnabled(False)
                b.setToolTip(no_permission(shell.ctx.actor, Perm.PRINT))
        outer.addLayout(bar)

        self.count = QLabel("")
        self.count.setStyleSheet("color: #7b8794;")
        outer.addWidget(self.count)

        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(True)
        for col, w in enumerate((56, 150, 80, 130, 56, 72, 300, 300)):
            self.table.setColumnWidth(col, w)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_detail(cur.row()))

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("选择一条记录，查看修改前后逐项对比。"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.user_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.entity_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(lambda _d: self._debounce.start())
        self.date_to.dateChanged.connect(lambda _d: self._debounce.start())
        self.text_filter.textChanged.connect(lambda _t: self._debounce.start())

    # -- filters ---------------------------------------------------------------------
    def _period_changed(self, _i: int) -> None:
        custom = self.period.currentData() == "custom"
        for w in (self.date_from, self.date_dash, self.date_to):
            w.setVisible(custom)
        self.reload()

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        today = self.shell.ctx.today()
        p = self.period.currentData()
        if p == "today":
            return today, today
        if p in ("7", "30"):
            return today - dt.timedelta(days=int(p) - 1), today
        if p == "month":
            return today.replace(day=1), today
        if p == "custom":
            return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        return None, None

    def current_filter(self) -> audit.AuditFilter:
        start, end = self.date_range()
        return audit.AuditFilter(user=self.user_filter.currentData() or "",
                                 entity=self.entity_filter.currentData() or "",
                                 date_from=start, date_to=end, text=self.text_filter.text().strip(), limit=LIMIT)

    def clear_filters(self) -> None:
        for w in (self.user_filter, self.entity_filter, self.period, self.text_filter):
            w.blockSignals(True)
        self.user_filter.setCurrentIndex(0)
        self.entity_filter.setCurrentIndex(0)
        self.period.setCurrentIndex(0)
        self.text_filter.clear()
        for w in (self.user_filter, self.entity_filter, self.period, self.text_filter):
            w.blockSignals(False)
        self._period_changed(0)

    # -- data ------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.can_read:
            return
        self._debounce.stop()
        self._req += 1
        req = self._req
        self.loading = True
        self.shell.call(self._load, self.current_filter(), on_done=lambda result: self._on_loaded(req, result))

    @staticmethod
    def _load(ctx, f: audit.AuditFilter) -> tuple[list[AuditEntry], list[str], dict[str, str]]:
        return audit.list_entries(ctx, f), audit.audit_users(ctx), audit.account_names(ctx)

    def _on_loaded(self, req: int, result: tuple) -> None:
        if req != self._req:  # a newer filter is on its way
            return
        self.loading = False
        rows, users = result[0], result[1]
        if len(result) > 2:
            self.model.set_accounts(result[2])
        self._fill_users(users)
        current = self.table.currentIndex()
        seq = self.model.entry(current.row()).seq if current.isValid() and self.model.rowCount() else None
        self.model.set_entries(rows)
        n = len(rows)
        text = self.tr("共 %1 条").replace("%1", str(n))
        if n >= LIMIT:
            text += self.tr("（只显示最近的%1条，请缩小筛选范围）").replace("%1", str(LIMIT))
        self.count.setText(text)
        row = self.model.row_of(seq) if seq is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_detail(-1)

    def _fill_users(self, users: list[str]) -> None:
        current = self.user_filter.currentData()
        existing = [self.user_filter.itemData(i) for i in range(1, self.user_filter.count())]
        if existing == users:
            return
        self.user_filter.blockSignals(True)
        while self.user_filter.count() > 1:
            self.user_filter.removeItem(1)
        for u in users:
            self.user_filter.addItem(u, u)
        i = self.user_filter.findData(current)
        self.user_filter.setCurrentIndex(max(0, i))
        self.user_filter.blockSignals(False)

    # -- detail ------------------------------------------------------------------------
    def _show_detail(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.detail.clear()
            return
        self.detail.setHtml(self.detail_html(self.model.entry(row)))

    def detail_html(self, e: AuditEntry) -> str:
        esc = html.escape
        entity = self.model.entity_label(e.entity)
        head = (f'<p style="font-size:13pt; font-weight:bold; margin:0">#{e.seq}&nbsp;&nbsp;{esc(e.action)}</p>'
                f'<p style="color:#52606d; margin-top:2px">{esc(vm.at_text(e.at))}&nbsp;&nbsp;·&nbsp;&nbsp;'
                f'{esc(self.tr("用户"))} {esc(e.user)}&nbsp;&nbsp;·&nbsp;&nbsp;{esc(entity)} '
                f'{esc(e.entity_id)}</p>')
        rows = vm.diff(e.before, e.after, self.model.entity_label, e.entity, self.model.account_name)
        if not rows:
            return head + f'<p style="color:#7b8794">{esc(self.tr("这条记录没有修改前后的内容。"))}</p>'
        style = {
            vm.DiffKind.CHANGED: ("#fdecea", "#e8f5e9", self.tr("修改")),
            vm.DiffKind.ADDED: ("", "#e8f5e9", self.tr("新增")),
            vm.DiffKind.REMOVED: ("#fdecea", "", self.tr("删除")),
            vm.DiffKind.SAME: ("", "", ""),
        }
        out = [head, '<table cellspacing="0" cellpadding="5" width="100%" '
                     'style="border-collapse:collapse; border:1px solid #d6dce4">',
               '<tr style="background:#f3f5f8">'
               f'<th align="left" width="22%">{esc(self.tr("项目"))}</th>'
               f'<th align="left" width="36%">{esc(self.tr("修改前"))}</th>'
               f'<th align="left" width="36%">{esc(self.tr("修改后"))}</th>'
               f'<th align="left" width="6%"></th></tr>']
        for r in rows:
            bg_b, bg_a, tag = style[r.kind]
            colour = "#9aa5b1" if r.kind is vm.DiffKind.SAME else "#1f2933"
            label = self._fields.get(r.key, "")
            key = (f'{esc(label)} <span style="color:#9aa5b1">{esc(r.key)}</span>' if label else esc(r.key or "—"))
            out.append(
                f'<tr style="color:{colour}"><td>{key}</td>'
                f'<td style="background:{bg_b or "transparent"}">{esc(r.before)}</td>'
                f'<td style="background:{bg_a or "transparent"}">{esc(r.after)}</td>'
                f'<td style="color:#7b8794">{esc(tag)}</td></tr>')
        out.append("</table>")
        return "".join(out)

    # -- export and print ------------------------------------------------------------------
    def choose_save(self, title: str, name: str, pattern: str) -> str | None:
        """Where to save (tests replace this)."""
        return save_file_path(self, title, name, pattern)

    def export_xlsx(self) -> None:
        self._export(audit.export_xlsx, self.tr("导出审计日志"), "xlsx", self.tr("Excel 工作簿 (*.xlsx)"))

    def export_pdf(self) -> None:
        self._export(audit.export_pdf, self.tr("打印审计日志"), "pdf", self.tr("PDF 文件 (*.pdf)"))

    def _export(self, fn, title: str, ext: str, pattern: str) -> None:
        if not self.can_read:
            return
        name = f"{self.tr('审计日志')}_{self.shell.ctx.today():%Y%m%d}.{ext}"
        path = self.choose_save(title, name, pattern)
        if not path:
            return
        f = self.current_filter()
        self.shell.call(fn, path, f, self.model.entity_names(), self._fields,
                        on_done=lambda w: self._exported(w, title))

    def _exported(self, written, title: str) -> None:
        self.last_export = written
        self.shell.notify(self.tr("已保存：%1").replace("%1", str(written.path)))
        if self.isVisible():
            self.open_box = offer_open(self, str(written.path), title)

    # -- chain ---------------------------------------------------------------------------
    def verify(self) -> None:
        if not self.can_read:
            return
        self.verify_button.setEnabled(False)
        self.chain_label.setText(self.tr("正在校验…"))
        self.chain_label.setStyleSheet("color: #7b8794;")
        self.shell.call(verify_chain, on_done=self._verified, on_error=self._verify_failed)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.chain_label.setText("")
        self.shell.show_error(exc)

    def _verified(self, result) -> None:
        self.verify_button.setEnabled(True)
        rep, token = result
        self.chain = (rep.rows, rep.broken_seq)
        rows = [f for f in rep.findings if f.kind in ("changed", "added", "deleted")]
        others = [f for f in rep.findings if f.kind not in ("changed", "added", "deleted")]
        if rows:
            self.data_label.setText(self.tr("✗ %1处金额或权限数据与审计记录不符").replace("%1", str(len(rows))))
            self.data_label.setStyleSheet("color: #c62828; font-weight: bold;")
            self.data_label.setToolTip("\n".join(f.message for f in rows[:20]))
            # each finding in full where the eye goes next: the detail pane
            self.table.clearSelection()
            self.detail.setPlainText("\n".join(
                [self.tr("校验发现以下数据被直接改动（与审计记录不符），请核查："), ""]
                + [f"• {f.message}" for f in rows[:500]]))
        else:
            self.data_label.setText(self.tr("✓ 金额与权限数据一致（%1行）").replace("%1", str(rep.sealed_rows)))
            self.data_label.setStyleSheet("color: #2e7d32;")
            self.data_label.setToolTip(self.tr("当前锚点：%1（可抄下，日后用 eldercare audit verify --anchor 核对）")
                                       .replace("%1", token) if token else "")
        if not others:
            self.chain_label.setText(self.tr("✓ 审计链完整（%1条）").replace("%1", str(rep.rows)))
            self.chain_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
            self.chain_label.setToolTip("\n".join(rep.notes))
            self.model.set_broken(None)
            return
        self.chain_label.setText(self.tr("✗ 审计链异常：%1").replace("%1", others[0].message))
        self.chain_label.setStyleSheet("color: #c62828; font-weight: bold;")
        tip = self.tr("校验了%1条记录。").replace("%1", str(rep.rows))
        if rep.broken_seq is not None:
            tip += self.tr("第一处异常在第%1条。").replace("%1", str(rep.broken_seq))
        self.chain_label.setToolTip("\n".join([tip] + [f.message for f in others[1:10]]))
        self.model.set_broken(rep.broken_seq)
        if rep.broken_seq is None:
            return
        row = self.model.row_of(rep.broken_seq)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def changed_elsewhere(self, entities: frozenset[str]) -> bool:
        """Every write on another PC adds audit rows (a printout or an export too)."""
        return bool(entities)

    def on_changes(self, changes) -> None:
        """Every write adds audit rows: reload (or mark stale) on any change."""
        if not changes.entities:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True
