"""签订合同 / 变更合同 / 终止合同: the dialogs of the 合同 page.

签订 is one dialog in two columns: who and when on the left (resident in
residence without a current contract, term, signer), money on the right (the
schedule's fees the service will snapshot, negotiated fees with a reason,
the deposit with its cap shown live, payment terms). The service decides;
its Chinese problems are shown under the fields."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Sequence

from shiboken6 import isValid
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.contract_records import AmendmentInput, ContractDetail, ContractInput
from ...domain.contracts import SELF, default_clauses
from ...domain.errors import RuleViolation
from ...domain.money import format_yuan, yuan_to_fen
from ...domain.records import ResidentRow
from ...domain.residents import Span
from ...services import centre, contracts, fees, residents
from ...viewmodels import contracts as vm
from ..base import Shell
from ..widgets import ERROR_STYLE, ErrorForm, ServiceDialog, date_edit, from_qdate, to_qdate

HINT_STYLE = "color: #666;"
translate = QCoreApplication.translate


def _hint(text: str, parent: QWidget, wrap: bool = False) -> QLabel:
    lbl = QLabel(text, parent)
    lbl.setStyleSheet(HINT_STYLE)
    lbl.setWordWrap(wrap)
    return lbl


def _value(text: str, parent: QWidget) -> QLabel:
    lbl = QLabel(text, parent)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


def _money_edit(parent: QWidget, placeholder: str = "") -> QLineEdit:
    w = QLineEdit(parent)
    w.setPlaceholderText(placeholder)
    w.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    w.setMaximumWidth(160)
    return w


def _parse_yuan(text: str, field: str) -> int | None:
    """None for an empty input; raises RuleViolation (Chinese) for a bad one."""
    t = text.strip()
    return None if not t else yuan_to_fen(t, field)


# -- run on the database thread -----------------------------------------------------------

def load_signable(ctx) -> list[ResidentRow]:
    """Residents in residence without a contract covering today."""
    rows = residents.list_residents(ctx, include_left=False)
    today = ctx.today()
    taken = [r.id for r in rows if contracts.contract_for(ctx, r.id, today) is not None]
    return vm.signable(rows, taken)


def _rate(ctx, kind: str, key: str, day: dt.date) -> int | None:
    try:
        got = fees.rates_for(ctx, kind, key, Span(day, day))
    except RuleViolation:
        return None
    return got[0].fen if got else None


def fee_preview(ctx, resident_id: int, start: dt.date) -> vm.FeePreview:
    """What signing on ``start`` would snapshot (the service recomputes it)."""
    d = residents.get_resident(ctx, resident_id)
    bed = d.current_bed
    info = centre.get_centre(ctx)
    mult = centre.get_profile(info.policy_profile if info else "national").deposit_cap_multiplier
    agent = d.agent
    stay = d.current_stay
    return vm.FeePreview(
        bed_fee_fen=_rate(ctx, "bed", bed.bed_type, start) if bed else None,
        care_fee_fen=_rate(ctx, "care", d.care_level, start) if d.care_level else None,
        meal_rate_fen=_rate(ctx, "meals", "", start),
        multiplier=Decimal(mult), care_level=d.care_level, bed_type=bed.bed_type if bed else "",
        bed_code=bed.bed_code if bed else "", agent_name=agent.name if agent else "",
        agent_relation=agent.relationship if agent else "", admission=stay.start if stay else None)


# -- 签订合同 ------------------------------------------------------------------------------------

class SignContractDialog(ServiceDialog):
    def __init__(self, shell: Shell, candidates: Sequence[ResidentRow], parent: QWidget | None = None,
                 resident_id: int | None = None):
        super().__init__(shell, self.tr("签订服务合同"), parent)
        self.candidates = list(candidates)
        self.preview: vm.FeePreview | None = None
        self._preview_key: tuple | None = None
        today = shell.ctx.today()

        # two columns, each an ErrorForm in a group box
        self.main_layout.removeWidget(self.form)
        self.money = ErrorForm(self)
        self.forms = [self.form, self.money]
        cols = QHBoxLayout()
        cols.setSpacing(12)
        left = QGroupBox(self.tr("住户、期限与签约人"), self)
        QVBoxLayout(left).addWidget(self.form)
        right = QGroupBox(self.tr("收费与押金"), self)
        QVBoxLayout(right).addWidget(self.money)
        cols.addWidget(left, 1)
        cols.addWidget(right, 1)
        self.main_layout.addLayout(cols)

        f = self.form
        self.resident = QComboBox(self)
        self.resident.setMinimumWidth(260)
        for r in self.candidates:
            self.resident.addItem(vm.resident_choice_text(r), r.id)
        if not self.candidates:
            self.resident.addItem(self.tr("（没有可签约的住户：在院且无生效合同）"), None)
        f.add_row("resident", self.tr("住户"), self.resident, aliases=("bed", "care_level"))
        self.resident_info = _hint("", self)
        f.add_row("", "", self.resident_info)
        self.start = date_edit(today, self)
        self.end = date_edit(vm.default_end(today), self)
        self.end_hint = _hint(self.tr("默认一年（开始日期加一年减一天）"), self)
        f.add_row("start_date", self.tr("开始日期"), self.start)
        f.add_row("end_date", self.tr("结束日期"), self.end, hint=self.end_hint)
        self.signed = date_edit(today, self, maximum=today)
        f.add_row("signed_date", self.tr("签订日期"), self.signed)
        self.relation = QComboBox(self)
        self.relation.setEditable(True)
        self.relation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.relation.setMinimumWidth(200)
        self.signer = QLineEdit(self)
        self.signer.setPlaceholderText(self.tr("签约人姓名"))
        f.add_row("signer_relation", self.tr("签约人身份"), self.relation)
        f.add_row("signer", self.tr("签约人"), self.signer)

        m = self.money
        self.schedule_label = _value("", self)
        m.add_row("", self.tr("收费标准"), self.schedule_label)
        self.negotiate = QCheckBox(self.tr("约定价格（与收费标准不同）"), self)
        m.add_widget(self.negotiate)
        self.bed_fee = _money_edit(self, self.tr("元/月"))
        self.care_fee = _money_edit(self, self.tr("元/月"))
        self.meal_rate = _money_edit(self, self.tr("元/日"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：老客户优惠"))
        m.add_row("bed_fee_fen", self.tr("床位费"), self.bed_fee)
        m.add_row("care_fee_fen", self.tr("护理费"), self.care_fee)
        m.add_row("meal_rate_fen", self.tr("伙食费日标准"), self.meal_rate)
        m.add_row("fee_override_reason", self.tr("协商原因"), self.reason)
        self.monthly_label = _value("", self)
        m.add_row("", self.tr("月服务费"), self.monthly_label)
        self.deposit = _money_edit(self, self.tr("元"))
        self.deposit.setText("0.00")
        self.cap_label = _hint("", self)
        m.add_row("deposit", self.tr("押金"), self.deposit, hint=self.cap_label)
        self.payment = QPlainTextEdit(self)
        self.payment.setPlainText(default_clauses()["payment"])
        self.payment.setMinimumHeight(80)
        self.payment.setMaximumHeight(110)
        self.payment.setTabChangesFocus(True)
        m.add_row("clauses", self.tr("付款方式"), self.payment, aliases=("payment",))

        self.ok_button.setText(self.tr("签订"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.finish_layout()
        self.setMinimumWidth(900)

        self._set_negotiated(False)
        self.negotiate.toggled.connect(self._set_negotiated)
        self.resident.currentIndexChanged.connect(lambda _i: self._resident_changed())
        self.start.dateChanged.connect(lambda _d: self._start_changed())
        self.relation.currentTextChanged.connect(self._relation_changed)
        for w in (self.bed_fee, self.care_fee, self.meal_rate, self.deposit):
            w.textChanged.connect(lambda _t: self._update_money())
        order = [self.resident, self.start, self.end, self.signed, self.relation, self.signer, self.negotiate,
                 self.bed_fee, self.care_fee, self.meal_rate, self.reason, self.deposit, self.payment]
        for a, b in zip(order, order[1:]):
            self.setTabOrder(a, b)
        if resident_id is not None:
            i = self.resident.findData(resident_id)
            if i >= 0:
                self.resident.setCurrentIndex(i)
        self._resident_changed()
        self.resident.setFocus()

    # -- state -----------------------------------------------------------------------
    def current_resident(self) -> ResidentRow | None:
        rid = self.resident.currentData()
        return next((r for r in self.candidates if r.id == rid), None)

    def _resident_changed(self) -> None:
        r = self.current_resident()
        self.preview = None
        if r is None:
            self.ok_button.setEnabled(False)
            self.resident_info.setText("")
            self._update_money()
            return
        self.ok_button.setEnabled(True)
        today = self.shell.ctx.today()
        self.start.blockSignals(True)
        self.start.setMinimumDate(to_qdate(r.admission_date or dt.date(1900, 1, 1)))
        self.start.setDate(to_qdate(vm.default_start(today, r.admission_date)))
        self.start.blockSignals(False)
        self.end.setDate(to_qdate(vm.default_end(from_qdate(self.start.date()))))
        self.relation.blockSignals(True)
        self.relation.clear()
        self.relation.addItem(SELF)
        self.relation.blockSignals(False)
        self.signer.setText(r.name)
        self._prefilled = r.name
        self._load_preview()

    def _start_changed(self) -> None:
        self.end.setDate(to_qdate(vm.default_end(from_qdate(self.start.date()))))
        self._load_preview()

    def _load_preview(self) -> None:
        r = self.current_resident()
        if r is None:
            return
        key = (r.id, from_qdate(self.start.date()))
        self._preview_key = key
        self.shell.call(fee_preview, r.id, key[1],
                        on_done=lambda p: self._got_preview(key, p) if isValid(self) else None,
                        on_error=lambda _e: None)

    def _got_preview(self, key: tuple, p: vm.FeePreview) -> None:
        if key != self._preview_key:
            return  # an older answer
        first = self.preview is None
        self.preview = p
        r = self.current_resident()
        if first and r is not None:
            if p.agent_name:
                self.relation.blockSignals(True)
                self.relation.insertItem(0, vm.agent_relation_text(p.agent_relation))
                self.relation.setCurrentIndex(0)
                self.relation.blockSignals(False)
                self.signer.setText(p.agent_name)
                self._prefilled = p.agent_name
        info = [self.tr("床位：%1").replace("%1", p.bed_code or self.tr("未分配")),
                self.tr("照护等级：%1").replace("%1", p.care_level or self.tr("未评估"))]
        self.resident_info.setText("　".join(info))
        self._update_money()

    def _relation_changed(self, text: str) -> None:
        if self.signer.text() != getattr(self, "_prefilled", ""):
            return
        r = self.current_resident()
        if r is None:
            return
        if text == SELF:
            name = r.name
        elif self.preview is not None and self.preview.agent_name:
            name = self.preview.agent_name
        else:
            return
        self.signer.setText(name)
        self._prefilled = name

    def _set_negotiated(self, on: bool) -> None:
        for w in (self.bed_fee, self.care_fee, self.meal_rate, self.reason):
            w.setEnabled(on)
        if not on:
            for w in (self.bed_fee, self.care_fee, self.meal_rate, self.reason):
                w.clear()
        self._update_money()

    def _fee_inputs(self) -> tuple[int | None, int | None, int | None]:
        """The negotiated fees typed (None: the schedule's); a bad one is shown inline."""
        out = []
        for w, field in ((self.bed_fee, "bed_fee_fen"), (self.care_fee, "care_fee_fen"),
                         (self.meal_rate, "meal_rate_fen")):
            try:
                out.append(_parse_yuan(w.text(), field) if self.negotiate.isChecked() else None)
                self.money.set_field_error(field, None)
            except RuleViolation as e:
                self.money.set_field_error(field, e.message)
                out.append(None)
        return out[0], out[1], out[2]

    def _update_money(self) -> None:
        p = self.preview
        if p is None:
            self.schedule_label.setText(self.tr("正在读取收费标准…") if self.current_resident() else "")
            self.monthly_label.setText("")
            self.cap_label.setText("")
            return
        self.schedule_label.setText(
            self.tr("床位费 %1/月\n护理费 %2/月\n伙食费 %3/日").replace("%1", vm.fee_or_missing(p.bed_fee_fen))
            .replace("%2", vm.fee_or_missing(p.care_fee_fen)).replace("%3", vm.fee_or_missing(p.meal_rate_fen)))
        bed, care, meal = p.fees(*self._fee_inputs())
        monthly = vm.monthly_of(bed, care, meal)
        cap = vm.cap_of(monthly, p.multiplier)
        if monthly is None:
            self.monthly_label.setText(self.tr("收费标准缺少价格，请填写约定价格"))
            self.monthly_label.setStyleSheet(ERROR_STYLE)
            self.cap_label.setText("")
            return
        self.monthly_label.setStyleSheet("font-weight: bold;")
        self.monthly_label.setText(self.tr("%1（伙食费按每月30天计）").replace("%1", format_yuan(monthly)))
        text = self.tr("上限 %1（月服务费的%2倍）").replace("%1", format_yuan(cap)) \
            .replace("%2", vm.mult_text(p.multiplier))
        try:
            dep = _parse_yuan(self.deposit.text(), "deposit") or 0
            self.money.set_field_error("deposit", None)
        except RuleViolation as e:
            self.money.set_field_error("deposit", e.message)
            dep = 0
        over = cap is not None and dep > cap
        self.cap_label.setStyleSheet(ERROR_STYLE if over else HINT_STYLE)
        self.cap_label.setText(text + (self.tr("，已超过上限") if over else ""))

    # -- save -------------------------------------------------------------------------
    def contract_input(self) -> ContractInput | None:
        r = self.current_resident()
        if r is None:
            return None
        problems = []
        try:
            deposit = _parse_yuan(self.deposit.text(), "deposit") or 0
        except RuleViolation as e:
            problems += e.problems
            deposit = 0
        fees_ = []
        for w, field in ((self.bed_fee, "bed_fee_fen"), (self.care_fee, "care_fee_fen"),
                         (self.meal_rate, "meal_rate_fen")):
            try:
                fees_.append(_parse_yuan(w.text(), field) if self.negotiate.isChecked() else None)
            except RuleViolation as e:
                problems += e.problems
                fees_.append(None)
        if problems:
            self.show_problems(problems)
            return None
        payment = self.payment.toPlainText().strip()
        clauses = {"payment": payment} if payment != default_clauses()["payment"] else {}
        return ContractInput(
            resident_id=r.id, start_date=from_qdate(self.start.date()), end_date=from_qdate(self.end.date()),
            signer_name=self.signer.text().strip(), signer_relation=self.relation.currentText().strip(),
            deposit_fen=deposit, signed_date=from_qdate(self.signed.date()),
            bed_fee_fen=fees_[0], care_fee_fen=fees_[1], meal_rate_fen=fees_[2],
            fee_override_reason=self.reason.text().strip() if self.negotiate.isChecked() else "",
            clauses=clauses)

    def save(self) -> None:
        data = self.contract_input()
        if data is not None:
            self.submit(contracts.sign_contract, data)


# -- 变更 ----------------------------------------------------------------------------------------

class AmendContractDialog(ServiceDialog):
    """A dated change of fees: new values left empty keep the current term's."""

    def __init__(self, shell: Shell, detail: ContractDetail, parent: QWidget | None = None):
        super().__init__(shell, self.tr("变更合同"), parent)
        self.detail = detail
        today = shell.ctx.today()
        cur = detail.current
        f = self.form
        f.add_row("", self.tr("合同"), _value(f"{detail.number}　{detail.resident_name}", self))
        f.add_row("", self.tr("现行条款"), _value(vm.term_fees_text(cur).replace("；", "\n"), self))
        self.kind = QComboBox(self)
        self.kind.addItems(list(vm.KINDS))
        f.add_row("kind", self.tr("变更类型"), self.kind)
        last = detail.terms[-1].effective_date
        eff = min(max(today, last + dt.timedelta(days=1)), detail.end_date)
        self.effective = date_edit(eff, self, minimum=detail.start_date, maximum=detail.end_date)
        f.add_row("effective_date", self.tr("生效日期"), self.effective)
        self.care_level = QLineEdit(self)
        self.care_level.setPlaceholderText(cur.care_level)
        self.care_fee = _money_edit(self, format_yuan(cur.care_fee_fen, symbol=False))
        self.bed_label = QLineEdit(self)
        self.bed_label.setPlaceholderText(cur.bed_label)
        self.bed_fee = _money_edit(self, format_yuan(cur.bed_fee_fen, symbol=False))
        self.meal_rate = _money_edit(self, format_yuan(cur.meal_rate_fen, symbol=False))
        f.add_row("care_level", self.tr("新照护等级"), self.care_level)
        f.add_row("care_fee_fen", self.tr("新护理费（元/月）"), self.care_fee)
        f.add_row("bed_label", self.tr("新床位"), self.bed_label)
        f.add_row("bed_fee_fen", self.tr("新床位费（元/月）"), self.bed_fee)
        f.add_row("meal_rate_fen", self.tr("新伙食费（元/日）"), self.meal_rate)
        self.fee_hint = _hint(self.tr("留空的项目沿用现行条款；\n照护等级或床位变化而未填价格时按收费标准"), self)
        f.add_widget(self.fee_hint)
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(self.tr("例如：复评后升级"))
        f.add_row("description", self.tr("说明"), self.description)
        self.consent_by = QLineEdit(self)
        self.consent_by.setPlaceholderText(self.tr("老人本人或其代理人的姓名"))
        self.consent_date = date_edit(today, self, minimum=detail.signed_date, maximum=today)
        self.consent_hint = _hint("", self)
        f.add_row("consent", self.tr("同意人"), self.consent_by, aliases=("consent_by",))
        f.add_row("consent_date", self.tr("同意日期"), self.consent_date, hint=self.consent_hint)
        self.ok_button.setText(self.tr("保存变更"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.finish_layout()
        self.setMinimumWidth(560)
        self.kind.currentTextChanged.connect(self._kind_changed)
        self._kind_changed(self.kind.currentText())
        order = [self.kind, self.effective, self.care_level, self.care_fee, self.bed_label, self.bed_fee,
                 self.meal_rate, self.description, self.consent_by, self.consent_date]
        for a, b in zip(order, order[1:]):
            self.setTabOrder(a, b)
        self.kind.setFocus()

    def _kind_changed(self, kind: str) -> None:
        care = kind in (vm.CARE_LEVEL_CHANGE, vm.PRICE_CHANGE, "其他")
        bed = kind in (vm.BED_CHANGE, vm.PRICE_CHANGE, "其他")
        for w in (self.care_level, self.care_fee):
            w.setEnabled(care)
        for w in (self.bed_label, self.bed_fee):
            w.setEnabled(bed)
        self.care_level.setEnabled(kind in (vm.CARE_LEVEL_CHANGE, "其他"))
        if kind == vm.CARE_LEVEL_CHANGE:
            self.consent_hint.setText(self.tr("照护等级变更须经老人或代理人同意（必填）"))
            if not self.consent_by.text():
                self.consent_by.setText(self.detail.agent_name or self.detail.resident_name)
        else:
            self.consent_hint.setText(self.tr("可选；不填同意人则不记录同意"))

    def amendment(self) -> AmendmentInput | None:
        problems = []
        vals: dict[str, int | None] = {}
        for w, field in ((self.care_fee, "care_fee_fen"), (self.bed_fee, "bed_fee_fen"),
                         (self.meal_rate, "meal_rate_fen")):
            try:
                vals[field] = _parse_yuan(w.text(), field) if w.isEnabled() else None
            except RuleViolation as e:
                problems += e.problems
        if problems:
            self.show_problems(problems)
            return None
        by = self.consent_by.text().strip()
        return AmendmentInput(
            contract_id=self.detail.id, effective_date=from_qdate(self.effective.date()),
            kind=self.kind.currentText(), description=self.description.text().strip(),
            bed_label=(self.bed_label.text().strip() or None) if self.bed_label.isEnabled() else None,
            bed_fee_fen=vals.get("bed_fee_fen"),
            care_level=(self.care_level.text().strip() or None) if self.care_level.isEnabled() else None,
            care_fee_fen=vals.get("care_fee_fen"), meal_rate_fen=vals.get("meal_rate_fen"),
            consent_by=by, consent_date=from_qdate(self.consent_date.date()) if by else None,
            expected_version=self.detail.version)

    def save(self) -> None:
        data = self.amendment()
        if data is not None:
            self.submit(contracts.amend_contract, data)



# -- 终止 ----------------------------------------------------------------------------------------

class TerminateContractDialog(ServiceDialog):
    def __init__(self, shell: Shell, detail: ContractDetail, parent: QWidget | None = None):
        super().__init__(shell, self.tr("终止合同"), parent)
        self.detail = detail
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("合同"), _value(f"{detail.number}　{detail.resident_name}", self))
        f.add_row("", self.tr("合同期限"), _value(self.tr("%1 至 %2").replace("%1", vm.fmt_date(detail.start_date))
                                              .replace("%2", vm.fmt_date(detail.end_date)), self))
        self.reason = QComboBox(self)
        self.reason.addItems(list(vm.REASONS))
        self.reason.setCurrentIndex(1 if today < detail.end_date else 0)
        f.add_row("reason", self.tr("终止原因"), self.reason)
        self.last_day = date_edit(min(today, detail.end_date), self, minimum=detail.start_date,
                                  maximum=min(today, detail.end_date))
        f.add_row("last_day", self.tr("最后服务日"), self.last_day,
                  hint=_hint(self.tr("最后服务日当天计费；之后已收取的费用如数退还"), self))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("原因为“其他”时必填"))
        f.add_row("note", self.tr("说明"), self.note)
        self.ok_button.setText(self.tr("终止合同"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.setTabOrder(self.reason, self.last_day)
        self.setTabOrder(self.last_day, self.note)
        self.reason.currentTextChanged.connect(self._reason_changed)
        self.reason.setFocus()

    def _reason_changed(self, reason: str) -> None:
        if reason == "到期":
            self.last_day.setDate(to_qdate(min(self.detail.end_date, self.shell.ctx.today())))

    def save(self) -> None:
        self.submit(contracts.terminate_contract, self.detail.id, from_qdate(self.last_day.date()),
                    self.reason.currentText(), self.note.text().strip())
