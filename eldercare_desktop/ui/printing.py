"""Printing the PDFs the app makes: a preview, the printer and paper
remembered, A4 and receipt paper, and saving the PDF still offered.

The documents layer renders PDF bytes (statements, receipts, contracts…);
this module puts those pages on paper through Qt's print support
(``QPrintPreviewDialog`` / ``QPrintDialog``, part of PySide6-Essentials).
Each page is rasterised by PDFium (``pypdfium2``, imported on first use: the
start-up budget) at the printer's resolution and drawn into the ``QPrinter``
with a ``QPainter``; the preview's ``paintRequested`` runs the same code.

Placement: a page prints at its actual size (a 210 × 99 mm receipt stays
210 × 99 mm on A4 paper or on pre-printed stock), top-centred on the sheet;
a page larger than the sheet is shrunk to fit, and turned a quarter
(counter-clockwise) when that lets it print larger (a landscape report page
on portrait paper). Pages are never enlarged.

Remembered per kind ("a4", "receipt") in QSettings("eldercare-desktop",
"eldercare-desktop"): ``printing/<kind>/printer`` (name; the system default
when that printer is gone), ``printing/<kind>/page_size`` ("A4", or
"210x99mm" for a custom size) and ``printing/<kind>/orientation``
("portrait" / "landscape"), saved after a successful print.

Wiring a button: the service that renders and audits the PDF writes it to
a temporary path (``print_temp_path``); ``print_pdf`` reads it, deletes it
and prints::

    from ..printing import print_pdf, print_temp_path
    self.shell.call(payments.receipt_pdf, rid, print_temp_path(f"收据-{number}"),
                    on_done=lambda w: print_pdf(self, w.path, f"收据 {number}", kind="receipt"))
"""
from __future__ import annotations

import math
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QSettings, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import (QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo,
                                    QPrintPreviewDialog)
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

if TYPE_CHECKING:  # pragma: no cover
    import pypdfium2

ORG = APP = "eldercare-desktop"  # the same QSettings as ui/i18n.py
KINDS = ("a4", "receipt")
# The app's receipt (documents/receipt_pdf.py): a third of A4, 210 × 99 mm,
# the size of the usual pre-printed 三联收据 strip; wider than tall as drawn.
RECEIPT_MM = (210.0, 99.0)
# Raster resolution caps (dpi). Printing renders at the printer's resolution
# divided by a whole number (so bands land on whole device pixels): at most
# 600 dpi, and 300 dpi for documents longer than BATCH_PAGES (a 600-dpi A4
# page takes about 1.5 s to spool here, a 300-dpi one 0.5 s); the on-screen
# preview keeps every page in memory, so it renders at about 120 dpi.
PRINT_MAX_DPI = 600
BATCH_MAX_DPI = 300
BATCH_PAGES = 10
PREVIEW_MAX_DPI = 120
# Longer documents (a month's statements for every resident) skip the
# preview, which would hold every page as an image, and go straight to the
# print dialog.
PREVIEW_MAX_PAGES = 30
# Pages are rasterised in horizontal bands of at most this many bytes.
BAND_BYTES = 16 * 1024 * 1024


_temp_folder: Path | None = None


def print_temp_path(name: str) -> Path:
    """A fresh path for a PDF that is to be printed, in this process's own
    temporary folder; ``print_pdf`` deletes files from there once read."""
    global _temp_folder
    if _temp_folder is None or not _temp_folder.is_dir():
        _temp_folder = Path(tempfile.mkdtemp(prefix="eldercare-print-"))
    safe = re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-") or "document"
    fd, path = tempfile.mkstemp(prefix=f"{safe}-", suffix=".pdf", dir=_temp_folder)
    os.close(fd)
    return Path(path)


def _read(pdf: "bytes | Path") -> bytes:
    """The PDF's bytes; a file from ``print_temp_path`` is deleted once read."""
    if not isinstance(pdf, (str, os.PathLike)):
        return bytes(pdf)
    path = Path(pdf)
    data = path.read_bytes()
    if _temp_folder is not None and path.resolve().parent == _temp_folder.resolve():
        path.unlink(missing_ok=True)
    return data


translate = QCoreApplication.translate


class PrintError(RuntimeError):
    """The printer could not be opened or a page could not be started."""


# -- remembered printer settings ---------------------------------------------------------

def _settings() -> QSettings:
    return QSettings(ORG, APP)


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return kind


def default_page_size(kind: str) -> QPageSize:
    if _check_kind(kind) == "receipt":
        return QPageSize(QSizeF(*RECEIPT_MM), QPageSize.Unit.Millimeter, "收据 210×99 mm",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageSize(QPageSize.PageSizeId.A4)


def _page_size_text(size: QPageSize) -> str:
    if size.id() != QPageSize.PageSizeId.Custom:
        return size.id().name
    mm = size.size(QPageSize.Unit.Millimeter)
    return f"{mm.width():g}x{mm.height():g}mm"


def _page_size_from(text: str) -> QPageSize | None:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm", text or "")
    if m:
        w, h = float(m.group(1)), float(m.group(2))
        if not (10 <= w <= 2000 and 10 <= h <= 5000):
            return None
        if (w, h) == RECEIPT_MM:
            return default_page_size("receipt")
        return QPageSize(QSizeF(w, h), QPageSize.Unit.Millimeter, "",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    ident = getattr(QPageSize.PageSizeId, text or "", None)
    if isinstance(ident, QPageSize.PageSizeId) and ident != QPageSize.PageSizeId.Custom:
        return QPageSize(ident)
    return None


def printer_for(kind: str = "a4") -> QPrinter:
    """A ``QPrinter`` for this kind of document with the remembered printer,
    page size and orientation (defaults: the system's default printer, A4
    portrait for "a4", 210 × 99 mm for "receipt"). Full-page: the PDF's own
    margins are kept, the printer adds none."""
    s = _settings()
    prefix = f"printing/{_check_kind(kind)}/"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = str(s.value(prefix + "printer", "") or "")
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    size = _page_size_from(str(s.value(prefix + "page_size", "") or "")) or default_page_size(kind)
    orientation = (QPageLayout.Orientation.Landscape
                   if s.value(prefix + "orientation", "portrait") == "landscape"
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)
    return printer


def remember(kind: str, printer: QPrinter) -> None:
    """Save the printer name, page size and orientation for this kind."""
    s = _settings()
    prefix = f"printing/{_check_kind(kind)}/"
    layout = printer.pageLayout()
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    s.setValue(prefix + "printer", printer.printerName() if native else "")
    s.setValue(prefix + "page_size", _page_size_text(layout.pageSize()))
    s.setValue(prefix + "orientation",
               "landscape" if layout.orientation() == QPageLayout.Orientation.Landscape else "portrait")
    s.sync()


# -- rendering ---------------------------------------------------------------------------

def open_pdf(pdf: "bytes | Path | pypdfium2.PdfDocument") -> "pypdfium2.PdfDocument":
    """A PDFium document from bytes or a file (read whole: the file may be
    replaced while the preview is open)."""
    import pypdfium2

    if isinstance(pdf, pypdfium2.PdfDocument):
        return pdf
    data = Path(pdf).read_bytes() if isinstance(pdf, (str, os.PathLike)) else bytes(pdf)
    return pypdfium2.PdfDocument(data)


def _is_preview(printer: QPrinter) -> bool:
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def _wanted_pages(printer: QPrinter, count: int) -> list[int]:
    """0-based page indexes the print dialog asked for (all by default)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [i for i in range(count) if ranges.contains(i + 1)]
        if printer.fromPage() > 0:
            last = printer.toPage() or count
            return [i for i in range(count) if printer.fromPage() <= i + 1 <= last]
    return list(range(count))


def _draw_page(painter: QPainter, page, paper_w: float, paper_h: float, dpi: float, max_dpi: int) -> None:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    step = max(1, math.ceil(dpi / max_dpi))  # device pixels per rendered pixel (whole)
    rdpi = dpi / step
    pw, ph = page.get_size()  # points
    dev = dpi / 72.0
    fit = min(1.0, paper_w / (pw * dev), paper_h / (ph * dev))
    fit_turned = min(1.0, paper_w / (ph * dev), paper_h / (pw * dev))
    turned = fit_turned > fit + 1e-3
    if turned:
        pw, ph, fit = ph, pw, fit_turned
    if fit > 0.995:  # the same paper within half a percent: print at 100 %
        fit = 1.0
    tw = max(1, round(pw * rdpi / 72.0 * fit))
    th = max(1, round(ph * rdpi / 72.0 * fit))
    x0 = max(0.0, (paper_w - tw * step) / 2)  # centred across, from the top
    rotate = 3 if turned else 0  # PDFium: 3 = a quarter turn counter-clockwise

    painter.save()
    painter.translate(x0, 0)
    painter.scale(step, step)
    rows = max(1, min(th, BAND_BYTES // (tw * 3 + 4)))
    for top in range(0, th, rows):
        h = min(rows, th - top)
        bitmap = pypdfium2.PdfBitmap.new_native(tw, h, pdfium_c.FPDFBitmap_BGR)
        try:
            pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, tw, h, 0xFFFFFFFF)  # white paper (raw API: 4.x and 5.x)
            pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, -top, tw, th, rotate, pdfium_c.FPDF_ANNOT)
            image = QImage(memoryview(bitmap.buffer).cast("B"), tw, h, bitmap.stride,
                           QImage.Format.Format_BGR888).copy()  # own the pixels: PDFium's are freed below
        finally:
            bitmap.close()
        painter.drawImage(QPointF(0, top), image)
    painter.restore()


def render_pdf(printer: QPrinter, pdf: "bytes | Path | pypdfium2.PdfDocument",
               progress: Callable[[int, int], bool] | None = None) -> int:
    """Paint the PDF's pages into ``printer`` (a real printer, a PDF file, or
    the preview's recording printer); returns the number of pages painted.
    ``progress(done, total)`` returning False stops (the job is aborted).
    Raises :class:`PrintError` when the printer cannot be opened."""
    doc = open_pdf(pdf)
    preview = _is_preview(printer)
    pages = list(range(len(doc))) if preview else _wanted_pages(printer, len(doc))
    copies = 1
    if not preview and not printer.supportsMultipleCopies():
        copies = max(1, printer.copyCount())
    sequence = pages * copies
    if not sequence:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(translate("printing", "无法打开打印机“%1”")
                         .replace("%1", printer.printerName() or printer.outputFileName()))
    dpi = float(printer.resolution())
    max_dpi = (PREVIEW_MAX_DPI if preview else PRINT_MAX_DPI if len(sequence) <= BATCH_PAGES
               else BATCH_MAX_DPI)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    done = 0
    try:
        for n, index in enumerate(sequence):
            if n and not printer.newPage():
                raise PrintError(translate("printing", "打印机无法开始新的一页"))
            page = doc[index]
            try:
                _draw_page(painter, page, paper.width(), paper.height(), dpi, max_dpi)
            finally:
                page.close()
            done += 1
            if progress is not None and not progress(done, len(sequence)):
                printer.abort()
                break
    finally:
        painter.end()
    return done


# -- dialogs -----------------------------------------------------------------------------

def save_pdf_copy(parent: QWidget | None, data: bytes, title: str) -> str | None:
    """Ask where, then write the PDF bytes there (temp file + rename). Returns
    the path, or None when cancelled."""
    from .widgets import documents_folder

    safe = re.sub(r'[\\/:*?"<>|]+', "-", title).strip() or "document"
    path, _ = QFileDialog.getSaveFileName(parent, translate("printing", "另存为 PDF"),
                                          str(documents_folder() / f"{safe}.pdf"),
                                          translate("printing", "PDF 文件 (*.pdf)"))
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".print-", suffix=".pdf", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def preview_dialog(parent: QWidget | None, pdf: "bytes | Path", title: str, printer: QPrinter,
                   save_pdf: Callable[[QWidget], object] | None = None) -> QPrintPreviewDialog:
    """The print preview of ``pdf`` on ``printer`` (not shown). Its toolbar
    gains 另存为 PDF… (``save_pdf(dialog)``, or saving the bytes as they are)."""
    data = _read(pdf)
    doc = open_pdf(data)
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.setWindowTitle(translate("printing", "打印预览 - %1").replace("%1", title))
    dlg.document = doc  # type: ignore[attr-defined]  # kept open while the dialog lives
    dlg.printer = printer  # type: ignore[attr-defined]  # Qt does not own it: keep it alive
    dlg.errors = []  # type: ignore[attr-defined]

    def paint(target: QPrinter) -> None:
        try:
            render_pdf(target, doc)
        except PrintError as exc:
            dlg.errors.append(str(exc))  # type: ignore[attr-defined]

    dlg.paintRequested.connect(paint)
    bars = dlg.findChildren(QToolBar)
    if bars:
        bars[0].addSeparator()
        action = bars[0].addAction(translate("printing", "另存为 PDF…"))
        action.setObjectName("save_pdf")
        action.setToolTip(translate("printing", "不打印，把文件保存为 PDF"))
        action.triggered.connect(lambda: save_pdf(dlg) if save_pdf is not None
                                 else save_pdf_copy(dlg, data, title))
        dlg.save_action = action  # type: ignore[attr-defined]
    return dlg


def print_pdf(parent: QWidget | None, pdf: "bytes | Path", title: str, kind: str = "a4",
              preview: bool = True, save_pdf: Callable[[QWidget], object] | None = None) -> bool:
    """Print a PDF the app made: a preview (for up to PREVIEW_MAX_PAGES pages)
    or the print dialog, on the printer and paper remembered for ``kind``
    ("a4" or "receipt"). Returns True when it was sent to the printer (the
    settings are then remembered), False when cancelled or failed (the user
    has been told). ``save_pdf(dialog)`` replaces the preview's plain
    "save these bytes" action (e.g. a service call that writes and audits)."""
    _check_kind(kind)
    data = _read(pdf)
    doc = open_pdf(data)
    count = len(doc)
    printer = printer_for(kind)
    printer.setDocName(title)
    try:
        if preview and count <= PREVIEW_MAX_PAGES:
            dlg = preview_dialog(parent, data, title, printer, save_pdf)
            ok = dlg.exec() == QDialog.DialogCode.Accepted
            errors = list(dlg.errors)  # type: ignore[attr-defined]
            dlg.paintRequested.disconnect()
            dlg.document.close()  # type: ignore[attr-defined]
            dlg.deleteLater()
            if errors:
                raise PrintError(errors[-1])
        else:
            dlg = QPrintDialog(printer, parent)
            dlg.setWindowTitle(translate("printing", "打印 - %1").replace("%1", title))
            dlg.setMinMax(1, max(1, count))
            dlg.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
            ok = dlg.exec() == QDialog.DialogCode.Accepted
            dlg.deleteLater()
            if ok:
                ok = _render_with_progress(parent, printer, doc, title) > 0
    except PrintError as exc:
        QMessageBox.warning(parent, translate("printing", "打印失败"), str(exc))
        return False
    finally:
        doc.close()
    if ok:
        remember(kind, printer)
    return ok


def _render_with_progress(parent: QWidget | None, printer: QPrinter, doc, title: str) -> int:
    from PySide6.QtWidgets import QApplication, QProgressDialog

    box = QProgressDialog(translate("printing", "正在打印 %1…").replace("%1", title),
                          translate("printing", "取消"), 0, 1, parent)
    box.setWindowTitle(translate("printing", "打印"))
    box.setMinimumDuration(500)

    def progress(done: int, total: int) -> bool:
        box.setMaximum(total)
        box.setValue(done)
        QApplication.processEvents()
        return not box.wasCanceled()

    try:
        return render_pdf(printer, doc, progress)
    finally:
        box.close()
        box.deleteLater()


def print_via_service(parent: QWidget, shell, fn: Callable, *args, title: str, kind: str = "a4") -> None:
    """Print a document a service writes (and audits) to a path: the service
    runs on the database thread into a temporary file, then the preview opens
    on it (saving a PDF stays in the preview's toolbar)."""
    path = print_temp_path(title)
    shell.call(fn, *args, str(path), on_done=lambda _w: print_pdf(parent, path, title, kind=kind))
