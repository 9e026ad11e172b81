"""The printed 操作日志: one row per change, A4 landscape, internal copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from app.reports.common.fonts import TITLE_FONT, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width

HEADERS = ["序号", "时间", "操作人", "操作", "范围", "记录", "改动内容"]
# A log runs to thousands of rows: smaller type and tighter rows than a form (still ≥ 9 pt).
LOG_STYLE = GridStyle(size=9, leading=11.5, pad_y=0.8 * MM)


def build_audit_report(path: str | Path, *, rows: list, village: str, print_date: dt.date, title: str) -> int:
    from reportlab.platypus import Paragraph, Spacer

    fixed = [10 * MM, 27 * MM, 22 * MM, 11 * MM, 18 * MM, 42 * MM]
    widths = fixed + [content_width(landscape=True) - sum(fixed)]
    cells = [
        [str(i), row.at.strftime("%Y-%m-%d %H:%M"), row.actor, row.action, row.area, row.label, row.changes]
        for i, row in enumerate(rows, 1)
    ]
    heading = paragraph_style("audit-title", 22, TITLE_FONT, 30, alignment=1)
    story = [Paragraph(escape(title), heading), Spacer(1, 6 * MM)]
    if cells:
        story.append(GridTable(widths, HEADERS, cells, aligns=["center"] * 5 + ["left", "left"],
                                style=LOG_STYLE))
    else:
        story.append(Paragraph("（所选范围内没有操作记录）", paragraph_style("audit-empty", 12)))
    return build_pdf(path, story, title="操作日志", village=village, print_date=print_date,
                     landscape=True, internal=True)
