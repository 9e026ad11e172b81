"""The year's list of meetings by type (A4 portrait), for the ledger and for inspections.

For each kind: a heading with the count, then a table 序号 | 日期 | 主题 | 应到 | 实到 whose
header repeats on every page; a kind with no meeting that year prints 本年度没有记录; then the
kind's gaps as 制度落实情况 lists them (缺：…), when there are any.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_date_cn

NONE_TEXT = "本年度没有记录"
HEADER = ["序号", "日期", "主题", "应到", "实到"]
ALIGNS = ["center", "center", "left", "center", "center"]
STYLE = GridStyle(size=10.5, leading=14.5, pad_x=1.4 * MM, pad_y=1.5 * MM)
HEADING_SIZE = 13

MeetingLine = tuple[dt.date, str, int, int]


def _widths() -> list[float]:
    widths = [13 * MM, 34 * MM, 0.0, 15 * MM, 15 * MM]
    widths[2] = content_width(bound=True) - sum(widths)
    return widths


def year_title(year: int) -> str:
    return f"{year}年度会议一览表"


def build_meetings_year(
    path: str | Path | BinaryIO,
    *,
    village: str,
    year: int,
    rows: list[tuple[str, list[MeetingLine]]],
    print_date: dt.date,
    gaps: dict[str, list[str]] | None = None,
) -> int:
    """Write the year's meetings, grouped by kind in the order given; return the page count.

    ``rows``: (kind, [(date, topic, 应到, 实到), …]); the meetings print in the order given.
    ``gaps``: kind -> the gap lines printed under it.
    """
    from reportlab.platypus import Paragraph

    heading = paragraph_style("year-heading", HEADING_SIZE, HEADING_FONT, HEADING_SIZE * 1.5,
                              spaceBefore=5 * MM, spaceAfter=2 * MM, keepWithNext=1)
    none = paragraph_style("year-none", 11, BODY_FONT, 16, leftIndent=22)
    title = year_title(year)
    story = [title_paragraph(f"{village}{title}")]
    for kind, meetings in rows:
        count = f"（共 {len(meetings)} 次）" if meetings else ""
        story.append(Paragraph(escape(f"{kind}{count}"), heading))
        if not meetings:
            story.append(Paragraph(NONE_TEXT, none))
        else:
            cells = [[str(i), format_date_cn(day), topic, str(expected), str(present)]
                     for i, (day, topic, expected, present) in enumerate(meetings, 1)]
            story.append(GridTable(_widths(), HEADER, cells, aligns=ALIGNS, style=STYLE))
        lines = (gaps or {}).get(kind)
        if lines:
            story.append(Paragraph(escape("缺：" + "；".join(lines)), none))
    return build_pdf(path, story, title=title, village=village, print_date=print_date,
                     subject=f"{village}{title}", bound=True)
