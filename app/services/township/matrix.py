"""The villages × requirements matrix of the township window: one row a village, gaps in words.

Each column group is one small function of a village's figures and standing (MATRIX_COLUMNS): a
ledger added later adds its function here. A gap is written so that its words start the cell
(缺 / 逾期 / 未 / 不健全), which is what the window marks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.clock import Clock
from app.services.township.town_store import TownStore, VillageRow
from app.services.township.matrix_cache import keep_cells, kept_cells
from app.services.township.village_reads import UnreadableVillage, counted_until, read_ledgers
from app.services.township.village_standing import Standing
from app.services.workbench.workbench_types import Figures

NOT_REPORTED = "未上报"
UNREADABLE = "未能统计（数据有误）"  # the village's records could not be counted: see the log
GAP_WORDS = ("缺", "逾期", "未", "不健全")  # a cell that starts so is a gap (the window marks it red too)
Cells = list[tuple[str, str]]


def is_gap(text: str) -> bool:
    return text.startswith(GAP_WORDS)


def meeting_cells(figures: Figures, _standing: Standing) -> Cells:
    bars = figures.meetings
    return [(b.label, "达标" if b.done >= b.due else f"缺{b.due - b.done}次") for b in bars]


def notice_cells(figures: Figures, _standing: Standing) -> Cells:
    bars = figures.notices
    return [(f"{b.label}按期", "按期" if b.done >= b.due else f"逾期{b.due - b.done}期") for b in bars]


def matter_cells(figures: Figures, _standing: Standing) -> Cells:
    """By the step each matter has reached: “5件：办结2件；在办3件（决议公开1、提议2）”."""
    bars = figures.matters
    total = bars[-1].due if bars else 0
    if not total:
        return [("四议两公开", "无事项")]
    finished, open_steps = bars[-1].done, [b for b in bars[:-1] if b.done]
    text = f"{total}件：办结{finished}件"
    if open_steps:
        text += f"；在办{total - finished}件（{'、'.join(f'{b.label}{b.done}' for b in reversed(open_steps))}）"
    return [("四议两公开", text)]


def rectification_cells(_figures: Figures, standing: Standing) -> Cells:
    counts = standing.rectification
    if not counts.items:
        return [("整改完成率", "无整改问题")]
    if not counts.closable:
        return [("整改完成率", f"长期坚持{counts.ongoing}个")]
    text = f"完成率{counts.rate}（销号{counts.closed}/{counts.closable}个）"
    return [("整改完成率", f"逾期{counts.overdue}个，{text}" if counts.overdue else text)]


def plan_cells(_figures: Figures, standing: Standing) -> Cells:
    plan = standing.plans[-1] if standing.plans else None
    if plan is None or not plan.made:
        return [("党建计划", "未制定")]
    gaps = [f"未完成{plan.not_done}项"] * bool(plan.not_done) + ["未经会议通过"] * (not plan.adopted)
    if gaps:
        return [("党建计划", f"{'，'.join(gaps)}（共{plan.items}项）")]
    not_due = plan.items - plan.done
    return [("党建计划", f"完成{plan.done}/{plan.items}项" + (f"（{not_due}项未到期）" if not_due else ""))]


def duty_cells(_figures: Figures, standing: Standing) -> Cells:
    duty = standing.duties[-1] if standing.duties else None
    if duty is None or not duty.made:
        return [("主体责任清单", "未建立")]
    gaps = ([f"逾期未完成{duty.not_done}项"] * bool(duty.not_done)
            + [f"未签责任书{duty.members - duty.signed}份"] * (duty.signed < duty.members))
    return [("主体责任清单", "，".join(gaps) if gaps else f"已建立（{duty.tasks}项）")]


def body_cells(_figures: Figures, standing: Standing) -> Cells:
    unsound = standing.unsound_bodies
    if not unsound:
        return [("群团组织", "健全" if standing.mass_bodies else "未设立")]
    return [("群团组织", "不健全：" + "、".join(p for b in unsound for p in b.missing) + "空缺")]


MATRIX_COLUMNS: list[Callable[[Figures, Standing], Cells]] = [
    meeting_cells, notice_cells, matter_cells, rectification_cells, plan_cells, duty_cells, body_cells]


YEARS_BACK = 9  # the window offers this year and up to nine before it


def years_offered(villages: tuple[VillageRow, ...] | list[VillageRow], today: dt.date) -> list[int]:
    """The years the window offers, newest first: back to the earliest year any package covers."""
    starts = [dt.date.fromisoformat(v.period_from).year for v in villages if v.period_from]
    first = max(min(starts, default=today.year), today.year - YEARS_BACK)
    return list(range(today.year, min(first, today.year) - 1, -1))


@dataclass(frozen=True)
class Overview:
    town: str
    villages: tuple[VillageRow, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (village name, cell per column)
    year: int
    day: dt.date  # counted up to

    @property
    def caption(self) -> str:
        return (f"{self.year}年各村落实情况（统计到{self.day.month}月{self.day.day}日）：红字是缺项，"
                "格中写明缺什么；点列标题可按该列排序。")


def village_cells(store: TownStore, village: VillageRow, clock: Clock, year: int) -> dict[str, str] | None:
    """One reported village's row, worked out from its copy: column -> words; None when its records
    cannot be counted (each of its cells then says so)."""
    try:
        found = read_ledgers(store, village, clock, year)
    except UnreadableVillage:
        return None
    return dict(cell for column in MATRIX_COLUMNS for cell in column(*found)) if found else {}


def keep_village_row(store: TownStore, code: str, clock: Clock) -> None:
    """After an import: work out the village's row for this year now, so the window need not."""
    [village] = store.villages(code)
    year = clock.today().year
    cells = village_cells(store, village, clock, year)
    if cells is not None:  # an unreadable one is tried again at each opening
        keep_cells(store, str(year), counted_until(clock, year), [(village, cells)])


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
    keep_cells(store, period, day, [(v, cells) for v, cells in worked_out if cells is not None])
    found_by_code = kept | {v.code: cells for v, cells in worked_out}
    cells = [(v, found_by_code.get(v.code, {})) for v in villages]
    columns: list[str] = []
    for _village, found in cells:
        columns += [c for c in found or {} if c not in columns]

    def shown(v: VillageRow, found: dict[str, str] | None, column: str) -> str:
        if found is None:
            return UNREADABLE
        return found.get(column, NOT_REPORTED if v.sequence is None else "—")

    rows = tuple((v.name, tuple(shown(v, found, c) for c in columns)) for v, found in cells)
    return Overview(store.info().name, tuple(villages), tuple(columns), rows, year, day)
