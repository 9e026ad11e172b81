"""Rows that a save removes from a record's lists are logged like any other deletion."""

import datetime as dt
import json
import sqlite3
from contextlib import closing

import pytest
from conftest import person

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import AttendanceData, MatterData, MeetingData
from app.services.notices.notice_types import INCOME, ItemData, NoticeData, Period
from app.services.reminders.reminder_types import DoneRecord, Recurrence, ReminderData
from db.audit import chain_problems
from db.models import Matter, MatterStep, Meeting, Person, Reminder, TermDuty

D = dt.date


def deleted(db, entity: str) -> list[dict]:
    with closing(sqlite3.connect(db.path)) as conn:
        rows = conn.execute("SELECT record_label, before FROM audit_log WHERE action='删除' AND entity=?",
                            (entity,)).fetchall()
    return [{"label": label, **json.loads(before)} for label, before in rows]


@pytest.fixture
def village(services):
    """Thirty-three party members, the first the 书记."""
    members = services.members
    ids = [members.save(person("王书记", "党支部书记", "村委会主任", political_status="中共党员"))]
    ids += [members.save(person(f"党员{n:02d}", political_status="中共党员")) for n in range(32)]
    return ids


def test_a_post_removed_in_the_member_save_is_logged(services):
    pid = services.members.save(person("张三", "党支部书记", "村委会主任"))
    data = services.members.get(pid)
    data.posts = [p for p in data.posts if p.title != "村委会主任"]
    services.members.save(data, pid)
    assert [(e["label"], e["title"]) for e in deleted(services.db, "post")] == [("张三：村委会主任", "村委会主任")]
    assert chain_problems(services.db.path) == []


def test_a_term_duty_dropped_from_a_person_is_logged(services):
    data = person("张三", "党支部书记")
    data.duties = "全面工作"
    pid = services.members.save(data)
    with services.db.write() as s:
        someone = s.get(Person, pid)
        someone.term_duties.clear()
    assert [(e["label"], e["duties"]) for e in deleted(services.db, "term_duty")] == [("张三", "全面工作")]


def test_attendance_cut_from_33_rows_to_1_logs_32_deletions(services, village):
    meetings = services.meetings
    data = MeetingData(kinds=[Kind.PARTY_CONGRESS.value], topic="学习党章", date=D(2026, 11, 5),
                       attendance=[AttendanceData(pid) for pid in village])
    mid = meetings.save(data, confirmed=True)
    data = meetings.get(mid)
    data.attendance = [a for a in data.attendance if a.person_id == village[0]]
    meetings.save(data, mid, confirmed=True)
    gone = deleted(services.db, "attendance")
    assert len(gone) == 32
    assert {e["label"] for e in gone} == {f"党员{n:02d}" for n in range(32)}


def test_an_attachment_removed_from_a_meeting_is_logged(services, village, tmp_path):
    photo = tmp_path / "会场.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    meetings = services.meetings
    attached = meetings.add_attachment(photo)
    data = MeetingData(kinds=[Kind.THEME_DAY.value], topic="学习党章", date=D(2026, 11, 5),
                       attendance=[AttendanceData(village[0])], attachments=[attached])
    mid = meetings.save(data, confirmed=True)
    data = meetings.get(mid)
    data.attachments = []
    meetings.save(data, mid, confirmed=True)
    assert [e["title"] for e in deleted(services.db, "meeting_attachment")] == ["会场.jpg"]


def test_steps_dropped_from_a_matter_are_logged(services):
    """The matter save replaces the steps list; steps it leaves out are deleted with it."""
    mid = services.matters.save(MatterData(name="村道硬化工程", category="项目", source="村干部提议"))
    with services.db.write() as s:
        matter = s.get(Matter, mid)
        matter.steps = [MatterStep(step=n, date=D(2026, 9, n), outcome="通过") for n in (1, 2)]
    with services.db.write() as s:
        matter = s.get(Matter, mid)
        matter.steps = matter.steps[:1]
    assert [(e["label"], e["step"]) for e in deleted(services.db, "matter_step")] == [("第2步", 2)]


def test_items_removed_in_a_notice_save_are_logged(services):
    notices = services.notices
    data = NoticeData(category="财务公开", title="红旗村2026年第三季度财务收支公开", period=Period("quarter", 2026, 3),
                      post_from=D(2026, 10, 10), post_to=D(2026, 11, 10),
                      items=[ItemData("上级转移支付", INCOME, 1_000_000, D(2026, 8, 3), "镇财政", "王会计"),
                             ItemData("鱼塘承包费", INCOME, 250_000, D(2026, 8, 5), "承包户", "王会计")])
    nid = notices.save(data, confirmed=True)
    data = notices.get(nid)
    data.items = data.items[:1]
    notices.save(data, nid, confirmed=True)
    gone = deleted(services.db, "notice_item")
    assert [(e["item"], e["amount_fen"]) for e in gone] == [("鱼塘承包费", 250_000)]
    assert chain_problems(services.db.path) == []


def test_a_reminder_target_removed_in_the_save_is_logged(services, village):
    reminders = services.reminders
    data = ReminderData("提醒谈话", "提醒谈话：鱼塘承包费收缴", D(2026, 12, 1), person_ids=village[:3])
    rid = reminders.save(data)
    data = ReminderData("提醒谈话", "提醒谈话：鱼塘承包费收缴", D(2026, 12, 1), person_ids=village[:1])
    reminders.save(data, rid)
    assert sorted(e["label"] for e in deleted(services.db, "reminder_target")) == ["党员00", "党员01"]


def test_an_occurrence_record_taken_back_is_logged(services, village):
    reminders = services.reminders
    rid = reminders.save(ReminderData("学习", "两委干部每月集中学习", D(2026, 9, 10),
                                      recurrence=Recurrence.MONTHLY, all_cadres=True))
    reminders.mark_done(rid, D(2026, 10, 10), DoneRecord(D(2026, 10, 10), "会议", "", "王书记"))
    reminders.undo_done(rid, D(2026, 10, 10))
    assert [e["done_by"] for e in deleted(services.db, "reminder_occurrence")] == ["王书记"]
    with services.db.read() as s:
        assert s.get(Reminder, rid) is not None


def test_rows_the_database_would_change_by_itself_are_changed_and_logged(services, village):
    """Deleting a person nulls the meetings they hosted: the log holds that change too."""
    pid = services.members.save(person("李主持"))
    now = dt.datetime(2026, 11, 1, 9, 0)
    with services.db.write() as s:
        s.add(Meeting(topic="学习", date=D(2026, 11, 1), host_id=pid, created_at=now, updated_at=now))
    services.members.delete(pid)
    with closing(sqlite3.connect(services.db.path)) as conn:
        changed = conn.execute("SELECT before, after FROM audit_log WHERE action='修改' AND entity='meeting'").fetchall()
    assert [(json.loads(b), json.loads(a)) for b, a in changed] == [({"host_id": pid}, {"host_id": None})]


def test_bulk_deletes_are_refused_because_they_would_bypass_the_log(services, village):
    from sqlalchemy import delete

    with pytest.raises(RuntimeError, match="audit log"), services.db.write() as s:
        s.execute(delete(TermDuty))
