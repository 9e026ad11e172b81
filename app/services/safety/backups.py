"""Backups: daily automatic copies with pruning, copies to a USB stick, restore. No Qt here.

Every copy goes through the sqlite3 backup API (it includes what is still in the -wal file),
is switched to a single self-contained file (journal_mode=DELETE, so opening it later leaves
no -wal/-shm beside it), passes ``PRAGMA integrity_check`` as ``*.partial`` and only then
gets its real name. Automatic backups are named ``自动备份-YYYYMMDD-HHMMSS.db``; pruning works
on those names only and never touches any other file.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.dates import format_date_cn, format_moment_cn
from app.services.common.errors import UserError
from app.services.safety.actor import Actor, Permission
from db.backup import (
    BackupError,
    Progress,
    backup_to,
    copy_database,
    foreign_key_problems,
    integrity_problems,
    remove_with_sidecars,
)
from db.audit import chain_problems
from db.audit_head import chain_head, head_path, head_problems, write_head
from db.engine import read_only_uri
from db.migrate import SCHEMA_HEAD, current_revision, known_revisions, schema_problems

log = logging.getLogger(__name__)

AUTO_PREFIX = "自动备份"
PRE_RESTORE_PREFIX = "恢复前备份"
DAMAGED_PREFIX = "损坏的数据库"
EXPORT_PREFIX = "村支部台账备份"

# Backups the program made itself, in the backups folder: candidates for a damaged start.
_OWN_NAME = re.compile(rf"^(?:{AUTO_PREFIX}|{PRE_RESTORE_PREFIX}|升级前备份-\w+)-(\d{{8}}-\d{{6}})(?:-\d+)?\.db$")
_ANY_STAMP = re.compile(r"-(\d{8})-(\d{4}|\d{6})(?:-\d+)?\.db$")
_SQLITE_HEADER = b"SQLite format 3\x00"
_NOT_COUNTED = {"alembic_version", "app_meta", "village_profile"}
TABLE_LABELS = {  # table: (what the user calls its rows, measure word); shown in this order
    "person": ("人员", "人"),
    "post": ("任职记录", "条"),
    "term": ("届次", "届"),
    "term_duty": ("分工和承诺", "条"),
    "user_account": ("用户账户", "个"),
    "audit_log": ("操作记录", "条"),
}



class BackupCancelled(Exception):
    """Raised by a progress callback to stop a copy; nothing is left behind."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    taken: dt.datetime


@dataclass(frozen=True)
class BackupSummary:
    """What a database file holds, shown before anyone restores it."""

    path: Path
    taken: dt.datetime | None
    village_name: str
    revision: str | None
    counts: dict[str, int]

    def counts_text(self) -> str:
        parts = []
        for table, count in self.counts.items():
            label, unit = TABLE_LABELS.get(table, (f"其他记录（{table}）", "条"))
            parts.append(f"{label} {count} {unit}")
        return "，".join(parts) or "没有记录"

    def taken_text(self) -> str:
        # By hand: Python 3.11 on Windows encodes a strftime format with the locale's codec,
        # and 年 fails under a non-Chinese region format.
        return f"{format_date_cn(self.taken)} {self.taken:%H:%M}" if self.taken else "不详"

    def describe(self) -> str:
        village = self.village_name or "（未填写村名）"
        changed = last_change(self.path)
        changed_text = format_moment_cn(changed) if changed else "不详"
        return (f"备份时间：{self.taken_text()}（最后一次改动：{changed_text}）\n村名：{village}\n"
                f"其中有：{self.counts_text()}")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupSummary
    saved_current: Path | None  # what the live database held before, or None if there was none
    was_damaged: bool


def format_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


# --- copying


def _free_path(folder: Path, stem: str) -> Path:
    candidate, n = folder / f"{stem}.db", 2
    while candidate.exists():
        candidate, n = folder / f"{stem}-{n}.db", n + 1
    return candidate


def verified_copy(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy ``source`` to ``target`` through the backup API and verify it before naming it."""
    if not source.is_file():
        raise UserError(f"找不到数据库文件：{source}")
    try:
        backup_to(source, target, progress)
    except (BackupError, sqlite3.Error, OSError) as exc:
        raise UserError(
            f"备份没有做成（{exc}）：请检查目标位置能否写入、空间是否足够，然后重试；"
            "仍不行时数据库可能已损坏，请联系技术人员"
        ) from exc
    log.info("backup %s -> %s", source, target)
    return target


# --- backups on request


def make_backup(
    data_dir: DataDir, clock: Clock, folder: Path | None = None, progress: Progress | None = None
) -> BackupInfo:
    """A verified backup named 村支部台账备份-村名-YYYYMMDD-HHMM.db in ``folder``
    (a USB stick, say), or in the data dir's backups folder when no folder is given."""
    if folder is None:
        folder = data_dir.backups
    elif not folder.is_dir():
        raise UserError(f"找不到文件夹：{folder}。请检查U盘是否插好，或换一个文件夹")
    if not data_dir.database.is_file():
        raise UserError(f"还没有数据库文件，没有可备份的内容：{data_dir.database}")
    now = clock.now()
    try:
        village = re.sub(r'[\\/:*?"<>|\s]+', "", database_summary(data_dir.database).village_name)
    except sqlite3.Error:  # a damaged file: verified_copy below says so
        village = ""
    stem = "-".join(p for p in (EXPORT_PREFIX, village, f"{now:%Y%m%d-%H%M}") if p)
    path = verified_copy(data_dir.database, _free_path(folder, stem), progress)
    return BackupInfo(path, path.stat().st_size, now)


# --- looking into a file, restoring


def _taken(path: Path) -> dt.datetime | None:
    match = _ANY_STAMP.search(path.name)
    if match:
        day, time = match.groups()
        try:
            return dt.datetime.strptime(day + time, "%Y%m%d%H%M%S" if len(time) == 6 else "%Y%m%d%H%M")
        except ValueError:
            pass
    return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def database_summary(path: Path) -> BackupSummary:
    """Village name and row counts of a database file (read-only; no checks)."""
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        has_profile = "village_profile" in tables
        row = conn.execute("SELECT village_name FROM village_profile").fetchone() if has_profile else None
        ordered = [t for t in TABLE_LABELS if t in tables]
        ordered += sorted(t for t in tables - set(TABLE_LABELS) - _NOT_COUNTED if not t.startswith("sqlite_"))
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ordered}
    return BackupSummary(path, _taken(path), row[0] if row else "", current_revision(path), counts)


def inspect_backup(path: Path) -> BackupSummary:
    """What ``path`` holds; raises UserError if it cannot be restored (broken, foreign, newer)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    with path.open("rb") as f:
        header = f.read(len(_SQLITE_HEADER))
    not_ours = f"这个文件不是村支部台账的数据库：{path.name}。请选择本程序做的备份（文件名像 {EXPORT_PREFIX}-…db 或 {AUTO_PREFIX}-…db）"
    if header != _SQLITE_HEADER:
        raise UserError(not_ours)
    problems = integrity_problems(path)
    if problems:
        raise UserError(f"备份文件已损坏（{problems[0]}），不能用它恢复：请换一个备份文件")
    summary = database_summary(path)
    if summary.revision is None or "person" not in summary.counts:
        raise UserError(not_ours)
    if summary.revision != SCHEMA_HEAD and summary.revision not in known_revisions():
        raise UserError(
            f"这个备份由更新版本的村支部台账做成（版本标记 {summary.revision}），本程序不能用它恢复："
            "请先安装最新版本的程序，再恢复"
        )
    problems = schema_problems(path, summary.revision) + foreign_key_problems(path)
    if problems:
        raise UserError(f"这个文件的结构与村支部台账的数据库不符（{'；'.join(problems[:3])}），不能用它恢复："
                        "请换一个本程序做的备份")
    problems = chain_problems(path) + (head_problems(path) if head_path(path).exists() else [])
    if problems:
        raise UserError(f"这个备份的操作日志校验未通过（{problems[0]}），它可能被改动过，不能用它恢复："
                        "请换一个备份，并报告镇纪委")
    return summary


def check_restore_allowed(services) -> None:  # noqa: ANN001 - app.services.common.context.Services
    actor = getattr(services.db, "actor", None)
    if isinstance(actor, Actor):
        actor.require(Permission.RESTORE)


def restore_file(data_dir: DataDir, clock: Clock, source: Path) -> RestoreResult:
    """Replace the live database with ``source``. Nobody may have the database open.

    The current data is first saved as 恢复前备份-….db (a damaged file is copied as it is, as
    损坏的数据库-….db). The caller opens the database afterwards, which upgrades an older schema.
    """
    summary = inspect_backup(source)
    live = data_dir.database
    if live.exists() and live.resolve() == Path(source).resolve():
        raise UserError("这是正在使用的数据库文件本身，不能用它恢复：请选择备份文件")
    stamp = f"{clock.now():%Y%m%d-%H%M%S}"
    saved, damaged = None, False
    if live.is_file() and live.stat().st_size > 0:
        damaged = bool(integrity_problems(live))  # the full check: quick_check misses some damage
        if not damaged:  # a failure here refuses the restore: nothing has changed yet
            saved = verified_copy(live, _free_path(data_dir.backups, f"{PRE_RESTORE_PREFIX}-{stamp}"))
        else:  # kept byte for byte (with its -wal) for a technician; never offered for restore
            saved = _free_path(data_dir.backups, f"{DAMAGED_PREFIX}-{stamp}")
            try:
                data_dir.backups.mkdir(parents=True, exist_ok=True)
                for suffix in ("", "-wal"):
                    if Path(f"{live}{suffix}").exists():
                        shutil.copy2(f"{live}{suffix}", f"{saved}{suffix}")
            except OSError as exc:
                raise UserError(f"没能另存损坏的数据库（{exc}），所以没有恢复：请检查磁盘空间") from exc
            remove_with_sidecars(live)
    try:
        data_dir.root.mkdir(parents=True, exist_ok=True)
        copy_database(summary.path, live, single_file=False)
    except (sqlite3.Error, OSError) as exc:
        raise UserError(f"恢复没有做成（{exc}）：请关闭其他打开了这份数据的程序后重试。原来的数据在 {saved}") from exc
    problems = integrity_problems(live)
    if problems:
        raise UserError(f"恢复后的数据库校验没有通过（{problems[0]}）：原来的数据在 {saved}，请联系技术人员")
    write_head(live, chain_head(live))
    log.info("restored %s into %s; previous data in %s", summary.path, live, saved)
    return RestoreResult(summary, saved, damaged)


def restore_backup(services, source: Path) -> RestoreResult:  # noqa: ANN001 - Services
    """Restore for the running program: checks the permission, closes ``services``.

    After this returns or raises, ``services`` may be closed: the caller must reopen.
    """
    check_restore_allowed(services)
    inspect_backup(source)
    services.close()
    return restore_file(services.data_dir, services.clock, source)


def _content_key(path: Path) -> tuple[int, str]:
    """(audit entries, last change): what a backup holds orders it, not a stamp from the PC's clock."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            return conn.execute("SELECT count(*), coalesce(max(at), '') FROM audit_log").fetchone()
    except sqlite3.Error:
        return (-1, "")


def last_change(path: Path) -> dt.datetime | None:
    at = _content_key(path)[1]
    return dt.datetime.fromisoformat(at).replace(microsecond=0) if at else None


def has_backups(data_dir: DataDir) -> bool:
    return data_dir.backups.is_dir() and any(_OWN_NAME.match(p.name) for p in data_dir.backups.iterdir())


def newest_good_backup(data_dir: DataDir) -> BackupSummary | None:
    """The backup in the backups folder that holds the most (by its log) and passes every check."""
    found = [p for p in data_dir.backups.iterdir() if _OWN_NAME.match(p.name)] if data_dir.backups.is_dir() else []
    for path in sorted(found, key=lambda p: (_content_key(p), p.name), reverse=True):
        try:
            return inspect_backup(path)
        except UserError as exc:
            log.warning("backup %s not usable: %s", path, exc.message)
    return None


def clock_warning(data_dir: DataDir, now: dt.datetime) -> str | None:
    """A warning when the PC's clock is earlier than the last change the log recorded."""
    changed = last_change(data_dir.database) if data_dir.database.is_file() else None
    if changed is None or now >= changed:
        return None
    return (f"电脑的时钟（{format_moment_cn(now)}）早于数据最后一次改动的时间（{format_moment_cn(changed)}）："
            "电脑的日期或时间可能不对。请先校正电脑的日期和时间，否则新记录的时间会错乱")
