"""三公开 tab: the notices list with the workflow buttons, and what is missing or unanswered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.notices.notice_types import CATEGORIES, DRAFT, PENDING, POSTED, REVIEWED
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, page_keys, tool_buttons
from app.ui.common.list_selection import select_key

ALL = "（全部）"
HEADERS = ("编号", "类别", "标题", "所属期", "状态", "公开期", "群众意见")


class NoticesTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.rows = []
        toolbar = QHBoxLayout()
        self.buttons = tool_buttons(toolbar, (
            ("新建", self.add), ("编辑", self.edit), ("提交审核", self.submit), ("审核…", self.review),
            ("公开…", self.post), ("更正…", self.correct), ("打印…", self.print_one),
            ("批量打印…", self.print_batch), ("群众意见…", self.add_question), ("删除", self.delete),
        ))
        toolbar.addStretch(1)
        filters = QHBoxLayout()
        year = services.clock.today().year
        self.year = QComboBox()
        self.year.addItems([str(y) for y in range(year, year - 6, -1)])
        self.category = QComboBox()
        self.category.addItems([ALL, *CATEGORIES])
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索标题、正文")
        self.search.setClearButtonEnabled(True)
        for label, widget in (("年份：", self.year), ("类别：", self.category)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.search, 1)
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        configure_list_table(self.table)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.schedule = QLabel()
        self.schedule.setWordWrap(True)
        self.schedule.setObjectName("schedule")
        self.schedule.setAlignment(Qt.AlignmentFlag.AlignTop)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.schedule)
        split.setStretchFactor(0, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        page_keys(self, self.add, self.search, self.table, self.edit)

    # ----- state ----------------------------------------------------------------------------
    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) and self.table.selectionModel().hasSelection() else None

    def refresh(self, *, select: int | None = None) -> None:
        """Reload; the cursor stays on (or moves to ``select``) the same notice, wherever it now sorts."""
        select = select or self.current_id()
        notices = self.services.notices
        year = int(self.year.currentText())
        category = None if self.category.currentText() == ALL else self.category.currentText()
        self.rows = notices.list_rows(year=year, category=category, text=self.search.text().strip())
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            posting = f"{format_date(row.post_from)} 至 {format_date(row.post_to)}" if row.post_from else ""
            title = ("【更正】" if row.is_correction else "") + row.title
            questions = f"{row.open_questions} 条未答复" if row.open_questions else ""
            for col, text in enumerate((str(row.id), row.category, title, row.period.label, row.status, posting, questions)):
                self.table.setItem(i, col, QTableWidgetItem(text))
        select_key(self.table, [r.id for r in self.rows], select)
        lines = notices.missing(year)
        overdue = self.services.questions.overdue_questions()
        lines += [f"群众意见超过 7 天未答复：{q.asked_on:%Y-%m-%d} {q.asker or '（未留姓名）'}：{q.question[:30]}" for q in overdue]
        self.schedule.setText("需要处理：\n" + "\n".join(lines) if lines else "本年度到目前为止，应发布的公开都已发布，没有待审核的公告。")
        self.status_changed.emit(self.status_text())

    def status_text(self) -> str:
        return f"三公开：显示 {len(self.rows)} 份公告"

    def row_count(self) -> int:
        return len(self.services.notices.list_rows())

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        for name in ("新建", "编辑", "提交审核", "审核…", "公开…", "更正…", "群众意见…"):
            self.buttons[name].setEnabled(actor.can(Permission.EDIT))
        self.buttons["删除"].setEnabled(actor.can(Permission.DELETE))

    def selected(self):  # noqa: ANN201
        row = self.table.currentRow()
        if row < 0:
            dialogs.show_info(self, "请先选择", "请先在表格中点选一份公告。")
            return None
        return self.rows[row]

    def _act(self, action) -> None:  # noqa: ANN001
        try:
            action()
        except UserError as exc:
            dialogs.show_error(self, "不能完成", exc.message)
        self.refresh()

    # ----- actions --------------------------------------------------------------------------
    def add(self) -> None:
        from app.ui.notices.notice_dialog import NoticeDialog

        dialog = NoticeDialog(self.services, None, self)
        dialog.exec()
        self.refresh(select=dialog.saved_id)

    def edit(self) -> None:
        from app.ui.notices.notice_dialog import NoticeDialog

        row = self.selected()
        if row is None:
            return
        dialog = NoticeDialog(self.services, row.id, self)
        if row.status not in (DRAFT, PENDING):
            dialog.show_read_only(f"这份公告{row.status}，只能查看和打印，不能修改。"
                                  "已公开的公告有错误时，请关闭后点 更正…。")
        dialog.exec()
        self.refresh()

    def submit(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(lambda: self.services.notices.submit(row.id))

    def review(self) -> None:
        from app.ui.notices.notice_workflow import ReviewDialog

        row = self.selected()
        if row is not None:
            ReviewDialog(self.services, row.id, self).exec()
            self.refresh()

    def post(self) -> None:
        from app.ui.notices.notice_workflow import PostDialog

        row = self.selected()
        if row is None:
            return
        if row.status != REVIEWED:
            dialogs.show_info(self, "还不能公开", "只有监委会审核通过的公告才能公开：请先 提交审核，再由监委会成员 审核。")
            return
        PostDialog(self.services, row.id, self).exec()
        self.refresh()

    def correct(self) -> None:
        from app.ui.notices.notice_dialog import NoticeDialog

        row = self.selected()
        if row is None:
            return
        if row.status not in (POSTED, "已到期"):
            dialogs.show_info(self, "不需要更正", "还没公开的公告直接 编辑 即可；更正只用于已经公开的公告。")
            return
        try:
            new_id = self.services.notices.correct(row.id)
        except UserError as exc:
            dialogs.show_error(self, "不能更正", exc.message)
            return
        NoticeDialog(self.services, new_id, self).exec()
        self.refresh(select=new_id)

    def print_current(self) -> None:
        self.print_one()

    def print_one(self) -> None:
        from app.ui.notices.notice_prints import print_notice

        row = self.selected()
        if row is not None:
            print_notice(self.services, row.id, self)

    def print_batch(self) -> None:
        from app.ui.notices.notice_prints import print_period

        row = self.selected()
        if row is not None:
            print_period(self.services, row.period, self)

    def add_question(self) -> None:
        from app.ui.notices.notice_workflow import QuestionsDialog

        row = self.table.currentRow()
        notice_id = self.rows[row].id if row >= 0 else None
        QuestionsDialog(self.services, notice_id, self).exec()
        self.refresh()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not dialogs.ask_yes_no(self, "删除公告", f"删除草稿“{row.title}”？此操作无法撤销。", "删除"):
            return
        self._act(lambda: self.services.notices.delete(row.id))
