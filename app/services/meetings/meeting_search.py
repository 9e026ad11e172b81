"""Which meetings a list shows: the filters of the 会议 page, and the words index they search.

Typed words are looked up in the words index (db/search_grams.py, table meeting_gram), whose rows
run gram → date → meeting: one word's meetings come newest first straight from the index, and a
year's count is one range read, whatever the number of meetings. The rarest-looking gram (the first
the rarest gram drives (counted up to a cap, a few index entries each); every other gram is
checked only for the meetings the driver yields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, and_, delete, exists, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from app.services.meetings.meeting_types import PRESENT
from db.models import Attendance, Meeting, MeetingGram, MeetingKind
from db.search_grams import query_grams
from db.search_grams import rows as gram_rows


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    month: int | None = None
    kind: str | None = None
    person_id: int | None = None
    text: str = ""
    driver: str = ""  # the rarest gram of the words (with_driver), read first

    @property
    def words(self) -> list[str]:
        return self.text.split()


_RARITY_CAP = 2000  # index entries read per gram to rank them: enough to tell rare from common


def with_driver(s: Session, filters: Filters) -> Filters:
    """``filters`` with the gram to read first: the one the fewest meetings hold."""
    needed = sorted({g for w in filters.words for g in query_grams(w)})
    if len(needed) <= 1:
        return replace(filters, driver=needed[0] if needed else "")

    def held(gram: str) -> int:
        capped = select(MeetingGram.meeting_id).where(MeetingGram.gram == gram).limit(_RARITY_CAP).subquery()
        return s.scalar(select(func.count()).select_from(capped)) or 0

    return replace(filters, driver=min(needed, key=held))


def newest_first(query: Select, filters: Filters) -> Select:
    """``query`` (selecting Meeting columns) limited to the matching meetings, newest first."""
    words = filters.words
    if not words:
        return (query.where(*_conditions(filters, Meeting.id, Meeting.date))
                .order_by(Meeting.date.desc(), Meeting.start_time.desc(), Meeting.id.desc()))
    g = aliased(MeetingGram)
    return (query.join(g, and_(g.meeting_id == Meeting.id, g.gram == filters.driver))
            .where(*_conditions(filters, g.meeting_id, g.date), *_text_conditions(words, Meeting))
            .order_by(g.date.desc(), Meeting.start_time.desc(), g.meeting_id.desc()))


def count_query(filters: Filters) -> Select:
    """How many meetings match: read from the index alone unless a word needs its text checked."""
    words = filters.words
    if not words:
        return select(func.count(Meeting.id)).where(*_conditions(filters, Meeting.id, Meeting.date))
    g = aliased(MeetingGram)
    query = select(func.count()).select_from(g).where(g.gram == filters.driver,
                                                      *_conditions(filters, g.meeting_id, g.date))
    if any(len(w) > 2 for w in words):
        query = query.join(Meeting, Meeting.id == g.meeting_id).where(*_text_conditions(words, Meeting))
    return query


def index_meeting(s: Session, meeting: Meeting) -> None:
    """Rebuild one meeting's rows of the words index, in the save's transaction."""
    s.execute(delete(MeetingGram).where(MeetingGram.meeting_id == meeting.id))
    found = gram_rows(meeting.id, meeting.date, (meeting.topic or "", meeting.minutes or ""))
    if found:
        s.execute(insert(MeetingGram), found)


def _conditions(filters: Filters, meeting_id, date) -> list[ColumnElement]:  # noqa: ANN001 - columns
    """Every filter but the words' text, on whichever table's meeting id and date lead the query."""
    found: list[ColumnElement] = []
    year, month = filters.year, filters.month
    if year is not None and month is not None:
        start = dt.date(year, month, 1)
        found += [date >= start, date < dt.date(year + month // 12, month % 12 + 1, 1)]
    elif year is not None:
        found += [date >= dt.date(year, 1, 1), date < dt.date(year + 1, 1, 1)]
    elif month is not None:
        found.append(func.strftime("%m", date) == f"{month:02d}")
    if filters.kind:
        found.append(meeting_id.in_(select(MeetingKind.meeting_id).where(MeetingKind.kind == filters.kind)))
    if filters.person_id is not None:
        found.append(meeting_id.in_(select(Attendance.meeting_id).where(
            Attendance.person_id == filters.person_id, Attendance.status == PRESENT)))
    if filters.words:
        for gram in sorted({g for w in filters.words for g in query_grams(w)} - {filters.driver}):
            other = aliased(MeetingGram)
            found.append(exists().where(other.gram == gram, other.date == date, other.meeting_id == meeting_id))
    return found


def _text_conditions(words: list[str], meeting) -> list[ColumnElement]:  # noqa: ANN001 - the Meeting entity
    """Words of three or more characters: their pairs were all found, now the exact text."""
    found = []
    for word in words:
        if len(word) > 2:
            pattern = f"%{_escape_like(word)}%"
            found.append(or_(meeting.topic.like(pattern, escape="\\"), meeting.minutes.like(pattern, escape="\\")))
    return found


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
