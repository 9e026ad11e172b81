"""Opening the data store: checks, backups before migrating, refusal of newer files."""

from __future__ import annotations

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.errors import UserError
from app.services.common.safe_files import make_private, protect
from app.services.safety.actor import SYSTEM
from app.services.safety.backups import has_backups, newest_good_backup
from app.services.safety.history_guard import HistoryGuard
from app.services.township.village_key import ensure_key
from db.audit import AuditWriter, record_event
from db.audit_head import chain_head, read_head
from db.audit_replay import BASELINE, baseline_details
from db.backup import integrity_problems
from db.migrate import MigrationError, NewerDatabaseError, upgrade
from db.session import Database


# The schema revision that brought the audit log.
LOG_REVISION = "0003"


class DamagedDatabaseError(UserError):
    """quick_check failed: the file must not be opened for writing."""


class MissingDatabaseError(DamagedDatabaseError):
    """No database (or an empty file) but backups beside it: not a first start."""


def open_database(data_dir: DataDir, clock: Clock) -> Database:
    """Open (creating if needed) and upgrade the database in ``data_dir``."""
    data_dir.root.mkdir(parents=True, exist_ok=True)
    make_private(data_dir)
    protect(data_dir)
    path = data_dir.database
    if (not path.exists() or path.stat().st_size == 0) and has_backups(data_dir):
        raise MissingDatabaseError(_missing_text(data_dir))
    if path.exists() and path.stat().st_size > 0:
        problems = integrity_problems(path, quick=True)
        if problems:
            raise DamagedDatabaseError(
                f"数据库文件已损坏（{problems[0]}）：请从备份恢复，或联系技术人员。文件位置：{path}"
            )
    try:
        migrated = upgrade(path, data_dir.backups, clock.now())
    except NewerDatabaseError as exc:
        raise UserError(
            f"这个数据库由更新版本的村支部台账创建（版本标记 {exc}），本程序无法打开："
            "请安装最新版本的程序后再打开。"
        ) from exc
    except MigrationError as exc:
        raise UserError(f"数据库升级失败：{exc}。原文件未改动，升级前的备份在 {data_dir.backups}") from exc
    db = Database(path)
    db.actor = SYSTEM
    db.add_change_listener(HistoryGuard(db))  # first: a refused deletion needs no log entry
    db.add_change_listener(AuditWriter(lambda: getattr(db.actor, "label", "系统"), clock.now))
    _start_the_log_where_it_is_missing(db, migrated.from_revision, clock)
    ensure_key(db, clock.now())
    return db


def _missing_text(data_dir: DataDir) -> str:
    found = newest_good_backup(data_dir)
    offer = (f"请用 restore 命令恢复最新的完好备份：restore \"{found.path}\"\n{found.describe()}" if found
             else f"但 {data_dir.backups} 里没有完好的备份：请联系技术人员")
    return (f"数据库文件 {data_dir.database.name} 不见了（或是空的），而数据文件夹里有备份：程序没有新建空白数据库，"
            f"以免把备份当作没有数据。{offer}")


def _start_the_log_where_it_is_missing(db: Database, from_revision: str | None, clock: Clock) -> None:
    """A file from before the log (or before its head file) gets one entry that says so.

    The entry is in the log for everyone to see, so deleting the head file to hide a cut
    log leaves a trace.
    """
    if from_revision is not None and from_revision < LOG_REVISION:
        with db.write() as s:
            record_event(s, clock.now(), SYSTEM.label, BASELINE, "升级前已有的数据",
                         baseline_details(s.connection().connection.dbapi_connection))
    elif read_head(db.path) is None and chain_head(db.path).entries:
        with db.write() as s:
            record_event(s, clock.now(), SYSTEM.label, "校验", "操作日志校验文件",
                         {"说明": "找不到操作日志的校验文件，已按现有日志重新建立"})
