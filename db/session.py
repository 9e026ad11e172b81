"""Sessions: one per operation, and the one place every change to the data passes through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine


@dataclass(frozen=True)
class ChangeSet:
    """What a flush is about to write: objects added, modified and deleted."""

    new: tuple[object, ...]
    dirty: tuple[object, ...]
    deleted: tuple[object, ...]


ChangeListener = Callable[[Session, ChangeSet], None]


class Database:
    """An open database file. Services open a short session per operation through it."""

    def __init__(self, path: Path):
        self.path = path
        self.engine = make_engine(path)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._listeners: list[ChangeListener] = []
        # Who is making changes now (an object with a ``label``); set by the services on
        # login and read by the audit log.
        self.actor: object | None = None

    def add_change_listener(self, listener: ChangeListener) -> None:
        """Called inside the writing transaction after each flush, before the commit.

        New rows have their ids by then, and attribute history still holds the old values.
        """
        self._listeners.append(listener)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes commit together at the end, or not at all."""
        session = self._factory()
        event.listen(session, "after_flush", self._after_flush)
        try:
            with session.begin():
                session.connection(execution_options={"sqlite_immediate": True})
                yield session
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._factory()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def _after_flush(self, session: Session, _context) -> None:  # noqa: ANN001
        if not self._listeners:
            return
        dirty = tuple(o for o in session.dirty if session.is_modified(o))
        changes = ChangeSet(tuple(session.new), dirty, tuple(session.deleted))
        for listener in self._listeners:
            listener(session, changes)

    def close(self) -> None:
        self.engine.dispose()
