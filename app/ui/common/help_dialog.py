"""F1: the short 使用说明 bundled in resources/help/, shown without a browser or network."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from app.paths import resource_path
from app.ui.common.form_helpers import close_button
from app.ui.common.screen_fit import fit_to_screen

HELP_PAGE = "index.html"


class HelpDialog(QDialog):
    """Not modal: the clerk can keep it open beside the window while working."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("使用说明")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: only the pages and pictures beside it
        folder = resource_path("help")
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / HELP_PAGE)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(close_button(self))
        fit_to_screen(self, 860, 700)
