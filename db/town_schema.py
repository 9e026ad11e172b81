"""The township's own tables: made on first open, and brought up to this program's version on every open.

The tables are few and only ever gain things, so they are made by ``create_all`` (a table
added later appears by itself) and a change to an existing table is one numbered step here,
run in one transaction with the new number (TownInfo.schema_version), on SQLite and
PostgreSQL alike. A township file written by a newer program is refused, not guessed at.

Steps:
- 2: a package's number is no longer unique per village. After a village restores a backup,
  its next package takes a number already used; an administrator may confirm it (a fork),
  and the township must then keep both.
"""

from __future__ import annotations

from sqlalchemy import inspect, select, update
from sqlalchemy.engine import Connection, Engine

from db.models.township import TOWN_SCHEMA_VERSION, TownBase, TownInfo, TownPackage


class TownSchemaTooNew(Exception):
    """The township's data was written by a newer version of the program."""

    def __init__(self, version: int):
        super().__init__(version)
        self.version = version


def _drop_sequence_unique(conn: Connection) -> None:
    table = TownPackage.__tablename__
    if conn.dialect.name == "postgresql":
        for unique in inspect(conn).get_unique_constraints(table):
            if unique["column_names"] == ["village_code", "sequence"]:
                conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{unique["name"]}"')
        return
    # SQLite cannot drop a constraint: the table is made again without it and its rows copied.
    columns = ", ".join(c.name for c in TownPackage.__table__.columns)
    conn.exec_driver_sql(f"ALTER TABLE {table} RENAME TO {table}_old")
    for index in TownPackage.__table__.indexes:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
    TownPackage.__table__.create(conn)
    conn.exec_driver_sql(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_old")
    conn.exec_driver_sql(f"DROP TABLE {table}_old")


STEPS = {2: _drop_sequence_unique}


def prepare_town_schema(engine: Engine) -> None:
    """Make missing tables and run the steps this database has not had. TownSchemaTooNew when it is ahead."""
    TownBase.metadata.create_all(engine)
    with engine.begin() as conn:
        version = conn.scalar(select(TownInfo.schema_version).where(TownInfo.id == 1))
        if version is None:  # not set up yet: TownStore.init writes the row at this version
            return
        if version > TOWN_SCHEMA_VERSION:
            raise TownSchemaTooNew(version)
        for step in range(version + 1, TOWN_SCHEMA_VERSION + 1):
            STEPS[step](conn)
        if version != TOWN_SCHEMA_VERSION:
            conn.execute(update(TownInfo).where(TownInfo.id == 1).values(schema_version=TOWN_SCHEMA_VERSION))
