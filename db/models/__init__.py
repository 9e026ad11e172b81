"""Typed tables, one module a domain. Every schema change goes through a migration in
db/migrations/versions. Importing this package registers every table with Base.metadata."""

from db.models.base import UNAUDITED_TABLES, Base, Meta
from db.models.meetings import Attendance, Matter, MatterStep, Meeting, MeetingAttachment, MeetingGram, MeetingKind
from db.models.members import Person, Post, Term, TermDuty, VillageProfile
from db.models.notices import Notice, NoticeItem, VillagerQuestion
from db.models.reminders import DerivedDisposition, Reminder, ReminderOccurrence, ReminderTarget
from db.models.safety import AuditEntry, UserAccount
from db.models.township import VillageKey

__all__ = [
    "Attendance",
    "AuditEntry",
    "Base",
    "DerivedDisposition",
    "Matter",
    "MatterStep",
    "Meeting",
    "MeetingAttachment",
    "MeetingGram",
    "MeetingKind",
    "Meta",
    "Notice",
    "NoticeItem",
    "Person",
    "Post",
    "Reminder",
    "ReminderOccurrence",
    "ReminderTarget",
    "Term",
    "TermDuty",
    "UNAUDITED_TABLES",
    "UserAccount",
    "VillageKey",
    "VillageProfile",
    "VillagerQuestion",
]
