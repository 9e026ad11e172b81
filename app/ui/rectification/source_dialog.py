"""新增 / 编辑 a 问题来源: its kind, name, date, the body that raised it and its 文号."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.services.common.errors import UserError, ValidationFailed
from app.services.rectification.rect_types import SOURCE_KINDS, SourceData
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from app.ui.common.date_field import DateField
from app.ui.common.screen_fit import fit_to_screen
from app.ui.rectification.form_parts import read_date


class SourceDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, source_id: int | None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.source_id = services, source_id
        self.saved_id: int | None = None
        self.setWindowTitle("问题来源" if source_id is None else "编辑问题来源")
        data = services.rectification.source(source_id) if source_id else SourceData("巡察", "", None)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.kind = QComboBox()
        self.kind.addItems(SOURCE_KINDS)
        self.kind.setCurrentText(data.kind)
        self.title = QLineEdit(data.title)
        self.title.setPlaceholderText("如 2026年县委第三巡察组巡察反馈问题")
        self.raised_on = DateField()
        self.raised_on.set_value(data.raised_on)
        self.raised_by = QLineEdit(data.raised_by)
        self.raised_by.setPlaceholderText("如 县委第三巡察组")
        self.doc_no = QLineEdit(data.doc_no)
        self.doc_no.setPlaceholderText("没有可不填")
        for key, label, widget, required in (("kind", "问题来源", self.kind, True), ("title", "名称", self.title, True),
                                             ("raised_on", "反馈日期", self.raised_on, True),
                                             ("raised_by", "提出单位", self.raised_by, False),
                                             ("doc_no", "文号", self.doc_no, False)):
            self.errors.add_row(key, label, widget, required)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, self.fontMetrics().horizontalAdvance("国") * 36)
        self.title.setFocus()
        self.mark_unchanged()

    def save(self) -> None:
        problems: dict[str, str] = {}
        day = read_date(self.raised_on, "raised_on", problems)
        if problems:
            self.errors.show(problems)
            return
        data = SourceData(self.kind.currentText(), self.title.text(), day, self.raised_by.text(), self.doc_no.text(),
                          self.source_id)
        try:
            self.saved(self.services.rectification.save_source(data))
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
        except UserError as exc:
            dialogs.show_error(self, "不能保存", exc.message)
