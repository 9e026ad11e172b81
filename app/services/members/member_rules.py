"""The rules a person's record must satisfy before it is saved (DOMAIN.md §1)."""

from __future__ import annotations

import datetime as dt
import unicodedata

from app.services.common.errors import UserError, Verdict
from app.services.members import idcard
from app.services.members.member_fields import FIELDS_BY_KEY, GENDERS, PARTY_STATUSES, POLITICAL_STATUSES
from app.services.members.member_types import PersonData, PostData
from app.services.members.phone import validate_phone
from app.services.members.posts import SECRETARY, SUPERVISION_HEAD, Body, body_of, normalize_post

# Posts one person holds at a time in a village: a second holder is probably a missing end date.
SINGLE_SEAT_POSTS = ("党支部书记", "村委会主任", "监委会主任", "团支部书记", "妇联主席", "工会主席",
                     "民兵连长", "民兵连指导员", "理事长", "监事长")
# 股份经济合作社示范章程: the 监事会 oversees the 理事会, so no one sits on both.
ECONOMY_BOARD, ECONOMY_AUDIT = frozenset({"理事长", "理事"}), frozenset({"监事长", "监事"})

MAX_NAME_CHARS = 30
# Longest text kept for the other free-text fields (the column sizes of the people table).
MAX_TEXT_CHARS = {
    "ethnicity": 20, "native_place": 50, "address": 200, "education": 20,
    "education_inservice": 20, "party_group": 30, "note": 1000,
}
# Invisible marks that turn a character into an emoji (variation selectors, keycap).
_EMOJI_MARKS = frozenset("\ufe0e\ufe0f\u20e3")


def _overlap(a: PostData, b: PostData) -> bool:
    lo, hi = dt.date.min, dt.date.max
    return (a.start_date or lo) <= (b.end_date or hi) and (b.start_date or lo) <= (a.end_date or hi)


def _fmt(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def check_person(data: PersonData, today: dt.date) -> Verdict:
    """Check and normalise ``data.values`` in place (ID-derived sex and birth date filled in)."""
    v = data.values
    verdict = Verdict()
    for key, value in list(v.items()):
        if isinstance(value, str):
            v[key] = value.strip()

    if not v.get("name"):
        verdict.problem("name", "请填写姓名")
    elif len(str(v["name"])) > MAX_NAME_CHARS:
        verdict.problem("name", f"姓名太长：最多{MAX_NAME_CHARS}个字")
    elif problem := name_problem(str(v["name"])):
        verdict.problem("name", problem)
    for key, limit in MAX_TEXT_CHARS.items():
        if len(str(v.get(key) or "")) > limit:
            label = FIELDS_BY_KEY[key].label
            verdict.problem(key, f"{label}太长：最多{limit}个字，现在{len(str(v[key]))}个字")
    if v.get("gender") and v["gender"] not in GENDERS:
        verdict.problem("gender", "性别请选 男 或 女")
    status = v.get("political_status") or ""
    if status and status not in POLITICAL_STATUSES:
        verdict.problem("political_status", "政治面貌请从列表中选择：" + "、".join(POLITICAL_STATUSES))

    _check_id(v, verdict, today)
    try:
        v["phone"] = validate_phone(str(v.get("phone") or ""))
    except UserError as exc:
        verdict.problem("phone", exc.message)
    _check_dates(v, verdict, today, status)
    return verdict


def name_problem(name: str) -> str | None:
    """What makes ``name`` no one's name, or None. Any script's letters pass, including rare
    characters (𠮷, 䶮) and ones this Python's Unicode tables do not know yet; the middle dot of
    minority names (阿依古丽·买买提) and brackets (李明（大）) pass too."""
    categories = [unicodedata.category(ch) for ch in name]
    for ch, category in zip(name, categories):
        if category in ("Cc", "Cf", "Zl", "Zp") or ch in _EMOJI_MARKS:
            return "姓名中有换行、制表符等看不见的字符：请删除后重新输入"
        if category in ("So", "Sk", "Cs"):
            return f"姓名中有表情或特殊符号“{ch}”：姓名只能写文字，请删除"
    if not any(c[0] == "L" or c in ("Co", "Cn") for c in categories):
        return f"姓名“{name}”里没有文字：请填写人名"
    return None


def _check_id(v: dict, verdict: Verdict, today: dt.date) -> None:
    raw = str(v.get("id_number") or "")
    if not raw.strip():
        v["id_number"] = None
        return
    try:
        info = idcard.parse_id(raw, today)
    except UserError as exc:
        verdict.problem("id_number", exc.message)
        return
    v["id_number"] = info.number
    if not v.get("gender"):
        v["gender"] = info.gender
    elif v["gender"] != info.gender:
        verdict.problem("gender", f"性别与身份证号不符：身份证号显示为{info.gender}，请核对")
    birth = v.get("birth_date")
    if birth is None:
        v["birth_date"] = info.birth_date
    elif birth != info.birth_date:
        same_month = (birth.year, birth.month) == (info.birth_date.year, info.birth_date.month)
        if same_month and birth.day == 1:
            # A month-only date (e.g. 出生年月 1975.03) made precise by the ID.
            v["birth_date"] = info.birth_date
        else:
            verdict.problem(
                "birth_date",
                f"出生日期与身份证号不符：身份证号显示为{_fmt(info.birth_date)}，请核对",
            )


def _check_dates(v: dict, verdict: Verdict, today: dt.date, status: str) -> None:
    birth, joined, full = v.get("birth_date"), v.get("party_join_date"), v.get("full_member_date")
    for key, label, day in (
        ("birth_date", "出生日期", birth),
        ("party_join_date", "入党日期", joined),
        ("full_member_date", "转正日期", full),
    ):
        if day is not None and day > today:
            verdict.problem(key, f"{label}不能晚于今天（{_fmt(today)}）")
    if birth and birth.year < 1900:
        verdict.problem("birth_date", "出生日期不合理：请核对年份")
    if birth and joined and joined <= birth:
        verdict.problem("party_join_date", "入党日期应晚于出生日期")
    if joined and full and full < joined:
        verdict.problem("full_member_date", "转正日期不能早于入党日期")
    if (joined or full) and status and status not in PARTY_STATUSES:
        verdict.problem("political_status", f"政治面貌为“{status}”，却填写了入党日期：请核对")


def check_posts(posts: list[PostData], verdict: Verdict) -> None:
    """Rules within one person's posts: names, date order, overlaps, bodies that exclude."""
    for post in posts:
        try:
            post.title = normalize_post(post.title)
        except UserError as exc:
            verdict.problem("posts", exc.message)
            return
        if post.start_date and post.end_date and post.end_date < post.start_date:
            verdict.problem("posts", f"{post.title}的离任日期早于任职日期：请核对")
    for i, a in enumerate(posts):
        for b in posts[i + 1 :]:
            if not _overlap(a, b):
                continue
            if a.title == b.title:
                verdict.problem("posts", f"{a.title}的两段任职时间重叠：请合并或修改日期")
            bodies = {body_of(a.title), body_of(b.title)}
            if bodies == {Body.VILLAGERS, Body.SUPERVISION}:
                verdict.problem(
                    "posts", "村委会成员不能同时担任村务监督委员会成员：请去掉其中一项或填写离任日期"
                )
            if {a.title, b.title} & ECONOMY_BOARD and {a.title, b.title} & ECONOMY_AUDIT:
                verdict.problem("posts", "集体经济组织的理事会成员不能同时担任监事：请去掉其中一项或填写离任日期")
            if {a.title, b.title} == {SECRETARY, SUPERVISION_HEAD}:
                verdict.warnings.append("党支部书记一般不兼任村务监督委员会主任，确定要这样保存吗？")


def check_single_seats(
    name: str, posts: list[PostData], others: list[tuple[str, PostData]], verdict: Verdict
) -> None:
    """Warn when a single-seat post overlaps someone else's tenure of it."""
    for post in posts:
        if post.title not in SINGLE_SEAT_POSTS:
            continue
        for other_name, other in others:
            if other.title == post.title and _overlap(post, other):
                verdict.warnings.append(
                    f"{other_name} 在这段时间也任{post.title}：如已离任，请为其填写离任日期。"
                )
