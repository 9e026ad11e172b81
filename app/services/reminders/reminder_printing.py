"""Print jobs of the 纪律提醒 tab and the 工作台: gather the data, call the report module."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.services.members.posts import POST_ORDER, is_committee_post
from app.services.members.team import describe, team_on
from db.audit import log_head


def default_due(services, reminder_id: int) -> dt.date:  # noqa: ANN001
    """The occurrence a letter is for by default: ReminderService.current_due."""
    return services.reminders.current_due(reminder_id)


def print_reminder_letter(services, reminder_id: int, due: dt.date | None, path: Path) -> Path:  # noqa: ANN001
    """The 廉政提醒函 of one occurrence (``due``; by default see default_due) with its 回执."""
    from app.reports.reminders.reminder_letter import build_reminder_letter

    services.profile.for_print()  # no letter without the village's name
    letter = services.reminders.letter(reminder_id, due or default_due(services, reminder_id))
    build_reminder_letter(path, letter=letter, print_date=services.clock.today())
    return path


def print_reminder_ledger(services, year: int, path: Path) -> Path:  # noqa: ANN001
    """The year's 纪律提醒台账: every occurrence of the year and the derived reminders settled."""
    from app.reports.reminders.reminder_ledger import build_reminder_ledger

    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    build_reminder_ledger(path, village=services.profile.for_print().village_name, year=year,
                          occurrences=services.reminders.occurrences(first, last),
                          dispositions=services.derived.dispositions(first, last),
                          print_date=services.clock.today())
    return path


def print_year_summary(services, year: int, path: Path) -> Path:  # noqa: ANN001
    """年度工作台账汇总 of ``year``."""
    return _summary(services, services.workbench.year_figures(year), path, term=False)


def print_term_summary(services, path: Path) -> Path:  # noqa: ANN001
    """届中工作台账汇总 of the current term (UserError when no term is set)."""
    return _summary(services, services.workbench.term_figures(), path, term=True)


def _summary(services, figures, path: Path, *, term: bool) -> Path:  # noqa: ANN001
    from app.reports.workbench.work_summary import build_work_summary

    village = services.profile.for_print().village_name
    today = services.clock.today()
    day = min(figures.last, today)  # the team on the last day counted (today for this year)
    lines, summary = team_lines(services.members.list_rows(), day)
    from app.services.team_rules.team_summary import summary_lines

    rules = summary_lines(services.team_rules, figures.first, figures.last, today)
    bodies: tuple[str, ...] = ()
    if term:  # the township's 届中 review asks whether each body is 健全 and working
        from app.services.bodies.body_health import BodyHealthService

        bodies = tuple(h.line() for h in BodyHealthService(services.db, services.clock).on(day))
    with services.db.read() as s:  # read at print time: the log as it stands now
        head = log_head(s)
    build_work_summary(path, village=village, figures=figures, team=lines, team_summary=summary,
                       team_day=day, print_date=today, term=term, bodies=bodies, team_rules=rules,
                       chain_head=(head.entries, head.last_hash))
    return path


def team_lines(rows, day: dt.date):  # noqa: ANN001, ANN201
    """The 两委 team on ``day`` as printed (by rank, then name) and its one-line summary."""
    from app.reports.workbench.work_summary import TeamLine

    summary = team_on(rows, day)
    team = []
    for row in rows:
        posts = sorted({p.title for p in row.all_posts if p.active_on(day) and is_committee_post(p.title)},
                       key=lambda t: POST_ORDER.get(t, 99))
        if not posts:
            continue
        notes = [label for label, names in (("一肩挑", summary.one_shoulder), ("交叉任职", summary.cross))
                 if row.name in names]
        team.append((min(POST_ORDER.get(t, 99) for t in posts), row.sort_name,
                     TeamLine(row.name, "、".join(posts), "、".join(notes))))
    team.sort(key=lambda entry: entry[:2])
    return [line for _, _, line in team], describe(summary)

