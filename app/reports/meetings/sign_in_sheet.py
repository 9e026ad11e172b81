"""The 签到表 printed before a meeting: the expected names, room to sign, blank 列席 rows.

A4 portrait, bound: the title, the meeting's 会议 / 类型 and 时间 / 地点 lines, 应到 N 人,
then the names in two columns (序号 | 姓名 | 签到, twice; the left column filled first) so
that a branch of 33 signs on one page. Rows are ROW_HEIGHT tall for a handwritten signature
and the header repeats on every page. 预备党员 (who attend but do not vote) carry （预备）
after the name; a known leave is noted in the signature cell. The names come in the order
given (the print job sorts them by 姓氏笔画). A small table of blank rows follows for 列席
people to sign in.
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
from app.reports.meetings.meeting_record import kinds_text, record_title, time_text
from app.services.meetings.meeting_types import LEAVE, AttendanceData, MeetingData

SHORT_TITLE = "签到表"
BODY_SIZE = 12
ROW_HEIGHT = 10 * MM  # room for a handwritten signature in a 45 mm cell
OBSERVER_ROWS = 4
PROBATIONARY_MARK = "（预备）"
SIDE = ["序号", "姓名", "签到"]
HEADER = SIDE + SIDE
OBSERVER_HEADER = ["序号", "单位或身份", "签到", "序号", "单位或身份", "签到"]
STYLE = GridStyle(size=BODY_SIZE, leading=15, pad_x=1.2 * MM, pad_y=1.2 * MM)


def _widths() -> list[float]:
    half = content_width(bound=True) / 2
    side = [11 * MM, 34 * MM, 0.0]
    side[2] = half - sum(side)  # the signature takes the rest of each half
    return side + side


def person_cells(index: int, person: AttendanceData) -> list[str]:
    name = person.name.strip() + ("" if person.voting else PROBATIONARY_MARK)
    note = ""
    if person.status == LEAVE:
        note = f"请假：{person.reason.strip()}" if person.reason.strip() else "请假"
    return [str(index), name, note]


def two_columns(cells: list[list[str]]) -> list[list[str]]:
    """Rows of two people: the first half down the left, the rest down the right."""
    half = (len(cells) + 1) // 2
    blank = ["", "", ""]
    return [cells[i] + (cells[i + half] if i + half < len(cells) else blank) for i in range(half)]


def _tall_table(header: list[str], rows: list[list[str]]):
    aligns = ["center", "center", "left"] * 2
    table = GridTable(_widths(), header, rows, aligns=aligns, style=STYLE)
    # Every row gets room for a signature; GridTable centres its text in the taller row.
    table.row_heights[:] = [max(h, ROW_HEIGHT) for h in table.row_heights]
    return table


def build_sign_in_sheet(
    path: str | Path | BinaryIO,
    *,
    village: str,
    meeting: MeetingData,
    expected: list[AttendanceData],
    print_date: dt.date,
    org: str = "",
) -> int:
    """Write the 签到表 of one meeting to ``path``; return its page count. ``org`` is the
    branch's name from the village profile (the title's first line)."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    info = paragraph_style("sign-in-info", BODY_SIZE, BODY_FONT, BODY_SIZE * 1.6)
    heading = paragraph_style("sign-in-heading", BODY_SIZE + 1, HEADING_FONT, BODY_SIZE * 1.8,
                              spaceBefore=5 * MM, spaceAfter=2 * MM, keepWithNext=1)
    probationary = sum(1 for p in expected if not p.voting)
    count = f"应到 {len(expected)} 人" + (f"（其中预备党员 {probationary} 人）" if probationary else "")
    lines = [
        f"会议：{meeting.topic}",
        f"类型：{kinds_text(meeting.kinds)}　　时间：{time_text(meeting)}　　地点：{meeting.place}",
        f"{count}　　实到＿＿＿＿人",
    ]
    title = record_title(village, meeting.kinds, SHORT_TITLE, org=org)
    story = [title_paragraph(title, space_after=3 * MM)]
    story += [Paragraph(escape(line), info) for line in lines]
    story.append(Spacer(1, 2 * MM))
    people = [person_cells(i, p) for i, p in enumerate(expected, 1)]
    story.append(_tall_table(HEADER, two_columns(people)))
    blanks = two_columns([[str(i), "", ""] for i in range(1, OBSERVER_ROWS + 1)])
    story.append(KeepTogether([Paragraph("列席人员签到", heading),
                               _tall_table(OBSERVER_HEADER, blanks)]))
    return build_pdf(path, story, title=SHORT_TITLE, village=village, print_date=print_date,
                     subject=title.replace("\n", ""), bound=True)
