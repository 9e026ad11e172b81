"""One 四议两公开 matter: its details and the six steps, recorded one after another."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError, ValidationFailed
from app.services.meetings.matters import format_amount, is_rejected
from app.services.meetings.meeting_types import MATTER_CATEGORIES, MATTER_SOURCES, STEP_TITLES, MatterData
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard
from app.ui.common.screen_fit import fit_to_screen


class MatterDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, matter_id: int | None = None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.matter_id = matter_id
        self.setWindowTitle("新增四议两公开事项" if matter_id is None else "四议两公开事项")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit()
        self.category, self.source = QComboBox(), QComboBox()
        self.category.addItems(MATTER_CATEGORIES)
        self.source.addItems(MATTER_SOURCES)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("如 120000 或 12,345.67（元），没有可不填")
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(90)
        for key, label, widget, required in (("name", "事项名称", self.name, True), ("category", "类别", self.category, True),
                                             ("source", "动议来源", self.source, True), ("amount_fen", "金额（元）", self.amount, False),
                                             ("description", "说明", self.description, False)):
            self.errors.add_row(key, label, widget, required)
        self.steps = QTableWidget(6, 4)
        self.steps.setHorizontalHeaderLabels(["步骤", "日期", "会议或公开地点", "结果"])
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.verticalHeader().setVisible(False)
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.next_button = QPushButton("记录下一步…")
        self.next_button.clicked.connect(self.next_step)
        self.undo_button = QPushButton("撤销最后一步")
        self.undo_button.clicked.connect(self.undo_step)
        self.print_button = QPushButton("打印记录本…")
        self.print_button.clicked.connect(self.print_book)
        step_buttons = QHBoxLayout()
        for button in (self.next_button, self.undo_button, self.print_button):
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        buttons = QDialogButtonBox()
        buttons.addButton("保存事项", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.steps, 1)
        layout.addLayout(step_buttons)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 700)
        self.load()
        self.mark_unchanged()

    def load(self) -> None:
        data = self.services.matters.get(self.matter_id) if self.matter_id else None
        if data is not None:
            self.name.setText(data.name)
            self.category.setCurrentText(data.category)
            self.source.setCurrentText(data.source)
            self.amount.setText(format_amount(data.amount_fen))
            self.description.setPlainText(data.description)
        done = {s.step: s for s in (data.steps if data else [])}
        meetings = {}
        for number in range(1, 7):
            step = done.get(number)
            where = ""
            if step is not None and step.meeting_id:
                meeting = meetings.setdefault(step.meeting_id, self.services.meetings.get(step.meeting_id))
                where = f"{' + '.join(meeting.kinds)}：{meeting.topic}"
            elif step is not None:
                where = step.place
            cells = (f"{number}. {STEP_TITLES[number]}", format_date(step.date) if step else "尚未进行",
                     where, (step.outcome or "已公开") if step else "")
            for col, text in enumerate(cells):
                self.steps.setItem(number - 1, col, QTableWidgetItem(text))
        self.steps.resizeColumnsToContents()
        reached = max(done, default=0)
        ended = any(is_rejected(s.outcome) for n, s in done.items() if n in (3, 4))
        self.next_button.setEnabled(self.matter_id is not None and reached < 6 and not ended)
        self.undo_button.setEnabled(reached > 0)
        self.print_button.setEnabled(self.matter_id is not None)

    def collect(self) -> MatterData:
        try:
            amount = self.services.matters.parse_amount(self.amount.text())
        except UserError as exc:
            raise ValidationFailed({"amount_fen": exc.message}) from None
        return MatterData(name=self.name.text(), category=self.category.currentText(),
                          source=self.source.currentText(), description=self.description.toPlainText(),
                          amount_fen=amount)

    def save(self) -> bool:
        try:
            data = self.collect()
            if self.matter_id is not None:
                data.steps = self.services.matters.get(self.matter_id).steps
            self.matter_id = self.services.matters.save(data, self.matter_id)
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
            return False
        except UserError as exc:
            dialogs.show_error(self, "无法保存", exc.message)
            return False
        self.errors.clear()
        self.load()
        self.mark_unchanged()
        return True

    def next_step(self) -> None:
        from app.ui.meetings.step_dialog import StepDialog

        reached = max((s.step for s in self.services.matters.get(self.matter_id).steps), default=0)
        if StepDialog(self.services, self.matter_id, reached + 1, self).exec():
            self.load()

    def undo_step(self) -> None:
        if not dialogs.ask_yes_no(self, "撤销最后一步", "撤销这个事项最后记录的一步？会议记录本身不会删除。", "撤销"):
            return
        try:
            self.services.matters.remove_last_step(self.matter_id)
        except UserError as exc:
            dialogs.show_error(self, "无法撤销", exc.message)
        self.load()

    def print_book(self) -> None:
        from app.ui.meetings.meeting_prints import print_matter_book

        print_matter_book(self.services, self.matter_id, self)
