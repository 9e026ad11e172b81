"""The sample village's other bodies: 6 村民小组, 30 村民代表 (12 women), the officers of the
团支部, 妇联, 民兵连 and 股份经济合作社, three 党小组 with their 组长. No 工会 (a setting)."""

from __future__ import annotations

import random

from app.clock import Clock
from app.services.bodies.body_catalogue import BodySettings
from app.services.bodies.body_types import GroupData
from app.services.bodies.party_groups import PartyGroupService
from app.services.bodies.representatives import RepresentativeService
from app.services.bodies.villager_groups import GroupService
from app.services.members.demo import CURRENT_TERM, make_id
from app.services.members.member_types import PersonData, PostData
from app.services.members.members import MemberService
from app.services.members.posts import REPRESENTATIVE, Body
from db.session import Database

GROUPS = [("第一村民小组", 52, 148), ("第二村民小组", 47, 131), ("第三村民小组", 61, 170),
          ("第四村民小组", 39, 112), ("第五村民小组", 55, 156), ("第六村民小组", 44, 125)]
REP_SURNAMES = "杨徐孙马朱胡郭何高林罗梁宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
REP_GIVEN_MEN = ["德华", "建军", "新民", "长青", "有福", "国平", "金生", "树林", "明亮", "光辉"]
REP_GIVEN_WOMEN = ["桂香", "翠英", "小红", "月娥", "素珍", "金凤", "春兰", "冬梅", "巧云", "玉兰"]
REPS_PER_GROUP = 5
# Officers of the bodies from the 两委 team (names in members/demo.py) and new people.
TEAM_OFFICERS = {"李建国": ["理事长", "民兵连指导员"], "王淑芬": ["妇联主席"], "陈喆": ["团支部书记"],
                 "周淼": ["监事长"]}
NEW_OFFICERS = [("韩志强", "男", ["民兵连长"]), ("曹丽萍", "女", ["妇联副主席"]), ("冯晓燕", "女", ["妇联执委"]),
                ("邓宇航", "男", ["团支部委员"]), ("彭佳怡", "女", ["团支部委员"]), ("许长顺", "男", ["理事"]),
                ("梁秋生", "男", ["理事"]), ("宋玉珍", "女", ["监事"])]


def fill_demo_bodies(db: Database, clock: Clock) -> int:
    """Add the sample bodies to the sample village (after members/demo.py); returns the people added."""
    members = MemberService(db, clock)
    groups = GroupService(db, clock)
    rng = random.Random(2015)
    start = CURRENT_TERM[1]
    term = next((t.id for t in members.list_terms() if t.name == CURRENT_TERM[0]), None)
    ids = {r.name: r.id for r in members.list_rows()}
    with db.write() as s:
        for name, posts in TEAM_OFFICERS.items():
            if name in ids:
                data = members.get(ids[name])
                data.posts += [PostData(t, start, None, term) for t in posts]
                members.write_person(s, data, ids[name])
        for n, (name, gender, posts) in enumerate(NEW_OFFICERS):
            values = {"name": name, "gender": gender, "political_status": "群众",
                      "id_number": make_id(clock.today().replace(year=1988 + n, day=1), 80 + n, gender),
                      "phone": f"139{rng.randrange(10**8):08d}"}
            members.write_person(s, PersonData(values, [PostData(t, start, None, term) for t in posts]), None)
    group_ids = []
    for n, (name, households, adults) in enumerate(GROUPS):
        group_ids.append(groups.save(GroupData(name, None, households, adults)))
    reps = RepresentativeService(db, clock)
    count = 0
    with db.write() as s:
        for g, group_id in enumerate(group_ids):
            leader = None
            for k in range(REPS_PER_GROUP):
                woman = k in (1, 3)  # two of five in each group: 12 of 30
                given = (REP_GIVEN_WOMEN if woman else REP_GIVEN_MEN)[(g * 3 + k) % 10]
                name = REP_SURNAMES[(g * REPS_PER_GROUP + k) % len(REP_SURNAMES)] + given
                gender = "女" if woman else "男"
                birth = clock.today().replace(year=1958 + (g * 5 + k) % 35, month=1 + k, day=10)
                values = {"name": name, "gender": gender, "political_status": "群众",
                          "id_number": make_id(birth, 100 + g * 10 + k, gender), "birth_date": birth,
                          "phone": f"13{rng.randrange(10**9):09d}", "address": f"红旗村{g + 1}组{rng.randrange(1, 60)}号"}
                pid = members.write_person(s, PersonData(values, [PostData(REPRESENTATIVE, start, None, term)]), None)
                reps.write_detail(s, pid, group_id, 8 + rng.randrange(6))
                leader = leader or pid
                count += 1
    for group_id, (name, households, adults) in zip(group_ids, GROUPS, strict=True):
        first = next(r for r in reps.list_rows() if r.group == name)
        groups.save(GroupData(name, first.person_id, households, adults), group_id)
    party = PartyGroupService(db)
    for n, name in enumerate(("第一党小组", "第二党小组", "第三党小组")):
        in_group = [r.id for r in members.list_rows() if r.values.get("party_group") == name]
        if in_group:
            party.save(name, in_group[0], in_group)
    BodySettings(db).set_kept(Body.UNION, False)
    return count + len(NEW_OFFICERS)
