"""Print jobs of the team's rules: gather the data, then call the report module."""

from __future__ import annotations

from pathlib import Path

from app.services.common.errors import UserError


def plan_pdf(services, year: int, path: Path) -> int:  # noqa: ANN001
    from app.reports.team_rules.plan_prints import build_plan

    view = services.team_rules.plans.view(year)
    build_plan(path, village=services.profile.for_print().village_name, view=view, print_date=services.clock.today())
    return len(view.items)


def duties_pdf(services, year: int, path: Path) -> int:  # noqa: ANN001
    from app.reports.team_rules.plan_prints import build_duties

    members = services.team_rules.duties.year(year)
    build_duties(path, village=services.profile.for_print().village_name, year=year, members=members,
                 print_date=services.clock.today())
    return len(members)


def pledge_pdf(services, year: int, person_id: int, path: Path) -> str:  # noqa: ANN001
    from app.reports.team_rules.plan_prints import build_pledge

    duties = services.team_rules.duties
    member = duties.member(year, person_id)
    secretary = next((m.name for m in duties.year(year) if m.first_responsible), "")
    profile = services.profile.for_print()
    build_pledge(path, village=profile.village_name, org=profile.party_org, year=year, member=member,
                 secretary=secretary, print_date=services.clock.today())
    return member.name


def study_pdf(services, year: int, path: Path) -> int:  # noqa: ANN001
    from app.reports.team_rules.study_rota_prints import build_study

    study = services.team_rules.study
    sessions = study.sessions(year)
    build_study(path, village=services.profile.for_print().village_name, year=year, sessions=sessions,
                self_study=study.self_study(year), totals=study.totals(year), requirement=study.requirement(),
                print_date=services.clock.today())
    return len(sessions)


def rota_pdf(services, year: int, month: int, path: Path) -> int:  # noqa: ANN001
    from app.reports.team_rules.study_rota_prints import build_rota, rota_title

    days = services.team_rules.rota.month(year, month)
    if not any(d.on_duty for d in days):
        raise UserError(f"{year}年{month}月还没有排班：请先在 班子制度 → 值班 中生成值班表")
    profile = services.profile.for_print()
    build_rota(path, village=profile.village_name, title=rota_title(year, month), days=days,
               phone=profile.supervision_phone, print_date=services.clock.today())
    return sum(1 for d in days if d.on_duty)


def holiday_rota_pdf(services, year: int, holiday: str, path: Path) -> int:  # noqa: ANN001
    """The 值班表 of one holiday's break (春节 …) in ``year``, for the board; returns its days."""
    import datetime as dt

    from app.reports.team_rules.study_rota_prints import build_rota, holiday_rota_title

    days = [d for d in services.team_rules.rota.days(dt.date(year, 1, 1), dt.date(year, 12, 31))
            if d.holiday == holiday]
    if not days:
        raise UserError(f"{year}年没有“{holiday}”假期：请写 元旦、春节、清明、劳动节、端午、中秋 或 国庆节")
    if not any(d.on_duty for d in days):
        raise UserError(f"{year}年{holiday}假期还没有排班：请先在 班子制度 → 值班 中生成那个月的值班表")
    profile = services.profile.for_print()
    build_rota(path, village=profile.village_name, title=holiday_rota_title(year, holiday), days=days,
               phone=profile.supervision_phone, print_date=services.clock.today())
    return len(days)


def duty_log_pdf(services, year: int, month: int, path: Path) -> tuple[int, int]:  # noqa: ANN001
    """(logs printed, past duty days without one)."""
    from app.reports.team_rules.study_rota_prints import build_duty_log

    rota = services.team_rules.rota
    days = rota.month(year, month)
    logs = {log.day: (log, name) for log, name in rota.logs(days[0].day, days[-1].day)}
    today = services.clock.today()
    build_duty_log(path, village=services.profile.for_print().village_name, year=year, month=month, days=days,
                   logs=logs, print_date=today)
    missing = sum(1 for d in days if d.on_duty and d.day < today and d.day not in logs)
    return len(logs), missing
