"""SQLite engine with the pragmas this program relies on (see TECH-NOTES: SQLite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Engine

from db.sqlite_uri import sqlite_uri

BUSY_TIMEOUT_MS = 10_000


def read_only_uri(path: Path) -> str:
    return sqlite_uri(path, read_only=True)


def _apply_pragmas(dbapi_conn: sqlite3.Connection, foreign_keys: bool) -> None:
    # foreign_keys must be set outside a transaction; the sqlite3 driver has none open yet.
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: NORMAL can lose the last commits on a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine for the database file at ``path`` with WAL, FULL sync and foreign keys."""
    engine = create_engine(
        URL.create("sqlite", database=str(path)),  # not parsed: a ? or # in a folder name stays
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001 - SQLAlchemy callback
        # Take transaction control from the sqlite3 driver, which would not open a
        # transaction before DDL (migrations must be all-or-nothing) nor support SAVEPOINT.
        dbapi_conn.isolation_level = None
        _apply_pragmas(dbapi_conn, foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001 - SQLAlchemy callback
        # Writers take the write lock up front so that busy_timeout applies, instead of
        # failing later when a read transaction tries to upgrade.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
