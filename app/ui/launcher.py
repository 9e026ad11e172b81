"""Start the GUI: single-instance lock, open the data, first-start profile, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QTimer

from app.clock import SystemClock
from app.services.context import open_services
from app.services.datastore import DataDir
from app.services.errors import UserError
from app.ui import dialogs
from app.ui.qt_app import create_application, install_crash_hook

log = logging.getLogger(__name__)


def acquire_lock(data_dir: DataDir) -> QLockFile | None:
    """Refuse a second instance on the same data; a stale lock from a crash is taken over."""
    data_dir.root.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir.lock_file))
    lock.setStaleLockTime(0)  # staleness is decided by whether the owning process still lives
    if lock.tryLock(100):
        return lock
    return None


def run_gui(data_dir: DataDir, log_path: Path, *, smoke_test: bool = False, large: bool = False) -> int:
    app = create_application(sys.argv[:1], large)
    if not smoke_test:
        install_crash_hook(log_path)
    lock = acquire_lock(data_dir)
    if lock is None:
        message = "村支部台账已经在运行（可能在另一个窗口或另一位用户名下）。\n请切换到已打开的窗口，不要同时打开两次。"
        if smoke_test:
            print(message, file=sys.stderr)
        else:
            dialogs.show_error(None, "程序已在运行", message)
        return 1
    try:
        services = open_services(data_dir, SystemClock())
    except UserError as exc:
        log.error("cannot open data: %s", exc.message)
        if smoke_test:
            print(exc.message, file=sys.stderr)
        else:
            dialogs.show_error(None, "无法打开数据", exc.message)
        lock.unlock()
        return 2
    from app.ui.main_window import MainWindow

    try:
        if smoke_test:
            return smoke(services)
        if services.profile.get() is None:
            from app.ui.profile_dialog import ProfileDialog

            if not ProfileDialog(services.profile, first_start=True).exec():
                return 0
        window = MainWindow(services, large=large)
        window.show()
        return app.exec()
    finally:
        services.close()
        lock.unlock()


def smoke(services) -> int:  # noqa: ANN001
    """Open the window and every tab, print one line per tab, change nothing."""
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    window = MainWindow(services)
    window.show()
    QTimer.singleShot(0, QApplication.instance().quit)
    QApplication.instance().exec()
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        window.tabs.setCurrentIndex(index)
        print(f"{window.tabs.tabText(index)}：{tab.row_count()} 行")
    print(f"窗口标题：{window.windowTitle()}")
    window.close()
    return 0
