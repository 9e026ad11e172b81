"""Where the township keeps its copy of each village: a SQLite file per village, or a PostgreSQL schema.

Both take the same input, a SQLite file rebuilt from a package by the import's checks and
migrations (db.village_copy), and both give back a Database the village services read; the
import, the analysis and the matrix do not know which one they use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import Engine

from app.services.common.errors import UserError
from db.session import Database


class VillageCopies(Protocol):
    def replace(self, code: str, built: Path) -> None:
        """Put ``built`` (a SQLite copy at head) in place of the village's copy, all or nothing."""

    def has(self, code: str) -> bool: ...

    def open(self, code: str) -> Database: ...


class FileCopies:
    """SQLite: villages/<code>.db; a new copy replaces the file in one rename."""

    def __init__(self, villages_dir: Path):
        self.villages_dir = villages_dir

    def path(self, code: str) -> Path:
        return self.villages_dir / f"{code}.db"

    def replace(self, code: str, built: Path) -> None:
        self.villages_dir.mkdir(parents=True, exist_ok=True)
        os.replace(built, self.path(code))

    def has(self, code: str) -> bool:
        return self.path(code).exists()

    def open(self, code: str) -> Database:
        return Database(self.path(code))


class SchemaCopies:
    """PostgreSQL: schema v_<code> beside the township's tables (see db.town_pg)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def replace(self, code: str, built: Path) -> None:
        from db.town_pg import TownDatabaseError, replace_village

        try:
            replace_village(self.engine, code, built)
        except TownDatabaseError as exc:
            raise UserError(f"写入乡镇数据库时连接中断（{exc}），这个村的数据没有改动：请检查数据库服务器后重新导入") from None

    def has(self, code: str) -> bool:
        from db.town_pg import has_village

        return has_village(self.engine, code)

    def open(self, code: str) -> Database:
        from db.town_pg import village_engine

        return Database(None, engine=village_engine(self.engine, code))
