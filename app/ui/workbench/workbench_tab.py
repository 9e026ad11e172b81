"""工作台, the start page: what is late and due soon in one list, and this year in figures.

Its refresh asks the services for two things only (due_items, year_figures): it is the first
page shown, so it must open quickly even on ten years of data.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date_cn
from app.services.reminders.reminder_types import OVERDUE
from app.services.workbench.workbench_types import DUE_SOON_DAYS, DueItem
from app.ui.common.form_helpers import tool_buttons
from app.ui.workbench.bars import FiguresPanel
from app.ui.workbench.due_list import DueList, DueListOwner

WEEKDAYS = "一二三四五六日"


def summary_line(items: list[DueItem], today: dt.date) -> str:
    """已逾期 3 项，14天内到期 5 项 (and 另有 1 项即将到期: a term ending within 90 days)."""
    overdue = sum(1 for i in items if i.status == OVERDUE)
    soon = sum(1 for i in items if i.status != OVERDUE and i.due <= today + dt.timedelta(days=DUE_SOON_DAYS))
    later = len(items) - overdue - soon
    return f"已逾期 {overdue} 项，{DUE_SOON_DAYS}天内到期 {soon} 项" + (f"，另有 {later} 项即将到期" if later else "")


EMPTY_TEXT = f"没有逾期或{DUE_SOON_DAYS}天内到期的事项。\n新的提醒可以在 纪律提醒 页添加。"
YEARS_SHOWN = 10  # the 年度 choice: this year and the nine before it


def today_line(day: dt.date) -> str:
    return f"今天是{format_date_cn(day)} 星期{WEEKDAYS[day.weekday()]}"


class WorkbenchTab(DueListOwner, QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.figures = None
        self.today_label = QLabel()
        self.today_label.setObjectName("today")
        heading = QFont(self.today_label.font())
        heading.setBold(True)
        self.today_label.setFont(heading)
        self.summary = QLabel()
        self.summary.setObjectName("due_summary")
        header = QHBoxLayout()  # the date, the counts and the buttons that settle the selected item
        header.addWidget(self.today_label)
        header.addSpacing(self.fontMetrics().horizontalAdvance("国国"))
        header.addWidget(self.summary)
        header.addStretch(1)
        self.due = DueList(lambda: self.services, header, EMPTY_TEXT, show_distance=True)
        self.due.changed.connect(self.refresh)
        self.buttons = dict(self.due.buttons)  # and the print buttons below
        self.table, self.stack, self.empty = self.due.table, self.due, self.due.empty
        self.figures_title = QLabel("年度情况")
        self.figures_title.setFont(heading)
        self.year = QComboBox()  # which year the bars show and 打印年度汇总 prints
        self.year.setObjectName("figures_year")
        self.year.setAccessibleName("年度")
        self.year.setToolTip("选择要查看和打印的年度（1月份常要查看、打印上一年）")
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.figures_title.setBuddy(self.year)
        self._fill_years(services.clock.today().year)
        self.year.currentIndexChanged.connect(self._year_changed)
        figures_row = QHBoxLayout()
        figures_row.addWidget(self.figures_title)
        figures_row.addWidget(self.year)
        figures_row.addStretch(1)
        self.buttons.update(tool_buttons(figures_row, (
            ("打印年度汇总…", self.print_year, "所选年度的会议、三公开、纪律提醒、四议两公开情况，供镇里检查（Ctrl+P）"),
            ("打印届中汇总…", self.print_term, "本届以来的同样情况"),
        )))
        self.panel = FiguresPanel()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addLayout(figures_row)
        layout.addWidget(self.panel)

    # ----- state ----------------------------------------------------------------------------
    def _fill_years(self, this_year: int) -> None:
        """This year (chosen at first) and the years before it; the choice is kept."""
        if self.year.count() and self.year.itemData(0) == this_year:
            return
        chosen = self.year.currentData() if self.year.count() else this_year
        self.year.blockSignals(True)
        self.year.clear()
        for year in range(this_year, this_year - YEARS_SHOWN, -1):
            self.year.addItem(f"{year}年", year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)

    def chosen_year(self) -> int:
        return int(self.year.currentData())

    def refresh(self) -> None:
        today = self.services.clock.today()
        self._fill_years(today.year)
        # One call for the list and the chosen year's figures (this year at first), sharing reads.
        items, self.figures = self.services.workbench.start_page(self.chosen_year())
        self.today_label.setText(today_line(today))
        self.summary.setText(summary_line(items, today))
        self.due.set_items(items, today)  # the cursor stays on the same item
        self.panel.set_figures(self.figures)
        self.status_changed.emit(self.status_text())

    def _year_changed(self) -> None:
        """Another year chosen: only the figures change (the list is always today's)."""
        self.figures = self.services.workbench.year_figures(self.chosen_year())
        self.panel.set_figures(self.figures)

    def status_text(self) -> str:
        overdue = sum(1 for i in self.items if i.status == OVERDUE)
        return f"工作台：{len(self.items)} 项待办，其中已逾期 {overdue} 项"

    def row_count(self) -> int:
        return len(self.items)

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        self.due.set_can_edit(actor.can(Permission.EDIT))

    def print_current(self) -> None:
        """Ctrl+P: the year summary of the chosen year."""
        self.print_year()

    def print_year(self) -> None:
        from app.services.reminders import reminder_printing
        from app.ui.common.print_dialog import generate_and_preview, village

        year = self.chosen_year()
        generate_and_preview(self.services, f"{village(self.services)}{year}年度工作台账汇总",
                             lambda path: reminder_printing.print_year_summary(self.services, year, path), self)

    def print_term(self) -> None:
        from app.services.reminders import reminder_printing
        from app.ui.common.print_dialog import generate_and_preview, village

        generate_and_preview(self.services, f"{village(self.services)}届中工作台账汇总",
                             lambda path: reminder_printing.print_term_summary(self.services, path), self)
