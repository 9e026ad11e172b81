"""What the user sees when backing up to a USB stick, restoring, and starting on a damaged file."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.clock import FixedClock
from app.services.common.context import open_services
from app.services.members.demo import fill_demo
from app.services.safety.actor import Actor, Role
from app.services.safety.backup_retention import auto_backup
from app.services.safety.backups import make_backup
from app.ui.common import dialogs
from app.ui.safety import backup_dialogs
from db.backup import integrity_problems


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def demo(services, clock):
    fill_demo(services.db, clock)
    return services


@pytest.fixture
def shown(monkeypatch):
    """Every info/error box and question, as (kind, title, text)."""
    seen = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: seen.append(("info", title, text)))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text, _d="": seen.append(("error", title, text)))
    return seen


def answer(monkeypatch, shown, reply: bool) -> None:
    def ask(_p, title, text, yes, no="取消"):
        shown.append(("question", title, text, yes, no))
        return reply

    monkeypatch.setattr(dialogs, "ask_yes_no", ask)


class RecordingProgress(QProgressDialog):
    values: list[tuple[int, int]] = []
    cancel = False

    def setValue(self, value):  # noqa: N802 - Qt name
        super().setValue(value)
        RecordingProgress.values.append((value, self.maximum()))

    def wasCanceled(self):  # noqa: N802 - Qt name
        return RecordingProgress.cancel or super().wasCanceled()


@pytest.fixture
def progress(monkeypatch):
    RecordingProgress.values, RecordingProgress.cancel = [], False
    monkeypatch.setattr(backup_dialogs, "QProgressDialog", RecordingProgress)
    return RecordingProgress


def test_backup_to_usb_shows_progress_then_file_size_and_time(demo, parent, shown, progress, monkeypatch, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda _p, title: str(usb))
    info = backup_dialogs.backup_to_folder_flow(demo, parent)
    target = usb / "村支部台账备份-红旗村-20261127-1000.db"
    assert info.path == target and integrity_problems(target) == []
    assert progress.values[-1][0] == progress.values[-1][1] > 1  # ran to the end, page by page
    (kind, title, text), = shown
    assert (kind, title) == ("info", "备份完成")
    kb = target.stat().st_size // 1024  # SQLite files are whole 4 KB pages: no rounding
    assert text.startswith(f"已备份到：{target}\n大小：{kb} KB\n时间：2026-11-27 10:00\n")


def test_cancelled_backup_leaves_no_file_and_says_nothing(demo, parent, shown, progress, monkeypatch, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda _p, title: str(usb))
    progress.cancel = True
    assert backup_dialogs.backup_to_folder_flow(demo, parent) is None
    assert list(usb.iterdir()) == [] and shown == []


def test_no_folder_chosen_does_nothing(demo, parent, shown, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_folder", lambda _p, title: None)
    assert backup_dialogs.backup_to_folder_flow(demo, parent) is None
    assert shown == []


@pytest.fixture
def reopen(data_dir, clock):
    opened = []

    def _reopen():
        opened.append(open_services(data_dir, clock))

    yield _reopen, opened
    for services in opened:
        services.close()


def test_restore_asks_with_date_village_and_counts_then_brings_the_data_back(
    demo, data_dir, clock, parent, shown, reopen, monkeypatch, tmp_path
):
    backup = make_backup(data_dir, clock, tmp_path).path
    for row in demo.members.list_rows()[:4]:
        demo.members.delete(row.id)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda _p, title, filt: str(backup))
    answer(monkeypatch, shown, True)
    do_reopen, opened = reopen
    assert backup_dialogs.restore_flow(demo, parent, do_reopen)

    question, info = shown
    assert question[1] == "恢复备份" and question[3] == "恢复"
    assert (f"备份文件：{backup}\n备份时间：2026年11月27日 10:00（最后一次改动：2026年11月27日 10:00）\n"
            "村名：红旗村\n其中有：人员 34 人，") in question[2]
    assert "现在的数据：人员 30 人，" in question[2]
    assert [s.members.count() for s in opened] == [34]
    saved = data_dir.backups / "恢复前备份-20261127-100000.db"
    assert info[:2] == ("info", "恢复完成")
    assert info[2].startswith("已恢复 2026年11月27日 10:00 的备份：人员 34 人，")
    assert info[2].endswith(f"恢复前的数据保存在：{saved}")
    assert integrity_problems(saved) == []


def test_restore_declined_changes_nothing(demo, data_dir, clock, parent, shown, reopen, monkeypatch, tmp_path):
    backup = make_backup(data_dir, clock, tmp_path).path
    demo.members.delete(demo.members.list_rows()[0].id)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda _p, title, filt: str(backup))
    answer(monkeypatch, shown, False)
    assert not backup_dialogs.restore_flow(demo, parent, reopen[0])
    assert demo.members.count() == 33 and reopen[1] == []


def test_restore_of_a_broken_file_is_refused_with_the_reason(demo, parent, shown, reopen, monkeypatch, tmp_path):
    garbage = tmp_path / "备份.db"
    garbage.write_bytes(b"PK\x03\x04 not a database" * 100)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda _p, title, filt: str(garbage))
    assert not backup_dialogs.restore_flow(demo, parent, reopen[0])
    (kind, title, text), = shown
    assert (kind, title) == ("error", "不能用这个文件恢复")
    assert text.startswith("这个文件不是村支部台账的数据库：备份.db。请选择本程序做的备份")
    assert demo.members.count() == 34 and reopen[1] == []


def test_a_clerk_is_told_to_ask_the_administrator(demo, parent, shown, reopen, monkeypatch):
    demo.db.actor = Actor("李文书", Role.CLERK)
    assert not backup_dialogs.restore_flow(demo, parent, reopen[0])  # no file chooser opened
    assert shown == [("error", "不能恢复备份", "“录入员”账户不能恢复备份：请让管理员登录后操作")]


def corrupt(path):
    data = bytearray(path.read_bytes())
    data[4096:] = b"\x55" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def test_damaged_start_offers_the_newest_good_backup(demo, data_dir, parent, shown, monkeypatch):
    auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 26, 8, 15)))
    demo.close()
    corrupt(data_dir.database)
    answer(monkeypatch, shown, True)
    later = FixedClock(dt.datetime(2026, 11, 27, 8, 0))
    assert backup_dialogs.damaged_start_flow(data_dir, later, parent)
    question, info = shown
    assert question[1] == "数据库已损坏" and question[3:] == ("用这份备份恢复", "不恢复，退出")
    assert ("找到一份完好的备份（按其中的记录多少和最后改动时间选出，不按文件日期）：\n"
            "备份时间：2026年11月26日 08:15（最后一次改动：2026年11月27日 10:00）\n村名：红旗村\n其中有：人员 34 人") in question[2]
    assert f"损坏的文件另存在：{data_dir.backups / '损坏的数据库-20261127-080000.db'}" in info[2]
    reopened = open_services(data_dir, later)
    assert reopened.members.count() == 34
    reopened.close()


def test_damaged_start_without_backups_says_so(demo, data_dir, clock, parent, shown):
    demo.close()
    corrupt(data_dir.database)
    assert not backup_dialogs.damaged_start_flow(data_dir, clock, parent)
    (kind, title, text), = shown
    assert (kind, title) == ("error", "数据库已损坏")
    assert "没有找到完好的备份" in text


def test_damaged_start_declined_leaves_the_file_alone(demo, data_dir, clock, parent, shown, monkeypatch):
    auto_backup(data_dir, clock)
    demo.close()
    corrupt(data_dir.database)
    before = data_dir.database.read_bytes()
    answer(monkeypatch, shown, False)
    assert not backup_dialogs.damaged_start_flow(data_dir, clock, parent)
    assert data_dir.database.read_bytes() == before


def test_a_missing_database_beside_backups_offers_the_newest_backup(demo, data_dir, parent, shown, monkeypatch):
    from app.services.common.datastore import MissingDatabaseError

    auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 26, 8, 15)))
    demo.close()
    data_dir.database.unlink()
    later = FixedClock(dt.datetime(2026, 11, 27, 8, 0))
    with pytest.raises(MissingDatabaseError):
        open_services(data_dir, later)
    assert not data_dir.database.exists()  # no empty database made behind the question
    answer(monkeypatch, shown, True)
    assert backup_dialogs.damaged_start_flow(data_dir, later, parent, missing=True)
    question, info = shown
    assert question[1] == "找不到数据库"
    assert question[2].startswith("数据库文件不见了（或是空的），但数据文件夹里有备份：这不是第一次使用，程序不会新建空白数据库")
    assert "备份时间：2026年11月26日 08:15（最后一次改动：2026年11月27日 10:00）" in question[2]
    reopened = open_services(data_dir, later)
    assert reopened.members.count() == 34
    reopened.close()
