"""Plain data of the team's rules: plan items, duty lists, study hours, the rota and its logs."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

PLAN_AREA, DUTIES_AREA, STUDY_AREA, ROTA_AREA = "党建计划", "主体责任", "学习制度", "值班制度"

# When a plan item is due: a month, a quarter or the whole year.
MONTH, QUARTER, YEAR = "month", "quarter", "year"
QUARTER_NAMES = "一二三四"

# What can prove a plan item, and the words for it.
PROOF_MEETING, PROOF_NOTICE, PROOF_MATTER, PROOF_REMINDER = "meeting", "notice", "matter", "reminder"
PROOF_LABELS = {"": "手工登记", PROOF_MEETING: "会议记录", PROOF_NOTICE: "三公开", PROOF_MATTER: "四议两公开",
                PROOF_REMINDER: "纪律提醒"}

# A plan item's (or a duty task's) state on a day.
DONE, DONE_LATE, NOT_DONE, NOT_DUE = "已完成", "逾期完成", "未完成", "未到期"

ASSESSMENTS = ("优秀", "称职", "基本称职", "不称职")
ON_DUTY, LEADER = "值班人员", "带班领导"


@dataclass(frozen=True)
class When:
    """The time of a plan item: month 1-12, quarter 1-4, or the year (number 0)."""

    kind: str
    number: int = 0

    def bounds(self, year: int) -> tuple[dt.date, dt.date]:
        if self.kind == MONTH:
            return dt.date(year, self.number, 1), dt.date(year, self.number, calendar.monthrange(year, self.number)[1])
        if self.kind == QUARTER:
            last = 3 * self.number
            return dt.date(year, last - 2, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    @property
    def label(self) -> str:
        if self.kind == MONTH:
            return f"{self.number}月"
        if self.kind == QUARTER:
            return f"第{QUARTER_NAMES[self.number - 1]}季度"
        return "全年"


@dataclass
class PlanItemData:
    """One line of the plan as a form holds it."""

    when: When
    content: str
    owner_id: int | None = None
    standard: str = ""
    proof_kind: str = ""
    proof_ref: str = ""
    done_on: dt.date | None = None
    done_note: str = ""


@dataclass(frozen=True)
class PlanItemRow:
    """A plan item and how it went, seen on a day."""

    id: int
    seq: int
    data: PlanItemData
    owner: str
    due: dt.date
    state: str  # 已完成 / 逾期完成 / 未完成 / 未到期
    done_on: dt.date | None  # from the proof, or marked by hand
    proof_text: str  # “2026年3月12日 党课” / “手工登记：……”


@dataclass(frozen=True)
class PlanView:
    year: int
    plan_id: int | None
    adopted_meeting_id: int | None
    adopted_text: str  # “2026年1月10日 支部委员会会议通过” or ""
    items: tuple[PlanItemRow, ...]
    changes: tuple[tuple[dt.date, str, str], ...]  # (day, what, reason)

    def count(self, state: str) -> int:
        return sum(1 for row in self.items if row.state == state)


@dataclass
class DutyTaskData:
    person_id: int
    task: str
    deadline: dt.date
    done_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class DutyTaskRow:
    id: int
    data: DutyTaskData
    state: str


@dataclass
class PledgeData:
    person_id: int
    signed_on: dt.date | None = None
    scan_title: str = ""
    scan_stored: str = ""
    report_meeting_id: int | None = None
    report_text: str = ""
    assessment: str = ""
    assessment_note: str = ""


@dataclass(frozen=True)
class MemberDuties:
    """One member's part of the year's 主体责任清单."""

    person_id: int
    name: str
    posts: str  # 党支部书记、村委会主任
    first_responsible: bool  # the 书记: 第一责任人
    division: str  # 分工 from the roster
    tasks: tuple[DutyTaskRow, ...]
    pledge: PledgeData | None
    report_text: str  # 述责述廉 as shown: the meeting or the text


@dataclass(frozen=True)
class StudyRequirement:
    hours: float = 32.0  # 学时 per person a year
    sessions: int = 1  # 集中学习 sessions …
    per: str = MONTH  # … per month or per quarter


@dataclass(frozen=True)
class StudyTotal:
    person_id: int
    name: str
    group_hours: float
    self_hours: float
    required: float

    @property
    def total(self) -> float:
        return round(self.group_hours + self.self_hours, 1)

    @property
    def short(self) -> float:
        return max(0.0, round(self.required - self.total, 1))


@dataclass(frozen=True)
class SessionRow:
    meeting_id: int
    date: dt.date
    topic: str
    speaker: str
    materials: str
    hours: float
    present: tuple[str, ...]
    absent: tuple[str, ...]  # 请假 / 缺席, with the reason


@dataclass(frozen=True)
class SelfStudyRow:
    id: int
    person_id: int
    name: str
    date: dt.date
    content: str
    hours: float


@dataclass(frozen=True)
class RotaDay:
    day: dt.date
    kind: str  # 工作日 / 调休上班 / 休息日 / 节假日
    holiday: str  # 春节 … on a holiday
    on_duty: tuple[int, str] | None
    leader: tuple[int, str] | None


@dataclass
class DutyLogData:
    day: dt.date
    person_id: int | None = None
    calls: str = ""
    visits: str = ""
    events: str = ""
    handling: str = ""
    handover: str = ""


def hours_text(hours: float) -> str:
    """3 / 1.5: 学时 as people write them."""
    return f"{hours:g}"
