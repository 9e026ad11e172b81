"""The 任职记录 table inside the member form: one row per post held, with dates and 届次."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError
from app.services.members.member_types import PostData, TermInfo
from app.services.members.posts import CANONICAL_POSTS
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import rows_in_view

HEADERS = ("职务", "任职日期", "离任日期", "届次", "离任原因", "")


class PostsEditor(QWidget):
    def __init__(self, terms: list[TermInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.terms = terms
        self._ids: list[int | None] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        # Dates, posts and 届次 keep their whole text; 离任原因 takes what is left.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HEADERS.index("离任原因"), QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        rows_in_view(self.table, 6, max(QLineEdit().sizeHint().height(), QComboBox().sizeHint().height()) + 6)
        self.add_button = QPushButton("添加职务")
        self.add_button.clicked.connect(lambda: self.add_post(PostData(title="")))  # the clerk picks the post
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_post(self, post: PostData) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        title = QComboBox()
        title.addItems(["", *CANONICAL_POSTS])
        if post.title and post.title not in CANONICAL_POSTS:
            title.addItem(post.title)
        title.setCurrentText(post.title)
        start, end = DateField(), DateField()
        start.set_value(post.start_date)
        end.set_value(post.end_date)
        term = QComboBox()
        term.addItem("（未定）", None)
        for info in self.terms:
            term.addItem(info.name, info.id)
        term.setCurrentIndex(max(0, term.findData(post.term_id)))
        reason = QLineEdit(post.end_reason)
        reason.setPlaceholderText("如 辞职、调任")
        remove = QPushButton("删除")
        remove.setToolTip("删掉录错的这条任职记录（离任请填写离任日期，不要删除）")
        remove.clicked.connect(lambda: self.remove_row_of(remove))
        for col, widget in enumerate((title, start, end, term, reason, remove)):
            self.table.setCellWidget(row, col, widget)
        self._ids.append(post.id)
        return row

    def remove_row_of(self, button: QPushButton) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, len(HEADERS) - 1) is button:
                self.table.removeRow(row)
                del self._ids[row]
                return

    def set_posts(self, posts: list[PostData]) -> None:
        self.table.setRowCount(0)
        self._ids.clear()
        for post in posts:
            self.add_post(post)

    def posts(self) -> list[PostData]:
        """The posts as entered; raises UserError naming the row when a date cannot be read."""
        result = []
        for row in range(self.table.rowCount()):
            title, start, end, term, reason = (self.table.cellWidget(row, c) for c in range(5))
            if not title.currentText():
                raise UserError(f"第{row + 1}行：请选择职务（不要的行点 删除）", "posts")
            try:
                start_date, end_date = start.value(), end.value()
            except UserError as exc:
                raise UserError(f"第{row + 1}行职务：{exc.message}", "posts") from None
            result.append(
                PostData(
                    title=title.currentText(),
                    start_date=start_date,
                    end_date=end_date,
                    term_id=term.currentData(),
                    end_reason=reason.text().strip(),
                    id=self._ids[row],
                )
            )
        return result
