"""A 查阅 account opens every record to read it: nothing can be typed, no 保存, 关闭 never asks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs


def _open(kind, services):
    if kind == "member":
        from app.ui.members.member_dialog import MemberDialog

        dialog = MemberDialog(services.members, services.members.list_rows()[0].id, None, services.photos)
        dialog.set_read_only(True)  # what the 两委成员 tab and 去办理 do for this role
        return dialog
    if kind == "meeting":
        from app.ui.meetings.meeting_dialog import MeetingDialog

        return MeetingDialog(services, services.meetings.list_rows()[0].id)
    from app.ui.reminders.reminder_dialog import ReminderDialog

    first = services.reminders.occurrences(*_year(services))[0]
    return ReminderDialog(services, first.reminder_id)


def _year(services):
    today = services.clock.today()
    return today.replace(month=1, day=1), today.replace(month=12, day=31)


@pytest.mark.parametrize(("kind", "title"), [
    ("member", "查看人员（只读）"), ("meeting", "查看会议记录（只读）"), ("reminder", "查看提醒（只读）"),
])
def test_a_viewer_reads_but_cannot_type(qtbot, services, monkeypatch, kind, title):
    fill_sample_village(services)
    services.act_as(Actor("查阅甲", Role.VIEWER))
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: asked.append(a) or True)
    dialog = _open(kind, services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == title
    assert dialog.findChild(QLabel, "read_only_note").text().startswith("您用“查阅”账户登录，只能查看")
    assert not dialog.save_button.isVisible()
    line = next(w for w in dialog.findChildren(QLineEdit) if w.isVisible() and w.text())
    before = line.text()
    qtbot.keyClicks(line, "xyz")  # QTest types Latin-1 only
    assert line.text() == before
    editable = [w for w in dialog.findChildren(QWidget) if isinstance(w, QLineEdit | QPlainTextEdit)
                and w.isVisible() and not w.isReadOnly() and not isinstance(w.parent(), QComboBox)]
    assert editable == []
    choosable = [w for w in dialog.findChildren(QComboBox) if w.isVisible() and w.isEnabled()]
    assert choosable == []
    close = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == "关闭")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert asked == [] and not dialog.isVisible()
