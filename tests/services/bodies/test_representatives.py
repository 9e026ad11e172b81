"""村民代表 and 村民小组 through the services: saving, checks, the assembly's make-up."""

import datetime as dt

import pytest

from app.services.bodies.body_types import GroupData, RepresentativeData
from app.services.common.errors import NeedsConfirmation, ValidationFailed
from tests.conftest import person

START = dt.date(2026, 5, 1)


def rep(name, gender="女", group_id=None, contact=10, **kw):
    return RepresentativeData(name=name, gender=gender, group_id=group_id, contact_households=contact,
                              start_date=kw.pop("start", START), **kw)


def test_group_is_saved_listed_and_its_name_kept_unique(services):
    gid = services.villager_groups.save(GroupData("第一村民小组", None, 48, 131))
    with pytest.raises(ValidationFailed) as exc:
        services.villager_groups.save(GroupData("  ", None, -1, 10))
    assert exc.value.problems == {"name": "请填写村民小组名称，例如 第一村民小组 或 张家组",
                                  "households": "户数请填写不小于 0 的整数"}
    with pytest.raises(Exception, match="村民小组“第一村民小组”已经存在"):
        services.villager_groups.save(GroupData("第一村民小组"))
    [row] = services.villager_groups.list_rows()
    assert (row.id, row.name, row.households, row.adults, row.representatives) == (gid, "第一村民小组", 48, 131, 0)
    assert services.villager_groups.totals() == (48, 131)


def test_group_leader_is_a_person_and_shows_by_name(services):
    pid = services.members.save(person("王组长"))
    services.villager_groups.save(GroupData("第二村民小组", pid, 30, 80))
    assert services.villager_groups.list_rows()[0].leader == "王组长"


def test_representative_saved_with_post_group_and_contact_households(services):
    gid = services.villager_groups.save(GroupData("第一村民小组", None, 48, 131))
    pid = services.representatives.save(rep("李秀英", group_id=gid, contact=12), confirmed=True)
    [row] = services.representatives.list_rows()
    assert (row.person_id, row.name, row.group, row.contact_households, row.in_office) == (
        pid, "李秀英", "第一村民小组", 12, True)
    assert services.villager_groups.list_rows()[0].representatives == 1
    # The post is an ordinary post: it shows among the person's posts, but not as 两委.
    member = next(r for r in services.members.list_rows() if r.id == pid)
    assert member.current_posts == ("村民代表",)
    assert not member.in_office


def test_group_with_representatives_cannot_be_deleted(services):
    gid = services.villager_groups.save(GroupData("第一村民小组", None, 48, 131))
    services.representatives.save(rep("李秀英", group_id=gid), confirmed=True)
    with pytest.raises(Exception, match="第一村民小组 登记了 1 名村民代表"):
        services.villager_groups.delete(gid)


def test_representative_needs_a_start_date_and_sane_contact_households(services):
    with pytest.raises(ValidationFailed) as exc:
        services.representatives.save(rep("李秀英", contact=-3, start=None))
    assert exc.value.problems["start_date"] == "请填写村民代表的任职开始日期（推选日期）"
    assert exc.value.problems["contact_households"] == "联系户数请填写不小于 0 的整数"


def _committee(services, n):
    for i in range(n):
        services.members.save(person(f"委员{'甲乙丙丁戊'[i]}", "村委会委员", gender="男"))


def test_saving_a_representative_warns_under_four_fifths_art_26(services):
    """组织法第二十六条: 5 村委会 members and 1 村民代表 make 1/6 — warn on save."""
    _committee(services, 5)
    with pytest.raises(NeedsConfirmation) as exc:
        services.representatives.save(rep("李秀英"))
    assert any("不足五分之四" in w for w in exc.value.warnings)


def test_no_warning_at_exactly_four_fifths_and_one_third_women_art_26(services, clock):
    """1 村委会 member + 4 村民代表 (2 women): 4/5 representatives, 2/5 ≥ 1/3 women."""
    _committee(services, 1)
    for name, g in (("甲", "女"), ("乙", "男"), ("丙", "男")):
        services.representatives.save(rep(name, gender=g), confirmed=True)
    services.representatives.save(rep("丁", gender="女"))  # no NeedsConfirmation raised
    comp = services.representatives.composition_on(clock.today())
    assert (comp.members, comp.representatives, comp.women_representatives) == (5, 4, 2)


def test_ending_a_womans_term_below_one_third_warns_art_26(services):
    """3 村民代表, 1 woman: 1/3 exactly with no committee. Ending her term drops women to 0."""
    pids = [services.representatives.save(rep(n, gender=g), confirmed=True)
            for n, g in (("甲", "女"), ("乙", "男"), ("丙", "男"))]
    data = services.representatives.get(pids[0])
    data.end_date = dt.date(2026, 11, 1)
    with pytest.raises(NeedsConfirmation) as exc:
        services.representatives.save(data, pids[0])
    assert exc.value.warnings == ["村民代表会议组成人员 2 人，其中妇女村民代表 0 人，不足三分之一"
                                  "（村民委员会组织法第二十六条）：请补选妇女村民代表。确定要这样保存吗？"]


def test_committee_member_who_is_also_a_representative_counts_once(services, clock):
    pid = services.members.save(person("张三", "村委会委员", gender="男"))
    data = services.representatives.get(pid)
    data.start_date, data.gender = START, "男"
    services.representatives.save(data, pid, confirmed=True)
    comp = services.representatives.composition_on(clock.today())
    assert (comp.committee, comp.representatives, comp.members) == (1, 0, 1)


def test_representative_on_an_existing_person_keeps_their_other_posts(services):
    pid = services.members.save(person("张三", "党支部书记", gender="男"))
    data = services.representatives.get(pid)
    data.start_date = START
    services.representatives.save(data, pid, confirmed=True)
    member = next(r for r in services.members.list_rows() if r.id == pid)
    assert member.current_posts == ("党支部书记", "村民代表")


def test_former_representative_listed_as_not_in_office(services):
    services.representatives.save(rep("李秀英", end_date=dt.date(2026, 6, 1)), confirmed=True)
    [row] = services.representatives.list_rows()
    assert not row.in_office
    assert services.representatives.list_rows(current_only=True) == []
