"""The 签到表 printed before a meeting: the expected names, room to sign, blank 列席 rows.

A4 portrait: the title, the meeting's 会议 / 类型 / 时间 / 地点 lines, 应到 N 人, then a
table 序号 | 姓名 | 签到 | 备注 whose rows are at least ROW_HEIGHT tall for a handwritten
signature and whose header repeats on every page. 预备党员 (who attend but do not vote)
carry （预备） after the name; a known leave is noted in 备注. A second small table of
blank rows follows for 列席 people to sign in.
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
ROW_HEIGHT = 13 * MM  # room for a handwritten signature (at least 12 mm)
OBSERVER_ROWS = 5
PROBATIONARY_MARK = "（预备）"
HEADER = ["序号", "姓名", "签到", "备注"]
OBSERVER_HEADER = ["序号", "单位或身份", "签到", "备注"]
STYLE = GridStyle(size=BODY_SIZE, leading=17, pad_x=1.5 * MM, pad_y=1.8 * MM)


def _widths() -> list[float]:
    total = content_width()
    fixed = [14 * MM, 40 * MM, 0.0, 36 * MM]
    fixed[2] = total - sum(fixed)  # the signature column takes the rest (about 80 mm)
    return fixed


def person_cells(index: int, person: AttendanceData) -> list[str]:
    name = person.name.strip() + ("" if person.voting else PROBATIONARY_MARK)
    note = ""
    if person.status == LEAVE:
        note = f"请假：{person.reason.strip()}" if person.reason.strip() else "请假"
    return [str(index), name, "", note]


def _tall_table(header: list[str], rows: list[list[str]]):
    table = GridTable(_widths(), header, rows, aligns=["center", "center", "left", "left"],
                      style=STYLE)
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
) -> int:
    """Write the 签到表 of one meeting to ``path``; return its page count."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    info = paragraph_style("sign-in-info", BODY_SIZE, BODY_FONT, BODY_SIZE * 1.6)
    heading = paragraph_style("sign-in-heading", BODY_SIZE + 1, HEADING_FONT, BODY_SIZE * 1.8,
                              spaceBefore=5 * MM, spaceAfter=2 * MM, keepWithNext=1)
    probationary = sum(1 for p in expected if not p.voting)
    count = f"应到 {len(expected)} 人" + (f"（其中预备党员 {probationary} 人）" if probationary else "")
    lines = [
        ("会　　议", meeting.topic),
        ("会议类型", kinds_text(meeting.kinds)),
        ("时　　间", time_text(meeting)),
        ("地　　点", meeting.place),
    ]
    title = record_title(village, meeting.kinds, SHORT_TITLE)
    story = [title_paragraph(title)]
    story += [Paragraph(escape(f"{label}：{value}"), info) for label, value in lines]
    story += [Paragraph(escape(f"{count}　　实到＿＿＿＿人"), info), Spacer(1, 3 * MM)]
    story.append(_tall_table(HEADER, [person_cells(i, p) for i, p in enumerate(expected, 1)]))
    blanks = [[str(i), "", "", ""] for i in range(1, OBSERVER_ROWS + 1)]
    story.append(KeepTogether([Paragraph("列席人员签到", heading),
                               _tall_table(OBSERVER_HEADER, blanks)]))
    return build_pdf(path, story, title=SHORT_TITLE, village=village, print_date=print_date,
                     subject=title)
