"""The two small forms: one 村民小组 and one 村民代表. Enter saves, 取消 asks before dropping edits."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from app.services.bodies.body_types import GroupData, RepresentativeData
from app.services.common.errors import UserError, ValidationFailed
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, collect_and_save, save_cancel_buttons
from app.ui.common.screen_fit import fit_to_screen

NO_ONE = "（未指定）"
MAX_COUNT = 100_000


def _count_box(high: int = MAX_COUNT, blank: bool = False) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1 if blank else 0, high)
    if blank:
        box.setSpecialValueText("未填")  # -1 shows as 未填: a number not known yet
        box.setValue(-1)
    return box


class GroupDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, group_id: int | None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.group_id = services, group_id
        self.setWindowTitle("编辑村民小组" if group_id else "新增村民小组")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit()
        self.name.setPlaceholderText("如 第一村民小组 或 张家组")
        self.leader = QComboBox()
        self.leader.addItem(NO_ONE, None)
        for pid, name in sorted(services.members.names().items(), key=lambda p: p[1]):
            self.leader.addItem(name, pid)
        self.households, self.adults = _count_box(), _count_box()
        self.errors.add_row("name", "名称", self.name, True)
        self.errors.add_row("leader_id", "组长", self.leader)
        self.errors.add_row("households", "户数", self.households)
        self.errors.add_row("adults", "18岁以上人数", self.adults)
        buttons, _save = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if group_id is not None:
            data = services.villager_groups.get(group_id)
            self.name.setText(data.name)
            self.leader.setCurrentIndex(max(0, self.leader.findData(data.leader_id)))
            self.households.setValue(data.households)
            self.adults.setValue(data.adults)
        fit_to_screen(self, 480, 0)
        self.mark_unchanged()

    def collect(self) -> GroupData:
        return GroupData(self.name.text(), self.leader.currentData(), self.households.value(), self.adults.value())

    def save(self) -> None:
        saved = collect_and_save(self, self.collect,
                                 lambda d, _ok: self.services.villager_groups.save(d, self.group_id),
                                 self.show_problems)
        if saved is not None:
            self.saved(saved)

    def show_problems(self, problems: dict[str, str]) -> None:
        if unplaced := self.errors.show(problems):
            dialogs.show_error(self, "不能保存", "\n".join(unplaced))


class RepresentativeDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, person_id: int | None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services, self.person_id = services, person_id
        self.setWindowTitle("编辑村民代表" if person_id else "新增村民代表")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItems(["", "男", "女"])
        self.phone = QLineEdit()
        self.group = QComboBox()
        self.group.addItem(NO_ONE, None)
        for row in services.villager_groups.list_rows():
            self.group.addItem(row.name, row.id)
        self.contact = _count_box(1000, blank=True)
        self.start, self.end = DateField(), DateField()
        self.errors.add_row("name", "姓名", self.name, True)
        self.errors.add_row("gender", "性别", self.gender)
        self.errors.add_row("phone", "联系电话", self.phone)
        self.errors.add_row("group_id", "村民小组", self.group)
        self.errors.add_row("contact_households", "联系户数", self.contact)
        self.errors.add_row("start_date", "推选日期", self.start, True)
        self.errors.add_row("end_date", "离任日期", self.end)
        self.errors.add_row("posts", "任职", QWidget())  # where a post rule's message shows
        buttons, _save = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        term = services.members.current_term()
        self.term_id = term.id if term else None
        if person_id is not None:
            data = services.representatives.get(person_id)
            self.name.setText(data.name)
            self.gender.setCurrentText(data.gender)
            self.phone.setText(data.phone)
            self.group.setCurrentIndex(max(0, self.group.findData(data.group_id)))
            self.contact.setValue(-1 if data.contact_households is None else data.contact_households)
            self.start.set_value(data.start_date)
            self.end.set_value(data.end_date)
            self.term_id = data.term_id if data.start_date else self.term_id
        elif term is not None:
            self.start.set_value(term.start_date)
        fit_to_screen(self, 480, 0)
        self.mark_unchanged()

    def collect(self) -> RepresentativeData:
        problems, dates = {}, {}
        for key, field in (("start_date", self.start), ("end_date", self.end)):
            try:
                dates[key] = field.value()
            except UserError as exc:
                problems[key] = exc.message
        if problems:
            raise ValidationFailed(problems)
        contact = self.contact.value()
        return RepresentativeData(self.name.text(), self.gender.currentText(), self.phone.text(),
                                  self.group.currentData(), None if contact < 0 else contact,
                                  dates["start_date"], dates["end_date"], self.term_id)

    def save(self) -> None:
        saved = collect_and_save(self, self.collect,
                                 lambda d, ok: self.services.representatives.save(d, self.person_id, ok),
                                 self.show_problems, yes="照样保存")
        if saved is not None:
            self.saved(saved)

    def show_problems(self, problems: dict[str, str]) -> None:
        if unplaced := self.errors.show(problems):
            dialogs.show_error(self, "不能保存", "\n".join(unplaced))
