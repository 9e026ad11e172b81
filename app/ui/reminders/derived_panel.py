"""纪律提醒 → 来自其他台账: the reminders derived from the other tabs, and the marks made on them.

Top: every live derived item (a missing meeting, a stuck matter, an unanswered question …) to
open, mark 已处理 or 忽略 with a reason. Bottom: the marks of the chosen year, which can be taken
back (撤销标记) so the item shows again while its gap lasts.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.reminders.reminder_types import OVERDUE
from app.services.workbench.workbench_types import DispositionRow
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, fit_combo_width, tool_buttons
from app.ui.workbench.due_list import DueList, DueListOwner

MARK_HEADERS = ("标记日期", "方面", "事项", "处理", "理由", "标记人")
REASON_COLUMN = 4
ITEMS_EMPTY = "没有来自其他台账的待办提醒。\n会议、三公开、四议两公开、群众意见、任期有缺漏或快到期时，会列在这里。"


def _text_item(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setToolTip(text)  # long titles and reasons are cut off in the cell
    return cell


def _heading_row(title: str) -> QHBoxLayout:
    """A section's heading row, for its summary and buttons to be added to."""
    heading = QLabel(title)
    font = QFont(heading.font())
    font.setBold(True)
    heading.setFont(font)
    row = QHBoxLayout()
    row.addWidget(heading)
    return row


def _section(row: QHBoxLayout, body: QWidget) -> QWidget:
    """The heading row, then the table or, when it is empty, a sentence (``body``)."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(body, 1)
    layout.insertLayout(0, row)  # the body first in the Tab order, as the list is where one starts
    return widget


class DerivedPanel(DueListOwner, QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.marks: list[DispositionRow] = []

        row = _heading_row("来自其他台账的提醒")
        self.summary = QLabel()
        row.addSpacing(self.fontMetrics().horizontalAdvance("国"))
        row.addWidget(self.summary)
        row.addStretch(1)
        self.due = DueList(lambda: self.services, row, ITEMS_EMPTY, show_distance=False)
        self.due.changed.connect(self.refresh)
        self.buttons = dict(self.due.buttons)  # and 撤销标记 below
        self.table, self.stack, self.empty = self.due.table, self.due, self.due.empty
        top = _section(row, self.due)

        self.mark_table = QTableWidget(0, len(MARK_HEADERS))
        self.mark_table.setHorizontalHeaderLabels(MARK_HEADERS)
        configure_list_table(self.mark_table)
        header = self.mark_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)  # long reasons: tooltip
        self.mark_empty = QLabel()
        self.mark_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark_empty.setWordWrap(True)
        self.mark_stack = QStackedWidget()
        self.mark_stack.addWidget(self.mark_table)
        self.mark_stack.addWidget(self.mark_empty)
        row = _heading_row("已标记的提醒")
        year = services.clock.today().year
        self.year = QComboBox()
        self.year.addItems([str(y) for y in range(year + 1, year - 10, -1)])
        self.year.setCurrentText(str(year))
        fit_combo_width(self.year)
        self.year.currentIndexChanged.connect(self.show_marks)
        self.mark_summary = QLabel()
        row.addSpacing(self.fontMetrics().horizontalAdvance("国"))
        row.addWidget(QLabel("年度："))
        row.addWidget(self.year)
        row.addWidget(self.mark_summary)
        row.addStretch(1)
        self.buttons.update(tool_buttons(row, (
            ("撤销标记", self.undo, "取消所选标记：该事项如仍未办结，会重新出现在上面的待办中"),
        )))

        bottom = _section(row, self.mark_stack)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.mark_table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # ----- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.due.set_items(self.services.derived.items(), self.services.clock.today())
        overdue = sum(1 for i in self.items if i.status == OVERDUE)
        self.summary.setText(f"待办 {len(self.items)} 项，其中已逾期 {overdue} 项")
        self.show_marks()

    def show_marks(self) -> None:
        chosen = self.selected_mark()
        year = int(self.year.currentText())
        self.marks = self.services.derived.dispositions(dt.date(year, 1, 1), dt.date(year, 12, 31))
        self.mark_table.setRowCount(len(self.marks))
        for i, mark in enumerate(self.marks):
            cells = (format_date(mark.decided_on), mark.area, mark.title, mark.status, mark.reason, mark.decided_by)
            for col, text in enumerate(cells):
                self.mark_table.setItem(i, col, _text_item(text))
        self.mark_table.clearSelection()  # the cursor stays on the same mark; nothing chosen when it went away
        keys = [m.key for m in self.marks]
        if chosen is not None and chosen.key in keys:
            self.mark_table.selectRow(keys.index(chosen.key))
        self.mark_summary.setText(f"共 {len(self.marks)} 项")
        which = "本年" if year == self.services.clock.today().year else f"{year}年"
        self.mark_empty.setText(f"{which}还没有标记过的提醒。\n在上面选中一项或多项，点 标记已处理… 或 忽略… 并写明理由，就会记在这里。")
        self.mark_stack.setCurrentWidget(self.mark_table if self.marks else self.mark_empty)
        self._selection_changed()
        self.status_changed.emit(self.status_text())

    def status_text(self) -> str:
        overdue = sum(1 for i in self.items if i.status == OVERDUE)
        return (f"来自其他台账：待办 {len(self.items)} 项，其中已逾期 {overdue} 项；"
                f"{self.year.currentText()}年已标记 {len(self.marks)} 项")

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        self.due.set_can_edit(actor.can(Permission.EDIT))
        self._selection_changed()

    def selected_mark(self) -> DispositionRow | None:
        row = self.mark_table.currentRow()
        return self.marks[row] if 0 <= row < len(self.marks) and self.mark_table.selectedItems() else None

    def _selection_changed(self) -> None:
        """撤销标记 (the list above sets its own buttons)."""
        self.buttons["撤销标记"].setEnabled(self.can_edit and self.selected_mark() is not None)

    # ----- actions --------------------------------------------------------------------------
    def undo(self) -> None:
        mark = self.selected_mark()
        if mark is None or not self.can_edit:
            return
        question = f"撤销对“{mark.title}”的标记？撤销后，该事项如仍未办结，会重新出现在待办中。"
        if not dialogs.ask_yes_no(self, "撤销标记", question, "撤销标记"):
            return
        try:
            self.services.derived.undispose(mark.key)
        except UserError as exc:
            dialogs.show_error(self, "无法撤销", exc.message)
        self.refresh()
