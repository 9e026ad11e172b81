"""Signing in builds only the start page; every other tab is built the first time it is shown."""

from conftest import person

from app.services.common.context import open_services
from app.services.common.profile import Profile
from app.services.safety.actor import Actor, Role
from app.ui.meetings.meetings_tab import MeetingsTab
from app.ui.members.members_tab import MembersTab
from app.ui.shell.main_window import MainWindow
from app.ui.shell.tab_list import TABS
from app.ui.workbench.workbench_tab import WorkbenchTab


def attached(qtbot, services) -> MainWindow:
    services.profile.save(Profile("红旗村"))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    return window


def test_only_the_start_page_is_built_at_sign_in_and_every_title_shows(qtbot, services):
    window = attached(qtbot, services)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [title for *_rest, title in TABS]
    assert [type(tab) for tab in window.built_tabs()] == [WorkbenchTab]
    assert window.tabs.currentWidget() is window.built_tabs()[0]


def test_clicking_a_tab_builds_it_in_place_with_its_data(qtbot, services):
    services.members.save(person("张三", "党支部书记"))
    window = attached(qtbot, services)
    window.tabs.setCurrentIndex(1)  # as a click on 两委成员
    tab = window.tabs.currentWidget()
    assert isinstance(tab, MembersTab) and window.tabs.currentIndex() == 1
    assert window.tabs.tabText(1) == "两委成员" and tab.row_count() == 1
    assert window.status.text() == tab.status_text()
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    assert window.tabs.currentWidget() is tab  # built once, kept
    assert [type(t) for t in window.built_tabs()] == [WorkbenchTab, MembersTab]


def test_building_a_tab_by_name_keeps_the_tab_the_user_is_on(qtbot, services):
    window = attached(qtbot, services)
    meetings = window.meetings_tab  # code reaching a tab not shown yet
    assert isinstance(meetings, MeetingsTab) and window.tabs.indexOf(meetings) == 2
    assert window.tabs.currentIndex() == 0 and window.tabs.tabText(2) == "会议记录"


def test_a_tab_built_after_sign_in_takes_the_users_role(qtbot, services):
    window = attached(qtbot, services)
    services.act_as(Actor("查阅甲", Role.VIEWER))  # as after 切换用户
    window.session.apply_actor()
    window.tabs.setCurrentIndex(1)
    assert not window.members_tab.buttons["新增"].isEnabled()


def test_after_a_restore_built_and_later_tabs_read_the_reopened_file(qtbot, services, clock):
    window = attached(qtbot, services)
    window.tabs.setCurrentIndex(1)
    assert window.members_tab.row_count() == 0
    other = open_services(services.data_dir, clock)  # the restored file holds a person
    other.members.save(person("李四", "村委会主任"))
    other.close()
    fresh = window.reopen_data()
    assert window.members_tab.row_count() == 1 and window.members_tab.services is fresh
    window.tabs.setCurrentIndex(2)  # built after the reopen, on the open file
    assert window.meetings_tab.services is fresh and window.meetings_tab.row_count() == 0
