"""Plain data and vocabulary of the 三公开 tab (DOMAIN.md §3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.services.common.due_rule import PeriodState

CATEGORIES = ("党务公开", "村务公开", "财务公开")
SUBTYPES = ("党费收缴使用公示", "四议两公开决议公开", "四议两公开实施结果公开", "惠民补贴", "项目建设", "其他")
MATTER_SUBTYPES = {"四议两公开决议公开": 5, "四议两公开实施结果公开": 6}
ISSUERS = ("党支部", "村委会", "党支部、村委会")
DRAFT, PENDING, REVIEWED, POSTED, EXPIRED = "草稿", "待审核", "已审核", "已公开", "已到期"
INCOME, EXPENSE = "收入", "支出"
DEFAULT_POSTING_DAYS = 7
QUESTION_ANSWER_DAYS = 7
# A notice is on time when posted within this many days after its period (所属期) ends; the
# 工作台 counts a missing notice as due that day.
NOTICE_DUE_DAYS = 10


@dataclass(frozen=True)
class Period:
    """所属期: a month, a quarter or a year."""

    kind: str  # month / quarter / year
    year: int
    number: int = 0  # month 1-12, quarter 1-4, 0 for a year

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year}年{self.number}月"
        if self.kind == "quarter":
            return f"{self.year}年第{'一二三四'[self.number - 1]}季度"
        return f"{self.year}年"


@dataclass(frozen=True)
class ScheduledPeriod:
    """One period a category must be published for, and its state on the day asked
    (common/due_rule.PeriodState): 已完成 once a posted notice covers every month of it."""

    category: str
    period: Period
    due: dt.date  # NOTICE_DUE_DAYS after the period ends
    state: PeriodState
    on_time: bool  # covered by notices posted by ``due``


@dataclass
class ItemData:
    item: str
    direction: str  # 收入 / 支出
    amount_fen: int
    date: dt.date | None = None
    source: str = ""
    handler: str = ""
    note: str = ""


@dataclass
class NoticeData:
    category: str
    title: str
    period: Period
    subtype: str = "其他"
    post_from: dt.date | None = None
    post_to: dt.date | None = None
    body: str = ""
    public_numbers: list[str] = field(default_factory=list)
    supervision_phone: str = ""
    issuer: str = "村委会"
    items: list[ItemData] = field(default_factory=list)
    opening_balance_fen: int | None = None  # 上期结余 typed in when there is no previous notice
    corrects_id: int | None = None
    matter_id: int | None = None
    # Filled in by the workflow, read-only for the editor:
    status: str = DRAFT
    reviewer_id: int | None = None
    review_opinion: str = ""
    review_date: dt.date | None = None
    posted_date: dt.date | None = None
    photo: str = ""


@dataclass(frozen=True)
class Totals:
    opening_fen: int  # 上期结余
    income_fen: int  # 本期收入
    expense_fen: int  # 本期支出

    @property
    def closing_fen(self) -> int:  # 本期结余
        return self.opening_fen + self.income_fen - self.expense_fen


@dataclass(frozen=True)
class NoticeRow:
    id: int
    category: str
    subtype: str
    title: str
    period: Period
    status: str  # including 已到期 once the 公开期 is over
    post_from: dt.date | None
    post_to: dt.date | None
    is_correction: bool
    open_questions: int


@dataclass
class QuestionData:
    asked_on: dt.date
    question: str
    asker: str = ""
    answer: str = ""
    answered_on: dt.date | None = None
    notice_id: int | None = None
    id: int | None = None
