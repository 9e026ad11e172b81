"""The printed 会议记录 (A4 portrait): the familiar ruled grid, then the two signatures.

Rows: 会议类型 | 主题; 时间 | 地点; 主持人 | 记录人; 应到人数 | 实到人数 | 请假/缺席人数;
缺席人员及原因; 列席人员; 议程; 主要内容 (the minutes, paragraphs indented two characters);
决议 with the vote; 主持人签字 and 记录人签字, each with a date. The long rows are text rows
of a FormGrid, so the minutes continue line by line on the next pages (label 主要内容（续）)
and nothing is lost; the signature rows always stay with the end of 决议.

The small text helpers here (kinds, time, vote, ratio) are shared with the other meeting
prints (签到表, 四议两公开记录).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from app.reports.common.form_grid import FormBuilder, Verbatim
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_date_cn
from app.services.meetings.meeting_types import ABSENT, LEAVE, AttendanceSummary, MeetingData

SHORT_TITLE = "会议记录"
NONE_TEXT = "无"
SIGNATURE_HEIGHT = 18 * MM  # room for a handwritten signature (at least 15 mm)
DATE_BLANK = Verbatim("　　　　年　　　月　　　日")
GENERIC_KIND = "其他"
TALK = "谈心谈话"
TALK_TITLE = "谈心谈话记录"


def kinds_text(kinds: list[str], joiner: str = "、") -> str:
    """支部委员会会议; 主题党日、支部党员大会 (one sitting that counts for both)."""
    return joiner.join(k for k in kinds if k)


def record_title(village: str, kinds: list[str], suffix: str = "记录", org: str = "") -> str:
    """红旗村支部委员会会议记录; 红旗村主题党日暨支部党员大会记录; 红旗村会议记录 for 其他.

    With the branch's name (``org``, as the profile names it) that name is the first line:
    中共红旗村支部委员会 / 主题党日暨支部党员大会记录."""
    named = [k for k in kinds if k and k != GENERIC_KIND]
    what = f"{kinds_text(named, '暨')}{suffix}" if named else f"会议{suffix}"
    return f"{org}\n{what}" if org else f"{village}{what}"


def time_text(meeting: MeetingData) -> str:
    """2026年11月5日 09:00—11:30 (the times only as far as they are known)."""
    text = format_date_cn(meeting.date)
    if meeting.start_time and meeting.end_time:
        return f"{text} {meeting.start_time}—{meeting.end_time}"
    if meeting.start_time:
        return f"{text} {meeting.start_time}"
    return text


def votes_text(meeting: MeetingData) -> str:
    """表决：赞成 N 票，反对 N 票，弃权 N 票; empty when no vote was recorded."""
    counts = (meeting.votes_for, meeting.votes_against, meeting.votes_abstain)
    if all(c is None for c in counts):
        return ""
    agree, against, abstain = (c or 0 for c in counts)
    return f"表决：赞成 {agree} 票，反对 {against} 票，弃权 {abstain} 票"


def ratio_text(summary: AttendanceSummary) -> str:
    """73.3% (实到 ÷ 应到, one decimal); — when nobody was expected."""
    ratio = summary.ratio
    return "—" if ratio is None else f"{ratio * 100:.1f}%"


def absentees_text(meeting: MeetingData) -> str:
    """请假：张三（外出务工）、王五 / 缺席：李四（原因未说明）, each on its own line; empty
    when everyone came."""
    leave, absent = [], []
    for person in meeting.attendance:
        reason = person.reason.strip()
        if person.status == LEAVE:
            leave.append(f"{person.name}（{reason}）" if reason else person.name)
        elif person.status == ABSENT:
            absent.append(f"{person.name}（{reason or '原因未说明'}）")
    lines = [f"请假：{'、'.join(leave)}"] if leave else []
    lines += [f"缺席：{'、'.join(absent)}"] if absent else []
    return "\n".join(lines)


def _talk_form(form: FormBuilder, meeting: MeetingData, host: str) -> None:
    """谈心谈话 on its own form: the two people, when and where, what was said, two signatures."""
    others = [p.name for p in meeting.attendance if p.name != host] or [""]
    form.fields(("谈话人", host), ("谈话对象", "、".join(others)))
    form.fields(("时间", time_text(meeting)), ("地点", meeting.place))
    form.text("谈话主题", meeting.topic)
    form.text("主要内容", meeting.minutes, indent=True, min_lines=14)
    form.fields(("谈话人签字", ""), ("日期", DATE_BLANK), min_height=SIGNATURE_HEIGHT,
                keep_with_next=True)
    form.fields(("谈话对象签字", ""), ("日期", DATE_BLANK), min_height=SIGNATURE_HEIGHT)


def build_meeting_record(
    path: str | Path | BinaryIO,
    *,
    village: str,
    meeting: MeetingData,
    host: str,
    recorder: str,
    summary: AttendanceSummary,
    print_date: dt.date,
    org: str = "",
) -> int:
    """Write the 会议记录 of one meeting to ``path``; return its page count. ``org`` is the
    branch's name from the village profile (the title's first line)."""
    title = record_title(village, meeting.kinds, org=org)
    continued = f"（续）{title.replace(chr(10), '')}　{time_text(meeting)}　{meeting.topic}"
    form = FormBuilder(content_width(bound=True), continued=continued)
    if meeting.kinds == [TALK]:
        _talk_form(form, meeting, host)
        return build_pdf(path, [title_paragraph(title), form.build()], title=TALK_TITLE,
                         village=village, print_date=print_date, subject=title.replace("\n", ""),
                         bound=True)
    form.fields(("会议类型", kinds_text(meeting.kinds)), ("主题", meeting.topic))
    form.fields(("时间", time_text(meeting)), ("地点", meeting.place))
    form.fields(("主持人", host), ("记录人", recorder))
    form.fields(("应到人数", f"{summary.expected} 人"), ("实到人数", f"{summary.present} 人"),
                ("请假/缺席\n人数", f"请假 {summary.on_leave} 人，缺席 {summary.absent} 人"),
                weights=(1, 1, 2))
    form.text("缺席人员及原因", absentees_text(meeting) or NONE_TEXT)
    form.text("列席人员", meeting.observers.strip() or NONE_TEXT)
    form.text("议程", meeting.agenda, min_lines=2)
    # An empty record (printed to be filled in by hand) keeps room for the minutes.
    form.text("主要内容", meeting.minutes, indent=True, min_lines=6 if meeting.minutes.strip() else 12)
    resolution = "\n".join(t for t in (meeting.resolution.strip(), votes_text(meeting)) if t)
    form.text("决议", resolution, min_lines=2, keep_with_next=True)
    form.fields(("主持人签字", ""), ("日期", DATE_BLANK), min_height=SIGNATURE_HEIGHT,
                keep_with_next=True)
    form.fields(("记录人签字", ""), ("日期", DATE_BLANK), min_height=SIGNATURE_HEIGHT)

    story = [title_paragraph(title), form.build()]
    return build_pdf(path, story, title=SHORT_TITLE, village=village, print_date=print_date,
                     subject=title.replace("\n", ""), bound=True)
