"""Bring a database file to the current schema, safely (see TECH-NOTES: SQLite).

Migrations run on their own connection with foreign keys OFF (batch mode recreates tables,
and with foreign keys ON that silently cascades deletes), inside one transaction, and
``PRAGMA foreign_key_check`` must come back empty before the commit. A file that already
holds data is backed up first. A file written by a newer program is refused.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from db.backup import backup_to
from db.engine import make_engine
from db.sqlite_uri import sqlite_uri

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. A test keeps it equal to Alembic's head; it
# lets a database that is already current open without importing Alembic (~0.8 s).
SCHEMA_HEAD = "0011"


class NewerDatabaseError(Exception):
    """The file carries a schema revision this program does not know."""


class MigrationError(Exception):
    """The upgrade failed; the file was left as it was."""


@dataclass
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config():  # noqa: ANN202 - alembic.config.Config, imported lazily
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(db_path: Path) -> str | None:
    """The schema revision stored in the file (None for a new, empty file)."""
    if not db_path.exists():
        return None
    with closing(sqlite3.connect(sqlite_uri(db_path, read_only=True), uri=True)) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None


def upgrade(db_path: Path, backup_dir: Path, now: dt.datetime) -> MigrationResult:
    """Upgrade ``db_path`` to head. Returns what was done; raises on refusal or failure."""
    current = current_revision(db_path)
    if current == SCHEMA_HEAD:
        return MigrationResult(current, SCHEMA_HEAD, None)
    from alembic import command

    cfg = _config()
    head = head_revision()
    if current == head:
        return MigrationResult(current, head, None)
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(current)

    backup = None
    if current is not None:
        stamp = now.strftime("%Y%m%d-%H%M%S")
        backup = backup_to(db_path, backup_dir / f"升级前备份-{current}-{stamp}.db")

    engine = make_engine(db_path, foreign_keys=False)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"升级后外键检查未通过（{len(broken)} 处），已撤销升级")
    finally:
        engine.dispose()
    return MigrationResult(current, head, backup)


_SCHEMAS: dict[str, dict[str, set[str]]] = {}


def tables_and_columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {n: {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}


def schema_of(revision: str) -> dict[str, set[str]]:
    """Every table and its columns as the migrations make them at ``revision`` (cached)."""
    if revision not in _SCHEMAS:
        import tempfile

        from alembic import command

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "schema.db"
            engine = make_engine(path, foreign_keys=False)
            try:
                with engine.begin() as conn:
                    cfg = _config()
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                engine.dispose()
            with closing(sqlite3.connect(path)) as conn:
                _SCHEMAS[revision] = tables_and_columns(conn)
    return _SCHEMAS[revision]


def schema_problems(db_path: Path, revision: str) -> list[str]:
    """How the file's tables and columns differ from those of its schema ``revision``."""
    from db.engine import read_only_uri

    with closing(sqlite3.connect(read_only_uri(db_path), uri=True)) as conn:
        found = tables_and_columns(conn)
    expected = schema_of(revision)
    problems = [f"缺少数据表 {t}" for t in sorted(expected.keys() - found.keys())]
    problems += [f"多出不认识的数据表 {t}" for t in sorted(found.keys() - expected.keys())]
    for table in sorted(expected.keys() & found.keys()):
        problems += [f"数据表 {table} 缺少列 {c}" for c in sorted(expected[table] - found[table])]
        problems += [f"数据表 {table} 多出列 {c}" for c in sorted(found[table] - expected[table])]
    return problems
