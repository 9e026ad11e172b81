"""The 四议两公开 step dialog offers the meetings near the step's date, and chooses none."""

import datetime as dt

from app.services.meetings.meeting_types import MatterData, MeetingData
from app.services.safety.actor import Actor, Role
from app.ui.meetings.step_dialog import CHOOSE, StepDialog

D = dt.date


def test_meetings_of_the_right_kind_near_the_date_nearest_first_none_chosen(qtbot, services):
    services.act_as(Actor("王文书", Role.ADMIN))

    def meeting(kind, topic, day):
        return services.meetings.save(MeetingData(kinds=[kind], topic=topic, date=day), None, True)

    meeting("支部委员会会议", "去年的支委会", D(2025, 11, 20))
    meeting("支部委员会会议", "年初支委会", D(2026, 1, 8))
    meeting("支部委员会会议", "一月底支委会", D(2026, 1, 30))
    meeting("支部委员会会议", "二月支委会", D(2026, 2, 3))
    meeting("支部党员大会", "党员大会", D(2026, 1, 2))
    matter_id = services.matters.save(MatterData("村道硬化", "项目", "村干部提议"), None)
    dialog = StepDialog(services, matter_id, 1)
    qtbot.addWidget(dialog)
    dialog.date.set_value(D(2026, 1, 1))
    offered = [dialog.meeting.itemText(i) for i in range(dialog.meeting.count())]
    assert offered[1:] == ["2026-01-08 支部委员会会议：年初支委会", "2026-01-30 支部委员会会议：一月底支委会"]
    assert dialog.meeting.currentText() == CHOOSE and dialog.meeting.currentData() is None

    dialog.date.set_value(D(2025, 12, 15))  # across the new year: last year's meeting is near too
    offered = [dialog.meeting.itemText(i) for i in range(dialog.meeting.count())]
    assert offered[1:] == ["2026-01-08 支部委员会会议：年初支委会", "2025-11-20 支部委员会会议：去年的支委会"]
    dialog.meeting.setCurrentIndex(1)
    dialog.date.set_value(D(2025, 12, 20))  # the chosen meeting is still near: it stays chosen
    assert dialog.meeting.currentText() == "2026-01-08 支部委员会会议：年初支委会"

    dialog.date.set_value(D(2026, 6, 1))
    assert [dialog.meeting.itemText(i) for i in range(dialog.meeting.count())] == ["30天内没有这类会议：请先新建会议记录"]
    dialog.save()
    assert "需要关联一次支部委员会会议" in dialog.errors.message("meeting_id") and dialog.result() == 0


def test_step_four_shows_counts_and_refuses_passed_without_a_vote(qtbot, services):
    """组织法第二十六条: the chosen 村民代表会议's 应到, 实到, quorum and vote show before saving."""
    from app.services.meetings.meeting_types import AttendanceData
    from conftest import person

    services.act_as(Actor("王文书", Role.ADMIN))
    ids = [services.members.save(person(f"代表{i}", "村民代表")) for i in range(6)]
    day = D(2026, 10, 8)
    unvoted = services.meetings.save(MeetingData(
        kinds=["村民代表会议"], topic="决议村道硬化", date=day,
        attendance=[AttendanceData(pid) for pid in ids[:4]] + [AttendanceData(pid, status="缺席") for pid in ids[4:]],
    ), None, True)
    matter_id = services.matters.save(MatterData("村道硬化", "项目", "村干部提议"), None)
    with services.db.write() as s:  # steps 1-3 as recorded earlier (their own checks are tested elsewhere)
        from db.models import MatterStep

        for n in (1, 2, 3):
            s.add(MatterStep(matter_id=matter_id, step=n, date=D(2026, 10, n), outcome="通过"))
    dialog = StepDialog(services, matter_id, 4)
    qtbot.addWidget(dialog)
    dialog.date.set_value(day)
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(unvoted))
    assert dialog.counts.text().splitlines() == [
        "应到 6 人，实到 4 人", "到会三分之二以上组成人员，符合召开要求", "未记录表决票数",
        "⚠ 没有表决票数，不能登记为“通过”：请先在会议记录中填写票数"]
    dialog.save()
    assert "没有登记表决结果" in dialog.errors.message("meeting_id") and dialog.result() == 0
    assert [s.step for s in services.matters.get(matter_id).steps] == [1, 2, 3]


def test_villagers_meeting_heads_are_entered_from_the_step_dialog_art_22(qtbot, services, monkeypatch):
    """组织法第二十二条: a 村民会议 counts heads; entered here, the counts show at once."""
    from app.services.bodies.body_types import GroupData
    from app.ui.bodies.head_count_dialog import HeadCountDialog
    from db.models import MatterStep

    services.act_as(Actor("王文书", Role.ADMIN))
    services.villager_groups.save(GroupData("第一村民小组", None, 300, 1000))
    day = D(2026, 10, 8)
    sitting = services.meetings.save(MeetingData(kinds=["村民会议"], topic="决议鱼塘发包", date=day,
                                                 votes_for=400, votes_against=50, votes_abstain=10), None, True)
    matter_id = services.matters.save(MatterData("鱼塘发包", "集体资产", "村干部提议"), None)
    with services.db.write() as s:
        for n in (1, 2, 3):
            s.add(MatterStep(matter_id=matter_id, step=n, date=D(2026, 10, n), outcome="通过"))
    dialog = StepDialog(services, matter_id, 4)
    qtbot.addWidget(dialog)
    dialog.date.set_value(day)
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(sitting))
    assert dialog.counts.text().startswith("未登记到会人数") and dialog.heads_button.isVisibleTo(dialog)

    def enter(heads_dialog):
        assert (heads_dialog.adults_total.value(), heads_dialog.households_total.value()) == (1000, 300)
        heads_dialog.adults_present.setValue(500)  # exactly half: not enough alone
        heads_dialog.households_present.setValue(199)
        heads_dialog.save()
        return heads_dialog.result()

    monkeypatch.setattr(HeadCountDialog, "exec", enter)
    dialog.edit_heads()
    assert "户代表到会 199 户，共 300 户" in dialog.counts.text()
    assert "不符合召开要求" in dialog.counts.text() and "⚠ 到会人数不足" in dialog.counts.text()

    def more(heads_dialog):
        heads_dialog.adults_present.setValue(501)
        heads_dialog.save()
        return heads_dialog.result()

    monkeypatch.setattr(HeadCountDialog, "exec", more)
    dialog.edit_heads()
    assert "符合召开要求" in dialog.counts.text() and "超过到会人员 501 人的半数" in dialog.counts.text()
    dialog.save()
    assert dialog.result() == 1 and [s.step for s in services.matters.get(matter_id).steps] == [1, 2, 3, 4]


def test_head_counts_present_over_total_are_refused(services):
    import pytest

    from app.services.bodies.villager_meetings import VillagerMeetingCounts
    from app.services.common.errors import ValidationFailed
    from app.services.meetings.step_counts import HeadCount

    services.act_as(Actor("王文书", Role.ADMIN))
    sitting = services.meetings.save(MeetingData(kinds=["村民会议"], topic="村民会议", date=D(2026, 10, 8)), None, True)
    with pytest.raises(ValidationFailed) as exc:
        VillagerMeetingCounts(services.db).save(sitting, HeadCount(100, 120, 0, 0))
    assert exc.value.problems == {"adults": "到会18岁以上村民 120 超过了总数 100：请核对"}
    with pytest.raises(ValidationFailed) as exc:
        VillagerMeetingCounts(services.db).save(sitting, HeadCount(0, 0, 0, 0))
    assert "请填写本村（或本组）18岁以上村民总数或总户数" in exc.value.problems["adults"]
