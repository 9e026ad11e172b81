"""The year's 纪律提醒台账 (A4 landscape): every occurrence, then the derived reminders settled.

Table one lists every due date of the year (序号 | 类型 | 事由 | 对象 | 应办日期 | 状态 |
办理日期 | 方式 | 办理人 | 备注) in date order, 逾期完成 when done after the due date; table
two, 由其他台账生成的提醒处理情况, lists the reminders computed from the other tabs that were
marked 已处理 or 忽略 (事项 | 方面 | 处理 | 理由 | 日期 | 处理人). Headers repeat on every page
and rows never split; an empty table prints a line saying so instead, kept with its heading.
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
from app.services.reminders.reminder_types import DONE, Occurrence
from app.services.common.due_rule import counts
from app.services.workbench.workbench_types import DispositionRow

SHORT_TITLE = "纪律提醒台账"
DERIVED_HEADING = "由其他台账生成的提醒处理情况"
NO_OCCURRENCES = "本年度没有应办的纪律提醒"
NO_DISPOSITIONS = "本年度没有标记为已处理或忽略的提醒"
HEADING_SIZE = 13
STYLE = GridStyle(size=10.5, leading=14, pad_x=1.3 * MM, pad_y=1.4 * MM)

HEADER = ["序号", "类型", "事由", "对象", "应办日期", "状态", "办理日期", "方式", "办理人", "备注"]
ALIGNS = ["center", "center", "left", "left", "center", "center", "center", "center", "center",
          "left"]
DONE_LATE = "逾期完成"
# Fixed widths in mm; 0 marks the columns that share the rest (事由, 对象, 备注). At 10.5 pt
# a date (2026年11月27日) needs 29.6 mm with the padding, 逾期完成 17.4 mm, the longest kind
# (婚丧喜庆事项报告) 32.2 mm; 事由 gets the most of the rest (12 characters a line).
WIDTHS_MM = [11, 33, 0, 0, 30, 18, 30, 12, 18, 0]
SHARES = {2: 0.42, 3: 0.24, 9: 0.34}

DERIVED_HEADER = ["序号", "事项", "方面", "处理", "理由", "日期", "处理人"]
DERIVED_ALIGNS = ["center", "left", "center", "center", "left", "center", "center"]
DERIVED_WIDTHS_MM = [11, 0, 22, 15, 0, 31, 22]
DERIVED_SHARES = {1: 0.5, 4: 0.5}


def ledger_title(year: int) -> str:
    return f"{year}年纪律提醒台账"


def _widths(fixed_mm: list[float], shares: dict[int, float]) -> list[float]:
    widths = [w * MM for w in fixed_mm]
    rest = content_width(landscape=True, bound=True) - sum(widths)
    for column, share in shares.items():
        widths[column] = rest * share
    return widths


def status_text(occurrence: Occurrence) -> str:
    """待办 / 已逾期 / 已完成, or 逾期完成 when the done record is dated after the due date."""
    done = occurrence.done
    if done is not None and done.done_on > occurrence.due:
        return DONE_LATE
    return DONE if done is not None else occurrence.status


def occurrence_cells(index: int, occurrence: Occurrence) -> list[str]:
    done = occurrence.done
    return [
        str(index), occurrence.kind, occurrence.subject, occurrence.targets,
        format_date_cn(occurrence.due), status_text(occurrence),
        format_date_cn(done.done_on) if done else "", done.method if done else "",
        done.done_by if done else "", done.note if done else "",
    ]


def disposition_cells(index: int, row: DispositionRow) -> list[str]:
    return [str(index), row.title, row.area, row.status, row.reason,
            format_date_cn(row.decided_on), row.decided_by]


def count_line(occurrences: list[Occurrence], print_date: dt.date) -> str:
    """The line above table one, by the 工作台账汇总's rule (workbench_figures.counts): an
    occurrence is due once its due date is before the print date, or as soon as it is done.
    While some are not yet due: 本年度共 21 次，截至2026年11月27日应办 19 次，已完成 16 次。"""
    due = sum(1 for o in occurrences if counts(o.due, print_date, o.status == DONE))
    done = sum(1 for o in occurrences if o.status == DONE)
    if due == len(occurrences):
        return f"本年度应办 {due} 次，已完成 {done} 次。"
    return (f"本年度共 {len(occurrences)} 次，截至{format_date_cn(print_date)}应办 {due} 次，"
            f"已完成 {done} 次。")


KEEP_ROWS = 2  # rows of table one that go over with the empty second part, rather than it alone


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
    When nothing was settled, the heading of part two and its one line never fill a page of
    their own: if they would, the last rows of table one go over with them.
    """
    import io

    title = ledger_title(year)
    options = dict(title=title, village=village, print_date=print_date, landscape=True,
                   subject=f"{village}{title}", bound=True)
    ordered = sorted(occurrences, key=lambda o: (o.due, o.kind, o.subject, o.reminder_id))
    settled = sorted(dispositions, key=lambda d: (d.decided_on, d.key))
    keep = 0
    if ordered and not settled:
        # Trials in memory: does part two add a page holding nothing else?
        alone = build_pdf(io.BytesIO(), _story(village, year, ordered, settled, 0, print_date), **options)
        without = build_pdf(io.BytesIO(), _story(village, year, ordered, None, 0, print_date), **options)
        if alone > without:
            keep = min(KEEP_ROWS, len(ordered) - 1)
    return build_pdf(path, _story(village, year, ordered, settled, keep, print_date), **options)


def _story(village: str, year: int, ordered: list[Occurrence],
           settled: list[DispositionRow] | None, keep: int, print_date: dt.date) -> list:
    """The ledger's flowables; ``settled`` None leaves part two out (a trial); the last
    ``keep`` rows of table one are kept on one page with an empty part two."""
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph

    heading = paragraph_style("ledger-heading", HEADING_SIZE, HEADING_FONT, HEADING_SIZE * 1.5,
                              spaceBefore=5 * MM, spaceAfter=2 * MM)
    none = paragraph_style("ledger-none", 11, BODY_FONT, 16, leftIndent=22)
    count = paragraph_style("ledger-count", 11, BODY_FONT, 16, spaceAfter=2 * MM)
    story: list = [title_paragraph(f"{village}{ledger_title(year)}")]

    tail: list = []
    if ordered:
        story.append(Paragraph(escape(count_line(ordered, print_date)), count))
        rows = [occurrence_cells(i, o) for i, o in enumerate(ordered, 1)]
        widths = _widths(WIDTHS_MM, SHARES)
        split = len(rows) - keep
        story.append(GridTable(widths, HEADER, rows[:split], aligns=ALIGNS, style=STYLE))
        if keep:  # on the next page, under the repeated header, like any continued table
            tail.append(GridTable(widths, HEADER, rows[split:], aligns=ALIGNS, style=STYLE))
    else:
        story.append(Paragraph(NO_OCCURRENCES, none))
    if settled is None:
        return story

    if settled:
        rows = [disposition_cells(i, d) for i, d in enumerate(settled, 1)]
        table = GridTable(_widths(DERIVED_WIDTHS_MM, DERIVED_SHARES), DERIVED_HEADER, rows,
                          aligns=DERIVED_ALIGNS, style=STYLE)
        # The heading goes to the next page unless the table's header and a row fit under it.
        first_row = table.row_heights[0] if table.row_heights else 0
        story.append(CondPageBreak(HEADING_SIZE * 1.5 + 7 * MM + table.header_height
                                   + first_row))
        story += [Paragraph(DERIVED_HEADING, heading), table]
    else:  # the heading and its one line stay together (with ``keep`` rows of table one)
        story.append(KeepTogether(tail + [Paragraph(DERIVED_HEADING, heading),
                                          Paragraph(NO_DISPOSITIONS, none)]))
    return story
