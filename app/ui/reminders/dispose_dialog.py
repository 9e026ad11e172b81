"""标记已处理 / 忽略 reminders derived from other tabs, with one reason (which is stored).

Several items can be marked at once with the same reason: each is stored in its own
transaction, in order; the first that fails stops the rest and is named.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError, ValidationFailed
from app.services.reminders.reminder_types import HANDLED, IGNORED
from app.services.workbench.workbench_types import DueItem
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, save_cancel_buttons
from app.ui.common.screen_fit import fit_to_screen

HINTS = {
    HANDLED: "已经在别处办好（例如会议记在了纸质本上）：请写明何时、如何处理的。",
    IGNORED: ("只对所选事项这一次有效：请写明为什么不用办，例如“该事项已由镇里统一实施，本村不再推进”。"
              "如果某种会议要求本村根本不适用（例如本村未设党小组），请到 设置 → 会议频次要求 中修改，"
              "不必每月忽略。"),
}
SHOWN_TITLES = 3  # how many of the chosen items the dialog names


def describe(item: DueItem) -> str:
    return f"{item.title}（{item.area}，{format_date(item.due)} 到期）"


def subject_text(items: list[DueItem]) -> str:
    """One item by its title; several as “将标记 N 项：” and the first few titles."""
    if len(items) == 1:
        return describe(items[0])
    lines = [f"将标记 {len(items)} 项："] + [f"{n}. {i.title}" for n, i in enumerate(items[:SHOWN_TITLES], 1)]
    if len(items) > SHOWN_TITLES:
        lines.append(f"……另有 {len(items) - SHOWN_TITLES} 项")
    return "\n".join(lines)


class DisposeDialog(UnsavedChangesGuard, QDialog):
    """exec() == Accepted when at least one item was marked (the caller refreshes).

    ``items``: one item or the whole selection; items that are not derived (纪律提醒, settled
    through 办理) are left out and the dialog says how many.
    """

    def __init__(self, services, items: DueItem | Iterable[DueItem], parent: QWidget | None = None,  # noqa: ANN001
                 status: str = HANDLED):
        super().__init__(parent)
        chosen = [items] if isinstance(items, DueItem) else list(items)
        self.services = services
        self.items = [i for i in chosen if i.derived]
        self.skipped = len(chosen) - len(self.items)
        self.saved = 0
        self.setWindowTitle("标记已处理" if status == HANDLED else "忽略")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.subject = QLabel(subject_text(self.items) if self.items else "没有可标记的事项。")
        self.subject.setObjectName("dispose_subject")
        self.subject.setWordWrap(True)
        form.addRow("事项：", self.subject)
        self.skipped_label = QLabel(f"另有 {self.skipped} 项纪律提醒不能标记（请在 纪律提醒 页登记办理情况），已跳过。")
        self.skipped_label.setObjectName("dispose_skipped")
        self.skipped_label.setWordWrap(True)
        if self.skipped:
            form.addRow("", self.skipped_label)
        self.choices = QButtonGroup(self)
        choice_row = QWidget()
        row = QHBoxLayout(choice_row)
        row.setContentsMargins(0, 0, 0, 0)
        for text in (HANDLED, IGNORED):
            button = QRadioButton(text)
            button.setChecked(text == status)
            self.choices.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.errors.add_row("status", "标记为", choice_row, True)
        self.reason = QPlainTextEdit()
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.hint = QLabel()
        self.hint.setObjectName("dispose_hint")
        self.hint.setWordWrap(True)
        self.errors.add_row("reason", "理由", self.reason, True)
        form.addRow("", self.hint)
        self.choices.buttonToggled.connect(lambda *_a: self.hint.setText(HINTS[self.status()]))
        self.hint.setText(HINTS[status])
        buttons, self.save_button = save_cancel_buttons(self, self.save)  # 保存 is also Ctrl+S
        self.save_button.setEnabled(bool(self.items))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("国") * 40
        # Tall enough for the wrapped titles and hint at that width (sizeHint alone does not wrap them).
        fit_to_screen(self, width, max(self.sizeHint().height(), layout.totalHeightForWidth(width)))
        self.reason.setFocus()
        self.mark_unchanged()

    def status(self) -> str:
        return self.choices.checkedButton().text()

    def save(self) -> None:
        """Mark the items in order; stop at the first that fails and say which."""
        if not self.items:
            return
        status, reason = self.status(), self.reason.toPlainText().strip()
        while self.items:
            item = self.items[0]
            try:
                self.services.derived.dispose(item, status, reason)
            except ValidationFailed as exc:
                self._failed(item, exc.problems)
                return
            except UserError as exc:
                self._failed(item, {exc.field or "": exc.message})
                return
            self.items.pop(0)
            self.saved += 1
        self.accept()

    def _failed(self, item: DueItem, problems: dict[str, str]) -> None:
        if not self.saved and all(key in self.errors.labels for key in problems):
            self.errors.show(problems)  # e.g. no reason: shown beside its field, the dialog stays
            return
        self.errors.clear()
        message = "\n".join(problems.values())
        left = len(self.items)
        if not self.saved:
            rest = f"\n这 {left} 项都没有标记。" if left > 1 else ""
            dialogs.show_error(self, "不能保存", f"“{item.title}”未能标记：{message}{rest}")
            return
        dialogs.show_error(self, "没有全部标记",
                           f"已标记 {self.saved} 项；“{item.title}”未能标记：{message}\n"
                           f"没有标记的 {left} 项仍会留在待办中。")
        self.accept()  # what was stored shows as stored: the caller refreshes
