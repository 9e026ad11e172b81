"""Two processes writing logs at once (the window and a scheduled command), on Windows' rules."""

import datetime as dt
import logging

from windows_emulation import emulate_windows_files

from app.cli.main import main
from app.clock import FixedClock
from app.logging_setup import CLI_LOG_NAME, LOG_NAME, SharedRotatingFileHandler, setup_logging


def test_a_log_held_by_another_process_is_not_rotated_and_nothing_is_lost(tmp_path, monkeypatch, capsys):
    emulate_windows_files(monkeypatch)
    path = tmp_path / LOG_NAME
    for number in range(1, 6):
        (tmp_path / f"{LOG_NAME}.{number}").write_text(f"旧日志 {number}\n", encoding="utf-8")
    path.write_text("x" * 900, encoding="utf-8")
    logger = logging.getLogger("test.rotation")
    logger.propagate = False
    handler = SharedRotatingFileHandler(path, maxBytes=1000, backupCount=5, encoding="utf-8")
    logger.addHandler(handler)
    try:
        with open(path, encoding="utf-8"):  # the other process has the file open
            for i in range(20):
                logger.warning("备份完成 %d", i)
        assert "Logging error" not in capsys.readouterr().err
        assert (tmp_path / f"{LOG_NAME}.5").read_text(encoding="utf-8") == "旧日志 5\n"  # the oldest stays
        assert "备份完成 19" in path.read_text(encoding="utf-8")
        logger.warning("另一个程序已关闭")  # released: the next record rotates as usual
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert (tmp_path / f"{LOG_NAME}.5").read_text(encoding="utf-8") == "旧日志 4\n"
    assert "备份完成 19" in (tmp_path / f"{LOG_NAME}.1").read_text(encoding="utf-8")
    assert "另一个程序已关闭" in path.read_text(encoding="utf-8")


def test_the_command_line_writes_its_own_log_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("app.cli.main.SystemClock", lambda: FixedClock(dt.datetime(2026, 11, 27, 9, 30)))
    data = tmp_path / "data"
    try:
        assert main(["--data-dir", str(data), "demo"]) == 0
        logging.getLogger("test.cli").warning("命令行记录")
        for handler in logging.getLogger().handlers:
            handler.flush()
    finally:
        setup_logging(tmp_path / "elsewhere")  # releases the file
    capsys.readouterr()
    assert "命令行记录" in (data / "logs" / CLI_LOG_NAME).read_text(encoding="utf-8")
    assert not (data / "logs" / LOG_NAME).exists()  # the window's file is left to the window
