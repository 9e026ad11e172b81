"""The 年度党建计划: proof links, hand marks, adoption and logged changes, starting a plan."""

import datetime as dt

import pytest
from conftest import person

from app.services.common.errors import UserError
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MeetingData
from app.services.team_rules.team_types import (
    DONE,
    DONE_LATE,
    MONTH,
    NOT_DONE,
    NOT_DUE,
    PROOF_MEETING,
    QUARTER,
    PlanItemData,
    When,
)


def meeting(services, day, *kinds, topic="会议"):
    return services.meetings.save(MeetingData(kinds=[k.value for k in kinds], topic=topic, date=day),
                                  confirmed=True)


@pytest.fixture
def plans(services, profile):
    return services.team_rules.plans


def states(view):
    return {row.data.content: row.state for row in view.items}


def test_a_linked_item_is_done_when_its_meeting_exists_and_late_when_held_after(services, plans):
    plans.save_item(2026, PlanItemData(When(MONTH, 3), "3月讲一次党课", proof_kind=PROOF_MEETING,
                                       proof_ref=Kind.PARTY_LECTURE.value))
    plans.save_item(2026, PlanItemData(When(QUARTER, 2), "二季度召开党员大会", proof_kind=PROOF_MEETING,
                                       proof_ref=Kind.PARTY_CONGRESS.value))
    plans.save_item(2026, PlanItemData(When(MONTH, 12), "12月召开组织生活会", proof_kind=PROOF_MEETING,
                                       proof_ref=Kind.LIFE_MEETING.value))
    assert states(plans.view(2026)) == {"3月讲一次党课": NOT_DONE, "二季度召开党员大会": NOT_DONE,
                                        "12月召开组织生活会": NOT_DUE}
    meeting(services, dt.date(2026, 3, 12), Kind.PARTY_LECTURE)
    meeting(services, dt.date(2026, 7, 3), Kind.PARTY_CONGRESS)
    view = plans.view(2026)
    assert states(view) == {"3月讲一次党课": DONE, "二季度召开党员大会": DONE_LATE, "12月召开组织生活会": NOT_DUE}
    lecture = next(r for r in view.items if r.data.proof_ref == Kind.PARTY_LECTURE.value)
    assert lecture.proof_text == "2026年3月12日 会议：党课"
    assert (view.count(DONE), view.count(DONE_LATE), view.count(NOT_DONE)) == (1, 1, 0)


def test_a_meeting_of_another_kind_or_before_the_period_proves_nothing(services, plans):
    plans.save_item(2026, PlanItemData(When(MONTH, 6), "6月讲党课", proof_kind=PROOF_MEETING,
                                       proof_ref=Kind.PARTY_LECTURE.value))
    meeting(services, dt.date(2026, 5, 30), Kind.PARTY_LECTURE)
    meeting(services, dt.date(2026, 6, 10), Kind.BRANCH_COMMITTEE)
    assert states(plans.view(2026)) == {"6月讲党课": NOT_DONE}


def test_an_unlinked_item_is_marked_done_by_hand_with_a_day_and_a_note(plans):
    item = plans.save_item(2026, PlanItemData(When(MONTH, 4), "组织党员参观红色教育基地"))
    with pytest.raises(UserError) as caught:
        plans.mark_done(item, dt.date(2026, 4, 18))
    assert caught.value.field == "done_note"
    with pytest.raises(UserError, match="不能晚于今天"):
        plans.mark_done(item, dt.date(2026, 12, 1), "提前登记")
    plans.mark_done(item, dt.date(2026, 4, 18), "组织23名党员参观")
    row = plans.view(2026).items[0]
    assert (row.state, row.proof_text) == (DONE, "手工登记：组织23名党员参观")
    plans.mark_done(item, None)
    assert plans.view(2026).items[0].state == NOT_DONE


def test_changes_after_adoption_are_logged(services, plans):
    first = plans.save_item(2026, PlanItemData(When(MONTH, 5), "开展环境整治志愿服务"))
    with pytest.raises(UserError, match="支部委员会会议或支部党员大会"):
        plans.adopt(2026, meeting(services, dt.date(2026, 1, 8), Kind.PARTY_LECTURE))
    passed = meeting(services, dt.date(2026, 1, 10), Kind.BRANCH_COMMITTEE, topic="审议年度党建计划")
    plans.adopt(2026, passed)
    plans.save_item(2026, PlanItemData(When(MONTH, 6), "开展环境整治志愿服务"), first, reason="农忙顺延")
    plans.save_item(2026, PlanItemData(When(MONTH, 9), "走访困难党员"))
    view = plans.view(2026)
    assert view.adopted_text == "2026年1月10日“审议年度党建计划”通过"
    assert [(what, why) for _day, what, why in view.changes] == [
        ("修改：5月 开展环境整治志愿服务 改为 6月 开展环境整治志愿服务", "农忙顺延"),
        ("新增：9月 走访困难党员", ""),
    ]


def test_template_follows_the_requirement_table_and_proves_by_meetings(services, plans):
    secretary = services.members.save(person("张书记", "党支部书记"))
    items = plans.template(2026)
    contents = [i.content for i in items]
    assert contents.count("召开支部委员会会议") == 12
    assert contents.count("讲党课") == 4
    assert "召开组织生活会" in contents and "开展主题党日" in contents
    assert all(i.owner_id == secretary and i.proof_kind == PROOF_MEETING for i in items)
    assert plans.start(2026, items) == len(items)
    with pytest.raises(UserError, match="只能在空计划上生成"):
        plans.start(2026, items)


def test_last_years_plan_is_copied_without_its_marks(services, plans):
    with pytest.raises(UserError, match="2025年没有党建计划"):
        plans.from_last_year(2026)
    item = plans.save_item(2025, PlanItemData(When(MONTH, 4), "参观红色教育基地"))
    plans.mark_done(item, dt.date(2025, 4, 2), "已参观")
    copied = plans.from_last_year(2026)
    assert [(c.content, c.done_on) for c in copied] == [("参观红色教育基地", None)]
    plans.start(2026, copied)
    assert states(plans.view(2026)) == {"参观红色教育基地": NOT_DONE}


def test_bad_lines_are_refused_next_to_their_field(plans):
    with pytest.raises(UserError) as caught:
        plans.save_item(2026, PlanItemData(When(MONTH, 13), " "))
    assert set(caught.value.problems) == {"when", "content"}
    with pytest.raises(UserError) as caught:
        plans.save_item(2026, PlanItemData(When(MONTH, 3), "党课", proof_kind=PROOF_MEETING, proof_ref="茶话会"))
    assert caught.value.field == "proof_ref"
    assert plans.view(2026).items == ()


def test_late_and_soon_due_items_show_on_the_workbench_until_proved(services, plans):
    plans.save_item(2026, PlanItemData(When(MONTH, 10), "10月讲党课", proof_kind=PROOF_MEETING,
                                       proof_ref=Kind.PARTY_LECTURE.value))
    plans.save_item(2026, PlanItemData(When(MONTH, 12), "12月召开组织生活会"))  # due 31 Dec: not yet shown
    plans.save_item(2026, PlanItemData(When(MONTH, 11), "走访困难党员"))
    due = [(i.title, i.status) for i in services.workbench.due_items() if i.area == "党建计划"]
    assert due == [("2026年党建计划：10月 10月讲党课 未完成", "已逾期"), ("2026年党建计划：11月 走访困难党员 未完成", "待办")]
    meeting(services, dt.date(2026, 11, 2), Kind.PARTY_LECTURE)
    due = [i.title for i in services.workbench.due_items() if i.area == "党建计划"]
    assert due == ["2026年党建计划：11月 走访困难党员 未完成"]


def test_next_months_meeting_does_not_prove_a_missed_month_but_a_make_up_does(services, plans):
    for month in (8, 9):
        plans.save_item(2026, PlanItemData(When(MONTH, month), f"{month}月支委会", proof_kind=PROOF_MEETING,
                                           proof_ref=Kind.BRANCH_COMMITTEE.value))
    meeting(services, dt.date(2026, 9, 5), Kind.BRANCH_COMMITTEE)
    assert states(plans.view(2026)) == {"8月支委会": NOT_DONE, "9月支委会": DONE}
    meeting(services, dt.date(2026, 9, 20), Kind.BRANCH_COMMITTEE, topic="补开8月支委会")
    assert states(plans.view(2026)) == {"8月支委会": DONE_LATE, "9月支委会": DONE}


def test_a_reminder_done_in_the_period_proves_its_item(services, plans):
    from app.services.reminders.reminder_types import DoneRecord, ReminderData

    secretary = services.members.save(person("李建国", "党支部书记"))
    reminder = services.reminders.save(ReminderData("提醒谈话", "提醒谈话：鱼塘承包费收缴", dt.date(2026, 10, 15),
                                                    person_ids=[secretary]), confirmed=True)
    plans.save_item(2026, PlanItemData(When(MONTH, 10), "开展提醒谈话", proof_kind="reminder",
                                       proof_ref=str(reminder)))
    assert states(plans.view(2026)) == {"开展提醒谈话": NOT_DONE}
    services.reminders.mark_done(reminder, dt.date(2026, 10, 15), DoneRecord(dt.date(2026, 10, 14), "谈话", "", "王"))
    row = plans.view(2026).items[0]
    assert (row.state, row.proof_text) == (DONE, "2026年10月14日 纪律提醒：提醒谈话：鱼塘承包费收缴")
    with pytest.raises(UserError) as caught:
        plans.save_item(2026, PlanItemData(When(MONTH, 10), "x", proof_kind="reminder", proof_ref="999"))
    assert caught.value.field == "proof_ref"
