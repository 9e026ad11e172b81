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


def meeting_proofs(s: Session, year: int, items: list[tuple[int, PlanItemData]],
                   today: dt.date) -> dict[int, dt.date]:
    """item id -> the day a meeting proves it, for the items linked to a meeting kind.

    One meeting proves one item. A meeting in an item's own period proves that item; a meeting
    left over after that proves the earliest item before it still open, late (a make-up 支委会 in
    September for a missed August). So a missed month stays missed when the next month's meeting
    is only that month's own."""
    last = min(dt.date(year, 12, 31), today)
    found: dict[int, dt.date] = {}
    by_kind: dict[str, list[tuple[int, dt.date, dt.date]]] = {}
    for item_id, data in items:
        if data.proof_kind == PROOF_MEETING:
            start, end = data.when.bounds(year)
            by_kind.setdefault(data.proof_ref, []).append((item_id, start, end))
    for kind, wanted in by_kind.items():
        query = (select(Meeting.date).join(MeetingKind, MeetingKind.meeting_id == Meeting.id)
                 .where(MeetingKind.kind == kind, Meeting.date.between(dt.date(year, 1, 1), last))
                 .order_by(Meeting.date))
        days = list(s.scalars(query))
        used = [False] * len(days)
        for item_id, start, end in sorted(wanted, key=lambda w: (w[2], w[1])):
            for n, day in enumerate(days):
                if not used[n] and start <= day <= end:
                    used[n], found[item_id] = True, day
                    break
        for item_id, start, end in sorted(wanted, key=lambda w: (w[2], w[1])):
            if item_id in found:
                continue
            for n, day in enumerate(days):
                if not used[n] and day > end:
                    used[n], found[item_id] = True, day
                    break
    return found


def proof_day(s: Session, year: int, item: PlanItemData, today: dt.date) -> dt.date | None:
    """The day a notice, matter or reminder proves ``item`` (meetings: meeting_proofs)."""
    start, _end = item.when.bounds(year)
    last = min(dt.date(year, 12, 31), today)
    if start > last:
        return None
    ref = item.proof_ref
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
