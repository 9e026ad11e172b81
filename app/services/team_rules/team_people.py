"""Who the team's rules apply to: the 两委 members in office on a day, in the order of an
official name list (by post, then by 姓氏笔画), with their 分工 from the roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.services.members.posts import POST_ORDER, SECRETARY, VILLAGE_HEAD, Body
from app.services.members.surname_strokes import stroke_key
from db.models import Person, Post, TermDuty

TEAM_BODIES = (Body.PARTY.value, Body.VILLAGERS.value)
# Who leads on a holiday (带班领导): the heads of the two committees and the deputy secretary.
LEADER_POSTS = (SECRETARY, "党支部副书记", VILLAGE_HEAD, "村委会副主任")


@dataclass(frozen=True)
class TeamMember:
    person_id: int
    name: str
    posts: tuple[str, ...]  # in post order
    division: str  # 分工, the newest recorded

    @property
    def is_secretary(self) -> bool:
        return SECRETARY in self.posts

    @property
    def is_leader(self) -> bool:
        return any(post in LEADER_POSTS for post in self.posts)

    @property
    def posts_text(self) -> str:
        return "、".join(self.posts)


def team_on(s: Session, first: dt.date, last: dt.date | None = None) -> list[TeamMember]:
    """The 两委 members holding a post on any day from ``first`` to ``last`` (default: that day)."""
    last = last or first
    query = (select(Person.id, Person.name, Post.title, Post.end_date).join(Post, Post.person_id == Person.id)
             .where(Post.body.in_(TEAM_BODIES))
             .where(or_(Post.start_date.is_(None), Post.start_date <= last))
             .where(or_(Post.end_date.is_(None), Post.end_date >= first)))
    held: dict[int, list[tuple[str, bool]]] = {}
    names: dict[int, str] = {}
    for person_id, name, title, end in s.execute(query):
        names[person_id] = name
        held.setdefault(person_id, []).append((title, end is None or end >= last))
    # The posts held at the end of the span; a member who left during it keeps the posts held then.
    posts = {pid: list(dict.fromkeys([t for t, still in rows if still] or [t for t, _ in rows]))
             for pid, rows in held.items()}
    divisions: dict[int, str] = {}
    if names:
        duty_query = (select(TermDuty.person_id, TermDuty.duties).where(TermDuty.person_id.in_(names))
                      .order_by(TermDuty.id))
        for person_id, duties in s.execute(duty_query):
            if duties:
                divisions[person_id] = duties
    members = []
    for person_id, titles in posts.items():
        ordered = tuple(sorted(titles, key=lambda t: POST_ORDER.get(t, len(POST_ORDER))))
        members.append(TeamMember(person_id, names[person_id], ordered, divisions.get(person_id, "")))
    return sorted(members, key=lambda m: (POST_ORDER.get(m.posts[0], len(POST_ORDER)), stroke_key(m.name),
                                          m.person_id))
