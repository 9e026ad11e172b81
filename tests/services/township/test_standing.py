"""党建计划, 主体责任清单, 群团, 整改 and 村民代表 at the township: the matrix's words and the analysis's
figures and problems, from a village's own records taken in by import (on each engine)."""

import datetime as dt

import pytest

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MeetingData
from app.services.members.member_types import PersonData, PostData
from app.services.rectification.rect_types import DEADLINE, ItemData, ProgressData, SourceData
from app.services.safety.actor import command_line_actor
from app.services.team_rules.team_types import MONTH, DutyTaskData, PlanItemData, PledgeData, When
from app.services.township.analysis import analyse, problem_line
from app.services.township.matrix import is_gap, overview
from app.services.township.package_import import import_package
from tests.services.township.villages import registered, town, village  # noqa: F401 - fixtures

STANDING_COLUMNS = ("四议两公开", "整改完成率", "党建计划", "主体责任清单", "群团组织")


def add_people(services, *people: tuple[str, str, str]) -> dict[str, int]:
    for name, gender, post in people:
        services.members.save(PersonData(values={"name": name, "gender": gender},
                                         posts=[PostData(post, dt.date(2026, 1, 5), None, None)]))
    return {r.name: r.id for r in services.members.list_rows()}


def matrix_row(store, clock) -> dict[str, str]:
    shown = overview(store, clock, 2026)
    [(name, cells)] = shown.rows
    return dict(zip(shown.columns, cells, strict=True))


@pytest.fixture
def keeping_little(registered, village, clock):
    """A village whose plan, duty list, 群团 and 整改 each have a gap: the words name them."""
    services = village.services
    services.act_as(command_line_actor())
    ids = add_people(services, ("王芳", "女", "村委会主任"), ("赵强", "男", "团支部书记"))
    plans = services.team_rules.plans
    plans.start(2026, [PlanItemData(When(MONTH, 3), "召开年度组织生活会"), PlanItemData(When(MONTH, 5), "开展主题党日"),
                       PlanItemData(When(MONTH, 12), "年终述职")])
    done = next(r for r in plans.view(2026).items if r.data.content == "开展主题党日")
    plans.mark_done(done.id, dt.date(2026, 5, 20), "已开展")  # March undone and past; December not yet due
    duties = services.team_rules.duties
    duties.save_task(2026, DutyTaskData(ids["红书记"], "主持党风廉政建设专题会议", dt.date(2026, 3, 28), dt.date(2026, 3, 20)))
    duties.save_pledge(2026, PledgeData(ids["红书记"], dt.date(2026, 2, 10)))  # 王芳 not signed
    rect = services.rectification
    source = rect.save_source(SourceData("巡察", "2026年县委巡察反馈问题", dt.date(2026, 6, 1), "县委巡察组"))
    late = rect.save_item(ItemData(source, "财务公开不及时", DEADLINE, ["按季度公开"], ids["王芳"], dt.date(2026, 9, 30)))
    closed = rect.save_item(ItemData(source, "会议记录不全", DEADLINE, ["补全记录"], ids["红书记"], dt.date(2026, 12, 31)))
    rect.save_progress(ProgressData(closed, dt.date(2026, 7, 1), "已补全"))
    rect.close(closed, dt.date(2026, 7, 2), "镇纪委", "同意销号")
    assert late
    import_package(registered, village.package(), clock)
    return registered


def test_the_matrix_names_each_gap_in_words(keeping_little, clock):
    row = matrix_row(keeping_little, clock)
    assert {c: row[c] for c in STANDING_COLUMNS} == {
        "四议两公开": "无事项",
        "整改完成率": "逾期1个，完成率50%（销号1/2个）",
        "党建计划": "未完成1项，未经会议通过（共3项）",
        "主体责任清单": "未签责任书1份",  # 王芳's (the 团支部书记 is not on the 两委's list)
        "群团组织": "不健全：妇联主席、工会主席、民兵连长、民兵连指导员空缺",  # the 团支部 has its 书记
    }
    assert all(is_gap(row[c]) for c in STANDING_COLUMNS[1:])  # each marked, as the window marks it
    assert not is_gap(row["四议两公开"])


def test_a_village_with_nothing_entered_shows_what_is_not_made(registered, village, clock):
    import_package(registered, village.package(), clock)
    row = matrix_row(registered, clock)
    assert [row[c] for c in STANDING_COLUMNS] == ["无事项", "无整改问题", "未制定", "未建立",
                                                 "不健全：团支部书记、妇联主席、工会主席、民兵连长、民兵连指导员空缺"]


def test_a_village_in_order_shows_no_gap(registered, village, clock):
    services = village.services
    services.act_as(command_line_actor())
    ids = add_people(services, ("王芳", "女", "妇联主席"), ("赵强", "男", "团支部书记"), ("钱勇", "男", "民兵连长"),
                     ("孙伟", "男", "民兵连指导员"), ("周洁", "女", "工会主席"))
    plans = services.team_rules.plans
    plans.start(2026, [PlanItemData(When(MONTH, 5), "开展主题党日"), PlanItemData(When(MONTH, 12), "年终述职")])
    item = next(r for r in plans.view(2026).items if r.data.content == "开展主题党日")
    plans.mark_done(item.id, dt.date(2026, 5, 20), "已开展")
    duties = services.team_rules.duties
    duties.save_task(2026, DutyTaskData(ids["红书记"], "讲廉政党课", dt.date(2026, 6, 28), dt.date(2026, 6, 20)))
    for member in duties.year(2026):
        duties.save_pledge(2026, PledgeData(member.person_id, dt.date(2026, 2, 10)))
    import_package(registered, village.package(), clock)
    row = matrix_row(registered, clock)
    assert row["党建计划"] == "未经会议通过（共2项）"  # no meeting passed it yet: still a gap

    passed = services.meetings.save(MeetingData(kinds=[Kind.BRANCH_COMMITTEE.value], topic="研究年度党建计划",
                                                date=dt.date(2026, 1, 8)), confirmed=True)
    plans.adopt(2026, passed)
    import_package(registered, village.package(), clock)
    row = matrix_row(registered, clock)
    assert [row[c] for c in STANDING_COLUMNS[2:]] == ["完成1/2项（1项未到期）", "已建立（1项）", "健全"]
    assert not any(is_gap(row[c]) for c in STANDING_COLUMNS[2:])


def test_the_analysis_counts_them_and_drafts_the_problems(keeping_little, clock):
    analysis = analyse(keeping_little, clock, 2026)
    figures = {r.label: (r.value, r.detail) for _, rows in analysis.figures for r in rows}
    assert figures["制定年度党建计划"] == ("1/1个村", "期间内每年都制定的村")
    assert figures["党建计划到期事项完成"] == ("1/2项", "完成率 50.0%，逾期未完成 1 项")
    assert figures["建立主体责任清单"] == ("1/1个村", "期间内每年都建立的村")
    assert figures["主体责任到期任务完成"] == ("1/1项", "完成率 100.0%，逾期未完成 0 项")
    assert figures["签订责任书"] == ("1/2份", "")
    assert figures["群团组织健全"] == ("0/1个村", "妇联不健全 1 个村，工会不健全 1 个村，民兵不健全 1 个村")
    assert figures["整改问题"] == ("2个", "已销号 1 个，整改中 0 个，逾期 1 个，长期坚持 0 个")
    assert figures["整改完成率"] == ("50%", "已销号 1 个 / 应销号 2 个")
    assert "村民代表" not in figures  # none entered: no proportions to give
    lines = [problem_line(p) for p in analysis.problems]
    for line in ("1个村年度党建计划未经会议通过（红旗村）", "1个村党建计划有事项逾期未完成（红旗村）",
                 "1个村主体责任书未全部签订（红旗村）", "1个村群团组织不健全（红旗村）", "1个村整改问题逾期未完成（红旗村）"):
        assert line in lines
    assert not any("未制定年度党建计划" in line or "未建立主体责任清单" in line for line in lines)


def test_representatives_give_their_proportions_and_the_law_s_shortfalls(registered, village, clock):
    services = village.services
    add_people(services, ("王芳", "女", "村委会主任"), *[(f"代表{n}", "男", "村民代表") for n in range(3)],
               ("李梅", "女", "村民代表"))
    import_package(registered, village.package(), clock)
    analysis = analyse(registered, clock, 2026)
    figures = dict(analysis.figures)["村民代表"]
    assert [(r.label, r.value, r.detail) for r in figures] == [
        ("村民代表", "4人", "1个村已推选"),
        ("村民代表占代表会议组成人员", "80.0%", "法定不少于五分之四"),  # 4 of 5: just lawful
        ("妇女村民代表", "1人", "占组成人员 20.0%，法定不少于三分之一"),
        ("组成人员比例符合组织法", "0/1个村", "村民委员会组织法第二十六条"),
    ]
    lines = [problem_line(p) for p in analysis.problems]
    assert "1个村妇女村民代表不足村民代表会议组成人员的三分之一（红旗村）" in lines
    assert not any("五分之四" in line for line in lines)


def test_a_village_whose_records_cannot_be_counted_is_named_and_the_others_are_counted(
        registered, village, tmp_path, clock, caplog):
    import sqlite3
    from contextlib import closing

    from app.services.township.matrix import UNREADABLE
    from app.services.township.village_key import read_card
    from tests.services.township.villages import Village

    village.services.team_rules.plans.start(2026, [PlanItemData(When(MONTH, 5), "开展主题党日")])
    with closing(sqlite3.connect(village.services.data_dir.database)) as conn, conn:
        conn.execute("UPDATE team_plan_item SET span_no = 13")  # edited behind the program's back: no 13th month
    import_package(registered, village.package(), clock)  # signed by the village's own key: taken in
    good = Village(tmp_path / "b", "向阳村", "430124105202", clock)
    registered.register(read_card(good.key()), clock.now())
    import_package(registered, good.package(), clock)
    good.close()

    shown = overview(registered, clock, 2026)
    rows = dict(shown.rows)
    assert set(rows["红旗村"]) == {UNREADABLE} and is_gap(UNREADABLE)
    assert rows["向阳村"][shown.columns.index("党建计划")] == "未制定"  # the other village is counted
    assert "红旗村（430124105201）第1号数据包的记录无法统计" in caplog.text
    analysis = analyse(registered, clock, 2026)
    figures = {r.label: (r.value, r.detail) for _, rows in analysis.figures for r in rows}
    assert figures["村（社区）数"] == ("2个", "已上报 2 个，其中 1 个未能统计")
    lines = [problem_line(p) for p in analysis.problems]
    assert lines[0] == "1个村上报的数据包中有记录无法统计，未计入以上数字（请该村核对台账后重新上报）（红旗村）"
    assert not any("未上报台账数据" in line for line in lines)
