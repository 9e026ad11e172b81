"""The year's meetings as an Excel list, one row per meeting, for the township or an inspection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.services.common.xlsx_common import save_workbook
from db.models import Meeting, Person

SHEET_TITLE = "会议"
HEADER = ("日期", "会议类型", "主题", "主持人", "记录人", "应到/实到", "地点")
WIDTHS = (12, 24, 44, 10, 10, 10, 24)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what Excel would read as the start of a formula


def year_rows(services, year: int) -> list[tuple[dt.date, str, str, str, str, str, str]]:  # noqa: ANN001
    """(date, kinds, topic, host, recorder, 应到/实到, place) of every meeting in ``year``, oldest first."""
    rows = sorted(services.meetings.list_rows(year=year), key=lambda r: (r.date, r.id))
    recorder = aliased(Person)
    query = (select(Meeting.id, recorder.name).join(recorder, recorder.id == Meeting.recorder_id)
             .where(Meeting.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))))
    with services.db.read() as s:
        recorders = dict(s.execute(query).all())
    return [(r.date, "、".join(r.kinds), r.topic, r.host, recorders.get(r.id, ""), f"{r.expected}/{r.present}", r.place)
            for r in rows]


def write_meetings_year(path: Path, rows: list[tuple], title: str) -> None:
    """A title row, the header, then one row per meeting; text stays text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE
    ws.cell(1, 1, title).font = Font(bold=True, size=16)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    for col, (label, width) in enumerate(zip(HEADER, WIDTHS), start=1):
        ws.cell(2, col, label).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=3):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col, value)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cell.data_type = "s"
                cell.alignment = Alignment(horizontal="left")
                cell.quotePrefix = True
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    save_workbook(workbook, path)


def export_meetings_year(services, year: int, path: Path) -> int:  # noqa: ANN001
    """Write ``year``'s meetings to ``path``; the number of meetings written."""
    rows = year_rows(services, year)
    write_meetings_year(path, rows, f"{services.profile.for_print().village_name}{year}年度会议记录一览")
    return len(rows)
