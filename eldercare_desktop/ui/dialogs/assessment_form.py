"""The needs-assessment form, built from the instrument's data (GB/T 42195-2022,
MZ/T 039-2013 or any later file): never an item written in code.

Keyboard-first: on an item, typing a digit picks that score and moves on to
the next item; ↑/↓ move between items, PageUp/PageDown between sections,
Backspace clears. The summary on the right follows every change: section
subtotals (partial while incomplete), total, preliminary grade, the
adjustments that apply, the final grade and the care level that follows.

Also here: the small 即时评估申请 dialog."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.assessment import Instrument, Item
from ...domain.errors import DomainError, Problem, RuleViolation
from ...domain.records import AssessmentDetail
from ...domain.residents import ACTIVE_STATUSES
from ...domain.roles import Perm
from ...services import assessments as svc
from ...services import residents
from ...viewmodels import assessments as vm
from ..base import Shell
from ..widgets import ERROR_COLOUR, ErrorForm, ServiceDialog, date_edit, error_label, from_qdate, to_qdate

translate = QCoreApplication.translate

NEW, VIEW, CORRECT = "new", "view", "correct"
HEALTH_PAGE = "health"
HEADER_FIELDS = ("base_date", "reason", "assessors", "informant", "notes")
HEALTH_FIELDS = ("diagnoses", "medications", "risk_events", "coma", "health", "notes")


# -- what the form needs, gathered on the database thread ------------------------------

@dataclass(frozen=True)
class FormSetup:
    resident_id: int
    resident_name: str
    resident_text: str  # “张三（男，86岁）　A101-1”
    instrument: Instrument
    care_levels: dict[int, str]
    current_level: str
    agent_name: str = ""
    agent_relation: str = ""
    reason: str = "常规评估"
    mode: str = NEW
    detail: AssessmentDetail | None = None
    superseded: bool = False
    can_write: bool = True


def gather_form(ctx, resident_id: int | None, mode: str = NEW, assessment_id: int | None = None,
                due_reason: str | None = None) -> FormSetup:
    """Runs on the database thread: the resident, the instrument, the care
    levels, the agent (for the informant) and, to view or correct, the saved one."""
    from ...domain.identity import age_on

    detail = svc.get_detail(ctx, assessment_id) if assessment_id is not None else None
    rid = detail.resident_id if detail is not None else resident_id
    r = residents.get_resident(ctx, rid)
    if mode == CORRECT and detail is not None and detail.superseded_by_number:
        raise RuleViolation(f"评估{detail.number}已被{detail.superseded_by_number}更正过，请更正最新的那份")
    if mode != VIEW and r.status not in (x.value for x in ACTIVE_STATUSES):
        raise RuleViolation(f"“{r.name}”目前{r.status}，不能再做评估")
    if detail is not None and mode != NEW:
        code = detail.instrument_code
    else:
        code = svc.get_settings(ctx).instrument_code
    ins = svc.instrument(code)
    levels = svc.care_levels(ctx, code)
    hist = svc.history(ctx, rid) if mode == NEW else []
    bed = r.current_bed.bed_code if r.current_bed else ""
    text = f"{r.name}（{r.gender}，{age_on(r.birth_date, ctx.today())}岁）" + (f"　{bed}" if bed else "")
    agent = r.agent
    reason = vm.reason_for_new(due_reason, bool(hist)) if mode == NEW else ("其他" if mode == CORRECT else "")
    return FormSetup(
        resident_id=rid, resident_name=r.name, resident_text=text, instrument=ins, care_levels=levels,
        current_level=svc.current_care_level(ctx, rid), agent_name=agent.name if agent else "",
        agent_relation=agent.relationship if agent else "", reason=reason, mode=mode, detail=detail,
        superseded=bool(detail and detail.superseded_by_number),
        can_write=ctx.actor.can(Perm.RESIDENT_WRITE),
    )


# -- one item ------------------------------------------------------------------------------

class _ClickLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


ROW_SHEET = f"""
QFrame#itemRow {{ border: 1px solid transparent; border-radius: 4px; background: transparent; }}
QFrame#itemRow[current="true"] {{ background: #e9f2fc; border: 1px solid #8fb6e6; }}
QFrame#itemRow[invalid="true"] {{ background: #fdecea; border: 1px solid {ERROR_COLOUR}; }}
QFrame#itemRow[invalid="true"][current="true"] {{ background: #fbe0dc; border: 2px solid {ERROR_COLOUR}; }}
"""


def _set_prop(w: QWidget, name: str, value: bool) -> None:
    if bool(w.property(name)) == value:
        return
    w.setProperty(name, value)
    w.style().unpolish(w)
    w.style().polish(w)


class ItemRow(QFrame):
    """One item: its name and description on the left, its options (radio
    buttons with the wording and the score) on the right. The row takes the
    keyboard focus; the radio buttons do not (so Tab goes item to item)."""

    changed = Signal(str)  # item code

    def __init__(self, item: Item, number: int, form: "AssessmentFormDialog", parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.form = form
        self.setObjectName("itemRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._value: int | None = None
        self.read_only = False
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)

        left = QVBoxLayout()
        left.setSpacing(2)
        head = QHBoxLayout()
        self.name_label = QLabel(f"<b>{number}. {html.escape(item.name)}</b>"
                                 f" <span style='color:#888; font-size:11px'>{html.escape(item.code)}</span>", self)
        self.badge = QLabel(self)
        self.badge.setMinimumWidth(44)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.name_label, 1)
        head.addWidget(self.badge)
        left.addLayout(head)
        self.desc_label = QLabel(item.description, self)
        self.desc_label.setWordWrap(True)
        self.desc_label.setStyleSheet("color: #6b6b6b; font-size: 12px;")
        self.desc_label.setVisible(bool(item.description))
        left.addWidget(self.desc_label)
        self.hint_label = QLabel(self)
        self.hint_label.setStyleSheet("color: #1565c0; font-size: 12px;")
        self.hint_label.hide()
        left.addWidget(self.hint_label)
        self.error = error_label(self)
        left.addWidget(self.error)
        left.addStretch(1)
        box = QWidget(self)
        box.setLayout(left)
        box.setFixedWidth(230)

        opts = QVBoxLayout()
        opts.setSpacing(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.radios: dict[int, QRadioButton] = {}
        self.option_labels: dict[int, QLabel] = {}
        for opt in item.options:
            line = QHBoxLayout()
            line.setSpacing(4)
            rb = QRadioButton(QCoreApplication.translate("AssessmentForm", "%1分").replace("%1", str(opt.score)), self)
            rb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            rb.setMinimumWidth(52)
            rb.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            lbl = _ClickLabel(opt.text, self)
            lbl.setWordWrap(True)
            lbl.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            lbl.clicked.connect(lambda s=opt.score: self._clicked(s))
            rb.clicked.connect(lambda _=False, s=opt.score: self._clicked(s))
            self.group.addButton(rb, opt.score)
            self.radios[opt.score] = rb
            self.option_labels[opt.score] = lbl
            line.addWidget(rb, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(lbl, 1)
            opts.addLayout(line)
        grid.addWidget(box, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(opts, 0, 1)
        grid.setColumnStretch(1, 1)
        self._show_value()

    @property
    def scores(self) -> list[int]:
        return [o.score for o in self.item.options]

    def value(self) -> int | None:
        return self._value

    def set_value(self, score: int | None, emit: bool = True) -> None:
        if score is not None and not self.item.allows(score):
            raise ValueError(score)
        if score == self._value:
            return
        self._value = score
        self.group.setExclusive(False)
        for s, rb in self.radios.items():
            rb.setChecked(s == score)
        self.group.setExclusive(True)
        self._show_value()
        if score is not None:
            self.set_error(None)
        if emit:
            self.changed.emit(self.item.code)

    def _show_value(self) -> None:
        if self._value is None:
            self.badge.setText("<span style='color:#9e9e9e'>" + html.escape(self.tr("未评")) + "</span>")
        else:
            self.badge.setText(f"<b style='color:#0d47a1; font-size:15px'>{self._value}</b>"
                               f"<span style='color:#777'>/{self.item.max}</span>")
        for s, lbl in self.option_labels.items():
            lbl.setStyleSheet("color: #0d47a1; font-weight: bold;" if s == self._value else "")

    def _clicked(self, score: int) -> None:
        if self.read_only:
            self.group.setExclusive(False)
            for s, rb in self.radios.items():
                rb.setChecked(s == self._value)
            self.group.setExclusive(True)
            self.form.focus_row(self)
            return
        self.set_value(score)
        self.form.focus_row(self)

    def set_current(self, on: bool) -> None:
        _set_prop(self, "current", on)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        _set_prop(self, "invalid", bool(message))

    def set_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def set_read_only(self, on: bool) -> None:
        self.read_only = on
        for rb in self.radios.values():
            rb.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, on)

    # -- keyboard ------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.form.handle_item_key(self, event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.form.set_current_row(self)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.form.focus_row(self)
        super().mousePressEvent(event)


# -- the live summary ----------------------------------------------------------------------

class SummaryPanel(QFrame):
    """Always visible on the right: what the scores add up to so far."""

    jump_unanswered = Signal()

    def __init__(self, instrument: Instrument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self.setStyleSheet("QFrame#summaryPanel { background: #f6f8fa; border: 1px solid #d8dee4;"
                           " border-radius: 6px; }"
                           "QFrame#summaryPanel QLabel { background: transparent; }")
        self.setFixedWidth(320)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(6)
        self.title = QLabel(self.tr("评估结果（实时）"), self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        lay.addWidget(self.title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        self.section_values: dict[str, QLabel] = {}
        for r, sec in enumerate(instrument.sections):
            name = QLabel(sec.name, self)
            name.setStyleSheet("color: #444;")
            val = QLabel(self)
            val.setWordWrap(True)
            val.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(val, r, 1)
            self.section_values[sec.code] = val
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        lay.addWidget(self._rule())
        self.total = self._pair(lay, self.tr("总分"))
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.preliminary = self._pair(lay, self.tr("初步等级"))
        cap = QLabel(self.tr("等级调整"), self)
        cap.setStyleSheet("color: #444;")
        lay.addWidget(cap)
        self.adjustments = QLabel(self)
        self.adjustments.setWordWrap(True)
        self.adjustments.setTextFormat(Qt.TextFormat.RichText)
        self.adjustments.setStyleSheet("font-size: 12px;")
        lay.addWidget(self.adjustments)
        lay.addWidget(self._rule())
        self.final = self._pair(lay, self.tr("最终等级"))
        self.final.setStyleSheet("font-size: 15px; font-weight: bold; color: #0d47a1;")
        self.care_level = self._pair(lay, self.tr("照护等级"))
        self.care_level.setStyleSheet("font-weight: bold;")
        lay.addWidget(self._rule())
        self.unanswered = QLabel(self)
        self.unanswered.setWordWrap(True)
        lay.addWidget(self.unanswered)
        self.jump = QPushButton(self.tr("跳到未评项目（Ctrl+J）"), self)
        self.jump.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.jump.clicked.connect(self.jump_unanswered.emit)
        lay.addWidget(self.jump)
        lay.addStretch(1)
        self.keys = keys = QLabel(self.tr("键盘：数字键=评分并跳到下一项　↑↓=上一项/下一项　"
                              "PageUp/PageDown=上一部分/下一部分　Backspace=清除　Ctrl+S=保存"), self)
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #777; font-size: 11px;")
        lay.addWidget(keys)

    def _rule(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d8dee4;")
        return line

    def _pair(self, lay: QVBoxLayout, caption: str) -> QLabel:
        cap = QLabel(caption, self)
        cap.setStyleSheet("color: #444;")
        val = QLabel(self)
        val.setWordWrap(True)
        lay.addWidget(cap)
        lay.addWidget(val)
        return val

    def show_summary(self, s: vm.FormSummary, care_level_text: str | None = None) -> None:
        for line in s.sections:
            lbl = self.section_values[line.code]
            lbl.setText(line.text)
            colour = "#2e7d32" if line.complete else ("#b26a00" if line.answered else "#9e9e9e")
            lbl.setStyleSheet(f"color: {colour};")
        self.total.setText(s.total_text)
        self.preliminary.setText(s.preliminary_text)
        if s.adjustments:
            parts = []
            for reason, applied in s.adjustments:
                colour = "#b71c1c" if applied else "#777"
                parts.append(f"<div style='color:{colour}; margin-bottom:3px'>• {html.escape(reason)}</div>")
            self.adjustments.setText("".join(parts))
        else:
            self.adjustments.setText("<span style='color:#777'>" + html.escape(self.tr("无")) + "</span>")
        self.final.setText(s.final_text)
        self.care_level.setText(care_level_text if care_level_text is not None else s.care_level_text)
        if s.complete:
            self.final.setStyleSheet("font-size: 15px; font-weight: bold; color: #0d47a1;")
            self.care_level.setStyleSheet("font-weight: bold;")
            self.preliminary.setStyleSheet("")
        else:
            for lbl in (self.final, self.care_level, self.preliminary):
                lbl.setStyleSheet("color: #8a8a8a;")
        if s.unanswered:
            self.unanswered.setText(self.tr("尚有 %1 项未评分").replace("%1", str(s.unanswered)))
            self.unanswered.setStyleSheet("color: #b26a00; font-weight: bold;")
        else:
            self.unanswered.setText(self.tr("全部 %1 项已评分").replace("%1", str(s.count)))
            self.unanswered.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.jump.setVisible(bool(s.unanswered))

    def adjustment_lines(self) -> list[str]:
        """The adjustment reasons shown (tests read them)."""
        import re

        text = re.sub(r"<[^>]+>", "\n", self.adjustments.text())
        return [html.unescape(x).lstrip("• ").strip() for x in text.split("\n") if x.strip().startswith("•")]


# -- the form ------------------------------------------------------------------------------

class AssessmentFormDialog(QDialog):
    """New, view (read-only) or correct an assessment. ``saved`` carries the
    service's Changes; the page offers to print the report."""

    saved = Signal(object)
    print_requested = Signal(int)
    correct_requested = Signal(int)

    def __init__(self, shell: Shell, setup: FormSetup, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        self.setup = setup
        self.ins = setup.instrument
        self.mode = setup.mode
        self.read_only = setup.mode == VIEW or not setup.can_write or not shell.ctx.actor.can(Perm.RESIDENT_WRITE)
        self.busy = False
        self.result_value = None
        self.confirm_discard = True
        self._dirty = False
        self._loading = True
        self._typed = ""
        self._typed_row: ItemRow | None = None
        self._typed_timer = QTimer(self)
        self._typed_timer.setSingleShot(True)
        self._typed_timer.setInterval(900)
        self._typed_timer.timeout.connect(self._typed_timeout)
        self.rows: list[ItemRow] = []
        self.row_by_code: dict[str, ItemRow] = {}
        self.section_of: dict[str, int] = {}
        self.current_row: ItemRow | None = None
        self.summary: vm.FormSummary | None = None
        self.problem_pages: set[int] = set()  # sections (and the health page) with a problem shown

        self.setWindowTitle(self._title())
        self.setStyleSheet(ROW_SHEET)
        self._build()
        if setup.detail is not None:
            self._fill_from(setup.detail)
        self._loading = False
        self._apply_mode()
        self.update_summary()
        self._first_focus()

    # -- construction ----------------------------------------------------------------
    def _title(self) -> str:
        d = self.setup.detail
        if self.mode == VIEW and d is not None:
            return self.tr("评估 %1 — %2").replace("%1", d.number).replace("%2", self.setup.resident_name)
        if self.mode == CORRECT and d is not None:
            return self.tr("更正评估 %1 — %2").replace("%1", d.number).replace("%2", self.setup.resident_name)
        return self.tr("新建评估 — %1").replace("%1", self.setup.resident_name)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        outer.addLayout(self._build_header())

        body = QHBoxLayout()
        body.setSpacing(8)
        self.section_list = QListWidget(self)
        self.section_list.setFixedWidth(190)
        self.section_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.section_list.setStyleSheet("QListWidget { font-size: 13px; } QListWidget::item { padding: 7px 6px; }"
                                        "QListWidget::item:selected { background: #1565c0; color: white; }")
        self.stack = QStackedWidget(self)
        n = 0
        for si, sec in enumerate(self.ins.sections):
            page = QWidget()
            col = QVBoxLayout(page)
            col.setContentsMargins(4, 4, 4, 4)
            col.setSpacing(4)
            head = QLabel(f"{sec.code}　{sec.name}", page)
            head.setStyleSheet("font-size: 15px; font-weight: bold; padding: 2px 0 4px 4px;")
            col.addWidget(head)
            for it in sec.items:
                n += 1
                row = ItemRow(it, n, self, page)
                row.changed.connect(self._item_changed)
                col.addWidget(row)
                self.rows.append(row)
                self.row_by_code[it.code] = row
                self.section_of[it.code] = si
            col.addStretch(1)
            self.stack.addWidget(self._scroll(page))
            self.section_list.addItem(QListWidgetItem(sec.name))
        self.stack.addWidget(self._scroll(self._build_health()))
        self.section_list.addItem(QListWidgetItem(self.tr("健康状况与诊断")))
        self.section_list.currentRowChanged.connect(self._section_chosen)
        self.section_list.setCurrentRow(0)
        self.summary_panel = SummaryPanel(self.ins, self)
        self.summary_panel.jump_unanswered.connect(self.jump_to_unanswered)
        body.addWidget(self.section_list)
        body.addWidget(self.stack, 1)
        body.addWidget(self.summary_panel)
        outer.addLayout(body, 1)

        self.general = error_label(self)
        outer.addWidget(self.general)
        bar = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #555;")
        bar.addWidget(self.status, 1)
        self.print_button = QPushButton(self.tr("打印评估报告"), self)
        self.print_button.clicked.connect(self._print_clicked)
        self.correct_button = QPushButton(self.tr("更正…"), self)
        self.correct_button.clicked.connect(self._correct_clicked)
        self.save_button = QPushButton(self.tr("保存评估"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.print_button, self.correct_button, self.save_button, self.cancel_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        self.save_button.setDefault(True)
        outer.addLayout(bar)

        self._shortcuts = []
        for seq, slot in ((QKeySequence.StandardKey.Save, self.save), ("Ctrl+J", self.jump_to_unanswered)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(slot)
            self._shortcuts.append(sc)

        screen = QApplication.primaryScreen()
        avail = screen.availableGeometry() if screen else None
        w, h = 1280, 800
        if avail is not None and avail.width() > 200:
            w, h = min(w, avail.width()), min(h, avail.height())
        self.resize(w, h)

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(inner)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return area

    def _build_header(self) -> QHBoxLayout:
        s = self.setup
        today = self.shell.ctx.today()
        lay = QHBoxLayout()
        lay.setSpacing(18)
        self.header_a, self.header_b, self.header_c = ErrorForm(self), ErrorForm(self), ErrorForm(self)
        self.header_forms = [self.header_a, self.header_b, self.header_c]
        who = QLabel(s.resident_text, self)
        who.setStyleSheet("font-weight: bold; font-size: 14px;")
        who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resident_label = who
        self.header_a.add_row("", self.tr("住户"), who)
        tool = QLabel(f"{self.ins.short_name}《{self.ins.name}》", self)
        tool.setStyleSheet("color: #444;")
        self.instrument_label = tool
        self.header_a.add_row("", self.tr("评估工具"), tool)

        self.base_date = date_edit(today, self, maximum=today)
        self.header_b.add_row("base_date", self.tr("评估基准日期"), self.base_date)
        self.reason = QComboBox(self)
        self.reason.addItems(list(svc.REASONS))
        if s.reason in svc.REASONS:
            self.reason.setCurrentIndex(svc.REASONS.index(s.reason))
        self.header_b.add_row("reason", self.tr("评估原因"), self.reason)

        self.assessor1 = QLineEdit(self)
        self.assessor1.setPlaceholderText(self.tr("评估员1"))
        self.assessor2 = QLineEdit(self)
        self.assessor2.setPlaceholderText(self.tr("评估员2"))
        pair = QWidget(self)
        pl = QHBoxLayout(pair)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.assessor1)
        pl.addWidget(self.assessor2)
        self.header_c.add_row("assessors", self.tr("评估员"), pair)
        self.informant = QLineEdit(self)
        self.informant.setPlaceholderText(self.tr("姓名"))
        self.informant_relation = QComboBox(self)
        self.informant_relation.setEditable(True)
        self.informant_relation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        rels = ["本人", "儿子", "女儿", "配偶", "儿媳", "女婿", "孙子女", "其他亲属", "护理员"]
        if s.agent_relation and s.agent_relation not in rels:
            rels.insert(0, s.agent_relation)
        self.informant_relation.addItems(rels)
        self.informant_relation.setMinimumWidth(90)
        if s.agent_name:
            self.informant.setText(s.agent_name)
            self.informant_relation.setCurrentText(s.agent_relation)
        else:
            self.informant.setText(s.resident_name)
            self.informant_relation.setCurrentText("本人")
        inf = QWidget(self)
        il = QHBoxLayout(inf)
        il.setContentsMargins(0, 0, 0, 0)
        il.addWidget(self.informant, 3)
        il.addWidget(QLabel(self.tr("关系"), self))
        il.addWidget(self.informant_relation, 2)
        self.header_c.add_row("informant", self.tr("信息提供者"), inf)

        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        if self.mode == CORRECT:
            self.notes.setFixedHeight(48)
            self.notes.setPlaceholderText(self.tr("必填：说明更正了什么、为什么（如：小便控制得分录入错误）"))
            self.header_a.add_row("notes", self.tr("更正说明"), self.notes)
        lay.addWidget(self.header_a, 4)
        lay.addWidget(self.header_b, 3)
        lay.addWidget(self.header_c, 5)
        for w in (self.assessor1, self.assessor2, self.informant):
            w.textEdited.connect(self._mark_dirty)
        return lay

    def _build_health(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(4, 4, 4, 4)
        head = QLabel(self.tr("健康状况与诊断"), page)
        head.setStyleSheet("font-size: 15px; font-weight: bold; padding: 2px 0 4px 4px;")
        col.addWidget(head)
        self.health_form = ErrorForm(page)
        f = self.health_form

        dx = QWidget(page)
        g = QGridLayout(dx)
        g.setContentsMargins(0, 0, 0, 0)
        g.setHorizontalSpacing(16)
        self.dx_boxes: dict[str, QCheckBox] = {}
        for i, c in enumerate(self.ins.diagnoses):
            rng = c.low if c.low == c.high else f"{c.low}-{c.high}"
            cb = QCheckBox(f"{c.name}（{rng}）", dx)
            cb.toggled.connect(self._inputs_changed)
            g.addWidget(cb, i // 3, i % 3)
            self.dx_boxes[c.name] = cb
        self.dx_other = QLineEdit(dx)
        self.dx_other.setPlaceholderText(self.tr("其他ICD-10编码，如 I63.9、N18（多个用顿号或逗号分隔）"))
        self.dx_other.textChanged.connect(self._inputs_changed)
        rows = (len(self.ins.diagnoses) + 2) // 3
        g.addWidget(self.dx_other, rows, 0, 1, 3)
        self.dx_hint = QLabel(dx)
        self.dx_hint.setWordWrap(True)
        self.dx_hint.setStyleSheet("color: #555; font-size: 12px;")
        g.addWidget(self.dx_hint, rows + 1, 0, 1, 3)
        f.add_row("diagnoses", self.tr("疾病诊断"), dx)

        self.medications = QPlainTextEdit(page)
        self.medications.setTabChangesFocus(True)
        self.medications.setFixedHeight(52)
        self.medications.setPlaceholderText(self.tr("药名、剂量、用法，如：氨氯地平 5mg 每日一次"))
        self.medications.textChanged.connect(self._mark_dirty)
        f.add_row("medications", self.tr("用药情况"), self.medications)

        ev = QWidget(page)
        el = QGridLayout(ev)
        el.setContentsMargins(0, 0, 0, 0)
        el.setHorizontalSpacing(8)
        self.risk_spins: dict[str, QSpinBox] = {}
        for i, k in enumerate(self.ins.risk_kinds):
            sp = QSpinBox(ev)
            sp.setRange(0, 99)
            sp.setSuffix(self.tr(" 次"))
            sp.setMinimumWidth(72)
            sp.valueChanged.connect(self._inputs_changed)
            el.addWidget(QLabel(k.name, ev), i // 3, (i % 3) * 2, Qt.AlignmentFlag.AlignRight)
            el.addWidget(sp, i // 3, (i % 3) * 2 + 1)
            self.risk_spins[k.code] = sp
        self.risk_total = QLabel(ev)
        self.risk_total.setStyleSheet("color: #555;")
        n = len(self.ins.risk_kinds)
        el.addWidget(self.risk_total, n // 3, (n % 3) * 2, 1, 2)
        el.setColumnStretch(6, 1)
        f.add_row("risk_events", self.tr("近%1天风险事件").replace("%1", str(self.ins.risk_days)), ev)

        self.coma = QCheckBox(self.tr("处于昏迷状态"), page)
        self.coma.toggled.connect(self._inputs_changed)
        coma_hint = QLabel(self.ins.coma_text, page)
        coma_hint.setStyleSheet("color: #777; font-size: 12px;")
        f.add_row("coma", self.tr("昏迷"), self.coma, hint=coma_hint)

        hp = QWidget(page)
        hl = QGridLayout(hp)
        hl.setContentsMargins(0, 0, 0, 0)
        self.pressure = QComboBox(hp)
        self.pressure.addItems(list(vm.PRESSURE_STAGES))
        self.pressure.currentIndexChanged.connect(self._mark_dirty)
        self.swallow = QComboBox(hp)
        self.swallow.addItems([self.tr("无"), self.tr("有")])
        self.swallow.currentIndexChanged.connect(self._mark_dirty)
        self.height_cm = QDoubleSpinBox(hp)
        self.height_cm.setRange(0, 250)
        self.height_cm.setDecimals(1)
        self.height_cm.setSuffix(" cm")
        self.height_cm.setSpecialValueText(self.tr("未测"))
        self.weight_kg = QDoubleSpinBox(hp)
        self.weight_kg.setRange(0, 300)
        self.weight_kg.setDecimals(1)
        self.weight_kg.setSuffix(" kg")
        self.weight_kg.setSpecialValueText(self.tr("未测"))
        for sp in (self.height_cm, self.weight_kg):
            sp.setMinimumWidth(100)
            sp.valueChanged.connect(self._bmi_changed)
        self.bmi_label = QLabel(hp)
        hl.addWidget(QLabel(self.tr("压力性损伤"), hp), 0, 0)
        hl.addWidget(self.pressure, 0, 1)
        hl.addWidget(QLabel(self.tr("吞咽困难"), hp), 0, 2)
        hl.addWidget(self.swallow, 0, 3)
        hl.addWidget(QLabel(self.tr("身高"), hp), 1, 0)
        hl.addWidget(self.height_cm, 1, 1)
        hl.addWidget(QLabel(self.tr("体重"), hp), 1, 2)
        hl.addWidget(self.weight_kg, 1, 3)
        hl.addWidget(QLabel(self.tr("BMI"), hp), 1, 4)
        hl.addWidget(self.bmi_label, 1, 5)
        hl.setColumnStretch(6, 1)
        f.add_row("health", self.tr("健康问题"), hp)

        if self.mode != CORRECT:
            self.notes.setParent(page)
            self.notes.setFixedHeight(64)
            self.notes.setPlaceholderText(self.tr("可选"))
            f.add_row("notes", self.tr("备注"), self.notes)
        self.notes.textChanged.connect(self._mark_dirty)
        col.addWidget(f)
        col.addStretch(1)
        self.health_page = page
        return page

    def _fill_from(self, d: AssessmentDetail) -> None:
        """Put a saved assessment into the form (to view it, or to correct it)."""
        self.base_date.setDate(to_qdate(d.base_date))
        if self.mode == VIEW:
            self.reason.setCurrentText(d.reason)
        self.assessor1.setText(d.assessor1)
        self.assessor2.setText(d.assessor2)
        self.informant.setText(d.informant_name)
        self.informant_relation.setCurrentText(d.informant_relation)
        for _sec, code, _name, score, _max, _text in d.items:
            row = self.row_by_code.get(code)
            if row is not None and row.item.allows(score):
                row.set_value(score, emit=False)
        ticked, typed = vm.split_saved_diagnoses(self.ins, d.diagnoses)
        for name, cb in self.dx_boxes.items():
            cb.setChecked(name in ticked)
        self.dx_other.setText(typed)
        self.medications.setPlainText(d.medications)
        names = {k.name: k.code for k in self.ins.risk_kinds}
        for kind, n in d.risk_events:
            code = names.get(kind, kind)
            if code in self.risk_spins:
                self.risk_spins[code].setValue(int(n))
        self.coma.setChecked(d.coma)
        health = dict(d.health)
        if health.get(vm.HEALTH_PRESSURE) in vm.PRESSURE_STAGES:
            self.pressure.setCurrentText(health[vm.HEALTH_PRESSURE])
        if health.get(vm.HEALTH_SWALLOW):
            self.swallow.setCurrentText(health[vm.HEALTH_SWALLOW])
        self.height_cm.setValue(vm.parse_number(health.get(vm.HEALTH_HEIGHT, "")))
        self.weight_kg.setValue(vm.parse_number(health.get(vm.HEALTH_WEIGHT, "")))
        if self.mode == VIEW:
            self.notes.setPlainText(d.notes)

    def _apply_mode(self) -> None:
        s = self.setup
        d = s.detail
        can_print = self.shell.ctx.actor.can(Perm.PRINT)
        self.print_button.setVisible(self.mode == VIEW and d is not None)
        self.print_button.setEnabled(can_print)
        self.correct_button.setVisible(self.mode == VIEW and d is not None)
        can_correct = s.can_write and self.shell.ctx.actor.can(Perm.RESIDENT_WRITE) and not s.superseded
        self.correct_button.setEnabled(can_correct)
        if not can_correct:
            if s.superseded:
                self.correct_button.setToolTip(self.tr("该评估已被更正，请更正最新的那份"))
            else:
                from ..i18n import no_permission

                self.correct_button.setToolTip(no_permission(self.shell.ctx.actor, Perm.RESIDENT_WRITE))
        if self.read_only:
            self.save_button.hide()
            self.cancel_button.setText(self.tr("关闭"))
            for w in (self.assessor1, self.assessor2, self.informant):
                w.setReadOnly(True)
            for w in (self.medications, self.notes):
                w.setReadOnly(True)
            self.dx_other.setReadOnly(True)
            self.base_date.setReadOnly(True)
            self.base_date.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            for w in (*self.risk_spins.values(), self.height_cm, self.weight_kg):
                w.setReadOnly(True)
                w.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            # not disabled (grey, hard to read): they just ignore the mouse and keys
            for w in (self.reason, self.informant_relation, self.pressure, self.swallow, self.coma,
                      *self.dx_boxes.values()):
                w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
                w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.informant_relation.lineEdit().setReadOnly(True)
            self.summary_panel.title.setText(self.tr("评估结果"))
            self.summary_panel.keys.hide()
            for row in self.rows:
                row.set_read_only(True)
        banner = ""
        if d is not None and self.mode == VIEW:
            bits = [self.tr("评估编号 %1，由 %2 于 %3 录入").replace("%1", d.number).replace("%2", d.created_by)
                    .replace("%3", f"{d.created_at:%Y-%m-%d %H:%M}")]
            if d.supersedes_number:
                bits.append(self.tr("本评估更正了 %1").replace("%1", d.supersedes_number))
            if d.superseded_by_number:
                bits.append(self.tr("已被 %1 更正，以更正后的评估为准").replace("%1", d.superseded_by_number))
            banner = "；".join(bits)
            colour = "#fff4e5" if d.superseded_by_number else "#eef1f5"
        elif d is not None and self.mode == CORRECT:
            banner = self.tr("正在更正评估 %1（%2）：保存后原评估保留备查并标记为“已被更正”，"
                             "其尚未生效的照护等级变更随之撤销。").replace("%1", d.number) \
                .replace("%2", f"{d.base_date:%Y-%m-%d}")
            colour = "#fff4e5"
        elif self.read_only:
            from ..i18n import no_permission

            banner = no_permission(self.shell.ctx.actor, Perm.RESIDENT_WRITE) + self.tr("，只能查看")
            colour = "#fff4e5"
        if banner:
            self.banner.setText(banner)
            self.banner.setStyleSheet(f"background: {colour}; border: 1px solid #e0c9a6; border-radius: 4px;"
                                      " padding: 5px 8px;")
            self.banner.show()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            QTimer.singleShot(0, self, self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        row = self.current_row
        if row is None:
            return
        area = self.stack.widget(self.section_of[row.item.code])
        if isinstance(area, QScrollArea):
            if row is self.rows_of_section(self.section_of[row.item.code])[0]:
                area.verticalScrollBar().setValue(0)
            else:
                area.ensureWidgetVisible(row, 0, 24)

    def rows_of_section(self, index: int) -> list[ItemRow]:
        return [r for r in self.rows if self.section_of[r.item.code] == index]

    def _first_focus(self) -> None:
        if self.read_only:
            self.focus_row(self.rows[0])
        elif self.mode == CORRECT:
            self.notes.setFocus()
            self.set_current_row(self.rows[0])
        elif not self.assessor1.text():
            self.assessor1.setFocus()
            self.set_current_row(self.rows[0])
        else:
            self.focus_row(self.rows[0])
        self.setTabOrder(self.base_date, self.reason)
        self.setTabOrder(self.reason, self.assessor1)
        self.setTabOrder(self.assessor1, self.assessor2)
        self.setTabOrder(self.assessor2, self.informant)
        self.setTabOrder(self.informant, self.informant_relation)
        self.setTabOrder(self.informant_relation, self.rows[0])
        for a, b in zip(self.rows, self.rows[1:]):
            self.setTabOrder(a, b)

    # -- values --------------------------------------------------------------------
    def scores(self) -> dict[str, int | None]:
        return {r.item.code: r.value() for r in self.rows}

    def checked_diagnoses(self) -> list[str]:
        return [name for name, cb in self.dx_boxes.items() if cb.isChecked()]

    def diagnoses(self) -> tuple[list[str], list[str]]:
        """(valid codes, invalid pieces typed)."""
        return vm.diagnosis_codes(self.ins, self.checked_diagnoses(), self.dx_other.text())

    def risk_events(self) -> dict[str, int]:
        return {k: sp.value() for k, sp in self.risk_spins.items() if sp.value()}

    def health(self) -> dict[str, str]:
        return vm.health_values(self.pressure.currentText(), self.swallow.currentText(),
                                self.height_cm.value(), self.weight_kg.value())

    def set_score(self, code: str, score: int | None) -> None:
        self.row_by_code[code].set_value(score)

    def build_input(self) -> svc.AssessmentInput:
        valid, invalid = self.diagnoses()
        s = self.setup
        return svc.AssessmentInput(
            resident_id=s.resident_id, base_date=from_qdate(self.base_date.date()),
            reason=self.reason.currentText(), assessor1=self.assessor1.text().strip(),
            assessor2=self.assessor2.text().strip(), informant_name=self.informant.text().strip(),
            informant_relation=self.informant_relation.currentText().strip(),
            scores={c: v for c, v in self.scores().items() if v is not None},
            instrument_code=self.ins.code, diagnoses=tuple(valid + invalid),
            medications=self.medications.toPlainText().strip(), risk_events=self.risk_events(),
            health=self.health(), coma=self.coma.isChecked(), notes=self.notes.toPlainText().strip(),
            supersedes_id=s.detail.id if (self.mode == CORRECT and s.detail is not None) else None,
        )

    # -- live summary -------------------------------------------------------------------
    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._dirty = True

    def _item_changed(self, code: str) -> None:
        self._mark_dirty()
        self.update_summary()

    def _inputs_changed(self, *_args) -> None:
        self._mark_dirty()
        self.update_summary()

    def _bmi_changed(self, *_args) -> None:
        self._mark_dirty()
        value = vm.bmi(self.height_cm.value(), self.weight_kg.value())
        self.bmi_label.setText(f"{value}（{vm.bmi_note(value)}）" if value else "—")

    def update_summary(self) -> None:
        valid, invalid = self.diagnoses()
        s = vm.summarise(self.ins, self.scores(), coma=self.coma.isChecked(), diagnoses=valid,
                         risk_events=self.risk_events(), care_levels=self.setup.care_levels,
                         current_level=self.setup.current_level if self.mode != VIEW else "")
        self.summary = s
        level_text = None
        if self.mode == VIEW and self.setup.detail is not None:
            level_text = self.setup.detail.care_level
        self.summary_panel.show_summary(s, level_text)
        for i, line in enumerate(s.sections):
            item = self.section_list.item(i)
            rows = self.rows_of_section(i)
            bad = any(r.error.text() for r in rows)
            mark = "⚠ " if bad else "✓ " if line.complete else ""
            item.setText(f"{mark}{line.name}　{line.answered}/{line.count}")
            item.setForeground(QColor(ERROR_COLOUR) if bad else QColor("#2e7d32") if line.complete
                               else QColor("#222222"))
        health_item = self.section_list.item(len(s.sections))
        bad = len(s.sections) in self.problem_pages
        health_item.setText(("⚠ " if bad else "") + self.tr("健康状况与诊断"))
        health_item.setForeground(QColor(ERROR_COLOUR) if bad else QColor("#222222"))
        total = sum(self.risk_events().values())
        self.risk_total.setText(self.tr("合计 %1 次").replace("%1", str(total)))
        hint = []
        for code in valid:
            name = vm.diagnosis_name(self.ins, code)
            hint.append(f"{code} {name}" if name else code)
        text = self.tr("将记录：%1").replace("%1", "、".join(hint)) if hint else ""
        if invalid:
            bad = self.tr("无法识别的编码：%1（ICD-10编码形如 F01、I10.0）").replace("%1", "、".join(invalid))
            text = (text + "　" if text else "") + f"<span style='color:{ERROR_COLOUR}'>{html.escape(bad)}</span>"
        self.dx_hint.setText(text)
        self.dx_hint.setVisible(bool(text))
        if not self.read_only:
            self.status.setText(s.unanswered_text if s.unanswered else self.tr("全部项目已评分，可以保存（Ctrl+S）"))

    # -- navigation ------------------------------------------------------------------------
    def _section_chosen(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        if self.current_row is not None and self.section_of.get(self.current_row.item.code) == index:
            return
        if index < len(self.ins.sections) and not self._loading:
            rows = [r for r in self.rows if self.section_of[r.item.code] == index]
            target = next((r for r in rows if r.value() is None), rows[0])
            self.focus_row(target)

    def show_section(self, index: int) -> None:
        self.section_list.setCurrentRow(index)
        self.stack.setCurrentIndex(index)

    def show_health(self) -> None:
        self.show_section(len(self.ins.sections))

    def set_current_row(self, row: ItemRow) -> None:
        if self.current_row is row:
            return
        if self.current_row is not None:
            self.current_row.set_current(False)
            self.current_row.set_hint("")
        self.current_row = row
        row.set_current(True)

    def focus_row(self, row: ItemRow) -> None:
        index = self.section_of[row.item.code]
        self.set_current_row(row)
        if self.stack.currentIndex() != index:
            self.show_section(index)
        row.setFocus(Qt.FocusReason.OtherFocusReason)
        area = self.stack.widget(index)
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(row, 0, 24)

    def move(self, row: ItemRow, step: int) -> None:
        i = self.rows.index(row) + step
        if 0 <= i < len(self.rows):
            self.focus_row(self.rows[i])

    def move_section(self, row: ItemRow | None, step: int) -> None:
        current = self.stack.currentIndex() if row is None else self.section_of[row.item.code]
        target = current + step
        if target >= len(self.ins.sections):
            self.show_health()
            self._focus_health()
            return
        if target < 0:
            return
        rows = [r for r in self.rows if self.section_of[r.item.code] == target]
        self.focus_row(next((r for r in rows if r.value() is None), rows[0]))

    def advance_from(self, row: ItemRow) -> None:
        """After a score: the next item; after the last, the first one left
        unscored, or the health page when every item is scored."""
        i = self.rows.index(row)
        if i + 1 < len(self.rows):
            self.focus_row(self.rows[i + 1])
            return
        missing = next((r for r in self.rows if r.value() is None), None)
        if missing is not None:
            self.focus_row(missing)
        else:
            self.show_health()
            self._focus_health()

    def _focus_health(self) -> None:
        boxes = list(self.dx_boxes.values())
        (boxes[0] if boxes else self.dx_other).setFocus()

    def jump_to_unanswered(self) -> None:
        missing = next((r for r in self.rows if r.value() is None), None)
        if missing is not None:
            self.focus_row(missing)

    # -- keyboard ----------------------------------------------------------------------------
    def handle_item_key(self, row: ItemRow | None, event) -> bool:
        """Keys on an item (or on the dialog while an item is current)."""
        if row is None:
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        if key == Qt.Key.Key_Up:
            self.move(row, -1)
        elif key == Qt.Key.Key_Down:
            self.move(row, +1)
        elif key == Qt.Key.Key_PageUp:
            self.move_section(row, -1)
        elif key == Qt.Key.Key_PageDown:
            self.move_section(row, +1)
        elif self.read_only:
            return False
        elif len(text) == 1 and text.isdigit():
            self.type_digit(row, text)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._reset_typed()
            row.set_value(None)
        else:
            return False
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """Digits and arrows that reach the dialog act on the current item,
        unless the focus is in a field where they mean something else."""
        w = QApplication.focusWidget()
        in_field = isinstance(w, (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QCheckBox))
        if not in_field and self.handle_item_key(self.current_row, event):
            event.accept()
            return
        super().keyPressEvent(event)

    def type_digit(self, row: ItemRow, digit: str) -> None:
        if row is not self._typed_row:
            self._reset_typed()
        typed = self._typed + digit
        score, wait = vm.digit_choice(row.scores, typed)
        if score is None and not wait and self._typed:
            typed = digit
            score, wait = vm.digit_choice(row.scores, typed)
        if score is None and not wait:
            self._reset_typed()
            allowed = "、".join(str(s) for s in row.scores)
            row.set_hint(self.tr("没有%1分这一项，可选：%2").replace("%1", digit).replace("%2", allowed))
            QApplication.beep()
            return
        if score is not None:
            row.set_value(score)
        if wait:
            self._typed, self._typed_row = typed, row
            more = vm.continuations(row.scores, typed)
            row.set_hint(self.tr("%1… 再按 %2").replace("%1", typed).replace("%2", " 或 ".join(more)))
            self._typed_timer.start()
            return
        self._reset_typed()
        row.set_hint("")
        self.advance_from(row)

    def _typed_timeout(self) -> None:
        row = self._typed_row
        chosen = row is not None and row.value() is not None and str(row.value()) == self._typed
        self._reset_typed()
        if row is not None:
            row.set_hint("")
            if chosen:
                self.advance_from(row)

    def _reset_typed(self) -> None:
        self._typed_timer.stop()
        self._typed, self._typed_row = "", None

    # -- saving -----------------------------------------------------------------------------
    def clear_problems(self) -> None:
        self.general.hide()
        self.general.clear()
        for f in (*self.header_forms, self.health_form):
            f.clear_problems()
        for r in self.rows:
            r.set_error(None)
        self.problem_pages.clear()

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Each problem at its place: items highlighted (and the first one
        shown), header and health fields under their inputs, the rest below."""
        self.clear_problems()
        problems = list(problems)
        item_msgs: dict[str, list[str]] = {}
        per_form: dict[int, list[Problem]] = {}
        general: list[str] = []
        forms = [*self.header_forms, self.health_form]
        for p in problems:
            if p.field.startswith("item:") and p.field[5:] in self.row_by_code:
                item_msgs.setdefault(p.field[5:], []).append(p.message)
                continue
            for i, f in enumerate(forms):
                if p.field and f.has_field(p.field):
                    per_form.setdefault(i, []).append(p)
                    break
            else:
                general.append(p.message)
        for code, msgs in item_msgs.items():
            self.row_by_code[code].set_error("；".join(dict.fromkeys(msgs)))
        first_header = min((i for i in per_form if i < len(self.header_forms)), default=None)
        for i, ps in per_form.items():
            forms[i].set_problems(ps, focus=i == first_header)
        if len(self.header_forms) in per_form:
            self.problem_pages.add(len(self.ins.sections))
        lines = []
        if len(problems) > 1 or item_msgs:
            lines.append(self.tr("无法保存，请修改标出的 %1 处问题：").replace("%1", str(len(problems))))
        shown = [m for ms in item_msgs.values() for m in ms][:3]
        if len(item_msgs) > 3:
            shown.append(self.tr("……共 %1 个项目").replace("%1", str(len(item_msgs))))
        lines += shown + general
        if lines:
            self.general.setText("\n".join(lines))
            self.general.show()
        # go to the first problem
        first_item = next((r for r in self.rows if r.item.code in item_msgs), None)
        if first_header is not None:
            if first_item is not None:
                self.set_current_row(first_item)
                self.show_section(self.section_of[first_item.item.code])
        elif first_item is not None:
            self.focus_row(first_item)
        elif len(self.header_forms) in per_form:
            self.show_health()
        self.update_summary()

    def save(self) -> None:
        if self.busy or self.read_only:
            return
        self.clear_problems()
        data = self.build_input()
        if self.mode == CORRECT and not data.notes:
            self.show_problems([Problem("notes", self.tr("更正评估时请在“更正说明”中写明更正了什么、为什么"))])
            self.notes.setFocus()
            return
        self.busy = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        self.shell.call(svc.save_assessment, data, on_done=self._saved, on_error=self._failed)

    def _saved(self, changes) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.result_value = changes
        self._dirty = False
        self.saved.emit(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, RuleViolation):
            self.show_problems(exc.problems)
        elif isinstance(exc, DomainError):
            self.show_problems([Problem("", exc.message)])
        else:
            self.shell.show_error(exc)

    def _print_clicked(self) -> None:
        if self.setup.detail is not None:
            self.print_requested.emit(self.setup.detail.id)

    def _correct_clicked(self) -> None:
        if self.setup.detail is not None:
            self.correct_requested.emit(self.setup.detail.id)
            self.accept()

    def is_dirty(self) -> bool:
        return self._dirty and not self.read_only

    def reject(self) -> None:
        if self.busy:
            return
        if self.is_dirty() and self.confirm_discard:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, self.tr("放弃录入"), self.tr("本次评估尚未保存，确定放弃已录入的内容吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


# -- 即时评估申请 ------------------------------------------------------------------------------

class ImmediateRequestDialog(ServiceDialog):
    """The resident's condition changed: reassess now (due from the request day)."""

    def __init__(self, shell: Shell, resident_id: int, resident_name: str, parent: QWidget | None = None):
        super().__init__(shell, self.tr("即时评估申请"), parent)
        self.resident_id = resident_id
        today = shell.ctx.today()
        f = self.form
        who = QLabel(resident_name, self)
        who.setStyleSheet("font-weight: bold;")
        f.add_row("", self.tr("住户"), who)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("如：跌倒后行动不便、住院返回、出现认知障碍"))
        self.reason.setMinimumWidth(340)
        f.add_row("reason", self.tr("身体状况变化"), self.reason)
        self.date = date_edit(today, self, maximum=today)
        hint = QLabel(self.tr("自该日起列入“待评估”，应尽快重新评估"), self)
        hint.setStyleSheet("color: #666;")
        f.add_row("requested_on", self.tr("申请日期"), self.date, hint=hint)
        self.ok_button.setText(self.tr("登记申请"))
        self.finish_layout()
        self.reason.setFocus()

    def save(self) -> None:
        self.submit(svc.request_immediate, self.resident_id, from_qdate(self.date.date()), self.reason.text().strip())


__all__ = ["AssessmentFormDialog", "FormSetup", "ImmediateRequestDialog", "ItemRow", "gather_form",
           "NEW", "VIEW", "CORRECT"]
