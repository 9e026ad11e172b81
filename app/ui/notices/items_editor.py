"""The 财务公开 item table inside the notice form, with live totals in figures."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date, parse_date
from app.services.common.errors import UserError
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData

HEADERS = ("日期", "项目", "收支", "金额（元）", "资金来源", "经手人", "备注")


class ItemsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        self.add_button = QPushButton("添加一行")
        self.add_button.clicked.connect(lambda: self.add_item(ItemData("", EXPENSE, 0)))
        self.remove_button = QPushButton("删除所选行")
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton("从 Excel 导入…")
        self.template_button = QPushButton("保存空白明细模板…")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.error)

    def set_items(self, items: list[ItemData]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for item in items:
            self.add_item(item)
        self.table.blockSignals(False)
        self.changed.emit()

    def add_item(self, item: ItemData) -> None:
        from app.services.notices.money import format_yuan

        row = self.table.rowCount()
        self.table.insertRow(row)
        direction = QComboBox()
        direction.addItems([INCOME, EXPENSE])
        direction.setCurrentText(item.direction)
        direction.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.table.setCellWidget(row, 2, direction)  # before the cells: each one announces a change
        amount = format_yuan(item.amount_fen) if item.amount_fen else ""
        for col, text in ((0, format_date(item.date)), (1, item.item), (3, amount), (4, item.source),
                          (5, item.handler), (6, item.note)):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def items(self) -> list[ItemData]:
        """The rows as typed; raises UserError naming the row when a date or amount is unreadable."""
        from app.services.notices.money import parse_yuan

        result = []
        for row in range(self.table.rowCount()):
            try:
                day = parse_date(self._text(row, 0))
                amount = parse_yuan(self._text(row, 3))
            except UserError as exc:
                raise UserError(f"明细第 {row + 1} 行：{exc.message}", "items") from None
            result.append(ItemData(
                item=self._text(row, 1), direction=self.table.cellWidget(row, 2).currentText(),
                amount_fen=amount, date=day, source=self._text(row, 4), handler=self._text(row, 5),
                note=self._text(row, 6),
            ))
        return result
