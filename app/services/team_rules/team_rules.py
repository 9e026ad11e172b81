"""The four services of the team's rules, built on first use (one entry in the services context)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.clock import Clock
from db.session import Database

if TYPE_CHECKING:
    from app.services.team_rules.duties import DutyService
    from app.services.team_rules.plans import PlanService
    from app.services.team_rules.rota import RotaService
    from app.services.team_rules.study import StudyService


class TeamRules:
    def __init__(self, db: Database, clock: Clock, attachments_dir: Path):
        self.db = db
        self.clock = clock
        self.attachments_dir = attachments_dir

    @cached_property
    def plans(self) -> PlanService:
        from app.services.team_rules.plans import PlanService

        return PlanService(self.db, self.clock)

    @cached_property
    def duties(self) -> DutyService:
        from app.services.team_rules.duties import DutyService

        return DutyService(self.db, self.clock, self.attachments_dir)

    @cached_property
    def study(self) -> StudyService:
        from app.services.team_rules.study import StudyService

        return StudyService(self.db, self.clock)

    @cached_property
    def rota(self) -> RotaService:
        from app.services.team_rules.rota import RotaService

        return RotaService(self.db, self.clock)
