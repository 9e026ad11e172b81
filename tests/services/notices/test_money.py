"""Money in fen: parsing what clerks and Excel give, figures, and RMB capitals."""

from decimal import Decimal

import pytest

from app.services.common.errors import UserError
from app.services.notices.money import MAX_FEN, format_yuan, in_capitals, parse_yuan


@pytest.mark.parametrize(("value", "fen"), [
    (12345.67, 1234567),
    (1200, 120000),
    (0, 0),
    (1200.5, 120050),
    (0.1 + 0.2, 30),  # a formula result: within a millionth of a fen value
    (1234567.89, 123456789),
    (0.07, 7),
    (Decimal("19.90"), 1990),
    ("12,345.67", 1234567),
    ("12345.67元", 1234567),
    ("￥1,200", 120000),
    ("¥1,200.00", 120000),
    ("1200.5", 120050),
    ("１２３４５．６７", 1234567),
    ("１２，３４５元", 1234500),
    (" 1,200.00元 ", 120000),
    ("人民币3000元整", 300000),
    ("RMB 88.8", 8880),
    ("1 200.00", 120000),
    (".5", 50),
    ("7.", 700),
])
def test_parse_yuan_reads_numbers_and_text(value, fen):
    assert parse_yuan(value) == fen


@pytest.mark.parametrize(("value", "message"), [
    ("abc", "金额“abc”看不懂：请写成 12345.67 这样的数字"),
    ("12,34", "金额“12,34”看不懂：请写成 12345.67 这样的数字"),
    ("12.3.4", "金额“12.3.4”看不懂：请写成 12345.67 这样的数字"),
    ("一千元", "金额“一千元”看不懂：请写成 12345.67 这样的数字"),
    ("-5", "金额“-5”是负数：金额请填正数，收入和支出分开填写"),
    ("(5.00)", "金额“(5.00)”是负数：金额请填正数，收入和支出分开填写"),
    ("￥-5", "金额“￥-5”是负数：金额请填正数，收入和支出分开填写"),
    (-3, "金额“-3”是负数：金额请填正数，收入和支出分开填写"),
    (-0.5, "金额“-0.5”是负数：金额请填正数，收入和支出分开填写"),
    ("12.345", "金额“12.345”的小数超过两位：金额只精确到分，最多写两位小数"),
    (12.345, "金额“12.345”的小数超过两位：金额只精确到分，最多写两位小数"),
    ("", "金额是空的：请填写金额，如 12345.67"),
    ("  ", "金额是空的：请填写金额，如 12345.67"),
    (None, "金额是空的：请填写金额，如 12345.67"),
    (True, "金额“True”看不懂：请写成 12345.67 这样的数字"),
    (float("nan"), "金额“nan”看不懂：请写成 12345.67 这样的数字"),
    ("1000000000000", "金额“1000000000000”太大了：请核对金额（最多到千亿元）"),
])
def test_parse_yuan_refuses_with_a_message_naming_the_value(value, message):
    with pytest.raises(UserError) as caught:
        parse_yuan(value)
    assert caught.value.message == message


def test_a_long_bad_value_is_quoted_by_its_start():
    with pytest.raises(UserError) as caught:
        parse_yuan("x" * 500)
    assert caught.value.message == f"金额“{'x' * 20}…”看不懂：请写成 12345.67 这样的数字"


@pytest.mark.parametrize(("fen", "text"), [
    (1234567, "12,345.67"),
    (0, "0.00"),
    (5, "0.05"),
    (100, "1.00"),
    (123456789012, "1,234,567,890.12"),
    (-1234567, "-12,345.67"),
])
def test_format_yuan(fen, text):
    assert format_yuan(fen) == text


@pytest.mark.parametrize(("yuan", "capitals"), [
    ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("12000.00", "壹万贰仟元整"),
    ("10005.07", "壹万零伍元零柒分"),
    ("100000.10", "壹拾万元零壹角整"),
    ("0.00", "零元整"),
    ("100000000.00", "壹亿元整"),
    ("100010000.00", "壹亿零壹万元整"),
    ("1000001.00", "壹佰万零壹元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角整"),
    ("0.55", "伍角伍分"),
    ("10.00", "壹拾元整"),
    ("110.10", "壹佰壹拾元零壹角整"),
    ("1.00", "壹元整"),
    ("15.00", "壹拾伍元整"),
    ("20.30", "贰拾元零叁角整"),
    ("100.01", "壹佰元零壹分"),
    ("1010.00", "壹仟零壹拾元整"),
    ("1001.00", "壹仟零壹元整"),
    ("107000.53", "壹拾万零柒仟元零伍角叁分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("100000000.01", "壹亿元零壹分"),
    ("100000001.00", "壹亿零壹元整"),
    ("110000000.00", "壹亿壹仟万元整"),
    ("101000000.00", "壹亿零壹佰万元整"),
    ("1000100000.00", "壹拾亿零壹拾万元整"),
    ("10000000000.00", "壹佰亿元整"),
    ("120003000.00", "壹亿贰仟万零叁仟元整"),
    ("100100.00", "壹拾万零壹佰元整"),
    ("10010.00", "壹万零壹拾元整"),
    ("100000.00", "壹拾万元整"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
])
def test_in_capitals(yuan, capitals):
    assert in_capitals(parse_yuan(yuan)) == capitals


def test_negative_balance_in_capitals():
    assert in_capitals(-150) == "负壹元伍角整"


def test_capitals_stop_below_a_trillion_yuan():
    assert in_capitals(MAX_FEN).startswith("玖仟")
    with pytest.raises(ValueError):
        in_capitals(MAX_FEN + 1)


def test_capitals_never_show_two_zeros_or_a_trailing_zero():
    for fen in range(0, 2_000_00, 37):
        text = in_capitals(fen * 1001)
        assert "零零" not in text and not text.endswith("零")
        assert "零元" not in text or text == "零元整"
