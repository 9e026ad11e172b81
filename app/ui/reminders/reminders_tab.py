"""纪律提醒 tab: every due date of the chosen year, its state and its 办理 record; add, 办理, print.

Two pages: 本村提醒 (the clerk's own reminders) and 来自其他台账 (derived_panel.DerivedPanel)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.members.pinyin_search import matches, pinyin_keys
from app.services.reminders.reminder_types import DONE, KINDS, OVERDUE, TODO, Occurrence
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, fit_combo_width, page_keys, tool_buttons
from app.ui.common.list_selection import select_key
from app.ui.reminders.derived_panel import DerivedPanel
from app.ui.reminders.reminder_history import status_item

ALL = "（全部）"
STATUSES = (ALL, TODO, DONE, OVERDUE)
HEADERS = ("类型", "事由", "对象", "应办日期", "状态", "办理日期", "方式", "办理人")
EMPTY_TEXT = "还没有纪律提醒。点击 新增 添加，例如春节前的廉政提醒。"
EDIT_BUTTONS = ("新增", "编辑", "办理")


def _cells(row: Occurrence) -> tuple[str, ...]:
    done = row.done
    return (row.kind, row.subject, row.targets, format_date(row.due), row.status,
            format_date(done.done_on) if done else "", done.method if done else "", done.done_by if done else "")


class RemindersTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.derived = DerivedPanel(services, self)
        self.services = services
        self.all_rows: list[Occurrence] = []
        self.rows: list[Occurrence] = []
        self._keys: dict[str, str] = {}
        toolbar = QHBoxLayout()
        self.buttons = tool_buttons(toolbar, (
            ("新增", self.add, "新增纪律提醒（Ctrl+N）"),
            ("编辑", self.edit, "修改所选提醒的类型、对象、日期和内容"),
            ("删除", self.delete, "删除所选提醒（已有办理记录的不能删除）"),
            ("办理", self.handle, "记录所选这一次提醒的办理情况（Enter 或双击）"),
            ("历史", self.show_history, "所选提醒历次的应办日期和办理记录"),
            ("打印提醒函", self.print_letter, "打印所选这一次的廉政提醒函"),
            ("打印台账", self.print_ledger, "打印所选年度的提醒台账"),
        ))
        toolbar.addStretch(1)
        filters = QHBoxLayout()
        year = services.clock.today().year
        self.year = QComboBox()
        self.year.addItems([str(y) for y in range(year + 1, year - 10, -1)])
        self.year.setCurrentText(str(year))
        self.kind = QComboBox()
        self.kind.addItems([ALL, *KINDS])
        self.status = QComboBox()
        self.status.addItems(STATUSES)
        for label, widget in (("年度：", self.year), ("类型：", self.kind), ("状态：", self.status)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
            fit_combo_width(widget)
        self.year.currentIndexChanged.connect(self.refresh_own)
        self.kind.currentIndexChanged.connect(self.show_rows)
        self.status.currentIndexChanged.connect(self.show_rows)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("搜索事由、对象姓名（可用拼音 zs）、类型")
        self.search.setToolTip("按事由、对象姓名或拼音首字母、类型查找（Ctrl+F）")
        self.search.textChanged.connect(self.show_rows)
        filters.addWidget(self.search, 1)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        configure_list_table(self.table)
        self.table.doubleClicked.connect(lambda _i: self.handle())
        self._scroll_pending = False
        bar = self.table.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_r: self._scroll_to_undone())
        bar.actionTriggered.connect(self._stop_scrolling)
        self.table.itemSelectionChanged.connect(self._stop_scrolling)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.own = QWidget()  # page 本村提醒; its shortcuts work only while it is shown
        layout = QVBoxLayout(self.own)
        layout.addLayout(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        page_keys(self.own, self.add, self.search)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.handle)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self.handle)
        # One year for both pages: the bottom of 来自其他台账 lists the marks of that year.
        self.year.currentTextChanged.connect(self.derived.year.setCurrentText)
        self.derived.year.currentTextChanged.connect(self.year.setCurrentText)
        self.derived.status_changed.connect(self._page_status)
        self.pages = QTabWidget()
        self.pages.addTab(self.own, "本村提醒")
        self.pages.addTab(self.derived, "来自其他台账")
        self.pages.currentChanged.connect(self._page_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    @property
    def services(self):  # noqa: ANN201
        return self._services

    @services.setter
    def services(self, services) -> None:  # noqa: ANN001 - the main window swaps them after a restore
        self._services = self.derived.services = services

    # ----- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Both pages when the derived one is shown; else it is computed when it is opened."""
        self.refresh_own()
        if self.pages.currentWidget() is self.derived:
            self.derived.refresh()

    def _page_changed(self) -> None:
        if self.pages.currentWidget() is self.derived:
            self.derived.refresh()
        self.status_changed.emit(self.status_text())

    def refresh_own(self) -> None:
        year = int(self.year.currentText())
        self.all_rows = self.services.reminders.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31))
        self.show_rows()

    def _haystack(self, row: Occurrence) -> str:
        key = f"{row.kind} {row.subject} {row.targets}"
        if key not in self._keys:
            self._keys[key] = f"{key} {pinyin_keys(row.targets)}".lower()
        return self._keys[key]

    def current_key(self) -> tuple[int, dt.date] | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[row].reminder_id, self.rows[row].due
        return None

    def show_rows(self) -> None:
        keep = self.current_key()
        kind, status = self.kind.currentText(), self.status.currentText()
        query = self.search.text().strip().lower()
        self.rows = [r for r in self.all_rows
                     if kind in (ALL, r.kind) and status in (ALL, r.status)
                     and (not query or matches(query, self._haystack(r)))]
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            for col, text in enumerate(_cells(row)):
                self.table.setItem(i, col, status_item(text) if col == 4 else QTableWidgetItem(text))
        self._scroll_pending = keep is None
        if not select_key(self.table, [(r.reminder_id, r.due) for r in self.rows], keep):
            self._scroll_to_undone()
        if not self.rows:
            self.empty.setText(self._empty_text())
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)
        self._page_status()

    def _page_status(self, *_args) -> None:
        self.status_changed.emit(self.status_text())

    def _scroll_to_undone(self) -> None:
        """What still needs doing in view, not the months already done; done again when the table
        gets its size (the scroll range changes), until the user scrolls or picks a row."""
        if not self._scroll_pending:
            return
        undone = next((i for i, r in enumerate(self.rows) if r.done is None), None)
        if undone is not None and undone < self.table.rowCount():
            self.table.scrollToItem(self.table.item(undone, 0), QTableWidget.ScrollHint.PositionAtTop)

    def _stop_scrolling(self, *_args) -> None:
        self._scroll_pending = False

    def _empty_text(self) -> str:
        if not self.all_rows and not self.services.reminders.count():
            return EMPTY_TEXT
        if not self.all_rows:
            return f"{self.year.currentText()}年没有应办的提醒。可换一个年度查看，或点击 新增 添加。"
        return "没有符合条件的提醒。请清空搜索框，或把类型、状态选回 （全部）。"

    def status_text(self) -> str:
        if self.pages.currentWidget() is self.derived:
            return self.derived.status_text()
        return f"纪律提醒：显示 {len(self.rows)} 条，共 {len(self.all_rows)} 条"

    def row_count(self) -> int:
        return self.services.reminders.count()

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        for name in EDIT_BUTTONS:
            self.buttons[name].setEnabled(actor.can(Permission.EDIT))
        self.buttons["删除"].setEnabled(actor.can(Permission.DELETE))
        self.derived.apply_permissions(actor)

    def selected(self) -> Occurrence | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            dialogs.show_info(self, "请先选择", "请先在表格中点选一条提醒。")
            return None
        return self.rows[row]

    def select(self, reminder_id: int, due: dt.date | None = None) -> None:
        """Put the cursor on one occurrence (after saving, or when the start page opens it); without
        ``due``, on the reminder's first occurrence that is not done, else its first."""
        keys = [(r.reminder_id, r.due) for r in self.rows]
        if due is None:
            own = [r for r in self.rows if r.reminder_id == reminder_id]
            first = next((r for r in own if r.done is None), own[0] if own else None)
            due = first.due if first else None
        select_key(self.table, keys, (reminder_id, due))

    # ----- actions --------------------------------------------------------------------------
    def add(self) -> None:
        from app.ui.reminders.reminder_dialog import ReminderDialog

        if not self.buttons["新增"].isEnabled():
            return
        dialog = ReminderDialog(self.services, None, self)
        if dialog.exec():
            self.refresh()
            self.select(dialog.saved_id)

    def edit(self) -> None:
        from app.ui.reminders.reminder_dialog import ReminderDialog

        row = self.selected()
        if row is not None:
            ReminderDialog(self.services, row.reminder_id, self).exec()
            self.refresh()  # 办理 from its history counts even when the form is cancelled
            if self.current_key() is None:  # its dates changed: that occurrence is gone
                self.select(row.reminder_id)

    def handle(self) -> None:
        from app.ui.reminders.done_dialog import DoneDialog

        row = self.selected()
        if row is not None and DoneDialog(self.services, row.reminder_id, row.due, self).exec():
            self.refresh()
            self.select(row.reminder_id, row.due)

    def show_history(self) -> None:
        from app.ui.reminders.reminder_history import HistoryDialog

        row = self.selected()
        if row is not None:
            HistoryDialog(self.services, row.reminder_id, self).exec()
            self.refresh()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = f"删除{row.kind}“{row.subject}”（对象：{row.targets}）？此操作无法撤销。"
        if not dialogs.ask_yes_no(self, "删除纪律提醒", question, "删除"):
            return
        try:
            self.services.reminders.delete(row.reminder_id)
        except UserError as exc:
            dialogs.show_error(self, "无法删除", exc.message)
        self.refresh()

    def print_current(self) -> None:
        """The selected occurrence's letter, else the year's ledger (which lists the marks too)."""
        if self.pages.currentWidget() is self.own and 0 <= self.table.currentRow() < len(self.rows):
            self.print_letter()
        else:
            self.print_ledger()

    def print_letter(self) -> None:
        from app.services.reminders.reminder_printing import print_reminder_letter
        from app.ui.common.print_dialog import generate_and_preview, village

        row = self.selected()
        if row is not None:
            name = f"{village(self.services)}廉政提醒函-{row.targets}-{format_date(row.due)}"
            write = lambda path: print_reminder_letter(self.services, row.reminder_id, row.due, path)  # noqa: E731
            generate_and_preview(self.services, name, write, self)

    def print_ledger(self) -> None:
        from app.services.reminders.reminder_printing import print_reminder_ledger
        from app.ui.common.print_dialog import generate_and_preview, village

        year = int(self.year.currentText())
        generate_and_preview(self.services, f"{village(self.services)}{year}年纪律提醒台账",
                             lambda path: print_reminder_ledger(self.services, year, path), self)
