"""Festival dates (lunar ones against known dates) and working days with the official 调休."""

import datetime as dt

import pytest

from app.services.reminders.holiday_calendar import WorkdayShift, break_start, holiday_date, is_workday, shift_workdays
from app.services.reminders.reminder_types import HOLIDAYS

D = dt.date

KNOWN = [
    ("春节", D(2024, 2, 10)), ("春节", D(2025, 1, 29)), ("春节", D(2026, 2, 17)), ("春节", D(2027, 2, 6)),
    ("春节", D(2028, 1, 26)), ("春节", D(2030, 2, 3)),
    ("端午", D(2024, 6, 10)), ("端午", D(2025, 5, 31)), ("端午", D(2026, 6, 19)), ("端午", D(2027, 6, 9)),
    ("中秋", D(2024, 9, 17)), ("中秋", D(2025, 10, 6)), ("中秋", D(2026, 9, 25)), ("中秋", D(2027, 9, 15)),
    ("中秋", D(2028, 10, 3)),  # the same day as the third day of 国庆 in 2028
    ("清明", D(2024, 4, 4)), ("清明", D(2026, 4, 5)), ("清明", D(2027, 4, 5)),
    ("元旦", D(2027, 1, 1)), ("五一", D(2029, 5, 1)), ("国庆", D(2028, 10, 1)),
]


@pytest.mark.parametrize(("name", "day"), KNOWN, ids=[f"{n}{d.year}" for n, d in KNOWN])
def test_festival_first_day_matches_the_known_date(name, day):
    assert holiday_date(name, day.year) == day


def test_spring_festival_is_the_first_day_not_the_eve_and_not_the_extra_days_off():
    # The library also lists 农历除夕 (2026-02-16) and 春节（补假）; neither is 春节 itself.
    assert holiday_date("春节", 2026) == D(2026, 2, 17)
    assert holiday_date("端午", 2025) == D(2025, 5, 31)  # 端午节（补假） is 2025-06-02


def test_every_holiday_name_is_known_for_a_far_year():
    assert all(holiday_date(name, 2090) is not None for name in HOLIDAYS)


def test_a_year_the_library_does_not_know_gives_none():
    assert holiday_date("春节", 2101) is None
    assert holiday_date("清明", 1999) is None  # 清明 became a public holiday in 2008


def test_an_unknown_holiday_name_is_a_programming_error():
    with pytest.raises(ValueError):
        holiday_date("重阳", 2026)


def test_official_2026_arrangement_includes_the_weekend_working_days():
    assert is_workday(D(2026, 2, 14)) == (True, False)  # Saturday, worked for 春节
    assert is_workday(D(2026, 9, 20)) == (True, False)  # Sunday, worked for 国庆
    assert [is_workday(D(2026, 10, d))[0] for d in range(1, 9)] == [False] * 7 + [True]


def test_a_year_without_an_official_arrangement_falls_back_to_monday_to_friday():
    assert is_workday(D(2027, 1, 1)) == (False, True)  # 元旦 is statutory: known before the arrangement
    assert is_workday(D(2027, 1, 4)) == (True, True)  # an ordinary Monday: estimated
    assert is_workday(D(2027, 1, 2)) == (False, True)


def test_shift_forward_uses_the_saturday_working_day_before_the_spring_festival():
    assert shift_workdays(D(2026, 2, 13), 1) == WorkdayShift(D(2026, 2, 14))
    assert shift_workdays(D(2026, 2, 13), 2) == WorkdayShift(D(2026, 2, 24))  # 15th … 23rd are off


def test_shift_backward_over_the_spring_festival():
    assert shift_workdays(D(2026, 2, 24), -1) == WorkdayShift(D(2026, 2, 14))


def test_shift_over_the_national_day_week():
    assert shift_workdays(D(2026, 9, 30), 1).day == D(2026, 10, 8)
    assert shift_workdays(D(2026, 9, 19), 1).day == D(2026, 9, 20)
    # 丧事 reported 10 working days after 28 September: 10 October (a Saturday) is worked.
    assert shift_workdays(D(2026, 9, 28), 10) == WorkdayShift(D(2026, 10, 16))


def test_shift_across_an_official_year_end():
    # 2026-01-01..03 are off and Sunday 2026-01-04 is worked.
    assert shift_workdays(D(2025, 12, 30), 3) == WorkdayShift(D(2026, 1, 5))


def test_shift_into_2027_falls_back_and_says_so():
    shift = shift_workdays(D(2026, 12, 24), 10)
    # 25, 28, 29, 30, 31 December; then 1 (Friday, only weekdays known), 4, 5, 6, 7 January.
    assert shift.day == D(2027, 1, 8)  # 1 January (statutory) skipped
    assert shift.fallback_years == (2027,)
    assert shift.note == "2027年的放假调休安排尚未公布或未收录，按周一至周五（扣除法定节日）推算"


def test_shift_back_before_2004_falls_back_too():
    shift = shift_workdays(D(2004, 1, 5), -3)
    assert shift.day == D(2003, 12, 30)  # 2 Jan 2004, (1 Jan is 元旦), 31 and 30 Dec 2003
    assert shift.note == "2003年的放假调休安排尚未公布或未收录，按周一至周五（扣除法定节日）推算"


def test_thirty_working_days_back_within_a_known_year_has_no_note():
    shift = shift_workdays(D(2026, 12, 31), -30)
    assert shift.day == D(2026, 11, 19)
    assert shift.fallback_years == () and shift.note == ""


def test_zero_working_days_is_the_day_itself():
    assert shift_workdays(D(2026, 10, 3), 0) == WorkdayShift(D(2026, 10, 3))


BREAKS = [
    (D(2026, 2, 17), D(2026, 2, 15)),  # 春节 2026: Saturday 14 Feb was a working day
    (D(2025, 10, 6), D(2025, 10, 1)),  # 中秋 2025 inside the 国庆 break
    (D(2026, 1, 1), D(2026, 1, 1)),  # 元旦 2026: 31 Dec 2025 was worked
    (D(2026, 4, 5), D(2026, 4, 4)),  # 清明 2026 on a Sunday, off from the Saturday
    (D(2025, 1, 29), D(2025, 1, 28)),  # 春节 2025: 除夕 off, Sunday 26 Jan worked
    (D(2023, 1, 1), D(2022, 12, 31)),  # 元旦 2023 on a Sunday
    (D(2027, 2, 6), D(2027, 2, 5)),  # 2027 has no arrangement yet, but 除夕 (5 Feb) is statutory
    (D(2028, 10, 1), D(2028, 9, 30)),  # ... and the Saturday before a Sunday festival as off
]


@pytest.mark.parametrize(("festival", "start"), BREAKS, ids=[str(f) for f, _ in BREAKS])
def test_break_start_is_the_first_day_off_of_the_run_holding_the_festival(festival, start):
    assert break_start(festival) == start


def test_break_start_in_a_year_without_arrangement_and_on_a_working_day():
    # Weekends only in 1990: a festival on a Monday goes back over its weekend.
    assert break_start(D(1990, 1, 8)) == D(1990, 1, 6)
    # The festival itself is taken as a day off even when the calendar says otherwise.
    assert break_start(D(2026, 11, 27)) == D(2026, 11, 27)


def test_break_start_walks_back_at_most_fifteen_days(monkeypatch):
    import app.services.reminders.holiday_calendar as calendar

    monkeypatch.setattr(calendar, "is_workday", lambda day: (False, True))
    break_start.cache_clear()
    try:
        assert break_start(D(2031, 3, 20)) == D(2031, 3, 5)
    finally:
        break_start.cache_clear()
