"""One look at the data for the start page: its list and its figures ask for the same matters,
compliance views, marks and reminder occurrences, and each is read once per refresh."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from app.services.compliance import ComplianceService, YearCompliance
from app.services.reminder_types import Occurrence
from app.services.reminders import ReminderService

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

    def year_view(self, compliance: ComplianceService, year: int, member_rows: bool = True) -> YearCompliance:
        """A view with member rows serves a request without them as well."""
        full = self._values.get(("year_view", year, True))
        if full is not None:
            return full  # type: ignore[return-value]
        return self.get(("year_view", year, member_rows), lambda: compliance.year_view(year, member_rows=member_rows))

    def occurrences(self, reminders: ReminderService, first: dt.date, last: dt.date) -> list[Occurrence]:
        """Served from the widest range read so far when it covers [first, last]."""
        if self._occurrences is not None:
            have_first, have_last, found = self._occurrences
            if have_first <= first and last <= have_last:
                return [o for o in found if first <= o.due <= last]
        found = reminders.occurrences(first, last)
        self._occurrences = (first, last, found)
        return found
