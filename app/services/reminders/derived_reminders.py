"""Reminders computed live from the other tabs, and the 已处理 / 忽略 marks kept for them.

Nothing is copied: every call reads the meetings, matters, notices, questions and terms as
they are now, so an item goes away as soon as the record that settles it is saved. A mark
(DerivedDisposition) is kept by the item's key; a key names the gap itself (“the November
支委会”, “matter 3 stuck at step 2”), so a matter that moves on and sticks again is a new item.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.due_rule import PeriodState, late
from app.services.common.errors import UserError
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import STEP_NAMES, STUCK_DAYS, MatterRow
from app.services.notices.notice_rules import missing_line, period_bounds
from app.services.notices.notice_types import QUESTION_ANSWER_DAYS, QuestionData
from app.services.notices.notice_types import Period as NoticePeriod
from app.services.reminders.reminder_types import HANDLED, IGNORED, OVERDUE, TODO
from app.services.safety.actor import SYSTEM, Permission, require
from app.services.workbench.ledgers import Ledgers
from app.services.workbench.shared_reads import SharedReads
from app.services.workbench.workbench_figures import meeting_periods
from app.services.workbench.workbench_types import (
    DUE_SOON_DAYS,
    LOOKBACK_DAYS,
    MATTERS_AREA,
    MEETINGS_AREA,
    MEMBERS_AREA,
    NOTICES_AREA,
    DispositionRow,
    DueItem,
    Target,
)
from db.models import DerivedDisposition, Person, Post
from db.session import Database

TERM_WARNING_DAYS = 90  # a post or term ending within this many days shows on the start page
MAX_REASON_CHARS = 500
QUESTION_CHARS = 30  # how much of a villager's question an item quotes


# ----- keys and titles (shared with the figures' list of gaps) --------------------------------
def meeting_key(kind: Kind, start: dt.date, person_id: int | None = None) -> str:
    """The gap of one period; with ``person_id``, of one member's per-member requirement."""
    key = f"meeting:{kind.value}:{start.isoformat()}"
    return key if person_id is None else f"{key}:{person_id}"


def notice_key(category: str, period: NoticePeriod) -> str:
    return f"notice-missing:{category}:{period.kind}:{period.year}:{period.number}"


def matter_key(row: MatterRow) -> str:
    return f"matter:{row.id}:{row.reached}"


def question_key(question: QuestionData) -> str:
    return f"question:{question.id}"


def matter_title(row: MatterRow) -> str:
    """“村道硬化工程”停在“商议”已45天，下一步：审议."""
    if row.reached == 0:
        return f"“{row.name}”登记已{row.stuck_days}天，还没有提议"
    return f"“{row.name}”停在“{STEP_NAMES[row.reached]}”已{row.stuck_days}天，下一步：{STEP_NAMES[row.reached + 1]}"


def question_title(question: QuestionData) -> str:
    """群众意见未答复：补贴何时发放？（村民甲，2026年11月19日提出）."""
    text = " ".join(question.question.split())
    if len(text) > QUESTION_CHARS:
        text = text[:QUESTION_CHARS] + "…"
    who = f"{question.asker}，" if question.asker else ""
    return f"群众意见未答复：{text}（{who}{format_date_cn(question.asked_on)}提出）"


def mark_label(status: str, reason: str) -> str:
    """“（已处理：理由）” / “（已忽略：理由）”, added to a gap line that was marked."""
    return f"（{'已忽略' if status == IGNORED else '已处理'}：{reason}）"


def _order(item: DueItem) -> tuple:
    return (item.due, item.area, item.title, item.key)


class DerivedReminders:
    """Reads the other ledgers through their services, given by the services context."""

    def __init__(self, db: Database, clock: Clock, ledgers: Ledgers):
        self.db = db
        self.clock = clock
        self.ledgers = ledgers

    # ----- the items -------------------------------------------------------------------------
    def items(self, reads: SharedReads | None = None) -> list[DueItem]:
        """Every derived reminder not marked 已处理 / 忽略, oldest due first.

        Meetings and missing notices: periods due within [today - LOOKBACK_DAYS, today +
        DUE_SOON_DAYS] that end on or after the day the village's records begin (a new install
        is not told about the months before it; common/due_rule.py). Stuck
        matters, notices awaiting review or posting, and unanswered questions: all.
        Posts and the current term: ending within TERM_WARNING_DAYS (shown from then on).
        """
        today = self.clock.today()
        reads = reads or SharedReads()
        hidden = set(reads.get("marks", self.marks))
        found = [*self._meetings(today, reads), *self._matters(today, reads), *self._notices(today, reads),
                 *self._questions(today), *self._terms(today), *self._team_rules(today)]
        found += self._rectification(today)
        return sorted((item for item in found if item.key not in hidden), key=_order)

    @staticmethod
    def _item(key: str, area: str, title: str, due: dt.date, today: dt.date, target: Target,
              shows_from: dt.date | None = None) -> DueItem:
        return DueItem(key, area, title, due, OVERDUE if late(due, today) else TODO, target, True, shows_from)

    @staticmethod
    def _window(today: dt.date, due: dt.date) -> bool:
        return today - dt.timedelta(days=LOOKBACK_DAYS) <= due <= today + dt.timedelta(days=DUE_SOON_DAYS)

    def _meetings(self, today: dt.date, reads: SharedReads) -> list[DueItem]:
        """Periods (month / quarter / year, and each committee member's year for a per-member
        requirement) without enough meetings of a required kind: the compliance views' 缺 cells,
        and their 未到期 cells due soon."""
        compliance = self.ledgers.compliance
        views = [reads.year_view(compliance, year) for year in (today.year - 1, today.year)]
        items = []
        for period in meeting_periods(views):
            if period.satisfied or not self._window(today, period.due):
                continue
            kind, span = period.requirement.kind, period.cell.span
            suggested = compliance.suggest(kind, span).isoformat()
            items.append(self._item(meeting_key(kind, span.start, period.person_id), MEETINGS_AREA,
                                    period.gap_line, period.due, today, Target("meeting_new", (kind.value, suggested))))
        return items

    def _matters(self, today: dt.date, reads: SharedReads) -> list[DueItem]:
        """四议两公开 matters with no new step for over STUCK_DAYS days."""
        items = []
        for row in reads.get("matters", self.ledgers.matters.list_rows):
            if row.stuck_days is not None:
                due = today - dt.timedelta(days=row.stuck_days - STUCK_DAYS)
                items.append(self._item(matter_key(row), MATTERS_AREA, matter_title(row), due, today,
                                        Target("matter", (row.id,))))
        return items

    def _notices(self, today: dt.date, reads: SharedReads) -> list[DueItem]:
        """Ended periods whose notice is 缺 or still 未到期 in the notice schedule (due
        NOTICE_DUE_DAYS after), notices waiting for review and notices reviewed but not yet
        posted (both due when they should go up)."""
        notices = self.ledgers.notices
        items = []
        for p in reads.notice_schedule(notices, today.year - 1, today.year):
            ended = period_bounds(p.period)[1] < today
            if p.state in (PeriodState.MISSING, PeriodState.NOT_DUE) and ended and self._window(today, p.due):
                items.append(self._item(
                    notice_key(p.category, p.period), NOTICES_AREA, missing_line(p.category, p.period), p.due, today,
                    Target("notice_new", (p.category, p.period.kind, p.period.year, p.period.number))))
        for notice_id, title, due in notices.pending_review():
            items.append(self._item(f"notice-review:{notice_id}", NOTICES_AREA, f"公告待审核：{title}", due,
                                    today, Target("notice", (notice_id,))))
        for notice_id, title, due in notices.reviewed_unposted():
            items.append(self._item(f"notice-post:{notice_id}", NOTICES_AREA, f"公告已审核待公开：{title}", due,
                                    today, Target("notice", (notice_id,))))
        return items

    def _questions(self, today: dt.date) -> list[DueItem]:
        """Every unanswered question, due QUESTION_ANSWER_DAYS after it was asked."""
        return [
            self._item(question_key(q), NOTICES_AREA, question_title(q),
                       q.asked_on + dt.timedelta(days=QUESTION_ANSWER_DAYS), today, Target("question", (q.id,)))
            for q in self.ledgers.questions.unanswered()
        ]

    def _terms(self, today: dt.date) -> list[DueItem]:
        """Posts, and the current term, ending within TERM_WARNING_DAYS."""
        until = today + dt.timedelta(days=TERM_WARNING_DAYS)
        warn = dt.timedelta(days=TERM_WARNING_DAYS)
        query = (select(Post.id, Post.person_id, Person.name, Post.title, Post.end_date)
                 .join(Person, Person.id == Post.person_id)
                 .where(Post.end_date.between(today, until)).order_by(Post.end_date, Post.id))
        with self.db.read() as s:
            posts = s.execute(query).all()
        items = [
            self._item(f"post:{post_id}:{end.isoformat()}", MEMBERS_AREA,
                       f"{name} 的 {title} 任期将于{format_date_cn(end)}届满", end, today,
                       Target("member", (person_id,)), end - warn)
            for post_id, person_id, name, title, end in posts
        ]
        term = self.ledgers.members.current_term()
        if term is not None and term.end_date is not None and today <= term.end_date <= until:
            end = term.end_date
            items.append(self._item(f"term:{term.id}:{end.isoformat()}", MEMBERS_AREA,
                                    f"{term.name}两委任期将于{format_date_cn(end)}届满，请准备换届", end, today,
                                    Target("terms", ()), end - warn))
        return items

    def _rectification(self, today: dt.date) -> list[DueItem]:
        """整改台账: deadlines 20 and 10 days ahead, 逾期, and 长期坚持 checks (rect_warnings)."""
        if self.ledgers.rectification is None:
            return []
        from app.services.rectification.rect_warnings import warning_items

        return warning_items(self.db, today)

    def _team_rules(self, today: dt.date) -> list[DueItem]:
        """Plan items, duty tasks, study and duty logs (team_rules/team_due.py)."""
        if self.ledgers.team_rules is None:
            return []
        from app.services.team_rules.team_due import due_items

        return due_items(self.ledgers.team_rules, today)

    # ----- marks -------------------------------------------------------------------------------
    def marks(self) -> dict[str, tuple[str, str]]:
        """key -> (已处理 / 忽略, reason) of every marked item."""
        query = select(DerivedDisposition.key, DerivedDisposition.status, DerivedDisposition.reason)
        with self.db.read() as s:
            return {key: (status, reason) for key, status, reason in s.execute(query)}

    def dispose(self, item: DueItem, status: str, reason: str) -> None:
        """Mark ``item`` 已处理 or 忽略 with a reason; marking the same item again updates it."""
        require(self.db, Permission.EDIT)
        if not item.derived:
            raise UserError("纪律提醒请登记办理情况，不能标记为已处理或忽略")
        if status not in (HANDLED, IGNORED):
            raise UserError(f"请选择“{HANDLED}”或“{IGNORED}”", "status")
        reason = (reason or "").strip()
        if not reason:
            raise UserError("请填写理由，例如 已在11月30日的党员大会上一并召开", "reason")
        if len(reason) > MAX_REASON_CHARS:
            raise UserError(f"理由太长：最多{MAX_REASON_CHARS}个字，现在是{len(reason)}个字", "reason")
        actor = getattr(self.db, "actor", None) or SYSTEM
        with self.db.write() as s:
            row = s.scalar(select(DerivedDisposition).where(DerivedDisposition.key == item.key))
            if row is None:
                row = DerivedDisposition(key=item.key)
                s.add(row)
            row.title, row.area, row.status, row.reason = item.title[:200], item.area, status, reason
            row.decided_on, row.decided_by = self.clock.today(), actor.name[:60]

    def undispose(self, key: str) -> None:
        """Take a mark back: the item shows again while its gap lasts."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            row = s.scalar(select(DerivedDisposition).where(DerivedDisposition.key == key))
            if row is None:
                raise UserError("这条标记已不存在（可能已被撤销）：请刷新列表")
            s.delete(row)

    def dispositions(self, first: dt.date, last: dt.date) -> list[DispositionRow]:
        """Marks decided from ``first`` to ``last``, in the order they were made."""
        query = (select(DerivedDisposition).where(DerivedDisposition.decided_on.between(first, last))
                 .order_by(DerivedDisposition.decided_on, DerivedDisposition.id))
        with self.db.read() as s:
            return [DispositionRow(d.key, d.title, d.area, d.status, d.reason, d.decided_on, d.decided_by)
                    for d in s.scalars(query)]
