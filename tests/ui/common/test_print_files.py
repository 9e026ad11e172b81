"""Print previews on Windows' file rules: closing a preview never fails, no PDF stays behind."""

import logging

from conftest import person
from PySide6.QtPdf import QPdfDocument
from windows_emulation import emulate_windows_files, open_handles

from app.services.common.profile import Profile
from app.ui.common import dialogs
from app.ui.common.print_dialog import INTERNAL, PUBLIC, print_roster_flow


def test_a_preview_holds_no_file_and_leaves_none_in_the_print_folder(qtbot, services, monkeypatch):
    emulate_windows_files(monkeypatch)
    services.profile.save(Profile("红旗村"))
    services.members.save(person("张三", "党支部书记", phone="13812341027"))
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: INTERNAL)  # full numbers
    preview = print_roster_flow(services, None)
    qtbot.addWidget(preview)
    assert preview.document.status() == QPdfDocument.Status.Ready and preview.pages_label.text() == "共 1 页"
    assert open_handles(preview.pdf_path) == 0
    preview.reject()  # the 关闭 button
    assert list(services.data_dir.prints.iterdir()) == []


def test_a_file_held_by_another_program_is_logged_and_removed_by_the_next_print(qtbot, services, monkeypatch,
                                                                                 caplog):
    held = set()
    emulate_windows_files(monkeypatch, held)
    monkeypatch.setattr("app.services.common.file_ops.pause", lambda _s: None)
    services.profile.save(Profile("红旗村"))
    services.members.save(person("张三", "党支部书记", phone="13812341027"))
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: INTERNAL)
    stamp = f"{services.clock.now():%Y%m%d-%H%M%S}"
    held.add(services.data_dir.prints / f"红旗村两委班子成员花名册（内部留存）-{stamp}.pdf")  # a scanner reads it
    with caplog.at_level(logging.WARNING):
        first = print_roster_flow(services, None)
    qtbot.addWidget(first)
    first.reject()
    assert "could not delete" in caplog.text
    held.clear()  # the scanner let go
    second = print_roster_flow(services, None)
    qtbot.addWidget(second)
    second.reject()
    assert list(services.data_dir.prints.iterdir()) == []


def test_the_preview_fits_a_1366x768_screen_at_125_percent(qtbot, services, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1093, 582))
    services.profile.save(Profile("红旗村"))
    services.members.save(person("张三", "党支部书记"))
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a, **k: PUBLIC)
    preview = print_roster_flow(services, None)
    qtbot.addWidget(preview)
    assert preview.width() <= 1093 - 16 and preview.height() <= 582 - 40  # with its frame: within the screen
    hint = preview.minimumSizeHint()
    assert hint.width() <= preview.width() and hint.height() <= preview.height()
