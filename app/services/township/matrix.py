"""The villages × requirements matrix of the township window: one row a village, gaps in words.

Each column group is one small function of a village's figures (MATRIX_COLUMNS): a ledger added
later adds its function here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.clock import Clock
from app.services.township.town_store import TownStore, VillageRow
from app.services.township.matrix_cache import keep_cells, kept_cells
from app.services.township.village_reads import counted_until, read_figures
from app.services.workbench.workbench_types import Figures

NOT_REPORTED = "未上报"


def meeting_cells(figures: Figures) -> list[tuple[str, str]]:
    bars = figures.meetings
    return [(b.label, "达标" if b.done >= b.due else f"缺{b.due - b.done}次") for b in bars]


def notice_cells(figures: Figures) -> list[tuple[str, str]]:
    bars = figures.notices
    return [(f"{b.label}按期", "按期" if b.done >= b.due else f"逾期{b.due - b.done}期") for b in bars]


def matter_cells(figures: Figures) -> list[tuple[str, str]]:
    bars = figures.matters
    total = max((b.due for b in bars), default=0)
    last = bars[-1].done if bars else 0
    return [("四议两公开", f"{total}件，办结{last}件，在办{total - last}件" if total else "无事项")]


MATRIX_COLUMNS: list[Callable[[Figures], list[tuple[str, str]]]] = [meeting_cells, notice_cells, matter_cells]


@dataclass(frozen=True)
class Overview:
    town: str
    villages: tuple[VillageRow, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (village name, cell per column)


def village_cells(store: TownStore, village: VillageRow, clock: Clock, year: int) -> dict[str, str]:
    """One village's row, worked out from its copy: column -> words."""
    if village.sequence is None:
        return {}
    figures = read_figures(store, village, clock, year)
    return dict(cell for column in MATRIX_COLUMNS for cell in column(figures)) if figures else {}


def keep_village_row(store: TownStore, code: str, clock: Clock) -> None:
    """After an import: work out the village's row for this year now, so the window need not."""
    [village] = store.villages(code)
    year = clock.today().year
    keep_cells(store, str(year), counted_until(clock, year), [(village, village_cells(store, village, clock, year))])


def overview(store: TownStore, clock: Clock, year: int,
             progress: Callable[[int, int], None] | None = None) -> Overview:
    """The matrix of ``year``: rows kept at import used as they are, the others worked out (and kept);
    ``progress(done, total)`` is told before each village worked out."""
    villages = store.villages()
    period, day = str(year), counted_until(clock, year)
    kept = kept_cells(store, period, day, villages)
    to_work_out = [v for v in villages if v.code not in kept and v.sequence is not None]
    worked_out = []
    for done, village in enumerate(to_work_out):
        if progress is not None:
            progress(done, len(to_work_out))
        worked_out.append((village, village_cells(store, village, clock, year)))
    keep_cells(store, period, day, worked_out)
    found_by_code = kept | {v.code: cells for v, cells in worked_out}
    cells = [(v, found_by_code.get(v.code, {})) for v in villages]
    columns: list[str] = []
    for _village, found in cells:
        columns += [c for c in found if c not in columns]
    rows = tuple((v.name, tuple(found.get(c, NOT_REPORTED if v.sequence is None else "—") for c in columns))
                 for v, found in cells)
    return Overview(store.info().name, tuple(villages), tuple(columns), rows)
