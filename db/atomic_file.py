"""Writing a file so that a failure half-way leaves the previous file as it was."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object],
                       rename: Callable[[Path, Path], object] = os.replace) -> None:
    """Let ``write`` fill a temporary file beside ``target``, then rename it over ``target``.

    The temporary file is in the same folder (a rename across drives is a copy, and not
    atomic); it is flushed to disk before the rename, and removed if anything fails. ``rename``
    may retry while Windows holds a file for a moment (app/services/common/file_ops.py).
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        with temp.open("rb+") as f:
            os.fsync(f.fileno())
        rename(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
