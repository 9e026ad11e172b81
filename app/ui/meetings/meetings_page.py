"""会议 list: by year and month, filtered by type and person, searched in 主题 and minutes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MeetingRow
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, fit_combo_width, page_keys, tool_buttons
from app.ui.common.list_selection import select_key

ALL = "（全部）"
ROW_LIMIT = 500  # newest first; the filters narrow the rest down
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    ("日期", lambda r: format_date(r.date)),
    ("类型", lambda r: " + ".join(r.kinds)),
    ("主题", lambda r: r.topic),
    ("地点", lambda r: r.place),
    ("主持人", lambda r: r.host),
    ("应到", lambda r: str(r.expected)),
    ("实到", lambda r: str(r.present)),
    ("提醒", lambda r: "；".join(r.warnings) or "—"),
)
Index = QModelIndex | QPersistentModelIndex


class MeetingsModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[MeetingRow] = []

    def set_rows(self, rows: list[MeetingRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](row)
        if role == SORT_ROLE:
            value = COLUMNS[index.column()][1](row)
            return int(value) if value.isdigit() else value  # 应到 / 实到 sort as numbers
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return None


class MeetingsPage(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.total: int | None = None
        toolbar = QHBoxLayout()
        self.buttons = tool_buttons(toolbar, (
            ("新增", self.add_meeting), ("编辑", self.edit_selected), ("删除", self.delete_selected),
            ("打印记录", self.print_record), ("签到表", self.print_sign_in), ("年度列表", self.print_year),
        ))
        toolbar.addStretch(1)
        filters = QHBoxLayout()
        year = services.clock.today().year
        self.year = QComboBox()
        self.year.addItems([ALL, *[str(y) for y in range(year, year - 11, -1)]])
        self.year.setCurrentText(str(year))
        self.month = QComboBox()
        self.month.addItems([ALL, *[f"{m}月" for m in range(1, 13)]])
        self.kind = QComboBox()
        self.kind.addItems([ALL, *[k.value for k in Kind]])
        self.person = QComboBox()
        self.person.addItem(ALL, None)
        for row in sorted(services.members.list_rows(), key=lambda r: r.sort_name):
            self.person.addItem(row.name, row.id)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("搜索主题、会议内容（在所选年份中）")
        for label, widget in (("年份：", self.year), ("月份：", self.month), ("类型：", self.kind), ("参会人：", self.person)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
            fit_combo_width(widget)  # follows 大字模式 switched on while running
            widget.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.search, 1)
        self.search.textChanged.connect(self.refresh)
        self.model = MeetingsModel(self)
        self.table = QTableView()
        self.sorter = QSortFilterProxyModel(self)
        self.sorter.setSourceModel(self.model)
        self.sorter.setSortRole(SORT_ROLE)
        self.table.setModel(self.sorter)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        configure_list_table(self.table)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.empty = QLabel("所选范围内还没有会议记录。点击 新增 录入一次会议。")
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        page_keys(self, self.add_meeting, self.search, self.table, self.edit_selected)

    # ----- state ----------------------------------------------------------------------------
    def filters(self) -> dict:
        return {
            "year": None if self.year.currentText() == ALL else int(self.year.currentText()),
            "month": None if self.month.currentIndex() == 0 else self.month.currentIndex(),
            "kind": None if self.kind.currentText() == ALL else self.kind.currentText(),
            "person_id": self.person.currentData(),
            "text": self.search.text().strip(),
        }

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.rows[self.sorter.mapToSource(index).row()].id if index.isValid() else None

    def refresh(self, *, select: int | None = None) -> None:
        """Reload; the cursor stays on (or moves to ``select``) the same meeting, wherever it now sorts."""
        select = select or self.current_id()
        filters = self.filters()
        self.model.set_rows(self.services.meetings.list_rows(**filters, limit=ROW_LIMIT))
        select_key(self.table, [self.model.rows[self.sorter.mapToSource(self.sorter.index(r, 0)).row()].id
                                for r in range(self.sorter.rowCount())], select)
        self.total = self.services.meetings.count(**filters) if self.model.rowCount() == ROW_LIMIT else None
        self.empty.setVisible(self.model.rowCount() == 0)
        self.status_changed.emit(self.status_text())

    def status_text(self) -> str:
        if self.total is not None:
            return f"会议记录：共 {self.total} 次，显示最近 {ROW_LIMIT} 次（请用年份、月份或搜索缩小范围）"
        return f"会议记录：显示 {self.model.rowCount()} 次"

    def row_count(self) -> int:
        return self.services.meetings.count()

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        self.buttons["新增"].setEnabled(actor.can(Permission.EDIT))
        self.buttons["删除"].setEnabled(actor.can(Permission.DELETE))

    def selected(self) -> MeetingRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            dialogs.show_info(self, "请先选择", "请先在表格中点选一次会议。")
            return None
        return self.model.rows[self.sorter.mapToSource(index).row()]

    # ----- actions --------------------------------------------------------------------------
    def add_meeting(self, kind: str | None = None, day=None) -> None:  # noqa: ANN001
        from app.ui.meetings.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(self.services, None, self, preset_kind=kind, preset_date=day)
        if dialog.exec():
            self.refresh(select=dialog.saved_id)

    def edit_selected(self) -> None:
        from app.ui.meetings.meeting_dialog import MeetingDialog

        row = self.selected()
        if row is not None and MeetingDialog(self.services, row.id, self).exec():
            self.refresh()

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = f"删除 {format_date(row.date)} 的“{row.topic}”会议记录？此操作无法撤销。"
        if not dialogs.ask_yes_no(self, "删除会议记录", question, "删除"):
            return
        try:
            self.services.meetings.delete(row.id)
        except UserError as exc:
            dialogs.show_error(self, "无法删除", exc.message)
        self.refresh()

    def print_record(self) -> None:
        from app.ui.meetings.meeting_prints import print_meeting_record

        row = self.selected()
        if row is not None:
            print_meeting_record(self.services, row.id, self)

    def print_sign_in(self) -> None:
        from app.ui.meetings.meeting_prints import print_sign_in_sheet

        row = self.selected()
        if row is not None:
            print_sign_in_sheet(self.services, row.id, self)

    def print_year(self) -> None:
        from app.ui.meetings.meeting_prints import print_meetings_year

        year = self.filters()["year"] or self.services.clock.today().year
        print_meetings_year(self.services, year, self)
