"""Logging to a rotating file in the data dir: the windowed build has no console."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.privacy import MaskingFilter

LOG_NAME = "taizhang.log"
_handler: logging.handlers.RotatingFileHandler | None = None


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to ``log_dir``/taizhang.log (replacing an earlier data dir's file)."""
    global _handler
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    if _handler is not None and Path(_handler.baseFilename) != path.resolve():
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _handler is None:
        _handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _handler.addFilter(MaskingFilter())
        root.addHandler(_handler)
    root.setLevel(level)
    return path
