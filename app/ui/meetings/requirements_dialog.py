"""设置 → 会议频次要求: the requirements table, for a township whose rules are stricter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
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

HEADERS = ("会议类型", "频次", "次数", "几月前完成（0 表示不限）", "依据")


class RequirementsDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.store = RequirementStore(services.db)
        self.setWindowTitle("会议频次要求")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
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
        self.resize(1000, 460)
        self.show_requirements(self.store.load())
        self.mark_unchanged()

    def show_requirements(self, requirements: tuple[Requirement, ...]) -> None:
        self.table.setRowCount(0)
        self.requirements = list(requirements)
        for row, req in enumerate(self.requirements):
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(req.kind.value))
            period = QComboBox()
            period.addItems([p.value for p in Period])
            period.setCurrentText(req.period.value)
            times = QSpinBox()
            times.setRange(1, 31)
            times.setValue(req.times)
            by_month = QSpinBox()
            by_month.setRange(0, 12)
            by_month.setValue(req.by_month or 0)
            for col, widget in ((1, period), (2, times), (3, by_month), (4, QLineEdit(req.basis))):
                self.table.setCellWidget(row, col, widget)

    def collected(self) -> list[dict]:
        result = []
        for row, req in enumerate(self.requirements):
            by_month = self.table.cellWidget(row, 3).value()
            result.append({
                "kind": req.kind.value,
                "period": self.table.cellWidget(row, 1).currentText(),
                "times": self.table.cellWidget(row, 2).value(),
                "by_month": by_month or None,
                "basis": self.table.cellWidget(row, 4).text(),
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
