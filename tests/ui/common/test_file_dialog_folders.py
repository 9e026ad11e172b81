"""Save and open dialogs start in the last folder used, else 文档, never the current directory
(the Start-menu shortcut sets it to the hidden install folder)."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from app.ui.common import dialogs
from app.ui.common.dialogs import ask_folder, ask_open_path, ask_save_path  # the real ones


@pytest.fixture
def clerk_pc(tmp_path, monkeypatch):
    """A home with 文档 (Documents), the install folder as current directory, a settings file."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    install = tmp_path / "Programs" / "CunZhiBuTaiZhang"
    install.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(install)
    settings = tmp_path / "settings.ini"
    monkeypatch.setattr(dialogs, "_settings_file", settings)
    started = []

    def save(_parent, _title, directory, _filter):
        started.append(directory)
        return started_choice.pop(0), ""

    def open_(_parent, _title, directory, _filter):
        started.append(directory)
        return started_choice.pop(0), ""

    def folder(_parent, _title, directory):
        started.append(directory)
        return started_choice.pop(0)

    started_choice: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    return home, install, settings, started, started_choice


def test_first_dialog_starts_in_documents_not_the_install_folder(clerk_pc):
    home, install, _settings, started, choice = clerk_pc
    choice.append("")  # cancelled
    assert ask_save_path(None, "导出花名册", "红旗村两委成员花名册.xlsx", dialogs.EXCEL_FILTER) is None
    assert started == [str(home / "Documents" / "红旗村两委成员花名册.xlsx")]
    assert str(install) not in started[0]


def test_the_folder_last_used_is_where_the_next_dialog_starts_and_it_is_remembered(clerk_pc, tmp_path):
    home, _install, settings, started, choice = clerk_pc
    usb = tmp_path / "U盘" / "台账 备份"
    usb.mkdir(parents=True)
    choice.append(str(usb / "花名册.xlsx"))
    ask_save_path(None, "导出花名册", "花名册.xlsx", dialogs.EXCEL_FILTER)
    choice.append("")
    ask_open_path(None, "选择照片", "图片 (*.jpg)")
    assert started[1] == str(usb)
    assert QSettings(str(settings), QSettings.Format.IniFormat).value(dialogs.LAST_FOLDER_KEY) == str(usb)
    choice.append(str(home))
    ask_folder(None, "选择备份到哪个文件夹")
    assert started[2] == str(usb)
    choice.append("")
    ask_open_path(None, "选择照片", "图片 (*.jpg)")
    assert started[3] == str(home)


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(clerk_pc, tmp_path):
    home, _install, settings, started, choice = clerk_pc
    QSettings(str(settings), QSettings.Format.IniFormat).setValue(dialogs.LAST_FOLDER_KEY, str(tmp_path / "拔掉的U盘"))
    choice.append("")
    ask_open_path(None, "选择要恢复的备份文件", "备份 (*.db)")
    assert started == [str(home / "Documents")]
