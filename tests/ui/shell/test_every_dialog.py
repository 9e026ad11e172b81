"""Every dialog of the program (app/ui/shell/dialog_catalogue.py), opened on the sample village."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import Actor, Role
from app.ui.common.dialog_keys import main_button
from app.ui.shell.dialog_catalogue import entries


@pytest.fixture
def village(services):
    fill_sample_village(services)
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    services.act_as(Actor("王文书", Role.ADMIN))
    return services


def opened(qtbot, entry, services, tmp_path):
    dialog = entry.open(services, None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_enter_presses_only_the_main_button_in_every_dialog(qtbot, village, tmp_path):
    for entry in entries():
        dialog = opened(qtbot, entry, village, tmp_path)
        main = main_button(dialog)
        buttons = [b for b in dialog.findChildren(QPushButton) if b.window() is dialog]
        secondary = [b.text() for b in buttons if b is not main and (b.autoDefault() or b.isDefault())]
        assert secondary == [], f"{entry.name}: {secondary} would take Enter"
        if main is not None:
            assert main.isDefault() and main.isVisible(), entry.name
        dialog.done(0)


SCREENS = {"1366×768 的电脑": (1366, 728), "125% 缩放": (1093, 582)}  # what is left above the taskbar


@pytest.fixture
def screen(monkeypatch):
    """Emulate a screen's available area; returns a function that sets it."""
    from PySide6.QtCore import QRect

    from app.ui.common import screen_fit

    def use(width, height):
        monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, width, height))

    return use


@pytest.fixture(params=[False, True], ids=["normal", "large"])
def font_mode(request, qapp):
    from app.ui.shell.qt_app import apply_font_size

    before = qapp.font()
    apply_font_size(qapp, request.param)
    yield request.param
    qapp.setFont(before)


def fully_shown(button):
    """The whole button is painted: not cut by the dialog's edge or hidden in a scrolled part."""
    return button.isVisible() and button.visibleRegion().boundingRect().size() == button.size()


def test_every_dialog_fits_a_small_screen_with_its_buttons_in_view(qtbot, village, tmp_path, screen, font_mode):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

    from app.ui.common.screen_fit import FRAME_HEIGHT, FRAME_WIDTH

    too_big = []
    for label, (width, height) in SCREENS.items():
        screen(width, height)
        for entry in entries():
            dialog = opened(qtbot, entry, village, tmp_path)
            QApplication.processEvents()
            size = dialog.size()
            if size.width() > width - FRAME_WIDTH or size.height() > height - FRAME_HEIGHT:
                too_big.append(f"{label} {entry.name} {size.width()}×{size.height()}")
            hidden = [b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()
                      if b.window() is dialog and not fully_shown(b)]
            main = main_button(dialog)
            if main is not None and not fully_shown(main):
                hidden.append(main.text())
            assert not hidden, f"{label} {entry.name}: {hidden} not in view"
            cut = [t.text()[:12] for t in dialog.findChildren(QLabel)
                   if t.wordWrap() and t.isVisible() and t.text() and t.height() < t.heightForWidth(t.width())]
            assert not cut, f"{label} {entry.name}: text cut off: {cut}"
            dialog.done(0)
    assert too_big == []


def test_enter_in_a_form_inside_a_list_dialog_presses_its_own_button(qtbot, village, tmp_path):
    """届次, 用户管理 and 操作日志 have no 保存: Enter adds the term or user, or runs the query."""
    expected = {"届次": "新增", "用户管理": "新增用户", "操作日志": "查询"}
    for entry in entries():
        if entry.name in expected:
            dialog = opened(qtbot, entry, village, tmp_path)
            assert main_button(dialog).text() == expected[entry.name]
            assert main_button(dialog).isDefault()
            dialog.done(0)


def test_enter_after_typing_a_new_term_adds_it(qtbot, services):
    import datetime as dt

    from app.ui.members.terms_dialog import TermsDialog

    dialog = TermsDialog(services.members)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("第十二届")
    dialog.start_field.set_value(dt.date(2026, 5, 1))
    dialog.end_field.edit.setFocus()
    qtbot.keyClicks(dialog.end_field.edit, "2031-04-30")
    qtbot.keyClick(dialog.end_field.edit, Qt.Key.Key_Return)
    assert [t.name for t in services.members.list_terms()] == ["第十二届"]
    assert dialog.isVisible()  # Enter added the term; 关闭 is for closing
