"""党小组: the groups, their 组长, and their members (the party members whose 党小组 names the
group, the same field the 党小组会 counts its 应到 from)."""

from __future__ import annotations

from sqlalchemy import select

from app.services.bodies.body_types import PartyGroupRow
from app.services.common.errors import UserError
from app.services.common.records import load_or_gone
from app.services.members.member_fields import PARTY_STATUSES
from app.services.members.pinyin_search import sort_key
from app.services.safety.actor import Permission, require
from db.models import PartyGroup, Person
from db.session import Database

MAX_NAME_CHARS = 30
GONE = "这个党小组已不存在（可能已被删除）：请刷新列表"


class PartyGroupService:
    def __init__(self, db: Database):
        self.db = db

    def list_rows(self) -> list[PartyGroupRow]:
        with self.db.read() as s:
            groups = s.execute(select(PartyGroup, Person.name).outerjoin(Person, Person.id == PartyGroup.leader_id)
                               .order_by(PartyGroup.id)).all()
            members: dict[str, list[str]] = {}
            for name, group in s.execute(select(Person.name, Person.party_group)
                                         .where(Person.political_status.in_(PARTY_STATUSES),
                                                Person.party_group != "")):
                members.setdefault(group, []).append(name)
        return [PartyGroupRow(g.id, g.name, g.leader_id, leader or "",
                              tuple(sorted(members.get(g.name, []), key=sort_key)))
                for g, leader in groups]

    def save(self, name: str, leader_id: int | None, members: list[int], group_id: int | None = None) -> int:
        """Create or rename a 党小组, set its 组长 and move ``members`` into it, all or nothing."""
        require(self.db, Permission.EDIT)
        name = (name or "").strip()
        if not name:
            raise UserError("请填写党小组名称，例如 第一党小组", "name")
        if len(name) > MAX_NAME_CHARS:
            raise UserError(f"党小组名称太长：最多{MAX_NAME_CHARS}个字", "name")
        if leader_id is not None and leader_id not in members:
            raise UserError("组长应是本党小组的党员：请先把组长加入本组", "leader_id")
        with self.db.write() as s:
            if s.scalar(select(PartyGroup.id).where(PartyGroup.name == name, PartyGroup.id != (group_id or 0))):
                raise UserError(f"党小组“{name}”已经存在：请换一个名称", "name")
            found = dict(s.execute(select(Person.id, Person.political_status).where(Person.id.in_(members))).all())
            for pid in members:
                if found.get(pid) not in PARTY_STATUSES:
                    raise UserError("党小组成员应是党员（中共党员或预备党员）：请核对所选人员", "members")
            if group_id is None:
                group = PartyGroup(name=name)
                s.add(group)
                old_name = name
            else:
                group = load_or_gone(s, PartyGroup, group_id, GONE)
                old_name = group.name
            group.name, group.leader_id = name, leader_id
            # Those who left the group keep no group; the chosen ones carry its (new) name. Row by
            # row, not a bulk UPDATE, so the audit log records each person's change.
            for person in s.scalars(select(Person).where(Person.party_group.in_({old_name, name}),
                                                         Person.id.not_in(members))):
                person.party_group = ""
            for person in s.scalars(select(Person).where(Person.id.in_(members))):
                person.party_group = name
            s.flush()
            return group.id

    def delete(self, group_id: int) -> str:
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            group = load_or_gone(s, PartyGroup, group_id, GONE)
            name = group.name
            for person in s.scalars(select(Person).where(Person.party_group == name)):
                person.party_group = ""
            s.delete(group)
        return name
