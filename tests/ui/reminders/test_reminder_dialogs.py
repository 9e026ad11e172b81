"""The small dialogs around reminders: 办理 (DoneDialog), 历史 and 标记已处理 / 忽略 (DisposeDialog)."""

import datetime as dt

import pytest
from conftest import person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services.reminders.reminder_types import HANDLED, IGNORED, Recurrence, ReminderData
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.reminders.dispose_dialog import HINTS, DisposeDialog
from app.ui.reminders.done_dialog import DoneDialog
from app.ui.reminders.reminder_history import HistoryDialog
from app.ui.workbench.workbench_tab import WorkbenchTab

D = dt.date


@pytest.fixture
def secretary(services):
    services.act_as(Actor("王文书", Role.ADMIN))
    return services.members.save(person("张三", "党支部书记"), confirmed=True)


def talk(services, secretary, day=D(2026, 11, 22), **values) -> int:
    return services.reminders.save(ReminderData(kind="提醒谈话", subject="对新任委员提醒谈话", anchor=day,
                                                person_ids=[secretary], **values))


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text, *_a: shown.append((title, text)))
    return shown


def test_done_dialog_for_a_deleted_reminder_says_so_and_does_not_open(qtbot, services, secretary, errors):
    reminder_id = talk(services, secretary)
    tab = WorkbenchTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    services.reminders.delete(reminder_id)  # meanwhile, e.g. in the 纪律提醒 tab
    tab.table.selectRow(0)
    assert tab.selected().target.kind == "reminder"
    tab.go()
    assert errors == [("无法打开", "这条提醒已不存在（可能已被删除）：请刷新列表")]
    assert not any(i.target.kind == "reminder" for i in tab.items)  # refreshed: the row is gone


def test_done_dialog_for_a_date_no_longer_due_says_so(qtbot, services, secretary, errors):
    reminder_id = talk(services, secretary, recurrence=Recurrence.MONTHLY)
    data = services.reminders.get(reminder_id)
    services.reminders.save(ReminderData(**{**data.__dict__, "anchor": D(2026, 1, 5)}), reminder_id, confirmed=True)
    dialog = DoneDialog(services, reminder_id, D(2026, 11, 22))  # the 22nd was due before the edit
    qtbot.addWidget(dialog)
    assert dialog.exec() == QDialog.DialogCode.Rejected.value and not dialog.isVisible()
    assert errors == [("无法打开", "这条提醒在2026年11月22日已没有要办的事项（提醒的日期或周期可能已修改）："
                                   "请刷新列表后再办理。")]


def test_enter_in_the_history_opens_the_occurrence_like_double_click(qtbot, services, secretary, monkeypatch):
    reminder_id = talk(services, secretary, D(2026, 9, 1), recurrence=Recurrence.MONTHLY)
    opened = []
    monkeypatch.setattr(DoneDialog, "exec", lambda d: opened.append(d.due) or 0)
    history = HistoryDialog(services, reminder_id)
    qtbot.addWidget(history)
    with qtbot.waitActive(history):
        history.show()
    table = history.history.table
    dues = [table.item(r, 0).text() for r in range(table.rowCount())]
    table.selectRow(dues.index("2026-10-01"))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [D(2026, 10, 1)] and history.isVisible()  # the occurrence, not the dialog's default button
    assert "选中后按 Enter" in history.history.hint.text()


def derived_item(services):
    return next(i for i in services.derived.items() if i.target.kind == "meeting_new")


def test_ctrl_s_saves_the_mark(qtbot, services, secretary):
    item = derived_item(services)
    dialog = DisposeDialog(services, item, status=HANDLED)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert dialog.subject.text() == f"{item.title}（会议记录，{item.due.isoformat()} 到期）"
    assert dialog.skipped_label.isHidden() and dialog.save_button.isDefault()
    dialog.reason.setPlainText("会议已记在纸质记录本上")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    marks = services.derived.dispositions(D(2026, 1, 1), D(2026, 12, 31))
    assert [(m.title, m.status, m.reason) for m in marks] == [(item.title, HANDLED, "会议已记在纸质记录本上")]


def test_ignore_hint_points_to_the_requirements_for_a_rule_that_never_applies(qtbot, services, secretary):
    dialog = DisposeDialog(services, [derived_item(services)], status=IGNORED)
    qtbot.addWidget(dialog)
    assert dialog.hint.text() == HINTS[IGNORED]
    assert "设置 → 会议频次要求" in dialog.hint.text() and "只对所选事项这一次有效" in dialog.hint.text()
    dialog.choices.buttons()[0].setChecked(True)  # 已处理
    assert dialog.hint.text() == HINTS[HANDLED]


def test_many_items_show_the_first_few_titles(qtbot, services, secretary):
    items = [i for i in services.derived.items() if i.derived][:5]
    assert len(items) == 5
    dialog = DisposeDialog(services, items)
    qtbot.addWidget(dialog)
    lines = dialog.subject.text().split("\n")
    assert lines[0] == "将标记 5 项：" and lines[1].startswith(f"1. {items[0].title}")
    assert len(lines) == 5 and lines[-1] == "……另有 2 项"
