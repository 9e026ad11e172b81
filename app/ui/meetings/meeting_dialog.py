"""The form for one meeting: kinds, time and place, people, attendance, minutes, votes, files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import MeetingData
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import (
    VIEWER_NOTE,
    FieldErrors,
    UnsavedChangesGuard,
    boxed_with_error,
    collect_and_save,
    scrolled_form,
    show_as_read_only,
    viewer_only,
)
from app.ui.common.screen_fit import fit_to_screen
from app.ui.meetings.attendance_editor import AttendanceEditor

NONE = "（无）"


def _text_box(height: int, hint: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(hint)
    box.setMinimumHeight(height)
    return box


class MeetingDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, meeting_id: int | None = None, parent: QWidget | None = None,  # noqa: ANN001
                 preset_kind: str | None = None, preset_date: dt.date | None = None):
        super().__init__(parent)
        self.services = services
        self.meetings = services.meetings
        self.meeting_id = meeting_id
        self.saved_id: int | None = None
        self.setWindowTitle("新增会议记录" if meeting_id is None else "编辑会议记录")
        people = [(r.id, r.name) for r in sorted(services.members.list_rows(), key=lambda r: r.sort_name)]

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.kind = QComboBox()
        self.kind.addItems([k.value for k in Kind])
        self.second_kind = QComboBox()
        self.second_kind.addItems([NONE, *[k.value for k in Kind]])
        kinds_row = QWidget()
        kinds_layout = QHBoxLayout(kinds_row)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        kinds_layout.addWidget(self.kind, 1)
        kinds_layout.addWidget(QLabel("同时算作："))
        kinds_layout.addWidget(self.second_kind, 1)
        self.topic = QLineEdit()
        self.date = DateField()
        self.start_time, self.end_time = QLineEdit(), QLineEdit()
        self.start_time.setPlaceholderText("如 09:00")
        self.end_time.setPlaceholderText("如 11:30")
        times = QWidget()
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start_time)
        times_layout.addWidget(QLabel("至"))
        times_layout.addWidget(self.end_time)
        self.place = QLineEdit()
        self.host, self.recorder = QComboBox(), QComboBox()
        for combo in (self.host, self.recorder):
            combo.addItem(NONE, None)
            for person_id, name in people:
                combo.addItem(name, person_id)
        self.party_group = QLineEdit()
        self.party_group.setPlaceholderText("党小组会时填写，如 第一党小组")
        for key, label, widget, required in (
            ("kinds", "会议类型", kinds_row, True), ("topic", "主题", self.topic, True),
            ("date", "日期", self.date, True), ("time", "时间", times, False),
            ("place", "地点", self.place, False), ("host_id", "主持人", self.host, False),
            ("recorder_id", "记录人", self.recorder, False), ("party_group", "党小组", self.party_group, False),
        ):
            self.errors.add_row(key, label, widget, required)

        self.attendance = AttendanceEditor(people)
        self.attendance.fill_button.clicked.connect(self.fill_expected)
        attendance_box, self.attendance_error = boxed_with_error("参会情况（应到、实到）", self.attendance)

        content_form = QFormLayout()
        self.content_errors = FieldErrors(content_form)
        self.observers = QLineEdit()
        self.observers.setPlaceholderText("列席人员姓名，用顿号隔开")
        self.agenda = _text_box(60, "会议议程，一行一项")
        self.minutes = _text_box(160, "会议主要内容（记录）")
        self.resolution = _text_box(60, "形成的决议")
        self.votes = [QSpinBox() for _ in range(3)]
        votes_row = QWidget()
        votes_layout = QHBoxLayout(votes_row)
        votes_layout.setContentsMargins(0, 0, 0, 0)
        for label, spin in zip(("赞成", "反对", "弃权"), self.votes, strict=True):
            spin.setRange(-1, 9999)
            spin.setSpecialValueText("—")
            spin.setValue(-1)
            votes_layout.addWidget(QLabel(label))
            votes_layout.addWidget(spin)
        votes_layout.addStretch(1)
        for key, label, widget in (("observers", "列席人员", self.observers), ("agenda", "议程", self.agenda),
                                   ("minutes", "主要内容", self.minutes), ("resolution", "决议", self.resolution),
                                   ("votes", "表决（票）", votes_row)):
            self.content_errors.add_row(key, label, widget)

        self.files = QListWidget()
        self.files.setMaximumHeight(90)
        self.files.itemDoubleClicked.connect(lambda item: self.open_file(item.data(256)))
        add_file = QPushButton("添加附件（签到表照片等）…")
        add_file.clicked.connect(self.add_file)
        files_box = QGroupBox("附件（双击打开）")
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.files)
        files_layout.addWidget(add_file)
        self._attachments = []

        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(form)
        body.addWidget(attendance_box, 1)  # the list of people grows with the dialog
        body.addLayout(content_form)
        body.addWidget(files_box)
        layout, buttons, self.save_button = scrolled_form(self, content, self.save)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 760)
        self._load(preset_kind, preset_date)
        self.mark_unchanged()
        if viewer_only(services):
            show_as_read_only(self, content, buttons, self.save_button, "查看会议记录（只读）", VIEWER_NOTE)

    # ----- data in and out ----------------------------------------------------------------
    def _load(self, preset_kind: str | None, preset_date: dt.date | None) -> None:
        if self.meeting_id is None:
            self.kind.setCurrentText(preset_kind or Kind.BRANCH_COMMITTEE.value)
            self.date.set_value(preset_date or self.services.clock.today())
            self.fill_expected()
            return
        data = self.meetings.get(self.meeting_id)
        self.kind.setCurrentText(data.kinds[0])
        self.second_kind.setCurrentText(data.kinds[1] if len(data.kinds) > 1 else NONE)
        self.topic.setText(data.topic)
        self.date.set_value(data.date)
        self.start_time.setText(data.start_time)
        self.end_time.setText(data.end_time)
        self.place.setText(data.place)
        self.host.setCurrentIndex(max(0, self.host.findData(data.host_id)))
        self.recorder.setCurrentIndex(max(0, self.recorder.findData(data.recorder_id)))
        self.party_group.setText(data.party_group)
        self.attendance.set_rows(data.attendance)
        self.observers.setText(data.observers)
        self.agenda.setPlainText(data.agenda)
        self.minutes.setPlainText(data.minutes)
        self.resolution.setPlainText(data.resolution)
        for spin, value in zip(self.votes, (data.votes_for, data.votes_against, data.votes_abstain), strict=True):
            spin.setValue(-1 if value is None else value)
        self._attachments = list(data.attachments)
        self._show_files()

    def kinds(self) -> list[str]:
        kinds = [self.kind.currentText()]
        if self.second_kind.currentText() not in (NONE, kinds[0]):
            kinds.append(self.second_kind.currentText())
        return kinds

    def fill_expected(self) -> None:
        try:
            day = self.date.value() or self.services.clock.today()
        except UserError:
            day = self.services.clock.today()
        self.attendance.set_rows(self.meetings.expected_attendees(self.kinds(), day, self.party_group.text().strip()))

    def collect(self) -> MeetingData:
        try:
            day = self.date.value()
        except UserError as exc:
            raise ValidationFailed({"date": exc.message}) from None
        votes = [None if spin.value() < 0 else spin.value() for spin in self.votes]
        return MeetingData(
            kinds=self.kinds(), topic=self.topic.text(), date=day,
            start_time=self.start_time.text().strip(), end_time=self.end_time.text().strip(),
            place=self.place.text(), host_id=self.host.currentData(), recorder_id=self.recorder.currentData(),
            party_group=self.party_group.text(), agenda=self.agenda.toPlainText(),
            minutes=self.minutes.toPlainText(), resolution=self.resolution.toPlainText(),
            votes_for=votes[0], votes_against=votes[1], votes_abstain=votes[2],
            observers=self.observers.text(), attendance=self.attendance.attendance(),
            attachments=list(self._attachments),
        )

    # ----- files ----------------------------------------------------------------------------
    def _show_files(self) -> None:
        self.files.clear()
        for attachment in self._attachments:
            self.files.addItem(f"{attachment.title}（{attachment.size // 1024} KB）")
            self.files.item(self.files.count() - 1).setData(256, attachment.stored_name)

    def add_file(self) -> None:
        path = dialogs.ask_open_path(self, "选择附件", "图片或文档 (*.jpg *.jpeg *.png *.bmp *.pdf *.doc *.docx *.xlsx)")
        if not path:
            return
        try:
            self._attachments.append(self.meetings.add_attachment(Path(path)))
        except UserError as exc:
            dialogs.show_error(self, "无法添加附件", exc.message)
            return
        self._show_files()

    def open_file(self, stored_name: str) -> None:
        path = self.meetings.attachment_path(stored_name)
        if path is None:
            dialogs.show_error(self, "附件不见了", "附件文件已不在数据文件夹中：请从备份恢复，或重新添加。")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # ----- saving ---------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        aliases = {"start_time": "time", "end_time": "time", "votes_for": "votes", "votes_against": "votes",
                   "votes_abstain": "votes", "attachments": "observers"}
        main: dict[str, str] = {}
        for key, message in problems.items():
            main.setdefault(aliases.get(key, key), message)
        self.content_errors.show({k: v for k, v in main.items() if k in self.content_errors.labels})
        self.errors.show({k: v for k, v in main.items() if k in self.errors.labels})
        message = main.get("attendance", "")
        self.attendance_error.setText(message)
        self.attendance_error.setVisible(bool(message))

    def save(self) -> None:
        saved = collect_and_save(self, self.collect, lambda data, ok: self.meetings.save(data, self.meeting_id, ok),
                                 self.show_problems, yes="照实保存")
        if saved is not None:
            self.saved(saved)
