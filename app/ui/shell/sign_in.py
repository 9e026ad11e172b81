"""Before the window shows data: village profile and administrator at first start, else login."""

from __future__ import annotations

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
    return login.actor if login.exec() else None
