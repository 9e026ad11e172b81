"""`check` finds what was changed in the database behind the program's back."""

import datetime as dt
import shutil
import sqlite3
from contextlib import closing

import pytest

from app.cli.main import main
from app.clock import FixedClock

OK = "数据库完好，操作日志完整"


@pytest.fixture(scope="module")
def demo_village(tmp_path_factory):
    """The sample village, made once; each test edits its own copy."""
    data = tmp_path_factory.mktemp("demo") / "data"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("app.cli.main.SystemClock", lambda: FixedClock(dt.datetime(2026, 11, 27, 9, 30)))
        assert main(["--data-dir", str(data), "demo"]) == 0
    return data


@pytest.fixture
def village(demo_village, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(demo_village, data)
    return data


def check(data, capsys) -> tuple[int, str]:
    code = main(["--data-dir", str(data), "check"])
    out = capsys.readouterr()
    return code, out.out + out.err


def sql(data, statement: str, *params) -> None:
    with closing(sqlite3.connect(data / "taizhang.db")) as conn:
        conn.execute(statement, params)
        conn.commit()


def one(data, query: str, *params):
    with closing(sqlite3.connect(data / "taizhang.db")) as conn:
        return conn.execute(query, params).fetchone()


def test_the_untouched_village_passes(village, capsys):
    assert check(village, capsys) == (0, f"{OK}：{village / 'taizhang.db'}\n")


def test_a_name_changed_in_sql_is_found_and_named(village, capsys):
    pid, name = one(village, "SELECT id, name FROM person ORDER BY id LIMIT 1")
    sql(village, "UPDATE person SET name='冒名' WHERE id=?", pid)
    code, out = check(village, capsys)
    assert code == 1 and OK not in out
    assert f"人员“冒名”（编号 {pid}）在程序之外被改动：姓名" in out


def test_a_notice_body_changed_in_sql_is_found(village, capsys):
    nid, title = one(village, "SELECT id, title FROM notice WHERE category='党务公开' LIMIT 1")
    sql(village, "UPDATE notice SET body = body || '（补充）' WHERE id=?", nid)
    code, out = check(village, capsys)
    assert code == 1 and f"公告“{title}”（编号 {nid}）在程序之外被改动：正文" in out


def test_an_amount_changed_in_a_published_finance_notice_is_found(village, capsys):
    iid, item = one(village, "SELECT i.id, i.item FROM notice_item i JOIN notice n ON n.id = i.notice_id"
                             " WHERE n.status='已公开' LIMIT 1")
    sql(village, "UPDATE notice_item SET amount_fen = amount_fen - 100000 WHERE id=?", iid)
    code, out = check(village, capsys)
    assert code == 1 and f"财务公开明细“{item}”（编号 {iid}）在程序之外被改动：金额" in out


def test_an_item_deleted_in_sql_is_found(village, capsys):
    iid, item = one(village, "SELECT id, item FROM notice_item ORDER BY id DESC LIMIT 1")
    sql(village, "DELETE FROM notice_item WHERE id=?", iid)
    code, out = check(village, capsys)
    assert code == 1 and f"财务公开明细“{item}”（编号 {iid}）被删除了，操作日志中没有这次删除" in out


def test_a_row_added_in_sql_is_found(village, capsys):
    columns = ("gender, ethnicity, native_place, phone, address, political_status, education,"
               " education_inservice, party_group, note, photo, created_at, updated_at")
    sql(village, f"INSERT INTO person (name, {columns}) SELECT '影子', {columns} FROM person LIMIT 1")
    (pid,) = one(village, "SELECT id FROM person WHERE name='影子'")
    code, out = check(village, capsys)
    assert code == 1 and f"人员“影子”（编号 {pid}）不在操作日志中：是在程序之外加进来的" in out


def test_the_last_50_log_entries_deleted_are_found(village, capsys):
    (total,) = one(village, "SELECT count(*) FROM audit_log")
    sql(village, "DELETE FROM audit_log WHERE id > (SELECT max(id) - 50 FROM audit_log)")
    code, out = check(village, capsys)
    assert code == 1
    assert f"操作日志少了 50 条：最后的记录被删除了（应有 {total} 条，现有 {total - 50} 条）" in out


def test_cutting_the_log_and_deleting_its_head_file_is_found(village, capsys):
    sql(village, "DELETE FROM audit_log WHERE id > (SELECT max(id) - 50 FROM audit_log)")
    (village / "taizhang.db.head").unlink()
    code, out = check(village, capsys)
    assert code == 1 and "找不到操作日志的校验文件 taizhang.db.head" in out


def test_every_backup_carries_its_log_head(village, capsys):
    assert main(["--data-dir", str(village), "backup"]) == 0
    (backup,) = (village / "backups").glob("村支部台账备份-*.db")
    (total,) = one(village, "SELECT count(*) FROM audit_log")
    assert f'"entries": {total}' in (backup.parent / f"{backup.name}.head").read_text(encoding="utf-8")


def test_a_database_from_a_newer_version_says_so(village, capsys):
    sql(village, "UPDATE alembic_version SET version_num='9999'")
    code, out = check(village, capsys)
    assert code == 1 and "由更新版本的村支部台账写成（版本标记 9999" in out and "自动升级" not in out


def test_a_database_without_its_version_row_gets_a_clear_message(village, capsys):
    sql(village, "DELETE FROM alembic_version")
    code, out = check(village, capsys)
    assert code == 1 and "这个文件没有版本标记" in out and "Traceback" not in out


@pytest.mark.parametrize("version", ["0001", "0002", "0003", "0006"])
def test_a_file_from_every_older_version_passes_after_the_upgrade(version, tmp_path, capsys):
    """Data from before the log (0001, 0002) is recorded once as the log's starting point."""
    from pathlib import Path

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(Path(__file__).parents[1] / "fixtures" / f"schema-{version}.db", data / "taizhang.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("app.cli.main.SystemClock", lambda: FixedClock(dt.datetime(2026, 11, 27, 9, 30)))
        assert main(["--data-dir", str(data), "due"]) == 0  # any command opens and upgrades it
    capsys.readouterr()
    assert check(data, capsys)[0] == 0
    sql(data, "UPDATE person SET name = name || '改' WHERE id = (SELECT min(id) FROM person)")
    code, out = check(data, capsys)
    assert code == 1 and "在程序之外被改动：姓名" in out
