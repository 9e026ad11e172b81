import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.services.common.profile import Profile
from app.services.members.demo import fill_demo
from app.services.notices.notice_types import Period as NoticePeriod
from app.services.reminders.reminder_types import IGNORED, DoneRecord, ReminderData
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.meetings.meeting_dialog import MeetingDialog
from app.ui.reminders.dispose_dialog import DisposeDialog
from app.ui.shell.main_window import MainWindow
from app.ui.shell.qt_app import BASE_POINT_SIZE, LARGE_POINT_SIZE
from app.ui.workbench.bars import BarChart

TODAY = dt.date(2026, 11, 27)


def remind(services, kind: str, subject: str, due: dt.date) -> int:
    secretary = next(r.id for r in services.members.list_rows() if "党支部书记" in r.current_posts)
    return services.reminders.save(ReminderData(kind=kind, subject=subject, anchor=due, person_ids=[secretary]))


@pytest.fixture
def window(qtbot, services, clock):
    fill_demo(services.db, clock)
    services.act_as(Actor("王文书", Role.ADMIN))
    remind(services, "提醒谈话", "对新任委员提醒谈话", dt.date(2026, 11, 22))
    remind(services, "八项规定提醒", "元旦前重申八项规定", dt.date(2026, 11, 30))
    main = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(main)
    main.attach(services)
    return main


def row_of(tab, text: str) -> int:
    return next(i for i in range(tab.table.rowCount()) if text in tab.table.item(i, 4).text())


def cells(tab, row: int) -> list[str]:
    return [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]


def test_start_page_is_the_first_tab_and_lists_late_and_due_items(window):
    tab = window.workbench_tab
    assert window.tabs.tabText(0) == "工作台" and window.tabs.currentWidget() is tab
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())][-3:] == ["纪律提醒", "整改台账", "班子制度"]
    assert tab.today_label.text() == "今天是2026年11月27日 星期五"
    overdue = sum(1 for r in range(tab.table.rowCount()) if tab.table.item(r, 0).text() == "已逾期")
    assert tab.summary.text() == f"已逾期 {overdue} 项，14天内到期 {tab.table.rowCount() - overdue} 项"
    late = row_of(tab, "对新任委员提醒谈话")
    assert cells(tab, late)[:4] == ["已逾期", "2026-11-22", "逾期5天", "纪律提醒"]
    assert tab.table.item(late, 0).foreground().color().name() == "#b00020"
    soon = row_of(tab, "元旦前重申八项规定")
    assert cells(tab, soon)[:4] == ["待办", "2026-11-30", "还有3天", "纪律提醒"]
    assert {cells(tab, r)[3] for r in range(tab.table.rowCount())} >= {"纪律提醒", "会议记录"}
    tab.table.selectRow(soon)
    assert not tab.buttons["忽略…"].isEnabled()  # a reminder is done through 办理, not ignored


def test_go_on_a_missing_meeting_opens_the_meeting_dialog_prefilled(window, monkeypatch):
    tab = window.workbench_tab
    item = next(i for i in tab.items if i.target.kind == "meeting_new")
    kind, day = item.target.args
    seen = []

    def fill_and_save(dialog):
        seen.append((dialog.kind.currentText(), dialog.date.value()))
        dialog.topic.setText("补开本月会议")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", fill_and_save)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)  # attendance warnings: save as it is
    tab.table.selectRow(tab.items.index(item))
    tab.buttons["去办理"].click()
    assert seen == [(kind, dt.date.fromisoformat(day))]
    assert item.key not in [i.key for i in tab.items]


def test_enter_on_an_overdue_reminder_records_it_done(qtbot, window, monkeypatch):
    from PySide6.QtCore import Qt

    from app.ui.reminders.done_dialog import DoneDialog

    tab = window.workbench_tab
    late = row_of(tab, "对新任委员提醒谈话")
    opened = []

    def record(dialog):
        opened.append((dialog.subject, dialog.due))
        dialog.done_by.setCurrentText("王文书")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DoneDialog, "exec", record)
    with qtbot.waitActive(window):  # shortcuts work in the active window
        window.show()
    tab.table.selectRow(late)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened == [("对新任委员提醒谈话", dt.date(2026, 11, 22))]
    assert not any("对新任委员提醒谈话" in i.title for i in tab.items)


def test_go_on_a_missing_notice_opens_a_new_notice_for_that_period(window, monkeypatch):
    from app.services.meetings.meeting_types import MeetingData
    from app.ui.notices.notice_dialog import NoticeDialog

    tab = window.workbench_tab
    window.services.profile.save(Profile("红旗村", "城关镇"))
    # Records from January on: periods ended since then without a notice are gaps.
    window.services.meetings.save(MeetingData(["支部委员会会议"], "年初工作部署", dt.date(2026, 1, 10)), confirmed=True)
    tab.refresh()
    item = next(i for i in tab.items if i.target.kind == "notice_new")
    category, kind, year, number = item.target.args
    seen = []
    monkeypatch.setattr(NoticeDialog, "exec", lambda d: seen.append((d.category.currentText(), d.period())) or 0)
    tab.table.selectRow(tab.items.index(item))
    tab.go()
    assert seen == [(category, NoticePeriod(kind, year, number))]


def missing_notice_item(window):
    """The first “…未发布” item, once the records begin in January."""
    from app.services.meetings.meeting_types import MeetingData

    window.services.profile.save(Profile("红旗村", "城关镇"))
    window.services.meetings.save(MeetingData(["支部委员会会议"], "年初工作部署", dt.date(2026, 1, 10)), confirmed=True)
    window.workbench_tab.refresh()
    return next(i for i in window.workbench_tab.items if i.target.kind == "notice_new")


def draft_for(services, item) -> int:
    """A draft notice for the period of a missing-notice item."""
    from app.services.notices.notice_types import NoticeData

    category, kind, year, number = item.target.args
    period = NoticePeriod(kind, year, number)
    data = NoticeData(category=category, title=f"红旗村{period.label}{category}", period=period,
                      issuer="党支部" if category == "党务公开" else "村委会",
                      post_from=dt.date(2026, 11, 30), post_to=dt.date(2026, 12, 6))
    return services.notices.save(data, confirmed=True)


def test_go_on_a_missing_notice_opens_the_draft_already_started(window, monkeypatch):
    from app.ui.notices.notice_dialog import NoticeDialog

    services, tab = window.services, window.workbench_tab
    item = missing_notice_item(window)
    draft = draft_for(services, item)
    before = len(services.notices.list_rows())
    opened = []
    monkeypatch.setattr(NoticeDialog, "exec", lambda d: opened.append(d.notice_id) or 0)
    tab.table.selectRow([i.key for i in tab.items].index(item.key))
    tab.go()
    assert opened == [draft]  # the draft, not a blank 新建公告
    assert len(services.notices.list_rows()) == before


def test_go_on_a_missing_notice_posts_the_reviewed_one(window, monkeypatch):
    from app.services.notices.notice_types import POSTED
    from app.ui.notices.notice_dialog import NoticeDialog
    from app.ui.notices.notice_workflow import PostDialog

    services, tab = window.services, window.workbench_tab
    item = missing_notice_item(window)
    reviewed = draft_for(services, item)
    # A member of the body that reviews this kind (the 支委会 for 党务公开, the 监委会 else).
    checker = services.notices.reviewers(TODAY, item.target.args[0])[0][0]
    services.notices.submit(reviewed)
    services.notices.review(reviewed, checker, "同意公开", TODAY, approve=True)
    draft_for(services, item)  # a later duplicate draft: the reviewed one is further along
    tab.refresh()
    keys = [i.key for i in tab.items]
    assert f"notice-post:{reviewed}" in keys and item.key in keys
    before = len(services.notices.list_rows())
    opened = []

    def post(dialog):
        opened.append(dialog.notice_id)
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(PostDialog, "exec", post)
    monkeypatch.setattr(NoticeDialog, "exec", lambda d: pytest.fail("opened a notice dialog"))
    tab.table.selectRow(keys.index(item.key))
    tab.go()
    assert opened == [reviewed] and services.notices.get(reviewed).status == POSTED
    assert len(services.notices.list_rows()) == before
    keys = [i.key for i in tab.items]
    assert item.key not in keys and f"notice-post:{reviewed}" not in keys


def test_ignoring_needs_a_reason_which_is_stored(window, monkeypatch):
    tab = window.workbench_tab
    item = next(i for i in tab.items if i.derived)
    before = [i.key for i in tab.items]
    shown = []

    def answer(dialog):
        dialog.save()  # no reason
        shown.append((dialog.result(), dialog.errors.message("reason"), dialog.status()))
        dialog.reason.setPlainText("本村未设党小组，不适用")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisposeDialog, "exec", answer)
    tab.table.selectRow(tab.items.index(item))
    tab.buttons["忽略…"].click()
    rejected, error, status = shown[0]
    assert rejected != QDialog.DialogCode.Accepted and error and status == IGNORED
    assert item.key not in [i.key for i in tab.items] and len(tab.items) == len(before) - 1
    stored = [d for d in window.services.derived.dispositions(dt.date(2026, 1, 1), TODAY) if d.key == item.key]
    assert [(d.status, d.reason) for d in stored] == [(IGNORED, "本村未设党小组，不适用")]


def test_empty_reason_changes_nothing(qtbot, window):
    item = next(i for i in window.workbench_tab.items if i.derived)
    dialog = DisposeDialog(window.services, item, window)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.errors.labels["reason"].isVisibleTo(dialog) and "b00020" in dialog.errors.labels["reason"].styleSheet()
    assert item.key in [i.key for i in window.services.workbench.due_items()]
    assert window.services.derived.dispositions(dt.date(2026, 1, 1), TODAY) == []


def test_figures_panel_shows_done_against_due(window):
    services = window.services
    talk = remind(services, "提醒谈话", "年中提醒谈话", dt.date(2026, 6, 10))
    services.reminders.mark_done(talk, dt.date(2026, 6, 10), DoneRecord(dt.date(2026, 6, 10), "谈话", "", "王文书"))
    window.workbench_tab.refresh()
    panel = window.workbench_tab.panel
    assert window.workbench_tab.figures_title.text() == "年度情况"
    assert window.workbench_tab.year.currentText() == "2026年"
    assert "提醒谈话 1/2 缺1" in panel.charts["reminders"].lines()
    assert any("/" in line for line in panel.charts["meetings"].lines())


def test_empty_state_says_so_in_words(qtbot, services):
    services.act_as(Actor("王文书", Role.ADMIN))
    for item in services.workbench.due_items():
        services.derived.dispose(item, IGNORED, "测试用：本村不适用")
    main = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(main)
    main.attach(services)
    tab = main.workbench_tab
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.text().startswith("没有逾期或14天内到期的事项。")
    assert tab.summary.text() == "已逾期 0 项，14天内到期 0 项"


def test_viewer_opens_only_what_a_dialog_shows_read_only(qtbot, services, clock, monkeypatch):
    from dataclasses import replace

    from app.ui.members.member_dialog import MemberDialog
    from app.ui.reminders.done_dialog import DoneDialog

    fill_demo(services.db, clock)
    services.act_as(Actor("王文书", Role.ADMIN))
    remind(services, "提醒谈话", "对新任委员提醒谈话", dt.date(2026, 11, 22))
    member = next(r for r in services.members.list_rows() if r.current_posts == ("宣传委员",))
    data = services.members.get(member.id)
    data.posts[0] = replace(data.posts[0], end_date=dt.date(2027, 1, 15))
    services.members.save(data, member.id, confirmed=True)  # ends within 90 days: a 任期 item
    services.act_as(Actor("查阅甲", Role.VIEWER))
    main = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(main)
    main.attach(services)
    tab = main.workbench_tab
    kinds = [i.target.kind for i in tab.items]
    tab.table.selectRow(kinds.index("meeting_new"))  # the meeting dialog would offer to save
    assert not tab.buttons["去办理"].isEnabled() and not tab.buttons["忽略…"].isEnabled()
    assert not tab.buttons["标记已处理…"].isEnabled()

    seen = []
    monkeypatch.setattr(MemberDialog, "exec", lambda d: seen.append((d.windowTitle(), d.save_button.isEnabled())) or 0)
    monkeypatch.setattr(DoneDialog, "exec", lambda d: seen.append((d.subject, d.save_button.isEnabled())) or 0)
    tab.table.selectRow(kinds.index("member"))
    assert tab.buttons["去办理"].isEnabled() and tab.buttons["去办理"].toolTip().startswith("查看这一项的记录（只读")
    tab.buttons["去办理"].click()
    tab.table.selectRow(kinds.index("reminder"))
    tab.buttons["去办理"].click()
    assert seen == [("查看人员（只读）", False), ("对新任委员提醒谈话", False)]


def select_rows(table, rows) -> None:
    """Select several rows as Ctrl+click does; the last one becomes the current row."""
    from PySide6.QtCore import QItemSelectionModel

    table.clearSelection()
    model = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        model.setCurrentIndex(table.model().index(row, 0), flags)


def test_several_items_are_marked_with_one_reason_and_reminders_are_skipped(window, monkeypatch):
    tab = window.workbench_tab
    derived = [n for n, i in enumerate(tab.items) if i.derived][:3]
    reminder = row_of(tab, "对新任委员提醒谈话")
    titles = [tab.items[n].title for n in derived]
    shown = []

    def answer(dialog):
        shown.append((dialog.windowTitle(), dialog.subject.text(), dialog.skipped_label.text(), dialog.hint.text()))
        dialog.reason.setPlainText("11月的会与12月合并召开，镇里已同意")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisposeDialog, "exec", answer)
    select_rows(tab.table, [*derived, reminder])
    assert len(tab.selected_items()) == 4 and tab.buttons["标记已处理…"].isEnabled()
    tab.buttons["忽略…"].click()
    title, subject, skipped, hint = shown[0]
    assert title == "忽略" and subject.startswith("将标记 3 项：\n1. " + titles[0])
    assert all(t in subject for t in titles)
    assert skipped == "另有 1 项纪律提醒不能标记（请在 纪律提醒 页登记办理情况），已跳过。"
    assert "设置 → 会议频次要求" in hint
    stored = window.services.derived.dispositions(dt.date(2026, 1, 1), TODAY)
    assert [(d.title, d.status, d.reason) for d in stored] == [
        (t, IGNORED, "11月的会与12月合并召开，镇里已同意") for t in titles]
    assert not set(titles) & {i.title for i in tab.items}
    assert any("对新任委员提醒谈话" in i.title for i in tab.items)  # skipped, still to do


def test_a_failing_item_is_named_and_the_rest_are_not_marked(window, monkeypatch):
    from app.services.common.errors import UserError

    tab = window.workbench_tab
    derived = [n for n, i in enumerate(tab.items) if i.derived][:3]
    titles = [tab.items[n].title for n in derived]
    real = window.services.derived.dispose
    calls, errors = [], []

    def dispose(item, status, reason):
        calls.append(item.title)
        if item.title == titles[1]:
            raise UserError("数据库正忙，请稍后再试")
        real(item, status, reason)

    def answer(dialog):
        dialog.reason.setPlainText("已在纸质记录本上登记")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(window.services.derived, "dispose", dispose)
    monkeypatch.setattr(DisposeDialog, "exec", answer)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text, *_a: errors.append((title, text)))
    select_rows(tab.table, derived)
    tab.buttons["标记已处理…"].click()
    assert calls == titles[:2]  # stopped at the failure
    assert errors == [("没有全部标记", f"已标记 1 项；“{titles[1]}”未能标记：数据库正忙，请稍后再试\n"
                                       "没有标记的 2 项仍会留在待办中。")]
    stored = window.services.derived.dispositions(dt.date(2026, 1, 1), TODAY)
    assert [d.title for d in stored] == titles[:1]
    assert [t for t in titles if t in {i.title for i in tab.items}] == titles[1:]


def test_go_acts_on_the_current_row_of_a_selection(window, monkeypatch):
    import app.ui.workbench.target_actions

    tab = window.workbench_tab
    derived = [n for n, i in enumerate(tab.items) if i.derived][:2]
    opened = []
    monkeypatch.setattr(app.ui.workbench.target_actions, "open_target", lambda _s, target, _p: opened.append(target))
    select_rows(tab.table, derived)
    tab.buttons["去办理"].click()
    assert opened == [tab.items[derived[-1]].target]


def test_enter_on_a_button_does_not_ask_to_choose_first(qtbot, window, monkeypatch):
    from PySide6.QtCore import Qt

    import app.ui.workbench.target_actions

    tab = window.workbench_tab
    opened = []
    monkeypatch.setattr(app.ui.workbench.target_actions, "open_target", lambda _s, target, _p: opened.append(target))
    with qtbot.waitActive(window):
        window.show()
    button = tab.buttons["打印届中汇总…"]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)  # the autouse fixture fails the test on any show_info
    assert opened == []
    tab.table.selectRow(0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Enter)
    assert opened == [tab.items[0].target]


def test_the_chosen_year_is_shown_and_printed(window, monkeypatch):
    from app.ui.common import print_dialog

    remind(window.services, "个人有关事项报告", "去年的个人有关事项报告", dt.date(2025, 6, 10))
    tab = window.workbench_tab
    tab.refresh()
    years = [tab.year.itemText(i) for i in range(tab.year.count())]
    assert years == [f"{y}年" for y in range(2026, 2016, -1)] and tab.year.currentText() == "2026年"
    listed = [i.key for i in tab.items]
    printed = []
    monkeypatch.setattr(print_dialog, "generate_and_preview", lambda _s, name, _w, _p: printed.append(name))

    this_year = tab.panel.lines()
    tab.year.setCurrentText("2025年")
    assert tab.figures.title == "2025年" and tab.panel.lines() != this_year
    assert tab.panel.charts["reminders"].lines() == ["个人有关事项报告 0/1 缺1"]
    expected = BarChart("", True)
    expected.set_bars(window.services.workbench.year_figures(2025).meetings)
    assert tab.panel.charts["meetings"].lines() == expected.lines()
    assert [i.key for i in tab.items] == listed  # the list is always today's

    tab.buttons["打印年度汇总…"].click()
    window.print_current()  # Ctrl+P on the tab
    assert printed == ["红旗村2025年度工作台账汇总", "红旗村2025年度工作台账汇总"]
    tab.refresh()  # after 去办理 or a mark: the chosen year stays
    assert tab.year.currentText() == "2025年" and tab.figures.title == "2025年"
    tab.year.setCurrentText("2026年")
    tab.buttons["打印年度汇总…"].click()
    assert printed[-1] == "红旗村2026年度工作台账汇总"


@pytest.mark.parametrize("large", [False, True])
def test_bars_are_not_clipped_at_1366_by_768(qtbot, window, large):
    remind(window.services, "个人有关事项报告", "年度个人有关事项报告", dt.date(2026, 1, 31))  # a long label
    original = QApplication.font()
    try:
        window.set_large(large)  # the program's font: 12 pt, or 15 pt in 大字模式
        assert QApplication.font().pointSize() == (LARGE_POINT_SIZE if large else BASE_POINT_SIZE)
        window.setWindowState(Qt.WindowState.WindowNoState)  # the test screen is small: it started maximised
        window.resize(1366, 768)
        with qtbot.waitExposed(window):
            window.show()
        window.workbench_tab.refresh()
        charts = window.workbench_tab.findChildren(BarChart)
        assert len(charts) == 4
        qtbot.waitUntil(lambda: all(c.height() >= c.sizeHint().height() for c in charts))  # layout settles
        for chart in charts:
            hint, visible = chart.sizeHint(), chart.visibleRegion().boundingRect()
            assert visible.height() >= hint.height() and visible.width() >= hint.width()
        assert window.workbench_tab.table.height() > 4 * window.workbench_tab.table.verticalHeader().defaultSectionSize()
    finally:
        QApplication.setFont(original)


def test_year_summary_prints_to_a_preview(window):
    from PySide6.QtPdf import QPdfDocument

    from app.ui.common.pdf_preview import PdfPreview

    tab = window.workbench_tab
    tab.buttons["打印年度汇总…"].click()
    preview = tab.findChild(PdfPreview)
    assert preview is not None and preview.document.status() == QPdfDocument.Status.Ready
    village = window.services.profile.get().village_name
    assert preview.suggested_name == f"{village}2026年度工作台账汇总.pdf"
    preview.close()


def test_summary_counts_only_what_falls_due_within_14_days_as_due_soon():
    import datetime as dt

    from app.services.workbench.workbench_types import DueItem, Target
    from app.ui.workbench.workbench_tab import summary_line

    today = dt.date(2026, 11, 27)

    def item(key: str, due: dt.date, status: str) -> DueItem:
        return DueItem(key, "两委成员", key, due, status, Target("terms"), True)

    items = [item("a", dt.date(2026, 11, 20), "已逾期"), item("b", dt.date(2026, 12, 11), "待办"),
             item("term", dt.date(2027, 1, 15), "待办")]  # a term ending shows from 90 days before
    assert summary_line(items, today) == "已逾期 1 项，14天内到期 1 项，另有 1 项即将到期"
    assert summary_line(items[:2], today) == "已逾期 1 项，14天内到期 1 项"
