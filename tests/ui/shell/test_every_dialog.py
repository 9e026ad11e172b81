"""Every dialog of the program (app/ui/shell/dialog_catalogue.py), opened on the sample village."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import Actor, Role
from app.ui.common.dialog_keys import main_button
from app.ui.shell.dialog_catalogue import entries


@pytest.fixture
def village(services):
    fill_sample_village(services)
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    services.act_as(Actor("王文书", Role.ADMIN))
    return services


def opened(qtbot, entry, services, tmp_path):
    dialog = entry.open(services, None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_enter_presses_only_the_main_button_in_every_dialog(qtbot, village, tmp_path):
    for entry in entries():
        dialog = opened(qtbot, entry, village, tmp_path)
        main = main_button(dialog)
        buttons = [b for b in dialog.findChildren(QPushButton) if b.window() is dialog]
        secondary = [b.text() for b in buttons if b is not main and (b.autoDefault() or b.isDefault())]
        assert secondary == [], f"{entry.name}: {secondary} would take Enter"
        if main is not None:
            assert main.isDefault() and main.isVisible(), entry.name
        dialog.done(0)
