"""The due dates of a reminder: once, monthly, quarterly, yearly, or before a named holiday.

Pure functions of the reminder's settings and a date range. “N days before a holiday” counts back
from the first day of the festival's break (holiday_calendar.break_start), not from the festival
itself: 中秋 2025 (6 Oct) fell in the 国庆 week, so 3 days before it is 28 September.
"""

from __future__ import annotations

import calendar
import datetime as dt

from app.services.reminders.holiday_calendar import break_start, holiday_date
from app.services.reminders.reminder_types import Recurrence

# How far past a day the schedule is searched for the next due date (a yearly or holiday one included).
_NEXT_DUE_HORIZON = dt.timedelta(days=800)


def clamped(year: int, month: int, day: int) -> dt.date:
    """``day`` of the month, or the month's last day when it is shorter (31 -> 30 Apr, 29 Feb -> 28)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_steps(anchor: dt.date, step: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """The anchor's day every ``step`` months from the anchor, within [first, last]."""
    anchor_index = anchor.year * 12 + anchor.month - 1
    first_index = first.year * 12 + first.month - 1
    start = anchor_index + max(0, -(-(first_index - anchor_index) // step)) * step
    found = []
    index = start
    while index <= last.year * 12 + last.month - 1:
        day = clamped(index // 12, index % 12 + 1, anchor.day)
        if first <= day <= last:
            found.append(day)
        index += step
    return found


def _holiday_dates(holiday: str, days_before: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """Each year's ``holiday`` break less ``days_before`` days: counted from the first day off of
    the run that holds the festival (see break_start); 元旦 of Y can fall in December Y-1."""
    found = []
    for year in range(first.year, last.year + 2):
        festival = holiday_date(holiday, year)
        if festival is not None:  # a year the library does not know is skipped
            found.append(break_start(festival) - dt.timedelta(days=days_before))
    return found


def due_dates(recurrence: Recurrence | str, anchor: dt.date, first: dt.date, last: dt.date, *,
              holiday: str = "", days_before: int = 0, until: dt.date | None = None) -> list[dt.date]:
    """The reminder's due dates within [first, last], none before ``anchor`` or after ``until``."""
    recurrence = Recurrence(recurrence)
    first = max(first, anchor)
    if until is not None:
        last = min(last, until)
    if first > last:
        return []
    if recurrence is Recurrence.ONCE:
        days = [anchor]
    elif recurrence is Recurrence.MONTHLY:
        days = _month_steps(anchor, 1, first, last)
    elif recurrence is Recurrence.QUARTERLY:
        days = _month_steps(anchor, 3, first, last)
    elif recurrence is Recurrence.YEARLY:
        days = [clamped(y, anchor.month, anchor.day) for y in range(first.year, last.year + 1)]
    else:
        days = _holiday_dates(holiday, days_before, first, last)
    return sorted(d for d in days if first <= d <= last)


def next_due(recurrence: Recurrence | str, anchor: dt.date, on_or_after: dt.date, *,
             holiday: str = "", days_before: int = 0, until: dt.date | None = None) -> dt.date | None:
    """The first due date on or after ``on_or_after`` (None when ``until`` or the calendar ends it)."""
    start = max(on_or_after, anchor)
    last = start + _NEXT_DUE_HORIZON if dt.date.max - start > _NEXT_DUE_HORIZON else dt.date.max
    days = due_dates(recurrence, anchor, on_or_after, last, holiday=holiday, days_before=days_before,
                     until=until)
    return days[0] if days else None
