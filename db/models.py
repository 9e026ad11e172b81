"""Typed tables. Every schema change goes through a migration in db/migrations/versions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


# Not in the audit log: the log itself, and a derived index rebuilt on every save.
UNAUDITED_TABLES = frozenset({"audit_log", "meeting_gram"})


class Base(DeclarativeBase):
    pass


class VillageProfile(Base):
    """The village's own details; one row. It lives in the database because it prints."""

    __tablename__ = "village_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_name: Mapped[str] = mapped_column(String(50))
    township: Mapped[str] = mapped_column(String(50), default="")
    party_org_name: Mapped[str] = mapped_column(String(100), default="")
    committee_name: Mapped[str] = mapped_column(String(100), default="")
    supervision_phone: Mapped[str] = mapped_column(String(30), default="")


class Term(Base):
    """A 届: both committees are elected together and serve five years."""

    __tablename__ = "term"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)


class Person(Base):
    """A 两委 member or an ordinary party member (or both, over time)."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), index=True)
    gender: Mapped[str] = mapped_column(String(2), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    native_place: Mapped[str] = mapped_column(String(50), default="")
    # NULL when unknown; unique when given (SQLite allows many NULLs in a unique column).
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    political_status: Mapped[str] = mapped_column(String(20), default="")
    party_join_date: Mapped[dt.date | None] = mapped_column(Date)
    full_member_date: Mapped[dt.date | None] = mapped_column(Date)
    education: Mapped[str] = mapped_column(String(20), default="")
    education_inservice: Mapped[str] = mapped_column(String(20), default="")
    party_group: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # File name inside the data dir's photos/ folder ("" when none).
    photo: Mapped[str] = mapped_column(String(100), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    posts: Mapped[list[Post]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Post.start_date"
    )
    term_duties: Mapped[list[TermDuty]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class Post(Base):
    """One post held by one person in one body, from start to end (NULL end: still held)."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(30))
    term_id: Mapped[int | None] = mapped_column(ForeignKey("term.id", ondelete="RESTRICT"))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(String(50), default="")

    person: Mapped[Person] = relationship(back_populates="posts")
    term: Mapped[Term | None] = relationship()


class TermDuty(Base):
    """Per person and term: the work they manage (分工) and their public duty commitment."""

    __tablename__ = "term_duty"
    __table_args__ = (UniqueConstraint("person_id", "term_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    # NULL: recorded before any 届 was entered.
    term_id: Mapped[int | None] = mapped_column(ForeignKey("term.id", ondelete="CASCADE"))
    duties: Mapped[str] = mapped_column(Text, default="")
    commitment: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="term_duties")
    term: Mapped[Term | None] = relationship()


class Meta(Base):
    """Key/value facts about the file itself (e.g. the program version that last wrote it)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")





class UserAccount(Base):
    """A person who logs in to the program on the shared PC."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    # scrypt$n$r$p$salt$hash (hex); never the password itself.
    password_hash: Mapped[str] = mapped_column(String(200))
    recovery_hash: Mapped[str] = mapped_column(String(200), default="")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One change to the data, chained to the previous entry by hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(10))  # 新增 / 修改 / 删除
    area: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[int | None] = mapped_column(Integer)
    record_label: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


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


class Notice(Base):
    """A 三公开 notice for the 公开栏: drafted, reviewed by the 监委会, posted, then expired."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(10), index=True)  # 党务公开 / 村务公开 / 财务公开
    subtype: Mapped[str] = mapped_column(String(20), default="其他")
    title: Mapped[str] = mapped_column(String(200))
    period_kind: Mapped[str] = mapped_column(String(10))  # month / quarter / year
    period_year: Mapped[int] = mapped_column(Integer, index=True)
    period_no: Mapped[int] = mapped_column(Integer, default=0)  # month 1-12, quarter 1-4, 0 for a year
    post_from: Mapped[dt.date | None] = mapped_column(Date)
    post_to: Mapped[dt.date | None] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text, default="")
    public_numbers: Mapped[str] = mapped_column(Text, default="")  # numbers marked to print whole
    supervision_phone: Mapped[str] = mapped_column(String(30), default="")
    issuer: Mapped[str] = mapped_column(String(20), default="村委会")  # 党支部 / 村委会 / 党支部、村委会
    status: Mapped[str] = mapped_column(String(10), default="草稿")  # 草稿 待审核 已审核 已公开
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    review_opinion: Mapped[str] = mapped_column(Text, default="")
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    posted_date: Mapped[dt.date | None] = mapped_column(Date)
    photo: Mapped[str] = mapped_column(String(100), default="")  # the board, after posting
    opening_balance_fen: Mapped[int | None] = mapped_column(Integer)  # 上期结余 when not carried
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id", ondelete="RESTRICT"))
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("matter.id", ondelete="SET NULL"))
    matter_step: Mapped[int | None] = mapped_column(Integer)  # 5 决议公开 / 6 实施结果公开
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    items: Mapped[list[NoticeItem]] = relationship(cascade="all, delete-orphan", order_by="NoticeItem.seq")


class NoticeItem(Base):
    """One line of a 财务公开 item table. Money in integer fen, never float."""

    __tablename__ = "notice_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date)
    item: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(2))  # 收入 / 支出
    amount_fen: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(100), default="")  # 资金来源
    handler: Mapped[str] = mapped_column(String(50), default="")  # 经手人
    note: Mapped[str] = mapped_column(String(200), default="")


class VillagerQuestion(Base):
    """群众意见: a villager's question about a notice (or in general) and the answer."""

    __tablename__ = "villager_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notice.id", ondelete="SET NULL"), index=True)
    asked_on: Mapped[dt.date] = mapped_column(Date)
    asker: Mapped[str] = mapped_column(String(50), default="")
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date)


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
