"""办理: record that one occurrence of a reminder was carried out (date, how, by whom), or undo it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date, format_date_cn
from app.services.common.errors import UserError, ValidationFailed
from app.services.reminders.reminder_rules import DEFAULTS
from app.services.reminders.reminder_types import METHODS, DoneRecord, Occurrence
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_confirmed
from app.ui.common.screen_fit import fit_to_screen


def find_occurrence(services, reminder_id: int, due: dt.date) -> Occurrence | None:  # noqa: ANN001
    """The occurrence as the tab shows it (targets, status, record); a record whose date an edit
    has moved is found in the history. None when ``due`` is neither."""
    found = [o for o in services.reminders.occurrences(due, due) if o.reminder_id == reminder_id]
    found = found or [o for o in services.reminders.history(reminder_id) if o.due == due]
    return found[0] if found else None


def describe_record(record: DoneRecord) -> str:
    return f"{format_date_cn(record.done_on)} 以{record.method}方式办理，办理人 {record.done_by}"


def moved_message(due: dt.date) -> str:
    return f"这条提醒在{format_date_cn(due)}已没有要办的事项（提醒的日期或周期可能已修改）：请刷新列表后再办理。"


class DoneDialog(UnsavedChangesGuard, QDialog):
    """exec() == Accepted means a record was saved or undone.

    When the occurrence no longer exists, exec() says so in words and returns Rejected without
    showing the (empty) form; ``gone`` holds the message.
    """

    def __init__(self, services, reminder_id: int, due: dt.date, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        from app.services.safety.actor import Permission

        self.services = services
        self.reminder_id = reminder_id
        self.due = due
        self.setWindowTitle("办理提醒")
        self.gone = ""  # why the occurrence cannot be opened: exec() says so instead of a blank form
        try:
            data = services.reminders.get(reminder_id)
        except UserError as exc:  # deleted meanwhile
            self.gone = exc.message
            return
        self.occurrence = find_occurrence(services, reminder_id, due)
        if self.occurrence is None:  # the schedule was edited: that day is no longer due
            self.gone = moved_message(due)
            return
        self.subject = data.subject
        targets = self.occurrence.targets
        self.record = self.occurrence.done
        self.setWindowTitle("办理提醒" if self.record is None else "办理记录")

        form = QFormLayout()
        for label, text in (("类型：", data.kind), ("事由：", data.subject), ("对象：", targets),
                            ("应办日期：", format_date(due))):
            value = QLabel(text)
            value.setWordWrap(True)
            form.addRow(label, value)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("done_state")
        form.addRow(self.state)
        self.errors = FieldErrors(form)
        self.done_on = DateField()
        self.method = QComboBox()
        self.method.addItems(METHODS)
        self.done_by = QComboBox()
        self.done_by.setEditable(True)
        self.done_by.addItems(self._names())
        self.done_by.lineEdit().setPlaceholderText("谁办理的，如 张三")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("谈话要点、会议名称、书面材料份数等")
        self.note.setMaximumHeight(110)
        for key, label, widget, required in (
            ("done_on", "办理日期", self.done_on, True), ("method", "方式", self.method, True),
            ("done_by", "办理人", self.done_by, True), ("note", "备注", self.note, False),
        ):
            self.errors.add_row(key, label, widget, required)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("保存办理记录", QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button = buttons.addButton("撤销办理", QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._load()
        can_edit = services.actor is None or services.actor.can(Permission.EDIT)
        self.save_button.setEnabled(can_edit)
        self.undo_button.setEnabled(can_edit)
        self.undo_button.setVisible(self.record is not None)
        fit_to_screen(self, 620, self.sizeHint().height())
        self.mark_unchanged()

    def exec(self) -> int:
        if self.gone:
            dialogs.show_error(self.parentWidget(), "无法打开", self.gone)
            self.reject()
            return QDialog.DialogCode.Rejected.value
        return super().exec()

    def _names(self) -> list[str]:
        rows = sorted(self.services.members.list_rows(), key=lambda r: (not r.in_office, r.sort_name))
        return [r.name for r in rows]

    def _load(self) -> None:
        record = self.record
        if record is None:
            self.done_on.set_value(self.services.clock.today())
            if self.occurrence is not None:  # how this kind is usually done: 学习 at a 会议, reports 书面
                self.method.setCurrentText(DEFAULTS.get(self.occurrence.kind, DEFAULTS["其他"]).method)
            self.done_by.setCurrentText("")
            status = self.occurrence.status if self.occurrence else ""
            self.state.setText(f"状态：{status}。填写办理情况后点 保存办理记录。" if status else "")
            return
        self.state.setText(f"已办理：{describe_record(record)}。可修改后重新保存，或 撤销办理。")
        self.done_on.set_value(record.done_on)
        self.method.setCurrentText(record.method)
        self.done_by.setCurrentText(record.done_by)
        self.note.setPlainText(record.note)

    def collect(self) -> DoneRecord:
        try:
            day = self.done_on.value()
        except UserError as exc:
            raise ValidationFailed({"done_on": exc.message}) from None
        if day is None:
            raise ValidationFailed({"done_on": "请填写办理日期。"})
        return DoneRecord(done_on=day, method=self.method.currentText(), note=self.note.toPlainText().strip(),
                          done_by=self.done_by.currentText().strip())

    def show_problems(self, problems: dict[str, str]) -> None:
        for message in self.errors.show(problems):
            dialogs.show_error(self, "无法保存", message)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            record = self.collect()
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return

        def mark(_confirmed: bool) -> bool:
            self.services.reminders.mark_done(self.reminder_id, self.due, record)
            return True

        if save_confirmed(self, mark, self.show_problems):
            self.accept()

    def undo(self) -> None:
        if self.record is None or not self.undo_button.isEnabled():
            return
        question = (f"撤销“{self.subject}”（应办日期 {format_date(self.due)}）的办理记录："
                    f"{describe_record(self.record)}？撤销后该次提醒恢复为未办理。")
        if not dialogs.ask_yes_no(self, "撤销办理", question, "撤销办理"):
            return
        try:
            self.services.reminders.undo_done(self.reminder_id, self.due)
        except UserError as exc:
            dialogs.show_error(self, "无法撤销", exc.message)
            return
        self.accept()
