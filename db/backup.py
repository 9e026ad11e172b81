"""Online backup with the sqlite3 backup API, and integrity checks. No Qt here."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


class BackupError(Exception):
    """The copy could not be made or did not verify."""


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """Rows reported by ``PRAGMA integrity_check`` (empty list when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup_to(source: Path, target: Path) -> Path:
    """Copy the live database at ``source`` into ``target`` and verify the copy.

    The backup API is safe while another connection writes, and it includes what is still
    in the -wal file; copying the .db file alone would not.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{exc}") from exc
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise BackupError("备份文件校验未通过：" + "；".join(problems[:3]))
    partial.replace(target)
    return target
