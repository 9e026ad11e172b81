"""群团组织 and the collective economy as posts; 党小组; which bodies the village has."""

import datetime as dt

import pytest

from app.services.bodies.body_catalogue import BY_NAME
from app.services.common.errors import NeedsConfirmation, ValidationFailed
from app.services.members.posts import Body, split_posts
from app.services.members.team import describe, team_on
from tests.conftest import person


def test_body_posts_are_recognised_with_the_words_clerks_write():
    assert split_posts("团支书、妇联主席、连长、股份经济合作社理事长、监事会主任") == [
        "团支部书记", "妇联主席", "民兵连长", "理事长", "监事长"]
    assert split_posts("妇女主任") == ["村委会委员"]


def test_officers_of_bodies_are_not_the_two_committees_team(services):
    pid = services.members.save(person("赵团", "团支部书记"))
    row = next(r for r in services.members.list_rows() if r.id == pid)
    assert row.current_posts == ("团支部书记",)
    assert not row.in_office  # not on the 两委 roster nor among the 纪律提醒 cadres
    assert services.reminders.cadres_on(dt.date(2026, 11, 27)) == []


def test_same_person_on_economy_board_and_its_supervisors_is_refused(services):
    """股份经济合作社示范章程: 理事会成员不得兼任监事."""
    with pytest.raises(ValidationFailed) as exc:
        services.members.save(person("钱某", "理事", "监事长"))
    assert exc.value.problems["posts"] == "集体经济组织的理事会成员不能同时担任监事：请去掉其中一项或填写离任日期"


def test_second_holder_of_a_single_seat_body_post_warns(services):
    services.members.save(person("孙一", "妇联主席"))
    with pytest.raises(NeedsConfirmation, match="孙一 在这段时间也任妇联主席"):
        services.members.save(person("孙二", "妇联主席"))


def test_team_summary_names_the_secretary_who_heads_the_collective_economy(services, clock):
    services.members.save(person("张书记", "党支部书记", "村委会主任", "理事长"))
    summary = team_on(services.members.list_rows(), clock.today())
    assert summary.economy_heads == ("张书记",) and summary.secretary_heads_economy == ("张书记",)
    assert "集体经济组织理事长：张书记（党支部书记兼任）" in describe(summary)
    assert "一肩挑：张书记" in describe(summary)


def test_optional_bodies_are_a_setting(services):
    names = [b.name for b in services.body_settings.kept()]
    assert names == ["村民代表", "团支部", "妇联", "工会", "民兵", "集体经济组织"]
    services.body_settings.set_kept(Body.UNION, False)
    assert "工会" not in [b.name for b in services.body_settings.kept()]
    services.body_settings.set_kept(Body.UNION, True)
    assert "工会" in [b.name for b in services.body_settings.kept()]
    assert BY_NAME["民兵"].posts == ["民兵连长", "民兵连指导员"]


def test_party_group_members_and_leader(services):
    a = services.members.save(person("党员甲", political_status="中共党员"))
    b = services.members.save(person("党员乙", political_status="中共预备党员"))
    c = services.members.save(person("群众丙", political_status="群众"))
    gid = services.party_groups.save("第一党小组", a, [a, b])
    [row] = services.party_groups.list_rows()
    assert (row.name, row.leader, row.members) == ("第一党小组", "党员甲", ("党员甲", "党员乙"))
    # The 党小组会 counts the same members.
    expected = services.meetings.expected_attendees(["党小组会"], dt.date(2026, 11, 1), "第一党小组")
    assert {x.name for x in expected} == {"党员甲", "党员乙"}
    with pytest.raises(Exception, match="党小组成员应是党员"):
        services.party_groups.save("第一党小组", a, [a, c], gid)
    with pytest.raises(Exception, match="组长应是本党小组的党员"):
        services.party_groups.save("第一党小组", c, [a], gid)
    services.party_groups.save("一组", a, [a], gid)  # renamed, 乙 moved out
    [row] = services.party_groups.list_rows()
    assert (row.name, row.members) == ("一组", ("党员甲",))
    services.party_groups.delete(gid)
    assert services.party_groups.list_rows() == []
    assert services.members.get(a).values["party_group"] == ""
