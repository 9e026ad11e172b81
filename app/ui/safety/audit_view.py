"""操作日志: every change with who and when, filtered by person, area and dates; printable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.common.context import Services
from app.services.common.errors import UserError
from app.services.safety.audit_log import AuditLogService, AuditQuery, AuditRow
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import ERROR_STYLE
from app.ui.common.screen_fit import fit_to_screen

COLUMNS = (
    ("时间", lambda r: r.at.strftime("%Y-%m-%d %H:%M")),
    ("操作人", lambda r: r.actor),
    ("操作", lambda r: r.action),
    ("范围", lambda r: r.area),
    ("记录", lambda r: r.label),
    ("改动内容", lambda r: r.changes),
)
ALL = "（全部）"


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](self.rows[index.row()])
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return None


class AuditLogDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.log = AuditLogService(services.db)
        self.setWindowTitle("操作日志")
        actors, areas = self.log.choices()
        self.actor = QComboBox()
        self.actor.addItems([ALL, *actors])
        self.area = QComboBox()
        self.area.addItems([ALL, *areas])
        for combo in (self.actor, self.area):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start, self.end = DateField(), DateField()
        search = QPushButton("查询")
        search.clicked.connect(self.refresh)
        search.setDefault(True)  # Enter in a filter runs the query
        print_button = QPushButton("打印…")
        print_button.clicked.connect(self.print_log)
        filters = QHBoxLayout()
        for label, widget in (("操作人：", self.actor), ("范围：", self.area), ("从：", self.start), ("到：", self.end)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(search)
        filters.addStretch(1)
        filters.addWidget(print_button)
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.chain)
        layout.addWidget(self.table, 1)
        fit_to_screen(self, 1200, 700)
        self.check_chain()
        self.refresh()

    def check_chain(self) -> None:
        problems = self.log.verify()
        if problems:
            self.chain.setStyleSheet(ERROR_STYLE)
            self.chain.setText("警告：" + "；".join(problems) + "。有人绕过本程序改动了数据库，请报告镇纪委并从备份核对。")
        else:
            self.chain.setStyleSheet("")
            self.chain.setText("校验通过：操作日志完整，没有被改动的痕迹。")

    def query(self) -> AuditQuery:
        start, end = self.start.value(), self.end.value()
        return AuditQuery(
            actor=None if self.actor.currentText() == ALL else self.actor.currentText(),
            area=None if self.area.currentText() == ALL else self.area.currentText(),
            start=start,
            end=end,
        )

    def refresh(self) -> None:
        try:
            query = self.query()
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText("")
        self.model.set_rows(self.log.entries(query))

    def print_log(self) -> None:
        from app.ui.common.print_dialog import preview_then_delete, print_file

        profile = self.services.profile.get()
        from app.services.common.file_names import safe_file_name

        name = safe_file_name(f"{profile.village_name if profile else ''}操作日志")
        path = print_file(self.services, f"{name}-{self.services.clock.now():%Y%m%d-%H%M%S}.pdf")
        try:
            self.log.print_pdf(path, self.model.rows, profile.village_name if profile else "",
                               self.services.clock.today(), "操作日志")
        except UserError as exc:
            dialogs.show_error(self, "无法打印", exc.message)
            return
        preview_then_delete(path, self, f"{name}.pdf")
