"""The township's sheet of findings: columns in any order, header in the first 10 rows, every
row checked, nothing written unless every row is right."""

import datetime as dt

import pytest
from conftest import person
from xlsx_helpers import write_sheet

from app.services.common.errors import UserError
from app.services.rectification.rect_import import RectImporter
from app.services.rectification.rect_types import DEADLINE, ONGOING


@pytest.fixture
def people(services):
    return {services.members.save(person(n, "村委会委员")): n for n in ("张堃", "李建国")}


def _sheet(tmp_path, rows, name="2026年县委巡察反馈问题.xlsx"):
    head = [["红旗村巡察反馈问题整改清单"], [], ["时限", "责任人", "措施", "问题", "备注"]]
    return write_sheet(tmp_path / name, head + rows)


def test_a_sheet_in_any_column_order_imports_into_a_new_source(services, people, tmp_path):
    path = _sheet(tmp_path, [
        [dt.datetime(2026, 12, 31), "张堃", "1. 每季度更新公开栏\n2. 监委会审核", "财务公开不及时", "x"],
        ["长期坚持", "李建国", "每月开展主题党日", "党员教育不经常", ""],
    ])
    importer = RectImporter(services.rectification)
    preview = importer.preview(path)
    assert preview.ok and preview.new_source and preview.header_row == 3
    assert preview.source_title == "2026年县委巡察反馈问题" and preview.ignored_columns == ["备注"]
    source_id, count = importer.apply(preview)
    assert count == 2
    (source,) = services.rectification.sources()
    assert (source.id, source.kind, source.raised_on) == (source_id, "巡察", dt.date(2026, 11, 27))
    rows = services.rectification.items()
    assert [(r.seq, r.problem, r.kind, r.owner, r.deadline) for r in rows] == [
        (1, "财务公开不及时", DEADLINE, "张堃", dt.date(2026, 12, 31)),
        (2, "党员教育不经常", ONGOING, "李建国", None)]
    assert rows[0].measures == ("每季度更新公开栏", "监委会审核")


def test_row_errors_name_the_row_and_nothing_is_written(services, people, tmp_path):
    path = _sheet(tmp_path, [
        ["2026-12-31", "王五", "整改", "问题一"],
        ["下个月", "张堃", "", "问题二"],
        ["2026-12-31", "张堃", "整改", "问题三"],
    ])
    preview = RectImporter(services.rectification).preview(path, "县审计反馈")
    assert preview.problems == [
        "第 4 行：责任人：“王五”不在两委成员和党员名单中：请先在名单中添加，或改为名单里的姓名",
        "第 5 行：时限：日期“下个月”无法识别：" + preview.problems[1].split("无法识别：", 1)[1],
        "第 5 行：措施：请至少填写一条整改措施",
    ]
    assert not preview.ok
    with pytest.raises(ValueError):
        RectImporter(services.rectification).apply(preview)
    assert services.rectification.sources() == [] and services.rectification.items() == []


def test_a_sheet_without_the_four_columns_says_which_is_missing(services, people, tmp_path):
    path = write_sheet(tmp_path / "x.xlsx", [["问题", "措施", "完成情况"], ["a", "b", "c"]])
    with pytest.raises(UserError) as err:
        RectImporter(services.rectification).preview(path)
    assert err.value.message == "第 1 行像是表头，但缺少“责任人”、“时限”列：请补上这一列（或改正列名）后再导入"


def test_importing_into_an_existing_source_numbers_on(services, people, tmp_path):
    importer = RectImporter(services.rectification)
    first = _sheet(tmp_path, [["2026-12-31", "张堃", "整改", "问题一"]])
    importer.apply(importer.preview(first, "县委巡察"))
    second = _sheet(tmp_path, [["2026-12-31", "李建国", "整改", "问题二"]], "more.xlsx")
    preview = importer.preview(second, "县委巡察")
    assert not preview.new_source
    importer.apply(preview)
    assert [(r.seq, r.problem) for r in services.rectification.items()] == [(1, "问题一"), (2, "问题二")]
    assert len(services.rectification.sources()) == 1
