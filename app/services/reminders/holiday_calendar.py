"""Festival dates and working days, offline, for any year the libraries know.

Festival dates (lunar ones included) come from the ``holidays`` library's China calendar, kept as
a table (holiday_table.py). Working days follow the
official 国务院 arrangement (调休 included) from ``chinese_calendar`` for the years it has; for
other years only weekends are skipped, and the caller is told which years those were.

A festival's break (放假) can begin before the festival itself (中秋 2025 fell inside the 国庆 week,
春节 2026 began on the Sunday before it): break_start finds its first day, from which the days of a
“节前N天” reminder are counted.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import chinese_calendar

from app.services.reminders.holiday_table import days_off

# reminder_types.HOLIDAYS name -> the name the library gives the festival's first day.
LIBRARY_NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明节",
    "五一": "劳动节",
    "端午": "端午节",
    "中秋": "中秋节",
    "国庆": "国庆节",
}
# Walking past this many days without finding the wanted working days means bad input.
_MAX_WALK_DAYS = 3660
# No break is longer than this (春节 runs to nine days): break_start walks back no further.
_MAX_BREAK_DAYS = 15


# Library entries that are not statutory days: 补假 and 休息日 are the library's own estimate of
# the 调休 for years not yet announced (推定 marks estimated dates).
_NOT_STATUTORY = ("补假", "休息日", "推定")


def _library_days(year: int) -> tuple[tuple[dt.date, tuple[str, ...]], ...]:
    """(day, names) of every day off the library lists for ``year``, in date order (from its table:
    the library itself loads every country's module to compute one)."""
    return days_off(year)


@functools.lru_cache(maxsize=256)
def _festivals(year: int) -> dict[str, dt.date]:
    """Library festival name -> its first day in ``year`` (补假 and 除夕 are other names)."""
    found: dict[str, dt.date] = {}
    for day, names in _library_days(year):
        for name in names:
            found.setdefault(name, day)
    return found


@functools.lru_cache(maxsize=256)
def _statutory_days(year: int) -> frozenset[dt.date]:
    """The statutory days off of ``year`` (元旦, 除夕 and 春节, 清明, 劳动节, 端午, 中秋, 国庆),
    without the library's guessed 补假: what is certain before the year's 调休 is announced."""
    return frozenset(day for day, names in _library_days(year)
                     if any(not any(mark in name for mark in _NOT_STATUTORY) for name in names))


def holiday_date(name: str, year: int) -> dt.date | None:
    """First day of the festival ``name`` (元旦 … 国庆) in ``year``; None when the library does
    not know that year (or that festival in that year)."""
    library_name = LIBRARY_NAMES.get(name)
    if library_name is None:
        raise ValueError(f"unknown holiday {name!r}")
    return _festivals(year).get(library_name)


@functools.lru_cache(maxsize=4096)
def _official_workday(day: dt.date) -> bool | None:
    """The official arrangement for ``day``; None when the library has none for its year."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None


def is_workday(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, estimated because the year's official arrangement is not known).

    Estimated: Monday to Friday except the statutory festival days; the 调休 (extra days off,
    weekend days worked) cannot be known before the State Council announces them."""
    official = _official_workday(day)
    if official is None:
        return day.weekday() < 5 and day not in _statutory_days(day.year), True
    return official, False


@functools.lru_cache(maxsize=1024)
def break_start(day: dt.date) -> dt.date:
    """First day of the run of days off that contains ``day`` (a festival's first day, always taken
    as a day off): the days before it are walked back while they are not working days, by the
    official arrangement where the library has it and by weekends otherwise, at most 15 days.

    春节 2026 (17 Feb) -> 15 Feb (14 Feb, a Saturday, was worked); 中秋 2025 (6 Oct, in the 国庆
    week) -> 1 Oct; 元旦 2026 -> 1 Jan 2026; 清明 2026 (5 Apr, a Sunday) -> 4 Apr."""
    start = day
    for _ in range(_MAX_BREAK_DAYS):
        before = start - dt.timedelta(days=1)
        if is_workday(before)[0]:
            break
        start = before
    return start


@dataclass(frozen=True)
class WorkdayShift:
    """A day found by counting working days, and the years counted by weekdays only."""

    day: dt.date
    fallback_years: tuple[int, ...] = ()

    @property
    def note(self) -> str:
        if not self.fallback_years:
            return ""
        years = "、".join(f"{y}年" for y in self.fallback_years)
        return f"{years}的放假调休安排尚未公布或未收录，按周一至周五（扣除法定节日）推算"


def shift_workdays(day: dt.date, n: int) -> WorkdayShift:
    """The day ``n`` working days after ``day`` (before it when ``n`` < 0); ``day`` itself is not
    counted. ``n`` == 0 gives ``day`` unchanged."""
    step = dt.timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    current = day
    fallback: set[int] = set()
    walked = 0
    while remaining:
        current += step
        walked += 1
        if walked > _MAX_WALK_DAYS:
            raise ValueError(f"cannot count {n} working days from {day}")
        working, guessed = is_workday(current)
        if guessed:
            fallback.add(current.year)
        if working:
            remaining -= 1
    return WorkdayShift(current, tuple(sorted(fallback)))
