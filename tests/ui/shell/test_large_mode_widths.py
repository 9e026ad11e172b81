"""大字模式 switched on while the program runs: filter combo boxes widen with the font."""

from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from app.services.common.profile import Profile
from app.ui.shell.main_window import MainWindow
from app.ui.shell.qt_app import LARGE_POINT_SIZE, apply_font_size


def edit_field_width(combo: QComboBox) -> int:
    """Width the style leaves for the text, i.e. the combo less its frame and arrow."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    option.rect = combo.rect()
    return combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo).width()


def assert_not_clipped(name: str, combo: QComboBox) -> None:
    assert combo.font().pointSize() == LARGE_POINT_SIZE, name
    metrics = combo.fontMetrics()
    longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() >= combo.minimumSizeHint().width(), name
    assert combo.width() >= combo.sizeHint().width(), name
    assert edit_field_width(combo) >= longest, (name, edit_field_width(combo), longest)


def test_switching_large_mode_on_widens_the_filter_combos(qapp, qtbot, services):
    apply_font_size(qapp, large=False)  # the bundled 12 pt font, as create_application sets it
    services.profile.save(Profile("红旗村"))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    reminders, meetings = window.reminders_tab, window.meetings_tab.meetings
    combos = (reminders.status, meetings.month, reminders.derived.year)
    small = [combo.minimumWidth() for combo in combos]

    window.large_action.setChecked(True)
    by_name = {
        "纪律提醒 年度": (4, reminders.year), "纪律提醒 类型": (4, reminders.kind),
        "纪律提醒 状态": (4, reminders.status), "会议记录 年份": (2, meetings.year),
        "会议记录 月份": (2, meetings.month), "会议记录 类型": (2, meetings.kind),
        "会议记录 参会人": (2, meetings.person),
    }
    for name, (tab, combo) in by_name.items():
        window.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(combo.isVisible)
        qtbot.wait(1)  # let the layout apply the new minimum widths
        assert_not_clipped(name, combo)
    window.tabs.setCurrentIndex(4)
    reminders.pages.setCurrentWidget(reminders.derived)
    qtbot.waitUntil(reminders.derived.year.isVisible)
    qtbot.wait(1)
    assert_not_clipped("来自其他台账 年度", reminders.derived.year)
    assert all(combo.width() >= combo.minimumWidth() > width for combo, width in zip(combos, small, strict=True))

    window.large_action.setChecked(False)  # and back: the widths follow the smaller font again
    qtbot.wait(1)
    assert [combo.minimumWidth() for combo in combos] == small
