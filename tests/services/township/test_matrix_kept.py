"""The matrix's rows are worked out at import and kept: the window shows them without reading the
villages' copies again, and never shows a row the package, the day or the program has moved past."""

import datetime as dt

from sqlalchemy import delete, text

from app.clock import FixedClock
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MeetingData
from app.services.township import matrix
from app.services.township.matrix import overview
from app.services.township.package_import import import_package
from db.models.township import TownMatrixCells
from tests.services.township.villages import registered, town, village  # noqa: F401 - fixtures

BRANCH = Kind.BRANCH_COMMITTEE.value
# The villages here begin their records on 27 November: December's meetings fall due by its last day.
NEW_YEARS_EVE = dt.datetime(2026, 12, 31, 9)


def worked_out_afresh(store, clock):
    with store.session() as s, s.begin():
        s.execute(delete(TownMatrixCells))
    return overview(store, clock, 2026)


def copies_not_read(monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("the matrix read a village's copy again")

    monkeypatch.setattr(matrix, "read_ledgers", refuse)


def branch_cell(shown) -> str:
    return shown.rows[0][1][shown.columns.index(BRANCH)]


def test_after_an_import_the_matrix_shows_without_reading_the_copies(registered, village, clock, monkeypatch):  # noqa: F811
    clock.moment = NEW_YEARS_EVE
    import_package(registered, village.package(), clock)
    import_package(registered, village.package(), clock)  # the next package, its row kept at import
    copies_not_read(monkeypatch)
    shown = overview(registered, clock, 2026)
    monkeypatch.undo()
    assert shown == worked_out_afresh(registered, clock)
    assert branch_cell(shown) == "缺1次"


def test_a_later_day_counts_again(registered, village, clock, monkeypatch):  # noqa: F811
    import_package(registered, village.package(), clock)
    shown = overview(registered, clock, 2026)
    assert shown == worked_out_afresh(registered, clock)
    assert branch_cell(shown) == "达标"
    new_years_eve = FixedClock(NEW_YEARS_EVE)
    later = overview(registered, new_years_eve, 2026)
    assert branch_cell(later) == "缺1次", "December's meeting is now due"
    assert later == worked_out_afresh(registered, new_years_eve)
    copies_not_read(monkeypatch)
    assert overview(registered, new_years_eve, 2026) == later, "kept for the rest of that day"


def test_a_new_package_replaces_the_kept_row(registered, village, clock):  # noqa: F811
    clock.moment = NEW_YEARS_EVE
    import_package(registered, village.package(), clock)
    assert branch_cell(overview(registered, clock, 2026)) == "缺1次"
    for day in (dt.date(2026, 11, 27), dt.date(2026, 12, 3)):  # the month the records begin in counts too
        village.services.meetings.save(MeetingData(kinds=[BRANCH], topic="研究冬季防火工作", date=day))
    import_package(registered, village.package(), clock)
    shown = overview(registered, clock, 2026)
    assert shown == worked_out_afresh(registered, clock)
    assert branch_cell(shown) == "达标"


def test_a_row_kept_by_another_version_of_the_program_is_worked_out_again(registered, village, clock):  # noqa: F811
    import_package(registered, village.package(), clock)
    right = overview(registered, clock, 2026)
    with registered.session() as s, s.begin():
        row = s.get(TownMatrixCells, (village.code, "2026"))
        row.program, row.cells = "0.0.1", '[["支部委员会会议", "达标"]]'
    assert overview(registered, clock, 2026) == right


def test_when_the_rows_cannot_be_kept_the_matrix_still_shows(registered, village, clock, caplog):  # noqa: F811
    with registered.engine.begin() as conn:  # as a full disk would: every write to the table fails
        conn.execute(text(_REFUSE[registered.engine.dialect.name]))
    import_package(registered, village.package(), clock)
    assert "were not kept" in caplog.text
    clock.moment = NEW_YEARS_EVE
    assert branch_cell(overview(registered, clock, 2026)) == "缺1次"


_REFUSE = {
    "sqlite": "CREATE TRIGGER refuse_writes BEFORE INSERT ON town_matrix_cells BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    "postgresql": "ALTER TABLE town_matrix_cells ADD CONSTRAINT refuse_writes CHECK (false) NOT VALID",
}


def test_a_failure_working_out_the_row_does_not_undo_the_import(registered, village, clock, monkeypatch, caplog):  # noqa: F811
    from app.services.township import package_import

    def broken(*_args):
        raise RuntimeError("figures went wrong")

    monkeypatch.setattr(package_import, "keep_village_row", broken)
    assert import_package(registered, village.package(), clock).result == "已导入"
    assert "the matrix row of 430124105201 was not worked out at import" in caplog.text
    monkeypatch.undo()
    assert registered.villages()[0].sequence == 1
    assert branch_cell(overview(registered, clock, 2026)) == "达标", "the window works the row out itself"
