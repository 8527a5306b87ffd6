"""机构信息 page: the centre profile form and a bed summary against the
district's nursing-bed target."""
from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.centre import BedShare, CentreKind
from ...domain.errors import DomainError, Problem, RuleViolation
from ...domain.identity import validate_credit_code
from ...domain.records import CentreInfo, ProfileInfo
from ...domain.roles import Perm
from ...services import centre
from ...viewmodels import beds as beds_vm
from ..base import Page, Shell
from ..i18n import no_permission
from ..widgets import ErrorForm, page_title

GREEN = "#2e7d32"
RED = "#c62828"
MUTED = "#7b8794"


@dataclass(frozen=True)
class CentrePageData:
    info: CentreInfo | None
    profiles: list[ProfileInfo]
    share: BedShare
    counts: beds_vm.BedCounts
    rooms: int


def load_centre_page(ctx) -> CentrePageData:
    rooms = centre.bed_map(ctx)
    return CentrePageData(centre.get_centre(ctx), centre.profile_infos(), centre.bed_share(ctx),
                          beds_vm.count_beds(rooms), len(rooms))


class CentrePage(Page):
    watches = frozenset({"centre", "room", "bed", "resident"})

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.data: CentrePageData | None = None
        self.loaded_info: CentreInfo | None = None
        self.can_write = shell.ctx.actor.can(Perm.CENTRE_WRITE)
        self._filling = False
        self.saving = False
        self._note = ""
        self._filled = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(10)
        head = QHBoxLayout()
        title = page_title(self.tr("机构信息"))
        head.addWidget(title)
        self.status = QLabel("")
        self.status.setStyleSheet(f"color: {MUTED};")
        head.addWidget(self.status)
        head.addStretch(1)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        head.addWidget(self.revert_button)
        head.addWidget(self.save_button)
        outer.addLayout(head)

        self.readonly_note = QLabel("")
        self.readonly_note.setStyleSheet("background: #fff8e1; color: #6d4c00; padding: 6px 10px; border-radius: 4px;")
        self.readonly_note.setVisible(False)
        outer.addWidget(self.readonly_note)

        body = QHBoxLayout()
        body.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        card = QFrame()
        card.setObjectName("centreForm")
        card.setStyleSheet("#centreForm { background: white; border: 1px solid #d6dce4; border-radius: 8px; }")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(18, 14, 18, 14)
        cl.addWidget(self._build_form())
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(card)
        hl.addStretch(1)
        scroll.setWidget(holder)
        scroll.setMaximumWidth(760)
        body.addWidget(scroll, 3)
        side = QVBoxLayout()
        side.addWidget(self._summary_box())
        side.addStretch(1)
        body.addLayout(side, 2)
        outer.addLayout(body, 1)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._apply_permissions()
        self._update_buttons()

    # -- building -------------------------------------------------------------------
    def _section(self, text: str, first: bool = False) -> QLabel:
        lbl = QLabel(text)
        lbl.setStyleSheet("font-weight: bold; color: #1f2933;" + ("" if first else " margin-top: 12px;"))
        return lbl

    def _build_form(self) -> ErrorForm:
        self.form = f = ErrorForm()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("与营业执照或登记证书一致"))
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText(self.tr("18位，如 91500112MA5U7ABC1X"))
        self.credit_hint = QLabel("")
        self.credit_hint.setStyleSheet(f"color: {MUTED};")
        self.kind = QComboBox()
        for k in CentreKind:
            self.kind.addItem(k.value, k.value)
        self.profile = QComboBox()
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("如 023-67881234 或 13800000000"))
        self.legal = QLineEdit()
        self.approved = QSpinBox()
        self.approved.setRange(0, 100000)
        self.approved.setSuffix(self.tr(" 张"))
        self.approved.setMinimumWidth(110)
        self.escrow_bank = QLineEdit()
        self.escrow_bank.setPlaceholderText(self.tr("如 中国建设银行重庆渝北支行"))
        self.escrow_name = QLineEdit()
        self.escrow_no = QLineEdit()
        self.escrow_no.setPlaceholderText(self.tr("只填数字，可带空格"))
        self.bank_name = QLineEdit()
        self.bank_name.setPlaceholderText(self.tr("如 中国工商银行重庆渝北支行"))
        self.bank_no = QLineEdit()
        self.bank_no.setPlaceholderText(self.tr("只填数字，可带空格"))

        f.add_widget(self._section(self.tr("基本信息"), first=True))
        f.add_row("name", self.tr("机构名称"), self.name)
        f.add_row("credit_code", self.tr("统一社会信用代码"), self.credit_code, hint=self.credit_hint)
        f.add_row("kind", self.tr("机构性质"), _left(self.kind))
        f.add_row("policy_profile", self.tr("政策配置"), _left(self.profile))
        f.add_row("address", self.tr("地址"), self.address)
        f.add_row("phone", self.tr("电话"), self.phone)
        f.add_row("legal_representative", self.tr("法定代表人"), self.legal)
        f.add_row("approved_beds", self.tr("核定床位数"), _left(self.approved))
        f.add_widget(self._section(self.tr("基本存款账户")))
        f.add_row("bank_name", self.tr("开户银行"), self.bank_name)
        f.add_row("bank_account_no", self.tr("账号"), self.bank_no)
        f.add_widget(self._section(self.tr("押金专户")))
        note = QLabel(self.tr("押金须存入专用账户，与经营资金分开管理；退住后10日内连同同期活期利息退还。"))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED};")
        f.add_widget(note)
        f.add_row("escrow_bank", self.tr("开户银行"), self.escrow_bank)
        f.add_row("escrow_account_name", self.tr("户名"), self.escrow_name)
        f.add_row("escrow_account_no", self.tr("账号"), self.escrow_no)
        self.credit_code.textEdited.connect(self._credit_edited)
        self.credit_code.textChanged.connect(lambda _t: self._check_credit(final=False))
        self.credit_code.editingFinished.connect(lambda: self._check_credit(final=True))
        self.profile.currentIndexChanged.connect(lambda _i: self._update_summary())
        self.approved.valueChanged.connect(lambda _v: self._update_summary())
        return f

    def _summary_box(self) -> QWidget:
        box = QFrame()
        box.setObjectName("centreSummary")
        box.setStyleSheet("#centreSummary { background: white; border: 1px solid #d6dce4; border-radius: 8px; }")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(16, 14, 16, 14)
        t = QLabel(self.tr("床位概况"))
        t.setStyleSheet("font-weight: bold;")
        lay.addWidget(t)
        self.share_value = QLabel("—")
        f = self.share_value.font()
        f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 9) * 2.2)
        f.setBold(True)
        self.share_value.setFont(f)
        lay.addWidget(QLabel(self.tr("护理型床位占比")))
        lay.addWidget(self.share_value)
        self.share_verdict = QLabel("")
        self.share_verdict.setWordWrap(True)
        lay.addWidget(self.share_verdict)
        lay.addSpacing(8)
        form = QFormLayout()
        self.s_total = QLabel("—")
        self.s_nursing = QLabel("—")
        self.s_occupied = QLabel("—")
        self.s_free = QLabel("—")
        self.s_approved = QLabel("—")
        self.s_approved.setWordWrap(True)
        for label, w in ((self.tr("实有床位"), self.s_total), (self.tr("护理型床位"), self.s_nursing),
                         (self.tr("已入住"), self.s_occupied), (self.tr("空床"), self.s_free),
                         (self.tr("核定床位"), self.s_approved)):
            cap = QLabel(label)
            cap.setStyleSheet(f"color: {MUTED};")
            form.addRow(cap, w)
        lay.addLayout(form)
        lay.addSpacing(8)
        hint = QLabel(self.tr("床位在“床位”页面管理；护理型床位占比按启用的床位计算。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")
        lay.addWidget(hint)
        lay.addStretch(1)
        return box

    def inputs(self) -> list[QWidget]:
        return [self.name, self.credit_code, self.kind, self.profile, self.address, self.phone, self.legal,
                self.approved, self.bank_name, self.bank_no, self.escrow_bank, self.escrow_name, self.escrow_no]

    def _apply_permissions(self) -> None:
        for w in self.inputs():
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.profile.currentIndexChanged.connect(self._changed)
        self.approved.valueChanged.connect(self._changed)
        if self.can_write:
            return
        actor = self.shell.ctx.actor
        why = no_permission(actor, Perm.CENTRE_WRITE)
        self.readonly_note.setText(self.tr("只读：") + why + self.tr("，只能查看。"))
        self.readonly_note.setVisible(True)
        for w in self.inputs():
            if isinstance(w, QLineEdit):
                w.setReadOnly(True)
            elif isinstance(w, QSpinBox):
                w.setReadOnly(True)
                w.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            else:
                w.setEnabled(False)
        for b in (self.save_button, self.revert_button):
            b.setEnabled(False)
            b.setToolTip(why)

    # -- data -----------------------------------------------------------------------
    def reload(self) -> None:
        self.shell.call(load_centre_page, on_done=self._on_loaded)

    def _on_loaded(self, data: CentrePageData) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.profile):
            return  # the page was closed while the data was loading
        self.data = data
        self._filling = True
        current = self.profile.currentData()
        self.profile.clear()
        for p in data.profiles:
            self.profile.addItem(self.tr("%1（护理型床位目标≥%2%）").replace("%1", p.name)
                                 .replace("%2", str(p.nursing_bed_target_percent)), p.code)
        self._filling = False
        if not self._filled or not self.dirty():  # keep what the user is typing
            self.fill(data.info)
        elif current is not None:
            self._select_profile(current)
        self._update_summary()
        self._update_buttons()

    def _select_profile(self, code: str) -> None:
        i = self.profile.findData(code)
        self.profile.setCurrentIndex(i if i >= 0 else self.profile.findData(centre.DEFAULT_PROFILE))

    def fill(self, info: CentreInfo | None) -> None:
        self._filling = True
        self._filled = True
        self.loaded_info = info
        i = info or CentreInfo("", "", CentreKind.NON_PROFIT.value, centre.DEFAULT_PROFILE)
        self.name.setText(i.name)
        self.credit_code.setText(i.credit_code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(i.kind)))
        self._select_profile(i.policy_profile)
        self.address.setText(i.address)
        self.phone.setText(i.phone)
        self.legal.setText(i.legal_representative)
        self.approved.setValue(i.approved_beds)
        self.escrow_bank.setText(i.escrow_bank)
        self.escrow_name.setText(i.escrow_account_name)
        self.escrow_no.setText(i.escrow_account_no)
        self.bank_name.setText(i.bank_name)
        self.bank_no.setText(i.bank_account_no)
        self._filling = False
        self.form.clear_problems()
        self._check_credit(final=False)
        if info is None:
            self.status.setText(self.tr("尚未填写机构信息"))
            self.status.setStyleSheet("color: #b26a00;")
        self._update_buttons()

    def values(self) -> CentreInfo:
        return CentreInfo(
            name=self.name.text().strip(), credit_code=self.credit_code.text().strip().upper(),
            kind=self.kind.currentData() or "", policy_profile=self.profile.currentData() or "",
            address=self.address.text().strip(), phone=self.phone.text().strip(),
            legal_representative=self.legal.text().strip(), approved_beds=self.approved.value(),
            escrow_bank=self.escrow_bank.text().strip(), escrow_account_name=self.escrow_name.text().strip(),
            escrow_account_no=self.escrow_no.text().strip(),
            bank_name=self.bank_name.text().strip(), bank_account_no=self.bank_no.text().strip(),
            # saved only over what this form read (services.versions)
            version=self.loaded_info.version if self.loaded_info is not None else None,
        )

    def dirty(self) -> bool:
        if self.data is None or self.profile.count() == 0:
            return False
        if self.loaded_info is None:
            return True
        return self.values() != self.loaded_info

    def _changed(self, *_a) -> None:
        if not self._filling:
            self._update_buttons()

    def _update_buttons(self) -> None:
        if not self.can_write:
            return
        dirty = self.dirty()
        self.save_button.setEnabled(dirty and not self.saving)
        self.revert_button.setEnabled(dirty and self.loaded_info is not None and not self.saving)
        if dirty and self.loaded_info is not None:
            self.status.setText(self.tr("有未保存的修改"))
            self.status.setStyleSheet("color: #b26a00;")
        elif self.loaded_info is not None:
            self.status.setText(self._note)
            self.status.setStyleSheet(f"color: {GREEN};")

    def revert(self) -> None:
        self.fill(self.loaded_info)

    # -- credit code, as you type -------------------------------------------------------
    def _credit_edited(self, text: str) -> None:
        up = text.upper()
        if up != text:
            pos = self.credit_code.cursorPosition()
            self.credit_code.setText(up)
            self.credit_code.setCursorPosition(pos)

    def _hint(self, text: str, colour: str = MUTED) -> None:
        self.credit_hint.setText(text)
        self.credit_hint.setStyleSheet(f"color: {colour};")
        self.credit_hint.setVisible(bool(text))

    def _check_credit(self, final: bool) -> bool:
        text = self.credit_code.text().strip()
        if not text:
            self.form.set_field_error("credit_code", None)
            self._hint(self.tr("选填；填写后将核对校验位"))
            return True
        if len(text) < 18 and not final:
            self.form.set_field_error("credit_code", None)
            self._hint(self.tr("已输入 %1/18 位").replace("%1", str(len(text))))
            return False
        try:
            validate_credit_code(text)
        except RuleViolation as exc:
            self._hint("")
            self.form.set_field_error("credit_code", exc.message)
            return False
        self.form.set_field_error("credit_code", None)
        self._hint(self.tr("✓ 校验通过"), GREEN)
        return True

    # -- summary ----------------------------------------------------------------------
    def _target(self) -> tuple[int, str]:
        if self.data is None:
            return 0, ""
        code = self.profile.currentData()
        p = next((p for p in self.data.profiles if p.code == code), None)
        return (p.nursing_bed_target_percent, p.name) if p else (0, "")

    def _update_summary(self) -> None:
        if self.data is None or self._filling:
            return
        share, counts = self.data.share, self.data.counts
        target, profile_name = self._target()
        met = share.meets(target)
        self.share_value.setText(f"{share.percent:.1f}%")
        self.share_value.setStyleSheet(f"color: {GREEN if met else RED};")
        verdict = (self.tr("已达到%1的目标（≥%2%）") if met else self.tr("未达到%1的目标（≥%2%）"))
        if share.total == 0:
            verdict = self.tr("还没有床位；%1的目标为≥%2%")
        self.share_verdict.setText(verdict.replace("%1", profile_name).replace("%2", str(target)))
        self.share_verdict.setStyleSheet(f"color: {GREEN if met else RED};")
        self.s_total.setText(self.tr("%1张（%2个房间）").replace("%1", str(share.total)).replace("%2", str(self.data.rooms)))
        self.s_nursing.setText(self.tr("%1张").replace("%1", str(share.nursing)))
        self.s_occupied.setText(self.tr("%1张（入住率 %2%）").replace("%1", str(counts.occupied))
                                .replace("%2", f"{counts.occupancy_percent:.1f}"))
        self.s_free.setText(self.tr("%1张").replace("%1", str(counts.free)))
        approved = self.approved.value()
        if approved == 0:
            self.s_approved.setText(self.tr("未填写"))
            self.s_approved.setStyleSheet(f"color: {MUTED};")
        elif share.total > approved:
            self.s_approved.setText(self.tr("%1张（实有床位多于核定床位）").replace("%1", str(approved)))
            self.s_approved.setStyleSheet(f"color: {RED};")
        else:
            self.s_approved.setText(self.tr("%1张").replace("%1", str(approved)))
            self.s_approved.setStyleSheet("")

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        if not self.can_write or self.saving or self.data is None:
            return
        self.form.clear_problems()
        self.saving = True
        self._update_buttons()
        self.shell.call(centre.save_centre, self.values(), on_done=self._saved, on_error=self._failed)

    def _saved(self, _changes) -> None:
        self.saving = False
        saved = self.values()  # keeps the version read: a save before the reload is checked, not waved through
        self.loaded_info = None  # the reload that follows the Changes refills the form
        self._note = self.tr("已保存")
        self.fill(saved)

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self._update_buttons()
        if isinstance(exc, RuleViolation):
            self.show_problems(exc.problems)
        elif isinstance(exc, DomainError):
            self.show_problems([Problem("", exc.message)])
        else:
            self.shell.show_error(exc)

    def show_problems(self, problems: list[Problem]) -> None:
        self.form.set_problems(problems)
        self.status.setText(self.tr("未保存：请修改标红的项目"))
        self.status.setStyleSheet(f"color: {RED};")

    def field_error(self, field: str) -> str:
        lbl = self.form.error_for(field)
        return lbl.text() if lbl is not None and not lbl.isHidden() else ""


def _left(w: QWidget) -> QWidget:
    """A short input kept at its natural width, left-aligned in the form."""
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(w)
    lay.addStretch(1)
    return box
