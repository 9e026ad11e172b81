"""Logging to a rotating file in the data dir: the windowed build has no console."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
from pathlib import Path

from app.privacy import MaskingFilter

LOG_NAME = "taizhang.log"
# The command line (a scheduled backup, say) writes its own file: on Windows one process
# cannot rename a log file the other holds open, so they must not share one.
CLI_LOG_NAME = "taizhang-cli.log"
FAULT_LOG_NAME = "crash-trace.log"
_handler: logging.handlers.RotatingFileHandler | None = None
_fault_file = None  # kept open: faulthandler writes to its descriptor when the process dies


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that another process may hold open.

    On Windows the rename fails while anyone else has the file open. The standard handler then
    raises on every record (a logging error each time), and each failed rollover has already
    shifted the older files, deleting the oldest. Here the current file is moved aside first;
    when that is refused nothing else is touched and writing goes on in the same file.
    """

    def doRollover(self) -> None:  # noqa: N802 - the logging API's name
        if self.stream:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        staged = f"{self.baseFilename}.rotating"
        try:
            os.replace(self.baseFilename, staged)
        except OSError:
            self.stream = self._open()  # skipped; a later record tries again
            return
        for number in range(self.backupCount - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                try:
                    os.replace(older, f"{self.baseFilename}.{number + 1}")
                except OSError:
                    pass  # a reader holds that one: it keeps its name, nothing is lost
        try:
            os.replace(staged, f"{self.baseFilename}.1")
        except OSError:
            pass  # stays as .rotating until the next rollover's shift; still on disk
        self.stream = self._open()


def setup_logging(log_dir: Path, level: int = logging.INFO, name: str = LOG_NAME) -> Path:
    """Send the root logger to ``log_dir``/``name`` (replacing an earlier data dir's file)."""
    global _handler
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / name
    root = logging.getLogger()
    if _handler is not None and Path(_handler.baseFilename) != path.resolve():
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _handler is None:
        _handler = SharedRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _handler.addFilter(MaskingFilter())
        root.addHandler(_handler)
    root.setLevel(level)
    return path


def enable_fault_log(log_dir: Path) -> Path:
    """A hard crash (in Qt, say) of the windowed program, which has no stderr, leaves the
    Python stack of every thread in ``log_dir``/crash-trace.log."""
    global _fault_file
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / FAULT_LOG_NAME
    previous, _fault_file = _fault_file, open(path, "a", encoding="utf-8")  # noqa: SIM115 - lives on
    faulthandler.enable(_fault_file, all_threads=True)
    if previous is not None:
        previous.close()
    return path
