"""届中分析研判 / 年度分析 across the township's villages: figures, and 存在问题 drafted from the gaps.

Each figure and each kind of problem is one small function in FIGURES / PROBLEMS: a ledger
added later adds its own entry here, and nothing else changes. Those read from the start page's
figures are here; those read from a village's standing (村民代表, 党建计划 and 主体责任清单, 群团,
整改) are in analysis_standing.
Every problem names the villages behind it, so the township can check each sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.clock import Clock
from app.services.common.errors import UserError
from app.services.township import analysis_standing as standing
from app.services.township.analysis_types import FigureRow, Problem, problem_if, rate
from app.services.township.town_store import TownStore
from app.services.township.village_reads import VillageFacts, read_facts

COLLEGE = ("研究生", "大学本科", "大学专科")
NEXT_STEPS = ("（一）加强班子建设", "（二）落实组织生活制度", "（三）规范村务公开和民主决策", "（四）抓好问题整改")


@dataclass(frozen=True)
class Analysis:
    town: str
    title: str  # “2026年度” or “届中”
    villages: tuple[VillageFacts, ...]
    figures: tuple[tuple[str, tuple[FigureRow, ...]], ...]  # (section, rows)
    problems: tuple[Problem, ...]
    made_on: dt.date


def _age(row, day: dt.date) -> int | None:  # noqa: ANN001 - MemberRow
    birth = row.values.get("birth_date")
    if not isinstance(birth, dt.date):
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def team_figures(villages: list[VillageFacts]) -> tuple[str, list[FigureRow]]:
    reported = [v for v in villages if v.figures is not None or v.members]
    unreadable = [v for v in villages if v.unreadable]
    members = [m for v in reported for m in v.members]
    one = [v.name for v in reported if v.team.one_shoulder]
    cross = sum(len(v.team.cross) for v in reported)
    seats = sum(len(v.team.party_members) + len(v.team.villager_members) - len(v.team.cross) for v in reported)
    return "班子结构", [
        FigureRow("村（社区）数", f"{len(villages)}个", f"已上报 {len(reported) + len(unreadable)} 个"
                  + (f"，其中 {len(unreadable)} 个未能统计" if unreadable else "")),
        FigureRow("“两委”班子成员", f"{len(members)}人"),
        FigureRow("书记、主任“一肩挑”", f"{len(one)}个村", f"占 {rate(len(one), len(reported))}"),
        FigureRow("“两委”交叉任职率", rate(cross, seats), f"交叉任职 {cross} 人"),
    ]


def people_figures(villages: list[VillageFacts]) -> tuple[str, list[FigureRow]]:
    pairs = [(m, v.day) for v in villages for m in v.members]
    ages = [a for a in (_age(m, day) for m, day in pairs) if a is not None]
    women = sum(1 for m, _ in pairs if m.values.get("gender") == "女")
    college = sum(1 for m, _ in pairs if m.values.get("education") in COLLEGE)
    total = len(pairs)
    return "年龄、学历和性别", [
        FigureRow("平均年龄", f"{sum(ages) / len(ages):.1f}岁" if ages else "—"),
        FigureRow("35岁及以下", f"{sum(1 for a in ages if a <= 35)}人", f"占 {rate(sum(1 for a in ages if a <= 35), total)}"),
        FigureRow("60岁以上", f"{sum(1 for a in ages if a > 60)}人", f"占 {rate(sum(1 for a in ages if a > 60), total)}"),
        FigureRow("大专及以上学历", f"{college}人", f"占 {rate(college, total)}"),
        FigureRow("女性", f"{women}人", f"占 {rate(women, total)}"),
    ]


def _bars(villages: list[VillageFacts], field: str) -> dict[str, list[tuple[str, int, int]]]:
    """label -> [(village, done, due)] over the villages with figures."""
    found: dict[str, list[tuple[str, int, int]]] = {}
    for v in villages:
        for bar in getattr(v.figures, field, ()) if v.figures else ():
            found.setdefault(bar.label, []).append((v.name, bar.done, bar.due))
    return found


def meeting_figures(villages: list[VillageFacts]) -> tuple[str, list[FigureRow]]:
    rows = []
    for label, per in _bars(villages, "meetings").items():
        full = sum(1 for _, done, due in per if done >= due)
        rows.append(FigureRow(f"{label}达标", f"{full}/{len(per)}个村",
                              f"应开 {sum(d for *_, d in per)} 次，按要求召开 {sum(d for _, d, _ in per)} 次"))
    return "三会一课等组织生活", rows


def notice_figures(villages: list[VillageFacts]) -> tuple[str, list[FigureRow]]:
    rows = []
    for label, per in _bars(villages, "notices").items():
        done, due = sum(d for _, d, _ in per), sum(d for *_, d in per)
        rows.append(FigureRow(f"{label}按期公开", f"{done}/{due}期", f"及时率 {rate(done, due)}"))
    return "三公开", rows


def matter_figures(villages: list[VillageFacts]) -> tuple[str, list[FigureRow]]:
    per = _bars(villages, "matters")
    total = max((sum(d for *_, d in bars) for bars in per.values()), default=0)
    rows = [FigureRow("四议两公开事项", f"{total}件")]
    rows += [FigureRow(f"进行到“{label}”", f"{n}件") for label, bars in per.items()
             if (n := sum(d for _, d, _ in bars))]
    return "四议两公开", rows


def reminder_figures(villages: list[VillageFacts]) -> tuple[str, list[FigureRow]]:
    rows = []
    for label, per in _bars(villages, "reminders").items():
        done, due = sum(d for _, d, _ in per), sum(d for *_, d in per)
        rows.append(FigureRow(f"{label}办理", f"{done}/{due}次", f"办结率 {rate(done, due)}"))
    return "纪律提醒", rows


FIGURES: list[Callable[[list[VillageFacts]], tuple[str, list[FigureRow]]]] = [
    team_figures, people_figures, standing.representative_figures, meeting_figures, notice_figures,
    matter_figures, standing.plan_figures, standing.body_figures, standing.rectification_figures, reminder_figures]


def _short_of(villages: list[VillageFacts], field: str, wording: str) -> list[Problem]:
    problems = []
    for label, per in _bars(villages, field).items():
        behind = tuple(name for name, done, due in per if done < due)
        if behind:
            problems.append(Problem(wording.format(n=len(behind), label=label), behind))
    return problems


def missing_reports(villages: list[VillageFacts]) -> list[Problem]:
    missing = [v.name for v in villages if v.figures is None and not v.members and not v.unreadable]
    return problem_if("{n}个村未上报台账数据", missing)


def unreadable_reports(villages: list[VillageFacts]) -> list[Problem]:
    return problem_if("{n}个村上报的数据包中有记录无法统计，未计入以上数字（请该村核对台账后重新上报）",
                      [v.name for v in villages if v.unreadable])


# In the order of the figures' sections, so each problem stands where its figures did.
PROBLEMS: list[Callable[[list[VillageFacts]], list[Problem]]] = [
    missing_reports,
    unreadable_reports,
    *standing.REPRESENTATIVE_PROBLEMS,
    lambda vs: _short_of(vs, "meetings", "{n}个村{label}未按要求召开"),
    lambda vs: _short_of(vs, "notices", "{n}个村{label}逾期或未公开"),
    *standing.PLAN_PROBLEMS,
    *standing.BODY_PROBLEMS,
    *standing.RECTIFICATION_PROBLEMS,
    lambda vs: _short_of(vs, "reminders", "{n}个村{label}未按时办理"),
]


def analyse(store: TownStore, clock: Clock, year: int | None) -> Analysis:
    """``year`` None: the 届中 analysis (each village's current term)."""
    listed = store.villages()
    if not listed:
        raise UserError("还没有登记任何村：请先用 town register 登记各村公钥，再导入数据包")
    villages = [read_facts(store, v, clock, year) for v in listed]
    figures = tuple((section, tuple(rows)) for section, rows in (f(villages) for f in FIGURES) if rows)
    problems = tuple(p for rule in PROBLEMS for p in rule(villages))
    title = "届中" if year is None else f"{year}年度"
    return Analysis(store.info().name, title, tuple(villages), figures, problems, clock.today())


def problem_line(problem: Problem) -> str:
    return f"{problem.sentence}（{'、'.join(problem.villages)}）"
