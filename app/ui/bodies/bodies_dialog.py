"""村民小组, 村民代表 and 党小组, reached from the 两委成员 tab: lists with their forms, and above them
the make-up of the 村民代表会议 with the 组织法 art. 26 warnings in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.bodies.assembly_rules import composition_problems
from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.ui.bodies.body_editors import GroupDialog, RepresentativeDialog
from app.ui.bodies.party_group_dialog import PartyGroupDialog
from app.ui.common import dialogs
from app.ui.common.form_helpers import close_button, configure_list_table
from app.ui.common.list_selection import select_key
from app.ui.common.rows_model import RowsModel
from app.ui.common.screen_fit import fit_to_screen

GROUP_HEADERS = ("村民小组", "组长", "户数", "18岁以上人数", "村民代表")
REP_HEADERS = ("姓名", "性别", "村民小组", "联系户数", "联系电话", "推选日期", "状态")
PARTY_GROUP_HEADERS = ("党小组", "组长", "党员人数", "党员")


class ListPage(QWidget):
    """Toolbar (新增 / 编辑 / 删除), an empty-state hint and the table; Enter or a double click edits."""

    def __init__(self, headers: tuple[str, ...], empty: str, add, edit, delete=None):  # noqa: ANN001
        super().__init__()
        self.model = RowsModel(headers, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_list_table(self.table)
        self.table.doubleClicked.connect(lambda _i: edit())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, activated=edit)
        bar = QHBoxLayout()
        self.buttons = {}
        for text, action in (("新增", add), ("编辑", edit), ("删除", delete)):
            if action is None:
                continue
            button = self.buttons[text] = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(action)
            bar.addWidget(button)
        bar.addStretch(1)
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def show_rows(self, ids: list[int], rows: list[tuple[str, ...]], select: int | None) -> None:
        self.model.set_rows(ids, rows)
        self.empty.setVisible(not rows)
        select_key(self.table, ids, select)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.ids[index.row()] if index.isValid() else None


class BodiesDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("村民小组、村民代表和党小组")
        self.assembly = QLabel()
        self.assembly.setObjectName("assemblySummary")
        self.assembly.setWordWrap(True)
        self.groups = ListPage(GROUP_HEADERS, "还没有村民小组。点击 新增 添加第一个村民小组（名称、组长、户数、18岁以上人数）。",
                               self.add_group, self.edit_group, self.delete_group)
        self.reps = ListPage(REP_HEADERS, "还没有村民代表。点击 新增 登记，或在 两委成员 标签页用 导入 "
                                          "（命令行 import members 文件.xlsx --body 村民代表）。",
                             self.add_rep, self.edit_rep)
        self.party_groups = ListPage(PARTY_GROUP_HEADERS, "还没有党小组。点击 新增 建立党小组，勾选本组党员并指定组长。",
                                     self.add_party_group, self.edit_party_group, self.delete_party_group)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reps, "村民代表")
        self.tabs.addTab(self.groups, "村民小组")
        self.tabs.addTab(self.party_groups, "党小组")
        self.tabs.addTab(self._health_page(), "各组织健全情况")
        layout = QVBoxLayout(self)
        layout.addWidget(self.assembly)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close_button(self))
        self.refresh()
        fit_to_screen(self, 900, 600)

    def _health_page(self) -> QWidget:
        """Each body: 健全 or what is missing, and its last activity; which optional bodies exist."""
        from app.services.bodies.body_catalogue import BODIES

        page = QWidget()
        layout = QVBoxLayout(page)
        self.health = QLabel()
        self.health.setObjectName("bodyHealth")
        self.health.setWordWrap(True)
        layout.addWidget(self.health)
        layout.addWidget(QLabel("本村设有（没有的组织不列入健全情况）："))
        kept = {b.body for b in self.services.body_settings.kept()}
        self.kept_boxes = {}
        for info in BODIES:
            if info.optional:
                box = self.kept_boxes[info.body] = QCheckBox(info.name)
                box.setChecked(info.body in kept)
                box.toggled.connect(lambda on, body=info.body: self.set_kept(body, on))
                layout.addWidget(box)
        layout.addStretch(1)
        return page

    def set_kept(self, body, kept: bool) -> None:  # noqa: ANN001 - a posts.Body
        try:
            self.services.body_settings.set_kept(body, kept)
        except UserError as exc:
            dialogs.show_error(self, "不能修改", exc.message)
        self.refresh()

    def refresh(self, group: int | None = None, rep: int | None = None, party_group: int | None = None) -> None:
        party = self.services.party_groups.list_rows()
        self.party_groups.show_rows([g.id for g in party],
                                    [(g.name, g.leader, str(len(g.members)), "、".join(g.members)) for g in party],
                                    party_group)
        groups = self.services.villager_groups.list_rows()
        self.groups.show_rows([g.id for g in groups],
                              [(g.name, g.leader, str(g.households), str(g.adults), str(g.representatives))
                               for g in groups], group)
        reps = self.services.representatives.list_rows()
        self.reps.show_rows([r.person_id for r in reps], [
            (r.name, r.gender, r.group, "" if r.contact_households is None else str(r.contact_households),
             r.phone, format_date(r.start_date) if r.start_date else "", "在任" if r.in_office else "已离任")
            for r in reps], rep)
        today = self.services.clock.today()
        c = self.services.representatives.composition_on(today)
        text = (f"{format_date(today)} 村民代表会议组成人员 {c.members} 人：村民委员会成员 {c.committee} 人，"
                f"村民代表 {c.representatives} 人（妇女 {c.women_representatives} 人）。")
        from app.services.bodies.body_health import BodyHealthService

        self.health.setText("\n".join(h.line() for h in BodyHealthService(self.services.db, self.services.clock).on()))
        problems = composition_problems(c)
        self.assembly.setText(text + ("\n⚠ " + "\n⚠ ".join(problems) if problems else
                                      ("\n符合村民委员会组织法第二十六条：村民代表占五分之四以上，妇女村民代表占三分之一以上。"
                                       if c.members else "")))

    def _open(self, dialog: QDialog) -> int | None:
        return dialog.saved_id if dialog.exec() else None

    def add_group(self) -> None:
        if (saved := self._open(GroupDialog(self.services, None, self))) is not None:
            self.refresh(group=saved)

    def edit_group(self) -> None:
        group_id = self.groups.selected_id()
        if group_id is None:
            dialogs.show_info(self, "请先选择", "请先在列表中选择要编辑的村民小组")
        elif (saved := self._open(GroupDialog(self.services, group_id, self))) is not None:
            self.refresh(group=saved)

    def delete_group(self) -> None:
        group_id = self.groups.selected_id()
        if group_id is None:
            dialogs.show_info(self, "请先选择", "请先在列表中选择要删除的村民小组")
            return
        name = self.groups.model.rows[self.groups.model.ids.index(group_id)][0]
        if not dialogs.ask_yes_no(self, "删除村民小组", f"删除 {name}？此操作无法撤销。", "删除"):
            return
        try:
            self.services.villager_groups.delete(group_id)
        except UserError as exc:
            dialogs.show_error(self, "不能删除", exc.message)
            return
        self.refresh()

    def add_rep(self) -> None:
        if (saved := self._open(RepresentativeDialog(self.services, None, self))) is not None:
            self.refresh(rep=saved)

    def edit_rep(self) -> None:
        person_id = self.reps.selected_id()
        if person_id is None:
            dialogs.show_info(self, "请先选择", "请先在列表中选择要编辑的村民代表")
        elif (saved := self._open(RepresentativeDialog(self.services, person_id, self))) is not None:
            self.refresh(rep=saved)

    def add_party_group(self) -> None:
        if (saved := self._open(PartyGroupDialog(self.services, None, self))) is not None:
            self.refresh(party_group=saved)

    def edit_party_group(self) -> None:
        group_id = self.party_groups.selected_id()
        if group_id is None:
            dialogs.show_info(self, "请先选择", "请先在列表中选择要编辑的党小组")
        elif (saved := self._open(PartyGroupDialog(self.services, group_id, self))) is not None:
            self.refresh(party_group=saved)

    def delete_party_group(self) -> None:
        group_id = self.party_groups.selected_id()
        if group_id is None:
            dialogs.show_info(self, "请先选择", "请先在列表中选择要删除的党小组")
            return
        name = self.party_groups.model.rows[self.party_groups.model.ids.index(group_id)][0]
        if not dialogs.ask_yes_no(self, "删除党小组", f"删除 {name}？本组党员的“党小组”一栏将清空。", "删除"):
            return
        try:
            self.services.party_groups.delete(group_id)
        except UserError as exc:
            dialogs.show_error(self, "不能删除", exc.message)
            return
        self.refresh()
