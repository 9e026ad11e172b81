"""The 廉政提醒函 of one reminder (A4 portrait), with a 回执 for the members to sign.

The letter: the big 黑体 heading, the members it is addressed to (李建国、王淑芬同志：),
an opening sentence made from the kind, 事由 and holiday, the rules it recalls as numbered
paragraphs, then the issuing 党组织 and the date with room for the seal (≥ 25 mm).
The 回执 under a cut line: 本人已收到并认真阅读上述提醒，将严格遵守。 and a ruled table
姓名 | 签收日期 | 本人签名, one row per member, tall enough to sign in.

Letter and receipt fit on one page for up to FIT_NAMES members: when the roomy layout
runs over, the compact one (smaller type, lower rows) is used. Longer lists keep the roomy
layout and continue on the next pages, the table header repeated.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.fonts import BODY_FONT, HEADING_FONT, paragraph_style
from app.reports.grid_table import GridStyle, GridTable
from app.reports.linebreak import text_width
from app.reports.page import MM, build_pdf, content_width
from app.services.dates import format_date_cn
from app.services.reminder_types import FAMILY_EVENT, LetterData

SHORT_TITLE = "廉政提醒函"
RECEIPT_TITLE = "回　　执"
RECEIPT_PROMISE = "本人已收到并认真阅读上述提醒，将严格遵守。"
RECEIPT_HEADER = ["姓名", "签收日期", "本人签名"]
BLANK_DATE = "　　　　年　　月　　日"
CLOSING = "特此提醒。"
SEAL_ROOM = 28 * MM  # the seal is stamped over the issuer and the date (at least 25 mm)
FIT_NAMES = 12
NUMERALS = "一二三四五六七八九十"
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十\d]+）)")


@dataclass(frozen=True)
class _Layout:
    title: float
    body: float
    leading: float
    row: float  # receipt rows: room for a handwritten signature
    gap: float  # space around the issuer block and the cut line


ROOMY = _Layout(title=26, body=14, leading=24, row=11 * MM, gap=6 * MM)
COMPACT = _Layout(title=22, body=12, leading=18, row=7.5 * MM, gap=3 * MM)


def addressee(names: list[str]) -> str:
    """李建国、王淑芬、张堃同志：; 各位同志： when no name is known."""
    clean = [n.strip() for n in names if n and n.strip()]
    return ("、".join(clean) if clean else "各位") + "同志："


def opening(letter: LetterData) -> str:
    """The sentence before the rules, from the holiday, the kind and the 事由."""
    subject = letter.subject.strip().rstrip("。；;，,")
    if letter.holiday:
        return (f"{letter.holiday}将至，为严明节日纪律要求，确保节日期间风清气正，"
                f"现就{subject}特作如下提醒：")
    if letter.kind == FAMILY_EVENT:
        event = "，".join(t for t in (letter.event_kind, format_date_cn(letter.event_date)) if t)
        event = f"（{event}）" if event else ""
        return f"根据村干部婚丧喜庆事项报告有关规定，现就{subject}{event}特作如下提醒："
    return f"为进一步严明纪律规矩，现就{subject}特作如下提醒："


def rule_paragraphs(detail: str) -> list[str]:
    """One paragraph per line; numbered 一、二、… unless every line already carries a number."""
    lines = [ln.strip(" \t\u3000") for ln in str(detail).splitlines() if ln.strip(" \t\u3000")]
    if all(_NUMBERED.match(ln) for ln in lines) or len(lines) <= 1:
        return lines
    return [f"{NUMERALS[i]}、{ln}" if i < len(NUMERALS) else f"{i + 1}. {ln}"
            for i, ln in enumerate(lines)]


def issuer(letter: LetterData) -> str:
    return letter.party_org_name.strip() or f"中共{letter.village}支部委员会"


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
    size = 11 if layout is COMPACT else 12
    style = GridStyle(size=size, leading=size * 1.35, pad_x=1.5 * MM, pad_y=1 * MM)
    rows = [[name, BLANK_DATE, ""] for name in names] or [["", BLANK_DATE, ""]]
    table = GridTable(widths, RECEIPT_HEADER, rows, aligns=["center", "center", "left"],
                      style=style)
    table.row_heights[:] = [max(h, layout.row) for h in table.row_heights]
    return table


def _story(letter: LetterData, layout: _Layout) -> list:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    width = content_width()
    title = paragraph_style("letter-title", layout.title, HEADING_FONT, layout.title * 1.35,
                            alignment=TA_CENTER, spaceAfter=layout.gap)
    plain = paragraph_style("letter-plain", layout.body, BODY_FONT, layout.leading)
    indented = paragraph_style("letter-body", layout.body, BODY_FONT, layout.leading,
                               firstLineIndent=2 * layout.body)
    indented_next = paragraph_style("letter-body-next", layout.body, BODY_FONT, layout.leading,
                                    firstLineIndent=2 * layout.body, keepWithNext=1)
    names = [n.strip() for n in letter.names if n and n.strip()]
    story: list = [Paragraph(SHORT_TITLE, title),
                   Paragraph(escape(addressee(names)), plain),
                   Paragraph(escape(opening(letter)), indented)]
    story += [Paragraph(escape(p), indented) for p in rule_paragraphs(letter.detail)]
    story.append(Paragraph(CLOSING, indented))
    date_text = format_date_cn(letter.due) or BLANK_DATE
    story.append(KeepTogether([Spacer(1, layout.gap / 2),
                               _issuer_block([issuer(letter), date_text], layout.body, width)]))
    receipt = [_cut_line(width, layout.gap, layout.body + 2),
               Paragraph(RECEIPT_PROMISE, indented_next), Spacer(1, 1.5 * MM),
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
    """Write the 廉政提醒函 with its 回执 to ``path``; return its page count."""
    options = dict(title=SHORT_TITLE, village=letter.village, print_date=print_date,
                   subject=f"{letter.village}{SHORT_TITLE}：{letter.subject.strip()}")
    layout = ROOMY
    # A short list must fit one page: try the roomy layout first (a trial in memory).
    named = [n for n in letter.names if n and n.strip()]
    if len(named) <= FIT_NAMES and build_pdf(io.BytesIO(), _story(letter, ROOMY), **options) > 1:
        layout = COMPACT
    return build_pdf(path, _story(letter, layout), **options)
