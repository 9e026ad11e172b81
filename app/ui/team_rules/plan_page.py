"""党建计划 page: the year's plan lines and how each went; new lines, hand marks, the meeting that
adopted the plan, a plan generated from the meeting rules or copied from last year, the print."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.services.common.errors import UserError
from app.services.meetings.meeting_kinds import Kind
from app.services.notices.notice_types import CATEGORIES
from app.services.team_rules.team_types import (
    MONTH,
    PROOF_MATTER,
    PROOF_MEETING,
    PROOF_NOTICE,
    PROOF_REMINDER,
    QUARTER,
    YEAR,
    PlanItemData,
    When,
)
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.print_dialog import generate_and_preview, village
from app.ui.team_rules.record_dialog import RecordDialog
from app.ui.team_rules.table_page import TablePage

WHENS = [When(MONTH, m) for m in range(1, 13)] + [When(QUARTER, q) for q in range(1, 5)] + [When(YEAR)]
PROOFS = [("", "", "手工登记（完成后标记）")] + [(PROOF_MEETING, k.value, f"会议记录：{k.value}") for k in Kind] + [
    (PROOF_NOTICE, c, f"三公开：{c}") for c in CATEGORIES]


def team_choices(services, year: int) -> list[tuple[int, str]]:  # noqa: ANN001
    """(person id, name) of the 两委 members of ``year``, for 责任人 lists."""
    return [(m.person_id, m.name) for m in services.team_rules.duties.year(year)]


class PlanItemDialog(RecordDialog):
    def __init__(self, services, year: int, row=None, parent: QWidget | None = None):  # noqa: ANN001
        self.services, self.year, self.item_id = services, year, row.id if row else None
        data = row.data if row else PlanItemData(When(MONTH, services.clock.today().month), "")
        self.when = QComboBox()
        for when in WHENS:
            self.when.addItem(when.label, when)
        self.when.setCurrentIndex(WHENS.index(data.when) if data.when in WHENS else 0)
        self.content = QLineEdit(data.content)
        self.owner = QComboBox()
        self.owner.addItem("（未指定）", None)
        for person_id, name in team_choices(services, year):
            self.owner.addItem(name, person_id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(data.owner_id)))
        self.standard = QLineEdit(data.standard)
        self.proof = QComboBox()
        # Keys as text: a tuple does not survive the trip through a Qt item's data.
        for kind, ref, label in PROOFS:
            self.proof.addItem(label, f"{kind}|{ref}")
        linked = data.proof_kind in (PROOF_MATTER, PROOF_REMINDER)
        if linked:  # kept as it is: links to one record are made when starting from a template
            self.proof.addItem(row.proof_text or "已关联的事项", f"{data.proof_kind}|{data.proof_ref}")
        self.proof.setCurrentIndex(max(0, self.proof.findData(f"{data.proof_kind}|{data.proof_ref}")))
        self.done_on = DateField()
        self.done_on.set_value(data.done_on)
        self.done_note = QLineEdit(data.done_note)
        self.reason = QLineEdit()
        rows = [("when", "时间", self.when, True), ("content", "工作内容", self.content, True),
                ("owner_id", "责任人", self.owner, False), ("standard", "完成标准", self.standard, False),
                ("proof_ref", "完成依据", self.proof, False), ("done_on", "完成日期", self.done_on, False),
                ("done_note", "完成情况", self.done_note, False)]
        adopted = services.team_rules.plans.view(year).adopted_meeting_id is not None
        if adopted:
            rows.append(("reason", "调整原因", self.reason, False))
        hint = ("选了会议记录或三公开作完成依据的，登记了相应记录就自动算完成；手工登记的，完成后填写完成日期和完成情况。"
                + ("计划已经会议通过，这次修改会记入计划调整记录。" if adopted else ""))
        super().__init__("编辑计划项目" if row else "新增计划项目", hint, rows, self.write_item, parent)

    def write_item(self) -> None:
        try:
            done_on = self.done_on.value()
        except UserError as exc:
            raise UserError(exc.message, "done_on") from None
        kind, ref = self.proof.currentData().split("|", 1)
        data = PlanItemData(self.when.currentData(), self.content.text(), self.owner.currentData(),
                            self.standard.text(), kind, ref, done_on, self.done_note.text())
        self.item_id = self.services.team_rules.plans.save_item(self.year, data, self.item_id, self.reason.text())


class PlanPage(TablePage):
    title = "党建计划"
    columns = ("序号", "时间", "工作内容", "责任人", "完成情况", "完成依据")
    empty_text = "这一年还没有党建计划。点击 按制度生成（按会议频次要求列出全年工作）、沿用上年计划，或 新增 逐项填写。"

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, parent)
        self.rows: dict[int, object] = {}
        self.add_button("new", "新增", self.add_item)
        self.add_button("edit", "编辑", self.open_current)
        self.add_button("delete", "删除", self.delete_item)
        self.add_button("template", "按制度生成", lambda: self.start(False))
        self.add_button("copy", "沿用上年计划", lambda: self.start(True))
        self.add_button("adopt", "通过计划的会议…", self.adopt)
        self.add_button("print", "打印计划和完成情况", self.print_plan, edit=False)
        self.bar.addStretch(1)

    def refresh(self) -> None:
        view = self.services.team_rules.plans.view(self.year)
        self.rows = {row.id: row for row in view.items}
        self.fill([(row.id, [str(n), row.data.when.label, row.data.content, row.owner, row.state, row.proof_text])
                   for n, row in enumerate(view.items, 1)])
        counts = "，".join(f"{s}{view.count(s)}项" for s in ("已完成", "逾期完成", "未完成", "未到期"))
        adopted = view.adopted_text or "尚未登记通过计划的会议"
        self.summary.setText(f"{self.year}年共{len(view.items)}项：{counts}。{adopted}。" if view.items else "")

    def add_item(self) -> None:
        dialog = PlanItemDialog(self.services, self.year, None, self)
        if dialog.exec():
            self.refresh()
            self.select_key(dialog.item_id)

    def open_current(self) -> None:
        row = self.rows.get(self.current_key())
        if row is None:
            return
        dialog = PlanItemDialog(self.services, self.year, row, self)
        if dialog.exec():
            self.refresh()

    def delete_item(self) -> None:
        row = self.rows.get(self.current_key())
        if row is None:
            dialogs.show_info(self, "删除", "请先在列表中选中要删除的计划项目")
            return
        if dialogs.ask_yes_no(self, "删除计划项目", f"删除“{row.data.when.label} {row.data.content}”？此操作无法撤销。",
                              "删除"):
            self._try(lambda: self.services.team_rules.plans.delete_item(row.id))

    def start(self, from_last_year: bool) -> None:
        plans = self.services.team_rules.plans

        def go() -> None:
            items = plans.from_last_year(self.year) if from_last_year else plans.template(self.year)
            count = plans.start(self.year, items)
            dialogs.show_info(self, "已生成", f"已列出{self.year}年的{count}项工作，请逐项核对责任人和完成标准。")

        self._try(go)

    def adopt(self) -> None:
        choices = []
        for kind in (Kind.BRANCH_COMMITTEE, Kind.PARTY_CONGRESS):
            for r in self.services.meetings.list_rows(year=self.year, kind=kind.value):
                choices.append((f"{r.date.isoformat()} {r.topic}", r.id))
        if not choices:
            dialogs.show_info(self, "通过计划的会议", f"{self.year}年还没有支委会或党员大会的记录：请先在 会议记录 中登记")
            return
        picked = dialogs.ask_choice(self, "通过计划的会议", "年度党建计划是在哪次会议上通过的？", [c[0] for c in choices])
        if picked is not None:
            meeting_id = dict(choices)[picked]
            self._try(lambda: self.services.team_rules.plans.adopt(self.year, meeting_id))

    def print_plan(self) -> None:
        from app.services.team_rules import team_printing

        generate_and_preview(self.services, f"{village(self.services)}{self.year}年党建工作计划",
                             lambda p: team_printing.plan_pdf(self.services, self.year, p), self)

    def _try(self, action) -> None:  # noqa: ANN001
        try:
            action()
        except UserError as exc:
            dialogs.show_error(self, "无法完成", exc.message)
        self.refresh()
