"""会议记录 tab: three pages that share one toolbar row each: 会议, 四议两公开, 制度落实."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.meetings.compliance_page import CompliancePage
from app.ui.meetings.matters_page import MattersPage
from app.ui.meetings.meetings_page import MeetingsPage


class MeetingsTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.meetings = MeetingsPage(services, self)
        self.matters = MattersPage(services, self)
        self.compliance = CompliancePage(services, self.meetings, self)
        self.pages = QTabWidget()
        self.pages.addTab(self.meetings, "会议")
        self.pages.addTab(self.matters, "四议两公开")
        self.pages.addTab(self.compliance, "制度落实情况")
        for page in (self.meetings, self.matters, self.compliance):
            page.status_changed.connect(self.status_changed)
        self.pages.currentChanged.connect(lambda _i: self.status_changed.emit(self.status_text()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def set_services(self, services) -> None:  # noqa: ANN001
        self.services = services
        for page in (self.meetings, self.matters, self.compliance):
            page.services = services

    def refresh(self) -> None:
        for page in (self.meetings, self.matters, self.compliance):
            page.refresh()

    def print_current(self) -> None:
        """On 四议两公开 the selected matter's book; else the selected meeting's record, or the
        year's list when none is selected (the pages' own buttons)."""
        if self.pages.currentWidget() is self.matters and self.matters.table.currentRow() >= 0:
            self.matters.print_book()
        elif self.pages.currentWidget() is self.meetings and self.meetings.table.currentIndex().isValid():
            self.meetings.print_record()
        else:
            self.meetings.print_year()

    def status_text(self) -> str:
        return self.pages.currentWidget().status_text()

    def row_count(self) -> int:
        return self.meetings.row_count()

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        self.meetings.apply_permissions(actor)
        self.matters.apply_permissions(actor)
