"""The page frame shared by every printed form: margins, header, footer, 内部留存 mark.

build_pdf() lays a platypus story out on A4 (portrait or landscape) with:
- a header on every page: the village's name on the left, a short document title on the
  right, and a thin rule under them;
- a footer on every page: 第 N 页 共 M 页 in the centre and 打印日期 on the right;
- for internal copies, a boxed 内部留存 mark at the top right and a reminder in the footer.

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

HEADER_BASELINE = 15 * MM  # from the top edge
HEADER_RULE = 17 * MM  # from the top edge
FOOTER_BASELINE = 13 * MM  # from the bottom edge
HEADER_SIZE = 9
FOOTER_SIZE = 9

INTERNAL_TEXT = "内部留存"
INTERNAL_FOOTER = "内部留存　不得公开张贴"
INTERNAL_COLOR = (0.55, 0.08, 0.08)  # dark red: stands out, still reads when printed grey
MUTED_COLOR = (0.25, 0.25, 0.25)

CREATOR = "村支部台账"


def page_size(landscape: bool = False, size: tuple[float, float] = A4_SIZE) -> tuple[float, float]:
    width, height = sorted(size)
    return (height, width) if landscape else (width, height)


def content_width(landscape: bool = False, size: tuple[float, float] = A4_SIZE) -> float:
    """Width of the text frame in points (what a full-width table's columns must add up to)."""
    return page_size(landscape, size)[0] - 2 * MARGIN_SIDE


def content_height(landscape: bool = False, size: tuple[float, float] = A4_SIZE) -> float:
    return page_size(landscape, size)[1] - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class PageDecoration:
    """What goes around the content of every page."""

    village: str
    title: str
    print_date: dt.date
    internal: bool = False
    size: tuple[float, float] = A4_SIZE  # the page's (width, height), as laid out

    def draw(self, canvas, page_number: int, page_count: int) -> None:
        width, height = self.size
        left, right = MARGIN_SIDE, width - MARGIN_SIDE
        canvas.saveState()

        # Header: village left, title right (left of the 内部留存 box on internal copies).
        top_y = height - HEADER_BASELINE
        canvas.setFillColorRGB(*MUTED_COLOR)
        canvas.setFont(SANS_FONT, HEADER_SIZE)
        canvas.drawString(left, top_y, self.village)
        title_right = right
        if self.internal:
            title_right = self._draw_internal_box(canvas, right, height) - 4 * MM
        canvas.setFillColorRGB(*MUTED_COLOR)
        canvas.setFont(SANS_FONT, HEADER_SIZE)
        canvas.drawRightString(title_right, top_y, self.title)
        canvas.setStrokeColorRGB(*MUTED_COLOR)
        canvas.setLineWidth(0.5)
        rule_y = height - HEADER_RULE
        canvas.line(left, rule_y, right, rule_y)

        # Footer: page numbers centre, print date right, internal reminder left.
        canvas.setFillColorRGB(*MUTED_COLOR)
        canvas.setFont(SANS_FONT, FOOTER_SIZE)
        canvas.drawCentredString(width / 2, FOOTER_BASELINE,
                                 f"第 {page_number} 页 共 {page_count} 页")
        canvas.drawRightString(right, FOOTER_BASELINE,
                               f"打印日期：{format_date_cn(self.print_date)}")
        if self.internal:
            canvas.setFillColorRGB(*INTERNAL_COLOR)
            canvas.setFont(HEADING_FONT, FOOTER_SIZE)
            canvas.drawString(left, FOOTER_BASELINE, INTERNAL_FOOTER)
        canvas.restoreState()

    @staticmethod
    def _draw_internal_box(canvas, right: float, height: float) -> float:
        """Draw the boxed 内部留存 mark ending at ``right``; return the box's left edge."""
        size = 12
        pad = 2 * MM
        text_width = canvas.stringWidth(INTERNAL_TEXT, HEADING_FONT, size)
        box_width = text_width + 2 * pad
        box_bottom = height - HEADER_RULE + 1.2 * MM
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
            for state in held:
                self.__dict__.update(state)
                decoration.draw(self, self._pageNumber, total)
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
) -> int:
    """Lay ``story`` (platypus flowables) out in the shared page frame; return the page count.

    ``title`` is the short title in the header (and the PDF's title); ``path`` may be a file
    path or a writable binary file object. Raises UserError when the file cannot be written.
    """
    register_fonts()
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    width, height = page_size(landscape, size)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
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
        MARGIN_SIDE, MARGIN_BOTTOM, width - 2 * MARGIN_SIDE, height - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    decoration = PageDecoration(village, title, print_date, internal, (width, height))
    doc.build(list(story), canvasmaker=_framed_canvas_class(decoration))
    pages = doc.canv.page_count

    data = buffer.getvalue()
    if isinstance(path, (str, Path)):
        write_file(Path(path), lambda temp: temp.write_bytes(data))
    else:
        path.write(data)
    return pages
