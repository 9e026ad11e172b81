"""Words a clerk reads: they point to what exists and fit what was chosen."""

import datetime as dt

from PySide6.QtWidgets import QMenu

from app.services.common.profile import Profile
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs

D = dt.date
LANDLINE_HINT = "座机写区号加号码（如 0731-84561234）"


def test_the_reset_message_points_to_the_menu_that_exists(qtbot, services, monkeypatch):
    from app.ui.safety.account_dialogs import LoginDialog, RecoveryDialog
    from app.ui.shell.main_window import MainWindow

    services.accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    login = LoginDialog(services.accounts)
    qtbot.addWidget(login)
    monkeypatch.setattr(RecoveryDialog, "exec", lambda d: setattr(d, "new_code", "7KQ4M-PX2HD") or 1)
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: shown.append(text))
    login.recover()
    assert "请登录后在 用户 → 用户管理 中点“重新生成并打印我的恢复码”" in shown[0]

    services.profile.save(Profile("红旗村"))
    services.act_as(Actor("王文书", Role.ADMIN))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    menus = [m for m in window.findChildren(QMenu) if window.session.users_action in m.actions()]
    assert [m.title().replace("&", "")[:2] for m in menus] == ["用户"]
    assert window.session.users_action.text().startswith("用户管理")
    from app.ui.safety.users_dialog import UsersDialog

    dialog = UsersDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.recovery_button.text() == "重新生成并打印我的恢复码…"


def test_the_supervision_phone_takes_a_landline_and_says_so(qtbot, services):
    from app.ui.common.profile_dialog import ProfileDialog

    services.act_as(Actor("王文书", Role.ADMIN))
    dialog = ProfileDialog(services.profile)
    qtbot.addWidget(dialog)
    dialog.inputs["village_name"].setText("红旗村")
    dialog.inputs["supervision_phone"].setText("84561234")
    dialog.save()
    assert LANDLINE_HINT in dialog.errors.message("supervision_phone") and dialog.result() == 0
    dialog.inputs["supervision_phone"].setText("（0731）84561234")
    dialog.save()
    assert services.profile.get().supervision_phone == "0731-84561234"


def test_the_subject_hint_fits_the_kind(qtbot, services):
    from app.services.reminders.reminder_types import FAMILY_EVENT, HOLIDAY_REMINDER
    from app.ui.reminders.reminder_dialog import ReminderDialog

    services.act_as(Actor("王文书", Role.ADMIN))
    dialog = ReminderDialog(services)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentText(FAMILY_EVENT)
    assert dialog.subject.placeholderText() == "如 张三之子结婚，拟办酒席8桌"
    dialog.kind.setCurrentText(HOLIDAY_REMINDER)
    assert dialog.subject.placeholderText() == "如 2027年春节前廉政提醒"


def test_a_term_can_be_corrected_with_the_same_checks(qtbot, services):
    from app.ui.members.terms_dialog import TermsDialog

    services.act_as(Actor("王文书", Role.ADMIN))
    services.members.add_term("第十一届", D(2021, 2, 1), D(2026, 1, 31))
    twelfth = services.members.add_term("第十二届", D(2026, 2, 1), None)
    dialog = TermsDialog(services.members)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.list.setCurrentRow(1)
    assert dialog.name_edit.text() == "第十二届" and dialog.start_field.value() == D(2026, 2, 1)
    assert dialog.save_button.isEnabled() and not dialog.has_changes()
    dialog.name_edit.setText("第十一届")
    dialog.save_selected()
    assert dialog.errors.message("term_name") == "届次“第十一届”已经存在"
    dialog.name_edit.setText("第十二届村两委")
    dialog.end_field.set_value(D(2025, 1, 1))
    dialog.save_selected()
    assert dialog.errors.message("term_end") == "届次的结束日期应晚于开始日期"
    dialog.end_field.set_value(D(2031, 1, 31))
    dialog.save_selected()
    assert [(t.id, t.name, t.end_date) for t in services.members.list_terms()][1] == (twelfth, "第十二届村两委",
                                                                                      D(2031, 1, 31))
    assert dialog.list.currentItem().text() == "第十二届村两委：2026-02-01 至 2031-01-31"
    assert not dialog.has_changes()
    dialog.start_new()
    assert dialog.name_edit.text() == "" and not dialog.save_button.isEnabled()


def test_requirement_headings_say_what_they_mean_and_the_basis_is_not_cut(qtbot, services):
    from app.ui.meetings.requirements_dialog import RequirementsDialog

    dialog = RequirementsDialog(services)
    qtbot.addWidget(dialog)
    table = dialog.table
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert heads == ["会议类型", "检查周期", "每个周期至少开几次", "最晚几月开（0＝不限）", "依据（双击修改）"]
    assert all(table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount()))
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = table.fontMetrics()
    dialog.resize(dialog.width() - table.columnWidth(4) + metrics.horizontalAdvance("支部工作条例：支委会一般"), 460)
    qtbot.waitUntil(lambda: table.columnWidth(4) < metrics.horizontalAdvance("支部工作条例：支委会一般每月"))
    long_rows = [r for r in range(table.rowCount())
                 if metrics.horizontalAdvance(table.item(r, 4).text()) > table.columnWidth(4)]
    assert long_rows  # the narrow window leaves too little room for one line
    for row in range(table.rowCount()):
        assert table.item(row, 4).toolTip() == table.item(row, 4).text()
    # each is wrapped into a row tall enough for its lines
    qtbot.waitUntil(lambda: all(table.rowHeight(r) >= 2 * metrics.lineSpacing() for r in long_rows))
    lecture = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "党课")
    table.item(lecture, 4).setText("镇党委要求每月一次党课")
    dialog.save()
    from app.services.meetings.compliance import RequirementStore

    assert {r.kind.value: r.basis for r in RequirementStore(services.db).load()}["党课"] == "镇党委要求每月一次党课"
