"""Dialogs that change a stay: readmit, move bed, leave, return from leave,
discharge and death. Each saves through one service call (one transaction)
and keeps itself open with the problems shown at their fields."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Problem
from ...domain.money import format_yuan
from ...domain.records import ResidentDetail, ResidentRow
from ...services import residents
from ..base import Shell
from ..widgets import ServiceDialog, date_edit, from_qdate

ResidentLike = ResidentRow | ResidentDetail

#: wide enough for the hints and error messages (with dates) on one or two lines
DIALOG_MIN_WIDTH = 480


class BedChooser(QComboBox):
    """Free beds on a day, loaded through the shell (services.residents.bed_choices):
    each with its monthly price (by bed type) and who sleeps in the room, with
    their sex. ``bed_chosen`` carries the BedChoice (or None)."""

    bed_chosen = Signal(object)

    def __init__(self, shell: Shell, parent: QWidget | None = None, exclude_bed: int | None = None,
                 wanted: int | None = None):
        super().__init__(parent)
        self.shell = shell
        self.exclude_bed = exclude_bed
        #: a bed to choose once loaded (登记入住 from a free bed on the bed map)
        self.wanted = wanted
        self.loaded_for: dt.date | None = None
        self.beds: list[residents.BedChoice] = []
        self._token = 0
        self.setMinimumWidth(260)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(lambda _i: self.bed_chosen.emit(self.choice()))

    def load(self, on: dt.date) -> None:
        self._token += 1
        token = self._token
        keep = self.bed_id()
        self.clear()
        self.addItem(self.tr("正在载入空床位…"), None)
        self.setEnabled(False)
        self.shell.call(residents.bed_choices, on, on_done=lambda beds: self._filled(token, on, beds, keep))

    def item_text(self, b) -> str:
        price = (self.tr("%1/月").replace("%1", format_yuan(b.monthly_fen)) if b.monthly_fen is not None
                 else self.tr("未定价"))
        if b.roommates:
            mates = self.tr("同室：%1").replace("%1", "、".join(f"{m.name}（{m.gender}）" for m in b.roommates))
        else:
            mates = self.tr("房间无人")
        return f"{b.code}　{b.bed.bed_type}·{b.bed.room_type}　{price}　{mates}"

    def _filled(self, token: int, on: dt.date, beds: list, keep: int | None) -> None:
        if token != self._token:
            return
        self.loaded_for = on
        self.beds = [b for b in beds if b.bed_id != self.exclude_bed]
        self.blockSignals(True)
        self.clear()
        if not self.beds:
            self.addItem(self.tr("%1 没有空床位（请先在“床位”页面添加房间和床位）").replace("%1", f"{on:%Y-%m-%d}"),
                         None)
            self.setEnabled(False)
            self.blockSignals(False)
            self.bed_chosen.emit(None)
            return
        self.addItem(self.tr("请选择床位"), None)
        for b in self.beds:
            self.addItem(self.item_text(b), b.bed_id)
            self.setItemData(self.count() - 1, self.item_text(b), Qt.ItemDataRole.ToolTipRole)
        self.setEnabled(True)
        want = keep if keep is not None else self.wanted
        if want is not None:
            i = self.findData(want)
            if i >= 0:
                self.setCurrentIndex(i)
        self.blockSignals(False)
        self.bed_chosen.emit(self.choice())

    def bed_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def choice(self):
        """The chosen BedChoice (occupants, price), or None."""
        bid = self.bed_id()
        return next((b for b in self.beds if b.bed_id == bid), None)

    def select_code(self, code: str) -> bool:
        for b in self.beds:
            if b.code == code:
                self.setCurrentIndex(self.findData(b.bed_id))
                return True
        return False


class CoupleConfirm(QWidget):
    """Shown under the bed picker when the chosen room has residents of the
    other sex: the warning and the 夫妻同住 confirmation passed to the service
    (which refuses a mixed room without it, and records the override)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #c62828;")
        self.box = QCheckBox(self.tr("夫妻同住：已核实为夫妻，允许男女同住此房间"), self)
        lay.addWidget(self.warning)
        lay.addWidget(self.box)
        self.hide()

    def update_for(self, choice, gender: str) -> None:
        mixed = choice is not None and choice.mixes(gender)
        if mixed:
            others = [m for m in choice.roommates if m.gender and m.gender != gender]
            self.warning.setText(self.tr("该房间住有%1：男女不能同住一室，夫妻同住须确认").replace(
                "%1", "、".join(f"{m.name}（{m.gender}）" for m in others)))
        else:
            self.box.setChecked(False)
        self.setVisible(mixed)

    def couple(self) -> bool:
        return not self.isHidden() and self.box.isChecked()


def _who(r: ResidentLike) -> str:
    return f"{r.name}（{r.gender}，{r.id_number}）"


def _readonly(text: str, parent: QWidget) -> QLabel:
    lbl = QLabel(text, parent)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


class ReadmitDialog(ServiceDialog):
    """再次入住: a discharged resident comes back to a free bed."""

    def __init__(self, shell: Shell, resident: ResidentLike, parent: QWidget | None = None):
        super().__init__(shell, self.tr("再次入住"), parent)
        _widen(self)
        self.resident = resident
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("住户"), _readonly(_who(resident), self))
        self.date = date_edit(today, self, maximum=today)
        f.add_row("admission_date", self.tr("入住日期"), self.date)
        self.bed = BedChooser(shell, self)
        self.couple = CoupleConfirm(self)
        f.add_row("bed", self.tr("床位"), self.bed, hint=self.couple)
        self.bed.bed_chosen.connect(lambda c: self.couple.update_for(c, resident.gender))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("可选，例如：出院后返回"))
        f.add_row("note", self.tr("备注"), self.note)
        self.finish_layout()
        self.date.dateChanged.connect(lambda q: self.bed.load(from_qdate(q)))
        self.bed.load(today)
        self.date.setFocus()

    def save(self) -> None:
        bed_id = self.bed.bed_id()
        if bed_id is None:
            self.show_problems([Problem("bed", self.tr("请选择床位"))])
            return
        self.submit(residents.readmit, self.resident.id, from_qdate(self.date.date()), bed_id,
                    self.note.text().strip(), couple=self.couple.couple())


class MoveBedDialog(ServiceDialog):
    """调床: from a day on, the resident sleeps in another free bed."""

    def __init__(self, shell: Shell, resident: ResidentLike, current_bed: str, current_bed_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(shell, self.tr("调床"), parent)
        _widen(self)
        self.resident = resident
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("住户"), _readonly(_who(resident), self))
        f.add_row("", self.tr("当前床位"), _readonly(current_bed or self.tr("（无）"), self))
        self.date = date_edit(today, self, maximum=today)
        f.add_row("date", self.tr("调床日期"), self.date)
        f.add_widget(_hint(self.tr("自该日起住新床位，原床位到前一天为止"), self))
        self.bed = BedChooser(shell, self, exclude_bed=current_bed_id)
        self.couple = CoupleConfirm(self)
        f.add_row("bed", self.tr("新床位"), self.bed, hint=self.couple)
        self.bed.bed_chosen.connect(lambda c: self.couple.update_for(c, resident.gender))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：照护等级变化、本人申请"))
        f.add_row("reason", self.tr("原因"), self.reason)
        self.finish_layout()
        self.date.dateChanged.connect(lambda q: self.bed.load(from_qdate(q)))
        self.bed.load(today)
        self.bed.setFocus()

    def save(self) -> None:
        bed_id = self.bed.bed_id()
        if bed_id is None:
            self.show_problems([Problem("bed", self.tr("请选择新床位"))])
            return
        self.submit(residents.move_bed, self.resident.id, bed_id, from_qdate(self.date.date()),
                    self.reason.text().strip(), couple=self.couple.couple())


class LeaveDialog(ServiceDialog):
    """请假: the first day away, the reason, optionally the expected return."""

    def __init__(self, shell: Shell, resident: ResidentLike, parent: QWidget | None = None):
        super().__init__(shell, self.tr("请假"), parent)
        _widen(self)
        self.resident = resident
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("住户"), _readonly(_who(resident), self))
        self.first_day = date_edit(today, self, maximum=today)
        f.add_row("first_day", self.tr("请假首日"), self.first_day)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems([self.tr("住院治疗"), self.tr("回家探亲"), self.tr("外出"), self.tr("其他")])
        self.reason.setCurrentIndex(-1)
        self.reason.setMinimumWidth(260)
        self.reason.lineEdit().setPlaceholderText(self.tr("请填写或选择请假事由"))
        f.add_row("reason", self.tr("事由"), self.reason)
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.has_return = QCheckBox(self.tr("预计返院"), row)
        self.expected = date_edit(today + dt.timedelta(days=7), row)
        self.expected.setEnabled(False)
        self.has_return.toggled.connect(self.expected.setEnabled)
        lay.addWidget(self.has_return)
        lay.addWidget(self.expected, 1)
        f.add_row("expected_return", self.tr("返院日期"), row)
        self.finish_layout()
        self.first_day.setFocus()

    def save(self) -> None:
        expected = from_qdate(self.expected.date()) if self.has_return.isChecked() else None
        self.submit(residents.start_leave, self.resident.id, from_qdate(self.first_day.date()),
                    self.reason.currentText().strip(), expected)


class ReturnDialog(ServiceDialog):
    """销假: the resident is back on a day; the last day away is the day before."""

    def __init__(self, shell: Shell, resident: ResidentLike, leave_first_day: dt.date | None = None,
                 parent: QWidget | None = None):
        super().__init__(shell, self.tr("销假返院"), parent)
        _widen(self)
        self.resident = resident
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("住户"), _readonly(_who(resident), self))
        if leave_first_day:
            f.add_row("", self.tr("请假首日"), _readonly(f"{leave_first_day:%Y-%m-%d}", self))
        self.day = date_edit(today, self, maximum=today)
        f.add_row("return_day", self.tr("返院日期"), self.day)
        f.add_widget(_hint(self.tr("返院当天计为在院，离院最后一天为前一天"), self))
        self.finish_layout()
        self.day.setFocus()

    def save(self) -> None:
        self.submit(residents.end_leave, self.resident.id, from_qdate(self.day.date()))


class DischargeDialog(ServiceDialog):
    """退住 or 去世登记: the last day of service and the reason."""

    def __init__(self, shell: Shell, resident: ResidentLike, deceased: bool = False, parent: QWidget | None = None):
        super().__init__(shell, self.tr("去世登记") if deceased else self.tr("办理退住"), parent)
        _widen(self)
        self.resident = resident
        self.deceased = deceased
        today = shell.ctx.today()
        f = self.form
        f.add_row("", self.tr("住户"), _readonly(_who(resident), self))
        self.day = date_edit(today, self, maximum=today)
        if deceased:
            f.add_row("last_day", self.tr("去世日期"), self.day)
        else:
            f.add_row("last_day", self.tr("退住日期"), self.day)
            f.add_widget(_hint(self.tr("退住日期为最后一个服务日，床位自次日起空出"), self))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("例如：病故、医院") if deceased else self.tr("例如：回家养老、转院"))
        f.add_row("reason", self.tr("情况说明") if deceased else self.tr("退住原因"), self.reason)
        note = _hint(self.tr("办理后住户记录仍保留，可在“已离院”中查看。押金余额须在10日内退还并计付活期利息。"), self)
        f.add_widget(note)
        self.ok_button.setText(self.tr("确认登记") if deceased else self.tr("确认退住"))
        self.finish_layout()
        self.day.setFocus()

    def save(self) -> None:
        self.submit(residents.discharge, self.resident.id, from_qdate(self.day.date()), self.reason.text().strip(),
                    self.deceased)


def _widen(dlg: ServiceDialog) -> None:
    """A minimum width, and fields (with their error messages) as wide as the
    dialog, so that hints and errors with dates are not cut off."""
    dlg.setMinimumWidth(DIALOG_MIN_WIDTH)
    dlg.form.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    show = dlg.show_problems

    def show_problems(problems) -> None:
        show(problems)
        dlg.adjustSize()  # room for the (wrapped) error lines

    dlg.show_problems = show_problems  # type: ignore[method-assign]


def _hint(text: str, parent: QWidget) -> QLabel:
    lbl = QLabel(text, parent)
    lbl.setWordWrap(True)
    lbl.setStyleSheet("color: #666666; font-size: 12px;")
    return lbl
