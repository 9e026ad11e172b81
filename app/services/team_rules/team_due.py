"""What the team's rules have due or late, for the derived reminders (and so the 工作台 and
``due``): plan items and duty tasks not done, 集中学习 periods short, members short of 学时 at the
year's end, and past duty days with no 值班记录.

Each item is due on its own day and shows like every other due item (common/due_rule.late,
workbench_types.DUE_SOON_DAYS / LOOKBACK_DAYS): late, or due within 14 days.
"""

from __future__ import annotations

import datetime as dt

from app.services.common.dates import format_date_cn
from app.services.common.due_rule import late
from app.services.reminders.reminder_types import OVERDUE, TODO
from app.services.team_rules.team_rules import TeamRules
from app.services.team_rules.team_types import (
    DUTIES_AREA,
    NOT_DONE,
    NOT_DUE,
    PLAN_AREA,
    ROTA_AREA,
    STUDY_AREA,
    hours_text,
)
from app.services.workbench.workbench_types import DUE_SOON_DAYS, LOOKBACK_DAYS, DueItem, Target

OPEN = (NOT_DONE, NOT_DUE)


def _item(key: str, area: str, title: str, due: dt.date, today: dt.date, target: Target) -> DueItem:
    return DueItem(key, area, title, due, OVERDUE if late(due, today) else TODO, target, True)


def due_items(team: TeamRules, today: dt.date) -> list[DueItem]:
    first, last = today - dt.timedelta(days=LOOKBACK_DAYS), today + dt.timedelta(days=DUE_SOON_DAYS)

    def shown(due: dt.date) -> bool:
        return first <= due <= last

    items = []
    for year in (today.year - 1, today.year):
        view = team.plans.view(year)
        for row in view.items:
            if row.state in OPEN and shown(row.due):
                items.append(_item(f"team-plan:{row.id}", PLAN_AREA,
                                   f"{year}年党建计划：{row.data.when.label} {row.data.content} 未完成", row.due, today,
                                   Target("team_rules", ("plan", year, row.id))))
        for member in team.duties.year(year):
            for task in member.tasks:
                if task.state in OPEN and shown(task.data.deadline):
                    items.append(_item(f"team-duty:{task.id}", DUTIES_AREA,
                                       f"主体责任清单：{member.name} {task.data.task} 未完成", task.data.deadline,
                                       today, Target("team_rules", ("duties", year, task.id))))
        items += _study_items(team, year, today, shown)
    for day, name in team.rota.missing_logs(first, today - dt.timedelta(days=1)):
        items.append(_item(f"team-log:{day.isoformat()}", ROTA_AREA,
                           f"{format_date_cn(day)} 值班记录未登记（值班人员：{name}）", day, today,
                           Target("team_rules", ("rota", day.year, day.isoformat()))))
    return items


def _study_items(team: TeamRules, year: int, today: dt.date, shown) -> list[DueItem]:  # noqa: ANN001
    begin = team.study.records_begin()
    if begin is None:  # the village does not keep the 学习制度 here yet
        return []
    items = []
    for when, held, required in team.study.session_periods(year):
        due = when.bounds(year)[1]
        if held < required and shown(due) and due >= begin:
            items.append(_item(f"team-study:{year}:{when.kind}:{when.number}", STUDY_AREA,
                               f"{year}年{when.label} 集中学习 未开展（应{required}次，已{held}次）", due, today,
                               Target("team_rules", ("study", year, ""))))
    year_end = dt.date(year, 12, 31)
    if shown(year_end) and year_end >= begin:
        for total in team.study.totals(year):
            if total.short > 0:
                items.append(_item(f"team-hours:{year}:{total.person_id}", STUDY_AREA,
                                   f"{total.name} {year}年学时不足（应{hours_text(total.required)}学时，"
                                   f"已{hours_text(total.total)}学时）", year_end, today,
                                   Target("team_rules", ("study", year, total.person_id))))
    return items
