"""`backup [文件夹]` and `restore 备份文件`, run in-process through the real argument parser."""

import datetime as dt
import sqlite3
from contextlib import closing

import pytest

from app.cli.main import main
from app.clock import FixedClock
from db.audit import chain_problems
from db.backup import integrity_problems


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    moment = {"now": dt.datetime(2026, 11, 27, 9, 30)}
    monkeypatch.setattr("app.cli.main.SystemClock", lambda: FixedClock(moment["now"]))

    def _run(*args):
        code = main(["--data-dir", str(data), *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    _run.data, _run.moment = data, moment
    return _run


def people(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]


def test_backup_into_the_backups_folder_and_into_a_chosen_folder(run, tmp_path):
    run("demo")
    code, out = run("backup")
    target = run.data / "backups" / "村支部台账备份-红旗村-20261127-0930.db"
    assert code == 0
    from app.services.safety.backups import format_size

    size = format_size(target.stat().st_size)
    assert out == f"已备份到 {target}\n大小 {size}，时间 2026-11-27 09:30，已通过完整性检查\n"
    assert integrity_problems(target) == [] and people(target) == 72

    usb = tmp_path / "U盘"
    usb.mkdir()
    code, out = run("backup", str(usb))
    assert code == 0 and out.startswith(f"已备份到 {usb / '村支部台账备份-红旗村-20261127-0930.db'}\n")


def test_backup_refuses_a_missing_folder_and_a_missing_database(run, tmp_path):
    code, out = run("backup")
    assert code == 2 and out.startswith("错误：还没有数据库文件，没有可备份的内容")
    run("demo")
    code, out = run("backup", str(tmp_path / "没插好的U盘"))
    assert code == 2
    assert out == f"错误：找不到文件夹：{tmp_path / '没插好的U盘'}。请检查U盘是否插好，或换一个文件夹\n"


def test_restore_brings_back_the_backup_and_keeps_the_current_data(run, tmp_path):
    run("demo")
    run("backup", str(tmp_path))
    backup = tmp_path / "村支部台账备份-红旗村-20261127-0930.db"
    with closing(sqlite3.connect(run.data / "taizhang.db")) as conn:
        conn.execute("DELETE FROM person WHERE id IN (SELECT id FROM person LIMIT 5)")
        conn.commit()
    run.moment["now"] = dt.datetime(2026, 11, 28, 16, 45)
    code, out = run("restore", str(backup))
    saved = run.data / "backups" / "恢复前备份-20261128-164500.db"
    assert code == 0, out
    lines = out.splitlines()
    assert lines[:5] == [
        f"恢复前的数据已备份到 {saved}",
        f"已从 {backup} 恢复数据",
        "备份时间：2026年11月27日 09:30（最后一次改动：2026年11月27日 09:30）",
        "村名：红旗村",
        lines[4],
    ]
    assert lines[4].startswith("其中有：人员 72 人，任职记录 ")
    assert people(run.data / "taizhang.db") == 72 and people(saved) == 67
    assert integrity_problems(saved) == []
    with closing(sqlite3.connect(run.data / "taizhang.db")) as conn:
        last = conn.execute("SELECT action, area, record_label, actor FROM audit_log ORDER BY id DESC").fetchone()
    assert last[:3] == ("恢复", "数据库", backup.name) and last[3].startswith("命令行：")
    assert chain_problems(run.data / "taizhang.db") == []


def test_restore_refuses_a_file_that_is_not_a_backup_or_is_newer(run, tmp_path):
    run("demo")
    garbage = tmp_path / "照片.db"
    garbage.write_bytes(b"\xff\xd8\xff\xe0 JFIF" * 200)
    code, out = run("restore", str(garbage))
    assert code == 2 and out.startswith("错误：这个文件不是村支部台账的数据库：照片.db。")

    run("backup", str(tmp_path))
    newer = tmp_path / "村支部台账备份-红旗村-20261127-0930.db"
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
        conn.commit()
    code, out = run("restore", str(newer))
    assert code == 2 and "由更新版本的村支部台账做成（版本标记 0999）" in out
    assert people(run.data / "taizhang.db") == 72
    assert not list((run.data / "backups").glob("恢复前备份-*"))


def test_restore_refuses_while_the_window_is_open(run, tmp_path, qapp):
    from app.data_dir import DataDir
    from app.ui.shell.launcher import acquire_lock

    run("demo")
    run("backup", str(tmp_path))
    backup = tmp_path / "村支部台账备份-红旗村-20261127-0930.db"
    with closing(sqlite3.connect(run.data / "taizhang.db")) as conn:
        conn.execute("DELETE FROM person WHERE id IN (SELECT id FROM person LIMIT 5)")
        conn.commit()
    window = acquire_lock(DataDir(run.data))  # the window's own single-instance lock
    try:
        code, out = run("restore", str(backup))
    finally:
        window.unlock()
    assert code == 2
    assert out == ("错误：村支部台账的窗口正开着：请先关闭程序窗口（包括其他用户名下打开的），再恢复备份。"
                   "也可以在窗口里用 文件 → 从备份恢复…\n")
    assert people(run.data / "taizhang.db") == 67  # untouched
    # The window closed (or crashed and left its lock file behind): restore goes ahead.
    (run.data / "taizhang.db.lock").write_text("999999\n村支部台账\nhost\n")
    code, out = run("restore", str(backup))
    assert code == 0, out
    assert people(run.data / "taizhang.db") == 72


def test_the_lock_is_read_the_windows_way_there(tmp_path, qapp, monkeypatch):
    """On Windows QLockFile keeps its file open without write sharing: opening it to write fails."""
    import os
    import types

    from windows_emulation import open_handles, sharing_violation

    from app import instance_lock
    from app.data_dir import DataDir
    from app.ui.shell.launcher import acquire_lock

    real_open = os.open

    def windows_open(path, flags, *args):
        if flags & (os.O_RDWR | os.O_WRONLY) and os.path.exists(path) and open_handles(path):
            raise sharing_violation(path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(instance_lock, "sys", types.SimpleNamespace(platform="win32"))
    monkeypatch.setattr(os, "open", windows_open)
    data_dir = DataDir(tmp_path / "data")
    assert not instance_lock.window_holds_lock(data_dir.lock_file)  # no file at all
    window = acquire_lock(data_dir)
    assert instance_lock.window_holds_lock(data_dir.lock_file)
    window.unlock()
    data_dir.lock_file.write_text("999999\n村支部台账\nhost\n")  # left by a crash: nobody holds it
    assert not instance_lock.window_holds_lock(data_dir.lock_file)


def test_the_command_line_loads_no_qt():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, app.cli.main, app.cli.dispatch, app.cli.safety; "
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
