"""村民小组, 村民代表 and 党小组 recorded from the window: lists, forms, Enter saves, edits are guarded."""

import datetime as dt

from PySide6.QtCore import Qt

from app.services.bodies.body_types import GroupData
from app.services.safety.actor import Actor, Role
from app.ui.bodies.bodies_dialog import BodiesDialog
from app.ui.bodies.body_editors import GroupDialog, RepresentativeDialog
from app.ui.common import dialogs
from conftest import person


def test_group_and_representative_added_from_the_dialog_with_enter(qtbot, services, monkeypatch):
    services.act_as(Actor("王文书", Role.ADMIN))
    window = BodiesDialog(services)
    qtbot.addWidget(window)
    assert window.groups.empty.isVisibleTo(window.groups) and "还没有村民小组" in window.groups.empty.text()
    opened = []

    def fill_group(dialog):
        dialog.show()
        dialog.name.setText("第一村民小组")
        dialog.households.setValue(48)
        dialog.adults.setValue(131)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
        opened.append(dialog)
        return dialog.result()

    monkeypatch.setattr(GroupDialog, "exec", fill_group)
    window.add_group()
    assert window.groups.model.rows == [("第一村民小组", "", "48", "131", "0")]

    def fill_rep(dialog):
        dialog.show()
        dialog.name.setText("李秀英")
        dialog.gender.setCurrentText("女")
        dialog.group.setCurrentIndex(dialog.group.findText("第一村民小组"))
        dialog.contact.setValue(12)
        dialog.start.set_value(dt.date(2026, 5, 1))
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(RepresentativeDialog, "exec", fill_rep)
    window.add_rep()
    assert window.reps.model.rows == [("李秀英", "女", "第一村民小组", "12", "", "2026-05-01", "在任")]
    assert window.reps.selected_id() == window.reps.model.ids[0]  # the record just saved is selected
    assert "村民代表 1 人（妇女 1 人）" in window.assembly.text()
    assert window.groups.model.rows[0][-1] == "1"


def test_assembly_short_of_four_fifths_is_shown_and_warned_on_save(qtbot, services, monkeypatch):
    """组织法第二十六条: 3 村委会 members and 1 村民代表."""
    services.act_as(Actor("王文书", Role.ADMIN))
    for name in ("甲委员", "乙委员", "丙委员"):
        services.members.save(person(name, "村委会委员"))
    dialog = RepresentativeDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("李秀英")
    dialog.gender.setCurrentText("女")
    dialog.start.set_value(dt.date(2026, 5, 1))
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text, yes, no="取消": asked.append(text) or False)
    dialog.save()
    assert "不足五分之四（村民委员会组织法第二十六条）" in asked[0] and dialog.result() == 0
    assert services.representatives.list_rows() == []  # 返回修改: nothing written
    window = BodiesDialog(services)
    qtbot.addWidget(window)
    assert "⚠ 村民代表会议组成人员 3 人，其中村民代表 0 人，不足五分之四" in window.assembly.text()


def test_unsaved_group_edit_asks_before_closing(qtbot, services, monkeypatch):
    services.act_as(Actor("王文书", Role.ADMIN))
    gid = services.villager_groups.save(GroupData("第一村民小组", None, 48, 131))
    dialog = GroupDialog(services, gid)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "第一村民小组" and dialog.households.value() == 48
    dialog.households.setValue(50)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, *a, **k: asked.append(title) or False)
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.result() == 0
    assert services.villager_groups.get(gid).households == 48


def test_group_with_representatives_cannot_be_deleted_from_the_list(qtbot, services, monkeypatch):
    from app.services.bodies.body_types import RepresentativeData

    services.act_as(Actor("王文书", Role.ADMIN))
    gid = services.villager_groups.save(GroupData("第一村民小组", None, 48, 131))
    services.representatives.save(RepresentativeData("李秀英", "女", "", gid, 10, dt.date(2026, 5, 1)), confirmed=True)
    window = BodiesDialog(services)
    qtbot.addWidget(window)
    window.groups.table.selectRow(0)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text, *a: errors.append(text))
    window.delete_group()
    assert errors and "登记了 1 名村民代表" in errors[0]
    assert len(window.groups.model.rows) == 1


def test_members_tab_opens_the_bodies_dialog(qtbot, services, monkeypatch):
    from app.ui.members.members_tab import MembersTab

    services.act_as(Actor("王文书", Role.ADMIN))
    tab = MembersTab(services, None)
    qtbot.addWidget(tab)
    shown = []
    monkeypatch.setattr(BodiesDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    tab.buttons["村民代表"].click()
    assert shown == ["村民小组、村民代表和党小组"]


def test_health_tab_lists_bodies_and_the_optional_ones_are_a_setting(qtbot, services):
    services.act_as(Actor("王文书", Role.ADMIN))
    services.members.save(person("王淑芬", "妇联主席"))
    window = BodiesDialog(services)
    qtbot.addWidget(window)
    assert "妇联：健全；会议记录中没有找到活动" in window.health.text()
    assert "团支部：不健全（团支部书记空缺）" in window.health.text() and "工会：" in window.health.text()
    window.kept_boxes[next(b for b in window.kept_boxes if b.value == "union")].setChecked(False)
    assert "工会：" not in window.health.text()
    assert "工会" not in [b.name for b in services.body_settings.kept()]


def test_party_group_made_from_the_dialog_with_its_members_and_leader(qtbot, services, monkeypatch):
    from app.ui.bodies.party_group_dialog import PartyGroupDialog

    services.act_as(Actor("王文书", Role.ADMIN))
    for name, status in (("张党员", "中共党员"), ("李预备", "中共预备党员"), ("王群众", "群众")):
        services.members.save(person(name, political_status=status))
    window = BodiesDialog(services)
    qtbot.addWidget(window)
    assert "还没有党小组" in window.party_groups.empty.text()
    offered = []

    def fill(dialog):
        dialog.show()
        offered.extend(dialog.members.item(i).text() for i in range(dialog.members.count()))
        dialog.name.setText("第一党小组")
        for i in range(dialog.members.count()):
            dialog.members.item(i).setCheckState(Qt.CheckState.Checked)
        dialog.leader.setCurrentIndex(dialog.leader.findText("张党员"))
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
        return dialog.result()

    monkeypatch.setattr(PartyGroupDialog, "exec", fill)
    window.add_party_group()
    assert sorted(offered) == ["张党员", "李预备"]  # only party members are offered
    assert window.party_groups.model.rows == [("第一党小组", "张党员", "2", "李预备、张党员")]
    row = next(r for r in services.members.list_rows() if r.name == "李预备")
    assert row.values["party_group"] == "第一党小组"  # the field the 党小组会 counts its 应到 from


def test_party_group_leader_outside_the_group_is_refused_beside_the_field(qtbot, services, monkeypatch):
    from app.ui.bodies.party_group_dialog import PartyGroupDialog

    services.act_as(Actor("王文书", Role.ADMIN))
    services.members.save(person("张党员", political_status="中共党员"))
    dialog = PartyGroupDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("第一党小组")
    dialog.leader.setCurrentIndex(dialog.leader.findText("张党员"))  # chosen but not ticked
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and services.party_groups.list_rows() == []
    assert "组长应是本党小组的党员" in dialog.errors.message("leader_id")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a: asked.append(a[1]) or False)
    dialog.reject()  # 取消 with typed text asks first
    assert asked == ["放弃修改？"] and dialog.isVisible()
