"""纪律提醒: reminders, their due dates and the record of each occurrence done (DOMAIN.md §4)."""

from __future__ import annotations

from app.clock import Clock
from db.session import Database


class ReminderService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
