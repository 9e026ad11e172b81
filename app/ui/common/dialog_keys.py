"""Keys every dialog shares: Enter accepts it and does nothing else; Ctrl+S saves an editor;
F1 opens the 使用说明.

Qt makes every push button in a dialog an auto-default button, and when the dialog is shown it
makes the first of them in focus order the default unless one was marked default after it was
placed in the dialog. So a small 忘记密码… or 浏览… button above the box took Enter away from
登录 / 保存. One guard on the application settles every dialog of the program as it is shown
(and every button added to it later): the main button is the default, no other button is.
An editor whose main button saves also saves on Ctrl+S, whether or not it was built with
form_helpers.save_cancel_buttons (which adds the key itself).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QWidget

_MAIN_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)


def _is_ours(dialog: QWidget) -> bool:
    """The program's own dialogs; Qt's message, file and input boxes manage their own keys."""
    return isinstance(dialog, QDialog) and type(dialog).__module__.startswith("app.")


def main_button(dialog: QDialog) -> QPushButton | None:
    """The button Enter should press: the one marked default, else the box's accepting button.

    A dialog with only 关闭 has none: Esc closes it, and Enter stays with the field typed in."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.window() is dialog]
    marked = [b for b in buttons if b.isDefault()]
    if marked:
        return marked[0]
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in _MAIN_ROLES and isinstance(button, QPushButton):
                return button
    return None


def settle_default_button(dialog: QDialog) -> None:
    main = main_button(dialog)
    for button in dialog.findChildren(QPushButton):
        if button is not main and button.window() is dialog:
            button.setAutoDefault(False)
            button.setDefault(False)
    if main is not None:
        main.setAutoDefault(True)
        main.setDefault(False)  # marked before it was in the dialog: the dialog was never told
        main.setDefault(True)
        if main.text().startswith("保存"):
            _save_key(dialog, main)


def _save_key(dialog: QDialog, main: QPushButton) -> None:
    save = QKeySequence(QKeySequence.StandardKey.Save)
    if not any(s.key() == save for s in dialog.findChildren(QShortcut)):
        QShortcut(save, dialog, activated=main.click)


class _HelpKey(QShortcut):
    """F1 in a dialog opens the 使用说明 beside it (the main window's F1 is blocked while a dialog
    is open). A method rather than a closure: a closure over the dialog would keep it alive."""

    def __init__(self, dialog: QDialog):
        super().__init__(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
        self.activated.connect(self.open_help)

    def open_help(self) -> None:
        from app.ui.common.help_dialog import HelpDialog

        dialog = self.parent()
        shown = dialog.findChild(HelpDialog) or HelpDialog(dialog)
        shown.show()
        shown.raise_()


def _help_key(dialog: QDialog) -> None:
    from app.ui.common.help_dialog import HelpDialog

    if not isinstance(dialog, HelpDialog) and dialog.findChild(_HelpKey) is None:
        _HelpKey(dialog)


class EnterKeyGuard(QObject):
    """Installed once on the application (see ``install``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) and _is_ours(watched):
            settle_default_button(watched)
            _help_key(watched)
        elif kind == QEvent.Type.Polish and isinstance(watched, QPushButton) and not watched.isDefault():
            window = watched.window()
            if window is not watched and window.isVisible() and _is_ours(window):
                watched.setAutoDefault(False)  # a row's 删除 / 移除 added while the dialog is open
        return False


def install(app: QApplication) -> EnterKeyGuard:
    """Install the guard once; returns the one installed."""
    guard = app.findChild(EnterKeyGuard)
    if guard is None:
        guard = EnterKeyGuard(app)
        app.installEventFilter(guard)
    return guard
