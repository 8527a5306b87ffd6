"""The 申报 tab's dialogs: 新建申报 (choose a scheme of the centre's
profile and a period, see every row computed live on the database thread,
then save a draft), 登记批准, 登记到账 and 撤回. Each saves through one
service call; a rule it breaks is shown at its field and the dialog stays
open. Money is typed as yuan and read with domain.money (never float)."""
from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, RuleViolation
from ...domain.money import format_yuan, yuan_to_fen
from ...viewmodels import subsidies as vm
from ..base import LazyService, Shell
from ..widgets import ERROR_STYLE, ServiceDialog, date_edit, from_qdate
from .subsidy_result import ResultView, esc

subsidies = LazyService("subsidies")
NOTE_STYLE = "color: #555;"


def plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _claim_line(claim: Any) -> str:
    return f"{claim.number}　{claim.scheme_name}　{claim.period}"


class ClaimWizard(ServiceDialog):
    """新建申报: scheme, period (the scheme's latest ended period by default),
    note; the rows, tests, amounts and totals recomputed live (off the GUI
    thread) whenever the scheme or period changes; 建立草稿 saves the draft."""

    def __init__(self, shell: Shell, parent: QWidget | None = None, scheme: str | None = None):
        super().__init__(shell, self.tr("新建补贴申报"), parent)
        self.want_scheme = scheme
        self.schemes: list = []
        self._seq = 0
        self._loading = False
        self.last_error = ""
        self.previews = 0  # previews shown (tests wait on it)
        self.scheme = QComboBox(self)
        self.scheme.setMinimumWidth(420)
        self.first = QComboBox(self)
        self.last = QComboBox(self)
        months = vm.month_choices(shell.ctx.today())
        for combo in (self.first, self.last):
            combo.addItems(months)
            combo.setMaxVisibleItems(16)
        self.suggested = QLabel(self)
        self.suggested.setStyleSheet(NOTE_STYLE)
        period = QWidget(self)
        pl = QHBoxLayout(period)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.first)
        pl.addWidget(QLabel(self.tr("至"), period))
        pl.addWidget(self.last)
        pl.addSpacing(12)
        pl.addWidget(self.suggested, 1)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("可选，如：经办人、报送单位"))
        self.form.add_row("scheme", self.tr("补贴方案"), self.scheme)
        self.form.add_row("period", self.tr("申报期间"), period, aliases=("rows",))
        self.form.add_row("note", self.tr("备注"), self.note)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setStyleSheet(NOTE_STYLE)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.result = ResultView(self)
        self.main_layout.addWidget(self.info)
        self.main_layout.addWidget(self.status)
        self.main_layout.addWidget(self.result, 1)
        self.ok_button.setText(self.tr("建立草稿"))
        self.finish_layout()
        self.resize(1180, 680)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.preview)
        self.scheme.currentIndexChanged.connect(lambda _i: self._scheme_changed())
        self.first.currentIndexChanged.connect(lambda _i: self._period_changed(self.first))
        self.last.currentIndexChanged.connect(lambda _i: self._period_changed(self.last))
        self.status.setText(self.tr("正在读取补贴方案…"))
        shell.call(subsidies.schemes, on_done=self._schemes, on_error=self._load_failed)

    # -- schemes and periods ------------------------------------------------------------
    def _schemes(self, schemes) -> None:
        if not shiboken6.isValid(self):
            return
        self.schemes = list(schemes)
        self._loading = True
        self.scheme.clear()
        for s in self.schemes:
            self.scheme.addItem(f"{s.name}（{s.kind}）", s.code)
        self._loading = False
        if not self.schemes:
            self.status.setText(self.tr("机构的政策配置没有补贴方案：请在“设置 → 机构信息”中选择所在地区"))
            self.status.setStyleSheet(ERROR_STYLE)
            self.ok_button.setEnabled(False)
            return
        i = self.scheme.findData(self.want_scheme) if self.want_scheme else 0
        self.scheme.setCurrentIndex(max(i, 0))
        self._scheme_changed()

    def _load_failed(self, exc: BaseException) -> None:
        self._show_error(exc)
        self.ok_button.setEnabled(False)

    def current_scheme(self):
        code = self.scheme.currentData()
        return next((s for s in self.schemes if s.code == code), None)

    def _scheme_changed(self) -> None:
        if self._loading:
            return
        sc = self.current_scheme()
        if sc is None:
            return
        parts = [esc(self.tr("依据：%1").replace("%1", sc.source))] if sc.source else []
        parts.append(esc(self.tr("出资方：%1　补贴层级：%2").replace("%1", "、".join(sc.funders))
                         .replace("%2", "、".join(sc.layers))))
        if sc.attachments:
            parts.append(esc(self.tr("申报材料：%1").replace("%1", "、".join(sc.attachments))))
        self.info.setText("<br/>".join(parts))
        self._seq += 1  # a preview of the scheme before is no longer wanted
        self.result.clear()
        self.status.setText(self.tr("正在计算…"))
        self.status.setStyleSheet(NOTE_STYLE)
        self.shell.call(subsidies.suggested_period, sc.code, on_done=lambda p, code=sc.code: self._period(code, p),
                        on_error=self._show_error)

    def _period(self, code: str, period: tuple[str, str]) -> None:
        if not shiboken6.isValid(self) or code != self.scheme.currentData():
            return
        first, last = period
        self._loading = True
        for combo, m in ((self.first, first), (self.last, last)):
            if combo.findText(m) < 0:
                combo.addItem(m)
            combo.setCurrentIndex(combo.findText(m))
        self._loading = False
        self.suggested.setText(self.tr("默认为最近一个已结束的申报期"))
        self.preview()

    def _period_changed(self, combo: QComboBox) -> None:
        if self._loading:
            return
        # keep first ≤ last: moving one end past the other moves the other along
        f, last = self.first.currentText(), self.last.currentText()
        if f > last:
            self._loading = True
            (self.last if combo is self.first else self.first).setCurrentText(f if combo is self.first else last)
            self._loading = False
        self.suggested.setText("")
        self.schedule()

    def period(self) -> tuple[str, str]:
        return self.first.currentText(), self.last.currentText()

    # -- the live preview ----------------------------------------------------------------
    def schedule(self) -> None:
        self._seq += 1
        self.status.setText(self.tr("正在计算…"))
        self.status.setStyleSheet(NOTE_STYLE)
        self.timer.start()

    def preview(self) -> None:
        self.timer.stop()
        code = self.scheme.currentData()
        if not code:
            return
        self._seq += 1
        seq = self._seq
        self.status.setText(self.tr("正在计算…"))
        self.status.setStyleSheet(NOTE_STYLE)
        first, last = self.period()
        self.shell.call(subsidies.preview, code, first, last,
                        on_done=lambda r: self._previewed(seq, r), on_error=lambda e: self._preview_failed(seq, e))

    def _previewed(self, seq: int, result) -> None:
        if seq != self._seq or not shiboken6.isValid(self):
            return
        self.form.set_field_error("period", None)
        self.last_error = ""
        self.result.show_result(result)
        self.ok_button.setEnabled(not result.notes and result.total_fen > 0)
        if result.notes:  # the period is claimed already
            self.form.set_field_error("period", result.notes[0])
            self.status.setText(self.tr("%1：请选择其他期间").replace("%1", result.notes[0]))
            self.status.setStyleSheet(ERROR_STYLE)
        elif result.missing:
            self.status.setText(self.tr("缺少参数，暂不能建立申报：%1").replace("%1", "、".join(result.missing)))
            self.status.setStyleSheet(ERROR_STYLE)
        elif result.total_fen <= 0:
            self.status.setText(self.tr("%1：没有符合条件的行，申报金额为0（选中一行查看原因）")
                                .replace("%1", result.scheme_name))
            self.status.setStyleSheet(f"color: {vm.AMBER};")
        else:
            self.status.setText(self.tr("%1：按今天的登记情况计算，申报合计 %2").replace("%1", result.scheme_name)
                                .replace("%2", format_yuan(result.total_fen)))
            self.status.setStyleSheet(f"color: {vm.GREEN};")
        self.previews += 1

    def _preview_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq or not shiboken6.isValid(self):
            return
        self.result.clear()
        self.ok_button.setEnabled(False)
        self._show_error(exc)
        self.previews += 1

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, RuleViolation) and any(p.field == "period" for p in exc.problems):
            self.form.set_field_error("period", exc.message)
        if isinstance(exc, DomainError):
            self.last_error = exc.message
            self.status.setText(exc.message)
            self.status.setStyleSheet(ERROR_STYLE)
        else:
            self.shell.show_error(exc)

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        code = self.scheme.currentData()
        if not code:
            return
        first, last = self.period()
        self.submit(subsidies.create_claim, code, first, last, self.note.text())


class ApproveDialog(ServiceDialog):
    """登记批准: the amount the authorities approved, the day, a note
    (required when the amount differs from the claim), and — for a claim
    with money for residents — the months cut for each resident, so each
    one's share follows the approval."""

    def __init__(self, shell: Shell, claim: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记补贴批准"), parent)
        self.claim = claim
        today = shell.ctx.today()
        self.amount = QLineEdit(format_yuan(claim.claimed_fen, symbol=False), self)
        self.amount.setPlaceholderText(self.tr("元"))
        self.day = date_edit(today, self, maximum=today)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("批准金额与申报金额不同时必填，如核减的行"))
        self.form.add_row("", self.tr("申报"), plain(_claim_line(claim), self))
        self.form.add_row("", self.tr("申报金额"), QLabel(
            self.tr("%1（其中发给老人 %2）").replace("%1", format_yuan(claim.claimed_fen))
            .replace("%2", format_yuan(claim.resident_fen)), self))
        self.form.add_row("approved", self.tr("批准金额（元）"), self.amount, aliases=("amount",))
        self.form.add_row("on", self.tr("批准日期"), self.day)
        self.form.add_row("note", self.tr("备注"), self.note)
        self.shares: list = []
        self.cuts: dict[str, QSpinBox] = {}
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("老人"), self.tr("身份证号"), self.tr("计入月数"),
                                              self.tr("老人部分"), self.tr("核减月数")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.cut_hint = QLabel(self.tr("核减了老人的月份时，在下表填写各人被核减的月数：其老人部分按月扣减，其余差额由机构部分承担。"),
                               self)
        self.cut_hint.setWordWrap(True)
        self.cut_hint.setStyleSheet(NOTE_STYLE)
        if claim.resident_fen > 0:  # only a claim with money for residents has residents to cut
            self.form.add_row("cuts", self.tr("核减的老人"), self.table)
            self.main_layout.addWidget(self.cut_hint)
        else:
            self.table.hide()
            self.cut_hint.hide()
        self.ok_button.setText(self.tr("登记批准"))
        self.finish_layout()
        self.setMinimumWidth(620)
        self.amount.setFocus()
        self.amount.selectAll()
        if claim.resident_fen > 0:
            shell.call(subsidies.resident_shares, claim.id, on_done=self._shares)

    def _shares(self, shares) -> None:
        if not shiboken6.isValid(self):
            return
        self.shares = list(shares)
        self.table.setRowCount(len(self.shares))
        for i, x in enumerate(self.shares):
            for col, text in enumerate((x.name, x.id_number, str(x.months), format_yuan(x.resident_fen))):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
            spin = QSpinBox(self.table)
            spin.setRange(0, x.months)
            self.table.setCellWidget(i, 4, spin)
            self.cuts[x.key] = spin
        self.table.resizeColumnsToContents()
        self.table.setMinimumHeight(min(260, 32 + 26 * len(self.shares)))

    def cut_months(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.cuts.items() if spin.value()}

    def save(self) -> None:
        try:
            fen = yuan_to_fen(self.amount.text(), "approved")
        except RuleViolation as exc:
            self.show_problems(exc.problems)
            return
        self.submit(subsidies.approve, self.claim.id, fen, from_qdate(self.day.date()), self.note.text(),
                    self.cut_months())


class ReceiveDialog(ServiceDialog):
    """登记到账: the day the money arrived and how the residents' share goes
    on (into each resident's account, or paid out in cash)."""

    def __init__(self, shell: Shell, claim: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记补贴到账"), parent)
        self.claim = claim
        today = shell.ctx.today()
        self.day = date_edit(today, self, maximum=today)
        self.account = QRadioButton(self.tr("转入老人账户（抵下期费用）"), self)
        self.bank = QRadioButton(self.tr("转账发放给老人"), self)
        self.cash = QRadioButton(self.tr("现金发放给老人"), self)
        self.account.setChecked(True)
        self.modes = QButtonGroup(self)
        for b in (self.account, self.bank, self.cash):
            self.modes.addButton(b)
        approved = claim.approved_fen if claim.approved_fen is not None else claim.claimed_fen
        self.form.add_row("", self.tr("申报"), plain(_claim_line(claim), self))
        self.split = QLabel(format_yuan(approved), self)
        self.form.add_row("", self.tr("批准金额"), self.split)
        self.form.add_row("on", self.tr("到账日期"), self.day)
        box = QWidget(self)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.account)
        bl.addWidget(self.bank)
        bl.addWidget(self.cash)
        self.share_text = ""
        if claim.resident_fen:
            self.share_text = self.tr("老人补贴 %1").replace("%1", format_yuan(claim.resident_fen))
            self.form.add_row("resident_mode", self.share_text, box)
            note = self.tr("到账金额记入银行存款；机构部分为政府补助收入，老人部分是老人的钱，"
                           "立即转入各人账户或转账、现金发放，不作为机构收入。已退住、去世的老人没有账户可转入，改为转账发放。")
        else:
            box.hide()
            note = self.tr("本申报没有发给老人的部分，到账金额全部记为政府补助收入。")
        label = QLabel(note, self)
        label.setWordWrap(True)
        label.setStyleSheet(NOTE_STYLE)
        self.form.add_widget(label)
        self.ok_button.setText(self.tr("登记到账"))
        self.finish_layout()
        self.setMinimumWidth(620)
        self.approved = approved
        if claim.resident_fen:
            shell.call(subsidies.resident_shares, claim.id, on_done=self._shares)

    def _shares(self, shares) -> None:
        """The approved amount split as it will be posted (after the months cut)."""
        if not shiboken6.isValid(self):
            return
        residents = sum(x.resident_fen - x.cut_fen for x in shares)
        self.split.setText(self.tr("%1（机构 %2，老人 %3）").replace("%1", format_yuan(self.approved))
                           .replace("%2", format_yuan(self.approved - residents)).replace("%3", format_yuan(residents)))
        self.adjustSize()

    def mode(self) -> str:
        return "cash" if self.cash.isChecked() else "bank" if self.bank.isChecked() else "account"

    def save(self) -> None:
        self.submit(subsidies.receive, self.claim.id, from_qdate(self.day.date()), self.mode())


class WithdrawDialog(ServiceDialog):
    """撤回 a draft or a submitted claim, with the reason."""

    def __init__(self, shell: Shell, claim: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("撤回补贴申报"), parent)
        self.claim = claim
        self.reason = QLineEdit(self)
        self.reason.setMinimumWidth(320)
        self.form.add_row("", self.tr("申报"), plain(_claim_line(claim), self))
        self.form.add_row("reason", self.tr("撤回原因"), self.reason)
        label = QLabel(self.tr("撤回后申报号保留并标为已撤回，同一期间可以重新申报。"), self)
        label.setWordWrap(True)
        label.setStyleSheet(NOTE_STYLE)
        self.form.add_widget(label)
        self.ok_button.setText(self.tr("撤回"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.reason.setFocus()

    def save(self) -> None:
        self.submit(subsidies.withdraw, self.claim.id, self.reason.text())


__all__ = ["ClaimWizard", "ApproveDialog", "ReceiveDialog", "WithdrawDialog"]
