"""Ctrl+N, Ctrl+F, Ctrl+P and Ctrl+S on every tab and page where they mean something; Alt menus."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import Actor, Role
from app.ui.common.dialog_keys import main_button
from app.ui.shell.dialog_catalogue import entries
from app.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, services, monkeypatch):
    fill_sample_village(services)
    services.act_as(Actor("王文书", Role.ADMIN))
    opened = []
    # Every dialog records its class instead of waiting for a user.
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    shown = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(shown)
    shown.attach(services)
    shown.opened = opened
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


def go(window, tab, page=None):
    window.tabs.setCurrentWidget(tab)
    if page is not None:
        tab.pages.setCurrentWidget(page)
    QApplication.processEvents()
    return page or tab


def press(window, key):
    QtBot.keyClick(QApplication.focusWidget() or window, key, CTRL)


PAGES = [  # (tab, page or None, what Ctrl+N opens)
    ("members_tab", None, "MemberDialog"),
    ("meetings_tab", "meetings", "MeetingDialog"),
    ("meetings_tab", "matters", "MatterDialog"),
    ("notices_tab", None, "NoticeDialog"),
    ("reminders_tab", "own", "ReminderDialog"),
]


def test_ctrl_n_opens_the_new_record_dialog_of_the_page_shown(window):
    for tab, page, dialog in PAGES:
        tab = getattr(window, tab)
        go(window, tab, getattr(tab, page) if page else None)
        window.opened.clear()
        press(window, Qt.Key.Key_N)
        assert window.opened == [dialog], (tab.title, page)


def test_enter_in_a_list_opens_the_selected_record(window, monkeypatch):
    from app.ui.common import dialogs

    # The sample's notices are all posted: 编辑 (and so Enter) opens one read-only or says why not.
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, title, _text: window.opened.append(title))
    for tab, page, dialog in [("meetings_tab", "meetings", "MeetingDialog"), ("meetings_tab", "matters", "MatterDialog"),
                              ("notices_tab", None, "不能修改")]:
        tab = getattr(window, tab)
        shown = go(window, tab, getattr(tab, page) if page else None)
        shown.table.setFocus()
        shown.table.selectRow(0)
        window.opened.clear()
        QtBot.keyClick(shown.table, Qt.Key.Key_Return)
        assert window.opened in ([dialog], ["NoticeDialog"] if dialog == "不能修改" else None), (tab.title, page)


def test_ctrl_f_puts_the_cursor_in_the_search_box_of_the_page_shown(window):
    for tab, page in [("members_tab", None), ("meetings_tab", "meetings"), ("notices_tab", None),
                      ("reminders_tab", "own")]:
        tab = getattr(window, tab)
        shown = go(window, tab, getattr(tab, page) if page else None)
        search = shown.search if hasattr(shown, "search") else tab.search
        search.setText("张")
        window.tabs.setFocus()
        press(window, Qt.Key.Key_F)
        assert QApplication.focusWidget() is search, tab.title
        assert search.selectedText() == "张"  # typing replaces the last search


def test_ctrl_p_prints_the_selected_meeting_matter_or_notice(window, monkeypatch):
    import app.ui.meetings.meeting_prints
    import app.ui.notices.notice_prints

    printed = []
    record = lambda _services, name, _write, _parent: printed.append(name)  # noqa: E731
    monkeypatch.setattr(app.ui.meetings.meeting_prints, "generate_and_preview", record)
    monkeypatch.setattr(app.ui.notices.notice_prints, "print_notice",
                        lambda _s, notice_id, _p: printed.append(f"公告{notice_id}"))
    tab = window.meetings_tab
    go(window, tab, tab.matters)
    tab.matters.table.selectRow(0)
    press(window, Qt.Key.Key_P)
    go(window, tab, tab.meetings)
    tab.meetings.table.selectRow(0)
    press(window, Qt.Key.Key_P)
    go(window, window.notices_tab)
    window.notices_tab.table.selectRow(0)
    press(window, Qt.Key.Key_P)
    matter, meeting, notice = printed  # named from their content (另存为 suggests it)
    assert matter == f"四议两公开记录-{tab.matters.rows[0].name}"
    assert meeting.startswith("会议记录-") and notice == f"公告{window.notices_tab.rows[0].id}"


def test_menus_open_with_alt_and_a_letter(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "设置(&S)", "用户(&U)", "帮助(&H)"]


def test_every_editor_saves_on_ctrl_s(qtbot, services, tmp_path):
    fill_sample_village(services)
    services.act_as(Actor("王文书", Role.ADMIN))
    save = QKeySequence(QKeySequence.StandardKey.Save)
    editors = []
    for entry in entries():
        dialog = entry.open(services, None, tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        main = main_button(dialog)
        if main is not None and main.text().startswith("保存"):
            editors.append(entry.name)
            keys = [s for s in dialog.findChildren(QShortcut) if s.key() == save]
            assert len(keys) == 1, entry.name
        dialog.done(0)
    assert {"村庄信息", "会议-新增", "四议两公开-事项", "四议两公开-步骤", "会议频次要求", "提醒-办理"} <= set(editors)


def test_ctrl_s_saves_the_village_profile(qtbot, services):
    from app.services.common.profile import Profile
    from app.ui.common.profile_dialog import ProfileDialog

    services.profile.save(Profile("红旗村"))
    dialog = ProfileDialog(services.profile)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.inputs["township"].setFocus()  # the cursor is in the field just typed in
    dialog.inputs["township"].setText("城关镇")
    qtbot.keyClick(dialog.inputs["township"], Qt.Key.Key_S, CTRL)
    assert services.profile.get().township == "城关镇"
    assert dialog.result() == QDialog.DialogCode.Accepted
