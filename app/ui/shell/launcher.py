"""Start the GUI: single-instance lock, open the data, first-start profile, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from app.clock import SystemClock
from app.data_dir import DataDir
from app.logging_setup import enable_fault_log
from app.services.common.errors import UserError
from app.ui.common import dialogs
from app.ui.shell.qt_app import create_application, install_crash_hook

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
    enable_fault_log(log_path.parent)
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
    dialogs.remember_folders_in(data_dir.settings_file)
    from app.ui.shell.main_window import MainWindow

    window = MainWindow(data_dir, large=large or None)
    window.show()
    app.processEvents()  # first paint before the database layer loads
    services = open_data(data_dir, smoke_test)
    if services is None:
        lock.unlock()
        window.close()
        return 2
    try:
        if smoke_test:
            return smoke(window, services)
        from app.services.common.safe_files import clear_prints
        from app.services.safety.backups import clock_warning

        clear_prints(services.data_dir)
        warning = clock_warning(services.data_dir, services.clock.now())
        if warning:
            dialogs.show_error(window, "请校正电脑时钟", warning)
        from app.ui.shell.sign_in import sign_in

        actor = sign_in(services, window)
        if actor is None:
            return 0
        services.act_as(actor)
        daily_backup(services)
        window.attach(services)
        code = app.exec()
        daily_backup(window.services)
        return code
    finally:
        (window.services or services).close()
        lock.unlock()


def show_start_problem(message: str) -> None:
    """The data folder cannot be used: say so in a box (the windowed build has no console)."""
    create_application(sys.argv[:1], False)
    dialogs.show_error(None, "无法打开数据", message)


def daily_backup(services) -> None:  # noqa: ANN001
    """At most one automatic backup a day, on start and on exit; a failure is logged, not fatal."""
    from app.services.safety.backup_retention import auto_backup

    try:
        made = auto_backup(services.data_dir, services.clock)
    except UserError as exc:
        log.error("automatic backup failed: %s", exc.message)
        return
    if made is not None:
        log.info("automatic backup %s", made)


def open_data(data_dir: DataDir, quiet: bool):  # noqa: ANN201 - Services | None
    from app.services.common.context import open_services
    from app.services.common.datastore import DamagedDatabaseError, MissingDatabaseError

    try:
        return open_services(data_dir, SystemClock())
    except DamagedDatabaseError as exc:
        log.error("damaged database: %s", exc.message)
        if quiet:
            print(exc.message, file=sys.stderr)
            return None
        from app.ui.safety.backup_dialogs import damaged_start_flow

        if damaged_start_flow(data_dir, SystemClock(), None, missing=isinstance(exc, MissingDatabaseError)):
            return open_data(data_dir, quiet)
        return None
    except UserError as exc:
        log.error("cannot open data: %s", exc.message)
        if quiet:
            print(exc.message, file=sys.stderr)
        else:
            dialogs.show_error(None, "无法打开数据", exc.message)
        return None


def smoke(window, services) -> int:  # noqa: ANN001
    """Open every tab, print one line per tab, change nothing."""
    window.attach(services)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # builds the tab on first showing
        tab = window.tabs.widget(index)
        print(f"{window.tabs.tabText(index)}：{tab.row_count()} 行")
    print(f"窗口标题：{window.windowTitle()}")
    window.close()
    return 0
