"""The matrix's rows kept in the township's tables (TownMatrixCells), so the window opens without
reading every village's copy again.

A kept row is used only while everything it was worked out from is the same: the package in the
copy, the year, the day it was counted up to, and the program's version. Keeping is a help,
not a record: when it cannot be written (a full disk, another staff member writing the same row
on a shared database) the matrix is still shown, worked out, and the next opening tries again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.services.township.town_store import TownStore, VillageRow
from db.models.township import TownMatrixCells

log = logging.getLogger(__name__)


# Raised whenever the matrix's columns or their wording change, so rows kept before are worked out again.
CELLS_REVISION = 3


def _program() -> str:
    from app import __version__

    return f"{__version__}+cells{CELLS_REVISION}"


def kept_cells(store: TownStore, period: str, day: dt.date, villages: list[VillageRow]) -> dict[str, dict[str, str]]:
    """The kept rows still good for ``villages``, by village code."""
    wanted = {v.code: v.package_hash for v in villages}
    program = _program()
    with store.session() as s:
        rows = s.scalars(select(TownMatrixCells).where(TownMatrixCells.period == period))
        return {r.village_code: dict(json.loads(r.cells)) for r in rows
                if r.day == day and r.program == program and wanted.get(r.village_code, None) == r.package_hash}


def keep_cells(store: TownStore, period: str, day: dt.date, worked_out: list[tuple[VillageRow, dict[str, str]]]) -> None:
    if not worked_out:
        return
    program = _program()
    try:
        with store.session() as s, s.begin():
            for village, cells in worked_out:
                s.merge(TownMatrixCells(village_code=village.code, period=period, day=day,
                                        package_hash=village.package_hash, program=program,
                                        cells=json.dumps(list(cells.items()), ensure_ascii=False)))
    except SQLAlchemyError as exc:
        log.warning("the matrix rows of %d villages were not kept: %s", len(worked_out), exc)
