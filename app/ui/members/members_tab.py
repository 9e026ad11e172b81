"""两委成员 tab: toolbar, search, view filter, the table and the team summary line."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.common.context import Services
from app.services.common.errors import UserError
from app.services.members.team import describe, team_on
from app.ui.common import dialogs
from app.ui.common.form_helpers import page_keys, tool_buttons
from app.ui.common.list_selection import select_key
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.members_model import COLUMNS, ID_ROLE, MembersFilter, MembersTableModel, View

HEADERS = [column[0] for column in COLUMNS]
SHARED_COLUMNS = ("现任职务", "分工")
EMPTY_TEXT = "还没有成员。点击 新增 逐个录入，或点击 导入 从 Excel 花名册导入。"


class MembersTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, services: Services, actions, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.actions = actions  # the window's import / export / print handlers
        self.model = MembersTableModel(self)
        self.proxy = MembersFilter(self)
        self.proxy.setSourceModel(self.model)

        toolbar = QHBoxLayout()
        self.buttons = tool_buttons(toolbar, (
            ("新增", self.add_person, "新增人员（Ctrl+N）"),
            ("编辑", self.edit_selected, "编辑所选人员（Enter 或双击）"),
            ("删除", self.delete_selected, "删除所选人员"),
            ("导入", lambda: self.actions.import_members(), "从 Excel 花名册导入"),
            ("导出", lambda: self.actions.export_members(), "导出为 Excel"),
            ("打印", lambda: self.actions.print_roster(), "打印花名册（Ctrl+P）"),
            ("村民代表", self.open_bodies, "村民小组、村民代表和党小组：登记、修改，查看村民代表会议的组成"),
        ))
        toolbar.addStretch(1)
        toolbar.addWidget(QLabel("查看："))
        self.view_combo = QComboBox()
        for view in View:
            self.view_combo.addItem(view.value, view)
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        toolbar.addWidget(self.view_combo)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索姓名、拼音 zs、职务、电话")
        self.search.setToolTip("按姓名、拼音全拼或首字母（如 zs、zhangsan）、职务、电话查找（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self._search_changed)
        toolbar.addWidget(self.search)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("team_summary")

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Short columns keep their whole text; the long ones share what is left and end in “…”
        # (the whole text is in the tooltip), so 联系电话 and 状态 stay in view in 大字模式 too.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for name in SHARED_COLUMNS:
            header.setSectionResizeMode(HEADERS.index(name), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)

        page_keys(self, self.add_person, self.search)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self.edit_selected)

    def apply_permissions(self, actor) -> None:  # noqa: ANN001 - app.services.safety.actor.Actor
        from app.services.safety.actor import Permission

        self.can_edit = actor.can(Permission.EDIT)
        for name in ("新增", "导入"):
            self.buttons[name].setEnabled(self.can_edit)
        self.buttons["编辑"].setText("编辑" if self.can_edit else "查看")
        self.buttons["删除"].setEnabled(actor.can(Permission.DELETE))

    # ----- state ------------------------------------------------------------------------
    def refresh(self, *, select: int | None = None) -> None:
        """Reload; the cursor stays on (or moves to ``select``) the same person, wherever they now sort."""
        select = select or self.selected_id()
        rows = self.services.members.list_rows()
        self.model.set_rows(rows)
        select_key(self.table, [self.proxy.data(self.proxy.index(r, 0), ID_ROLE) for r in range(self.proxy.rowCount())],
                   select)
        self.summary.setText("现任班子：" + describe(team_on(rows, self.services.clock.today())))
        self._update_status()

    def print_current(self) -> None:
        self.actions.print_roster()

    def row_count(self) -> int:
        return self.model.rowCount()

    def status_text(self) -> str:
        view = self.view_combo.currentData()
        return f"{view.value}：显示 {self.proxy.rowCount()} 人，共 {self.model.rowCount()} 人"

    def _update_status(self) -> None:
        self.stack.setCurrentWidget(self.empty if self.model.rowCount() == 0 else self.table)
        self.status_changed.emit(self.status_text())

    def _view_changed(self) -> None:
        self.proxy.set_view(self.view_combo.currentData())
        self._update_status()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_status()

    def selected_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, ID_ROLE)

    # ----- actions ----------------------------------------------------------------------
    def open_bodies(self) -> None:
        from app.ui.bodies.bodies_dialog import BodiesDialog

        BodiesDialog(self.services, self).exec()
        self.refresh(select=self.selected_id())

    def add_person(self) -> None:
        dialog = MemberDialog(self.services.members, None, self, self.services.photos)
        if dialog.exec():
            self.refresh(select=dialog.saved_id)

    def _require_selection(self, action: str) -> int | None:
        person_id = self.selected_id()
        if person_id is None:
            dialogs.show_info(self, "请先选择", f"请先在表格中点选一个人，再点 {action}。")
        return person_id

    def edit_selected(self) -> None:
        person_id = self._require_selection(self.buttons["编辑"].text())
        if person_id is None:
            return
        dialog = MemberDialog(self.services.members, person_id, self, self.services.photos)
        dialog.set_read_only(not getattr(self, "can_edit", True))
        if dialog.exec():
            self.refresh()

    def delete_selected(self) -> None:
        person_id = self._require_selection("删除")
        if person_id is None:
            return
        name = self.proxy.data(self.table.currentIndex().siblingAtColumn(0))
        question = f"删除 {name} 及其全部任职记录？此操作无法撤销。\n（人员离任请在 编辑 中填写离任日期，不要删除。）"
        if not dialogs.ask_yes_no(self, "删除人员", question, "删除"):
            return
        try:
            self.services.members.delete(person_id)
        except UserError as exc:
            dialogs.show_error(self, "无法删除", exc.message)
        self.refresh()
