"""标记已处理 / 忽略 a reminder derived from another tab, with the reason (which is stored)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dates import format_date
from app.services.errors import UserError, ValidationFailed
from app.services.reminder_types import HANDLED, IGNORED
from app.services.workbench_types import DueItem
from app.ui import dialogs
from app.ui.form_helpers import FieldErrors

HINTS = {
    HANDLED: "已经在别处办好（例如会议记在了纸质本上）：请写明何时、如何处理的。",
    IGNORED: "这一项不适用本村：请写明原因，例如“本村未设党小组”。",
}


class DisposeDialog(QDialog):
    def __init__(self, services, item: DueItem, parent: QWidget | None = None, status: str = HANDLED):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.item = services, item
        self.setWindowTitle("标记已处理" if status == HANDLED else "忽略")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        subject = QLabel(f"{item.title}（{item.area}，{format_date(item.due)} 到期）")
        subject.setWordWrap(True)
        form.addRow("事项：", subject)
        self.choices = QButtonGroup(self)
        choice_row = QWidget()
        row = QHBoxLayout(choice_row)
        row.setContentsMargins(0, 0, 0, 0)
        for text in (HANDLED, IGNORED):
            button = QRadioButton(text)
            button.setChecked(text == status)
            self.choices.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.errors.add_row("status", "标记为", choice_row, True)
        self.reason = QPlainTextEdit()
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.errors.add_row("reason", "理由", self.reason, True)
        form.addRow("", self.hint)
        self.choices.buttonToggled.connect(lambda *_a: self.hint.setText(HINTS[self.status()]))
        self.hint.setText(HINTS[status])
        buttons = QDialogButtonBox()
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 36, 0)
        self.reason.setFocus()

    def status(self) -> str:
        return self.choices.checkedButton().text()

    def save(self) -> None:
        try:
            self.services.derived.dispose(self.item, self.status(), self.reason.toPlainText().strip())
        except ValidationFailed as exc:
            self._show(exc.problems)
            return
        except UserError as exc:
            self._show({exc.field or "": exc.message})
            return
        self.accept()

    def _show(self, problems: dict[str, str]) -> None:
        unplaced = self.errors.show(problems)
        if unplaced:
            dialogs.show_error(self, "不能保存", "\n".join(unplaced))
