"""Automatic backups and their retention, backups on request, restore and its refusals."""

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from app.clock import FixedClock
from app.services.common.context import open_services
from app.services.common.datastore import DamagedDatabaseError, open_database
from app.services.common.errors import UserError
from app.services.members.demo import fill_demo
from app.services.safety.actor import Actor, PermissionDenied, Role
from app.services.safety.backup_retention import auto_backup, prune_auto_backups
from app.services.safety.backups import (
    BackupCancelled,
    database_summary,
    inspect_backup,
    make_backup,
    newest_good_backup,
    restore_backup,
    restore_file,
)
from db.backup import integrity_problems

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def people(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]


def names(folder: Path) -> set[str]:
    """The backups in ``folder`` (without the audit log heads beside them)."""
    return {p.name for p in folder.iterdir() if p.suffix != ".head"}


def corrupt(path: Path) -> None:
    """Overwrite everything after the first page: the header stays, the tables are garbage."""
    data = bytearray(path.read_bytes())
    data[4096:] = b"\x55" * (len(data) - 4096)
    path.write_bytes(bytes(data))


@pytest.fixture
def demo(services, clock):
    fill_demo(services.db, clock)
    return services


def test_auto_backup_at_most_once_a_day_verified_single_file(demo, data_dir):
    first = auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 27, 9, 30)))
    assert first == data_dir.backups / "自动备份-20261127-093000.db"
    assert integrity_problems(first) == []
    assert people(first) == 34
    assert auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 27, 18, 5))) is None  # exit, same day
    second = auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 28, 8, 0)))
    assert second == data_dir.backups / "自动备份-20261128-080000.db"
    # Self-contained files: no -wal/-shm/.partial left beside them, even after reading them.
    assert database_summary(second).counts["person"] == 34
    assert names(data_dir.backups) == {"自动备份-20261127-093000.db", "自动备份-20261128-080000.db"}
    assert (data_dir.backups / "自动备份-20261128-080000.db.head").is_file()


def test_auto_backup_without_a_database_does_nothing(data_dir, clock):
    assert auto_backup(data_dir, clock) is None
    assert not data_dir.backups.exists()


def auto_name(day: dt.date, time: str = "093000") -> str:
    return f"自动备份-{day:%Y%m%d}-{time}.db"


def test_retention_over_three_years_of_daily_backups(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = dt.date(2024, 11, 28)
    days = [start + dt.timedelta(days=i) for i in range(3 * 365 + 1)]
    for today in days:
        (folder / auto_name(today)).touch()
        prune_auto_backups(folder, today)
        kept = names(folder)
        assert auto_name(today) in kept and len(kept) <= 30 + 24
    today = days[-1]
    assert today == dt.date(2027, 11, 28)
    last_30 = {auto_name(d) for d in days[-30:]}
    months = {(today.year * 12 + today.month - 1 - k) for k in range(24)}  # Dec 2025 … Nov 2027
    monthly = {auto_name(dt.date(m // 12, m % 12 + 1, 1)) for m in months}
    assert names(folder) == last_30 | monthly
    assert auto_name(dt.date(2025, 12, 1)) in names(folder)
    assert auto_name(dt.date(2025, 11, 1)) not in names(folder)  # 25 months ago
    assert auto_name(dt.date(2027, 10, 29)) not in names(folder)  # 31 days ago


def test_retention_keeps_the_last_30_backup_days_when_the_office_is_rarely_open(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    mondays = [dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(48)]
    for monday in mondays:
        (folder / auto_name(monday)).touch()
    (folder / auto_name(mondays[-1], "170000")).touch()  # a second one that day: the older goes
    removed = prune_auto_backups(folder, mondays[-1])
    kept = names(folder)
    assert {auto_name(d) for d in mondays[-30:]} - {auto_name(mondays[-1])} <= kept
    assert auto_name(mondays[-1], "170000") in kept and auto_name(mondays[-1]) not in kept
    first_mondays = {auto_name(d) for d in mondays if d.day <= 7}
    assert kept == {auto_name(d) for d in mondays[-30:-1]} | {auto_name(mondays[-1], "170000")} | first_mondays
    assert len(removed) == 49 - len(kept)


def test_pruning_touches_only_automatic_backups(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    others = [
        "升级前备份-0001-20200101-080000.db",
        "恢复前备份-20200101-080000.db",
        "村支部台账备份-红旗村-20200101-0800.db",
        "说明.txt",
        auto_name(dt.date(2027, 1, 1)),  # dated after today: the clock was wrong once; kept
    ]
    for name in others + [auto_name(dt.date(2020, 1, 1))]:
        (folder / name).touch()
    assert prune_auto_backups(folder, dt.date(2026, 11, 27)) == []  # a lone old one is the newest day
    for day in range(1, 31):
        (folder / auto_name(dt.date(2026, 11, day))).touch()
    prune_auto_backups(folder, dt.date(2026, 11, 30))
    assert set(others) <= names(folder)
    assert auto_name(dt.date(2020, 1, 1)) not in names(folder)


def test_a_real_auto_backup_prunes_what_the_rule_drops(demo, data_dir):
    data_dir.backups.mkdir(exist_ok=True)
    recent = {auto_name(dt.date(2026, 11, 27) - dt.timedelta(days=k)) for k in range(1, 30)}
    old = {auto_name(dt.date(2024, 5, 3)), auto_name(dt.date(2025, 12, 1)), auto_name(dt.date(2025, 12, 2))}
    for name in recent | old:
        (data_dir.backups / name).touch()
    made = auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 27, 10, 0)))
    # The real one and 29 days before it are the last 30; 2025-12-01 is December's monthly one;
    # 2024-05 is more than two years back, and 2025-12-02 is neither.
    assert names(data_dir.backups) == {made.name, auto_name(dt.date(2025, 12, 1))} | recent
    assert integrity_problems(made) == [] and people(made) == 34


def test_backup_to_a_folder_is_named_verified_and_reports_progress(demo, data_dir, clock, tmp_path):
    usb = tmp_path / "U盘"
    usb.mkdir()
    steps = []
    info = make_backup(data_dir, clock, usb, lambda done, total: steps.append((done, total)))
    assert info.path == usb / "村支部台账备份-红旗村-20261127-1000.db"
    assert info.size == info.path.stat().st_size > 0
    assert info.taken == dt.datetime(2026, 11, 27, 10, 0)
    assert integrity_problems(info.path) == [] and people(info.path) == 34
    assert steps[-1][0] == steps[-1][1] and len(steps) > 1
    again = make_backup(data_dir, clock, usb)
    assert again.path.name == "村支部台账备份-红旗村-20261127-1000-2.db"
    assert names(usb) == {info.path.name, again.path.name}
    home = make_backup(data_dir, clock)
    assert home.path.parent == data_dir.backups


def test_cancelled_backup_leaves_nothing(demo, data_dir, clock, tmp_path):
    def cancel(done, total):
        raise BackupCancelled

    with pytest.raises(BackupCancelled):
        make_backup(data_dir, clock, tmp_path, cancel)
    assert [p for p in tmp_path.iterdir() if p.name != "data"] == []


def test_backup_to_a_missing_folder_is_refused(demo, data_dir, clock, tmp_path):
    with pytest.raises(UserError, match="找不到文件夹：.*请检查U盘是否插好"):
        make_backup(data_dir, clock, tmp_path / "没有这个")


def test_restore_brings_the_data_back_and_keeps_the_current_data(demo, data_dir, clock, tmp_path):
    backup = make_backup(data_dir, clock, tmp_path).path
    summary = inspect_backup(backup)
    assert summary.describe() == (
        "备份时间：2026年11月27日 10:00（最后一次改动：2026年11月27日 10:00）\n村名：红旗村\n其中有：" + summary.counts_text()
    )
    assert summary.counts_text().startswith("人员 34 人，任职记录 ")
    for row in demo.members.list_rows()[:4]:
        demo.members.delete(row.id)
    assert demo.members.count() == 30

    later = FixedClock(dt.datetime(2026, 11, 28, 15, 20))
    demo.clock = later
    result = restore_backup(demo, backup)
    reopened = open_services(data_dir, later)
    try:
        assert reopened.members.count() == 34
    finally:
        reopened.close()
    assert result.saved_current == data_dir.backups / "恢复前备份-20261128-152000.db"
    assert integrity_problems(result.saved_current) == [] and people(result.saved_current) == 30
    assert not result.was_damaged


def test_an_older_schema_is_restored_and_upgraded_when_opened(demo, data_dir, clock):
    result = restore_file(data_dir, clock, FIXTURES / "schema-0001.db")
    assert result.restored.revision == "0001"
    reopened = open_services(data_dir, clock)
    try:
        assert reopened.members.count() == 3 and reopened.profile.get().village_name == "红旗村"
    finally:
        reopened.close()


def refused_message(path, data_dir, clock) -> str:
    with pytest.raises(UserError) as err:
        restore_file(data_dir, clock, path)
    assert people(data_dir.database) == 34
    assert not data_dir.backups.exists() or not any(data_dir.backups.glob("恢复前备份-*"))
    return err.value.message


def test_files_that_are_not_good_backups_are_refused_and_nothing_changes(demo, data_dir, clock, tmp_path):
    garbage = tmp_path / "乱码.db"
    garbage.write_bytes(b"\x00\x13hello" * 500)
    assert refused_message(garbage, data_dir, clock).startswith("这个文件不是村支部台账的数据库：乱码.db")

    sheet = tmp_path / "花名册.xlsx"
    openpyxl.Workbook().save(sheet)
    renamed = sheet.rename(tmp_path / "花名册.db")
    assert "不是村支部台账的数据库" in refused_message(renamed, data_dir, clock)

    foreign = tmp_path / "别的程序.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE notes (x)")
    assert "不是村支部台账的数据库" in refused_message(foreign, data_dir, clock)

    broken = make_backup(data_dir, clock, tmp_path).path
    corrupt(broken)
    assert refused_message(broken, data_dir, clock).startswith("备份文件已损坏")

    newer = make_backup(data_dir, clock, tmp_path).path
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
        conn.commit()
    assert refused_message(newer, data_dir, clock) == (
        "这个备份由更新版本的村支部台账做成（版本标记 0999），本程序不能用它恢复：请先安装最新版本的程序，再恢复"
    )
    assert "找不到文件" in refused_message(tmp_path / "没有.db", data_dir, clock)
    assert "正在使用的数据库文件本身" in refused_message(data_dir.database, data_dir, clock)


def test_restore_is_refused_when_the_current_data_cannot_be_saved_first(demo, data_dir, clock, tmp_path):
    backup = make_backup(data_dir, clock, tmp_path).path
    demo.members.delete(demo.members.list_rows()[0].id)
    demo.close()
    data_dir.backups.write_text("a file where the backups folder should be")
    with pytest.raises(UserError, match="^备份没有做成"):
        restore_file(data_dir, clock, backup)
    assert people(data_dir.database) == 33


def test_only_an_administrator_may_restore(demo, data_dir, clock, tmp_path):
    backup = make_backup(data_dir, clock, tmp_path).path
    demo.db.actor = Actor("李文书", Role.CLERK)
    with pytest.raises(PermissionDenied, match="“录入员”账户不能恢复备份：请让管理员登录后操作"):
        restore_backup(demo, backup)
    assert demo.members.count() == 34  # still open, untouched
    assert not any(data_dir.backups.glob("恢复前备份-*"))


def test_damaged_start_finds_the_newest_good_backup_and_restores_it(demo, data_dir, tmp_path):
    auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 25, 9, 0)))
    demo.members.delete(demo.members.list_rows()[0].id)
    auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 26, 9, 0)))
    newest = auto_backup(data_dir, FixedClock(dt.datetime(2026, 11, 27, 9, 0)))
    corrupt(newest)  # the newest one is broken too: the one before it is chosen
    demo.close()
    corrupt(data_dir.database)
    clock = FixedClock(dt.datetime(2026, 11, 27, 11, 0))
    with pytest.raises(DamagedDatabaseError):
        open_database(data_dir, clock)

    found = newest_good_backup(data_dir)
    assert found.path.name == "自动备份-20261126-090000.db" and found.counts["person"] == 33
    result = restore_file(data_dir, clock, found.path)
    assert result.was_damaged
    assert result.saved_current == data_dir.backups / "损坏的数据库-20261127-110000.db"
    assert result.saved_current.read_bytes()[4096:4100] == b"\x55" * 4  # kept as it was
    db = open_database(data_dir, clock)
    db.close()
    assert people(data_dir.database) == 33
    assert newest_good_backup(data_dir).path == found.path  # the damaged copy is never offered


def test_no_good_backup_is_none(data_dir):
    assert newest_good_backup(data_dir) is None
    data_dir.backups.mkdir(parents=True)
    shutil.copy(FIXTURES / "schema-0001.db", data_dir.backups / "说明-不是备份名.db")
    assert newest_good_backup(data_dir) is None
