"""The head of the audit chain (entry count and last hash), kept outside the database too.

A log whose last entries were deleted is still a valid chain: only a copy of its head kept
elsewhere shows that it became shorter. Every committed write rewrites the file beside the
database, and every backup gets one beside it.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from db.atomic_file import replace_atomically
from db.engine import read_only_uri

HEAD_SUFFIX = ".head"


@dataclass(frozen=True)
class ChainHead:
    entries: int
    last_hash: str


def head_path(db_path: Path) -> Path:
    return Path(f"{db_path}{HEAD_SUFFIX}")


def _has_log(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_log'").fetchone() is not None


def chain_head_of(conn: sqlite3.Connection) -> ChainHead:
    if not _has_log(conn):
        return ChainHead(0, "")
    count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    last = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return ChainHead(count, last[0] if last else "")


def chain_head(db_path: Path) -> ChainHead:
    with closing(sqlite3.connect(read_only_uri(db_path), uri=True)) as conn:
        return chain_head_of(conn)


def write_head(db_path: Path, head: ChainHead) -> None:
    text = json.dumps({"entries": head.entries, "last_hash": head.last_hash})
    replace_atomically(head_path(db_path), lambda temp: temp.write_text(text, encoding="utf-8"))


def read_head(db_path: Path) -> ChainHead | None:
    """The head recorded beside ``db_path``; None when there is no such file."""
    path = head_path(db_path)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ChainHead(int(data["entries"]), str(data["last_hash"]))
    except (ValueError, KeyError, TypeError, OSError):
        return ChainHead(-1, "")


def head_problems(db_path: Path) -> list[str]:
    """Where the log disagrees with the head recorded beside it (empty when it agrees)."""
    recorded = read_head(db_path)
    with closing(sqlite3.connect(read_only_uri(db_path), uri=True)) as conn:
        actual = chain_head_of(conn)
        if recorded is None:
            if actual.entries == 0:
                return []
            return [f"找不到操作日志的校验文件 {head_path(db_path).name}：无法确认日志末尾没有被删除"]
        if recorded.entries < 0:
            return [f"操作日志的校验文件 {head_path(db_path).name} 无法读取"]
        if recorded.entries > actual.entries:
            return [f"操作日志少了 {recorded.entries - actual.entries} 条：最后的记录被删除了"
                    f"（应有 {recorded.entries} 条，现有 {actual.entries} 条）"]
        if recorded.entries == 0:
            return []
        # The database may be ahead (the program stopped between the commit and this file).
        row = conn.execute("SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?",
                           (recorded.entries - 1,)).fetchone()
    if row is None or row[0] != recorded.last_hash:
        return [f"操作日志第 {recorded.entries} 条与校验文件记下的不一致：日志被改写过"]
    return []


def remove_head(db_path: Path) -> None:
    head_path(db_path).unlink(missing_ok=True)
