import datetime as dt

import pytest
from conftest import person

from app.services.common.errors import NeedsConfirmation, UserError, ValidationFailed
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_rules import has_two_thirds, quorum_problems
from app.services.meetings.meeting_types import (
    ABSENT,
    LEAVE,
    PRESENT,
    AttendanceData,
    AttendanceSummary,
    MeetingData,
)
from app.services.meetings.meetings import MeetingService
from app.services.members.member_types import PostData
from app.services.safety.actor import Actor, PermissionDenied, Role
from db.models import Matter, MatterStep

D = dt.date
CONGRESS, COMMITTEE, GROUP = Kind.PARTY_CONGRESS.value, Kind.BRANCH_COMMITTEE.value, Kind.PARTY_GROUP.value
THEME, JOINT, TALK = Kind.THEME_DAY.value, Kind.JOINT_MEETING.value, Kind.HEART_TALK.value


@pytest.fixture
def meetings(db, clock, data_dir) -> MeetingService:
    return MeetingService(db, clock, data_dir.root / "attachments")


@pytest.fixture
def ids(members) -> dict[str, int]:
    """A small village: who holds which post when, and who is a party member since when."""
    party = {"political_status": "中共党员"}
    chen = person("陈刚", **party)
    chen.posts = [PostData("宣传委员", D(2021, 5, 1), D(2026, 6, 30))]
    zheng = person("郑新")
    zheng.posts = [PostData("村委会委员", D(2026, 8, 1))]
    people = [
        person("王芳", "党支部书记", "村委会主任", party_group="一组", **party),
        person("李明", "组织委员", party_group="一组", **party),
        chen,
        person("赵丽", "村委会委员", political_status="群众"),
        zheng,
        person("孙强", political_status="中共预备党员", party_join_date=D(2026, 3, 1), party_group="二组"),
        person("周平", political_status="中共预备党员", party_join_date=D(2026, 10, 15)),
        person("吴老", party_group="二组", party_join_date=D(2025, 9, 1), full_member_date=D(2026, 9, 1), **party),
    ]
    return {str(p.values["name"]): members.save(p) for p in people}


def names(rows) -> list[str]:
    return [r.name for r in rows]


def non_voting(rows) -> list[str]:
    return [r.name for r in rows if not r.voting]


def meeting(*kinds: str, **values) -> MeetingData:
    values.setdefault("topic", "学习党的二十届三中全会精神")
    values.setdefault("date", D(2026, 11, 5))
    return MeetingData(kinds=list(kinds or [THEME]), **values)


def present(*person_ids: int) -> list[AttendanceData]:
    return [AttendanceData(pid) for pid in person_ids]


# ----- 应到 ------------------------------------------------------------------------------


def test_party_congress_expects_every_party_member_on_the_day_and_probationers_do_not_vote(meetings, ids):
    rows = meetings.expected_attendees([CONGRESS], D(2026, 11, 1))
    assert names(rows) == ["陈刚", "李明", "孙强", "王芳", "吴老", "周平"]  # by pinyin
    assert non_voting(rows) == ["孙强", "周平"]
    assert {r.person_id for r in rows} == {ids[n] for n in names(rows)}
    assert all(r.status == PRESENT for r in rows)


def test_party_congress_before_someone_joined_or_became_full_member(meetings, ids):
    rows = meetings.expected_attendees([CONGRESS], D(2026, 8, 1))
    assert "周平" not in names(rows)  # joined 2026-10-15
    assert non_voting(rows) == ["孙强", "吴老"]  # 吴老 became a full member 2026-09-01


def test_branch_committee_expects_party_committee_post_holders_at_the_date(meetings, ids):
    assert names(meetings.expected_attendees([COMMITTEE], D(2026, 11, 1))) == ["李明", "王芳"]
    # 陈刚 left on 2026-06-30: expected before, not after.
    assert names(meetings.expected_attendees([COMMITTEE], D(2026, 6, 1))) == ["陈刚", "李明", "王芳"]
    assert non_voting(meetings.expected_attendees([COMMITTEE], D(2026, 6, 1))) == []


def test_joint_meeting_expects_both_committees_each_person_once(meetings, ids):
    assert names(meetings.expected_attendees([JOINT], D(2026, 11, 1))) == ["李明", "王芳", "赵丽", "郑新"]
    # 郑新 started 2026-08-01, 陈刚 left 2026-06-30.
    assert names(meetings.expected_attendees([JOINT], D(2026, 7, 1))) == ["李明", "王芳", "赵丽"]


def test_party_group_meeting_expects_that_group_only(meetings, ids):
    rows = meetings.expected_attendees([GROUP], D(2026, 11, 1), party_group="二组")
    assert names(rows) == ["孙强", "吴老"]
    assert non_voting(rows) == ["孙强"]
    assert meetings.expected_attendees([GROUP], D(2026, 11, 1)) == []


def test_representatives_meeting_expects_village_committee_and_representatives_in_office(meetings, members, ids):
    """组织法第二十六条：村民代表会议由村民委员会成员和村民代表组成."""
    from tests.conftest import person

    members.save(person("代表甲", "村民代表"))
    gone = person("代表乙", "村民代表")
    gone.posts[0].end_date = D(2026, 10, 1)
    members.save(gone)
    rows = meetings.expected_attendees([Kind.REPRESENTATIVES.value], D(2026, 11, 1))
    assert names(rows) == ["代表甲", "王芳", "赵丽", "郑新"]  # 王芳 sits on the 村委会 too
    assert "代表乙" in names(meetings.expected_attendees([Kind.REPRESENTATIVES.value], D(2026, 9, 1)))


@pytest.mark.parametrize("kind", [TALK, Kind.VILLAGERS.value, Kind.OTHER.value])
def test_kinds_where_the_user_picks_start_empty(meetings, ids, kind):
    assert meetings.expected_attendees([kind], D(2026, 11, 1)) == []


def test_combined_kinds_expect_the_union(meetings, ids):
    day = D(2026, 11, 1)
    both = meetings.expected_attendees([THEME, CONGRESS], day)
    assert names(both) == names(meetings.expected_attendees([CONGRESS], day))
    union = meetings.expected_attendees([COMMITTEE, GROUP], day, party_group="二组")
    assert names(union) == ["李明", "孙强", "王芳", "吴老"]
    assert non_voting(union) == ["孙强"]


def test_unknown_kind_is_refused(meetings):
    with pytest.raises(UserError) as err:
        meetings.expected_attendees(["支部大会"], D(2026, 11, 1))
    assert err.value.message == "不认识的会议类型“支部大会”：请从列表中选择"
    assert err.value.field == "kinds"


# ----- rules -----------------------------------------------------------------------------


def problems_of(meetings, data) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as err:
        meetings.save(data)
    assert meetings.count() == 0
    return err.value.problems


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        (dict(kinds=[]), "kinds", "请选择会议类型"),
        (dict(kinds=["开会"]), "kinds", "不认识的会议类型“开会”：请从列表中选择"),
        (dict(kinds=[THEME, CONGRESS, Kind.PARTY_LECTURE.value]), "kinds",
         "一次会议最多记为两种类型（例如 主题党日 + 支部党员大会）：请去掉多余的类型"),
        (dict(kinds=[TALK, THEME]), "kinds", "谈心谈话不能与其他会议类型合在一起记录：请分开记录"),
        (dict(topic="  "), "topic", "请填写会议主题"),
        (dict(topic="学" * 201), "topic", "会议主题太长：最多200个字，现在201个字"),
        (dict(place="地" * 101), "place", "地点太长：最多100个字，现在101个字"),
        (dict(date=None), "date", "请填写会议日期"),
        (dict(date=D(2026, 11, 28)), "date", "会议日期不能晚于今天（2026年11月27日）：请核对"),
        (dict(start_time="9点"), "start_time", "开始时间“9点”无法识别：请写成 时:分，例如 09:00"),
        (dict(end_time="25:00"), "end_time", "结束时间“25:00”无法识别：请写成 时:分，例如 09:00"),
        (dict(start_time="10:00", end_time="09:30"), "end_time", "结束时间应晚于开始时间：请核对"),
        (dict(start_time="10:00", end_time="10:00"), "end_time", "结束时间应晚于开始时间：请核对"),
        (dict(host_id=9999), "host_id", "主持人不在人员名单中（可能已被删除）：请重新选择"),
        (dict(recorder_id=9999), "recorder_id", "记录人不在人员名单中（可能已被删除）：请重新选择"),
        (dict(kinds=[GROUP]), "party_group", "党小组会请选择是哪个党小组"),
        (dict(votes_against=-1), "votes_against", "反对票数不能是负数：请核对"),
    ],
)
def test_each_rule_has_its_message_beside_its_field(meetings, ids, changes, key, message):
    data = meeting(**{k: v for k, v in changes.items() if k != "kinds"})
    if "kinds" in changes:
        data.kinds = changes["kinds"]
    assert problems_of(meetings, data)[key] == message


def test_attendance_rules(meetings, ids):
    data = meeting(attendance=[
        AttendanceData(ids["王芳"]),
        AttendanceData(ids["李明"], status=LEAVE, reason="  "),
        AttendanceData(ids["王芳"], status=ABSENT),
    ])
    assert problems_of(meetings, data)["attendance"] == "李明请假，请填写请假原因"
    data.attendance = [AttendanceData(ids["王芳"]), AttendanceData(ids["王芳"], status=ABSENT)]
    assert problems_of(meetings, data)["attendance"] == "王芳在出席名单中出现了两次：请删去重复的一行"
    data.attendance = [AttendanceData(9999)]
    assert problems_of(meetings, data)["attendance"] == (
        "出席名单中有人已不在人员名单中（可能已被删除）：请删去这一行"
    )
    data.attendance = [AttendanceData(ids["王芳"], status="迟到")]
    assert problems_of(meetings, data)["attendance"] == "王芳的出席情况请选 出席、请假 或 缺席"


def test_heart_talk_records_exactly_two_people_both_present(meetings, ids):
    data = meeting(TALK, attendance=present(ids["王芳"]))
    assert problems_of(meetings, data)["attendance"] == "谈心谈话应记录谈话双方两个人，现在是1人：请选择谈话双方"
    data.attendance = present(ids["王芳"], ids["李明"], ids["赵丽"])
    assert problems_of(meetings, data)["attendance"] == "谈心谈话应记录谈话双方两个人，现在是3人：请选择谈话双方"
    data.attendance = [AttendanceData(ids["王芳"]), AttendanceData(ids["李明"], status=ABSENT)]
    assert problems_of(meetings, data)["attendance"] == "谈心谈话的双方都应为出席：请核对"
    data.attendance = present(ids["王芳"], ids["李明"])
    meeting_id = meetings.save(data)
    assert names(meetings.get(meeting_id).attendance) == ["李明", "王芳"]


def test_votes_cannot_exceed_voting_members_present(meetings, ids):
    data = meeting(CONGRESS, attendance=meetings.expected_attendees([CONGRESS], D(2026, 11, 5)))
    data.attendance[-1].status = ABSENT  # 周平 (non-voting) absent: 5 present, 4 of them vote
    data.votes_for, data.votes_against, data.votes_abstain = 3, 1, 1
    assert problems_of(meetings, data)["votes"] == (
        "赞成、反对、弃权合计5票，超过了有表决权的实到人数4人（预备党员没有表决权）：请核对票数"
    )
    data.votes_abstain = 0
    assert meetings.save(data) > 0


def test_text_is_trimmed_and_times_normalised(meetings, ids):
    data = meeting(topic="  主题党日活动 ", start_time="9:00", end_time="11：30", place=" 村部会议室 ")
    meeting_id = meetings.save(data)
    saved = meetings.get(meeting_id)
    assert (saved.topic, saved.place, saved.start_time, saved.end_time) == (
        "主题党日活动", "村部会议室", "09:00", "11:30"
    )


# ----- quorum ----------------------------------------------------------------------------


def test_branch_committee_without_more_than_half_needs_confirmation(meetings, ids):
    people = [ids[n] for n in ("王芳", "李明", "陈刚", "赵丽", "郑新")]
    attendance = [AttendanceData(pid, status=PRESENT if i < 2 else ABSENT) for i, pid in enumerate(people)]
    data = meeting(COMMITTEE, attendance=attendance)
    with pytest.raises(NeedsConfirmation) as err:
        meetings.save(data)
    assert err.value.warnings == ["支委会应到 5 人，实到 2 人，未超过半数，会议无效：请确认是否照实记录"]
    assert meetings.count() == 0
    meeting_id = meetings.save(data, confirmed=True)  # held without quorum: still recorded
    assert meetings.list_rows()[0].warnings == ("支委会实到未超过半数",)
    assert meetings.summary(meeting_id) == AttendanceSummary(5, 2, 0, 3, 5, 2)


def test_party_congress_needs_more_than_half(meetings, ids):
    four = [ids[n] for n in ("王芳", "李明", "陈刚", "吴老")]
    data = meeting(THEME, CONGRESS, attendance=[
        AttendanceData(four[0]), AttendanceData(four[1]),
        AttendanceData(four[2], status=LEAVE, reason="外出务工"), AttendanceData(four[3], status=ABSENT),
    ])
    with pytest.raises(NeedsConfirmation) as err:
        meetings.save(data)
    assert err.value.warnings == ["党员大会应到 4 人，实到 2 人，未超过半数，会议无效：请确认是否照实记录"]
    data.attendance[3].status = PRESENT
    assert meetings.save(data) > 0


def test_quorum_helpers_for_the_matters_service(meetings):
    def summary(expected: int, present: int) -> AttendanceSummary:
        return AttendanceSummary(expected, present, 0, expected - present, expected, present)

    assert quorum_problems([THEME], summary(10, 1)) == []
    assert quorum_problems([CONGRESS], summary(10, 6)) == []
    assert quorum_problems([CONGRESS], summary(10, 5)) == [
        "党员大会应到 10 人，实到 5 人，未超过半数，会议无效：请确认是否照实记录"
    ]
    assert meetings.quorum_problems([COMMITTEE], summary(3, 1)) == [
        "支委会应到 3 人，实到 1 人，未超过半数，会议无效：请确认是否照实记录"
    ]
    assert [has_two_thirds(summary(e, p)) for e, p in ((3, 2), (6, 4), (7, 4), (30, 20), (30, 19), (0, 0))] == [
        True, True, False, True, False, False
    ]
    assert meetings.has_two_thirds(summary(9, 6))


# ----- save, read, delete ----------------------------------------------------------------


def test_round_trip_with_combined_kinds_and_update(meetings, ids):
    attendance = meetings.expected_attendees([THEME, CONGRESS], D(2026, 11, 5))
    for row in attendance:
        if row.name == "陈刚":
            row.status, row.reason = LEAVE, "住院"
    data = meeting(CONGRESS, THEME, start_time="09:00", end_time="11:00", place="村部", host_id=ids["王芳"],
                   recorder_id=ids["李明"], agenda="一、学习\n二、讨论", minutes="会议学习了……", resolution="通过",
                   votes_for=3, votes_against=0, votes_abstain=0, observers="驻村第一书记 刘洋", note="",
                   attendance=attendance)
    meeting_id = meetings.save(data)
    saved = meetings.get(meeting_id)
    assert saved.kinds == [CONGRESS, THEME]
    assert saved.attendance == attendance
    assert next(a for a in saved.attendance if a.name == "陈刚").reason == "住院"
    assert (saved.host_id, saved.recorder_id, saved.votes_for, saved.observers) == (
        ids["王芳"], ids["李明"], 3, "驻村第一书记 刘洋"
    )
    assert meetings.summary(meeting_id) == AttendanceSummary(6, 5, 1, 0, 4, 3)

    saved.kinds = [CONGRESS]
    saved.attendance = [a for a in saved.attendance if a.name != "周平"]
    saved.attendance[0].status = ABSENT
    meetings.save(saved, meeting_id)
    again = meetings.get(meeting_id)
    assert again.kinds == [CONGRESS]
    assert names(again.attendance) == ["陈刚", "李明", "孙强", "王芳", "吴老"]
    assert again.attendance[0].status == ABSENT
    assert meetings.count() == 1


def test_a_failed_update_changes_nothing(meetings, ids):
    meeting_id = meetings.save(meeting(attendance=present(ids["王芳"])))
    data = meetings.get(meeting_id)
    data.topic, data.attendance = "", present(ids["李明"])
    with pytest.raises(ValidationFailed):
        meetings.save(data, meeting_id)
    kept = meetings.get(meeting_id)
    assert (kept.topic, names(kept.attendance)) == ("学习党的二十届三中全会精神", ["王芳"])


def test_missing_meeting(meetings):
    with pytest.raises(UserError) as err:
        meetings.get(12345)
    assert err.value.message == "这条会议记录已不存在（可能已被删除）：请刷新列表"


def test_delete_is_refused_while_a_matter_step_links_the_meeting(meetings, ids, db, clock):
    meeting_id = meetings.save(meeting(JOINT))
    with db.write() as s:
        matter = Matter(name="村道硬化项目", category="项目", source="村干部提议", created_at=clock.now())
        s.add(matter)
        s.flush()
        step = MatterStep(matter_id=matter.id, step=2, date=D(2026, 11, 5), meeting_id=meeting_id)
        s.add(step)
    with pytest.raises(UserError) as err:
        meetings.delete(meeting_id)
    assert err.value.message == (
        "这次会议是四议两公开事项“村道硬化项目”第2步（商议）的会议记录，不能删除：请先在该事项中改为关联别的会议，再删除"
    )
    with db.write() as s:
        s.get(MatterStep, step.id).meeting_id = None
    assert meetings.delete(meeting_id) == "学习党的二十届三中全会精神"
    assert meetings.count() == 0


def test_writes_need_permission(meetings, ids, db, tmp_path):
    db.actor = Actor("小刘", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        meetings.save(meeting())
    file = tmp_path / "签到表.jpg"
    file.write_bytes(b"x")
    with pytest.raises(PermissionDenied):
        meetings.add_attachment(file)
    db.actor = Actor("小王", Role.CLERK)
    meeting_id = meetings.save(meeting())
    with pytest.raises(PermissionDenied) as err:
        meetings.delete(meeting_id)
    assert err.value.message == "“录入员”账户不能删除记录：请让管理员登录后操作"


# ----- the list --------------------------------------------------------------------------


@pytest.fixture
def listed(meetings, ids) -> dict[str, int]:
    wang, li, sun = ids["王芳"], ids["李明"], ids["孙强"]
    made = {
        "theme_congress": meeting(THEME, CONGRESS, topic="十一月主题党日暨党员大会", date=D(2026, 11, 5),
                                  host_id=wang, attendance=present(wang, li, sun)),
        "committee": meeting(COMMITTEE, topic="研究村道硬化", date=D(2026, 10, 20), minutes="讨论 100% 完成",
                             attendance=[AttendanceData(wang), AttendanceData(li, status=ABSENT)]),
        "lecture": meeting(Kind.PARTY_LECTURE.value, topic="党课：党章学习", date=D(2025, 10, 8),
                           minutes="学习新修订的村规民约", attendance=present(li)),
        "theme_old": meeting(THEME, topic="十月主题党日", date=D(2026, 10, 10)),
    }
    return {key: meetings.save(data, confirmed=True) for key, data in made.items()}


def topics(rows) -> list[str]:
    return [r.topic for r in rows]


def test_list_is_newest_first_with_counts_host_and_kinds(meetings, listed):
    rows = meetings.list_rows()
    assert topics(rows) == ["十一月主题党日暨党员大会", "研究村道硬化", "十月主题党日", "党课：党章学习"]
    first = rows[0]
    assert (first.id, first.date, first.kinds, first.host, first.expected, first.present) == (
        listed["theme_congress"], D(2026, 11, 5), (CONGRESS, THEME), "王芳", 3, 3
    )
    assert (rows[1].expected, rows[1].present, rows[1].warnings) == (2, 1, ("支委会实到未超过半数",))
    assert (rows[2].expected, rows[2].present, rows[2].host) == (0, 0, "")
    assert topics(meetings.list_rows(limit=2)) == topics(rows)[:2]
    assert topics(meetings.list_rows(limit=2, offset=2)) == topics(rows)[2:]
    assert meetings.count() == 4


def test_list_filters(meetings, listed, ids):
    assert topics(meetings.list_rows(year=2025)) == ["党课：党章学习"]
    assert topics(meetings.list_rows(year=2026, month=10)) == ["研究村道硬化", "十月主题党日"]
    assert topics(meetings.list_rows(month=10)) == ["研究村道硬化", "十月主题党日", "党课：党章学习"]
    assert topics(meetings.list_rows(kind=COMMITTEE)) == ["研究村道硬化"]
    assert topics(meetings.list_rows(person_id=ids["李明"])) == ["十一月主题党日暨党员大会", "党课：党章学习"]
    assert topics(meetings.list_rows(text="村道")) == ["研究村道硬化"]
    assert topics(meetings.list_rows(text="村规民约")) == ["党课：党章学习"]  # found in the minutes
    assert topics(meetings.list_rows(text="主题 十一月")) == ["十一月主题党日暨党员大会"]
    assert topics(meetings.list_rows(text="100%")) == ["研究村道硬化"]
    assert topics(meetings.list_rows(text="1_0")) == []  # LIKE wildcards are taken literally
    assert topics(meetings.list_rows(year=2026, kind=THEME, text="十月")) == ["十月主题党日"]
    assert meetings.count(year=2026) == 3
    assert meetings.count(year=2026, month=10, kind=THEME) == 1


def test_search_over_all_years_finds_one_and_two_character_words(meetings, listed):
    """The words index answers short Chinese words exactly, not only words of three or more."""
    assert topics(meetings.list_rows(text="村")) == ["研究村道硬化", "党课：党章学习"]  # topic, minutes
    assert topics(meetings.list_rows(text="党课")) == ["党课：党章学习"]
    assert topics(meetings.list_rows(text="道硬")) == ["研究村道硬化"]
    assert topics(meetings.list_rows(text="硬研")) == []  # both characters, but not side by side
    assert topics(meetings.list_rows(text="村 党")) == ["党课：党章学习"]  # every word, anywhere
    assert meetings.count(text="党") == 3


def test_search_index_follows_every_save_and_delete(meetings, listed, db):
    data = meetings.get(listed["committee"])
    data.minutes = "吴𠮷祥汇报堃喆家 ABC 修路"
    meetings.save(data, listed["committee"], confirmed=True)
    assert topics(meetings.list_rows(text="100%")) == []  # the old minutes are gone from the index
    assert topics(meetings.list_rows(text="𠮷")) == ["研究村道硬化"]
    assert topics(meetings.list_rows(text="堃喆")) == ["研究村道硬化"]
    assert topics(meetings.list_rows(text="abc")) == ["研究村道硬化"]  # as LIKE: case does not matter
    meetings.delete(listed["committee"])
    with db.read() as s:
        left = s.connection().exec_driver_sql(
            "SELECT count(*) FROM meeting_gram WHERE meeting_id = ?", (listed["committee"],)).scalar()
    assert left == 0


def test_one_sitting_for_two_kinds_is_listed_under_both(meetings, listed):
    assert listed["theme_congress"] in [r.id for r in meetings.list_rows(kind=THEME)]
    assert [r.id for r in meetings.list_rows(kind=CONGRESS)] == [listed["theme_congress"]]
    assert meetings.count(kind=THEME) == 2
    assert meetings.count(kind=CONGRESS) == 1
