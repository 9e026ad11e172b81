"""The closing of a printed notice: the review on the left, the issuer and date on the right
with the round seal's place drawn over them (the 公章 is stamped across the issuer and date)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, SIGNATURE_FONT, paragraph_style
from app.reports.common.linebreak import text_width
from app.reports.notices.notice_parts import BLANK_DATE, BODY_SIZE, SEAL_DIAMETER, _Scale

SEAL_LABEL = "（盖章）"


def _ruled_lines(count: int, width: float, gap: float):
    """``count`` ruled lines to write on by hand (an opinion not given yet)."""
    from reportlab.platypus.flowables import Flowable

    class RuledLines(Flowable):
        def wrap(self, avail_width, avail_height):
            return width, count * gap

        def draw(self):
            self.canv.saveState()
            self.canv.setLineWidth(0.5)
            for n in range(count):
                y = (count - n - 1) * gap + 0.25 * gap
                self.canv.line(0, y, width, y)
            self.canv.restoreState()

    return RuledLines()


def review_column(opinion_label: str, opinion: str | None, reviewer: str, date_text: str,
                  width: float, scale: _Scale) -> list:
    """审核意见 (or ruled lines), 审核人（签字） with the name in 楷, and the date."""
    from reportlab.platypus import Paragraph, Spacer

    size = scale(BODY_SIZE)
    label = paragraph_style("notice-review-label", size, HEADING_FONT, size * 1.55)
    line = paragraph_style("notice-review", size, BODY_FONT, size * 1.55)
    parts: list = [Paragraph(escape(opinion_label), label)]
    if opinion:
        parts.append(Paragraph(escape(opinion), line))
    else:
        parts.append(_ruled_lines(2, width, size * 1.8))
    parts.append(Spacer(1, scale(2.5)))
    signed = (f'<font name="{SIGNATURE_FONT}">{escape(reviewer)}</font>' if reviewer
              else "　" * 6)
    parts.append(Paragraph(f"审核人（签字）：{signed}", line))
    parts.append(Paragraph(escape(f"日期：{date_text or BLANK_DATE}"), line))
    return parts


def issuer_block(lines: list[str], date_text: str, width: float, scale: _Scale):
    """The issuing bodies and the date, centred in ``width``, with a dashed circle over them
    where the seal goes."""
    from reportlab.platypus.flowables import Flowable

    size = scale(BODY_SIZE)
    leading = size * 1.7
    texts = lines + [date_text]
    diameter = scale(SEAL_DIAMETER)
    text_h = len(texts) * leading
    height = max(diameter, text_h) + scale(2)

    class IssuerBlock(Flowable):
        seal_size = (diameter, diameter)

        def wrap(self, avail_width, avail_height):
            return width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            text_w = max(text_width(t, HEADING_FONT, size) for t in texts)
            centre_x = width - text_w / 2 - size
            centre_x = min(centre_x, width - diameter / 2)
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont(HEADING_FONT, size)
            top = (height + text_h) / 2
            for n, text in enumerate(texts):
                baseline = top - (n + 1) * leading + (leading - size) / 2 + 0.12 * size
                canvas.drawCentredString(centre_x, baseline, text)
            canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
            canvas.setLineWidth(0.6)
            canvas.setDash(3, 3)
            canvas.circle(centre_x, height / 2, diameter / 2, stroke=1, fill=0)
            canvas.setDash()
            canvas.setFillColorRGB(0.6, 0.6, 0.6)
            label = scale(9)
            canvas.setFont(BODY_FONT, label)
            canvas.drawCentredString(centre_x, height / 2 + diameter / 2 - label * 1.6, SEAL_LABEL)
            canvas.restoreState()

    return IssuerBlock()


def closing_block(review: list, issuer, width: float, scale: _Scale):
    """Review (left, a little over half) and issuer with seal (right) side by side."""
    from reportlab.platypus import Table, TableStyle

    left = width * 0.52
    table = Table([[review, issuer]], colWidths=[left, width - left])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),  # else reportlab sets Helvetica (not embedded)
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table
