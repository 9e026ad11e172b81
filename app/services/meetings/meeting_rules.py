"""The rules a meeting record must satisfy before it is saved, and the quorum rules (DOMAIN.md §2).

Nothing here touches the database: the service looks up who exists and passes it in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from app.services.common.dates import format_date_cn
from app.services.common.errors import Verdict
from app.services.meetings.meeting_kinds import MATTER_CONGRESS_QUORUM, Kind
from app.services.meetings.meeting_types import ABSENT, LEAVE, PRESENT, AttendanceData, AttendanceSummary, MeetingData

MAX_KINDS = 2
STATUSES = (PRESENT, LEAVE, ABSENT)
KIND_VALUES = frozenset(k.value for k in Kind)
# Longest text kept for the short fields (the column sizes of the meeting tables).
MAX_TEXT_CHARS = {"topic": ("会议主题", 200), "place": ("地点", 100), "party_group": ("党小组", 30)}
MAX_REASON_CHARS = 200
TEXT_KEYS = ("topic", "place", "party_group", "agenda", "minutes", "resolution", "observers", "note")
VOTE_LABELS = {"votes_for": "赞成", "votes_against": "反对", "votes_abstain": "弃权"}

# The kinds whose quorum is "more than half present", with the short name the messages use.
HALF_QUORUM = {Kind.BRANCH_COMMITTEE.value: "支委会", Kind.PARTY_CONGRESS.value: "党员大会"}

_TIME = re.compile(r"(\d{1,2}):(\d{2})")


def normalize_time(text: str) -> str | None:
    """"9:00" / "09：00" -> "09:00"; "" stays ""; None when it is not a time of day."""
    text = (text or "").strip().replace("：", ":")
    if not text:
        return ""
    match = _TIME.fullmatch(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def summarize(attendance: Iterable[AttendanceData]) -> AttendanceSummary:
    """应到 / 实到 and the rest, counted from an attendance list."""
    rows = list(attendance)
    present = [a for a in rows if a.status == PRESENT]
    return AttendanceSummary(
        expected=len(rows),
        present=len(present),
        on_leave=sum(1 for a in rows if a.status == LEAVE),
        absent=sum(1 for a in rows if a.status == ABSENT),
        voting_expected=sum(1 for a in rows if a.voting),
        voting_present=sum(1 for a in present if a.voting),
    )


def _short_of_half(summary: AttendanceSummary) -> bool:
    return summary.expected > 0 and summary.present * 2 <= summary.expected


def quorum_failures(kinds: Iterable[str], summary: AttendanceSummary) -> list[str]:
    """Short names of the kinds whose quorum (more than half present) was not met."""
    if not _short_of_half(summary):
        return []
    return [HALF_QUORUM[k] for k in dict.fromkeys(kinds) if k in HALF_QUORUM]


def quorum_problems(kinds: Iterable[str], summary: AttendanceSummary) -> list[str]:
    """Warnings for a sitting held without its quorum; it may still be recorded as it was."""
    return [
        f"{name}应到 {summary.expected} 人，实到 {summary.present} 人，未超过半数，会议无效："
        "请确认是否照实记录"
        for name in quorum_failures(kinds, summary)
    ]


def has_two_thirds(summary: AttendanceSummary) -> bool:
    """At least 2/3 present: what a 党员大会 reviewing a 四议两公开 matter needs."""
    num, den = MATTER_CONGRESS_QUORUM
    return summary.expected > 0 and summary.present * den >= summary.expected * num


def check_meeting(data: MeetingData, today: dt.date, names: dict[int, str]) -> Verdict:
    """Check and normalise ``data`` in place. ``names``: id -> name of the people that exist
    among those the record refers to (host, recorder, attendance)."""
    verdict = Verdict()
    for key in TEXT_KEYS:
        setattr(data, key, (getattr(data, key) or "").strip())
    _check_kinds(data, verdict)
    if not data.topic:
        verdict.problem("topic", "请填写会议主题")
    for key, (label, limit) in MAX_TEXT_CHARS.items():
        length = len(getattr(data, key))
        if length > limit:
            verdict.problem(key, f"{label}太长：最多{limit}个字，现在{length}个字")
    if data.date is None:
        verdict.problem("date", "请填写会议日期")
    elif data.date > today:
        verdict.problem("date", f"会议日期不能晚于今天（{format_date_cn(today)}）：请核对")
    _check_times(data, verdict)
    for key, label in (("host_id", "主持人"), ("recorder_id", "记录人")):
        person_id = getattr(data, key)
        if person_id is not None and person_id not in names:
            verdict.problem(key, f"{label}不在人员名单中（可能已被删除）：请重新选择")
    if Kind.PARTY_GROUP.value in data.kinds and not data.party_group:
        verdict.problem("party_group", "党小组会请选择是哪个党小组")
    _check_attendance(data, names, verdict)
    _check_votes(data, verdict)
    if not verdict.problems:
        verdict.warnings.extend(quorum_problems(data.kinds, summarize(data.attendance)))
    return verdict


def _check_kinds(data: MeetingData, verdict: Verdict) -> None:
    data.kinds = list(dict.fromkeys(k.strip() for k in data.kinds if k and k.strip()))
    if not data.kinds:
        verdict.problem("kinds", "请选择会议类型")
        return
    for kind in data.kinds:
        if kind not in KIND_VALUES:
            verdict.problem("kinds", f"不认识的会议类型“{kind}”：请从列表中选择")
    if len(data.kinds) > MAX_KINDS:
        verdict.problem("kinds", "一次会议最多记为两种类型（例如 主题党日 + 支部党员大会）：请去掉多余的类型")
    if Kind.HEART_TALK.value in data.kinds and len(data.kinds) > 1:
        verdict.problem("kinds", "谈心谈话不能与其他会议类型合在一起记录：请分开记录")


def _check_times(data: MeetingData, verdict: Verdict) -> None:
    times = {}
    for key, label in (("start_time", "开始时间"), ("end_time", "结束时间")):
        raw = getattr(data, key) or ""
        value = normalize_time(raw)
        if value is None:
            verdict.problem(key, f"{label}“{raw.strip()}”无法识别：请写成 时:分，例如 09:00")
        else:
            setattr(data, key, value)
            times[key] = value
    start, end = times.get("start_time"), times.get("end_time")
    if start and end and end <= start:
        verdict.problem("end_time", "结束时间应晚于开始时间：请核对")


def _check_attendance(data: MeetingData, names: dict[int, str], verdict: Verdict) -> None:
    seen: set[int] = set()
    for row in data.attendance:
        row.reason = (row.reason or "").strip()
        name = names.get(row.person_id)
        if name is None:
            verdict.problem("attendance", "出席名单中有人已不在人员名单中（可能已被删除）：请删去这一行")
            continue
        row.name = name
        if row.person_id in seen:
            verdict.problem("attendance", f"{name}在出席名单中出现了两次：请删去重复的一行")
        seen.add(row.person_id)
        if row.status not in STATUSES:
            verdict.problem("attendance", f"{name}的出席情况请选 出席、请假 或 缺席")
        elif row.status == LEAVE and not row.reason:
            verdict.problem("attendance", f"{name}请假，请填写请假原因")
        if len(row.reason) > MAX_REASON_CHARS:
            verdict.problem("attendance", f"{name}的请假原因太长：最多{MAX_REASON_CHARS}个字")
    if Kind.HEART_TALK.value in data.kinds:
        count = len(data.attendance)
        if count != 2:
            verdict.problem("attendance", f"谈心谈话应记录谈话双方两个人，现在是{count}人：请选择谈话双方")
        elif any(a.status != PRESENT for a in data.attendance):
            verdict.problem("attendance", "谈心谈话的双方都应为出席：请核对")


def _check_votes(data: MeetingData, verdict: Verdict) -> None:
    total = 0
    for key, label in VOTE_LABELS.items():
        value = getattr(data, key)
        if value is None:
            continue
        if value < 0:
            verdict.problem(key, f"{label}票数不能是负数：请核对")
        total += max(value, 0)
    if not data.attendance or total == 0:
        # Villagers' meetings often vote without the villagers being on the roster.
        return
    summary = summarize(data.attendance)
    if total > summary.voting_present:
        note = "（预备党员没有表决权）" if summary.voting_present < summary.present else ""
        verdict.problem(
            "votes",
            f"赞成、反对、弃权合计{total}票，超过了有表决权的实到人数{summary.voting_present}人"
            f"{note}：请核对票数",
        )
