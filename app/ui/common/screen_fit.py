"""Sizes from the screen the window is on: the office PC's 1366×768 leaves about 1366×728 above
the taskbar, and 125 % scaling leaves 1093×582. A window asks for the size it would like and
gets what the screen has room for, title bar included."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and borders Windows adds around a window (about 31 + 8 px at 100 %).
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen's area without the taskbar (the tests emulate small screens by patching this)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def room(widget: QWidget | None = None) -> tuple[int, int]:
    """The largest inside size a window can have and still show whole, title bar included."""
    area = available_geometry(widget)
    return area.width() - FRAME_WIDTH, area.height() - FRAME_HEIGHT


def fit_to_screen(window: QWidget, width: int, height: int | None = None) -> bool:
    """Resize ``window`` to ``width`` × ``height`` (None: the height its contents ask for), or to
    what the screen leaves. Returns True when the screen was too small for the wish."""
    max_width, max_height = room(window)
    if height is None or height <= 0:
        height = window.sizeHint().height()
        layout = window.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped text needs more lines when narrow
            height = max(height, layout.totalHeightForWidth(min(width, max_width)))
    wanted_width, wanted_height = max(width, window.minimumWidth()), max(height, window.minimumHeight())
    window.resize(min(wanted_width, max_width), min(wanted_height, max_height))
    return wanted_width > max_width or wanted_height > max_height


def clamp_to_screen(window: QWidget) -> None:
    """A size remembered on a bigger screen (or before 大字模式) is cut to this one, and the
    window moved back onto it."""
    area = available_geometry(window)
    max_width, max_height = room(window)
    width, height = min(window.width(), max_width), min(window.height(), max_height)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - width - FRAME_WIDTH + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height - FRAME_HEIGHT + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, area.left()), max(y, area.top()))
