"""The other ledgers' services that the start page and the derived reminders read.

Handed over by the services context (common/context.py), so that one running program has one
service of each kind; the start page lives here, the derived reminders are its main caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the context imports the services themselves
    from app.services.meetings.compliance import ComplianceService
    from app.services.meetings.matters import MatterService
    from app.services.members.members import MemberService
    from app.services.notices.notices import NoticeService
    from app.services.notices.villager_questions import QuestionService
    from app.services.rectification.rectification import RectificationService
    from app.services.team_rules.team_rules import TeamRules


@dataclass(frozen=True)
class Ledgers:
    members: MemberService
    compliance: ComplianceService
    matters: MatterService
    notices: NoticeService
    questions: QuestionService
    rectification: RectificationService | None = None  # 整改台账: its warnings and figures
    team_rules: TeamRules | None = None  # the team's own rules (plan, duties, study, rota)
