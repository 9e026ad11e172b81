"""The township's store on PostgreSQL (`town --db postgresql://…`), for a township or county whose staff share it.

Layout, and why:
- The township's own tables (TownBase: villages, keys, packages, import log) live in the
  ``public`` schema, as in town.db on SQLite.
- Each village's copy lives in its own schema ``v_<区划代码>`` holding exactly the village
  program's tables (db.models Base metadata). The village services and reports reach it through
  SQLAlchemy's ``schema_translate_map``, so the same code the village runs reads the copy,
  unchanged and read-only, as it does a village file on SQLite.
- A package is first rebuilt into a SQLite file by the same migrations and checks as on SQLite
  (db.village_copy), then its rows replace the village's schema in ONE transaction: the schema
  is dropped and made again inside it, so a refused or failed import leaves the previous copy
  as it was, and the other staff never see half a village.
Foreign keys are made DEFERRABLE INITIALLY DEFERRED in the copy (a village may hold forward
references) and added after the rows, NOT VALID: the SQLite copy they come from was checked.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import psycopg
import sqlalchemy.exc
from sqlalchemy import URL, Integer, MetaData, String, Text, create_engine, make_url, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine
from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable

from db.engine import make_engine
from db.models import Base
from db.village_copy import CopyRefused

SCHEMA_PREFIX = "v_"


class TownDatabaseError(Exception):
    """The PostgreSQL server cannot be reached, or the address is not a PostgreSQL one."""


def town_url(text: str) -> URL:
    """``postgresql://user@host:port/dbname`` with the psycopg 3 driver."""
    try:
        url = make_url(text.strip())
    except sqlalchemy.exc.ArgumentError:
        raise TownDatabaseError(f"“{text}”不是数据库地址") from None
    if url.get_backend_name() != "postgresql" or not url.database:
        raise TownDatabaseError(f"“{text}”不是 PostgreSQL 数据库地址")
    return url.set(drivername="postgresql+psycopg")


def make_town_engine(url: URL) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)
    try:
        with engine.connect():
            pass
    except sqlalchemy.exc.OperationalError as exc:
        engine.dispose()
        raise TownDatabaseError(str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)) from None
    return engine


def village_schema(code: str) -> str:
    if not code.isdigit():  # a schema name goes into DDL: only the checked 12-digit code may
        raise ValueError(f"not a village code: {code!r}")
    return SCHEMA_PREFIX + code


@cache
def _copy_metadata() -> MetaData:
    """The village tables with every foreign key checked at commit."""
    meta = MetaData()
    for table in Base.metadata.sorted_tables:
        copied = table.to_metadata(meta)
        for fk in copied.foreign_key_constraints:
            fk.deferrable, fk.initially = True, "DEFERRED"
    # SQLite does not hold text to its declared length: neither may the copy, or a package one
    # engine takes would be refused by the other.
    for table in meta.tables.values():
        for column in table.columns:
            if type(column.type) is String and column.type.length:  # a new type: Base's stays as it is
                column.type = String()
    # The audit log's record id is the changed row's key, text for app_meta: SQLite's typing
    # holds both, PostgreSQL's integer column would not.
    meta.tables["audit_log"].c.record_id.type = Text()
    return meta


@cache
def _schema_ddl() -> tuple[str, str]:
    """The copy's tables and indexes, and then its foreign keys, unqualified, each as one text sent in
    one round trip (made once: compiling and sending ~130 statements one by one took most of an
    import's time). The foreign keys come after the rows, NOT VALID: the rows were checked for broken
    references in the SQLite copy (db.village_copy.fill), and checking each again as it arrived
    took an eighth of a ten-year village's import."""
    dialect = postgresql.dialect()
    tables, keys = [], []
    for table in _copy_metadata().sorted_tables:
        tables.append(str(CreateTable(table, include_foreign_key_constraints=[]).compile(dialect=dialect)))
        tables += [str(CreateIndex(index).compile(dialect=dialect)) for index in table.indexes]
        keys += [f"{AddConstraint(fk).compile(dialect=dialect)} NOT VALID" for fk in table.foreign_key_constraints]
    return ";\n".join(tables), ";\n".join(keys)


def village_engine(engine: Engine, code: str) -> Engine:
    """``engine`` (the township's) turned to the village's schema: the same connections and statement
    cache serve every village. Writes are refused as on SQLite, by the reader's change listener."""
    return engine.execution_options(schema_translate_map={None: village_schema(code)})


def has_village(engine: Engine, code: str) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = %(n)s",
                                    {"n": village_schema(code)}).first() is not None


def _advance_ids(conn, schema: str, tables) -> None:  # noqa: ANN001 - Connection, Tables
    """Rows came with their ids: each id sequence continues after them, as SQLite's rowid would
    (one statement for all the tables)."""
    moves = [f'setval(pg_get_serial_sequence(\'"{schema}"."{t.name}"\', \'{c.name}\'), '
             f'(SELECT max("{c.name}") FROM "{schema}"."{t.name}"))'
             for t in tables if (c := t.autoincrement_column) is not None and isinstance(c.type, Integer)]
    if moves:
        conn.exec_driver_sql("SELECT " + ", ".join(moves))


def _first_line(exc: Exception) -> str:
    """The server's own words (COPY raises psycopg's errors, INSERT and commit SQLAlchemy's wrapping them)."""
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def _copy_rows(conn, schema: str, table, rows) -> int:  # noqa: ANN001 - Connection, Table, Result
    """COPY the rows in (several times faster than INSERTs for a village's hundred thousand rows)."""
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    count = 0
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{schema}"."{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def replace_village(engine: Engine, code: str, built: Path) -> None:
    """Replace the village's schema with the rows of ``built`` (a SQLite copy at head), in one transaction."""
    schema = village_schema(code)
    meta = _copy_metadata()
    source = make_engine(built)
    try:
        with source.connect() as reader, engine.connect() as conn:
            try:
                with conn.begin():
                    conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
                    conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
                    conn.exec_driver_sql(f'SET LOCAL search_path TO "{schema}"')  # where the DDL's tables go
                    tables, keys = _schema_ddl()
                    conn.connection.driver_connection.cursor().execute(tables)
                    filled = [t for t in meta.sorted_tables if _copy_rows(conn, schema, t, reader.execute(select(t)))]
                    conn.connection.driver_connection.cursor().execute(keys)
                    _advance_ids(conn, schema, filled)
            finally:
                # A server process kept in the pool made each village's tables more slowly than the one
                # before (0.7 s at the first village, 2.1 s at the 600th); one per import stays at 0.6 s.
                conn.invalidate()
    except (sqlalchemy.exc.IntegrityError, sqlalchemy.exc.DataError, psycopg.IntegrityError, psycopg.DataError) as exc:
        raise CopyRefused(_first_line(exc)[:120]) from None
    except (sqlalchemy.exc.OperationalError, psycopg.OperationalError) as exc:
        raise TownDatabaseError(_first_line(exc)) from None
    finally:
        source.dispose()

