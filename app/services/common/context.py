"""The services one running program uses, opened together on one data dir.

Each service is built on first use: a command that prints the roster never imports the
meetings, notices or reminders code (whole-process time of every headless command).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.datastore import open_database
from app.services.safety.actor import Actor
from db.session import Database

if TYPE_CHECKING:  # annotations only: each service's module is imported by its property
    from app.services.bodies.body_catalogue import BodySettings
    from app.services.bodies.party_groups import PartyGroupService
    from app.services.bodies.representatives import RepresentativeService
    from app.services.bodies.villager_groups import GroupService
    from app.services.common.profile import ProfileService
    from app.services.meetings.compliance import ComplianceService
    from app.services.meetings.matters import MatterService
    from app.services.meetings.meetings import MeetingService
    from app.services.members.members import MemberService
    from app.services.members.photos import PhotoStore
    from app.services.notices.notice_review import NoticeReviewSettings
    from app.services.notices.notices import NoticeService
    from app.services.notices.villager_questions import QuestionService
    from app.services.rectification.rectification import RectificationService
    from app.services.reminders.derived_reminders import DerivedReminders
    from app.services.reminders.reminders import ReminderService
    from app.services.safety.accounts import AccountService
    from app.services.team_rules.team_rules import TeamRules
    from app.services.workbench.ledgers import Ledgers
    from app.services.workbench.workbench import Workbench


class Services:
    def __init__(self, data_dir: DataDir, db: Database, clock: Clock):
        self.data_dir = data_dir
        self.db = db
        self.clock = clock

    @cached_property
    def members(self) -> MemberService:
        from app.services.members.members import MemberService

        return MemberService(self.db, self.clock)

    @cached_property
    def villager_groups(self) -> GroupService:
        from app.services.bodies.villager_groups import GroupService

        return GroupService(self.db, self.clock)

    @cached_property
    def representatives(self) -> RepresentativeService:
        from app.services.bodies.representatives import RepresentativeService

        return RepresentativeService(self.db, self.clock)

    @cached_property
    def party_groups(self) -> PartyGroupService:
        from app.services.bodies.party_groups import PartyGroupService

        return PartyGroupService(self.db)

    @cached_property
    def body_settings(self) -> BodySettings:
        from app.services.bodies.body_catalogue import BodySettings

        return BodySettings(self.db)

    @cached_property
    def profile(self) -> ProfileService:
        from app.services.common.profile import ProfileService

        return ProfileService(self.db)

    @cached_property
    def photos(self) -> PhotoStore:
        from app.services.members.photos import PhotoStore

        return PhotoStore(self.data_dir.photos)

    @cached_property
    def accounts(self) -> AccountService:
        from app.services.safety.accounts import AccountService

        return AccountService(self.db, self.clock)

    @cached_property
    def meetings(self) -> MeetingService:
        from app.services.meetings.meetings import MeetingService

        return MeetingService(self.db, self.clock, self.data_dir.attachments)

    @cached_property
    def compliance(self) -> ComplianceService:
        from app.services.meetings.compliance import ComplianceService

        return ComplianceService(self.db, self.clock)

    @cached_property
    def matters(self) -> MatterService:
        from app.services.meetings.matters import MatterService

        return MatterService(self.db, self.clock)

    @cached_property
    def notices(self) -> NoticeService:
        from app.services.notices.notices import NoticeService

        return NoticeService(self.db, self.clock)

    @cached_property
    def notice_review(self) -> NoticeReviewSettings:
        from app.services.notices.notice_review import NoticeReviewSettings

        return NoticeReviewSettings(self.db)

    @cached_property
    def questions(self) -> QuestionService:
        from app.services.notices.villager_questions import QuestionService

        return QuestionService(self.db, self.clock)

    @cached_property
    def reminders(self) -> ReminderService:
        from app.services.reminders.reminders import ReminderService

        return ReminderService(self.db, self.clock)

    @cached_property
    def rectification(self) -> RectificationService:
        from app.services.rectification.rectification import RectificationService

        return RectificationService(self.db, self.clock, self.meetings)

    @cached_property
    def ledgers(self) -> Ledgers:
        from app.services.workbench.ledgers import Ledgers

        return Ledgers(self.members, self.compliance, self.matters, self.notices, self.questions,
                       rectification=self.rectification, team_rules=self.team_rules)

    @cached_property
    def derived(self) -> DerivedReminders:
        from app.services.reminders.derived_reminders import DerivedReminders

        return DerivedReminders(self.db, self.clock, self.ledgers)

    @cached_property
    def workbench(self) -> Workbench:
        from app.services.workbench.workbench import Workbench

        return Workbench(self.db, self.clock, self.reminders, self.derived, self.ledgers)

    @cached_property
    def team_rules(self) -> TeamRules:
        from app.services.team_rules.team_rules import TeamRules

        return TeamRules(self.db, self.clock, self.data_dir.attachments)

    @property
    def actor(self) -> Actor:
        return self.db.actor

    def act_as(self, actor: Actor) -> None:
        """Every later change is checked against, and logged as, ``actor``."""
        self.db.actor = actor

    def close(self) -> None:
        self.db.close()


def open_services(data_dir: DataDir, clock: Clock) -> Services:
    return Services(data_dir, open_database(data_dir, clock), clock)
