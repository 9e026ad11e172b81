"""Deleting and replacing files the Windows way: a file briefly held by antivirus, OneDrive or
another window cannot be deleted or renamed (PermissionError), and a read-only file cannot be
deleted. Each call retries a few times, then reports; callers carry on with the next file."""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

ATTEMPTS = 5
DELAY_SECONDS = 0.2  # five tries within about a second: a scanner lets go by then
Wait = Callable[[float], None]


def _retry(action: Callable[[], None], *, attempts: int, wait: Wait) -> None:
    for attempt in range(attempts):
        try:
            action()
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            wait(DELAY_SECONDS * (attempt + 1))


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except PermissionError:
        # Windows refuses to delete a read-only file (an old backup copied from a CD or set so
        # by hand); clearing the flag is what Explorer asks the user to allow.
        if path.exists() and not os.stat(path).st_mode & stat.S_IWRITE:
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        raise


def remove_file(path: Path, *, attempts: int = ATTEMPTS, wait: Wait = time.sleep) -> bool:
    """Delete ``path`` (missing is fine). False, logged, when it stays: never raises OSError."""
    try:
        _retry(lambda: _unlink(path), attempts=attempts, wait=wait)
        return True
    except OSError as exc:
        log.warning("could not delete %s: %s", path, exc)
        return False


def replace_file(source: Path, target: Path, *, attempts: int = ATTEMPTS, wait: Wait = time.sleep) -> None:
    """``source.replace(target)``, retried while either is briefly held; raises the last error."""
    _retry(lambda: source.replace(target), attempts=attempts, wait=wait)
