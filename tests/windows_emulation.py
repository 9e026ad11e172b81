"""Windows' file rules, emulated on Linux: a file another handle holds open cannot be deleted,
renamed or replaced (WinError 32), and a read-only file cannot be deleted (WinError 5)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

SHARING_VIOLATION = 32
ACCESS_DENIED = 5


def open_handles(path: str | os.PathLike) -> int:
    """How many of this process's file descriptors point at ``path`` (Qt's own included)."""
    target = os.path.realpath(path)
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                count += 1
        except OSError:
            continue
    return count


def sharing_violation(path) -> PermissionError:
    error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(path))
    error.winerror = SHARING_VIOLATION  # what Windows sets; the code must not rely on it
    return error


def emulate_windows_files(monkeypatch, held=None) -> None:
    """Patch os.remove/unlink/rename/replace: refuse open files, read-only files and what
    another program holds (``held``: a set of paths, or a function of the path), as Windows does."""
    held = held if held is not None else set()
    is_held = held if callable(held) else (lambda path: Path(path) in held)
    real = {name: getattr(os, name) for name in ("remove", "unlink", "rename", "replace")}

    def refuse(path) -> None:
        if is_held(path) or open_handles(path):
            raise sharing_violation(path)

    def deleting(name):
        def call(path, *args, **kwargs):
            if os.path.exists(path):
                refuse(path)
                if not os.stat(path).st_mode & stat.S_IWRITE:
                    raise PermissionError(13, "拒绝访问。", str(path))
            return real[name](path, *args, **kwargs)
        return call

    def moving(name):
        def call(src, dst, *args, **kwargs):
            refuse(src)
            if os.path.exists(dst):
                refuse(dst)
            return real[name](src, dst, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "remove", deleting("remove"))
    monkeypatch.setattr(os, "unlink", deleting("unlink"))
    monkeypatch.setattr(os, "rename", moving("rename"))
    monkeypatch.setattr(os, "replace", moving("replace"))
