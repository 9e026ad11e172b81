"""Bring a database file to the current schema, safely (see TECH-NOTES: SQLite).

Migrations run on their own connection with foreign keys OFF (batch mode recreates tables,
and with foreign keys ON that silently cascades deletes), inside one transaction, and
``PRAGMA foreign_key_check`` must come back empty before the commit. A file that already
holds data is backed up first. A file written by a newer program is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.backup import backup_to
from db.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(Exception):
    """The file carries a schema revision this program does not know."""


class MigrationError(Exception):
    """The upgrade failed; the file was left as it was."""


@dataclass
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db_path: Path) -> str | None:
    engine = make_engine(db_path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def upgrade(db_path: Path, backup_dir: Path, now: dt.datetime) -> MigrationResult:
    """Upgrade ``db_path`` to head. Returns what was done; raises on refusal or failure."""
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    current = current_revision(db_path)
    if current == head:
        return MigrationResult(current, head, None)
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
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
