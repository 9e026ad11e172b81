"""The counts of one 四议两公开 deliberation step, judged once: the step dialog shows them, the
matters service checks them and the record book prints them (one rule, one count).

Step 3 (党员大会) counts only 有表决权党员 (预备党员 attend without a vote): at least 2/3 of them
present, and 通过 needs more than half of them. Step 4 follows the 村民委员会组织法: a 村民代表会议
sits with at least 2/3 of its members (art. 26), a 村民会议 with more than half of the adults or
the representatives of at least 2/3 of households (art. 22), and either decides with more than
half of those present.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services.bodies.assembly_rules import (
    at_least_two_thirds,
    decision_passes,
    more_than_half,
    villagers_quorum,
)
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import AttendanceSummary


@dataclass(frozen=True)
class HeadCount:
    """A 村民会议's attendance as numbers (db: villager_meeting_count)."""

    adults_total: int
    adults_present: int
    households_total: int
    households_present: int


@dataclass(frozen=True)
class StepCount:
    kind: str
    expected: int  # 应到 (people, or 18 岁以上村民 for a 村民会议)
    present: int  # 实到
    voting_expected: int | None  # 应到有表决权党员 (step 3)
    voting_present: int | None
    households: tuple[int, int] | None  # 村民会议: (户代表到会, 总户数)
    quorum_rule: str  # "过半数" / "三分之二以上"
    quorum_met: bool | None  # None: no attendance recorded
    votes: tuple[int | None, int | None, int | None]  # 赞成, 反对, 弃权
    vote_base: int  # more than half of this is needed
    vote_base_label: str
    vote_needed: bool  # a 通过 must rest on a recorded vote (steps 3 and 4)

    @property
    def listed(self) -> bool:
        return self.quorum_met is not None

    @property
    def vote_recorded(self) -> bool:
        return self.votes[0] is not None

    @property
    def passes(self) -> bool | None:
        """The vote carries (None: no vote recorded)."""
        if self.votes[0] is None:
            return None
        return decision_passes(self.votes[0], self.vote_base)

    def attendance_text(self) -> str:
        if not self.listed:
            return "未登记到会人数"
        unit = "名18岁以上村民" if self.households is not None else "人"
        text = f"应到 {self.expected} {unit}，实到 {self.present} {unit}"
        if self.voting_expected is not None and self.voting_expected != self.expected:
            text += f"；其中有表决权党员应到 {self.voting_expected} 人，实到 {self.voting_present} 人"
        if self.households is not None and self.households[1]:
            text += f"；户代表到会 {self.households[0]} 户，共 {self.households[1]} 户"
        return text

    def quorum_text(self) -> str:
        if not self.listed:
            return "无法核对到会人数"
        verdict = "符合" if self.quorum_met else "不符合"
        return f"到会{self.quorum_rule}，{verdict}召开要求"

    def vote_text(self) -> str:
        votes_for, against, abstain = self.votes
        if votes_for is None:
            return "未记录表决票数"
        text = f"赞成 {votes_for} 票，反对 {against or 0} 票，弃权 {abstain or 0} 票"
        verdict = "超过" if self.passes else "未超过"
        return f"{text}，赞成票{verdict}{self.vote_base_label} {self.vote_base} 人的半数"

    def lines(self) -> list[str]:
        return [self.attendance_text(), self.quorum_text(), self.vote_text()]


def count_step(step: int, kind: str, summary: AttendanceSummary,
               votes: tuple[int | None, int | None, int | None], heads: HeadCount | None = None) -> StepCount:
    """The counts of a deliberation step held at a meeting of ``kind``."""
    listed = summary.expected > 0
    if step == 3:
        met = at_least_two_thirds(summary.voting_present, summary.voting_expected) if listed else None
        return StepCount(kind, summary.expected, summary.present, summary.voting_expected, summary.voting_present,
                         None, "三分之二以上有表决权党员", met, votes, summary.voting_expected,
                         "应到会有表决权党员", True)
    if step == 4 and kind == Kind.VILLAGERS.value and heads is not None:
        met = villagers_quorum(heads.adults_present, heads.adults_total, heads.households_present,
                               heads.households_total)
        by_adults = more_than_half(heads.adults_present, heads.adults_total) or not heads.households_total
        base = heads.adults_present if by_adults else heads.households_present
        return StepCount(kind, heads.adults_total, heads.adults_present, None, None,
                         (heads.households_present, heads.households_total),
                         "过半数18岁以上村民或三分之二以上户的代表", met, votes, base,
                         "到会人员" if by_adults else "到会户代表", True)
    if step == 4 and kind == Kind.REPRESENTATIVES.value:
        met = at_least_two_thirds(summary.present, summary.expected) if listed else None
        return StepCount(kind, summary.expected, summary.present, None, None, None, "三分之二以上组成人员",
                         met, votes, summary.present, "到会人员", True)
    met = more_than_half(summary.present, summary.expected) if listed else None
    return StepCount(kind, summary.expected, summary.present, None, None, None, "过半数", met, votes,
                     summary.present, "到会人员", step == 4)
