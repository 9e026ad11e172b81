"""纪律提醒 → 来自其他台账: the reminders derived from the other tabs, and the marks made on them.

Top: every live derived item (a missing meeting, a stuck matter, an unanswered question …) to
open, mark 已处理 or 忽略 with a reason. Bottom: the marks of the chosen year, which can be taken
back (撤销标记) so the item shows again while its gap lasts.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.services.dates import format_date
from app.services.errors import UserError
from app.services.reminder_types import HANDLED, IGNORED, OVERDUE
from app.services.workbench_types import DispositionRow, DueItem
from app.ui import dialogs
from app.ui.form_helpers import configure_list_table, fit_combo_width, tool_buttons
from app.ui.reminder_history import status_item

ITEM_HEADERS = ("状态", "到期日", "方面", "事项")
MARK_HEADERS = ("标记日期", "方面", "事项", "处理", "理由", "标记人")
REASON_COLUMN = 4
ITEMS_EMPTY = "没有来自其他台账的待办提醒。\n会议、三公开、四议两公开、群众意见、任期有缺漏或快到期时，会列在这里。"
MARK_BUTTONS = ("标记已处理…", "忽略…")
GO_TIP = "打开能办结这一项的记录（Enter 或双击）"
VIEW_TIP = "查看这一项的记录（只读；Enter 或双击）"


def _text_item(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setToolTip(text)  # long titles and reasons are cut off in the cell
    return cell


def _section(title: str, table: QTableWidget, empty_text: str) -> tuple[QWidget, QHBoxLayout, QStackedWidget, QLabel]:
    """A heading row (returned to add to), then the table or, when it is empty, a sentence."""
    widget = QWidget()
    heading = QLabel(title)
    font = QFont(heading.font())
    font.setBold(True)
    heading.setFont(font)
    row = QHBoxLayout()
    row.addWidget(heading)
    empty = QLabel(empty_text)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(empty)
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(row)
    layout.addWidget(stack, 1)
    return widget, row, stack, empty


class DerivedPanel(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.items: list[DueItem] = []
        self.marks: list[DispositionRow] = []
        self.can_edit = True

        self.table = QTableWidget(0, len(ITEM_HEADERS))
        self.table.setHorizontalHeaderLabels(ITEM_HEADERS)
        configure_list_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # mark several at once
        self.table.doubleClicked.connect(lambda _i: self.go())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # only while the list has focus, not on a button
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.go)
        top, row, self.stack, self.empty = _section("来自其他台账的提醒", self.table, ITEMS_EMPTY)
        self.summary = QLabel()
        row.addSpacing(self.fontMetrics().horizontalAdvance("国"))
        row.addWidget(self.summary)
        row.addStretch(1)
        self.buttons = tool_buttons(row, (
            ("去办理", self.go, GO_TIP),
            ("标记已处理…", lambda: self.dispose(HANDLED), "已在别处办好：写明理由后不再提醒（可多选，Ctrl/Shift+单击）"),
            ("忽略…", lambda: self.dispose(IGNORED), "这一项不用办：写明理由后不再提醒（可多选，Ctrl/Shift+单击）"),
        ))

        self.mark_table = QTableWidget(0, len(MARK_HEADERS))
        self.mark_table.setHorizontalHeaderLabels(MARK_HEADERS)
        configure_list_table(self.mark_table)
        header = self.mark_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)  # long reasons: tooltip
        bottom, row, self.mark_stack, self.mark_empty = _section("已标记的提醒", self.mark_table, "")
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

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._selection_changed())
        self.mark_table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # ----- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.selected()
        self.items = self.services.derived.items()
        self.table.setRowCount(len(self.items))
        for i, item in enumerate(self.items):
            cells = (status_item(item.status), _text_item(format_date(item.due)), _text_item(item.area),
                     _text_item(item.title))
            for col, cell in enumerate(cells):
                self.table.setItem(i, col, cell)
        self._reselect(self.table, [i.key for i in self.items], chosen.key if chosen else None)
        overdue = sum(1 for i in self.items if i.status == OVERDUE)
        self.summary.setText(f"待办 {len(self.items)} 项，其中已逾期 {overdue} 项")
        self.stack.setCurrentWidget(self.table if self.items else self.empty)
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
        self._reselect(self.mark_table, [m.key for m in self.marks], chosen.key if chosen else None)
        self.mark_summary.setText(f"共 {len(self.marks)} 项")
        which = "本年" if year == self.services.clock.today().year else f"{year}年"
        self.mark_empty.setText(f"{which}还没有标记过的提醒。\n在上面选中一项或多项，点 标记已处理… 或 忽略… 并写明理由，就会记在这里。")
        self.mark_stack.setCurrentWidget(self.mark_table if self.marks else self.mark_empty)
        self._selection_changed()
        self.status_changed.emit(self.status_text())

    @staticmethod
    def _reselect(table: QTableWidget, keys: list[str], key: str | None) -> None:
        """Keep the cursor on the same item after a refresh; nothing chosen when it went away."""
        table.clearSelection()
        if key in keys:
            table.selectRow(keys.index(key))

    def status_text(self) -> str:
        overdue = sum(1 for i in self.items if i.status == OVERDUE)
        return (f"来自其他台账：待办 {len(self.items)} 项，其中已逾期 {overdue} 项；"
                f"{self.year.currentText()}年已标记 {len(self.marks)} 项")

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
        return sorted(i.row() for i in self.table.selectionModel().selectedRows() if 0 <= i.row() < len(self.items))

    def selected_mark(self) -> DispositionRow | None:
        row = self.mark_table.currentRow()
        return self.marks[row] if 0 <= row < len(self.marks) and self.mark_table.selectedItems() else None

    def _selection_changed(self) -> None:
        from app.ui.target_actions import can_open

        item = self.selected()
        go = self.buttons["去办理"]
        go.setEnabled(self.can_edit or (item is not None and can_open(item.target, False)))
        go.setToolTip(GO_TIP if self.can_edit else VIEW_TIP)
        for name in MARK_BUTTONS:
            self.buttons[name].setEnabled(self.can_edit and item is not None)
        self.buttons["撤销标记"].setEnabled(self.can_edit and self.selected_mark() is not None)

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
        if chosen and self.can_edit and DisposeDialog(self.services, chosen, self, status=status).exec():
            self.refresh()

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
