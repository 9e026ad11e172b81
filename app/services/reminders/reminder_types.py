"""Plain data and vocabulary of the 纪律提醒 tab (DOMAIN.md §4)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

HOLIDAY_REMINDER = "节前廉政提醒"
FAMILY_EVENT = "婚丧喜庆事项报告"
KINDS = (
    HOLIDAY_REMINDER,
    "八项规定提醒",
    FAMILY_EVENT,
    "个人有关事项报告",
    "一岗双责责任清单",
    "提醒谈话",
    "警示教育",
    "值班",
    "学习",
    "其他",
)
# The seven holidays a 节前廉政提醒 can precede; 春节, 端午 and 中秋 follow the lunar calendar.
HOLIDAYS = ("元旦", "春节", "清明", "五一", "端午", "中秋", "国庆")
METHODS = ("谈话", "会议", "书面")

# 婚丧喜庆: what the cadre reports, and in how many working days (before / after the event).
WEDDING, FUNERAL, OTHER_CELEBRATION = "婚嫁", "丧事", "其他喜庆"
EVENT_KINDS = (WEDDING, FUNERAL, OTHER_CELEBRATION)
REPORT_BEFORE_WORKDAYS = 30  # 婚嫁 and other celebrations: in writing 30 working days before
REPORT_AFTER_WORKDAYS = 10  # 丧事: within 10 working days after

TODO, DONE, OVERDUE = "待办", "已完成", "已逾期"
HANDLED, IGNORED = "已处理", "忽略"  # what a reminder derived from another tab can be marked


class Recurrence(str, enum.Enum):
    ONCE = "once"  # due on ``anchor``
    MONTHLY = "monthly"  # every month on the anchor's day (31 -> the month's last day)
    QUARTERLY = "quarterly"  # every three months from the anchor, same day (clamped)
    YEARLY = "yearly"  # every year on the anchor's month and day (29 Feb -> 28 Feb)
    HOLIDAY = "holiday"  # every year, ``days_before`` days before ``holiday``, from the anchor on

    @property
    def label(self) -> str:
        return RECURRENCE_LABELS[self]


RECURRENCE_LABELS = {
    Recurrence.ONCE: "一次",
    Recurrence.MONTHLY: "每月",
    Recurrence.QUARTERLY: "每季度",
    Recurrence.YEARLY: "每年",
    Recurrence.HOLIDAY: "节日前",
}


@dataclass
class ReminderData:
    """What the reminder dialog edits."""

    kind: str
    subject: str  # 事由
    anchor: dt.date | None  # the (first) due date; for 婚丧喜庆 computed from the event
    recurrence: Recurrence = Recurrence.ONCE
    person_ids: list[int] = field(default_factory=list)
    all_cadres: bool = False
    detail: str = ""  # the rules it recalls; empty means the kind's standard text
    holiday: str = ""
    days_before: int = 0
    until: dt.date | None = None
    event_kind: str = ""
    event_date: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True)
class DoneRecord:
    """办理记录 of one occurrence."""

    done_on: dt.date
    method: str  # 谈话 / 会议 / 书面
    note: str
    done_by: str


@dataclass(frozen=True)
class Occurrence:
    """One due date of a reminder, with its state on the service clock's today."""

    reminder_id: int
    kind: str
    subject: str
    targets: str  # “全体两委干部” or the names, joined with 、
    due: dt.date
    status: str  # 待办 / 已完成 / 已逾期
    done: DoneRecord | None = None


ALL_CADRES = "全体两委干部"


@dataclass(frozen=True)
class LetterData:
    """What the 廉政提醒函 prints."""

    village: str
    party_org_name: str
    kind: str
    subject: str
    detail: str  # the rules recalled: the reminder's own text, else the kind's standard text
    names: list[str]  # the members it is addressed to (all cadres resolved on the due date)
    due: dt.date | None
    holiday: str = ""  # for 节前廉政提醒: the holiday it precedes
    township: str = ""
    event_kind: str = ""  # 婚丧喜庆: 婚嫁 / 丧事 / 其他喜庆
    event_date: dt.date | None = None
