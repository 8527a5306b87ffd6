"""首页: what the signed-in role works with today, in tiles (each figure
is the length or total of the list it opens), the month charts, and a
details table showing the list of the tile chosen.

Every figure comes from one call, ``services.dashboard.summary`` (one read
session), run on the database thread; the module is named through
LazyService, so building this page imports no ORM: the window shows first
and the figures fill in.

Opening a list: a tile click (or Enter) shows its list in the details
table; figures that have a page of their own also offer “打开…” (and a
double-click on the tile), which emits ``open_list(page_key, filter)``
(see ``viewmodels.home.ROUTES``); a double-click on a row with a resident
emits ``open_list("residents", resident_id)``; the backup tile's button
emits ``open_list("backup", None)``. ``route(window, key, filter)`` below
is the main window's side of it."""
from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Perm
from ...viewmodels import home as vm
from ..base import LazyService, Page, Shell
from ..chart import BAR, LINE, MiniChart, fen_short, fen_tip, plain
from ..i18n import role_name
from ..tablemodel import SnapshotModel, make_table
from ..widgets import page_title

dashboard = LazyService("dashboard")

WATCHES = frozenset({"resident", "bed", "room", "contract", "journal", "deposit_movement", "receipt", "assessment",
                     "care_level", "subsidy_claim", "disclosure", "centre", "care_worker", "subsidy_param",
                     "charge", "escrow", "setting"})
RED, AMBER, GREY, BLUE = "#c62828", "#8a4b00", "#7b8794", "#1f4e79"
COLUMNS_PER_ROW = 6


class Tile(QFrame):
    """A figure: title, the big number (or a short notice) and a line under it.
    Click / Enter / Space = ``clicked``; double-click = ``activated``."""

    clicked = Signal(str)
    activated = Signal(str)

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(92)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        self.title = QLabel(title, self)
        self.title.setStyleSheet("color: #52606d;")
        self.value = QLabel("…", self)
        self.sub = QLabel("", self)
        self.sub.setStyleSheet(f"color: {GREY};")
        self.sub.setWordWrap(False)
        for w in (self.title, self.value, self.sub):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(w)
        lay.addStretch(1)
        self.set_state(False, False, notice=False)

    def set_state(self, alert: bool, selected: bool, notice: bool, zero: bool = False) -> None:
        colour = RED if alert else (GREY if zero else BLUE)
        size = 15 if notice else 26
        self.value.setStyleSheet(f"color: {colour}; font-size: {size}px; font-weight: bold;")
        border = "#2f6fb0" if selected else (RED if alert else "#d6dce4")
        width = 2 if selected or alert else 1
        back = "#fdf1f1" if alert else "palette(base)"
        self.setStyleSheet(f"QFrame#tile {{ border: {width}px solid {border}; border-radius: 6px; background: {back}; }}"
                           f"QFrame#tile:focus {{ border: 2px solid #2f6fb0; }}")

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus()
            self.clicked.emit(self.key)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.key)
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.key)
            return
        super().keyPressEvent(event)


class DetailsModel(SnapshotModel):
    """The chosen figure's list (services.dashboard.Row)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # the five columns exist from the start (the stretched column is set up on them)
        self.heads: list[str] = [""] * len(vm.DETAIL_COLUMNS)

    def header_texts(self) -> list[str]:
        return self.heads

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        col = vm.DETAIL_COLUMNS[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return vm.cell(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == "note":
            return row.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == "note" and ("逾期" in row.note or "已到期" in row.note):
            return QColor(RED)
        return None


def alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


class HomePage(Page):
    """The page the main window registers under 首页: ``HomePage(shell)``."""

    watches = WATCHES
    #: figures only (nothing to select or lose): another PC's change reloads them at once (ui/stale.py)
    auto_refresh = True
    #: (page key, filter): the main window opens that page on that list (see ``route``)
    open_list = Signal(str, object)
    #: after the figures were shown
    loaded = Signal()

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.actor = shell.ctx.actor
        self.keys = vm.figures_for(self.actor.role)
        self.chart_keys = vm.charts_for(self.actor.role)
        self.summary = None
        self.current: str | None = None
        self._seq = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(page_title(self.tr("首页")))
        self.today_label = QLabel("", self)
        self.today_label.setStyleSheet(f"color: {GREY};")
        head.addSpacing(10)
        head.addWidget(self.today_label)
        head.addStretch(1)
        self.alert_label = QLabel("", self)
        self.alert_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
        head.addWidget(self.alert_label)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        head.addWidget(self.refresh_button)
        outer.addLayout(head)

        titles = self.titles()
        hints = self.hints()
        grid = QGridLayout()
        grid.setSpacing(8)
        self.tiles: dict[str, Tile] = {}
        for i, key in enumerate(self.keys):
            t = Tile(key, titles[key], self)
            t.setToolTip(hints.get(key, ""))
            t.clicked.connect(self.choose)
            t.activated.connect(self.open_figure)
            self.tiles[key] = t
            grid.addWidget(t, i // COLUMNS_PER_ROW, i % COLUMNS_PER_ROW)
        for c in range(COLUMNS_PER_ROW):
            grid.setColumnStretch(c, 1)
        outer.addLayout(grid)

        charts = QHBoxLayout()
        charts.setSpacing(10)
        self.charts: dict[str, MiniChart] = {}
        chart_titles = {vm.OCCUPANCY: self.tr("入住床位（近12个月）"), vm.INCOME: self.tr("每月收入"),
                        vm.DEPOSITS: self.tr("押金专户余额")}
        kinds = {vm.OCCUPANCY: LINE, vm.INCOME: BAR, vm.DEPOSITS: LINE}
        colours = {vm.OCCUPANCY: "#2f6fb0", vm.INCOME: "#3c8d5a", vm.DEPOSITS: "#8a5cb0"}
        for key in self.chart_keys:
            ch = MiniChart(chart_titles[key], kinds[key], self, colours[key])
            ch.empty_text = self.tr("正在读取…")
            ch.setMinimumHeight(150)
            ch.setMaximumHeight(210)
            self.charts[key] = ch
            charts.addWidget(ch, 1)
        if self.charts:
            outer.addLayout(charts, 2)

        box = QFrame(self)
        box.setObjectName("details")
        box.setStyleSheet("QFrame#details { border-top: 1px solid #d6dce4; }")
        dl = QVBoxLayout(box)
        dl.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.details_title = QLabel("", box)
        self.details_title.setStyleSheet("font-weight: bold;")
        self.details_text = QLabel("", box)
        self.details_text.setStyleSheet(f"color: {GREY};")
        self.open_button = QPushButton("", box)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self.open_figure(self.current or ""))
        self.backup_button = QPushButton(self.tr("立即备份…"), box)
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(lambda: self.open_list.emit("backup", None))
        bar.addWidget(self.details_title)
        bar.addSpacing(8)
        bar.addWidget(self.details_text, 1)
        bar.addWidget(self.backup_button)
        bar.addWidget(self.open_button)
        dl.addLayout(bar)
        self.model = DetailsModel(self)
        self.table = make_table(self.model, box, stretch=4)
        self.table.doubleClicked.connect(self._row_activated)
        dl.addWidget(self.table, 1)
        outer.addWidget(box, 3)
        self.open_button.hide()
        self.backup_button.hide()
        if not self.actor.can(Perm.BACKUP):
            self.deny(self.backup_button, Perm.BACKUP)

    # -- texts (lupdate sees them here) -----------------------------------------------
    def titles(self) -> dict[str, str]:
        return {
            vm.ADMISSIONS: self.tr("今日入住"),
            vm.DISCHARGES: self.tr("今日离院"),
            vm.FREE_BEDS: self.tr("空床位"),
            vm.UNCONTRACTED: self.tr("在床未签合同"),
            vm.ASSESSMENTS_DUE: self.tr("待评估住户"),
            vm.REFUNDS_DUE: self.tr("待退押金"),
            vm.REFUNDS_OVERDUE: self.tr("逾期未退押金"),
            vm.ARREARS: self.tr("欠费住户"),
            vm.DISCLOSURE: self.tr("年度公开"),
            vm.SUBSIDY_REMINDERS: self.tr("补贴申报提醒"),
            vm.BACKUP: self.tr("数据备份"),
        }

    def hints(self) -> dict[str, str]:
        return {
            vm.ADMISSIONS: self.tr("今天开始入住的住户"),
            vm.DISCHARGES: self.tr("今天是最后入住日的住户（退住或去世）"),
            vm.FREE_BEDS: self.tr("今天没有住户的启用床位"),
            vm.UNCONTRACTED: self.tr("今天占用床位、却没有合同覆盖今天的住户：他们不会被计费"),
            vm.ASSESSMENTS_DUE: self.tr("即将到期或已逾期的评估"),
            vm.REFUNDS_DUE: self.tr("服务已结束、押金尚未退还的住户（含逾期）"),
            vm.REFUNDS_OVERDUE: self.tr("已超过退还期限仍未退还的押金"),
            vm.ARREARS: self.tr("有未付费用的住户及欠费合计（账龄分析）"),
            vm.DISCLOSURE: self.tr("上一年度财务收支情况公开的报送期限"),
            vm.SUBSIDY_REMINDERS: self.tr("可申报的补贴、未提交的草稿、缺少的参数和到期证件"),
            vm.BACKUP: self.tr("审计日志中最近一次数据库备份；超过7天提醒"),
        }

    def headers(self, key: str) -> list[str]:
        name = {vm.FREE_BEDS: self.tr("床位"), vm.SUBSIDY_REMINDERS: self.tr("提醒"), vm.DISCLOSURE: self.tr("年度"),
                vm.BACKUP: self.tr("操作人")}.get(key, self.tr("住户"))
        day = {vm.ADMISSIONS: self.tr("入住日期"), vm.DISCHARGES: self.tr("最后入住日"),
               vm.UNCONTRACTED: self.tr("本次入住"), vm.ASSESSMENTS_DUE: self.tr("应评估日期"),
               vm.REFUNDS_DUE: self.tr("退还期限"), vm.REFUNDS_OVERDUE: self.tr("退还期限"),
               vm.ARREARS: self.tr("最早欠费"), vm.DISCLOSURE: self.tr("报送期限"),
               vm.BACKUP: self.tr("备份日期")}.get(key, self.tr("日期"))
        amount = {vm.ARREARS: self.tr("欠费")}.get(key, self.tr("押金余额"))
        note = {vm.BACKUP: self.tr("备份文件")}.get(key, self.tr("说明"))
        return [name, self.tr("床位"), day, amount, note]

    def weekdays(self) -> tuple[str, ...]:
        return (self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"), self.tr("星期五"),
                self.tr("星期六"), self.tr("星期日"))

    def page_names(self) -> dict[str, str]:
        return {"beds": self.tr("床位"), "contracts": self.tr("合同"), "assessment": self.tr("评估"),
                "escrow": self.tr("押金专户"), "billing": self.tr("账单与收款"), "reports": self.tr("报表"),
                "subsidies": self.tr("补贴申报"), "residents": self.tr("住户")}

    # -- loading ----------------------------------------------------------------------
    def activate(self) -> None:
        """The figures are today's: read them again each time the page is shown."""
        self._loaded = True
        self._stale = False
        self.reload()

    def reload(self) -> None:
        self._seq += 1
        seq = self._seq
        self.shell.call(dashboard.summary, on_done=lambda s: self.show_summary(s, seq))

    def show_summary(self, summary, seq: int | None = None) -> None:
        if not alive(self) or (seq is not None and seq != self._seq):
            return
        self.summary = summary
        today: dt.date = summary.today
        who = self.actor.display_name or self.actor.username
        self.today_label.setText(self.tr("%1　%2　%3（%4）").replace("%1", f"{today:%Y-%m-%d}")
                                 .replace("%2", self.weekdays()[today.weekday()]).replace("%3", who)
                                 .replace("%4", role_name(self.actor.role)))
        for key, tile in self.tiles.items():
            self._fill_tile(key, tile, summary.figures[key])
        n = vm.alert_count(summary, self.keys)
        self.alert_label.setText(self.tr("%1 项需要处理").replace("%1", str(n)) if n else "")
        self._fill_charts(summary)
        keep = self.current if self.current in self.tiles else next(
            (k for k in self.keys if summary.figures[k].alert), self.keys[0] if self.keys else None)
        if keep:
            self.choose(keep)
        self.loaded.emit()

    def _fill_tile(self, key: str, tile: Tile, fig) -> None:
        notice = key in vm.NOTICES
        if key == vm.DISCLOSURE:
            if fig.rows:
                d = fig.days or 0
                value = self.tr("逾期%1天").replace("%1", str(-d)) if d < 0 else \
                    self.tr("还剩%1天").replace("%1", str(d))
                sub = self.tr("%1前报送").replace("%1", vm.day_text(fig.rows[0].day))
            else:
                value, sub = self.tr("无待办"), (self.tr("已报送") if fig.text else "")
        elif key == vm.BACKUP:
            if fig.days is None:
                value, sub = self.tr("从未备份"), self.tr("请备份数据库")
            else:
                value = self.tr("今天") if fig.days == 0 else self.tr("%1天前").replace("%1", str(fig.days))
                sub = self.tr("请及时备份") if fig.alert else vm.day_text(fig.rows[0].day if fig.rows else None)
        else:
            value = vm.value_text(fig)
            sub = vm.amount_text(key, fig)
            if key == vm.FREE_BEDS and self.summary is not None:
                sub = self.tr("共%1张床").replace("%1", str(self.summary.beds_total))
            elif key == vm.UNCONTRACTED and fig.rows:
                sub = self.tr("不会被计费")
            elif key == vm.ASSESSMENTS_DUE:
                late = sum(1 for r in fig.rows if r.note.startswith("已逾期"))
                sub = self.tr("其中逾期%1人").replace("%1", str(late)) if late else ""
            elif key == vm.REFUNDS_DUE and fig.rows:
                late = sum(1 for r in fig.rows if "逾期" in r.note)
                if late:
                    sub += "　" + self.tr("其中逾期%1人").replace("%1", str(late))
        tile.value.setText(value)
        tile.sub.setText(sub)
        tile.set_state(fig.alert, key == self.current, notice, zero=not fig.rows and not notice)
        tile.setAccessibleName(f"{tile.title.text()} {value}")

    def _fill_charts(self, summary) -> None:
        for key, ch in self.charts.items():
            if key == vm.OCCUPANCY:
                labels, values = vm.series(summary.occupancy)
                ch.set_data(labels, values, fmt=plain, ceiling=summary.beds_total,
                            ceiling_text=self.tr("床位 %1").replace("%1", str(summary.beds_total)))
            else:
                points = summary.income if key == vm.INCOME else summary.deposits
                labels, values = vm.series(points)  # fen: the chart formats them as money
                ch.set_data(labels, values, fmt=fen_short, tip_fmt=fen_tip)

    # -- opening lists ----------------------------------------------------------------
    def choose(self, key: str) -> None:
        """Show the figure's list in the details table."""
        if self.summary is None or key not in self.tiles:
            self.current = key
            return
        self.current = key
        for k, t in self.tiles.items():
            fig = self.summary.figures[k]
            t.set_state(fig.alert, k == key, k in vm.NOTICES, zero=not fig.rows and k not in vm.NOTICES)
        fig = self.summary.figures[key]
        self.model.heads = self.headers(key)
        self.model.set_rows(fig.rows)
        for c, col in enumerate(vm.DETAIL_COLUMNS):
            empty = all(vm.cell(r, col) in ("", vm.DASH) for r in fig.rows) if fig.rows else col in ("amount", "bed")
            self.table.setColumnHidden(c, empty and col != "name")
        self.details_title.setText(self.tr("%1：%2 条").replace("%1", self.titles()[key]).replace("%2", str(len(fig.rows))))
        text = fig.text or (self.tr("合计 %1").replace("%1", vm.amount_text(key, fig)) if key in vm.MONEY and fig.rows
                            else "")
        if not fig.rows and not fig.text:
            text = self.tr("没有需要处理的事项")
        self.details_text.setText(text)
        r = vm.route(key)
        if r is not None:
            self.open_button.setText(self.tr("在“%1”页打开").replace("%1", self.page_names()[r[0]]))
            self.open_button.show()
        else:
            self.open_button.hide()
        self.backup_button.setVisible(key == vm.BACKUP)

    def open_figure(self, key: str) -> None:
        """Open the figure's list where it lives: its page, or the details table."""
        r = vm.route(key)
        if r is None:
            self.choose(key)
            return
        self.open_list.emit(r[0], r[1])

    def _row_activated(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is not None and row.resident_id is not None:
            self.open_list.emit("residents", row.resident_id)


def route(window: Any, key: str, filt: Any) -> None:
    """The main window's handler of ``HomePage.open_list``: open page ``key``
    on the list ``filt`` through the pages' own methods."""
    if key == "backup":
        window.backup_database()
        return
    page = window.navigate(key)
    if key == "residents" and filt is not None:
        page.select_resident(filt)
    elif key == "escrow":
        page.show_residents(filt)
    elif key == "reports":
        page.show_disclosure()
    elif key == "subsidies":
        page.show_tab("claims")
    elif key == "contracts":
        page.show_uncontracted()
    elif key == "billing":
        page.tabs.setCurrentWidget(page.ageing)
    elif key == "assessment":
        page.tabs.setCurrentIndex(0)


__all__ = ["HomePage", "Tile", "route", "WATCHES"]
