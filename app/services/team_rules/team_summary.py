"""The team's rules in the 年度 / 届中 工作台账汇总: the plan and how it went, the duty lists and
责任书, study hours, and the duty records, one line each a year (the rota for the whole span)."""

from __future__ import annotations

import datetime as dt

from app.services.common.dates import format_date_cn
from app.services.team_rules.team_rules import TeamRules
from app.services.team_rules.team_types import DONE, DONE_LATE, NOT_DONE, NOT_DUE, hours_text

STATES = (DONE, DONE_LATE, NOT_DONE, NOT_DUE)
MAX_DAYS_NAMED = 5  # missing duty logs named one by one up to this many


def summary_lines(team: TeamRules, first: dt.date, last: dt.date, today: dt.date) -> list[str]:
    years = range(first.year, min(last, today).year + 1)
    lines = []
    for year in years:
        view = team.plans.view(year)
        if view.items:
            counts = "，".join(f"{s}{view.count(s)}项" for s in STATES if view.count(s))
            adopted = f"；{view.adopted_text}" if view.adopted_text else "；未登记通过计划的会议"
            lines.append(f"{year}年党建计划：共{len(view.items)}项，{counts}{adopted}")
        else:
            lines.append(f"{year}年党建计划：未制定")
    for year in years:
        members = team.duties.year(year)
        tasks = [t for m in members for t in m.tasks]
        signed = sum(1 for m in members if m.pledge and m.pledge.signed_on)
        reported = sum(1 for m in members if m.report_text)
        assessed = sum(1 for m in members if m.pledge and m.pledge.assessment)
        done = sum(1 for t in tasks if t.state in (DONE, DONE_LATE))
        late = sum(1 for t in tasks if t.state == NOT_DONE)
        lines.append(f"{year}年主体责任：责任任务{len(tasks)}项，已完成{done}项，逾期未完成{late}项；"
                     f"责任书已签订{signed}/{len(members)}份；述责述廉{reported}人，考核{assessed}人")
    for year in years:
        totals = team.study.totals(year)
        short = [t for t in totals if t.short]
        names = "，".join(f"{t.name}差{hours_text(t.short)}学时" for t in short)
        lines.append(f"{year}年学习制度：集中学习{len(team.study.sessions(year))}次，个人自学"
                     f"{len(team.study.self_study(year))}条；学时达标{len(totals) - len(short)}人"
                     + (f"，未达标{len(short)}人（{names}）" if short else ""))
    until = min(last, today - dt.timedelta(days=1))
    days = [d for d in team.rota.days(first, until) if d.on_duty] if until >= first else []
    if days:
        missing = [day for day, _name in team.rota.missing_logs(first, until)]
        named = "、".join(format_date_cn(d) for d in missing[:MAX_DAYS_NAMED]) + ("等" if len(missing) > 5 else "")
        lines.append(f"值班制度：排班{len(days)}天，值班记录{len(days) - len(missing)}天"
                     + (f"，未登记{len(missing)}天（{named}）" if missing else "，无缺漏"))
    else:
        lines.append("值班制度：本期没有排班记录")
    return lines
