"""销号 (date, 验收人, 验收意见) and 重新打开 (a reason): a 管理员's two decisions on an item."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.services.common.errors import UserError, ValidationFailed
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from app.ui.common.screen_fit import fit_to_screen
from app.ui.rectification.form_parts import read_date


class _Decision(UnsavedChangesGuard, QDialog):
    def __init__(self, services, item_id: int, title: str, parent: QWidget | None):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.item_id = services, item_id
        self.saved_id: int | None = None
        self.setWindowTitle(title)
        row = services.rectification.item(item_id).row
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        problem = QLabel(f"{row.seq}. {row.problem}")
        problem.setWordWrap(True)
        self.form.addRow("问题：", problem)

    def finish(self, focus: QWidget) -> None:
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        self.save_button.setText(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        fit_to_screen(self, self.fontMetrics().horizontalAdvance("国") * 36)
        focus.setFocus()
        self.mark_unchanged()

    def decide(self, action) -> None:  # noqa: ANN001
        try:
            action()
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
            return
        except UserError as exc:
            if exc.field in self.errors.labels:
                self.errors.show({exc.field: exc.message})
            else:
                dialogs.show_error(self, "不能保存", exc.message)
            return
        self.saved(self.item_id)


class CloseDialog(_Decision):
    def __init__(self, services, item_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, item_id, "销号", parent)
        self.closed_on = DateField()
        self.closed_on.set_value(services.clock.today())
        self.accepted_by = QLineEdit()
        self.accepted_by.setPlaceholderText("验收人姓名，如 镇纪委 王某某")
        self.acceptance = QPlainTextEdit()
        self.acceptance.setPlaceholderText("如 已整改到位，同意销号")
        self.acceptance.setMinimumHeight(self.fontMetrics().height() * 4)
        for key, label, widget in (("closed_on", "销号日期", self.closed_on), ("accepted_by", "验收人", self.accepted_by),
                                   ("acceptance", "验收意见", self.acceptance)):
            self.errors.add_row(key, label, widget, True)
        self.finish(self.accepted_by)

    def save(self) -> None:
        problems: dict[str, str] = {}
        day = read_date(self.closed_on, "closed_on", problems)
        if problems:
            self.errors.show(problems)
            return
        self.decide(lambda: self.services.rectification.close(
            self.item_id, day, self.accepted_by.text(), self.acceptance.toPlainText()))


class ReopenDialog(_Decision):
    def __init__(self, services, item_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, item_id, "重新打开", parent)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("如 回头看发现问题反弹（理由会记入台账和操作日志）")
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.errors.add_row("reason", "理由", self.reason, True)
        self.finish(self.reason)

    def save(self) -> None:
        self.decide(lambda: self.services.rectification.reopen(self.item_id, self.reason.toPlainText()))
