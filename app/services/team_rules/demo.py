"""The sample village's team rules for the clock's year: a plan mostly proved by its meetings with
one line late, the duty lists with signed 责任书, a year of monthly 集中学习 with one member short
of 学时, and two months of rota with their logs, one day's missing."""

from __future__ import annotations

import datetime as dt

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import LEAVE, AttendanceData, MeetingData
from app.services.team_rules.team_types import MONTH, DutyLogData, DutyTaskData, PlanItemData, PledgeData, When

SHORT_OF_HOURS = "刘玥"  # away on most study days: the 学时统计 shows her short
TEXTS = ["《中国共产党章程》", "《中国共产党纪律处分条例》", "《中国共产党农村基层组织工作条例》",
         "《中华人民共和国村民委员会组织法》", "《关于新时代廉洁文化建设的意见》", "上级关于乡村振兴的文件"]
TASKS = {True: [("主持召开党风廉政建设专题会议", 3), ("带头讲廉政党课", 6), ("听取班子成员履行一岗双责情况汇报", 12)],
         False: [("落实分管领域党风廉政建设任务", 6), ("向书记报告一岗双责履行情况", 12)]}


def fill_demo_team(services) -> None:  # noqa: ANN001 - the services context
    today = services.clock.today()
    year = today.year
    _plan(services, year, today)
    _duties(services, year, today)
    _study(services, year, today)
    _rota(services, today)


def _plan(services, year: int, today: dt.date) -> None:  # noqa: ANN001
    plans = services.team_rules.plans
    items = plans.template(year)
    items.append(PlanItemData(When(MONTH, 4), "组织党员参观红色教育基地", standard="全体党员参加，留存照片"))
    late_month = max(1, today.month - 2)
    items.append(PlanItemData(When(MONTH, late_month), "完成党员信息系统数据核对", standard="信息与档案一致"))
    plans.start(year, items)
    january = [r for r in services.meetings.list_rows(year=year, kind=Kind.BRANCH_COMMITTEE.value)
               if r.date.month == 1]
    if january:
        plans.adopt(year, january[0].id)
    view = plans.view(year)
    visit = next(r for r in view.items if r.data.content == "组织党员参观红色教育基地")
    if dt.date(year, 4, 20) <= today:
        plans.mark_done(visit.id, dt.date(year, 4, 20), "组织党员28人参观，照片存档")


def _duties(services, year: int, today: dt.date) -> None:  # noqa: ANN001
    duties = services.team_rules.duties
    for n, member in enumerate(duties.year(year)):
        for task, month in TASKS[member.first_responsible]:
            deadline = dt.date(year, month, 28)
            done = deadline if deadline <= today and not (n == 2 and month == 6) else None  # one late
            duties.save_task(year, DutyTaskData(member.person_id, task, deadline, done, "已完成" if done else ""))
        signed = min(dt.date(year, 2, 10), today)
        duties.save_pledge(year, PledgeData(member.person_id, signed))


def _study(services, year: int, today: dt.date) -> None:  # noqa: ANN001
    meetings, study = services.meetings, services.team_rules.study
    for month in range(1, today.month + 1):
        day = dt.date(year, month, 25)
        if day > today:
            break
        expected = meetings.expected_attendees([Kind.STUDY.value], day)
        away = month % 2 == 0 or month > 8
        attendance = [AttendanceData(p.person_id, p.name, LEAVE, "外出参加培训") if p.name == SHORT_OF_HOURS and away
                      else AttendanceData(p.person_id, p.name) for p in expected]
        host = next((p.person_id for p in expected if p.name == "李建国"), None)
        text = TEXTS[month % len(TEXTS)]
        meeting = meetings.save(MeetingData(kinds=[Kind.STUDY.value], topic=f"{month}月集中学习：{text}", date=day,
                                            start_time="14:30", end_time="17:30", place="村党群服务中心会议室",
                                            host_id=host, attendance=attendance), confirmed=True)
        study.set_session(meeting, 3, text)
    for name, month, hours in (("王淑芬", 3, 2), (SHORT_OF_HOURS, 5, 2), (SHORT_OF_HOURS, 9, 2),
                              ("陈喆", 6, 6), ("陈喆", 10, 6)):
        person = next((r.id for r in services.members.list_rows() if r.name == name), None)
        day = dt.date(year, month, 12)
        if person is not None and day <= today:
            study.add_self_study(person, day, "学习强国：党史学习专题", hours)


def _rota(services, today: dt.date) -> None:  # noqa: ANN001
    rota = services.team_rules.rota
    first = dt.date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    last = dt.date(today.year + (today.month == 12), today.month % 12 + 1, 1) - dt.timedelta(days=1)
    rota.generate(first, last)
    missing = today - dt.timedelta(days=3)
    day = first
    while day < today:
        if day != missing:
            rota.save_log(DutyLogData(day, calls="无" if day.day % 3 else "村民来电咨询医保缴费",
                                      visits="无" if day.day % 4 else "村民来访反映路灯损坏",
                                      events="无", handling="已登记并转交分管干部" if day.day % 4 == 0 else "无",
                                      handover="正常交接"))
        day += dt.timedelta(days=1)
