"""Whether the window holds the data dir's single-instance lock, asked without Qt.

The window takes a QLockFile on ``DataDir.lock_file`` (app/ui/shell/launcher.py). The command
line must not import Qt, so it reads the lock the way QLockFile holds it: on Windows the file
is kept open without write sharing (opening it for writing fails), elsewhere it carries an
flock(). A lock file left by a crash holds neither and does not count.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def window_holds_lock(lock_file: Path) -> bool:
    if sys.platform == "win32":
        try:
            fd = os.open(lock_file, os.O_RDWR)
        except FileNotFoundError:
            return False
        except PermissionError:  # sharing violation: the window has it open
            return True
        os.close(fd)
        return False
    import fcntl

    try:
        fd = os.open(lock_file, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)
