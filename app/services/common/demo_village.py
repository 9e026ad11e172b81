"""The whole sample village: people, meetings and matters, notices and reminders, each tab's
records dated relative to the clock's today."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.bodies.demo import fill_demo_bodies
from app.services.common.context import Services
from app.services.meetings.demo import fill_demo_meetings
from app.services.members.demo import fill_demo
from app.services.notices.demo import fill_demo_notices
from app.services.rectification.demo import fill_demo_rectification
from app.services.reminders.demo import fill_demo_reminders
from app.services.team_rules.demo import fill_demo_team


@dataclass(frozen=True)
class DemoCounts:
    people: int
    meetings: int
    matters: int
    notices: int
    reminders: int
    rectification: int = 0


def fill_sample_village(services: Services, years: int | None = None) -> DemoCounts:
    """``years``: meetings and notices going that many years back (the township's benchmark at the
    scale it asks for); by default a year and a half of meetings and a year of notices."""
    db, clock = services.db, services.clock
    people = fill_demo(db, clock)
    people += fill_demo_bodies(db, clock)
    months = 12 * years - 1 if years else 17
    meetings, matters = fill_demo_meetings(db, clock, services.data_dir.attachments, months)
    profile = services.profile.get()
    reviewer = next((r.id for r in services.members.list_rows() if "监委会主任" in r.current_posts), None)
    notices = fill_demo_notices(db, clock, profile.village_name, reviewer, profile.supervision_phone,
                                4 * years if years else 4)
    reminders = fill_demo_reminders(db, clock)
    fill_demo_team(services)
    return DemoCounts(people, meetings, matters, notices, reminders, fill_demo_rectification(services.rectification))
