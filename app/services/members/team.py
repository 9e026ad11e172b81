"""一肩挑 and 交叉任职, derived from the posts held on a day, never typed in."""

from __future__ import annotations

import datetime as dt

from app.services.members.member_types import MemberRow, TeamSummary
from app.services.members.posts import ECONOMY_HEAD, SECRETARY, VILLAGE_HEAD, Body, body_of


def team_on(rows: list[MemberRow], day: dt.date) -> TeamSummary:
    party: list[str] = []
    villagers: list[str] = []
    supervision: list[str] = []
    one_shoulder: list[str] = []
    party_heads: list[str] = []
    cross: list[str] = []
    economy_heads: list[str] = []
    for row in rows:
        titles = {p.title for p in row.all_posts if p.active_on(day)}
        bodies = {body_of(t) for t in titles}
        if Body.PARTY in bodies:
            party.append(row.name)
        if Body.VILLAGERS in bodies:
            villagers.append(row.name)
        if Body.SUPERVISION in bodies:
            supervision.append(row.name)
        if SECRETARY in titles:
            party_heads.append(row.name)
        if {SECRETARY, VILLAGE_HEAD} <= titles:
            one_shoulder.append(row.name)
        if {Body.PARTY, Body.VILLAGERS} <= bodies:
            cross.append(row.name)
        if ECONOMY_HEAD in titles:
            economy_heads.append(row.name)
    return TeamSummary(
        day=day,
        party_members=tuple(party),
        villager_members=tuple(villagers),
        supervision_members=tuple(supervision),
        one_shoulder=tuple(one_shoulder),
        cross=tuple(cross),
        economy_heads=tuple(economy_heads),
        secretary_heads_economy=tuple(n for n in economy_heads if n in party_heads),
    )


def describe(summary: TeamSummary) -> str:
    """The one-line summary shown above the members table."""
    parts = [
        f"党组织委员 {len(summary.party_members)} 人",
        f"村委会委员 {len(summary.villager_members)} 人",
        f"监委会委员 {len(summary.supervision_members)} 人",
    ]
    if summary.one_shoulder:
        parts.append("一肩挑：" + "、".join(summary.one_shoulder))
    else:
        parts.append("一肩挑：无")
    rate = summary.cross_rate
    rate_text = "—" if rate is None else f"{rate:.1%}"
    parts.append(f"交叉任职 {len(summary.cross)} 人，交叉任职率 {rate_text}")
    for name in summary.economy_heads:
        both = "（党支部书记兼任）" if name in summary.secretary_heads_economy else ""
        parts.append(f"集体经济组织理事长：{name}{both}")
    return "；".join(parts)
