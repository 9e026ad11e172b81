import datetime as dt

from conftest import ID_MALE_1975, person
from PySide6.QtCore import Qt

from app.services.common.profile import Profile
from app.services.members.member_types import PostData
from app.ui.common import dialogs
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.members_model import MembersFilter, MembersTableModel, View
from app.ui.shell.main_window import MainWindow


def make_window(qtbot, services):
    services.profile.save(Profile("红旗村", "城关镇"))
    window = MainWindow(services.data_dir, large=False)
    window.attach(services)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.members_tab)  # a tab loads when it is shown
    return window


def visible_names(tab):
    return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, members):
    members.save(person("张三", "党支部书记"))
    members.save(person("李四"))
    model = MembersTableModel()
    model.set_rows(members.list_rows())
    qtmodeltester.check(model)
    proxy = MembersFilter()
    proxy.setSourceModel(model)
    proxy.set_view(View.ALL)
    qtmodeltester.check(proxy)


def test_window_title_tab_and_empty_state(qtbot, services):
    window = make_window(qtbot, services)
    # Qt appends the display name to a title not ending with it: ending with it shows it once.
    assert window.windowTitle() == "红旗村 — 村支部台账"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["工作台", "两委成员", "会议记录", "三公开", "纪律提醒", "整改台账", "班子制度"]
    tab = window.members_tab
    assert tab.stack.currentWidget() is tab.empty
    assert "还没有成员" in tab.empty.text()


def test_add_person_through_the_dialog(qtbot, services):
    window = make_window(qtbot, services)
    dialog = MemberDialog(services.members, None, window)
    qtbot.addWidget(dialog)
    dialog.inputs["name"].setText("张三")
    dialog.inputs["id_number"].setText(ID_MALE_1975)
    dialog.inputs["phone"].setText("13812341027")
    dialog.inputs["political_status"].setCurrentText("中共党员")
    dialog.posts.add_post(PostData("党支部书记", dt.date(2021, 5, 1)))
    dialog.duties_edit.setText("全面工作")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    window.members_tab.refresh()
    tab = window.members_tab
    assert visible_names(tab) == ["张三"]
    row = [tab.proxy.index(0, c).data() for c in range(tab.proxy.columnCount())]
    assert row[1] == "男" and row[2] == "1975.03"  # derived from the ID number
    assert row[6] == "党支部书记" and row[7] == "全面工作"
    assert "一肩挑：无" in tab.summary.text()
    assert window.status.text() == "现任两委班子：显示 1 人，共 1 人"


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(qtbot, services):
    dialog = MemberDialog(services.members)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["name"].setText("李四")
    dialog.inputs["id_number"].setText("440308197503021234")
    dialog.inputs["phone"].setText("1381234")
    dialog.inputs["birth_date"].edit.setText("1975年13月")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors_left.message("birth_date").startswith("日期“1975年13月”无法识别")
    assert services.members.list_rows() == []
    dialog.inputs["birth_date"].edit.setText("")
    dialog.save()
    assert dialog.errors_left.message("id_number") == "身份证号校验位不对（最后一位）：请逐位核对，可能有数字输错"
    assert dialog.errors_left.message("phone") == "手机号应为11位数字，现在是7位：请核对"
    assert dialog.focusWidget() is dialog.inputs["id_number"]
    assert services.members.list_rows() == []


def test_search_by_pinyin_initials_and_full_pinyin(qtbot, services):
    for name in ("张三", "李四", "曾喆"):
        services.members.save(person(name, "村委会委员" if name != "张三" else "党支部书记"))
    window = make_window(qtbot, services)
    tab = window.members_tab
    qtbot.keyClicks(tab.search, "zs")
    assert visible_names(tab) == ["张三"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "cengzhe")
    assert visible_names(tab) == ["曾喆"]
    assert window.status.text() == "现任两委班子：显示 1 人，共 3 人"
    tab.search.clear()
    assert sorted(visible_names(tab)) == sorted(["张三", "李四", "曾喆"])


def test_views_separate_team_party_roster_and_history(qtbot, services):
    services.members.save(person("张三", "党支部书记", political_status="中共党员"))
    gone = person("孙八", political_status="中共党员")
    gone.posts = [PostData("村委会委员", dt.date(2016, 5, 1), dt.date(2024, 3, 31))]
    services.members.save(gone)
    services.members.save(person("王普通", political_status="中共预备党员"))
    tab = make_window(qtbot, services).members_tab
    views = {}
    for i in range(tab.view_combo.count()):
        tab.view_combo.setCurrentIndex(i)
        views[tab.view_combo.currentText()] = sorted(visible_names(tab))
    assert views["现任两委班子"] == ["张三"]
    assert views["党员花名册"] == sorted(["张三", "孙八", "王普通"])
    assert views["离任人员"] == ["孙八"]


def test_sorting_by_name_follows_pinyin(qtbot, services):
    for name in ("张三", "陈喆", "李四"):
        services.members.save(person(name))
    tab = make_window(qtbot, services).members_tab
    tab.view_combo.setCurrentIndex(tab.view_combo.findText("全部人员"))
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert visible_names(tab) == ["陈喆", "李四", "张三"]


def test_delete_asks_naming_the_person(qtbot, services, monkeypatch):
    services.members.save(person("张三", "党支部书记"))
    tab = make_window(qtbot, services).members_tab
    tab.table.selectRow(0)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text, yes, no="取消": asked.append((text, yes)) or False)
    tab.delete_selected()
    assert asked[0][0].startswith("删除 张三 及其全部任职记录？此操作无法撤销。")
    assert asked[0][1] == "删除"
    assert visible_names(tab) == ["张三"]
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: True)
    tab.delete_selected()
    assert visible_names(tab) == []


def test_posts_editor_adds_and_removes_rows(qtbot, services):
    dialog = MemberDialog(services.members)
    qtbot.addWidget(dialog)
    dialog.posts.add_post(PostData("党支部书记", dt.date(2021, 5, 1)))
    dialog.posts.add_post(PostData("村委会主任", dt.date(2021, 5, 1)))
    remove_first = dialog.posts.table.cellWidget(0, 5)
    assert remove_first.text() == "删除"
    remove_first.click()
    assert [p.title for p in dialog.posts.posts()] == ["村委会主任"]
    dialog.posts.table.cellWidget(0, 2).edit.setText("2026年4月30日")
    assert dialog.posts.posts()[0].end_date == dt.date(2026, 4, 30)


def test_unsaved_changes_are_asked_about_before_closing(qtbot, services, monkeypatch):
    dialog = MemberDialog(services.members)
    qtbot.addWidget(dialog)
    dialog.reject()  # nothing typed: closes without asking
    assert dialog.result() == dialog.DialogCode.Rejected
    dialog = MemberDialog(services.members)
    qtbot.addWidget(dialog)
    dialog.inputs["name"].setText("张三")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, *a: asked.append(title) or False)
    dialog.show()
    dialog.reject()
    assert asked == ["放弃修改？"]
    assert dialog.isVisible()


def test_photo_is_copied_into_the_data_dir_and_shown(qtbot, services, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    picture = tmp_path / "证件照.png"
    image = QImage(240, 320, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(picture))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(picture))
    dialog = MemberDialog(services.members, None, None, services.photos)
    qtbot.addWidget(dialog)
    assert dialog.photo.image.text() == "无照片"
    dialog.photo.pick()
    assert not dialog.photo.image.pixmap().isNull()
    dialog.inputs["name"].setText("张三")
    dialog.save()
    stored = services.members.get(dialog.saved_id).values["photo"]
    assert (services.data_dir.photos / stored).read_bytes() == picture.read_bytes()


def test_a_photo_that_is_not_an_image_is_refused(qtbot, services, tmp_path, monkeypatch):
    bad = tmp_path / "名单.xlsx"
    bad.write_bytes(b"not a picture")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(bad))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text, *a: errors.append(text))
    dialog = MemberDialog(services.members, None, None, services.photos)
    qtbot.addWidget(dialog)
    dialog.photo.pick()
    assert errors == ["照片请用 JPG、PNG 或 BMP 图片文件"]
    assert dialog.photo.name == ""
