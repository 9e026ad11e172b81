"""整改台账: where problems came from (巡察, 审计 …), each problem with its measures, progress with
proof, 销号, and every reopening with its reason."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


class RectSource(Base):
    """A 问题来源: one inspection, audit, review … that raised problems."""

    __tablename__ = "rect_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # rect_types.SOURCE_KINDS
    title: Mapped[str] = mapped_column(String(200))
    raised_on: Mapped[dt.date] = mapped_column(Date)
    raised_by: Mapped[str] = mapped_column(String(100), default="")  # the body that raised it
    doc_no: Mapped[str] = mapped_column(String(60), default="")  # 文号, if any
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    items: Mapped[list[RectItem]] = relationship(order_by="RectItem.seq")


class RectItem(Base):
    """One 问题 and how it is to be put right."""

    __tablename__ = "rect_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("rect_source.id", ondelete="RESTRICT"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    problem: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))  # 立行立改 / 限期整改 / 长期坚持
    goal: Mapped[str] = mapped_column(Text, default="")  # 整改目标
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)  # 长期坚持: none
    closed_on: Mapped[dt.date | None] = mapped_column(Date)  # 销号日期
    accepted_by: Mapped[str] = mapped_column(String(50), default="")  # 验收人
    acceptance: Mapped[str] = mapped_column(Text, default="")  # 验收意见
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    measures: Mapped[list[RectMeasure]] = relationship(cascade="all, delete-orphan", order_by="RectMeasure.seq")
    progress: Mapped[list[RectProgress]] = relationship(order_by="RectProgress.date")
    reopenings: Mapped[list[RectReopening]] = relationship(order_by="RectReopening.id")


class RectMeasure(Base):
    __tablename__ = "rect_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("rect_item.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class RectProgress(Base):
    """A dated step of the work, with its proof (files, and the records that show it)."""

    __tablename__ = "rect_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("rect_item.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    attachments: Mapped[list[RectAttachment]] = relationship(cascade="all, delete-orphan",
                                                             order_by="RectAttachment.id")
    links: Mapped[list[RectLink]] = relationship(cascade="all, delete-orphan", order_by="RectLink.id")


class RectAttachment(Base):
    """佐证材料: a file copied into the data dir's attachments/ (as a meeting's are)."""

    __tablename__ = "rect_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    progress_id: Mapped[int] = mapped_column(ForeignKey("rect_progress.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    stored_name: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)


class RectLink(Base):
    """A record that proves the progress: a meeting, a notice, a matter or a reminder occurrence."""

    __tablename__ = "rect_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    progress_id: Mapped[int] = mapped_column(ForeignKey("rect_progress.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # meeting / notice / matter / reminder
    ref_id: Mapped[int] = mapped_column(Integer)
    ref_date: Mapped[dt.date | None] = mapped_column(Date)  # a reminder occurrence's due day
    label: Mapped[str] = mapped_column(String(200))  # what the record was called when linked


class RectReopening(Base):
    """A 销号 taken back by a 管理员, with the reason and what the 销号 had said."""

    __tablename__ = "rect_reopening"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("rect_item.id", ondelete="RESTRICT"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(60))
    closed_on: Mapped[dt.date] = mapped_column(Date)
    accepted_by: Mapped[str] = mapped_column(String(50), default="")
