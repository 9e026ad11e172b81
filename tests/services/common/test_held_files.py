"""Files Windows will not let go of for a moment (antivirus, OneDrive) or at all (read-only):
pruning, photo and attachment copies retry briefly, log, and never crash the program."""

import datetime as dt
import logging
import os
import stat

import pytest
from windows_emulation import emulate_windows_files

from app.services.common import file_ops
from app.services.common.errors import UserError
from app.services.meetings.meetings import MeetingService
from app.services.members.photos import PhotoStore
from app.services.safety.backup_retention import prune_auto_backups
from app.services.safety.backups import AUTO_PREFIX


@pytest.fixture
def waits(monkeypatch):
    """Each wait between tries, recorded instead of slept."""
    waited = []
    monkeypatch.setattr(file_ops, "pause", waited.append)
    return waited


def test_pruning_deletes_a_read_only_backup_and_skips_a_held_one(tmp_path, monkeypatch, waits, caplog):
    held = set()
    emulate_windows_files(monkeypatch, held)
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [f"{AUTO_PREFIX}-2024{month:02d}15-090000.db" for month in (1, 2, 3)]  # long out of the rule
    recent = [f"{AUTO_PREFIX}-{dt.date(2026, 11, 27) - dt.timedelta(days=d):%Y%m%d}-090000.db" for d in range(30)]
    for name in names + recent:
        (folder / name).write_bytes(b"old")
    os.chmod(folder / names[0], stat.S_IREAD)  # read-only, as a copy from a CD would be
    held.add(folder / names[1])  # OneDrive is uploading it
    with caplog.at_level(logging.WARNING):
        removed = prune_auto_backups(folder, dt.date(2026, 11, 27))
    assert [p.name for p in removed] == [names[0], names[2]]
    assert sorted(p.name for p in folder.iterdir()) == sorted([names[1], *recent])
    assert f"could not delete {folder / names[1]}" in caplog.text
    assert len(waits) == file_ops.ATTEMPTS - 1 and sum(waits) < 2  # bounded: about a second


def test_a_photo_briefly_held_by_a_scanner_is_still_stored(tmp_path, monkeypatch, waits):
    emulate_windows_files(monkeypatch, lambda path: str(path).endswith(".tmp") and len(waits) < 2)
    source = tmp_path / "张三.jpg"
    source.write_bytes(b"photo")
    store = PhotoStore(tmp_path / "photos")
    name = store.add(source)
    assert store.path(name).read_bytes() == b"photo" and len(waits) == 2
    assert [p.name for p in store.folder.iterdir()] == [name]


def test_a_photo_held_for_good_is_refused_with_a_message(tmp_path, monkeypatch, waits):
    emulate_windows_files(monkeypatch, lambda path: str(path).endswith(".tmp"))
    source = tmp_path / "张三.jpg"
    source.write_bytes(b"photo")
    store = PhotoStore(tmp_path / "photos")
    with pytest.raises(UserError, match="照片文件可能正被其他程序（杀毒软件、网盘同步）占用，请稍后再选一次"):
        store.add(source)
    assert [p.suffix for p in store.folder.iterdir()] == [".tmp"]  # never under the photo's own name


def test_an_attachment_briefly_held_by_a_scanner_is_still_stored(db, clock, tmp_path, monkeypatch, waits):
    emulate_windows_files(monkeypatch, lambda path: str(path).endswith(".partial") and len(waits) < 3)
    source = tmp_path / "签到表.jpg"
    source.write_bytes(b"sign-in sheet")
    meetings = MeetingService(db, clock, tmp_path / "attachments")
    added = meetings.add_attachment(source)
    assert meetings.attachment_path(added.stored_name).read_bytes() == b"sign-in sheet" and len(waits) == 3
    assert [p.name for p in meetings.attachments_dir.iterdir()] == [added.stored_name]
