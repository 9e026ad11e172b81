"""The services one running program uses, opened together on one data dir."""

from __future__ import annotations

from dataclasses import dataclass

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.datastore import open_database
from app.services.common.profile import ProfileService
from app.services.meetings.compliance import ComplianceService
from app.services.meetings.matters import MatterService
from app.services.meetings.meetings import MeetingService
from app.services.members.members import MemberService
from app.services.members.photos import PhotoStore
from app.services.notices.notice_review import NoticeReviewSettings
from app.services.notices.notices import NoticeService
from app.services.notices.villager_questions import QuestionService
from app.services.reminders.derived_reminders import DerivedReminders
from app.services.reminders.reminders import ReminderService
from app.services.safety.accounts import AccountService
from app.services.safety.actor import Actor
from app.services.workbench.ledgers import Ledgers
from app.services.workbench.workbench import Workbench
from db.session import Database


@dataclass
class Services:
    data_dir: DataDir
    db: Database
    clock: Clock
    members: MemberService
    profile: ProfileService
    photos: PhotoStore
    accounts: AccountService
    meetings: MeetingService
    compliance: ComplianceService
    matters: MatterService
    notices: NoticeService
    questions: QuestionService
    reminders: ReminderService
    derived: DerivedReminders
    workbench: Workbench
    notice_review: NoticeReviewSettings

    @property
    def actor(self) -> Actor:
        return self.db.actor

    def act_as(self, actor: Actor) -> None:
        """Every later change is checked against, and logged as, ``actor``."""
        self.db.actor = actor

    def close(self) -> None:
        self.db.close()


def open_services(data_dir: DataDir, clock: Clock) -> Services:
    db = open_database(data_dir, clock)
    ledgers = Ledgers(MemberService(db, clock), ComplianceService(db, clock), MatterService(db, clock),
                      NoticeService(db, clock), QuestionService(db, clock))
    reminders = ReminderService(db, clock)
    derived = DerivedReminders(db, clock, ledgers)
    return Services(
        data_dir,
        db,
        clock,
        ledgers.members,
        ProfileService(db),
        PhotoStore(data_dir.photos),
        AccountService(db, clock),
        MeetingService(db, clock, data_dir.attachments),
        ledgers.compliance,
        ledgers.matters,
        ledgers.notices,
        ledgers.questions,
        reminders,
        derived,
        Workbench(db, clock, reminders, derived, ledgers),
        NoticeReviewSettings(db),
    )
