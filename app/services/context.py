"""The services one running program uses, opened together on one data dir."""

from __future__ import annotations

from dataclasses import dataclass

from app.clock import Clock
from app.data_dir import DataDir
from app.services.accounts import AccountService
from app.services.actor import Actor
from app.services.datastore import open_database
from app.services.derived_reminders import DerivedReminders
from app.services.matters import MatterService
from app.services.meetings import MeetingService
from app.services.members import MemberService
from app.services.notices import NoticeService
from app.services.photos import PhotoStore
from app.services.profile import ProfileService
from app.services.reminders import ReminderService
from app.services.villager_questions import QuestionService
from app.services.workbench import Workbench
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
    matters: MatterService
    notices: NoticeService
    questions: QuestionService
    reminders: ReminderService
    derived: DerivedReminders
    workbench: Workbench

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
    reminders = ReminderService(db, clock)
    derived = DerivedReminders(db, clock)
    return Services(
        data_dir,
        db,
        clock,
        MemberService(db, clock),
        ProfileService(db),
        PhotoStore(data_dir.photos),
        AccountService(db, clock),
        MeetingService(db, clock, data_dir.attachments),
        MatterService(db, clock),
        NoticeService(db, clock),
        QuestionService(db, clock),
        reminders,
        derived,
        Workbench(db, clock, reminders, derived),
    )
