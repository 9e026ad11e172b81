"""The 应到 / 实到 table inside the meeting form: one row per expected person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.meetings.meeting_types import ABSENT, LEAVE, PRESENT, AttendanceData
from app.ui.common.form_helpers import rows_in_view

HEADERS = ("姓名", "情况", "请假原因", "表决权", "")
STATES = (PRESENT, LEAVE, ABSENT)
VISIBLE_ROWS = 10
KEYS_TIP = "用键盘记：在表中选中一人，按 1 出席、2 请假、3 缺席，空格键依次切换；↑ ↓ 换人。"


class AttendanceEditor(QWidget):
    def __init__(self, people: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.people = people  # (id, name) of everyone who may be added by hand
        self.rows: list[AttendanceData] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        row_height = max(QComboBox().sizeHint().height(), QPushButton().sizeHint().height()) + 4
        rows_in_view(self.table, VISIBLE_ROWS, row_height)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)  # names are not typed over
        self.table.setToolTip(KEYS_TIP)
        for key, handler in ((Qt.Key.Key_Space, self.cycle_current), (Qt.Key.Key_1, lambda: self.mark_current(PRESENT)),
                             (Qt.Key.Key_2, lambda: self.mark_current(LEAVE)),
                             (Qt.Key.Key_3, lambda: self.mark_current(ABSENT))):
            QShortcut(QKeySequence(key), self.table, activated=handler,
                      context=Qt.ShortcutContext.WidgetShortcut)
        self.counts = QLabel()
        self.counts.setObjectName("attendance_counts")
        self.fill_button = QPushButton("按会议类型填入应到人员")
        self.all_present = QPushButton("全部出席")
        self.all_present.setToolTip("把表中每个人都设为出席，再改请假、缺席的几位")
        self.all_present.clicked.connect(self.mark_all_present)
        self.person_combo = QComboBox()
        self.person_combo.setEditable(True)
        for person_id, name in people:
            self.person_combo.addItem(name, person_id)
        self.person_combo.setCurrentIndex(-1)
        self.person_combo.setMinimumWidth(160)
        add = QPushButton("添加")
        add.clicked.connect(self.add_chosen)
        tools = QHBoxLayout()
        tools.addWidget(self.fill_button)
        tools.addWidget(self.all_present)
        tools.addStretch(1)
        tools.addWidget(QLabel("添加人员："))
        tools.addWidget(self.person_combo)
        tools.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        keys = QLabel(KEYS_TIP)
        keys.setWordWrap(True)
        layout.addWidget(keys)
        layout.addWidget(self.counts)

    def set_rows(self, rows: list[AttendanceData]) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for row in rows:
            self._append(row)
        self._update_counts()

    def _append(self, data: AttendanceData) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(data.name + ("" if data.voting else "（预备党员）"))
        self.table.setItem(row, 0, name)
        status = QComboBox()
        status.addItems([PRESENT, LEAVE, ABSENT])
        status.setCurrentText(data.status)
        status.currentTextChanged.connect(self._update_counts)
        reason = QLineEdit(data.reason)
        reason.setPlaceholderText("请假时填写原因")
        self.table.setCellWidget(row, 1, status)
        self.table.setCellWidget(row, 2, reason)
        self.table.setItem(row, 3, QTableWidgetItem("有" if data.voting else "无"))
        remove = QPushButton("移除")
        remove.clicked.connect(lambda: self._remove(remove))
        self.table.setCellWidget(row, 4, remove)
        self.rows.append(data)

    def _remove(self, button: QPushButton) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 4) is button:
                self.table.removeRow(row)
                del self.rows[row]
                break
        self._update_counts()

    def add_chosen(self) -> None:
        person_id = self.person_combo.currentData()
        if person_id is None or any(r.person_id == person_id for r in self.rows):
            return
        self._append(AttendanceData(person_id, self.person_combo.currentText()))
        self._update_counts()

    def mark_current(self, state: str) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.cellWidget(row, 1).setCurrentText(state)
            if row + 1 < self.table.rowCount():  # on to the next person, as when ticking a list
                self.table.setCurrentCell(row + 1, 0)

    def cycle_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            status = self.table.cellWidget(row, 1)
            status.setCurrentText(STATES[(STATES.index(status.currentText()) + 1) % len(STATES)])

    def mark_all_present(self) -> None:
        for row in range(self.table.rowCount()):
            self.table.cellWidget(row, 1).setCurrentText(PRESENT)

    def attendance(self) -> list[AttendanceData]:
        result = []
        for row, data in enumerate(self.rows):
            result.append(AttendanceData(
                person_id=data.person_id,
                name=data.name,
                status=self.table.cellWidget(row, 1).currentText(),
                reason=self.table.cellWidget(row, 2).text().strip(),
                voting=data.voting,
            ))
        return result

    def _update_counts(self) -> None:
        rows = self.attendance()
        present = sum(r.status == PRESENT for r in rows)
        leave = sum(r.status == LEAVE for r in rows)
        absent = sum(r.status == ABSENT for r in rows)
        self.counts.setText(f"应到 {len(rows)} 人，实到 {present} 人，请假 {leave} 人，缺席 {absent} 人")
