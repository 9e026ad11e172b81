"""The declarative base, the file's own facts, and which tables stay out of the audit log."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Not in the audit log: the log itself, a derived index rebuilt on every save, and the village's
# signing key (the log must never hold the private key; a changed key shows at the township).
UNAUDITED_TABLES = frozenset({"audit_log", "meeting_gram", "village_key"})


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the file itself (e.g. the program version that last wrote it)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
