"""整改台账: building the ledger, progress with proof, 销号 and reopening by a 管理员 only, the
counts and 完成率 per source, and 长期坚持 never closing."""

import datetime as dt

import pytest
from rect_data import inspection, item

from app.services.common.errors import UserError, ValidationFailed
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MeetingData
from app.services.rectification.rect_types import (
    CLOSED,
    IMMEDIATE,
    IN_PROGRESS,
    KEEP_ON,
    ONGOING,
    OVERDUE,
    LinkData,
    ProgressData,
)
from app.services.safety.actor import Actor, PermissionDenied, Role
from app.services.safety.audit_log import AuditLogService

ADMIN, CLERK = Actor("王管理", Role.ADMIN), Actor("李录入", Role.CLERK)


def test_an_item_is_saved_with_its_measures_and_people(services):
    source, owner, leader = inspection(services)
    item_id = services.rectification.save_item(item(source, owner, leader_id=leader, goal="公开及时、内容完整"))
    row = services.rectification.item(item_id).row
    assert (row.seq, row.owner, row.leader, row.state) == (1, "张堃", "李建国", IN_PROGRESS)
    assert row.measures == ("每季度首月10日前更新公开栏", "监委会逐项审核")
    assert row.source_title == "2026年县委第三巡察组反馈问题"
    data = services.rectification.item_data(item_id)
    data.measures = ["只剩一条措施"]
    services.rectification.save_item(data)
    assert services.rectification.item(item_id).row.measures == ("只剩一条措施",)


def test_item_problems_are_named_by_field(services):
    source, _owner, _leader = inspection(services)
    with pytest.raises(ValidationFailed) as err:
        services.rectification.save_item(_blank(source))
    assert err.value.problems == {
        "problem": "请填写问题内容",
        "measures": "请至少填写一条整改措施",
        "owner_id": "请从两委成员和党员名单中选择责任人",
        "deadline": "请填写整改时限（长期坚持的问题不用填）",
    }
    assert services.rectification.items() == []


def _blank(source):
    data = item(source, None, deadline=None, problem=" ")
    data.measures = ["", "  "]
    return data


def test_states_counts_and_completion_rate_per_source(services, clock):
    source, owner, _ = inspection(services)
    rect = services.rectification
    late = rect.save_item(item(source, owner, deadline=dt.date(2026, 11, 20)))
    rect.save_item(item(source, owner, deadline=dt.date(2026, 12, 20)))
    done = rect.save_item(item(source, owner, deadline=dt.date(2026, 10, 1), kind=IMMEDIATE))
    rect.save_item(item(source, owner, deadline=None, kind=ONGOING))
    rect.save_progress(ProgressData(done, dt.date(2026, 9, 20), "公开栏已更新"))
    rect.close(done, dt.date(2026, 9, 25), "王书记", "已整改到位，同意销号")
    counts = rect.sources()[0].counts
    assert (counts.items, counts.closed, counts.in_progress, counts.overdue, counts.ongoing) == (4, 1, 1, 1, 1)
    assert counts.rate == "33.3%"  # 1 of the 3 that can close: 长期坚持 never does
    assert [r.state for r in rect.items(state=OVERDUE)] == [OVERDUE]
    assert rect.items(state=OVERDUE)[0].id == late
    assert {r.state for r in rect.items()} == {OVERDUE, IN_PROGRESS, CLOSED, KEEP_ON}


def test_progress_keeps_its_proof_files_and_linked_records(services, tmp_path):
    source, owner, _ = inspection(services)
    rect = services.rectification
    item_id = rect.save_item(item(source, owner))
    photo = tmp_path / "公开栏照片.jpg"
    photo.write_bytes(b"board photo")
    added = rect.add_attachment(photo)
    meeting = services.meetings.save(MeetingData(kinds=[Kind.BRANCH_COMMITTEE.value], topic="研究巡察整改方案",
                                                 date=dt.date(2026, 9, 10)), confirmed=True)
    choices = rect.linkable("meeting")
    assert [c.label for c in choices] == ["2026年9月10日 研究巡察整改方案"]
    rect.save_progress(ProgressData(item_id, dt.date(2026, 9, 12), "支委会研究整改方案", [added],
                                    [LinkData("meeting", meeting)]))
    detail = rect.item(item_id)
    entry = detail.progress[0]
    assert [a.title for a in entry.attachments] == ["公开栏照片.jpg"]
    assert rect.attachment_path(entry.attachments[0].stored_name).read_bytes() == b"board photo"
    assert [link.text for link in entry.links] == ["会议记录：2026年9月10日 研究巡察整改方案"]
    assert detail.row.last_progress == "2026年9月12日：支委会研究整改方案"


def test_progress_dated_in_the_future_or_linking_nothing_is_refused(services):
    source, owner, _ = inspection(services)
    rect = services.rectification
    item_id = rect.save_item(item(source, owner))
    with pytest.raises(ValidationFailed) as err:
        rect.save_progress(ProgressData(item_id, dt.date(2026, 12, 1), "提前写好", links=[LinkData("notice", 99)]))
    assert err.value.problems == {"date": "进展日期不能晚于今天",
                                  "links": "关联的公告已不存在（可能已被删除）：请删去这条关联"}
    assert rect.item(item_id).progress == ()


def test_only_an_administrator_closes_and_reopens_and_the_reason_is_kept(services):
    source, owner, _ = inspection(services)
    rect = services.rectification
    item_id = rect.save_item(item(source, owner))
    services.act_as(CLERK)
    rect.save_progress(ProgressData(item_id, dt.date(2026, 11, 1), "公开栏按季度更新，已上墙"))
    with pytest.raises(PermissionDenied) as err:
        rect.close(item_id, dt.date(2026, 11, 20), "王书记", "同意销号")
    assert err.value.message == "“录入员”账户不能销号：只有管理员可以销号，请让管理员登录后操作"
    services.act_as(ADMIN)
    with pytest.raises(ValidationFailed) as err:
        rect.close(item_id, dt.date(2026, 11, 20), "", "")
    assert set(err.value.problems) == {"accepted_by", "acceptance"}
    rect.close(item_id, dt.date(2026, 11, 20), "王书记", "已整改到位，同意销号")
    assert rect.item(item_id).row.state == CLOSED
    services.act_as(CLERK)
    with pytest.raises(PermissionDenied):
        rect.reopen(item_id, "回头看发现反弹")
    services.act_as(ADMIN)
    with pytest.raises(UserError) as err:
        rect.reopen(item_id, "  ")
    assert err.value.message == "请填写重新打开的理由，例如 回头看发现问题反弹"
    rect.reopen(item_id, "回头看发现第四季度未更新")
    detail = rect.item(item_id)
    assert detail.row.state == IN_PROGRESS and detail.row.closed_on is None
    assert [(r.reason, r.decided_by, r.closed_on, r.accepted_by) for r in detail.reopenings] == [
        ("回头看发现第四季度未更新", "王管理", dt.date(2026, 11, 20), "王书记")]
    logged = [r.changes for r in AuditLogService(services.db).entries()
              if r.area == "整改台账" and r.action == "新增" and "重新打开理由" in r.changes]
    assert len(logged) == 1 and "重新打开理由：回头看发现第四季度未更新" in logged[0]


def test_no_closing_without_progress_and_ongoing_items_never_close(services):
    source, owner, _ = inspection(services)
    rect = services.rectification
    fresh = rect.save_item(item(source, owner))
    with pytest.raises(UserError) as err:
        rect.close(fresh, dt.date(2026, 11, 20), "王书记", "同意")
    assert err.value.message == "还没有登记整改进展：请先登记整改情况和佐证材料，再销号"
    ongoing = rect.save_item(item(source, owner, deadline=dt.date(2026, 12, 1), kind=ONGOING))
    assert rect.item(ongoing).row.deadline is None  # 长期坚持 has no deadline
    rect.save_progress(ProgressData(ongoing, dt.date(2026, 11, 1), "第四季度检查：制度执行良好"))
    with pytest.raises(UserError) as err:
        rect.close(ongoing, dt.date(2026, 11, 20), "王书记", "同意")
    assert err.value.message == "“长期坚持”的问题不销号：请定期登记检查情况（整改进展）"
    assert rect.item(ongoing).row.state == KEEP_ON


def test_a_clerk_cannot_delete_progress_or_items(services):
    source, owner, _ = inspection(services)
    rect = services.rectification
    item_id = rect.save_item(item(source, owner))
    rect.save_progress(ProgressData(item_id, dt.date(2026, 11, 1), "已整改"))
    services.act_as(CLERK)
    with pytest.raises(PermissionDenied):
        rect.delete_item(item_id)
    with pytest.raises(PermissionDenied):
        rect.delete_source(source)
    services.act_as(ADMIN)
    with pytest.raises(UserError) as err:
        rect.delete_source(source)
    assert err.value.message == "这个来源下还有整改问题，不能删除：请先删除其中的问题"
    rect.delete_item(item_id)
    rect.delete_source(source)
    assert rect.sources() == []


def test_a_done_reminder_occurrence_can_be_the_proof(services):
    from app.services.reminders.reminder_types import DoneRecord, ReminderData

    source, owner, _ = inspection(services)
    rect = services.rectification
    item_id = rect.save_item(item(source, owner))
    reminder = services.reminders.save(ReminderData("提醒谈话", "对分管干部提醒谈话", dt.date(2026, 11, 10),
                                                    person_ids=[owner]), confirmed=True)
    services.reminders.mark_done(reminder, dt.date(2026, 11, 10), DoneRecord(dt.date(2026, 11, 10), "谈话", "", "周淼"))
    (choice,) = rect.linkable("reminder")
    assert choice.text == "纪律提醒：对分管干部提醒谈话（2026年11月10日）"
    rect.save_progress(ProgressData(item_id, dt.date(2026, 11, 11), "已提醒谈话", links=[choice]))
    assert [k.ref_date for k in rect.item(item_id).progress[0].links] == [dt.date(2026, 11, 10)]
    with pytest.raises(ValidationFailed):
        rect.save_progress(ProgressData(item_id, dt.date(2026, 11, 11), "x",
                                        links=[LinkData("reminder", reminder, dt.date(2026, 11, 9))]))
