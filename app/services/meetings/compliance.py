"""What the rules require in a year against what was held (issue 5, DOMAIN.md §2).

RequirementStore holds the frequency table: meeting_kinds.DEFAULT_REQUIREMENTS unless the
settings saved an override (JSON in app_meta under META_KEY), so a township with stricter
rules can change it. ComplianceService counts one year's meetings with a few grouped
queries (never one per period) and marks each period 已完成 / 缺 / 未到期.

"Held" means recorded with a date on or before today: a record dated in the future is a
plan, not a meeting that took place.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.errors import UserError
from app.services.meetings.meeting_kinds import DEFAULT_REQUIREMENTS, Kind, Period, Requirement
from app.services.meetings.meeting_types import PRESENT
from app.services.members.pinyin_search import sort_key
from app.services.members.posts import POST_ORDER, Body
from app.services.safety.actor import Permission, require
from db.models import Attendance, Meeting, MeetingKind, Meta, Person, Post
from db.session import Database

META_KEY = "meeting_requirements"
MAX_TIMES = 31
QUARTER_NAMES = "一二三四"
# The verb a missing line uses; every other kind is 召开.
VERBS = {Kind.THEME_DAY: "开展", Kind.APPRAISAL: "开展", Kind.PARTY_LECTURE: "上", Kind.HEART_TALK: "开展"}
YEARLY = (Period.YEAR, Period.YEAR_PER_MEMBER)


class CellState(str, enum.Enum):
    DONE = "已完成"
    MISSING = "缺"  # the period (or its by_month deadline) is over without enough meetings
    NOT_DUE = "未到期"  # not satisfied yet, but there is still time


@dataclass(frozen=True)
class Span:
    """One period of the year: a month, a quarter or the whole year."""

    start: dt.date
    end: dt.date
    label: str  # 2026年3月 / 2026年第二季度 / 2026年


@dataclass(frozen=True)
class Cell:
    span: Span
    held: int
    required: int
    state: CellState
    deadline: dt.date  # after this day an unsatisfied period is 缺
    message: str = ""  # the plain-Chinese missing line, when state is 缺


@dataclass(frozen=True)
class ComplianceRow:
    """One line of the view: a kind over its periods, or one committee member's year."""

    requirement: Requirement
    label: str  # the kind, or the member's name for YEAR_PER_MEMBER
    cells: tuple[Cell, ...]
    person_id: int | None = None


@dataclass(frozen=True)
class YearCompliance:
    year: int
    today: dt.date
    requirements: tuple[Requirement, ...]
    rows: tuple[ComplianceRow, ...]
    missing: tuple[str, ...]  # every 缺 cell's message, in table order


# ----- the frequency table ---------------------------------------------------------------
def _checked(items: Iterable[object]) -> tuple[Requirement, ...]:
    """Requirements from Requirement objects or plain dicts; UserError lists every problem."""
    problems: list[str] = []
    result: list[Requirement] = []
    seen: set[Kind] = set()
    for n, item in enumerate(items, 1):
        raw = _as_dict(item) if isinstance(item, Requirement) else item
        if not isinstance(raw, dict):
            problems.append(f"第{n}项：格式不对")
            continue
        try:
            kind = Kind(raw.get("kind"))
        except ValueError:
            problems.append(f"第{n}项：不认识的会议类型“{raw.get('kind')}”")
            continue
        where = f"第{n}项（{kind.value}）"
        try:
            period = Period(raw.get("period"))
        except ValueError:
            problems.append(f"{where}：频次只能是 " + "、".join(p.value for p in Period))
            continue
        times, by_month = raw.get("times", 1), raw.get("by_month")
        if isinstance(times, bool) or not isinstance(times, int) or not 1 <= times <= MAX_TIMES:
            problems.append(f"{where}：次数应是 1 到 {MAX_TIMES} 之间的整数")
        if by_month is not None:
            if period not in YEARLY:
                problems.append(f"{where}：只有按年计算的要求才能设“几月前完成”")
            elif isinstance(by_month, bool) or not isinstance(by_month, int) or not 1 <= by_month <= 12:
                problems.append(f"{where}：截止月份应是 1 到 12 月")
        if kind in seen:
            problems.append(f"{where}：同一会议类型只能设一项要求")
        seen.add(kind)
        result.append(Requirement(kind, period, times, by_month, str(raw.get("basis") or "").strip()))
    if not result and not problems:
        problems.append("至少要保留一项要求；想用默认要求请点“恢复默认”")
    if problems:
        raise UserError("；".join(problems))
    return tuple(result)


def _as_dict(r: Requirement) -> dict[str, object]:
    kind = r.kind.value if isinstance(r.kind, Kind) else r.kind
    period = r.period.value if isinstance(r.period, Period) else r.period
    return {"kind": kind, "period": period, "times": r.times, "by_month": r.by_month, "basis": r.basis}


class RequirementStore:
    """The requirements in force: the documented defaults, or the village's saved settings."""

    def __init__(self, db: Database):
        self.db = db

    def _stored(self) -> str | None:
        with self.db.read() as s:
            return s.scalar(select(Meta.value).where(Meta.key == META_KEY))

    def load(self) -> tuple[Requirement, ...]:
        text = self._stored()
        if not text:
            return DEFAULT_REQUIREMENTS
        try:
            return _checked(json.loads(text))
        except (ValueError, TypeError, UserError):
            # Edited behind the program's back: fall back to the documented rules.
            return DEFAULT_REQUIREMENTS

    def is_customised(self) -> bool:
        return bool(self._stored())

    def save(self, requirements: Iterable[Requirement]) -> tuple[Requirement, ...]:
        require(self.db, Permission.SETTINGS)
        clean = _checked(list(requirements))
        text = json.dumps([_as_dict(r) for r in clean], ensure_ascii=False)
        with self.db.write() as s:
            row = s.get(Meta, META_KEY)
            if row is None:
                s.add(Meta(key=META_KEY, value=text))
            else:
                row.value = text
        return clean

    def reset(self) -> None:
        """Back to DEFAULT_REQUIREMENTS."""
        require(self.db, Permission.SETTINGS)
        with self.db.write() as s:
            row = s.get(Meta, META_KEY)
            if row is not None:
                s.delete(row)


# ----- periods -----------------------------------------------------------------------------
def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def spans(period: Period, year: int) -> list[Span]:
    if period is Period.MONTH:
        return [Span(dt.date(year, m, 1), _month_end(year, m), f"{year}年{m}月") for m in range(1, 13)]
    if period is Period.QUARTER:
        return [
            Span(dt.date(year, 3 * q + 1, 1), _month_end(year, 3 * q + 3), f"{year}年第{QUARTER_NAMES[q]}季度")
            for q in range(4)
        ]
    return [Span(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")]


def _state(held: int, required: int, deadline: dt.date, today: dt.date) -> CellState:
    if held >= required:
        return CellState.DONE
    return CellState.MISSING if today > deadline else CellState.NOT_DUE


def _period_message(span: Span, kind: Kind, held: int, required: int) -> str:
    verb = VERBS.get(kind, "召开")
    if held == 0:
        return f"{span.label} 没有{verb}{kind.value}"
    return f"{span.label} {kind.value}只{verb}了{held}次，要求{required}次"


def _member_message(name: str, kind: Kind, held: int, required: int) -> str:
    if held == 0:
        return f"{name} 本年度还没有{kind.value}记录"
    return f"{name} 本年度{kind.value}记录只有{held}次，要求{required}次"


# ----- the year view -----------------------------------------------------------------------
class ComplianceService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        self.store = RequirementStore(db)

    def year_view(self, year: int, member_rows: bool = True) -> YearCompliance:
        """The year's rows; ``member_rows=False`` leaves out the per-member rows (and their queries)."""
        today = self.clock.today()
        requirements = self.store.load()
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        held_until = min(last, today)
        per_member = {r.kind.value for r in requirements if r.period is Period.YEAR_PER_MEMBER and member_rows}
        by_month: dict[tuple[str, int], int] = {}
        by_person: dict[tuple[str, int], int] = {}
        members: list[tuple[int, str]] = []
        with self.db.read() as s:
            if held_until >= first:
                by_month = self._count_by_month(s, first, held_until)
                if per_member:
                    by_person = self._count_by_person(s, first, held_until, per_member)
            if per_member:
                members = self._committee_members(s, first, last)

        rows: list[ComplianceRow] = []
        for req in requirements:
            if req.period is Period.YEAR_PER_MEMBER:
                span = spans(req.period, year)[0]
                deadline = _month_end(year, req.by_month) if req.by_month else span.end
                for person_id, name in members:
                    held = by_person.get((req.kind.value, person_id), 0)
                    state = _state(held, req.times, deadline, today)
                    text = _member_message(name, req.kind, held, req.times) if state is CellState.MISSING else ""
                    cell = Cell(span, held, req.times, state, deadline, text)
                    rows.append(ComplianceRow(req, name, (cell,), person_id))
                continue
            cells = []
            for span in spans(req.period, year):
                held = sum(by_month.get((req.kind.value, m), 0) for m in range(span.start.month, span.end.month + 1))
                deadline = _month_end(year, req.by_month) if req.by_month and req.period in YEARLY else span.end
                state = _state(held, req.times, deadline, today)
                text = _period_message(span, req.kind, held, req.times) if state is CellState.MISSING else ""
                cells.append(Cell(span, held, req.times, state, deadline, text))
            rows.append(ComplianceRow(req, req.kind.value, tuple(cells)))
        missing = tuple(c.message for row in rows for c in row.cells if c.state is CellState.MISSING)
        return YearCompliance(year, today, requirements, tuple(rows), missing)

    def suggest(self, kind: Kind, period: Span) -> dt.date:
        """The date a new record for ``kind`` in ``period`` starts with: today if inside it.

        ``kind`` is taken so the caller passes the row as it is; the date does not depend on it.
        """
        today = self.clock.today()
        return today if period.start <= today <= period.end else period.start

    # One grouped query per question, driven by the index on meeting.date.
    @staticmethod
    def _count_by_month(s: Session, first: dt.date, last: dt.date) -> dict[tuple[str, int], int]:
        # Dates are stored as YYYY-MM-DD text; substr is twice as fast as strftime here.
        month = func.substr(Meeting.date, 6, 2)
        query = (
            select(MeetingKind.kind, month, func.count())
            .select_from(Meeting)
            .join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
            .where(Meeting.date.between(first, last))
            .group_by(MeetingKind.kind, month)
        )
        return {(kind, int(m)): n for kind, m, n in s.execute(query)}

    @staticmethod
    def _count_by_person(
        s: Session, first: dt.date, last: dt.date, kinds: set[str]
    ) -> dict[tuple[str, int], int]:
        query = (
            select(MeetingKind.kind, Attendance.person_id, func.count(func.distinct(Meeting.id)))
            .select_from(Meeting)
            .join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
            .join(Attendance, Attendance.meeting_id == Meeting.id)
            .where(
                Meeting.date.between(first, last),
                MeetingKind.kind.in_(sorted(kinds)),
                Attendance.status == PRESENT,
            )
            .group_by(MeetingKind.kind, Attendance.person_id)
        )
        return {(kind, pid): n for kind, pid, n in s.execute(query)}

    @staticmethod
    def _committee_members(s: Session, first: dt.date, last: dt.date) -> list[tuple[int, str]]:
        """Everyone who held a party-committee post at some time in the year, senior first."""
        query = (
            select(Person.id, Person.name, Post.title)
            .join(Post, Post.person_id == Person.id)
            .where(
                Post.body == Body.PARTY.value,
                or_(Post.start_date.is_(None), Post.start_date <= last),
                or_(Post.end_date.is_(None), Post.end_date >= first),
            )
        )
        rank: dict[int, int] = {}
        names: dict[int, str] = {}
        for pid, name, title in s.execute(query):
            names[pid] = name
            rank[pid] = min(rank.get(pid, 99), POST_ORDER.get(title, 99))
        return sorted(names.items(), key=lambda item: (rank[item[0]], sort_key(item[1]), item[0]))
