"""The page frame shared by every printed form: margins, header, footer, 内部留存 mark.

build_pdf() lays a platypus story out on A4 (portrait or landscape) with:
- margins: balanced for reports, notices and letters; for bound ledgers (``bound=True``) a
  binding margin on the left and a top margin near GB/T 9704's 37 mm;
- a header on every page: the village's name on the left, a short document title on the
  right, and a thin rule under them;
- a footer on every page: 第 N 页 共 M 页 in the centre and 打印日期 on the right;
- for internal copies, a boxed 内部留存 mark at the top right and a reminder in the footer.

A notice for the 公开栏 (``notice=True``) is not a report: no header, no print date, and
page numbers only when a notice runs to several pages, counted per notice (a DocumentStart
flowable marks where each notice of a batch begins).

The total page count is only known at the end, so the canvas keeps each finished page aside
and draws all headers and footers when the document is saved (see _FramedCanvas).
The print date is always passed in; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, SANS_FONT, register_fonts
from app.services.common.dates import format_date_cn
from app.services.common.safe_files import write_file

MM = 72 / 25.4  # points per millimetre
A4_SIZE = (210 * MM, 297 * MM)

MARGIN_TOP = 25 * MM
MARGIN_BOTTOM = 25 * MM
MARGIN_SIDE = 20 * MM

HEADER_ABOVE_TEXT = 10 * MM  # header baseline above the text frame
RULE_ABOVE_TEXT = 8 * MM
FOOTER_BELOW_TEXT = 12 * MM  # footer baseline below the text frame
HEADER_SIZE = 9
FOOTER_SIZE = 9

INTERNAL_TEXT = "内部留存"
INTERNAL_FOOTER = "内部留存　不得公开张贴"
INTERNAL_COLOR = (0.55, 0.08, 0.08)  # dark red: stands out, still reads when printed grey
MUTED_COLOR = (0.25, 0.25, 0.25)

CREATOR = "村支部台账"


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


REPORT_MARGINS = Margins(MARGIN_TOP, MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_SIDE)
# Bound ledgers are sewn or clipped on the left: ~28 mm there, the top near GB/T 9704's 37 mm.
BOUND_MARGINS = Margins(37 * MM, 22 * MM, 28 * MM, 15 * MM)
# A landscape sheet bound on its left edge with the portrait ones: the binding margin stays,
# the top is the report's (37 mm would take a fifth of the short page).
BOUND_LANDSCAPE_MARGINS = Margins(MARGIN_TOP, 20 * MM, 28 * MM, 12 * MM)
NOTICE_MARGINS = Margins(20 * MM, 20 * MM, 20 * MM, 20 * MM)


def page_size(landscape: bool = False, size: tuple[float, float] = A4_SIZE) -> tuple[float, float]:
    width, height = sorted(size)
    return (height, width) if landscape else (width, height)


def margins_for(bound: bool = False, notice: bool = False, size: tuple[float, float] = A4_SIZE,
                landscape: bool = False) -> Margins:
    if bound and landscape:
        return BOUND_LANDSCAPE_MARGINS
    if notice:
        grow = max(size) / max(A4_SIZE)  # A3 notices get margins in proportion
        m = NOTICE_MARGINS
        return Margins(m.top * grow, m.bottom * grow, m.left * grow, m.right * grow)
    return BOUND_MARGINS if bound else REPORT_MARGINS


def content_width(landscape: bool = False, size: tuple[float, float] = A4_SIZE, *,
                  bound: bool = False, notice: bool = False) -> float:
    """Width of the text frame in points (what a full-width table's columns must add up to)."""
    m = margins_for(bound, notice, size, landscape)
    return page_size(landscape, size)[0] - m.left - m.right


def content_height(landscape: bool = False, size: tuple[float, float] = A4_SIZE, *,
                   bound: bool = False, notice: bool = False) -> float:
    m = margins_for(bound, notice, size, landscape)
    return page_size(landscape, size)[1] - m.top - m.bottom


def _document_start_class():
    from reportlab.platypus.flowables import Flowable

    class DocumentStart(Flowable):
        """Zero-size mark: a new document of a batch begins on this page (own page numbers)."""

        def wrap(self, avail_width, avail_height):
            return 0, 0

        def draw(self):
            starts = self.canv.__dict__.setdefault("_document_starts", [])
            starts.append(self.canv.getPageNumber())

    return DocumentStart


def document_start():
    """The mark build_pdf(notice=True) numbers pages by: put it first in each document's story."""
    return _document_start_class()()


def _numbering(page_count: int, starts: list[int]) -> list[tuple[int, int]]:
    """(number within its document, pages of that document) for pages 1..page_count."""
    starts = sorted(set(starts) | {1})
    result = []
    for n, first in enumerate(starts):
        last = starts[n + 1] - 1 if n + 1 < len(starts) else page_count
        result += [(page - first + 1, last - first + 1) for page in range(first, last + 1)]
    return result[:page_count]


@dataclass(frozen=True)
class PageDecoration:
    """What goes around the content of every page."""

    village: str
    title: str
    print_date: dt.date
    internal: bool = False
    size: tuple[float, float] = A4_SIZE  # the page's (width, height), as laid out
    margins: Margins = REPORT_MARGINS
    notice: bool = False

    def draw(self, canvas, page_number: int, page_count: int) -> None:
        if self.notice:
            self._draw_notice_number(canvas, page_number, page_count)
            return
        width, height = self.size
        left, right = self.margins.left, width - self.margins.right
        footer_y = max(self.margins.bottom - FOOTER_BELOW_TEXT, 8 * MM)
        canvas.saveState()

        # Header: village left, title right (left of the 内部留存 box on internal copies).
        top_y = height - self.margins.top + HEADER_ABOVE_TEXT
        canvas.setFillColorRGB(*MUTED_COLOR)
        canvas.setFont(SANS_FONT, HEADER_SIZE)
        canvas.drawString(left, top_y, self.village)
        title_right = right
        if self.internal:
            title_right = self._draw_internal_box(canvas, right, height - self.margins.top
                                                  + RULE_ABOVE_TEXT) - 4 * MM
        canvas.setFillColorRGB(*MUTED_COLOR)
        canvas.setFont(SANS_FONT, HEADER_SIZE)
        canvas.drawRightString(title_right, top_y, self.title)
        canvas.setStrokeColorRGB(*MUTED_COLOR)
        canvas.setLineWidth(0.5)
        rule_y = height - self.margins.top + RULE_ABOVE_TEXT
        canvas.line(left, rule_y, right, rule_y)

        # Footer: page numbers centre, print date right, internal reminder left.
        canvas.setFillColorRGB(*MUTED_COLOR)
        canvas.setFont(SANS_FONT, FOOTER_SIZE)
        canvas.drawCentredString((left + right) / 2, footer_y,
                                 f"第 {page_number} 页 共 {page_count} 页")
        canvas.drawRightString(right, footer_y,
                               f"打印日期：{format_date_cn(self.print_date)}")
        if self.internal:
            canvas.setFillColorRGB(*INTERNAL_COLOR)
            canvas.setFont(HEADING_FONT, FOOTER_SIZE)
            canvas.drawString(left, footer_y, INTERNAL_FOOTER)
        canvas.restoreState()

    def _draw_notice_number(self, canvas, page_number: int, page_count: int) -> None:
        """A notice: its page number only when it has several pages; 内部留存 when internal."""
        width, height = self.size
        canvas.saveState()
        if page_count > 1:
            size = FOOTER_SIZE * max(height, width) / max(A4_SIZE) + 1
            canvas.setFillColorRGB(*MUTED_COLOR)
            canvas.setFont(SANS_FONT, size)
            canvas.drawCentredString(width / 2, self.margins.bottom / 2,
                                     f"第 {page_number} 页 共 {page_count} 页")
        if self.internal:
            self._draw_internal_box(canvas, width - self.margins.right,
                                    height - self.margins.top / 2 - 3 * MM)
            canvas.setFillColorRGB(*INTERNAL_COLOR)
            canvas.setFont(HEADING_FONT, FOOTER_SIZE)
            canvas.drawString(self.margins.left, self.margins.bottom / 2, INTERNAL_FOOTER)
        canvas.restoreState()

    @staticmethod
    def _draw_internal_box(canvas, right: float, rule_y: float) -> float:
        """Draw the boxed 内部留存 mark ending at ``right`` just above ``rule_y``; return its left edge."""
        size = 12
        pad = 2 * MM
        text_width = canvas.stringWidth(INTERNAL_TEXT, HEADING_FONT, size)
        box_width = text_width + 2 * pad
        box_bottom = rule_y + 1.2 * MM
        box_height = 6.6 * MM
        box_left = right - box_width
        canvas.setStrokeColorRGB(*INTERNAL_COLOR)
        canvas.setFillColorRGB(*INTERNAL_COLOR)
        canvas.setLineWidth(1.2)
        canvas.rect(box_left, box_bottom, box_width, box_height, stroke=1, fill=0)
        canvas.setFont(HEADING_FONT, size)
        # Centre the glyphs vertically: CJK ideographs sit roughly 0.12 em below the baseline.
        baseline = box_bottom + (box_height - size * 0.88) / 2 + size * 0.12
        canvas.drawString(box_left + pad, baseline, INTERNAL_TEXT)
        return box_left


def _framed_canvas_class(decoration: PageDecoration):
    """A Canvas class that holds pages back until save(), then numbers and decorates them."""
    from reportlab.pdfgen.canvas import Canvas

    class _FramedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            # Keep the finished page's whole state; _startPage gives the next page fresh
            # accumulators (a new code list), so the saved copy is not disturbed.
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            if self._code:  # a page drawn on but never shown, as Canvas.save() handles it
                self.showPage()
            held = self._held_pages
            total = len(held)
            starts = self.__dict__.get("_document_starts", []) if decoration.notice else []
            numbers = _numbering(total, starts)
            for state, (number, count) in zip(held, numbers, strict=True):
                self.__dict__.update(state)
                decoration.draw(self, number, count)
                Canvas.showPage(self)
            self._held_pages = []
            self.page_count = total
            Canvas.save(self)

    return _FramedCanvas


def build_pdf(
    path: str | Path | BinaryIO,
    story: list,
    *,
    title: str,
    village: str,
    print_date: dt.date,
    landscape: bool = False,
    internal: bool = False,
    size: tuple[float, float] = A4_SIZE,
    subject: str = "",
    bound: bool = False,
    notice: bool = False,
) -> int:
    """Lay ``story`` (platypus flowables) out in the shared page frame; return the page count.

    ``title`` is the short title in the header (and the PDF's title); ``path`` may be a file
    path or a writable binary file object. Raises UserError when the file cannot be written.
    """
    register_fonts()
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    width, height = page_size(landscape, size)
    m = margins_for(bound, notice, size, landscape)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        title=f"{village}{title}" if village and not title.startswith(village) else title,
        author=village,
        subject=subject,
        creator=CREATOR,
        producer=CREATOR,
        # A TrueType initial font keeps the unembedded Helvetica out of every page.
        initialFontName=BODY_FONT,
        initialFontSize=10.5,
        initialLeading=15,
        lang="zh-CN",
    )
    frame = Frame(
        m.left, m.bottom, width - m.left - m.right, height - m.top - m.bottom,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    decoration = PageDecoration(village, title, print_date, internal, (width, height), m, notice)
    doc.build(list(story), canvasmaker=_framed_canvas_class(decoration))
    pages = doc.canv.page_count

    data = buffer.getvalue()
    if isinstance(path, (str, Path)):
        write_file(Path(path), lambda temp: temp.write_bytes(data))
    else:
        path.write(data)
    return pages
