"""On the shared PC the data folder is the user's alone, and no print preview outlives a run."""

import os
import stat

import pytest

from app.services.common.datastore import open_database
from app.services.common.safe_files import clear_prints
from app.services.safety.backup_retention import auto_backup


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_is_700_and_its_files_600(data_dir, clock):
    data_dir.root.mkdir(parents=True)
    data_dir.root.chmod(0o755)
    db = open_database(data_dir, clock)
    db.close()
    auto_backup(data_dir, clock)
    assert mode(data_dir.root) == 0o700
    files = [p for p in data_dir.root.rglob("*") if p.is_file()]
    assert files and {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert mode(data_dir.backups) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_left_readable_by_an_older_version_are_closed(data_dir, clock):
    db = open_database(data_dir, clock)
    db.close()
    data_dir.database.chmod(0o644)
    data_dir.root.chmod(0o755)
    open_database(data_dir, clock).close()
    assert (mode(data_dir.root), mode(data_dir.database)) == (0o700, 0o600)


def test_previews_left_in_the_print_folder_are_cleared(data_dir):
    data_dir.prints.mkdir(parents=True)
    for name in ("花名册-20261127-100000.pdf", "管理员恢复码.pdf"):
        (data_dir.prints / name).write_bytes(b"%PDF")
    assert clear_prints(data_dir) == 2
    assert list(data_dir.prints.iterdir()) == []
