"""The village services on the township's copy of one village, read-only: the same code the village runs."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.context import Services
from app.services.members.member_types import MemberRow, TeamSummary
from app.services.members.team import team_on
from app.services.safety.actor import Actor, Role
from app.services.township.town_store import TownStore, VillageRow
from app.services.township.village_standing import Standing, read_standing
from app.services.workbench.workbench_types import Figures


log = logging.getLogger(__name__)


class ReadOnlyCopy(Exception):
    """Something tried to write to a village's copy at the township."""


class UnreadableVillage(Exception):
    """A village's copy holds records its own services cannot count (a database edited behind the
    village program's back, then signed and sent): that village is named, the others are counted."""


@contextmanager
def _counting(village: VillageRow) -> Iterator[None]:
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - whatever one village's odd records raise, the township goes on
        log.exception("%s（%s）第%s号数据包的记录无法统计", village.name, village.code, village.sequence)
        raise UnreadableVillage(village.name) from exc


def _refuse_writes(_session, _changes) -> None:  # noqa: ANN001
    raise ReadOnlyCopy("the township's copy of a village is read-only")


# Who reads a village's copy at the township: may look and print, never change.
TOWN_READER = Actor("乡镇查阅", Role.VIEWER)


def open_village(store: TownStore, code: str, clock: Clock) -> Services:
    """Services on the copy of ``code``, as TOWN_READER; any write raises (the copy changes only by import)."""
    db = store.copies.open(code)
    db.add_change_listener(_refuse_writes)
    services = Services(DataDir(store.villages_dir / code), db, clock)
    services.act_as(TOWN_READER)
    return services


def reported_village(store: TownStore, code: str) -> VillageRow:
    """The registered village ``code`` that has reported; UserError saying which is not."""
    from app.services.common.errors import UserError

    found = store.villages(code.strip())
    if not found:
        raise UserError(f"没有登记区划代码为 {code} 的村：用 town villages 查看各村的代码")
    if found[0].sequence is None:
        raise UserError(f"{found[0].name}还没有上报过数据包，没有台账可打印")
    return found[0]


@dataclass(frozen=True)
class VillageFacts:
    """What the analysis needs of one village, read once."""

    code: str
    name: str
    members: tuple[MemberRow, ...]  # in office on ``day``
    team: TeamSummary
    figures: Figures | None  # None: no package yet, no term entered (term analysis), or unreadable
    day: dt.date
    standing: Standing | None = None  # None when figures is None
    unreadable: bool = False  # reported, but its records could not be counted (UnreadableVillage)


def counted_until(clock: Clock, year: int | None) -> dt.date:
    """The day ``year``'s figures are counted up to: today, or the last day of a year gone by."""
    return clock.today() if year is None or year >= clock.today().year else dt.date(year, 12, 31)


def read_facts(store: TownStore, village: VillageRow, clock: Clock, year: int | None) -> VillageFacts:
    """``year`` None: the 届中 figures of the village's current term."""
    day = counted_until(clock, year)
    if village.sequence is None:
        return _nothing_counted(village, day, unreadable=False)
    services = open_village(store, village.code, clock)
    try:
        with _counting(village):
            rows = services.members.list_rows()
            team = team_on(rows, day)
            in_office = tuple(r for r in rows if any(p.active_on(day) for p in r.all_posts))
            figures = _figures(services, year)
            standing = read_standing(services, figures.first, figures.last) if figures else None
    except UnreadableVillage:
        return _nothing_counted(village, day, unreadable=True)
    finally:
        services.close()
    return VillageFacts(village.code, village.name, in_office, team, figures, day, standing)


def _nothing_counted(village: VillageRow, day: dt.date, *, unreadable: bool) -> VillageFacts:
    """A village with no package yet, or (``unreadable``) one whose records could not be counted."""
    return VillageFacts(village.code, village.name, (), team_on([], day), None, day, None, unreadable)


def read_ledgers(store: TownStore, village: VillageRow, clock: Clock, year: int) -> tuple[Figures, Standing] | None:
    """The workbench figures and the standing of a reported village (the matrix needs no more);
    UnreadableVillage when its records cannot be counted."""
    services = open_village(store, village.code, clock)
    try:
        with _counting(village):
            figures = _figures(services, year)
            return (figures, read_standing(services, figures.first, figures.last)) if figures else None
    finally:
        services.close()


def _figures(services: Services, year: int | None) -> Figures | None:
    """None when the term figures are asked for and no term is entered."""
    from app.services.common.errors import UserError

    try:
        return services.workbench.term_figures() if year is None else services.workbench.year_figures(year)
    except UserError:
        return None
