"""登记整改进展: the date, what was done, 佐证材料 (files copied into the data dir) and links to
the records that prove it (a meeting, a notice, a 四议两公开 matter, a 纪律提醒)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.rectification.rect_types import LINK_KINDS, ProgressData
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from app.ui.common.screen_fit import fit_to_screen
from app.ui.rectification.form_parts import read_date


def _button(text: str, slot) -> QPushButton:  # noqa: ANN001
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter saves the entry, never adds a file
    button.clicked.connect(slot)
    return button


class ProgressDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, item_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.item_id = services, item_id
        self.saved_id: int | None = None
        row = services.rectification.item(item_id).row
        self.setWindowTitle("登记整改进展")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        problem = QLabel(f"{row.seq}. {row.problem}")
        problem.setWordWrap(True)
        form.addRow("问题：", problem)
        self.date = DateField()
        self.date.set_value(services.clock.today())
        self.errors.add_row("date", "日期", self.date, True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("做了什么、结果如何，如 已按季度更新财务公开栏并拍照留存")
        self.text.setMinimumHeight(self.fontMetrics().height() * 4)
        self.errors.add_row("text", "整改进展", self.text, True)

        self.files = QListWidget()
        self.files.setMaximumHeight(self.fontMetrics().height() * 4)
        files_row = QWidget()
        box = QHBoxLayout(files_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.files, 1)
        side = QVBoxLayout()
        side.addWidget(_button("添加文件…", self.add_file))
        side.addWidget(_button("删去", lambda: self._remove(self.files)))
        side.addStretch(1)
        box.addLayout(side)
        self.errors.add_row("attachments", "佐证材料", files_row)

        self.link_kind = QComboBox()
        for kind, label in LINK_KINDS.items():
            self.link_kind.addItem(label, kind)
        self.record = QComboBox()
        self.record.setMinimumContentsLength(16)
        self.link_kind.currentIndexChanged.connect(self._fill_records)
        self.links = QListWidget()
        self.links.setMaximumHeight(self.fontMetrics().height() * 3)
        links_row = QWidget()
        grid = QVBoxLayout(links_row)
        grid.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(self.link_kind)
        pick.addWidget(self.record, 1)
        pick.addWidget(_button("关联", self.add_link))
        grid.addLayout(pick)
        listed = QHBoxLayout()
        listed.addWidget(self.links, 1)
        listed.addWidget(_button("删去", lambda: self._remove(self.links)), 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(listed)
        self.errors.add_row("links", "关联记录", links_row)
        self._fill_records()

        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, self.fontMetrics().horizontalAdvance("国") * 44)
        self.text.setFocus()
        self.mark_unchanged()

    def _fill_records(self) -> None:
        self.record.clear()
        for link in self.services.rectification.linkable(self.link_kind.currentData()):
            self.record.addItem(link.label, link)

    def add_file(self, path: str | None = None) -> None:
        path = path or dialogs.ask_open_path(self, "选择佐证材料", "照片、扫描件或文档 (*.*)")
        if not path:
            return
        try:
            added = self.services.rectification.add_attachment(Path(path))
        except UserError as exc:
            self.errors.show({"attachments": exc.message})
            return
        item = QListWidgetItem(added.title)
        item.setData(Qt.ItemDataRole.UserRole, added)
        self.files.addItem(item)

    def add_link(self) -> None:
        link = self.record.currentData()
        if link is None:
            self.errors.show({"links": f"还没有可关联的{self.link_kind.currentText()}"})
            return
        item = QListWidgetItem(link.text)
        item.setData(Qt.ItemDataRole.UserRole, link)
        self.links.addItem(item)

    @staticmethod
    def _remove(listing: QListWidget) -> None:
        row = listing.currentRow()
        if row >= 0:
            listing.takeItem(row)

    def data(self) -> ProgressData:
        problems: dict[str, str] = {}
        day = read_date(self.date, "date", problems)
        if problems:
            raise ValidationFailed(problems)
        files = [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]
        links = [self.links.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.links.count())]
        return ProgressData(self.item_id, day, self.text.toPlainText(), files, links)

    def save(self) -> None:
        try:
            self.saved(self.services.rectification.save_progress(self.data()))
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
        except UserError as exc:
            dialogs.show_error(self, "不能保存", exc.message)
