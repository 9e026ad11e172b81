"""回执: one page the township prints for the village's file when it takes (or retakes) a package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, TITLE_FONT, paragraph_style
from app.reports.common.grid_table import GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.services.common.dates import format_date_cn

TITLE = "上报数据包接收回执"


def build_receipt(path: str | Path, *, town: str, village: str, code: str, sequence: int, created: str,
                  period: str, counts: list[tuple[str, int]], fingerprint: str, received: dt.datetime,
                  result: str) -> int:
    from reportlab.platypus import Paragraph, Spacer

    title = paragraph_style("receipt-title", 20, TITLE_FONT, 28, alignment=1)
    body = paragraph_style("receipt-body", 12, BODY_FONT, 20)
    lines = [
        f"村（社区）：{village}（统计用区划代码 {code}）",
        f"数据包：第 {sequence} 号，{created} 导出",
        f"所含期间：{period}",
        f"密钥指纹：{fingerprint}",
        f"接收时间：{format_date_cn(received.date())} {received:%H:%M}",
        f"结果：{result}",
    ]
    story = [Paragraph(escape(f"{town}{TITLE}"), title), Spacer(1, 8 * MM)]
    story += [Paragraph(escape(line), body) for line in lines]
    story += [Spacer(1, 6 * MM)]
    width = content_width()
    story.append(GridTable([width * 0.7, width * 0.3], ["数据表", "记录数"],
                           [[name, str(n)] for name, n in counts], aligns=["left", "right"]))
    story += [Spacer(1, 12 * MM), Paragraph(escape(f"接收人（签字）：______________    {town}（盖章）"), body)]
    return build_pdf(path, story, title=TITLE, village=town, print_date=received.date())
