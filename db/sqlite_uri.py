"""The one place that turns a file path into an SQLite ``file:`` URI.

Neither ``f"file:{path}"`` nor ``Path.resolve().as_uri()`` is safe: a ``#`` or ``?`` in a folder
name cuts the path (and drops ``mode=ro``), and on Windows ``resolve()`` turns a mapped drive
into ``\\\\server\\share\\…``, whose ``as_uri()`` is ``file://server/share/…``, which SQLite
rejects (it accepts no authority but ``localhost``).
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

# What SQLite's URI parser would take as syntax; everything else, Chinese included, may stay.
_ESCAPES = {"%": "%25", "#": "%23", "?": "%3F", " ": "%20"}


def sqlite_uri(path: os.PathLike | str, *, read_only: bool = False) -> str:
    """``file:`` URI for ``path``; local, mapped-drive and UNC (``\\\\server\\share``) paths alike."""
    if isinstance(path, str):
        path = Path(path)
    if isinstance(path, Path):
        path = type(path)(os.path.abspath(path))  # absolute without resolving drives to UNC
    if isinstance(path, PureWindowsPath):
        text = str(path).replace("\\", "/")
        # UNC: an empty authority, then the path with its leading // (file:////server/share/…);
        # a drive: file:///Z:/….
        prefix = "file://" if text.startswith("//") else "file:///"
    else:
        text, prefix = str(path), "file://"
    encoded = "".join(_ESCAPES.get(ch, ch) for ch in text)
    return prefix + encoded + ("?mode=ro" if read_only else "")
