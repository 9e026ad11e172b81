"""Plain data passed between the bodies services and their callers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class GroupData:
    name: str
    leader_id: int | None = None
    households: int = 0
    adults: int = 0


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    leader_id: int | None
    leader: str
    households: int
    adults: int
    representatives: int  # in office today


@dataclass
class RepresentativeData:
    """What the 村民代表 form edits: the person's own details and the 村民代表 post."""

    name: str
    gender: str = ""
    phone: str = ""
    group_id: int | None = None
    contact_households: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    term_id: int | None = None
    end_reason: str = ""


@dataclass(frozen=True)
class RepresentativeRow:
    person_id: int
    name: str
    gender: str
    phone: str
    group: str
    contact_households: int | None
    start_date: dt.date | None
    end_date: dt.date | None
    in_office: bool
    sort_name: str


@dataclass(frozen=True)
class PartyGroupRow:
    id: int
    name: str
    leader_id: int | None
    leader: str
    members: tuple[str, ...]  # party members whose 党小组 is this group
