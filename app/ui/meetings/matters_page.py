"""四议两公开 list: each matter's step, with the ones stuck over 30 days flagged in words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.meetings.meeting_types import STEP_NAMES, STUCK_DAYS
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, page_keys, tool_buttons
from app.ui.common.list_selection import select_key

HEADERS = ("事项", "类别", "进行到", "日期", "提醒")
STUCK_BRUSH = QBrush(QColor("#b00020"))  # the words say it too: colour is not the only sign


class MattersPage(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        toolbar = QHBoxLayout()
        self.buttons = tool_buttons(toolbar, (("新增事项", self.add), ("打开", self.open_selected),
                                              ("删除", self.delete_selected)))
        toolbar.addStretch(1)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        configure_list_table(self.table)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.empty = QLabel("还没有四议两公开事项。点击 新增事项，再按步骤记录提议、商议、审议、决议和两次公开。")
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        page_keys(self, self.add, None, self.table, self.open_selected)  # few matters: no search box
        self.rows = []

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection() else None

    def refresh(self, *, select: int | None = None) -> None:
        select = select or self.current_id()
        self.rows = self.services.matters.list_rows()
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            reached = f"第{row.reached}步 {STEP_NAMES[row.reached]}" if row.reached else "尚未开始"
            if row.reached == 6:
                reached += "（已完成）"
            warning = f"已停在这一步 {row.stuck_days} 天（超过 {STUCK_DAYS} 天）" if row.stuck_days else ""
            cells = (row.name, row.category, reached, format_date(row.reached_on), warning)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if warning:
                    item.setForeground(STUCK_BRUSH)
                self.table.setItem(i, col, item)
        select_key(self.table, [r.id for r in self.rows], select)
        self.empty.setVisible(not self.rows)
        self.status_changed.emit(self.status_text())

    def status_text(self) -> str:
        stuck = sum(1 for r in self.rows if r.stuck_days)
        return f"四议两公开：共 {len(self.rows)} 项，停滞超过 {STUCK_DAYS} 天的 {stuck} 项"

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        self.buttons["新增事项"].setEnabled(actor.can(Permission.EDIT))
        self.buttons["删除"].setEnabled(actor.can(Permission.DELETE))

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        if row < 0:
            dialogs.show_info(self, "请先选择", "请先在表格中点选一个事项。")
            return None
        return self.rows[row].id

    def add(self) -> None:
        from app.ui.meetings.matter_dialog import MatterDialog

        dialog = MatterDialog(self.services, None, self)
        dialog.exec()
        self.refresh(select=dialog.matter_id)  # saved (it stays open for the steps) or None

    def open_selected(self) -> None:
        from app.ui.meetings.matter_dialog import MatterDialog

        matter_id = self.selected_id()
        if matter_id is not None:
            MatterDialog(self.services, matter_id, self).exec()
            self.refresh()

    def print_book(self) -> None:
        from app.ui.meetings.meeting_prints import print_matter_book

        matter_id = self.selected_id()
        if matter_id is not None:
            print_matter_book(self.services, matter_id, self)

    def delete_selected(self) -> None:
        matter_id = self.selected_id()
        if matter_id is None:
            return
        name = next(r.name for r in self.rows if r.id == matter_id)
        if not dialogs.ask_yes_no(self, "删除事项", f"删除四议两公开事项“{name}”及其步骤记录？此操作无法撤销。", "删除"):
            return
        try:
            self.services.matters.delete(matter_id)
        except UserError as exc:
            dialogs.show_error(self, "无法删除", exc.message)
        self.refresh()
