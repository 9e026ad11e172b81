"""Bodies, canonical post names and the synonyms clerks write for them."""

from __future__ import annotations

import enum
import re

from app.services.common.errors import UserError


class Body(str, enum.Enum):
    PARTY = "party"            # 村党组织委员会
    VILLAGERS = "villagers"    # 村民委员会
    SUPERVISION = "supervision"  # 村务监督委员会

    @property
    def label(self) -> str:
        return BODY_LABELS[self]


BODY_LABELS = {
    Body.PARTY: "党组织委员会",
    Body.VILLAGERS: "村民委员会",
    Body.SUPERVISION: "村务监督委员会",
}

SECRETARY = "党支部书记"
VILLAGE_HEAD = "村委会主任"
SUPERVISION_HEAD = "监委会主任"

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
    "妇联主席": "村委会委员",
    "监委主任": SUPERVISION_HEAD,
    "村监委主任": SUPERVISION_HEAD,
    "村务监督委员会主任": SUPERVISION_HEAD,
    "监督委员会主任": SUPERVISION_HEAD,
    "监委会主任": SUPERVISION_HEAD,
    "监委委员": "监委会委员",
    "村监委委员": "监委会委员",
    "村务监督委员会委员": "监委会委员",
    "监督委员会委员": "监委会委员",
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
    raise UserError(f"不认识的职务“{name}”：请使用 " + "、".join(CANONICAL_POSTS))


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
