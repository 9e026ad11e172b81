"""Headless commands of the safety layer: check the database and its log, back up, restore."""

from __future__ import annotations

from pathlib import Path

from app.cli.exit_codes import EXIT_FAILED, EXIT_OK
from app.clock import Clock
from app.data_dir import DataDir
from app.instance_lock import window_holds_lock
from app.services.common.errors import UserError
from app.services.safety.actor import command_line_actor
from db.backup import foreign_key_problems, integrity_problems
from db.migrate import current_revision, head_revision, known_revisions


def check(data_dir: DataDir, clock: Clock | None = None) -> int:
    from app.services.safety.backups import clock_warning, has_backups
    from app.services.safety.tamper_check import log_problems

    path = data_dir.database
    if not path.exists() or path.stat().st_size == 0:
        print(f"数据库文件不存在或是空的：{path}")
        if has_backups(data_dir):
            print("数据文件夹里有备份：请用 restore 命令恢复最新的完好备份（程序不会新建空白数据库）")
        return EXIT_FAILED
    problems = integrity_problems(path)
    if problems:
        print("数据库损坏：" + "；".join(problems[:5]))
        print("请从备份恢复。")
        return EXIT_FAILED
    revision, head = current_revision(path), head_revision()
    if revision is None:
        print(f"这个文件没有版本标记，不是村支部台账的数据库，或已被改动：{path}")
        return EXIT_FAILED
    if revision != head and revision not in known_revisions():
        print(f"这个数据库由更新版本的村支部台账写成（版本标记 {revision}，本程序 {head}）："
              "请用最新版本的程序检查")
        return EXIT_FAILED
    broken = foreign_key_problems(path)
    if broken:
        print(broken[0])
        return EXIT_FAILED
    found = log_problems(path)
    if found:
        print("操作日志校验未通过：")
        for line in found:
            print(f"  {line}")
        print("有人绕过本程序改动了数据库：请报告镇纪委，并与备份核对。")
        return EXIT_FAILED
    if revision != head:
        print(f"数据库版本 {revision}，程序版本 {head}：打开程序时会自动升级")
    warning = clock_warning(data_dir, clock.now()) if clock is not None else None
    if warning:
        print(f"注意：{warning}")
    print(f"数据库完好，操作日志完整：{path}")
    return EXIT_OK


def backup(data_dir: DataDir, clock: Clock, folder: Path | None) -> int:
    from app.services.safety.backups import format_size, make_backup

    info = make_backup(data_dir, clock, folder)
    print(f"已备份到 {info.path}")
    print(f"大小 {format_size(info.size)}，时间 {info.taken:%Y-%m-%d %H:%M}，已通过完整性检查")
    return EXIT_OK


def restore(data_dir: DataDir, clock: Clock, file: Path) -> int:
    """Headless restore: the command line acts as an administrator (the OS user who runs it)."""
    from app.services.common.datastore import open_database
    from app.services.safety.audit_log import AuditLogService
    from app.services.safety.backups import restore_file

    if window_holds_lock(data_dir.lock_file):
        # Replacing the database under an open window would lose what it writes next (and on
        # Windows the open file cannot be replaced at all).
        raise UserError("村支部台账的窗口正开着：请先关闭程序窗口（包括其他用户名下打开的），再恢复备份。"
                        "也可以在窗口里用 文件 → 从备份恢复…")
    result = restore_file(data_dir, clock, file)
    if result.saved_current is not None:
        kind = "已损坏的数据库另存在" if result.was_damaged else "恢复前的数据已备份到"
        print(f"{kind} {result.saved_current}")
    db = open_database(data_dir, clock)  # upgrades a backup made by an older version
    try:
        db.actor = command_line_actor()
        AuditLogService(db).record_restore(result.restored.path, clock.now(), result.restored.describe())
    finally:
        db.close()
    print(f"已从 {result.restored.path} 恢复数据")
    print(result.restored.describe())
    return EXIT_OK
