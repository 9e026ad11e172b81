"""The same packages on both engines: the same copies, the same list of villages, matrix and analysis figures."""

from dataclasses import replace

import pytest

from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import command_line_actor
from app.services.township.analysis import analyse, problem_line
from app.services.township.matrix import overview
from app.services.township.package_import import TAKEN, import_package
from app.services.township.town_store import TownStore
from app.services.township.village_key import read_card
from tests.services.township.villages import Village, copy_rows

SAMPLE, SECOND = "430124105201", "430124105202"


@pytest.fixture
def both(tmp_path, clock, pg_url):
    """A SQLite and a PostgreSQL township, each given the sample village and a second, smaller village."""
    sample = Village.__new__(Village)
    sample.root, sample.name, sample.code, sample.clock, sample.exported = tmp_path, "红旗村", SAMPLE, clock, 0
    sample.services = open_services(DataDir(tmp_path / "sample"), clock)
    sample.services.act_as(command_line_actor())
    fill_sample_village(sample.services)
    sample.services.profile.save(replace(sample.services.profile.get(), area_code=SAMPLE))
    second = Village(tmp_path / "b", "向阳村", SECOND, clock)
    stores = [TownStore.init(tmp_path / "town-sqlite", "白沙镇", "430124105"),
              TownStore.init(tmp_path / "town-pg", "白沙镇", "430124105", db_url=pg_url)]
    packages = [sample.package(), second.package()]
    for store in stores:
        for made in (sample, second):
            store.register(read_card(made.key()), clock.now())
        assert [import_package(store, p, clock).result for p in packages] == [TAKEN, TAKEN]
    yield stores
    for closing in (*stores, sample, second):
        closing.close()


def test_the_copies_hold_the_same_rows_on_both_engines(both):
    lite, pg = both
    for code in (SAMPLE, SECOND):
        rows = copy_rows(lite, code)
        assert copy_rows(pg, code) == rows
    assert len(rows["person"]) == 1 and sum(map(len, copy_rows(lite, SAMPLE).values())) > 5000


def test_villages_matrix_and_analysis_agree_on_both_engines(both, clock):
    lite, pg = both
    assert pg.villages() == lite.villages() and [v.name for v in pg.villages()] == ["红旗村", "向阳村"]
    assert overview(pg, clock, 2026) == overview(lite, clock, 2026)
    matrix = overview(pg, clock, 2026)
    assert len(matrix.columns) >= 5 and matrix.rows[0][0] == "红旗村"
    for year in (2026, 2025, None):
        expected = analyse(lite, clock, year)
        found = analyse(pg, clock, year)
        assert found.figures == expected.figures and found.problems == expected.problems
    figures = dict(analyse(pg, clock, 2026).figures)
    assert {"班子结构", "三会一课等组织生活", "三公开"} <= set(figures)
    assert any(row.value != "0/0期" for row in figures["三公开"])
    assert [problem_line(p) for p in analyse(pg, clock, 2026).problems]  # the sample misses some meetings


def test_the_postgresql_copy_numbers_on_after_the_rows_it_holds(both):
    """As SQLite's rowid would: a row added to a copy (none is, today) would not take an id in use."""
    _lite, pg = both
    with pg.engine.connect() as conn:
        for table in ("person", "meeting", "audit_log"):
            top = conn.exec_driver_sql(f'SELECT max(id) FROM "v_{SAMPLE}"."{table}"').scalar()
            following = conn.exec_driver_sql(f"SELECT nextval(pg_get_serial_sequence('\"v_{SAMPLE}\".\"{table}\"', 'id'))").scalar()
            assert top > 0 and following == top + 1


def test_the_postgresql_copy_has_every_foreign_key_of_the_village_tables(both):
    """Added after the rows (NOT VALID: the SQLite copy was checked), they still describe the tables."""
    from db.models import Base

    _lite, pg = both
    expected = sum(len(t.foreign_key_constraints) for t in Base.metadata.sorted_tables)
    with pg.engine.connect() as conn:
        found = conn.exec_driver_sql(f"SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                                     f"AND connamespace = '\"v_{SAMPLE}\"'::regnamespace").scalar()
    assert expected > 20 and found == expected
