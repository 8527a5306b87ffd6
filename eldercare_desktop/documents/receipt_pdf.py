"""收款收据: one receipt on a strip a third of A4 (210 × 99 mm, the size of
the usual pre-printed 三联收据; it prints on A4 paper cut in three or on
receipt stock).

A pure renderer: a :class:`ReceiptDetail` (every figure computed by the
service) and the printing date in, PDF bytes out. It shows the centre, the
title, the receipt number in red, the date, payer and resident, method and
transaction number, what the money pays (摘要), the amount in figures and in
人民币大写, the cashier and an accountant's line, a red 作废 stamp with the
reason when the receipt is voided, and a 补打 mark on every print after the
first. The CJK font is embedded (subset).

The page is not the A4 report layout of ``documents.pdf`` (no header/footer
band), so the receipt draws on a ReportLab canvas directly, with the shared
font, colours, styles and tables of ``documents.pdf``.
"""
from __future__ import annotations

import datetime as dt
import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..domain.money import format_yuan
from ..domain.payment_records import ReceiptDetail
from . import pdf as P

TITLE = "收款收据"
PAGE = (210 * P.mm, 99 * P.mm)  # a third of A4, landscape strip
RED = P.colors.HexColor("#c0181f")
MARGIN = 10 * P.mm


def _spaced(text: str) -> str:
    return " ".join(text)


def _bold(c: Canvas, text: str, x: float, y: float, size: float, color=P.INK, align: str = "left") -> float:
    """Faux-bold text (fill + stroke: the bundled font has no bold face)."""
    font = P.register_font()
    w = pdfmetrics.stringWidth(text, font, size)
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    c.saveState()
    c.setFillColor(color)
    c.setStrokeColor(color)
    c.setLineWidth(size / 38)
    t = c.beginText()
    t.setTextRenderMode(2)
    t.setFont(font, size)
    t.setTextOrigin(x, y)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()
    return w


def _void_stamp(c: Canvas, cx: float, cy: float) -> None:
    """A red rectangular 作废 stamp, rotated, drawn over the body."""
    font = P.register_font()
    c.saveState()
    c.translate(cx, cy)
    c.rotate(18)
    c.setFillAlpha(0.55)
    c.setStrokeAlpha(0.75)
    c.setStrokeColor(RED)
    c.setFillColor(RED)
    w, h = 62 * P.mm, 24 * P.mm
    c.setLineWidth(2.4)
    c.roundRect(-w / 2, -h / 2, w, h, 3 * P.mm, stroke=1, fill=0)
    c.setLineWidth(0.8)
    c.roundRect(-w / 2 + 1.6 * P.mm, -h / 2 + 1.6 * P.mm, w - 3.2 * P.mm, h - 3.2 * P.mm, 2 * P.mm, stroke=1, fill=0)
    size = 40
    text = "作 废"
    tw = pdfmetrics.stringWidth(text, font, size)
    t = c.beginText()
    t.setTextRenderMode(2)
    c.setLineWidth(1.2)
    t.setFont(font, size)
    t.setTextOrigin(-tw / 2, -size * 0.36)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


def _reprint_mark(c: Canvas, x: float, y: float) -> None:
    """A red boxed 补打 at the top left: this is not the first print."""
    font = P.register_font()
    size = 13
    text = "补 打"
    tw = pdfmetrics.stringWidth(text, font, size)
    c.saveState()
    c.setStrokeColor(RED)
    c.setLineWidth(1.2)
    c.rect(x, y - 2.2 * P.mm, tw + 4 * P.mm, size + 2.6 * P.mm, stroke=1, fill=0)
    c.restoreState()
    _bold(c, text, x + 2 * P.mm, y, size, color=RED)


def render_receipt(detail: ReceiptDetail, printed_on: dt.date, copy: int = 1) -> bytes:
    """The receipt as PDF bytes (210 × 99 mm, CJK font embedded).

    ``printed_on`` is the printing date (the app's clock, passed in); ``copy``
    counts the prints of this receipt: from the second on it is marked 补打."""
    d = detail
    font = P.register_font()
    s = P.styles()
    buf = io.BytesIO()
    W, H = PAGE
    c = Canvas(buf, pagesize=PAGE, invariant=1, initialFontName=font, initialFontSize=9)
    c.setTitle(f"{TITLE} {d.number}")
    c.setAuthor(d.centre_name)
    c.setSubject(f"{d.resident_name} {d.number}")
    c.setCreator("eldercare-desktop")
    inner = W - 2 * MARGIN

    # --- heading: centre, title with a double rule, number in red -------------------------
    top = H - 11 * P.mm
    c.setFont(font, 10)
    c.setFillColor(P.INK)
    c.drawCentredString(W / 2, top, d.centre_name)
    title_y = top - 9 * P.mm
    tw = _bold(c, _spaced(TITLE), W / 2, title_y, 17, align="center")
    c.setStrokeColor(P.INK)
    c.setLineWidth(0.9)
    c.line(W / 2 - tw / 2 - 3, title_y - 3, W / 2 + tw / 2 + 3, title_y - 3)
    c.setLineWidth(0.5)
    c.line(W / 2 - tw / 2 - 3, title_y - 5, W / 2 + tw / 2 + 3, title_y - 5)

    c.setFont(font, 9)
    c.drawString(MARGIN, title_y, f"收款日期：{P.fmt_date(d.day, 'cn')}")
    c.setFillColor(RED)
    c.drawRightString(W - MARGIN - pdfmetrics.stringWidth(d.number, font, 13) - 2, title_y, "No.")
    _bold(c, d.number, W - MARGIN, title_y, 13, color=RED, align="right")

    # --- body table --------------------------------------------------------------------------
    def cell(text: str, style=None):
        return P.Paragraph(P.esc(text), style or s.cell)

    label = P.ParagraphStyle("rc-label", parent=s.label, alignment=P.TA_CENTER, fontSize=9, leading=11.5)
    value = P.ParagraphStyle("rc-value", parent=s.cell, fontSize=9, leading=11.5)
    upper = P.ParagraphStyle("rc-upper", parent=s.cell, fontSize=11.5, leading=14)
    figure = P.ParagraphStyle("rc-figure", parent=s.cell, fontSize=11.5, leading=14, alignment=P.TA_RIGHT)
    lw = 24 * P.mm
    vw = (inner - 2 * lw) / 2
    rows = [
        [cell("交款人", label), cell(d.payer, value), cell("住户", label), cell(d.resident_name, value)],
        [cell("收款方式", label), cell(d.method, value), cell("交易流水号", label), cell(d.reference or "—", value)],
        [cell("摘要", label), cell(d.summary, value), "", ""],
        [cell("人民币（大写）", label), cell(d.amount_upper, upper), "",
         P.Paragraph(f'<font size="8.5" color="#333333">（小写）</font>{P.esc(format_yuan(d.amount_fen))}', figure)],
        [cell("备注", label), cell(d.memo or "", value), "", ""],
    ]
    t = P.Table(rows, colWidths=[lw, vw, lw, vw])
    t.setStyle(P.grid_style(0, [
        ("SPAN", (1, 2), (3, 2)),
        ("SPAN", (1, 3), (2, 3)),
        ("SPAN", (1, 4), (3, 4)),
        ("BACKGROUND", (0, 0), (0, -1), P.SHADE),
        ("BACKGROUND", (2, 0), (2, 1), P.SHADE),
        ("BOX", (0, 0), (-1, -1), 1.0, P.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
    ]))
    _, th = t.wrapOn(c, inner, H)
    table_top = title_y - 8 * P.mm
    t.drawOn(c, MARGIN, table_top - th)

    # --- signatures -------------------------------------------------------------------------
    y = table_top - th - 9 * P.mm
    c.setFillColor(P.INK)
    c.setStrokeColor(P.INK)
    c.setFont(font, 9)
    col = inner / 3
    for i, (lab, name) in enumerate((("收款单位（盖章）：", ""), ("会计：", ""), ("收款人：", d.cashier))):
        x = MARGIN + i * col
        c.drawString(x, y, lab)
        lx = x + pdfmetrics.stringWidth(lab, font, 9)
        c.setLineWidth(0.5)
        c.line(lx, y - 1.5, x + col - 6 * P.mm, y - 1.5)
        if name:
            c.drawString(lx + 2, y, name)

    # --- footer -------------------------------------------------------------------------------
    c.setFont(font, 7)
    c.setFillColor(P.GREY)
    printed = f"打印日期：{P.fmt_date(printed_on)}"
    if copy > 1:
        printed += f"　补打（第{copy}次打印），非原件"
    c.drawString(MARGIN, 6 * P.mm, printed)
    if copy > 1:
        _reprint_mark(c, MARGIN, top)
    c.drawRightString(W - MARGIN, 6 * P.mm, "本收据加盖收款单位印章后有效")

    if d.voided:
        _void_stamp(c, W * 0.62, table_top - th / 2)
        c.setFont(font, 8)
        c.setFillColor(RED)
        why = f"作废：{P.fmt_date(d.void_date)}　原因：{d.void_reason}"
        c.drawString(MARGIN, 6 * P.mm + 9, why)
    c.showPage()
    c.save()
    return buf.getvalue()
