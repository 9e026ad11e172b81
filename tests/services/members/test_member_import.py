import datetime as dt

from conftest import ID_FEMALE_1980, ID_MALE_1975, person
from xlsx_helpers import write_sheet

from app.services.members.member_import import MemberImporter
from app.services.members.roster_excel import read_roster


def test_update_by_id_keeps_other_fields_and_adds_missing_posts(members, tmp_path):
    existing = person("张三", "党支部书记", id_number=ID_MALE_1975, address="红旗村3组", phone="13812341027")
    pid = members.save(existing)
    sheet = write_sheet(
        tmp_path / "u.xlsx",
        [["姓名", "身份证号", "手机号", "职务", "任职时间"], ["张三", ID_MALE_1975, "13900001111", "书记、主任", "2021.05"]],
    )
    importer = MemberImporter(members)
    preview = importer.preview(sheet)
    assert preview.ok and (preview.added, preview.updated) == (0, 1)
    importer.apply(preview)
    data = members.get(pid)
    assert data.values["phone"] == "13900001111"
    assert data.values["address"] == "红旗村3组"  # not in the file: untouched
    assert sorted(p.title for p in data.posts) == ["党支部书记", "村委会主任"]
    head = next(p for p in data.posts if p.title == "村委会主任")
    assert head.start_date == dt.date(2021, 5, 1)


def test_same_person_twice_in_one_file_is_an_error(members, tmp_path):
    sheet = write_sheet(
        tmp_path / "d.xlsx",
        [["姓名", "身份证号"], ["张三", ID_MALE_1975], ["王芳", ID_FEMALE_1980], ["张三", ID_MALE_1975.lower()]],
    )
    preview = MemberImporter(members).preview(sheet)
    assert not preview.ok
    assert preview.problems == ["第 4 行（张三）：身份证号与第 2 行重复：同一人只能出现一次"]


def test_missing_name_is_reported_with_the_row(members, tmp_path):
    sheet = write_sheet(tmp_path / "n.xlsx", [["姓名", "手机号"], ["", "13812341027"]])
    preview = MemberImporter(members).preview(sheet)
    assert preview.problems == ["第 2 行：姓名：请填写姓名"]


def test_export_then_import_round_trip_updates_everyone(members, tmp_path):
    members.save(person("吴𠮷祥", "监委会主任", id_number=ID_MALE_1975, phone="13812341027"))
    members.save(person("李䶮", "党支部委员", id_number=ID_FEMALE_1980))
    importer = MemberImporter(members)
    path = tmp_path / "out.xlsx"
    assert importer.export(path, "红旗村两委成员及党员花名册") == 2
    assert sorted(r.values["name"] for r in read_roster(path).rows) == ["吴𠮷祥", "李䶮"]
    preview = importer.preview(path)
    assert preview.ok, preview.problems
    assert importer.apply(preview) == (0, 2)
    assert len(members.list_rows()) == 2
