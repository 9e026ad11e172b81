"""One look at the data for the start page: its list and its figures ask for the same matters,
compliance views, marks, reminder occurrences and the day the records begin, and each is read
once per refresh."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from app.services.common.due_rule import records_begin
from app.services.meetings.compliance import ComplianceService, YearCompliance
from app.services.notices.notice_types import ScheduledPeriod
from app.services.notices.notices import NoticeService
from app.services.reminders.reminder_types import Occurrence
from app.services.reminders.reminders import ReminderService
from db.session import Database

T = TypeVar("T")


class SharedReads:
    def __init__(self) -> None:
        self._values: dict[object, object] = {}
        self._occurrences: tuple[dt.date, dt.date, list[Occurrence]] | None = None

    def get(self, key: object, read: Callable[[], T]) -> T:
        """``read()`` the first time ``key`` is asked for, the same value after that."""
        if key not in self._values:
            self._values[key] = read()
        return self._values[key]  # type: ignore[return-value]

    def records_begin(self, db: Database, today: dt.date) -> dt.date:
        """due_rule.records_begin, read once."""
        return self.get("records_begin", lambda: records_begin(db, today))

    def year_views(self, compliance: ComplianceService, first_year: int, last_year: int) -> None:
        """Read the views of first_year .. last_year together (ComplianceService.year_views)."""
        begin = self.records_begin(compliance.db, compliance.clock.today())
        for year, view in compliance.year_views(first_year, last_year, begin=begin).items():
            self._values.setdefault(("year_view", year), view)

    def year_view(self, compliance: ComplianceService, year: int) -> YearCompliance:
        begin = self.records_begin(compliance.db, compliance.clock.today())
        return self.get(("year_view", year), lambda: compliance.year_view(year, begin=begin))

    def notice_schedule(self, notices: NoticeService, first_year: int, last_year: int) -> list[ScheduledPeriod]:
        """NoticeService.schedule of first_year .. last_year, served from a wider one read before."""
        begin = self.records_begin(notices.db, notices.clock.today())
        have = self._values.get("schedule")
        if have is not None and have[0] <= first_year and last_year <= have[1]:  # type: ignore[index]
            return [p for p in have[2] if first_year <= p.period.year <= last_year]  # type: ignore[index]
        found = notices.schedule(first_year, last_year, begin)
        self._values["schedule"] = (first_year, last_year, found)
        return found

    def occurrences(self, reminders: ReminderService, first: dt.date, last: dt.date) -> list[Occurrence]:
        """Served from the widest range read so far when it covers [first, last]."""
        if self._occurrences is not None:
            have_first, have_last, found = self._occurrences
            if have_first <= first and last <= have_last:
                return [o for o in found if first <= o.due <= last]
        found = reminders.occurrences(first, last)
        self._occurrences = (first, last, found)
        return found
