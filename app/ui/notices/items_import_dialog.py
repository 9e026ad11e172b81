"""Preview of a 财务公开 item sheet: every row with its problems; all or nothing."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.services.common.dates import format_date
from app.services.notices.item_excel import ItemSheet
from app.services.notices.money import format_yuan
from app.ui.common.form_helpers import configure_list_table
from app.ui.common.screen_fit import fit_to_screen

HEADERS = ("Excel 行号", "日期", "项目", "收支", "金额（元）", "问题")
PROBLEM_BRUSH = QBrush(QColor("#fde2e2"))


class ItemsImportDialog(QDialog):
    def __init__(self, sheet: ItemSheet, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.sheet = sheet
        self.setWindowTitle(f"导入明细预览 — {file_name}")
        self.table = QTableWidget(len(sheet.rows), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        configure_list_table(self.table)
        for i, row in enumerate(sheet.rows):
            item = row.item
            cells = (str(row.excel_row), format_date(item.date) if item else "", item.item if item else "",
                     item.direction if item else "", format_yuan(item.amount_fen) if item else "",
                     "；".join(row.errors) or "无")
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if row.errors:
                    cell.setBackground(PROBLEM_BRUSH)
                self.table.setItem(i, col, cell)
        errors = sheet.errors
        skipped = f"未导入的合计、结余等行：{'；'.join(sheet.skipped)}。" if sheet.skipped else ""
        if errors:
            text = (f"共 {len(sheet.rows)} 行，其中 {sum(bool(r.errors) for r in sheet.rows)} 行有错误（红色行）："
                    f"请在 Excel 中改正后重新导入，有错误时不会导入任何一行。{skipped}")
        else:
            text = f"共 {len(sheet.rows)} 行，全部正确，将替换表中现有的明细。{skipped}"
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton("确认导入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.setEnabled(bool(sheet.rows) and not errors)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 600)
