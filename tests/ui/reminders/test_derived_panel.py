import datetime as dt

import pytest
from PySide6.QtCore import Qt

import app.ui.workbench.target_actions
from app.services.meetings.meeting_types import MatterData
from app.services.notices.notice_types import QuestionData
from app.services.reminders.reminder_types import IGNORED
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.reminders.derived_panel import ITEMS_EMPTY, DerivedPanel
from app.ui.reminders.dispose_dialog import DisposeDialog
from app.ui.reminders.reminders_tab import RemindersTab

D = dt.date
QUESTION = "群众意见未答复：第3项修路费用为何这么高？（村民甲，2026年11月19日提出）"


@pytest.fixture
def data(services):
    """An unanswered question (due 2026-11-26) and a matter stuck since 2026-09-01; a fresh
    database also lacks every required meeting, so those gaps are listed too."""
    services.act_as(Actor("王文书", Role.ADMIN))
    services.questions.add_question(QuestionData(D(2026, 11, 19), "第3项修路费用为何这么高？", "村民甲"))
    today = services.clock.moment
    services.clock.moment = dt.datetime(2026, 9, 1, 10, 0)
    try:
        services.matters.save(MatterData(name="村道硬化工程", category="项目", source="村干部提议"))
    finally:
        services.clock.moment = today
    return services


@pytest.fixture
def panel(qtbot, data):
    widget = DerivedPanel(data)
    qtbot.addWidget(widget)
    widget.apply_permissions(data.actor)
    widget.refresh()
    return widget


def rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def row_of(panel, title):
    return next(i for i, item in enumerate(panel.items) if item.title == title)


def ignore(panel, monkeypatch, title, reason="已在村民代表会议上当面答复"):
    def fill(dialog):
        assert dialog.status() == IGNORED
        dialog.reason.setPlainText(reason)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisposeDialog, "exec", fill)
    panel.table.selectRow(row_of(panel, title))
    panel.buttons["忽略…"].click()


def test_lists_live_items_with_their_area_and_overdue_in_red_words(panel):
    shown = rows(panel.table)
    assert ["已逾期", "2026-11-26", "三公开", QUESTION] in shown
    assert ["已逾期", "2026-10-01", "四议两公开", "“村道硬化工程”登记已87天，还没有提议"] in shown
    assert ["待办", "2026-11-30", "会议记录", "2026年11月 支部委员会会议 未召开（应1次，已0次）"] in shown
    late = panel.table.item(row_of(panel, QUESTION), 0)
    assert late.foreground().color().name() == "#b00020" and late.font().bold()
    overdue = sum(1 for r in shown if r[0] == "已逾期")
    assert panel.summary.text() == f"待办 {len(shown)} 项，其中已逾期 {overdue} 项"
    assert panel.mark_stack.currentWidget() is panel.mark_empty
    assert panel.mark_empty.text().startswith("本年还没有标记过的提醒。")
    assert not panel.buttons["忽略…"].isEnabled()  # nothing chosen yet


def test_ignoring_moves_the_item_to_the_marks_and_undo_brings_it_back(panel, monkeypatch):
    ignore(panel, monkeypatch, QUESTION)
    assert QUESTION not in [item.title for item in panel.items]
    assert rows(panel.mark_table) == [["2026-11-27", "三公开", QUESTION, "忽略", "已在村民代表会议上当面答复", "王文书"]]
    assert panel.status_text().endswith("2026年已标记 1 项")

    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, text, yes, no="取消": asked.append(
        (title, text, yes, no)) or False)
    panel.mark_table.selectRow(0)
    panel.buttons["撤销标记"].click()  # cancelled: nothing changes
    assert asked == [("撤销标记", f"撤销对“{QUESTION}”的标记？撤销后，该事项如仍未办结，会重新出现在待办中。",
                      "撤销标记", "取消")]
    assert panel.mark_table.rowCount() == 1

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: True)
    panel.buttons["撤销标记"].click()
    assert QUESTION in [item.title for item in panel.items]
    assert panel.mark_stack.currentWidget() is panel.mark_empty
    assert panel.services.derived.dispositions(D(2026, 1, 1), D(2026, 12, 31)) == []


def test_marks_follow_the_chosen_year(panel, monkeypatch):
    ignore(panel, monkeypatch, QUESTION)
    panel.year.setCurrentText("2025")
    assert panel.mark_table.rowCount() == 0 and panel.mark_empty.text().startswith("2025年还没有标记过的提醒。")
    panel.year.setCurrentText("2026")
    assert panel.mark_table.rowCount() == 1


def test_enter_opens_the_record_that_settles_the_item(qtbot, panel, monkeypatch):
    opened = []
    monkeypatch.setattr(app.ui.workbench.target_actions, "open_target", lambda _s, target, _p: opened.append(target))
    item = panel.items[row_of(panel, QUESTION)]
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    panel.table.selectRow(row_of(panel, QUESTION))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened == [item.target]


def test_viewer_cannot_mark_or_undo(qtbot, data, panel, monkeypatch):
    ignore(panel, monkeypatch, QUESTION)
    data.act_as(Actor("查阅甲", Role.VIEWER))
    viewer = DerivedPanel(data)
    qtbot.addWidget(viewer)
    viewer.apply_permissions(data.actor)
    viewer.refresh()
    viewer.table.selectRow(0)
    viewer.mark_table.selectRow(0)
    assert viewer.selected() is not None and viewer.selected_mark() is not None
    assert not any(viewer.buttons[name].isEnabled() for name in ("去办理", "标记已处理…", "忽略…", "撤销标记"))


def test_empty_states_say_so_in_words(qtbot, services):
    services.act_as(Actor("王文书", Role.ADMIN))
    for item in services.derived.items():
        services.derived.dispose(item, IGNORED, "测试用：本村不适用")
    panel = DerivedPanel(services)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.stack.currentWidget() is panel.empty and panel.empty.text() == ITEMS_EMPTY
    assert panel.empty.text().startswith("没有来自其他台账的待办提醒。")
    assert panel.mark_stack.currentWidget() is panel.mark_table and panel.mark_table.rowCount() > 0


def test_reminders_tab_hosts_the_panel_as_its_second_page(qtbot, data):
    tab = RemindersTab(data)
    qtbot.addWidget(tab)
    tab.apply_permissions(data.actor)
    tab.refresh()
    assert [tab.pages.tabText(i) for i in range(tab.pages.count())] == ["本村提醒", "来自其他台账"]
    assert tab.status_text() == "纪律提醒：显示 0 条，共 0 条" and tab.row_count() == 0
    statuses = []
    tab.status_changed.connect(statuses.append)
    tab.pages.setCurrentWidget(tab.derived)
    assert tab.derived.table.rowCount() > 0
    assert statuses[-1] == tab.status_text() and tab.status_text().startswith("来自其他台账：待办 ")
    tab.year.setCurrentText("2025")  # one year for both pages
    assert tab.derived.year.currentText() == "2025"
    tab.derived.year.setCurrentText("2024")
    assert tab.year.currentText() == "2024"


def test_several_items_are_marked_at_once_with_one_reason(panel, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    chosen = [row_of(panel, QUESTION), row_of(panel, "“村道硬化工程”登记已87天，还没有提议")]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in chosen:
        panel.table.selectionModel().setCurrentIndex(panel.table.model().index(row, 0), flags)
    shown = []

    def fill(dialog):
        shown.append((dialog.subject.text(), dialog.skipped))
        dialog.reason.setPlainText("镇里已统一处理")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DisposeDialog, "exec", fill)
    panel.buttons["标记已处理…"].click()
    subject, skipped = shown[0]
    assert subject.startswith("将标记 2 项：") and skipped == 0
    marks = panel.services.derived.dispositions(D(2026, 1, 1), D(2026, 12, 31))
    assert sorted((m.title, m.status, m.reason) for m in marks) == sorted(
        (t, "已处理", "镇里已统一处理") for t in (QUESTION, "“村道硬化工程”登记已87天，还没有提议"))
    assert rows(panel.mark_table)[0][3:5] == ["已处理", "镇里已统一处理"] and panel.mark_table.rowCount() == 2
    assert not panel.selected_items()  # both are gone from the list


def test_enter_on_a_button_opens_nothing(qtbot, panel, monkeypatch):
    opened = []
    monkeypatch.setattr(app.ui.workbench.target_actions, "open_target", lambda _s, target, _p: opened.append(target))
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    assert panel.selected() is None  # nothing chosen: Enter on the list would say 请先选择
    button = panel.buttons["去办理"]
    button.setFocus()
    assert button.hasFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)  # a show_info here would fail the test
    assert opened == []
