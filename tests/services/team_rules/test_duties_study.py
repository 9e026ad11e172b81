"""主体责任清单 and 责任书; the 学习制度's sessions, 自学 and per-person 学时 against the requirement."""

import datetime as dt

import pytest
from conftest import person

from app.services.common.errors import UserError
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import LEAVE, AttendanceData, MeetingData
from app.services.team_rules.team_types import DONE, NOT_DONE, QUARTER, DutyTaskData, PledgeData, StudyRequirement


@pytest.fixture
def team(services, profile):
    ids = {
        "张书记": services.members.save(person("张书记", "党支部书记")),
        "王主任": services.members.save(person("王主任", "村委会主任")),
        "李委员": services.members.save(person("李委员", "村委会委员")),
    }
    services.members.save(person("赵监督", "监委会主任"))  # not in the 两委
    return ids


def study_session(services, day, present, on_leave=(), start="09:00", end="11:00"):
    attendance = [AttendanceData(pid, "") for pid in present] + [AttendanceData(pid, "", LEAVE, "外出") for pid in on_leave]
    return services.meetings.save(MeetingData(kinds=[Kind.STUDY.value], topic="学习党章", date=day, start_time=start,
                                              end_time=end, attendance=attendance), confirmed=True)


def test_the_duty_list_puts_the_secretary_first_with_tasks_and_signed_pledges(services, team, tmp_path):
    duties = services.team_rules.duties
    duties.save_task(2026, DutyTaskData(team["张书记"], "每季度专题研究党风廉政建设", dt.date(2026, 3, 31)))
    duties.save_task(2026, DutyTaskData(team["王主任"], "落实村务公开", dt.date(2026, 12, 31)))
    done = duties.save_task(2026, DutyTaskData(team["李委员"], "督促低保评议公开", dt.date(2026, 6, 30)))
    duties.save_task(2026, DutyTaskData(team["李委员"], "督促低保评议公开", dt.date(2026, 6, 30),
                                        dt.date(2026, 6, 20), "已公开"), done)
    scan = tmp_path / "责任书扫描.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    title, stored = duties.add_scan(scan)
    duties.save_pledge(2026, PledgeData(team["王主任"], dt.date(2026, 2, 10), title, stored,
                                        report_text="履行一岗双责，带头落实村务公开", assessment="称职"))
    year = duties.year(2026)
    assert [(m.name, m.first_responsible) for m in year] == [("张书记", True), ("王主任", False), ("李委员", False)]
    assert [t.state for t in year[0].tasks] == [NOT_DONE]
    assert [t.state for t in year[2].tasks] == [DONE]
    assert year[1].pledge.signed_on == dt.date(2026, 2, 10)
    assert duties.scan_path(year[1].pledge.scan_stored).read_bytes() == b"%PDF-1.4 scan"
    assert year[1].report_text == "履行一岗双责，带头落实村务公开"
    with pytest.raises(UserError) as caught:
        duties.save_pledge(2026, PledgeData(team["李委员"], dt.date(2027, 1, 1), assessment="很好"))
    assert set(caught.value.problems) == {"signed_on", "assessment"}


def test_study_hours_count_attendance_and_self_study_against_the_requirement(services, team):
    study = services.team_rules.study
    first = study_session(services, dt.date(2026, 3, 5), [team["张书记"], team["王主任"]], [team["李委员"]])
    study_session(services, dt.date(2026, 6, 5), list(team.values()), start="14:00", end="15:30")
    study.set_session(first, 3, "《中国共产党章程》")
    study.add_self_study(team["李委员"], dt.date(2026, 7, 1), "学习纪律处分条例", 2.5)
    with pytest.raises(UserError) as caught:
        study.add_self_study(team["李委员"], dt.date(2026, 12, 1), " ", 30)
    assert set(caught.value.problems) == {"content", "date", "hours"}
    totals = {t.name: (t.group_hours, t.self_hours, t.total, t.short) for t in study.totals(2026)}
    assert totals == {"张书记": (4.5, 0.0, 4.5, 27.5), "王主任": (4.5, 0.0, 4.5, 27.5),
                      "李委员": (1.5, 2.5, 4.0, 28.0)}
    sessions = study.sessions(2026)
    assert [(s.hours, s.materials) for s in sessions] == [(3.0, "《中国共产党章程》"), (1.5, "")]
    assert sessions[0].absent == ("李委员（请假：外出）",)
    study.save_requirement(StudyRequirement(hours=4, sessions=1, per=QUARTER))
    assert [t.short for t in study.totals(2026)] == [0.0, 0.0, 0.0]
    assert [(w.number, held) for w, held, _ in study.session_periods(2026)] == [(1, 1), (2, 1), (3, 0), (4, 0)]


def test_only_a_study_meeting_takes_hours(services, team):
    other = services.meetings.save(MeetingData(kinds=[Kind.BRANCH_COMMITTEE.value], topic="支委会",
                                               date=dt.date(2026, 3, 1)), confirmed=True)
    with pytest.raises(UserError, match="集中学习"):
        services.team_rules.study.set_session(other, 2)
