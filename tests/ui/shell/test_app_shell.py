import datetime as dt
import sys

from conftest import person
from PySide6.QtCore import QCoreApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.services.common.profile import Profile
from app.services.members.roster_printing import print_roster
from app.ui.common import dialogs
from app.ui.common.pdf_preview import render_to_printer
from app.ui.common.print_dialog import print_roster_flow
from app.ui.shell.main_window import MainWindow
from app.ui.shell.qt_app import BASE_POINT_SIZE, LARGE_POINT_SIZE, install_crash_hook, install_translations


def test_qt_own_dialogs_speak_chinese(qapp):
    install_translations(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_large_mode_scales_the_whole_window_and_is_remembered(qtbot, services):
    services.profile.save(Profile("红旗村"))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    window.large_action.setChecked(True)
    assert QApplication.font().pointSize() == LARGE_POINT_SIZE
    window.close()
    again = MainWindow(services.data_dir)
    qtbot.addWidget(again)
    assert again.large_action.isChecked()
    again.large_action.setChecked(False)
    assert QApplication.font().pointSize() == BASE_POINT_SIZE


def test_crash_hook_logs_and_shows_details(monkeypatch, tmp_path, caplog):
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text, details="": shown.append((title, text, details)))
    original = sys.excepthook
    try:
        install_crash_hook(tmp_path / "taizhang.log")
        try:
            raise KeyError("坏了")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = original
    title, text, details = shown[0]
    assert title == "程序出错" and str(tmp_path / "taizhang.log") in text
    assert "KeyError" in details and "KeyError" in caplog.text


def test_print_flow_previews_the_roster_inside_the_program(qtbot, services, monkeypatch):
    services.profile.save(Profile("红旗村"))
    services.members.save(person("张三", "党支部书记", phone="13812341027"))
    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _x, choices: "公开版")
    preview = print_roster_flow(services, None)
    qtbot.addWidget(preview)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.pages_label.text() == "共 1 页"
    assert preview.pdf_path.parent == services.data_dir.prints
    assert preview.suggested_name == "红旗村两委班子成员花名册.pdf"


def test_printing_sends_every_page_to_the_printer(qtbot, services, tmp_path):
    services.profile.save(Profile("红旗村"))
    for i in range(40):
        services.members.save(person(f"成员{i}", "村委会委员" if i else "党支部书记"), confirmed=True)
    source = tmp_path / "roster.pdf"
    print_roster(services, source)
    document = QPdfDocument()
    document.load(str(source))
    assert document.pageCount() >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert render_to_printer(document, printer, dpi=100) == document.pageCount()
    check = QPdfDocument()
    check.load(str(printed))
    assert check.pageCount() == document.pageCount()


def test_save_as_copies_the_pdf(qtbot, services, monkeypatch, tmp_path):
    services.profile.save(Profile("红旗村"))
    services.members.save(person("张三", "党支部书记"))
    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _x, choices: "内部留存版")
    preview = print_roster_flow(services, None)
    qtbot.addWidget(preview)
    target = tmp_path / "存档.pdf"
    infos = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(target))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: infos.append(text))
    preview.save_as()
    assert target.read_bytes() == preview.pdf_bytes and target.read_bytes().startswith(b"%PDF")
    assert infos == [f"已保存到：\n{target}"]


def test_ctrl_p_prints_what_the_current_tab_shows(qtbot, services, monkeypatch):
    from PySide6.QtGui import QKeySequence

    import app.ui.common.print_dialog
    import app.ui.meetings.meeting_prints

    services.profile.save(Profile("红旗村"))
    printed = []
    record = lambda _services, name, _write, _parent: printed.append(name)  # noqa: E731
    monkeypatch.setattr(app.ui.common.print_dialog, "generate_and_preview", record)
    monkeypatch.setattr(app.ui.meetings.meeting_prints, "generate_and_preview", record)
    window = MainWindow(services.data_dir)
    qtbot.addWidget(window)
    window.attach(services)
    ctrl_p = [a for a in window.findChildren(type(window.large_action))
              if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)]
    assert [a.text() for a in ctrl_p] == ["打印当前页…"]
    for tab in (window.workbench_tab, window.meetings_tab, window.reminders_tab):
        window.tabs.setCurrentWidget(tab)
        ctrl_p[0].trigger()
    assert printed == ["红旗村2026年度工作台账汇总", "红旗村2026年会议列表", "红旗村2026年纪律提醒台账"]


def test_the_window_fits_a_1366x768_screen_with_every_tab_opened(qtbot, services):
    """A year of records without the required meetings has a long 尚缺 list on the 制度落实情况
    page; it scrolls instead of making the window taller than the screen (in 大字模式 too)."""
    from workbench_data import records_from

    services.profile.save(Profile("红旗村"))
    records_from(services, dt.date(2026, 1, 5))  # the records begin in January: every month since counts
    window = MainWindow(services.data_dir)
    qtbot.addWidget(window)
    window.attach(services)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    window.tabs.setCurrentWidget(window.meetings_tab)
    window.meetings_tab.pages.setCurrentWidget(window.meetings_tab.compliance)
    window.show()
    QApplication.processEvents()
    assert window.meetings_tab.compliance.missing.text().count("\n") > 20  # a long list of 缺
    assert window.minimumSizeHint().height() <= 768 and window.minimumSizeHint().width() <= 1366
    window.large_action.setChecked(True)
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= 768 and window.minimumSizeHint().width() <= 1366
    window.large_action.setChecked(False)
