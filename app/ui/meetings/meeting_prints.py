"""Print buttons of the 会议记录 tab: write the PDF, then preview it inside the program."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.meetings import meeting_printing
from app.services.meetings.meeting_kinds import short_name
from app.ui.common.print_dialog import generate_and_preview, village


def _meeting_name(services, what: str, meeting_id: int) -> str:  # noqa: ANN001
    """What a saved copy is called, e.g. 会议记录-2026-11-05-支委会."""
    meeting = services.meetings.get(meeting_id)
    return f"{what}-{meeting.date.isoformat()}-{'+'.join(short_name(k) for k in meeting.kinds)}"


def print_meeting_record(services, meeting_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, _meeting_name(services, "会议记录", meeting_id),
                                lambda p: meeting_printing.meeting_record_pdf(services, meeting_id, p), parent)


def print_sign_in_sheet(services, meeting_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, _meeting_name(services, "签到表", meeting_id),
                                lambda p: meeting_printing.sign_in_pdf(services, meeting_id, p), parent)


def print_matter_book(services, matter_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, f"四议两公开记录-{services.matters.get(matter_id).name}",
                                lambda p: meeting_printing.matter_book_pdf(services, matter_id, p), parent)


def print_meetings_year(services, year: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, f"{village(services)}{year}年会议列表",
                                lambda p: meeting_printing.meetings_year_pdf(services, year, p), parent)
