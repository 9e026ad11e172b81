"""用户管理 (administrators only): accounts, roles, and a fresh recovery-code sheet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.context import Services
from app.services.common.errors import UserError, ValidationFailed
from app.services.safety.actor import Role
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, close_button, form_state
from app.ui.common.list_selection import select_key
from app.ui.common.screen_fit import fit_to_screen

ROLE_NOTES = {
    Role.ADMIN: "管理员：全部功能，包括删除、用户管理、恢复备份",
    Role.CLERK: "录入员：新增和修改记录、打印；不能删除，不能管理用户",
    Role.VIEWER: "查阅：只能查看和打印",
}


class UsersDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.accounts = services.accounts
        self.setWindowTitle("用户管理")
        self.list = QListWidget()
        self.toggle_button = QPushButton("停用 / 启用所选用户")
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.recovery_button = QPushButton("重新生成并打印我的恢复码…")
        self.recovery_button.clicked.connect(self.renew_recovery)
        row = QHBoxLayout()
        row.addWidget(self.toggle_button)
        row.addWidget(self.recovery_button)
        row.addStretch(1)

        box = self.new_user_box = QGroupBox("新增用户")
        form = QFormLayout(box)
        self.errors = FieldErrors(form)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(ROLE_NOTES[role], role)
        self.role.setCurrentIndex(1)
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row("name", "用户名", self.name, True)
        self.errors.add_row("role", "角色", self.role, True)
        self.errors.add_row("password", "密码（至少6位）", self.password, True)
        self.errors.add_row("repeat", "再输一次", self.repeat, True)
        add = QPushButton("新增用户")
        add.clicked.connect(self.add_user)
        add.setDefault(True)  # Enter in the new user's fields adds the user
        form.addRow("", add)

        buttons = close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(box)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 560)
        self.refresh()
        self.mark_unchanged()

    def _state(self) -> tuple:
        return form_state(self.new_user_box)  # the list above is stored as it changes

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None and item.isSelected() else None

    def refresh(self, *, select: int | None = None) -> None:
        select = select or self.current_id()
        self.list.clear()
        users = self.accounts.list_users()
        for user in users:
            state = "" if user.active else "（已停用）"
            item = QListWidgetItem(f"{user.name}　{user.role.value}{state}")
            item.setData(256, user.id)
            self.list.addItem(item)
        select_key(self.list, [u.id for u in users], select)

    def add_user(self) -> None:
        name = self.name.text().strip()
        try:
            self.accounts.add_user(self.name.text(), Role(self.role.currentData()), self.password.text(),
                                   self.repeat.text())
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
            return
        except UserError as exc:
            dialogs.show_error(self, "无法新增", exc.message)
            return
        self.errors.clear()
        for edit in (self.name, self.password, self.repeat):
            edit.clear()
        self.refresh(select=next((u.id for u in self.accounts.list_users() if u.name == name), None))
        self.mark_unchanged()

    def toggle_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            dialogs.show_info(self, "请先选择", "请先在列表中点选一个用户。")
            return
        user = next(u for u in self.accounts.list_users() if u.id == item.data(256))
        try:
            self.accounts.set_active(user.id, not user.active)
        except UserError as exc:
            dialogs.show_error(self, "无法停用", exc.message)
        self.refresh()

    def renew_recovery(self) -> None:
        if not dialogs.ask_yes_no(self, "重新生成恢复码", "生成新的恢复码后，原来打印的恢复码页将作废。继续吗？",
                                  "生成新恢复码"):
            return
        from app.ui.common.print_dialog import print_recovery_sheet

        try:
            code = self.accounts.renew_recovery_code()
        except UserError as exc:
            dialogs.show_error(self, "无法生成", exc.message)
            return
        print_recovery_sheet(self.services, self.services.actor.name, code, self)
