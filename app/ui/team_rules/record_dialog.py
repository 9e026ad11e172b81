"""One shape for every small form of the 班子制度 tab: labelled rows with their errors beneath,
保存 (Enter, Ctrl+S) and 取消, and the 放弃修改？ question when something typed was not saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.services.common.errors import UserError, ValidationFailed
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_cancel_buttons, save_confirmed
from app.ui.common.screen_fit import fit_to_screen


class RecordDialog(UnsavedChangesGuard, QDialog):
    """``write()`` reads the widgets and saves; its UserError goes beside the field it names."""

    def __init__(self, title: str, hint: str, rows: list[tuple[str, str, QWidget, bool]],
                 write: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.write = write
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, widget, required in rows:
            self.errors.add_row(key, label, widget, required)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 0)
        self.mark_unchanged()

    def save(self) -> None:
        def attempt(_ok: bool) -> bool:
            try:
                self.write()
            except UserError as exc:
                if isinstance(exc, ValidationFailed) or exc.field is None:
                    raise
                raise ValidationFailed({exc.field: exc.message}) from None
            return True

        if save_confirmed(self, attempt, self.show_problems):
            self.saved(0)

    def show_problems(self, problems: dict[str, str]) -> None:
        unplaced = self.errors.show(problems)
        if unplaced:
            dialogs.show_error(self, "不能保存", "\n".join(unplaced))
