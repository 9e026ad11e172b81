"""Before the window shows data: village profile and administrator at first start, else login."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.services.common.context import Services
from app.services.safety.actor import Actor, Role
from app.ui.safety.account_dialogs import FirstAdminDialog, LoginDialog


def sign_in(services: Services, parent: QWidget | None) -> Actor | None:
    """The actor for this session, or None when the user chose to quit."""
    if services.profile.get() is None:
        from app.ui.common.profile_dialog import ProfileDialog

        if not ProfileDialog(services.profile, first_start=True, parent=parent).exec():
            return None
    if not services.accounts.has_users():
        dialog = FirstAdminDialog(services.accounts, parent)
        if not dialog.exec():
            return None
        actor = Actor(dialog.name.text().strip(), Role.ADMIN)
        services.act_as(actor)
        from app.ui.common.print_dialog import print_recovery_sheet

        sheet = print_recovery_sheet(services, actor.name, dialog.code, parent)
        if sheet is not None:
            sheet.exec()
        return actor
    login = LoginDialog(services.accounts, parent)
    login.installEventFilter(_AfterFirstPaint(login, lambda: warm_start_page(services)))
    return login.actor if login.exec() else None


def warm_start_page(services: Services) -> None:
    """Load the code the start page needs (about 0.2 s: its services and the pinyin tables that
    order names) while the clerk types the password, not after Enter. Reads and changes nothing."""
    from app.services.members.pinyin_search import sort_key
    from app.ui.workbench.workbench_tab import WorkbenchTab  # noqa: F401 - imported to load it

    _ = services.workbench
    sort_key("王")


class _AfterFirstPaint(QObject):
    """Runs ``work`` once, as soon as ``widget`` has painted (so the box shows first)."""

    def __init__(self, widget: QWidget, work):  # noqa: ANN001 - a callable
        super().__init__(widget)
        self.work = work

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.work is not None:
            work, self.work = self.work, None
            QTimer.singleShot(0, self, work)
        return False
