import datetime as dt

import pytest
from conftest import person
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel

from app.services.reminders.reminder_types import FAMILY_EVENT, HOLIDAY_REMINDER, DoneRecord, Recurrence, ReminderData
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.reminders.done_dialog import DoneDialog
from app.ui.reminders.reminder_dialog import ReminderDialog
from app.ui.reminders.reminder_history import HistoryDialog
from app.ui.reminders.reminders_tab import EMPTY_TEXT, RemindersTab


@pytest.fixture
def people(services):
    ids = {name: services.members.save(person(name, post), confirmed=True)
           for name, post in (("张三", "党支部书记"), ("吴𠮷祥", "村委会委员"), ("李四", "村委会委员"))}
    services.act_as(Actor("王文书", Role.ADMIN))
    return ids


@pytest.fixture
def tab(qtbot, services, people):
    widget = RemindersTab(services)
    qtbot.addWidget(widget)
    widget.apply_permissions(services.actor)
    widget.refresh()
    return widget


def shown(tab):
    """The table as the clerk reads it, one tuple of cell texts per row."""
    table = tab.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def visible_error(dialog, key):
    label = dialog.findChild(QLabel, f"error_{key}")
    return label.text() if not label.isHidden() else ""


def once(services, people, name, day, subject="提醒谈话：村务公开不及时", kind="提醒谈话"):
    return services.reminders.save(ReminderData(kind=kind, subject=subject, anchor=day, person_ids=[people[name]]))


def test_empty_tab_says_what_to_do(tab):
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.text() == EMPTY_TEXT
    assert tab.status_text() == "纪律提醒：显示 0 条，共 0 条"


def test_adding_a_reminder_through_the_dialog_shows_its_row(tab, monkeypatch):
    def fill_and_save(dialog):
        dialog.kind.setCurrentText("提醒谈话")
        assert "谈话对象应如实说明有关情况" in dialog.detail.toPlainText()  # the kind's standard text
        dialog.subject.setText("提醒谈话：村务公开不及时")
        dialog.targets.filter.setText("wu")  # pinyin finds the member with a rare character
        dialog.targets.check("吴𠮷祥")
        dialog.anchor.edit.setText("2026年11月20日")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ReminderDialog, "exec", fill_and_save)
    tab.add()
    assert shown(tab) == [("提醒谈话", "提醒谈话：村务公开不及时", "吴𠮷祥", "2026-11-20", "已逾期", "", "", "")]
    status = tab.table.item(0, 4)
    assert status.foreground().color() == QColor("#b00020")  # red, and the word says it too
    assert tab.status_text() == "纪律提醒：显示 1 条，共 1 条"


def test_empty_subject_is_shown_beside_the_field_and_nothing_is_saved(qtbot, services, people, monkeypatch):
    dialog = ReminderDialog(services)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentText("八项规定提醒")
    assert dialog.targets.all_cadres.isChecked() and not dialog.targets.list.isEnabled()
    dialog.subject.setText("   ")
    dialog.save()
    assert "请填写事由" in visible_error(dialog, "subject")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.reminders.count() == 0
    asked, closed = [], []
    dialog.finished.connect(closed.append)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, *_a: asked.append(title) or False)
    dialog.reject()  # what was typed is not thrown away without asking
    assert asked == ["放弃修改？"] and closed == []


def test_family_event_shows_the_computed_due_date_and_the_fallback_note(qtbot, services, people, monkeypatch):
    dialog = ReminderDialog(services)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentText(FAMILY_EVENT)
    assert dialog.chosen_recurrence() is Recurrence.ONCE and not dialog.recurrence.isEnabled()
    dialog.event_kind.setCurrentText("婚嫁")
    dialog.event_date.edit.setText("2026-12-31")
    assert dialog.due_text.text() == "应于2026年11月19日前书面报告（已过期）"  # 30 official working days before
    dialog.event_kind.setCurrentText("丧事")
    dialog.event_date.edit.setText("2026-12-22")
    assert dialog.due_text.text() == (
        "应于2027年1月6日前书面报告（2027年的放假调休安排尚未公布或未收录，按周一至周五（扣除法定节日）推算）")
    dialog.subject.setText("张三 父亲丧事报告")
    dialog.targets.check("张三")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text, *_a: asked.append(text) or True)
    dialog.save()
    assert len(asked) == 1 and "按周一至周五（扣除法定节日）推算" in asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = services.reminders.get(dialog.saved_id)
    assert (saved.anchor, saved.event_kind, saved.event_date) == (dt.date(2027, 1, 6), "丧事", dt.date(2026, 12, 22))


def test_done_marks_the_row_and_undo_restores_it(tab, services, people, monkeypatch):
    once(services, people, "张三", dt.date(2026, 11, 20))
    tab.refresh()
    tab.table.selectRow(0)

    def record(dialog):
        assert dialog.done_on.edit.text() == "2026-11-27"  # today by default
        dialog.method.setCurrentText("谈话")
        dialog.done_by.setCurrentText("李四")
        dialog.note.setPlainText("已谈话，本人表示按时公开。")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DoneDialog, "exec", record)
    tab.handle()
    assert shown(tab)[0][3:] == ("2026-11-20", "已完成", "2026-11-27", "谈话", "李四")

    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text, yes, *_a: asked.append((text, yes)) or True)

    def undo(dialog):
        assert not dialog.undo_button.isHidden()
        assert "2026年11月27日 以谈话方式办理，办理人 李四" in dialog.state.text()
        dialog.undo()
        return dialog.result()

    monkeypatch.setattr(DoneDialog, "exec", undo)
    tab.handle()
    assert asked == [("撤销“提醒谈话：村务公开不及时”（应办日期 2026-11-20）的办理记录："
                      "2026年11月27日 以谈话方式办理，办理人 李四？撤销后该次提醒恢复为未办理。", "撤销办理")]
    assert shown(tab)[0][3:] == ("2026-11-20", "已逾期", "", "", "")


def test_done_date_in_the_future_is_refused_beside_the_field(qtbot, services, people):
    reminder_id = once(services, people, "张三", dt.date(2026, 11, 20))
    dialog = DoneDialog(services, reminder_id, dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.done_on.edit.setText("2026-12-01")
    dialog.done_by.setCurrentText("张三")
    dialog.save()
    assert visible_error(dialog, "done_on")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.reminders.occurrences(dt.date(2026, 11, 20), dt.date(2026, 11, 20))[0].done is None


def test_done_dialog_starts_with_how_the_kind_is_usually_done(qtbot, services, people):
    talk = once(services, people, "张三", dt.date(2026, 11, 20))
    study = once(services, people, "张三", dt.date(2026, 11, 10), subject="集中学习", kind="学习")
    report = once(services, people, "张三", dt.date(2027, 1, 31), subject="年度报告", kind="个人有关事项报告")
    methods = []
    for reminder_id, due in ((talk, dt.date(2026, 11, 20)), (study, dt.date(2026, 11, 10)),
                             (report, dt.date(2027, 1, 31))):
        dialog = DoneDialog(services, reminder_id, due)
        qtbot.addWidget(dialog)
        methods.append(dialog.method.currentText())
    assert methods == ["谈话", "会议", "书面"]


def test_filters_and_search_narrow_the_rows_and_the_status_bar_says_so(tab, services, people):
    reminders = services.reminders
    spring = reminders.save(ReminderData(kind=HOLIDAY_REMINDER, subject="春节前廉政提醒", anchor=dt.date(2026, 1, 1),
                                         recurrence=Recurrence.HOLIDAY, holiday="春节", days_before=3, all_cadres=True))
    reminders.mark_done(spring, dt.date(2026, 2, 12), DoneRecord(dt.date(2026, 2, 12), "会议", "", "张三"))
    reminders.save(ReminderData(kind="学习", subject="每月集中学习", anchor=dt.date(2026, 1, 10),
                                recurrence=Recurrence.MONTHLY, person_ids=[people["张三"], people["李四"]]))
    once(services, people, "吴𠮷祥", dt.date(2026, 12, 5), subject="年底提醒谈话")
    tab.refresh()
    assert tab.status_text() == "纪律提醒：显示 14 条，共 14 条"
    assert ("节前廉政提醒", "春节前廉政提醒", "全体两委干部", "2026-02-12", "已完成", "2026-02-12", "会议", "张三") in shown(tab)
    tab.status.setCurrentText("待办")
    assert sorted(r[3] for r in shown(tab)) == ["2026-12-05", "2026-12-10"]
    assert tab.status_text() == "纪律提醒：显示 2 条，共 14 条"
    tab.status.setCurrentIndex(0)
    tab.kind.setCurrentText("学习")
    assert len(shown(tab)) == 12 and tab.status_text() == "纪律提醒：显示 12 条，共 14 条"
    tab.kind.setCurrentIndex(0)
    tab.search.setText("吴𠮷祥")
    assert [r[1] for r in shown(tab)] == ["年底提醒谈话"]
    tab.search.setText("ls")  # pinyin initials of 李四
    assert {r[1] for r in shown(tab)} == {"每月集中学习"}
    tab.search.setText("没有这样的事由")
    assert tab.stack.currentWidget() is tab.empty and "清空搜索框" in tab.empty.text()
    tab.search.clear()
    tab.year.setCurrentText("2025")
    assert shown(tab) == [] and "2025年没有应办的提醒" in tab.empty.text()


def test_history_lists_each_occurrence_with_its_record(qtbot, services, people):
    reminder_id = services.reminders.save(ReminderData(kind="值班", subject="月初值班", anchor=dt.date(2026, 9, 1),
                                                       recurrence=Recurrence.MONTHLY, person_ids=[people["李四"]]))
    services.reminders.mark_done(reminder_id, dt.date(2026, 10, 1), DoneRecord(dt.date(2026, 10, 1), "书面", "", "李四"))
    dialog = HistoryDialog(services, reminder_id)
    qtbot.addWidget(dialog)
    table = dialog.history.table
    rows = [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]
    assert rows[:3] == [("2026-09-01", "已逾期", "", ""), ("2026-10-01", "已完成", "2026-10-01", "书面"),
                        ("2026-11-01", "已逾期", "", "")]


def test_viewer_can_read_but_not_edit(qtbot, services, people):
    reminder_id = once(services, people, "张三", dt.date(2026, 11, 20))
    services.act_as(Actor("查阅甲", Role.VIEWER))
    tab = RemindersTab(services)
    qtbot.addWidget(tab)
    tab.apply_permissions(services.actor)
    assert [name for name, b in tab.buttons.items() if b.isEnabled()] == ["历史", "打印提醒函", "打印台账"]
    done = DoneDialog(services, reminder_id, dt.date(2026, 11, 20))
    qtbot.addWidget(done)
    assert not done.save_button.isEnabled()


def test_letter_and_ledger_print_from_the_tab(tab, services, people, monkeypatch):
    from pypdf import PdfReader

    from app.services.common.profile import Profile
    from app.ui.common import print_dialog

    services.profile.save(Profile("红旗村", "城关镇"))

    once(services, people, "张三", dt.date(2026, 11, 20), subject="年底提醒谈话")
    tab.refresh()
    tab.table.selectRow(0)
    texts = []
    monkeypatch.setattr(print_dialog, "preview_then_delete",
                        lambda path, *_a: texts.append("".join(p.extract_text() for p in PdfReader(path).pages)))
    tab.print_letter()
    tab.print_ledger()
    letter, ledger = (t.replace(" ", "").replace("\n", "") for t in texts)
    assert "年底提醒谈话" in letter and "张三" in letter
    assert "年底提醒谈话" in ledger and "2026" in ledger
