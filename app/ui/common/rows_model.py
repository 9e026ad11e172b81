"""A read-only table of text rows under fixed headers, each row with the id of its record; a cell a
subclass marks is drawn red (the words already say what is wrong: colour only helps the eye)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

RED = QColor("#b00020")


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []
        self.ids: list[object] = []

    def set_rows(self, ids: list, rows: list[tuple[str, ...]], headers: tuple[str, ...] | None = None) -> None:
        """The rows (and, when given, new headers) shown from now on."""
        self.beginResetModel()
        self.ids, self.rows = ids, rows
        if headers is not None:
            self.headers = headers
        self.endResetModel()

    def marked(self, row: int, column: int, text: str) -> bool:  # noqa: ARG002 - for the subclasses
        return False

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ForegroundRole and self.marked(index.row(), index.column(), text):
            return RED
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def table_view(model: QAbstractTableModel, parent: QWidget, sort_column: int = 0) -> QTableView:
    """Read-only, sortable by a click on a header. ``sort_column`` -1: in the order the rows were
    given until a header is clicked."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.resizeColumnsToContents()
    return view
