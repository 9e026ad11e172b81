"""Plain data of the 工作台 start page: what is due, and the year in figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DUE_SOON_DAYS = 14
# Gaps due longer ago than this stay in the year's figures but no longer show on the start page.
# Periods that ended before the village's records begin are not gaps at all (records_begin).
LOOKBACK_DAYS = 365

# The area each item comes from (the tab that settles it).
MEMBERS_AREA, MEETINGS_AREA, MATTERS_AREA, NOTICES_AREA, REMINDERS_AREA = (
    "两委成员", "会议记录", "四议两公开", "三公开", "纪律提醒")


@dataclass(frozen=True)
class Target:
    """The record that settles an item; the start page opens it in one click.

    kind and its arguments:
      "reminder"     (reminder_id, due ISO date)      -> the 办理 dialog of that occurrence
      "meeting_new"  (meeting Kind value, ISO date)   -> a new meeting of that kind on that day
      "matter"       (matter_id,)                     -> the 四议两公开 matter
      "notice"       (notice_id,)                     -> the notice (review / post it)
      "notice_new"   (category, period kind, year, no) -> that period's unposted notice, else a new one
      "question"     (question_id,)                   -> answer the villager's question
      "member"       (person_id,)                     -> the member's dialog
      "terms"        ()                               -> 设置 → 届次
    """

    kind: str
    args: tuple[object, ...] = ()


@dataclass(frozen=True)
class DueItem:
    """One line of the start page and of ``due``."""

    key: str  # stable: "reminder:12:2026-12-01", "meeting:支部委员会会议:2026-11", ...
    area: str  # 两委成员 / 会议记录 / 四议两公开 / 三公开 / 纪律提醒
    title: str  # plain Chinese: “2026年11月 支部委员会会议 未召开”
    due: dt.date
    status: str  # 已逾期 / 待办
    target: Target
    derived: bool  # computed from another tab (can be marked 已处理 / 忽略)
    shows_from: dt.date | None = None  # first day on the start page; None: due - DUE_SOON_DAYS

    @property
    def first_shown(self) -> dt.date:
        return self.shows_from or self.due - dt.timedelta(days=DUE_SOON_DAYS)


@dataclass(frozen=True)
class Bar:
    """One bar of a figure: ``done`` out of ``due``.

    For meetings ``done`` counts each period at most its required number of times (so extra
    meetings in one month do not hide a gap in another) and ``actual`` is how many were really
    held in the periods counted. A per-member bar (谈心谈话) counts members in ``done`` and
    ``due`` and the talks held in ``actual``.
    """

    label: str
    done: int
    due: int
    actual: int | None = None
    per_member: bool = False

    @property
    def fraction(self) -> str:
        """10/12: done out of due, as the screen and the print both write it."""
        return f"{self.done}/{self.due}"


@dataclass(frozen=True)
class Figures:
    """A year's (or a term's) figures for the start page and the 年度工作台账汇总."""

    title: str  # “2026年” or “第十二届（2021年—2026年）”
    first: dt.date
    last: dt.date
    meetings: tuple[Bar, ...]  # held against required, by meeting kind
    notices: tuple[Bar, ...]  # posted on time against due, by category
    reminders: tuple[Bar, ...]  # done against due, by reminder kind
    matters: tuple[Bar, ...]  # 四议两公开 matters by the step reached (done = count, due = total)
    gaps: tuple[str, ...]  # every gap in plain Chinese, for the printed summary
    rectification: tuple[str, ...] = ()  # the 整改台账's figures in words (rect service summary_lines)


@dataclass(frozen=True)
class DispositionRow:
    """A derived reminder marked 已处理 or 忽略, as kept for the ledger."""

    key: str
    title: str
    area: str
    status: str  # 已处理 / 忽略
    reason: str
    decided_on: dt.date
    decided_by: str
