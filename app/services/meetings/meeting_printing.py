"""Print jobs of the 会议记录 tab: gather the data, then call the report module."""

from __future__ import annotations

from pathlib import Path

from app.services.meetings.meeting_kinds import Kind
from app.services.members.surname_strokes import stroke_key


def _names(services) -> dict[int, str]:  # noqa: ANN001
    return services.members.names()


def meeting_record_pdf(services, meeting_id: int, path: Path) -> None:  # noqa: ANN001
    from app.reports.meetings.meeting_record import build_meeting_record

    meeting = services.meetings.get(meeting_id)
    names = _names(services)
    profile = services.profile.for_print()
    build_meeting_record(
        path, village=profile.village_name, meeting=meeting,
        host=names.get(meeting.host_id, ""), recorder=names.get(meeting.recorder_id, ""),
        summary=services.meetings.summary(meeting_id), print_date=services.clock.today(),
        org=profile.party_org,
    )


def sign_in_pdf(services, meeting_id: int, path: Path) -> None:  # noqa: ANN001
    from app.reports.meetings.sign_in_sheet import build_sign_in_sheet

    meeting = services.meetings.get(meeting_id)
    expected = meeting.attendance or services.meetings.expected_attendees(
        meeting.kinds, meeting.date, meeting.party_group
    )
    # 姓氏笔画 order, the customary order of an official name list.
    expected = sorted(expected, key=lambda person: stroke_key(person.name))
    profile = services.profile.for_print()
    build_sign_in_sheet(path, village=profile.village_name, meeting=meeting, expected=expected,
                        print_date=services.clock.today(), org=profile.party_org)


def matter_book_pdf(services, matter_id: int, path: Path) -> None:  # noqa: ANN001
    from app.reports.meetings.matter_book import build_matter_book

    matter = services.matters.get(matter_id)
    steps, counts = [], {}
    for step in matter.steps:
        if step.meeting_id is None:
            steps.append((step, None, None))
        else:
            steps.append((step, services.meetings.get(step.meeting_id), services.meetings.summary(step.meeting_id)))
            if (found := services.matters.step_counts(step.step, step.meeting_id)) is not None:
                counts[step.step] = found
    build_matter_book(path, village=services.profile.for_print().village_name, matter=matter, steps=steps,
                      print_date=services.clock.today(), counts=counts)


def meetings_year_pdf(services, year: int, path: Path) -> None:  # noqa: ANN001
    from app.reports.meetings.meetings_year import build_meetings_year

    grouped = []
    for kind in Kind:
        rows = sorted(services.meetings.list_rows(year=year, kind=kind.value), key=lambda r: r.date)
        grouped.append((kind.value, [(r.date, r.topic, r.expected, r.present) for r in rows]))
    gaps: dict[str, list[str]] = {}
    for row in services.compliance.year_view(year).rows:  # the gaps 制度落实情况 lists, kind by kind
        gaps.setdefault(row.requirement.kind.value, []).extend(c.message for c in row.cells if c.message)
    build_meetings_year(path, village=services.profile.for_print().village_name, year=year, rows=grouped,
                        print_date=services.clock.today(), gaps=gaps)
