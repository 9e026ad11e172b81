"""The analysis's figures and problems read from each village's standing (village_standing): the
村民代表会议's make-up, the 年度党建计划 and 主体责任清单, the 群团组织, and 整改.

Only villages that reported figures for the period count; a village that did not is named once,
by 未上报台账数据, not again under every heading.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.bodies.assembly_rules import too_few_representatives, too_few_women
from app.services.rectification.rect_types import rate_text
from app.services.township.analysis_types import FigureRow, Problem, problem_if, rate
from app.services.township.village_reads import VillageFacts
from app.services.township.village_standing import Standing

Section = tuple[str, list[FigureRow]]


def _reported(villages: list[VillageFacts]) -> list[tuple[str, Standing]]:
    return [(v.name, v.standing) for v in villages if v.standing is not None]


def _elected(s: Standing) -> bool:
    """村民代表 entered at all: a village that keeps them elsewhere is not judged by an empty list."""
    return s.representatives.representatives > 0


def representative_figures(villages: list[VillageFacts]) -> Section:
    found = [(name, s.representatives) for name, s in _reported(villages) if _elected(s)]
    if not found:
        return "村民代表", []
    reps = sum(c.representatives for _, c in found)
    women = sum(c.women_representatives for _, c in found)
    members = sum(c.members for _, c in found)
    lawful = sum(1 for _, c in found if not too_few_representatives(c) and not too_few_women(c))
    return "村民代表", [
        FigureRow("村民代表", f"{reps}人", f"{len(found)}个村已推选"),
        FigureRow("村民代表占代表会议组成人员", rate(reps, members), "法定不少于五分之四"),
        FigureRow("妇女村民代表", f"{women}人", f"占组成人员 {rate(women, members)}，法定不少于三分之一"),
        FigureRow("组成人员比例符合组织法", f"{lawful}/{len(found)}个村", "村民委员会组织法第二十六条"),
    ]


def plan_figures(villages: list[VillageFacts]) -> Section:
    """Counted over the years since each village's records begin (a village that began this year
    is not asked for last year's plan)."""
    reported = [(name, s) for name, s in _reported(villages) if s.plans]
    if not reported:
        return "党建计划和主体责任", []
    plans = [p for _, s in reported for p in s.plans]
    duties = [d for _, s in reported for d in s.duties]
    planned = sum(1 for _, s in reported if s.every_plan_made)
    listed = sum(1 for _, s in reported if s.every_list_made)
    plan_done, plan_late = sum(p.done for p in plans), sum(p.not_done for p in plans)
    duty_done, duty_late = sum(d.done for d in duties), sum(d.not_done for d in duties)
    return "党建计划和主体责任", [
        FigureRow("制定年度党建计划", f"{planned}/{len(reported)}个村", "期间内每年都制定的村"),
        FigureRow("党建计划到期事项完成", f"{plan_done}/{plan_done + plan_late}项",
                  f"完成率 {rate(plan_done, plan_done + plan_late)}，逾期未完成 {plan_late} 项"),
        FigureRow("建立主体责任清单", f"{listed}/{len(reported)}个村", "期间内每年都建立的村"),
        FigureRow("主体责任到期任务完成", f"{duty_done}/{duty_done + duty_late}项",
                  f"完成率 {rate(duty_done, duty_done + duty_late)}，逾期未完成 {duty_late} 项"),
        FigureRow("签订责任书", f"{sum(d.signed for d in duties)}/{sum(d.members for d in duties)}份"),
    ]


def body_figures(villages: list[VillageFacts]) -> Section:
    reported = [(name, s) for name, s in _reported(villages) if s.mass_bodies]
    if not reported:
        return "群团组织", []
    sound = sum(1 for _, s in reported if not s.unsound_bodies)
    per_body: dict[str, int] = {}
    for _, s in reported:
        for body in s.unsound_bodies:
            per_body[body.name] = per_body.get(body.name, 0) + 1
    detail = "，".join(f"{name}不健全 {n} 个村" for name, n in per_body.items())
    return "群团组织", [FigureRow("群团组织健全", f"{sound}/{len(reported)}个村", detail)]


def rectification_figures(villages: list[VillageFacts]) -> Section:
    counts = [s.rectification for _, s in _reported(villages)]
    items = sum(c.items for c in counts)
    if not items:
        return "问题整改", []
    closed, closable = sum(c.closed for c in counts), sum(c.closable for c in counts)
    return "问题整改", [
        FigureRow("整改问题", f"{items}个", f"已销号 {closed} 个，整改中 {sum(c.in_progress for c in counts)} 个，"
                                         f"逾期 {sum(c.overdue for c in counts)} 个，长期坚持 {sum(c.ongoing for c in counts)} 个"),
        FigureRow("整改完成率", rate_text(closed, closable), f"已销号 {closed} 个 / 应销号 {closable} 个"),
    ]


def _villages(villages: list[VillageFacts], test: Callable[[Standing], bool]) -> list[str]:
    return [name for name, s in _reported(villages) if test(s)]


Rule = Callable[[list[VillageFacts]], list[Problem]]

# The problems of each section, in the section's order (analysis.PROBLEMS places them).
REPRESENTATIVE_PROBLEMS: list[Rule] = [
    lambda vs: problem_if("{n}个村村民代表不足村民代表会议组成人员的五分之四",
                          _villages(vs, lambda s: _elected(s) and too_few_representatives(s.representatives))),
    lambda vs: problem_if("{n}个村妇女村民代表不足村民代表会议组成人员的三分之一",
                          _villages(vs, lambda s: _elected(s) and too_few_women(s.representatives))),
]
PLAN_PROBLEMS: list[Rule] = [
    lambda vs: problem_if("{n}个村未制定年度党建计划", _villages(vs, lambda s: not s.every_plan_made)),
    lambda vs: problem_if("{n}个村年度党建计划未经会议通过",
                          _villages(vs, lambda s: any(p.made and not p.adopted for p in s.plans))),
    lambda vs: problem_if("{n}个村党建计划有事项逾期未完成", _villages(vs, lambda s: any(p.not_done for p in s.plans))),
    lambda vs: problem_if("{n}个村未建立主体责任清单", _villages(vs, lambda s: not s.every_list_made)),
    lambda vs: problem_if("{n}个村主体责任任务逾期未完成", _villages(vs, lambda s: any(d.not_done for d in s.duties))),
    lambda vs: problem_if("{n}个村主体责任书未全部签订",
                          _villages(vs, lambda s: any(d.made and d.signed < d.members for d in s.duties))),
]
BODY_PROBLEMS: list[Rule] = [
    lambda vs: problem_if("{n}个村群团组织不健全", _villages(vs, lambda s: bool(s.unsound_bodies))),
]
RECTIFICATION_PROBLEMS: list[Rule] = [
    lambda vs: problem_if("{n}个村整改问题逾期未完成", _villages(vs, lambda s: bool(s.rectification.overdue))),
]
