import datetime as dt

import pytest
from conftest import person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services.meetings.demo import fill_demo_meetings
from app.services.meetings.meeting_types import LEAVE, PRESENT
from app.services.members.demo import fill_demo
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.meetings.meeting_dialog import MeetingDialog
from app.ui.meetings.step_dialog import StepDialog
from app.ui.shell.main_window import MainWindow


@pytest.fixture
def demo_window(qtbot, services, clock):
    fill_demo(services.db, clock)
    fill_demo_meetings(services.db, clock, services.data_dir.attachments)
    services.act_as(Actor("王文书", Role.ADMIN))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    window.tabs.setCurrentWidget(window.meetings_tab)  # a tab loads when it is shown
    return window


def texts(page):
    return [(r.date, r.kinds, r.topic) for r in page.model.rows]


def test_meetings_list_filters_by_kind_month_person_and_text(demo_window):
    page = demo_window.meetings_tab.meetings
    assert page.model.rowCount() > 50 and all(d.year == 2026 for d, _k, _t in texts(page))
    page.kind.setCurrentText("支部党员大会")
    assert all("支部党员大会" in k for _d, k, _t in texts(page))
    assert any(k == ("支部党员大会", "主题党日") or set(k) == {"支部党员大会", "主题党日"} for _d, k, _t in texts(page))
    page.kind.setCurrentIndex(0)
    page.month.setCurrentIndex(8)
    assert {d.month for d, _k, _t in texts(page)} == {8}
    assert not any(k == ("支部委员会会议",) for _d, k, _t in texts(page))  # the sample gap
    page.month.setCurrentIndex(0)
    page.search.setText("鱼塘")
    assert sorted(t for _d, _k, t in texts(page)) == ["商议鱼塘承包方案", "审议鱼塘承包方案", "提议鱼塘承包方案"]


def test_new_committee_meeting_fills_the_committee_and_warns_without_quorum(qtbot, demo_window, monkeypatch):
    services = demo_window.services
    dialog = MeetingDialog(services, None, demo_window, preset_kind="支部委员会会议", preset_date=dt.date(2026, 11, 26))
    qtbot.addWidget(dialog)
    names = [r.name for r in dialog.attendance.attendance()]
    assert len(names) == 5 and "李建国" in names
    dialog.save()
    assert dialog.errors.message("topic") != ""
    dialog.topic.setText("研究年终工作")
    for row in range(3):
        dialog.attendance.table.cellWidget(row, 1).setCurrentText(LEAVE)
        dialog.attendance.table.cellWidget(row, 2).setText("外出")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text, yes, no="取消": asked.append(text) or True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert asked and "未超过半数" in asked[0]
    saved = services.meetings.get(dialog.saved_id)
    assert [a.status for a in saved.attendance].count(PRESENT) == 2


def test_a_matter_step_is_recorded_through_the_step_dialog(qtbot, demo_window, monkeypatch):
    services = demo_window.services
    stuck = next(r for r in services.matters.list_rows() if r.reached == 3)
    dialog = StepDialog(services, stuck.id, 4)
    qtbot.addWidget(dialog)
    dialog.date.set_value(dt.date(2026, 11, 26))

    def new_meeting(self):
        self.topic.setText("决议鱼塘承包方案")
        present = sum(1 for a in self.attendance.attendance() if a.status == "出席")
        self.votes[0].setValue(present)  # a 通过 rests on a recorded vote (组织法第二十六条)
        self.save()
        return self.result()

    monkeypatch.setattr(MeetingDialog, "exec", new_meeting)
    dialog.create_meeting()
    assert "决议鱼塘承包方案" in dialog.meeting.currentText()
    assert "到会三分之二以上组成人员，符合召开要求" in dialog.counts.text()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = next(r for r in services.matters.list_rows() if r.id == stuck.id)
    assert row.reached == 4 and row.stuck_days is None


def test_compliance_view_marks_the_gap_and_a_click_creates_the_meeting(demo_window, monkeypatch):
    page = demo_window.meetings_tab.compliance
    assert page.missing.text() == "尚缺：\n2026年8月 支部委员会会议 未召开（应1次，已0次）"
    created = []
    monkeypatch.setattr(demo_window.meetings_tab.meetings, "add_meeting", lambda kind, day: created.append((kind, day)))
    row = next(i for i, r in enumerate(page.view.rows) if r.label == "支部委员会会议")
    assert page.table.item(row, 7).text() == "缺（0/1）"
    page.cell_clicked(row, 7)
    assert created == [("支部委员会会议", dt.date(2026, 8, 1))]
    page.cell_clicked(row, 0)  # a done month does nothing
    assert len(created) == 1


def test_printing_a_meeting_record_previews_it(demo_window):
    page = demo_window.meetings_tab.meetings
    page.table.selectRow(0)
    from io import BytesIO

    from pypdf import PdfReader

    from app.ui.meetings.meeting_prints import print_meeting_record

    preview = print_meeting_record(demo_window.services, page.model.rows[0].id, None)
    text = PdfReader(BytesIO(preview.pdf_bytes)).pages[0].extract_text()  # the file itself is gone
    assert page.model.rows[0].topic in text and "主持人" in text


def test_a_person_with_meeting_records_cannot_be_deleted(demo_window):
    from app.services.common.errors import UserError

    services = demo_window.services
    secretary = next(r for r in services.members.list_rows() if r.name == "李建国")
    with pytest.raises(UserError) as err:
        services.members.delete(secretary.id)
    assert "次会议的参会记录" in err.value.message


def test_viewer_cannot_add_meetings(qtbot, services):
    services.members.save(person("张三", "党支部书记"))
    services.act_as(Actor("查阅甲", Role.VIEWER))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    assert not window.meetings_tab.meetings.buttons["新增"].isEnabled()
    assert not window.meetings_tab.matters.buttons["删除"].isEnabled()
    assert not window.requirements_action.isEnabled()


def test_meetings_sort_on_any_column_and_selection_follows(demo_window):
    page = demo_window.meetings_tab.meetings
    page.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # 实到, as numbers
    shown = [int(page.sorter.index(r, 6).data()) for r in range(page.sorter.rowCount())]
    assert shown == sorted(shown)
    page.table.selectRow(0)
    assert page.selected().present == shown[0]


def test_requirements_can_be_made_stricter_in_settings(qtbot, demo_window):
    from app.services.meetings.compliance import RequirementStore
    from app.services.meetings.meeting_kinds import Period
    from app.ui.meetings.requirements_dialog import RequirementsDialog

    dialog = RequirementsDialog(demo_window.services)
    qtbot.addWidget(dialog)
    lecture = next(i for i, r in enumerate(dialog.requirements) if r.kind.value == "党课")
    dialog.table.cellWidget(lecture, 1).setCurrentText(Period.MONTH.value)
    dialog.save()
    stored = {r.kind.value: r.period for r in RequirementStore(demo_window.services.db).load()}
    assert stored["党课"] is Period.MONTH
    demo_window.meetings_tab.compliance.refresh()
    assert "2026年1月 党课 未开展（应1次，已0次）" in demo_window.meetings_tab.compliance.missing.text()


def test_other_tabs_load_only_when_shown_and_reload_on_return(qtbot, services, clock):
    fill_demo(services.db, clock)
    services.act_as(Actor("王文书", Role.ADMIN))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    assert window.meetings_tab.meetings.model.rowCount() == 0  # not loaded at start-up
    fill_demo_meetings(services.db, clock, services.data_dir.attachments)
    window.tabs.setCurrentWidget(window.meetings_tab)
    assert window.meetings_tab.meetings.model.rowCount() > 50


def test_a_long_topic_never_makes_the_list_scroll_sideways(demo_window, qtbot):
    """At 1366×768 every column of 会议记录 is in view; a long topic is cut, whole in its tooltip."""
    from PySide6.QtWidgets import QApplication

    from app.ui.meetings.meetings_page import MeetingsPage

    services = demo_window.services
    meeting_id = demo_window.meetings_tab.meetings.model.rows[0].id
    data = services.meetings.get(meeting_id)
    long_topic = ("学习贯彻党的二十届四中全会精神暨推进乡村全面振兴和基层治理能力现代化专题组织生活会" * 3)[:200]
    data.topic = long_topic
    services.meetings.save(data, meeting_id, confirmed=True)
    page = MeetingsPage(services)  # the tab's page as the window lays it out on a 1366 px screen
    qtbot.addWidget(page)
    page.resize(1340, 560)
    page.show()
    page.refresh()
    QApplication.processEvents()
    assert not page.table.horizontalScrollBar().isVisible()
    row = next(r for r in range(page.sorter.rowCount()) if page.sorter.index(r, 2).data() == long_topic)
    assert page.sorter.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == long_topic
    header = page.table.horizontalHeader()
    assert header.sectionViewportPosition(7) + header.sectionSize(7) <= page.table.viewport().width() + 1
