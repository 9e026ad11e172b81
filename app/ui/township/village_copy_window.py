"""At the township: one village's ledgers as it reported them, on every tab, read-only and printable.

The same tabs the village uses, on the township's copy (app.services.township.village_reads),
signed in as a reader: nothing can be added, changed or deleted there (the copy changes only
by importing the village's next package).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from app.services.common.context import Services
from app.services.common.dates import format_date_cn
from app.services.township.town_store import VillageRow
from app.ui.common import dialogs
from app.ui.common.screen_fit import fit_to_screen
from app.ui.shell.ledger_tabs import LedgerTabs



def copy_note(village: VillageRow) -> str:
    return (f"这是{village.name}在{format_date_cn(village.created_at.date())}上报的第{village.sequence}号数据包"
            f"（{village.period}），只能查看和打印。要改动，请村里在本村的程序里改好后重新上报。")


class VillageCopyWindow(QMainWindow):
    def __init__(self, services: Services, village: VillageRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(f"{village.name}（{village.code}）台账 — 乡镇存档，只读")
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.note = QLabel(copy_note(village))
        self.note.setWordWrap(True)
        self.tabs = LedgerTabs(services, self, self.status.setText)
        self.tabs.apply_permissions(services.actor)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        print_action = QAction("打印当前页…", self)
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(lambda: self.tabs.currentWidget().print_current())
        close_action = QAction("关闭", self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu("文件(&F)")
        menu.addAction(print_action)
        menu.addAction(close_action)
        fit_to_screen(self, 1280, 760)
        self.tabs.shown()

    # ----- what the 两委成员 tab asks of its window ------------------------------------------
    def print_roster(self) -> None:
        from app.ui.common.print_dialog import print_roster_flow

        print_roster_flow(self.services, self)

    def export_members(self) -> None:
        from app.ui.members.roster_export import export_roster_flow

        export_roster_flow(self.services, self)

    def import_members(self) -> None:  # its button is disabled for a reader; said in words too
        dialogs.show_info(self, "只读", "乡镇存档的村台账不能导入或修改。")

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.services.close()
        super().closeEvent(event)
