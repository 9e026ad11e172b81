"""主体责任 page (each member's tasks, 责任书 and the prints) and 学习 page (each member's 学时
against the year's requirement, 个人自学 entries; 集中学习 is a meeting kind, recorded in 会议记录)."""

from __future__ import annotations

import datetime as dt

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QPushButton, QSpinBox, QWidget

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.team_rules.team_types import MONTH, QUARTER, DutyTaskData, PledgeData, StudyRequirement, hours_text
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.print_dialog import generate_and_preview, village
from app.ui.team_rules.plan_page import team_choices
from app.ui.team_rules.record_dialog import RecordDialog
from app.ui.team_rules.table_page import TablePage


def _date(field: DateField, key: str) -> dt.date | None:
    try:
        return field.value()
    except UserError as exc:
        raise UserError(exc.message, key) from None


def _person_combo(services, year: int, chosen: int | None = None) -> QComboBox:  # noqa: ANN001
    combo = QComboBox()
    for person_id, name in team_choices(services, year):
        combo.addItem(name, person_id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


class DutiesPage(TablePage):
    title = "主体责任"
    columns = ("姓名", "职务", "责任任务", "时限", "完成情况", "责任书")
    empty_text = "这一年还没有两委成员在任。请先在 两委成员 中登记职务。"

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, parent)
        self.add_button("task", "新增责任任务", self.add_task)
        self.add_button("pledge", "登记责任书…", self.edit_pledge)
        self.add_button("print", "打印责任清单", self.print_list, edit=False)
        self.add_button("print_pledge", "打印责任书", self.print_pledge, edit=False)
        self.bar.addStretch(1)

    def refresh(self) -> None:
        rows = []
        for m in self.services.team_rules.duties.year(self.year):
            signed = format_date(m.pledge.signed_on) if m.pledge and m.pledge.signed_on else "未签订"
            posts = m.posts + ("（第一责任人）" if m.first_responsible else "")
            tasks = m.tasks or (None,)
            for task in tasks:
                if task is None:
                    rows.append((("person", m.person_id), [m.name, posts, "（还没有任务）", "", "", signed]))
                else:
                    rows.append((("task", task.id, m.person_id), [m.name, posts, task.data.task,
                                 format_date(task.data.deadline), task.state, signed]))
        self.fill(rows)

    def _person(self) -> int | None:
        key = self.current_key()
        return key[-1] if key else None

    def add_task(self) -> None:
        person = _person_combo(self.services, self.year, self._person())
        task, deadline = QLineEdit(), DateField()
        deadline.set_value(dt.date(self.year, 12, 31))

        def write() -> None:
            day = _date(deadline, "deadline")
            if day is None:
                raise UserError("请填写时限", "deadline")
            self.services.team_rules.duties.save_task(self.year, DutyTaskData(person.currentData(), task.text(), day))

        rows = [("person_id", "责任人", person, True), ("task", "责任任务", task, True),
                ("deadline", "时限", deadline, True)]
        if RecordDialog("新增责任任务", "书记的任务是第一责任人的任务；其他成员按分工履行一岗双责。", rows, write, self).exec():
            self.refresh()

    def edit_pledge(self) -> None:
        person_id = self._person()
        if person_id is None:
            dialogs.show_info(self, "登记责任书", "请先在列表中选中一位成员")
            return
        duties = self.services.team_rules.duties
        old = duties.member(self.year, person_id).pledge or PledgeData(person_id)
        signed, report, result = DateField(), QLineEdit(old.report_text), QComboBox()
        signed.set_value(old.signed_on)
        result.addItems(["（未考核）", "优秀", "称职", "基本称职", "不称职"])
        result.setCurrentText(old.assessment or "（未考核）")
        scan = {"title": old.scan_title, "stored": old.scan_stored}
        scan_button = QPushButton(old.scan_title or "添加扫描件…")
        scan_button.setAutoDefault(False)  # Enter saves the dialog, never opens the file picker

        def pick_scan() -> None:
            chosen = dialogs.ask_open_path(self, "选择责任书扫描件", "扫描件 (*.pdf *.jpg *.jpeg *.png)")
            if chosen:
                try:
                    scan["title"], scan["stored"] = duties.add_scan(Path(chosen))
                except UserError as exc:
                    dialogs.show_error(self, "无法添加扫描件", exc.message)
                    return
                scan_button.setText(scan["title"])

        scan_button.clicked.connect(pick_scan)

        def write() -> None:
            data = PledgeData(person_id, _date(signed, "signed_on"), scan["title"], scan["stored"],
                              old.report_meeting_id, report.text(),
                              "" if result.currentIndex() == 0 else result.currentText(), old.assessment_note)
            duties.save_pledge(self.year, data)

        rows = [("signed_on", "签订日期", signed, False), ("scan", "扫描件", scan_button, False),
                ("report_text", "述责述廉", report, False),
                ("assessment", "考核结果", result, False)]
        if RecordDialog("登记责任书和年终考核", "", rows, write, self).exec():
            self.refresh()

    def print_list(self) -> None:
        from app.services.team_rules import team_printing

        generate_and_preview(self.services, f"{village(self.services)}{self.year}年主体责任清单",
                             lambda p: team_printing.duties_pdf(self.services, self.year, p), self)

    def print_pledge(self) -> None:
        from app.services.team_rules import team_printing

        person_id = self._person()
        if person_id is None:
            dialogs.show_info(self, "打印责任书", "请先在列表中选中一位成员")
            return
        generate_and_preview(self.services, f"{self.year}年主体责任书",
                             lambda p: team_printing.pledge_pdf(self.services, self.year, person_id, p), self)


class StudyPage(TablePage):
    title = "学习"
    columns = ("姓名", "集中学习学时", "自学学时", "合计", "应达学时", "情况")
    empty_text = "这一年还没有两委成员在任。集中学习在 会议记录 中以“集中学习”类型登记。"

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, parent)
        self.add_button("self", "登记个人自学", self.add_self_study)
        self.add_button("session", "集中学习学时…", self.edit_session)
        self.add_button("requirement", "学习要求…", self.edit_requirement)
        self.add_button("print", "打印学习台账", self.print_study, edit=False)
        self.bar.addStretch(1)

    def refresh(self) -> None:
        study = self.services.team_rules.study
        totals = study.totals(self.year)
        self.fill([(t.person_id, [t.name, hours_text(t.group_hours), hours_text(t.self_hours), hours_text(t.total),
                                  hours_text(t.required), f"差{hours_text(t.short)}学时" if t.short else "已达标"])
                   for t in totals])
        self.summary.setText(f"{self.year}年集中学习{len(study.sessions(self.year))}次（在 会议记录 中以“集中学习”"
                             "类型登记，出席的成员计入学时）。")

    def add_self_study(self) -> None:
        person = _person_combo(self.services, self.year, self.current_key())
        day, content, hours = DateField(), QLineEdit(), QDoubleSpinBox()
        day.set_value(self.services.clock.today())
        hours.setRange(0.5, 24)
        hours.setSingleStep(0.5)
        hours.setValue(1)

        def write() -> None:
            when = _date(day, "date")
            if when is None:
                raise UserError("请填写日期", "date")
            self.services.team_rules.study.add_self_study(person.currentData(), when, content.text(), hours.value())

        rows = [("person_id", "学习人", person, True), ("date", "日期", day, True),
                ("content", "学习内容", content, True), ("hours", "学时", hours, True)]
        if RecordDialog("登记个人自学", "", rows, write, self).exec():
            self.refresh()

    def edit_session(self) -> None:
        """学时 and 学习篇目 of one 集中学习 recorded in 会议记录."""
        study = self.services.team_rules.study
        sessions = {f"{s.date.isoformat()} {s.topic}": s for s in study.sessions(self.year)}
        if not sessions:
            dialogs.show_info(self, "集中学习学时", f"{self.year}年还没有集中学习：请在 会议记录 中以“集中学习”类型登记")
            return
        picked = dialogs.ask_choice(self, "集中学习学时", "登记哪一次集中学习的学时？", list(sessions))
        if picked is None:
            return
        session = sessions[picked]
        hours, materials = QDoubleSpinBox(), QLineEdit(session.materials)
        hours.setRange(0.5, 24)
        hours.setSingleStep(0.5)
        hours.setValue(session.hours)

        def write() -> None:
            study.set_session(session.meeting_id, hours.value(), materials.text())

        rows = [("hours", "学时", hours, True), ("materials", "学习篇目", materials, False)]
        if RecordDialog(f"{picked} 学时", "出席的成员每人计入这些学时。", rows, write, self).exec():
            self.refresh()

    def edit_requirement(self) -> None:
        study = self.services.team_rules.study
        old = study.requirement()
        hours, sessions, per = QDoubleSpinBox(), QSpinBox(), QComboBox()
        hours.setRange(1, 500)
        hours.setValue(old.hours)
        sessions.setRange(1, 10)
        sessions.setValue(old.sessions)
        per.addItem("每月", MONTH)
        per.addItem("每季度", QUARTER)
        per.setCurrentIndex(max(0, per.findData(old.per)))

        def write() -> None:
            study.save_requirement(StudyRequirement(hours.value(), sessions.value(), per.currentData()))

        rows = [("hours", "每人每年学时", hours, True), ("per", "集中学习周期", per, True),
                ("sessions", "每期集中学习次数", sessions, True)]
        if RecordDialog("学习要求", "默认每人每年32学时、每月集中学习1次；按上级要求修改。", rows, write, self).exec():
            self.refresh()

    def print_study(self) -> None:
        from app.services.team_rules import team_printing

        generate_and_preview(self.services, f"{village(self.services)}{self.year}年学习台账",
                             lambda p: team_printing.study_pdf(self.services, self.year, p), self)
