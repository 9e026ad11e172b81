"""Every editor asks “放弃修改？” on 取消, Esc or the close button when something changed, and only then."""

import datetime as dt

import pytest
from conftest import person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit

from app.services.meetings.meeting_types import MatterData
from app.services.notices.notice_types import ItemData
from app.services.reminders.reminder_types import ReminderData
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs


def _member(services):
    from app.ui.members.member_dialog import MemberDialog

    return MemberDialog(services.members), lambda d: d.inputs["name"].setText("张三"), lambda d: d.inputs["name"]


def _meeting(services):
    from app.ui.meetings.meeting_dialog import MeetingDialog

    return MeetingDialog(services), lambda d: d.topic.setText("研究年终工作"), lambda d: d.topic


def _notice(services):
    from app.ui.notices.notice_dialog import NoticeDialog

    return NoticeDialog(services), lambda d: d.body.setPlainText("本季度收支如下"), lambda d: d.body


def _notice_items(services):
    from app.ui.notices.notice_dialog import NoticeDialog

    def change(d):
        d.items.add_item(ItemData("修路", "支出", 123450))

    return NoticeDialog(services), change, lambda d: d.items.table.item(0, 1)


def _matter(services):
    from app.ui.meetings.matter_dialog import MatterDialog

    return MatterDialog(services), lambda d: d.name.setText("村道硬化"), lambda d: d.name


def _step(services):
    from app.ui.meetings.step_dialog import StepDialog

    matter_id = services.matters.save(MatterData("村道硬化", "项目", "村干部提议"), None)
    return StepDialog(services, matter_id, 1), lambda d: d.note.setText("书记提议"), lambda d: d.note


def _requirements(services):
    from app.ui.meetings.requirements_dialog import RequirementsDialog

    def basis(d):
        return d.table.item(0, 4)

    return RequirementsDialog(services), lambda d: basis(d).setText("镇党委2026年1号文"), basis


def _profile(services):
    from app.ui.common.profile_dialog import ProfileDialog

    return (ProfileDialog(services.profile), lambda d: d.inputs["village_name"].setText("红旗村"),
            lambda d: d.inputs["village_name"])


def _reminder(services):
    from app.ui.reminders.reminder_dialog import ReminderDialog

    return ReminderDialog(services), lambda d: d.subject.setText("春节前廉政提醒"), lambda d: d.subject


def _terms(services):
    from app.ui.members.terms_dialog import TermsDialog

    return TermsDialog(services.members), lambda d: d.name_edit.setText("第十二届"), lambda d: d.name_edit


def _users(services):
    from app.ui.safety.users_dialog import UsersDialog

    return UsersDialog(services), lambda d: d.name.setText("李会计"), lambda d: d.name


def _review(services):
    from app.services.notices.notice_types import NoticeData, Period
    from app.ui.notices.notice_workflow import ReviewDialog

    notice_id = services.notices.save(NoticeData(category="村务公开", title="测试公告", period=Period("quarter", 2026, 4),
                                                 post_from=dt.date(2026, 11, 20), post_to=dt.date(2026, 11, 26)),
                                      confirmed=True)
    return ReviewDialog(services, notice_id), lambda d: d.opinion.setPlainText("金额有误，退回"), lambda d: d.opinion


def _post(services):
    from app.ui.notices.notice_workflow import PostDialog

    return PostDialog(services, 1), lambda d: d.day.set_value(dt.date(2026, 11, 20)), lambda d: d.day.edit


def _question(services):
    from app.ui.notices.notice_workflow import QuestionDialog

    return QuestionDialog(services, None), lambda d: d.question.setPlainText("修路钱从哪来？"), lambda d: d.question


def _done(services):
    from app.ui.reminders.done_dialog import DoneDialog

    someone = services.members.save(person("张三", "党支部书记"), confirmed=True)
    reminder_id = services.reminders.save(ReminderData(kind="提醒谈话", subject="对新任委员提醒谈话",
                                                       anchor=dt.date(2026, 11, 22), person_ids=[someone]))
    return (DoneDialog(services, reminder_id, dt.date(2026, 11, 22)), lambda d: d.note.setPlainText("谈话一小时"),
            lambda d: d.note)


def _dispose(services):
    from app.ui.reminders.dispose_dialog import DisposeDialog

    services.members.save(person("张三", "党支部书记"), confirmed=True)
    item = next(i for i in services.derived.items() if i.derived)
    return DisposeDialog(services, item), lambda d: d.reason.setPlainText("已在纸质本上记录"), lambda d: d.reason


EDITORS = [_member, _meeting, _notice, _notice_items, _matter, _step, _requirements, _profile, _reminder, _terms,
           _users, _review, _post, _question, _done, _dispose]


def _text(widget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


@pytest.fixture
def admin(services):
    services.act_as(Actor("王文书", Role.ADMIN))
    return services


def _open(qtbot, make, services):
    dialog, change, field = make(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, change, field


@pytest.mark.parametrize("make", EDITORS, ids=lambda f: f.__name__.strip("_"))
def test_an_unchanged_editor_closes_without_asking(qtbot, admin, make):
    dialog, _change, _field = _open(qtbot, make, admin)
    dialog.reject()  # no dialog is patched: asking would fail the test
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("make", EDITORS, ids=lambda f: f.__name__.strip("_"))
def test_a_changed_editor_asks_and_keeping_it_leaves_the_text(qtbot, admin, make, monkeypatch):
    dialog, change, field = _open(qtbot, make, admin)
    change(dialog)
    typed = _text(field(dialog))
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, text, yes, no="取消": asked.append(
        (title, yes, no)) or False)
    dialog.reject()
    assert asked == [("放弃修改？", "放弃修改", "继续填写")]
    assert dialog.isVisible() and _text(field(dialog)) == typed
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: True)
    dialog.reject()
    assert not dialog.isVisible()


def test_esc_and_the_close_button_ask_too(qtbot, admin, monkeypatch):
    dialog, change, _field = _open(qtbot, _meeting, admin)
    change(dialog)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, *_a: asked.append(title) or False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["放弃修改？"] and dialog.isVisible()
    dialog.close()  # the window's close button
    assert asked == ["放弃修改？"] * 2 and dialog.isVisible()
    cancel = next(b for b in dialog.findChildren(QDialogButtonBox)[0].buttons() if b.text() == "取消")
    cancel.click()
    assert asked == ["放弃修改？"] * 3 and dialog.isVisible()


def test_after_saving_a_matter_closing_does_not_ask(qtbot, admin):
    dialog, change, _field = _open(qtbot, _matter, admin)
    change(dialog)
    assert dialog.save()
    dialog.reject()
    assert not dialog.isVisible()


def test_typing_back_what_was_there_counts_as_unchanged(qtbot, admin):
    dialog, _change, _field = _open(qtbot, _meeting, admin)
    edit: QLineEdit = dialog.topic
    edit.setText("临时")
    edit.setText("")
    dialog.reject()
    assert not dialog.isVisible()
