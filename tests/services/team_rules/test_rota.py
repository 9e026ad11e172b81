"""The 值班表 over a 春节 break and a 调休 Saturday, swaps logged, logs and the missing one."""

import datetime as dt

import pytest
from conftest import person

from app.services.common.errors import UserError
from app.services.team_rules.rota import HOLIDAY, REST, SHIFTED, WEEKLY, WORKDAY, day_kind
from app.services.team_rules.team_types import DutyLogData


@pytest.fixture
def team(services, profile):
    return [services.members.save(person(name, post)) for name, post in
            (("张书记", "党支部书记"), ("王主任", "村委会主任"), ("李委员", "村委会委员"), ("刘委员", "组织委员"))]


def test_day_kinds_follow_the_official_arrangement():
    assert day_kind(dt.date(2026, 2, 14)) == (SHIFTED, "")  # the Saturday worked before 春节
    assert day_kind(dt.date(2026, 2, 17)) == (HOLIDAY, "春节")
    assert day_kind(dt.date(2026, 2, 24)) == (WORKDAY, "")
    assert day_kind(dt.date(2026, 3, 7)) == (REST, "")


def test_rota_over_the_spring_festival_break_and_a_shifted_saturday(services, team):
    rota = services.team_rules.rota
    assert rota.generate(dt.date(2026, 2, 13), dt.date(2026, 2, 24)) == 12
    days = {d.day.day: d for d in rota.days(dt.date(2026, 2, 13), dt.date(2026, 2, 24))}
    # Daily rotation down the list by post: 书记, 组织委员, 主任, 委员.
    assert [days[n].on_duty[1] for n in (13, 14, 15, 16)] == ["张书记", "刘委员", "王主任", "李委员"]
    assert days[14].kind == SHIFTED and days[14].leader is None
    festival = [days[n] for n in range(15, 24)]
    assert all(d.kind == HOLIDAY and d.holiday == "春节" for d in festival)
    # 带班领导 rotate among the leaders (书记, 主任) over the nine days of the break.
    assert [d.leader[1] for d in festival[:3]] == ["张书记", "王主任", "张书记"]
    assert days[24].leader is None
    with pytest.raises(UserError, match="已排过班"):
        rota.generate(dt.date(2026, 2, 20), dt.date(2026, 2, 28))


def test_weekly_rotation_keeps_one_person_a_week(services, team):
    rota = services.team_rules.rota
    rota.generate(dt.date(2026, 3, 2), dt.date(2026, 3, 15), WEEKLY)
    names = [d.on_duty[1] for d in rota.days(dt.date(2026, 3, 2), dt.date(2026, 3, 15))]
    assert names == ["张书记"] * 7 + ["刘委员"] * 7


def test_swaps_are_logged_and_logs_show_the_missing_day(services, team):
    rota = services.team_rules.rota
    rota.generate(dt.date(2026, 11, 20), dt.date(2026, 11, 26))
    with pytest.raises(UserError) as caught:
        rota.swap(dt.date(2026, 11, 21), "值班人员", team[1], " ")
    assert caught.value.field == "reason"
    rota.swap(dt.date(2026, 11, 21), "值班人员", team[1], "刘委员到镇里开会")
    assert rota.swaps(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == [
        (dt.date(2026, 11, 21), "值班人员", "刘委员", "王主任", "刘委员到镇里开会", dt.date(2026, 11, 27))]
    for n in (20, 21, 22, 24, 25, 26):
        rota.save_log(DutyLogData(dt.date(2026, 11, n), events="无"))
    with pytest.raises(UserError, match="今天或以前"):
        rota.save_log(DutyLogData(dt.date(2026, 11, 28), events="无"))
    assert rota.logs(dt.date(2026, 11, 21), dt.date(2026, 11, 21))[0][1] == "王主任"
    assert rota.missing_logs(dt.date(2026, 11, 1), dt.date(2026, 11, 26)) == [(dt.date(2026, 11, 23), "李委员")]
    due = [i for i in services.workbench.due_items() if i.area == "值班制度"]
    assert [(i.title, i.status) for i in due] == [("2026年11月23日 值班记录未登记（值班人员：李委员）", "已逾期")]
