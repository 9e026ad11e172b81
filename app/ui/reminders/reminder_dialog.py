"""The form for one 纪律提醒: type, 事由, 对象, when it falls due (and repeats), the rules it recalls."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, ValidationFailed
from app.services.reminders.recurrence import next_due
from app.services.reminders.reminder_rules import DEFAULTS, RULE_TEXTS, KindDefaults, suggested_anchor
from app.services.reminders.reminder_types import EVENT_KINDS, FAMILY_EVENT, HOLIDAYS, KINDS, Recurrence, ReminderData
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import (
    VIEWER_NOTE,
    FieldErrors,
    UnsavedChangesGuard,
    collect_and_save,
    scrolled_form,
    show_as_read_only,
    viewer_only,
)
from app.ui.common.screen_fit import fit_to_screen
from app.ui.reminders.reminder_targets import TargetPicker

# What a 事由 looks like for each kind (the placeholder follows the chosen 类型).
SUBJECT_HINTS = {
    FAMILY_EVENT: "如 张三之子结婚，拟办酒席8桌",
    "个人有关事项报告": "如 2026年度个人有关事项报告",
    "提醒谈话": "如 对新任委员提醒谈话",
    "值班": "如 2027年春节期间值班",
    "学习": "如 学习《中国共产党纪律处分条例》",
}
SUBJECT_HINT = "如 2027年春节前廉政提醒"

# Service problem keys shown beside another field of this form.
ALIASES = {"person_ids": "targets", "all_cadres": "targets", "days_before": "holiday"}


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class ReminderDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, reminder_id: int | None = None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.reminders = services.reminders
        self.reminder_id = reminder_id
        self.saved_id: int | None = None
        self.setWindowTitle("新增纪律提醒" if reminder_id is None else "编辑纪律提醒")

        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(SUBJECT_HINT)
        self.recurrence = QComboBox()
        for recurrence in Recurrence:
            self.recurrence.addItem(recurrence.label, recurrence.value)
        self.holiday = QComboBox()
        self.holiday.addItems(HOLIDAYS)
        self.days_before = QSpinBox()
        self.days_before.setRange(0, 60)
        self.anchor, self.until = DateField(), DateField()
        self.event_kind = QComboBox()
        self.event_kind.addItems(EVENT_KINDS)
        self.event_date = DateField()
        self.due_text = QLabel()
        self.due_text.setWordWrap(True)
        self.due_text.setObjectName("due_text")
        for key, label, widget, required in (
            ("kind", "类型", self.kind, True), ("subject", "事由", self.subject, True),
            ("recurrence", "周期", self.recurrence, False),
            ("holiday", "节日", _row(self.holiday, QLabel("前"), self.days_before, QLabel("天")), True),
            ("event_kind", "事项", self.event_kind, True), ("event_date", "事项日期", self.event_date, True),
            ("anchor", "应办日期", self.anchor, True), ("until", "截止日期", self.until, False),
        ):
            self.errors.add_row(key, label, widget, required)
        self.form.addRow("应报告日期：", self.due_text)
        self.until.edit.setPlaceholderText("不填表示一直重复")

        people_form = QFormLayout()
        self.people_errors = FieldErrors(people_form)
        self.targets = TargetPicker(services.members.list_rows())
        self.people_errors.add_row("targets", "对象", self.targets, True)
        detail_form = QFormLayout()
        self.detail_errors = FieldErrors(detail_form)
        self.detail = QPlainTextEdit()
        self.detail.setMinimumHeight(100)
        self.detail.setPlaceholderText("提醒函中重申的纪律要求")
        self.detail_errors.add_row("detail", "提醒内容", self.detail)

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addLayout(detail_form, 1)
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addLayout(left, 1)
        columns.addLayout(people_form, 1)
        layout, buttons, self.save_button = scrolled_form(self, content, self.save)
        self.history = None
        if reminder_id is not None:
            from app.ui.reminders.reminder_history import HistoryTable

            self.history = HistoryTable(services, reminder_id)
            self.history.open_occurrence.connect(self.open_done)
            box = QGroupBox("办理历史（每次应办日期及办理记录）")
            QVBoxLayout(box).addWidget(self.history)
            layout.addWidget(box, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 700 if reminder_id is not None else 600)

        self._load()
        self.kind.currentTextChanged.connect(self.kind_changed)
        self.recurrence.currentIndexChanged.connect(self._update_rows)
        for signal in (self.event_kind.currentIndexChanged, self.event_date.changed, self.anchor.changed,
                       self.until.changed, self.holiday.currentIndexChanged, self.days_before.valueChanged):
            signal.connect(self.update_due_text)
        self.mark_unchanged()
        if viewer_only(services):
            show_as_read_only(self, content, buttons, self.save_button, "查看提醒（只读）", VIEWER_NOTE)

    def chosen_recurrence(self) -> Recurrence:
        return Recurrence(self.recurrence.currentData())

    # ----- what shows -----------------------------------------------------------------------
    def _set_row(self, key: str, visible: bool, label: str | None = None) -> None:
        holder = self.errors.widgets[key].parentWidget()
        self.form.setRowVisible(holder, visible)
        if label is not None:
            self.form.labelForField(holder).setText(label)

    def _update_rows(self) -> None:
        family = self.kind.currentText() == FAMILY_EVENT
        self.subject.setPlaceholderText(SUBJECT_HINTS.get(self.kind.currentText(), SUBJECT_HINT))
        holiday = not family and self.chosen_recurrence() is Recurrence.HOLIDAY
        self.recurrence.setEnabled(not family)
        if family:
            self.recurrence.setCurrentIndex(self.recurrence.findData(Recurrence.ONCE.value))
        self._set_row("holiday", holiday)
        self._set_row("event_kind", family)
        self._set_row("event_date", family)
        self._set_row("anchor", not family, "从哪天起＊：" if holiday else "应办日期＊：")
        self._set_row("until", not family and self.chosen_recurrence() is not Recurrence.ONCE)
        self.form.setRowVisible(self.due_text, family or self.chosen_recurrence() is not Recurrence.ONCE)
        self.form.labelForField(self.due_text).setText("应报告日期：" if family else "下次应办：")
        self.update_due_text()

    def update_due_text(self) -> None:
        """婚丧喜庆: the day the report is due, computed live; repeating reminders: the next due day."""
        if self.kind.currentText() != FAMILY_EVENT:
            self.due_text.setText(self._next_due_text())
            return
        try:
            event_day = self.event_date.value()
        except UserError:
            event_day = None
        if event_day is None:
            self.due_text.setText("填写事项日期后，这里显示应报告的日期。")
            return
        try:
            shift = self.reminders.family_event_due(self.event_kind.currentText(), event_day)
        except UserError as exc:
            self.due_text.setText(exc.message)
            return
        note = f"（{shift.note}）" if shift.note else ""
        late = "（已过期）" if shift.day < self.services.clock.today() else ""
        self.due_text.setText(f"应于{format_date_cn(shift.day)}前书面报告{late}{note}")

    def _next_due_text(self) -> str:
        try:
            anchor, until = self.anchor.value(), self.until.value()
        except UserError:
            return ""
        if anchor is None:
            return ""
        today = self.services.clock.today()
        day = next_due(self.chosen_recurrence(), anchor, today, holiday=self.holiday.currentText(),
                       days_before=self.days_before.value(), until=until)
        return format_date_cn(day) if day else "截止日期前已没有应办的日期"

    def kind_changed(self, kind: str) -> None:
        """A kind brings its usual settings, and its standard rules text unless one was written."""
        previous = getattr(self, "_kind", "")
        defaults = DEFAULTS.get(kind)
        if defaults is not None:
            self._apply_defaults(kind, defaults)
        text = self.detail.toPlainText().strip()
        if not text or text == RULE_TEXTS.get(previous, "").strip():
            self.detail.setPlainText(RULE_TEXTS.get(kind, ""))
        self._kind = kind
        self._update_rows()

    def _apply_defaults(self, kind: str, defaults: KindDefaults) -> None:
        self.recurrence.setCurrentIndex(self.recurrence.findData(defaults.recurrence.value))
        if defaults.holiday:
            self.holiday.setCurrentText(defaults.holiday)
        self.days_before.setValue(defaults.days_before)
        if not self.targets.person_ids():
            self.targets.all_cadres.setChecked(defaults.all_cadres)
        if self.reminder_id is None:
            self.anchor.set_value(suggested_anchor(kind, self.services.clock.today()))

    # ----- data in and out ------------------------------------------------------------------
    def _load(self) -> None:
        if self.reminder_id is None:
            self.kind.setCurrentIndex(0)
            self.kind_changed(self.kind.currentText())
            return
        data = self.reminders.get(self.reminder_id)
        self.kind.setCurrentText(data.kind)
        self._kind = data.kind
        self.subject.setText(data.subject)
        self.recurrence.setCurrentIndex(self.recurrence.findData(Recurrence(data.recurrence).value))
        if data.holiday:
            self.holiday.setCurrentText(data.holiday)
        self.days_before.setValue(data.days_before)
        self.anchor.set_value(data.anchor)
        self.until.set_value(data.until)
        if data.event_kind:
            self.event_kind.setCurrentText(data.event_kind)
        self.event_date.set_value(data.event_date)
        self.targets.set_targets(data.person_ids, data.all_cadres)
        self.detail.setPlainText(data.detail or RULE_TEXTS.get(data.kind, ""))
        self._update_rows()

    def _state(self) -> tuple:
        return (self.kind.currentText(), self.subject.text(), self.recurrence.currentIndex(),
                self.holiday.currentText(), self.days_before.value(), self.anchor.edit.text(),
                self.until.edit.text(), self.event_kind.currentText(), self.event_date.edit.text(),
                tuple(self.targets.person_ids()), self.targets.all_cadres.isChecked(), self.detail.toPlainText())

    def _date(self, field: DateField, key: str) -> dt.date | None:
        try:
            return field.value()
        except UserError as exc:
            raise ValidationFailed({key: exc.message}) from None

    def collect(self) -> ReminderData:
        kind = self.kind.currentText()
        family = kind == FAMILY_EVENT
        recurrence = self.chosen_recurrence()
        holiday = recurrence is Recurrence.HOLIDAY and not family
        event_date = self._date(self.event_date, "event_date") if family else None
        anchor = self._date(self.anchor, "anchor") if not family else None
        if family and event_date is not None:
            anchor = self.reminders.family_event_due(self.event_kind.currentText(), event_date).day
        detail = self.detail.toPlainText().strip()
        return ReminderData(
            kind=kind, subject=self.subject.text().strip(), anchor=anchor, recurrence=recurrence,
            person_ids=[] if self.targets.all_cadres.isChecked() else self.targets.person_ids(),
            all_cadres=self.targets.all_cadres.isChecked(),
            detail="" if detail == RULE_TEXTS.get(kind, "").strip() else detail,
            holiday=self.holiday.currentText() if holiday else "",
            days_before=self.days_before.value() if holiday else 0,
            until=None if family or recurrence is Recurrence.ONCE else self._date(self.until, "until"),
            event_kind=self.event_kind.currentText() if family else "", event_date=event_date,
            id=self.reminder_id,
        )

    # ----- saving ---------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        family = self.kind.currentText() == FAMILY_EVENT
        placed: dict[str, str] = {}
        for key, message in problems.items():
            key = ALIASES.get(key, key)
            if family and key == "anchor":
                key = "event_date"
            placed.setdefault(key, message)
        self.detail_errors.show({k: v for k, v in placed.items() if k == "detail"})
        self.people_errors.show({k: v for k, v in placed.items() if k == "targets"})
        left = {k: v for k, v in placed.items() if k not in ("detail", "targets")}
        for message in self.errors.show(left):  # last, so the focus lands on the first error on the left
            dialogs.show_error(self, "无法保存", message)

    def save(self) -> None:
        saved = collect_and_save(self, self.collect, lambda data, ok: self.reminders.save(data, self.reminder_id, ok),
                                 self.show_problems)
        if saved is not None:
            self.saved(saved)

    def open_done(self, due: dt.date) -> None:
        from app.ui.reminders.done_dialog import DoneDialog

        if DoneDialog(self.services, self.reminder_id, due, self).exec() and self.history is not None:
            self.history.refresh()
