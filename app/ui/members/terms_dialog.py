"""届次: list the terms, add a new one (换届 every five years), or correct a term's name and dates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.members.members import MemberService
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, close_button, form_state
from app.ui.common.list_selection import select_key


class TermsDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, members: MemberService, parent: QWidget | None = None):
        super().__init__(parent)
        self.members = members
        self.setWindowTitle("届次")
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda *_a: self.show_selected())
        box = self.form_box = QGroupBox("新增届次")
        form = QFormLayout(box)
        self.errors = FieldErrors(form)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如 第十二届")
        self.start_field, self.end_field = DateField(), DateField()
        self.errors.add_row("term_name", "名称", self.name_edit, True)
        self.errors.add_row("term_start", "开始日期", self.start_field, True)
        self.errors.add_row("term_end", "结束日期", self.end_field)
        self.add_button = QPushButton("新增")
        self.add_button.setToolTip("按上面填写的名称和日期新增一届")
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton("保存修改")
        self.save_button.setToolTip("把上面的名称和日期存到列表中选中的届次")
        self.save_button.clicked.connect(self.save_selected)
        self.new_button = QPushButton("清空（填写新的一届）")
        self.new_button.clicked.connect(self.start_new)
        row = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.new_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.add_button.setDefault(True)  # Enter in the new term's fields adds it
        form.addRow("", row)
        buttons = close_button(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.refresh()
        self.mark_unchanged()

    def _state(self) -> tuple:
        return form_state(self.form_box)  # the list above is stored as it changes

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def refresh(self, select: int | None = None) -> None:
        terms = self.members.list_terms()
        self.list.blockSignals(True)
        self.list.clear()
        for term in terms:
            end = format_date(term.end_date) if term.end_date else "至今"
            item = QListWidgetItem(f"{term.name}：{format_date(term.start_date)} 至 {end}")
            item.setData(256, term.id)
            self.list.addItem(item)
        if not terms:
            self.list.addItem("还没有届次。在下面填写名称和开始日期后点 新增。")
        select_key(self.list, [t.id for t in terms], select)
        self.list.blockSignals(False)
        self.show_selected()

    def show_selected(self) -> None:
        """A chosen term fills the form for correcting; with none chosen the form adds a new one."""
        term_id = self.selected_id()
        term = next((t for t in self.members.list_terms() if t.id == term_id), None)
        self.save_button.setEnabled(term is not None)
        self.form_box.setTitle(f"修改 {term.name}（或改好后点 新增 另建一届）" if term else "新增届次")
        if term is not None:
            self.name_edit.setText(term.name)
            self.start_field.set_value(term.start_date)
            self.end_field.set_value(term.end_date)
        self.errors.clear()
        self.mark_unchanged()

    def start_new(self) -> None:
        self.list.setCurrentItem(None)
        self.list.clearSelection()
        self.name_edit.clear()
        self.start_field.set_value(None)
        self.end_field.set_value(None)
        self.show_selected()
        self.name_edit.setFocus()

    def _dates(self):  # noqa: ANN202
        """(start, end) as typed, or None after showing what is wrong beside the field."""
        try:
            start = self.start_field.value()
        except UserError as exc:
            self.errors.show({"term_start": exc.message})
            return None
        if start is None:
            self.errors.show({"term_start": "请填写开始日期"})
            return None
        try:
            end = self.end_field.value()
        except UserError as exc:
            self.errors.show({"term_end": exc.message})
            return None
        return start, end

    def _save(self, term_id: int | None) -> None:
        dates = self._dates()
        if dates is None:
            return
        try:
            saved = self.members.save_term(self.name_edit.text(), *dates, term_id=term_id)
        except UserError as exc:
            self.errors.show({exc.field or "term_name": exc.message})
            return
        self.refresh(select=saved)

    def add(self) -> None:
        self._save(None)

    def save_selected(self) -> None:
        if self.selected_id() is not None:
            self._save(self.selected_id())
