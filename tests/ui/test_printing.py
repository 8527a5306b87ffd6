"""Printing (ui/printing.py): the app's own receipt and statement PDFs are
rendered through PDFium into a QPrinter writing a PDF file (no real printer
needed, offscreen); the output keeps the page count and size and has ink on
every page; the printer settings are remembered per kind; the preview dialog
builds its pages from paintRequested without being shown modally."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2
import pytest
from PIL import ImageChops, ImageStat
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog

from eldercare_desktop.documents.receipt_pdf import render_receipt
from eldercare_desktop.documents.statement_pdf import render_statements
from eldercare_desktop.ui import printing
from tests.documents.test_receipt_pdf import DETAIL, PRINTED
from tests.documents.test_statement_pdf import sample

SHOTS = Path("/tmp/shots12")
MM = 72 / 25.4


@pytest.fixture(scope="module")
def receipt() -> bytes:
    return render_receipt(DETAIL, PRINTED)


@pytest.fixture(scope="module")
def statements() -> bytes:
    # two residents: several pages, each resident's statement on its own pages
    return render_statements([sample(1, "张三"), sample(2, "李四", opening=12000)], dt.date(2026, 4, 2))


PRINTER_FOR = printing.printer_for


def file_printer(path: Path, kind: str = "a4", dpi: int | None = 300) -> QPrinter:
    """A printer writing a PDF file; 300 dpi keeps the tests quick (the PDF
    writer's own 1200 dpi is used for the receipt)."""
    printer = PRINTER_FOR(kind)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if dpi:
        printer.setResolution(dpi)
    return printer


def ink(page: pypdfium2.PdfPage) -> tuple[float, int]:
    """(ink, red pixels) of the page rendered at 72 dpi: ink is the summed
    darkness (0–1 a pixel), which anti-aliasing and resampling keep about
    the same; red pixels are clearly red ones (the receipt number)."""
    image = page.render(scale=1).to_pil().convert("RGB")
    grey = image.convert("L")
    dark = grey.width * grey.height * (255 - ImageStat.Stat(grey).mean[0]) / 255
    r, g, b = image.split()
    reddish = ImageChops.multiply(ImageChops.multiply(r.point(lambda v: 255 if v > 150 else 0),
                                                      g.point(lambda v: 255 if v < 100 else 0)),
                                  b.point(lambda v: 255 if v < 100 else 0))
    return dark, reddish.histogram()[255]


def pages_of(data: bytes) -> list[tuple[float, float, int, int]]:
    doc = pypdfium2.PdfDocument(data)
    out = []
    for i in range(len(doc)):
        page = doc[i]
        w, h = page.get_size()
        out.append((w, h, *ink(page)))
    return out


def test_receipt_prints_at_its_own_size_with_ink_and_red(qapp, tmp_path, receipt):
    out = tmp_path / "receipt-printed.pdf"
    printer = file_printer(out, "receipt", dpi=None)
    assert printer.resolution() == 1200
    assert printing.render_pdf(printer, receipt) == 1
    data = out.read_bytes()
    (w, h, dark, red), = pages_of(data)
    assert (round(w / MM), round(h / MM)) == (210, 99)  # the 三联 strip, not A4
    src_w, src_h, src_dark, src_red = pages_of(receipt)[0]
    # the text is all there, and the red receipt number stays red
    assert 0.7 * src_dark < dark < 1.3 * src_dark and red > 0.3 * src_red > 0
    # the picture a user sees: page 1 of what the printer got
    SHOTS.mkdir(parents=True, exist_ok=True)
    doc = pypdfium2.PdfDocument(data)
    doc[0].render(scale=110 / 72).to_pil().save(SHOTS / "print_preview.png")


def test_statements_keep_page_count_every_page_inked(qapp, tmp_path, statements):
    out = tmp_path / "statements-printed.pdf"
    printer = file_printer(out)
    source = pages_of(statements)
    assert len(source) >= 2
    assert printing.render_pdf(printer, statements) == len(source)
    printed = pages_of(out.read_bytes())
    assert len(printed) == len(source)
    for (w, h, dark, _), (_, _, src_dark, _) in zip(printed, source):
        assert (round(w / MM), round(h / MM)) == (210, 297)
        assert 0.7 * src_dark < dark < 1.3 * src_dark and src_dark > 0


def test_receipt_on_a4_prints_actual_size_at_the_top(qapp, tmp_path, receipt):
    out = tmp_path / "receipt-on-a4.pdf"
    printer = file_printer(out, "a4")
    printing.render_pdf(printer, receipt)
    doc = pypdfium2.PdfDocument(out.read_bytes())
    page = doc[0]
    assert (round(page.get_width() / MM), round(page.get_height() / MM)) == (210, 297)
    bitmap = page.render(scale=30 / 72, grayscale=True)
    data, stride = bytes(bitmap.buffer), bitmap.stride
    inked_rows = [y for y in range(bitmap.height) if min(data[y * stride:y * stride + bitmap.width]) < 128]
    mm_per_row = 297 / bitmap.height
    assert inked_rows and inked_rows[-1] * mm_per_row < 99  # all within the top third: not enlarged


def test_page_range_and_temp_file(qapp, tmp_path, statements):
    out = tmp_path / "one-page.pdf"
    printer = file_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert printing.render_pdf(printer, statements) == 1
    assert len(pypdfium2.PdfDocument(out.read_bytes())) == 1
    temp = printing.print_temp_path("收据 SJ/1")
    temp.write_bytes(statements)
    assert printing._read(temp) == statements and not temp.exists()  # read once, then gone
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(statements)
    assert printing._read(kept) == statements and kept.exists()  # a user's file is never deleted


def test_settings_round_trip(qapp):
    fresh = printing.printer_for("receipt")
    mm = fresh.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    assert (round(mm.width()), round(mm.height())) == (210, 99)
    assert printing.printer_for("a4").pageLayout().pageSize().id() == QPageSize.PageSizeId.A4

    p = QPrinter()
    p.setPageLayout(QPageLayout(QPageSize(QSizeF(241, 140), QPageSize.Unit.Millimeter),
                                QPageLayout.Orientation.Landscape, QMarginsF()))
    printing.remember("receipt", p)
    s = printing._settings()
    assert s.value("printing/receipt/page_size") == "241x140mm"
    assert s.value("printing/receipt/orientation") == "landscape"
    back = printing.printer_for("receipt").pageLayout()
    size = back.pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (241, 140)
    assert back.orientation() == QPageLayout.Orientation.Landscape

    p = QPrinter()
    p.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait, QMarginsF()))
    printing.remember("a4", p)
    assert printing.printer_for("a4").pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    # a printer that has gone away falls back to the default; rubbish falls back to the kind's paper
    s.setValue("printing/a4/printer", "已拆除的打印机")
    s.setValue("printing/a4/page_size", "nonsense")
    again = printing.printer_for("a4")
    assert again.printerName() != "已拆除的打印机"
    assert again.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    s.remove("printing")
    with pytest.raises(ValueError):
        printing.printer_for("label")


def test_preview_builds_its_pages_from_paint_requested(qtbot, tmp_path, statements):
    count = len(pypdfium2.PdfDocument(statements))
    saved = []
    dlg = printing.preview_dialog(None, statements, "费用清单 2026-03", printing.printer_for("a4"),
                                  save_pdf=lambda d: saved.append(d))
    qtbot.addWidget(dlg)
    painted = []
    dlg.paintRequested.connect(lambda p: painted.append(p))
    widget = dlg.findChild(QPrintPreviewWidget)
    widget.updatePreview()  # what showing the dialog does: emits paintRequested with the preview's recorder
    assert painted and dlg.errors == []
    assert widget.pageCount() == count
    dlg.save_action.trigger()
    assert saved == [dlg]


def test_print_pdf_without_preview_prints_and_remembers(qapp, tmp_path, monkeypatch, receipt):
    out = tmp_path / "direct.pdf"
    monkeypatch.setattr(printing, "printer_for", lambda kind: file_printer(out, kind))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    path = printing.print_temp_path("收据")
    path.write_bytes(receipt)
    assert printing.print_pdf(None, path, "收据 SJ2026-000001", kind="receipt", preview=False) is True
    assert len(pypdfium2.PdfDocument(out.read_bytes())) == 1
    assert not path.exists()
    assert printing._settings().value("printing/receipt/page_size") == "210x99mm"
    printing._settings().remove("printing")


def test_print_pdf_with_preview_prints_what_the_dialog_asks(qapp, tmp_path, monkeypatch, statements):
    out = tmp_path / "from-preview.pdf"

    def accept(self):  # the user presses 打印 in the preview: the dialog paints into the printer
        self.paintRequested.emit(file_printer(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintPreviewDialog, "exec", accept)
    assert printing.print_pdf(None, statements, "费用清单", kind="a4") is True
    assert len(pypdfium2.PdfDocument(out.read_bytes())) == len(pypdfium2.PdfDocument(statements))
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert printing.print_pdf(None, statements, "费用清单", kind="a4") is False
    printing._settings().remove("printing")


def test_landscape_page_turns_onto_portrait_paper(qapp, tmp_path):
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=landscape(A4))
    w, h = landscape(A4)
    c.rect(0, h / 2, w / 2, h / 2, stroke=0, fill=1)  # the page's top-left quarter, black
    c.showPage()
    c.save()
    out = tmp_path / "turned.pdf"
    printing.render_pdf(file_printer(out, dpi=150), buf.getvalue())
    page = pypdfium2.PdfDocument(out.read_bytes())[0]
    assert (round(page.get_width() / MM), round(page.get_height() / MM)) == (210, 297)  # portrait sheet
    grey = page.render(scale=20 / 72, grayscale=True).to_pil()
    gw, gh = grey.size
    # a quarter turn counter-clockwise: the page's top-left lands at the sheet's bottom-left, full size
    assert grey.getpixel((gw // 4, gh * 3 // 4)) < 64
    assert grey.getpixel((gw * 3 // 4, gh // 4)) > 192 and grey.getpixel((gw // 4, gh // 4)) > 192


def test_print_via_service_writes_through_the_service_then_previews(qapp, tmp_path, monkeypatch):
    """The 打印… buttons: the service writes (and audits) the PDF into a
    temporary file on the database thread, then the preview opens on it."""
    from eldercare_desktop.ui import printing

    calls, shown = [], []

    class Shell:
        def call(self, fn, *args, on_done=None):
            calls.append((fn, args))
            on_done(fn(*args))

    def write(rid, month, path):
        Path(path).write_bytes(b"%PDF-1.4 test")
        return path

    monkeypatch.setattr(printing, "print_pdf", lambda parent, pdf, title, kind="a4": shown.append((pdf, title, kind)))
    printing.print_via_service(None, Shell(), write, 7, "2026-10", title="费用清单 2026-10", kind="a4")
    (fn, args), = calls
    assert args[:2] == (7, "2026-10") and str(args[2]).endswith(".pdf")
    (pdf, title, kind), = shown
    assert Path(pdf).read_bytes().startswith(b"%PDF") and (title, kind) == ("费用清单 2026-10", "a4")
