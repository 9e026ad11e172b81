"""整改台账 (A4 landscape): per source a line of counts and a table (序号 | 问题 | 措施 | 责任人 |
时限 | 进展 | 状态 | 销号日期); headers repeat on every page and rows never split."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_date, format_date_cn
from app.services.rectification.rect_types import ItemRow, SourceRow

SHORT_TITLE = "整改台账"
NO_ITEMS = "这个来源下还没有登记问题"
NO_SOURCES = "还没有登记整改问题"
STYLE = GridStyle(size=10.5, leading=14, pad_x=1.3 * MM, pad_y=1.4 * MM)
HEADER = ["序号", "问题", "措施", "责任人", "时限", "进展", "状态", "销号日期"]
ALIGNS = ["center", "left", "left", "center", "center", "left", "center", "center"]
# mm; 0 shares the rest: 问题, 措施, 进展. A date (2026-12-17) needs 22 mm at 10.5 pt.
WIDTHS_MM = [11, 0, 0, 18, 24, 0, 17, 24]
SHARES = {1: 0.3, 2: 0.36, 5: 0.34}


@dataclass(frozen=True)
class LedgerSection:
    source: SourceRow
    items: list[ItemRow]


def counts_line(source: SourceRow) -> str:
    return source.counts.line


def source_heading(source: SourceRow) -> str:
    parts = [source.kind, format_date_cn(source.raised_on)]
    parts += [p for p in (source.raised_by, source.doc_no) if p]
    return f"{source.title}（{'，'.join(parts)}）"


def item_cells(row: ItemRow) -> list[str]:
    measures = "\n".join(f"{n}. {m}" for n, m in enumerate(row.measures, 1)) if len(row.measures) > 1 \
        else "".join(row.measures)
    return [str(row.seq), row.problem, measures, row.owner, row.deadline_text, row.last_progress, row.state,
            format_date(row.closed_on)]


def _widths() -> list[float]:
    widths = [w * MM for w in WIDTHS_MM]
    rest = content_width(landscape=True, bound=True) - sum(widths)
    for column, share in SHARES.items():
        widths[column] = rest * share
    return widths


def build_rect_ledger(path: str | Path | BinaryIO, *, village: str, sections: list[LedgerSection],
                      print_date: dt.date, title: str = SHORT_TITLE) -> int:
    """Write the ledger of ``sections`` (one source, or all); return its page count."""
    from reportlab.platypus import Paragraph

    heading = paragraph_style("rect-heading", 13, HEADING_FONT, 19, spaceBefore=4 * MM, spaceAfter=1 * MM,
                              keepWithNext=1)
    line = paragraph_style("rect-count", 11, BODY_FONT, 16, spaceAfter=2 * MM, keepWithNext=1)
    story: list = [title_paragraph(f"{village}{title}")]
    if not sections:
        story.append(Paragraph(NO_SOURCES, line))
    for section in sections:
        story.append(Paragraph(escape(source_heading(section.source)), heading))
        story.append(Paragraph(escape(counts_line(section.source)), line))
        if section.items:
            story.append(GridTable(_widths(), HEADER, [item_cells(r) for r in section.items], aligns=ALIGNS,
                                   style=STYLE))
        else:
            story.append(Paragraph(NO_ITEMS, line))
    return build_pdf(path, story, title=title, village=village, print_date=print_date, landscape=True,
                     subject=f"{village}{title}", bound=True)
