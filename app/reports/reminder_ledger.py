"""The year's 纪律提醒台账 (A4 landscape): every occurrence, then the derived reminders settled.

Table one lists every due date of the year (序号 | 类型 | 事由 | 对象 | 应办日期 | 状态 |
办理日期 | 方式 | 办理人 | 备注) in date order; table two, 由其他台账生成的提醒处理情况,
lists the reminders computed from the other tabs that were marked 已处理 or 忽略 (事项 |
方面 | 处理 | 理由 | 日期 | 处理人). Headers repeat on every page and rows never split;
an empty table prints a line saying so instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.fonts import BODY_FONT, HEADING_FONT, paragraph_style
from app.reports.grid_table import GridStyle, GridTable
from app.reports.meeting_record import title_paragraph
from app.reports.page import MM, build_pdf, content_width
from app.services.dates import format_date_cn
from app.services.reminder_types import Occurrence
from app.services.workbench_types import DispositionRow

SHORT_TITLE = "纪律提醒台账"
DERIVED_HEADING = "由其他台账生成的提醒处理情况"
NO_OCCURRENCES = "本年度没有应办的纪律提醒"
NO_DISPOSITIONS = "本年度没有标记为已处理或忽略的提醒"
HEADING_SIZE = 13
STYLE = GridStyle(size=10.5, leading=14, pad_x=1.3 * MM, pad_y=1.4 * MM)

HEADER = ["序号", "类型", "事由", "对象", "应办日期", "状态", "办理日期", "方式", "办理人", "备注"]
ALIGNS = ["center", "center", "left", "left", "center", "center", "center", "center", "center",
          "left"]
# Fixed widths in mm; 0 marks the columns that share the rest (事由, 对象, 备注).
WIDTHS_MM = [11, 26, 0, 0, 31, 15, 31, 12, 18, 0]
SHARES = {2: 0.34, 3: 0.26, 9: 0.4}

DERIVED_HEADER = ["序号", "事项", "方面", "处理", "理由", "日期", "处理人"]
DERIVED_ALIGNS = ["center", "left", "center", "center", "left", "center", "center"]
DERIVED_WIDTHS_MM = [11, 0, 22, 15, 0, 31, 22]
DERIVED_SHARES = {1: 0.5, 4: 0.5}


def ledger_title(year: int) -> str:
    return f"{year}年纪律提醒台账"


def _widths(fixed_mm: list[float], shares: dict[int, float]) -> list[float]:
    widths = [w * MM for w in fixed_mm]
    rest = content_width(landscape=True) - sum(widths)
    for column, share in shares.items():
        widths[column] = rest * share
    return widths


def occurrence_cells(index: int, occurrence: Occurrence) -> list[str]:
    done = occurrence.done
    return [
        str(index), occurrence.kind, occurrence.subject, occurrence.targets,
        format_date_cn(occurrence.due), occurrence.status,
        format_date_cn(done.done_on) if done else "", done.method if done else "",
        done.done_by if done else "", done.note if done else "",
    ]


def disposition_cells(index: int, row: DispositionRow) -> list[str]:
    return [str(index), row.title, row.area, row.status, row.reason,
            format_date_cn(row.decided_on), row.decided_by]


def build_reminder_ledger(
    path: str | Path | BinaryIO,
    *,
    village: str,
    year: int,
    occurrences: list[Occurrence],
    dispositions: list[DispositionRow],
    print_date: dt.date,
) -> int:
    """Write the year's 纪律提醒台账 to ``path``; return its page count.

    Occurrences print by due date (then kind and 事由), dispositions by the day decided.
    """
    from reportlab.platypus import CondPageBreak, Paragraph

    heading = paragraph_style("ledger-heading", HEADING_SIZE, HEADING_FONT, HEADING_SIZE * 1.5,
                              spaceBefore=5 * MM, spaceAfter=2 * MM, keepWithNext=1)
    none = paragraph_style("ledger-none", 11, BODY_FONT, 16, leftIndent=22)
    count = paragraph_style("ledger-count", 11, BODY_FONT, 16, spaceAfter=2 * MM)
    title = ledger_title(year)
    story: list = [title_paragraph(f"{village}{title}")]

    ordered = sorted(occurrences, key=lambda o: (o.due, o.kind, o.subject, o.reminder_id))
    if ordered:
        done = sum(1 for o in ordered if o.done is not None)
        story.append(Paragraph(escape(f"本年度应办 {len(ordered)} 次，已完成 {done} 次。"), count))
        rows = [occurrence_cells(i, o) for i, o in enumerate(ordered, 1)]
        story.append(GridTable(_widths(WIDTHS_MM, SHARES), HEADER, rows, aligns=ALIGNS,
                               style=STYLE))
    else:
        story.append(Paragraph(NO_OCCURRENCES, none))

    story.append(CondPageBreak(35 * MM))
    story.append(Paragraph(DERIVED_HEADING, heading))
    settled = sorted(dispositions, key=lambda d: (d.decided_on, d.key))
    if settled:
        rows = [disposition_cells(i, d) for i, d in enumerate(settled, 1)]
        story.append(GridTable(_widths(DERIVED_WIDTHS_MM, DERIVED_SHARES), DERIVED_HEADER, rows,
                               aligns=DERIVED_ALIGNS, style=STYLE))
    else:
        story.append(Paragraph(NO_DISPOSITIONS, none))
    return build_pdf(path, story, title=title, village=village, print_date=print_date,
                     landscape=True, subject=f"{village}{title}")
