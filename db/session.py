"""Sessions: one per operation, and the one place every change to the data passes through."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapper, Session, object_session, sessionmaker

from db.engine import make_engine
from db.models import UNAUDITED_TABLES

# session.info key of the rows a write session's flush touched: (inserted, updated, deleted).
_FLUSHED = "flushed_rows"


@dataclass(frozen=True)
class ChangeSet:
    """What a flush is about to write: objects added, modified and deleted."""

    new: tuple[object, ...]
    dirty: tuple[object, ...]
    deleted: tuple[object, ...]


ChangeListener = Callable[[Session, ChangeSet], None]


def _collector(slot: int):  # noqa: ANN202 - a mapper event callback
    def collect(_mapper, _connection, target) -> None:  # noqa: ANN001
        session = object_session(target)
        rows = session.info.get(_FLUSHED) if session is not None else None
        if rows is not None:
            rows[slot].append(target)

    return collect


# Mapper events see every row the unit of work writes, including children removed from a
# collection (delete-orphan) and cascaded deletes, which session.new/dirty/deleted do not
# list before the flush has found them.
for _slot, _name in enumerate(("after_insert", "after_update", "after_delete")):
    event.listen(Mapper, _name, _collector(_slot))


def _spell_out_foreign_key_actions(session: Session, _context, _instances) -> None:  # noqa: ANN001
    """Do in the ORM what ON DELETE CASCADE / SET NULL would do silently in SQLite.

    A row the database changes by itself passes no mapper event, so it would reach neither
    the audit log nor the check that compares the rows with it.
    """
    pending = list(session.deleted)
    with session.no_autoflush:
        while pending:
            obj = pending.pop()
            gone = inspect(obj).mapper
            for other in gone.registry.mappers:
                for fk in other.local_table.foreign_keys:
                    if fk.column.table is not gone.local_table or fk.ondelete not in ("CASCADE", "SET NULL"):
                        continue
                    key = other.get_property_by_column(fk.parent).key
                    value = getattr(obj, gone.get_property_by_column(fk.column).key)
                    for row in session.scalars(select(other.class_).where(fk.parent == value)):
                        if row in session.deleted:
                            continue
                        if fk.ondelete == "SET NULL":
                            setattr(row, key, None)
                        else:
                            session.delete(row)
                            pending.append(row)


# Characters no .xlsx or XML can hold (Excel's _x0007_ arrives as \x07 once unescaped): a record
# holding one would make every later export fail, so no path may store them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _strip_control_characters(session: Session, _context, _instances) -> None:  # noqa: ANN001
    for obj in (*session.new, *session.dirty):
        for attr in inspect(obj).mapper.column_attrs:
            value = getattr(obj, attr.key, None)
            if isinstance(value, str) and _CONTROL.search(value):
                setattr(obj, attr.key, _CONTROL.sub("", value))


def _refuse_bulk_writes(state) -> None:  # noqa: ANN001
    """Audited tables change only through objects; a derived index (UNAUDITED_TABLES) may be
    rewritten in bulk."""
    table = getattr(state.statement, "table", None)
    if (state.is_update or state.is_delete) and getattr(table, "name", None) not in UNAUDITED_TABLES:
        raise RuntimeError("bulk UPDATE/DELETE would bypass the audit log: change objects instead")


class Database:
    """An open database file. Services open a short session per operation through it."""

    def __init__(self, path: Path | None, engine: Engine | None = None):
        """``engine``: a database other than the file at ``path`` (the township's PostgreSQL copy
        of a village, path None), whose connections belong to its maker: closing leaves them open."""
        self.path = path
        self._owns_engine = engine is None
        self.engine = engine if engine is not None else make_engine(path)
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
        session.info[_FLUSHED] = ([], [], [])
        event.listen(session, "before_flush", _strip_control_characters)
        event.listen(session, "before_flush", _spell_out_foreign_key_actions)
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "do_orm_execute", _refuse_bulk_writes)
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
        inserted, updated, deleted = session.info[_FLUSHED]
        changes = ChangeSet(tuple(inserted), tuple(updated), tuple(deleted))
        for rows in session.info[_FLUSHED]:
            rows.clear()
        if not self._listeners:
            return
        for listener in self._listeners:
            listener(session, changes)

    def close(self) -> None:
        if self._owns_engine:
            self.engine.dispose()
