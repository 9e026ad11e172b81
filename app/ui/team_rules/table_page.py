"""The shape of each page of the 班子制度 tab: a row of buttons, a read-only table, a line saying
how many rows there are, and an empty state that says what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TablePage(QWidget):
    status_changed = Signal(str)
    title = ""
    columns: tuple[str, ...] = ()
    empty_text = ""

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.year = services.clock.today().year
        self.bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels(list(self.columns))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.empty = QLabel(self.empty_text)
        self.empty.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def add_button(self, key: str, text: str, handler, edit: bool = True) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(handler)
        button.setProperty("needs_edit", edit)
        self.bar.addWidget(button)
        self.buttons[key] = button
        return button

    def fill(self, rows: list[tuple[object, list[str]]]) -> None:
        """``rows``: (record key, cell texts); the row worked on stays selected (by key)."""
        current = self.current_key()
        self.table.setRowCount(len(rows))
        for r, (key, texts) in enumerate(rows):
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, key)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        for r, (key, _texts) in enumerate(rows):
            if key == current:
                self.table.selectRow(r)
        self.status_changed.emit(self.status_text())

    def current_key(self) -> object:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def select_key(self, key: object) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == key:
                self.table.selectRow(r)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_current()
            return
        super().keyPressEvent(event)

    def open_current(self) -> None:
        """Double-click or Enter on a row (pages that open records override it)."""

    def status_text(self) -> str:
        return f"{self.title}：{self.table.rowCount()} 行"

    def apply_permissions(self, actor) -> None:  # noqa: ANN001
        from app.services.safety.actor import Permission

        for button in self.buttons.values():
            if button.property("needs_edit"):
                button.setEnabled(actor.can(Permission.EDIT))
