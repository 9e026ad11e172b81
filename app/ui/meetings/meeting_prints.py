"""Print buttons of the 会议记录 tab: write the PDF, then preview it inside the program."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.meetings import meeting_printing
from app.ui.common.print_dialog import generate_and_preview


def print_meeting_record(services, meeting_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, "会议记录", lambda p: meeting_printing.meeting_record_pdf(services, meeting_id, p), parent)


def print_sign_in_sheet(services, meeting_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, "签到表", lambda p: meeting_printing.sign_in_pdf(services, meeting_id, p), parent)


def print_matter_book(services, matter_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, "四议两公开记录", lambda p: meeting_printing.matter_book_pdf(services, matter_id, p), parent)


def print_meetings_year(services, year: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    return generate_and_preview(services, f"{year}年会议列表", lambda p: meeting_printing.meetings_year_pdf(services, year, p), parent)
