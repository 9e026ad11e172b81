"""The 工作台 start page: one list of what is late and due soon, and the year in figures.

How each figure is counted is in workbench_figures; this module reads the data with a few
grouped queries per call (never one per period or record) and puts the pieces together.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError
from app.services.notices.notice_rules import missing_line
from app.services.reminders.derived_reminders import (
    DerivedReminders,
    mark_label,
    matter_key,
    matter_title,
    meeting_key,
    notice_key,
    question_key,
    question_title,
)
from app.services.reminders.reminder_types import DONE, OVERDUE, Occurrence
from app.services.reminders.reminders import ReminderService
from app.services.workbench import workbench_figures as figures
from app.services.workbench.ledgers import Ledgers
from app.services.workbench.shared_reads import SharedReads
from app.services.workbench.workbench_types import (
    DUE_SOON_DAYS,
    LOOKBACK_DAYS,
    REMINDERS_AREA,
    DueItem,
    Figures,
    Target,
)
from db.models import Matter, MatterStep
from db.session import Database

NO_TERM = "还没有登记届次：请先在“设置 → 届次”中添加本届的名称和起止日期"


def _order(item: DueItem) -> tuple:
    """Overdue first, the oldest first; then what falls due soonest."""
    return (item.status != OVERDUE, item.due, item.area, item.title, item.key)


def _month(day: dt.date) -> str:
    return f"{day.year}年{day.month}月"


class Workbench:
    def __init__(self, db: Database, clock: Clock, reminders: ReminderService, derived: DerivedReminders,
                 ledgers: Ledgers):
        self.db = db
        self.clock = clock
        self.reminders = reminders
        self.derived = derived
        self.ledgers = ledgers

    # ----- the list ----------------------------------------------------------------------------
    def start_page(self, year: int) -> tuple[list[DueItem], Figures]:
        """The list and ``year``'s figures, reading what both need once."""
        today = self.clock.today()
        reads = SharedReads()
        # One read of the occurrences covering both the list's days and the year.
        first = min(today - dt.timedelta(days=LOOKBACK_DAYS), dt.date(year, 1, 1))
        last = max(today + dt.timedelta(days=DUE_SOON_DAYS), dt.date(year, 12, 31))
        reads.occurrences(self.reminders, first, last)
        # The list reads last year's and this year's compliance and notice schedule: read them at once.
        reads.year_views(self.ledgers.compliance, today.year - 1, today.year)
        reads.notice_schedule(self.ledgers.notices, today.year - 1, today.year)
        figures = self.year_figures(year, reads)  # first: its compliance view also serves the list
        return self.due_items(reads), figures

    def due_items(self, reads: SharedReads | None = None) -> list[DueItem]:
        """已逾期 and due within DUE_SOON_DAYS: reminder occurrences not done (due from
        LOOKBACK_DAYS ago on) and the derived items whose showing day has come."""
        today = self.clock.today()
        reads = reads or SharedReads()
        first, last = today - dt.timedelta(days=LOOKBACK_DAYS), today + dt.timedelta(days=DUE_SOON_DAYS)
        items = [self._reminder_item(o) for o in reads.occurrences(self.reminders, first, last) if o.status != DONE]
        items += [item for item in self.derived.items(reads) if item.first_shown <= today]
        return sorted(items, key=_order)

    @staticmethod
    def _reminder_item(o: Occurrence) -> DueItem:
        return DueItem(f"reminder:{o.reminder_id}:{o.due.isoformat()}", REMINDERS_AREA,
                       f"{o.kind}：{o.subject}（{o.targets}）", o.due, o.status,
                       Target("reminder", (o.reminder_id, o.due.isoformat())), derived=False)

    # ----- the figures -------------------------------------------------------------------------
    def year_figures(self, year: int, reads: SharedReads | None = None) -> Figures:
        """The figures of 1 January .. 31 December of ``year``, counted up to today.

        What counts is workbench_figures' one rule (the start page uses the same). Gaps, in this
        order, each worded as on the start page: meeting periods counted and not satisfied,
        notices missing for periods counted, reminder occurrences overdue and not done, stuck
        matters counted in the range, and questions asked in it still unanswered after
        QUESTION_ANSWER_DAYS; a line the clerk marked ends with “（已处理：理由）” or “（已忽略：理由）”.
        """
        return self._figures(f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31), reads or SharedReads())

    def term_figures(self) -> Figures:
        """届中 figures of the current term (MemberService.current_term): every period due from
        the term's first day to its last, counted as in year_figures up to today; titled
        “第十二届（2026年5月—2031年4月）届中”, its 统计期间 ending today (or the term's end, if
        over). UserError when no term is entered."""
        term = self.ledgers.members.current_term()
        if term is None:
            raise UserError(NO_TERM)
        end = term.end_date
        span = f"{_month(term.start_date)}—{_month(end)}" if end else f"{_month(term.start_date)}起"
        today = self.clock.today()
        shown = min(today, end) if end else today
        return self._figures(f"{term.name}（{span}）届中", term.start_date, end or dt.date.max, SharedReads(),
                             shown)

    def _figures(self, title: str, first: dt.date, last: dt.date, reads: SharedReads,
                 shown_last: dt.date | None = None) -> Figures:
        """Figures of what falls due in first .. last; ``shown_last`` is the last day printed."""
        today = self.clock.today()
        until = min(today, last)
        started = first <= until
        compliance = self.ledgers.compliance
        views = [reads.year_view(compliance, y) for y in range(first.year, until.year + 1)] if started else []
        meetings = figures.counted_meetings(views, first, last)
        schedule = reads.notice_schedule(self.ledgers.notices, first.year, until.year) if started else []
        periods = figures.notice_periods(schedule, first, last)
        # Up to the end of this year: an occurrence done ahead of its day counts as due and done.
        read_last = min(last, max(today, dt.date(today.year, 12, 31)))
        occurrences = figures.counted_occurrences(
            reads.occurrences(self.reminders, first, read_last), first, last, today) if started else []
        matters = figures.matters_in_range(self._matter_steps(first, last), first, last)
        marks = reads.get("marks", self.derived.marks)

        def marked(line: str, key: str | None = None) -> str:
            mark = marks.get(key) if key else None
            return line + mark_label(*mark) if mark else line

        gaps = [marked(p.gap_line, meeting_key(p.requirement.kind, p.cell.span.start, p.person_id))
                for p in meetings if not p.satisfied]
        gaps += [marked(missing_line(p.category, p.period), notice_key(p.category, p.period))
                 for p in figures.notice_gaps(periods)]
        gaps += [f"{format_date_cn(o.due)} {o.kind}：{o.subject}（{o.targets}）未办理"
                 for o in occurrences if o.status == OVERDUE]
        matter_rows = reads.get("matters", self.ledgers.matters.list_rows)
        gaps += [marked(matter_title(r), matter_key(r)) for r in matter_rows
                 if r.stuck_days is not None and r.id in matters]
        gaps += [marked(question_title(q), question_key(q))
                 for q in self.ledgers.questions.overdue_questions() if first <= q.asked_on <= last]
        return Figures(
            title, first, shown_last or last,
            meetings=figures.meeting_bars(compliance.store.load(), meetings),
            notices=figures.notice_bars(periods),
            reminders=figures.reminder_bars(occurrences),
            matters=figures.matter_bars(matters),
            gaps=tuple(gaps),
            rectification=self._rectification_lines(first, last),
        )

    def _rectification_lines(self, first: dt.date, last: dt.date) -> tuple[str, ...]:
        rect = self.ledgers.rectification
        return rect.summary_lines(first, last) if rect is not None else ()

    def _matter_steps(self, first: dt.date, last: dt.date) -> list[tuple[int, dt.datetime, int | None, dt.date | None]]:
        """(matter id, created at, step, step date) of the matters created in the range or with a
        step in it (None, None for a matter with no step)."""
        stepped = select(MatterStep.matter_id).where(MatterStep.date.between(first, last))
        created = Matter.created_at.between(dt.datetime.combine(first, dt.time.min),
                                            dt.datetime.combine(last, dt.time.max))
        query = (select(Matter.id, Matter.created_at, MatterStep.step, MatterStep.date)
                 .outerjoin(MatterStep, MatterStep.matter_id == Matter.id)
                 .where(or_(created, Matter.id.in_(stepped))))
        with self.db.read() as s:
            return [tuple(row) for row in s.execute(query)]
