"""Every modal question goes through here, so tests patch one place and never hang."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

EXCEL_FILTER = "Excel 文件 (*.xlsx)"
PDF_FILTER = "PDF 文件 (*.pdf)"
LAST_FOLDER_KEY = "dialogs/last_folder"

# File dialogs never start in the current directory: the Start-menu shortcut sets it to the
# hidden install folder, where an exported roster would be lost (and uninstalled).
_settings_file: Path | None = None


def remember_folders_in(settings_file: Path) -> None:
    """Keep the last folder a file dialog used in the program's settings (INI in the data dir)."""
    global _settings_file
    _settings_file = settings_file


def start_folder() -> str:
    """The last folder used if it still exists, else 文档, else 桌面, else the home folder."""
    if _settings_file is not None:
        last = QSettings(str(_settings_file), QSettings.Format.IniFormat).value(LAST_FOLDER_KEY, "", type=str)
        if last and Path(last).is_dir():
            return last
    for location in (QStandardPaths.StandardLocation.DocumentsLocation,
                     QStandardPaths.StandardLocation.DesktopLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def _remember(folder: str) -> None:
    if _settings_file is not None:
        settings = QSettings(str(_settings_file), QSettings.Format.IniFormat)
        settings.setValue(LAST_FOLDER_KEY, folder)
        settings.sync()


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str, no: str = "取消") -> bool:
    """A question whose buttons say what they do (e.g. 删除 / 取消)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_choice(parent: QWidget | None, title: str, text: str, choices: Sequence[str]) -> str | None:
    """A question with one button per answer (the first is the default) and 取消, also Esc;
    returns the chosen answer, or None when cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return choices[buttons.index(clicked)] if clicked in buttons else None


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("知道了")
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText("知道了")
    box.exec()


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder()) / suggested), file_filter)
    if path:
        _remember(str(Path(path).parent))
    return path or None


def ask_open_path(parent: QWidget | None, title: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(), file_filter)
    if path:
        _remember(str(Path(path).parent))
    return path or None


def ask_int(parent: QWidget | None, title: str, label: str, value: int, low: int, high: int) -> int | None:
    number, ok = QInputDialog.getInt(parent, title, label, value, low, high)
    return number if ok else None


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, start_folder())
    if path:
        _remember(path)
    return path or None
