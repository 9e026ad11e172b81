"""The QApplication: bundled CJK font, Qt's own Chinese translations, crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_NAME
from app.paths import resource_path
from app.privacy import mask_numbers
from app.ui.common import dialog_keys
from app.ui.shell.none_refcount import keep_none_alive

log = logging.getLogger(__name__)
keep_none_alive()  # before any Qt call: see app/ui/shell/none_refcount.py

BASE_POINT_SIZE = 12
LARGE_POINT_SIZE = 15
UI_FONT_FILE = "NotoSansCJKsc-Regular.ttf"
_font_family: str | None = None


def load_ui_font() -> str:
    """Register the bundled font once; it renders 𠮷 and 䶮 even with no CJK font installed."""
    global _font_family
    if _font_family is None:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", UI_FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.error("bundled font could not be loaded: %s", UI_FONT_FILE)
            families = [QFont().family()]
        _font_family = families[0]
    return _font_family


def apply_font_size(app: QApplication, large: bool) -> None:
    font = QFont(load_ui_font(), LARGE_POINT_SIZE if large else BASE_POINT_SIZE)
    app.setFont(font)


def install_translations(app: QApplication) -> None:
    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", directory):
        app.installTranslator(translator)
    else:
        log.warning("qtbase_zh_CN translation not found in %s", directory)


def _qt_message(mode: QtMsgType, _context, message: str) -> None:  # noqa: ANN001
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, message)


def create_application(argv: list[str], large: bool = False) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    qInstallMessageHandler(_qt_message)
    install_translations(app)
    dialog_keys.install(app)
    apply_font_size(app, large)
    return app


def install_crash_hook(log_path: Path) -> None:
    """Bugs (not user errors) are logged and shown with copyable details."""

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        details = mask_numbers("".join(traceback.format_exception(exc_type, exc, tb)))
        log.critical("unhandled exception\n%s", details)
        from app.ui.common.dialogs import show_error

        show_error(
            None,
            "程序出错",
            "程序遇到了一个意外错误，刚才的操作可能没有完成（已保存的数据不受影响）。\n"
            f"请把下面的详细信息复制给技术人员。日志文件：{log_path}",
            details,
        )

    sys.excepthook = hook
