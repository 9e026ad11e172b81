"""Who is logged in: the 用户 menu, locking (by hand and when idle), switching user, roles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QWidget

from app.services.safety.actor import Permission
from app.ui.common import dialogs
from app.ui.safety.account_dialogs import LoginDialog
from app.ui.safety.idle_lock import DEFAULT_MINUTES, IdleWatcher

LOCK_NOTE = "程序已锁定。请输入密码继续使用。"
IDLE_NOTE = "电脑有一段时间没有操作，程序已自动锁定。请输入密码继续使用。"
SWITCH_NOTE = "切换用户：请选择用户名并输入该用户的密码。"



class SessionController:
    """Given the window it guards, where its menu goes and whom to tell when the user changes;
    it knows nothing else of the main window."""

    def __init__(self, services, window: QMainWindow, settings: QSettings, menu_before: QAction,  # noqa: ANN001
                 on_actor: Callable[[object], None]):
        self.window = window
        self.services = services
        self.settings = settings
        self.on_actor = on_actor
        self.user_label = QLabel()
        self.user_label.setObjectName("current_user")
        window.statusBar().addPermanentWidget(self.user_label)
        menu = QMenu("用户(&U)", window)
        window.menuBar().insertMenu(menu_before, menu)  # 帮助 stays last
        self.lock_action = self._add(menu, "锁定", lambda: self.lock(), QKeySequence("Ctrl+L"))
        self._add(menu, "切换用户…", self.switch_user)
        menu.addSeparator()
        self.users_action = self._add(menu, "用户管理…", self.manage_users)
        self._add(menu, "操作日志…", self.show_audit_log)
        self._add(menu, "自动锁定时间…", self.set_idle_minutes)
        minutes = settings.value("security/idle_minutes", DEFAULT_MINUTES, type=int)
        self.idle = IdleWatcher(minutes, window)
        self.idle.idle.connect(lambda: self.lock(IDLE_NOTE))
        QApplication.instance().installEventFilter(self.idle)
        self.apply_actor()

    def _add(self, menu, text: str, handler, shortcut: QKeySequence | None = None) -> QAction:  # noqa: ANN001
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def apply_actor(self) -> None:
        """Show who is logged in and enable only what their role allows."""
        actor = self.services.actor
        self.user_label.setText(f"当前用户：{actor.name}（{actor.role.value}）")
        self.users_action.setEnabled(actor.can(Permission.MANAGE_USERS))
        self.on_actor(actor)

    def lock(self, note: str = LOCK_NOTE) -> bool:
        """Hide the data until someone logs in again; returns False when they chose to quit."""
        self.idle.pause()
        covered = _cover_every_window()
        dialog = LoginDialog(self.services.accounts, self.window, locked_user=self.services.actor.name,
                             note=note)
        accepted = bool(dialog.exec())
        if not accepted:
            self.window.close()
            return False
        self.services.act_as(dialog.actor)
        for widget in covered:
            widget.setVisible(True)
        self.apply_actor()
        self.idle.resume()
        return True

    def switch_user(self) -> None:
        self.lock(SWITCH_NOTE)

    def manage_users(self) -> None:
        from app.ui.safety.users_dialog import UsersDialog

        UsersDialog(self.services, self.window).exec()

    def show_audit_log(self) -> None:
        from app.ui.safety.audit_view import AuditLogDialog

        AuditLogDialog(self.services, self.window).exec()

    def set_idle_minutes(self) -> None:
        minutes = dialogs.ask_int(self.window, "自动锁定", "多少分钟没有操作后自动锁定：", self.idle.minutes, 1, 240)
        if minutes is not None:
            self.idle.set_minutes(minutes)
            self.settings.setValue("security/idle_minutes", minutes)


def _cover_every_window() -> list[QWidget]:
    """Hide the contents of every open window (an editor left open too), not the windows
    themselves: hiding a dialog would end it and lose what was typed. Returns what to show again."""
    covered = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for child in top.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not child.isWindow():
                child.setVisible(False)
                covered.append(child)
    return covered
