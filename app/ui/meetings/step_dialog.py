"""Record the next 四议两公开 step: its date, the meeting that took it (or a new one), the result."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError, ValidationFailed
from app.services.meetings.matters import REJECTED, STEP_KINDS
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import STEP_TITLES, StepData
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_confirmed
from app.ui.common.screen_fit import fit_to_screen

OUTCOMES = ("通过", REJECTED)
NEAR_DAYS = 30  # meetings offered for a step: this many days either side of its date
CHOOSE = "（请选择会议）"


class StepDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, matter_id: int, step: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.matter_id = matter_id
        self.step = step
        self.setWindowTitle(f"第{step}步：{STEP_TITLES[step]}")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.date = DateField()
        self.date.set_value(services.clock.today())
        self.errors.add_row("date", "日期", self.date, True)
        self.meeting = QComboBox()
        self.outcome = QComboBox()
        self.outcome.addItems(OUTCOMES)
        self.place = QLineEdit()
        self.posted_text = QPlainTextEdit()
        self.note = QLineEdit()
        if step in STEP_KINDS:
            new_meeting = QPushButton("当场新建会议记录…")
            new_meeting.clicked.connect(self.create_meeting)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(self.meeting, 1)
            row_layout.addWidget(new_meeting)
            self.errors.add_row("meeting_id", "会议", row, True)
            # The chosen meeting's 应到 / 实到, quorum and vote, judged as the save will judge them.
            self.counts = QLabel()
            self.counts.setObjectName("stepCounts")
            self.counts.setWordWrap(True)
            self.heads_button = QPushButton("登记村民会议到会人数…")
            self.heads_button.setAutoDefault(False)
            self.heads_button.clicked.connect(self.edit_heads)
            counts_row = QWidget()
            counts_layout = QVBoxLayout(counts_row)
            counts_layout.setContentsMargins(0, 0, 0, 0)
            counts_layout.addWidget(self.counts)
            counts_layout.addWidget(self.heads_button)
            form.addRow("到会与表决", counts_row)
            self.meeting.currentIndexChanged.connect(self.show_counts)
            self.errors.add_row("outcome", "结果", self.outcome, True)
            self.date.changed.connect(self.load_meetings)
            self.load_meetings()
            self.show_counts()
        else:
            self.place.setPlaceholderText("如 村务公开栏、村民微信群")
            self.posted_text.setPlaceholderText("公开的内容（三公开标签页上线后可直接关联公告）")
            self.errors.add_row("place", "公开地点", self.place, True)
            self.errors.add_row("posted_text", "公开内容", self.posted_text, True)
        self.errors.add_row("note", "备注", self.note)
        buttons = QDialogButtonBox()
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = (f"这一步应在“{'或'.join(k.value for k in STEP_KINDS[step])}”上进行。"
                if step in STEP_KINDS else "记录公开的时间、地点和内容。")
        layout.addWidget(QLabel(hint))
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 0)
        self.mark_unchanged()

    def load_meetings(self) -> None:
        """Meetings of the right kinds within NEAR_DAYS of the step's date, nearest first; none is
        chosen for the clerk (the first in a list is easily saved unread)."""
        try:
            day = self.date.value() or self.services.clock.today()
        except UserError:
            return
        kinds = [k.value for k in STEP_KINDS[self.step]]
        if self.step == 2:
            kinds.append(Kind.BRANCH_COMMITTEE.value)  # 一肩挑: 提议 and 商议 in one sitting
        near = dt.timedelta(days=NEAR_DAYS)
        found = {}
        for year in sorted({(day - near).year, (day + near).year}):
            for kind in kinds:
                for row in self.services.meetings.list_rows(year=year, kind=kind):
                    if abs(row.date - day) <= near:
                        found[row.id] = row
        current = self.meeting.currentData()
        self.meeting.clear()
        self.meeting.addItem(CHOOSE if found else f"{NEAR_DAYS}天内没有这类会议：请先新建会议记录", None)
        for row in sorted(found.values(), key=lambda r: (abs(r.date - day), r.date)):
            self.meeting.addItem(f"{format_date(row.date)} {' + '.join(row.kinds)}：{row.topic}", row.id)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(current)) if current is not None else 0)

    def show_counts(self) -> None:
        counts = self.services.matters.step_counts(self.step, self.meeting.currentData())
        self.heads_button.setVisible(counts is not None and counts.kind == Kind.VILLAGERS.value)
        if counts is None:
            self.counts.setText("（选择会议后显示应到、实到和表决情况）")
            return
        lines = counts.lines()
        if counts.listed and not counts.quorum_met:
            lines.append("⚠ 到会人数不足，这一步无效")
        elif counts.vote_needed and not counts.vote_recorded:
            lines.append("⚠ 没有表决票数，不能登记为“通过”：请先在会议记录中填写票数")
        elif counts.passes is False:
            lines.append("⚠ 赞成票未过半数，结果应为“未通过”")
        self.counts.setText("\n".join(lines))

    def edit_heads(self) -> None:
        from app.ui.bodies.head_count_dialog import HeadCountDialog

        if self.meeting.currentData() is not None and HeadCountDialog(self.services, self.meeting.currentData(),
                                                                      self).exec():
            self.show_counts()

    def create_meeting(self) -> None:
        from app.ui.meetings.meeting_dialog import MeetingDialog

        try:
            day = self.date.value()
        except UserError:
            day = None
        dialog = MeetingDialog(self.services, None, self, preset_kind=STEP_KINDS[self.step][-1].value,
                               preset_date=day)
        if dialog.exec():
            self.load_meetings()
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(dialog.saved_id)))

    def collect(self) -> StepData:
        try:
            day = self.date.value()
        except UserError as exc:
            raise ValidationFailed({"date": exc.message}) from None
        if day is None:
            raise ValidationFailed({"date": "请填写日期"})
        return StepData(
            step=self.step, date=day,
            meeting_id=self.meeting.currentData() if self.step in STEP_KINDS else None,
            outcome=self.outcome.currentText() if self.step in STEP_KINDS else "",
            place=self.place.text().strip(), posted_text=self.posted_text.toPlainText().strip(),
            note=self.note.text().strip(),
        )

    def save(self) -> None:
        try:
            data = self.collect()
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return

        def record(ok: bool) -> bool:
            self.services.matters.add_step(self.matter_id, data, confirmed=ok)
            return True

        if save_confirmed(self, record, self.show_problems, yes="照实保存"):
            self.accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        unplaced = self.errors.show(problems)
        if unplaced:
            dialogs.show_error(self, "这一步不能记录", "\n".join(unplaced))
