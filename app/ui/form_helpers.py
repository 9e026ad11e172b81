"""Form rows with a red message under the field, shared by every dialog with a form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class FieldErrors:
    """Adds labelled rows to a QFormLayout and shows each field's error beneath it."""

    def __init__(self, form: QFormLayout):
        self.form = form
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add_row(self, key: str, label: str, widget: QWidget, required: bool = False) -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{key}")
        error.hide()
        box.addWidget(error)
        text = f"{label}{'＊' if required else ''}："
        self.form.addRow(text, holder)
        self.labels[key] = error
        self.widgets[key] = widget

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, problems: dict[str, str]) -> list[str]:
        """Show each problem under its field; return the messages that have no field here."""
        self.clear()
        unplaced: list[str] = []
        first: QWidget | None = None
        for key, message in problems.items():
            label = self.labels.get(key)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self.widgets[key]
        if first is not None:
            first.setFocus()
            window = first.window()
            if window.sizeHint().height() > window.height():
                window.resize(window.width(), window.sizeHint().height())  # room for the messages
        return unplaced

    def message(self, key: str) -> str:
        """The error now shown under ``key`` ("" when none)."""
        label = self.labels.get(key)
        return label.text() if label is not None else ""


def close_button(dialog: QDialog) -> QDialogButtonBox:
    """The single 关闭 button of a dialog that saves as it goes."""
    buttons = QDialogButtonBox()
    buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons
