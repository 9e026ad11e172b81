"""What the windowed program sets up when it starts (run in-process, smoke-test mode)."""

import pytest

from app.data_dir import DataDir
from app.ui.common import dialogs
from app.ui.shell.launcher import run_gui


@pytest.fixture
def started(tmp_path, qapp, monkeypatch, capsys):
    monkeypatch.setattr(dialogs, "_settings_file", None)
    data_dir = DataDir(tmp_path / "data")
    assert run_gui(data_dir, data_dir.logs / "taizhang.log", smoke_test=True) == 0
    assert "窗口标题：" in capsys.readouterr().out
    return data_dir


def test_file_dialogs_remember_their_folder_in_the_data_dirs_settings(started):
    assert dialogs._settings_file == started.settings_file
