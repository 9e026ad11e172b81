"""设置 → 会议频次要求: the requirements table, for a township whose rules are stricter."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError
from app.services.meetings.compliance import RequirementStore
from app.services.meetings.meeting_kinds import Period, Requirement
from app.ui.common import dialogs
from app.ui.common.form_helpers import UnsavedChangesGuard
from app.ui.common.screen_fit import fit_to_screen

# (heading, what it means: shown when the pointer rests on the heading)
COLUMNS = (
    ("会议类型", "要检查的会议"),
    ("检查周期", "按月、按季度还是按年检查是否开够"),
    ("每个周期至少开几次", "一个检查周期里至少要开的次数"),
    ("最晚几月开（0＝不限）", "一年里最晚在几月前开完，例如组织生活会填 12；0 表示不限月份"),
    ("依据（双击修改）", "这条要求出自哪里，印在制度落实情况里"),
)
HEADERS = tuple(heading for heading, _tip in COLUMNS)
BASIS = len(COLUMNS) - 1


class RequirementsDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.store = RequirementStore(services.db)
        self.setWindowTitle("会议频次要求")
        self.table = QTableWidget(0, len(HEADERS))
        for col, (heading, tip) in enumerate(COLUMNS):
            item = QTableWidgetItem(heading)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BASIS, QHeaderView.ResizeMode.Stretch)  # the rest of the width
        self.table.setWordWrap(True)  # a long 依据 wraps instead of being cut
        self.table.verticalHeader().setVisible(False)
        # Rows follow the 依据 column's width: Qt does not re-measure them, and not while the
        # header is still laying out its sections (hence after this event).
        header.sectionResized.connect(lambda col, *_a: col == BASIS and QTimer.singleShot(
            0, self.table, self.table.resizeRowsToContents))
        note = QLabel("默认按《中国共产党支部工作条例（试行）》和常见做法设置。镇上要求更严时在这里修改，"
                      "“制度落实情况”会按新的要求检查。")
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        reset = buttons.addButton("恢复默认", QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        reset.clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 460)
        self.show_requirements(self.store.load())
        self.mark_unchanged()

    def show_requirements(self, requirements: tuple[Requirement, ...]) -> None:
        self.table.setRowCount(0)
        self.requirements = list(requirements)
        for row, req in enumerate(self.requirements):
            self.table.insertRow(row)
            kind = QTableWidgetItem(req.kind.value)
            kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, kind)
            period = QComboBox()
            period.addItems([p.value for p in Period])
            period.setCurrentText(req.period.value)
            times = QSpinBox()
            times.setRange(1, 31)
            times.setValue(req.times)
            by_month = QSpinBox()
            by_month.setRange(0, 12)
            by_month.setValue(req.by_month or 0)
            for col, widget in ((1, period), (2, times), (3, by_month)):
                self.table.setCellWidget(row, col, widget)
            basis = QTableWidgetItem(req.basis)
            basis.setToolTip(req.basis)
            self.table.setItem(row, BASIS, basis)

    def collected(self) -> list[dict]:
        result = []
        for row, req in enumerate(self.requirements):
            by_month = self.table.cellWidget(row, 3).value()
            result.append({
                "kind": req.kind.value,
                "period": self.table.cellWidget(row, 1).currentText(),
                "times": self.table.cellWidget(row, 2).value(),
                "by_month": by_month or None,
                "basis": self.table.item(row, BASIS).text(),
            })
        return result

    def save(self) -> None:
        try:
            self.store.save(self.collected())
        except UserError as exc:
            dialogs.show_error(self, "无法保存", exc.message)
            return
        self.accept()

    def reset(self) -> None:
        if not dialogs.ask_yes_no(self, "恢复默认", "把会议频次要求恢复为程序的默认设置？", "恢复默认"):
            return
        try:
            self.store.reset()
        except UserError as exc:
            dialogs.show_error(self, "无法恢复", exc.message)
            return
        self.show_requirements(self.store.load())
        self.mark_unchanged()  # already stored
