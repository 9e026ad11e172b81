"""The village, its 届 and its people with their posts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class VillageProfile(Base):
    """The village's own details; one row. It lives in the database because it prints."""

    __tablename__ = "village_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_name: Mapped[str] = mapped_column(String(50))
    township: Mapped[str] = mapped_column(String(50), default="")
    party_org_name: Mapped[str] = mapped_column(String(100), default="")
    committee_name: Mapped[str] = mapped_column(String(100), default="")
    supervision_phone: Mapped[str] = mapped_column(String(30), default="")
    # 统计用区划代码, 12 digits ("" until filled in); the township files packages under it.
    area_code: Mapped[str] = mapped_column(String(12), default="", server_default="")


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
