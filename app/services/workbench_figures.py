"""How the 工作台 counts a year's (or a term's) figures, from data already read (no queries here).

A range is ``first`` .. ``last``; ``until`` is min(today, last), the day the counting stops.

- meetings: one bar per required kind. A period counts when it starts inside first .. until
  (so the running month or quarter counts once it has begun); due is the sum of the times
  required, done the sum over those periods of min(held, times), so extra meetings in one
  month do not hide a gap in another. A per-member requirement (谈心谈话) gives one bar:
  committee members who met it against members, per year started in the range.
- notices: per category, the periods lying inside the range that ended before today; a period
  counts once its posting window (NOTICE_DUE_DAYS after it ends) has closed, or earlier when
  already posted in it. Done: every month of it covered by a notice posted within the window.
- reminders: per kind with occurrences, those due in first .. until; done: the ones recorded done.
- matters: the matters created in the range or with a step in it, by the step reached by the
  range's last day (done = matters at that step, due = all of them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app.services.compliance import CellState, YearCompliance
from app.services.meeting_kinds import Period, Requirement
from app.services.meeting_types import STEP_NAMES
from app.services.notice_rules import Cover, ended_periods, is_covered, period_bounds
from app.services.notice_types import CATEGORIES, NOTICE_DUE_DAYS
from app.services.notice_types import Period as NoticePeriod
from app.services.reminder_types import DONE, KINDS, Occurrence
from app.services.workbench_types import Bar

NOT_STARTED = "未开始"
PER_MEMBER = "（每名委员）"


def _meeting_label(req: Requirement) -> str:
    return req.kind.value + (PER_MEMBER if req.period is Period.YEAR_PER_MEMBER else "")


def meeting_bars(requirements: Iterable[Requirement], views: Iterable[YearCompliance], first: dt.date,
                 until: dt.date) -> tuple[Bar, ...]:
    due = {_meeting_label(req): 0 for req in requirements}
    done = dict.fromkeys(due, 0)
    for view in views:
        for row in view.rows:
            per_member = row.requirement.period is Period.YEAR_PER_MEMBER
            label = _meeting_label(row.requirement)
            for cell in row.cells:
                if not first <= cell.span.start <= until or label not in due:
                    continue
                if per_member:
                    due[label] += 1
                    done[label] += cell.state is CellState.DONE
                else:
                    due[label] += cell.required
                    done[label] += min(cell.held, cell.required)
    return tuple(Bar(label, done[label], due[label]) for label in due)


def notice_periods(first: dt.date, last: dt.date, today: dt.date,
                   cadence: dict[str, str]) -> list[tuple[str, NoticePeriod]]:
    """(category, period) lying inside first .. last and ended before today, by category."""
    found = [(c, p) for year in range(first.year, last.year + 1) for c, p in ended_periods(year, today, cadence)
             if first <= period_bounds(p)[0] and period_bounds(p)[1] <= last]
    return sorted(found, key=lambda cp: CATEGORIES.index(cp[0]))


def notice_bars(periods: list[tuple[str, NoticePeriod]], cover: Cover, today: dt.date) -> tuple[Bar, ...]:
    due = dict.fromkeys(CATEGORIES, 0)
    done = dict.fromkeys(CATEGORIES, 0)
    for category, period in periods:
        window_ends = period_bounds(period)[1] + dt.timedelta(days=NOTICE_DUE_DAYS)
        on_time = is_covered(category, period, cover, by=window_ends)
        if on_time or window_ends < today:
            due[category] += 1
            done[category] += on_time
    return tuple(Bar(c, done[c], due[c]) for c in CATEGORIES)


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
