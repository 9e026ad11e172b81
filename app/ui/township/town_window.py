"""`python -m app --town`: the township's window: the villages, and the villages × requirements matrix (read-only)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QMainWindow, QProgressDialog, QPushButton,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.services.township.matrix import Overview, years_offered
from app.ui.common.rows_model import RowsModel, table_view
from app.ui.township.matrix_page import MatrixPage
from app.services.township.town_store import VillageRow

if TYPE_CHECKING:
    from app.services.common.context import Services

VILLAGE_HEADER = ("区划代码", "村（社区）", "最近一次上报", "距今", "所含期间", "状态")


class VillagesModel(RowsModel):
    def __init__(self, overview: Overview, today: dt.date, parent: QWidget | None = None):
        super().__init__(VILLAGE_HEADER, parent)
        rows = []
        for v in overview.villages:
            age = f"{(today - v.created_at.date()).days}天" if v.created_at else "—"
            last = f"第{v.sequence}号 {v.created_at:%Y-%m-%d}" if v.created_at else "—"
            rows.append((v.code, v.name, last, age, v.period or "—", v.state(today)))
        self.set_rows([v.code for v in overview.villages], rows)

    def marked(self, row: int, column: int, text: str) -> bool:  # noqa: ARG002
        return column == VILLAGE_HEADER.index("状态") and text != "正常"


class TownWindow(QMainWindow):
    """``open_copy(code)`` gives the read-only services on a village's copy (its ledgers);
    ``recount(year)`` the matrix of another year (None: only the year shown)."""

    def __init__(self, overview: Overview, today: dt.date,
                 open_copy: Callable[[str], Services] | None = None,
                 recount: Callable[[int], Overview] | None = None):
        super().__init__()
        self.setWindowTitle(f"村支部台账（乡镇）— {overview.town}")
        self.villages = overview.villages
        self.open_copy = open_copy
        self.copies: list[QMainWindow] = []  # the villages' windows now open
        self.villages_model = VillagesModel(overview, today, self)
        self.villages_view = table_view(self.villages_model, self)
        self.villages_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.villages_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.villages_view.activated.connect(self.open_selected)  # Enter, or a double click
        self.open_button = QPushButton("查看本村台账（只读）")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.open_button.setEnabled(open_copy is not None)
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel("选中一个村，按回车或双击，查看它上报的全部台账和汇总。"))
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        layout.addWidget(self.villages_view, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(page, "各村")
        self.matrix_page = MatrixPage(overview, years_offered(overview.villages, today), recount, self)
        self.tabs.addTab(self.matrix_page, "村×要求")
        self.setCentralWidget(self.tabs)
        self.villages_view.selectRow(0)

    def select_village(self, code: str) -> None:
        view = self.villages_view
        row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == code)
        view.setCurrentIndex(view.model().index(row, 0))

    def selected_village(self) -> VillageRow | None:
        index = self.villages_view.currentIndex()
        if not index.isValid():
            return None
        source = self.villages_view.model().mapToSource(index)
        code = self.villages_model.ids[source.row()]
        return next(v for v in self.villages if v.code == code)

    def open_selected(self) -> QMainWindow | None:
        """The chosen village's ledgers in a window of their own, read-only."""
        from app.services.common.errors import UserError
        from app.ui.common import dialogs

        village = self.selected_village()
        if village is None or self.open_copy is None:
            return None
        if village.sequence is None:
            dialogs.show_info(self, "还没有数据", f"{village.name}还没有上报过数据包，没有台账可看。")
            return None
        from app.ui.township.village_copy_window import VillageCopyWindow

        try:
            services = self.open_copy(village.code)
        except UserError as exc:
            dialogs.show_error(self, "打不开本村台账", exc.message)
            return None
        window = VillageCopyWindow(services, village)
        window.destroyed.connect(lambda *_a, w=window: w in self.copies and self.copies.remove(w))
        self.copies.append(window)
        window.show()
        return window

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        for window in list(self.copies):
            window.close()
        super().closeEvent(event)


class CountingDialog(QProgressDialog):
    """“正在统计各村的情况” while the matrix is worked out (the first opening of a day counts every
    village again: half a minute for a county); shown only when it lasts more than half a second."""

    def __init__(self):
        super().__init__("正在统计各村的情况……", "", 0, 0)
        self.setWindowTitle("村支部台账（乡镇）")
        self.setCancelButton(None)  # the window needs the whole matrix
        self.setMinimumDuration(500)
        self.setMinimumWidth(360)

    def step(self, done: int, total: int) -> None:
        self.setLabelText(f"正在统计各村的情况（第 {done + 1} 个，共 {total} 个村）……")
        self.setMaximum(total)
        self.setValue(done)
        QApplication.processEvents()


def _counted(work: Callable[[Callable[[int, int], None]], Overview]) -> Overview:
    """``work(step)`` with “正在统计各村的情况” shown while it lasts more than half a second."""
    counting = CountingDialog()
    try:
        return work(counting.step)
    finally:
        counting.close()


def run_town_gui(root: Path, log_path: Path, smoke_test: bool = False, db_url: str | None = None) -> int:
    """Open the township's window on ``root``; with ``smoke_test`` print what it shows and leave."""
    from app.clock import SystemClock
    from app.services.common.errors import UserError
    from app.services.township.matrix import overview
    from app.services.township.town_store import TownStore
    from app.services.township.village_reads import open_village
    from app.ui.common import dialogs
    from app.ui.shell.qt_app import create_application, install_crash_hook

    app = create_application(sys.argv[:1])
    install_crash_hook(log_path)
    clock = SystemClock()
    store = None
    try:
        store = TownStore(root, db_url)
        shown = _counted(lambda step: overview(store, clock, clock.today().year, step))
    except UserError as exc:
        if store is not None:
            store.close()
        if smoke_test:  # no one to click a box away
            print(f"错误：{exc.message}", file=sys.stderr)
        else:
            dialogs.show_error(None, "无法打开乡镇数据", exc.message)
        return 2
    try:
        window = TownWindow(shown, clock.today(), lambda code: open_village(store, code, clock),
                            lambda year: _counted(lambda step: overview(store, clock, year, step)))
        window.show()
        if smoke_test:
            return smoke(window)
        return app.exec()
    finally:
        store.close()


def smoke(window: TownWindow) -> int:
    """Print what the window shows, open the first reported village's ledgers on every tab, leave."""
    print(f"各村：{window.villages_model.rowCount()} 行；村×要求：{window.matrix_page.model.columnCount()} 项")
    reported = next((v for v in window.villages if v.sequence is not None), None)
    if reported is not None:
        window.select_village(reported.code)
        copy = window.open_selected()
        shown = []
        for index in range(copy.tabs.count()):
            copy.tabs.setCurrentIndex(index)
            shown.append(f"{copy.tabs.tabText(index)} {copy.tabs.currentWidget().row_count()} 行")
        print(f"{reported.name}的台账（只读）：" + "，".join(shown))
    window.close()
    return 0
