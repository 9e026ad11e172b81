"""The members use cases: list, read, save and delete people with their posts and duties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.clock import Clock
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone, row_to_save
from app.services.members.member_fields import PERSON_FIELDS
from app.services.members.member_rules import check_person, check_posts, check_single_seats
from app.services.members.member_types import MemberRow, PersonData, PostData, TermInfo
from app.services.members.pinyin_search import pinyin_keys, sort_key
from app.services.members.posts import POST_ORDER, body_of
from app.services.safety.actor import Permission, require
from db.models import Attendance, Person, Post, ReminderTarget, Term, TermDuty
from db.session import Database

# The photo is not an Excel column, so it is not among PERSON_FIELDS.
FIELD_KEYS = (*(f.key for f in PERSON_FIELDS), "photo")
NULLABLE_KEYS = frozenset({"birth_date", "party_join_date", "full_member_date", "id_number"})


@dataclass(frozen=True)
class RosterSnapshot:
    id_holders: dict[str, tuple[int, str]]  # ID number -> (person id, name)
    posts: list[tuple[int, str, PostData]]  # (person id, name, post) for everyone


def _post_data(post: Post) -> PostData:
    return PostData(
        title=post.title,
        start_date=post.start_date,
        end_date=post.end_date,
        term_id=post.term_id,
        end_reason=post.end_reason,
        id=post.id,
    )


def _sorted_titles(posts: list[PostData]) -> tuple[str, ...]:
    return tuple(sorted({p.title for p in posts}, key=lambda t: POST_ORDER.get(t, 99)))


class MemberService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    # ----- terms -------------------------------------------------------------------------
    def list_terms(self) -> list[TermInfo]:
        with self.db.read() as s:
            terms = s.scalars(select(Term).order_by(Term.start_date)).all()
            return [TermInfo(t.id, t.name, t.start_date, t.end_date) for t in terms]

    def add_term(self, name: str, start: dt.date, end: dt.date | None) -> int:
        return self.save_term(name, start, end)

    def save_term(self, name: str, start: dt.date, end: dt.date | None, term_id: int | None = None) -> int:
        """Add a 届次, or correct the name and dates of ``term_id``; the same checks either way."""
        require(self.db, Permission.EDIT)
        name = name.strip()
        if not name:
            raise UserError("请填写届次名称，例如 第十二届", "term_name")
        if end is not None and end <= start:
            raise UserError("届次的结束日期应晚于开始日期", "term_end")
        with self.db.write() as s:
            if s.scalar(select(Term).where(Term.name == name, Term.id != (term_id or 0))):
                raise UserError(f"届次“{name}”已经存在", "term_name")
            if term_id is None:
                term = Term(name=name, start_date=start, end_date=end)
                s.add(term)
            else:
                term = load_or_gone(s, Term, term_id)
                term.name, term.start_date, term.end_date = name, start, end
            s.flush()
            return term.id

    def current_term(self) -> TermInfo | None:
        today = self.clock.today()
        terms = self.list_terms()
        for term in reversed(terms):
            if term.start_date <= today and (term.end_date is None or term.end_date >= today):
                return term
        return terms[-1] if terms else None

    # ----- reading -----------------------------------------------------------------------
    def list_rows(self) -> list[MemberRow]:
        today = self.clock.today()
        current_term = self.current_term()
        with self.db.read() as s:
            people = s.scalars(
                select(Person).options(selectinload(Person.posts), selectinload(Person.term_duties))
            ).all()
            return [self._row(p, today, current_term) for p in people]

    def _row(self, person: Person, today: dt.date, term: TermInfo | None) -> MemberRow:
        values = {key: getattr(person, key) for key in FIELD_KEYS}
        posts = [_post_data(p) for p in person.posts]
        current = [p for p in posts if p.active_on(today)]
        duties = _duties_for(person.term_duties, term)
        starts = [p.start_date for p in current if p.start_date]
        ends = [p.end_date for p in posts if p.end_date]
        titles = _sorted_titles(current)
        search = " ".join(
            [
                person.name,
                pinyin_keys(person.name),
                " ".join(p.title for p in posts),
                person.phone,
                person.id_number or "",
                duties,
            ]
        ).lower()
        return MemberRow(
            id=person.id,
            values=values,
            current_posts=titles,
            all_posts=tuple(posts),
            duties=duties,
            in_office_since=min(starts) if starts else None,
            left_on=max(ends) if (ends and not current) else None,
            search_keys=search,
            sort_name=sort_key(person.name),
        )

    def get(self, person_id: int) -> PersonData:
        term = self.current_term()
        with self.db.read() as s:
            person = self._load(s, person_id)
            duty = _duty_record(person.term_duties, term)
            return PersonData(
                values={key: getattr(person, key) for key in FIELD_KEYS},
                posts=[_post_data(p) for p in person.posts],
                duties=duty.duties if duty else "",
                commitment=duty.commitment if duty else "",
                term_id=duty.term_id if duty else (term.id if term else None),
            )

    @staticmethod
    def _load(s: Session, person_id: int) -> Person:
        return load_or_gone(s, Person, person_id, options=[selectinload(Person.posts)])

    # ----- checking and saving -----------------------------------------------------------
    def snapshot(self) -> RosterSnapshot:
        """Who holds which ID number and post now: what the cross-person rules look at."""
        with self.db.read() as s:
            holders = {n: (i, name) for i, name, n in s.execute(
                select(Person.id, Person.name, Person.id_number).where(Person.id_number.is_not(None))
            )}
            posts = [(pid, name, _post_data(p)) for pid, name, p in s.execute(
                select(Person.id, Person.name, Post).join(Post.person)
            )]
        return RosterSnapshot(holders, posts)

    def check(
        self, data: PersonData, person_id: int | None = None, snapshot: RosterSnapshot | None = None
    ) -> Verdict:
        """Every rule, including those that look at other people. Normalises ``data``."""
        verdict = check_person(data, self.clock.today())
        check_posts(data.posts, verdict)
        snapshot = snapshot or self.snapshot()
        number = data.values.get("id_number")
        if number and "id_number" not in verdict.problems:
            holder = snapshot.id_holders.get(str(number))
            if holder is not None and holder[0] != person_id:
                verdict.problem("id_number", f"这个身份证号已登记在“{holder[1]}”名下：请核对")
        others = [(name, post) for pid, name, post in snapshot.posts if pid != person_id]
        check_single_seats(str(data.values.get("name")), data.posts, others, verdict)
        return verdict

    def save(self, data: PersonData, person_id: int | None = None, confirmed: bool = False) -> int:
        """Create or update a person with their posts and duties, all or nothing."""
        require(self.db, Permission.EDIT)
        self.check(data, person_id).settle(confirmed)
        with self.db.write() as s:
            return self.write_person(s, data, person_id)

    def write_person(self, s: Session, data: PersonData, person_id: int | None, flush: bool = True) -> int | None:
        """Write already-checked data inside the caller's transaction; the new id, or None with
        ``flush=False`` (an import writes a thousand people in one flush: one flush each cost
        4 ms with its audit entries)."""
        now = self.clock.now()
        person = row_to_save(s, Person, person_id, now, self._load)
        for key in FIELD_KEYS:
            value = data.values.get(key)
            setattr(person, key, "" if value is None and key not in NULLABLE_KEYS else value)
        person.updated_at = now
        self._write_posts(person, data.posts)
        if data.duties or data.commitment:
            self._write_duty(s, person, data)
        if not flush:
            return None
        s.flush()
        return person.id

    @staticmethod
    def _write_posts(person: Person, posts: list[PostData]) -> None:
        existing = {p.id: p for p in person.posts}
        kept: list[Post] = []
        for data in posts:
            post = existing.get(data.id) if data.id is not None else None
            if post is None:
                post = Post()
            post.title = data.title
            post.body = body_of(data.title).value
            post.start_date = data.start_date
            post.end_date = data.end_date
            post.term_id = data.term_id
            post.end_reason = data.end_reason
            kept.append(post)
        person.posts = kept

    @staticmethod
    def _write_duty(s: Session, person: Person, data: PersonData) -> None:
        duty = next((d for d in person.term_duties if d.term_id == data.term_id), None)
        if duty is None:
            duty = TermDuty(term_id=data.term_id)
            person.term_duties.append(duty)
        duty.duties = data.duties.strip()
        duty.commitment = data.commitment.strip()

    def delete(self, person_id: int) -> str:
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            person = self._load(s, person_id)
            meetings = s.scalar(select(func.count(Attendance.id)).where(Attendance.person_id == person_id))
            if meetings:
                raise UserError(
                    f"{person.name} 有 {meetings} 次会议的参会记录，删除会让这些会议记录不完整：不能删除。"
                    "人员离任请在 编辑 中填写离任日期。"
                )
            reminders = s.scalar(select(func.count(ReminderTarget.id)).where(ReminderTarget.person_id == person_id))
            if reminders:
                raise UserError(
                    f"{person.name} 是 {reminders} 条纪律提醒的提醒对象，删除会让这些提醒记录不完整：不能删除。"
                    "人员离任请在 编辑 中填写离任日期。"
                )
            name = person.name
            s.delete(person)
        return name

    def names(self) -> dict[int, str]:
        """Person id to name, for forms that print who hosted or reviewed (no pinyin, no posts)."""
        with self.db.read() as s:
            return dict(s.execute(select(Person.id, Person.name)).all())

    def count(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.count(Person.id))) or 0


def _duty_record(duties: list[TermDuty], term: TermInfo | None) -> TermDuty | None:
    if not duties:
        return None
    if term is not None:
        for duty in duties:
            if duty.term_id == term.id:
                return duty
    undated = [d for d in duties if d.term_id is None]
    return undated[0] if undated else None


def _duties_for(duties: list[TermDuty], term: TermInfo | None) -> str:
    duty = _duty_record(duties, term)
    return duty.duties if duty else ""
