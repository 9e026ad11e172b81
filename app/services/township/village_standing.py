"""How a village stands on the ledgers beyond the start page's figures, read on the township's copy
with the village's own services: the 年度党建计划 and 主体责任清单 of each year, whether its 群团组织
are 健全, its 整改 items, and the make-up of its 村民代表会议. The matrix and the analysis use it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services.bodies.assembly_rules import Composition
from app.services.bodies.body_health import BodyHealthService, BodyPosts
from app.services.common.context import Services
from app.services.common.due_rule import records_begin
from app.services.members.posts import Body
from app.services.rectification.rect_types import Counts
from app.services.team_rules.team_types import DONE, DONE_LATE, NOT_DONE

# 群团组织: the bodies the township counts as 健全 or not (the 村民代表会议 is counted by its make-up,
# the 集体经济组织 is an economic body).
MASS_BODIES = (Body.YOUTH, Body.WOMEN, Body.UNION, Body.MILITIA)


@dataclass(frozen=True)
class PlanYear:
    """One year's 年度党建计划: how many lines, how many done, how many past their time undone."""

    year: int
    items: int
    done: int
    not_done: int
    adopted: bool  # passed at a meeting

    @property
    def made(self) -> bool:
        return self.items > 0


@dataclass(frozen=True)
class DutyYear:
    """One year's 主体责任清单: the members on it, their tasks, and the 责任书 signed."""

    year: int
    members: int
    tasks: int
    done: int
    not_done: int
    signed: int

    @property
    def made(self) -> bool:
        return self.tasks > 0


@dataclass(frozen=True)
class Standing:
    plans: tuple[PlanYear, ...]  # each year of the period up to the day counted
    duties: tuple[DutyYear, ...]
    mass_bodies: tuple[BodyPosts, ...]  # the 群团组织 the village keeps, on the day counted
    rectification: Counts  # items raised in the period, as they stand
    representatives: Composition  # the 村民代表会议 on the day counted

    @property
    def every_plan_made(self) -> bool:
        """A 年度党建计划 in each year asked for."""
        return all(p.made for p in self.plans)

    @property
    def every_list_made(self) -> bool:
        """A 主体责任清单 in each year asked for."""
        return all(d.made for d in self.duties)

    @property
    def unsound_bodies(self) -> tuple[BodyPosts, ...]:
        return tuple(b for b in self.mass_bodies if not b.sound)


def read_standing(services: Services, first: dt.date, last: dt.date) -> Standing:
    """The period ``first``–``last`` (a year or a term) as it stands on ``last`` or today, if sooner.
    A plan or a duty list is looked for only in the years since the village's records begin."""
    day = min(last, services.clock.today())
    years = range(max(first, records_begin(services.db, day)).year, day.year + 1)
    team = services.team_rules
    plans = []
    for year in years:
        view = team.plans.view(year)
        plans.append(PlanYear(year, len(view.items), view.count(DONE) + view.count(DONE_LATE), view.count(NOT_DONE),
                              view.adopted_meeting_id is not None))
    duties = []
    for year in years:
        members = team.duties.year(year)
        states = [t.state for m in members for t in m.tasks]
        duties.append(DutyYear(year, len(members), len(states), sum(1 for s in states if s in (DONE, DONE_LATE)),
                               states.count(NOT_DONE), sum(1 for m in members if m.pledge and m.pledge.signed_on)))
    bodies = BodyHealthService(services.db, services.clock).posts_on(day)
    mass = tuple(b for b in bodies if b.info.body in MASS_BODIES)
    return Standing(tuple(plans), tuple(duties), mass, services.rectification.counts_on(first, last),
                    services.representatives.composition_on(day))
