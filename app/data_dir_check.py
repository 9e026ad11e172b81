"""Can the program keep its data here? Asked once at start, before anything is written.

A read-only folder, one without permission, a path through a file, or a full disk would
otherwise surface as a traceback from whatever first writes (the log, the database). The
answer is a Chinese sentence naming the folder and what to do, or None when all is well.
"""

from __future__ import annotations

import errno
import os
import shutil
import uuid

from app.data_dir import DataDir

# Below this much free space a save, a backup or the log may fail half-way: refuse to start.
MIN_FREE_BYTES = 20 * 1024 * 1024
_PROBE_BYTES = 64 * 1024

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_READ_ONLY = (errno.EROFS,)


def data_dir_problem(data_dir: DataDir) -> str | None:
    folder = data_dir.root
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _explain(str(folder), exc, creating=True)
    if not folder.is_dir():
        return f"数据文件夹“{folder}”不是一个文件夹（同名的文件挡住了它）。请改用别的位置（--data-dir）或移走那个文件。"
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None  # some network shares do not report it; the probe below still writes
    if free is not None and free < MIN_FREE_BYTES:
        return (f"数据文件夹“{folder}”所在的磁盘已满（只剩 {free // 1024 // 1024} MB）。"
                "为免保存到一半出错，程序没有打开数据。请先清理磁盘（删除不用的文件、清空回收站）再打开。")
    probe = folder / f".写入检查-{uuid.uuid4().hex}.tmp"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"\0" * _PROBE_BYTES)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        return _explain(str(folder), exc, creating=False)
    finally:
        try:
            probe.unlink()
        except OSError:
            pass  # never created, or a scanner holds it for a moment: harmless, hidden name
    database = data_dir.database
    if database.exists() and not os.access(database, os.W_OK):
        return (f"数据库文件“{database}”是只读的，程序不能保存任何修改。"
                "请在文件的“属性”里去掉“只读”，或请管理员给这个文件写入权限，然后再打开。")
    return None


def _explain(folder: str, exc: OSError, *, creating: bool) -> str:
    if exc.errno in _FULL:
        return f"数据文件夹“{folder}”所在的磁盘已满，程序不能保存数据。请先清理磁盘再打开。"
    if exc.errno in _READ_ONLY:
        return (f"数据文件夹“{folder}”在只读的磁盘上（例如写保护的U盘或光盘），程序不能保存数据。"
                "请去掉写保护，或用 --data-dir 换一个能写入的文件夹。")
    if isinstance(exc, PermissionError):
        return (f"没有权限{'建立' if creating else '写入'}数据文件夹“{folder}”。"
                "请用自己的 Windows 账户打开程序，或请管理员给这个文件夹写入权限。")
    if isinstance(exc, (NotADirectoryError, FileNotFoundError)):
        return f"数据文件夹“{folder}”的路径不存在或不是文件夹。请检查路径（--data-dir），或改用默认位置。"
    return f"数据文件夹“{folder}”不能写入（{exc.strerror or exc}）。请检查磁盘和权限后再打开。"
