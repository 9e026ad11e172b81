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


def test_profile_dialog_sets_who_reviews_each_kind_of_notice(qtbot, services):
    from app.services.common.profile import Profile
    from app.services.safety.actor import Actor, Role

    services.profile.save(Profile("红旗村"))
    services.act_as(Actor("王文书", Role.ADMIN))
    dialog = profile_dialog.ProfileDialog(services.profile, review=services.notice_review)
    qtbot.addWidget(dialog)
    party = dialog.review_boxes["党务公开"]
    assert party.currentText() == "支委会（党支部委员会）"
    assert dialog.review_boxes["财务公开"].currentText() == "监委会（村务监督委员会）"
    party.setCurrentIndex(party.findData("监委会"))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.notice_review.body_for("党务公开").full == "村务监督委员会"
    assert services.notice_review.body_for("村务公开").full == "村务监督委员会"


def test_the_start_page_loads_while_the_login_box_waits_for_the_password(qtbot, services, monkeypatch):
    from app.services.common.profile import Profile
    from app.ui.shell import sign_in as sign_in_module

    services.profile.save(Profile("红旗村"))
    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    warmed = []
    monkeypatch.setattr(sign_in_module, "warm_start_page", warmed.append)

    def type_password(self):
        self.show()
        qtbot.waitUntil(lambda: warmed == [services])  # after the box painted, before Enter
        self.user.setCurrentText("王文书")
        self.password.setText("hongqi2026")
        self.login()
        return self.result()

    monkeypatch.setattr(account_dialogs.LoginDialog, "exec", type_password)
    assert sign_in(services, None) == Actor("王文书", Role.ADMIN)
    assert warmed == [services]  # once


def test_warming_the_start_page_changes_nothing(services):
    from app.ui.shell.sign_in import warm_start_page

    import sqlite3

    def audit_rows() -> int:
        with sqlite3.connect(services.db.path) as raw:
            return raw.execute("SELECT count(*) FROM audit_log").fetchone()[0]

    before = audit_rows()
    warm_start_page(services)
    assert "workbench" in vars(services)  # its service is built, ready for the start page
    assert audit_rows() == before
