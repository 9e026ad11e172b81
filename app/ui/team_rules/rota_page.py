"""值班 page: a month of the rota with each day's log; generate the month, swap a duty (logged),
write a day's 值班记录, print the 值班表 and the 值班记录 book."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.team_rules.team_types import LEADER, ON_DUTY, DutyLogData
from app.ui.common import dialogs
from app.ui.common.print_dialog import generate_and_preview, village
from app.ui.team_rules.plan_page import team_choices
from app.ui.team_rules.record_dialog import RecordDialog
from app.ui.team_rules.table_page import TablePage

WEEKDAYS = "一二三四五六日"


class RotaPage(TablePage):
    title = "值班"
    columns = ("日期", "星期", "类别", "值班人员", "带班领导", "值班记录")
    empty_text = ""

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, parent)
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(f"{m}月", m)
        self.month.setCurrentIndex(services.clock.today().month - 1)
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bar.addWidget(self.month)
        self.add_button("generate", "生成本月值班表", self.generate)
        self.add_button("log", "登记值班记录", self.open_current)
        self.add_button("swap", "换班…", self.swap)
        self.add_button("print", "打印值班表", lambda: self.print_month(False), edit=False)
        self.add_button("print_log", "打印值班记录", lambda: self.print_month(True), edit=False)
        self.bar.addStretch(1)

    def refresh(self) -> None:
        rota = self.services.team_rules.rota
        days = rota.month(self.year, self.month.currentData())
        logs = {log.day for log, _name in rota.logs(days[0].day, days[-1].day)}
        today = self.services.clock.today()
        rows = []
        for d in days:
            state = "已登记" if d.day in logs else ("未登记" if d.on_duty and d.day < today else "")
            rows.append((d.day, [format_date(d.day), f"星期{WEEKDAYS[d.day.weekday()]}",
                                 d.kind + (f"（{d.holiday}）" if d.holiday else ""),
                                 d.on_duty[1] if d.on_duty else "（未排班）", d.leader[1] if d.leader else "", state]))
        self.fill(rows)
        missing = sum(1 for _k, cells in rows if cells[5] == "未登记")
        planned = any(d.on_duty for d in days)
        self.summary.setText((f"未登记值班记录：{missing}天。" if missing else "") if planned else
                             "这个月还没有排班：点击 生成本月值班表，按两委成员轮流排班，法定节假日加排带班领导。")

    def generate(self) -> None:
        month = self.month.currentData()
        first = dt.date(self.year, month, 1)
        last = dt.date(self.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        rota = self.services.team_rules.rota
        try:
            try:
                rota.generate(first, last)
            except UserError as exc:
                if "已排过班" not in exc.message:
                    raise
                if not dialogs.ask_yes_no(self, "重新排班", f"{exc.message}？换班记录会保留。", "重新生成"):
                    return
                rota.generate(first, last, replace=True)
        except UserError as exc:
            dialogs.show_error(self, "无法排班", exc.message)
        self.refresh()

    def open_current(self) -> None:
        day = self.current_key()
        if day is None:
            dialogs.show_info(self, "值班记录", "请先在列表中选中一天")
            return
        rota = self.services.team_rules.rota
        found = rota.logs(day, day)
        old = found[0][0] if found else DutyLogData(day)
        fields = {key: QPlainTextEdit(getattr(old, key)) for key in ("calls", "visits", "events", "handling")}
        for edit in fields.values():
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(56)
        handover = QLineEdit(old.handover)

        def write() -> None:
            rota.save_log(DutyLogData(day, old.person_id, *(f.toPlainText() for f in fields.values()),
                                      handover.text()))

        labels = {"calls": "来电", "visits": "来访", "events": "事件", "handling": "处理情况"}
        rows = [(key, labels[key], widget, False) for key, widget in fields.items()]
        rows.append(("handover", "交接", handover, False))
        if RecordDialog(f"{format_date(day)} 值班记录", "没有来电来访的，事件写“无”。", rows, write, self).exec():
            self.refresh()

    def swap(self) -> None:
        day = self.current_key()
        if day is None:
            dialogs.show_info(self, "换班", "请先在列表中选中一天")
            return
        role, person, reason = QComboBox(), QComboBox(), QLineEdit()
        role.addItems([ON_DUTY, LEADER])
        for person_id, name in team_choices(self.services, self.year):
            person.addItem(name, person_id)

        def write() -> None:
            self.services.team_rules.rota.swap(day, role.currentText(), person.currentData(), reason.text())

        rows = [("role", "值班角色", role, True), ("person_id", "换成", person, True), ("reason", "换班原因", reason, True)]
        if RecordDialog(f"{format_date(day)} 换班", "换班会记入换班记录。", rows, write, self).exec():
            self.refresh()

    def print_month(self, logs: bool) -> None:
        from app.services.team_rules import team_printing

        month = self.month.currentData()
        what = "值班记录" if logs else "值班表"
        job = team_printing.duty_log_pdf if logs else team_printing.rota_pdf
        generate_and_preview(self.services, f"{village(self.services)}{self.year}年{month}月{what}",
                             lambda p: job(self.services, self.year, month, p), self)
