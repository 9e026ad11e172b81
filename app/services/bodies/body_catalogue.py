"""Which bodies a village may have, their posts, the posts that make each 健全, and the
setting of which bodies this village has (a body with no setting row is kept)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.services.members.posts import BODY_LABELS, Body, posts_of
from app.services.safety.actor import Permission, require
from db.models import VillageBody
from db.session import Database


@dataclass(frozen=True)
class BodyInfo:
    body: Body
    name: str  # as the roster option and the 届中 figures say it
    required: tuple[str, ...]  # the posts that must be held for the body to count as 健全
    optional: bool  # a village may not have it (a setting)

    @property
    def label(self) -> str:
        return BODY_LABELS[self.body]

    @property
    def posts(self) -> list[str]:
        return posts_of(self.body)


# In the order the township's review asks about them.
BODIES: tuple[BodyInfo, ...] = (
    BodyInfo(Body.REPRESENTATIVES, "村民代表", ("村民代表",), False),
    BodyInfo(Body.YOUTH, "团支部", ("团支部书记",), False),
    BodyInfo(Body.WOMEN, "妇联", ("妇联主席",), False),
    BodyInfo(Body.UNION, "工会", ("工会主席",), True),
    BodyInfo(Body.MILITIA, "民兵", ("民兵连长", "民兵连指导员"), False),
    BodyInfo(Body.ECONOMY, "集体经济组织", ("理事长", "监事长"), True),
)
BY_NAME = {info.name: info for info in BODIES}
BY_BODY = {info.body: info for info in BODIES}


class BodySettings:
    """Which of the optional bodies the village has; the others always count."""

    def __init__(self, db: Database):
        self.db = db

    def kept(self) -> list[BodyInfo]:
        with self.db.read() as s:
            dropped = set(s.scalars(select(VillageBody.body).where(VillageBody.kept.is_(False))))
        return [info for info in BODIES if info.body.value not in dropped]

    def set_kept(self, body: Body, kept: bool) -> None:
        require(self.db, Permission.SETTINGS)
        info = BY_BODY[body]
        if not info.optional and not kept:
            raise ValueError(f"{info.name} is not optional")  # the screen offers only the optional ones
        with self.db.write() as s:
            row = s.get(VillageBody, body.value)
            if row is None:
                s.add(VillageBody(body=body.value, kept=kept))
            else:
                row.kept = kept
