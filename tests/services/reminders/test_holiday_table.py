"""The festival table holds what the ``holidays`` library's China calendar gives, year by year,
and the program reads it without loading the library (which loads every country's module)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.services.reminders.holiday_table import FIRST_YEAR, LAST_YEAR, days_off, format_year, parse_line

ROOT = Path(__file__).resolve().parents[3]


def test_every_year_of_the_table_is_what_the_library_says():
    import holidays

    for year in range(FIRST_YEAR - 1, LAST_YEAR + 2):
        listed = sorted(holidays.China(years=year, language="zh_CN").items())
        expected = tuple((day, tuple(n.strip() for n in str(names).split("; "))) for day, names in listed)
        assert days_off(year) == expected, year


def test_a_line_reads_back_as_written():
    import datetime as dt

    days = [(dt.date(2028, 10, 3), ["中秋节", "国庆节"]), (dt.date(2028, 1, 1), ["元旦"]),
            (dt.date(2028, 10, 7), ["休息日（由 2028-09-30 调休）"])]
    line = format_year(2028, days)
    assert line == "2028\t0101:元旦\t1003:中秋节;国庆节\t1007:休息日（由 2028-09-30 调休）"
    assert parse_line(line) == (2028, ((dt.date(2028, 1, 1), ("元旦",)), (dt.date(2028, 10, 3), ("中秋节", "国庆节")),
                                       (dt.date(2028, 10, 7), ("休息日（由 2028-09-30 调休）",))))


def test_festival_dates_do_not_load_the_holidays_library():
    code = ("import sys; from app.services.reminders.holiday_calendar import holiday_date, is_workday;"
            "import datetime as dt;"
            "print(holiday_date('春节', 2027), holiday_date('中秋', 2030), is_workday(dt.date(2031, 10, 2)));"
            "print('holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["2027-02-06 2030-09-12 (False, True)", "False"]
