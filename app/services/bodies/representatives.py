"""村民代表 (村民委员会组织法 arts. 25–26): people holding the 村民代表 post, with their 村民小组
and 联系户数, and the make-up of the 村民代表会议 their number and sex must satisfy."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from app.clock import Clock
from app.services.bodies.assembly_rules import Composition, composition_problems
from app.services.bodies.body_types import RepresentativeData, RepresentativeRow
from app.services.common.errors import Verdict
from app.services.members.member_types import PersonData, PostData
from app.services.members.members import MemberService
from app.services.members.pinyin_search import sort_key
from app.services.members.posts import REPRESENTATIVE, Body
from app.services.safety.actor import Permission, require
from db.models import Person, Post, RepresentativeDetail, VillagerGroup
from db.session import Database

MAX_CONTACT_HOUSEHOLDS = 1000


def _held_on(day: dt.date):  # noqa: ANN202 - a SQLAlchemy condition
    return (or_(Post.start_date.is_(None), Post.start_date <= day),
            or_(Post.end_date.is_(None), Post.end_date >= day))


def _rep_post(posts: list[PostData]) -> PostData | None:
    """The 村民代表 post the form edits: the open one, else the latest."""
    reps = [p for p in posts if p.title == REPRESENTATIVE]
    if not reps:
        return None
    return max(reps, key=lambda p: (p.end_date is None, p.start_date or dt.date.min))


class RepresentativeService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        self.members = MemberService(db, clock)

    # ----- reading -----------------------------------------------------------------------
    def list_rows(self, day: dt.date | None = None, current_only: bool = False) -> list[RepresentativeRow]:
        """Every 村民代表 (or those in office on ``day``), by 村民小组 then 姓氏笔画-free pinyin order."""
        day = day or self.clock.today()
        query = (select(Person.id, Person.name, Person.gender, Person.phone, VillagerGroup.name,
                        VillagerGroup.position, RepresentativeDetail.contact_households, Post.start_date,
                        Post.end_date)
                 .join(Post, Post.person_id == Person.id)
                 .outerjoin(RepresentativeDetail, RepresentativeDetail.person_id == Person.id)
                 .outerjoin(VillagerGroup, VillagerGroup.id == RepresentativeDetail.group_id)
                 .where(Post.title == REPRESENTATIVE))
        rows: dict[int, RepresentativeRow] = {}
        order: dict[int, int] = {}
        with self.db.read() as s:
            for pid, name, gender, phone, group, position, contact, start, end in s.execute(query):
                active = (start is None or start <= day) and (end is None or end >= day)
                row = RepresentativeRow(pid, name, gender, phone, group or "", contact, start, end,
                                        active, sort_key(name))
                old = rows.get(pid)
                # One line a person: the post held on the day, else the latest one.
                if old is None or (active, end or dt.date.max) > (old.in_office, old.end_date or dt.date.max):
                    rows[pid] = row
                order[pid] = position if position is not None else 10**6
        found = [r for r in rows.values() if r.in_office or not current_only]
        return sorted(found, key=lambda r: (order[r.person_id], r.sort_name, r.person_id))

    def get(self, person_id: int) -> RepresentativeData:
        person = self.members.get(person_id)
        post = _rep_post(person.posts)
        with self.db.read() as s:
            detail = s.scalar(select(RepresentativeDetail).where(RepresentativeDetail.person_id == person_id))
        v = person.values
        return RepresentativeData(
            name=str(v.get("name") or ""), gender=str(v.get("gender") or ""), phone=str(v.get("phone") or ""),
            group_id=detail.group_id if detail else None,
            contact_households=detail.contact_households if detail else None,
            start_date=post.start_date if post else None, end_date=post.end_date if post else None,
            term_id=post.term_id if post else None, end_reason=post.end_reason if post else "",
        )

    def composition_on(self, day: dt.date, change: tuple[int | None, bool, str] | None = None) -> Composition:
        """The 村民代表会议's members on ``day``. ``change``: (person id, in office, sex) of a form
        not saved yet, counted as if it were. A 村委会 member who is also a 村民代表 counts once."""
        with self.db.read() as s:
            committee = set(s.scalars(select(Post.person_id).where(Post.body == Body.VILLAGERS.value,
                                                                    *_held_on(day))))
            reps = dict(s.execute(select(Person.id, Person.gender).join(Post, Post.person_id == Person.id)
                                  .where(Post.title == REPRESENTATIVE, *_held_on(day))).all())
        if change is not None:
            pid, active, gender = change
            key = pid if pid is not None else -1
            reps.pop(key, None)
            if active:
                reps[key] = gender
        plain = {pid: g for pid, g in reps.items() if pid not in committee}
        return Composition(len(committee), len(plain), sum(1 for g in plain.values() if g == "女"))

    # ----- checking and saving -----------------------------------------------------------
    def _person_data(self, data: RepresentativeData, person_id: int | None) -> PersonData:
        person = self.members.get(person_id) if person_id is not None else PersonData(values={})
        person.values.update(name=data.name, gender=data.gender, phone=data.phone)
        post = _rep_post(person.posts)
        if post is None:
            post = PostData(REPRESENTATIVE)
            person.posts.append(post)
        post.start_date, post.end_date = data.start_date, data.end_date
        post.term_id, post.end_reason = data.term_id, (data.end_reason or "").strip()
        return person

    def check(self, data: RepresentativeData, person_id: int | None = None) -> tuple[Verdict, PersonData]:
        person = self._person_data(data, person_id)
        verdict = self.members.check(person, person_id)
        if data.start_date is None:
            verdict.problem("start_date", "请填写村民代表的任职开始日期（推选日期）")
        contact = data.contact_households
        if contact is not None and (isinstance(contact, bool) or not isinstance(contact, int) or contact < 0):
            verdict.problem("contact_households", "联系户数请填写不小于 0 的整数")
        elif contact is not None and contact > MAX_CONTACT_HOUSEHOLDS:
            verdict.problem("contact_households", "联系户数过大：请核对")
        if data.group_id is not None:
            with self.db.read() as s:
                if s.get(VillagerGroup, data.group_id) is None:
                    verdict.problem("group_id", "所选村民小组已不存在（可能已被删除）：请重新选择")
        if not verdict.problems:
            today = self.clock.today()
            active = (data.start_date <= today) and (data.end_date is None or data.end_date >= today)
            gender = str(person.values.get("gender") or "")
            after = composition_problems(self.composition_on(today, (person_id, active, gender)))
            verdict.warnings.extend(p + "。确定要这样保存吗？" for p in after)
        return verdict, person

    def save(self, data: RepresentativeData, person_id: int | None = None, confirmed: bool = False) -> int:
        """Create or update a 村民代表 (the person, the post and the details), all or nothing."""
        require(self.db, Permission.EDIT)
        verdict, person = self.check(data, person_id)
        verdict.settle(confirmed)
        with self.db.write() as s:
            pid = self.members.write_person(s, person, person_id)
            self.write_detail(s, pid, data.group_id, data.contact_households)
            return pid

    @staticmethod
    def write_detail(s, person_id: int, group_id: int | None, contact: int | None) -> None:  # noqa: ANN001
        detail = s.scalar(select(RepresentativeDetail).where(RepresentativeDetail.person_id == person_id))
        if detail is None:
            detail = RepresentativeDetail(person_id=person_id)
            s.add(detail)
        detail.group_id, detail.contact_households = group_id, contact
