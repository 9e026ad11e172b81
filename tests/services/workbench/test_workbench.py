import datetime as dt

import pytest
from conftest import person
from workbench_data import (
    at,
    committee,
    done,
    matter_entered_on,
    meeting,
    notice,
    publish,
    records_from,
    reminder,
    reviewer,
)

from app.services.common.errors import UserError
from app.services.common.profile import Profile
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import StepData
from app.services.notices.notice_types import Period, QuestionData
from app.services.reminders.reminder_types import Recurrence
from app.services.workbench.workbench_types import Target

D = dt.date


def bars(group) -> dict[str, tuple[int, int]]:
    return {bar.label: (bar.done, bar.due) for bar in group}


def actual(group) -> dict[str, int | None]:
    return {bar.label: bar.actual for bar in group}


def meeting_lines(gaps) -> list[str]:
    return [g for g in gaps if "（应" in g]


def late_meeting_titles(services, year: int) -> list[str]:
    """What the start page lists as 已逾期 from 会议记录 for periods of ``year``."""
    return sorted(i.title for i in services.workbench.due_items()
                  if i.area == "会议记录" and i.status == "已逾期" and i.key.split(":")[-1].startswith(str(year)))


def derived_key(services, key):
    return next(item for item in services.derived.items() if item.key == key)


# ----- the list ----------------------------------------------------------------------------------
def test_due_items_join_reminders_and_derived_items_overdue_first(services):
    records_from(services, D(2025, 1, 2))
    pid = services.members.save(person("张三", "村委会委员"))
    soon = reminder(services, "八项规定提醒", "元旦前廉洁过节提醒", D(2026, 12, 5), pid)
    late = reminder(services, "提醒谈话", "村务公开不及时", D(2026, 11, 20), pid)
    reminder(services, "学习", "学习党章", D(2026, 12, 20), pid)  # 23 days away
    leaving = person("王委员", "村委会委员")
    leaving.posts[0].end_date = D(2027, 1, 31)
    services.members.save(leaving, confirmed=True)
    waiting = notice(services, "村务公开", Period("quarter", 2026, 3), start=D(2026, 12, 20))
    services.notices.submit(waiting)

    listed = services.workbench.due_items()
    found = {item.key: item for item in listed}
    first = found["reminder:%d:2026-12-05" % soon]
    assert (first.area, first.title, first.due, first.status, first.derived) == (
        "纪律提醒", "八项规定提醒：元旦前廉洁过节提醒（张三）", D(2026, 12, 5), "待办", False)
    assert first.target == Target("reminder", (soon, "2026-12-05"))
    assert found["reminder:%d:2026-11-20" % late].status == "已逾期"
    assert not [k for k in found if k.endswith("2026-12-20")]
    # A term ending in 65 days shows from 90 days before; a review due in 23 days waits.
    assert [item.title for item in listed if item.key.startswith("post:")] == [
        "王委员 的 村委会委员 任期将于2027年1月31日届满"]
    assert f"notice-review:{waiting}" not in found
    assert f"notice-review:{waiting}" in {item.key for item in services.derived.items()}
    assert "meeting:支部委员会会议:2026-11-01" in found and "meeting:支部委员会会议:2025-11-01" in found

    statuses = [item.status for item in listed]
    assert statuses == sorted(statuses, key=lambda s: s != "已逾期")
    overdue = [item.due for item in listed if item.status == "已逾期"]
    upcoming = [item.due for item in listed if item.status == "待办"]
    assert overdue == sorted(overdue) and upcoming == sorted(upcoming)
    assert listed[0].due == D(2025, 11, 30) and listed[-1].due == D(2027, 1, 31)

    done(services, late, D(2026, 11, 20))
    assert "reminder:%d:2026-11-20" % late not in {item.key for item in services.workbench.due_items()}


# ----- the year in figures -----------------------------------------------------------------------
@pytest.fixture
def year_of_records(services):
    """Meetings, notices, reminders, matters and a question of 2026 (and one matter of 2025)."""
    secretary, organiser = committee(services)
    for month in range(1, 12):
        if month != 4:
            meeting(services, Kind.BRANCH_COMMITTEE, D(2026, month, 8), secretary, organiser)
    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 3, 25))  # an extra one does not make up for April
    meeting(services, Kind.PARTY_LECTURE, D(2026, 2, 10))
    meeting(services, Kind.PARTY_LECTURE, D(2026, 8, 10))
    member = services.members.save(person("周党员", political_status="中共党员"))
    meeting(services, Kind.HEART_TALK, D(2026, 6, 1), secretary, member)  # 李组织 has had none
    checker = reviewer(services)
    q1, q2 = (notice(services, "财务公开", Period("quarter", 2026, q)) for q in (1, 2))
    publish(services, q1, checker, D(2026, 4, 5))
    publish(services, q2, checker, D(2026, 7, 25))  # 25 days after the quarter: late
    study = reminder(services, "学习", "每月学习", D(2026, 1, 15), secretary, recurrence=Recurrence.MONTHLY)
    done(services, study, D(2026, 1, 15))
    done(services, study, D(2026, 2, 15))
    reminder(services, "八项规定提醒", "元旦前廉洁过节提醒", D(2026, 12, 5), secretary)
    matter_entered_on(services, D(2026, 9, 1))
    moving = matter_entered_on(services, D(2026, 10, 1), "文化广场建设")
    sitting = meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 11, 20), secretary, organiser)
    services.matters.add_step(moving, StepData(1, D(2026, 11, 20), meeting_id=sitting, outcome="通过"))
    matter_entered_on(services, D(2025, 3, 1), "村委会办公楼维修")
    services.questions.add_question(QuestionData(D(2026, 11, 19), "补贴何时发放？", "村民甲"))
    return services


def test_year_figures(year_of_records):
    services = year_of_records
    figures = services.workbench.year_figures(2026)
    assert (figures.title, figures.first, figures.last) == ("2026年", D(2026, 1, 1), D(2026, 12, 31))
    # At 27 November: the months to October and the quarters to the third are due; November
    # counts for 支委会 only because it is already held; 组织生活会 / 民主评议 are due on
    # 1 December; 谈心谈话 counts 张书记, who has had his, and not 李组织, who has time until 31 December.
    assert bars(figures.meetings) == {
        "支部委员会会议": (10, 11), "党小组会": (0, 10), "主题党日": (0, 10), "支部党员大会": (0, 3),
        "党课": (2, 3), "组织生活会": (0, 0), "民主评议党员": (0, 0), "谈心谈话（每名委员）": (1, 1),
    }
    # Twelve 支委会 were held (one extra in March, two in November); April is still missing.
    assert actual(figures.meetings)["支部委员会会议"] == 12 and actual(figures.meetings)["党课"] == 2
    assert actual(figures.meetings)["谈心谈话（每名委员）"] == 1  # the one talk, though it counts two members
    # Q1 on time, Q2 posted late, Q3 missing; Q4 has not ended.
    assert bars(figures.notices) == {"党务公开": (0, 3), "村务公开": (0, 3), "财务公开": (1, 3)}
    assert bars(figures.reminders) == {"学习": (2, 11)}  # the 八项规定 reminder is not due yet
    assert bars(figures.matters) == {"未开始": (1, 2), "提议": (1, 2), "商议": (0, 2), "审议": (0, 2),
                                     "决议": (0, 2), "决议公开": (0, 2), "实施结果公开": (0, 2)}
    gaps = figures.gaps
    months = [f"2026年{m}月" for m in range(1, 11)]
    quarters = ["2026年第一季度", "2026年第二季度", "2026年第三季度"]
    assert meeting_lines(gaps) == [
        "2026年4月 支部委员会会议 未召开（应1次，已0次）",
        *[f"{m} 党小组会 未召开（应1次，已0次）" for m in months],
        *[f"{m} 主题党日 未开展（应1次，已0次）" for m in months],
        *[f"{q} 支部党员大会 未召开（应1次，已0次）" for q in quarters],
        "2026年第二季度 党课 未开展（应1次，已0次）",
    ]
    # Word for word what the start page lists as late.
    assert sorted(meeting_lines(gaps)) == late_meeting_titles(services, 2026)
    assert "2026年第三季度财务公开未发布" in gaps and "2026年第二季度财务公开未发布" not in gaps
    assert "2026年11月15日 学习：每月学习（张书记）未办理" in gaps
    assert not [g for g in gaps if g.startswith("2026年1月15日")]
    assert "“村道硬化工程”登记已87天，还没有提议" in gaps
    assert not [g for g in gaps if "村委会办公楼维修" in g]  # entered in 2025
    assert "群众意见未答复：补贴何时发放？（村民甲，2026年11月19日提出）" in gaps

    coming = services.workbench.year_figures(2027)  # nothing is due yet
    assert set(bars(coming.meetings).values()) == {(0, 0)} and set(bars(coming.notices).values()) == {(0, 0)}
    assert (coming.reminders, coming.gaps) == ((), ())

    last_year = services.workbench.year_figures(2025)
    assert bars(last_year.matters)["未开始"] == (1, 1)
    assert [g for g in last_year.gaps if "村委会办公楼维修" in g] == ["“村委会办公楼维修”登记已636天，还没有提议"]


def test_the_running_month_and_quarter_are_not_missing_until_they_end(services):
    records_from(services, D(2026, 1, 2))
    for quarter_month in (2, 5, 8):
        meeting(services, Kind.PARTY_LECTURE, D(2026, quarter_month, 10))
    for month in range(1, 11):
        meeting(services, Kind.THEME_DAY, D(2026, month, 10))
    figures = services.workbench.year_figures(2026)
    found = bars(figures.meetings)
    assert found["党课"] == (3, 3)  # not 3/4: the fourth quarter runs until 31 December
    assert found["主题党日"] == (10, 10)  # not 10/11: November is not over
    assert not [g for g in figures.gaps if "党课" in g or "主题党日" in g]
    at(services, D(2026, 12, 1))
    found = bars(services.workbench.year_figures(2026).meetings)
    assert (found["党课"], found["主题党日"]) == ((3, 3), (10, 11))
    assert "2026年11月 主题党日 未开展（应1次，已0次）" in services.workbench.year_figures(2026).gaps


def test_after_1_december_the_summary_lists_what_the_start_page_shows_late(services):
    records_from(services, D(2026, 1, 2))
    before = services.workbench.year_figures(2026)
    assert (bars(before.meetings)["组织生活会"], bars(before.meetings)["民主评议党员"]) == ((0, 0), (0, 0))
    assert not [g for g in before.gaps if "组织生活会" in g or "民主评议党员" in g]
    at(services, D(2026, 12, 5))
    figures = services.workbench.year_figures(2026)
    assert (bars(figures.meetings)["组织生活会"], bars(figures.meetings)["民主评议党员"]) == ((0, 1), (0, 1))
    assert "2026年 组织生活会 未召开（应1次，已0次）" in figures.gaps
    assert "2026年 民主评议党员 未开展（应1次，已0次）" in figures.gaps
    assert sorted(meeting_lines(figures.gaps)) == late_meeting_titles(services, 2026)
    assert len(meeting_lines(figures.gaps)) == 11 * 3 + 3 * 2 + 2  # to November, to Q3, the two yearly ones
    meeting(services, Kind.LIFE_MEETING, D(2026, 12, 3))
    figures = services.workbench.year_figures(2026)
    assert bars(figures.meetings)["组织生活会"] == (1, 1)
    assert not [g for g in figures.gaps if "组织生活会" in g]


def test_a_new_install_has_no_figures_before_its_first_day(services):
    services.profile.save(Profile("红旗村", "城关镇"))
    figures = services.workbench.year_figures(2026)
    assert set(bars(figures.meetings).values()) == {(0, 0)}
    assert set(bars(figures.notices).values()) == {(0, 0)}
    assert figures.gaps == ()
    at(services, D(2026, 12, 5))
    figures = services.workbench.year_figures(2026)
    found = bars(figures.meetings)
    assert (found["支部委员会会议"], found["支部党员大会"], found["组织生活会"]) == ((0, 1), (0, 0), (0, 1))
    assert sorted(meeting_lines(figures.gaps)) == late_meeting_titles(services, 2026)


def test_gaps_say_how_they_were_marked(year_of_records):
    services = year_of_records
    derived = services.derived
    derived.dispose(derived_key(services, "meeting:支部委员会会议:2026-04-01"), "忽略", "当月防汛，经镇党委同意顺延")
    derived.dispose(derived_key(services, "notice-missing:财务公开:quarter:2026:3"), "已处理", "已在村民微信群公开")
    gaps = services.workbench.year_figures(2026).gaps
    assert "2026年4月 支部委员会会议 未召开（应1次，已0次）（已忽略：当月防汛，经镇党委同意顺延）" in gaps
    assert "2026年第三季度财务公开未发布（已处理：已在村民微信群公开）" in gaps


def test_after_the_year_end_notices_count_once_their_window_closes(services):
    records_from(services, D(2026, 1, 2))
    checker = reviewer(services)
    party_q4 = notice(services, "党务公开", Period("quarter", 2026, 4))
    at(services, D(2027, 1, 5))
    publish(services, party_q4, checker, D(2027, 1, 4))
    figures = services.workbench.year_figures(2026)
    # 党务 Q4 was posted in time; 村务 Q4 can still be posted until 10 January: not yet a gap,
    # and on the start page it is 待办, not 已逾期.
    assert bars(figures.notices) == {"党务公开": (1, 4), "村务公开": (0, 3), "财务公开": (0, 3)}
    assert "2026年第四季度村务公开未发布" not in figures.gaps
    assert "2026年第三季度村务公开未发布" in figures.gaps
    q4 = derived_key(services, "notice-missing:村务公开:quarter:2026:4")
    assert (q4.title, q4.status) == ("2026年第四季度村务公开未发布", "待办")
    assert bars(figures.meetings)["支部委员会会议"] == (0, 12)
    at(services, D(2027, 1, 11))
    figures = services.workbench.year_figures(2026)
    assert bars(figures.notices)["村务公开"] == (0, 4)
    assert "2026年第四季度村务公开未发布" in figures.gaps


def test_term_figures(services):
    with pytest.raises(UserError, match="还没有登记届次：请先在“设置 → 届次”中添加本届的名称和起止日期"):
        services.workbench.term_figures()
    services.members.add_term("第十二届", D(2026, 5, 1), D(2031, 4, 30))
    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 4, 8))  # before the term
    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 5, 8))
    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 6, 8))
    figures = services.workbench.term_figures()
    assert (figures.title, figures.first, figures.last) == (
        "第十二届（2026年5月—2031年4月）届中", D(2026, 5, 1), D(2026, 11, 27))
    found = bars(figures.meetings)
    assert found["支部委员会会议"] == (2, 6)  # May to October; November has not ended
    assert found["党课"] == (0, 2)  # the second quarter ends inside the term, and the third
    assert found["组织生活会"] == (0, 0)  # due on 1 December
    assert bars(figures.notices)["财务公开"] == (0, 2)  # the second and third quarters
    assert "2026年4月 支部委员会会议 未召开（应1次，已0次）" not in figures.gaps
    assert "2026年7月 支部委员会会议 未召开（应1次，已0次）" in figures.gaps

    # The first year of the term counts: its 组织生活会 / 民主评议 fall due inside it.
    at(services, D(2026, 12, 5))
    figures = services.workbench.term_figures()
    assert figures.last == D(2026, 12, 5)
    found = bars(figures.meetings)
    assert (found["组织生活会"], found["民主评议党员"], found["支部委员会会议"]) == ((0, 1), (0, 1), (2, 7))
    assert "2026年 组织生活会 未召开（应1次，已0次）" in figures.gaps
    meeting(services, Kind.LIFE_MEETING, D(2026, 12, 3))
    assert bars(services.workbench.term_figures().meetings)["组织生活会"] == (1, 1)
