"""The team's own rules: 年度党建计划, 主体责任清单 and 责任书, 学习制度, 值班制度."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class TeamPlan(Base):
    """One year's 年度党建计划, adopted at a meeting (支委会 / 党员大会)."""

    __tablename__ = "team_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    adopted_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    items: Mapped[list[TeamPlanItem]] = relationship(cascade="all, delete-orphan", order_by="TeamPlanItem.seq")


class TeamPlanItem(Base):
    """One line of the plan: when, what, who, the standard, and optionally the record that proves it."""

    __tablename__ = "team_plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("team_plan.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    span_kind: Mapped[str] = mapped_column(String(10))  # month / quarter / year
    span_no: Mapped[int] = mapped_column(Integer, default=0)  # month 1-12, quarter 1-4, 0 for the year
    content: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    standard: Mapped[str] = mapped_column(Text, default="")
    proof_kind: Mapped[str] = mapped_column(String(10), default="")  # "" / meeting / notice / matter / reminder
    proof_ref: Mapped[str] = mapped_column(String(40), default="")  # a meeting kind, notice category, record id
    done_on: Mapped[dt.date | None] = mapped_column(Date)  # marked done by hand
    done_note: Mapped[str] = mapped_column(Text, default="")


class TeamPlanChange(Base):
    """A change made to a plan after it was adopted."""

    __tablename__ = "team_plan_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("team_plan.id", ondelete="CASCADE"), index=True)
    changed_on: Mapped[dt.date] = mapped_column(Date)
    what: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


class TeamDutyItem(Base):
    """A task of one member's 主体责任清单 for a year (the 书记's as 第一责任人)."""

    __tablename__ = "team_duty_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    task: Mapped[str] = mapped_column(Text)
    deadline: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class TeamPledge(Base):
    """A member's 责任书 for a year, and the year-end 述责述廉 and 考核."""

    __tablename__ = "team_pledge"
    __table_args__ = (UniqueConstraint("year", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    scan_title: Mapped[str] = mapped_column(String(200), default="")  # the scanned copy's file name
    scan_stored: Mapped[str] = mapped_column(String(100), default="")  # inside the data dir's attachments/
    report_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    report_text: Mapped[str] = mapped_column(Text, default="")  # 述责述廉, when not at a meeting
    assessment: Mapped[str] = mapped_column(String(10), default="")  # 优秀 / 称职 / 基本称职 / 不称职
    assessment_note: Mapped[str] = mapped_column(Text, default="")


class TeamStudySession(Base):
    """What a 集中学习 meeting adds to the meeting record: its 学时 and the texts studied."""

    __tablename__ = "team_study_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), unique=True)
    hours_tenths: Mapped[int] = mapped_column(Integer)  # 学时 × 10: 1.5 学时 is 15, never a float
    materials: Mapped[str] = mapped_column(Text, default="")  # 篇目 / 文件


class TeamSelfStudy(Base):
    """One 个人自学 entry."""

    __tablename__ = "team_self_study"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    content: Mapped[str] = mapped_column(Text)
    hours_tenths: Mapped[int] = mapped_column(Integer)


class TeamRotaSlot(Base):
    """Who is on duty on a day: the 值班人员, and on holidays the 带班领导."""

    __tablename__ = "team_rota_slot"
    __table_args__ = (UniqueConstraint("day", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    role: Mapped[str] = mapped_column(String(10))  # 值班人员 / 带班领导
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)


class TeamRotaSwap(Base):
    """A swap of duty, as logged when the rota was changed by hand."""

    __tablename__ = "team_rota_swap"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    role: Mapped[str] = mapped_column(String(10))
    from_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    to_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    logged_on: Mapped[dt.date] = mapped_column(Date)


class TeamDutyLog(Base):
    """One day's 值班记录."""

    __tablename__ = "team_duty_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    calls: Mapped[str] = mapped_column(Text, default="")  # 来电
    visits: Mapped[str] = mapped_column(Text, default="")  # 来访
    events: Mapped[str] = mapped_column(Text, default="")  # 事件
    handling: Mapped[str] = mapped_column(Text, default="")  # 处理情况
    handover: Mapped[str] = mapped_column(Text, default="")  # 交接
