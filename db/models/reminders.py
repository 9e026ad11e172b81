"""纪律提醒, their targets, what was done, and dispositions of derived reminders."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class Reminder(Base):
    """A 纪律提醒: what to remind whom of, and when it falls due (once or recurring)."""

    __tablename__ = "reminder"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # reminder_types.KINDS
    subject: Mapped[str] = mapped_column(String(200))  # 事由
    detail: Mapped[str] = mapped_column(Text, default="")  # the rules it recalls, printed in the letter
    all_cadres: Mapped[bool] = mapped_column(default=False)  # 对象: all 两委 members on the due day
    recurrence: Mapped[str] = mapped_column(String(10), default="once")  # reminder_types.Recurrence
    anchor: Mapped[dt.date] = mapped_column(Date)  # the (first) due date; recurrences repeat from it
    holiday: Mapped[str] = mapped_column(String(10), default="")  # for recurrence "holiday"
    days_before: Mapped[int] = mapped_column(Integer, default=0)  # for recurrence "holiday"
    until: Mapped[dt.date | None] = mapped_column(Date)  # no occurrences after this day
    event_kind: Mapped[str] = mapped_column(String(10), default="")  # 婚丧喜庆: 婚嫁 / 丧事 / 其他喜庆
    event_date: Mapped[dt.date | None] = mapped_column(Date)  # 婚丧喜庆: the day of the event
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    targets: Mapped[list[ReminderTarget]] = relationship(cascade="all, delete-orphan")
    occurrences: Mapped[list[ReminderOccurrence]] = relationship(order_by="ReminderOccurrence.due_date")


class ReminderTarget(Base):
    __tablename__ = "reminder_target"
    __table_args__ = (UniqueConstraint("reminder_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reminder_id: Mapped[int] = mapped_column(ForeignKey("reminder.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)


class ReminderOccurrence(Base):
    """The record of one occurrence being done (办理): kept for ever as the history."""

    __tablename__ = "reminder_occurrence"
    __table_args__ = (UniqueConstraint("reminder_id", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reminder_id: Mapped[int] = mapped_column(ForeignKey("reminder.id", ondelete="RESTRICT"), index=True)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # 谈话 / 会议 / 书面
    note: Mapped[str] = mapped_column(Text, default="")
    done_by: Mapped[str] = mapped_column(String(50))  # who carried it out (a name)


class DerivedDisposition(Base):
    """已处理 / 忽略 with a reason for one reminder derived from the other tabs (by its key)."""

    __tablename__ = "derived_disposition"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)  # workbench_types.DueItem.key
    title: Mapped[str] = mapped_column(String(200))  # what the item said, kept for the ledger
    area: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(4))  # 已处理 / 忽略
    reason: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[dt.date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(60))
