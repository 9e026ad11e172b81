"""No file the program writes can take the place of the database or a backup, or be left half-written."""

import errno
import hashlib

import pytest
from command_line import command_runner

from app.data_dir import DataDir
from app.services.common.errors import UserError
from app.services.common.safe_files import protect, write_file
from db.backup import integrity_problems


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    _run = command_runner(tmp_path, capsys, monkeypatch)
    assert _run("demo")[0] == 0
    return _run


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CASES = [(("export", "members"), "taizhang.db"), (("pdf", "roster", "-o"), "taizhang.db"),
         (("pdf", "roster", "-o"), "taizhang.db-wal"), (("export", "members"), "taizhang.db.lock")]


@pytest.mark.parametrize(("args", "name"), CASES, ids=[f"{a[0]}-{n}" for a, n in CASES])
def test_writing_over_the_database_is_refused_and_the_database_stays(run, args, name):
    db = run.data / "taizhang.db"
    before = digest(db)
    code, out = run(*args, str(run.data / name))
    assert code == 2
    assert f"“{name}”是台账的数据库文件，不能把导出或打印的内容存成它" in out
    assert digest(db) == before and integrity_problems(db) == []
    assert run("check")[0] == 0


def test_writing_into_the_backups_folder_is_refused(run):
    assert run("backup")[0] == 0
    code, out = run("export", "members", str(run.data / "backups" / "花名册.xlsx"))
    assert code == 2 and "只放备份，不能把别的文件存进去" in out
    assert not (run.data / "backups" / "花名册.xlsx").exists()


def test_a_full_disk_leaves_the_previous_file_byte_identical(tmp_path):
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"the roster printed last week" * 100)
    before = digest(target)

    def full_disk(temp):
        temp.write_bytes(b"half a ro")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(UserError) as refused:
        write_file(target, full_disk)
    assert refused.value.message == "磁盘已满，“花名册.xlsx”没有保存：原来的文件没有改动。请清理磁盘或换一个位置保存"
    assert digest(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["花名册.xlsx"]  # no temporary file left


def test_a_crash_in_the_writer_leaves_the_previous_file(tmp_path):
    target = tmp_path / "公告.pdf"
    target.write_bytes(b"%PDF old")
    with pytest.raises(RuntimeError):
        write_file(target, lambda temp: (temp.write_bytes(b"%PDF ne"), (_ for _ in ()).throw(RuntimeError("boom"))))
    assert target.read_bytes() == b"%PDF old" and len(list(tmp_path.iterdir())) == 1


def test_a_complete_write_replaces_the_file(tmp_path):
    protect(DataDir(tmp_path / "data"))
    target = tmp_path / "公告.pdf"
    target.write_bytes(b"%PDF old")
    write_file(target, lambda temp: temp.write_bytes(b"%PDF new"))
    assert target.read_bytes() == b"%PDF new"
