"""The 学习制度: 集中学习 sessions, 个人自学 entries, and each member's 学时 against the year's
requirement.

A 集中学习 is a meeting of the kind 集中学习 (meeting_kinds.Kind.STUDY): the meeting record
already holds its date, 主讲人 (the host), attendance from the 两委 and attachments. This module
adds what only a study session has: its 学时 and the texts studied (team_study_session). A member
earns a session's 学时 when marked 出席. A session with no 学时 entered counts its length from
the start and end times, in half hours, else DEFAULT_SESSION_HOURS.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone, meta_value, set_meta_value
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import PRESENT
from app.services.safety.actor import Permission, require
from app.services.team_rules.team_people import team_on
from app.services.team_rules.team_types import (
    MONTH,
    QUARTER,
    SelfStudyRow,
    SessionRow,
    StudyRequirement,
    StudyTotal,
    When,
)
from db.models import Attendance, Meeting, MeetingKind, Person, TeamSelfStudy, TeamStudySession
from db.session import Database

META_KEY = "team_study_requirement"
DEFAULT_SESSION_HOURS = 1.0
MAX_HOURS = 24.0  # one entry or one session: more is a typing slip
_GONE = "这条自学记录已不存在（可能已被删除）：请刷新列表"


def tenths(hours: float, field: str = "hours") -> int:
    """学时 as stored (tenths); half-hours and tenths are kept exactly."""
    if not isinstance(hours, int | float) or isinstance(hours, bool) or not 0 < hours <= MAX_HOURS:
        raise UserError(f"学时应在 0.1 到 {MAX_HOURS:g} 之间，例如 1.5", field)
    return round(hours * 10)


def _times_hours(start: str, end: str) -> float | None:
    try:
        h1, m1 = (int(x) for x in start.split(":"))
        h2, m2 = (int(x) for x in end.split(":"))
    except ValueError:
        return None
    minutes = (h2 * 60 + m2) - (h1 * 60 + m1)
    return (minutes // 30) / 2 if minutes >= 30 else None


class StudyService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    # ----- the requirement -------------------------------------------------------------------
    def requirement(self) -> StudyRequirement:
        with self.db.read() as s:
            text = meta_value(s, META_KEY)
        try:
            raw = json.loads(text) if text else {}
            return StudyRequirement(float(raw.get("hours", 32)), int(raw.get("sessions", 1)),
                                    raw.get("per", MONTH) if raw.get("per") in (MONTH, QUARTER) else MONTH)
        except (ValueError, TypeError, AttributeError):
            return StudyRequirement()  # edited behind the program's back: the defaults

    def save_requirement(self, req: StudyRequirement) -> None:
        require(self.db, Permission.SETTINGS)
        verdict = Verdict()
        if not 1 <= req.hours <= 500:
            verdict.problem("hours", "每人每年学时应在 1 到 500 之间")
        if not 1 <= req.sessions <= 10:
            verdict.problem("sessions", "集中学习次数应在 1 到 10 之间")
        if req.per not in (MONTH, QUARTER):
            verdict.problem("per", "集中学习按月或按季度计算")
        verdict.settle(True)
        text = json.dumps({"hours": req.hours, "sessions": req.sessions, "per": req.per})
        with self.db.write() as s:
            set_meta_value(s, META_KEY, text)

    # ----- 集中学习 ------------------------------------------------------------------------------
    def set_session(self, meeting_id: int, hours: float | None, materials: str = "") -> None:
        """The 学时 (None: from the meeting's times) and texts of a 集中学习 meeting."""
        require(self.db, Permission.EDIT)
        stored = None if hours is None else tenths(hours)
        with self.db.write() as s:
            kinds = set(s.scalars(select(MeetingKind.kind).where(MeetingKind.meeting_id == meeting_id)))
            if Kind.STUDY.value not in kinds:
                raise UserError("只有“集中学习”类型的会议才能登记学时：请先在会议记录中把类型设为集中学习")
            meeting = s.get(Meeting, meeting_id)
            hours = stored if stored is not None else round(10 * _default_hours(meeting))
            row = s.scalar(select(TeamStudySession).where(TeamStudySession.meeting_id == meeting_id))
            if row is None:
                row = TeamStudySession(meeting_id=meeting_id, hours_tenths=hours)
                s.add(row)
            row.hours_tenths, row.materials = hours, materials.strip()

    def sessions(self, year: int) -> list[SessionRow]:
        """The year's 集中学习 held up to today, oldest first."""
        last = min(dt.date(year, 12, 31), self.clock.today())
        with self.db.read() as s:
            return _sessions(s, dt.date(year, 1, 1), last)

    # ----- 个人自学 ------------------------------------------------------------------------------
    def add_self_study(self, person_id: int, day: dt.date, content: str, hours: float) -> int:
        require(self.db, Permission.EDIT)
        verdict = Verdict()
        content = content.strip()
        if not content:
            verdict.problem("content", "请填写学习内容，例如 《中国共产党纪律处分条例》第一章")
        if day > self.clock.today():
            verdict.problem("date", "自学日期不能晚于今天")
        try:
            stored = tenths(hours)
        except UserError as exc:
            verdict.problem("hours", exc.message)
        with self.db.write() as s:
            if s.get(Person, person_id) is None:
                verdict.problem("person_id", "学习人已不在花名册中：请重新选择")
            verdict.settle(True)
            row = TeamSelfStudy(person_id=person_id, date=day, content=content, hours_tenths=stored)
            s.add(row)
            s.flush()
            return row.id

    def delete_self_study(self, entry_id: int) -> None:
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            s.delete(load_or_gone(s, TeamSelfStudy, entry_id, _GONE))

    def self_study(self, year: int) -> list[SelfStudyRow]:
        query = (select(TeamSelfStudy.id, TeamSelfStudy.person_id, Person.name, TeamSelfStudy.date,
                        TeamSelfStudy.content, TeamSelfStudy.hours_tenths)
                 .join(Person, Person.id == TeamSelfStudy.person_id)
                 .where(TeamSelfStudy.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
                 .order_by(TeamSelfStudy.date, TeamSelfStudy.id))
        with self.db.read() as s:
            return [SelfStudyRow(i, p, n, d, c, h / 10) for i, p, n, d, c, h in s.execute(query)]

    # ----- totals and gaps -----------------------------------------------------------------------
    def totals(self, year: int) -> list[StudyTotal]:
        """Each 两委 member of the year (official order): 集中学习 and 自学 学时 against the requirement."""
        required = self.requirement().hours
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), self.clock.today())
        with self.db.read() as s:
            team = team_on(s, first, dt.date(year, 12, 31))
            group: dict[int, float] = {}
            for row in _sessions(s, first, last):
                for person_id in row_present_ids(s, row.meeting_id):
                    group[person_id] = group.get(person_id, 0.0) + row.hours
            own = dict(s.execute(select(TeamSelfStudy.person_id, func.sum(TeamSelfStudy.hours_tenths))
                                 .where(TeamSelfStudy.date.between(first, last))
                                 .group_by(TeamSelfStudy.person_id)).all())
        return [StudyTotal(m.person_id, m.name, round(group.get(m.person_id, 0.0), 1),
                           (own.get(m.person_id) or 0) / 10, required) for m in team]

    def records_begin(self) -> dt.date | None:
        """The first 集中学习 or 自学 recorded: the study ledger begins there, and no period that
        ended before it is a gap (as common/due_rule.records_begin does for meetings)."""
        with self.db.read() as s:
            met = s.scalar(select(func.min(Meeting.date)).join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
                           .where(MeetingKind.kind == Kind.STUDY.value))
            own = s.scalar(select(func.min(TeamSelfStudy.date)))
        found = [d for d in (met, own) if d is not None]
        return min(found) if found else None

    def session_periods(self, year: int) -> list[tuple[When, int, int]]:
        """(period, held, required) of 集中学习 for each month or quarter of ``year``."""
        req = self.requirement()
        held = [row.date for row in self.sessions(year)]
        whens = [When(req.per, n) for n in range(1, 13 if req.per == MONTH else 5)]
        result = []
        for when in whens:
            start, end = when.bounds(year)
            result.append((when, sum(1 for d in held if start <= d <= end), req.sessions))
        return result


def row_present_ids(s: Session, meeting_id: int) -> list[int]:
    return list(s.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id,
                                                             Attendance.status == PRESENT)))


def _default_hours(meeting: Meeting) -> float:
    return _times_hours(meeting.start_time, meeting.end_time) or DEFAULT_SESSION_HOURS


def _sessions(s: Session, first: dt.date, last: dt.date) -> list[SessionRow]:
    query = (select(Meeting).join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
             .where(MeetingKind.kind == Kind.STUDY.value, Meeting.date.between(first, last))
             .order_by(Meeting.date, Meeting.id))
    meetings = list(s.scalars(query))
    ids = [m.id for m in meetings]
    info = {r.meeting_id: r for r in s.scalars(select(TeamStudySession).where(TeamStudySession.meeting_id.in_(ids)))}
    names = dict(s.execute(select(Person.id, Person.name)).all())
    rows = []
    for m in meetings:
        extra = info.get(m.id)
        hours = extra.hours_tenths / 10 if extra else _default_hours(m)
        present = tuple(names.get(a.person_id, "") for a in m.attendance if a.status == PRESENT)
        absent = tuple(f"{names.get(a.person_id, '')}（{a.status}{'：' + a.reason if a.reason else ''}）"
                       for a in m.attendance if a.status != PRESENT)
        rows.append(SessionRow(m.id, m.date, m.topic, names.get(m.host_id, ""), extra.materials if extra else "",
                               hours, present, absent))
    return rows
