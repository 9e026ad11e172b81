import datetime as dt

from conftest import person
from PySide6.QtWidgets import QApplication, QLineEdit

from app.services.common.profile import Profile
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.members.member_dialog import MemberDialog
from app.ui.safety.account_dialogs import FirstAdminDialog, LoginDialog, RecoveryDialog
from app.ui.safety.audit_view import AuditLogDialog
from app.ui.shell.main_window import MainWindow
from app.ui.shell.session_controller import IDLE_NOTE


def signed_in_window(qtbot, services, role):
    services.profile.save(Profile("红旗村"))
    services.act_as(Actor(f"{role.value}甲", role))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    window.tabs.setCurrentWidget(window.members_tab)  # a tab loads when it is shown
    return window


def test_first_admin_dialog_checks_and_creates_the_account(qtbot, services):
    dialog = FirstAdminDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.name.setText("王文书")
    dialog.password.setText("12345")
    dialog.repeat.setText("12345")
    dialog.submit()
    assert dialog.errors.message("password") == "密码至少 6 位：请换一个更长的密码"
    assert not services.accounts.has_users()
    dialog.password.setText("hongqi2026")
    dialog.repeat.setText("hongqi2026")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted and len(dialog.code) == 23
    assert services.accounts.login("王文书", "hongqi2026").role is Role.ADMIN


def test_login_dialog_shows_the_error_under_the_password(qtbot, services):
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    dialog = LoginDialog(services.accounts)
    qtbot.addWidget(dialog)
    assert dialog.user.currentText() == "王文书"
    dialog.password.setText("wrong-one")
    dialog.login()
    assert dialog.errors.message("password") == "用户名或密码不对：再错 4 次账户将锁定 5 分钟"
    assert dialog.password.text() == ""
    dialog.password.setText("hongqi2026")
    dialog.login()
    assert dialog.actor == Actor("王文书", Role.ADMIN)


def test_recovery_dialog_resets_the_password(qtbot, services):
    code = services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    dialog = RecoveryDialog(services.accounts, "王文书")
    qtbot.addWidget(dialog)
    dialog.code.setText(code)
    dialog.password.setText("newpass2026")
    dialog.repeat.setText("newpass2026")
    dialog.submit()
    assert dialog.new_code and dialog.new_code != code
    assert services.accounts.login("王文书", "newpass2026").name == "王文书"


def test_recovery_and_first_admin_ask_before_throwing_away_what_was_typed(qtbot, services, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, *_a: asked.append(title) or False)
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    recovery = RecoveryDialog(services.accounts, "王文书")
    qtbot.addWidget(recovery)
    recovery.show()
    recovery.reject()  # nothing typed yet (the name came from the login): closes without asking
    assert asked == [] and not recovery.isVisible()
    recovery = RecoveryDialog(services.accounts, "王文书")
    qtbot.addWidget(recovery)
    recovery.show()
    recovery.code.setText("7KQ4M-PX2HD")
    recovery.reject()  # Esc or 取消 with a half-typed code: asked, “继续填写” keeps it
    assert asked == ["放弃修改？"] and recovery.isVisible() and recovery.code.text() == "7KQ4M-PX2HD"
    first = FirstAdminDialog(services.accounts)
    qtbot.addWidget(first)
    first.show()
    first.name.setText("王文书")
    first.reject()
    assert asked == ["放弃修改？", "放弃修改？"] and first.isVisible()


def test_viewer_sees_read_only_screens(qtbot, services):
    services.members.save(person("张三", "党支部书记"))
    window = signed_in_window(qtbot, services, Role.VIEWER)
    tab = window.members_tab
    assert not tab.buttons["新增"].isEnabled() and not tab.buttons["删除"].isEnabled()
    assert tab.buttons["编辑"].text() == "查看"
    assert not window.import_action.isEnabled() and not window.profile_action.isEnabled()
    assert window.session.user_label.text() == "当前用户：查阅甲（查阅）"
    dialog = MemberDialog(services.members, tab.model.row_at(0).id)
    qtbot.addWidget(dialog)
    dialog.set_read_only(True)
    assert not dialog.save_button.isEnabled()


def test_clerk_can_add_but_not_delete(qtbot, services):
    window = signed_in_window(qtbot, services, Role.CLERK)
    tab = window.members_tab
    assert tab.buttons["新增"].isEnabled() and not tab.buttons["删除"].isEnabled()
    assert not window.session.users_action.isEnabled()


def test_lock_hides_the_data_until_login(qtbot, services, monkeypatch):
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    window = signed_in_window(qtbot, services, Role.ADMIN)
    seen = []

    def fake_exec(self):
        seen.append(window.centralWidget().isVisible())
        self.password.setText("hongqi2026")
        self.user.setCurrentText("王文书")
        self.login()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    window.show()
    assert window.session.lock()
    assert seen == [False]
    assert window.centralWidget().isVisible()
    assert window.session.user_label.text() == "当前用户：王文书（管理员）"


def test_lock_hides_an_open_editor_too_and_keeps_what_was_typed(qtbot, services, monkeypatch):
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    window = signed_in_window(qtbot, services, Role.ADMIN)
    editor = MemberDialog(services.members, None)
    qtbot.addWidget(editor)
    editor.show()
    typed = [w for w in editor.findChildren(QLineEdit) if w.isVisible()]
    typed[0].setText("440308197503021235")
    seen = []

    def fake_exec(self):
        readable = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
                    for child in w.findChildren(QLineEdit) if child.isVisible()]
        seen.append(readable)
        self.password.setText("hongqi2026")
        self.user.setCurrentText("王文书")
        self.login()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    window.show()
    assert window.session.lock()
    assert seen == [[]]  # no field of any window could be read behind the lock
    assert editor.isVisible() and typed[0].isVisible() and typed[0].text() == "440308197503021235"


def test_idle_time_triggers_the_lock(qtbot, services, monkeypatch):
    window = signed_in_window(qtbot, services, Role.ADMIN)
    locked = []
    monkeypatch.setattr(window.session, "lock", lambda note="": locked.append(note))
    window.session.idle.timer.setInterval(10)
    window.session.idle.resume()
    qtbot.waitUntil(lambda: locked == [IDLE_NOTE], timeout=2000)


def test_audit_view_lists_changes_and_verifies_the_chain(qtbot, services):
    services.act_as(Actor("王文书", Role.ADMIN))
    pid = services.members.save(person("张三", "党支部书记", phone="13812341027"))
    data = services.members.get(pid)
    data.values["phone"] = "13900001111"
    services.members.save(data, pid)
    dialog = AuditLogDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.chain.text() == "校验通过：操作日志完整，没有被改动的痕迹。"
    rows = dialog.model.rows
    assert rows[0].action == "修改" and rows[0].actor == "王文书"
    assert rows[0].changes == "联系电话：138****1027 → 139****1111"
    dialog.area.setCurrentText("两委成员")
    dialog.start.set_value(dt.date(2026, 11, 28))
    dialog.refresh()
    assert dialog.model.rows == []


def test_audit_view_prints(qtbot, services, monkeypatch):
    services.profile.save(Profile("红旗村"))
    services.members.save(person("张三", "党支部书记"))
    dialog = AuditLogDialog(services)
    qtbot.addWidget(dialog)
    dialog.print_log()
    from io import BytesIO

    from pypdf import PdfReader

    from app.ui.common.pdf_preview import PdfPreview

    preview = dialog.findChild(PdfPreview)
    assert preview.pdf_path.name.startswith("红旗村操作日志-")
    assert preview.suggested_name == "红旗村操作日志.pdf"
    text = PdfReader(BytesIO(preview.pdf_bytes)).pages[0].extract_text()
    assert "张三" in text and "内部留存" in text
    assert list(services.data_dir.prints.iterdir()) == []  # an internal copy stays nowhere


def test_export_asks_before_writing_personal_data(qtbot, services, monkeypatch):
    window = signed_in_window(qtbot, services, Role.ADMIN)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, text, yes, no="取消": asked.append((title, yes)) or False)
    window.export_members()
    assert asked == [("导出个人信息", "导出")]


def test_restore_from_the_menu_reopens_the_data_and_logs_it(qtbot, services, monkeypatch, tmp_path):
    from app.services.safety.backups import make_backup

    services.members.save(person("张三", "党支部书记"))
    window = signed_in_window(qtbot, services, Role.ADMIN)
    backup = make_backup(services.data_dir, services.clock, tmp_path).path
    window.services.members.save(person("李四", "村委会委员"))
    window.members_tab.refresh()
    assert window.members_tab.model.rowCount() == 2
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(backup))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    infos = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: infos.append(title))
    window.restore_backup()
    assert infos == ["恢复完成"]
    assert [window.members_tab.model.row_at(i).name for i in range(window.members_tab.model.rowCount())] == ["张三"]
    entries = AuditLogDialog(window.services)
    qtbot.addWidget(entries)
    assert (entries.model.rows[0].action, entries.model.rows[0].actor) == ("恢复", "管理员甲")
    assert entries.chain.text().startswith("校验通过")
