"""The 提醒函 of one reminder (A4 portrait), with a 回执 for the members to sign.

The words come from reminder_letter_text. The letter: the big 黑体 heading by kind (廉政提醒函, 值班提醒, 学习提醒, 工作提醒), the members
it is addressed to (李建国、王淑芬同志：), an opening sentence made from the kind, 事由 and
holiday, the rules it recalls as numbered paragraphs, the deadline (请于…前…) for kinds that
have one, then the issuing 党组织 and the print date with room for the seal (≥ 25 mm).
The 回执 under a cut line: 本人已收到并认真阅读上述提醒，将严格遵守。 and a ruled table
姓名 | 签收日期 | 本人签名, one row per member, tall enough to sign in.

Letter and receipt fit on one page for up to FIT_NAMES members: when the roomy layout
runs over, the compact one (smaller type, lower rows) is used. Longer lists keep the roomy
layout and continue on the next pages, the table header repeated.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.body_paragraph import body_paragraph
from app.reports.common.fonts import BODY_FONT, HEADING_FONT, TITLE_FONT, face_for, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.linebreak import text_width
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.reminders.reminder_letter_text import (
    CLOSING,
    addressee,
    deadline,
    issuer,
    letter_title,
    opening,
    receipt_promise,
    rule_paragraphs,
)
from app.services.common.dates import format_date_cn
from app.services.reminders.reminder_types import FAMILY_EVENT, LetterData

RECEIPT_TITLE = "回　　执"
RECEIPT_HEADER = ["姓名", "签收日期", "本人签名"]
BLANK_DATE = "　　　　年　　月　　日"
SEAL_ROOM = 28 * MM  # the seal is stamped over the issuer and the date (at least 25 mm)
FIT_NAMES = 12


@dataclass(frozen=True)
class _Layout:
    title: float
    body: float
    leading: float
    row: float  # receipt rows: room for a handwritten signature
    gap: float  # space around the issuer block and the cut line


ROOMY = _Layout(title=26, body=14, leading=24, row=11 * MM, gap=6 * MM)
COMPACT = _Layout(title=22, body=12, leading=18, row=7.5 * MM, gap=3 * MM)


def _issuer_block(lines: list[str], size: float, frame_width: float):
    """The issuer and the date at the right, in a band tall enough for the seal over them."""
    from reportlab.platypus.flowables import Flowable

    leading = size * 1.7
    text_w = max(text_width(t, BODY_FONT, size) for t in lines)
    height = max(SEAL_ROOM, len(lines) * leading)
    right_pad = 2 * size  # 右空二字, as official letters sign

    class IssuerBlock(Flowable):
        def wrap(self, avail_width, avail_height):
            return frame_width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            canvas.setFont(BODY_FONT, size)
            centre = frame_width - right_pad - text_w / 2
            top = (height + len(lines) * leading) / 2
            for n, text in enumerate(lines):
                baseline = top - (n + 1) * leading + (leading - size) / 2 + 0.12 * size
                canvas.drawCentredString(centre, baseline, text)
            canvas.restoreState()

    return IssuerBlock()


def _cut_line(frame_width: float, gap: float, size: float):
    """A dashed line across the page with 回执 in its middle: the receipt is cut off here."""
    from reportlab.platypus.flowables import Flowable

    title_w = text_width(RECEIPT_TITLE, HEADING_FONT, size)
    height = 2 * gap + size

    class CutLine(Flowable):
        def wrap(self, avail_width, avail_height):
            return frame_width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            middle = height / 2
            canvas.setFont(HEADING_FONT, size)
            canvas.drawCentredString(frame_width / 2, middle - 0.38 * size, RECEIPT_TITLE)
            canvas.setStrokeColorRGB(0.4, 0.4, 0.4)
            canvas.setLineWidth(0.5)
            canvas.setDash(4, 3)
            side = (frame_width - title_w) / 2 - size
            canvas.line(0, middle, side, middle)
            canvas.line(frame_width - side, middle, frame_width, middle)
            canvas.restoreState()

    return CutLine()


def _receipt_table(names: list[str], layout: _Layout):
    width = content_width()
    widths = [40 * MM, 50 * MM, 0.0]
    widths[2] = width - sum(widths)
    size = layout.body  # one type scale: the receipt as the letter
    style = GridStyle(size=size, leading=size * 1.35, pad_x=1.5 * MM, pad_y=1 * MM)
    rows = [[name, BLANK_DATE, ""] for name in names] or [["", BLANK_DATE, ""]]
    table = GridTable(widths, RECEIPT_HEADER, rows, aligns=["center", "center", "left"],
                      style=style)
    table.row_heights[:] = [max(h, layout.row) for h in table.row_heights]
    return table


def _story(letter: LetterData, layout: _Layout, print_date: dt.date) -> list:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    width = content_width()
    title = paragraph_style("letter-title", layout.title, face_for(letter_title(letter), TITLE_FONT),
                            layout.title * 1.35,
                            alignment=TA_CENTER, spaceAfter=layout.gap)
    plain = paragraph_style("letter-plain", layout.body, BODY_FONT, layout.leading)
    indented = paragraph_style("letter-body", layout.body, BODY_FONT, layout.leading,
                               firstLineIndent=2 * layout.body)
    indented_next = paragraph_style("letter-body-next", layout.body, BODY_FONT, layout.leading,
                                    firstLineIndent=2 * layout.body, keepWithNext=1)
    names = [n.strip() for n in letter.names if n and n.strip()]
    story: list = [Paragraph(escape(letter_title(letter)), title),
                   Paragraph(escape(addressee(names)), plain),
                   body_paragraph(escape(opening(letter)), indented)]
    event = letter.event_kind if letter.kind == FAMILY_EVENT else ""
    story += [body_paragraph(escape(p), indented) for p in rule_paragraphs(letter.detail, event)]
    if deadline(letter, print_date):
        story.append(body_paragraph(escape(deadline(letter, print_date)), indented))
    story.append(Paragraph(CLOSING, indented))
    date_text = format_date_cn(print_date)  # dated the day it is printed and handed out
    story.append(KeepTogether([Spacer(1, layout.gap / 2),
                               _issuer_block([issuer(letter), date_text], layout.body, width)]))
    receipt = [_cut_line(width, layout.gap, layout.body),
               body_paragraph(escape(receipt_promise(letter, date_text)), indented_next),
               Spacer(1, 1.5 * MM),
               _receipt_table(names, layout)]
    # A long list continues over pages (header repeated), so only a short one is kept whole.
    if len(names) <= FIT_NAMES:
        story.append(KeepTogether(receipt))
    else:
        story += receipt
    return story


def build_reminder_letter(
    path: str | Path | BinaryIO,
    *,
    letter: LetterData,
    print_date: dt.date,
) -> int:
    """Write the 提醒函 with its 回执 to ``path``, dated ``print_date``; return its page count."""
    heading = letter_title(letter)
    options = dict(title=heading, village=letter.village, print_date=print_date,
                   subject=f"{letter.village}{heading}：{letter.subject.strip()}")
    layout = ROOMY
    # A short list must fit one page: try the roomy layout first (a trial in memory).
    named = [n for n in letter.names if n and n.strip()]
    if len(named) <= FIT_NAMES:
        if build_pdf(io.BytesIO(), _story(letter, ROOMY, print_date), **options) > 1:
            layout = COMPACT
    return build_pdf(path, _story(letter, layout, print_date), **options)
