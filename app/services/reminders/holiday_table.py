"""China's days off as the ``holidays`` library lists them (1950–2100), kept as a small text table.

Loading ``holidays`` imports every country's module (0.2–0.5 s) for the sake of one calendar;
the table holds exactly what its China calendar gives, one line a year, tab-separated (names
hold spaces): ``2027⇥0101:元旦⇥0205:农历除夕⇥…⇥1005:国庆节（补假）`` (names joined by ``;`` when
two fall on one day). tools/make_holiday_table.py writes it from the pinned library; a test checks
every year against the library, so upgrading ``holidays`` means running the tool again.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from app.paths import resource_path

TABLE = ("calendar", "china_holidays.txt")
FIRST_YEAR, LAST_YEAR = 1950, 2100

Days = tuple[tuple[dt.date, tuple[str, ...]], ...]


def format_year(year: int, days: Iterable[tuple[dt.date, Iterable[str]]]) -> str:
    """One line of the table: the year, then MMDD:name[;name] per day in date order."""
    return "\t".join([str(year), *(f"{day:%m%d}:{';'.join(names)}" for day, names in sorted(days))])


def parse_line(line: str) -> tuple[int, Days]:
    year_text, *entries = line.rstrip("\n").split("\t")
    year = int(year_text)
    days = []
    for entry in entries:
        month_day, _, names = entry.partition(":")
        day = dt.date(year, int(month_day[:2]), int(month_day[2:]))
        days.append((day, tuple(names.split(";"))))
    return year, tuple(days)


@functools.cache
def _lines() -> dict[int, str]:
    """year -> its line, read once per process (parsed per year when asked for)."""
    text = resource_path(*TABLE).read_text(encoding="utf-8")
    return {int(line.split("\t", 1)[0]): line for line in text.splitlines() if line.strip()}


@functools.lru_cache(maxsize=256)
def days_off(year: int) -> Days:
    """(day, names) of every day off listed for ``year``; empty outside 1950–2100."""
    line = _lines().get(year)
    return parse_line(line)[1] if line else ()
