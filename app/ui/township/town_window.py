"""`python -m app --town`: the township's window: the villages, and the villages × requirements matrix (read-only)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMainWindow, QTableView, QTabWidget, QWidget

from app.services.township.matrix import NOT_REPORTED, Overview

VILLAGE_HEADER = ("区划代码", "村（社区）", "最近一次上报", "距今", "所含期间", "状态")
RED = QColor("#b00020")


class VillagesModel(QAbstractTableModel):
    def __init__(self, overview: Overview, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = []
        for v in overview.villages:
            age = f"{(today - v.created_at.date()).days}天" if v.created_at else "—"
            last = f"第{v.sequence}号 {v.created_at:%Y-%m-%d}" if v.created_at else "—"
            self.rows.append((v.code, v.name, last, age, v.period or "—", v.state(today)))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(VILLAGE_HEADER)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and text != "正常":
            return RED  # the words say it too: red only helps the eye
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return VILLAGE_HEADER[section]
        return None


class MatrixModel(QAbstractTableModel):
    def __init__(self, overview: Overview, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = ("村（社区）", *overview.columns)
        self.rows = [(name, *cells) for name, cells in overview.rows]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.header)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        gap = index.column() > 0 and (text.startswith(("缺", "逾期")) or text == NOT_REPORTED)
        if role == Qt.ItemDataRole.ForegroundRole and gap:
            return RED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header[section]
        return None


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.resizeColumnsToContents()
    return view


class TownWindow(QMainWindow):
    def __init__(self, overview: Overview, today: dt.date):
        super().__init__()
        self.setWindowTitle(f"村支部台账（乡镇）— {overview.town}")
        self.villages_model = VillagesModel(overview, today, self)
        self.matrix_model = MatrixModel(overview, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_table(self.villages_model, self), "各村")
        self.tabs.addTab(_table(self.matrix_model, self), "村×要求")
        self.setCentralWidget(self.tabs)


def run_town_gui(root: Path, log_path: Path, smoke_test: bool = False, db_url: str | None = None) -> int:
    """Open the township's window on ``root``; with ``smoke_test`` print what it shows and leave."""
    from app.clock import SystemClock
    from app.services.common.errors import UserError
    from app.services.township.matrix import open_overview
    from app.ui.common import dialogs
    from app.ui.shell.qt_app import create_application, install_crash_hook

    app = create_application(sys.argv[:1])
    install_crash_hook(log_path)
    clock = SystemClock()
    try:
        overview = open_overview(root, clock, db_url)
    except UserError as exc:
        if smoke_test:  # no one to click a box away
            print(f"错误：{exc.message}", file=sys.stderr)
        else:
            dialogs.show_error(None, "无法打开乡镇数据", exc.message)
        return 2
    window = TownWindow(overview, clock.today())
    window.show()
    if smoke_test:
        print(f"各村：{window.villages_model.rowCount()} 行；村×要求：{window.matrix_model.columnCount() - 1} 项")
        window.close()
        return 0
    return app.exec()
