"""Tables in forms and lists show whole dates and names, enough rows, and grow with the window."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.members.demo import fill_demo
from app.services.members.member_types import PersonData, PostData
from app.ui.meetings.attendance_editor import AttendanceEditor
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.members_tab import MembersTab
from app.ui.shell.qt_app import apply_font_size


@pytest.fixture(params=[False, True], ids=["normal", "large"])
def large(request, qapp):
    before = qapp.font()
    apply_font_size(qapp, request.param)
    yield request.param
    qapp.setFont(before)


def shown(qtbot, widget, width, height):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()
    return widget


def test_post_dates_show_whole_and_six_rows_are_in_view(qtbot, services, large):
    titles = ("党支部书记", "村委会主任", "党支部委员", "村委会委员", "党支部委员", "村委会委员", "党支部委员")
    posts = [PostData(title=t, start_date=dt.date(2021 - 3 * i, 5, 1), end_date=dt.date(2024 - 3 * i, 4, 30) if i else None)
             for i, t in enumerate(titles)]
    person_id = services.members.save(PersonData(values={"name": "张三"}, posts=posts))
    dialog = shown(qtbot, MemberDialog(services.members, person_id), 1000, 688)
    table = dialog.posts.table
    for row in range(table.rowCount()):
        for col in (1, 2):
            field = table.cellWidget(row, col)
            text = field.edit.text()
            if text:
                room = field.edit.width() - field.edit.sizeHint().height()  # less the clear button
                assert field.edit.fontMetrics().horizontalAdvance(text) <= room, text
                assert table.columnWidth(col) >= field.sizeHint().width()
    assert table.viewport().height() >= 6 * table.rowHeight(0)
    before = table.height()
    dialog.resize(1000, 1400)
    QApplication.processEvents()
    assert table.height() > before  # a taller dialog gives the table the room


def test_the_member_list_keeps_phone_and_status_in_view(qtbot, services, large):
    from app.services.safety.actor import Actor, Role

    fill_demo(services.db, services.clock)
    services.act_as(Actor("王文书", Role.ADMIN))
    tab = MembersTab(services, actions=None)
    shown(qtbot, tab, 1366 - 16, 600)
    tab.refresh()
    QApplication.processEvents()
    table, header = tab.table, tab.table.horizontalHeader()
    for name in ("联系电话", "状态"):
        col = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())].index(name)
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert 0 <= header.sectionViewportPosition(col) and right <= table.viewport().width(), name
    assert table.horizontalScrollBar().maximum() == 0  # nothing hides to the right


@pytest.fixture
def editor(qtbot, services):
    from app.services.meetings.meeting_types import ABSENT, AttendanceData

    editor = AttendanceEditor([])
    qtbot.addWidget(editor)
    editor.set_rows([AttendanceData(i, f"党员{i}", ABSENT) for i in range(1, 34)])
    editor.resize(900, 300)
    editor.show()
    QApplication.processEvents()
    return editor


def test_attendance_shows_ten_people_and_grows(qtbot, editor):
    table = editor.table
    assert table.viewport().height() >= 10 * table.rowHeight(0)
    before = table.height()
    editor.resize(900, editor.height() + 300)
    QApplication.processEvents()
    assert table.height() > before


def test_all_present_and_marks_by_keyboard(qtbot, editor):
    from app.services.meetings.meeting_types import LEAVE, PRESENT

    assert editor.all_present.text() == "全部出席"
    editor.all_present.click()
    assert [r.status for r in editor.attendance()] == [PRESENT] * 33
    assert editor.counts.text() == "应到 33 人，实到 33 人，请假 0 人，缺席 0 人"
    table = editor.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_2)  # 请假, then on to the next person
    qtbot.keyClick(table, Qt.Key.Key_3)  # 缺席
    assert table.currentRow() == 2
    qtbot.keyClick(table, Qt.Key.Key_Space)  # 出席 → 请假
    qtbot.keyClick(table, Qt.Key.Key_Space)  # 请假 → 缺席
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_1)  # back to 出席
    assert [r.status for r in editor.attendance()][:4] == [LEAVE, PRESENT, "缺席", PRESENT]
    assert editor.counts.text() == "应到 33 人，实到 31 人，请假 1 人，缺席 1 人"
