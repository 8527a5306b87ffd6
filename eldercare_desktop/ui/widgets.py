"""Small shared widgets: a form with inline error labels, a dialog that saves
through the shell and keeps itself open on rule violations, date edits,
a busy indicator and a progress runner for long jobs."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError, Problem, RuleViolation, StaleRecord
from .worker import Aborted

if TYPE_CHECKING:  # pragma: no cover
    from .base import Shell
    from .worker import DbWorker

ERROR_COLOUR = "#c62828"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
INVALID_SHEET = f'*[invalid="true"] {{ border: 1px solid {ERROR_COLOUR}; }}'


translate = QCoreApplication.translate


# -- dates ------------------------------------------------------------------

def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def date_edit(day: dt.date | None = None, parent: QWidget | None = None,
              minimum: dt.date | None = None, maximum: dt.date | None = None) -> QDateEdit:
    """A QDateEdit with a calendar popup showing yyyy-MM-dd."""
    w = QDateEdit(parent)
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setMinimumDate(to_qdate(minimum or dt.date(1900, 1, 1)))
    if maximum:
        w.setMaximumDate(to_qdate(maximum))
    if day:
        w.setDate(to_qdate(day))
    w.setMinimumWidth(120)
    return w


# -- inline validation --------------------------------------------------------

def page_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A page's heading: bold, half again the normal size."""
    title = QLabel(text, parent)
    f = title.font()
    f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 9) * 1.5)
    f.setBold(True)
    title.setFont(f)
    return title


def error_label(parent: QWidget | None = None) -> QLabel:
    lbl = QLabel(parent)
    lbl.setStyleSheet(ERROR_STYLE)
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lbl.hide()
    return lbl


class ErrorForm(QWidget):
    """A QFormLayout whose rows carry an error label under the input.

    ``add_row(field, label, widget)`` names the row after the service's
    ``Problem.field``; ``set_problems`` puts each problem under its row (marking
    the input red) and any without a row in the general label at the top."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general = error_label(self)
        outer.addWidget(self.general)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(self.layout_)
        self._rows: dict[str, tuple[QWidget, QLabel]] = {}
        self._aliases: dict[str, str] = {}
        self.setStyleSheet(INVALID_SHEET)

    def add_row(self, field: str, label: str, widget: QWidget, *, aliases: Iterable[str] = (),
                hint: QWidget | None = None) -> QLabel:
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        if hint is not None:
            col.addWidget(hint)
        err = error_label(box)
        col.addWidget(err)
        self.layout_.addRow(label, box)
        if field:
            self._rows[field] = (widget, err)
            for a in aliases:
                self._aliases[a] = field
        return err

    def add_widget(self, widget: QWidget) -> None:
        self.layout_.addRow(widget)

    def has_field(self, field: str) -> bool:
        return self._aliases.get(field, field) in self._rows

    def error_for(self, field: str) -> QLabel | None:
        row = self._rows.get(self._aliases.get(field, field))
        return row[1] if row else None

    def clear_problems(self) -> None:
        self.general.clear()
        self.general.hide()
        for w, err in self._rows.values():
            err.clear()
            err.hide()
            _mark(w, False)

    def set_problems(self, problems: Iterable[Problem], focus: bool = True) -> None:
        self.clear_problems()
        general: list[str] = []
        per_row: dict[str, list[str]] = {}
        first: QWidget | None = None
        for p in problems:
            key = self._aliases.get(p.field, p.field)
            if key in self._rows:
                per_row.setdefault(key, []).append(p.message)
            else:
                general.append(p.message)
        for key, messages in per_row.items():
            w, err = self._rows[key]
            err.setText("\n".join(dict.fromkeys(messages)))
            err.show()
            _mark(w, True)
            first = first or w
        if general:
            self.general.setText("\n".join(dict.fromkeys(general)))
            self.general.show()
        if first is not None and focus:
            first.setFocus()
        if per_row or general:
            grow_to_fit(self)

    def set_field_error(self, field: str, message: str | None) -> None:
        row = self._rows.get(self._aliases.get(field, field))
        if row is None:
            return
        w, err = row
        err.setText(message or "")
        err.setVisible(bool(message))
        _mark(w, bool(message))
        if message:
            grow_to_fit(self)


def grow_to_fit(widget: QWidget) -> None:
    """After error labels appear: let the window grow so nothing overlaps."""
    win = widget.window()
    lay = win.layout()
    if lay is not None:
        lay.activate()
    hint = win.sizeHint()
    if win.height() < hint.height() or win.width() < hint.width():
        win.resize(max(win.width(), hint.width()), max(win.height(), hint.height()))


def _mark(w: QWidget, invalid: bool) -> None:
    if bool(w.property("invalid")) == invalid:
        return
    w.setProperty("invalid", invalid)
    w.style().unpolish(w)
    w.style().polish(w)


class ServiceDialog(QDialog):
    """A dialog that saves by running a service through the shell.

    Subclasses build ``self.form`` and implement ``save()`` which calls
    ``self.submit(fn, *args)``. While the job runs the OK button is disabled;
    a RuleViolation is shown at its fields and the dialog stays open; any
    other error goes to the shell's error box. ``result_value`` holds what the
    service returned."""

    def __init__(self, shell: "Shell", title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.busy = False
        self.form = ErrorForm(self)
        #: every ErrorForm of the dialog; problems go to the form that has the field
        self.forms: list[ErrorForm] = [self.form]
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(self.form)

    def finish_layout(self) -> None:
        self.main_layout.addWidget(self.buttons)

    def _on_ok(self) -> None:
        if self.busy:
            return
        for f in self.forms:
            f.clear_problems()
        self.save()

    def error_for(self, field: str) -> QLabel | None:
        """The error label of a field, in whichever form holds it."""
        for f in self.forms:
            if f.has_field(field):
                return f.error_for(field)
        return None

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Each problem under its field; problems without a field on top."""
        routed: list[list[Problem]] = [[] for _ in self.forms]
        general: list[Problem] = []
        for p in problems:
            for i, f in enumerate(self.forms):
                if f.has_field(p.field):
                    routed[i].append(p)
                    break
            else:
                general.append(p)
        focused = False
        for i, f in enumerate(self.forms):
            items = routed[i] + (general if i == 0 else [])
            f.set_problems(items, focus=not focused)
            focused = focused or bool(routed[i])

    def save(self) -> None:  # pragma: no cover - subclasses
        raise NotImplementedError

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.busy = True
        self.ok_button.setEnabled(False)
        self.shell.call(fn, *args, on_done=self._saved, on_error=self._failed, **kwargs)

    def _saved(self, result: Any) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, StaleRecord):
            self.show_problems(exc.problems)
            self.offer_reload(exc.message)
        elif isinstance(exc, RuleViolation):
            self.show_problems(exc.problems)
        elif isinstance(exc, DomainError):
            self.show_problems([Problem("", exc.message)])
        else:
            self.shell.show_error(exc)

    def reject(self) -> None:
        if self.busy:  # the save is running; its result decides
            return
        super().reject()

    # -- a record changed elsewhere (services.versions) ------------------------

    #: the open 「重新载入」 question, while it is shown (tests press its buttons)
    stale_prompt: QMessageBox | None = None

    def offer_reload(self, message: str) -> None:
        """Saving met a newer version: offer to load it (dropping this form's
        edits) or to keep the form open (to copy what was typed)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), message, parent=self)
        box.setInformativeText(self.tr("重新载入将显示他人保存的最新内容，本窗口中尚未保存的修改将被放弃。"))
        self.reload_button = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("暂不载入"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.reload_button)
        box.finished.connect(lambda _r: self._reload_chosen(box))
        self.stale_prompt = box
        box.open()

    def _reload_chosen(self, box: QMessageBox) -> None:
        self.stale_prompt = None
        if box.clickedButton() is not self.reload_button:
            return
        for f in self.forms:
            f.clear_problems()
        if not self.reload_record():
            self.reject()  # nothing to reload into: the page shows the fresh record

    def reload_record(self) -> bool:
        """Refill the form from the database (the dialog's own record, read
        again with its new version); False: the dialog cannot, and closes."""
        return False


# -- busy indicator -----------------------------------------------------------

class BusyIndicator(QWidget):
    """An indeterminate bar with a word, shown only when work lasts > 250 ms."""

    def __init__(self, parent: QWidget | None = None, delay_ms: int = 250):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("正在处理…"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(80, 12)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.show)
        self.busy = False
        self.hide()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self._timer.start()
        else:
            self._timer.stop()
            self.hide()


# -- long jobs ----------------------------------------------------------------

def run_with_progress(parent: QWidget | None, worker: "DbWorker", title: str, fn: Callable[..., Any],
                      *args: Any, on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      on_cancelled: Callable[[], None] | None = None, **kwargs: Any) -> QProgressDialog:
    """Run ``fn(*args, progress=..., abort=...)`` on the worker with a modal
    progress dialog whose Cancel sets ``abort``."""
    dlg = QProgressDialog(title, translate("widgets", "取消"), 0, 1000, parent)
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dlg.setMinimumDuration(0)
    dlg.setAutoClose(False)
    dlg.setAutoReset(False)
    dlg.setMinimumWidth(420)
    dlg.setValue(0)

    def progress(frac: float, message: str) -> None:
        dlg.setValue(int(max(0.0, min(1.0, frac)) * 1000))
        if message:
            dlg.setLabelText(message)

    state = {"finished": False}

    def finish() -> None:
        state["finished"] = True
        dlg.close()
        dlg.deleteLater()

    def done(result: Any) -> None:
        finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Aborted):
            if on_cancelled:
                on_cancelled()
            return
        if on_error:
            on_error(exc)

    job = worker.submit(fn, *args, on_done=done, on_error=failed, on_progress=progress, with_progress=True, **kwargs)

    def cancel() -> None:
        if state["finished"]:
            return
        job.abort.set()
        dlg.setLabelText(translate("widgets", "正在取消…"))
        for b in dlg.findChildren(QPushButton):
            b.setEnabled(False)
        dlg.show()

    dlg.canceled.connect(cancel)
    dlg.job = job  # type: ignore[attr-defined]
    dlg.show()
    return dlg


# -- saving documents ------------------------------------------------------------------

def documents_folder() -> Path:
    """Where a save dialog starts: the user's Documents folder, else home."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or Path.home())


def offer_open(parent: QWidget, path: str, title: str) -> QMessageBox:
    """A non-modal "saved to … open it now?" box; Open shows the file in the
    system viewer. Returns the box (tests read and close it)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    box = QMessageBox(QMessageBox.Icon.Information, title,
                      QCoreApplication.translate("widgets", "已保存到：\n%1\n\n现在打开吗？").replace("%1", path),
                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Open)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(
        lambda b: QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        if box.standardButton(b) == QMessageBox.StandardButton.Open else None)
    box.open()
    return box


def save_dialog_labels() -> dict:
    """The labels of the save dialog in the interface language (Qt's own
    translation leaves 文件类型 and 位置 in English)."""
    from PySide6.QtWidgets import QFileDialog

    L = QFileDialog.DialogLabel
    return {
        L.Accept: translate("widgets", "保存"),
        L.Reject: translate("widgets", "取消"),
        L.FileName: translate("widgets", "文件名："),
        L.FileType: translate("widgets", "文件类型："),
        L.LookIn: translate("widgets", "位置："),
    }


def _suffix(pattern: str) -> str:
    """"Excel 工作簿 (*.xlsx);;…" → "xlsx" (the first filter's first extension)."""
    import re

    m = re.search(r"\*\.([A-Za-z0-9]+)", pattern or "")
    return m.group(1) if m else ""


def save_dialog(parent: QWidget | None, title: str, file_name: str, pattern: str):
    """The save dialog :func:`save_file_path` shows, built but not shown (tests
    inspect it): Qt's own dialog (not the system's, which ignores the interface
    language), labels in the interface language, starting in the user's
    documents folder with ``file_name`` filled in (an absolute ``file_name``
    starts in its own folder), confirming before it overwrites."""
    from PySide6.QtWidgets import QFileDialog

    path = Path(file_name).expanduser() if file_name else Path()
    if not path.is_absolute():
        path = documents_folder() / path
    folder, name = (path, "") if path.is_dir() else (path.parent, path.name)
    while not folder.is_dir() and folder.parent != folder:  # e.g. no Documents folder yet
        folder = folder.parent
    dlg = QFileDialog(parent, title, str(folder), pattern)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    dlg.setDirectory(str(folder))
    if name:
        dlg.selectFile(name)
    suffix = _suffix(pattern)
    if suffix:
        dlg.setDefaultSuffix(suffix)
    for label, text in save_dialog_labels().items():
        dlg.setLabelText(label, text)
    return dlg


def save_file_path(parent: QWidget | None, title: str, file_name: str, pattern: str) -> str | None:
    """Ask where to save a document: the chosen path, or None when cancelled.
    ``file_name`` is the suggested name (in the documents folder) or a full
    path; ``pattern`` a Qt filter such as "Excel 工作簿 (*.xlsx)"."""
    dlg = save_dialog(parent, title, file_name, pattern)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        files = dlg.selectedFiles()
        return files[0] if files and files[0] else None
    finally:
        dlg.deleteLater()
