import datetime as dt

import pytest
from conftest import person
from sqlalchemy import select

from app.clock import FixedClock
from app.services.common.errors import NeedsConfirmation, UserError, ValidationFailed
from app.services.meetings.matters import MatterService, format_amount, parse_amount
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MatterData, StepData
from app.services.safety.actor import Actor, PermissionDenied, Role
from db.models import Attendance, Meeting, MeetingKind, VillagerMeetingCount

D1, D2, D3, D4, D5, D6 = (dt.date(2026, 9, d) for d in (1, 5, 10, 15, 20, 25))
SURNAMES, GIVEN = "赵钱孙李周吴郑王", "甲乙丙丁戊己庚辛壬癸"


@pytest.fixture
def matters(db, clock) -> MatterService:
    return MatterService(db, clock)


@pytest.fixture
def people(members) -> list[int]:
    """Thirty party members; the first is 书记 only (no 一肩挑)."""
    ids = [members.save(person("张书记", "党支部书记", political_status="中共党员"))]
    names = [s + g for s in SURNAMES for g in GIVEN][:29]
    ids += [members.save(person(n, political_status="中共党员")) for n in names]
    return ids


def meeting(db, kinds, day, people, present, votes_for=None, non_voting=0) -> int:
    """A meeting of ``kinds`` on ``day``: the first ``present`` of ``people`` attend."""
    now = dt.datetime(2026, 9, 1, 8, 0)
    with db.write() as s:
        m = Meeting(topic="研究事项", date=day, votes_for=votes_for, created_at=now, updated_at=now)
        m.kinds = [MeetingKind(kind=k.value) for k in kinds]
        m.attendance = [
            Attendance(person_id=pid, status="出席" if i < present else "缺席",
                       voting=i >= non_voting)
            for i, pid in enumerate(people)
        ]
        s.add(m)
        s.flush()
        return m.id


def new_matter(matters, **values) -> int:
    fields = {"name": "村道硬化工程", "category": "项目", "source": "村干部提议", **values}
    return matters.save(MatterData(**fields))


def notice(n, day) -> StepData:
    return StepData(n, day, place="村务公开栏", posted_text="经村民代表会议决议，实施村道硬化。")


def chain_to(db, matters, people, upto) -> int:
    """A matter with steps 1..upto recorded, each at a quorate meeting that approved it."""
    mid = new_matter(matters)
    plans = {
        1: ((Kind.BRANCH_COMMITTEE,), D1, people[:5], 3, None),
        2: ((Kind.JOINT_MEETING,), D2, people[:9], 7, None),
        3: ((Kind.PARTY_CONGRESS,), D3, people, 20, 18),
        4: ((Kind.REPRESENTATIVES,), D4, people[:20], 15, 15),
    }
    for n in range(1, upto + 1):
        if n in plans:
            kinds, day, who, present, votes = plans[n]
            meeting_id = meeting(db, kinds, day, who, present, votes)
            matters.add_step(mid, StepData(n, day, meeting_id=meeting_id, outcome="通过"))
        else:
            matters.add_step(mid, notice(n, D5 if n == 5 else D6))
    return mid


def refused(call, key) -> str:
    with pytest.raises(ValidationFailed) as err:
        call()
    return err.value.problems[key]


def test_full_chain_is_recorded_and_read_back(db, matters, people):
    mid = chain_to(db, matters, people, 6)
    data = matters.get(mid)
    assert [s.step for s in data.steps] == [1, 2, 3, 4, 5, 6]
    assert data.steps[4].place == "村务公开栏"
    row = matters.list_rows()[0]
    assert (row.reached, row.reached_on, row.stuck_days) == (6, D6, None)
    with pytest.raises(ValidationFailed) as err:
        matters.add_step(mid, notice(6, D6))
    assert "六个步骤都已登记完" in err.value.problems["step"]


def test_an_earlier_step_after_a_later_one_is_refused(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    again = StepData(1, D3, meeting_id=meeting(db, [Kind.BRANCH_COMMITTEE], D3, people[:5], 5))
    assert refused(lambda: matters.add_step(mid, again), "step") == (
        "“提议”已经登记过了（已到第2步“商议”）：要改动，请先撤销后面的步骤"
    )


def test_a_gap_is_refused(db, matters, people):
    mid = chain_to(db, matters, people, 1)
    skip = StepData(3, D3, meeting_id=meeting(db, [Kind.PARTY_CONGRESS], D3, people, 30, 30))
    assert refused(lambda: matters.add_step(mid, skip), "step") == (
        "还没有登记“商议”，不能直接登记“审议”：请按 提议→商议→审议→决议→决议公开→实施结果公开 的顺序逐步登记"
    )


def test_save_with_steps_out_of_sequence_is_refused_and_writes_nothing(matters):
    data = MatterData("修订村规民约", "村规民约", "上级安排", steps=[notice(5, D5)])
    with pytest.raises(ValidationFailed) as err:
        matters.save(data)
    assert err.value.problems["steps.5.step"].startswith("还没有登记“提议”")
    assert matters.list_rows() == []


def test_dates_may_not_go_backwards_or_into_the_future(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    early = StepData(3, D1, meeting_id=meeting(db, [Kind.PARTY_CONGRESS], D1, people, 30, 30))
    assert refused(lambda: matters.add_step(mid, early), "date") == (
        "“审议”的日期（2026年9月1日）早于上一步“商议”的日期（2026年9月5日）：各步骤的日期不能倒退，请核对"
    )
    late = dt.date(2026, 11, 28)
    future = StepData(3, late, meeting_id=meeting(db, [Kind.PARTY_CONGRESS], late, people, 30, 30))
    assert refused(lambda: matters.add_step(mid, future), "date") == "“审议”的日期不能晚于今天（2026年11月27日）"


def test_the_step_date_must_be_the_meeting_date(db, matters, people):
    mid = new_matter(matters)
    other_day = StepData(1, D2, meeting_id=meeting(db, [Kind.BRANCH_COMMITTEE], D1, people[:5], 5))
    assert "与所选会议的日期（2026年9月1日）不一致" in refused(lambda: matters.add_step(mid, other_day), "date")


def test_wrong_meeting_kind_is_refused(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    lecture = StepData(3, D3, meeting_id=meeting(db, [Kind.PARTY_LECTURE], D3, people, 30))
    assert refused(lambda: matters.add_step(mid, lecture), "meeting_id") == (
        "“审议”应在支部党员大会上进行，所选会议是党课：请选择正确的会议"
    )


def test_a_missing_meeting_is_refused(db, matters, people):
    mid = new_matter(matters)
    assert refused(lambda: matters.add_step(mid, StepData(1, D1)), "meeting_id") == (
        "“提议”需要关联一次支部委员会会议：请先在会议记录中登记这次会议，再选择它"
    )
    gone = StepData(1, D1, meeting_id=9999)
    assert refused(lambda: matters.add_step(mid, gone), "meeting_id") == "所选会议已不存在（可能已被删除）：请重新选择"


def test_one_shoulder_village_may_propose_and_discuss_in_one_joint_meeting(db, members, matters, people):
    head = members.get(people[0])
    head.posts.append(person("x", "村委会主任").posts[0])
    members.save(head, people[0])
    mid = new_matter(matters)
    joint = meeting(db, [Kind.JOINT_MEETING], D1, people[:9], 8)
    matters.add_step(mid, StepData(1, D1, meeting_id=joint, outcome="通过"))
    matters.add_step(mid, StepData(2, D1, meeting_id=joint, outcome="通过"))
    assert matters.list_rows()[0].reached == 2


def test_without_one_shoulder_the_two_sittings_stay_apart(db, matters, people):
    mid = new_matter(matters)
    joint = meeting(db, [Kind.JOINT_MEETING], D1, people[:9], 8)
    assert refused(lambda: matters.add_step(mid, StepData(1, D1, meeting_id=joint)), "meeting_id") == (
        "“提议”应在支部委员会会议上进行，所选会议是村“两委”联席会议"
        "（只有一肩挑的村才能在联席会议上一并提议和商议）：请选择正确的会议"
    )
    both = meeting(db, [Kind.BRANCH_COMMITTEE, Kind.JOINT_MEETING], D1, people[:9], 8)
    matters.add_step(mid, StepData(1, D1, meeting_id=both))
    assert refused(lambda: matters.add_step(mid, StepData(2, D1, meeting_id=both)), "meeting_id") == (
        "提议和商议不能在同一次会议上进行：2026年9月1日本村没有一肩挑（党支部书记兼任村委会主任），"
        "须先开支部委员会会议提议，再开村“两委”联席会议商议"
    )


def test_branch_committee_needs_more_than_half(db, matters, people):
    mid = new_matter(matters)
    half = StepData(1, D1, meeting_id=meeting(db, [Kind.BRANCH_COMMITTEE], D1, people[:4], 2))
    assert refused(lambda: matters.add_step(mid, half), "meeting_id") == (
        "支部委员会会议应到 4 人，实到 2 人，未超过半数，这一步无效：请补开会议或核对签到"
    )


def test_party_congress_needs_two_thirds_present(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    thin = StepData(3, D3, meeting_id=meeting(db, [Kind.PARTY_CONGRESS], D3, people, 18, 18), outcome="通过")
    assert refused(lambda: matters.add_step(mid, thin), "meeting_id") == (
        "党员大会应到 30 人，实到 18 人，不足三分之二，这一步无效：请补开会议或核对签到"
    )
    exact = StepData(3, D3, meeting_id=meeting(db, [Kind.PARTY_CONGRESS], D3, people, 20, 16), outcome="通过")
    matters.add_step(mid, exact)  # 20 of 30 is exactly two thirds


def test_party_congress_approval_needs_more_than_half_of_those_who_vote(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    # 30 expected, 4 of them 预备党员: 26 vote; 13 in favour is not more than half.
    sitting = meeting(db, [Kind.PARTY_CONGRESS], D3, people, 25, votes_for=13, non_voting=4)
    assert refused(lambda: matters.add_step(mid, StepData(3, D3, meeting_id=sitting, outcome="通过")),
                   "outcome") == (
        "党员大会应参加表决 26 人，赞成 13 票，未超过应到会有表决权党员的半数，审议没有通过："
        "请把结果登记为“未通过”，或核对票数"
    )
    matters.add_step(mid, StepData(3, D3, meeting_id=sitting, outcome="未通过"))
    assert matters.list_rows()[0].reached == 3


def test_rejection_ends_the_chain(db, matters, people):
    mid = chain_to(db, matters, people, 3)
    vote = meeting(db, [Kind.VILLAGERS], D4, people[:20], 15)
    matters.add_step(mid, StepData(4, D4, meeting_id=vote, outcome="未通过"))
    assert refused(lambda: matters.add_step(mid, notice(5, D5)), "step") == (
        "“决议”的结果是未通过，这个事项到此结束，不能再登记“决议公开”：如需重新提出，请新建一个事项"
    )
    assert matters.list_rows()[0].stuck_days is None  # ended, not stuck


def test_representatives_meeting_below_two_thirds_is_refused_art_26(db, matters, people):
    """组织法第二十六条：村民代表会议有三分之二以上的组成人员参加方可召开. 13 of 20 is short."""
    mid = chain_to(db, matters, people, 3)
    few = StepData(4, D4, meeting_id=meeting(db, [Kind.REPRESENTATIVES], D4, people[:20], 13, 13), outcome="通过")
    assert refused(lambda: matters.add_step(mid, few), "meeting_id") == (
        "村民代表会议应到 20 人，实到 13 人，不足三分之二（村民委员会组织法第二十六条），这一步无效：请补开会议或核对签到"
    )


def test_representatives_meeting_at_exactly_two_thirds_sits_art_26(db, matters, people):
    """14 of 21 present is exactly two thirds; 8 of 14 in favour is more than half of those present."""
    mid = chain_to(db, matters, people, 3)
    exact = StepData(4, D4, meeting_id=meeting(db, [Kind.REPRESENTATIVES], D4, people[:21], 14, 8), outcome="通过")
    matters.add_step(mid, exact)
    counts = matters.step_counts(4, exact.meeting_id)
    assert counts.lines() == ["应到 21 人，实到 14 人", "到会三分之二以上组成人员，符合召开要求",
                              "赞成 8 票，反对 0 票，弃权 0 票，赞成票超过到会人员 14 人的半数"]


def test_decision_at_exactly_half_of_those_present_is_not_passed_art_26(db, matters, people):
    """组织法第二十六条：所作决定应当经到会人员的过半数同意. 7 of 14 is not more than half."""
    mid = chain_to(db, matters, people, 3)
    half = StepData(4, D4, meeting_id=meeting(db, [Kind.REPRESENTATIVES], D4, people[:21], 14, 7), outcome="通过")
    assert refused(lambda: matters.add_step(mid, half), "outcome") == (
        "村民代表会议到会人员 14 人，赞成 7 票，未超过半数，决议没有通过：请把结果登记为“未通过”，或核对票数"
    )
    half.outcome = "未通过"
    matters.add_step(mid, half)


def test_no_passed_decision_without_a_recorded_vote(db, matters, people):
    mid = chain_to(db, matters, people, 3)
    unvoted = StepData(4, D4, meeting_id=meeting(db, [Kind.REPRESENTATIVES], D4, people[:20], 20), outcome="通过")
    assert refused(lambda: matters.add_step(mid, unvoted), "meeting_id") == (
        "所选村民代表会议没有登记表决结果，无法核对决议是否通过：请在会议记录中填写赞成、反对、弃权票数"
    )
    assert matters.step_counts(4, unvoted.meeting_id).vote_text() == "未记录表决票数"


def test_villagers_meeting_without_any_count_is_refused(db, matters, people):
    mid = chain_to(db, matters, people, 3)
    unlisted = StepData(4, D4, meeting_id=meeting(db, [Kind.VILLAGERS], D4, [], 0, 300), outcome="通过")
    assert refused(lambda: matters.add_step(mid, unlisted), "meeting_id").startswith(
        "所选村民会议没有登记到会人数，无法核对是否达到法定人数")


def _heads(db, meeting_id, adults, adults_present, households, households_present):
    with db.write() as s:
        s.add(VillagerMeetingCount(meeting_id=meeting_id, adults_total=adults, adults_present=adults_present,
                                   households_total=households, households_present=households_present))


def test_villagers_meeting_at_exactly_half_the_adults_is_refused_art_22(db, matters, people):
    """组织法第二十二条：应当有本村十八周岁以上村民的过半数……参加. 500 of 1000 adults, 199 of 300 households."""
    mid = chain_to(db, matters, people, 3)
    sitting = meeting(db, [Kind.VILLAGERS], D4, [], 0, 400)
    _heads(db, sitting, 1000, 500, 300, 199)
    assert refused(lambda: matters.add_step(mid, StepData(4, D4, meeting_id=sitting, outcome="通过")),
                   "meeting_id") == (
        "村民会议应到 1000 名18岁以上村民，实到 500 名18岁以上村民；户代表到会 199 户，共 300 户，"
        "未达到过半数18岁以上村民或三分之二以上户的代表（村民委员会组织法第二十二条），这一步无效：请补开会议或核对签到"
    )


def test_villagers_meeting_sits_with_two_thirds_of_households_art_22(db, matters, people):
    """组织法第二十二条：或者本村三分之二以上的户的代表参加；决定经到会人员的过半数通过 (101 of 200)."""
    mid = chain_to(db, matters, people, 3)
    sitting = meeting(db, [Kind.VILLAGERS], D4, [], 0, 101)
    _heads(db, sitting, 1000, 0, 300, 200)
    matters.add_step(mid, StepData(4, D4, meeting_id=sitting, outcome="通过"))
    assert matters.step_counts(4, sitting).vote_text() == (
        "赞成 101 票，反对 0 票，弃权 0 票，赞成票超过到会户代表 200 人的半数")


def test_party_congress_quorum_counts_only_voting_members(db, matters, people):
    """预备党员没有表决权: 30 listed, 6 of them 预备党员. 21 of 30 present is over 2/3, but only 15
    of the 24 voting members: short of 2/3."""
    mid = chain_to(db, matters, people, 2)
    # The first 6 listed are 预备党员 and present; 21 present in all, so 15 voting members.
    sitting = meeting(db, [Kind.PARTY_CONGRESS], D3, people, 21, 14, non_voting=6)
    assert refused(lambda: matters.add_step(mid, StepData(3, D3, meeting_id=sitting, outcome="通过")),
                   "meeting_id") == (
        "党员大会应到有表决权党员 24 人，实到 15 人，不足三分之二，这一步无效：请补开会议或核对签到"
    )
    assert matters.step_counts(3, sitting).attendance_text() == (
        "应到 30 人，实到 21 人；其中有表决权党员应到 24 人，实到 15 人")


def test_postings_need_place_and_text(db, matters, people):
    mid = chain_to(db, matters, people, 4)
    with pytest.raises(ValidationFailed) as err:
        matters.add_step(mid, StepData(5, D5))
    assert err.value.problems == {
        "place": "请填写“决议公开”的公开地点，例如 村务公开栏",
        "posted_text": "请填写“决议公开”张贴公开的内容",
    }


@pytest.mark.parametrize(("age", "stuck"), [(30, None), (31, 31)])
def test_stuck_after_thirty_days(db, matters, people, age, stuck):
    chain_to(db, matters, people, 2)
    later = MatterService(db, FixedClock(dt.datetime.combine(D2 + dt.timedelta(days=age), dt.time(9))))
    assert later.list_rows()[0].stuck_days == stuck


def test_remove_last_step_allows_correcting_it(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    assert matters.remove_last_step(mid) == 2
    assert [s.step for s in matters.get(mid).steps] == [1]


def test_editing_the_matter_keeps_its_steps(db, matters, people):
    mid = chain_to(db, matters, people, 3)
    data = matters.get(mid)
    with db.write() as s:  # the 提议 meeting's sign-in corrected afterwards: no longer quorate
        for row in s.scalars(select(Attendance).where(Attendance.meeting_id == data.steps[0].meeting_id)):
            row.status = "缺席"
    data.name, data.amount_fen = "村道硬化工程（二期）", parse_amount("12,345.67元")
    matters.save(data, mid)
    again = matters.get(mid)
    assert (again.name, again.amount_fen, len(again.steps)) == ("村道硬化工程（二期）", 1234567, 3)


def test_a_new_matter_can_be_saved_with_its_first_steps(db, matters, people):
    proposed = meeting(db, [Kind.BRANCH_COMMITTEE], D1, people[:5], 5)
    discussed = meeting(db, [Kind.JOINT_MEETING], D2, people[:9], 9)
    steps = [StepData(2, D2, meeting_id=discussed), StepData(1, D1, meeting_id=proposed)]
    mid = matters.save(MatterData("集体鱼塘发包", "集体资产", "党员群众建议", steps=steps))
    assert [s.step for s in matters.get(mid).steps] == [1, 2]


def test_dropping_recorded_steps_through_save_needs_confirmation(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    data = matters.get(mid)
    data.steps = data.steps[:1]
    with pytest.raises(NeedsConfirmation) as err:
        matters.save(data, mid)
    assert err.value.warnings == ["将删除已登记的步骤：商议。确认要删除吗？"]
    matters.save(data, mid, confirmed=True)
    assert [s.step for s in matters.get(mid).steps] == [1]


def test_matter_fields_are_checked(matters):
    with pytest.raises(ValidationFailed) as err:
        matters.save(MatterData(" ", "宅基地", "群众", amount_fen=-1))
    assert err.value.problems == {
        "name": "请填写事项名称",
        "category": "请选择类别：土地、集体资产、项目、财务、村规民约、其他",
        "source": "请选择动议来源：党员群众建议、村干部提议、上级安排",
        "amount_fen": "金额不能是负数：请核对",
    }
    assert refused(lambda: new_matter(matters, amount_fen=12.5), "amount_fen").startswith("金额无法识别")


@pytest.mark.parametrize(("text", "fen"), [
    ("12345.67", 1234567), ("12,345.67元", 1234567), ("￥１２３４５.６", 1234560),
    ("0.01", 1), ("300", 30000), ("", None), ("  ", None),
])
def test_amount_parsing(text, fen):
    assert parse_amount(text) == fen == MatterService.parse_amount(text)


@pytest.mark.parametrize(("text", "message"), [
    ("1.2万", "金额“1.2万”不要用“万”“亿”：请写成以元为单位的数字，例如 12345.67（1.2万元 写成 12000）"),
    ("12.345", "金额“12.345”的小数超过两位：金额只记到分，请核对"),
    ("-5", "金额不能是负数：请核对"),
    ("12,34.5", "金额“12,34.5”无法识别：请写成以元为单位的数字，例如 12345.67"),
    ("1" * 20, "金额“11111111111111111111”过大：请核对"),
])
def test_amount_parsing_refusals(text, message):
    with pytest.raises(UserError) as err:
        parse_amount(text)
    assert (err.value.message, err.value.field) == (message, "amount_fen")


def test_format_amount():
    assert (format_amount(1234567), format_amount(5), format_amount(None)) == ("12,345.67", "0.05", "")


def test_a_viewer_can_read_but_not_write(db, matters, people):
    mid = chain_to(db, matters, people, 1)
    db.actor = Actor("查阅甲", Role.VIEWER)
    assert matters.list_rows()[0].reached == 1
    for call in (
        lambda: new_matter(matters),
        lambda: matters.add_step(mid, StepData(2, D2)),
        lambda: matters.remove_last_step(mid),
        lambda: matters.delete(mid),
    ):
        with pytest.raises(PermissionDenied) as err:
            call()
        assert err.value.message.startswith("“查阅”账户不能")
    assert matters.get(mid).steps[0].step == 1


def test_a_clerk_cannot_delete_but_an_admin_can(db, matters, people):
    mid = chain_to(db, matters, people, 2)
    db.actor = Actor("录入甲", Role.CLERK)
    with pytest.raises(PermissionDenied):
        matters.delete(mid)
    db.actor = Actor("管理员", Role.ADMIN)
    assert matters.delete(mid) == "村道硬化工程"
    assert matters.list_rows() == []
