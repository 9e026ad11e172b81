import datetime as dt

import pytest

from app.services.common.dates import (
    ParsedDate,
    format_date,
    format_date_cn,
    format_month_cn,
    format_parsed,
    parse_date,
    parse_date_with_precision,
)
from app.services.common.errors import UserError

MARCH_2 = dt.date(1975, 3, 2)
MARCH = dt.date(1975, 3, 1)


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_empty_values_are_no_date(value):
    assert parse_date(value) is None
    assert parse_date_with_precision(value) is None


def test_date_and_datetime_objects():
    assert parse_date(MARCH_2) == MARCH_2
    assert parse_date(dt.datetime(1975, 3, 2, 0, 0)) == MARCH_2
    assert type(parse_date(dt.datetime(1975, 3, 2, 15, 30))) is dt.date
    assert parse_date_with_precision(dt.datetime(1975, 3, 2)) == ParsedDate(MARCH_2, "day")


@pytest.mark.parametrize(
    "text",
    [
        "1975年3月2日", "1975年03月02日", "1975-03-02", "1975-3-2", "1975/03/02", "1975/3/2",
        "19750302", "1975.3.2", "1975-03-02 00:00:00", " 1975-03-02 ",
        "１９７５－０３－０２", "１９７５年３月２日", "\u30001975年3月2日\u3000", "1975 年 3 月 2 日",
    ],
)
def test_day_forms(text):
    assert parse_date_with_precision(text) == ParsedDate(MARCH_2, "day")
    assert parse_date(text) == MARCH_2


@pytest.mark.parametrize(
    "text",
    ["1975.03", "1975.3", "1975年3月", "1975年03月", "197503", "１９７５．０３", " 1975.03 ",
     "1975-03", "1975/3", "1975。03"],
)
def test_month_forms_give_the_first_of_the_month(text):
    assert parse_date_with_precision(text) == ParsedDate(MARCH, "month")
    assert parse_date(text) == MARCH


def test_month_ten_and_december():
    assert parse_date("1975.10") == dt.date(1975, 10, 1)
    assert parse_date("1975.12") == dt.date(1975, 12, 1)


@pytest.mark.parametrize(
    "text",
    ["1975.13", "abc", "2023-02-30", "1975", "1975.0", "1975-03/02", "13.03.1975", "1975年13月",
     "20230230", "1875-03-02", "1975-03-02-04", "1975年3月2日上午"],
)
def test_invalid_text_says_how_to_write_it(text):
    with pytest.raises(UserError) as caught:
        parse_date(text)
    assert caught.value.message == f"日期“{text}”无法识别：请写成 1975-03-02 或 1975年3月2日"


def test_message_quotes_the_text_as_written_without_surrounding_spaces():
    with pytest.raises(UserError) as caught:
        parse_date("  1975.13 ")
    assert caught.value.message == "日期“1975.13”无法识别：请写成 1975-03-02 或 1975年3月2日"


def test_leap_day():
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)
    with pytest.raises(UserError):
        parse_date("2023年2月29日")


def test_numbers_that_excel_made_from_typed_dates():
    assert parse_date_with_precision(19750302) == ParsedDate(MARCH_2, "day")
    assert parse_date_with_precision(197503) == ParsedDate(MARCH, "month")
    assert parse_date_with_precision(1975.03) == ParsedDate(MARCH, "month")
    assert parse_date_with_precision(1975.3) == ParsedDate(MARCH, "month")
    assert parse_date_with_precision(1975.12) == ParsedDate(dt.date(1975, 12, 1), "month")
    assert parse_date(19750302.0) == MARCH_2


def test_number_that_may_be_january_or_october_is_refused():
    with pytest.raises(UserError) as caught:
        parse_date(1975.1)
    assert caught.value.message == (
        "日期“1975.1”被 Excel 存成了数字，分不清是 1 月还是 10 月："
        "请把该列设为“文本”格式后写成 1975.01 或 1975.10"
    )


@pytest.mark.parametrize("value", [27455, 1975.131, True, 3.5, ["1975"]])
def test_other_values_are_refused(value):
    with pytest.raises(UserError) as caught:
        parse_date(value)
    assert caught.value.message.endswith("无法识别：请写成 1975-03-02 或 1975年3月2日")


def test_formatting():
    day = dt.date(2026, 11, 27)
    assert format_date(day) == "2026-11-27"
    assert format_date_cn(day) == "2026年11月27日"
    assert format_date_cn(dt.date(2026, 1, 5)) == "2026年1月5日"
    assert format_date(dt.date(2026, 1, 5)) == "2026-01-05"
    assert format_month_cn(MARCH_2) == "1975.03"
    assert format_month_cn(dt.date(1975, 11, 1)) == "1975.11"
    for formatter in (format_date, format_date_cn, format_month_cn, format_parsed):
        assert formatter(None) == ""


def test_format_parsed_keeps_the_precision_as_written():
    assert format_parsed(parse_date_with_precision("1975年3月")) == "1975.03"
    assert format_parsed(parse_date_with_precision("1975年3月2日")) == "1975-03-02"


def test_formatted_dates_parse_back():
    day = dt.date(2026, 1, 5)
    assert parse_date(format_date(day)) == day
    assert parse_date(format_date_cn(day)) == day
    assert parse_date_with_precision(format_month_cn(day)) == ParsedDate(dt.date(2026, 1, 1), "month")
