import sqlite3
from pathlib import Path

import pytest
from conftest import person

from app.services.common.datastore import open_database
from app.services.common.errors import UserError
from db.backup import backup_to, integrity_problems
from db.migrate import head_revision

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_pragmas_are_set_on_every_connection(db):
    with db.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_failed_write_leaves_nothing_half_done(db, members):
    members.save(person("张三", "党支部书记"))
    with pytest.raises(RuntimeError), db.write() as s:
        from db.models import Person

        s.get(Person, 1).name = "改过的名字"
        s.flush()
        raise RuntimeError("power cut in the middle")
    assert [r.name for r in members.list_rows()] == ["张三"]


def test_a_newer_database_is_refused(data_dir, clock, db):
    db.close()
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    with pytest.raises(UserError) as err:
        open_database(data_dir, clock)
    assert "这个数据库由更新版本的村支部台账创建" in err.value.message


def test_a_damaged_database_is_not_opened(data_dir, clock, db, members):
    members.save(person("张三"))
    db.close()
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data_dir.database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 1000)
    with pytest.raises(UserError) as err:
        open_database(data_dir, clock)
    assert "数据库文件已损坏" in err.value.message and "请从备份恢复" in err.value.message


def test_backup_copies_uncheckpointed_data_and_verifies(db, members, data_dir, tmp_path):
    members.save(person("张三"))
    target = backup_to(data_dir.database, tmp_path / "copy.db")
    assert integrity_problems(target) == []
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT name FROM person").fetchall() == [("张三",)]


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.name)
def test_every_released_schema_upgrades_with_its_data(fixture, tmp_path, clock):
    from app.data_dir import DataDir
    from app.services.members.members import MemberService

    data_dir = DataDir(tmp_path / "d")
    data_dir.root.mkdir()
    data_dir.database.write_bytes(fixture.read_bytes())
    with sqlite3.connect(data_dir.database) as conn:
        before = conn.execute("SELECT id, name, id_number FROM person ORDER BY id").fetchall()
    db = open_database(data_dir, clock)
    try:
        rows = MemberService(db, clock).list_rows()
        assert sorted((r.id, r.name, r.values["id_number"]) for r in rows) == before
        with db.read() as s:
            conn = s.connection()
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()


def test_meetings_written_before_the_words_index_are_found_after_upgrading(tmp_path, clock):
    """Schema 0007 indexes every meeting already in the file, so search finds old records."""
    from app.data_dir import DataDir
    from app.services.meetings.meetings import MeetingService

    data_dir = DataDir(tmp_path / "d")
    data_dir.root.mkdir()
    data_dir.database.write_bytes((FIXTURES / "schema-0006.db").read_bytes())
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("INSERT INTO meeting (topic, date, start_time, end_time, place, party_group, agenda, minutes,"
                     " resolution, observers, note, created_at, updated_at) VALUES ('研究鱼塘承包', '2024-03-05',"
                     " '', '', '', '', '', '讨论村规民约', '', '', '', '2024-03-05 09:00:00', '2024-03-05 09:00:00')")
    db = open_database(data_dir, clock)
    try:
        service = MeetingService(db, clock, data_dir.attachments)
        assert [r.topic for r in service.list_rows(text="鱼")] == ["研究鱼塘承包"]
        assert [r.topic for r in service.list_rows(text="民约")] == ["研究鱼塘承包"]
    finally:
        db.close()


def test_fixtures_exist_for_the_current_schema():
    assert (FIXTURES / f"schema-{head_revision()}.db").exists(), "add a fixture DB for each released schema"


def test_schema_head_constant_matches_the_migrations():
    from db.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()
