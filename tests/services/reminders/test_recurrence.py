"""Due dates of recurring reminders: month ends, leap years, year ends, lunar holidays, until.

“N days before a holiday” counts back from the first day of the festival's break (break_start).
"""

import datetime as dt

from app.services.reminders.recurrence import due_dates, next_due
from app.services.reminders.reminder_types import Recurrence

D = dt.date


def test_once_is_the_anchor_when_it_lies_in_the_range():
    assert due_dates(Recurrence.ONCE, D(2026, 5, 5), D(2026, 1, 1), D(2026, 12, 31)) == [D(2026, 5, 5)]
    assert due_dates(Recurrence.ONCE, D(2026, 5, 5), D(2026, 6, 1), D(2026, 12, 31)) == []
    assert due_dates(Recurrence.ONCE, D(2026, 5, 5), D(2026, 1, 1), D(2026, 5, 4)) == []


def test_monthly_on_the_31st_clamps_to_each_month_end():
    assert due_dates(Recurrence.MONTHLY, D(2026, 1, 31), D(2026, 1, 1), D(2026, 6, 30)) == [
        D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 31), D(2026, 6, 30)]


def test_monthly_across_a_year_end_into_a_leap_february():
    assert due_dates(Recurrence.MONTHLY, D(2027, 11, 30), D(2027, 12, 1), D(2028, 3, 31)) == [
        D(2027, 12, 30), D(2028, 1, 30), D(2028, 2, 29), D(2028, 3, 30)]


def test_monthly_range_starting_mid_month_skips_the_day_already_passed():
    assert due_dates(Recurrence.MONTHLY, D(2025, 1, 10), D(2026, 11, 15), D(2027, 1, 15)) == [
        D(2026, 12, 10), D(2027, 1, 10)]


def test_quarterly_counts_three_months_from_the_anchor_and_clamps_each_one():
    assert due_dates(Recurrence.QUARTERLY, D(2025, 11, 30), D(2025, 1, 1), D(2026, 12, 31)) == [
        D(2025, 11, 30), D(2026, 2, 28), D(2026, 5, 30), D(2026, 8, 30), D(2026, 11, 30)]


def test_quarterly_in_a_range_far_from_the_anchor():
    assert due_dates(Recurrence.QUARTERLY, D(2020, 1, 15), D(2027, 3, 1), D(2027, 12, 31)) == [
        D(2027, 4, 15), D(2027, 7, 15), D(2027, 10, 15)]


def test_yearly_on_29_february_falls_on_28_february_in_common_years():
    assert due_dates(Recurrence.YEARLY, D(2024, 2, 29), D(2020, 1, 1), D(2028, 12, 31)) == [
        D(2024, 2, 29), D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]


def test_yearly_across_a_year_end():
    assert due_dates(Recurrence.YEARLY, D(2025, 12, 31), D(2026, 12, 1), D(2027, 1, 31)) == [D(2026, 12, 31)]
    assert due_dates(Recurrence.YEARLY, D(2025, 1, 31), D(2026, 12, 1), D(2027, 1, 31)) == [D(2027, 1, 31)]


def test_spring_festival_reminders_follow_the_lunar_calendar_and_the_break():
    # 春节 2024-02-10 (the break starts that day), 2025-01-29 (break from 28 Jan, 除夕), 2026-02-17
    # (break from Sunday 15 Feb; Saturday 14 Feb was worked), 2027-02-06 and 2028-01-26 (no official
    # arrangement yet: the weekday before is taken as worked).
    assert due_dates(Recurrence.HOLIDAY, D(2024, 1, 1), D(2024, 1, 1), D(2028, 12, 31),
                     holiday="春节", days_before=3) == [
        D(2024, 2, 7), D(2025, 1, 25), D(2026, 2, 12), D(2027, 2, 2), D(2028, 1, 22)]


def test_days_before_count_from_the_first_day_off_not_from_the_festival():
    def before(holiday: str, year: int) -> list[dt.date]:
        return due_dates(Recurrence.HOLIDAY, D(year - 1, 1, 1), D(year, 1, 1), D(year, 12, 31),
                         holiday=holiday, days_before=3)

    assert before("中秋", 2025) == [D(2025, 9, 28)]  # 6 Oct lies in the 国庆 break from 1 Oct
    assert before("清明", 2026) == [D(2026, 4, 1)]  # Sunday 5 Apr, off from Saturday 4 Apr
    assert before("国庆", 2026) == [D(2026, 9, 28)]
    assert before("五一", 2026) == [D(2026, 4, 28)]
    # 元旦 2023 was a Sunday: the break began on Saturday 31 December 2022.
    assert due_dates(Recurrence.HOLIDAY, D(2022, 1, 1), D(2022, 12, 1), D(2022, 12, 31),
                     holiday="元旦", days_before=3) == [D(2022, 12, 28)]


def test_new_year_reminder_falls_in_the_december_before():
    # 元旦 2027 less 3 days is 29 December 2026: it belongs to a range that ends with 2026.
    assert due_dates(Recurrence.HOLIDAY, D(2026, 1, 1), D(2026, 12, 1), D(2026, 12, 31),
                     holiday="元旦", days_before=3) == [D(2026, 12, 29)]
    # The anchor keeps the reminder of 元旦 2026 (29 December 2025) out.
    assert due_dates(Recurrence.HOLIDAY, D(2026, 1, 1), D(2025, 1, 1), D(2027, 12, 31),
                     holiday="元旦", days_before=3) == [D(2026, 12, 29), D(2027, 12, 29)]


def test_holiday_reminder_starts_from_the_anchor():
    # Anchored after 2026's 中秋: the first one is 2027's (15 Sep 2027 less 5 days).
    assert due_dates(Recurrence.HOLIDAY, D(2026, 10, 1), D(2026, 1, 1), D(2027, 12, 31),
                     holiday="中秋", days_before=5) == [D(2027, 9, 10)]


def test_mid_autumn_on_national_day_in_2028():
    # 中秋 falls on 3 October; with 国庆 (1–3 October, statutory) the days off start on
    # Saturday 30 September, even before the year's 调休 is announced.
    assert due_dates(Recurrence.HOLIDAY, D(2028, 1, 1), D(2028, 1, 1), D(2028, 12, 31),
                     holiday="中秋", days_before=0) == [D(2028, 9, 30)]


def test_years_the_library_does_not_know_are_skipped():
    assert due_dates(Recurrence.HOLIDAY, D(2099, 1, 1), D(2099, 1, 1), D(2102, 12, 31),
                     holiday="春节", days_before=0) == [D(2099, 1, 20), D(2100, 2, 6)]  # from 除夕 / the weekend before


def test_until_stops_later_occurrences_and_includes_its_own_day():
    assert due_dates(Recurrence.MONTHLY, D(2026, 1, 10), D(2026, 1, 1), D(2026, 12, 31),
                     until=D(2026, 4, 10)) == [D(2026, 1, 10), D(2026, 2, 10), D(2026, 3, 10), D(2026, 4, 10)]
    assert due_dates(Recurrence.HOLIDAY, D(2024, 1, 1), D(2024, 1, 1), D(2028, 12, 31), holiday="春节",
                     days_before=3, until=D(2026, 2, 11)) == [D(2024, 2, 7), D(2025, 1, 25)]


def test_an_empty_range_gives_nothing():
    assert due_dates(Recurrence.MONTHLY, D(2026, 1, 10), D(2026, 3, 11), D(2026, 4, 9)) == []
    assert due_dates(Recurrence.YEARLY, D(2026, 1, 10), D(2026, 12, 31), D(2026, 1, 1)) == []


def test_recurrence_may_be_given_by_its_stored_value():
    assert due_dates("yearly", D(2026, 1, 31), D(2026, 1, 1), D(2027, 12, 31)) == [D(2026, 1, 31), D(2027, 1, 31)]


def test_next_due_is_the_first_on_or_after_a_day():
    assert next_due(Recurrence.MONTHLY, D(2026, 1, 10), D(2026, 11, 27)) == D(2026, 12, 10)
    assert next_due(Recurrence.MONTHLY, D(2026, 1, 10), D(2026, 12, 10)) == D(2026, 12, 10)
    assert next_due(Recurrence.YEARLY, D(2026, 12, 31), D(2025, 1, 1)) == D(2026, 12, 31)
    assert next_due(Recurrence.HOLIDAY, D(2026, 1, 1), D(2026, 11, 27), holiday="春节", days_before=3) == D(2027, 2, 2)
    assert next_due(Recurrence.MONTHLY, D(2026, 1, 10), D(2026, 11, 27), until=D(2026, 12, 9)) is None
    assert next_due(Recurrence.ONCE, D(2026, 5, 5), D(2026, 11, 27)) is None
