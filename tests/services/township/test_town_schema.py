"""The township's own tables are brought up to this version when opened, keeping every row; a newer one is refused."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app.services.common.errors import UserError
from app.services.township.town_store import TownStore
from db.models.township import TOWN_SCHEMA_VERSION, TownPackage
from tests.services.township.villages import town  # noqa: F401 - fixture

# town.db as the previous version made it (`town demo`, 12 villages), package numbers unique per village.
VERSION_1 = Path(__file__).resolve().parents[2] / "fixtures" / "town-schema-1.db"
TABLES = ("town_village", "town_package", "town_import_log")


def _rows(path: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def _a_second_package_numbered_one(store: TownStore) -> None:
    """As a confirmed fork is recorded: the same village, a number already taken."""
    first = store.last_package("430124105201")
    with store.session() as s, s.begin():
        s.add(TownPackage(**{c.key: getattr(first, c.key) for c in TownPackage.__table__.columns
                             if c.key not in ("id", "package_hash")}, package_hash="f" * 64))


def test_a_township_file_of_the_previous_version_opens_with_every_row_kept(tmp_path):
    root = tmp_path / "乡镇 数据"
    root.mkdir()
    shutil.copyfile(VERSION_1, root / "town.db")
    before = _rows(root / "town.db")
    store = TownStore(root)
    try:
        assert [v.sequence for v in store.villages()] == [1] * 11 + [None]  # the demo has one village yet to report
        assert store.info().schema_version == TOWN_SCHEMA_VERSION
        assert inspect(store.engine).has_table("town_matrix_cells"), "a table added since appears by itself"
        _a_second_package_numbered_one(store)
        assert store.last_package("430124105201").package_hash == "f" * 64
    finally:
        store.close()
    after = _rows(root / "town.db")
    assert after["town_package"][:-1] == before["town_package"] and len(after["town_package"]) == 12
    assert (after["town_village"], after["town_import_log"]) == (before["town_village"], before["town_import_log"])
    again = TownStore(root)  # a second open has nothing left to do
    assert again.info().schema_version == TOWN_SCHEMA_VERSION
    again.close()


def test_a_postgresql_township_of_the_previous_version_loses_the_unique_number(pg_url, tmp_path):
    store = TownStore.init(tmp_path / "town", "白沙镇", "430124105", db_url=pg_url)
    with store.engine.begin() as conn:  # as the previous version made it
        conn.execute(text("ALTER TABLE town_package ADD CONSTRAINT town_package_village_code_sequence_key "
                          "UNIQUE (village_code, sequence)"))
        conn.execute(text("UPDATE town_info SET schema_version = 1"))
    store.close()
    store = TownStore(tmp_path / "town", db_url=pg_url)
    try:
        assert store.info().schema_version == TOWN_SCHEMA_VERSION
        with store.engine.connect() as conn:
            uniques = [u["column_names"] for u in inspect(conn).get_unique_constraints("town_package")]
        assert uniques == [["package_hash"]]
    finally:
        store.close()


def test_a_township_made_by_a_newer_version_is_refused_and_left_alone(town, tmp_path):  # noqa: F811
    with town.engine.begin() as conn:
        conn.execute(text("UPDATE town_info SET schema_version = 99"))
    town.close()
    with pytest.raises(UserError) as caught:
        TownStore(town.root, db_url=town.db_url)
    assert caught.value.message == ("这份乡镇数据由更新版本的村支部台账建立（数据版本 99，本程序认识到 "
                                    f"{TOWN_SCHEMA_VERSION}），没有打开，也没有改动：请把本程序升级到最新版本后再打开")
    with town.engine.connect() as conn:  # a disposed engine connects again when asked
        assert conn.execute(text("SELECT schema_version FROM town_info")).scalar() == 99
