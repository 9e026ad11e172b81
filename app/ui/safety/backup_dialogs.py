"""Backup to a USB stick, restore from a backup file, and the offer to restore on a damaged start.

The work is done by app.services.safety.backups; this module only asks, shows progress and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.errors import UserError
from app.services.safety.audit_log import AuditLogService
from app.services.safety.backups import (
    PRE_RESTORE_PREFIX,
    BackupCancelled,
    BackupInfo,
    check_restore_allowed,
    database_summary,
    format_size,
    inspect_backup,
    make_backup,
    newest_good_backup,
    restore_backup,
    restore_file,
)
from app.ui.common import dialogs

RESTORE_FILTER = "村支部台账备份 (*.db);;所有文件 (*)"


def backup_to_folder_flow(services, parent: QWidget | None) -> BackupInfo | None:  # noqa: ANN001
    """备份到U盘/其他位置: choose a folder, copy with a progress dialog, show the result."""
    folder = dialogs.ask_folder(parent, "选择备份到哪个文件夹（例如U盘）")
    if folder is None:
        return None
    progress = QProgressDialog("正在备份，请不要拔出U盘……", "取消", 0, 100, parent)
    progress.setWindowTitle("备份到U盘/其他位置")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setValue(0)

    def step(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)
        QApplication.processEvents()
        if progress.wasCanceled():
            raise BackupCancelled

    try:
        info = make_backup(services.data_dir, services.clock, Path(folder), step)
    except BackupCancelled:
        return None
    except UserError as exc:
        dialogs.show_error(parent, "备份没有做成", exc.message)
        return None
    finally:
        progress.close()
        progress.deleteLater()
    dialogs.show_info(
        parent,
        "备份完成",
        f"已备份到：{info.path}\n大小：{format_size(info.size)}\n时间：{info.taken:%Y-%m-%d %H:%M}\n"
        "备份文件已通过完整性检查。请把U盘放在安全的地方，里面有村民的身份证号等个人信息。",
    )
    return info


def restore_flow(services, parent: QWidget | None, reopen: Callable[[], object]) -> bool:  # noqa: ANN001
    """Restore from a backup file the user picks. ``reopen`` is called after every restore
    that was started (even one that failed), because the database was closed for it; when it
    returns the reopened services, the restore is written into their 操作日志."""
    try:
        check_restore_allowed(services)
    except UserError as exc:
        dialogs.show_error(parent, "不能恢复备份", exc.message)
        return False
    chosen = dialogs.ask_open_path(parent, "选择要恢复的备份文件", RESTORE_FILTER)
    if chosen is None:
        return False
    try:
        backup = inspect_backup(Path(chosen))
        current = database_summary(services.data_dir.database)
    except UserError as exc:
        dialogs.show_error(parent, "不能用这个文件恢复", exc.message)
        return False
    warning = ""
    if current.village_name and backup.village_name and current.village_name != backup.village_name:
        warning = f"\n注意：备份里的村名（{backup.village_name}）和现在的村名（{current.village_name}）不一样。\n"
    question = (
        f"备份文件：{backup.path}\n{backup.describe()}\n\n现在的数据：{current.counts_text()}\n{warning}\n"
        "恢复后，现在的数据会被这份备份替换。恢复前会先把现在的数据另存一份"
        f"（{services.data_dir.backups} 文件夹里的 {PRE_RESTORE_PREFIX}-…db），需要时还能找回。"
    )
    if not dialogs.ask_yes_no(parent, "恢复备份", question, yes="恢复"):
        return False
    try:
        result = restore_backup(services, backup.path)
    except UserError as exc:
        reopen()
        dialogs.show_error(parent, "恢复没有做成", exc.message)
        return False
    reopened = reopen()
    if reopened is not None:
        AuditLogService(reopened.db).record_restore(
            result.restored.path, reopened.clock.now(), result.restored.describe()
        )
    dialogs.show_info(
        parent,
        "恢复完成",
        f"已恢复 {result.restored.taken_text()} 的备份：{result.restored.counts_text()}。\n"
        f"恢复前的数据保存在：{result.saved_current}",
    )
    return True


def damaged_start_flow(data_dir: DataDir, clock: Clock, parent: QWidget | None, missing: bool = False) -> bool:
    """The database failed its start-up check, or is missing beside backups: offer the newest good backup.

    True when it was restored (the caller then opens the data again).
    """
    what = ("数据库文件不见了（或是空的），但数据文件夹里有备份：这不是第一次使用，程序不会新建空白数据库"
            if missing else "数据库文件已损坏，不能打开")
    title = "找不到数据库" if missing else "数据库已损坏"
    found = newest_good_backup(data_dir)
    if found is None:
        dialogs.show_error(
            parent,
            title,
            f"{what}，而且在 {data_dir.backups} 里没有找到完好的备份。\n"
            f"如果有U盘上的备份，请联系技术人员用它恢复。不要删除数据文件夹：{data_dir.root}",
        )
        return False
    kept = "" if missing else "损坏的文件会另存一份，不会删除。"
    question = (
        f"{what}。\n\n找到一份完好的备份（按其中的记录多少和最后改动时间选出，不按文件日期）：\n{found.describe()}\n\n"
        f"要用这份备份恢复吗？备份之后录入的内容需要重新录入。{kept}"
    )
    if not dialogs.ask_yes_no(parent, title, question, yes="用这份备份恢复", no="不恢复，退出"):
        return False
    try:
        result = restore_file(data_dir, clock, found.path)
    except UserError as exc:
        dialogs.show_error(parent, "恢复没有做成", exc.message)
        return False
    dialogs.show_info(
        parent,
        "恢复完成",
        f"已用 {found.taken_text()} 的备份恢复数据：{found.counts_text()}。\n"
        + (f"损坏的文件另存在：{result.saved_current}\n" if result.saved_current else "")
        + "请核对最近录入的内容。",
    )
    return True
