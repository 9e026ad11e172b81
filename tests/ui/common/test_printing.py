"""Printing sends the chosen pages, the chosen number of copies, in grey (a QPrinter that writes
a PDF file stands in for the printer)."""

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app.ui.common.pdf_preview import PRINT_DPI, page_image, print_sequence, render_to_printer


@pytest.fixture
def five_pages(tmp_path, qapp):
    path = tmp_path / "five.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, 6):
        pdf.setFillColorRGB(0.8, 0.1, 0.1)
        pdf.rect(100, 400, 50 * number, 100, fill=1)  # page n: a red bar n units long
        pdf.showPage()
    pdf.save()
    document = QPdfDocument()
    document.load(str(path))
    yield document
    document.close()


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def bar_length(reader: PdfReader, index: int) -> int:
    """How many dark pixels the page's image has on the bar's row (page n: n units)."""
    image = reader.pages[index].images[0].image.convert("L")
    row = round(image.height * (1 - 450 / A4[1]))
    return sum(1 for x in range(image.width) if image.getpixel((x, row)) < 200)


def test_pages_2_to_3_twice_give_four_grey_pages_in_order(five_pages, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    done = []
    assert render_to_printer(five_pages, printer, dpi=50, progress=lambda d, t: done.append((d, t)) or True) == 4
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    lengths = [bar_length(reader, i) for i in range(4)]
    assert lengths[0] == lengths[2] < lengths[1] == lengths[3]  # 2 3 2 3
    assert abs(lengths[1] / lengths[0] - 3 / 2) < 0.1
    for page in reader.pages:  # the red bar went out grey (Qt's PDF writer stores images as RGB)
        image = page.images[0].image
        red, green, blue = image.getpixel((round(image.width * 110 / A4[0]), round(image.height * (1 - 450 / A4[1]))))
        assert max(red, green, blue) - min(red, green, blue) < 12 and red < 150
    assert done == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_single_page_range_and_uncollated_copies(five_pages, tmp_path):
    printer = pdf_printer(tmp_path / "p.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(4, 9)  # beyond the end: up to the last page
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert print_sequence(printer, 5) == [3, 3, 4, 4]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setCopyCount(1)
    assert print_sequence(printer, 5) == [0, 1, 2, 3, 4]


def test_cancelling_stops_after_the_current_page(five_pages, tmp_path):
    out = tmp_path / "cancelled.pdf"
    assert render_to_printer(five_pages, pdf_printer(out), dpi=50, progress=lambda d, t: d < 2) == 2
    assert len(PdfReader(out).pages) == 2


def test_a_page_goes_out_as_an_8_bit_grey_image_on_white(five_pages):
    image = page_image(five_pages, 0, dpi=PRINT_DPI)
    assert image.format() == QImage.Format.Format_Grayscale8
    assert (image.width(), image.height()) == (2480, 3508)  # A4 at 300 dpi
    assert image.sizeInBytes() == 2480 * 3508  # 8.7 MB a page; the colour image was 4 times that
    assert image.pixelColor(5, 5).lightness() == 255  # paper white, not transparent black
