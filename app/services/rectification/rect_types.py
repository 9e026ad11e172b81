"""Plain data of the 整改台账, its words, and the one rule of an item's state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.services.common.dates import format_date
from app.services.meetings.meeting_types import AttachmentData

SOURCE_KINDS = ("巡察", "审计", "上级督查", "届中分析", "民主生活会 / 组织生活会", "群众反映", "自查")
IMMEDIATE, DEADLINE, ONGOING = "立行立改", "限期整改", "长期坚持"
ITEM_KINDS = (IMMEDIATE, DEADLINE, ONGOING)

# States, as the list, the filters and the prints write them.
CLOSED, IN_PROGRESS, OVERDUE, KEEP_ON = "已销号", "整改中", "逾期", "长期坚持"
STATES = (IN_PROGRESS, OVERDUE, CLOSED, KEEP_ON)

# Warnings as villages use them: 20 days before the deadline, again at 10 days, 逾期 after.
FIRST_WARNING_DAYS, SECOND_WARNING_DAYS = 20, 10
# A 长期坚持 item never closes: it is checked once a quarter instead (from its last progress).
CHECK_EVERY_DAYS = 90

# What a progress entry can point at as proof.
LINK_KINDS = {"meeting": "会议记录", "notice": "公告", "matter": "四议两公开事项", "reminder": "纪律提醒"}


def item_state(kind: str, deadline: dt.date | None, closed_on: dt.date | None, today: dt.date) -> str:
    """已销号 / 逾期 / 整改中, or 长期坚持 (which never closes)."""
    if kind == ONGOING:
        return KEEP_ON
    if closed_on is not None and closed_on <= today:
        return CLOSED
    if deadline is not None and deadline < today:
        return OVERDUE
    return IN_PROGRESS


def rate_text(closed: int, due: int) -> str:
    """整改完成率 as printed: 已销号 out of the items that can be closed (长期坚持 never close)."""
    if due == 0:
        return "—"
    return f"{closed * 100 / due:.1f}%".replace(".0%", "%")


@dataclass
class SourceData:
    kind: str
    title: str
    raised_on: dt.date | None
    raised_by: str = ""
    doc_no: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Counts:
    """问题 N 个 and how they stand."""

    items: int = 0
    closed: int = 0
    in_progress: int = 0
    overdue: int = 0
    ongoing: int = 0

    @property
    def closable(self) -> int:
        return self.items - self.ongoing

    @property
    def rate(self) -> str:
        return rate_text(self.closed, self.closable)

    @property
    def line(self) -> str:
        """问题 8 个：已销号 3 个，整改中 2 个，逾期 1 个，长期坚持 2 个；整改完成率 50%。"""
        return (f"问题 {self.items} 个：已销号 {self.closed} 个，整改中 {self.in_progress} 个，逾期 {self.overdue} 个，"
                f"长期坚持 {self.ongoing} 个；整改完成率 {self.rate}。")


@dataclass(frozen=True)
class SourceRow:
    id: int
    kind: str
    title: str
    raised_on: dt.date
    raised_by: str
    doc_no: str
    counts: Counts


@dataclass
class ItemData:
    source_id: int
    problem: str
    kind: str
    measures: list[str]
    owner_id: int | None
    deadline: dt.date | None
    leader_id: int | None = None
    goal: str = ""
    id: int | None = None


@dataclass
class LinkData:
    kind: str  # LINK_KINDS
    ref_id: int
    ref_date: dt.date | None = None
    label: str = ""

    @property
    def text(self) -> str:
        return f"{LINK_KINDS.get(self.kind, self.kind)}：{self.label}"


@dataclass
class ProgressData:
    item_id: int
    date: dt.date | None
    text: str
    attachments: list[AttachmentData] = field(default_factory=list)
    links: list[LinkData] = field(default_factory=list)
    id: int | None = None


@dataclass(frozen=True)
class Reopening:
    date: dt.date
    reason: str
    decided_by: str
    closed_on: dt.date
    accepted_by: str


@dataclass(frozen=True)
class ItemRow:
    """One line of the list and of the printed ledger."""

    id: int
    source_id: int
    source_title: str
    seq: int
    problem: str
    kind: str
    measures: tuple[str, ...]
    leader: str
    owner: str
    leader_id: int | None
    owner_id: int | None
    deadline: dt.date | None
    state: str
    closed_on: dt.date | None
    accepted_by: str
    acceptance: str
    goal: str
    last_progress: str  # the newest progress entry's text, dated
    progress_count: int

    @property
    def deadline_text(self) -> str:
        return format_date(self.deadline) if self.deadline else KEEP_ON


@dataclass(frozen=True)
class ItemDetail:
    row: ItemRow
    progress: tuple[ProgressData, ...]
    reopenings: tuple[Reopening, ...]
