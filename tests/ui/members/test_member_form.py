"""Details of the member form that a clerk meets every day."""

import datetime as dt

from conftest import ID_FEMALE_1980, ID_MALE_1975, person

from app.services.members.member_types import PostData
from app.ui.common import dialogs
from app.ui.members.member_dialog import MemberDialog


def open_dialog(qtbot, services, person_id=None):
    dialog = MemberDialog(services.members, person_id)
    qtbot.addWidget(dialog)
    return dialog


def test_a_new_post_row_starts_empty_and_must_be_chosen(qtbot, services):
    dialog = open_dialog(qtbot, services)
    dialog.inputs["name"].setText("张三")
    dialog.posts.add_button.click()
    title = dialog.posts.table.cellWidget(0, 0)
    assert title.currentText() == ""
    dialog.save()
    assert dialog.posts_error.text() == "第1行：请选择职务（不要的行点 删除）" and dialog.result() == 0
    title.setCurrentText("村委会委员")
    dialog.save()
    assert [p.title for p in services.members.get(dialog.saved_id).posts] == ["村委会委员"]


def test_the_confirmation_says_each_warning_once(qtbot, services, monkeypatch):
    dialog = open_dialog(qtbot, services)
    dialog.inputs["name"].setText("张三")
    for post in (PostData("党支部书记", dt.date(2015, 5, 1), dt.date(2018, 4, 30)),
                 PostData("党支部书记", dt.date(2021, 5, 1)),
                 PostData("村务监督委员会主任", dt.date(2016, 5, 1))):
        dialog.posts.add_post(post)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text, *_a: asked.append(text) or False)
    dialog.save()
    assert asked == ["党支部书记一般不兼任村务监督委员会主任，确定要这样保存吗？"]


def test_an_error_goes_away_once_its_field_is_changed(qtbot, services):
    dialog = open_dialog(qtbot, services)
    dialog.save()
    error = dialog.findChild(type(dialog.posts_error), "error_name")
    assert dialog.errors_left.message("name") and not error.isHidden()
    dialog.inputs["name"].setText("张三")
    assert dialog.errors_left.message("name") == "" and error.isHidden()
    dialog.inputs["birth_date"].edit.setText("1975年13月")
    dialog.inputs["phone"].setText("123")
    dialog.save()
    assert dialog.errors_left.message("birth_date")
    dialog.inputs["birth_date"].edit.setText("1975-03-02")
    assert dialog.errors_left.message("birth_date") == ""
    dialog.save()
    assert dialog.errors_left.message("phone")
    dialog.inputs["address"].setText("红旗村一组")  # another field: the phone is still wrong
    assert dialog.errors_left.message("phone")


def test_gender_and_birth_date_follow_a_typed_id_number(qtbot, services):
    dialog = open_dialog(qtbot, services)
    id_edit = dialog.inputs["id_number"]
    for char in ID_MALE_1975[:17]:
        id_edit.insert(char)
    assert dialog.inputs["gender"].currentText() == "" and dialog.inputs["birth_date"].value() is None
    id_edit.insert(ID_MALE_1975[17])
    assert dialog.inputs["gender"].currentText() == "男"
    assert dialog.inputs["birth_date"].value() == dt.date(1975, 3, 2)
    id_edit.setText(ID_FEMALE_1980)
    assert dialog.inputs["gender"].currentText() == "女"
    assert dialog.inputs["birth_date"].value() == dt.date(1980, 1, 1)


def test_an_existing_record_keeps_its_values_when_opened(qtbot, services):
    person_id = services.members.save(person("李四", "村委会委员", id_number=ID_FEMALE_1980), confirmed=True)
    dialog = open_dialog(qtbot, services, person_id)
    assert dialog.inputs["gender"].currentText() == "女" and not dialog.has_changes()
