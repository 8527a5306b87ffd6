"""One small chart widget drawn with QPainter (QtCharts is not installed):
a month series as bars or as a line with a shaded area, a y axis with
round steps, x labels, a title and a hover tooltip.

    chart = MiniChart(title, kind="bar")          # or "line"
    chart.set_data(["25-12", "26-01", …], [22, 25, …], fmt=lambda v: f"{v:.0f}")

``fmt`` formats the axis and the tooltip (money: pass fen, never yuan as
a float, with ``fen_short`` / ``fen_tip``). ``ceiling`` draws a dashed line (e.g. the number of beds)."""
from __future__ import annotations

import math
from decimal import Decimal
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..domain.money import format_yuan

BAR, LINE = "bar", "line"


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2, 5 × 10ⁿ) for ``ticks`` grid lines up to at least ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    mag = 10 ** math.floor(math.log10(raw))
    for f in (1, 2, 5, 10):
        if f * mag >= raw - 1e-12:
            return f * mag
    return 10 * mag  # pragma: no cover


def plain(v: float) -> str:
    return f"{v:,.0f}" if abs(v - round(v)) < 1e-9 else f"{v:,.1f}"


def fen_short(v) -> str:
    """A money axis whose values are fen: ¥0, ¥5,000, ¥1.2万 (the value is
    made a whole fen first; the text in yuan comes from Decimal)."""
    yuan = Decimal(int(round(v))) / 100
    if abs(yuan) >= 10000:
        w = yuan / 10000
        return f"¥{w.quantize(Decimal('0.1')).normalize():f}万"
    return f"¥{yuan.quantize(Decimal(1)):,}"


def fen_tip(v) -> str:
    """A money point whose value is fen: ¥1,234.56."""
    return format_yuan(int(round(v)))


class MiniChart(QWidget):
    """A month series as bars or a line. ``point_clicked(index)`` on a click."""

    point_clicked = Signal(int)

    def __init__(self, title: str = "", kind: str = BAR, parent: QWidget | None = None,
                 colour: str = "#2f6fb0"):
        super().__init__(parent)
        self.title = title
        self.kind = kind
        self.colour = QColor(colour)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.fmt: Callable[[float], str] = plain
        self.tip_fmt: Callable[[float], str] = plain
        self.ceiling: float | None = None
        self.ceiling_text = ""
        self.empty_text = ""
        self.setMouseTracking(True)
        self.setMinimumSize(220, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 200)

    def set_data(self, labels: Sequence[str], values: Sequence[float], fmt: Callable[[float], str] | None = None,
                 tip_fmt: Callable[[float], str] | None = None, ceiling: float | None = None,
                 ceiling_text: str = "") -> None:
        self.labels = list(labels)
        self.values = [float(v) for v in values]
        self.fmt = fmt or plain
        self.tip_fmt = tip_fmt or self.fmt
        self.ceiling = ceiling
        self.ceiling_text = ceiling_text
        self.update()

    # -- geometry ---------------------------------------------------------------------
    def _top(self) -> tuple[float, float, float]:
        """(bottom, top, step) of the y axis."""
        hi = max(self.values + ([self.ceiling] if self.ceiling else []) + [0.0])
        lo = min(self.values + [0.0])
        step = nice_step(max(hi - lo, 1e-9) if hi > lo else 1.0)
        bottom = math.floor(lo / step) * step
        top = max(math.ceil(hi / step) * step, bottom + step)
        return bottom, top, step

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        bottom, top, step = self._top()
        widths = [fm.horizontalAdvance(self.fmt(bottom + i * step)) for i in range(int(round((top - bottom) / step)) + 1)]
        left = max(widths + [20]) + 10
        head = fm.height() + 10 if self.title else 8
        return QRectF(left, head, max(10.0, self.width() - left - 10), max(10.0, self.height() - head - fm.height() - 10))

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, len(self.values))

    def index_at(self, x: float) -> int:
        if not self.values:
            return -1
        plot = self._plot()
        i = int((x - plot.left()) // self._slot(plot))
        return i if 0 <= i < len(self.values) else -1

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(pal.ColorRole.WindowText)
        grey = QColor("#8a94a0")
        fm = self.fontMetrics()
        if self.title:
            f = QFont(self.font())
            f.setBold(True)
            p.setFont(f)
            p.setPen(text_colour)
            p.drawText(QRectF(4, 2, self.width() - 8, fm.height() + 4),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
            p.setFont(self.font())
        if not self.values:
            p.setPen(grey)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        plot = self._plot()
        bottom, top, step = self._top()

        def y_at(v: float) -> float:
            return plot.bottom() - (v - bottom) / (top - bottom) * plot.height()

        # grid and y labels
        n = int(round((top - bottom) / step))
        for i in range(n + 1):
            v = bottom + i * step
            y = y_at(v)
            p.setPen(QPen(QColor("#e3e7ec"), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(grey)
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.fmt(v))
        slot = self._slot(plot)
        xs = [plot.left() + slot * (i + 0.5) for i in range(len(self.values))]
        if self.kind == LINE:
            area = QPainterPath(QPointF(xs[0], y_at(max(bottom, 0))))
            line = QPainterPath(QPointF(xs[0], y_at(self.values[0])))
            for x, v in zip(xs, self.values):
                area.lineTo(x, y_at(v))
                line.lineTo(x, y_at(v))
            area.lineTo(xs[-1], y_at(max(bottom, 0)))
            fill = QColor(self.colour)
            fill.setAlpha(40)
            p.fillPath(area, fill)
            p.setPen(QPen(self.colour, 2))
            p.drawPath(line)
            p.setBrush(self.colour)
            for x, v in zip(xs, self.values):
                p.drawEllipse(QPointF(x, y_at(v)), 2.5, 2.5)
        else:
            w = max(2.0, slot * 0.62)
            zero = y_at(max(bottom, 0))
            for x, v in zip(xs, self.values):
                y = y_at(v)
                p.fillRect(QRectF(x - w / 2, min(y, zero), w, abs(zero - y)), self.colour)
        if self.ceiling:
            y = y_at(self.ceiling)
            p.setPen(QPen(QColor("#c62828"), 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if self.ceiling_text:
                p.drawText(QRectF(plot.left() + 4, y - fm.height() - 1, plot.width() - 8, fm.height()),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self.ceiling_text)
        # x labels: as many as fit
        p.setPen(grey)
        every = 1
        widest = max(fm.horizontalAdvance(t) for t in self.labels) + 6 if self.labels else 1
        while every < len(self.labels) and slot * every < widest:
            every += 1
        last = len(self.labels) - 1
        for i, text in enumerate(self.labels):
            if (last - i) % every:
                continue
            p.drawText(QRectF(xs[i] - slot * every / 2, plot.bottom() + 3, slot * every, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        p.setPen(QPen(grey, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        p.end()

    # -- interaction ------------------------------------------------------------------
    def tooltip_at(self, i: int) -> str:
        if not (0 <= i < len(self.values)):
            return ""
        label = self.labels[i] if i < len(self.labels) else ""
        return f"{label}：{self.tip_fmt(self.values[i])}"

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        text = self.tooltip_at(self.index_at(event.position().x()))
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        i = self.index_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and i >= 0:
            self.point_clicked.emit(i)
        super().mousePressEvent(event)


__all__ = ["MiniChart", "BAR", "LINE", "nice_step", "plain", "fen_short", "fen_tip"]
