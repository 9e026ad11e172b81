"""The printed notice for the 公开栏 (党务公开, 村务公开, 财务公开), A4 portrait or A3.

A notice reads from a step away: a 30-odd point 黑体 title (with a red 【更正】 mark before it
for a correction), the 所属期 and 公开期 lines, the body in 16 pt 宋体 with two-character
first-line indents, for 财务公开 the item table and the totals (figures and capitals), then
the review block (监委会审核意见, 审核人, date), the issuing body and date with a real box
for the seal, the 监督电话 line and where to take questions.

On A3 every size (type, spacing, the seal box) grows by 420/297, so the A3 copy looks like the
A4 one enlarged; the page frame (margins, header, footer) is the shared one of page.py.

The public copy masks personal data (DOMAIN.md §3): the body and the title go through
mask_text, the item table's text through mask_item_text; the 监督电话 and the numbers the
clerk marked public stay whole. The internal copy prints everything and says 内部留存.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, paragraph_style, register_fonts
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.linebreak import break_lines, text_width
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.notices.notice_parts import (
    A3_SCALE,
    BATCH_TITLE,
    BLANK_DATE,
    BODY_SIZE,
    CORRECTION_COLOR,
    CORRECTION_MARK,
    ITEM_HEADER,
    QUESTIONS_LINE,
    TABLE_SIZE,
    TITLE_SIZE,
    TOTALS_HEADER,
    _blank_lines,
    _is_reviewed,
    _issuer_block,
    _public_set,
    _Scale,
    _sign_row,
    body_paragraphs,
    capitals_text,
    issuer_lines,
    period_line,
    posting_line,
    yuan_text,
)
from app.services.common.dates import format_date_cn
from app.services.notices.notice_masking import mask_item_text, mask_text
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData, NoticeData, Totals

# ------------------------------------------------------------------------------ the story

class _Styles:
    def __init__(self, scale: _Scale):
        from reportlab.lib.enums import TA_CENTER

        body = scale(BODY_SIZE)
        title = scale(TITLE_SIZE)
        self.title = paragraph_style("notice-title", title, HEADING_FONT, title * 1.3,
                                     alignment=TA_CENTER, spaceAfter=scale(4 * MM),
                                     keepWithNext=1)
        self.meta = paragraph_style("notice-meta", body, HEADING_FONT, body * 1.5,
                                    alignment=TA_CENTER, keepWithNext=1)
        self.correction = paragraph_style("notice-correction", body, HEADING_FONT, body * 1.5,
                                          alignment=TA_CENTER, keepWithNext=1,
                                          spaceAfter=scale(1 * MM))
        self.body = paragraph_style("notice-body", body, BODY_FONT, body * 1.65,
                                    firstLineIndent=2 * body)
        self.line = paragraph_style("notice-line", body, BODY_FONT, body * 1.65)
        self.caption = paragraph_style("notice-caption", body, HEADING_FONT, body * 1.6,
                                       spaceBefore=scale(3 * MM),
                                       spaceAfter=scale(1.5 * MM))
        self.grid = GridStyle(size=scale(TABLE_SIZE), leading=scale(TABLE_SIZE) * 1.35,
                              pad_x=scale(1.2 * MM), pad_y=scale(1.4 * MM),
                              header_fill=(0.88, 0.88, 0.88))


def _item_rows(items: list[ItemData], public: set[str] | None) -> list[list[str]]:
    def text(value: str) -> str:
        value = value or ""
        return mask_item_text(value, public) if public is not None else value

    rows = []
    for n, item in enumerate(items, 1):
        amount = yuan_text(item.amount_fen)
        rows.append([
            str(n),
            f"{item.date.month}月{item.date.day}日" if item.date else "",
            text(item.item),
            amount if item.direction == INCOME else "",
            amount if item.direction == EXPENSE else "",
            text(item.source),
            text(item.handler),
            text(item.note),
        ])
    return rows


def _item_widths(rows: list[list[str]], style: GridStyle, width: float,
                 scale: _Scale) -> list[float]:
    """Fixed columns fit their widest text; 项目 and 备注 share the rest (3 : 2)."""
    pad = 2 * style.pad_x

    def fit(column: int, minimum: float, maximum: float = 0.0) -> float:
        widest = max([text_width(r[column], style.font, style.size) for r in rows] + [0])
        width = max(widest + pad + 1, scale(minimum))
        return min(width, scale(maximum)) if maximum else width

    widths = [fit(0, 11.5 * MM), fit(1, 17 * MM), 0.0, fit(3, 20 * MM), fit(4, 20 * MM),
              fit(5, 16 * MM, 24 * MM), fit(6, 16 * MM, 20 * MM), 0.0]
    rest = width - sum(widths)
    widths[2], widths[7] = rest * 0.55, rest * 0.45
    return widths


def _totals_rows(totals: Totals) -> list[list[str]]:
    return [[label, yuan_text(fen), capitals_text(fen)] for label, fen in (
        ("上期结余", totals.opening_fen), ("本期收入", totals.income_fen),
        ("本期支出", totals.expense_fen), ("本期结余", totals.closing_fen))]


def _notice_story(*, village: str, notice: NoticeData, totals: Totals | None, reviewer: str,
                  internal: bool, scale: _Scale, correction_of: str | None) -> list:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    styles = _Styles(scale)
    width = content_width(size=scale.page)
    public = None if internal else _public_set(notice)

    def masked(text: str) -> str:
        return mask_text(text, public) if public is not None else text

    story: list = []
    # A title too long for one line is broken into lines of even length (no lone 公开).
    is_correction = notice.corrects_id is not None or correction_of is not None
    mark = CORRECTION_MARK if is_correction else ""
    title_lines = break_lines(mark + masked(notice.title), width - 2, HEADING_FONT,
                              styles.title.fontSize, balanced=True)
    title = "<br/>".join(escape(line) for line in title_lines)
    if mark:
        title = f'<font color="{CORRECTION_COLOR}">{mark}</font>' + title[len(mark):]
    story.append(Paragraph(title, styles.title))
    if correction_of:
        story.append(Paragraph(escape(f"本公告更正 {masked(correction_of)}"), styles.correction))
    story.append(Paragraph(escape(period_line(notice)), styles.meta))
    story.append(Paragraph(escape(posting_line(notice)), styles.meta))
    story.append(Spacer(1, scale(5 * MM)))

    for paragraph in body_paragraphs(masked(notice.body)):
        story.append(Paragraph(escape(paragraph), styles.body))

    if notice.items:
        rows = _item_rows(notice.items, public)
        widths = _item_widths(rows, styles.grid, width, scale)
        aligns = ["center", "center", "left", "right", "right", "left", "center", "left"]
        # The caption never stays alone at the foot of a page: it needs the header and a few rows.
        story.append(CondPageBreak(scale(45 * MM)))
        story.append(Paragraph("收支明细", styles.caption))
        story.append(GridTable(widths, ITEM_HEADER, rows, aligns=aligns, style=styles.grid))
    if totals is not None:
        rows = _totals_rows(totals)
        grid = styles.grid
        label_w = max(text_width("上期结余", grid.font, grid.size) + 2 * grid.pad_x + 2,
                      scale(24 * MM))
        amount_w = max([text_width(r[1], grid.font, grid.size) for r in rows]
                       + [text_width(TOTALS_HEADER[1], grid.header_font, grid.size)])
        amount_w = max(amount_w + 2 * grid.pad_x + 2, scale(30 * MM))
        story.append(KeepTogether([
            Paragraph("收支合计", styles.caption),
            GridTable([label_w, amount_w, width - label_w - amount_w], TOTALS_HEADER, rows,
                      aligns=["center", "right", "left"], style=grid),
        ]))

    # The review block stays together, and so do issuer, seal and contact lines.
    closing: list = [Spacer(1, scale(6 * MM))]
    opinion_label = "村务监督委员会审核意见："
    if _is_reviewed(notice, reviewer):
        closing.append(Paragraph(escape(opinion_label + notice.review_opinion.strip()),
                                 styles.line))
        closing.append(Spacer(1, scale(2 * MM)))
        sign = _sign_row(reviewer.strip(), format_date_cn(notice.review_date) or BLANK_DATE,
                         scale, width)
    else:
        closing.append(Paragraph(escape(opinion_label), styles.line))
        closing.append(_blank_lines(2, width, scale(BODY_SIZE) * 1.9))
        sign = _sign_row("", BLANK_DATE, scale, width)
    closing.append(Spacer(1, scale(3 * MM)))
    closing.append(sign)
    story.append(KeepTogether(closing))
    closing = [Spacer(1, scale(4 * MM))]
    issued = format_date_cn(notice.posted_date or notice.post_from) or BLANK_DATE
    closing.append(_issuer_block(issuer_lines(village, notice.issuer), issued, scale, width))
    closing.append(Spacer(1, scale(6 * MM)))
    closing.append(Paragraph(escape(f"监督电话：{notice.supervision_phone.strip()}"),
                             styles.line))
    closing.append(Paragraph(escape(QUESTIONS_LINE), styles.line))
    story.append(KeepTogether(closing))
    return story


# ------------------------------------------------------------------------------- entry points

def build_notice(
    path: str | Path | BinaryIO,
    *,
    village: str,
    notice: NoticeData,
    totals: Totals | None,
    reviewer: str,
    print_date: dt.date,
    internal: bool = False,
    a3: bool = False,
    correction_of: str | None = None,
) -> int:
    """Write one notice for the 公开栏 to ``path``; return the page count.

    ``totals`` (财务公开) adds the totals block; ``reviewer`` is the 监委会 reviewer's name
    (blank signature lines while the notice is not reviewed); ``correction_of`` is the
    original notice as correction_text() words it, for a 更正 notice. The public copy
    (``internal`` False) masks personal data; ``a3`` prints on A3 instead of A4.
    """
    return build_notices(path, village=village, notices=[(notice, totals, reviewer, correction_of)],
                         print_date=print_date, internal=internal, a3=a3,
                         _title=notice.title)


def build_notices(
    path: str | Path | BinaryIO,
    *,
    village: str,
    notices: list[tuple[NoticeData, Totals | None, str, str | None]],
    print_date: dt.date,
    internal: bool = False,
    a3: bool = False,
    _title: str | None = None,
) -> int:
    """Write several notices to one PDF (posting day), each from a new page; return the pages.

    Each entry is (notice, totals, reviewer, correction_of) as for build_notice. Page numbers
    count the whole file.
    """
    from reportlab.platypus import PageBreak

    register_fonts()
    scale = _Scale(A3_SCALE if a3 else 1.0)
    story: list = []
    for n, (notice, totals, reviewer, correction_of) in enumerate(notices):
        if n:
            story.append(PageBreak())
        story.extend(_notice_story(village=village, notice=notice, totals=totals,
                                   reviewer=reviewer or "", internal=internal, scale=scale,
                                   correction_of=correction_of))
    header = _title if _title is not None else BATCH_TITLE
    if not internal and _title is not None and notices:
        header = mask_text(header, _public_set(notices[0][0]))
    return build_pdf(path, story, title=header, village=village, print_date=print_date,
                     internal=internal, size=scale.page, subject=header)
