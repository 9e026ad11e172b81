import datetime as dt

import pytest
from conftest import person
from workbench_data import (
    at,
    committee,
    matter_entered_on,
    meeting,
    notice,
    records_from,
    reviewer,
)

from app.services.common.errors import UserError
from app.services.common.profile import Profile
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import StepData
from app.services.notices.notice_types import Period, QuestionData
from app.services.safety.actor import Actor, PermissionDenied, Role
from app.services.workbench.workbench_types import Target

D = dt.date


def items(services) -> dict:
    return {item.key: item for item in services.derived.items()}


def test_a_month_without_a_committee_meeting_until_one_is_recorded(services):
    records_from(services, D(2025, 1, 2))
    found = items(services)
    november = found["meeting:支部委员会会议:2026-11-01"]
    assert november.title == "2026年11月 支部委员会会议 未召开（应1次，已0次）"
    assert (november.area, november.due, november.status, november.derived) == ("会议记录", D(2026, 11, 30), "待办", True)
    assert november.target == Target("meeting_new", ("支部委员会会议", "2026-11-27"))
    october = found["meeting:支部委员会会议:2026-10-01"]
    assert (october.due, october.status) == (D(2026, 10, 31), "已逾期")
    assert october.target == Target("meeting_new", ("支部委员会会议", "2026-10-01"))
    assert found["meeting:主题党日:2026-11-01"].title == "2026年11月 主题党日 未开展（应1次，已0次）"
    lecture = found["meeting:党课:2026-07-01"]
    assert (lecture.title, lecture.due) == ("2026年第三季度 党课 未开展（应1次，已0次）", D(2026, 9, 30))
    # December is not due within 14 days, nor is each member's 谈心谈话 (due 31 December).
    assert "meeting:支部委员会会议:2026-12-01" not in found
    assert not [k for k in found if k.startswith("meeting:谈心谈话")]

    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 11, 3))
    meeting(services, Kind.PARTY_LECTURE, D(2026, 8, 20))
    found = items(services)
    assert "meeting:支部委员会会议:2026-11-01" not in found and "meeting:党课:2026-07-01" not in found
    assert "meeting:支部委员会会议:2026-10-01" in found


def meeting_and_notice_keys(found) -> set[str]:
    return {k for k in found if k.startswith(("meeting:", "notice-missing:"))}


def test_a_new_install_is_not_told_about_the_months_before_it(services):
    services.profile.save(Profile("红旗村", "城关镇"))  # the first entry of the audit log: today
    found = items(services)
    # Only the periods still running, due within 14 days: nothing before the first day.
    assert meeting_and_notice_keys(found) == {
        "meeting:支部委员会会议:2026-11-01", "meeting:党小组会:2026-11-01", "meeting:主题党日:2026-11-01",
        "meeting:组织生活会:2026-01-01", "meeting:民主评议党员:2026-01-01"}
    assert {item.status for item in found.values()} == {"待办"}
    assert [i.key for i in services.workbench.due_items() if i.status == "已逾期"] == []
    # A week later the same five are late (the records began on 27 November, the day the
    # profile was saved); December and the fourth quarter are not due within 14 days, and
    # the fourth quarter's notices can be posted until 10 January.
    at(services, D(2026, 12, 5))
    later = items(services)
    assert meeting_and_notice_keys(later) == meeting_and_notice_keys(found)
    assert {later[k].status for k in meeting_and_notice_keys(later)} == {"已逾期"}
    assert later["meeting:支部委员会会议:2026-11-01"].title == "2026年11月 支部委员会会议 未召开（应1次，已0次）"


def test_an_empty_database_shows_only_what_runs_now(services):
    assert meeting_and_notice_keys(items(services)) == {
        "meeting:支部委员会会议:2026-11-01", "meeting:党小组会:2026-11-01", "meeting:主题党日:2026-11-01",
        "meeting:组织生活会:2026-01-01", "meeting:民主评议党员:2026-01-01"}


def test_meetings_entered_back_to_january_show_the_gaps_from_january_on(services):
    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 1, 10))
    found = items(services)
    group = sorted(k for k in found if k.startswith("meeting:党小组会:"))
    assert group == [f"meeting:党小组会:2026-{m:02d}-01" for m in range(1, 12)]
    assert found["meeting:党小组会:2026-01-01"].title == "2026年1月 党小组会 未召开（应1次，已0次）"
    assert found["meeting:党小组会:2026-01-01"].status == "已逾期"
    assert "meeting:支部委员会会议:2026-01-01" not in found and "meeting:支部委员会会议:2026-02-01" in found
    assert "meeting:党课:2026-01-01" in found and "meeting:党课:2025-10-01" not in found
    assert "notice-missing:财务公开:quarter:2026:1" in found
    assert "notice-missing:财务公开:quarter:2025:4" not in found  # ended before the first record


def test_records_begin_with_the_earliest_log_entry_meeting_or_notice_period(services):
    from app.services.common.due_rule import read_records_begin

    assert read_records_begin(services.db) is None
    meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 3, 9))
    assert read_records_begin(services.db) == D(2026, 3, 9)
    notice(services, "财务公开", Period("quarter", 2025, 3))
    notice(services, "村务公开", Period("month", 2025, 8))
    assert read_records_begin(services.db) == D(2025, 7, 1)  # the third quarter's first day
    found = items(services)
    assert "notice-missing:财务公开:quarter:2025:3" not in found  # due 2025-10-10: beyond the year back
    assert "notice-missing:财务公开:quarter:2025:4" in found and "meeting:党课:2025-10-01" in found


def test_lookback_stops_a_year_back(services):
    records_from(services, D(2025, 1, 2))
    found = items(services)
    assert found["meeting:支部委员会会议:2025-11-01"].due == D(2025, 11, 30)  # within 365 days of 2026-11-27
    assert "meeting:支部委员会会议:2025-10-01" not in found
    assert "notice-missing:财务公开:quarter:2025:4" in found  # due 2026-01-10
    assert "notice-missing:财务公开:quarter:2025:3" not in found  # due 2025-10-10: too old to nag


def test_life_meeting_and_appraisal_due_by_1_december(services):
    life = items(services)["meeting:组织生活会:2026-01-01"]
    assert (life.title, life.due, life.status) == ("2026年 组织生活会 未召开（应1次，已0次）", D(2026, 12, 1), "待办")
    assert life.target == Target("meeting_new", ("组织生活会", "2026-11-27"))
    assert items(services)["meeting:民主评议党员:2026-01-01"].title == "2026年 民主评议党员 未开展（应1次，已0次）"
    at(services, D(2026, 12, 2))
    assert items(services)["meeting:组织生活会:2026-01-01"].status == "已逾期"
    meeting(services, Kind.LIFE_MEETING, D(2026, 12, 2))
    assert "meeting:组织生活会:2026-01-01" not in items(services)


def test_across_the_year_end_december_gaps_still_show(services):
    records_from(services, D(2025, 1, 2))
    at(services, D(2027, 1, 5))
    found = items(services)
    december = found["meeting:支部委员会会议:2026-12-01"]
    assert (december.title, december.status) == ("2026年12月 支部委员会会议 未召开（应1次，已0次）", "已逾期")
    assert found["meeting:组织生活会:2026-01-01"].status == "已逾期"
    q4 = found["notice-missing:财务公开:quarter:2026:4"]
    assert (q4.title, q4.due, q4.status) == ("2026年第四季度财务公开未发布", D(2027, 1, 10), "待办")
    assert q4.target == Target("notice_new", ("财务公开", "quarter", 2026, 4))
    assert "meeting:支部委员会会议:2026-01-01" in found  # due 2026-01-31, within the year back
    assert "meeting:支部委员会会议:2025-12-01" not in found
    assert "meeting:支部委员会会议:2027-01-01" not in found  # due 2027-01-31, not yet within 14 days


def test_stuck_matter_until_it_moves_on(services):
    secretary, organiser = committee(services)
    matter_id = matter_entered_on(services, D(2026, 9, 1))
    stuck = items(services)[f"matter:{matter_id}:0"]
    assert stuck.title == "“村道硬化工程”登记已87天，还没有提议"
    assert (stuck.area, stuck.due, stuck.status) == ("四议两公开", D(2026, 10, 1), "已逾期")
    assert stuck.target == Target("matter", (matter_id,))
    sitting = meeting(services, Kind.BRANCH_COMMITTEE, D(2026, 11, 20), secretary, organiser)
    services.matters.add_step(matter_id, StepData(1, D(2026, 11, 20), meeting_id=sitting, outcome="通过"))
    assert not [k for k in items(services) if k.startswith("matter:")]
    at(services, D(2027, 1, 5))
    again = items(services)[f"matter:{matter_id}:1"]
    assert again.title == "“村道硬化工程”停在“提议”已46天，下一步：商议"
    assert again.due == D(2026, 12, 20)


def test_missing_notice_and_notice_waiting_for_review(services):
    records_from(services, D(2025, 1, 2))
    checker = reviewer(services)
    q3 = Period("quarter", 2026, 3)
    missing = items(services)["notice-missing:财务公开:quarter:2026:3"]
    assert (missing.title, missing.area, missing.due, missing.status) == (
        "2026年第三季度财务公开未发布", "三公开", D(2026, 10, 10), "已逾期")
    assert "notice-missing:党务公开:quarter:2026:3" in items(services)
    assert "notice-missing:财务公开:quarter:2026:4" not in items(services)  # Q4 has not ended
    nid = notice(services, "财务公开", q3, "红旗村2026年第三季度财务收支公开", start=D(2026, 11, 30))
    services.notices.submit(nid)
    review = items(services)[f"notice-review:{nid}"]
    assert (review.title, review.due, review.status) == ("公告待审核：红旗村2026年第三季度财务收支公开", D(2026, 11, 30), "待办")
    assert review.target == Target("notice", (nid,))
    services.notices.review(nid, checker, "同意公开", D(2026, 11, 27), approve=True)
    services.notices.post(nid, D(2026, 11, 27))
    found = items(services)
    assert f"notice-review:{nid}" not in found and "notice-missing:财务公开:quarter:2026:3" not in found
    assert "notice-missing:财务公开:quarter:2026:2" in found


def test_notice_reviewed_but_not_posted_until_it_is_posted(services):
    records_from(services, D(2025, 1, 2))
    checker = reviewer(services)
    q3 = Period("quarter", 2026, 3)
    nid = notice(services, "村务公开", q3, "红旗村2026年第三季度村务公开", start=D(2026, 12, 1))
    services.notices.submit(nid)
    assert f"notice-post:{nid}" not in items(services)  # still waiting for review
    services.notices.review(nid, checker, "同意公开", D(2026, 11, 26), approve=True)
    found = items(services)
    reviewed = found[f"notice-post:{nid}"]
    assert (reviewed.title, reviewed.area, reviewed.due, reviewed.status, reviewed.derived) == (
        "公告已审核待公开：红旗村2026年第三季度村务公开", "三公开", D(2026, 12, 1), "待办", True)
    assert reviewed.target == Target("notice", (nid,))
    assert f"notice-review:{nid}" not in found
    assert "notice-missing:村务公开:quarter:2026:3" in found  # not posted yet: the gap stays
    services.notices.post(nid, D(2026, 11, 27))
    found = items(services)
    assert f"notice-post:{nid}" not in found and "notice-missing:村务公开:quarter:2026:3" not in found


def test_unanswered_questions(services):
    old = services.questions.add_question(QuestionData(D(2026, 11, 19), "第3项修路费用为何这么高？", "村民甲"))
    new = services.questions.add_question(QuestionData(D(2026, 11, 25), "补贴何时发放？"))
    found = items(services)
    assert found[f"question:{old}"].title == "群众意见未答复：第3项修路费用为何这么高？（村民甲，2026年11月19日提出）"
    assert (found[f"question:{old}"].due, found[f"question:{old}"].status) == (D(2026, 11, 26), "已逾期")
    assert found[f"question:{new}"].title == "群众意见未答复：补贴何时发放？（2026年11月25日提出）"
    assert (found[f"question:{new}"].due, found[f"question:{new}"].status) == (D(2026, 12, 2), "待办")
    assert found[f"question:{old}"].target == Target("question", (old,))
    services.questions.answer(old, "按合同价结算", D(2026, 11, 27))
    assert f"question:{old}" not in items(services)


def test_posts_and_the_term_ending_within_90_days(services):
    leaving = person("王委员", "村委会委员")
    leaving.posts[0].end_date = D(2027, 1, 31)
    later = person("钱委员", "村委会委员")
    later.posts[0].end_date = D(2027, 3, 1)  # 94 days away
    pid = services.members.save(leaving, confirmed=True)
    services.members.save(later, confirmed=True)
    term_id = services.members.add_term("第十一届", D(2021, 2, 1), D(2027, 1, 31))
    found = items(services)
    post = next(item for key, item in found.items() if key.startswith("post:"))
    assert post.title == "王委员 的 村委会委员 任期将于2027年1月31日届满"
    assert (post.area, post.due, post.status, post.shows_from) == ("两委成员", D(2027, 1, 31), "待办", D(2026, 11, 2))
    assert post.target == Target("member", (pid,))
    assert len([k for k in found if k.startswith("post:")]) == 1
    term = found[f"term:{term_id}:2027-01-31"]
    assert term.title == "第十一届两委任期将于2027年1月31日届满，请准备换届"
    assert (term.target, term.shows_from) == (Target("terms", ()), D(2026, 11, 2))


def test_marking_hides_the_item_and_keeps_the_reason(services):
    records_from(services, D(2025, 1, 2))
    item = items(services)["meeting:支部委员会会议:2026-10-01"]
    with pytest.raises(UserError) as err:
        services.derived.dispose(item, "已处理", "  ")
    assert (err.value.message, err.value.field) == ("请填写理由，例如 已在11月30日的党员大会上一并召开", "reason")
    with pytest.raises(UserError, match="请选择“已处理”或“忽略”"):
        services.derived.dispose(item, "已完成", "开过了")
    services.act_as(Actor("小刘", Role.VIEWER))
    with pytest.raises(PermissionDenied):
        services.derived.dispose(item, "忽略", "当月停电")
    services.act_as(Actor("王文书", Role.CLERK))
    services.derived.dispose(item, "忽略", "当月村里防汛，经镇党委同意顺延")
    assert item.key not in items(services)
    services.derived.dispose(item, "已处理", "11月2日已补开")  # marking again updates the same record
    [row] = services.derived.dispositions(D(2026, 11, 1), D(2026, 11, 30))
    assert (row.key, row.title, row.area, row.status, row.reason, row.decided_on, row.decided_by) == (
        item.key, "2026年10月 支部委员会会议 未召开（应1次，已0次）", "会议记录", "已处理", "11月2日已补开",
        D(2026, 11, 27), "王文书")
    assert services.derived.dispositions(D(2026, 12, 1), D(2026, 12, 31)) == []
    services.derived.undispose(item.key)
    assert item.key in items(services)
    with pytest.raises(UserError, match="这条标记已不存在"):
        services.derived.undispose(item.key)


def test_reminders_are_settled_by_their_record_not_by_a_mark(services):
    from app.services.workbench.workbench_types import DueItem

    own = DueItem("reminder:1:2026-12-01", "纪律提醒", "八项规定提醒：元旦前提醒", D(2026, 12, 1), "待办",
                  Target("reminder", (1, "2026-12-01")), derived=False)
    with pytest.raises(UserError, match="纪律提醒请登记办理情况"):
        services.derived.dispose(own, "已处理", "已提醒")
