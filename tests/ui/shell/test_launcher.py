import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSysInfo

from app.data_dir import DataDir
from app.ui.shell.launcher import acquire_lock

ROOT = Path(__file__).resolve().parents[3]


def test_second_instance_is_refused_and_stale_lock_is_taken_over(tmp_path, qapp):
    data_dir = DataDir(tmp_path / "data")
    first = acquire_lock(data_dir)
    assert first is not None
    assert acquire_lock(data_dir) is None
    first.unlock()
    # A lock left by a crashed process: its pid no longer runs.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    data_dir.lock_file.write_text(f"{dead.stdout.strip()}\n{qapp.applicationName()}\n{QSysInfo.machineHostName()}\n")
    again = acquire_lock(data_dir)
    assert again is not None
    again.unlock()


def test_smoke_test_opens_every_tab_and_changes_nothing(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = str(tmp_path / "data")
    subprocess.run([sys.executable, "-m", "app", "--data-dir", data, "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    db = Path(data) / "taizhang.db"
    before = db.stat().st_mtime_ns
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", data, "--smoke-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # The sample meetings are dated relative to the real today, so their number varies.
    assert re.fullmatch(r"工作台：\d+ 行", lines[0])  # the start page: what is late and due soon
    assert lines[1] == "两委成员：72 行" and lines[-1] == "窗口标题：红旗村 — 村支部台账"
    assert re.fullmatch(r"会议记录：\d{2,3} 行", lines[2])
    assert re.fullmatch(r"三公开：\d{1,2} 行", lines[3])
    assert re.fullmatch(r"纪律提醒：\d+ 行", lines[4])
    assert "整改台账：9 行" in lines  # one 巡察 with 8 items, one audit finding
    assert re.fullmatch(r"班子制度：\d{2} 行", lines[6])  # the year's plan lines
    assert db.stat().st_mtime_ns == before
