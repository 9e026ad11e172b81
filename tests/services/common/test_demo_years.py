"""The sample village going further back (the township's benchmark at the scale the issue sets)."""

import datetime as dt

from app.services.common.demo_village import fill_sample_village


def test_a_sample_village_of_three_years_holds_meetings_and_notices_from_three_years_back(services, clock):
    counts = fill_sample_village(services, years=3)
    today = clock.today()  # 2026-11-27: meetings from December 2023, notices from the quarter a year before
    meetings = services.meetings.list_rows()
    assert counts.meetings >= 36 * 6 - 12 and min(m.date for m in meetings) == dt.date(2023, 12, 5)
    notices = services.notices.list_rows()
    assert len(notices) == counts.notices >= 4 * 3
    assert min((n.period.year, n.period.number) for n in notices) == (today.year - 3, 4)


def test_by_default_the_sample_goes_a_year_and_a_half_back(services):
    fill_sample_village(services)
    assert min(m.date for m in services.meetings.list_rows()) == dt.date(2025, 6, 5)
