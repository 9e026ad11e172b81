"""财务公开 items read from .xlsx: the template, 三资 exports, amounts as numbers or text."""

import datetime as dt

import openpyxl
import pytest

from app.services.common.errors import UserError
from app.services.notices.item_excel import read_item_sheet, read_items, write_item_template
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData
from tests.xlsx_helpers import write_sheet


def test_the_template_reads_back_empty_then_filled(tmp_path):
    path = tmp_path / "template.xlsx"
    write_item_template(path)
    sheet = read_item_sheet(path)
    assert (sheet.header_row, sheet.rows, sheet.skipped) == (2, [], [])
    workbook = openpyxl.load_workbook(path)
    ws = workbook.active
    ws["A3"], ws["B3"], ws["C3"], ws["D3"] = 1, dt.datetime(2026, 7, 3), "上级拨付村级组织运转经费", 50000
    ws["F3"], ws["G3"] = "镇财政", "李四"
    ws["A4"], ws["B4"], ws["C4"], ws["E4"], ws["H4"] = 2, "2026-07-15", "村部电费", 1234.5, "7月"
    workbook.save(path)
    sheet = read_item_sheet(path)
    assert sheet.errors == []
    assert sheet.items == [
        ItemData("上级拨付村级组织运转经费", INCOME, 5_000_000, dt.date(2026, 7, 3), "镇财政", "李四", ""),
        ItemData("村部电费", EXPENSE, 123_450, dt.date(2026, 7, 15), "", "", "7月"),
    ]


def test_a_three_assets_export_with_a_title_block_and_totals(tmp_path):
    path = write_sheet(tmp_path / "sanzi.xlsx", [
        ["××村股份经济合作社现金日记账"],
        ["单位：××村", None, None, "2026年第三季度", None, "单位：元"],
        [],
        ["凭证号", "日期", "摘要", "收入金额", "支出金额", "余额", "经办人"],
        [None, None, "上期结余", None, None, "10,000.00", None],
        ["记-01", "2026/07/02", "收到土地承包费", "1,200.00元", 0, "11,200.00", "王五"],
        ["记-02", "2026年7月9日", "支付保洁员工资", None, "￥2,000", "9,200.00", "赵六"],
        [None, None, "本月合计", "1,200.00", "2,000.00", None, None],
        ["制表人：张三        审核：李四"],
    ])
    sheet = read_item_sheet(path)
    assert sheet.header_row == 4
    assert sheet.ignored_columns == ["余额"]
    assert sheet.errors == []
    assert [(i.item, i.direction, i.amount_fen, i.date, i.handler) for i in sheet.items] == [
        ("收到土地承包费", INCOME, 120_000, dt.date(2026, 7, 2), "王五"),
        ("支付保洁员工资", EXPENSE, 200_000, dt.date(2026, 7, 9), "赵六"),
    ]
    assert sheet.skipped == ["第 5 行（上期结余）不是收支项目，未导入", "第 8 行（本月合计）不是收支项目，未导入",
                             "第 9 行没有项目和金额，未导入"]


def test_direction_and_amount_columns(tmp_path):
    path = write_sheet(tmp_path / "two.xlsx", [
        ["序号", "收支项目", "收支", "金额（元）", "来源", "经手人", "备注"],
        [1, "党费返还", "收入", "1200.5", "乡镇党委", "张三", ""],
        [2, "购买学习资料", "支", 356.8, "党费", "李四", "发票3张"],
    ])
    items = read_item_sheet(path).items
    assert [(i.item, i.direction, i.amount_fen, i.source) for i in items] == [
        ("党费返还", INCOME, 120_050, "乡镇党委"), ("购买学习资料", EXPENSE, 35_680, "党费")]
    assert items[1].note == "发票3张"


def test_a_bad_amount_names_its_row_and_column(tmp_path):
    path = write_sheet(tmp_path / "bad.xlsx", [
        ["序号", "日期", "项目", "收入", "支出"],
        [1, "2026-07-01", "收到补贴", "1,200.00元", None],
        [2, "2026-07-02", "修路", None, "一千元"],
        [3, "2026-07-03", "办公用品", None, "12.345"],
        [4, "2026-07-04", "双填", 100, 200],
        [5, "2026-07-05", "空的", None, None],
        [6, "2026-07-06", None, 100, None],
        [7, 46204, "日期丢了格式", 100, None],
    ])
    sheet = read_item_sheet(path)
    assert [i.item for i in sheet.items] == ["收到补贴"]
    assert sheet.errors == [
        "第 3 行：支出：金额“一千元”看不懂：请写成 12345.67 这样的数字",
        "第 4 行：支出：金额“12.345”的小数超过两位：金额只精确到分，最多写两位小数",
        "第 5 行：收入和支出两列都填了金额：一行只写一笔，请分成两行",
        "第 6 行：金额：收入和支出都没有填写（或为 0）：请在其中一列填写金额",
        "第 7 行：项目：请填写项目名称（摘要）",
        "第 8 行：日期：“46204”是 Excel 内部的日期编号（即 2026-07-01），单元格的日期格式丢了："
        "请把这一列设为“日期”格式，或直接写成 2026-07-01",
    ]


def test_a_bad_direction_is_named(tmp_path):
    path = write_sheet(tmp_path / "dir.xlsx", [["项目", "收支", "金额"], ["补贴", "转账", 10]])
    assert read_item_sheet(path).errors == ["第 2 行：收支：请填写 收入 或 支出，现在是“转账”"]


@pytest.mark.parametrize(("rows", "message"), [
    ([["项目", "金额"], ["补贴", 10]],
     "表头（第 1 行）有“金额”列，但看不出是收入还是支出：请加一列“收支”（填 收入 或 支出），或把金额分成“收入”“支出”两列"),
    ([["项目", "经手人"], ["补贴", "张三"]],
     "第 1 行像是表头，但没有金额列：请加上“收入”“支出”两列（或“收支”和“金额”两列）后再导入"),
    ([["日期", "收入", "支出"]], "第 1 行像是表头，但没有“项目”列：请把摘要所在列的列名改为“项目”后再导入"),
    ([["姓名", "性别"]], "没有找到表头：前 10 行中应有“项目”“收入”“支出”等列名"),
    ([[None] * 3] * 11 + [["项目", "收入", "支出"]], "没有找到表头：前 10 行中应有“项目”“收入”“支出”等列名"),
])
def test_header_problems(tmp_path, rows, message):
    if not any(any(r) for r in rows[:10]) and len(rows) > 10:
        rows = [["说明"]] + rows[1:]
    with pytest.raises(UserError) as caught:
        read_item_sheet(write_sheet(tmp_path / "h.xlsx", rows))
    assert caught.value.message == message


def test_file_checks_are_the_shared_ones(tmp_path):
    text = tmp_path / "items.xlsx"
    text.write_text("项目,收入\n补贴,10\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_item_sheet(text)
    assert "不是 Excel 工作簿，而是文本文件" in caught.value.message
    with pytest.raises(UserError) as caught:
        read_item_sheet(tmp_path / "missing.xlsx")
    assert caught.value.message == "找不到文件“missing.xlsx”：请重新选择要导入的文件"


def test_read_items_is_all_or_nothing(tmp_path):
    good = write_sheet(tmp_path / "good.xlsx", [["项目", "收入", "支出"], ["补贴", "1,200.00元", None]])
    assert read_items(good) == [ItemData("补贴", INCOME, 120_000)]
    bad = write_sheet(tmp_path / "bad.xlsx", [["项目", "收入", "支出"], ["补贴", 10, None], ["修路", None, "abc"]])
    with pytest.raises(UserError) as caught:
        read_items(bad)
    assert caught.value.message == ("有 1 处问题，明细没有导入，请在 Excel 中改正后重新导入：\n"
                                    "第 3 行：支出：金额“abc”看不懂：请写成 12345.67 这样的数字")
    empty = tmp_path / "empty.xlsx"
    write_item_template(empty)
    with pytest.raises(UserError) as caught:
        read_items(empty)
    assert caught.value.message == "工作表“收支明细”的表头下面没有收支明细：请从第 3 行起每笔填一行"
