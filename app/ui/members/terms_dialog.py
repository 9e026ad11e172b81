"""届次: list the terms and add a new one (换届 every five years)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.members.members import MemberService
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, close_button, form_state


class TermsDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, members: MemberService, parent: QWidget | None = None):
        super().__init__(parent)
        self.members = members
        self.setWindowTitle("届次")
        self.list = QListWidget()
        box = self.form_box = QGroupBox("新增届次")
        form = QFormLayout(box)
        self.errors = FieldErrors(form)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如 第十二届")
        self.start_field, self.end_field = DateField(), DateField()
        self.errors.add_row("term_name", "名称", self.name_edit, True)
        self.errors.add_row("term_start", "开始日期", self.start_field, True)
        self.errors.add_row("term_end", "结束日期", self.end_field)
        add_button = QPushButton("新增")
        add_button.clicked.connect(self.add)
        form.addRow("", add_button)
        buttons = close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.refresh()
        self.mark_unchanged()

    def _state(self) -> tuple:
        return form_state(self.form_box)  # the list above is stored as it changes

    def refresh(self) -> None:
        self.list.clear()
        for term in self.members.list_terms():
            end = format_date(term.end_date) if term.end_date else "至今"
            self.list.addItem(f"{term.name}：{format_date(term.start_date)} 至 {end}")
        if not self.list.count():
            self.list.addItem("还没有届次。在下面填写名称和开始日期后点 新增。")

    def add(self) -> None:
        try:
            start = self.start_field.value()
        except UserError as exc:
            self.errors.show({"term_start": exc.message})
            return
        if start is None:
            self.errors.show({"term_start": "请填写开始日期"})
            return
        try:
            end = self.end_field.value()
        except UserError as exc:
            self.errors.show({"term_end": exc.message})
            return
        try:
            self.members.add_term(self.name_edit.text(), start, end)
        except UserError as exc:
            self.errors.show({exc.field or "term_name": exc.message})
            return
        self.errors.clear()
        self.name_edit.clear()
        self.refresh()
        self.mark_unchanged()
