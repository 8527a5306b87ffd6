"""The 护理员 tab's dialogs: a worker (the 身份证号 is validated by the
service, its Chinese message shown under the field), a labour contract,
a certificate, social insurance months, a training, leaving. Each saves
through one service call and stays open on a rule it breaks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from ...domain.subsidy_records import CERT_LEVELS
from ...viewmodels import subsidies as vm
from ..base import LazyService, Shell
from ..widgets import ServiceDialog, date_edit, from_qdate, to_qdate

care_workers = LazyService("care_workers")
NOTE_STYLE = "color: #555;"


# --- work on the database thread ---------------------------------------------------------

def add_worker(ctx, fields: dict):
    from ...services import care_workers as svc

    return svc.add_worker(ctx, svc.WorkerInput(**fields))


def update_worker(ctx, worker_id: int, fields: dict):
    from ...services import care_workers as svc

    return svc.update_worker(ctx, worker_id, svc.WorkerInput(**fields))


def import_file(ctx, path: str):
    """导入: an XLSX sheet → care_workers.import_workers (all rows or none)."""
    from ...services import care_workers as svc

    return svc.import_workers(ctx, Path(path).read_bytes())


def save_template(ctx, path: str) -> str:
    from ...services import care_workers as svc

    Path(path).write_bytes(svc.import_template())
    return path


def export_roster(ctx, path: str, include_left: bool = False, progress=None, abort=None):
    """导出花名册 (subsidy_documents.workers_xlsx), behind a progress dialog."""
    from ...services import subsidy_documents as docs

    if progress:
        progress(0.05, "")
    out = docs.workers_xlsx(ctx, path, include_left)
    if progress:
        progress(1.0, "")
    return out if out is not None else path


# --- widgets -------------------------------------------------------------------------------

class OptionalDate(QWidget):
    """A date that may be left out: a check box enables the date edit."""

    def __init__(self, text: str, day: dt.date | None, today: dt.date, parent: QWidget | None = None,
                 checked_means_none: bool = False):
        super().__init__(parent)
        self.none_when_checked = checked_means_none
        self.check = QCheckBox(text, self)
        self.edit = date_edit(day or today, self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        lay.addWidget(self.check)
        lay.addStretch(1)
        self.check.toggled.connect(lambda _b: self._sync())
        self.check.setChecked((day is None) if checked_means_none else (day is not None))
        self._sync()

    def _sync(self) -> None:
        self.edit.setEnabled(self.check.isChecked() != self.none_when_checked)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.edit.isEnabled() else None

    def set_value(self, day: dt.date | None) -> None:
        if day is not None:
            self.edit.setDate(to_qdate(day))
        self.check.setChecked((day is None) if self.none_when_checked else (day is not None))


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _who(worker: Any) -> QLabel:
    label = QLabel(f"{worker.name}　{worker.id_number}")
    return label


# --- dialogs -------------------------------------------------------------------------------

class WorkerDialog(ServiceDialog):
    """登记护理员 / 修改护理员. ``detail``: worker_detail() of the worker edited."""

    def __init__(self, shell: Shell, detail: dict | None = None, parent: QWidget | None = None):
        super().__init__(shell, self.tr("修改护理员") if detail else self.tr("登记护理员"), parent)
        w = (detail or {}).get("worker", {})
        self.worker_id = w.get("id")
        today = shell.ctx.today()
        self.name = QLineEdit(w.get("name", ""), self)
        self.id_number = QLineEdit(w.get("id_number", ""), self)
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18位，性别和出生日期从身份证号读出"))
        self.phone = QLineEdit(w.get("phone", ""), self)
        self.care_start = OptionalDate(self.tr("填写"), _d(w.get("care_start")), today, self)
        self.notes = QLineEdit(w.get("notes", ""), self)
        self.form.add_row("name", self.tr("姓名"), self.name)
        self.form.add_row("id_number", self.tr("身份证号"), self.id_number)
        self.form.add_row("phone", self.tr("联系电话"), self.phone)
        self.form.add_row("care_start", self.tr("连续从事护理工作起始日"), self.care_start)
        self.form.add_row("notes", self.tr("备注"), self.notes)
        self.ok_button.setText(self.tr("保存"))
        self.finish_layout()
        self.setMinimumWidth(520)
        self.name.setFocus()

    def fields(self) -> dict:
        return {"name": self.name.text(), "id_number": self.id_number.text().strip().upper(),
                "phone": self.phone.text(), "care_start": self.care_start.value(), "notes": self.notes.text()}

    def save(self) -> None:
        if self.worker_id is None:
            self.submit(add_worker, self.fields())
        else:
            self.submit(update_worker, self.worker_id, self.fields())


class ContractDialog(ServiceDialog):
    """登记劳动合同: start, end (or 无固定期限), note."""

    def __init__(self, shell: Shell, worker: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记劳动合同"), parent)
        self.worker = worker
        today = shell.ctx.today()
        self.start = date_edit(today, self)
        self.end = OptionalDate(self.tr("无固定期限"), dt.date(today.year + 3, today.month, min(today.day, 28)), today,
                                self, checked_means_none=True)
        self.note = QLineEdit(self)
        self.form.add_row("", self.tr("姓名"), _who(worker))
        self.form.add_row("start", self.tr("合同起始日"), self.start)
        self.form.add_row("end", self.tr("合同截止日"), self.end)
        self.form.add_row("note", self.tr("备注"), self.note)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(480)

    def save(self) -> None:
        self.submit(care_workers.add_contract, self.worker.id, from_qdate(self.start.date()), self.end.value(),
                    self.note.text())


class CertificateDialog(ServiceDialog):
    """登记资格证书: level, number, issued, valid until (optional)."""

    def __init__(self, shell: Shell, worker: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记资格证书"), parent)
        self.worker = worker
        today = shell.ctx.today()
        self.level = QComboBox(self)
        self.level.addItems(list(CERT_LEVELS))
        self.number = QLineEdit(self)
        self.issued = date_edit(today, self, maximum=today)
        self.valid_until = OptionalDate(self.tr("有有效期"), None, today, self)
        self.form.add_row("", self.tr("姓名"), _who(worker))
        self.form.add_row("level", self.tr("证书等级"), self.level)
        self.form.add_row("number", self.tr("证书编号"), self.number)
        self.form.add_row("issued", self.tr("发证日期"), self.issued)
        self.form.add_row("valid_until", self.tr("有效期至"), self.valid_until)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.number.setFocus()

    def save(self) -> None:
        self.submit(care_workers.add_certificate, self.worker.id, self.level.currentText(), self.number.text(),
                    from_qdate(self.issued.date()), self.valid_until.value())


class InsuranceDialog(ServiceDialog):
    """登记社保缴纳: months as '2026-01~2026-06, 2026-09', paid or not paid."""

    def __init__(self, shell: Shell, worker: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记社保缴纳月份"), parent)
        self.worker = worker
        self.months = QLineEdit(vm.last_months(shell.ctx.today()), self)
        self.months.setPlaceholderText(self.tr("如 2026-01~2026-06, 2026-09"))
        self.paid = QRadioButton(self.tr("已缴"), self)
        self.unpaid = QRadioButton(self.tr("改为未缴（撤销登记）"), self)
        self.paid.setChecked(True)
        box = QWidget(self)
        bl = QHBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.paid)
        bl.addWidget(self.unpaid)
        bl.addStretch(1)
        self.form.add_row("", self.tr("姓名"), _who(worker))
        self.form.add_row("months", self.tr("月份"), self.months)
        self.form.add_row("paid", self.tr("缴纳情况"), box)
        hint = QLabel(self.tr("区间用~连接，多段用逗号分隔；未登记的月份视为未缴。"), self)
        hint.setStyleSheet(NOTE_STYLE)
        self.form.add_widget(hint)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(480)

    def save(self) -> None:
        self.submit(care_workers.record_insurance, self.worker.id, self.months.text(), self.paid.isChecked())


class TrainingDialog(ServiceDialog):
    """登记培训: day, course, hours."""

    def __init__(self, shell: Shell, worker: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("登记培训"), parent)
        self.worker = worker
        today = shell.ctx.today()
        self.day = date_edit(today, self, maximum=today)
        self.course = QLineEdit(self)
        self.course.setPlaceholderText(self.tr("如：养老护理员岗前培训"))
        self.hours = QSpinBox(self)
        self.hours.setRange(0, 2000)
        self.hours.setSuffix(self.tr(" 学时"))
        self.form.add_row("", self.tr("姓名"), _who(worker))
        self.form.add_row("day", self.tr("培训日期"), self.day)
        self.form.add_row("course", self.tr("培训内容"), self.course)
        self.form.add_row("hours", self.tr("学时"), self.hours)
        self.ok_button.setText(self.tr("登记"))
        self.finish_layout()
        self.setMinimumWidth(480)
        self.course.setFocus()

    def save(self) -> None:
        self.submit(care_workers.add_training, self.worker.id, from_qdate(self.day.date()), self.course.text(),
                    self.hours.value())


class LeaveDialog(ServiceDialog):
    """离职: the last day worked (a contract running past it ends that day)."""

    def __init__(self, shell: Shell, worker: Any, parent: QWidget | None = None):
        super().__init__(shell, self.tr("护理员离职"), parent)
        self.worker = worker
        self.day = date_edit(shell.ctx.today(), self)
        self.form.add_row("", self.tr("姓名"), _who(worker))
        self.form.add_row("day", self.tr("最后工作日"), self.day)
        hint = QLabel(self.tr("晚于该日的劳动合同在该日终止；离职后不再计入以后月份的补贴。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)
        self.form.add_widget(hint)
        self.ok_button.setText(self.tr("登记离职"))
        self.finish_layout()
        self.setMinimumWidth(480)

    def save(self) -> None:
        self.submit(care_workers.leave, self.worker.id, from_qdate(self.day.date()))


__all__ = ["WorkerDialog", "ContractDialog", "CertificateDialog", "InsuranceDialog", "TrainingDialog",
           "LeaveDialog", "OptionalDate", "import_file", "save_template", "export_roster"]
