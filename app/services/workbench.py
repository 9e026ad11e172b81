"""The 工作台 start page: one list of what is late and due soon, and the year in figures."""

from __future__ import annotations

from app.clock import Clock
from app.services.derived_reminders import DerivedReminders
from app.services.reminders import ReminderService
from db.session import Database


class Workbench:
    def __init__(self, db: Database, clock: Clock, reminders: ReminderService, derived: DerivedReminders):
        self.db = db
        self.clock = clock
        self.reminders = reminders
        self.derived = derived
