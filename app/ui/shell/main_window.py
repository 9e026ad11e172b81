"""The main window: one tab per ledger, menus, status bar; window state in QSettings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app import APP_NAME
from app.data_dir import DataDir
from app.services.common.errors import UserError
from app.ui.common import dialogs
from app.ui.common.screen_fit import clamp_to_screen, fit_to_screen
from app.ui.shell.qt_app import apply_font_size

if TYPE_CHECKING:
    from app.services.common.context import Services



class MainWindow(QMainWindow):
    """Shown at once with a short “opening” note; the tabs arrive with ``attach``.

    The database layer takes most of a second to import, so the window paints first.
    """

    def __init__(self, data_dir: DataDir, large: bool | None = None):
        super().__init__()
        self.services: Services | None = None
        self.settings = QSettings(str(data_dir.settings_file), QSettings.Format.IniFormat)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.tabs = None  # the ledgers' tabs, from ``attach``
        loading = QLabel("正在打开数据……")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(loading)
        self.setWindowTitle(APP_NAME)
        self._build_menus()
        self.menuBar().setEnabled(False)
        if large is None:
            large = self.settings.value("ui/large", False, type=bool)
        self.large_action.setChecked(large)
        small_screen = fit_to_screen(self, 1280, 760)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            clamp_to_screen(self)  # remembered on a bigger screen
        elif small_screen:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def attach(self, services: Services) -> None:
        """Build the start page on the opened data; every other tab is built when first shown
        (login to a painted start page does not wait for six tabs the clerk may not open)."""
        from app.ui.shell.ledger_tabs import LedgerTabs

        self.services = services
        self.tabs = LedgerTabs(services, self, self.status.setText)
        self.setCentralWidget(self.tabs)
        self.menuBar().setEnabled(True)
        from app.ui.shell.session_controller import SessionController

        self.session = SessionController(services, self, self.settings, self.help_menu.menuAction(),
                                         self.apply_permissions)
        self.update_title()
        self.tabs.shown()

    workbench_tab = property(lambda self: self.tabs.tab(0))
    members_tab = property(lambda self: self.tabs.tab(1))
    meetings_tab = property(lambda self: self.tabs.tab(2))
    notices_tab = property(lambda self: self.tabs.tab(3))
    reminders_tab = property(lambda self: self.tabs.tab(4))
    rectification_tab = property(lambda self: self.tabs.tab(5))
    team_rules_tab = property(lambda self: self.tabs.tab(6))

    def apply_permissions(self, actor) -> None:  # noqa: ANN001 - app.services.safety.actor.Actor
        """Buttons and menu items the role does not allow are disabled (the services refuse too)."""
        from app.services.safety.actor import Permission

        self.import_action.setEnabled(actor.can(Permission.EDIT))
        self.restore_action.setEnabled(actor.can(Permission.RESTORE))
        self.profile_action.setEnabled(actor.can(Permission.SETTINGS))
        self.terms_action.setEnabled(actor.can(Permission.EDIT))
        self.requirements_action.setEnabled(actor.can(Permission.SETTINGS))
        self.tabs.apply_permissions(actor)

    def all_tabs(self) -> tuple:
        """Every tab, building those not yet shown."""
        return self.tabs.every()

    def built_tabs(self) -> tuple:
        return self.tabs.existing()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        actions = []
        for text, shortcut, handler in (
            ("从 Excel 导入花名册…", None, self.import_members),
            ("导出花名册到 Excel…", None, self.export_members),
            ("保存空白导入模板…", None, self.save_template),
            ("打印当前页…", QKeySequence.StandardKey.Print, self.print_current),
            ("打印花名册…", None, self.print_roster),
            ("备份到U盘/其他位置…", None, self.backup_to_folder),
            ("从备份恢复…", None, self.restore_backup),
        ):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(handler)
            file_menu.addAction(action)
            actions.append(action)
        self.import_action, self.restore_action = actions[0], actions[6]
        self.package_action = QAction("导出上报数据包…", self)
        self.package_action.triggered.connect(self.export_package)
        file_menu.addAction(self.package_action)
        self.key_action = QAction("导出上报公钥…", self)
        self.key_action.triggered.connect(self.export_key)
        file_menu.addAction(self.key_action)
        file_menu.addSeparator()
        quit_action = QAction("退出", self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu("设置(&S)")
        self.profile_action = QAction("村庄信息…", self)
        self.profile_action.triggered.connect(self.edit_profile)
        settings_menu.addAction(self.profile_action)
        self.terms_action = QAction("届次…", self)
        self.terms_action.triggered.connect(self.edit_terms)
        settings_menu.addAction(self.terms_action)
        self.requirements_action = QAction("会议频次要求…", self)
        self.requirements_action.triggered.connect(self.edit_requirements)
        settings_menu.addAction(self.requirements_action)
        self.large_action = QAction("大字模式", self, checkable=True)
        self.large_action.toggled.connect(self.set_large)
        settings_menu.addAction(self.large_action)

        help_menu = self.help_menu = self.menuBar().addMenu("帮助(&H)")
        self.help_action = QAction("使用说明", self)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.help_action.triggered.connect(self.show_help)
        help_menu.addAction(self.help_action)
        about = QAction("关于", self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    # ----- state ------------------------------------------------------------------------
    def update_title(self) -> None:
        profile = self.services.profile.get()
        # Qt appends the application display name (APP_NAME) to a title that does not end with
        # it; ending with it keeps the name once: “红旗村 — 村支部台账”.
        self.setWindowTitle(f"{profile.village_name} — {APP_NAME}" if profile else APP_NAME)

    def set_large(self, large: bool) -> None:
        apply_font_size(QApplication.instance(), large)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("ui/large", self.large_action.isChecked())
        self.settings.sync()
        super().closeEvent(event)

    # ----- actions ----------------------------------------------------------------------
    def edit_profile(self) -> None:
        from app.ui.common.profile_dialog import ProfileDialog

        if ProfileDialog(self.services.profile, parent=self, review=self.services.notice_review).exec():
            self.update_title()

    def edit_terms(self) -> None:
        from app.ui.members.terms_dialog import TermsDialog

        TermsDialog(self.services.members, self).exec()

    def edit_requirements(self) -> None:
        from app.ui.meetings.requirements_dialog import RequirementsDialog

        if RequirementsDialog(self.services, self).exec():
            self.meetings_tab.compliance.refresh()

    def import_members(self) -> None:
        from app.ui.members.import_dialog import ImportDialog

        path = dialogs.ask_open_path(self, "选择要导入的 Excel 花名册", dialogs.EXCEL_FILTER)
        if not path:
            return
        dialog = ImportDialog(self.services.members, Path(path), self)
        if dialog.load() and dialog.exec():
            self.members_tab.refresh()

    def export_members(self) -> None:
        from app.ui.members.roster_export import export_roster_flow

        export_roster_flow(self.services, self)

    def export_package(self) -> None:
        from app.ui.township.package_dialogs import export_package_flow

        export_package_flow(self.services, self)

    def export_key(self) -> None:
        from app.ui.township.package_dialogs import export_key_flow

        export_key_flow(self.services, self)

    def save_template(self) -> None:
        from app.services.members.roster_excel_write import write_template

        path = dialogs.ask_save_path(self, "保存空白导入模板", "两委成员导入模板.xlsx", dialogs.EXCEL_FILTER)
        if not path:
            return
        try:
            write_template(Path(path))
        except UserError as exc:
            dialogs.show_error(self, "保存失败", exc.message)
            return
        dialogs.show_info(self, "模板已保存", f"空白模板已保存到：\n{path}\n填写后用 导入 即可。")

    def print_current(self) -> None:
        """Ctrl+P: each tab prints what it shows (its ``print_current``)."""
        self.tabs.currentWidget().print_current()

    def print_roster(self) -> None:
        from app.ui.common.print_dialog import print_roster_flow

        print_roster_flow(self.services, self)

    def backup_to_folder(self) -> None:
        from app.ui.safety.backup_dialogs import backup_to_folder_flow

        backup_to_folder_flow(self.services, self)

    def restore_backup(self) -> None:
        from app.ui.safety.backup_dialogs import restore_flow

        restore_flow(self.services, self, self.reopen_data)

    def reopen_data(self) -> Services:
        """After a restore: open the file again as the same user and show what it holds."""
        from app.services.common.context import open_services

        old = self.services
        old.close()
        fresh = open_services(old.data_dir, old.clock)
        fresh.act_as(old.actor)
        self.services = self.session.services = fresh
        self.tabs.set_services(fresh)
        self.tabs.shown()
        self.update_title()
        return fresh

    def show_help(self) -> None:
        from app.ui.common.help_dialog import HelpDialog

        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def about(self) -> None:
        from app import __version__

        dialogs.show_info(
            self,
            "关于",
            f"{APP_NAME} {__version__}\n数据文件：{self.services.data_dir.database}\n日志：{self.services.data_dir.logs}",
        )
