"""Records made through the real services for the 工作台 tests (derived reminders, figures)."""

from __future__ import annotations

import datetime as dt

from conftest import person

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import AttendanceData, MatterData, MeetingData
from app.services.notices.notice_rules import period_bounds
from app.services.notices.notice_types import NoticeData, Period
from app.services.reminders.reminder_types import DoneRecord, Recurrence, ReminderData

NOW = dt.datetime(2026, 11, 27, 10, 0)


def at(services, day: dt.date) -> None:
    """Move the shared clock (every service of ``services`` reads it)."""
    services.clock.moment = dt.datetime.combine(day, dt.time(10, 0))


def meeting(services, kind: Kind, day: dt.date, *present: int) -> int:
    data = MeetingData(kinds=[kind.value], topic="学习贯彻会议精神", date=day,
                       attendance=[AttendanceData(pid) for pid in present])
    return services.meetings.save(data, confirmed=True)


def records_from(services, day: dt.date) -> int:
    """A back-entered record dated ``day`` (an 其他 meeting, which no rule requires), so the
    village's records begin that day and the gaps of the periods from then on show."""
    return meeting(services, Kind.OTHER, day)


def committee(services) -> tuple[int, int]:
    """张书记 (党支部书记) and 李组织 (组织委员), both on the party committee since 2021-05-01."""
    secretary = services.members.save(person("张书记", "党支部书记", political_status="中共党员"))
    organiser = services.members.save(person("李组织", "组织委员", political_status="中共党员"))
    return secretary, organiser


def reviewer(services) -> int:
    """A 监委会 member who reviews every kind (党务公开 too, set so in the settings)."""
    services.notice_review.set_body("党务公开", "监委会")
    return services.members.save(person("赵监督", "监委会委员"))


def notice(services, category: str, period: Period, title: str = "", start: dt.date | None = None) -> int:
    """A draft notice; its 公开期 starts on ``start`` (default: the day after the period ends)."""
    start = start or period_end(period) + dt.timedelta(days=1)
    data = NoticeData(category=category, title=title or f"红旗村{period.label}{category}", period=period,
                      issuer="党支部" if category == "党务公开" else "村委会",
                      post_from=start, post_to=start + dt.timedelta(days=6))
    return services.notices.save(data, confirmed=True)


def period_end(period: Period) -> dt.date:
    return period_bounds(period)[1]


def publish(services, notice_id: int, reviewer_id: int, day: dt.date) -> None:
    services.notices.submit(notice_id)
    services.notices.review(notice_id, reviewer_id, "同意公开", day, approve=True)
    services.notices.post(notice_id, day)


def matter_entered_on(services, day: dt.date, name: str = "村道硬化工程") -> int:
    """A matter entered on ``day`` (the clock is moved there and back)."""
    today = services.clock.today()
    at(services, day)
    try:
        return services.matters.save(MatterData(name=name, category="项目", source="村干部提议"))
    finally:
        at(services, today)


def reminder(services, kind: str, subject: str, anchor: dt.date, *people: int,
             recurrence: Recurrence = Recurrence.ONCE) -> int:
    data = ReminderData(kind=kind, subject=subject, anchor=anchor, recurrence=recurrence,
                        person_ids=list(people), all_cadres=not people)
    return services.reminders.save(data, confirmed=True)


def done(services, reminder_id: int, due: dt.date) -> None:
    services.reminders.mark_done(reminder_id, due, DoneRecord(due, "谈话", "已提醒", "张书记"))
