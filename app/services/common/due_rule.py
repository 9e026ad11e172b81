"""The one rule of what is due and missing on a day, for every place that counts: the 工作台
list and figures, 制度落实情况, 三公开 需要处理, ``due`` and every print.

A period of a requirement (a month of 支委会, a quarter of 财务公开 …) is, on a given day:
- 建账前 when it ended before the village's records begin: a new install is not told it
  missed the months before anything was entered;
- 已完成 when satisfied by what is recorded up to that day;
- 缺 when its due day is past without that;
- 未到期 otherwise.
ComplianceService.year_view applies it to meeting periods, NoticeService.schedule to notice
periods; everything else reads those two.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import case, func, select

from db.models import AuditEntry, Meeting, Notice
from db.session import Database


class PeriodState(str, enum.Enum):
    DONE = "已完成"
    MISSING = "缺"
    NOT_DUE = "未到期"
    BEFORE_RECORDS = "建账前"


def late(due: dt.date, today: dt.date) -> bool:
    """Past its due day: 已逾期 on the start page, 缺 when not satisfied."""
    return due < today


def counts(due: dt.date, today: dt.date, satisfied: bool) -> bool:
    """Whether a period counts in the figures: satisfied already, or past its due day."""
    return satisfied or late(due, today)


def period_state(*, satisfied: bool, due: dt.date, end: dt.date, today: dt.date, begin: dt.date) -> PeriodState:
    """The state of a period ending on ``end`` and due on ``due``, seen on ``today``."""
    if satisfied:
        return PeriodState.DONE
    if end < begin:
        return PeriodState.BEFORE_RECORDS
    return PeriodState.MISSING if late(due, today) else PeriodState.NOT_DUE


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


def records_begin(db: Database, today: dt.date) -> dt.date:
    """read_records_begin, or ``today`` for a village with no records yet."""
    return read_records_begin(db) or today
