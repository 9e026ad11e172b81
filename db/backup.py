"""Online backup with the sqlite3 backup API, and integrity checks. No Qt here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from db.audit_head import HEAD_SUFFIX, chain_head, write_head
from db.engine import read_only_uri

# progress(pages_done, pages_total); it may raise to cancel the copy.
Progress = Callable[[int, int], None]


class BackupError(Exception):
    """The copy could not be made or did not verify."""


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """Rows reported by ``PRAGMA integrity_check`` (empty list when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(path: Path) -> list[str]:
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    return [f"数据库有 {len(broken)} 处关联记录缺失"] if broken else []


def remove_with_sidecars(path: Path, remove: Callable[[Path], bool] | None = None) -> bool:
    """Delete a database file with its -wal, -shm, -journal and log head; ``remove`` deletes one
    file and says whether it went (default: unlink). True when the database file itself went."""
    remove = remove or _unlink
    gone = remove(path)
    for suffix in ("-wal", "-shm", "-journal", HEAD_SUFFIX):
        remove(Path(f"{path}{suffix}"))
    return gone


def _unlink(path: Path) -> bool:
    path.unlink(missing_ok=True)
    return True


def copy_database(source: Path, target: Path, progress: Progress | None = None, *,
                  single_file: bool = True) -> None:
    """Backup-API copy of ``source`` into ``target`` (replacing what ``target`` held).

    Safe while another connection writes, and it includes what is still in the -wal file;
    copying the .db file alone would not. ``single_file`` turns the copy's WAL mode off so
    that a backup is one self-contained file; into a live database keep it False.
    """
    with (
        closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
        closing(sqlite3.connect(target, timeout=10)) as dst,
    ):
        if progress is None:
            src.backup(dst)
        else:  # about a hundred steps, so a progress bar moves
            step = max(1, src.execute("PRAGMA page_count").fetchone()[0] // 100)
            src.backup(dst, pages=step, progress=lambda _status, left, pages: progress(pages - left, pages))
        if single_file:
            dst.execute("PRAGMA journal_mode=DELETE")


def backup_to(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy the live database at ``source`` into ``target`` and verify the copy first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    remove_with_sidecars(partial)
    try:
        copy_database(source, partial, progress)
    except sqlite3.Error as exc:
        remove_with_sidecars(partial)
        raise BackupError(str(exc)) from exc
    except BaseException:
        remove_with_sidecars(partial)
        raise
    problems = integrity_problems(partial)
    if problems:
        remove_with_sidecars(partial)
        raise BackupError("校验未通过：" + "；".join(problems[:3]))
    partial.replace(target)
    # The copy carries its own log head, so a backup whose log is cut later is found out too.
    write_head(target, chain_head(target))
    return target
