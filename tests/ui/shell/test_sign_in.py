from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs, profile_dialog
from app.ui.common.pdf_preview import PdfPreview
from app.ui.safety import account_dialogs
from app.ui.shell.sign_in import sign_in


def test_first_start_asks_profile_then_admin_then_prints_the_recovery_sheet(qtbot, services, monkeypatch,
                                                                           tmp_path):
    def fill_profile(self):
        self.inputs["village_name"].setText("红旗村")
        self.save()
        return self.result()

    def fill_admin(self):
        self.name.setText("王文书")
        self.password.setText("hongqi2026")
        self.repeat.setText("hongqi2026")
        self.submit()
        return self.result()

    previews = []

    def show_sheet(self):
        previews.append(self.document.pageCount())
        return 0

    monkeypatch.setattr(profile_dialog.ProfileDialog, "exec", fill_profile)
    monkeypatch.setattr(account_dialogs.FirstAdminDialog, "exec", fill_admin)
    monkeypatch.setattr(PdfPreview, "exec", show_sheet)
    chosen = tmp_path / "U盘" / "管理员恢复码.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, title, suggested, _f: str(chosen))
    actor = sign_in(services, None)
    assert actor == Actor("王文书", Role.ADMIN)
    assert services.profile.get().village_name == "红旗村"
    assert previews == [1]
    assert chosen.is_file()  # written only where the user saved it, never in the data folder
    assert not [p for p in services.data_dir.root.rglob("*.pdf")]
    assert services.accounts.login("王文书", "hongqi2026").role is Role.ADMIN


def test_later_starts_ask_for_login_and_quit_means_no_session(qtbot, services, monkeypatch):
    from app.services.common.profile import Profile

    services.profile.save(Profile("红旗村"))
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    monkeypatch.setattr(account_dialogs.LoginDialog, "exec", lambda self: 0)
    assert sign_in(services, None) is None
