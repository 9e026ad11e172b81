"""A reminder's occurrences with their 办理 records: in the reminder dialog and on its own (历史)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.services.common.dates import format_date
from app.services.reminders.reminder_types import OVERDUE, Occurrence
from app.ui.common.form_helpers import close_button, configure_list_table
from app.ui.common.screen_fit import fit_to_screen

OVERDUE_COLOR = QColor("#b00020")
HEADERS = ("应办日期", "状态", "办理日期", "方式", "办理人", "备注")


def status_item(status: str) -> QTableWidgetItem:
    """The status cell: 已逾期 says so in words and in red."""
    item = QTableWidgetItem(status)
    if status == OVERDUE:
        item.setForeground(QBrush(OVERDUE_COLOR))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class HistoryTable(QWidget):
    """The occurrences of one reminder, oldest first; double-click or Enter asks to open that occurrence."""

    open_occurrence = Signal(object)  # dt.date: the due date of the occurrence chosen

    def __init__(self, services, reminder_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.reminder_id = reminder_id
        self.rows: list[Occurrence] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        configure_list_table(self.table)
        self.table.doubleClicked.connect(self._open)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # like double-click, while the table has focus
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._open_current)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.services.reminders.history(self.reminder_id)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            done = row.done
            cells = (format_date(row.due), None, format_date(done.done_on) if done else "",
                     done.method if done else "", done.done_by if done else "", done.note if done else "")
            for col, text in enumerate(cells):
                self.table.setItem(i, col, status_item(row.status) if col == 1 else QTableWidgetItem(text))
        # The latest dates, and the next one, in view (once the table has its size).
        QTimer.singleShot(0, self.table, self.table.scrollToBottom)
        done_count = sum(1 for r in self.rows if r.done)
        self.hint.setText(f"共 {len(self.rows)} 次，已办理 {done_count} 次。双击一行（或选中后按 Enter）可办理或查看该次的记录。"
                          if self.rows else "这条提醒还没有到期的日期。")

    def _open_current(self) -> None:
        if self.table.selectionModel().hasSelection():
            self._open(self.table.currentIndex())

    def _open(self, index) -> None:  # noqa: ANN001
        if 0 <= index.row() < len(self.rows):
            self.open_occurrence.emit(self.rows[index.row()].due)


class HistoryDialog(QDialog):
    """历史: read by everyone, 办理 from here when the role allows."""

    def __init__(self, services, reminder_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        data = services.reminders.get(reminder_id)
        self.setWindowTitle(f"办理历史 — {data.subject}")
        self.history = HistoryTable(services, reminder_id, self)
        self.history.open_occurrence.connect(self.open_done)
        title = QLabel(f"{data.kind}：{data.subject}")
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.history, 1)
        layout.addWidget(close_button(self))
        fit_to_screen(self, 860, 480)

    def open_done(self, due: dt.date) -> None:
        from app.ui.reminders.done_dialog import DoneDialog

        if DoneDialog(self.services, self.history.reminder_id, due, self).exec():
            self.history.refresh()
