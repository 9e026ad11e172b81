"""The notice workflow dialogs: 监委会 review, posting (with the board photo), questions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.notices.notice_types import QuestionData
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard
from app.ui.common.screen_fit import fit_to_screen


class _Form(UnsavedChangesGuard, QDialog):
    """A small form whose errors show beside the fields; subclasses implement ``submit`` and call
    ``mark_unchanged()`` once their fields are filled."""

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        self.buttons = QDialogButtonBox()
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 0)

    def run(self, action) -> None:  # noqa: ANN001
        try:
            action()
        except ValidationFailed as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                dialogs.show_error(self, "不能完成", "\n".join(unplaced))
            return
        except UserError as exc:
            dialogs.show_error(self, "不能完成", exc.message)
            return
        self.accept()


class ReviewDialog(_Form):
    """审核: a member of the reviewing body (监委会, or 支委会 for 党务) approves or sends back."""

    def __init__(self, services, notice_id: int, parent: QWidget | None = None):  # noqa: ANN001
        category = services.notices.get(notice_id).category
        body = services.notice_review.body_for(category)
        super().__init__(f"{body.short}审核", parent)
        self.services, self.notice_id = services, notice_id
        today = services.clock.today()
        self.reviewer = QComboBox()
        for person_id, name in services.notices.reviewers(today, category):
            self.reviewer.addItem(name, person_id)
        self.opinion = QPlainTextEdit("内容真实，程序合规，同意公开。")
        self.opinion.setMaximumHeight(90)
        self.day = DateField()
        self.day.set_value(today)
        self.errors.add_row("reviewer_id", f"审核人（{body.short}成员）", self.reviewer, True)
        self.errors.add_row("opinion", "审核意见", self.opinion, True)
        self.errors.add_row("day", "审核日期", self.day, True)
        approve = self.buttons.addButton("审核通过", QDialogButtonBox.ButtonRole.AcceptRole)
        send_back = self.buttons.addButton("退回修改", QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        approve.clicked.connect(lambda: self.decide(True))
        send_back.clicked.connect(lambda: self.decide(False))
        self.mark_unchanged()

    def decide(self, approve: bool) -> None:
        def act() -> None:
            day = self.day.value() or self.services.clock.today()
            self.services.notices.review(self.notice_id, self.reviewer.currentData(), self.opinion.toPlainText(),
                                         day, approve)

        self.run(act)


class PostDialog(_Form):
    def __init__(self, services, notice_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__("公开（张贴）", parent)
        self.services, self.notice_id = services, notice_id
        self.day = DateField()
        self.day.set_value(services.clock.today())
        self.errors.add_row("day", "张贴日期", self.day, True)
        from app.ui.members.photo_box import PhotoBox

        self.photo = PhotoBox(services.photos)
        self.errors.add_row("photo", "公开栏照片（可后补）", self.photo)
        self.buttons.addButton("确认已张贴", QDialogButtonBox.ButtonRole.AcceptRole).clicked.connect(self.submit)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.mark_unchanged()

    def submit(self) -> None:
        day = self.day.value() or self.services.clock.today()
        self.run(lambda: self.services.notices.post(self.notice_id, day, self.photo.name))


class QuestionDialog(_Form):
    """群众意见: record a question, or its answer."""

    def __init__(self, services, notice_id: int | None, question: QuestionData | None = None,  # noqa: ANN001
                 parent: QWidget | None = None):
        super().__init__("群众意见", parent)
        self.services, self.notice_id, self.existing = services, notice_id, question
        self.asked_on, self.answered_on = DateField(), DateField()
        self.asked_on.set_value(question.asked_on if question else services.clock.today())
        self.asker = QLineEdit(question.asker if question else "")
        self.asker.setPlaceholderText("可不填")
        self.question = QPlainTextEdit(question.question if question else "")
        self.answer = QPlainTextEdit(question.answer if question else "")
        self.answered_on.set_value(question.answered_on if question and question.answered_on else None)
        for key, label, widget, required in (("asked_on", "提出日期", self.asked_on, True), ("asker", "提出人", self.asker, False),
                                             ("question", "意见或问题", self.question, True), ("answer", "答复", self.answer, False),
                                             ("answered_on", "答复日期", self.answered_on, False)):
            self.errors.add_row(key, label, widget, required)
        self.buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole).clicked.connect(self.submit)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.mark_unchanged()

    def submit(self) -> None:
        def act() -> None:
            notices = self.services.questions
            if self.existing is None:
                data = QuestionData(self.asked_on.value() or self.services.clock.today(),
                                    self.question.toPlainText(), self.asker.text(), notice_id=self.notice_id)
                question_id = notices.add_question(data)
            else:
                question_id = self.existing.id
            if self.answer.toPlainText().strip():
                notices.answer(question_id, self.answer.toPlainText(),
                               self.answered_on.value() or self.services.clock.today())

        self.run(act)


class QuestionsDialog(QDialog):
    """群众意见 list: every question (of one notice, or all), unanswered first, with 答复."""

    def __init__(self, services, notice_id: int | None, parent: QWidget | None = None):  # noqa: ANN001
        from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget

        from app.ui.common.form_helpers import close_button, configure_list_table

        super().__init__(parent)
        self.services, self.notice_id = services, notice_id
        self.setWindowTitle("群众意见")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["提出日期", "提出人", "意见或问题", "答复", "状态"])
        configure_list_table(self.table)
        self.table.doubleClicked.connect(lambda _i: self.answer_selected())
        add = QPushButton("登记新意见…")
        add.clicked.connect(self.add)
        answer = QPushButton("答复所选…")
        answer.clicked.connect(self.answer_selected)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(answer)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(close_button(self))
        fit_to_screen(self, 900, 480)
        self.refresh()

    def refresh(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        from app.services.notices.notice_types import QUESTION_ANSWER_DAYS

        today = self.services.clock.today()
        self.questions = sorted(self.services.questions.questions(self.notice_id),
                                key=lambda q: (q.answered_on is not None, q.asked_on))
        self.table.setRowCount(len(self.questions))
        for i, q in enumerate(self.questions):
            late = q.answered_on is None and (today - q.asked_on).days > QUESTION_ANSWER_DAYS
            state = (f"已答复（{q.answered_on:%Y-%m-%d}）" if q.answered_on
                     else f"已超过 {QUESTION_ANSWER_DAYS} 天未答复" if late else "待答复")
            for col, text in enumerate((f"{q.asked_on:%Y-%m-%d}", q.asker or "（未留姓名）", q.question, q.answer, state)):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def add(self) -> None:
        QuestionDialog(self.services, self.notice_id, None, self).exec()
        self.refresh()

    def answer_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            dialogs.show_info(self, "请先选择", "请先点选一条意见。")
            return
        QuestionDialog(self.services, self.notice_id, self.questions[row], self).exec()
        self.refresh()
