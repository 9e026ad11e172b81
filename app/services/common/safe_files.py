"""Every file the program writes for the user goes through here.

Two promises: a target that is the database (or its -wal, -shm, lock or log-head file) or
lies in the backups folder is refused, so a mistyped file name cannot overwrite the data;
and the file is written beside the target under a temporary name and renamed only when
complete, so a full disk or a crash half-way leaves the previous file as it was.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from pathlib import Path

from app.data_dir import DataDir
from app.services.common.errors import UserError
from app.services.common.file_ops import replace_file
from db.atomic_file import replace_atomically

log = logging.getLogger(__name__)

_DATA_DIRS: set[Path] = set()
_SIDECARS = ("", "-wal", "-shm", "-journal", ".lock", ".head")


def protect(data_dir: DataDir) -> None:
    """Called when a database is opened: its files are never a target from now on."""
    _DATA_DIRS.add(data_dir.root.resolve())


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refusal(target: Path) -> str | None:
    """Why ``target`` must not be written, or None."""
    resolved = Path(target).resolve()
    for root in _DATA_DIRS:
        data_dir = DataDir(root)
        if resolved in {Path(f"{data_dir.database}{s}") for s in _SIDECARS}:
            return (f"“{resolved.name}”是台账的数据库文件，不能把导出或打印的内容存成它（会毁掉全部数据）："
                    "请换一个文件名，例如 花名册.xlsx")
        if _inside(resolved, data_dir.backups):
            return f"备份文件夹 {data_dir.backups} 只放备份，不能把别的文件存进去：请换一个位置保存"
    return None


def write_file(target: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file, then put it in place of ``target`` in one step.

    Raises UserError (plain Chinese) for a refused target or when the file cannot be written;
    the previous ``target``, if any, is then untouched.
    """
    target = Path(target)
    reason = refusal(target)
    if reason:
        raise UserError(reason)
    try:
        replace_atomically(target, write, replace_file)
    except PermissionError:
        raise UserError(f"无法保存“{target.name}”：文件可能正被其他程序（Excel、WPS、PDF 阅读器）打开，"
                        "或这个位置没有写入权限。请关闭该文件后重试，或换一个位置保存") from None
    except OSError as exc:
        log.warning("writing %s failed: %s", target, exc)
        if exc.errno == errno.ENOSPC:
            raise UserError(f"磁盘已满，“{target.name}”没有保存：原来的文件没有改动。请清理磁盘或换一个位置保存") from None
        raise UserError(f"无法保存“{target.name}”：这个位置不能写入（文件夹不存在、没有权限或磁盘已满），"
                        "请换一个位置保存") from None
    return target


def make_private(data_dir: DataDir) -> None:
    """On a shared PC the data is the user's alone: folder 700, files 600 (POSIX; on Windows
    the data dir lies under the user's own profile). New files follow through the umask."""
    if os.name != "posix":
        return
    os.umask(0o077)
    data_dir.root.chmod(0o700)
    for folder in (data_dir.root, data_dir.backups, data_dir.logs, data_dir.photos, data_dir.attachments,
                   data_dir.prints):
        if not folder.is_dir():
            continue
        folder.chmod(0o700)
        for path in folder.iterdir():
            if path.is_file():
                try:
                    path.chmod(0o600)
                except OSError:  # not ours to change: leave it, the folder already shuts others out
                    log.warning("could not make %s private", path)


def clear_prints(data_dir: DataDir) -> int:
    """Remove what a previous run left in 打印/ (previews of personal data, after a crash)."""
    removed = 0
    if data_dir.prints.is_dir():
        for path in data_dir.prints.iterdir():
            try:
                if path.is_file():
                    path.unlink()
                    removed += 1
            except OSError:  # held open by a PDF reader on Windows: gone next time
                log.warning("could not remove %s", path)
    return removed
