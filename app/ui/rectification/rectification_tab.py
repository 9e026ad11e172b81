"""整改台账 tab: the sources with their counts and 完成率 above, their items below (filtered by
source, person and state); add, edit, 登记进展 (Enter), 销号 and 重新打开 (管理员), import, print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.rectification.rect_types import STATES, ItemRow, SourceRow
from app.services.safety.actor import Permission, Role
from app.ui.common import dialogs
from app.ui.common.form_helpers import configure_list_table, fit_combo_width, tool_buttons
from app.ui.common.list_selection import select_key

INTERNAL_COPY, PUBLIC_COPY = "内部留存版", "公开版"  # the two copies of a 巡察资料 export

ALL = "（全部）"
SOURCE_HEADERS = ("编号", "来源", "名称", "反馈日期", "问题", "已销号", "整改中", "逾期", "长期坚持", "完成率")
ITEM_HEADERS = ("序号", "问题", "类型", "责任人", "时限", "状态", "最新进展")
EMPTY = "还没有整改问题。点击 新增来源 登记一次巡察、审计或督查，或点击 导入 读入镇里发来的问题清单。"
EDIT_BUTTONS = ("新增来源", "编辑来源", "新增问题", "编辑问题", "登记进展", "导入")
ADMIN_BUTTONS = ("销号", "重新打开")


def source_cells(row: SourceRow) -> tuple[str, ...]:
    c = row.counts
    return (str(row.id), row.kind, row.title, format_date(row.raised_on), str(c.items), str(c.closed),
            str(c.in_progress), str(c.overdue), str(c.ongoing), c.rate)


def item_cells(row: ItemRow) -> tuple[str, ...]:
    return (str(row.seq), row.problem, row.kind, row.owner, row.deadline_text, row.state, row.last_progress)


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for col, text in enumerate(cells):
            table.setItem(i, col, QTableWidgetItem(text))


class RectificationTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.sources: list[SourceRow] = []
        self.rows: list[ItemRow] = []
        toolbar = QHBoxLayout()
        self.buttons = tool_buttons(toolbar, (
            ("新增来源", self.add_source, "登记一次巡察、审计、督查……（问题来源）"),
            ("编辑来源", self.edit_source, "修改所选来源的名称、日期、文号"),
            ("新增问题", self.add_item, "在所选来源下新增一个问题（Ctrl+N）"),
            ("编辑问题", self.edit_item, "修改所选问题的内容、措施、责任人、时限"),
            ("登记进展", self.add_progress, "登记所选问题的整改进展和佐证材料（Enter 或双击）"),
            ("销号", self.close_item, "验收合格后销号（管理员）"),
            ("重新打开", self.reopen_item, "撤销所选问题的销号，须写明理由（管理员）"),
            ("导入", self.import_sheet, "从镇里发来的 Excel 问题清单导入"),
            ("打印台账", self.print_ledger, "打印整改台账（A4 横向）：所选来源，或全部"),
            ("整改报告", self.print_report, "打印所选来源的整改情况报告"),
            ("巡察资料", self.export_dossier, "把一年的全部台账导出到一个文件夹（带目录），供巡察、检查调阅"),
        ))
        toolbar.addStretch(1)
        self.source_table = QTableWidget(0, len(SOURCE_HEADERS))
        self.source_table.setHorizontalHeaderLabels(SOURCE_HEADERS)
        configure_list_table(self.source_table)
        self.source_table.itemSelectionChanged.connect(self._source_picked)
        filters = QHBoxLayout()
        self.source_filter, self.person_filter, self.state_filter = QComboBox(), QComboBox(), QComboBox()
        self.state_filter.addItems([ALL, *STATES])
        for label, combo in (("来源：", self.source_filter), ("人员：", self.person_filter),
                             ("状态：", self.state_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
            fit_combo_width(combo)
            combo.currentIndexChanged.connect(self.show_items)
        filters.addStretch(1)
        self.item_table = QTableWidget(0, len(ITEM_HEADERS))
        self.item_table.setHorizontalHeaderLabels(ITEM_HEADERS)
        configure_list_table(self.item_table)
        self.item_table.doubleClicked.connect(lambda _i: self.add_progress())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.item_table, activated=self.add_progress)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.add_item)
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.item_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.source_table)
        split.addWidget(lower)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)

    # ----- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        rect = self.services.rectification
        keep = self.source_filter.currentData()
        self.sources = rect.sources()
        _fill(self.source_table, [source_cells(s) for s in self.sources])
        for combo, entries in ((self.source_filter, [(s.title, s.id) for s in self.sources]),
                               (self.person_filter, [(n, pid) for pid, n in sorted(rect.people().items(),
                                                                                  key=lambda p: p[1])])):
            chosen = combo.currentData() if combo is not self.source_filter else keep
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ALL, None)
            for text, data in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.empty.setVisible(not self.sources)
        self.show_items()

    def _source_picked(self) -> None:
        row = self.source_table.currentRow()
        if 0 <= row < len(self.sources):
            self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(self.sources[row].id)))

    def show_items(self) -> None:
        keep = self.current_item_id()
        state = self.state_filter.currentText()
        self.rows = self.services.rectification.items(self.source_filter.currentData(),
                                                      self.person_filter.currentData(),
                                                      None if state == ALL else state)
        _fill(self.item_table, [item_cells(r) for r in self.rows])
        select_key(self.item_table, [r.id for r in self.rows], keep)
        self.status_changed.emit(self.status_text())

    def status_text(self) -> str:
        return f"整改台账：{len(self.sources)} 个来源，显示 {len(self.rows)} 个问题"

    def row_count(self) -> int:
        return len(self.services.rectification.items())

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        for name in EDIT_BUTTONS:
            self.buttons[name].setEnabled(actor.can(Permission.EDIT))
        for name in ADMIN_BUTTONS:
            self.buttons[name].setEnabled(actor.role == Role.ADMIN)

    def current_item_id(self) -> int | None:
        row = self.item_table.currentRow()
        if 0 <= row < len(self.rows) and self.item_table.selectionModel().hasSelection():
            return self.rows[row].id
        return None

    def select_item(self, item_id: int) -> None:
        if item_id not in [r.id for r in self.rows]:
            self.source_filter.setCurrentIndex(0)
            self.person_filter.setCurrentIndex(0)
            self.state_filter.setCurrentIndex(0)
        select_key(self.item_table, [r.id for r in self.rows], item_id)

    def _item(self) -> int | None:
        item_id = self.current_item_id()
        if item_id is None:
            dialogs.show_info(self, "请先选择", "请先在下面的表格中点选一个问题。")
        return item_id

    def _source(self) -> int | None:
        source_id = self.source_filter.currentData()
        if source_id is None:
            dialogs.show_info(self, "请先选择来源", "请先在上面的来源表格中点选一个问题来源（或在“来源”中选择）。")
        return source_id

    # ----- actions --------------------------------------------------------------------------
    def _after(self, dialog, item_id: int | None = None) -> None:  # noqa: ANN001
        if dialog.exec() or getattr(dialog, "progress_added", False):
            self.refresh()
            if item_id or dialog.saved_id:
                self.select_item(item_id or dialog.saved_id)

    def add_source(self) -> None:
        from app.ui.rectification.source_dialog import SourceDialog

        dialog = SourceDialog(self.services, None, self)
        if dialog.exec():
            self.refresh()
            self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(dialog.saved_id)))

    def edit_source(self) -> None:
        from app.ui.rectification.source_dialog import SourceDialog

        source_id = self._source()
        if source_id is not None and SourceDialog(self.services, source_id, self).exec():
            self.refresh()

    def add_item(self) -> None:
        from app.ui.rectification.item_dialog import ItemDialog

        if not self.buttons["新增问题"].isEnabled():
            return
        source_id = self._source()
        if source_id is not None:
            self._after(ItemDialog(self.services, None, self, source_id))

    def edit_item(self) -> None:
        from app.ui.rectification.item_dialog import ItemDialog

        item_id = self._item()
        if item_id is not None:
            self._after(ItemDialog(self.services, item_id, self), item_id)

    def add_progress(self) -> None:
        from app.ui.rectification.progress_dialog import ProgressDialog

        item_id = self._item()
        if item_id is not None and self.buttons["登记进展"].isEnabled():
            self._after(ProgressDialog(self.services, item_id, self), item_id)

    def close_item(self) -> None:
        from app.ui.rectification.close_dialog import CloseDialog

        self._decide(CloseDialog)

    def reopen_item(self) -> None:
        from app.ui.rectification.close_dialog import ReopenDialog

        self._decide(ReopenDialog)

    def _decide(self, kind) -> None:  # noqa: ANN001
        item_id = self._item()
        if item_id is None:
            return
        try:
            dialog = kind(self.services, item_id, self)
        except UserError as exc:
            dialogs.show_error(self, "无法打开", exc.message)
            return
        self._after(dialog, item_id)

    def import_sheet(self, path: str | None = None) -> None:
        from app.services.rectification.rect_import import RectImporter

        path = path or dialogs.ask_open_path(self, "导入整改问题清单", "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        chosen = self.source_filter.currentData()
        title = next((s.title for s in self.sources if s.id == chosen), None)
        importer = RectImporter(self.services.rectification)
        try:
            preview = importer.preview(Path(path), title)
        except UserError as exc:
            dialogs.show_error(self, "无法导入", exc.message)
            return
        if not preview.ok:
            listed = "\n".join(preview.problems[:20]) or "表头下面没有问题行"
            dialogs.show_error(self, "没有导入", f"有问题，没有导入任何内容：请在 Excel 中改正后重新导入。\n{listed}")
            return
        where = f"新建来源“{preview.source_title}”" if preview.new_source else f"来源“{preview.source_title}”"
        if not dialogs.ask_yes_no(self, "导入整改问题", f"将导入 {len(preview.rows)} 个问题到{where}。", "导入"):
            return
        source_id, _count = importer.apply(preview)
        self.refresh()
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(source_id)))

    def print_current(self) -> None:
        self.print_ledger()

    def print_ledger(self) -> None:
        from app.services.rectification.rect_printing import print_rect_ledger
        from app.ui.common.print_dialog import generate_and_preview, village

        source_id = self.source_filter.currentData()
        generate_and_preview(self.services, f"{village(self.services)}整改台账",
                             lambda path: print_rect_ledger(self.services, path, source_id), self)

    def print_report(self) -> None:
        from app.services.rectification.rect_printing import print_rect_report
        from app.ui.common.print_dialog import generate_and_preview, village

        source_id = self._source()
        if source_id is not None:
            generate_and_preview(self.services, f"{village(self.services)}整改情况报告",
                                 lambda path: print_rect_report(self.services, source_id, path, lists=True), self)

    def export_dossier(self) -> None:
        """A year's 巡察资料 into a new folder inside the one chosen: 内部留存版 (full numbers, for the
        inspectors only) or 公开版 (ID and phone numbers masked)."""
        import datetime as dt

        from PySide6.QtWidgets import QApplication

        from app.services.rectification.dossier import DossierBuilder
        from app.ui.common.print_dialog import village

        today = self.services.clock.today()
        year = dialogs.ask_int(self, "导出巡察资料", "导出哪一年的资料：", today.year, today.year - 10, today.year)
        if year is None:
            return
        copy = dialogs.ask_choice(self, "导出巡察资料", "内部留存版印完整的身份证号和电话，只交检查组；公开版把号码打码。\n导出哪一种？",
                                  [INTERNAL_COPY, PUBLIC_COPY])
        if copy is None:
            return
        chosen = dialogs.ask_folder(self, "选择存放巡察资料的文件夹（如U盘）")
        if not chosen:
            return
        target = Path(chosen) / f"{village(self.services)}{year}年巡察资料（{'内部留存' if copy == INTERNAL_COPY else '公开版'}）"

        def show(done: int, total: int, text: str) -> None:
            self.status_changed.emit(f"正在导出巡察资料（{done}/{total}）：{text}")
            QApplication.processEvents()

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            entries = DossierBuilder(self.services, dt.date(year, 1, 1), dt.date(year, 12, 31), target,
                                     internal=copy == INTERNAL_COPY, progress=show).build()
        except UserError as exc:
            dialogs.show_error(self, "无法导出", exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.status_changed.emit(self.status_text())
        pdfs = [e for e in entries if e.pages is not None]
        dialogs.show_info(self, "已导出", f"已导出到 {target}：{len(pdfs)} 份文件 {sum(e.pages for e in pdfs)} 页，"
                                       f"附件 {len(entries) - len(pdfs)} 个。目录见“00 目录.pdf”。")
