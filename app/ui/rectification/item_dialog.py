"""One 整改问题: what was found, how it is put right (measures, people, deadline, goal), and for a
saved item its progress so far, with 登记进展 (also what 去办理 on the 工作台 opens)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, ValidationFailed
from app.services.rectification.rect_types import DEADLINE, ITEM_KINDS, ONGOING, ItemData, ItemDetail
from app.services.safety.actor import Permission
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from app.ui.common.screen_fit import fit_to_screen
from app.ui.rectification.form_parts import person_combo, read_date

NO_PROGRESS = "还没有登记整改进展。"


def history_text(detail: ItemDetail) -> str:
    """The item's story as the dialog shows it: progress, 销号, reopenings."""
    lines = []
    for p in detail.progress:
        proof = [a.title for a in p.attachments] + [k.text for k in p.links]
        lines.append(f"{format_date_cn(p.date)}：{p.text}" + (f"（佐证：{'、'.join(proof)}）" if proof else ""))
    for r in detail.reopenings:
        lines.append(f"{format_date_cn(r.date)} {r.decided_by} 重新打开（原{format_date_cn(r.closed_on)}销号）：{r.reason}")
    row = detail.row
    if row.closed_on:
        lines.append(f"{format_date_cn(row.closed_on)}销号，验收人：{row.accepted_by}，验收意见：{row.acceptance}")
    return "\n".join(lines) or NO_PROGRESS


class ItemDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, item_id: int | None, parent: QWidget | None = None,  # noqa: ANN001
                 source_id: int | None = None):
        super().__init__(parent)
        self.services, self.item_id = services, item_id
        self.saved_id: int | None = None
        self.progress_added = False
        rect = services.rectification
        data = rect.item_data(item_id) if item_id else ItemData(source_id or 0, "", DEADLINE, [], None, None)
        self.source_id = data.source_id
        self.setWindowTitle("整改问题" if item_id else "新增整改问题")
        names = rect.people()
        form = QFormLayout()
        self.errors = FieldErrors(form)
        source = QLabel(rect.source(data.source_id).title)
        source.setWordWrap(True)
        form.addRow("问题来源：", source)
        self.problem = QPlainTextEdit(data.problem)
        self.problem.setMinimumHeight(self.fontMetrics().height() * 3)
        self.kind = QComboBox()
        self.kind.addItems(ITEM_KINDS)
        self.kind.setCurrentText(data.kind)
        self.measures = QPlainTextEdit("\n".join(data.measures))
        self.measures.setPlaceholderText("每行一条措施")
        self.measures.setMinimumHeight(self.fontMetrics().height() * 3)
        self.leader = person_combo(names, data.leader_id, optional=True)
        self.owner = person_combo(names, data.owner_id, optional=False)
        self.deadline = DateField()
        self.deadline.set_value(data.deadline)
        self.goal = QPlainTextEdit(data.goal)
        self.goal.setMaximumHeight(self.fontMetrics().height() * 3)
        for key, label, widget, required in (
                ("problem", "问题内容", self.problem, True), ("kind", "整改类型", self.kind, True),
                ("measures", "整改措施", self.measures, True), ("leader_id", "责任领导", self.leader, False),
                ("owner_id", "责任人", self.owner, True), ("deadline", "整改时限", self.deadline, True),
                ("goal", "整改目标", self.goal, False)):
            self.errors.add_row(key, label, widget, required)
        self.kind.currentTextChanged.connect(lambda k: self.deadline.setEnabled(k != ONGOING))
        self.deadline.setEnabled(data.kind != ONGOING)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        if item_id:
            self.history = QLabel()
            self.history.setObjectName("rect_history")
            self.history.setWordWrap(True)
            self.add_progress_button = QPushButton("登记进展…")
            self.add_progress_button.setAutoDefault(False)
            self.add_progress_button.clicked.connect(self.add_progress)
            actor = services.actor
            self.add_progress_button.setEnabled(actor is None or actor.can(Permission.EDIT))
            inner.addWidget(QLabel("整改进展："))
            inner.addWidget(self.history)
            inner.addWidget(self.add_progress_button)
            self._show_history()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons, self.save_button = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("国") * 46
        fit_to_screen(self, width, content.sizeHint().height() + buttons.sizeHint().height() + 40)
        self.problem.setFocus()
        self.mark_unchanged()

    def _show_history(self) -> None:
        self.history.setText(history_text(self.services.rectification.item(self.item_id)))

    def add_progress(self) -> None:
        from app.ui.rectification.progress_dialog import ProgressDialog

        if ProgressDialog(self.services, self.item_id, self).exec():
            self.progress_added = True
            self._show_history()

    def data(self) -> ItemData:
        problems: dict[str, str] = {}
        deadline = read_date(self.deadline, "deadline", problems) if self.kind.currentText() != ONGOING else None
        if problems:
            raise ValidationFailed(problems)
        measures = self.measures.toPlainText().splitlines()
        return ItemData(self.source_id, self.problem.toPlainText(), self.kind.currentText(), measures,
                        self.owner.currentData(), deadline, self.leader.currentData(), self.goal.toPlainText(),
                        self.item_id)

    def save(self) -> None:
        try:
            self.saved(self.services.rectification.save_item(self.data()))
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
        except UserError as exc:
            dialogs.show_error(self, "不能保存", exc.message)
