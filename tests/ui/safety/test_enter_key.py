"""Typing the password and pressing Enter logs in; it never opens 忘记密码."""

import pytest
from PySide6.QtCore import Qt

from app.services.safety.actor import Actor, Role
from app.ui.safety.account_dialogs import LoginDialog


@pytest.fixture
def recovery_opened(monkeypatch):
    opened = []
    monkeypatch.setattr(LoginDialog, "recover", lambda self: opened.append("忘记密码"))
    return opened


@pytest.fixture
def accounts(services):
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    return services.accounts


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
@pytest.mark.parametrize("locked", [None, "王文书"], ids=["login", "lock"])
def test_enter_in_the_password_field_logs_in(qtbot, accounts, recovery_opened, key, locked):
    dialog = LoginDialog(accounts, locked_user=locked, note="程序已锁定。" if locked else "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, "hongqi2026")
    qtbot.keyClick(dialog.password, key)
    assert recovery_opened == []
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.actor == Actor("王文书", Role.ADMIN)


def test_enter_with_a_wrong_password_shows_the_error_and_stays(qtbot, accounts, recovery_opened):
    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert recovery_opened == []
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.errors.message("password").startswith("用户名或密码不对")


def test_the_program_installs_the_guard_on_its_application(qapp, monkeypatch):
    from app.ui.common import dialog_keys
    from app.ui.shell.qt_app import create_application

    installed = []
    monkeypatch.setattr(dialog_keys, "install", installed.append)
    assert create_application([]) is qapp
    assert installed == [qapp]
