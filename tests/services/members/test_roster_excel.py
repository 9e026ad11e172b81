import datetime as dt
import zipfile

import openpyxl
import pytest

from app.services.common.errors import UserError
from app.services.members.member_fields import (
    DUTIES_COLUMN,
    FIELDS_BY_KEY,
    PERSON_FIELDS,
    POST_START_COLUMN,
    POSTS_COLUMN,
)
from app.services.members.roster_columns import HELP_SHEET_TITLE
from app.services.members.roster_excel import ParsedSheet, read_roster
from app.services.members.roster_excel_write import write_roster, write_template

DATE_HINT = "无法识别：请写成 1975-03-02 或 1975年3月2日"
ID_AS_NUMBER = "身份证号被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写"
ID = "44030819750302123X"


def make_xlsx(tmp_path, rows, name="roster.xlsx", extra_sheet_first=False):
    """Write ``rows`` (lists of cell values) to the first sheet of a new workbook."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    if extra_sheet_first:
        ws.title = "封面"
        ws.append(["这一页不是名单"])
        ws = workbook.create_sheet("名单")
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def read_rows(tmp_path, rows) -> ParsedSheet:
    return read_roster(make_xlsx(tmp_path, rows))


def only_row(tmp_path, header, values):
    sheet = read_rows(tmp_path, [header, values])
    assert len(sheet.rows) == 1
    return sheet.rows[0]


def test_header_below_title_rows(tmp_path):
    sheet = read_rows(tmp_path, [
        ["张庄村两委成员花名册"],
        ["填报单位：张庄村党支部", None, None, "日期：2026年11月"],
        ["序号", "姓名", "性别", "身份证号"],
        [1, "张三", "男", ID],
    ])
    assert sheet.header_row == 3
    assert sheet.columns == ["name", "gender", "id_number"]
    assert sheet.ignored_columns == []
    assert sheet.sheet_name == "Sheet"
    row = sheet.rows[0]
    assert row.excel_row == 4
    assert row.values == {"name": "张三", "gender": "男", "id_number": ID}
    assert row.errors == [] and row.posts == [] and row.duties == "" and row.post_start is None


def test_header_at_row_ten_is_found(tmp_path):
    rows = [[f"说明第{i}行"] for i in range(1, 10)] + [["姓名", "民族"], ["李四", "汉族"]]
    sheet = read_rows(tmp_path, rows)
    assert sheet.header_row == 10
    assert sheet.rows[0].excel_row == 11
    assert sheet.rows[0].values == {"name": "李四", "ethnicity": "汉族"}


def test_header_at_row_eleven_is_not_found(tmp_path):
    rows = [[f"说明第{i}行"] for i in range(1, 11)] + [["姓名", "民族"], ["李四", "汉族"]]
    with pytest.raises(UserError) as caught:
        read_rows(tmp_path, rows)
    assert caught.value.message == ("表头在第 11 行，太靠下了：表头应在前 10 行内，"
                                    "请删去表头上面多余的行后再导入")


def test_name_alone_is_not_a_header(tmp_path):
    with pytest.raises(UserError) as caught:
        read_rows(tmp_path, [["姓名"], ["张三"]])
    assert caught.value.message == "没有找到表头：前 10 行中应有“姓名”等列名"


def test_the_row_with_most_known_headers_wins(tmp_path):
    sheet = read_rows(tmp_path, [
        ["姓名", "性别"],
        ["姓名", "性别", "民族", "学历"],
        ["王五", "女", "回族", "高中"],
    ])
    assert sheet.header_row == 2
    assert sheet.rows[0].values["education"] == "高中"


def test_columns_in_any_order_and_extra_columns(tmp_path):
    sheet = read_rows(tmp_path, [
        ["工作单位", "联系电话", "备注", "姓名", "年龄", "政治面貌", None, "出生日期"],
        ["村卫生室", "13800138000", "无", "赵六", 51, "中共党员", "零散", "1975.03"],
    ])
    assert sheet.ignored_columns == ["工作单位", "年龄"]
    assert sheet.columns == ["phone", "note", "name", "political_status", "birth_date"]
    row = sheet.rows[0]
    assert row.values == {"phone": "13800138000", "note": "无", "name": "赵六",
                          "political_status": "中共党员", "birth_date": dt.date(1975, 3, 1)}
    assert row.date_precision == {"birth_date": "month"}


def test_blank_rows_and_number_only_rows_are_skipped(tmp_path):
    sheet = read_rows(tmp_path, [
        ["序号", "姓名", "性别", "工作单位"],
        [1, "张三", "男", None],
        [None, None, None, None],
        [2, "  ", "", "村委会"],
        [3, "\u3000", None, None],
        [4, "李四", "女", None],
        [],
    ])
    assert [(r.excel_row, r.values["name"]) for r in sheet.rows] == [(2, "张三"), (6, "李四")]


@pytest.mark.parametrize("header", ["姓名＊", "*姓名", "姓名*", "姓 名", "姓　名", "名字", "姓名：", "姓名:"])
def test_name_header_forms(tmp_path, header):
    assert only_row(tmp_path, [header, "性别"], ["张三", "男"]).values["name"] == "张三"


@pytest.mark.parametrize("header", ["身份证号（18位）", "身份证号(18位)", " 身份证号 ", "ＩＤ"])
def test_header_with_explanation_or_unknown(tmp_path, header):
    sheet = read_rows(tmp_path, [["姓名", "性别", header], ["张三", "男", ID]])
    if header == "ＩＤ":
        assert sheet.ignored_columns == ["ＩＤ"]
        assert "id_number" not in sheet.rows[0].values
    else:
        assert sheet.rows[0].values["id_number"] == ID


SAMPLES = {
    "birth_date": ("1975年3月2日", dt.date(1975, 3, 2)),
    "id_number": ("44030819750302123x", ID),
    "phone": ("138 0013 8000", "13800138000"),
    "party_join_date": ("2001.07", dt.date(2001, 7, 1)),
    "education": ("大学本科", "大学本科"),
}


@pytest.mark.parametrize(
    "key,header",
    [(key, h) for key in SAMPLES for h in (FIELDS_BY_KEY[key].label, *FIELDS_BY_KEY[key].synonyms)],
)
def test_every_person_header_synonym(tmp_path, key, header):
    text, expected = SAMPLES[key]
    row = only_row(tmp_path, ["姓名", header], ["张三", text])
    assert row.values == {"name": "张三", key: expected}
    assert row.errors == []


@pytest.mark.parametrize("header", [POSTS_COLUMN.label, *POSTS_COLUMN.synonyms])
def test_posts_header_synonyms(tmp_path, header):
    assert only_row(tmp_path, ["姓名", header], ["张三", "书记"]).posts == ["党支部书记"]


@pytest.mark.parametrize("header", [DUTIES_COLUMN.label, *DUTIES_COLUMN.synonyms])
def test_duties_header_synonyms(tmp_path, header):
    assert only_row(tmp_path, ["姓名", header], ["张三", " 全面工作 "]).duties == "全面工作"


@pytest.mark.parametrize("header", [POST_START_COLUMN.label, *POST_START_COLUMN.synonyms])
def test_post_start_header_synonyms(tmp_path, header):
    row = only_row(tmp_path, ["姓名", header], ["张三", "2021年1月"])
    assert row.post_start == dt.date(2021, 1, 1)


def test_every_field_is_read_from_its_label(tmp_path):
    header = ["姓名"] + [f.label for f in PERSON_FIELDS if f.key != "name"]
    sheet = read_rows(tmp_path, [header, ["张三"]])
    assert sheet.columns == [f.key for f in PERSON_FIELDS]


@pytest.mark.parametrize("text", [
    "1975.03", "1975.3", "1975年3月", "1975年3月2日", "1975-03-02", "1975-3-2", "1975/03/02",
    "19750302", "197503", "１９７５年３月２日", "  1975.03  ",
])
def test_text_dates(tmp_path, text):
    row = only_row(tmp_path, ["姓名", "出生日期"], ["张三", text])
    day = 2 if "2" in text.replace("1975", "").replace("２", "2") else 1
    assert row.values["birth_date"] == dt.date(1975, 3, day)
    assert row.errors == []


def test_excel_dates_and_numbers(tmp_path):
    row = only_row(tmp_path, ["姓名", "出生日期", "入党日期", "转正日期", "任职时间"],
                   ["张三", dt.date(1975, 3, 2), dt.datetime(2001, 7, 1), 1975.03, 20210115])
    assert row.values["birth_date"] == dt.date(1975, 3, 2)
    assert row.values["party_join_date"] == dt.date(2001, 7, 1)
    assert row.values["full_member_date"] == dt.date(1975, 3, 1)
    assert row.post_start == dt.date(2021, 1, 15)
    assert row.date_precision == {"full_member_date": "month"}


def test_bad_date_is_a_row_error_naming_the_column(tmp_path):
    sheet = read_rows(tmp_path, [
        ["姓名", "出生年月", "入党时间"],
        ["张三", "1975.13", "2023-02-30"],
        ["李四", "abc", None],
    ])
    first, second = sheet.rows
    assert first.errors == [f"出生日期：日期“1975.13”{DATE_HINT}", f"入党日期：日期“2023-02-30”{DATE_HINT}"]
    assert first.values["birth_date"] is None
    assert second.messages == [f"第 3 行（李四）：出生日期：日期“abc”{DATE_HINT}"]


@pytest.mark.parametrize("cell", [
    "党支部书记、村委会主任", "党支部书记，村委会主任", "党支部书记,村委会主任",
    "党支部书记 村委会主任", "书记兼主任", " 党支部书记 、 村委会主任 ", "党支部书记、村委会主任、书记",
])
def test_several_posts_in_one_cell(tmp_path, cell):
    assert only_row(tmp_path, ["姓名", "职务"], ["张三", cell]).posts == ["党支部书记", "村委会主任"]


def test_no_post(tmp_path):
    sheet = read_rows(tmp_path, [["姓名", "职务"], ["张三", "普通党员"], ["李四", None]])
    assert [r.posts for r in sheet.rows] == [[], []]


def test_unknown_post_is_a_row_error_with_the_excel_row(tmp_path):
    sheet = read_rows(tmp_path, [
        ["花名册"],
        ["姓名", "职务"],
        ["张三", "书记"],
        ["李四", "党支部书记、会计"],
        ["王五", "委员"],
    ])
    assert [r.errors for r in sheet.rows[:1]] == [[]]
    bad = sheet.rows[1]
    assert bad.excel_row == 4
    assert bad.posts == []
    assert bad.errors == [
        "职务：不认识的职务“会计”：请使用 党支部书记、党支部副书记、组织委员、纪检委员、宣传委员、"
        "党支部委员、村委会主任、村委会副主任、村委会委员、监委会主任、监委会委员；其他组织的职务："
        "村民代表、团支部书记、团支部副书记、团支部委员、妇联主席、妇联副主席、妇联执委、工会主席、工会委员、"
        "民兵连长、民兵连指导员、理事长、理事、监事长、监事"
    ]
    assert bad.messages[0].startswith("第 4 行（李四）：职务：不认识的职务“会计”")
    assert sheet.rows[2].errors == ["职务：职务“委员”不明确：请写明 党支部委员、村委会委员 或 监委会委员"]


@pytest.mark.parametrize("number", [440308197503021234, 4.40308e17, 440308197503020000])
def test_id_stored_as_number(tmp_path, number):
    row = only_row(tmp_path, ["姓名", "身份证号码"], ["张三", number])
    assert row.errors == [f"身份证号：{ID_AS_NUMBER}"]


def test_id_text_is_cleaned(tmp_path):
    row = only_row(tmp_path, ["姓名", "公民身份号码"], ["张三", " 440308 19750302 123x "])
    assert row.values["id_number"] == ID
    assert row.errors == []


def test_phone_stored_as_number_is_fine(tmp_path):
    sheet = read_rows(tmp_path, [["姓名", "手机号"], ["张三", 13800138000], ["李四", 13900139000.0]])
    assert [r.values["phone"] for r in sheet.rows] == ["13800138000", "13900139000"]
    assert all(r.errors == [] for r in sheet.rows)


def test_gender_and_political_status(tmp_path):
    sheet = read_rows(tmp_path, [
        ["姓名", "性别", "政治面貌"],
        ["张三", "男性", "党员"],
        ["李四", "女", "预备党员"],
        ["王五", " 女性 ", "群众"],
        ["赵六", "未知", "积极分子"],
    ])
    values = [(r.values["gender"], r.values["political_status"]) for r in sheet.rows]
    assert values[:3] == [("男", "中共党员"), ("女", "中共预备党员"), ("女", "群众")]
    assert sheet.rows[3].errors == [
        "性别：“未知”无法识别：请填写 男 或 女",
        "政治面貌：“积极分子”无法识别：请填写 中共党员、中共预备党员、共青团员、民主党派、无党派人士、群众 之一",
    ]


def test_first_worksheet_by_default_or_by_name(tmp_path):
    path = make_xlsx(tmp_path, [["姓名", "性别"], ["张三", "男"]], extra_sheet_first=True)
    with pytest.raises(UserError):
        read_roster(path)
    assert read_roster(path, sheet="名单").rows[0].values["name"] == "张三"
    with pytest.raises(UserError) as caught:
        read_roster(path, sheet="党员")
    assert caught.value.message == "文件“roster.xlsx”中没有名为“党员”的工作表：请检查工作表名称"


OLD_FORMAT = ("“{}”是旧版 .xls 文件或设置了打开密码：请在 Excel 或 WPS 中打开，"
              "“另存为”不带密码的 Excel 工作簿（.xlsx）后再导入")
TEXT_FILE = ("“{}”不是 Excel 工作簿，而是文本文件（可能是 .csv 或 .txt 改了扩展名）："
             "请在 Excel 或 WPS 中打开它，“另存为”Excel 工作簿（.xlsx）后再导入")


@pytest.mark.parametrize("name,content,message", [
    ("名单.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, OLD_FORMAT.format("名单.xls")),
    ("加密.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, OLD_FORMAT.format("加密.xlsx")),
    ("乱码.xlsx", b"this is not a workbook", TEXT_FILE.format("乱码.xlsx")),
    ("名单.csv", "姓名,性别\n张三,男\n".encode(), TEXT_FILE.format("名单.csv")),
    ("照片.xlsx", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "无法读取文件“照片.xlsx”：它不是 Excel .xlsx 文件，请确认选对了文件"),
    ("通知.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "无法读取文件“通知.xlsx”：它不是 Excel .xlsx 文件，请确认选对了文件"),
])
def test_unreadable_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_roster(path)
    assert caught.value.message == message


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "压缩包.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("说明.txt", "不是表格")
    with pytest.raises(UserError) as caught:
        read_roster(path)
    assert caught.value.message == "无法读取文件“压缩包.xlsx”：请确认是 Excel .xlsx 文件"


def test_missing_file(tmp_path):
    with pytest.raises(UserError) as caught:
        read_roster(tmp_path / "没有.xlsx")
    assert caught.value.message == "找不到文件“没有.xlsx”：请重新选择要导入的文件"


PEOPLE = [
    {"name": "𠮷永福", "gender": "男", "ethnicity": "汉族", "birth_date": dt.date(1975, 3, 2),
     "native_place": "广东深圳", "id_number": ID, "phone": "13800138000", "address": "张庄村3组12号",
     "political_status": "中共党员", "party_join_date": dt.date(2001, 7, 1),
     "full_member_date": dt.date(2002, 7, 1), "education": "大学本科", "education_inservice": "研究生",
     "party_group": "第一党小组", "note": "村里的老书记", "posts": ["党支部书记", "村委会主任"],
     "duties": "主持全面工作", "post_start": dt.date(2021, 1, 15)},
    {"name": "刘䶮", "gender": "女", "ethnicity": "", "birth_date": None, "native_place": "",
     "id_number": "", "phone": "0755-12345678", "address": "", "political_status": "群众",
     "party_join_date": None, "full_member_date": None, "education": "", "education_inservice": "",
     "party_group": "", "note": "", "posts": [], "duties": "", "post_start": None},
]


def test_export_reads_back_to_the_same_values(tmp_path):
    path = tmp_path / "导出.xlsx"
    write_roster(path, PEOPLE, "张庄村两委成员及党员花名册")
    sheet = read_roster(path)
    assert sheet.header_row == 2 and sheet.ignored_columns == [] and sheet.sheet_name == "两委成员"
    assert [r.excel_row for r in sheet.rows] == [3, 4]  # the “内部资料” title row is not a person
    assert [r.errors for r in sheet.rows] == [[], []]
    for person, row in zip(PEOPLE, sheet.rows, strict=True):
        expected = {k: v for k, v in person.items() if k not in ("posts", "duties", "post_start")}
        assert row.values == expected
        assert (row.posts, row.duties, row.post_start) == (
            person["posts"], person["duties"], person["post_start"])


def test_export_layout(tmp_path):
    path = tmp_path / "导出.xlsx"
    write_roster(path, PEOPLE, "张庄村两委成员及党员花名册")
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "两委成员"
    assert ws["A1"].value == "内部资料\u3000张庄村两委成员及党员花名册"
    assert ws.oddHeader.center.text == "内部资料"  # on every printed page
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:S1"]
    assert [c.value for c in ws[2]] == [
        "序号", "姓名", "性别", "民族", "出生日期", "身份证号", "联系电话", "政治面貌", "入党日期",
        "转正日期", "学历", "在职学历", "职务", "分工", "任职时间", "党小组", "籍贯", "家庭住址", "备注"]
    assert all(c.font.b for c in ws[2])
    assert ws.freeze_panes == "A3"
    assert [ws["A3"].value, ws["A4"].value] == [1, 2]
    assert (ws["F3"].value, ws["F3"].number_format, ws["F3"].data_type) == (ID, "@", "s")
    assert (ws["G3"].value, ws["G3"].number_format) == ("13800138000", "@")
    assert ws["E3"].is_date and ws["E3"].number_format == "yyyy-mm-dd"
    assert ws["M3"].value == "党支部书记、村委会主任"
    assert ws.column_dimensions["F"].width > ws.column_dimensions["C"].width


def test_only_the_export_is_marked_internal(tmp_path):
    path = tmp_path / "模板.xlsx"
    write_template(path)
    ws = openpyxl.load_workbook(path).active
    assert "内部资料" not in ws["A1"].value and not ws.oddHeader.center.text


def test_genuine_xlsx_with_an_old_or_wrong_extension_is_read(tmp_path):
    for name in ("名单.xls", "名单.csv"):
        path = make_xlsx(tmp_path, [["姓名", "性别"], ["张三", "男"]], name=name)
        assert read_roster(path).rows[0].values == {"name": "张三", "gender": "男"}


def test_template_is_empty_and_explained(tmp_path):
    path = tmp_path / "模板.xlsx"
    write_template(path)
    sheet = read_roster(path)
    assert sheet.rows == [] and sheet.ignored_columns == []
    assert sheet.columns[0] == "name" and len(sheet.columns) == 18
    workbook = openpyxl.load_workbook(path)
    ws = workbook.worksheets[0]
    assert ws["B2"].value == "姓名＊"
    for column in "EFGIJO":  # dates, ID and phone are text so Excel keeps what is typed
        assert ws[f"{column}3"].number_format == "@"
        assert ws[f"{column}202"].number_format == "@"
    help_text = "\n".join(str(c.value) for c in workbook[HELP_SHEET_TITLE]["A"])
    for words in ("1975年3月2日", "1975.03", "身份证号", "文本", "党支部书记、村委会主任", "监委会委员",
                  "会更新此人的信息"):
        assert words in help_text


def test_filled_template_imports(tmp_path):
    path = tmp_path / "模板.xlsx"
    write_template(path)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.worksheets[0]
    ws["A3"], ws["B3"], ws["E3"], ws["F3"], ws["M3"] = 1, "𠮷大", "1975.10", ID.lower(), "支委、妇女主任"
    workbook.save(path)
    row = read_roster(path).rows[0]
    assert row.excel_row == 3 and row.errors == []
    assert row.values["name"] == "𠮷大"
    assert row.values["birth_date"] == dt.date(1975, 10, 1)
    assert row.values["id_number"] == ID
    assert row.posts == ["党支部委员", "村委会委员"]


def test_save_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(UserError) as caught:
        write_roster(tmp_path / "没有的文件夹" / "导出.xlsx", PEOPLE, "花名册")
    assert caught.value.message == (
        "无法保存“导出.xlsx”：这个位置不能写入（文件夹不存在、没有权限或磁盘已满），请换一个位置保存")
