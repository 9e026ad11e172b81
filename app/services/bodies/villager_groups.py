"""村民小组 (村民委员会组织法 art. 28): name, 组长, 户数 and 18 岁以上人数, kept by the clerk."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from app.clock import Clock
from app.services.bodies.body_types import GroupData, GroupRow
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone
from app.services.members.posts import REPRESENTATIVE
from app.services.safety.actor import Permission, require
from db.models import Person, Post, RepresentativeDetail, VillagerGroup
from db.session import Database

MAX_NAME_CHARS = 30
MAX_COUNT = 100_000  # far above any village: a typo guard
GONE = "这个村民小组已不存在（可能已被删除）：请刷新列表"


def check_group(data: GroupData, names: dict[int, str]) -> Verdict:
    """Check and normalise ``data``; ``names`` holds the people that exist (for the 组长)."""
    verdict = Verdict()
    data.name = (data.name or "").strip()
    if not data.name:
        verdict.problem("name", "请填写村民小组名称，例如 第一村民小组 或 张家组")
    elif len(data.name) > MAX_NAME_CHARS:
        verdict.problem("name", f"村民小组名称太长：最多{MAX_NAME_CHARS}个字")
    for key, label in (("households", "户数"), ("adults", "18岁以上人数")):
        value = getattr(data, key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            verdict.problem(key, f"{label}请填写不小于 0 的整数")
        elif value > MAX_COUNT:
            verdict.problem(key, f"{label}过大：请核对")
    if data.leader_id is not None and data.leader_id not in names:
        verdict.problem("leader_id", "组长不在人员名单中（可能已被删除）：请重新选择")
    return verdict


class GroupService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    def list_rows(self) -> list[GroupRow]:
        today = self.clock.today()
        reps = (select(RepresentativeDetail.group_id, func.count(Post.id.distinct()))
                .join(Post, Post.person_id == RepresentativeDetail.person_id)
                .where(Post.title == REPRESENTATIVE,
                       or_(Post.start_date.is_(None), Post.start_date <= today),
                       or_(Post.end_date.is_(None), Post.end_date >= today))
                .group_by(RepresentativeDetail.group_id))
        with self.db.read() as s:
            counts = dict(s.execute(reps).all())
            rows = s.execute(select(VillagerGroup, Person.name).outerjoin(Person, Person.id == VillagerGroup.leader_id)
                             .order_by(VillagerGroup.position, VillagerGroup.id)).all()
            return [GroupRow(g.id, g.name, g.leader_id, leader or "", g.households, g.adults, counts.get(g.id, 0))
                    for g, leader in rows]

    def get(self, group_id: int) -> GroupData:
        with self.db.read() as s:
            g = load_or_gone(s, VillagerGroup, group_id, GONE)
            return GroupData(g.name, g.leader_id, g.households, g.adults)

    def save(self, data: GroupData, group_id: int | None = None) -> int:
        require(self.db, Permission.EDIT)
        with self.db.read() as s:
            names = dict(s.execute(select(Person.id, Person.name).where(Person.id == data.leader_id)).all()) \
                if data.leader_id is not None else {}
        verdict = check_group(data, names)
        verdict.settle(confirmed=True)
        with self.db.write() as s:
            same = s.scalar(select(VillagerGroup.id).where(VillagerGroup.name == data.name,
                                                             VillagerGroup.id != (group_id or 0)))
            if same is not None:
                raise UserError(f"村民小组“{data.name}”已经存在：请换一个名称", "name")
            if group_id is None:
                last = s.scalar(select(func.max(VillagerGroup.position))) or 0
                group = VillagerGroup(position=last + 1)
                s.add(group)
            else:
                group = load_or_gone(s, VillagerGroup, group_id, GONE)
            group.name, group.leader_id = data.name, data.leader_id
            group.households, group.adults = data.households, data.adults
            s.flush()
            return group.id

    def delete(self, group_id: int) -> str:
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            group = load_or_gone(s, VillagerGroup, group_id, GONE)
            reps = s.scalar(select(func.count(RepresentativeDetail.id))
                            .where(RepresentativeDetail.group_id == group_id)) or 0
            if reps:
                raise UserError(f"{group.name} 登记了 {reps} 名村民代表，删除后他们将没有所在小组：不能删除。"
                                "请先把这些村民代表改到别的小组")
            name = group.name
            s.delete(group)
        return name

    def totals(self) -> tuple[int, int]:
        """(户数, 18 岁以上人数) of the whole village, added up over its 村民小组."""
        with self.db.read() as s:
            households, adults = s.execute(select(func.coalesce(func.sum(VillagerGroup.households), 0),
                                                  func.coalesce(func.sum(VillagerGroup.adults), 0))).one()
        return int(households), int(adults)
