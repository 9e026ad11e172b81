"""Work around a reference-count defect of PySide6 6.12.0 on CPython 3.11.

Every call of a Qt method that returns nothing (QWidget.setEnabled, QLabel.setText, QPainter
drawing calls …) gives back one reference to ``None`` that it never took. Measured here: 10,000
``QWidget.setEnabled`` calls abort the interpreter with “Fatal Python error: none_dealloc”; a
clerk's long session makes millions of such calls. From CPython 3.12 on ``None`` is immortal and
the defect is harmless. Until a fixed PySide6 is pinned, ``None`` gets a reference count no
session can use up (2**40: twelve days of a million such calls a second).
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 40


def needed() -> bool:
    """Only a release build of CPython before 3.12 (a debug build lays objects out differently)."""
    return (sys.implementation.name == "cpython" and sys.version_info < (3, 12)
            and not hasattr(sys, "gettotalrefcount"))


def keep_none_alive() -> None:
    """Raise None's reference count once per process (later calls do nothing)."""
    if needed() and sys.getrefcount(None) < EXTRA_REFERENCES:
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(None)).value += EXTRA_REFERENCES
