"""What the rules require in a year against what was held (issue 5, DOMAIN.md §2).

RequirementStore holds the frequency table: meeting_kinds.DEFAULT_REQUIREMENTS unless the
settings saved an override (JSON in app_meta under META_KEY), so a township with stricter
rules can change it. ComplianceService counts one year's meetings with a few grouped
queries (never one per period) and marks each period 已完成 / 缺 / 未到期 / 建账前 by the one
rule in common/due_rule.py: a period is due on its last day, a yearly requirement with a month
(几月前完成: 组织生活会 before December) on the first day of that month, and nothing before the
village's records begin is missing.

"Held" means recorded with a date on or before today: a record dated in the future is a
plan, not a meeting that took place.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.due_rule import PeriodState, period_state, records_begin
from app.services.common.errors import UserError
from app.services.common.records import meta_value, set_meta_value
from app.services.meetings.meeting_kinds import DEFAULT_REQUIREMENTS, Kind, Period, Requirement
from app.services.meetings.meeting_types import PRESENT
from app.services.members.pinyin_search import sort_key
from app.services.members.posts import POST_ORDER, Body
from app.services.safety.actor import Permission, require
from db.date_parts import month_of, year_of
from db.models import Attendance, Meeting, MeetingKind, Meta, Person, Post
from db.session import Database

META_KEY = "meeting_requirements"
MAX_TIMES = 31
QUARTER_NAMES = "一二三四"
# Kinds a gap line says 未开展 of; every other kind is 未召开.
UNDERTAKEN = frozenset({Kind.THEME_DAY, Kind.APPRAISAL, Kind.PARTY_LECTURE, Kind.HEART_TALK})
YEARLY = (Period.YEAR, Period.YEAR_PER_MEMBER)


CellState = PeriodState  # 缺: the period (or its by_month deadline) is over without enough meetings


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
    deadline: dt.date  # the day it is due: after this day an unsatisfied period is 缺
    message: str = ""  # the gap line (gap_line), when state is 缺


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
    begin: dt.date  # the day the village's records begin (due_rule.records_begin)
    # Meetings of each per-member kind held in the year: its rows count members, not sittings
    # (a talk between two members satisfies both), so the sittings are kept apart.
    sittings: dict[str, int] = field(default_factory=dict)


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
            return meta_value(s, META_KEY)

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
            set_meta_value(s, META_KEY, text)
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


def gap_line(label: str, kind: Kind, held: int, required: int, name: str | None = None) -> str:
    """2026年11月 支部委员会会议 未召开（应1次，已0次）; with ``name`` (a per-member requirement):
    2026年 李组织 谈心谈话 未开展（应1次，已0次）. The one wording of a meeting gap everywhere."""
    gap = ("未开展" if kind in UNDERTAKEN else "未召开") if held == 0 else "次数不足"
    who = f"{label} {name}" if name is not None else label
    return f"{who} {kind.value} {gap}（应{required}次，已{held}次）"


# ----- the year view -----------------------------------------------------------------------
class ComplianceService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        self.store = RequirementStore(db)

    def year_view(self, year: int, member_rows: bool = True, begin: dt.date | None = None) -> YearCompliance:
        """The year's rows; ``member_rows=False`` leaves out the per-member rows (and their queries).
        ``begin``: the day the records begin, when the caller has read it already."""
        return self.year_views(year, year, member_rows, begin)[year]

    def year_views(self, first_year: int, last_year: int, member_rows: bool = True,
                   begin: dt.date | None = None) -> dict[int, YearCompliance]:
        """year_view of each year of first_year .. last_year, counted with one query per question
        for all of them (the start page reads last year's and this year's)."""
        today = self.clock.today()
        begin = begin or records_begin(self.db, today)
        requirements = self.store.load()
        first, last = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
        held_until = min(last, today)
        per_member = {r.kind.value for r in requirements if r.period is Period.YEAR_PER_MEMBER and member_rows}
        by_month: dict[tuple[str, int, int], int] = {}
        by_person: dict[tuple[str, int, int], int] = {}
        members: dict[int, list[tuple[int, str]]] = {}
        with self.db.read() as s:
            if held_until >= first:
                by_month = self._count_by_month(s, first, held_until)
                if per_member:
                    by_person = self._count_by_person(s, first, held_until, per_member)
            if per_member:
                members = {y: self._committee_members(s, dt.date(y, 1, 1), dt.date(y, 12, 31))
                           for y in range(first_year, last_year + 1)}
        return {y: self._view(y, today, begin, requirements, by_month, by_person, members.get(y, []))
                for y in range(first_year, last_year + 1)}

    @staticmethod
    def _view(year: int, today: dt.date, begin: dt.date, requirements: tuple[Requirement, ...],
              by_month: dict[tuple[str, int, int], int], by_person: dict[tuple[str, int, int], int],
              members: list[tuple[int, str]]) -> YearCompliance:
        rows: list[ComplianceRow] = []
        for req in requirements:
            if req.period is Period.YEAR_PER_MEMBER:
                span = spans(req.period, year)[0]
                deadline = dt.date(year, req.by_month, 1) if req.by_month else span.end
                for person_id, name in members:
                    held = by_person.get((req.kind.value, year, person_id), 0)
                    state = period_state(satisfied=held >= req.times, due=deadline, end=span.end, today=today,
                                         begin=begin)
                    text = gap_line(span.label, req.kind, held, req.times, name) if state is CellState.MISSING else ""
                    cell = Cell(span, held, req.times, state, deadline, text)
                    rows.append(ComplianceRow(req, name, (cell,), person_id))
                continue
            cells = []
            for span in spans(req.period, year):
                held = sum(by_month.get((req.kind.value, year, m), 0)
                           for m in range(span.start.month, span.end.month + 1))
                deadline = dt.date(year, req.by_month, 1) if req.by_month and req.period in YEARLY else span.end
                state = period_state(satisfied=held >= req.times, due=deadline, end=span.end, today=today,
                                     begin=begin)
                text = gap_line(span.label, req.kind, held, req.times) if state is CellState.MISSING else ""
                cells.append(Cell(span, held, req.times, state, deadline, text))
            rows.append(ComplianceRow(req, req.kind.value, tuple(cells)))
        missing = tuple(c.message for row in rows for c in row.cells if c.state is CellState.MISSING)
        sittings = {req.kind.value: sum(by_month.get((req.kind.value, year, m), 0) for m in range(1, 13))
                    for req in requirements if req.period is Period.YEAR_PER_MEMBER}
        return YearCompliance(year, today, requirements, tuple(rows), missing, begin, sittings)

    def suggest(self, kind: Kind, period: Span) -> dt.date:
        """The date a new record for ``kind`` in ``period`` starts with: today if inside it.

        ``kind`` is taken so the caller passes the row as it is; the date does not depend on it.
        """
        today = self.clock.today()
        return today if period.start <= today <= period.end else period.start

    # One grouped query per question, driven by the index on meeting.date.
    @staticmethod
    def _count_by_month(s: Session, first: dt.date, last: dt.date) -> dict[tuple[str, int, int], int]:
        """(kind, year, month) -> meetings."""
        year, month = year_of(Meeting.date), month_of(Meeting.date)
        query = (
            select(MeetingKind.kind, year, month, func.count())
            .select_from(Meeting)
            .join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
            .where(Meeting.date.between(first, last))
            .group_by(MeetingKind.kind, year, month)
        )
        return {(kind, int(y), int(m)): n for kind, y, m, n in s.execute(query)}

    @staticmethod
    def _count_by_person(
        s: Session, first: dt.date, last: dt.date, kinds: set[str]
    ) -> dict[tuple[str, int, int], int]:
        """(kind, year, person) -> meetings attended."""
        year = year_of(Meeting.date)
        query = (
            select(MeetingKind.kind, year, Attendance.person_id, func.count(func.distinct(Meeting.id)))
            .select_from(Meeting)
            .join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
            .join(Attendance, Attendance.meeting_id == Meeting.id)
            .where(
                Meeting.date.between(first, last),
                MeetingKind.kind.in_(sorted(kinds)),
                Attendance.status == PRESENT,
            )
            .group_by(MeetingKind.kind, year, Attendance.person_id)
        )
        return {(kind, int(y), pid): n for kind, y, pid, n in s.execute(query)}

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
