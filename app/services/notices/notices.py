"""The 三公开 use cases: draft, review, post and correct notices; totals, schedule, questions.

A posted notice is a public record: the service refuses every change to it except attaching
the photo of the board. A mistake is put right by a 更正 notice that refers to the original.
Money is integer fen throughout.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.due_rule import PeriodState, records_begin
from app.services.common.errors import UserError, ValidationFailed
from app.services.common.profile import ProfileService
from app.services.common.records import load_or_gone, meta_value, set_meta_value
from app.services.meetings.matters import MatterService
from app.services.meetings.meeting_types import StepData
from app.services.members.posts import Body
from app.services.notices import notice_rules as rules
from app.services.notices.notice_review import NoticeReviewSettings
from app.services.notices.notice_types import (
    DRAFT,
    EXPIRED,
    INCOME,
    MATTER_SUBTYPES,
    PENDING,
    POSTED,
    REVIEWED,
    ItemData,
    NoticeData,
    NoticeRow,
    Period,
    ScheduledPeriod,
    Totals,
)
from app.services.safety.actor import Permission, require
from db.models import Matter, Notice, NoticeItem, Person, Post, VillagerQuestion
from db.session import Database

FINANCE = "财务公开"
# Category -> cadence; 财务公开 follows the village setting.
CADENCE = {"村务公开": "quarter", "党务公开": "quarter"}
CADENCE_KEY = "finance_cadence"
DEFAULT_FINANCE_CADENCE = "quarter"
BOARD = "村务公开栏"
_GONE = "这份公告已不存在（可能已被删除）：请刷新列表"
_POSTED_LOCKED = "这份公告已经公开，不能修改：如有错误，请新建一份更正公告"
_REVIEWED_LOCKED = "已审核的公告不能直接修改：请先撤回审核"
_FIELDS = ("category", "subtype", "title", "post_from", "post_to", "body", "supervision_phone", "issuer",
           "opening_balance_fen", "corrects_id", "matter_id")
_WORKFLOW = ("status", "reviewer_id", "review_opinion", "review_date", "posted_date", "photo")


def _body_post_on(body: Body, day: dt.date) -> tuple:
    """SQL conditions: a post on ``body`` (the reviewing committee) held on ``day``."""
    return (Post.body == body.value,
            or_(Post.start_date.is_(None), Post.start_date <= day),
            or_(Post.end_date.is_(None), Post.end_date >= day))


def _posted(status: str) -> bool:
    return status in (POSTED, EXPIRED)


class NoticeService:
    suggest_title = staticmethod(rules.suggest_title)
    default_posting = staticmethod(rules.default_posting)

    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    # ----- reading -----------------------------------------------------------------------
    def _status(self, n: Notice) -> str:
        if n.status == POSTED and n.post_to is not None and n.post_to < self.clock.today():
            return EXPIRED
        return n.status

    @staticmethod
    def _load(s: Session, notice_id: int) -> Notice:
        return load_or_gone(s, Notice, notice_id, _GONE, [selectinload(Notice.items)])

    def get(self, notice_id: int) -> NoticeData:
        with self.db.read() as s:
            n = self._load(s, notice_id)
            data = NoticeData(category=n.category, title=n.title,
                              period=Period(n.period_kind, n.period_year, n.period_no))
            for key in _FIELDS + _WORKFLOW:
                setattr(data, key, getattr(n, key))
            data.status = self._status(n)
            data.public_numbers = [x for x in n.public_numbers.split("\n") if x]
            data.items = [ItemData(i.item, i.direction, i.amount_fen, i.date, i.source, i.handler, i.note)
                          for i in n.items]
            return data

    def list_rows(self, year: int | None = None, category: str | None = None, status: str | None = None,
                  text: str = "") -> list[NoticeRow]:
        open_q = (select(VillagerQuestion.notice_id, func.count().label("n"))
                  .where(VillagerQuestion.answered_on.is_(None)).group_by(VillagerQuestion.notice_id).subquery())
        query = select(Notice, func.coalesce(open_q.c.n, 0)).outerjoin(open_q, open_q.c.notice_id == Notice.id)
        if year is not None:
            query = query.where(Notice.period_year == year)
        if category:
            query = query.where(Notice.category == category)
        if text.strip():
            like = f"%{text.strip()}%"
            query = query.where(or_(Notice.title.like(like), Notice.body.like(like)))
        query = query.order_by(Notice.period_year.desc(), Notice.period_no.desc(), Notice.id.desc())
        with self.db.read() as s:
            rows = [NoticeRow(n.id, n.category, n.subtype, n.title, Period(n.period_kind, n.period_year, n.period_no),
                              self._status(n), n.post_from, n.post_to, n.corrects_id is not None, count)
                    for n, count in s.execute(query)]
        return [r for r in rows if not status or r.status == status]

    # ----- writing -----------------------------------------------------------------------
    def _refuse_locked(self, n: Notice) -> None:
        if _posted(n.status):
            raise UserError(_POSTED_LOCKED)
        if n.status == REVIEWED:
            raise UserError(_REVIEWED_LOCKED)

    def save(self, data: NoticeData, notice_id: int | None = None, confirmed: bool = False) -> int:
        """Create or update a 草稿 or 待审核 notice with its items, all or nothing."""
        require(self.db, Permission.EDIT)
        if notice_id is not None:
            with self.db.read() as s:
                self._refuse_locked(self._load(s, notice_id))
        if not (data.supervision_phone or "").strip():
            profile = ProfileService(self.db).get()
            data.supervision_phone = profile.supervision_phone if profile else ""
        verdict = rules.check_notice(data)
        with self.db.read() as s:
            if data.matter_id is not None and "matter_id" not in verdict.problems \
                    and s.get(Matter, data.matter_id) is None:
                verdict.problem("matter_id", "所选四议两公开事项已不存在（可能已被删除）：请重新选择")
            if data.corrects_id is not None:
                original = s.get(Notice, data.corrects_id)
                if original is None or not _posted(original.status) or data.corrects_id == notice_id:
                    verdict.problem("corrects_id", "被更正的公告不存在或还没有公开：只有已公开的公告才能更正")
        verdict.settle(confirmed)
        now = self.clock.now()
        with self.db.write() as s:
            if notice_id is None:
                n = Notice(status=DRAFT, created_at=now)
                s.add(n)
            else:
                n = self._load(s, notice_id)
                self._refuse_locked(n)  # it may have been reviewed meanwhile
            self._write(n, data)
            n.updated_at = now
            s.flush()
            return n.id

    @staticmethod
    def _write(n: Notice, data: NoticeData) -> None:
        for key in _FIELDS:
            setattr(n, key, getattr(data, key))
        n.period_kind, n.period_year, n.period_no = data.period.kind, data.period.year, data.period.number
        n.public_numbers = "\n".join(x.strip() for x in data.public_numbers if x.strip())
        # Rows are reused line by line, so that a corrected line is logged as a change and only
        # lines really removed are deletions (a 管理员 action once the notice left the draft).
        rows = list(n.items)
        rows += [NoticeItem() for _ in range(len(data.items) - len(rows))]
        for seq, (row, i) in enumerate(zip(rows, data.items), start=1):
            row.seq, row.date, row.item, row.direction, row.amount_fen = seq, i.date, i.item, i.direction, i.amount_fen
            row.source, row.handler, row.note = i.source, i.handler, i.note
        n.items = rows[:len(data.items)]

    def delete(self, notice_id: int) -> str:
        """Delete a draft; returns its title."""
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            n = self._load(s, notice_id)
            if _posted(n.status):
                raise UserError("这份公告已经公开，不能删除：如有错误，请新建一份更正公告")
            if n.status != DRAFT:
                raise UserError(f"这份公告{n.status}，不能删除：只有草稿可以删除，请先退回或撤回审核")
            title = n.title
            s.delete(n)
        return title

    # ----- workflow ----------------------------------------------------------------------
    def _day(self, day: dt.date | None, what: str, key: str = "day") -> dt.date:
        return rules.checked_day(day, self.clock.today(), what, key)

    def submit(self, notice_id: int) -> None:
        """草稿 -> 待审核."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            n = self._load(s, notice_id)
            if n.status != DRAFT:
                raise UserError(f"这份公告{self._status(n)}，只有草稿可以提交审核")
            n.status, n.updated_at = PENDING, self.clock.now()

    def review(self, notice_id: int, reviewer_id: int | None, opinion: str, day: dt.date,
               approve: bool) -> None:
        """The reviewing body (监委会, or 支委会 for 党务 by default) reviews: approve -> 已审核;
        reject -> back to 草稿, the opinion kept."""
        require(self.db, Permission.EDIT)
        day = self._day(day, "审核", "review_date")
        opinion = (opinion or "").strip()
        if not opinion:
            if not approve:
                raise UserError("退回时请填写审核意见：写明哪里要修改", "review_opinion")
            opinion = "经审核，内容真实，程序合规，同意公开。"
        with self.db.write() as s:
            n = self._load(s, notice_id)
            if n.status != PENDING:
                raise UserError(f"这份公告{self._status(n)}，只有待审核的公告才能审核：请先提交审核")
            body = NoticeReviewSettings(self.db).body_for(n.category)
            if reviewer_id is None or not self._on_body(s, body.body, reviewer_id, day):
                raise UserError(f"审核人必须是{body.full}成员：请从{body.short}成员中选择", "reviewer_id")
            n.reviewer_id, n.review_opinion, n.review_date = reviewer_id, opinion, day
            n.status, n.updated_at = (REVIEWED if approve else DRAFT), self.clock.now()

    @staticmethod
    def _on_body(s: Session, body: Body, person_id: int, day: dt.date) -> bool:
        query = select(Post.id).where(Post.person_id == person_id, *_body_post_on(body, day))
        return s.scalar(query.limit(1)) is not None

    def reviewers(self, day: dt.date, category: str = FINANCE) -> list[tuple[int, str]]:
        """Members of the body that reviews ``category`` on ``day``: the reviewer choices."""
        body = NoticeReviewSettings(self.db).body_for(category).body
        query = (select(Person.id, Person.name).join(Post, Post.person_id == Person.id)
                 .where(*_body_post_on(body, day)).distinct().order_by(Person.id))
        with self.db.read() as s:
            return [(pid, name) for pid, name in s.execute(query)]

    def withdraw_review(self, notice_id: int) -> None:
        """已审核 -> 草稿, so the notice can be changed and reviewed again."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            n = self._load(s, notice_id)
            if _posted(n.status):
                raise UserError("这份公告已经公开，不能撤回审核：如有错误，请新建一份更正公告")
            if n.status != REVIEWED:
                raise UserError(f"这份公告{n.status}，没有可撤回的审核")
            n.status, n.updated_at = DRAFT, self.clock.now()

    def post(self, notice_id: int, day: dt.date, photo: str = "") -> None:
        """已审核 -> 已公开 on ``day``; a 四议两公开 notice also fills its matter's 公开 step."""
        require(self.db, Permission.EDIT)
        day = self._day(day, "公开", "posted_date")
        with self.db.read() as s:
            n = self._load(s, notice_id)
            if _posted(n.status):
                raise UserError("这份公告已经公开过了，不需要再公开")
            if n.status != REVIEWED:
                raise UserError("只有审核通过的公告才能公开：请先提交监委会审核", "status")
            if n.review_date is not None and day < n.review_date:
                raise UserError(f"公开日期不能早于审核日期（{format_date_cn(n.review_date)}）", "posted_date")
            step = MATTER_SUBTYPES.get(n.subtype) if n.matter_id and n.corrects_id is None else None
            matter_id, text = n.matter_id, rules.excerpt(n.title, n.body)
        if step is not None:
            try:
                MatterService(self.db, self.clock).add_step(
                    matter_id, StepData(step, day, place=BOARD, posted_text=text), confirmed=True)
            except ValidationFailed as exc:
                raise UserError("关联的四议两公开事项还不能登记公开：" + "；".join(exc.problems.values()),
                                "matter_id") from exc
        try:
            with self.db.write() as s:
                n = self._load(s, notice_id)
                if n.status != REVIEWED:
                    raise UserError("这份公告刚被别处修改过：请刷新后重试")
                n.status, n.posted_date, n.matter_step = POSTED, day, step
                if n.post_from is None:
                    n.post_from, n.post_to = rules.default_posting(day)
                if photo.strip():
                    n.photo = photo.strip()
                n.updated_at = self.clock.now()
        except Exception:
            if step is not None:  # one user action: undo the matter's step too
                MatterService(self.db, self.clock).remove_last_step(matter_id)
            raise

    def attach_photo(self, notice_id: int, stored_name: str) -> None:
        """The photo of the board: the only change allowed after posting."""
        require(self.db, Permission.EDIT)
        name = (stored_name or "").strip()
        if not name or len(name) > 100:
            raise UserError("照片文件名不对：请重新选择照片", "photo")
        with self.db.write() as s:
            n = self._load(s, notice_id)
            if not _posted(n.status):
                raise UserError("公告公开以后才能上传公开栏照片", "photo")
            n.photo, n.updated_at = name, self.clock.now()

    def correct(self, notice_id: int) -> int:
        """A new 草稿 更正 notice copying a posted one; returns its id."""
        require(self.db, Permission.EDIT)
        now = self.clock.now()
        with self.db.write() as s:
            old = self._load(s, notice_id)
            if not _posted(old.status):
                raise UserError("只有已公开的公告才能更正：还没公开的公告请直接修改")
            new = Notice(status=DRAFT, created_at=now, updated_at=now, corrects_id=old.id,
                         title=rules.correction_title(old.title))
            for key in ("category", "subtype", "period_kind", "period_year", "period_no", "body", "public_numbers",
                        "supervision_phone", "issuer", "opening_balance_fen", "matter_id"):
                setattr(new, key, getattr(old, key))
            new.post_from, new.post_to = rules.default_posting(self.clock.today())
            new.items = [NoticeItem(seq=i.seq, date=i.date, item=i.item, direction=i.direction,
                                    amount_fen=i.amount_fen, source=i.source, handler=i.handler, note=i.note)
                         for i in old.items]
            s.add(new)
            s.flush()
            return new.id

    # ----- money -------------------------------------------------------------------------
    def totals(self, notice_id: int) -> Totals:
        """上期结余 (carried from the previous 财务公开), 本期收入, 本期支出; 本期结余 derived."""
        with self.db.read() as s:
            return self._totals(s, self._load(s, notice_id))

    def carried_opening(self, period: Period, notice_id: int | None = None) -> int | None:
        """The 上期结余 a 财务公开 of ``period`` carries from the previous posted one (what its
        print shows), or None when there is none and the typed 上期结余 counts. The editor's
        totals use it, so the form and the print show the same figures."""
        with self.db.read() as s:
            return self._carried(s, notice_id, period)

    def _totals(self, s: Session, n: Notice) -> Totals:
        income = sum(i.amount_fen for i in n.items if i.direction == INCOME)
        expense = sum(i.amount_fen for i in n.items if i.direction != INCOME)
        carried = None
        if n.category == FINANCE:
            carried = self._carried(s, n.id, Period(n.period_kind, n.period_year, n.period_no))
        opening = carried if carried is not None else (n.opening_balance_fen or 0)
        return Totals(opening, income, expense)

    def _carried(self, s: Session, own_id: int | None, period: Period) -> int | None:
        previous = self._previous(s, own_id, period)
        return None if previous is None else self._totals(s, previous).closing_fen

    @staticmethod
    def _previous(s: Session, own_id: int | None, period: Period) -> Notice | None:
        """The latest posted, non-superseded 财务公开 whose period ends before ``period`` starts."""
        if rules.period_problem(period) is not None:
            return None
        start, _ = rules.period_bounds(period)
        posted = s.execute(select(Notice.id, Notice.period_kind, Notice.period_year, Notice.period_no,
                                  Notice.posted_date, Notice.corrects_id)
                           .where(Notice.category == FINANCE, Notice.status == POSTED)).all()
        found = rules.pick_previous(own_id, start, [(i, Period(k, y, no), on, c) for i, k, y, no, on, c in posted])
        return None if found is None else NoticeService._load(s, found)

    # ----- schedule ----------------------------------------------------------------------
    def finance_cadence(self) -> str:
        with self.db.read() as s:
            value = meta_value(s, CADENCE_KEY)
        return value if value in rules.FINANCE_CADENCES else DEFAULT_FINANCE_CADENCE

    def set_finance_cadence(self, cadence: str) -> None:
        require(self.db, Permission.SETTINGS)
        if cadence not in rules.FINANCE_CADENCES:
            raise UserError("财务公开的频次请选择“每月”或“每季度”", "finance_cadence")
        with self.db.write() as s:
            set_meta_value(s, CADENCE_KEY, cadence)

    def cadences(self) -> dict[str, str]:
        """Category -> the period it is posted for (month / quarter)."""
        return {**CADENCE, FINANCE: self.finance_cadence()}

    @staticmethod
    def _posted_periods(s: Session, first_year: int, last_year: int) -> list[tuple[str, Period, dt.date | None]]:
        """Posted notices whose 所属期 lies in first_year .. last_year (a period never spans two years)."""
        query = (select(Notice.category, Notice.period_kind, Notice.period_year, Notice.period_no, Notice.posted_date)
                 .where(Notice.status == POSTED, Notice.period_year.between(first_year, last_year)))
        return [(c, Period(k, y, no), day) for c, k, y, no, day in s.execute(query)]

    def schedule(self, first_year: int, last_year: int, begin: dt.date | None = None) -> list[ScheduledPeriod]:
        """Every period of first_year .. last_year each category is published for, with its state
        today by the one rule (common/due_rule.py): a notice posted later than today does not
        count yet, nothing ending before the records begin (``begin``, read when not given) is
        missing."""
        today = self.clock.today()
        begin = begin or records_begin(self.db, today)
        with self.db.read() as s:
            posted = [(c, p, day) for c, p, day in self._posted_periods(s, first_year, last_year)
                      if day is None or day <= today]
        return rules.schedule(first_year, last_year, today, begin, self.cadences(), rules.first_posted(posted))

    def missing_periods(self, year: int) -> list[tuple[str, Period]]:
        """Periods of ``year`` whose notice is 缺 today: (category, period)."""
        return [(p.category, p.period) for p in self.schedule(year, year) if p.state is PeriodState.MISSING]

    def pending_review(self) -> list[tuple[int, str, dt.date]]:
        """Notices waiting for the 监委会's review: (id, title, the day they should go up —
        the start of the 公开期, else the day they were last changed)."""
        query = (select(Notice.id, Notice.title, Notice.post_from, Notice.updated_at)
                 .where(Notice.status == PENDING).order_by(Notice.id))
        with self.db.read() as s:
            return [(i, title, start or changed.date()) for i, title, start, changed in s.execute(query)]

    def reviewed_unposted(self) -> list[tuple[int, str, dt.date]]:
        """Notices the 监委会 approved that are not posted yet: (id, title, the day they should
        go up — the start of the 公开期, else the review date, else the day last changed)."""
        query = (select(Notice.id, Notice.title, Notice.post_from, Notice.review_date, Notice.updated_at)
                 .where(Notice.status == REVIEWED).order_by(Notice.id))
        with self.db.read() as s:
            return [(i, title, start or reviewed or changed.date())
                    for i, title, start, reviewed, changed in s.execute(query)]

    def missing(self, year: int) -> list[str]:
        """需要处理 of ``year``: the notices 缺 today, those of ended periods still on time, then
        the notices awaiting review."""
        today, periods = self.clock.today(), self.schedule(year, year)
        lines = [rules.missing_line(p.category, p.period) for p in periods if p.state is PeriodState.MISSING]
        lines += [rules.due_line(p.category, p.period) for p in periods
                  if p.state is PeriodState.NOT_DUE and rules.period_bounds(p.period)[1] < today]
        return lines + [f"待审核：{title}" for _, title, _ in self.pending_review()]
