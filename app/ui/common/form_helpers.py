"""Form rows with a red message under the field, shared by every dialog with a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
T = TypeVar("T")


class FieldErrors:
    """Adds labelled rows to a QFormLayout and shows each field's error beneath it."""

    def __init__(self, form: QFormLayout):
        self.form = form
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add_row(self, key: str, label: str, widget: QWidget, required: bool = False) -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{key}")
        error.hide()
        box.addWidget(error)
        text = f"{label}{'＊' if required else ''}："
        self.form.addRow(text, holder)
        self.labels[key] = error
        self.widgets[key] = widget
        from PySide6.QtWidgets import QAbstractSlider

        for editor in [widget, *widget.findChildren(QWidget)]:
            if isinstance(editor, QAbstractSlider):
                continue  # scrolling a box corrects nothing
            for name in ("textChanged", "currentTextChanged", "valueChanged", "changed", "toggled"):
                signal = getattr(editor, name, None)
                if signal is not None and hasattr(signal, "connect"):
                    signal.connect(lambda *_a, key=key: self.hide_one(key))  # corrected: the old error goes

    def hide_one(self, key: str) -> None:
        label = self.labels[key]
        label.clear()
        label.hide()

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, problems: dict[str, str]) -> list[str]:
        """Show each problem under its field; return the messages that have no field here."""
        self.clear()
        unplaced: list[str] = []
        first: QWidget | None = None
        for key, message in problems.items():
            label = self.labels.get(key)
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self.widgets[key]
        if first is not None:
            first.setFocus()
            window = first.window()
            if window.sizeHint().height() > window.height():  # room for the messages, within the screen
                from app.ui.common.screen_fit import room

                window.resize(window.width(), min(window.sizeHint().height(), room(window)[1]))
        return unplaced

    def message(self, key: str) -> str:
        """The error now shown under ``key`` ("" when none)."""
        label = self.labels.get(key)
        return label.text() if label is not None else ""


def close_button(dialog: QDialog) -> QDialogButtonBox:
    """The single 关闭 button of a dialog that saves as it goes."""
    buttons = QDialogButtonBox()
    buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """保存 (the default, also Ctrl+S) and 取消 for a form dialog; returns the box and 保存."""
    from PySide6.QtGui import QKeySequence, QShortcut

    buttons = QDialogButtonBox()
    save_button = buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    save_button.setDefault(True)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence.StandardKey.Save, dialog, activated=save)
    return buttons, save_button


def boxed_with_error(title: str, editor: QWidget) -> tuple[QWidget, QLabel]:
    """A titled box holding ``editor`` and, under it, a hidden red label for its error."""
    from PySide6.QtWidgets import QGroupBox

    error = QLabel()
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(editor)
    layout.addWidget(error)
    return box, error


def scrolled_form(dialog: QDialog, content: QWidget, save: Callable[[], None]
                  ) -> tuple[QVBoxLayout, QDialogButtonBox, QPushButton]:
    """The shape of a form dialog: ``content`` scrolling, then (added by the caller, after anything
    it puts below the form) the 保存 / 取消 buttons. Returns the layout, the buttons and 保存."""
    from PySide6.QtWidgets import QScrollArea

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    buttons, save_button = save_cancel_buttons(dialog, save)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll, 1)
    return layout, buttons, save_button


def form_state(root: QWidget) -> tuple:
    """Everything a user can type or choose inside ``root``, in widget order, for comparison.

    Read-only tables (lists the dialog fills itself) are left out; a widget with a
    ``form_value()`` (the photo box) adds what it holds."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
    )

    state: list[object] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            state.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            state.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            state.append(widget.currentText())
        elif isinstance(widget, QAbstractSpinBox):
            state.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            state.append(tuple(widget.item(i).text() for i in range(widget.count())))
        elif isinstance(widget, QTableWidget):
            state.append(widget.rowCount())
            if widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
                state.append(tuple(item.text() if (item := widget.item(r, c)) else ""
                                   for r in range(widget.rowCount()) for c in range(widget.columnCount())))
        form_value = getattr(widget, "form_value", None)
        if callable(form_value):
            state.append(form_value())
    return tuple(state)


def lock_inputs(root: QWidget) -> None:
    """Make every input inside ``root`` read-only: text stays selectable and scrollable, choices
    and buttons are disabled, table cells cannot be edited."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit, QPlainTextEdit

    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(True)
        elif isinstance(widget, QComboBox | QAbstractSpinBox | QAbstractButton):
            widget.setEnabled(False)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


VIEWER_NOTE = "您用“查阅”账户登录，只能查看，不能修改。"


def show_as_read_only(dialog: QDialog, content: QWidget, buttons: QDialogButtonBox, save_button: QPushButton,
                      title: str, note: str) -> None:
    """Lock every field of an editor, hide 保存, turn 取消 into 关闭 and say why above the form.

    Called on a filled form; what is shown then counts as unchanged, so 关闭 never asks."""
    dialog.setWindowTitle(title)
    lock_inputs(content)
    save_button.setEnabled(False)
    save_button.hide()
    for button in buttons.buttons():
        if buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole:
            button.setText("关闭")
            button.setDefault(True)
    label = QLabel(note)
    label.setObjectName("read_only_note")
    label.setWordWrap(True)
    dialog.layout().insertWidget(0, label)
    mark = getattr(dialog, "mark_unchanged", None)
    if callable(mark):
        mark()


def viewer_only(services) -> bool:  # noqa: ANN001
    """True for the 查阅 role: it may open every record but change none."""
    from app.services.safety.actor import Permission

    actor = services.actor
    return actor is not None and not actor.can(Permission.EDIT)


class UnsavedChangesGuard:
    """For a QDialog (listed first among its bases): 取消, Esc and the window's close button ask
    “放弃修改？” when what is typed differs from the last ``mark_unchanged()`` (call it once the form
    is filled), and only then. ``saved(record_id)`` records the save and closes. ``_state()``
    defaults to every input of the dialog (form_state)."""

    def _state(self) -> object:
        return form_state(self)

    def has_changes(self) -> bool:
        snapshot = getattr(self, "_snapshot", None)
        return snapshot is not None and self._state() != snapshot

    def mark_unchanged(self) -> None:
        self._snapshot = self._state()

    def saved(self, record_id: int) -> None:
        self.saved_id = record_id
        self.mark_unchanged()
        self.accept()

    def reject(self) -> None:
        from app.ui.common import dialogs

        if self.has_changes() and not dialogs.ask_yes_no(
            self, "放弃修改？", "填写的内容还没有保存，关闭后将丢失。", "放弃修改", "继续填写"
        ):
            return
        super().reject()


def collect_and_save(parent: QWidget, collect: Callable[[], object], write: Callable[[object, bool], T],
                     show_problems: Callable[[dict], None], yes: str = "仍然保存") -> T | None:
    """Read the form (``collect``; its problems go beside the fields), then ``write(data, confirmed)``
    through save_confirmed. Returns what ``write`` returned, or None when nothing was saved."""
    from app.services.common.errors import ValidationFailed

    try:
        data = collect()
    except ValidationFailed as exc:
        show_problems(exc.problems)
        return None
    return save_confirmed(parent, lambda ok: write(data, ok), show_problems, yes)


def save_confirmed(parent: QWidget, save: Callable[[bool], T], show_problems: Callable[[dict], None],
                   yes: str = "仍然保存") -> T | None:
    """Call ``save(confirmed)``; unusual records ask first, field problems go beside the fields.

    Returns what ``save`` returned, or None when nothing was saved.
    """
    from app.services.common.errors import NeedsConfirmation, UserError, ValidationFailed
    from app.ui.common import dialogs

    try:
        try:
            return save(False)
        except NeedsConfirmation as warn:
            if not dialogs.ask_yes_no(parent, "请确认", warn.message, yes, "返回修改"):
                return None
            return save(True)
    except ValidationFailed as exc:
        show_problems(exc.problems)
    except UserError as exc:
        if exc.field:  # a problem with one field goes beside it (show_problems boxes what has no place)
            show_problems({exc.field: exc.message})
        else:
            dialogs.show_error(parent, "无法保存", exc.message)
    return None


LIST_COLUMN_CHARS = 22  # the widest a list column grows, in characters


def configure_list_table(table: QTableView) -> None:
    """The read-only, whole-row-selecting list every tab shows."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # A long topic or warning would widen its column past the window and the list would scroll
    # sideways; capped, it is cut with … and shown whole in its tooltip and its record.
    header.setMaximumSectionSize(table.fontMetrics().horizontalAdvance("字") * LIST_COLUMN_CHARS)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)


def page_keys(page: QWidget, add: Callable[[], object] | None, search: QLineEdit | None,
              table: QTableView | None = None, open_row: Callable[[], object] | None = None) -> None:
    """Ctrl+N 新增 and Ctrl+F to the search box on a tab or page; live only while it is shown, so
    each page of 会议记录 or 纪律提醒 has its own. Enter in ``table`` opens the row (``open_row``)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    if table is not None and open_row is not None:
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), table, activated=open_row,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    if add is not None:
        QShortcut(QKeySequence.StandardKey.New, page, activated=add)
    if search is not None:
        def find() -> None:
            search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            search.selectAll()

        QShortcut(QKeySequence.StandardKey.Find, page, activated=find)


def rows_in_view(table: QTableView, rows: int, row_height: int) -> None:
    """Rows of ``row_height`` (what the cell widgets need in the current font, 大字模式 too), and
    at least ``rows`` of them in view before the table scrolls."""
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader().sizeHint().height()
    scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    table.setMinimumHeight(header + rows * row_height + 2 * table.frameWidth() + scroll_bar)


def tool_buttons(layout: QHBoxLayout, specs) -> dict[str, QToolButton]:  # noqa: ANN001
    """The row of text buttons at the top of a tab; ``specs`` is (text, handler[, tooltip])."""
    buttons: dict[str, QToolButton] = {}
    for text, handler, *tip in specs:
        button = QToolButton()
        button.setText(text)
        button.setObjectName(f"button_{text}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if tip:
            button.setToolTip(tip[0])
        button.clicked.connect(handler)
        layout.addWidget(button)
        buttons[text] = button
    return buttons


class _ComboWidthKeeper(QObject):
    """Keeps a combo box's minimum width in step with its font, style and items (see fit_combo_width)."""

    def __init__(self, combo: QComboBox):
        super().__init__(combo)
        self.combo = combo
        model = combo.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self.update)
        combo.installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.update()
        return False

    def update(self, *_args) -> None:  # noqa: ANN002
        combo = self.combo
        metrics = combo.fontMetrics()
        texts = [combo.itemText(i) for i in range(combo.count())] or [" "]
        text_width = max(metrics.horizontalAdvance(text) for text in texts)
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        size = combo.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(text_width, metrics.height()), combo)
        combo.setMinimumWidth(size.width() + metrics.horizontalAdvance(" "))


def fit_combo_width(combo: QComboBox) -> None:
    """Make a (non-editable) combo box wide enough for its longest item in the current font.

    Qt measures items by their ink, so full-width brackets as in “（全部）” come out short and
    the text is clipped; a pixel width fixed once goes stale when 大字模式 changes the font
    while the program runs. This measures each item's advance and recomputes on every
    font, style or item change."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    _ComboWidthKeeper(combo)
