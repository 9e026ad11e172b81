"""The numbers the 村民委员会组织法 sets for villagers' meetings, as plain functions.

“以上” in Chinese law includes the figure itself: 五分之四以上 is at least 4/5, 三分之二以上
at least 2/3. “过半数” is more than half. Integer arithmetic only, so the exact boundaries hold.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Composition:
    """The 村民代表会议's members (组成人员) on one day (组织法 art. 26)."""

    committee: int  # 村民委员会成员
    representatives: int  # 村民代表 in office
    women_representatives: int

    @property
    def members(self) -> int:
        return self.committee + self.representatives


def too_few_representatives(c: Composition) -> bool:
    """组织法 art. 26: 村民代表 at least 4/5 of the members."""
    return c.members > 0 and c.representatives * 5 < c.members * 4


def too_few_women(c: Composition) -> bool:
    """组织法 art. 26: women 村民代表 at least 1/3 of the members."""
    return c.members > 0 and c.women_representatives * 3 < c.members


def composition_problems(c: Composition) -> list[str]:
    """组织法 art. 26, in words: what is short and what to do."""
    problems = []
    if too_few_representatives(c):
        problems.append(f"村民代表会议组成人员 {c.members} 人，其中村民代表 {c.representatives} 人，"
                        "不足五分之四（村民委员会组织法第二十六条）：请补选村民代表")
    if too_few_women(c):
        problems.append(f"村民代表会议组成人员 {c.members} 人，其中妇女村民代表 {c.women_representatives} 人，"
                        "不足三分之一（村民委员会组织法第二十六条）：请补选妇女村民代表")
    return problems


def at_least_two_thirds(present: int, expected: int) -> bool:
    return expected > 0 and present * 3 >= expected * 2


def more_than_half(part: int, whole: int) -> bool:
    return whole > 0 and part * 2 > whole


def representatives_quorum(present: int, members: int) -> bool:
    """组织法 art. 26: the 村民代表会议 sits with at least 2/3 of its members present."""
    return at_least_two_thirds(present, members)


def villagers_quorum(adults_present: int, adults: int, households_present: int, households: int) -> bool:
    """组织法 art. 22: more than half of the adults, or representatives of at least 2/3 of households."""
    return more_than_half(adults_present, adults) or at_least_two_thirds(households_present, households)


def decision_passes(votes_for: int, present: int) -> bool:
    """组织法 arts. 22 and 26: a decision needs more than half of those present."""
    return more_than_half(votes_for, present)


def households_per_representative(households: int, representatives: int) -> tuple[int, int] | None:
    """组织法 art. 25: one 村民代表 per 5–15 households; None when within, else (low, high) allowed count."""
    if households <= 0 or representatives <= 0:
        return None
    low, high = -(-households // 15), households // 5  # at most 15 households each, at least 5
    return None if low <= representatives <= max(high, low) else (low, max(high, low))
