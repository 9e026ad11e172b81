import datetime as dt

import pytest
from conftest import person
from sqlalchemy import event

from app.services.common.errors import UserError
from app.services.meetings.compliance import CellState, ComplianceService, RequirementStore, Span, spans
from app.services.meetings.meeting_kinds import DEFAULT_REQUIREMENTS, Kind, Period, Requirement
from app.services.members.member_types import PersonData, PostData
from app.services.safety.actor import Actor, PermissionDenied, Role
from db.models import Attendance, Meeting, MeetingKind, Meta

NOW = dt.datetime(2026, 11, 27, 10, 0)
DONE, MISSING, NOT_DUE = CellState.DONE, CellState.MISSING, CellState.NOT_DUE


def add_meeting(db, date: dt.date, *kinds: Kind, people=(), status: str = "出席") -> int:
    with db.write() as s:
        meeting = Meeting(topic="测试会议", date=date, created_at=NOW, updated_at=NOW)
        meeting.kinds = [MeetingKind(kind=k.value) for k in kinds]
        meeting.attendance = [Attendance(person_id=p, status=status) for p in people]
        s.add(meeting)
        s.flush()
        return meeting.id


def row(view, kind: Kind, label: str | None = None):
    return next(r for r in view.rows if r.requirement.kind is kind and r.label == (label or kind.value))


def states(r) -> list[CellState]:
    return [c.state for c in r.cells]


@pytest.fixture
def compliance(db, clock) -> ComplianceService:
    add_meeting(db, dt.date(2024, 1, 1), Kind.OTHER)  # the village's records begin in 2024
    return ComplianceService(db, clock)


def test_nothing_is_missing_before_the_records_begin(data_dir, clock):
    from app.services.common.datastore import open_database

    fresh = open_database(data_dir, clock)
    try:
        add_meeting(fresh, dt.date(2026, 6, 15), Kind.OTHER)
        view = ComplianceService(fresh, clock).year_view(2026)
        committee = row(view, Kind.BRANCH_COMMITTEE)
        assert states(committee)[:5] == [CellState.BEFORE_RECORDS] * 5
        assert states(committee)[5:10] == [MISSING] * 5
        assert view.begin == dt.date(2026, 6, 15)
        assert "2026年5月 支部委员会会议 未召开（应1次，已0次）" not in view.missing
        assert "2026年6月 支部委员会会议 未召开（应1次，已0次）" in view.missing
        assert ComplianceService(fresh, clock).year_view(2025).missing == ()
    finally:
        fresh.close()


def test_monthly_committee_meeting_with_one_month_missing(db, compliance):
    for month in range(1, 12):
        if month != 3:
            add_meeting(db, dt.date(2026, month, 8), Kind.BRANCH_COMMITTEE)
    view = compliance.year_view(2026)
    committee = row(view, Kind.BRANCH_COMMITTEE)
    assert states(committee) == [DONE, DONE, MISSING] + [DONE] * 8 + [NOT_DUE]
    march = committee.cells[2]
    assert (march.held, march.required, march.span.label) == (0, 1, "2026年3月")
    assert march.message == "2026年3月 支部委员会会议 未召开（应1次，已0次）"
    assert "2026年3月 支部委员会会议 未召开（应1次，已0次）" in view.missing
    assert not [m for m in view.missing if "支部委员会会议" in m and m != march.message]


def test_one_combined_sitting_counts_for_both_kinds(db, compliance):
    add_meeting(db, dt.date(2026, 4, 10), Kind.THEME_DAY, Kind.PARTY_CONGRESS)
    view = compliance.year_view(2026)
    april = row(view, Kind.THEME_DAY).cells[3]
    second_quarter = row(view, Kind.PARTY_CONGRESS).cells[1]
    assert (april.held, april.state) == (1, DONE)
    assert (second_quarter.held, second_quarter.state) == (1, DONE)
    assert row(view, Kind.PARTY_GROUP).cells[3].held == 0


def test_quarterly_party_congress(db, compliance):
    add_meeting(db, dt.date(2026, 1, 15), Kind.PARTY_CONGRESS)
    add_meeting(db, dt.date(2026, 3, 31), Kind.PARTY_CONGRESS)
    add_meeting(db, dt.date(2026, 7, 1), Kind.PARTY_CONGRESS)
    congress = row(compliance.year_view(2026), Kind.PARTY_CONGRESS)
    assert [c.span.label for c in congress.cells] == [
        "2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度"
    ]
    assert [c.held for c in congress.cells] == [2, 0, 1, 0]
    assert states(congress) == [DONE, MISSING, DONE, NOT_DUE]
    assert congress.cells[1].message == "2026年第二季度 支部党员大会 未召开（应1次，已0次）"


def test_party_lecture_quarterly_by_default_yearly_after_override(db, compliance):
    add_meeting(db, dt.date(2026, 2, 1), Kind.PARTY_LECTURE)
    lecture = row(compliance.year_view(2026), Kind.PARTY_LECTURE)
    assert states(lecture) == [DONE, MISSING, MISSING, NOT_DUE]
    assert lecture.cells[1].message == "2026年第二季度 党课 未开展（应1次，已0次）"

    store = RequirementStore(db)
    yearly = [
        Requirement(Kind.PARTY_LECTURE, Period.YEAR, basis="条例：每年至少1次") if r.kind is Kind.PARTY_LECTURE else r
        for r in DEFAULT_REQUIREMENTS
    ]
    store.save(yearly)
    assert RequirementStore(db).load() == tuple(yearly)
    assert store.is_customised()
    view = compliance.year_view(2026)
    lecture = row(view, Kind.PARTY_LECTURE)
    assert [(c.span.label, c.held, c.state) for c in lecture.cells] == [("2026年", 1, DONE)]
    assert not [m for m in view.missing if "党课" in m]

    store.reset()
    assert store.load() == DEFAULT_REQUIREMENTS and not store.is_customised()
    assert len(row(compliance.year_view(2026), Kind.PARTY_LECTURE).cells) == 4


def test_life_meeting_is_due_by_december(db, compliance):
    view = compliance.year_view(2026)
    life = row(view, Kind.LIFE_MEETING)
    assert [(c.held, c.state, c.deadline) for c in life.cells] == [(0, NOT_DUE, dt.date(2026, 12, 1))]
    assert not [m for m in view.missing if "组织生活会" in m]

    last_year = compliance.year_view(2025)
    assert states(row(last_year, Kind.LIFE_MEETING)) == [MISSING]
    assert "2025年 组织生活会 未召开（应1次，已0次）" in last_year.missing
    assert "2025年 民主评议党员 未开展（应1次，已0次）" in last_year.missing

    add_meeting(db, dt.date(2025, 12, 20), Kind.LIFE_MEETING, Kind.APPRAISAL)
    assert not [m for m in compliance.year_view(2025).missing if "组织生活会" in m or "民主评议" in m]


def test_a_stricter_deadline_month_makes_the_year_missing_early(db, compliance):
    RequirementStore(db).save([Requirement(Kind.LIFE_MEETING, Period.YEAR, by_month=6)])
    view = compliance.year_view(2026)
    assert [r.label for r in view.rows] == ["组织生活会"]
    assert view.missing == ("2026年 组织生活会 未召开（应1次，已0次）",)


def test_heart_talks_per_party_committee_member(db, members, compliance):
    zhang = members.save(person("张三", "党支部书记"))
    li = members.save(person("李四", "党支部委员"))
    wang = members.save(person("王五", "村委会委员"))
    gone = PersonData(
        values={"name": "赵六"},
        posts=[PostData(title="党支部委员", start_date=dt.date(2016, 5, 1), end_date=dt.date(2024, 12, 31))],
    )
    members.save(gone, confirmed=True)
    add_meeting(db, dt.date(2025, 6, 1), Kind.HEART_TALK, people=(zhang, wang))
    add_meeting(db, dt.date(2025, 7, 1), Kind.HEART_TALK, people=(li, wang), status="缺席")
    add_meeting(db, dt.date(2025, 8, 1), Kind.BRANCH_COMMITTEE, people=(zhang, li))

    view = compliance.year_view(2025)
    talks = [r for r in view.rows if r.requirement.kind is Kind.HEART_TALK]
    assert [(r.label, r.person_id) for r in talks] == [("张三", zhang), ("李四", li)]
    assert [(r.cells[0].held, r.cells[0].state) for r in talks] == [(1, DONE), (0, MISSING)]
    assert "2025年 李四 谈心谈话 未开展（应1次，已0次）" in view.missing
    assert not [m for m in view.missing if m.startswith(("张三", "王五"))]

    earlier = [r.label for r in compliance.year_view(2024).rows if r.requirement.kind is Kind.HEART_TALK]
    assert earlier == ["张三", "李四", "赵六"]

    this_year = [r for r in compliance.year_view(2026).rows if r.requirement.kind is Kind.HEART_TALK]
    assert [r.cells[0].state for r in this_year] == [NOT_DUE, NOT_DUE]


def test_periods_after_today_and_future_years_are_not_due(db, compliance):
    add_meeting(db, dt.date(2026, 12, 5), Kind.BRANCH_COMMITTEE)  # entered ahead: not yet held
    view = compliance.year_view(2026)
    committee = row(view, Kind.BRANCH_COMMITTEE)
    assert (committee.cells[11].held, committee.cells[11].state) == (0, NOT_DUE)
    assert committee.cells[10].state is NOT_DUE  # November is not over on 27 November
    assert committee.cells[9].state is MISSING
    assert "2026年11月 支部委员会会议 未召开（应1次，已0次）" not in view.missing

    future = compliance.year_view(2027)
    assert future.missing == ()
    assert {c.state for r in future.rows for c in r.cells} == {NOT_DUE}


def test_past_year_is_fully_evaluated(db, compliance):
    view = compliance.year_view(2024)
    assert {c.state for r in view.rows for c in r.cells} == {MISSING}
    assert "2024年12月 主题党日 未开展（应1次，已0次）" in view.missing


def test_the_view_counts_with_a_few_grouped_queries(db, members, compliance):
    members.save(person("张三", "党支部书记"))
    for month in range(1, 13):
        add_meeting(db, dt.date(2025, month, 3), Kind.BRANCH_COMMITTEE, Kind.THEME_DAY)
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        compliance.year_view(2025)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 5, selects  # the four counts, and the day the records begin


def test_suggested_date_for_a_new_record(compliance):
    march, november, december = (spans(Period.MONTH, 2026)[i] for i in (2, 10, 11))
    assert compliance.suggest(Kind.BRANCH_COMMITTEE, march) == dt.date(2026, 3, 1)
    assert compliance.suggest(Kind.BRANCH_COMMITTEE, november) == dt.date(2026, 11, 27)
    assert compliance.suggest(Kind.BRANCH_COMMITTEE, december) == dt.date(2026, 12, 1)
    year = Span(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025年")
    assert compliance.suggest(Kind.LIFE_MEETING, year) == dt.date(2025, 1, 1)


def test_a_viewer_or_clerk_cannot_change_the_requirements(db):
    store = RequirementStore(db)
    for role in (Role.VIEWER, Role.CLERK):
        db.actor = Actor("查阅甲", role)
        with pytest.raises(PermissionDenied):
            store.save(DEFAULT_REQUIREMENTS)
        with pytest.raises(PermissionDenied):
            store.reset()
    assert store.load() == DEFAULT_REQUIREMENTS


def test_bad_requirements_are_refused_in_plain_chinese(db):
    store = RequirementStore(db)
    bad = [
        Requirement(Kind.BRANCH_COMMITTEE, Period.MONTH, times=0),
        Requirement(Kind.PARTY_GROUP, Period.MONTH, by_month=3),
        {"kind": "茶话会", "period": "每月"},
        {"kind": "党课", "period": "每周"},
        Requirement(Kind.BRANCH_COMMITTEE, Period.QUARTER),
    ]
    with pytest.raises(UserError) as err:
        store.save(bad)
    assert err.value.message.split("；") == [
        "第1项（支部委员会会议）：次数应是 1 到 31 之间的整数",
        "第2项（党小组会）：只有按年计算的要求才能设“几月前完成”",
        "第3项：不认识的会议类型“茶话会”",
        "第4项（党课）：频次只能是 每月、每季度、每年、每年每名委员",
        "第5项（支部委员会会议）：同一会议类型只能设一项要求",
    ]
    with pytest.raises(UserError) as err:
        store.save([])
    assert err.value.message == "至少要保留一项要求；想用默认要求请点“恢复默认”"
    assert store.load() == DEFAULT_REQUIREMENTS


def test_a_damaged_stored_table_falls_back_to_the_defaults(db):
    with db.write() as s:
        s.add(Meta(key="meeting_requirements", value='[{"kind": "党课", "times": "很多"}'))
    assert RequirementStore(db).load() == DEFAULT_REQUIREMENTS


def test_representatives_meeting_each_quarter_is_off_by_default_and_can_be_required(db, compliance, services):
    """组织法第二十六条：村民代表会议……每季度召开一次. Not in the defaults; a village adds it."""
    from app.services.meetings.meeting_kinds import OPTIONAL_REQUIREMENTS

    add_meeting(db, dt.date(2026, 2, 10), Kind.REPRESENTATIVES)
    assert not any(r.requirement.kind is Kind.REPRESENTATIVES for r in compliance.year_view(2026).rows)
    services.act_as(Actor("王文书", Role.ADMIN))
    RequirementStore(db).save([*DEFAULT_REQUIREMENTS, *OPTIONAL_REQUIREMENTS])
    reps = row(ComplianceService(db, compliance.clock).year_view(2026), Kind.REPRESENTATIVES)
    assert states(reps) == [DONE, MISSING, MISSING, NOT_DUE]
    assert reps.cells[1].message == "2026年第二季度 村民代表会议 未召开（应1次，已0次）"
