"""The 四议两公开记录 of one matter: its header, then the six steps in order.

A4 portrait. The header form holds 事项名称, 类别, 动议来源, 涉及金额 (figures, two decimals,
thousands separators) and 说明. Each step is a heading (一、村党组织提议 … 六、实施结果公开)
and a small ruled form: for the four deliberation steps the date, the meeting (types,
topic), 应到 / 实到 / 到会比例 (有表决权党员 at 审议, adults and households at a 村民会议), whether
the quorum was met, the vote against what it needed, the resolution and the step's outcome (a
通过 with no recorded vote says so);
for the two 公开 steps the date, where it was posted and the text posted. A step not yet
recorded prints 尚未进行 under its heading. Long texts continue over pages (FormGrid).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import HEADING_FONT, SIGNATURE_FONT, paragraph_style
from app.reports.common.form_grid import FormBuilder
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.reports.meetings.meeting_record import DATE_BLANK, kinds_text, ratio_text, votes_text
from app.services.common.dates import format_date_cn
from app.services.meetings.meeting_types import STEP_TITLES, AttendanceSummary, MatterData, MeetingData, StepData
from app.services.meetings.step_counts import StepCount

SHORT_TITLE = "四议两公开记录"
SIGN_OFF_HEADING = "七、签字与审核"
NOT_YET = "尚未进行"
NUMERALS = "一二三四五六"
PUBLIC_STEPS = (5, 6)
HEADING_SIZE = 14
NOTE_SIZE = 11
UNRECORDED = "未记录"

StepEntry = tuple[StepData, MeetingData | None, AttendanceSummary | None]


def amount_text(fen: int | None) -> str:
    """123,456.78 元 from 12345678 fen; empty when the matter has no amount."""
    if fen is None:
        return ""
    return f"{Decimal(fen) / 100:,.2f} 元"


def part_title(step: int) -> str:
    return f"{NUMERALS[step - 1]}、{STEP_TITLES[step]}"


def _header_form(matter: MatterData):
    form = FormBuilder(content_width(bound=True))
    form.fields(("事项名称", matter.name))
    form.fields(("事项类别", matter.category), ("动议来源", matter.source))
    form.fields(("涉及金额", amount_text(matter.amount_fen) or "无"))
    form.text("事项说明", matter.description, indent=True, min_lines=2)
    return form.build()


def outcome_text(step: StepData, counts: StepCount | None) -> str:
    """The step's result as recorded, and said plainly when a 通过 rests on no recorded vote."""
    outcome = step.outcome or UNRECORDED
    if counts is not None and counts.vote_needed and not counts.vote_recorded and "通过" in outcome \
            and not outcome.startswith("未通过"):
        return f"{outcome}（会议未记录表决票数，无法确认通过）"
    return outcome


def _deliberation_form(step: StepData, meeting: MeetingData | None,
                       summary: AttendanceSummary | None, counts: StepCount | None = None):
    form = FormBuilder(content_width(bound=True))
    kinds = kinds_text(meeting.kinds) if meeting is not None else "未关联会议记录"
    form.fields(("日期", format_date_cn(step.date)), ("会议类型", kinds))
    if meeting is not None:
        form.fields(("会议主题", meeting.topic))
    if counts is not None and counts.households is not None:
        ratio = "—" if not counts.expected else f"{counts.present * 100 / counts.expected:.1f}%"
        form.fields(("应到村民", f"{counts.expected} 人"), ("到会村民", f"{counts.present} 人"), ("到会比例", ratio))
        form.fields(("总户数", f"{counts.households[1]} 户"), ("到会户代表", f"{counts.households[0]} 户"))
    elif summary is not None:
        form.fields(("应到人数", f"{summary.expected} 人"), ("实到人数", f"{summary.present} 人"),
                    ("到会比例", ratio_text(summary)))
    if counts is not None and counts.voting_expected is not None:
        form.fields(("有表决权", f"党员应到 {counts.voting_expected} 人，实到 {counts.voting_present} 人"
                                     "（预备党员没有表决权）"))
    if counts is not None:
        form.text("法定人数", counts.quorum_text())
        form.text("表决情况", counts.vote_text())
    elif meeting is not None:
        form.fields(("表决情况", votes_text(meeting).removeprefix("表决：") or UNRECORDED))
    if meeting is not None and meeting.resolution.strip():
        form.text("会议决议", meeting.resolution)
    form.text("结果", outcome_text(step, counts))
    if step.note.strip():
        form.text("备注", step.note)
    return form.build()


def _public_form(step: StepData):
    form = FormBuilder(content_width(bound=True))
    form.fields(("公开日期", format_date_cn(step.date)), ("公开地点", step.place or UNRECORDED))
    form.text("公开内容", step.posted_text or UNRECORDED, indent=True, min_lines=2)
    if step.outcome.strip():
        form.text("结果", step.outcome)
    if step.note.strip():
        form.text("备注", step.note)
    return form.build()


def _sign_off_form():
    """Who kept the record signs it; the branch secretary signs it; the 监委会 reviews it."""
    form = FormBuilder(content_width(bound=True), label_width=30 * MM)
    row = 12 * MM  # room to sign, small enough that the block usually fits under part 六
    form.fields(("记录人签字", ""), ("日期", DATE_BLANK), min_height=row, keep_with_next=True)
    form.fields(("党组织书记签字", ""), ("日期", DATE_BLANK), min_height=row, keep_with_next=True)
    form.text("监委会审核意见", "", min_lines=2, keep_with_next=True)
    form.fields(("监委会主任签字", ""), ("日期", DATE_BLANK), min_height=row)
    return form.build()


def build_matter_book(
    path: str | Path | BinaryIO,
    *,
    village: str,
    matter: MatterData,
    steps: list[StepEntry],
    print_date: dt.date,
    counts: dict[int, StepCount] | None = None,
) -> int:
    """Write the 四议两公开记录 of one matter to ``path``; return its page count.

    ``steps`` holds the recorded steps with their meeting and attendance (None for the two
    公开 steps, or a step recorded without a meeting); a step missing from it prints 尚未进行.
    ``counts`` (by step number) are the judged counts of the deliberation steps: quorum and vote.
    """
    from reportlab.platypus import KeepTogether, Paragraph

    heading = paragraph_style("matter-heading", HEADING_SIZE, HEADING_FONT, HEADING_SIZE * 1.5,
                              spaceBefore=6 * MM, spaceAfter=2.5 * MM, keepWithNext=1)
    not_yet = paragraph_style("matter-not-yet", NOTE_SIZE, SIGNATURE_FONT, NOTE_SIZE * 1.6,
                              leftIndent=2 * NOTE_SIZE)
    recorded = {entry[0].step: entry for entry in steps}
    story = [title_paragraph(SHORT_TITLE), _header_form(matter)]
    for number in range(1, 7):
        part = [Paragraph(escape(part_title(number)), heading)]
        entry = recorded.get(number)
        if entry is None:
            part.append(Paragraph(NOT_YET, not_yet))
        elif number in PUBLIC_STEPS:
            part.append(_public_form(entry[0]))
        else:
            part.append(_deliberation_form(*entry, (counts or {}).get(number)))
        if number < 6:
            story += part
    # The sign-off goes over with the last part, so no page holds the signatures alone.
    story.append(KeepTogether([*part, Paragraph(SIGN_OFF_HEADING, heading), _sign_off_form()]))
    return build_pdf(path, story, title=SHORT_TITLE, village=village, print_date=print_date,
                     subject=f"{village}{SHORT_TITLE}：{matter.name}", bound=True)
