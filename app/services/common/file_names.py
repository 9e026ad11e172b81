"""File names made from what a file holds, safe on Windows."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')  # characters a Windows file name cannot hold
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120  # leaves room for a folder path within Windows' 260 characters


def safe_file_name(name: str, fallback: str = "打印") -> str:
    """``name`` with every run of characters Windows refuses replaced by “_”, without trailing dots
    or spaces (Windows drops them), never a reserved device name, and not too long."""
    stem, dot, suffix = name.rpartition(".") if re.search(r"\.[A-Za-z0-9]{1,5}$", name) else (name, "", "")
    stem = _UNSAFE.sub("_", stem).strip(" ._")[:MAX_STEM].rstrip(" ._") or fallback
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"_{stem}"
    return f"{stem}{dot}{suffix}"
