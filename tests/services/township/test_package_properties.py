"""Properties of the package: every table comes back as it left, and no byte of the file can change unnoticed."""

import sqlite3
from contextlib import closing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.demo_village import fill_sample_village
from app.services.common.profile import Profile
from app.services.members.member_types import PersonData
from app.services.township.package_format import exported_tables
from app.services.township.package_import import TAKEN, import_package
from app.services.township.package_reader import ImportRefused
from app.services.township.village_key import read_card
from db.audit import chain_problems
from app.services.township.town_store import TownStore
from tests.services.township.villages import Village, registered, village  # noqa: F401 - fixtures

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def town(tmp_path):
    """The package's own properties, compared as the raw rows of a SQLite copy (both engines: test_engines.py)."""
    store = TownStore.init(tmp_path / "town", "白沙镇", "430124105")
    yield store
    store.close()


def snapshot(village, tmp_path):
    """The village database as the package is made from it (the export then notes its number)."""
    target = tmp_path / "before-export.db"
    target.unlink(missing_ok=True)
    with closing(sqlite3.connect(village.services.data_dir.database)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def table_rows(path, table: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def test_every_table_of_the_sample_village_comes_back_as_it_left(town, tmp_path, clock):
    sample = Village.__new__(Village)
    sample.root, sample.name, sample.clock, sample.exported = tmp_path, "红旗村", clock, 0
    sample.services = open_services(DataDir(tmp_path / "sample"), clock)
    fill_sample_village(sample.services)
    town.register(read_card(sample.key()), clock.now())
    before = snapshot(sample, tmp_path)
    assert import_package(town, sample.package(), clock).result == TAKEN
    copy = town.copies.path("430124105201")
    compared = 0
    for table in exported_tables():
        original = table_rows(before, table.name)
        assert table_rows(copy, table.name) == original, table.name
        compared += len(original)
    assert compared > 5000 and chain_problems(copy) == []  # the log's hash chain still holds at the township
    sample.close()


names = st.text(st.sampled_from("张王李赵𠮷䶮堃喆昇淼犇赟燚镕玥·"), min_size=2, max_size=6).filter(lambda n: n.strip("·"))


@SLOW
@given(name=names, note=st.text(max_size=60))
def test_any_text_a_record_holds_travels_unchanged(registered, village, tmp_path, clock, name, note):
    village.services.members.save(PersonData(values={"name": name, "note": note}))
    before = snapshot(village, tmp_path)
    assert import_package(registered, village.package(), clock).result == TAKEN
    copy = registered.copies.path("430124105201")
    for table in ("person", "audit_log", "village_profile", "app_meta"):
        assert table_rows(copy, table) == table_rows(before, table)


@SLOW
@given(data=st.data())
def test_any_changed_byte_is_refused(registered, village, tmp_path, clock, data):
    path = tmp_path / "p.tzpkg"
    if not path.exists():
        village.package(path.name)
    original = path.read_bytes()
    at = data.draw(st.integers(0, len(original) - 1))
    flip = data.draw(st.integers(1, 255))
    bad = tmp_path / "bad.tzpkg"
    bad.write_bytes(original[:at] + bytes([original[at] ^ flip]) + original[at + 1:])
    try:
        import_package(registered, bad, clock)
    except ImportRefused as refused:
        assert "没有导入" in refused.message
    else:
        raise AssertionError(f"byte {at} changed and the package was taken")
    assert not registered.copies.path("430124105201").exists()


def test_the_profile_with_its_code_travels(registered, village, clock):
    village.services.profile.save(Profile("红旗村", "白沙镇", supervision_phone="0731-84561234", area_code="430124105201"))
    import_package(registered, village.package(), clock)
    assert table_rows(registered.copies.path("430124105201"), "village_profile")[0][1:] == (
        "红旗村", "白沙镇", "中共红旗村支部委员会", "红旗村村民委员会", "0731-84561234", "430124105201")
