"""Bodies, canonical post names and the synonyms clerks write for them."""

from __future__ import annotations

import enum
import re

from app.services.common.errors import UserError


class Body(str, enum.Enum):
    PARTY = "party"            # 村党组织委员会
    VILLAGERS = "villagers"    # 村民委员会
    SUPERVISION = "supervision"  # 村务监督委员会
    # The village's other bodies (bodies domain): their officers are posts like the committees'.
    REPRESENTATIVES = "representatives"  # 村民代表
    YOUTH = "youth"            # 团支部
    WOMEN = "women"            # 妇联
    UNION = "union"            # 工会
    MILITIA = "militia"        # 民兵连
    ECONOMY = "economy"        # 村集体经济组织（股份经济合作社）

    @property
    def label(self) -> str:
        return BODY_LABELS[self]


BODY_LABELS = {
    Body.PARTY: "党组织委员会",
    Body.VILLAGERS: "村民委员会",
    Body.SUPERVISION: "村务监督委员会",
    Body.REPRESENTATIVES: "村民代表",
    Body.YOUTH: "团支部",
    Body.WOMEN: "妇联",
    Body.UNION: "工会",
    Body.MILITIA: "民兵连",
    Body.ECONOMY: "村集体经济组织",
}

# The 两委 (with the 监委会): the team of the members tab, the 两委 roster and the 纪律提醒 cadres.
COMMITTEE_BODIES = frozenset({Body.PARTY, Body.VILLAGERS, Body.SUPERVISION})

SECRETARY = "党支部书记"
VILLAGE_HEAD = "村委会主任"
SUPERVISION_HEAD = "监委会主任"
REPRESENTATIVE = "村民代表"
ECONOMY_HEAD = "理事长"

# Canonical posts in display order, each with its body.
CANONICAL_POSTS: dict[str, Body] = {
    SECRETARY: Body.PARTY,
    "党支部副书记": Body.PARTY,
    "组织委员": Body.PARTY,
    "纪检委员": Body.PARTY,
    "宣传委员": Body.PARTY,
    "党支部委员": Body.PARTY,
    VILLAGE_HEAD: Body.VILLAGERS,
    "村委会副主任": Body.VILLAGERS,
    "村委会委员": Body.VILLAGERS,
    SUPERVISION_HEAD: Body.SUPERVISION,
    "监委会委员": Body.SUPERVISION,
    REPRESENTATIVE: Body.REPRESENTATIVES,
    "团支部书记": Body.YOUTH,
    "团支部副书记": Body.YOUTH,
    "团支部委员": Body.YOUTH,
    "妇联主席": Body.WOMEN,
    "妇联副主席": Body.WOMEN,
    "妇联执委": Body.WOMEN,
    "工会主席": Body.UNION,
    "工会委员": Body.UNION,
    "民兵连长": Body.MILITIA,
    "民兵连指导员": Body.MILITIA,
    ECONOMY_HEAD: Body.ECONOMY,
    "理事": Body.ECONOMY,
    "监事长": Body.ECONOMY,
    "监事": Body.ECONOMY,
}

POST_ORDER = {name: i for i, name in enumerate(CANONICAL_POSTS)}

SYNONYMS: dict[str, str] = {
    "书记": SECRETARY,
    "支部书记": SECRETARY,
    "村党支部书记": SECRETARY,
    "村党组织书记": SECRETARY,
    "党组织书记": SECRETARY,
    "党总支书记": SECRETARY,
    "村党总支书记": SECRETARY,
    "党委书记": SECRETARY,
    "副书记": "党支部副书记",
    "支部副书记": "党支部副书记",
    "村党支部副书记": "党支部副书记",
    "党组织副书记": "党支部副书记",
    "党总支副书记": "党支部副书记",
    "支委": "党支部委员",
    "支部委员": "党支部委员",
    "支委委员": "党支部委员",
    "党支部委员会委员": "党支部委员",
    "村党支部委员": "党支部委员",
    "主任": VILLAGE_HEAD,
    "村主任": VILLAGE_HEAD,
    "村委主任": VILLAGE_HEAD,
    "村民委员会主任": VILLAGE_HEAD,
    "居委会主任": VILLAGE_HEAD,
    "副主任": "村委会副主任",
    "村副主任": "村委会副主任",
    "村委副主任": "村委会副主任",
    "村民委员会副主任": "村委会副主任",
    "村委委员": "村委会委员",
    "村民委员会委员": "村委会委员",
    "妇女主任": "村委会委员",
    "监委主任": SUPERVISION_HEAD,
    "村监委主任": SUPERVISION_HEAD,
    "村务监督委员会主任": SUPERVISION_HEAD,
    "监督委员会主任": SUPERVISION_HEAD,
    "监委会主任": SUPERVISION_HEAD,
    "监委委员": "监委会委员",
    "村监委委员": "监委会委员",
    "村务监督委员会委员": "监委会委员",
    "监督委员会委员": "监委会委员",
    "代表": REPRESENTATIVE,
    "村代表": REPRESENTATIVE,
    "团支书": "团支部书记",
    "团书记": "团支部书记",
    "团委书记": "团支部书记",
    "团支委": "团支部委员",
    "村妇联主席": "妇联主席",
    "妇联执行委员": "妇联执委",
    "妇联委员": "妇联执委",
    "村工会主席": "工会主席",
    "连长": "民兵连长",
    "民兵营长": "民兵连长",
    "指导员": "民兵连指导员",
    "民兵指导员": "民兵连指导员",
    "经济合作社理事长": ECONOMY_HEAD,
    "股份经济合作社理事长": ECONOMY_HEAD,
    "集体经济组织理事长": ECONOMY_HEAD,
    "合作社理事长": ECONOMY_HEAD,
    "理事会理事": "理事",
    "监事会主任": "监事长",
    "监事会监事": "监事",
}

# Words that mean "no post" in a 职务 cell.
NO_POST_WORDS = {"", "无", "党员", "普通党员", "预备党员", "群众", "—", "-", "/"}

POST_SEPARATORS = re.compile(r"[、，,；;/\s]+|兼")


def normalize_post(text: str) -> str:
    """Return the canonical post for ``text`` or raise UserError saying what is accepted."""
    name = text.strip().replace("（", "(").replace("）", ")")
    if name in CANONICAL_POSTS:
        return name
    if name in SYNONYMS:
        return SYNONYMS[name]
    if name == "委员":
        raise UserError("职务“委员”不明确：请写明 党支部委员、村委会委员 或 监委会委员")
    committee = [t for t in CANONICAL_POSTS if is_committee_post(t)]
    others = [t for t in CANONICAL_POSTS if not is_committee_post(t)]
    raise UserError(f"不认识的职务“{name}”：请使用 " + "、".join(committee) + "；其他组织的职务：" + "、".join(others))


def split_posts(cell: str) -> list[str]:
    """Split a 职务 cell such as “党支部书记、村委会主任” into canonical posts (in order, unique)."""
    posts: list[str] = []
    for part in POST_SEPARATORS.split(cell or ""):
        if part.strip() in NO_POST_WORDS:
            continue
        post = normalize_post(part)
        if post not in posts:
            posts.append(post)
    return posts


def body_of(post: str) -> Body:
    return CANONICAL_POSTS[normalize_post(post)]


def is_committee_post(title: str) -> bool:
    """A post on the 两委 or the 监委会 (not a 村民代表 or an officer of another body)."""
    return CANONICAL_POSTS.get(title) in COMMITTEE_BODIES


def posts_of(body: Body) -> list[str]:
    """The canonical posts of ``body`` in display order."""
    return [title for title, owner in CANONICAL_POSTS.items() if owner is body]
