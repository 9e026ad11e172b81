"""Import preview: every row with its problems by Excel row; nothing written until all is clean."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError
from app.services.members.member_import import ImportPreview, MemberImporter
from app.services.members.members import MemberService
from app.ui.common import dialogs
from app.ui.common.screen_fit import fit_to_screen

HEADERS = ("Excel 行号", "姓名", "操作", "职务", "问题")
PROBLEM_BRUSH = QBrush(QColor("#fde2e2"))


class ImportDialog(QDialog):
    def __init__(self, members: MemberService, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.importer = MemberImporter(members)
        self.path = path
        self.preview: ImportPreview | None = None
        self.result: tuple[int, int] | None = None
        self.setWindowTitle(f"导入预览 — {path.name}")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("import_summary")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox()
        self.confirm_button = self.buttons.addButton("确认导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1100, 640)

    def load(self) -> bool:
        """Read the file; on a file-level problem say so and return False."""
        try:
            self.preview = self.importer.preview(self.path)
        except UserError as exc:
            dialogs.show_error(self.parentWidget(), "无法导入", exc.message)
            return False
        self._fill(self.preview)
        return True

    def _fill(self, preview: ImportPreview) -> None:
        self.table.setRowCount(len(preview.rows))
        for i, row in enumerate(preview.rows):
            # The row number has its own column: drop the “第 4 行（李四）：” prefix here.
            cut = len(row.where) + 1
            notes = [p[cut:] for p in row.problems] + [f"提示：{w[cut:]}" for w in row.warnings]
            cells = (str(row.excel_row), row.name, row.action, "、".join(row.posts), "\n".join(notes) or "无")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.problems:
                    item.setBackground(PROBLEM_BRUSH)
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        problems = len(preview.problems)
        ignored = f"未读取的列：{'、'.join(preview.ignored_columns)}。" if preview.ignored_columns else ""
        if not preview.rows:
            text = "文件里没有人员行：请检查表格内容。"
        elif problems:
            text = (f"共 {len(preview.rows)} 行，其中 {preview.rows_with_problems} 行有错误（共 {problems} 处，红色行）。"
                    f"请在 Excel 中改正后重新导入；有错误时不会写入任何数据。{ignored}")
        else:
            text = (f"共 {len(preview.rows)} 行，全部正确：将新增 {preview.added} 人，更新 {preview.updated} 人"
                    f"（身份证号相同的视为同一人）。{ignored}点 确认导入 写入。")
        self.summary.setText(text)
        self.confirm_button.setEnabled(preview.ok)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.table.resizeRowsToContents()  # now that the columns have their real widths

    def confirm(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        self.result = self.importer.apply(self.preview)
        added, updated = self.result
        dialogs.show_info(self, "导入完成", f"新增 {added} 人，更新 {updated} 人。")
        self.accept()
