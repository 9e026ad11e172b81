"""A list of DueItems to settle: 工作台 and 纪律提醒 → 来自其他台账 both show one.

The table (or, when it is empty, a sentence) with 去办理, 标记已处理… and 忽略…; the buttons go in
the owner's heading row. Several rows can be chosen at once to mark them together; the cursor
stays on the same item across refreshes. After an item was opened or marked, ``changed`` is
emitted: the owner reloads and hands the new items back with ``set_items``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.reminders.reminder_types import HANDLED, IGNORED, OVERDUE
from app.services.workbench.workbench_types import DueItem
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, tool_buttons
from app.ui.common.list_selection import select_key
from app.ui.reminders.reminder_history import status_item

GO_TIP = "打开能办结这一项的记录（Enter 或双击）"
VIEW_TIP = "查看这一项的记录（只读；Enter 或双击）"
MARK_BUTTONS = ("标记已处理…", "忽略…")
OVERDUE_INK = QBrush(QColor("#b00020"))  # the words say 已逾期 too: colour is not the only sign


def distance_text(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days < 0:
        return f"逾期{-days}天"
    return "今天到期" if days == 0 else f"还有{days}天"


def _text_item(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setToolTip(text)  # long titles are cut off in the cell
    return cell


class DueList(QStackedWidget):
    """状态, 到期日, (距今,) 方面, 事项 — or ``empty_text`` when there is nothing to do.

    ``show_distance``: the 距今 column, with 状态 and 距今 in red on late rows and plain cells
    (the start page). Without it, 已逾期 is red and bold and every other cell carries its text as a
    tooltip. ``services`` is asked for the services at the moment of acting (they can be replaced).
    """

    changed = Signal()  # an item was opened or marked: the owner reloads

    def __init__(self, services: Callable[[], object], button_row: QHBoxLayout, empty_text: str,
                 *, show_distance: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.show_distance = show_distance
        self.items: list[DueItem] = []
        self.can_edit = True
        self.buttons = tool_buttons(button_row, (
            ("去办理", self.go, GO_TIP),
            ("标记已处理…", lambda: self.dispose(HANDLED), "已在别处办好：写明理由后不再提醒（可多选，Ctrl/Shift+单击）"),
            ("忽略…", lambda: self.dispose(IGNORED), "这一项不用办：写明理由后不再提醒（可多选，Ctrl/Shift+单击）"),
        ))
        headers = ("状态", "到期日", "距今", "方面", "事项") if show_distance else ("状态", "到期日", "方面", "事项")
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        configure_list_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # mark several at once
        self.table.doubleClicked.connect(lambda _i: self.go())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._selection_changed())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # only while the list has focus, not on a button
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.go)
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.addWidget(self.table)
        self.addWidget(self.empty)
        self._selection_changed()

    # ----- state ----------------------------------------------------------------------------
    def set_items(self, items: list[DueItem], today: dt.date) -> None:
        """Show ``items``, keeping the cursor on the same item (nothing chosen when it went away)."""
        current = self.selected()
        self.items = items
        self.table.clearSelection()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            for col, cell in enumerate(self._cells(item, today)):
                self.table.setItem(row, col, cell)
        select_key(self.table, [i.key for i in items], current.key if current is not None else None)
        self.setCurrentWidget(self.table if items else self.empty)
        self._selection_changed()

    def _cells(self, item: DueItem, today: dt.date) -> list[QTableWidgetItem]:
        if not self.show_distance:
            return [status_item(item.status), _text_item(format_date(item.due)), _text_item(item.area),
                    _text_item(item.title)]
        texts = (item.status, format_date(item.due), distance_text(item.due, today), item.area, item.title)
        cells = [QTableWidgetItem(text) for text in texts]
        if item.status == OVERDUE:
            for cell in (cells[0], cells[2]):
                cell.setForeground(OVERDUE_INK)
        return cells

    def set_can_edit(self, can_edit: bool) -> None:
        self.can_edit = can_edit
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
        from app.ui.workbench.target_actions import can_open

        item = self.selected()
        go = self.buttons["去办理"]
        go.setEnabled(self.can_edit or (item is not None and can_open(item.target, False)))
        go.setToolTip(GO_TIP if self.can_edit else VIEW_TIP)
        derived = self.can_edit and any(i.derived for i in self.selected_items())
        for name in MARK_BUTTONS:
            self.buttons[name].setEnabled(derived)

    # ----- actions --------------------------------------------------------------------------
    def go(self) -> None:
        from app.ui.workbench.target_actions import open_target

        if not self.buttons["去办理"].isEnabled():
            return
        item = self.selected()
        if item is None:
            dialogs.show_info(self, "请先选择", "请先在表格中点选一项，再点 去办理。")
            return
        open_target(self._services(), item.target, self)
        self.changed.emit()

    def dispose(self, status: str) -> None:
        """Mark the selected items 已处理 or 忽略 with a reason; 纪律提醒 rows are skipped."""
        from app.ui.reminders.dispose_dialog import DisposeDialog

        chosen = self.selected_items()
        if not self.can_edit or not any(i.derived for i in chosen):
            return
        if DisposeDialog(self._services(), chosen, self, status=status).exec():
            self.changed.emit()


class DueListOwner:
    """For a page showing a DueList as ``self.due``: the list's items and choice, as on the page itself."""

    due: DueList

    @property
    def items(self) -> list[DueItem]:
        return self.due.items

    @property
    def can_edit(self) -> bool:
        return self.due.can_edit

    def selected(self) -> DueItem | None:
        return self.due.selected()

    def selected_items(self) -> list[DueItem]:
        return self.due.selected_items()

    def go(self) -> None:
        self.due.go()
