"""Restore takes only a file that is wholly ours; a missing database is not a first start."""

import datetime as dt
import shutil
import sqlite3
from contextlib import closing

import pytest
from conftest import person

from app.clock import FixedClock
from app.services.common.datastore import MissingDatabaseError, open_database
from app.services.common.errors import UserError
from app.services.members.demo import fill_demo
from app.services.members.members import MemberService
from app.services.safety.backup_retention import auto_backup
from app.services.safety.backups import clock_warning, inspect_backup, newest_good_backup, restore_file


@pytest.fixture
def village(data_dir, clock):
    db = open_database(data_dir, clock)
    fill_demo(db, clock)
    db.close()
    return data_dir


def edited(source, tmp_path, *statements):
    target = tmp_path / "备份.db"
    shutil.copy(source, target)
    with closing(sqlite3.connect(target)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return target


def test_a_crafted_file_with_a_matching_version_and_stray_tables_is_refused(village, clock, tmp_path):
    crafted = tmp_path / "备份.db"
    with closing(sqlite3.connect(crafted)) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('0006')")
        conn.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("CREATE TABLE payload (x)")
        conn.commit()
    before = village.database.read_bytes()
    with pytest.raises(UserError) as refused:
        restore_file(village, clock, crafted)
    assert refused.value.message.startswith("这个文件的结构与村支部台账的数据库不符（缺少数据表 app_meta；")
    assert village.database.read_bytes() == before


def test_a_real_backup_with_one_stray_table_or_column_is_refused(village, tmp_path):
    stray = edited(village.database, tmp_path, "CREATE TABLE payload (x)")
    with pytest.raises(UserError, match="多出不认识的数据表 payload"):
        inspect_backup(stray)
    stray.unlink()
    extra = edited(village.database, tmp_path, "ALTER TABLE person ADD COLUMN secret TEXT")
    with pytest.raises(UserError, match="数据表 person 多出列 secret"):
        inspect_backup(extra)


def test_a_backup_whose_log_was_edited_is_refused(village, tmp_path):
    forged = edited(village.database, tmp_path, "UPDATE audit_log SET actor='别人' WHERE id=3")
    with pytest.raises(UserError, match="这个备份的操作日志校验未通过（操作日志第 3 条的内容被改动过）"):
        inspect_backup(forged)


def test_a_backup_with_broken_links_is_refused(village, tmp_path):
    broken = edited(village.database, tmp_path, "PRAGMA foreign_keys=OFF",
                    "UPDATE post SET person_id = 9999 WHERE id = (SELECT min(id) FROM post)")
    with pytest.raises(UserError, match="数据库有 1 处关联记录缺失"):
        inspect_backup(broken)


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_a_missing_or_empty_database_beside_backups_is_not_a_first_start(village, clock, state):
    auto_backup(village, clock)
    village.database.unlink()
    if state == "empty":
        village.database.write_bytes(b"")
    with pytest.raises(MissingDatabaseError) as refused:
        open_database(village, clock)
    found = newest_good_backup(village)
    assert f"请用 restore 命令恢复最新的完好备份：restore \"{found.path}\"" in refused.value.message
    assert "程序没有新建空白数据库" in refused.value.message
    assert (village.database.exists() and village.database.stat().st_size == 0) == (state == "empty")
    assert not village.database.exists() or village.database.stat().st_size == 0


def test_backups_are_ordered_by_what_they_hold_not_by_the_clock(village, clock, data_dir):
    future = FixedClock(dt.datetime(2031, 1, 1, 8, 0))  # the PC's clock was once wrong
    early = auto_backup(village, future)
    db = open_database(village, clock)
    MemberService(db, clock).save(person("新来的"))  # more records after that
    db.close()
    later = auto_backup(village, FixedClock(dt.datetime(2026, 11, 28, 8, 0)))
    assert newest_good_backup(village).path == later != early
    assert "（最后一次改动：2026年11月27日 10:00）" in newest_good_backup(village).describe()


def test_a_clock_earlier_than_the_last_change_is_warned_about(village):
    assert clock_warning(village, dt.datetime(2026, 11, 27, 10, 0)) is None
    warning = clock_warning(village, dt.datetime(2025, 1, 1, 8, 0))
    assert warning.startswith("电脑的时钟（2025年1月1日 08:00）早于数据最后一次改动的时间（2026年11月27日 10:00）")
