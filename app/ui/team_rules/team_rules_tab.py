"""班子制度 tab: the year, then four pages: 党建计划, 主体责任, 学习, 值班."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.ui.team_rules.duties_study_pages import DutiesPage, StudyPage
from app.ui.team_rules.plan_page import PlanPage
from app.ui.team_rules.rota_page import RotaPage


class TeamRulesTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.year = QComboBox()
        this_year = services.clock.today().year
        for year in range(this_year + 1, this_year - 5, -1):
            self.year.addItem(f"{year}年", year)
        self.year.setCurrentIndex(1)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.plan, self.duties = PlanPage(services, self), DutiesPage(services, self)
        self.study, self.rota = StudyPage(services, self), RotaPage(services, self)
        self.pages = QTabWidget()
        for page, name in ((self.plan, "党建计划"), (self.duties, "主体责任"), (self.study, "学习"), (self.rota, "值班")):
            self.pages.addTab(page, name)
            page.status_changed.connect(self.status_changed)
        self.pages.currentChanged.connect(lambda _i: self.status_changed.emit(self.status_text()))
        top = QHBoxLayout()
        top.addWidget(QLabel("年份："))
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)

    def all_pages(self) -> tuple:
        return (self.plan, self.duties, self.study, self.rota)

    def set_services(self, services) -> None:  # noqa: ANN001
        self.services = services
        for page in self.all_pages():
            page.services = services

    def refresh(self) -> None:
        for page in self.all_pages():
            page.year = self.year.currentData()
            page.refresh()

    def print_current(self) -> None:
        page = self.pages.currentWidget()
        page.buttons["print"].click()

    def status_text(self) -> str:
        return self.pages.currentWidget().status_text()

    def row_count(self) -> int:
        return self.plan.table.rowCount()

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        for page in self.all_pages():
            page.apply_permissions(actor)
