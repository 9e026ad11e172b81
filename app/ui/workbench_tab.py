"""工作台, the start page: what is late and due soon in one list, and this year in figures.

Its refresh asks the services for two things only (due_items, year_figures): it is the first
page shown, so it must open quickly even on ten years of data.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dates import format_date, format_date_cn
from app.services.reminder_types import HANDLED, IGNORED, OVERDUE
from app.services.workbench_types import DUE_SOON_DAYS, DueItem
from app.ui import dialogs
from app.ui.bars import FiguresPanel
from app.ui.form_helpers import configure_list_table, tool_buttons

HEADERS = ("状态", "到期日", "距今", "方面", "事项")
WEEKDAYS = "一二三四五六日"
OVERDUE_INK = QBrush(QColor("#b00020"))  # the words say 已逾期 too: colour is not the only sign
def summary_line(items: list[DueItem], today: dt.date) -> str:
    """已逾期 3 项，14天内到期 5 项 (and 另有 1 项即将到期: a term ending within 90 days)."""
    overdue = sum(1 for i in items if i.status == OVERDUE)
    soon = sum(1 for i in items if i.status != OVERDUE and i.due <= today + dt.timedelta(days=DUE_SOON_DAYS))
    later = len(items) - overdue - soon
    return f"已逾期 {overdue} 项，{DUE_SOON_DAYS}天内到期 {soon} 项" + (f"，另有 {later} 项即将到期" if later else "")


EMPTY_TEXT = f"没有逾期或{DUE_SOON_DAYS}天内到期的事项。\n新的提醒可以在 纪律提醒 页添加。"
YEARS_SHOWN = 10  # the 年度 choice: this year and the nine before it
GO_TIP = "打开能办结这一项的记录（Enter 或双击）"
VIEW_TIP = "查看这一项的记录（只读；Enter 或双击）"


def today_line(day: dt.date) -> str:
    return f"今天是{format_date_cn(day)} 星期{WEEKDAYS[day.weekday()]}"


def distance_text(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days < 0:
        return f"逾期{-days}天"
    return "今天到期" if days == 0 else f"还有{days}天"


class WorkbenchTab(QWidget):
    title = "工作台"
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.items: list[DueItem] = []
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
        self.buttons = tool_buttons(header, (
            ("去办理", self.go, GO_TIP),
            ("标记已处理…", lambda: self.dispose(HANDLED), "已在别处办好：写明理由后不再提醒（可多选，Ctrl/Shift+单击）"),
            ("忽略…", lambda: self.dispose(IGNORED), "这一项不用办：写明理由后不再提醒（可多选，Ctrl/Shift+单击）"),
        ))
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        configure_list_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # mark several at once
        self.table.doubleClicked.connect(lambda _i: self.go())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._selection_changed())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # only while the list has focus, not on a button
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.go)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
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
        self.can_edit = True
        self._selection_changed()

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
        current = self.selected()
        # One call for the list and the chosen year's figures (this year at first), sharing reads.
        self.items, self.figures = self.services.workbench.start_page(self.chosen_year())
        self.today_label.setText(today_line(today))
        self.summary.setText(summary_line(self.items, today))
        self.table.clearSelection()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (item.status, format_date(item.due), distance_text(item.due, today), item.area, item.title)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if item.status == OVERDUE and col in (0, 2):
                    cell.setForeground(OVERDUE_INK)
                self.table.setItem(row, col, cell)
        keys = [i.key for i in self.items]
        if current is not None and current.key in keys:  # the cursor stays on the same item
            self.table.selectRow(keys.index(current.key))
        self.stack.setCurrentWidget(self.table if self.items else self.empty)
        self.panel.set_figures(self.figures)
        self._selection_changed()
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
        from app.services.actor import Permission

        self.can_edit = actor.can(Permission.EDIT)
        self._selection_changed()

    def selected(self) -> DueItem | None:
        """The item 去办理 acts on: the current row when it is selected, else the first selected."""
        rows = self._selected_rows()
        if not rows:
            return None
        row = self.table.currentRow()
        return self.items[row if row in rows else rows[0]]

    def selected_items(self) -> list[DueItem]:
        """Every selected item, top to bottom."""
        return [self.items[row] for row in self._selected_rows()]

    def _selected_rows(self) -> list[int]:
        model = self.table.selectionModel()
        return sorted(i.row() for i in model.selectedRows() if 0 <= i.row() < len(self.items))

    def _selection_changed(self) -> None:
        from app.ui.target_actions import can_open

        item = self.selected()
        go = self.buttons["去办理"]
        go.setEnabled(self.can_edit or (item is not None and can_open(item.target, False)))
        go.setToolTip(GO_TIP if self.can_edit else VIEW_TIP)
        derived = self.can_edit and any(i.derived for i in self.selected_items())
        for name in ("标记已处理…", "忽略…"):
            self.buttons[name].setEnabled(derived)

    # ----- actions --------------------------------------------------------------------------
    def go(self) -> None:
        from app.ui.target_actions import open_target

        if not self.buttons["去办理"].isEnabled():
            return
        item = self.selected()
        if item is None:
            dialogs.show_info(self, "请先选择", "请先在表格中点选一项，再点 去办理。")
            return
        open_target(self.services, item.target, self)
        self.refresh()

    def dispose(self, status: str) -> None:
        from app.ui.dispose_dialog import DisposeDialog

        chosen = self.selected_items()
        if not self.can_edit or not any(i.derived for i in chosen):
            return
        if DisposeDialog(self.services, chosen, self, status=status).exec():  # 纪律提醒 rows are skipped
            self.refresh()

    def print_current(self) -> None:
        """Ctrl+P: the year summary of the chosen year."""
        self.print_year()

    def print_year(self) -> None:
        from app.services import reminder_printing
        from app.ui.print_dialog import generate_and_preview

        year = self.chosen_year()
        generate_and_preview(self.services, f"{year}年度工作台账汇总",
                             lambda path: reminder_printing.print_year_summary(self.services, year, path), self)

    def print_term(self) -> None:
        from app.services import reminder_printing
        from app.ui.print_dialog import generate_and_preview

        generate_and_preview(self.services, "届中工作台账汇总",
                             lambda path: reminder_printing.print_term_summary(self.services, path), self)
