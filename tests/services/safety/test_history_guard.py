"""Deleting history rows (posts, attendance, steps, notice lines) is for administrators only."""

import datetime as dt
import json
import sqlite3
from contextlib import closing

import pytest
from conftest import person

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import AttendanceData, MatterData, MeetingData
from app.services.notices.notice_types import INCOME, ItemData, NoticeData, Period
from app.services.safety.actor import Actor, PermissionDenied, Role
from db.models import Matter, MatterStep

D = dt.date
ADMIN, CLERK = Actor("王管理", Role.ADMIN), Actor("李录入", Role.CLERK)


def log(db, entity: str) -> list[tuple[str, str, dict]]:
    with closing(sqlite3.connect(db.path)) as conn:
        rows = conn.execute("SELECT action, actor, after FROM audit_log WHERE entity=? ORDER BY id", (entity,))
        return [(a, who, json.loads(after) if after else {}) for a, who, after in rows]


def drop_post(services):
    pid = services.members.save(person("张三", "党支部书记", "村委会主任"))
    data = services.members.get(pid)
    data.posts = [p for p in data.posts if p.title != "村委会主任"]
    return lambda: services.members.save(data, pid)


def drop_attendee(services):
    ids = [services.members.save(person(n, political_status="中共党员")) for n in ("王一", "王二")]
    mid = services.meetings.save(MeetingData(kinds=[Kind.THEME_DAY.value], topic="学习党章", date=D(2026, 11, 5),
                                             attendance=[AttendanceData(pid) for pid in ids]), confirmed=True)
    data = services.meetings.get(mid)
    data.attendance = [a for a in data.attendance if a.person_id == ids[0]]
    return lambda: services.meetings.save(data, mid, confirmed=True)


def drop_step(services):
    mid = services.matters.save(MatterData(name="村道硬化工程", category="项目", source="村干部提议"))
    with services.db.write() as s:
        matter = s.get(Matter, mid)
        matter.steps = [MatterStep(step=1, date=D(2026, 9, 1), outcome="通过")]
    return lambda: services.matters.remove_last_step(mid)


def drop_line(services):
    notices = services.notices
    data = NoticeData(category="财务公开", title="红旗村2026年第三季度财务收支公开", period=Period("quarter", 2026, 3),
                      post_from=D(2026, 10, 10), post_to=D(2026, 11, 10),
                      items=[ItemData("上级转移支付", INCOME, 1_000_000, D(2026, 8, 3), "镇财政", "王会计"),
                             ItemData("鱼塘承包费", INCOME, 250_000, D(2026, 8, 5), "承包户", "王会计")])
    nid = notices.save(data, confirmed=True)
    notices.submit(nid)  # 待审核: no longer a draft
    data = notices.get(nid)
    data.items = data.items[:1]
    return lambda: notices.save(data, nid, confirmed=True)


CASES = [(drop_post, "post", "任职记录（张三：村委会主任）"), (drop_attendee, "attendance", "参会记录（王二）"),
         (drop_step, "matter_step", "四议两公开步骤（第1步）"), (drop_line, "notice_item", "公告明细（鱼塘承包费）")]


@pytest.mark.parametrize(("prepare", "entity", "named"), CASES, ids=[c[1] for c in CASES])
def test_a_clerk_is_refused_and_nothing_changes(services, prepare, entity, named):
    action = prepare(services)
    before = log(services.db, entity)
    services.act_as(CLERK)
    with pytest.raises(PermissionDenied) as refused:
        action()
    assert refused.value.message == (f"“录入员”账户不能删除已登记的{named}：这些是历史记录，只有管理员可以删除；"
                                     "登记有误时请直接修改。没有保存任何改动")
    assert log(services.db, entity) == before


@pytest.mark.parametrize(("prepare", "entity", "named"), CASES, ids=[c[1] for c in CASES])
def test_an_administrator_may_delete_and_it_is_logged(services, prepare, entity, named):
    action = prepare(services)
    services.act_as(ADMIN)
    action()
    assert [(a, who) for a, who, _ in log(services.db, entity) if a == "删除"] == [("删除", "王管理")]


def test_a_viewer_is_refused_before_anything(services):
    action = drop_post(services)
    services.act_as(Actor("赵查阅", Role.VIEWER))
    with pytest.raises(PermissionDenied, match="“查阅”账户不能新增和修改记录"):
        action()


def test_a_clerk_may_correct_a_post_and_the_correction_is_logged(services):
    pid = services.members.save(person("张三", "党支部书记", "村委会主任"))
    data = services.members.get(pid)
    data.posts[0].end_date = D(2026, 10, 31)
    data.posts[0].end_reason = "调任"
    services.act_as(CLERK)
    services.members.save(data, pid, confirmed=True)
    corrected = [(who, after) for a, who, after in log(services.db, "post") if a == "修改"]
    assert corrected == [("李录入", {"end_date": "2026-10-31", "end_reason": "调任"})]


def test_a_clerk_may_still_remove_a_line_of_a_draft(services):
    notices = services.notices
    data = NoticeData(category="财务公开", title="红旗村2026年第三季度财务收支公开", period=Period("quarter", 2026, 3),
                      post_from=D(2026, 10, 10), post_to=D(2026, 11, 10),
                      items=[ItemData("上级转移支付", INCOME, 1_000_000, D(2026, 8, 3), "镇财政", "王会计"),
                             ItemData("鱼塘承包费", INCOME, 250_000, D(2026, 8, 5), "承包户", "王会计")])
    nid = notices.save(data, confirmed=True)
    data = notices.get(nid)
    data.items = data.items[1:]
    services.act_as(CLERK)
    notices.save(data, nid, confirmed=True)
    assert [i.item for i in notices.get(nid).items] == ["鱼塘承包费"]
    assert [(a, who) for a, who, _ in log(services.db, "notice_item")][-2:] == [("修改", "李录入"), ("删除", "李录入")]
