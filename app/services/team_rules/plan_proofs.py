"""When the record a plan item links to exists: the day it proves the item done, or None.

A linked item is done on the first day its proof appears from the start of the item's period to
the end of the plan's year (a March 党课 held in April is done, late). Held means dated on or
before today, as in the compliance view: a meeting dated ahead is a plan, not a meeting.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.services.team_rules.team_types import (
    PROOF_MATTER,
    PROOF_MEETING,
    PROOF_NOTICE,
    PROOF_REMINDER,
    PlanItemData,
    When,
)
from db.models import Matter, MatterStep, Meeting, MeetingKind, Notice, Reminder, ReminderOccurrence

LAST_STEP = 6  # 实施结果公开: a 四议两公开 matter is carried out when its sixth step is recorded
POSTED = "已公开"


def proof_day(s: Session, year: int, item: PlanItemData, today: dt.date) -> dt.date | None:
    start, _end = item.when.bounds(year)
    last = min(dt.date(year, 12, 31), today)
    if start > last:
        return None
    ref = item.proof_ref
    if item.proof_kind == PROOF_MEETING:
        query = (select(func.min(Meeting.date)).join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
                 .where(MeetingKind.kind == ref, Meeting.date.between(start, last)))
        return s.scalar(query)
    if item.proof_kind == PROOF_NOTICE:
        return _notice_day(s, year, item.when, ref, last)
    if not ref.isdigit():
        return None
    if item.proof_kind == PROOF_MATTER:
        query = select(MatterStep.date).where(MatterStep.matter_id == int(ref), MatterStep.step == LAST_STEP,
                                              MatterStep.date <= last)
        return s.scalar(query)
    if item.proof_kind == PROOF_REMINDER:
        query = (select(func.min(ReminderOccurrence.done_on))
                 .where(ReminderOccurrence.reminder_id == int(ref), ReminderOccurrence.due_date.between(start, last),
                        ReminderOccurrence.done_on <= last))
        return s.scalar(query)
    return None


def _notice_day(s: Session, year: int, when: When, category: str, last: dt.date) -> dt.date | None:
    """A notice of ``category`` for a period that overlaps the item's, posted by ``last``."""
    start, end = when.bounds(year)
    query = select(Notice.period_kind, Notice.period_no, Notice.posted_date).where(
        Notice.category == category, Notice.period_year == year, Notice.status == POSTED,
        Notice.posted_date.is_not(None), Notice.posted_date <= last)
    found = []
    for kind, number, posted in s.execute(query):
        first, final = When(kind if kind in ("month", "quarter") else "year", number or 0).bounds(year)
        if first <= end and final >= start:
            found.append(posted)
    return min(found) if found else None


def proof_label(s: Session, item: PlanItemData) -> str:
    """What the link points at, in words: “会议：党课” / “四议两公开：村道硬化工程”."""
    ref = item.proof_ref
    if item.proof_kind == PROOF_MEETING:
        return f"会议：{ref}"
    if item.proof_kind == PROOF_NOTICE:
        return f"公开：{ref}"
    if item.proof_kind == PROOF_MATTER and ref.isdigit():
        name = s.scalar(select(Matter.name).where(Matter.id == int(ref)))
        return f"四议两公开：{name or '（已删除）'}"
    if item.proof_kind == PROOF_REMINDER and ref.isdigit():
        subject = s.scalar(select(Reminder.subject).where(Reminder.id == int(ref)))
        return f"纪律提醒：{subject or '（已删除）'}"
    return ""
