"""A data folder the program cannot write: a Chinese sentence and exit 2, never a traceback.

Tests run as root here, where chmod does not stop a write; the operating system's refusals
are therefore raised at the one place the program writes its probe, with the errno a read-only
USB stick, a locked-down folder or a full disk gives.
"""

import errno
from collections import namedtuple

import pytest

from app.data_dir import DataDir
from app.data_dir_check import data_dir_problem
from tests.cli.command_line import command_runner

Usage = namedtuple("Usage", "total used free")


def _refuse_probe(monkeypatch, exc):
    real_open = open

    def fake_open(path, mode="r", *args, **kwargs):
        if "写入检查" in str(path) and "w" in mode:
            raise exc
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)


@pytest.mark.parametrize(("exc", "words"), [
    (OSError(errno.EROFS, "Read-only file system"), "只读的磁盘"),
    (PermissionError(errno.EACCES, "Permission denied"), "没有权限写入"),
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满"),
])
def test_a_folder_refusing_writes_is_named_with_what_to_do(tmp_path, capsys, monkeypatch, exc, words):
    run = command_runner(tmp_path, capsys, monkeypatch)
    _refuse_probe(monkeypatch, exc)
    code, out = run("due")
    assert code == 2
    assert out.startswith("错误：") and words in out and str(run.data) in out
    assert "Traceback" not in out
    assert not (run.data / "taizhang.db").exists()  # nothing was started half-way
    assert not list(run.data.glob(".写入检查*"))


def test_a_path_through_a_file_is_refused_without_traceback(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "不是文件夹.txt"
    blocker.write_text("x")
    monkeypatch.setattr("app.cli.main.resolve_data_dir", lambda value: blocker / "数据")
    run = command_runner(tmp_path, capsys, monkeypatch)
    code, out = run("check")
    assert code == 2 and "路径不存在或不是文件夹" in out and "Traceback" not in out


def test_a_nearly_full_disk_is_refused_before_anything_is_written(tmp_path, capsys, monkeypatch):
    run = command_runner(tmp_path, capsys, monkeypatch)
    monkeypatch.setattr("app.data_dir_check.shutil.disk_usage", lambda path: Usage(10**9, 10**9 - 5 * 2**20, 5 * 2**20))
    code, out = run("demo")
    assert code == 2 and "磁盘已满（只剩 5 MB）" in out
    assert not (run.data / "taizhang.db").exists() and not (run.data / "logs").exists()


def test_a_read_only_database_file_is_named(tmp_path, monkeypatch):
    data_dir = DataDir(tmp_path / "data")
    data_dir.root.mkdir()
    data_dir.database.write_bytes(b"")
    # Windows reports the file's 只读 attribute through os.access.
    monkeypatch.setattr("app.data_dir_check.os.access", lambda path, mode: False)
    problem = data_dir_problem(data_dir)
    assert "是只读的" in problem and "去掉“只读”" in problem


def test_a_writable_folder_passes_and_leaves_no_probe(tmp_path):
    data_dir = DataDir(tmp_path / "新 数据#1")
    assert data_dir_problem(data_dir) is None
    assert list(data_dir.root.iterdir()) == []


def test_the_window_build_shows_the_problem_in_a_box(tmp_path, monkeypatch, qapp):
    shown = []
    monkeypatch.setattr("app.ui.common.dialogs.show_error", lambda parent, title, text, details="": shown.append((title, text)))
    _refuse_probe(monkeypatch, OSError(errno.EROFS, "Read-only file system"))
    from app.cli.main import main

    assert main(["--data-dir", str(tmp_path / "data")]) == 2
    assert shown and shown[0][0] == "无法打开数据" and "只读的磁盘" in shown[0][1]
