"""Login, first administrator, password recovery: the dialogs in front of the program."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.safety.accounts import AccountService
from app.services.safety.actor import Actor
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard
from app.ui.common.screen_fit import fit_to_screen


def _password_edit(key: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(key)
    return edit


def _buttons(ok: str, cancel: str, dialog: QDialog, accept) -> QDialogButtonBox:  # noqa: ANN001
    box = QDialogButtonBox()
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(accept)
    box.rejected.connect(dialog.reject)
    return box


class LoginDialog(QDialog):
    """Asks who is at the keyboard. In lock mode the window behind it stays hidden."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None,
                 locked_user: str | None = None, note: str = ""):
        super().__init__(parent)
        self.accounts = accounts
        self.actor: Actor | None = None
        self.setWindowTitle("已锁定：请登录后继续" if locked_user else "登录")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setObjectName("user")
        self.user.addItems([u.name for u in accounts.list_users() if u.active])
        if locked_user:
            self.user.setCurrentText(locked_user)
        self.password = _password_edit("password")
        self.errors.add_row("user", "用户名", self.user)
        self.errors.add_row("password", "密码", self.password)
        forgot = QPushButton("忘记密码…")
        forgot.setFlat(True)
        forgot.clicked.connect(self.recover)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(note or "请选择您的用户名并输入密码。"))
        layout.addLayout(form)
        layout.addWidget(forgot)
        layout.addWidget(_buttons("登录", "退出程序", self, self.login))
        self.password.setFocus()
        fit_to_screen(self, 480, 0)

    def login(self) -> None:
        try:
            self.actor = self.accounts.login(self.user.currentText(), self.password.text())
        except UserError as exc:
            self.password.clear()
            self.errors.show({exc.field or "password": exc.message})
            return
        self.accept()

    def recover(self) -> None:
        dialog = RecoveryDialog(self.accounts, self.user.currentText(), self)
        if dialog.exec():
            dialogs.show_info(
                self, "密码已重设",
                f"新密码已生效。新的恢复码是：\n\n{dialog.new_code}\n\n"
                "原来的恢复码已作废：请登录后在 用户 → 用户管理 中点“重新生成并打印我的恢复码”。",
            )


class RecoveryDialog(UnsavedChangesGuard, QDialog):
    """取消 / Esc ask before the code and passwords typed are thrown away."""

    def __init__(self, accounts: AccountService, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.new_code = ""
        self.setWindowTitle("用恢复码重设管理员密码")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit(name)
        self.code = QLineEdit()
        self.code.setPlaceholderText("如 7KQ4M-PX2HD-9RWTB-3NFCE，大小写和横线都可以不管")
        self.password, self.repeat = _password_edit("password"), _password_edit("repeat")
        for key, label, widget in (("name", "管理员用户名", self.name), ("code", "恢复码", self.code),
                                   ("password", "新密码", self.password), ("repeat", "再输一次", self.repeat)):
            self.errors.add_row(key, label, widget, True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("恢复码印在首次使用时打印的“管理员恢复码”页上（一般放在村部保险柜）。"))
        layout.addLayout(form)
        layout.addWidget(_buttons("重设密码", "取消", self, self.submit))
        self.mark_unchanged()  # the name filled in from the login is not the user's typing

    def submit(self) -> None:
        try:
            self.new_code = self.accounts.recover(self.name.text(), self.code.text(),
                                                  self.password.text(), self.repeat.text())
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
            return
        self.accept()


class FirstAdminDialog(UnsavedChangesGuard, QDialog):
    """First start: the administrator's name and password; the recovery code follows. 退出程序 / Esc
    ask before what is typed is thrown away."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.code = ""
        self.setWindowTitle("设置管理员")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText("建议用本人姓名，如 王文书")
        self.password, self.repeat = _password_edit("password"), _password_edit("repeat")
        self.errors.add_row("name", "管理员用户名", self.name, True)
        self.errors.add_row("password", "密码（至少6位）", self.password, True)
        self.errors.add_row("repeat", "再输一次", self.repeat, True)
        intro = QLabel("请设置管理员账户。管理员可以管理其他用户、删除记录、恢复备份。\n"
                       "保存后会生成一页“管理员恢复码”，请打印出来放在保险柜里，忘记密码时用它重设。")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(_buttons("保存", "退出程序", self, self.submit))
        fit_to_screen(self, 520, 0)
        self.mark_unchanged()

    def submit(self) -> None:
        try:
            self.code = self.accounts.create_first_admin(self.name.text(), self.password.text(),
                                                         self.repeat.text())
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
            return
        except UserError as exc:
            dialogs.show_error(self, "无法保存", exc.message)
            return
        self.accept()
