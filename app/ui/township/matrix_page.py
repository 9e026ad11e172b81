"""The township window's 村×要求 page: a row a village (its name in the row header, so it stays in
view when the columns scroll), gaps in words and red, and a year to choose."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.township.matrix import Overview, is_gap
from app.ui.common.rows_model import RowsModel, table_view


class MatrixModel(RowsModel):
    """A row a village; its name in the row header, so it stays in view when the columns scroll."""

    def __init__(self, overview: Overview, parent: QWidget | None = None):
        super().__init__((), parent)
        self.show(overview)

    def show(self, overview: Overview) -> None:
        self.set_rows([name for name, _cells in overview.rows], [cells for _name, cells in overview.rows],
                      overview.columns)

    def marked(self, row: int, column: int, text: str) -> bool:  # noqa: ARG002
        return is_gap(text)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return f"{self.ids[index.row()]}：{self.headers[index.column()]} {self.rows[index.row()][index.column()]}"
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.ids[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return None
        return super().headerData(section, orientation, role)


class MatrixPage(QWidget):
    """``recount(year)`` works out another year's matrix (None: only the year shown is offered)."""

    def __init__(self, overview: Overview, years: list[int], recount: Callable[[int], Overview] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.recount = recount
        self.model = MatrixModel(overview, self)
        self.year = QComboBox()
        self.year.addItems([f"{y}年" for y in (years if recount is not None else [overview.year])])
        self.year.setCurrentText(f"{overview.year}年")
        self.year.setToolTip("看往年的情况：各村按该年12月31日统计")
        self.year.currentTextChanged.connect(self._year_chosen)
        self.caption = QLabel(overview.caption)
        self.caption.setWordWrap(True)
        row = QHBoxLayout()
        label = QLabel("年份")
        label.setBuddy(self.year)
        row.addWidget(label)
        row.addWidget(self.year)
        row.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.view = table_view(self.model, self, sort_column=-1)
        layout.addWidget(self.view, 1)

    def _year_chosen(self, text: str) -> None:
        from app.services.common.errors import UserError
        from app.ui.common import dialogs

        if self.recount is None or not text:
            return
        try:
            shown = self.recount(int(text.rstrip("年")))
        except UserError as exc:  # the shared database gone away, say: the year shown stays
            dialogs.show_error(self, "无法统计这一年", exc.message)
            return
        self.model.show(shown)
        self.caption.setText(shown.caption)
        self.view.resizeColumnsToContents()
