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
DELAY_SECONDS = 0.1  # five tries within a second: a scanner usually lets go by then


def pause(seconds: float) -> None:
    """The wait between tries (tests replace it: no real sleeps there)."""
    time.sleep(seconds)


def _retry(action: Callable[[], None], attempts: int) -> None:
    for attempt in range(attempts):
        try:
            action()
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            pause(DELAY_SECONDS * (attempt + 1))


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except PermissionError:
        # Windows refuses to delete a read-only file (an old backup copied from a CD or set so
        # by hand); clearing the flag is what Explorer asks the user to allow.
        if not (path.exists() and not os.stat(path).st_mode & stat.S_IWRITE):
            raise
        os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        path.unlink(missing_ok=True)


def remove_file(path: Path, attempts: int = ATTEMPTS) -> bool:
    """Delete ``path`` (missing is fine). False, logged, when it stays: never raises OSError."""
    try:
        _retry(lambda: _unlink(path), attempts)
        return True
    except OSError as exc:
        log.warning("could not delete %s: %s", path, exc)
        return False


def replace_file(source: Path, target: Path, attempts: int = ATTEMPTS) -> None:
    """``source.replace(target)``, retried while either is briefly held; raises the last error."""
    _retry(lambda: source.replace(target), attempts)
