"""A date input that accepts typing (2026-11-27, 2026年11月27日, 1975.03) and a calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from app.services.common.dates import format_date, parse_date
from app.services.common.errors import UserError


class DateField(QWidget):
    """Empty is allowed (the date is optional); ``value()`` raises UserError on bad text."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("如 2026-11-27")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.button = QToolButton(self)
        self.button.setText("日历")
        self.button.setToolTip("从日历中选择")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def _sync_calendar(self) -> None:
        try:
            day = self.value()
        except UserError:
            day = None
        if day:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, qdate: QDate) -> None:
        self.set_value(dt.date(qdate.year(), qdate.month(), qdate.day()))
        self.button.menu().hide()

    def value(self) -> dt.date | None:
        return parse_date(self.edit.text())

    def set_value(self, day: dt.date | None) -> None:
        self.edit.setText(format_date(day) if day else "")
