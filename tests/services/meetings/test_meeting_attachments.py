"""Meeting attachments: copied in under their content's hash, refused when too big or a program, and on
disk before they take their name."""

import pytest

from app.services.common.errors import UserError
from tests.services.meetings.test_meetings import ids, meeting, meetings, problems_of  # noqa: F401 - fixtures


def test_attachment_is_copied_under_its_content_hash(meetings, ids, tmp_path):
    source = tmp_path / "签到表.JPG"
    source.write_bytes(b"sign-in sheet photo")
    added = meetings.add_attachment(source)
    assert (added.title, added.size) == ("签到表.JPG", 19)
    assert added.stored_name.endswith(".jpg") and len(added.stored_name) == 28
    assert meetings.attachment_path(added.stored_name).read_bytes() == b"sign-in sheet photo"
    copy = tmp_path / "again.jpg"
    copy.write_bytes(b"sign-in sheet photo")
    assert meetings.add_attachment(copy).stored_name == added.stored_name
    assert [p.name for p in meetings.attachments_dir.iterdir()] == [added.stored_name]

    meeting_id = meetings.save(meeting(attachments=[added]))
    stored = meetings.get(meeting_id).attachments
    assert [(a.title, a.stored_name, a.size) for a in stored] == [("签到表.JPG", added.stored_name, 19)]
    assert stored[0].id is not None
    assert meetings.attachment_path("../taizhang.db") is None
    assert meetings.attachment_path("") is None


def test_attachment_over_20_mb_is_refused(meetings, tmp_path):
    big = tmp_path / "签到表.png"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    with pytest.raises(UserError) as err:
        meetings.add_attachment(big)
    assert err.value.message == "附件太大（21.0 MB）：单个附件不能超过 20 MB，请压缩照片后再添加"
    assert err.value.field == "attachments"
    assert not meetings.attachments_dir.exists() or not any(meetings.attachments_dir.iterdir())


def test_attachment_refusals(meetings, tmp_path):
    with pytest.raises(UserError) as err:
        meetings.add_attachment(tmp_path / "没有.jpg")
    assert err.value.message == f"找不到附件文件：{tmp_path / '没有.jpg'}，请重新选择"
    program = tmp_path / "setup.EXE"
    program.write_bytes(b"MZ")
    with pytest.raises(UserError) as err:
        meetings.add_attachment(program)
    assert err.value.message == "附件不能是程序或脚本文件（.exe）：请添加照片、文档或表格"


def test_attachment_whose_file_is_gone_is_a_problem(meetings, tmp_path):
    source = tmp_path / "会议照片.jpg"
    source.write_bytes(b"photo")
    added = meetings.add_attachment(source)
    meetings.attachment_path(added.stored_name).unlink()
    problems = problems_of(meetings, meeting(attachments=[added]))
    assert problems["attachments"] == "附件“会议照片.jpg”的文件找不到了：请删去后重新添加"


def test_an_attachment_is_on_disk_before_it_takes_its_name(meetings, tmp_path, monkeypatch):
    """A power cut after the rename must not leave a named, empty attachment the meeting points at."""
    import os

    from app.services.meetings import meetings as module

    steps = []
    real_fsync, real_replace = os.fsync, module.replace_file
    monkeypatch.setattr(os, "fsync", lambda fd: (steps.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(module, "replace_file", lambda a, b: (steps.append("rename"), real_replace(a, b))[1])
    source = tmp_path / "会议照片.jpg"
    source.write_bytes(b"photo")
    meetings.add_attachment(source)
    assert steps == ["fsync", "rename"]
