"""One look at the data for the start page: its list and its figures ask for the same matters,
compliance views, marks, reminder occurrences and the day the records begin, and each is read
once per refresh."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import case, func, select

from app.services.meetings.compliance import ComplianceService, YearCompliance
from app.services.reminders.reminder_types import Occurrence
from app.services.reminders.reminders import ReminderService
from db.models import AuditEntry, Meeting, Notice
from db.session import Database

T = TypeVar("T")


def read_records_begin(db: Database) -> dt.date | None:
    """The day the village's records begin: the earliest of the first audit_log entry (written
    when the village profile is first saved), the earliest meeting and the earliest start of a
    notice's 所属期; None when there is nothing at all. One query, each part served by an index."""
    first_year = select(func.min(Notice.period_year)).scalar_subquery()
    # The first month of a 所属期: the month, the quarter's first month, or January for a year.
    month = case((Notice.period_kind == "month", Notice.period_no),
                 (Notice.period_kind == "quarter", 3 * Notice.period_no - 2), else_=1)
    query = select(
        select(func.min(AuditEntry.at)).scalar_subquery(),
        select(func.min(Meeting.date)).scalar_subquery(),
        first_year,
        select(func.min(month)).where(Notice.period_year == first_year).scalar_subquery(),
    )
    with db.read() as s:
        logged, met, year, first_month = s.execute(query).one()
    found = []
    if logged is not None:
        found.append(logged.date() if isinstance(logged, dt.datetime) else logged)
    if met is not None:
        found.append(met)
    if year is not None:
        found.append(dt.date(year, min(max(first_month or 1, 1), 12), 1))
    return min(found) if found else None


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
        """read_records_begin, or ``today`` for a village with no records yet; read once."""
        return self.get("records_begin", lambda: read_records_begin(db) or today)

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
