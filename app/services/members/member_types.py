"""Plain data passed between the members service and its callers (UI, import, reports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.services.members.posts import is_committee_post


@dataclass
class PostData:
    title: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    term_id: int | None = None
    end_reason: str = ""
    id: int | None = None  # None for a post not saved yet

    def active_on(self, day: dt.date) -> bool:
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or self.end_date >= day)


@dataclass
class PersonData:
    """Everything the member form edits. ``values`` is keyed by member_fields keys."""

    values: dict[str, object]
    posts: list[PostData] = field(default_factory=list)
    duties: str = ""
    commitment: str = ""
    term_id: int | None = None  # the term the duties and commitment belong to


@dataclass(frozen=True)
class TermInfo:
    id: int
    name: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass(frozen=True)
class MemberRow:
    """One line of the members table."""

    id: int
    values: dict[str, object]
    current_posts: tuple[str, ...]
    all_posts: tuple[PostData, ...]
    duties: str
    in_office_since: dt.date | None
    left_on: dt.date | None
    search_keys: str
    sort_name: str

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")

    @property
    def in_office(self) -> bool:
        """On the 两委 or the 监委会 now (a 村民代表 or 团支部书记 alone is not the team)."""
        return any(is_committee_post(t) for t in self.current_posts)

    @property
    def committee_posts(self) -> tuple[str, ...]:
        return tuple(t for t in self.current_posts if is_committee_post(t))

    @property
    def has_left(self) -> bool:
        return not self.current_posts and bool(self.all_posts)


@dataclass(frozen=True)
class TeamSummary:
    day: dt.date
    party_members: tuple[str, ...]
    villager_members: tuple[str, ...]
    supervision_members: tuple[str, ...]
    one_shoulder: tuple[str, ...]  # 一肩挑: 书记 who is also 村委会主任
    cross: tuple[str, ...]  # 交叉任职: on both the party committee and the villagers' committee
    # 理事长 of the collective economy, and those of them who are also 党支部书记 (common policy).
    economy_heads: tuple[str, ...] = ()
    secretary_heads_economy: tuple[str, ...] = ()

    @property
    def cross_rate(self) -> float | None:
        """交叉任职人数 ÷ (党组织委员数 + 村委会委员数 − 交叉任职人数)."""
        denominator = len(self.party_members) + len(self.villager_members) - len(self.cross)
        return None if denominator == 0 else len(self.cross) / denominator
