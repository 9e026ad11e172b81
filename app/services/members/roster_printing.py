"""Print jobs: gather the data, call the report module. reportlab loads only when used."""

from __future__ import annotations

from pathlib import Path

from app.services.common.context import Services
from app.services.common.errors import UserError
from app.services.members.member_types import MemberRow
from app.services.members.team import describe, team_on


def roster_rows(all_rows: list[MemberRow]) -> list[MemberRow]:
    """The people printed on the 两委班子成员花名册: the current team, by body and post."""
    from app.services.members.posts import POST_ORDER

    rows = [r for r in all_rows if r.in_office]
    return sorted(rows, key=lambda r: (min(POST_ORDER.get(t, 99) for t in r.committee_posts), r.sort_name))


def print_roster(services: Services, path: Path, internal: bool = False) -> int:
    """Write the roster PDF to ``path``; returns how many people it lists."""
    from app.reports.members.roster import build_roster

    profile = services.profile.for_print()
    all_rows = services.members.list_rows()
    rows = roster_rows(all_rows)
    if not rows:
        raise UserError("现任班子里还没有人：请先录入两委成员及其职务")
    summary = describe(team_on(all_rows, services.clock.today()))
    try:
        build_roster(
            path,
            profile=profile,
            rows=rows,
            print_date=services.clock.today(),
            internal=internal,
            summary=summary,
        )
    except PermissionError as exc:
        raise UserError(f"无法写入文件 {path}：文件可能正在被其他程序打开，请关闭后重试或换个位置") from exc
    return len(rows)
