"""How the 工作台 counts a year's (or a term's) figures, from data already read (no queries here).

Which period is 已完成, 缺, 未到期 or 建账前 on a day is decided once, by common/due_rule.py, in
the compliance views (meetings) and the notice schedule; the figures count the periods that are
已完成 or 缺 (due and done, or due and missed), and their gaps are the 缺 ones: the same lines
制度落实情况, 三公开 and the start page show.

A range is ``first`` .. ``last`` (a year, or a term from its first to its last day).

- meetings: one bar per required kind; a period belongs to the range when its due day lies in
  it. due is the sum of the times required, done the sum of min(held, times) (so extra
  meetings in one month do not hide a gap in another), actual the meetings really held in those
  periods. A per-member requirement (谈心谈话) gives one bar: committee members who met it
  against members counted (both sides of a talk count), and as actual the talks really held in
  the years counted, so the print can name both (three talks can satisfy four members).
- notices: per category, the periods whose last day lies in the range; done: every month of it
  covered by a notice posted within NOTICE_DUE_DAYS after the period.
- reminders: per kind, occurrences due in the range that are done or due before today; done:
  the ones recorded done.
- matters: the matters created in the range or with a step in it, by the step reached by the
  range's last day (done = matters at that step, due = all of them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.services.common.due_rule import PeriodState, counts
from app.services.meetings.compliance import Cell, YearCompliance, gap_line
from app.services.meetings.meeting_kinds import Period, Requirement
from app.services.meetings.meeting_types import STEP_NAMES
from app.services.notices.notice_rules import period_bounds
from app.services.notices.notice_types import CATEGORIES, ScheduledPeriod
from app.services.reminders.reminder_types import DONE, KINDS, Occurrence
from app.services.workbench.workbench_types import Bar

NOT_STARTED = "未开始"
PER_MEMBER = "（每名委员）"
COUNTED = (PeriodState.DONE, PeriodState.MISSING)


@dataclass(frozen=True)
class MeetingPeriod:
    """One cell of a compliance view, with the member it is about for a per-member requirement."""

    requirement: Requirement
    name: str | None  # the committee member, for a per-member requirement
    person_id: int | None
    cell: Cell
    sittings: int = 0  # per-member kind: meetings of the kind held in the cell's year

    @property
    def due(self) -> dt.date:
        return self.cell.deadline

    @property
    def satisfied(self) -> bool:
        return self.cell.state is PeriodState.DONE

    @property
    def gap_line(self) -> str:
        cell = self.cell
        return gap_line(cell.span.label, self.requirement.kind, cell.held, cell.required, self.name)


def meeting_periods(views: Iterable[YearCompliance]) -> Iterator[MeetingPeriod]:
    """Every period of ``views`` from the day the records begin on (not 建账前)."""
    for view in views:
        for row in view.rows:
            req = row.requirement
            name = row.label if req.period is Period.YEAR_PER_MEMBER else None
            sittings = view.sittings.get(req.kind.value, 0) if name is not None else 0
            for cell in row.cells:
                if cell.state is not PeriodState.BEFORE_RECORDS:
                    yield MeetingPeriod(req, name, row.person_id, cell, sittings)


def counted_meetings(views: Iterable[YearCompliance], first: dt.date, last: dt.date) -> list[MeetingPeriod]:
    """The periods the figures count: due in first .. last, and 已完成 or 缺."""
    return [p for p in meeting_periods(views) if first <= p.due <= last and p.cell.state in COUNTED]


# ----- the bars ------------------------------------------------------------------------------------
def _meeting_label(req: Requirement) -> str:
    return req.kind.value + (PER_MEMBER if req.period is Period.YEAR_PER_MEMBER else "")


def meeting_bars(requirements: Iterable[Requirement], periods: Iterable[MeetingPeriod]) -> tuple[Bar, ...]:
    """One bar per requirement from the periods counted (counted_meetings)."""
    requirements = list(requirements)
    due = {_meeting_label(req): 0 for req in requirements}
    done = dict.fromkeys(due, 0)
    actual = dict.fromkeys(due, 0)
    years_seen: set[tuple[str, int]] = set()  # a per-member kind's sittings count once a year
    for p in periods:
        label = _meeting_label(p.requirement)
        if label not in due:
            continue
        if p.name is not None:
            due[label] += 1
            done[label] += p.satisfied
            if (label, p.cell.span.start.year) not in years_seen:
                years_seen.add((label, p.cell.span.start.year))
                actual[label] += p.sittings
        else:
            due[label] += p.cell.required
            done[label] += min(p.cell.held, p.cell.required)
            actual[label] += p.cell.held
    per_member = {_meeting_label(req) for req in requirements if req.period is Period.YEAR_PER_MEMBER}
    return tuple(Bar(label, done[label], due[label], actual[label], label in per_member) for label in due)


def notice_periods(schedule: Iterable[ScheduledPeriod], first: dt.date, last: dt.date) -> list[ScheduledPeriod]:
    """The periods the figures count: ending in first .. last, and 已完成 or 缺."""
    return [p for p in schedule if first <= period_bounds(p.period)[1] <= last and p.state in COUNTED]


def notice_gaps(periods: Iterable[ScheduledPeriod]) -> list[ScheduledPeriod]:
    """The counted periods with no posted notice at all (a late one is not missing)."""
    return [p for p in periods if p.state is PeriodState.MISSING]


def notice_bars(periods: Iterable[ScheduledPeriod]) -> tuple[Bar, ...]:
    """Per category: the periods counted, and those posted on time."""
    due = dict.fromkeys(CATEGORIES, 0)
    done = dict.fromkeys(CATEGORIES, 0)
    for p in periods:
        due[p.category] += 1
        done[p.category] += p.on_time
    return tuple(Bar(c, done[c], due[c]) for c in CATEGORIES)


def counted_occurrences(occurrences: Iterable[Occurrence], first: dt.date, last: dt.date,
                        today: dt.date) -> list[Occurrence]:
    """Occurrences due in first .. last that are done or due before today."""
    return [o for o in occurrences if first <= o.due <= last and counts(o.due, today, o.status == DONE)]


def reminder_bars(occurrences: Iterable[Occurrence]) -> tuple[Bar, ...]:
    due: dict[str, int] = {}
    done: dict[str, int] = {}
    for o in occurrences:
        due[o.kind] = due.get(o.kind, 0) + 1
        done[o.kind] = done.get(o.kind, 0) + (o.status == DONE)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return tuple(Bar(k, done[k], due[k]) for k in sorted(due, key=lambda k: (order.get(k, len(order)), k)))


def matters_in_range(rows: Iterable[tuple[int, dt.datetime, int | None, dt.date | None]],
                     first: dt.date, last: dt.date) -> dict[int, int]:
    """matter id -> step reached by ``last``, for the matters created in the range or with a
    step in it; rows are (matter id, created at, step, step date), one per step (None, None
    for a matter with none)."""
    inside: set[int] = set()
    reached: dict[int, int] = {}
    for matter_id, created_at, step, day in rows:
        reached.setdefault(matter_id, 0)
        if first <= created_at.date() <= last or (day is not None and first <= day <= last):
            inside.add(matter_id)
        if step is not None and day is not None and day <= last:
            reached[matter_id] = max(reached[matter_id], step)
    return {m: reached[m] for m in inside}


def matter_bars(reached: dict[int, int]) -> tuple[Bar, ...]:
    total = len(reached)
    names = {0: NOT_STARTED, **STEP_NAMES}
    return tuple(Bar(name, sum(1 for r in reached.values() if r == step), total) for step, name in names.items())
