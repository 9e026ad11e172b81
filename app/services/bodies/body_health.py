"""Whether each body the village has is 健全 (its leading posts held) on a day, and when it last
met or acted according to the meetings ledger: what the township's 届中 review asks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from app.clock import Clock
from app.services.bodies.assembly_rules import composition_problems
from app.services.bodies.body_catalogue import BodyInfo, BodySettings
from app.services.bodies.representatives import RepresentativeService
from app.services.members.posts import CANONICAL_POSTS, POST_ORDER, Body
from db.models import Meeting, MeetingKind, Person, Post
from db.session import Database

# How a body's own sittings are found in the meetings ledger: by kind, else by words in the topic.
ACTIVITY_KINDS = {Body.REPRESENTATIVES: "村民代表会议"}
ACTIVITY_WORDS = {Body.YOUTH: ("团支部", "共青团", "团员"), Body.WOMEN: ("妇联", "妇女"),
                  Body.UNION: ("工会",), Body.MILITIA: ("民兵",),
                  Body.ECONOMY: ("合作社", "集体经济", "理事会", "监事会", "股东")}


@dataclass(frozen=True)
class BodyHealth:
    name: str
    officers: tuple[str, ...]  # “妇联主席 王淑芬”, by post
    missing: tuple[str, ...]  # leading posts nobody holds
    problems: tuple[str, ...]  # e.g. the 村民代表会议's make-up (组织法 art. 26)
    last_date: dt.date | None
    last_topic: str

    @property
    def sound(self) -> bool:
        return not self.missing and not self.problems

    def line(self) -> str:
        state = "健全" if self.sound else "不健全（" + "；".join(
            [f"{'、'.join(self.missing)}空缺"] * bool(self.missing) + list(self.problems)) + "）"
        last = (f"最近一次活动 {self.last_date.year}年{self.last_date.month}月{self.last_date.day}日“{self.last_topic}”"
                if self.last_date else "会议记录中没有找到活动")
        return f"{self.name}：{state}；{last}"


@dataclass(frozen=True)
class BodyPosts:
    """A body the village keeps, and who holds its posts on a day."""

    info: BodyInfo
    held: tuple[tuple[str, str], ...]  # (post, name), by post
    missing: tuple[str, ...]  # leading posts nobody holds

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def sound(self) -> bool:
        """Its leading posts held (the 村民代表会议's make-up is judged by BodyHealth)."""
        return not self.missing


class BodyHealthService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    def posts_on(self, day: dt.date | None = None) -> list[BodyPosts]:
        """Only who holds what (what the township's matrix needs): no activity looked up."""
        day = day or self.clock.today()
        with self.db.read() as s:
            return self._posts(s, day)

    def _posts(self, s, day: dt.date) -> list[BodyPosts]:  # noqa: ANN001 - Session
        held = s.execute(select(Post.title, Person.name).join(Person, Person.id == Post.person_id)
                         .where(or_(Post.start_date.is_(None), Post.start_date <= day),
                                or_(Post.end_date.is_(None), Post.end_date >= day))).all()
        result = []
        for info in BodySettings(self.db).kept():
            mine = tuple(sorted(((t, n) for t, n in held if CANONICAL_POSTS.get(t) is info.body),
                                key=lambda p: POST_ORDER.get(p[0], 99)))
            titles = {t for t, _n in mine}
            result.append(BodyPosts(info, mine, tuple(t for t in info.required if t not in titles)))
        return result

    def on(self, day: dt.date | None = None) -> list[BodyHealth]:
        day = day or self.clock.today()
        result = []
        with self.db.read() as s:
            for posts in self._posts(s, day):
                info, mine = posts.info, posts.held
                officers = (f"村民代表 {len(mine)} 人",) if info.body is Body.REPRESENTATIVES else \
                    tuple(f"{t} {n}" for t, n in mine)
                last = self._last(s, info.body, day)
                problems: tuple[str, ...] = ()
                if info.body is Body.REPRESENTATIVES and mine:
                    problems = tuple(composition_problems(RepresentativeService(self.db, self.clock).composition_on(day)))
                result.append(BodyHealth(info.name, officers, posts.missing, problems, *last))
        return result

    @staticmethod
    def _last(s, body: Body, day: dt.date) -> tuple[dt.date | None, str]:  # noqa: ANN001
        query = select(Meeting.date, Meeting.topic).where(Meeting.date <= day)
        if body in ACTIVITY_KINDS:
            query = query.join(MeetingKind, MeetingKind.meeting_id == Meeting.id).where(
                MeetingKind.kind == ACTIVITY_KINDS[body])
        else:
            query = query.where(or_(*(Meeting.topic.contains(w) for w in ACTIVITY_WORDS[body])))
        row = s.execute(query.order_by(Meeting.date.desc(), Meeting.id.desc()).limit(1)).first()
        return (row[0], row[1]) if row else (None, "")
