"""Plain data passed between the meetings / matters services and their callers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PRESENT, LEAVE, ABSENT = "出席", "请假", "缺席"


@dataclass
class AttendanceData:
    person_id: int
    name: str = ""  # filled in when read back
    status: str = PRESENT  # 出席 / 请假 / 缺席
    reason: str = ""  # required for 请假
    voting: bool = True  # False for 预备党员


@dataclass
class AttachmentData:
    title: str
    stored_name: str
    size: int
    id: int | None = None


@dataclass
class MeetingData:
    kinds: list[str]  # values of meeting_kinds.Kind; two when one sitting counts for both
    topic: str
    date: dt.date
    start_time: str = ""  # "09:00"
    end_time: str = ""
    place: str = ""
    host_id: int | None = None
    recorder_id: int | None = None
    party_group: str = ""
    agenda: str = ""
    minutes: str = ""
    resolution: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    observers: str = ""  # 列席
    note: str = ""
    attendance: list[AttendanceData] = field(default_factory=list)
    attachments: list[AttachmentData] = field(default_factory=list)


@dataclass(frozen=True)
class AttendanceSummary:
    expected: int  # 应到
    present: int  # 实到
    on_leave: int
    absent: int
    voting_expected: int
    voting_present: int

    @property
    def ratio(self) -> float | None:
        return None if self.expected == 0 else self.present / self.expected


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meetings list."""

    id: int
    date: dt.date
    kinds: tuple[str, ...]
    topic: str
    place: str
    host: str
    expected: int
    present: int
    warnings: tuple[str, ...]  # quorum problems etc., shown in the list


STEP_NAMES = {1: "提议", 2: "商议", 3: "审议", 4: "决议", 5: "决议公开", 6: "实施结果公开"}
STEP_TITLES = {
    1: "村党组织提议",
    2: "村“两委”会议商议",
    3: "党员大会审议",
    4: "村民会议或村民代表会议决议",
    5: "决议公开",
    6: "实施结果公开",
}
MATTER_CATEGORIES = ("土地", "集体资产", "项目", "财务", "村规民约", "其他")
MATTER_SOURCES = ("党员群众建议", "村干部提议", "上级安排")
STUCK_DAYS = 30


@dataclass
class StepData:
    step: int  # 1..6
    date: dt.date
    meeting_id: int | None = None  # steps 1-4 link a meeting of the right kind
    outcome: str = ""
    place: str = ""  # steps 5-6: where it was posted
    posted_text: str = ""  # steps 5-6: what was posted
    note: str = ""


@dataclass
class MatterData:
    name: str
    category: str
    source: str
    description: str = ""
    amount_fen: int | None = None
    steps: list[StepData] = field(default_factory=list)


@dataclass(frozen=True)
class MatterRow:
    id: int
    name: str
    category: str
    reached: int  # the last step recorded (0: none yet)
    reached_on: dt.date | None
    stuck_days: int | None  # days since the last step when over STUCK_DAYS and not finished
