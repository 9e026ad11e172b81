"""The printed notice for the 公开栏 (党务公开, 村务公开, 财务公开), A4 portrait or A3.

A notice reads from a step away: a heavy serif title (broken only between its parts: village,
period, kind), the 所属期 and 公开期 lines, the body in 宋体 with two-character indents, for
财务公开 the items in date order and the totals (figures and capitals), then the review
(by the body the settings name for the kind: 支委会 or 监委会) beside the issuing body and
date with the seal's place drawn over them, and the 监督电话.

A notice of up to 12 items fits one A4 page (25 on A3): the type is set a little smaller
until it does. Longer notices break between items, with the totals, the review and the seal
together on the last page. A notice has no running header and no print date; its pages are
numbered only when it has several, per notice in a batch.

The public copy masks personal data (DOMAIN.md §3): the body and the title go through
mask_text, the item table's text through mask_item_text; the 监督电话 and the numbers the
clerk marked public stay whole. The internal copy prints everything and says 内部留存.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.body_paragraph import body_paragraph
from app.reports.common.fonts import (
    BODY_FONT,
    HEADING_FONT,
    TITLE_FONT,
    face_for,
    paragraph_style,
    register_fonts,
)
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.linebreak import text_width, widest_run
from app.reports.common.page import MM, build_pdf, content_width, document_start
from app.reports.notices.notice_blocks import closing_block, issuer_block, review_column
from app.reports.notices.notice_parts import (
    BATCH_TITLE,
    BLANK_DATE,
    BODY_SIZE,
    CORRECTION_COLOR,
    CORRECTION_MARK,
    ITEM_HEADER,
    META_SIZE,
    ONE_PAGE_ITEMS,
    TABLE_SIZE,
    TITLE_SIZE,
    TOTALS_HEADER,
    _is_reviewed,
    _public_set,
    _Scale,
    body_paragraphs,
    capitals_text,
    issuer_lines,
    period_line,
    posting_line,
    yuan_text,
)
from app.reports.notices.notice_title import fit_title
from app.services.common.dates import format_date_cn
from app.services.notices.notice_masking import mask_item_text, mask_text
from app.services.notices.notice_review import DEFAULTS, REVIEW_BODIES, ReviewBody
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData, NoticeData, Totals

FITS = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.65)  # type sizes tried to keep a notice on one page


@dataclass(frozen=True)
class Issuers:
    """How the village profile names the issuing bodies."""

    party_org: str
    committee: str

    @classmethod
    def of_village(cls, village: str) -> Issuers:
        return cls(f"中共{village}支部委员会", f"{village}村民委员会")


# ------------------------------------------------------------------------------ the story

class _Styles:
    def __init__(self, scale: _Scale):
        from reportlab.lib.enums import TA_CENTER

        body = scale(BODY_SIZE)
        meta = scale(META_SIZE)
        self.title_size = scale(TITLE_SIZE)
        self.meta = paragraph_style("notice-meta", meta, BODY_FONT, meta * 1.55,
                                    alignment=TA_CENTER, keepWithNext=1)
        self.correction = paragraph_style("notice-correction", meta, BODY_FONT, meta * 1.55,
                                          alignment=TA_CENTER, keepWithNext=1,
                                          spaceAfter=scale(1 * MM))
        self.body = paragraph_style("notice-body", body, BODY_FONT, body * 1.6,
                                    firstLineIndent=2 * body)
        self.line = paragraph_style("notice-line", body, BODY_FONT, body * 1.6)
        self.caption = paragraph_style("notice-caption", body, HEADING_FONT, body * 1.5,
                                       spaceBefore=scale(2 * MM), spaceAfter=scale(1 * MM),
                                       keepWithNext=1)
        size = scale(TABLE_SIZE)
        self.grid = GridStyle(size=size, leading=size * 1.3, pad_x=scale(1.2 * MM),
                              pad_y=scale(1.1 * MM), header_fill=(0.88, 0.88, 0.88))

    def title(self, size: float):
        from reportlab.lib.enums import TA_CENTER

        return paragraph_style("notice-title", size, TITLE_FONT, size * 1.3, alignment=TA_CENTER,
                               spaceAfter=size * 0.35, keepWithNext=1)


def _dated(items: list[ItemData]) -> list[ItemData]:
    """Items in date order; undated ones last, in the order entered."""
    return sorted(items, key=lambda item: (item.date is None, item.date or dt.date.min))


def _item_rows(items: list[ItemData], public: set[str] | None) -> list[list[str]]:
    def text(value: str) -> str:
        value = value or ""
        return mask_item_text(value, public) if public is not None else value

    rows = []
    for n, item in enumerate(_dated(items), 1):
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


def _item_widths(rows: list[list[str]], style: GridStyle, width: float) -> list[float]:
    """Each column as wide as its widest text (heading lines included); 项目 takes the rest.

    When the page is too narrow for that, 备注 gives way first, then 项目, 资金来源 and 经手人,
    but never below their widest unbreakable run (a masked ID never splits)."""
    pad = 2 * style.pad_x + 1

    def widest(column: int) -> float:
        head = max(text_width(line, style.header_font, style.size)
                   for line in ITEM_HEADER[column].split("\n"))
        cells = [text_width(r[column], style.font, style.size) for r in rows]
        return max(cells + [head]) + pad

    def least(column: int) -> float:
        head = max(text_width(c, style.header_font, style.size) for c in ITEM_HEADER[column])
        head *= 5 if column == 2 else 2
        runs = [widest_run(r[column], style.font, style.size) for r in rows]
        return max(runs + [head]) + pad

    widths = [widest(c) for c in range(len(ITEM_HEADER))]
    widths[2] = max(widths[2], width * 0.3)
    over = sum(widths) - width
    for column in (7, 2, 5, 6):
        if over <= 0:
            break
        cut = min(over, widths[column] - least(column))
        if cut > 0:
            widths[column] -= cut
            over -= cut
    widths[2] = width - sum(widths[:2]) - sum(widths[3:])
    return widths


def _totals_rows(totals: Totals) -> list[list[str]]:
    return [[label, yuan_text(fen), capitals_text(fen)] for label, fen in (
        ("上期结余", totals.opening_fen), ("本期收入", totals.income_fen),
        ("本期支出", totals.expense_fen), ("本期结余", totals.closing_fen))]


@dataclass(frozen=True)
class _Job:
    notice: NoticeData
    totals: Totals | None
    reviewer: str
    correction_of: str | None
    review: ReviewBody


def _title(notice: NoticeData, village: str, masked, styles: _Styles, width: float):  # noqa: ANN001
    from reportlab.platypus import Paragraph

    text = masked(notice.title)
    # 【更正】 marks a correction whose title does not already say 更正 (once is enough).
    mark = CORRECTION_MARK if notice.corrects_id is not None and "更正" not in text else ""
    font = face_for(mark + text, TITLE_FONT)
    lines, size = fit_title(mark + text, [village, notice.period.label], width - 2, font,
                            styles.title_size)
    markup = "<br/>".join(escape(line) for line in lines)
    if mark:
        markup = f'<font color="{CORRECTION_COLOR}">{mark}</font>' + markup[len(mark):]
    style = styles.title(size)
    style.fontName = font
    return Paragraph(markup, style)


def _notice_story(*, village: str, job: _Job, issuers: Issuers, internal: bool, scale: _Scale) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    notice = job.notice
    styles = _Styles(scale)
    width = content_width(size=scale.page, notice=True)
    public = None if internal else _public_set(notice)

    def masked(text: str) -> str:
        return mask_text(text, public) if public is not None else text

    story: list = [document_start(), _title(notice, village, masked, styles, width)]
    if job.correction_of:
        story.append(Paragraph(escape(f"本公告更正 {masked(job.correction_of)}"), styles.correction))
    story.append(Paragraph(escape(period_line(notice)), styles.meta))
    story.append(Paragraph(escape(posting_line(notice)), styles.meta))
    story.append(Spacer(1, scale(4 * MM)))

    body = body_paragraphs(masked(notice.body))
    for paragraph in body:
        story.append(body_paragraph(escape(paragraph), styles.body))

    if notice.items:
        rows = _item_rows(notice.items, public)
        widths = _item_widths(rows, styles.grid, width)
        aligns = ["center", "center", "left", "right", "right", "center", "center", "left"]
        story.append(Paragraph("收支明细", styles.caption))
        story.append(GridTable(widths, ITEM_HEADER, rows, aligns=aligns, style=styles.grid))

    # Totals, review, issuer and seal, and the contact lines stay together on one page.
    closing: list = []
    if job.totals is not None:
        rows = _totals_rows(job.totals)
        grid = styles.grid
        label_w = text_width("上期结余", grid.header_font, grid.size) + 2 * grid.pad_x + 2
        amount_w = max([text_width(r[1], grid.font, grid.size) for r in rows]
                       + [text_width(TOTALS_HEADER[1], grid.header_font, grid.size)]) + 2 * grid.pad_x + 2
        closing += [Paragraph("收支合计", styles.caption),
                    GridTable([label_w, amount_w, width - label_w - amount_w], TOTALS_HEADER, rows,
                              aligns=["center", "right", "left"], style=grid)]
    closing.append(Spacer(1, scale(5 * MM)))
    reviewed = _is_reviewed(notice, job.reviewer)
    review = review_column(
        job.review.opinion_label, notice.review_opinion.strip() if reviewed else None,
        job.reviewer.strip() if reviewed else "",
        format_date_cn(notice.review_date) if reviewed else BLANK_DATE, width * 0.52, scale)
    issued = format_date_cn(notice.posted_date or notice.post_from) or BLANK_DATE
    lines = issuer_lines(notice.issuer, issuers.party_org, issuers.committee)
    closing.append(closing_block(review, issuer_block(lines, issued, width * 0.48, scale), width, scale))
    closing.append(Spacer(1, scale(3 * MM)))
    contact = f"监督电话：{notice.supervision_phone.strip()}" if notice.supervision_phone.strip() else ""
    if not any("如有疑问" in p for p in body):
        contact = "。".join(t for t in (contact, job.review.questions_line) if t) + "。"
    if contact:
        closing.append(body_paragraph(escape(contact), styles.line))
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
    issuers: Issuers | None = None,
    review: ReviewBody | None = None,
) -> int:
    """Write one notice for the 公开栏 to ``path``; return the page count.

    ``totals`` (财务公开) adds the totals block; ``reviewer`` is the reviewer's name (blank
    signature lines while the notice is not reviewed); ``correction_of`` is the original
    notice as correction_text() words it, for a 更正 notice. ``issuers`` names the issuing
    bodies as the village profile does; ``review`` is the body that reviews this kind (the
    default of the settings when not given). The public copy (``internal`` False) masks
    personal data; ``a3`` prints on A3 instead of A4.
    """
    return build_notices(path, village=village, notices=[(notice, totals, reviewer, correction_of)],
                         print_date=print_date, internal=internal, a3=a3, issuers=issuers,
                         reviews={notice.category: review} if review else None, _title=notice.title)


def build_notices(
    path: str | Path | BinaryIO,
    *,
    village: str,
    notices: list[tuple[NoticeData, Totals | None, str, str | None]],
    print_date: dt.date,
    internal: bool = False,
    a3: bool = False,
    issuers: Issuers | None = None,
    reviews: dict[str, ReviewBody] | None = None,
    _title: str | None = None,
) -> int:
    """Write several notices to one PDF (posting day), each from a new page; return the pages.

    Each entry is (notice, totals, reviewer, correction_of) as for build_notice; ``reviews``
    maps a category to the body that reviews it. Each notice is numbered on its own.
    """
    from reportlab.platypus import PageBreak

    register_fonts()
    issuers = issuers or Issuers.of_village(village)
    reviews = reviews or {}
    base = _Scale(a3=a3)
    header = _title if _title is not None else BATCH_TITLE
    if not internal and _title is not None and notices:
        header = mask_text(header, _public_set(notices[0][0]))
    options = dict(title=header, village=village, print_date=print_date, internal=internal,
                   size=base.page, subject=header, notice=True)
    story: list = []
    for n, (notice, totals, reviewer, correction_of) in enumerate(notices):
        review = reviews.get(notice.category) or REVIEW_BODIES[DEFAULTS.get(notice.category, "监委会")]
        job = _Job(notice, totals, reviewer or "", correction_of, review)
        if n:
            story.append(PageBreak())
        story.extend(_fitted_story(village, job, issuers, internal, base, options))
    return build_pdf(path, story, **options)


def _fitted_story(village: str, job: _Job, issuers: Issuers, internal: bool, base: _Scale,
                  options: dict) -> list:
    """The notice's story at the largest type that keeps a short notice on one page."""
    def story(fit: float) -> list:
        return _notice_story(village=village, job=job, issuers=issuers, internal=internal,
                             scale=base.fitted(fit))

    if len(job.notice.items) > ONE_PAGE_ITEMS[base.a3]:
        return story(FITS[0])
    for fit in FITS:
        if build_pdf(io.BytesIO(), story(fit), **options) == 1:
            return story(fit)
    return story(FITS[-1])
