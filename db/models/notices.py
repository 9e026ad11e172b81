"""三公开 notices, their item tables and villagers' questions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


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
