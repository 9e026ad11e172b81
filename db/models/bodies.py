"""The village's other bodies: 村民小组, what a 村民代表 post cannot hold, 党小组, which bodies the
village has, and the head counts of a 村民会议. Officers themselves are Post rows."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class VillagerGroup(Base):
    """A 村民小组 (组织法 art. 28) with its 组长 and the figures the clerk keeps up to date."""

    __tablename__ = "villager_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    households: Mapped[int] = mapped_column(Integer, default=0)  # 户数
    adults: Mapped[int] = mapped_column(Integer, default=0)  # 18 岁以上人数
    position: Mapped[int] = mapped_column(Integer, default=0)  # order on screen and in prints


class RepresentativeDetail(Base):
    """Per person: the 村民小组 a 村民代表 comes from and the households they keep in touch with."""

    __tablename__ = "representative_detail"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_group.id", ondelete="SET NULL"))
    contact_households: Mapped[int | None] = mapped_column(Integer)  # 联系户数


class PartyGroup(Base):
    """A 党小组 and its 组长; its members are the party members whose person.party_group names it."""

    __tablename__ = "party_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class VillageBody(Base):
    """Whether the village has one of the optional bodies (工会 …); a body with no row is kept."""

    __tablename__ = "village_body"

    body: Mapped[str] = mapped_column(String(20), primary_key=True)
    kept: Mapped[bool] = mapped_column(default=True)


class VillagerMeetingCount(Base):
    """A 村民会议 counts heads, not names: the adults or households present against the totals."""

    __tablename__ = "villager_meeting_count"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    # NULL: the whole village; else the 村民小组 that met (its own 村民小组会议).
    group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_group.id", ondelete="SET NULL"))
    adults_total: Mapped[int] = mapped_column(Integer, default=0)
    adults_present: Mapped[int] = mapped_column(Integer, default=0)
    households_total: Mapped[int] = mapped_column(Integer, default=0)
    households_present: Mapped[int] = mapped_column(Integer, default=0)
