"""One count everywhere: on every day of a year, 制度落实情况, 三公开 需要处理, the 工作台 list and
its figures name the same gaps, on a fresh install and in the sample village."""

import datetime as dt

import pytest
from workbench_data import at

from app.services.common.demo_village import fill_sample_village
from app.services.common.due_rule import PeriodState
from app.services.common.profile import Profile
from app.services.notices.notice_rules import missing_line
from app.services.workbench.workbench_types import LOOKBACK_DAYS

D = dt.date


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _notice_gaps(services, year: int) -> list[str]:
    """The 未发布 lines of 三公开 需要处理 for ``year``."""
    return [line for line in services.notices.missing(year) if line.endswith("未发布")]


def _late(items) -> set[str]:
    """The start page's 已逾期 meeting and notice lines."""
    return {i.title for i in items if i.status == "已逾期" and i.key.startswith(("meeting:", "notice-missing:"))}


def _check_day(services, today: dt.date) -> tuple[int, int]:
    """制度落实情况 (this year's and last year's view), 三公开 需要处理 and the start page, as
    each reads them on ``today``: the same gaps. Returns the counts of meeting and notice gaps."""
    at(services, today)
    year = today.year
    views = {y: services.compliance.year_view(y) for y in (year - 1, year)}
    schedule = services.notices.schedule(year - 1, year)
    meetings, notices = list(views[year].missing), _notice_gaps(services, year)
    items, figures = services.workbench.start_page(year)  # the list and the figures, as the page reads them
    assert sorted(g for g in figures.gaps if "（应" in g) == sorted(meetings), today
    assert sorted(g for g in figures.gaps if g.endswith("未发布")) == sorted(notices), today
    assert sorted(missing_line(p.category, p.period) for p in schedule
                  if p.period.year == year and p.state is PeriodState.MISSING) == sorted(notices), today
    # The bars say as much: every default requirement asks for once a period.
    assert sum(b.due - b.done for b in figures.meetings) == len(meetings), today
    # The list shows the gaps of both years that fell due within its look-back.
    since = today - dt.timedelta(days=LOOKBACK_DAYS)
    late = {c.message for v in views.values() for r in v.rows for c in r.cells
            if c.state is PeriodState.MISSING and c.deadline >= since}
    late |= {missing_line(p.category, p.period) for p in schedule if p.state is PeriodState.MISSING and p.due >= since}
    assert _late(items) == late, today
    return len(meetings), len(notices)


def test_a_fresh_install_is_missing_nothing_before_its_first_day(services):
    at(services, D(2025, 7, 1))
    services.profile.save(Profile("红旗村", "城关镇"))  # installed and set up on 1 July 2025
    seen = [_check_day(services, day) for day in _days(D(2025, 7, 1), D(2026, 6, 30))]
    assert seen[0] == (0, 0)  # the install day: nothing is missing
    at(services, D(2025, 7, 1))
    assert services.workbench.year_figures(2025).gaps == ()
    assert _late(services.workbench.due_items()) == set()
    # The first July is counted once it is over: 支委会, 党小组会 and 主题党日.
    assert seen[31] == (3, 0)  # 1 August
    assert max(n for _, n in seen) > 0  # the notices of the third quarter fall due on 10 October


def test_the_sample_village_counts_the_same_everywhere(services, clock):
    fill_sample_village(services)
    begin = services.compliance.year_view(2025).begin
    seen = [_check_day(services, day) for day in _days(D(2026, 1, 1), D(2026, 12, 31))]
    assert any(m for m, _ in seen) and any(n for _, n in seen)
    at(services, D(2026, 11, 27))
    view = services.compliance.year_view(2025)
    before = [c for r in view.rows for c in r.cells if c.span.end < begin]
    assert before and {c.state for c in before} == {PeriodState.BEFORE_RECORDS}
    figures = services.workbench.year_figures(2025)
    assert sorted(g for g in figures.gaps if "（应" in g) == sorted(view.missing)


@pytest.mark.parametrize("day", [D(2026, 3, 1), D(2026, 11, 27)])
def test_the_printed_summary_lists_the_gaps_of_the_compliance_view(services, tmp_path, day):
    from pypdf import PdfReader

    from app.services.reminders.reminder_printing import print_year_summary

    fill_sample_village(services)
    at(services, day)
    path = tmp_path / "summary.pdf"
    print_year_summary(services, 2026, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")
    for line in list(services.compliance.year_view(2026).missing) + _notice_gaps(services, 2026):
        assert line.replace(" ", "") in text.replace(" ", "")


def test_the_printed_year_list_shows_the_gaps_of_the_compliance_view(services, tmp_path):
    from pypdf import PdfReader

    from app.services.meetings.meeting_printing import meetings_year_pdf

    fill_sample_village(services)
    path = tmp_path / "year.pdf"
    meetings_year_pdf(services, 2025, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "").replace(" ", "")
    missing = services.compliance.year_view(2025).missing
    assert missing
    for line in missing:
        assert line.replace(" ", "") in text
    assert text.count("缺：") == len({line.split(" ")[1] for line in missing if "谈心谈话" not in line}
                                    | {"谈心谈话" for line in missing if "谈心谈话" in line})
