"""Rosters per body: `pdf roster --body 两委|村民代表|团支部|妇联|工会|民兵|集体经济组织|全部`.

Each lists the people holding the body's posts today, ordered by post then by name, with the
posts of that body only; the 村民代表名册 adds 村民小组 and 联系户数 in place of 分工. Masking
(public or internal copy) is the roster's own.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from app.services.bodies.body_catalogue import BY_NAME, BodyInfo
from app.services.common.errors import UserError
from app.services.members.member_types import MemberRow
from app.services.members.posts import CANONICAL_POSTS, POST_ORDER, Body
from app.services.members.surname_strokes import stroke_key

COMMITTEES = "两委"
EVERYONE = "全部"
BODY_CHOICES = (COMMITTEES, *BY_NAME, EVERYONE)


def body_rows(all_rows: list[MemberRow], info: BodyInfo | None) -> list[MemberRow]:
    """People holding ``info``'s posts now (any body's when None), showing only those posts."""
    rows = []
    for row in all_rows:
        posts = tuple(t for t in row.current_posts if info is None or CANONICAL_POSTS.get(t) is info.body)
        if posts:
            rows.append(dataclasses.replace(row, current_posts=posts))
    return sorted(rows, key=lambda r: (min(POST_ORDER.get(t, 99) for t in r.current_posts), r.sort_name))


def print_body_roster(services, path: Path, body: str, internal: bool = False) -> int:  # noqa: ANN001
    """Write the roster of ``body`` (a BODY_CHOICES name) to ``path``; returns how many it lists."""
    if body == COMMITTEES:
        from app.services.members.roster_printing import print_roster

        return print_roster(services, path, internal=internal)
    if body not in BODY_CHOICES:
        raise UserError(f"不认识的组织“{body}”：请写 " + "、".join(BODY_CHOICES))
    from app.reports.members.roster import Column, build_roster

    info = BY_NAME.get(body)
    rows = body_rows(services.members.list_rows(), info)
    label = "各组织" if info is None else info.label
    if not rows:
        raise UserError(f"{label}现在没有在任人员：请先录入{label}的人员及其职务")
    profile = services.profile.for_print()
    extra: tuple[Column, ...] = ()
    cells: dict[int, dict[str, str]] = {}
    if info is not None and info.body is Body.REPRESENTATIVES:
        extra = (Column("group", "村民小组", 6), Column("contact", "联系户数", fit=True))
        listed = services.representatives.list_rows(current_only=True)  # by 村民小组
        for rep in listed:
            contact = "" if rep.contact_households is None else str(rep.contact_households)
            cells[rep.person_id] = {"group": rep.group, "contact": contact}
        for row in rows:
            cells.setdefault(row.id, {"group": "", "contact": ""})
        group_order = {name: i for i, name in enumerate(dict.fromkeys(r.group for r in listed))}
        # By 村民小组, then 姓氏笔画 within a group, as a name list is read out.
        rows.sort(key=lambda r: (group_order.get(cells[r.id]["group"], len(group_order)), stroke_key(r.name)))
    title = f"{profile.village_name}{'村民代表' if info and info.body is Body.REPRESENTATIVES else label}名册"
    try:
        build_roster(path, profile=profile, rows=rows, print_date=services.clock.today(), internal=internal,
                     title=title, extra_columns=extra, extra_cells=cells)
    except PermissionError as exc:
        raise UserError(f"无法写入文件 {path}：文件可能正在被其他程序打开，请关闭后重试或换个位置") from exc
    return len(rows)
