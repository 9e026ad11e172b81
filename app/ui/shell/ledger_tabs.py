"""The ledgers' tabs (TABS), each built the first time it is shown or asked for.

Used by the village's main window and by the township's read-only view of a village's copy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.shell.tab_list import TABS


class LedgerTabs(QTabWidget):
    """``owner`` is each tab's parent and its window actions (import, export, print the roster);
    ``on_status`` receives the shown tab's status line."""

    def __init__(self, services, owner: QWidget, on_status: Callable[[str], None]):  # noqa: ANN001 - Services
        super().__init__(owner)
        self.services = services
        self.owner = owner
        self.on_status = on_status
        self.actor = None  # the role the tabs built later take
        self.built: list = [None] * len(TABS)
        for _module, _cls, title in TABS:
            self.addTab(QWidget(), title)
        self.tab(0)
        self.currentChanged.connect(self.shown)

    def tab(self, index: int):  # noqa: ANN201 - one of the tab classes in TABS
        """The tab at ``index``, built (and put in its placeholder's place) on first use."""
        tab = self.built[index]
        if tab is None:
            module, cls, title = TABS[index]
            # imported here: each tab's module pulls in its dialogs and services
            tab = getattr(importlib.import_module(module), cls)(self.services, self.owner)
            tab.title = title  # TABS is the one list of the tabs' names
            self.built[index] = tab
            tab.status_changed.connect(self.on_status)
            if self.actor is not None:
                tab.apply_permissions(self.actor)
            placeholder, current = self.widget(index), self.currentIndex()
            self.blockSignals(True)  # the swap is not a change of tab
            self.removeTab(index)
            self.insertTab(index, tab, title)
            self.setCurrentIndex(current)
            self.blockSignals(False)
            placeholder.deleteLater()
        return tab

    def shown(self) -> None:
        """Each tab loads when it is shown (not all at start-up), and again on every return,
        so it reflects what changed on the other tabs meanwhile (new people, new meetings)."""
        tab = self.tab(self.currentIndex())
        tab.refresh()
        self.on_status(tab.status_text())

    def every(self) -> tuple:
        """Every tab, building those not yet shown."""
        return tuple(self.tab(index) for index in range(len(TABS)))

    def existing(self) -> tuple:
        return tuple(tab for tab in self.built if tab is not None)

    def apply_permissions(self, actor) -> None:  # noqa: ANN001 - app.services.safety.actor.Actor
        self.actor = actor
        for tab in self.existing():
            tab.apply_permissions(actor)

    def set_services(self, fresh) -> None:  # noqa: ANN001 - Services
        """After a restore: the built tabs read the reopened file; the others are built on it."""
        self.services = fresh
        for tab in self.existing():
            if hasattr(tab, "set_services"):
                tab.set_services(fresh)
            else:
                tab.services = fresh
