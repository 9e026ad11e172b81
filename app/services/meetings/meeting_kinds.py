"""Meeting kinds, who is expected at each, and how often the rules require them (DOMAIN.md §2).

The frequency table is the one place the requirements live; a township with stricter rules
changes it in settings (stored in the database, see compliance service).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(str, enum.Enum):
    PARTY_CONGRESS = "支部党员大会"
    BRANCH_COMMITTEE = "支部委员会会议"
    PARTY_GROUP = "党小组会"
    PARTY_LECTURE = "党课"
    THEME_DAY = "主题党日"
    LIFE_MEETING = "组织生活会"
    APPRAISAL = "民主评议党员"
    HEART_TALK = "谈心谈话"
    JOINT_MEETING = "村“两委”联席会议"
    REPRESENTATIVES = "村民代表会议"
    VILLAGERS = "村民会议"
    STUDY = "集中学习"  # the team's 学习制度; 学时 and texts in db/models/team_rules.py
    OTHER = "其他"


# The everyday short names clerks write on a file or a folder.
SHORT_NAMES = {Kind.PARTY_CONGRESS.value: "党员大会", Kind.BRANCH_COMMITTEE.value: "支委会",
               Kind.JOINT_MEETING.value: "两委联席会议"}


def short_name(kind: str) -> str:
    return SHORT_NAMES.get(kind, kind)


class Expected(str, enum.Enum):
    """Who is on the 应到 list of a kind of meeting, on the meeting's date."""

    PARTY_MEMBERS = "全体党员"  # 中共党员 and 中共预备党员 (预备党员 attend but do not vote)
    PARTY_COMMITTEE = "党组织委员"
    BOTH_COMMITTEES = "党组织委员和村委会委员"
    ASSEMBLY = "村委会委员和村民代表"  # 村民代表会议's members (组织法 art. 26)
    PARTY_GROUP = "本党小组党员"
    TWO_PEOPLE = "谈话双方"
    CHOSEN = "自行选择"


EXPECTED: dict[Kind, Expected] = {
    Kind.PARTY_CONGRESS: Expected.PARTY_MEMBERS,
    Kind.BRANCH_COMMITTEE: Expected.PARTY_COMMITTEE,
    Kind.PARTY_GROUP: Expected.PARTY_GROUP,
    Kind.PARTY_LECTURE: Expected.PARTY_MEMBERS,
    Kind.THEME_DAY: Expected.PARTY_MEMBERS,
    Kind.LIFE_MEETING: Expected.PARTY_MEMBERS,
    Kind.APPRAISAL: Expected.PARTY_MEMBERS,
    Kind.HEART_TALK: Expected.TWO_PEOPLE,
    Kind.JOINT_MEETING: Expected.BOTH_COMMITTEES,
    Kind.REPRESENTATIVES: Expected.ASSEMBLY,
    Kind.VILLAGERS: Expected.CHOSEN,
    Kind.STUDY: Expected.BOTH_COMMITTEES,
    Kind.OTHER: Expected.CHOSEN,
}


class Period(str, enum.Enum):
    MONTH = "每月"
    QUARTER = "每季度"
    YEAR = "每年"
    YEAR_PER_MEMBER = "每年每名委员"  # 谈心谈话: each committee member at least once a year


@dataclass(frozen=True)
class Requirement:
    kind: Kind
    period: Period
    times: int = 1
    by_month: int | None = None  # e.g. 组织生活会 by December (12)
    basis: str = ""  # where the rule comes from, shown to the user


# Defaults: 《中国共产党支部工作条例（试行）》 (2018) and common local practice.
DEFAULT_REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(Kind.BRANCH_COMMITTEE, Period.MONTH, basis="支部工作条例：支委会一般每月召开1次"),
    Requirement(Kind.PARTY_GROUP, Period.MONTH, basis="支部工作条例：党小组会一般每月召开1次"),
    Requirement(Kind.THEME_DAY, Period.MONTH, basis="每月固定一天开展主题党日"),
    Requirement(Kind.PARTY_CONGRESS, Period.QUARTER, basis="支部工作条例：党员大会一般每季度召开1次"),
    Requirement(Kind.PARTY_LECTURE, Period.QUARTER, basis="本村设置：每季度1次（条例要求每年至少1次）"),
    Requirement(Kind.LIFE_MEETING, Period.YEAR, by_month=12, basis="组织生活会每年至少1次，一般在第四季度"),
    Requirement(Kind.APPRAISAL, Period.YEAR, by_month=12, basis="民主评议党员每年1次"),
    Requirement(Kind.HEART_TALK, Period.YEAR_PER_MEMBER, basis="支委会成员之间、与党员之间每年至少谈心谈话1次"),
)

# In the law but off by default (many villages meet as matters arise): a village adds it in
# 会议频次要求. 组织法 art. 26: 村民代表会议……每季度召开一次.
OPTIONAL_REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(Kind.REPRESENTATIVES, Period.QUARTER, basis="村民委员会组织法第二十六条：村民代表会议每季度召开一次"),
)

# Quorum rules (DOMAIN.md §2).
COMMITTEE_QUORUM = "more than half"  # 支委会: valid only with more than half present
MATTER_CONGRESS_QUORUM = (2, 3)  # 党员大会 reviewing a 四议两公开 matter: at least 2/3 present
