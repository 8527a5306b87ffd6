"""Shared PDF building blocks for every printed document.

Every ReportLab import of the package lives in this module: renderers build
their story from the names re-exported here, so importing a renderer (and
ReportLab with it) happens only when a document is first produced, never at
start-up.

What it provides:

* the bundled CJK TrueType font (WenQuanYi Micro Hei, TrueType outlines),
  registered once on first use and embedded in every PDF as a subset, so a
  printer or viewer without Chinese fonts still shows every character;
* an A4 page layout with a header (centre name, document title) and a footer
  (printed date, "第 X 页 / 共 Y 页", an optional reference such as a document
  number). The printed date comes from the caller: documents never read the
  clock. Page totals are filled in at the end through a PDF form, so a
  multi-record document (one statement per resident) numbers each record's
  pages on their own: put a :class:`RecordStart` at the start of each record;
* paragraph styles for Chinese (``wordWrap="CJK"``), a grid table style, a
  key/value table, a faux-bold heading flowable and signature lines;
* :func:`write_pdf` / :func:`pdf_bytes`, with ``progress(frac, msg)`` and an
  ``abort`` object (anything with ``is_set()``) for long documents.
"""
from __future__ import annotations

import datetime as dt
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (  # re-exported for renderers
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.errors import RuleViolation
from .anchor_note import note

__all__ = [
    "A4", "mm", "colors", "TA_CENTER", "TA_LEFT", "TA_RIGHT", "ParagraphStyle",
    "INK", "GREY", "RULE", "GRID", "SHADE", "SHADE_LIGHT", "SHADE_STRONG", "WARN",
    "CondPageBreak", "Flowable", "KeepTogether", "NextPageTemplate", "PageBreak", "Paragraph", "Spacer", "Table",
    "TableStyle",
    "FONT_NAME", "FONT_PATH", "RESOURCES", "PageInfo", "RecordStart", "Heading", "Signer", "Cancelled",
    "register_font", "styles", "esc", "grid_style", "kv_table", "signature_block", "note_box",
    "write_pdf", "pdf_bytes", "fmt_date", "content_width", "landscape_width", "PORTRAIT", "LANDSCAPE",
]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
FONT_PATH = RESOURCES / "fonts" / "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 20 * mm  # header sits in the top margin
MARGIN_BOTTOM = 17 * mm  # footer sits in the bottom margin
content_width = PAGE_WIDTH - 2 * MARGIN_X
landscape_width = PAGE_HEIGHT - 2 * MARGIN_X
# page template ids: a story switches with NextPageTemplate(LANDSCAPE) + PageBreak()
PORTRAIT, LANDSCAPE = "page", "landscape"

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#7f7f7f")
GRID = colors.HexColor("#8c8c8c")
SHADE = colors.HexColor("#e8eef5")  # table header, labels
SHADE_LIGHT = colors.HexColor("#f4f6f9")  # section rows
SHADE_STRONG = colors.HexColor("#d5dfeb")  # totals
WARN = colors.HexColor("#9c2a00")


class Cancelled(RuleViolation):
    """The user cancelled a document while it was being produced."""

    def __init__(self, message: str = "已取消生成文档"):
        super().__init__(message)


# --- font ---------------------------------------------------------------------

_font_lock = threading.Lock()
_font_ready = False


def register_font() -> str:
    """Register the bundled CJK font once (thread-safe) and return its name.

    ReportLab embeds TrueType fonts as subsets: only the glyphs used."""
    global _font_ready
    if not _font_ready:
        with _font_lock:
            if not _font_ready:
                if not FONT_PATH.is_file():
                    raise RuleViolation(f"缺少中文字体文件：{FONT_PATH}，请重新安装程序")
                pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_PATH), subfontIndex=0))
                # no bold face is bundled: <b> in a paragraph maps to the same face
                pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME,
                                              italic=FONT_NAME, boldItalic=FONT_NAME)
                _patch_cjk_line_breaking()
                _font_ready = True
    return FONT_NAME


# Full-width Chinese punctuation that must not begin a line. ReportLab's CJK
# wrapping knows 、。）」 but not ，；：！？ etc., so "；与上一条…" could
# start a line. Its wrapper reads this module global at call time.
_CJK_CANNOT_START = "，；：！？》〉」』】〕”’…·％"


def _patch_cjk_line_breaking() -> None:
    from reportlab.platypus import paragraph as _paragraph

    extra = "".join(ch for ch in _CJK_CANNOT_START if ch not in _paragraph.ALL_CANNOT_START)
    if extra:
        _paragraph.ALL_CANNOT_START = _paragraph.ALL_CANNOT_START + extra


def esc(text: object) -> str:
    """Text safe to put inside Paragraph markup; newlines become line breaks."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\r\n", "\n").replace("\n", "<br/>")


def fmt_date(d: dt.date | None, style: str = "iso") -> str:
    """2026-11-25 ("iso") or 2026年11月25日 ("cn"); empty for None."""
    if d is None:
        return ""
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d:%Y-%m-%d}"


# --- styles -------------------------------------------------------------------

@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    warning: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_small: ParagraphStyle
    label: ParagraphStyle
    head: ParagraphStyle


_styles: Styles | None = None


def styles() -> Styles:
    """Paragraph styles for Chinese text (CJK line breaking), built once."""
    global _styles
    if _styles is None:
        f = register_font()

        def st(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
            kw.setdefault("textColor", INK)
            return ParagraphStyle(name, fontName=f, fontSize=size, leading=leading, wordWrap="CJK", **kw)

        _styles = Styles(
            title=st("ec-title", 17, 22, alignment=TA_CENTER, spaceAfter=2),
            subtitle=st("ec-subtitle", 9, 12, alignment=TA_CENTER, textColor=GREY),
            body=st("ec-body", 9.5, 13.5),
            small=st("ec-small", 8, 10.5),
            note=st("ec-note", 7.5, 10, textColor=GREY),
            warning=st("ec-warning", 9, 12.5, textColor=WARN),
            cell=st("ec-cell", 8.5, 10.8),
            cell_center=st("ec-cell-c", 8.5, 10.8, alignment=TA_CENTER),
            cell_right=st("ec-cell-r", 8.5, 10.8, alignment=TA_RIGHT),
            cell_small=st("ec-cell-s", 7.5, 9.5, textColor=GREY),
            label=st("ec-label", 8.5, 10.8, textColor=colors.HexColor("#333333")),
            head=st("ec-head", 8.5, 10.8, alignment=TA_CENTER),
        )
    return _styles


class Heading(Flowable):
    """A single-line heading drawn in faux bold (fill + stroke: the bundled
    font has no bold face), optionally centred and with a rule below."""

    def __init__(self, text: str, size: float = 11, align: str = "left", rule: bool = True,
                 space_before: float = 7, space_after: float = 4, color=INK):
        super().__init__()
        self.text, self.size, self.align, self.rule = text, size, align, rule
        self.space_before, self.space_after, self.color = space_before, space_after, color
        self._width = 0.0

    def wrap(self, avail_width, avail_height):
        self._width = avail_width
        return avail_width, self.size * 1.35 + (3 if self.rule else 0)

    def getSpaceBefore(self):
        return self.space_before

    def getSpaceAfter(self):
        return self.space_after

    def draw(self):
        c = self.canv
        font = register_font()
        c.saveState()
        c.setFillColor(self.color)
        c.setStrokeColor(self.color)
        c.setLineWidth(self.size / 40)
        c.setFont(font, self.size)
        y = (3 if self.rule else 0) + self.size * 0.3
        t = c.beginText()
        t.setTextRenderMode(2)
        w = pdfmetrics.stringWidth(self.text, font, self.size)
        x = {"center": (self._width - w) / 2, "right": self._width - w}.get(self.align, 0)
        t.setTextOrigin(x, y)
        t.textOut(self.text)
        c.drawText(t)
        if self.rule:
            c.setLineWidth(0.6)
            c.setStrokeColor(RULE)
            c.line(0, 1, self._width, 1)
        c.restoreState()


# --- tables -------------------------------------------------------------------

def grid_style(header_rows: int = 1, extra: Sequence[tuple] = ()) -> TableStyle:
    """The standard grid: thin grey lines, shaded header rows, tight padding."""
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), register_font(), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    cmds.extend(extra)
    return TableStyle(cmds)


def kv_table(rows: Sequence[Sequence[object]], col_widths: Sequence[float], label_cols: Sequence[int] = (0,),
             extra: Sequence[tuple] = ()) -> Table:
    """A label/value grid: ``rows`` hold strings or flowables; the columns in
    ``label_cols`` are shaded labels. A ``None`` cell is spanned by its left
    neighbour (so a long value can take several columns)."""
    s = styles()
    data = []
    spans: list[tuple] = []
    for r, row in enumerate(rows):
        out: list[object] = []
        start = None
        for c, v in enumerate(row):
            if v is None:
                out.append("")
                if start is None:
                    start = c - 1
                continue
            if start is not None:
                spans.append(("SPAN", (start, r), (c - 1, r)))
                start = None
            if isinstance(v, (Flowable, list)):
                out.append(v)
            else:
                out.append(Paragraph(esc(v), s.label if c in label_cols else s.cell))
        if start is not None:
            spans.append(("SPAN", (start, r), (len(row) - 1, r)))
        data.append(out)
    cmds = [("BACKGROUND", (c, 0), (c, -1), SHADE) for c in label_cols]
    t = Table(data, colWidths=list(col_widths), hAlign="LEFT")
    t.setStyle(grid_style(0, cmds + spans + list(extra)))
    return t


def note_box(text: str, color=WARN, width: float | None = None) -> Table:
    """A framed one-paragraph notice (e.g. "本评估已被更正"), as wide as the
    portrait text area unless ``width`` is given (e.g. ``landscape_width``)."""
    s = styles()
    p = Paragraph(esc(text), ParagraphStyle("ec-box", parent=s.body, textColor=color))
    t = Table([[p]], colWidths=[width or content_width])
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), register_font(), 9),  # else the table's own Helvetica is left unembedded
        ("BOX", (0, 0), (-1, -1), 1, color),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdf3ee")),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return t


# --- signatures -----------------------------------------------------------------

@dataclass(frozen=True)
class Signer:
    """One signature line: ``label`` (评估员1), the name printed under the
    line (may be empty: signed by hand), and a note under the name."""

    label: str
    name: str = ""
    note: str = ""
    date: bool = True


def signature_block(signers: Sequence[Signer], width: float | None = None) -> Table:
    """Signature lines, one signer per row: "label（签名）：______  日期：____年__月__日",
    the printed name (and note) centred under the signature line."""
    s = styles()
    font = register_font()
    width = width or content_width
    size = 9.5
    label_w = max(pdfmetrics.stringWidth(f"{sg.label}（签名）：", font, size) for sg in signers) + 2
    gap_w, date_label_w, date_w = 8 * mm, pdfmetrics.stringWidth("日期：", font, size) + 2, 40 * mm
    line_w = width - label_w - gap_w - date_label_w - date_w
    under = ParagraphStyle("ec-sig-under", parent=s.cell_small, alignment=TA_CENTER)
    data: list[list[object]] = []
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (4, 0), (4, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    # plain strings (not paragraphs) keep the spaces that leave room for the date
    date_text = "年" + " " * 9 + "月" + " " * 9 + "日"
    for i, sg in enumerate(signers):
        r = 2 * i
        data.append([f"{sg.label}（签名）：", "", "", "日期：" if sg.date else "", date_text if sg.date else ""])
        below = " ".join(x for x in (sg.name, f"（{sg.note}）" if sg.note else "") if x)
        data.append(["", Paragraph(esc(below), under), "", "", ""])
        cmds += [
            ("LINEBELOW", (1, r), (1, r), 0.6, INK),
            ("TOPPADDING", (0, r), (-1, r), 16 if i else 8),
            ("TOPPADDING", (0, r + 1), (-1, r + 1), 1.5),
            ("VALIGN", (0, r + 1), (-1, r + 1), "TOP"),
        ]
        if sg.date:
            cmds.append(("LINEBELOW", (4, r), (4, r), 0.6, INK))
    t = Table(data, colWidths=[label_w, line_w, gap_w, date_label_w, date_w], hAlign="LEFT")
    t.setStyle(TableStyle(cmds))
    return t


# --- page layout ------------------------------------------------------------------

@dataclass(frozen=True)
class PageInfo:
    """What every page shows: header (centre, title) and footer (printed date,
    page X / Y, reference). ``printed_on`` is passed in, never read from a clock."""

    centre_name: str
    title: str
    printed_on: dt.date
    reference: str = ""  # e.g. "评估编号：PG-2026-0012", footer right
    author: str = ""
    subject: str = ""


class RecordStart(Flowable):
    """Zero-size marker: a new record starts here (put it right after the
    PageBreak that begins the record). Pages from here on are numbered as a
    separate group ("第 1 页 / 共 2 页" for this record), the footer reference
    changes to ``reference`` if given, and ``progress`` (frac, message) is
    reported when the marker is laid out."""

    def __init__(self, key: object, reference: str | None = None,
                 progress: tuple[float, str] | None = None):
        super().__init__()
        self.key, self.reference, self.progress = key, reference, progress
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        c = self.canv
        c._ec_group = self.key  # type: ignore[attr-defined]
        if self.reference is not None:
            c._ec_reference = self.reference  # type: ignore[attr-defined]


class _NumberedCanvas(Canvas):
    """Counts pages per record group; the group totals are written once, at
    save time, into one PDF form per group that every footer refers to."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self._ec_group: object = None
        self._ec_reference: str | None = None
        self._ec_counts: dict[str, int] = {}
        self._ec_names: dict[object, str] = {}
        self._ec_last: object = object()
        self._ec_in_group = 0
        self._ec_total_pages = 0

    def ec_group_form(self) -> tuple[str, int]:
        """Form name of the current group and this page's number within it."""
        g = self._ec_group
        if g != self._ec_last:
            self._ec_last = g
            self._ec_in_group = 0
        self._ec_in_group += 1
        name = self._ec_names.setdefault(g, f"ecPages{len(self._ec_names)}")
        self._ec_counts[name] = self._ec_in_group
        self._ec_total_pages += 1
        return name, self._ec_in_group

    def save(self):
        font = register_font()
        for name, count in self._ec_counts.items():
            self.beginForm(name, 0, -3, 60, 10)
            self.setFont(font, 7.5)
            self.setFillColor(GREY)
            self.drawString(0, 0, f"{count} 页")
            self.endForm()
        super().save()


def _draw_page(canvas: _NumberedCanvas, doc: "_Doc") -> None:
    info = doc.page_info
    font = register_font()
    page_w, page_h = canvas._pagesize  # portrait or landscape
    canvas.saveState()
    # header
    top = page_h - 12 * mm
    canvas.setFillColor(INK)
    canvas.setFont(font, 9)
    canvas.drawString(MARGIN_X, top, info.centre_name)
    canvas.setFillColor(GREY)
    canvas.drawRightString(page_w - MARGIN_X, top, info.title)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, top - 2.5 * mm, page_w - MARGIN_X, top - 2.5 * mm)
    # footer
    bottom = 9 * mm
    canvas.line(MARGIN_X, bottom + 3.5 * mm, page_w - MARGIN_X, bottom + 3.5 * mm)
    canvas.setFont(font, 7.5)
    canvas.drawString(MARGIN_X, bottom, f"打印日期：{fmt_date(info.printed_on)}")
    reference = canvas._ec_reference if canvas._ec_reference is not None else info.reference
    if reference:
        canvas.drawRightString(page_w - MARGIN_X, bottom, reference)
    anchor = note()
    if anchor:  # month-close and disclosure documents: the audit chain's anchor
        canvas.setFillColor(GREY)
        canvas.setFont(font, 6.5)
        canvas.drawString(MARGIN_X, bottom - 3.6 * mm, anchor)
        canvas.setFont(font, 7.5)
        canvas.setFillColor(INK)
    form, n = canvas.ec_group_form()
    head = f"第 {n} 页 / 共 "
    tail_w = pdfmetrics.stringWidth(f"{n} 页", font, 7.5)  # the total usually has as many digits
    head_w = pdfmetrics.stringWidth(head, font, 7.5)
    x = (page_w - head_w - tail_w) / 2
    canvas.drawString(x, bottom, head)
    canvas.translate(x + head_w, bottom)
    canvas.doForm(form)
    canvas.restoreState()


class _Doc(BaseDocTemplate):
    def __init__(self, stream, page_info: PageInfo, progress, abort, landscape_first: bool = False, **kw):
        super().__init__(
            stream, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=page_info.title, author=page_info.author or page_info.centre_name,
            subject=page_info.subject, creator="eldercare-desktop", invariant=1, **kw,
        )
        self.page_info = page_info
        self.initialFontName = FONT_NAME  # no unembedded Helvetica in the page resources
        self._progress = progress
        self._abort = abort
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        wide = Frame(MARGIN_X, MARGIN_BOTTOM, landscape_width, PAGE_WIDTH - MARGIN_TOP - MARGIN_BOTTOM, id="wide",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [PageTemplate(id=PORTRAIT, frames=[frame], onPageEnd=_draw_page, pagesize=A4),
                     PageTemplate(id=LANDSCAPE, frames=[wide], onPageEnd=_draw_page, pagesize=landscape(A4))]
        self.addPageTemplates(templates[::-1] if landscape_first else templates)

    def afterFlowable(self, flowable):
        if self._abort is not None and self._abort.is_set():
            raise Cancelled()
        if self._progress is not None and isinstance(flowable, RecordStart) and flowable.progress:
            self._progress(*flowable.progress)


def write_pdf(story: list, page_info: PageInfo, stream: IO[bytes],
              progress: Callable[[float, str], None] | None = None, abort=None, landscape: bool = False) -> int:
    """Lay out ``story`` on A4 pages with the standard header and footer and
    write the PDF to ``stream``; returns the number of pages. Raises
    :class:`Cancelled` when ``abort.is_set()`` becomes true. Pages are
    portrait (``landscape`` starts in landscape); a story may switch with
    ``NextPageTemplate(LANDSCAPE or PORTRAIT)`` before a ``PageBreak``."""
    register_font()
    if abort is not None and abort.is_set():
        raise Cancelled()
    doc = _Doc(stream, page_info, progress, abort, landscape)
    holder: dict[str, _NumberedCanvas] = {}

    def maker(*a, **kw):
        holder["c"] = _NumberedCanvas(*a, **kw)
        return holder["c"]

    doc.build(story, canvasmaker=maker)
    if progress is not None:
        progress(1.0, "文档已生成")
    return holder["c"]._ec_total_pages


def pdf_bytes(story: list, page_info: PageInfo, progress: Callable[[float, str], None] | None = None,
              abort=None, landscape: bool = False) -> bytes:
    """:func:`write_pdf` into memory."""
    buf = io.BytesIO()
    write_pdf(story, page_info, buf, progress, abort, landscape)
    return buf.getvalue()
