"""The 目录 of a 巡察资料 folder: every document by folder, with its page count (附件 for photos
and scans copied beside their PDFs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_date_cn

TITLE = "巡察资料目录"
HEADER = ["序号", "文件夹", "文件", "页数"]
STYLE = GridStyle(size=10.5, leading=14, pad_x=1.3 * MM, pad_y=1.2 * MM)


def index_rows(entries) -> list[list[str]]:  # noqa: ANN001 - DossierEntry list
    return [[str(n), e.folder, e.name, str(e.pages) if e.pages is not None else "附件"]
            for n, e in enumerate(entries, 1)]


def build_dossier_index(path: Path, *, village: str, first: dt.date, last: dt.date, entries, internal: bool,  # noqa: ANN001
                        print_date: dt.date) -> int:
    from reportlab.platypus import Paragraph

    body = paragraph_style("dossier-body", 11, BODY_FONT, 17, spaceAfter=2 * MM)
    pdfs = [e for e in entries if e.pages is not None]
    copy = "内部留存" if internal else "公开版（身份证号、电话已打码）"
    lines = [f"期间：{format_date_cn(first)}至{format_date_cn(last)}；{copy}。",
             f"共 {len(pdfs)} 份文件 {sum(e.pages for e in pdfs)} 页，附件 {len(entries) - len(pdfs)} 个。"]
    widths = [12 * MM, 0.0, 0.0, 16 * MM]
    rest = content_width() - sum(widths)
    widths[1], widths[2] = rest * 0.55, rest * 0.45
    story = [title_paragraph(f"{village}{TITLE}")] + [Paragraph(escape(line), body) for line in lines]
    story.append(GridTable(widths, HEADER, index_rows(entries), aligns=["center", "left", "left", "center"],
                           style=STYLE))
    return build_pdf(path, story, title=TITLE, village=village, print_date=print_date, internal=internal,
                     subject=f"{village}{TITLE}")
