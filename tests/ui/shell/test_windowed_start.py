"""What the windowed program sets up when it starts (run in-process, smoke-test mode)."""

import faulthandler
import sys

import pytest

from app import logging_setup

from app.data_dir import DataDir
from app.ui.common import dialogs
from app.ui.shell.launcher import run_gui


@pytest.fixture
def started(tmp_path, qapp, monkeypatch, capsys):
    monkeypatch.setattr(dialogs, "_settings_file", None)
    data_dir = DataDir(tmp_path / "data")
    assert run_gui(data_dir, data_dir.logs / "taizhang.log", smoke_test=True) == 0
    assert "窗口标题：" in capsys.readouterr().out
    yield data_dir
    faulthandler.enable(sys.__stderr__)  # as pytest had it
    logging_setup._fault_file.close()
    monkeypatch.setattr(logging_setup, "_fault_file", None)


def test_file_dialogs_remember_their_folder_in_the_data_dirs_settings(started):
    assert dialogs._settings_file == started.settings_file


def test_the_windowed_program_sends_fault_traces_to_the_logs_folder(started):
    assert faulthandler.is_enabled()
    assert logging_setup._fault_file.name == str(started.logs / logging_setup.FAULT_LOG_NAME)


def test_a_hard_crash_leaves_its_trace_in_that_file(tmp_path):
    import subprocess
    from pathlib import Path

    crash = ("import faulthandler, pathlib, sys; from app.logging_setup import enable_fault_log; "
             "enable_fault_log(pathlib.Path(sys.argv[1])); faulthandler._sigsegv()")
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", crash, str(tmp_path / "logs")], cwd=root, capture_output=True)
    assert result.returncode != 0
    trace = (tmp_path / "logs" / logging_setup.FAULT_LOG_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in trace and "<string>" in trace
