"""A realistic sample village, so that a newcomer sees a working program at once."""

from __future__ import annotations

import datetime as dt
import random

from app.clock import Clock
from app.services.common.errors import UserError
from app.services.common.profile import Profile, ProfileService
from app.services.members.idcard import check_digit
from app.services.members.member_types import PersonData, PostData
from app.services.members.members import MemberService
from db.session import Database

AREA = "430121"  # the sample village's county
PREVIOUS_TERM = ("第十一届", dt.date(2021, 5, 1), dt.date(2026, 4, 30))
CURRENT_TERM = ("第十二届", dt.date(2026, 5, 1), dt.date(2031, 4, 30))

# name, gender, birth, education, posts in the current term, duties, posts in the previous term
TEAM = [
    ("李建国", "男", dt.date(1972, 8, 16), "大学专科", ["党支部书记", "村委会主任"], "主持党支部和村委会全面工作", ["党支部书记", "村委会主任"]),
    ("王淑芬", "女", dt.date(1979, 3, 9), "高中", ["党支部副书记", "村委会委员"], "党建、妇女和计生工作", ["党支部委员"]),
    ("张堃", "男", dt.date(1985, 11, 2), "大学本科", ["组织委员", "村委会副主任"], "组织、产业发展", ["村委会委员"]),
    ("陈喆", "男", dt.date(1990, 6, 21), "大学本科", ["宣传委员"], "宣传、文化和网格化管理", []),
    ("刘玥", "女", dt.date(1994, 1, 30), "大学专科", ["村委会委员"], "民政、社保和便民服务", []),
    ("周淼", "男", dt.date(1968, 12, 5), "初中", ["纪检委员"], "纪检和廉洁村居建设", ["纪检委员"]),
    ("吴𠮷祥", "男", dt.date(1966, 4, 18), "高中", ["监委会主任"], "村务监督", ["监委会委员"]),
    ("郑秀兰", "女", dt.date(1970, 9, 27), "初中", ["监委会委员"], "财务监督", []),
    ("黄犇", "男", dt.date(1982, 7, 7), "中专", ["监委会委员"], "工程项目监督", []),
]
LEFT = [("赵德胜", "男", dt.date(1960, 2, 14), "初中", "村委会副主任", dt.date(2024, 6, 30), "退休")]
ORDINARY_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
ORDINARY_GIVEN = ["建华", "秀英", "国强", "桂兰", "志勇", "玉梅", "海涛", "春燕", "德明", "丽娟",
                  "红军", "凤英", "文斌", "燚", "赟", "镕", "昇", "䶮", "晓东", "美玲", "永福", "秋菊"]


def make_id(birth: dt.date, serial: int, gender: str) -> str:
    """A well-formed sample ID number (valid check digit) for the sample county."""
    sex_digit = (serial * 2 + (1 if gender == "男" else 0)) % 10
    if (sex_digit % 2 == 1) != (gender == "男"):
        sex_digit = (sex_digit + 1) % 10
    first17 = f"{AREA}{birth:%Y%m%d}{serial % 100:02d}{sex_digit}"
    return first17 + check_digit(first17)


def fill_demo(db: Database, clock: Clock) -> int:
    """Fill an empty database with the sample village. Returns how many people were added."""
    members = MemberService(db, clock)
    if members.count() or ProfileService(db).get() is not None:
        raise UserError("数据库里已有数据：示例数据只能装入空的数据库，以免混在真实记录里")
    ProfileService(db).save(
        Profile("红旗村", "城关镇", "中共红旗村支部委员会", "红旗村村民委员会", "0731-84561234", "430124105201")
    )
    prev_id = members.add_term(*PREVIOUS_TERM)
    curr_id = members.add_term(*CURRENT_TERM)
    rng = random.Random(2026)
    people: list[PersonData] = []
    for i, (name, gender, birth, edu, posts, duties, prev_posts) in enumerate(TEAM):
        post_list = [PostData(t, PREVIOUS_TERM[1], PREVIOUS_TERM[2], prev_id) for t in prev_posts]
        post_list += [PostData(t, CURRENT_TERM[1], None, curr_id) for t in posts]
        status = "群众" if "监委会" in posts[0] and i == 8 else "中共党员"
        people.append(
            PersonData(
                values=_values(rng, name, gender, birth, edu, status, 10 + i),
                posts=post_list,
                duties=duties,
                commitment=f"本人郑重承诺：认真履行{posts[0]}职责，{duties}，廉洁自律，接受党员群众监督。",
                term_id=curr_id,
            )
        )
    for name, gender, birth, edu, title, left_on, reason in LEFT:
        people.append(
            PersonData(
                values=_values(rng, name, gender, birth, edu, "中共党员", 40),
                posts=[PostData(title, PREVIOUS_TERM[1], left_on, prev_id, reason)],
            )
        )
    for n in range(24):
        name = ORDINARY_SURNAMES[n % len(ORDINARY_SURNAMES)] + ORDINARY_GIVEN[n % len(ORDINARY_GIVEN)]
        gender = "女" if n % 3 == 1 else "男"
        birth = dt.date(1950 + rng.randrange(50), rng.randrange(1, 13), rng.randrange(1, 29))
        status = "中共预备党员" if n in (5, 17) else "中共党员"
        values = _values(rng, name, gender, birth, rng.choice(["初中", "高中", "中专"]), status, 50 + n)
        values["party_group"] = f"第{'一二三'[n % 3]}党小组"
        people.append(PersonData(values=values))
    with db.write() as s:
        for data in people:
            verdict = members.check(data)
            assert not verdict.problems, (data.values["name"], verdict.problems)
            members.write_person(s, data, None)
    return len(people)


def _values(rng: random.Random, name, gender, birth, edu, status, serial) -> dict[str, object]:
    joined = None
    if status.startswith("中共"):
        joined = dt.date(birth.year + 22 + rng.randrange(10), rng.randrange(1, 13), 1)
        if status == "中共预备党员":
            joined = dt.date(2026, 7, 1)
    return {
        "name": name,
        "gender": gender,
        "ethnicity": "汉族" if serial % 7 else "土家族",
        "birth_date": birth,
        "native_place": "湖南长沙",
        "id_number": make_id(birth, serial, gender),
        "phone": f"1{rng.choice('35789')}{rng.randrange(10**9):09d}",
        "address": f"红旗村{rng.randrange(1, 12)}组{rng.randrange(1, 80)}号",
        "political_status": status,
        "party_join_date": joined,
        "full_member_date": dt.date(joined.year + 1, joined.month, 1) if joined and status == "中共党员" else None,
        "education": edu,
        "education_inservice": "",
        "party_group": "",
        "note": "",
    }
