"""Reminders computed live from the other tabs, and the 已处理 / 忽略 marks kept for them."""

from __future__ import annotations

from app.clock import Clock
from db.session import Database


class DerivedReminders:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
