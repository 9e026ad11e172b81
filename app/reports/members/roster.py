"""The printed 两委班子成员花名册 (A4 landscape), public or internal copy.

Public copy (the default): phone numbers masked (138****1027) and no 身份证号 column at all:
a masked ID tells a reader nothing useful, and leaving the column out removes any chance of
an ID reaching the notice board. Internal copy: full phone numbers plus a full 身份证号
column, and 内部留存 on every page (from the page frame).

Layout: one table whose header row repeats on every page; a row never splits across pages;
columns that hold numbers are sized to their widest value so numbers never wrap, the text
columns 职务 and 分工 share what is left of the frame width and wrap by Chinese rules.
The table is a page.GridTable (plain-text cells, each row measured once), not a reportlab
Table of Paragraphs: that was about three times slower on a 1,000-row roster.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, paragraph_style, register_fonts
from app.reports.common.grid_table import GridStyle, GridTable, split_piece
from app.reports.common.linebreak import text_width
from app.reports.common.page import MM, build_pdf, content_height, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_month_cn
from app.services.common.errors import UserError
from app.services.members.member_types import MemberRow
from app.services.members.phone import mask_phone, validate_phone

if TYPE_CHECKING:
    from app.services.common.profile import Profile

SHORT_TITLE = "两委班子成员花名册"
EMPTY_TEXT = "（暂无在任的两委班子成员）"
TRUNCATED_MARK = "……（内容过长，未印全）"

BODY_SIZE = 10.5
BODY_LEADING = 14
TITLE_SIZE = 24
SUMMARY_SIZE = 11
ROOMIEST_ROW = 8 * MM  # the most a row grows to fill a one-page roster
TAIL_ROWS = 2  # rows that go over to a page with the 填报 line
PAD_X = 1.1 * MM
PAD_Y = 1.3 * MM
SLACK = 0.8 * MM  # breathing room so that text never touches the rules


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    chars: float = 0.0  # fixed width: this many ideographs fit on a line
    fit: bool = False  # size to the widest value (numbers, dates): never wraps
    share: float = 0.0  # part of the leftover width (职务, 分工)
    min_width: float = 0.0
    align: str = "center"


def _columns(internal: bool, extra: tuple[Column, ...] = ()) -> list[Column]:
    """The roster's columns; ``extra`` (村民小组, 联系户数 …) take the place of 分工."""
    columns = _base_columns(internal)
    if extra:
        at = [c.key for c in columns].index("duties")
        columns[at:at + 1] = list(extra)
    return columns


def _base_columns(internal: bool) -> list[Column]:
    columns = [
        Column("seq", "序号", fit=True),
        Column("name", "姓名", 4),
        Column("gender", "性别", 2),
        Column("ethnicity", "民族", 3),  # 土家族; 维吾尔族 wraps
        Column("birth", "出生年月", fit=True),
        Column("political", "政治面貌", 4),  # 中共党员; 中共预备党员 wraps after 预备
        Column("party_join", "入党时间", fit=True),
        # 高中（在职大专）: the in-service part goes on its own line when it does not fit.
        Column("education", "学历", 4 if internal else 6),
        Column("posts", "职务", share=0.35, min_width=24 * MM, align="left"),
        Column("duties", "分工", share=0.65, min_width=26 * MM, align="left"),
        Column("in_office", "任职时间", fit=True),
        Column("phone", "联系电话", fit=True),
    ]
    if internal:
        columns.append(Column("id_number", "身份证号", fit=True))
    return columns


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _month(value: object) -> str:
    if isinstance(value, dt.date):
        return format_month_cn(value)
    return _text(value)


def _education(values: dict[str, object]) -> str:
    full_time = _text(values.get("education"))
    in_service = _text(values.get("education_inservice"))
    if not in_service:
        return full_time
    return f"{full_time}（在职{in_service}）" if full_time else f"在职{in_service}"


def public_phone(phone: str) -> str:
    """The masked number for a public copy: 138****1027, 0731****1234.

    Anything that is not one valid number (two numbers in one field, stray text) keeps only
    its last four digits, so no full number can slip through.
    """
    if not phone:
        return ""
    try:
        return mask_phone(validate_phone(phone))
    except UserError:
        digits = "".join(c for c in phone if c.isdigit())
        return "****" + digits[-4:] if len(digits) >= 8 else "****"


def row_cells(index: int, row: MemberRow, internal: bool) -> dict[str, str]:
    """The printed text of one roster row, keyed like the columns."""
    values = row.values
    phone = _text(values.get("phone"))
    cells = {
        "seq": str(index),
        "name": row.name.strip(),
        "gender": _text(values.get("gender")),
        "ethnicity": _text(values.get("ethnicity")),
        "birth": _month(values.get("birth_date")),
        "political": _text(values.get("political_status")),
        "party_join": _month(values.get("party_join_date")),
        "education": _education(values),
        "posts": "、".join(row.current_posts),
        "duties": _text(row.duties),
        "in_office": _month(row.in_office_since),
        "phone": phone if internal else public_phone(phone),
    }
    if internal:
        cells["id_number"] = _text(values.get("id_number"))
    return cells


def column_widths(columns: list[Column], rows: list[dict[str, str]], total: float) -> list[float]:
    """Widths in points that add up to ``total`` exactly."""
    em = BODY_SIZE  # an ideograph is one em wide
    widths: list[float] = []
    for col in columns:
        if col.fit:
            # A header of up to two characters stays on one line; longer ones wrap in two.
            header = len(col.header) * em if len(col.header) <= 2 else \
                text_width(col.header, HEADING_FONT, BODY_SIZE) / 2
            needed = max([header] + [text_width(r[col.key], BODY_FONT, BODY_SIZE) for r in rows])
            widths.append(min(needed, 45 * MM) + 2 * PAD_X + SLACK)
        else:
            widths.append(col.chars * em + 2 * PAD_X + SLACK)
    leftover = total - sum(widths)
    shares = sum(c.share for c in columns)
    for i, col in enumerate(columns):
        if col.share:
            widths[i] = max(leftover * col.share / shares, col.min_width)
    # Whatever rounding or minimums did, the last shared column absorbs the difference.
    last = max(i for i, c in enumerate(columns) if c.share)
    widths[last] += total - sum(widths)
    return widths


def build_roster(
    path: str | Path | BinaryIO,
    *,
    profile: Profile,
    rows: list[MemberRow],
    print_date: dt.date,
    internal: bool = False,
    title: str | None = None,
    summary: str | None = None,
    extra_columns: tuple[Column, ...] = (),
    extra_cells: dict[int, dict[str, str]] | None = None,
) -> int:
    """Write the roster PDF to ``path``; return its page count.

    ``rows`` print in the order given, numbered from 1. ``summary`` (the 一肩挑 / 交叉任职
    line) prints under the table when given. ``title`` replaces "{村名}两委班子成员花名册".
    ``extra_columns`` replace 分工, their text per person id in ``extra_cells``.
    """
    register_fonts()
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import Paragraph

    village = profile.village_name
    big_title = title or f"{village}{SHORT_TITLE}"
    short_title = big_title[len(village):] if village and big_title.startswith(village) else big_title
    if internal:
        short_title = f"{short_title}（内部）"

    landscape = True
    frame_width = content_width(landscape, bound=True)
    columns = _columns(internal, extra_columns)
    texts = [row_cells(i, r, internal) | (extra_cells or {}).get(r.id, {}) for i, r in enumerate(rows, start=1)]
    widths = column_widths(columns, texts, frame_width)
    # 高中（在职大专） too wide for its cell breaks before the bracket, not inside it.
    education_inner = widths[[c.key for c in columns].index("education")] - 2 * PAD_X
    for cells in texts:
        education = cells["education"]
        if "（" in education and text_width(education, BODY_FONT, BODY_SIZE) > education_inner:
            full_time, in_service = education.split("（", 1)
            in_service = "（" + in_service
            if text_width(in_service, BODY_FONT, BODY_SIZE) > education_inner:
                in_service = in_service[1:-1]  # 在职研究生 without its brackets
            cells["education"] = f"{full_time}\n{in_service}"
    # 职务 breaks between posts (党支部书记、/村委会主任), never inside one.
    posts_inner = widths[[c.key for c in columns].index("posts")] - 2 * PAD_X
    for cells in texts:
        cells["posts"] = whole_posts(cells["posts"], posts_inner)

    style = GridStyle(size=BODY_SIZE, leading=BODY_LEADING, pad_x=PAD_X, pad_y=PAD_Y)
    table = GridTable(widths, [c.header for c in columns],
                      [[cells[c.key] for c in columns] for cells in texts],
                      aligns=[c.align for c in columns], style=style)
    # A row taller than a page (under the repeated header) could never be placed: cut it.
    max_row = content_height(landscape, bound=True) - table.header_height - 2 * MM
    for i, height in enumerate(table.row_heights):
        if height > max_row:
            values = [texts[i][c.key] for c in columns]
            table.set_row(i, _shorten(values, columns, widths, style, max_row))

    story = [title_paragraph(big_title, TITLE_SIZE), table]
    if not rows:
        story.append(Paragraph(EMPTY_TEXT, paragraph_style(
            "roster-empty", BODY_SIZE, BODY_FONT, alignment=TA_CENTER, spaceBefore=3 * MM)))
    line_style = paragraph_style("roster-summary", SUMMARY_SIZE, BODY_FONT, SUMMARY_SIZE * 1.5,
                                 spaceBefore=4 * MM)
    if summary:
        story.append(Paragraph(escape(summary), line_style))
    story.append(_filled_in_row(profile, frame_width))
    # The room the rows may grow into: the page less what really stands around the table (the
    # 填报 line must stay on the table's page, never alone on a second one).
    around = sum(f.wrap(frame_width, content_height(landscape, bound=True))[1] + f.getSpaceBefore()
                 + f.getSpaceAfter() for f in story if f is not table)
    page = content_height(landscape, bound=True)
    _fill_the_page(table, page - around - 3 * MM)
    title_height = around - sum(f.wrap(frame_width, page)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                                for f in story[2:])
    if rows and not _room_after_table(table, page - title_height, page, around - title_height):
        # The 填报 line would stand alone on a page: the last rows go over with it (their page
        # starts with the repeated header).
        from reportlab.platypus import CondPageBreak

        cut = max(len(rows) - TAIL_ROWS, 1)
        tail = split_piece(table, cut, len(rows))
        story[1:2] = [split_piece(table, 0, cut),
                      CondPageBreak(tail.wrap(frame_width, page)[1] + around - title_height)]
        story.insert(3, tail)
    return build_pdf(path, story, title=short_title, village=village, print_date=print_date,
                     landscape=landscape, internal=internal, subject=big_title, bound=True)


def whole_posts(text: str, width: float) -> str:
    """Posts joined with 、, broken into lines only after a 、 (a post too long for a line of
    its own is left to the usual breaking)."""
    lines: list[str] = []
    for post in [p for p in text.split("、") if p]:
        piece = post if not lines else lines[-1] + "、" + post
        if lines and text_width(piece, BODY_FONT, BODY_SIZE) <= width:
            lines[-1] = piece
        else:
            if lines:
                lines[-1] += "、"
            lines.append(post)
    return "\n".join(lines)


FILLED_IN = ("填报单位（盖章）：{org}", "填报人：", "填报日期：　　　　年　　月　　日")


def _filled_in_row(profile: Profile, width: float):
    """填报单位（盖章） / 填报人 / 填报日期 across the page, with room to sign and to stamp."""
    from reportlab.platypus import Table, TableStyle

    cells = [FILLED_IN[0].format(org=profile.party_org), *FILLED_IN[1:]]
    table = Table([cells], colWidths=[width * 0.45, width * 0.25, width * 0.30], rowHeights=[14 * MM])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT), ("FONTSIZE", (0, 0), (-1, -1), SUMMARY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _room_after_table(table, first_room: float, page: float, after: float) -> bool:  # noqa: ANN001
    """Whether ``after`` points fit under the table's last row on its last page (the table
    starts with ``first_room`` left on its first page, ``page`` on each later one)."""
    heights, start, room = table.row_heights, 0, first_room
    while True:
        used, end = table.header_height, start
        while end < len(heights) and used + heights[end] <= room:
            used += heights[end]
            end += 1
        if end >= len(heights):
            return used + after <= room
        start, room = max(end, start + 1), page


def _fill_the_page(table, room: float) -> None:  # noqa: ANN001 - a GridTable
    """A roster that fits one page gets taller rows, so the page is used rather than left
    half empty (at most ROOMIEST_ROW tall)."""
    used = table.header_height + sum(table.row_heights)
    if not table.row_heights or used >= room:
        return
    extra = min((room - used) * 0.95 / len(table.row_heights), ROOMIEST_ROW)
    table.row_heights[:] = [h + extra for h in table.row_heights]


def _shorten(values: list[str], columns: list[Column], widths: list[float], style: GridStyle,
             max_row: float) -> list[str]:
    """Cut the longest text cells (分工, then 职务) until the row fits on one page."""
    values = list(values)

    def fits() -> bool:
        return style.lay_out(values, widths)[1] <= max_row

    for key in ("duties", "posts"):
        i = next(i for i, c in enumerate(columns) if c.key == key)
        full = values[i]
        low, high = 0, len(full)
        while low < high:  # the longest prefix that still fits
            mid = (low + high + 1) // 2
            values[i] = full[:mid] + TRUNCATED_MARK
            if fits():
                low = mid
            else:
                high = mid - 1
        values[i] = full[:low] + TRUNCATED_MARK
        if fits():
            break
    return values
