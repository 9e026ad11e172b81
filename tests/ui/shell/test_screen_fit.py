"""The main window on a small screen: maximised at first, never larger than the screen."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.common.profile import Profile
from app.ui.common import screen_fit
from app.ui.shell.main_window import MainWindow


@pytest.fixture
def office_screen(monkeypatch):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1366, 728))


def test_the_main_window_starts_maximised_on_a_1366x768_screen(qtbot, services, office_screen):
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.width() <= 1366 - screen_fit.FRAME_WIDTH and window.height() <= 728 - screen_fit.FRAME_HEIGHT


def test_a_big_screen_keeps_the_usual_window(qtbot, services, monkeypatch):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1920, 1040))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert (window.width(), window.height()) == (1280, 760)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_tab_fits_even_at_125_percent_scaling(qtbot, services, office_screen, large):
    """1366×768 at 125 % leaves 1093×582 for the window; 1366×728 is then no problem."""
    services.profile.save(Profile("红旗村"))
    before = QApplication.font()
    window = MainWindow(services.data_dir, large=large)
    qtbot.addWidget(window)
    window.attach(services)
    window.set_large(large)
    try:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            hint = window.minimumSizeHint()
            assert hint.width() <= 1093 - screen_fit.FRAME_WIDTH, window.tabs.tabText(index)
            assert hint.height() <= 582 - screen_fit.FRAME_HEIGHT, window.tabs.tabText(index)
    finally:
        QApplication.setFont(before)


def test_a_size_remembered_on_a_bigger_screen_is_cut_to_this_one(qtbot, office_screen):
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(600, 500, 1800, 1000)
    screen_fit.clamp_to_screen(window)
    assert window.width() <= 1366 - screen_fit.FRAME_WIDTH and window.height() <= 728 - screen_fit.FRAME_HEIGHT
    assert window.x() >= 0 and window.y() >= 0
    assert window.x() + window.width() + screen_fit.FRAME_WIDTH <= 1366
    assert window.y() + window.height() + screen_fit.FRAME_HEIGHT <= 728


def test_the_main_window_clamps_a_remembered_size(qtbot, services, office_screen):
    from PySide6.QtCore import QSettings

    first = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(first)
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.setGeometry(700, 300, 1600, 1000)
    settings = QSettings(str(services.data_dir.settings_file), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", first.saveGeometry())
    settings.sync()
    again = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(again)
    assert again.width() <= 1366 - screen_fit.FRAME_WIDTH and again.height() <= 728 - screen_fit.FRAME_HEIGHT
