import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from app.services.actor import Actor, Role
from app.services.demo import fill_demo
from app.services.notice_types import Period as NoticePeriod
from app.services.profile import Profile
from app.services.reminder_types import IGNORED, DoneRecord, ReminderData
from app.ui import dialogs
from app.ui.bars import BarChart
from app.ui.dispose_dialog import DisposeDialog
from app.ui.main_window import MainWindow
from app.ui.meeting_dialog import MeetingDialog
from app.ui.qt_app import BASE_POINT_SIZE, LARGE_POINT_SIZE

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
    assert window.tabs.tabText(window.tabs.count() - 1) == "纪律提醒"
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

    from app.ui.done_dialog import DoneDialog

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
    from app.ui.notice_dialog import NoticeDialog

    tab = window.workbench_tab
    window.services.profile.save(Profile("红旗村", "城关镇"))
    item = next(i for i in tab.items if i.target.kind == "notice_new")
    category, kind, year, number = item.target.args
    seen = []
    monkeypatch.setattr(NoticeDialog, "exec", lambda d: seen.append((d.category.currentText(), d.period())) or 0)
    tab.table.selectRow(tab.items.index(item))
    tab.go()
    assert seen == [(category, NoticePeriod(kind, year, number))]


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
    assert window.workbench_tab.figures_title.text() == "今年情况（2026年）"
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


def test_viewer_cannot_settle_or_ignore(qtbot, services, clock):
    fill_demo(services.db, clock)
    services.act_as(Actor("查阅甲", Role.VIEWER))
    main = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(main)
    main.attach(services)
    tab = main.workbench_tab
    tab.table.selectRow(next(n for n, i in enumerate(tab.items) if i.derived))
    assert not tab.buttons["去办理"].isEnabled() and not tab.buttons["忽略…"].isEnabled()


@pytest.mark.parametrize("large", [False, True])
def test_bars_are_not_clipped_at_1366_by_768(qtbot, window, large):
    remind(window.services, "个人有关事项报告", "年度个人有关事项报告", dt.date(2026, 1, 31))  # a long label
    original = QApplication.font()
    try:
        window.set_large(large)  # the program's font: 12 pt, or 15 pt in 大字模式
        assert QApplication.font().pointSize() == (LARGE_POINT_SIZE if large else BASE_POINT_SIZE)
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

    from app.ui.pdf_preview import PdfPreview

    tab = window.workbench_tab
    tab.buttons["打印年度汇总…"].click()
    preview = tab.findChild(PdfPreview)
    assert preview is not None and preview.document.status() == QPdfDocument.Status.Ready
    assert preview.pdf_path.name.startswith("2026年度工作台账汇总")
    preview.close()
