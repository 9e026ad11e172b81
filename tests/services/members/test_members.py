import datetime as dt

import pytest
from conftest import ID_FEMALE_1980, ID_MALE_1975, person

from app.services.common.errors import NeedsConfirmation, UserError, ValidationFailed
from app.services.members.member_types import PostData
from app.services.members.pinyin_search import matches
from app.services.members.team import describe, team_on


def test_saved_person_appears_with_id_derived_fields(members):
    pid = members.save(person("张三", "党支部书记", id_number=ID_MALE_1975.lower(), phone="13812341027"))
    rows = members.list_rows()
    assert [r.name for r in rows] == ["张三"]
    row = rows[0]
    assert row.id == pid
    assert row.values["gender"] == "男"
    assert row.values["birth_date"] == dt.date(1975, 3, 2)
    assert row.current_posts == ("党支部书记",)


def test_problems_are_reported_per_field_and_nothing_is_saved(members):
    bad = person(
        "李四",
        "村委会主任",
        id_number=ID_MALE_1975,
        gender="女",
        birth_date=dt.date(1976, 1, 1),
        phone="1381234",
        party_join_date=dt.date(2027, 1, 1),
    )
    with pytest.raises(ValidationFailed) as err:
        members.save(bad)
    problems = err.value.problems
    assert problems["gender"] == "性别与身份证号不符：身份证号显示为男，请核对"
    assert problems["birth_date"] == "出生日期与身份证号不符：身份证号显示为1975年3月2日，请核对"
    assert problems["phone"] == "手机号应为11位数字，现在是7位：请核对"
    assert problems["party_join_date"] == "入党日期不能晚于今天（2026年11月27日）"
    assert members.list_rows() == []


def test_month_only_birth_date_is_made_precise_by_the_id(members):
    members.save(person("张三", id_number=ID_MALE_1975, birth_date=dt.date(1975, 3, 1)))
    assert members.list_rows()[0].values["birth_date"] == dt.date(1975, 3, 2)


def test_same_id_twice_is_refused(members):
    members.save(person("张三", id_number=ID_MALE_1975))
    with pytest.raises(ValidationFailed) as err:
        members.save(person("张叁", id_number=ID_MALE_1975))
    assert err.value.problems["id_number"] == "这个身份证号已登记在“张三”名下：请核对"


def test_villagers_committee_member_cannot_sit_on_supervision_committee(members):
    with pytest.raises(ValidationFailed) as err:
        members.save(person("王五", "村委会委员", "监委会委员"))
    assert err.value.problems["posts"].startswith("村委会成员不能同时担任村务监督委员会成员")


def test_same_person_may_move_from_villagers_to_supervision_after_leaving(members):
    data = person("王五")
    data.posts = [
        PostData("村委会委员", dt.date(2016, 5, 1), dt.date(2021, 4, 30)),
        PostData("监委会委员", dt.date(2021, 5, 1)),
    ]
    members.save(data)
    assert members.list_rows()[0].current_posts == ("监委会委员",)


def test_secretary_chairing_supervision_needs_confirmation(members):
    data = person("赵六", "党支部书记", "监委会主任")
    with pytest.raises(NeedsConfirmation) as err:
        members.save(data)
    assert err.value.warnings == ["党支部书记一般不兼任村务监督委员会主任，确定要这样保存吗？"]
    assert members.list_rows() == []
    members.save(data, confirmed=True)
    assert members.list_rows()[0].current_posts == ("党支部书记", "监委会主任")


def test_second_secretary_at_the_same_time_is_warned(members):
    members.save(person("张三", "党支部书记"))
    with pytest.raises(NeedsConfirmation) as err:
        members.save(person("李四", "书记"))
    assert err.value.warnings == ["张三 在这段时间也任党支部书记：如已离任，请为其填写离任日期。"]


def test_one_shoulder_and_cross_appointment_are_derived(members, clock):
    members.save(person("张三", "党支部书记", "村委会主任"))
    members.save(person("李四", "党支部委员", "村委会委员"))
    members.save(person("王五", "党支部副书记"))
    members.save(person("赵六", "村委会委员"))
    members.save(person("钱七", "监委会主任"))
    summary = team_on(members.list_rows(), clock.today())
    assert summary.one_shoulder == ("张三",)
    assert set(summary.cross) == {"张三", "李四"}
    # 2 ÷ (3 party + 3 villagers − 2) = 50 %
    assert summary.cross_rate == pytest.approx(0.5)
    assert "一肩挑：张三" in describe(summary)
    assert "交叉任职 2 人，交叉任职率 50.0%" in describe(summary)


def test_people_who_left_stay_in_history(members, clock):
    data = person("孙八")
    data.posts = [PostData("村委会委员", dt.date(2016, 5, 1), dt.date(2024, 3, 31), end_reason="辞职")]
    members.save(data)
    row = members.list_rows()[0]
    assert not row.in_office and row.has_left
    assert row.left_on == dt.date(2024, 3, 31)
    assert team_on(members.list_rows(), clock.today()).villager_members == ()
    assert team_on(members.list_rows(), dt.date(2023, 1, 1)).villager_members == ("孙八",)


def test_edit_keeps_post_identity_and_duties_per_term(members):
    term_id = members.add_term("第十二届", dt.date(2021, 5, 1), dt.date(2026, 4, 30))
    data = person("张三", "党支部书记", id_number=ID_MALE_1975)
    data.term_id, data.duties, data.commitment = term_id, "全面工作", "认真履职"
    pid = members.save(data)
    loaded = members.get(pid)
    assert loaded.duties == "全面工作" and loaded.commitment == "认真履职"
    loaded.posts[0].end_date = dt.date(2026, 4, 30)
    loaded.values["phone"] = "13812341027"
    members.save(loaded, pid)
    again = members.get(pid)
    assert again.posts[0].id == loaded.posts[0].id
    assert again.posts[0].end_date == dt.date(2026, 4, 30)
    assert again.values["phone"] == "13812341027"


def test_search_keys_find_by_pinyin_post_and_phone(members):
    members.save(person("张三", "党支部书记", phone="13812341027"))
    members.save(person("曾喆", "村委会委员"))
    members.save(person("李䶮", id_number=ID_FEMALE_1980))
    rows = {r.name: r.search_keys for r in members.list_rows()}
    assert matches("zs", rows["张三"]) and matches("zhangsan", rows["张三"])
    assert matches("书记", rows["张三"]) and matches("1027", rows["张三"])
    assert matches("zz", rows["曾喆"]) and matches("cengzhe", rows["曾喆"])
    assert matches("䶮", rows["李䶮"])
    assert not matches("zs", rows["曾喆"])


def test_delete_removes_person_and_posts(members):
    pid = members.save(person("张三", "党支部书记"))
    assert members.delete(pid) == "张三"
    assert members.list_rows() == []


def test_a_term_is_corrected_with_the_checks_of_adding_one(members):
    eleventh = members.add_term("第十一届", dt.date(2021, 2, 1), dt.date(2026, 1, 31))
    twelfth = members.add_term("第十二届", dt.date(2026, 2, 1), None)
    assert members.save_term(" 第十二届村两委 ", dt.date(2026, 2, 1), dt.date(2031, 1, 31), twelfth) == twelfth
    assert [(t.name, t.end_date) for t in members.list_terms()] == [
        ("第十一届", dt.date(2026, 1, 31)), ("第十二届村两委", dt.date(2031, 1, 31))]
    members.save_term("第十一届", dt.date(2021, 3, 1), dt.date(2026, 1, 31), eleventh)  # its own name stays free
    for args, field in ((("第十一届", dt.date(2026, 2, 1), None, twelfth), "term_name"),
                        (("第十二届", dt.date(2026, 2, 1), dt.date(2026, 1, 1), twelfth), "term_end"),
                        (("  ", dt.date(2026, 2, 1), None, twelfth), "term_name")):
        with pytest.raises(UserError) as err:
            members.save_term(*args)
        assert err.value.field == field
    with pytest.raises(UserError, match="已不存在"):
        members.save_term("第十三届", dt.date(2031, 2, 1), None, 999)
    assert [t.name for t in members.list_terms()] == ["第十一届", "第十二届村两委"]


def test_a_warning_raised_by_several_rows_is_asked_once(members):
    data = person("张三")
    data.posts = [PostData("党支部书记", dt.date(2015, 5, 1), dt.date(2018, 4, 30)),
                  PostData("党支部书记", dt.date(2021, 5, 1)), PostData("村务监督委员会主任", dt.date(2016, 5, 1))]
    with pytest.raises(NeedsConfirmation) as asked:
        members.save(data)
    assert asked.value.warnings == ["党支部书记一般不兼任村务监督委员会主任，确定要这样保存吗？"]
