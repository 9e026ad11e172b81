from conftest import ID_FEMALE_1980, ID_MALE_1975
from xlsx_helpers import write_sheet

from app.ui.members.import_dialog import ImportDialog

HEADER = ["序号", "姓名", "身份证号码", "手机号", "职务"]


def test_preview_refuses_a_file_with_errors(qtbot, services, tmp_path):
    path = write_sheet(
        tmp_path / "bad.xlsx",
        [
            ["红旗村两委成员花名册"],
            HEADER,
            [1, "张三", ID_MALE_1975, "13812341027", "书记"],
            [2, "李四", "440308197503021234", "1381234102", "会计"],
        ],
    )
    dialog = ImportDialog(services.members, path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert not dialog.confirm_button.isEnabled()
    assert dialog.summary.text().startswith("共 2 行，其中 1 行有错误（共 3 处，红色行）。")
    problems = dialog.table.item(1, 4).text().split("\n")
    assert problems[0].startswith("职务：不认识的职务“会计”")
    assert problems[1] == "身份证号：身份证号校验位不对（最后一位）：请逐位核对，可能有数字输错"
    assert problems[2] == "联系电话：手机号应为11位数字，现在是10位：请核对"
    assert dialog.table.item(1, 0).text() == "4"
    dialog.confirm()
    assert services.members.list_rows() == []


def test_preview_then_confirm_writes_every_row(qtbot, services, tmp_path, monkeypatch):
    from app.ui.common import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: shown.append(text))
    path = write_sheet(
        tmp_path / "good.xlsx",
        [HEADER, [1, "张三", ID_MALE_1975, "13812341027", "书记、主任"], [2, "王芳", ID_FEMALE_1980, "", "监委会委员"]],
    )
    dialog = ImportDialog(services.members, path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert dialog.confirm_button.isEnabled()
    assert "全部正确：将新增 2 人，更新 0 人" in dialog.summary.text()
    dialog.confirm()
    assert shown == ["新增 2 人，更新 0 人。"]
    rows = {r.name: r.current_posts for r in services.members.list_rows()}
    assert rows == {"张三": ("党支部书记", "村委会主任"), "王芳": ("监委会委员",)}
