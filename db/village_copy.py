"""A village's database rebuilt from a package, at the township (SQLite file per village).

The file is created at the package's own schema revision, filled with foreign keys off (rows
come parents first, but a village may hold forward references), checked, and then upgraded to
the township's head with the same migrations the village program runs.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from sqlalchemy import MetaData, Table

from db.engine import make_engine
from db.migrate import MIGRATIONS_DIR, upgrade


class CopyRefused(Exception):
    """The rows do not fit the schema (wrong column, duplicate key, broken reference)."""


@cache
def _templates() -> Path:
    """A folder for empty databases, one per revision, made once per process (they hold no data)."""
    folder = Path(tempfile.mkdtemp(prefix="taizhang-templates-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def _template(revision: str) -> Path:
    """An empty database at ``revision``, made by the migrations."""
    from alembic import command
    from alembic.config import Config

    path = _templates() / f"{revision}.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    return path


def create_at_revision(path: Path, revision: str) -> None:
    """An empty database at ``revision`` (the same file each time: migrations run once per process)."""
    shutil.copyfile(_template(revision), path)


@cache
def tables_at(revision: str) -> dict[str, Table]:
    """The tables as they are at ``revision``, read from the database itself."""
    engine = make_engine(_template(revision))
    try:
        meta = MetaData()
        meta.reflect(engine)
        return dict(meta.tables)
    finally:
        engine.dispose()


def fill(path: Path, revision: str, rows: Mapping[str, Iterable[dict[str, object]]], now: dt.datetime) -> None:
    """Insert ``rows`` (table name -> decoded rows) into the copy at ``revision`` in one transaction, then
    upgrade it to head."""
    import sqlalchemy.exc

    tables = tables_at(revision)
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as conn:
            for name, table_rows in rows.items():
                batch = list(table_rows)
                if batch:
                    try:
                        conn.execute(tables[name].insert(), batch)
                    except sqlalchemy.exc.SQLAlchemyError as exc:
                        raise CopyRefused(f"{name}：{str(exc.orig if hasattr(exc, 'orig') else exc)[:120]}") from None
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise CopyRefused(f"{broken[0][0]} 第 {broken[0][1]} 条记录引用了不存在的 {broken[0][2]}")
    finally:
        engine.dispose()
    upgrade(path, path.parent, now)
