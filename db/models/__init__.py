"""Typed tables, one module a domain. Every schema change goes through a migration in
db/migrations/versions. Importing this package registers every table with Base.metadata."""

from db.models.base import UNAUDITED_TABLES, Base, Meta
from db.models.bodies import PartyGroup, RepresentativeDetail, VillageBody, VillagerGroup, VillagerMeetingCount
from db.models.meetings import Attendance, Matter, MatterStep, Meeting, MeetingAttachment, MeetingGram, MeetingKind
from db.models.members import Person, Post, Term, TermDuty, VillageProfile
from db.models.notices import Notice, NoticeItem, VillagerQuestion
from db.models.rectification import (RectAttachment, RectItem, RectLink, RectMeasure, RectProgress, RectReopening,
                                     RectSource)
from db.models.reminders import DerivedDisposition, Reminder, ReminderOccurrence, ReminderTarget
from db.models.safety import AuditEntry, UserAccount
from db.models.team_rules import (
    TeamDutyItem, TeamDutyLog, TeamPlan, TeamPlanChange, TeamPlanItem, TeamPledge, TeamRotaSlot, TeamRotaSwap,
    TeamSelfStudy, TeamStudySession)
from db.models.township import VillageKey

__all__ = [
    "VillagerMeetingCount",
    "VillagerGroup",
    "VillageBody",
    "RepresentativeDetail",
    "PartyGroup",
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
    "RectAttachment",
    "RectItem",
    "RectLink",
    "RectMeasure",
    "RectProgress",
    "RectReopening",
    "RectSource",
    "Post",
    "Reminder",
    "ReminderOccurrence",
    "ReminderTarget",
    "TeamDutyItem",
    "TeamDutyLog",
    "TeamPlan",
    "TeamPlanChange",
    "TeamPlanItem",
    "TeamPledge",
    "TeamRotaSlot",
    "TeamRotaSwap",
    "TeamSelfStudy",
    "TeamStudySession",
    "Term",
    "TermDuty",
    "UNAUDITED_TABLES",
    "UserAccount",
    "VillageKey",
    "VillageProfile",
    "VillagerQuestion",
]
