"""How the 工作台 counts a year's (or a term's) figures, from data already read (no queries here).

One rule for the start page, the figures and the printed gaps (``counts``): a period counts —
as due in the figures, and as a gap when it is not satisfied — once its due day is past, or as
soon as it is satisfied (then it is due and done). The due day of a meeting period is its last
day; a yearly requirement with a month (组织生活会 by December) is due on the first day of
that month. A missing notice is due NOTICE_DUE_DAYS after its period ends. Periods that ended
before the village's records begin (``begin``: shared_reads.read_records_begin) are not counted
at all, so a new install is not told it missed the meetings of years it never recorded.

A range is ``first`` .. ``last`` (a year, or a term from its first to its last day).

- meetings: one bar per required kind; a period belongs to the range when its due day lies in
  it. due is the sum of the times required, done the sum of min(held, times) (so extra
  meetings in one month do not hide a gap in another), actual the meetings really held in those
  periods. A per-member requirement (谈心谈话) gives one bar: committee members who met it
  against members counted.
- notices: per category, the periods whose last day lies in the range; a period counts once
  its posting window has closed, or earlier when already posted in it. Done: every month of it
  covered by a notice posted within the window.
- reminders: per kind, occurrences due in the range that are done or due before today; done:
  the ones recorded done.
- matters: the matters created in the range or with a step in it, by the step reached by the
  range's last day (done = matters at that step, due = all of them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.services.meetings.compliance import VERBS, YEARLY, Cell, CellState, YearCompliance
from app.services.meetings.meeting_kinds import Kind, Period, Requirement
from app.services.meetings.meeting_types import STEP_NAMES
from app.services.notices.notice_rules import Cover, is_covered, period_bounds, periods_of
from app.services.notices.notice_types import CATEGORIES, NOTICE_DUE_DAYS
from app.services.notices.notice_types import Period as NoticePeriod
from app.services.reminders.reminder_types import DONE, KINDS, Occurrence
from app.services.workbench.workbench_types import Bar

NOT_STARTED = "未开始"
PER_MEMBER = "（每名委员）"


# ----- the one rule ------------------------------------------------------------------------------
def late(due: dt.date, today: dt.date) -> bool:
    """Past its due day: 已逾期 on the start page, a gap in the figures when not satisfied."""
    return due < today


def counts(due: dt.date, today: dt.date, satisfied: bool) -> bool:
    """Whether a period counts in the figures: satisfied already, or past its due day."""
    return satisfied or late(due, today)


def meeting_due(req: Requirement, span_start: dt.date, span_end: dt.date) -> dt.date:
    """The last day of the period; the first day of ``by_month`` for a yearly requirement with one."""
    if req.period in YEARLY and req.by_month:
        return dt.date(span_start.year, req.by_month, 1)
    return span_end


def notice_due(period: NoticePeriod) -> dt.date:
    """The last day a notice for ``period`` is on time."""
    return period_bounds(period)[1] + dt.timedelta(days=NOTICE_DUE_DAYS)


def meeting_gap_line(label: str, kind: Kind, held: int, required: int) -> str:
    """2026年11月 支部委员会会议 未召开（应1次，已0次）: the start page's item and the printed gap."""
    gap = ("未开展" if kind in VERBS else "未召开") if held == 0 else "次数不足"
    return f"{label} {kind.value} {gap}（应{required}次，已{held}次）"


def member_gap_line(label: str, name: str, kind: Kind, held: int, required: int) -> str:
    """2026年 李组织 谈心谈话 未开展（应1次，已0次）."""
    return meeting_gap_line(f"{label} {name}", kind, held, required)


@dataclass(frozen=True)
class MeetingPeriod:
    """One cell of a compliance view with the day it is due."""

    requirement: Requirement
    name: str | None  # the committee member, for a per-member requirement
    cell: Cell
    due: dt.date

    @property
    def satisfied(self) -> bool:
        return self.cell.state is CellState.DONE

    @property
    def gap_line(self) -> str:
        kind, cell = self.requirement.kind, self.cell
        if self.name is not None:
            return member_gap_line(cell.span.label, self.name, kind, cell.held, cell.required)
        return meeting_gap_line(cell.span.label, kind, cell.held, cell.required)


def meeting_periods(views: Iterable[YearCompliance], begin: dt.date) -> Iterator[MeetingPeriod]:
    """Every period of ``views`` that ends on or after ``begin``, with its due day."""
    for view in views:
        for row in view.rows:
            req = row.requirement
            name = row.label if req.period is Period.YEAR_PER_MEMBER else None
            for cell in row.cells:
                if cell.span.end >= begin:
                    yield MeetingPeriod(req, name, cell, meeting_due(req, cell.span.start, cell.span.end))


def counted_meetings(views: Iterable[YearCompliance], first: dt.date, last: dt.date, today: dt.date,
                     begin: dt.date) -> list[MeetingPeriod]:
    """The periods the figures count: due in first .. last, and satisfied or past their due day."""
    return [p for p in meeting_periods(views, begin)
            if first <= p.due <= last and counts(p.due, today, p.satisfied)]


# ----- the bars ------------------------------------------------------------------------------------
def _meeting_label(req: Requirement) -> str:
    return req.kind.value + (PER_MEMBER if req.period is Period.YEAR_PER_MEMBER else "")


def meeting_bars(requirements: Iterable[Requirement], periods: Iterable[MeetingPeriod]) -> tuple[Bar, ...]:
    """One bar per requirement from the periods counted (counted_meetings)."""
    requirements = list(requirements)
    due = {_meeting_label(req): 0 for req in requirements}
    done = dict.fromkeys(due, 0)
    actual: dict[str, int | None] = {
        _meeting_label(req): None if req.period is Period.YEAR_PER_MEMBER else 0 for req in requirements}
    for p in periods:
        label = _meeting_label(p.requirement)
        if label not in due:
            continue
        if p.name is not None:
            due[label] += 1
            done[label] += p.satisfied
        else:
            due[label] += p.cell.required
            done[label] += min(p.cell.held, p.cell.required)
            actual[label] = (actual[label] or 0) + p.cell.held
    return tuple(Bar(label, done[label], due[label], actual[label]) for label in due)


def notice_periods(first: dt.date, last: dt.date, today: dt.date, begin: dt.date, cadence: dict[str, str],
                   cover: Cover) -> list[tuple[str, NoticePeriod]]:
    """(category, period) the figures count, by category: the period's last day lies in
    first .. last and on or after ``begin``, and it was posted on time or its window has closed
    (periods of years after today's cannot count yet)."""
    found = []
    for category in CATEGORIES:
        for year in range(first.year, min(last.year, today.year) + 1):
            for period in periods_of(year, cadence[category]):
                end = period_bounds(period)[1]
                if not (first <= end <= last and end >= begin):
                    continue
                due = notice_due(period)
                if counts(due, today, is_covered(category, period, cover, by=due)):
                    found.append((category, period))
    return found


def notice_gaps(periods: Iterable[tuple[str, NoticePeriod]],
                cover: Cover) -> list[tuple[str, NoticePeriod]]:
    """The counted periods with no posted notice at all (a late one is not missing)."""
    return [(c, p) for c, p in periods if not is_covered(c, p, cover)]


def notice_bars(periods: list[tuple[str, NoticePeriod]], cover: Cover) -> tuple[Bar, ...]:
    due = dict.fromkeys(CATEGORIES, 0)
    done = dict.fromkeys(CATEGORIES, 0)
    for category, period in periods:
        due[category] += 1
        done[category] += is_covered(category, period, cover, by=notice_due(period))
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
