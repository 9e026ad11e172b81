"""After save, delete or refresh every list keeps its cursor on the record worked on, by id."""

import datetime as dt

import pytest
from conftest import person
from pypdf import PdfReader

from app.services.common.profile import Profile
from app.services.members.member_types import PostData
from app.services.notices.notice_types import NoticeData, Period
from app.services.reminders.reminder_types import ReminderData
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs, print_dialog


@pytest.fixture
def admin(services):
    services.profile.save(Profile("红旗村", "城关镇", supervision_phone="0731-84561234"))
    services.act_as(Actor("王文书", Role.ADMIN))
    return services


@pytest.fixture
def printed(monkeypatch):
    """The text of every PDF a print button made, instead of the preview."""
    texts = []
    monkeypatch.setattr(print_dialog, "preview_then_delete", lambda path, *_a: texts.append(
        "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")))
    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _x, choices: choices[0])  # 公开版, A4
    return texts


def draft(services, title: str, number: int) -> int:
    return services.notices.save(NoticeData(
        category="村务公开", title=title, period=Period("quarter", 2026, number), issuer="村委会",
        post_from=dt.date(2026, 11, 27), post_to=dt.date(2026, 12, 3), body=f"{title}的正文"), confirmed=True)


def fake_exec(change):
    """A dialog's exec() that makes ``change`` as the clerk would, then presses 保存."""

    def run(dialog):
        change(dialog)
        dialog.save()
        return dialog.result()

    return run


def test_a_saved_notice_stays_selected_where_it_now_sorts_and_prints(qtbot, admin, monkeypatch, printed):
    from app.ui.notices.notice_dialog import NoticeDialog
    from app.ui.notices.notices_tab import NoticesTab

    first = draft(admin, "第一季度村务公开", 1)
    second = draft(admin, "第二季度村务公开", 2)
    tab = NoticesTab(admin)
    qtbot.addWidget(tab)
    tab.refresh()
    assert [r.id for r in tab.rows] == [second, first]
    tab.table.selectRow(1)
    monkeypatch.setattr(NoticeDialog, "exec", fake_exec(lambda d: (d.number.setValue(3), d.title.setText("第三季度村务公开"))))
    tab.edit()
    assert [r.id for r in tab.rows] == [first, second]  # it now sorts first: row 1 holds the other one
    assert tab.current_id() == first and tab.table.currentRow() == 0
    tab.print_one()
    assert "第三季度村务公开" in printed[0] and "第二季度" not in printed[0]

    monkeypatch.setattr(NoticeDialog, "exec", fake_exec(lambda d: d.title.setText("新的公告")))
    tab.add()
    new = next(r.id for r in tab.rows if r.title == "新的公告")
    assert tab.current_id() == new

    tab.table.selectRow(2)
    assert tab.current_id() == second
    tab.search.setText("第二季度")  # a refresh by the filters keeps the record, not the row number
    assert tab.current_id() == second and tab.table.currentRow() == 0
    tab.search.clear()
    assert tab.current_id() == second and tab.table.currentRow() == 2
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: True)
    tab.delete()
    assert tab.current_id() is None and tab.table.selectionModel().selectedRows() == []


def test_a_renamed_person_stays_selected(qtbot, admin, monkeypatch):
    from app.ui.members.member_dialog import MemberDialog
    from app.ui.shell.main_window import MainWindow

    for name in ("张三", "李四", "王五"):
        admin.members.save(person(name, "村委会委员"), confirmed=True)
    window = MainWindow(admin.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(admin)
    window.tabs.setCurrentWidget(window.members_tab)
    tab = window.members_tab

    def names():
        return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]

    row = names().index("张三")
    tab.table.selectRow(row)
    zhang = tab.selected_id()
    monkeypatch.setattr(MemberDialog, "exec", fake_exec(lambda d: d.inputs["name"].setText("艾张三")))
    tab.edit_selected()
    assert names().index("艾张三") != row
    assert tab.selected_id() == zhang and tab.table.currentIndex().data() == "艾张三"
    monkeypatch.setattr(MemberDialog, "exec", fake_exec(lambda d: (
        d.inputs["name"].setText("赵六"), d.posts.add_post(PostData("村委会委员", dt.date(2021, 5, 1))))))
    tab.add_person()
    assert tab.table.currentIndex().data() == "赵六"


def test_a_meeting_moved_to_another_day_stays_selected_and_prints(qtbot, admin, monkeypatch, printed):
    from app.services.meetings.meeting_types import MeetingData
    from app.ui.meetings.meeting_dialog import MeetingDialog
    from app.ui.meetings.meetings_page import MeetingsPage

    def meeting(topic, day):
        return admin.meetings.save(MeetingData(kinds=["支部委员会会议"], topic=topic, date=day), None, True)

    early = meeting("研究春耕", dt.date(2026, 3, 5))
    meeting("研究秋收", dt.date(2026, 9, 5))
    page = MeetingsPage(admin)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rows[-1].id == early
    page.table.selectRow(page.model.rowCount() - 1)
    monkeypatch.setattr(MeetingDialog, "exec", fake_exec(lambda d: d.date.set_value(dt.date(2026, 11, 20))))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: True)  # no attendance list: save as it is
    page.edit_selected()
    assert page.current_id() == early and page.table.currentIndex().row() == 0
    page.print_record()
    assert "研究春耕" in printed[0] and "研究秋收" not in printed[0]


def test_a_new_matter_and_a_new_reminder_are_selected(qtbot, admin, monkeypatch):
    from app.ui.meetings.matter_dialog import MatterDialog
    from app.ui.meetings.matters_page import MattersPage
    from app.ui.reminders.reminder_dialog import ReminderDialog
    from app.ui.reminders.reminders_tab import RemindersTab

    page = MattersPage(admin)
    qtbot.addWidget(page)
    for name in ("村道硬化", "鱼塘承包"):
        monkeypatch.setattr(MatterDialog, "exec", lambda d, name=name: (d.name.setText(name), d.save(), 0)[-1])
        page.add()
        assert page.rows[page.table.currentRow()].name == name

    someone = admin.members.save(person("张三", "党支部书记"), confirmed=True)
    for day in (dt.date(2026, 12, 10), dt.date(2026, 12, 1)):
        admin.reminders.save(ReminderData(kind="提醒谈话", subject=f"谈话{day.day}", anchor=day, person_ids=[someone]))
    tab = RemindersTab(admin)
    qtbot.addWidget(tab)
    tab.apply_permissions(admin.actor)
    tab.refresh()

    def fill(d):
        d.kind.setCurrentText("提醒谈话")
        d.subject.setText("元旦前提醒")
        d.anchor.set_value(dt.date(2026, 12, 5))
        d.targets.check("张三")

    monkeypatch.setattr(ReminderDialog, "exec", fake_exec(fill))
    tab.add()
    assert [r.subject for r in tab.rows] == ["谈话1", "元旦前提醒", "谈话10"]
    assert tab.rows[tab.table.currentRow()].subject == "元旦前提醒" and tab.current_key() is not None


def test_a_new_user_is_selected(qtbot, admin):
    from app.ui.safety.users_dialog import UsersDialog

    admin.accounts.create_first_admin("王文书", "secret1", "secret1")
    dialog = UsersDialog(admin)
    qtbot.addWidget(dialog)
    dialog.name.setText("李会计")
    dialog.password.setText("secret2")
    dialog.repeat.setText("secret2")
    dialog.add_user()
    assert dialog.list.currentItem().text().startswith("李会计")
