"""制度落实情况: each required kind of meeting against the months / quarters of a year.

A missing period says 缺 in red (the word carries the meaning, not only the colour); a click
on it opens a new meeting of that kind, dated inside the period.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date_cn
from app.services.meetings.compliance import CellState, YearCompliance

MISSING_BRUSH = QBrush(QColor("#fde2e2"))
MISSING_TEXT = QBrush(QColor("#b00020"))
DONE_BRUSH = QBrush(QColor("#e3f4e1"))
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


def cell_text(held: int, required: int, state: CellState) -> str:
    if state is CellState.DONE:
        return f"✓ 已开 {held} 次"
    if state is CellState.MISSING:
        return f"缺（{held}/{required}）"
    if state is CellState.BEFORE_RECORDS:
        return "建账前"
    return f"未到期（{held}/{required}）"


class CompliancePage(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, meetings_page, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.meetings_page = meetings_page
        self.view: YearCompliance | None = None
        self.year = QComboBox()
        this_year = services.clock.today().year
        self.year.addItems([str(y) for y in range(this_year, this_year - 6, -1)])
        self.year.currentIndexChanged.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel("年份："))
        top.addWidget(self.year)
        top.addWidget(QLabel("点击标“缺”的格子可以直接补录那一次会议。"))
        top.addStretch(1)
        self.table = QTableWidget(0, 12)
        self.table.setHorizontalHeaderLabels([f"{m}月" for m in range(1, 13)])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self.cell_clicked)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setObjectName("missing_list")
        # A long 尚缺 list scrolls: as a bare label it would make the window taller than the screen.
        missing_area = QScrollArea()
        missing_area.setWidgetResizable(True)
        missing_area.setWidget(self.missing)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(missing_area, 1)

    def refresh(self) -> None:
        self.view = self.services.compliance.year_view(int(self.year.currentText()))
        self.table.clearSpans()
        self.table.setRowCount(len(self.view.rows))
        self.table.setVerticalHeaderLabels([self._row_label(r) for r in self.view.rows])
        for r, row in enumerate(self.view.rows):
            for cell in row.cells:
                first, last = cell.span.start.month - 1, cell.span.end.month - 1
                item = QTableWidgetItem(cell_text(cell.held, cell.required, cell.state))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                tip = cell.message or f"{cell.span.label}：{row.requirement.basis}"
                if cell.state is CellState.BEFORE_RECORDS:
                    tip = f"本村的记录从{format_date_cn(self.view.begin)}开始，之前的时段不计缺"
                item.setToolTip(tip)
                item.setData(CELL_ROLE, (row.requirement.kind.value, cell.span))
                if cell.state is CellState.MISSING:
                    item.setBackground(MISSING_BRUSH)
                    item.setForeground(MISSING_TEXT)
                elif cell.state is CellState.DONE:
                    item.setBackground(DONE_BRUSH)
                self.table.setItem(r, first, item)
                if last > first:
                    self.table.setSpan(r, first, 1, last - first + 1)
        self.table.resizeRowsToContents()
        lines = self.view.missing
        self.missing.setText("尚缺：\n" + "\n".join(lines) if lines else "本年度到目前为止，按要求该开的会都已开。")
        self.status_changed.emit(self.status_text())

    @staticmethod
    def _row_label(row) -> str:  # noqa: ANN001
        requirement = row.requirement
        if row.person_id is not None:
            return f"谈心谈话：{row.label}"
        return f"{row.label}（{requirement.period.value}）"

    def status_text(self) -> str:
        count = len(self.view.missing) if self.view else 0
        return f"制度落实情况：{self.year.currentText()}年尚缺 {count} 项"

    def cell_clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is None or not item.text().startswith("缺"):
            return
        kind, span = item.data(CELL_ROLE)
        from app.services.meetings.meeting_kinds import Kind

        day = self.services.compliance.suggest(Kind(kind), span)
        self.meetings_page.add_meeting(kind, day)
        self.refresh()
