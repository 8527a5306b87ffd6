"""床位 page: a map of rooms and beds showing who sleeps where and what is free.

The map is one custom-painted widget (``BedMapCanvas``) in a scroll area:
400 beds are 400 rectangles painted in a few milliseconds, with hit testing
over a flat list, instead of hundreds of nested widgets.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.centre import BedShare, BedType
from ...domain.errors import RuleViolation
from ...domain.records import BedInfo, Changes, RoomInfo
from ...domain.roles import Perm
from ...services import centre
from ...viewmodels import beds as vm
from ...viewmodels.beds import FloorSection, TileState
from ..base import Page, Shell
from ..i18n import no_permission
from ..dialogs.room import BedDialog, RoomDialog
from ..widgets import date_edit, from_qdate, to_qdate, page_title


@dataclass(frozen=True)
class BedPageData:
    day: dt.date
    today: dt.date
    rooms: list[RoomInfo]
    share: BedShare
    target: int
    profile_name: str


def load_bed_page(ctx, day: dt.date | None, include_inactive: bool) -> BedPageData:
    """Runs on the database thread: the map, the nursing share and the target."""
    today = ctx.today()
    day = day or today
    rooms = centre.bed_map(ctx, on=day, include_inactive=include_inactive)
    share = centre.bed_share(ctx)
    info = centre.get_centre(ctx)
    code = info.policy_profile if info else centre.DEFAULT_PROFILE
    try:
        profile = centre.get_profile(code)
    except RuleViolation:  # a profile file since removed: fall back to the national one
        profile = centre.get_profile(centre.DEFAULT_PROFILE)
    return BedPageData(day, today, rooms, share, profile.nursing_bed_target_percent, profile.name)


# --- colours ------------------------------------------------------------------

BG = QColor("#f3f5f8")
CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#d6dce4")
CARD_INACTIVE_BG = QColor("#eeeeee")
TEXT = QColor("#1f2933")
MUTED = QColor("#7b8794")
SELECT = QColor("#0d47a1")
MATCH = QColor("#f9a825")
NURSING = QColor("#00897b")

STATE_STYLE = {
    #                 fill        border      main text   status text
    TileState.FREE: ("#eef8ef", "#5cb860", "#2e7d32", "#43a047"),
    TileState.OCCUPIED: ("#e7f0fb", "#6b9bd8", "#1f2933", "#1565c0"),
    TileState.LEAVE: ("#fff3dc", "#f0a43a", "#4e342e", "#b26a00"),
    TileState.INACTIVE: ("#f1f1f1", "#c4c4c4", "#9e9e9e", "#9e9e9e"),
}

GREEN = "#2e7d32"
RED = "#c62828"
AMBER = "#b26a00"

# layout (pixels)
MARGIN = 16
TILE_W, TILE_H = 124, 64
GAP = 8
PAD = 10
ROOM_HEAD = 30
CARD_GAP = 14
SECTION_HEAD = 34
SECTION_GAP = 18
MAX_COLS = 3
MIN_CARD_W = 2 * PAD + TILE_W + 40


@dataclass
class _Tile:
    rect: QRect
    bed: BedInfo
    room: RoomInfo
    state: TileState


@dataclass
class _Card:
    rect: QRect
    room: RoomInfo
    tiles: list[_Tile]


@dataclass
class _Header:
    rect: QRect
    section: FloorSection


class BedMapCanvas(QWidget):
    """Paints floor sections of room cards with bed tiles; click, double-click,
    context menu and arrow keys select beds and rooms."""

    selection_changed = Signal()
    bed_activated = Signal(object)  # BedInfo (double-click / Enter)
    context_requested = Signal(QPoint)  # global position; selection already updated
    ensure_visible = Signal(QRect)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._sections: list[FloorSection] = []
        self._with_status = True
        self._headers: list[_Header] = []
        self._cards: list[_Card] = []
        self._tiles: list[_Tile] = []
        self._layout_width = -1
        self.selected_bed_id: int | None = None
        self.selected_room_id: int | None = None
        self.highlight = ""
        self.empty_text = ""
        self.section_title = lambda s: f"{s.building} {s.floor}"
        f = self.font()
        self._base_pt = f.pointSizeF() if f.pointSizeF() > 0 else 9.0

    # -- data ------------------------------------------------------------------
    def set_sections(self, sections: list[FloorSection], with_status: bool = True) -> None:
        self._sections = sections
        self._with_status = with_status
        self._layout_width = -1
        self._relayout()
        self.update()

    def tiles(self) -> list[_Tile]:
        return self._tiles

    def cards(self) -> list[_Card]:
        return self._cards

    def selected_bed(self) -> BedInfo | None:
        return next((t.bed for t in self._tiles if t.bed.bed_id == self.selected_bed_id), None)

    def selected_room(self) -> RoomInfo | None:
        return next((c.room for c in self._cards if c.room.room_id == self.selected_room_id), None)

    def select(self, bed_id: int | None = None, room_id: int | None = None, scroll: bool = True) -> None:
        if bed_id is not None:
            tile = next((t for t in self._tiles if t.bed.bed_id == bed_id), None)
            if tile is None:
                bed_id = None
            else:
                room_id = tile.room.room_id
        if room_id is not None and not any(c.room.room_id == room_id for c in self._cards):
            room_id = None
        if (bed_id, room_id) == (self.selected_bed_id, self.selected_room_id):
            return
        self.selected_bed_id, self.selected_room_id = bed_id, room_id
        self.update()
        if scroll:
            rect = self._selected_rect()
            if rect is not None:
                self.ensure_visible.emit(rect)
        self.selection_changed.emit()

    def set_highlight(self, text: str) -> list[_Tile]:
        self.highlight = text.strip()
        self.update()
        return [t for t in self._tiles if vm.matches(t.bed, self.highlight)]

    def tile_at(self, pos: QPoint) -> _Tile | None:
        return next((t for t in self._tiles if t.rect.contains(pos)), None)

    def card_at(self, pos: QPoint) -> _Card | None:
        return next((c for c in self._cards if c.rect.contains(pos)), None)

    def _selected_rect(self) -> QRect | None:
        if self.selected_bed_id is not None:
            t = next((t for t in self._tiles if t.bed.bed_id == self.selected_bed_id), None)
            return t.rect if t else None
        c = next((c for c in self._cards if c.room.room_id == self.selected_room_id), None)
        return c.rect if c else None

    # -- layout ----------------------------------------------------------------
    def _relayout(self) -> None:
        width = max(self.width(), MIN_CARD_W + 2 * MARGIN)
        if width == self._layout_width:
            return
        self._layout_width = width
        self._headers, self._cards, self._tiles = [], [], []
        y = MARGIN
        right = width - MARGIN
        for section in self._sections:
            self._headers.append(_Header(QRect(MARGIN, y, width - 2 * MARGIN, SECTION_HEAD - 6), section))
            y += SECTION_HEAD
            x, row_h = MARGIN, 0
            for room in section.rooms:
                n = max(len(room.beds), 1)
                cols = n if n <= 3 else (2 if n == 4 else MAX_COLS)  # 4 beds as 2×2, more in rows of 3
                rows = (n + cols - 1) // cols
                w = max(2 * PAD + cols * TILE_W + (cols - 1) * GAP, MIN_CARD_W)
                h = ROOM_HEAD + PAD + rows * TILE_H + (rows - 1) * GAP
                if x > MARGIN and x + w > right:
                    x, y, row_h = MARGIN, y + row_h + CARD_GAP, 0
                card = _Card(QRect(x, y, w, h), room, [])
                for i, bed in enumerate(room.beds):
                    r, c = divmod(i, cols)
                    rect = QRect(x + PAD + c * (TILE_W + GAP), y + ROOM_HEAD + r * (TILE_H + GAP), TILE_W, TILE_H)
                    tile = _Tile(rect, bed, room, self._state(bed, room))
                    card.tiles.append(tile)
                    self._tiles.append(tile)
                self._cards.append(card)
                x += w + CARD_GAP
                row_h = max(row_h, h)
            y += row_h + SECTION_GAP
        height = y + MARGIN - SECTION_GAP if self._sections else 200
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)

    def _state(self, bed: BedInfo, room: RoomInfo) -> TileState:
        state = vm.bed_state(bed, room.active)
        if not self._with_status and state is TileState.LEAVE:
            return TileState.OCCUPIED  # another day: the current status says nothing about that day
        return state

    def sizeHint(self) -> QSize:
        return QSize(900, max(self.minimumHeight(), 300))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    # -- painting ----------------------------------------------------------------
    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self._base_pt * scale)
        f.setBold(bold)
        return f

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        clip = event.rect()
        p.fillRect(clip, BG)
        if not self._sections:
            p.setPen(MUTED)
            p.setFont(self._font(1.1))
            p.drawText(self.rect().adjusted(0, 40, 0, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       self.empty_text)
            return
        for h in self._headers:
            if h.rect.intersects(clip):
                self._paint_header(p, h)
        for c in self._cards:
            if c.rect.adjusted(-4, -4, 4, 4).intersects(clip):
                self._paint_card(p, c)
        p.end()

    def _paint_header(self, p: QPainter, h: _Header) -> None:
        title = self.section_title(h.section)
        p.setPen(TEXT)
        f = self._font(1.15, True)
        p.setFont(f)
        fm = QFontMetrics(f)
        p.drawText(h.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        counts = h.section.counts
        detail = self.tr("%1间 · %2床 · 空床 %3 · 请假 %4").replace("%1", str(len(h.section.rooms))) \
            .replace("%2", str(counts.total)).replace("%3", str(counts.free)).replace("%4", str(counts.on_leave))
        x = h.rect.left() + fm.horizontalAdvance(title) + 14
        p.setPen(MUTED)
        p.setFont(self._font(0.95))
        p.drawText(QRect(x, h.rect.top(), h.rect.width() - x, h.rect.height()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, detail)
        p.setPen(QPen(CARD_BORDER, 1))
        p.drawLine(h.rect.left(), h.rect.bottom() + 1, h.rect.right(), h.rect.bottom() + 1)

    def _paint_card(self, p: QPainter, c: _Card) -> None:
        room = c.room
        rect = QRectF(c.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        selected_room = self.selected_bed_id is None and room.room_id == self.selected_room_id
        p.setPen(QPen(SELECT if selected_room else CARD_BORDER, 2.5 if selected_room else 1))
        p.setBrush(CARD_BG if room.active else CARD_INACTIVE_BG)
        p.drawRoundedRect(rect, 8, 8)
        # header: number, type, free badge
        head = QRect(c.rect.left() + PAD, c.rect.top() + 4, c.rect.width() - 2 * PAD, ROOM_HEAD - 6)
        f_num = self._font(1.15, True)
        p.setFont(f_num)
        p.setPen(TEXT if room.active else MUTED)
        p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, room.number)
        x = head.left() + QFontMetrics(f_num).horizontalAdvance(room.number) + 6
        p.setFont(self._font(0.9))
        p.setPen(MUTED)
        sexes = vm.room_sexes(room)
        kind = room.room_type + (" · " + "".join(sorted(sexes, reverse=True)) if sexes else "")
        p.drawText(QRect(x, head.top(), head.right() - x, head.height()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, kind)
        if not room.active:
            badge, colour = self.tr("已停用"), QColor("#9e9e9e")
        else:
            free = vm.room_free_count(room)
            badge = self.tr("空 %1").replace("%1", str(free)) if free else self.tr("已满")
            colour = QColor(GREEN) if free else QColor("#90a4ae")
        self._pill(p, head, badge, colour, filled=room.active and badge != self.tr("已满"), right=True)
        for t in c.tiles:
            self._paint_tile(p, t)

    def _pill(self, p: QPainter, box: QRect, text: str, colour: QColor, filled: bool, right: bool) -> None:
        f = self._font(0.8, True)
        fm = QFontMetrics(f)
        w, h = fm.horizontalAdvance(text) + 12, fm.height() + 2
        x = box.right() - w if right else box.left()
        r = QRectF(x, box.center().y() - h / 2 + 0.5, w, h)
        p.setFont(f)
        if filled:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(r, h / 2, h / 2)
            p.setPen(QColor("white"))
        else:
            p.setPen(QPen(colour, 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r, h / 2, h / 2)
            p.setPen(colour)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_tile(self, p: QPainter, t: _Tile) -> None:
        fill, border, main, sub = (QColor(c) for c in STATE_STYLE[t.state])
        rect = QRectF(t.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        selected = t.bed.bed_id == self.selected_bed_id
        matched = bool(self.highlight) and vm.matches(t.bed, self.highlight)
        p.setBrush(fill)
        pen = QPen(border, 1.2)
        if t.state is TileState.FREE:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(rect, 6, 6)
        if t.state is TileState.INACTIVE:
            p.setBrush(QBrush(QColor("#d5d5d5"), Qt.BrushStyle.BDiagPattern))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(rect, 6, 6)
        else:  # status strip on the left
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(border)
            p.drawRoundedRect(QRectF(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        if matched:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(MATCH, 3))
            p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 7, 7)
        if selected:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(SELECT, 2.5))
            p.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 7, 7)

        inner = t.rect.adjusted(10, 4, -6, -4)
        line_h = inner.height() // 3
        top = QRect(inner.left(), inner.top(), inner.width(), line_h)
        mid = QRect(inner.left(), inner.top() + line_h, inner.width(), line_h + 2)
        low = QRect(inner.left(), inner.top() + 2 * line_h + 1, inner.width(), line_h)
        # line 1: bed label and type chip
        p.setFont(self._font(0.85, True))
        p.setPen(MUTED if t.state is TileState.INACTIVE else QColor("#52606d"))
        p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   self.tr("%1床").replace("%1", t.bed.label))
        nursing = t.bed.bed_type == BedType.NURSING.value
        self._pill(p, top, self.tr("护理型") if nursing else self.tr("普通"),
                   NURSING if nursing else QColor("#90a4ae"), filled=nursing, right=True)
        # line 2: occupant or 空床
        f_name = self._font(1.1, True)
        p.setFont(f_name)
        p.setPen(main)
        if t.state in (TileState.OCCUPIED, TileState.LEAVE):
            name = QFontMetrics(f_name).elidedText(t.bed.occupant_name, Qt.TextElideMode.ElideRight, mid.width())
        elif t.state is TileState.FREE:
            name = self.tr("空床")
        else:
            name = self.tr("已停用")
        p.drawText(mid, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        # line 3: status
        p.setFont(self._font(0.85))
        p.setPen(sub)
        if t.state is TileState.LEAVE:
            status = self.tr("请假中")
        elif t.state is TileState.OCCUPIED:
            status = self.tr("在住") if self._with_status else self.tr("已入住")
        elif t.state is TileState.FREE:
            status = self.tr("可入住")
        else:
            status = self.tr("房间停用") if not t.room.active and t.bed.active else self.tr("床位停用")
        if t.bed.occupant_gender and t.state in (TileState.OCCUPIED, TileState.LEAVE):
            status += " · " + t.bed.occupant_gender
        p.drawText(low, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, status)

    # -- interaction -------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        pos = event.position().toPoint()
        tile = self.tile_at(pos)
        if tile is not None:
            self.select(tile.bed.bed_id, scroll=False)
        else:
            card = self.card_at(pos)
            self.select(None, card.room.room_id if card else None, scroll=False)
        if event.button() == Qt.MouseButton.RightButton:
            self.context_requested.emit(event.globalPosition().toPoint())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        tile = self.tile_at(event.position().toPoint())
        if tile is not None:
            self.bed_activated.emit(tile.bed)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            tile = self.tile_at(e.pos())
            if tile is not None:
                QToolTip.showText(e.globalPos(), self.tile_tooltip(tile), self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def tile_tooltip(self, t: _Tile) -> str:
        lines = [t.bed.code + "  " + t.bed.bed_type + self.tr("床位")]
        if t.bed.occupant_id is not None:
            lines.append(t.bed.occupant_name + ("（" + t.bed.occupant_status + "）" if self._with_status else ""))
            lines.append(self.tr("双击打开住户档案"))
        elif t.state is TileState.FREE:
            lines.append(self.tr("空床，可入住（双击登记入住）"))
        else:
            lines.append(self.tr("已停用"))
        return "\n".join(lines)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            bed = self.selected_bed()
            if bed is not None:
                self.bed_activated.emit(bed)
            return
        if key == Qt.Key.Key_Menu:
            rect = self._selected_rect()
            if rect is not None:
                self.context_requested.emit(self.mapToGlobal(rect.center()))
            return
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in moves and self._tiles:
            self._move(*moves[key])
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._tiles:
            t = self._tiles[0 if key == Qt.Key.Key_Home else -1]
            self.select(t.bed.bed_id)
            return
        super().keyPressEvent(event)

    def _move(self, dx: int, dy: int) -> None:
        cur = next((t for t in self._tiles if t.bed.bed_id == self.selected_bed_id), None)
        if cur is None:
            self.select(self._tiles[0].bed.bed_id)
            return
        if dy == 0:  # reading order
            i = self._tiles.index(cur) + dx
            if 0 <= i < len(self._tiles):
                self.select(self._tiles[i].bed.bed_id)
            return
        c = cur.rect.center()
        best, best_score = None, None
        for t in self._tiles:
            d = t.rect.center() - c
            if d.y() * dy <= TILE_H // 2:
                continue
            score = abs(d.y()) * 4 + abs(d.x())
            if best_score is None or score < best_score:
                best, best_score = t, score
        if best is not None:
            self.select(best.bed.bed_id)


class StatCard(QFrame):
    """A figure with a caption and a sub-line, for the header row."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setStyleSheet("#statCard { background: white; border: 1px solid #d6dce4; border-radius: 8px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #7b8794;")
        self.value = QLabel("—")
        f = self.value.font()
        f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 9) * 1.9)
        f.setBold(True)
        self.value.setFont(f)
        self.sub = QLabel("")
        self.sub.setStyleSheet("color: #7b8794;")
        for w in (self.caption, self.value, self.sub):
            lay.addWidget(w)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, value: str, sub: str = "", colour: str = "#1f2933") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};")
        self.sub.setText(sub)


class BedsPage(Page):
    """The room/bed map with figures, a date selector and room/bed management."""

    watches = frozenset({"room", "bed", "resident", "centre"})
    open_resident = Signal(int)

    def __init__(self, shell: Shell, parent: QWidget | None = None):
        super().__init__(shell, parent)
        self.data: BedPageData | None = None
        self._building: str | None = None
        self._loading = False
        self._reload_again = False
        self._pending_room: int | None = None
        self.dialog = None
        self.can_write = shell.ctx.actor.can(Perm.CENTRE_WRITE)
        self.can_admit = shell.ctx.actor.can(Perm.RESIDENT_WRITE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(10)

        # title row
        title_row = QHBoxLayout()
        title = page_title(self.tr("床位图"))
        title_row.addWidget(title)
        self.day_hint = QLabel("")
        self.day_hint.setStyleSheet("color: #7b8794;")
        title_row.addWidget(self.day_hint)
        title_row.addStretch(1)
        self.add_room_button = QPushButton(self.tr("新增房间…"))
        self.add_room_button.clicked.connect(self.new_room)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.reload)
        title_row.addWidget(self.add_room_button)
        title_row.addWidget(self.refresh_button)
        outer.addLayout(title_row)

        # figures
        figures = QHBoxLayout()
        figures.setSpacing(10)
        self.card_total = StatCard(self.tr("总床位"))
        self.card_occupied = StatCard(self.tr("已入住"))
        self.card_free = StatCard(self.tr("空床"))
        self.card_leave = StatCard(self.tr("请假"))
        self.card_share = StatCard(self.tr("护理型床位占比"))
        for c in (self.card_total, self.card_occupied, self.card_free, self.card_leave, self.card_share):
            figures.addWidget(c)
        outer.addLayout(figures)

        # filters
        bar = QHBoxLayout()
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        bar.addWidget(self.tabs)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("查看日期")))
        self.date = date_edit(shell.ctx.today())
        self.date.dateChanged.connect(lambda _d: self.reload())
        bar.addWidget(self.date)
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.clicked.connect(self.go_today)
        self.today_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找住户姓名或床位号"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(210)
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self._search)
        bar.addWidget(self.search)
        self.search_hint = QLabel("")
        self.search_hint.setStyleSheet("color: #7b8794;")
        bar.addWidget(self.search_hint)
        bar.addStretch(1)
        self.show_inactive = QCheckBox(self.tr("显示已停用"))
        self.show_inactive.toggled.connect(lambda _b: self.reload())
        bar.addWidget(self.show_inactive)
        outer.addLayout(bar)

        legend = QLabel(self._legend_html())
        legend.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(legend)

        # map + detail panel
        body = QHBoxLayout()
        body.setSpacing(10)
        self.canvas = BedMapCanvas()
        self.canvas.section_title = self._section_title
        self.canvas.empty_text = self.tr("正在加载…")
        self.canvas.selection_changed.connect(self._update_detail)
        self.canvas.bed_activated.connect(self._activate_bed)
        self.canvas.context_requested.connect(self._context_menu)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setWidget(self.canvas)
        self.canvas.ensure_visible.connect(
            lambda r: self.scroll.ensureVisible(r.center().x(), r.center().y(), r.width() // 2 + 12, r.height() // 2 + 12))
        body.addWidget(self.scroll, 1)
        body.addWidget(self._detail_panel())
        outer.addLayout(body, 1)

        self._set_write_tooltips()
        self._update_detail()

    # -- labels ---------------------------------------------------------------------
    def building_title(self, building: str) -> str:
        if not building:
            return self.tr("未分楼栋")
        if vm.building_needs_suffix(building):
            return self.tr("%1栋").replace("%1", building)
        return building

    def floor_title(self, floor: int) -> str:
        if floor < 0:
            return self.tr("地下%1层").replace("%1", str(-floor))
        return self.tr("%1层").replace("%1", str(floor))

    def _section_title(self, s: FloorSection) -> str:
        return self.building_title(s.building) + " · " + self.floor_title(s.floor)

    def room_title(self, room: RoomInfo) -> str:
        return self.building_title(room.building) + " " + room.number

    def _legend_html(self) -> str:
        items = [
            ("#5cb860", self.tr("空床")), ("#6b9bd8", self.tr("在住")), ("#f0a43a", self.tr("请假（床位保留）")),
            ("#c4c4c4", self.tr("已停用")), (NURSING.name(), self.tr("护理型床位")),
        ]
        parts = [f'<span style="color:{c}; font-size:14px">■</span>&nbsp;{t}' for c, t in items]
        return '<span style="color:#52606d">' + "&nbsp;&nbsp;&nbsp;&nbsp;".join(parts) + "</span>"

    # -- detail panel --------------------------------------------------------------
    def _detail_panel(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("bedDetail")
        panel.setStyleSheet("#bedDetail { background: white; border: 1px solid #d6dce4; border-radius: 8px; }")
        panel.setFixedWidth(270)
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(14, 12, 14, 12)
        self.detail_title = QLabel()
        f = self.detail_title.font()
        f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 9) * 1.3)
        f.setBold(True)
        self.detail_title.setFont(f)
        self.detail_title.setWordWrap(True)
        lay.addWidget(self.detail_title)
        self.detail_empty = QLabel(self.tr("点击床位或房间查看详情。\n双击有人入住的床位可打开住户档案；方向键可在床位间移动。"))
        self.detail_empty.setWordWrap(True)
        self.detail_empty.setStyleSheet("color: #7b8794;")
        lay.addWidget(self.detail_empty)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.d_room = QLabel()
        self.d_room_type = QLabel()
        self.d_bed_type = QLabel()
        self.d_state = QLabel()
        self.d_occupant = QLabel()
        self.d_occupant_status = QLabel()
        self._detail_rows = []
        for label, w in ((self.tr("房间"), self.d_room), (self.tr("房间类型"), self.d_room_type),
                         (self.tr("床位类型"), self.d_bed_type), (self.tr("床位状态"), self.d_state),
                         (self.tr("住户"), self.d_occupant), (self.tr("住户状态"), self.d_occupant_status)):
            cap = QLabel(label)
            cap.setStyleSheet("color: #7b8794;")
            form.addRow(cap, w)
            self._detail_rows.append((cap, w))
        lay.addLayout(form)
        self.open_button = QPushButton(self.tr("打开住户档案"))
        self.open_button.clicked.connect(self._open_selected)
        lay.addWidget(self.open_button)
        self.admit_button = QPushButton(self.tr("登记入住…"))
        self.admit_button.setObjectName("action_admit_here")
        self.admit_button.clicked.connect(self.admit_here)
        lay.addWidget(self.admit_button)

        sep = QFrame()
        sep.setFrameShape(QFrame.Shape.HLine)
        sep.setStyleSheet("color: #e3e7ec;")
        lay.addSpacing(6)
        lay.addWidget(sep)
        manage = QLabel(self.tr("床位管理"))
        manage.setStyleSheet("color: #52606d; font-weight: bold;")
        lay.addWidget(manage)
        self.bed_type_button = QPushButton(self.tr("改为护理型床位"))
        self.bed_type_button.clicked.connect(self.toggle_bed_type)
        self.bed_active_button = QPushButton(self.tr("停用床位"))
        self.bed_active_button.clicked.connect(self.toggle_bed_active)
        self.add_bed_button = QPushButton(self.tr("新增床位…"))
        self.add_bed_button.clicked.connect(self.new_bed)
        self.edit_room_button = QPushButton(self.tr("编辑房间…"))
        self.edit_room_button.clicked.connect(self.edit_room)
        self.room_active_button = QPushButton(self.tr("停用房间"))
        self.room_active_button.clicked.connect(self.toggle_room_active)
        for b in (self.bed_type_button, self.bed_active_button, self.add_bed_button, self.edit_room_button,
                  self.room_active_button):
            lay.addWidget(b)
        lay.addStretch(1)
        return panel

    def management_buttons(self) -> list[QPushButton]:
        return [self.add_room_button, self.bed_type_button, self.bed_active_button, self.add_bed_button,
                self.edit_room_button, self.room_active_button]

    def _set_write_tooltips(self) -> None:
        if self.can_write:
            return
        actor = self.shell.ctx.actor
        why = no_permission(actor, Perm.CENTRE_WRITE)
        for b in self.management_buttons():
            b.setEnabled(False)
            b.setToolTip(why)

    def _update_detail(self) -> None:
        bed = self.canvas.selected_bed()
        room = self.canvas.selected_room()
        has = room is not None
        self.detail_empty.setVisible(not has)
        self.detail_title.setVisible(has)
        for cap, w in self._detail_rows:
            cap.setVisible(has)
            w.setVisible(has)
        if room is not None:
            self.d_room.setText(self.room_title(room) + "（" + self.floor_title(room.floor) + "）")
            self.d_room_type.setText(room.room_type)
        if bed is not None:
            tile = next(t for t in self.canvas.tiles() if t.bed.bed_id == bed.bed_id)
            self.detail_title.setText(self.tr("床位 %1").replace("%1", bed.code))
            self.d_bed_type.setText(bed.bed_type)
            state_text = {
                TileState.FREE: (self.tr("空床"), GREEN), TileState.OCCUPIED: (self.tr("已入住"), "#1565c0"),
                TileState.LEAVE: (self.tr("已入住（住户请假，床位保留）"), AMBER),
                TileState.INACTIVE: (self.tr("已停用"), "#757575"),
            }[tile.state]
            self.d_state.setText(state_text[0])
            self.d_state.setStyleSheet(f"color: {state_text[1]};")
            self.d_state.setWordWrap(True)
            occupied = bed.occupant_id is not None
            self.d_occupant.setText(bed.occupant_name + ("（" + bed.occupant_gender + "）" if bed.occupant_gender else "")
                                    if occupied else self.tr("—"))
            self.d_occupant_status.setText(bed.occupant_status if occupied else self.tr("—"))
            colour = AMBER if tile.state is TileState.LEAVE else "#1f2933"
            self.d_occupant_status.setStyleSheet(f"color: {colour}; font-weight: bold;" if occupied else "")
        elif room is not None:
            self.detail_title.setText(self.tr("房间 %1").replace("%1", self.room_title(room)))
            free = vm.room_free_count(room)
            self.d_bed_type.setText(self.tr("%1张（护理型 %2张）").replace("%1", str(len(room.beds)))
                                    .replace("%2", str(sum(1 for b in room.beds if vm.is_nursing(b)))))
            self.d_state.setText(self.tr("已停用") if not room.active
                                 else self.tr("空床 %1张").replace("%1", str(free)))
            self.d_state.setStyleSheet(f"color: {GREEN if free and room.active else '#757575'};")
            self.d_occupant.setText(vm.occupants_text(room) or self.tr("—"))
            self.d_occupant.setWordWrap(True)
            self.d_occupant_status.setText(self.tr("—"))
            self.d_occupant_status.setStyleSheet("")
        for cap, w in self._detail_rows[2:3]:
            cap.setText(self.tr("床位类型") if bed is not None else self.tr("床位"))
        self.open_button.setVisible(bed is not None and bed.occupant_id is not None)
        self._update_admit(bed)
        self._update_actions(bed, room)

    def admittable(self, bed: BedInfo | None) -> bool:
        """A free bed in service, on a day that is not in the future."""
        if bed is None or self.data is None:
            return False
        tile = next((t for t in self.canvas.tiles() if t.bed.bed_id == bed.bed_id), None)
        return tile is not None and tile.state is TileState.FREE and self.data.day <= self.data.today

    def _update_admit(self, bed: BedInfo | None) -> None:
        free = self.admittable(bed)
        self.admit_button.setVisible(free)
        if not self.can_admit:
            self.admit_button.setEnabled(False)
            self.admit_button.setToolTip(no_permission(self.shell.ctx.actor, Perm.RESIDENT_WRITE))
        else:
            self.admit_button.setEnabled(free)
            self.admit_button.setToolTip(self.tr("登记新住户，入住床位 %1").replace("%1", bed.code) if free else "")

    def _update_actions(self, bed: BedInfo | None, room: RoomInfo | None) -> None:
        if bed is not None:
            nursing = bed.bed_type == BedType.NURSING.value
            self.bed_type_button.setText(self.tr("改为普通床位") if nursing else self.tr("改为护理型床位"))
            self.bed_active_button.setText(self.tr("停用床位") if bed.active else self.tr("启用床位"))
        if room is not None:
            self.room_active_button.setText(self.tr("停用房间") if room.active else self.tr("启用房间"))
        if not self.can_write:
            return
        self.add_room_button.setEnabled(True)
        for b in (self.bed_type_button, self.bed_active_button):
            b.setEnabled(bed is not None)
        for b in (self.add_bed_button, self.edit_room_button, self.room_active_button):
            b.setEnabled(room is not None)
        hint = "" if bed is not None else self.tr("先在床位图上选择一张床位")
        for b in (self.bed_type_button, self.bed_active_button):
            b.setToolTip(hint)
        hint = "" if room is not None else self.tr("先在床位图上选择一个房间或床位")
        for b in (self.add_bed_button, self.edit_room_button, self.room_active_button):
            b.setToolTip(hint)

    # -- loading -------------------------------------------------------------------
    def day(self) -> dt.date:
        return from_qdate(self.date.date())

    def go_today(self) -> None:
        self.date.setDate(to_qdate(self.shell.ctx.today()))

    def reload(self) -> None:
        if self._loading:  # one load at a time; the latest request wins
            self._reload_again = True
            return
        self._loading = True
        self.shell.call(load_bed_page, self.day(), self.show_inactive.isChecked(),
                        on_done=self._on_loaded, on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.shell.show_error(exc)

    def _on_loaded(self, data: BedPageData) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.reload()
            return
        self.data = data
        self._fill_tabs(vm.buildings(data.rooms))
        self._fill_figures(data)
        self._fill_map()

    def _fill_tabs(self, buildings: list[str]) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.addTab(self.tr("全部楼栋"))
        self.tabs.setTabData(0, None)
        for b in buildings:
            i = self.tabs.addTab(self.building_title(b))
            self.tabs.setTabData(i, b)
        if self._building not in buildings:
            self._building = None
        self.tabs.setCurrentIndex(0 if self._building is None else buildings.index(self._building) + 1)
        self.tabs.setVisible(len(buildings) > 1)
        self.tabs.blockSignals(False)

    def _tab_changed(self, index: int) -> None:
        self._building = self.tabs.tabData(index) if index >= 0 else None
        self._fill_map()

    def _fill_figures(self, data: BedPageData) -> None:
        counts = vm.count_beds(data.rooms)
        self.counts = counts
        self.card_total.set(str(counts.total), self.tr("%1个房间").replace(
            "%1", str(sum(1 for r in data.rooms if r.active))))
        self.card_occupied.set(str(counts.occupied), self.tr("入住率 %1%").replace(
            "%1", f"{counts.occupancy_percent:.1f}"), "#1565c0")
        self.card_free.set(str(counts.free), self.tr("可安排入住"), GREEN)
        self.card_leave.set(str(counts.on_leave), self.tr("床位保留") if data.day == data.today
                            else self.tr("仅显示今天的请假"), AMBER)
        share = data.share
        met = share.meets(data.target)
        if share.total == 0:
            self.card_share.set("—", self.tr("还没有床位 · 目标≥%1%").replace("%1", str(data.target)))
        else:
            self.card_share.set(
                f"{share.percent:.1f}%",
                self.tr("%1/%2张 · 目标≥%3% · %4").replace("%1", str(share.nursing)).replace("%2", str(share.total))
                .replace("%3", str(data.target)).replace("%4", self.tr("已达标") if met else self.tr("未达标")),
                GREEN if met else RED,
            )
        self.card_share.setToolTip(self.tr("政策配置：%1").replace("%1", data.profile_name))
        if data.day == data.today:
            self.day_hint.setText(self.tr("今天 %1").replace("%1", data.day.isoformat()))
            self.day_hint.setStyleSheet("color: #7b8794;")
        else:
            self.day_hint.setText(self.tr("正在查看 %1 的入住情况（请假状态只显示今天的）").replace("%1", data.day.isoformat()))
            self.day_hint.setStyleSheet(f"color: {AMBER}; font-weight: bold;")

    def _fill_map(self) -> None:
        if self.data is None:
            return
        data = self.data
        bed_id, room_id = self.canvas.selected_bed_id, self.canvas.selected_room_id
        if self._pending_room is not None:
            bed_id, room_id, self._pending_room = None, self._pending_room, None
        self.canvas.empty_text = (self.tr("还没有房间。点击“新增房间”添加第一个房间。") if self.can_write
                                  else self.tr("还没有房间。"))
        self.canvas.set_sections(vm.sections(data.rooms, self._building), with_status=data.day == data.today)
        self.canvas.selected_bed_id = self.canvas.selected_room_id = None
        self.canvas.select(bed_id, room_id, scroll=False)
        self._update_detail()
        if self.search.text():
            self._search(self.search.text())

    def _search(self, text: str) -> None:
        found = self.canvas.set_highlight(text)
        if not text.strip():
            self.search_hint.setText("")
            return
        self.search_hint.setText(self.tr("找到 %1 处").replace("%1", str(len(found))) if found
                                 else self.tr("没有找到"))
        if found:
            self.canvas.select(found[0].bed.bed_id)

    # -- actions -------------------------------------------------------------------
    def _activate_bed(self, bed: BedInfo) -> None:
        if bed.occupant_id is not None:
            self.open_resident.emit(bed.occupant_id)
        elif self.can_admit and self.admittable(bed):
            self.admit_here()

    def _open_selected(self) -> None:
        bed = self.canvas.selected_bed()
        if bed is not None:
            self._activate_bed(bed)

    def _context_menu(self, pos: QPoint) -> None:
        bed = self.canvas.selected_bed()
        menu = QMenu(self)
        if bed is not None and bed.occupant_id is not None:
            menu.addAction(self.tr("打开住户档案"), self._open_selected)
            menu.addSeparator()
        if self.admittable(bed):
            act = menu.addAction(self.tr("登记入住…"), self.admit_here)
            act.setEnabled(self.admit_button.isEnabled())
            menu.addSeparator()
        for b in (self.bed_type_button, self.bed_active_button, self.add_bed_button, self.edit_room_button,
                  self.room_active_button, self.add_room_button):
            if b is self.bed_type_button or b is self.bed_active_button:
                if bed is None:
                    continue
            act = menu.addAction(b.text(), b.click)
            act.setEnabled(b.isEnabled())
        menu.exec(pos)

    def admit_here(self):
        """登记入住 on the selected free bed: the admission dialog with that bed
        (and the day the map shows) chosen. Returns the dialog (tests drive it)."""
        bed = self.canvas.selected_bed()
        if not self.can_admit or not self.admittable(bed):
            return None
        from ..dialogs.resident import ResidentDialog

        dlg = ResidentDialog(self.shell, None, self, bed_id=bed.bed_id, admission_date=self.day())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _default_building_floor(self) -> tuple[str, int]:
        room = self.canvas.selected_room()
        if room is not None:
            return room.building, room.floor
        if self._building is not None:
            return self._building, 1
        buildings = vm.buildings(self.data.rooms) if self.data else []
        return (buildings[0] if buildings else ""), 1

    def new_room(self) -> RoomDialog:
        building, floor = self._default_building_floor()
        dlg = RoomDialog(self.shell, self, buildings=vm.buildings(self.data.rooms) if self.data else [],
                         building=building, floor=floor)
        dlg.accepted.connect(lambda: self._after_dialog(dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def edit_room(self) -> RoomDialog | None:
        room = self.canvas.selected_room()
        if room is None:
            return None
        dlg = RoomDialog(self.shell, self, buildings=vm.buildings(self.data.rooms) if self.data else [], room=room)
        self.dialog = dlg
        dlg.open()
        return dlg

    def new_bed(self) -> BedDialog | None:
        room = self.canvas.selected_room()
        if room is None:
            return None
        dlg = BedDialog(self.shell, self, room, self.room_title(room))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _after_dialog(self, dlg: RoomDialog) -> None:
        # select the new room once the map has it
        ch = dlg.result_value
        if isinstance(ch, Changes) and ch.ids:
            self._pending_room = ch.ids[0]

    def toggle_bed_type(self) -> None:
        bed = self.canvas.selected_bed()
        if bed is None:
            return
        new = BedType.ORDINARY.value if bed.bed_type == BedType.NURSING.value else BedType.NURSING.value
        self.shell.call(centre.update_bed, bed.bed_id, new, bed.active, expected_version=bed.version)

    def toggle_bed_active(self) -> None:
        bed = self.canvas.selected_bed()
        if bed is None:
            return
        self.shell.call(centre.update_bed, bed.bed_id, bed.bed_type, not bed.active, expected_version=bed.version,
                        on_done=lambda _ch: self._keep_inactive_visible(bed.active))

    def toggle_room_active(self) -> None:
        room = self.canvas.selected_room()
        if room is None:
            return
        self.shell.call(centre.set_room_active, room.room_id, not room.active, expected_version=room.version,
                        on_done=lambda _ch: self._keep_inactive_visible(room.active))

    def _keep_inactive_visible(self, retired: bool) -> None:
        """After 停用, show retired beds so the one just retired stays on the map
        (and can be re-enabled); the Changes broadcast that follows reloads."""
        if retired and not self.show_inactive.isChecked():
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)
            self.show_inactive.blockSignals(False)
