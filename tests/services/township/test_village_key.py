"""The village's key pair and area code: made at first start and on upgrade, private, in backups, never exported."""

import shutil
import sqlite3
import stat
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from app.services.common.datastore import open_database
from app.services.common.errors import ValidationFailed
from app.services.common.profile import Profile, ProfileService
from app.services.safety.backups import make_backup
from app.services.township.village_key import fingerprint, public_key, read_card
from tests.services.township.villages import village  # noqa: F401 - fixture

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def stored_key(path: Path) -> tuple[str, str]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT private_key, public_key FROM village_key").fetchone()


def test_first_start_makes_one_key_pair_in_a_file_private_to_the_user(db, data_dir, clock):
    private, public = stored_key(data_dir.database)
    assert len(bytes.fromhex(private)) == 32 and len(bytes.fromhex(public)) == 32
    assert stat.S_IMODE(data_dir.database.stat().st_mode) == 0o600
    db.close()
    again = open_database(data_dir, clock)  # a second start keeps the same key
    assert stored_key(data_dir.database) == (private, public)
    again.close()


def test_an_old_database_gets_a_key_on_upgrade(data_dir, clock):
    data_dir.root.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "schema-0007.db", data_dir.database)
    db = open_database(data_dir, clock)
    assert len(public_key(db)) == 32
    assert ProfileService(db).get().area_code == ""
    db.close()


def test_the_key_is_in_every_backup_and_not_in_the_log(db, data_dir, clock):
    private, _ = stored_key(data_dir.database)
    backup = make_backup(data_dir, clock).path
    assert stored_key(backup)[0] == private
    with closing(sqlite3.connect(data_dir.database)) as conn:
        logged = " ".join(r[0] + r[1] for r in conn.execute("SELECT before, after FROM audit_log"))
    assert private not in logged


def test_the_private_key_never_leaves_in_a_package_or_a_key_file(village, tmp_path):
    private, public = stored_key(village.services.data_dir.database)
    package = village.package()
    with zipfile.ZipFile(package) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
        assert "tables/village_key.jsonl" not in archive.namelist()
    assert private.encode() not in everything and bytes.fromhex(private) not in everything
    card = read_card(village.key())
    assert card.public_key.hex() == public and private not in village.key().read_text(encoding="utf-8")
    assert (card.village_code, card.village_name) == ("430124105201", "红旗村")
    assert ProfileService(village.services.db).key_fingerprint() == fingerprint(card.public_key)


@pytest.mark.parametrize("code, says", [
    ("43012410520", "统计用区划代码应是12位数字（现在是“43012410520”，11位）"),
    ("4301241052O1", "应是12位数字"),
    ("990124105201", "前两位“99”不是省级代码"),
    ("430124000201", "第7–9位是乡镇，不能是000"),
    ("430124105000", "末三位是村（社区），不能是000：这是乡镇的代码"),
])
def test_a_wrong_area_code_is_refused_next_to_its_field(db, code, says):
    with pytest.raises(ValidationFailed) as refused:
        ProfileService(db).save(Profile("红旗村", area_code=code))
    assert says in refused.value.problems["area_code"]
    assert ProfileService(db).get() is None


def test_the_area_code_is_saved_without_spaces(db):
    assert ProfileService(db).save(Profile("红旗村", area_code=" 430124 105201 ")).area_code == "430124105201"
    assert ProfileService(db).get().area_code == "430124105201"


def test_the_township_keeps_its_files_private(tmp_path):
    from app.services.township.town_store import TownStore

    store = TownStore.init(tmp_path / "town", "白沙镇")
    assert stat.S_IMODE((tmp_path / "town").stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.close()
