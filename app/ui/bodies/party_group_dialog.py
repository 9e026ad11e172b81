"""One 党小组: its name, its 组长 and which party members belong to it (ticked in a list that
shows each member's present group). Enter saves, 取消 asks before dropping edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.members.member_fields import PARTY_STATUSES
from app.ui.common import dialogs
from app.ui.common.form_helpers import (
    FieldErrors,
    UnsavedChangesGuard,
    form_state,
    save_cancel_buttons,
    save_confirmed,
)
from app.ui.common.screen_fit import fit_to_screen

NO_ONE = "（未指定）"


class PartyGroupDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, group_id: int | None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.group_id = services, group_id
        self.setWindowTitle("编辑党小组" if group_id else "新增党小组")
        current = next((g for g in services.party_groups.list_rows() if g.id == group_id), None)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit(current.name if current else "")
        self.name.setPlaceholderText("如 第一党小组 或 老党员党小组")
        self.leader = QComboBox()
        self.leader.addItem(NO_ONE, None)
        self.members = QListWidget()
        self.members.setMinimumHeight(220)
        party = [r for r in services.members.list_rows() if r.values.get("political_status") in PARTY_STATUSES]
        for row in sorted(party, key=lambda r: r.sort_name):
            group = str(row.values.get("party_group") or "")
            shown = row.name if not group or (current and group == current.name) else f"{row.name}（现属{group}）"
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if current and group == current.name
                               else Qt.CheckState.Unchecked)
            self.members.addItem(item)
            self.leader.addItem(row.name, row.id)
        if current is not None:
            self.leader.setCurrentIndex(max(0, self.leader.findData(current.leader_id)))
        self.errors.add_row("name", "名称", self.name, True)
        self.errors.add_row("leader_id", "组长", self.leader)
        self.errors.add_row("members", "党员（勾选本组成员）", self.members)
        if not party:
            form.addRow(QLabel("还没有党员：请先在 两委成员 中把政治面貌填为中共党员或中共预备党员。"))
        buttons, _save = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 0)
        self.mark_unchanged()

    def checked_ids(self) -> list[int]:
        return [self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
                if self.members.item(i).checkState() == Qt.CheckState.Checked]

    def _state(self) -> object:
        return form_state(self), self.checked_ids()

    def save(self) -> None:
        saved = save_confirmed(self, lambda _ok: self.services.party_groups.save(
            self.name.text(), self.leader.currentData(), self.checked_ids(), self.group_id), self.show_problems)
        if saved is not None:
            self.saved(saved)

    def show_problems(self, problems: dict[str, str]) -> None:
        if unplaced := self.errors.show(problems):
            dialogs.show_error(self, "不能保存", "\n".join(unplaced))
