"""Meetings, their attendance and attachments, the search index, and 四议两公开 matters."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class Meeting(Base):
    """One sitting: 三会一课, 主题党日, joint meetings … (one sitting can count for two kinds)."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "09:00"
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    host_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    party_group: Mapped[str] = mapped_column(String(30), default="")  # for 党小组会
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)
    observers: Mapped[str] = mapped_column(Text, default="")  # 列席, free names
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    kinds: Mapped[list[MeetingKind]] = relationship(cascade="all, delete-orphan")
    attendance: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan")
    attachments: Mapped[list[MeetingAttachment]] = relationship(cascade="all, delete-orphan")


class MeetingKind(Base):
    __tablename__ = "meeting_kind"
    __table_args__ = (UniqueConstraint("meeting_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)


class Attendance(Base):
    """One expected attendee (应到) and what happened: 出席 / 请假 (reason) / 缺席."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(4), default="出席")
    reason: Mapped[str] = mapped_column(String(200), default="")
    voting: Mapped[bool] = mapped_column(default=True)  # 预备党员 attend but do not vote


class MeetingAttachment(Base):
    __tablename__ = "meeting_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))  # the original file name
    stored_name: Mapped[str] = mapped_column(String(100))  # inside the data dir's attachments/
    size: Mapped[int] = mapped_column(Integer)


class MeetingGram(Base):
    """The search index of a meeting's 主题 and 记录 (db/search_grams.py): derived, rebuilt on save,
    never audited."""

    __tablename__ = "meeting_gram"
    __table_args__ = {"sqlite_with_rowid": False}  # the key is the row: half the size

    # In this order, a word's meetings come newest first and a year's count is one range read.
    gram: Mapped[str] = mapped_column(String(2), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # the meeting's, kept with it on save
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)


class Matter(Base):
    """A 四议两公开 decision matter, followed through its six steps."""

    __tablename__ = "matter"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer)  # money as integer fen, never float
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    steps: Mapped[list[MatterStep]] = relationship(cascade="all, delete-orphan", order_by="MatterStep.step")


class MatterStep(Base):
    """One of 1 提议, 2 商议, 3 审议, 4 决议, 5 决议公开, 6 实施结果公开."""

    __tablename__ = "matter_step"
    __table_args__ = (UniqueConstraint("matter_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("matter.id", ondelete="CASCADE"), index=True)
    step: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    outcome: Mapped[str] = mapped_column(Text, default="")  # 通过 / 未通过 / what was decided
    place: Mapped[str] = mapped_column(String(100), default="")  # 公开 steps: where posted
    posted_text: Mapped[str] = mapped_column(Text, default="")  # 公开 steps: what was posted
    note: Mapped[str] = mapped_column(Text, default="")
