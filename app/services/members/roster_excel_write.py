"""Writing the roster export and the blank import template (.xlsx)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.services.common.xlsx_common import save_workbook, xml_text
from app.services.members.member_fields import GENDERS, POLITICAL_STATUSES
from app.services.members.posts import CANONICAL_POSTS
from app.services.members.roster_columns import (
    COLUMN_WIDTHS,
    COLUMNS_BY_KEY,
    DATE_KEYS,
    DEFAULT_WIDTH,
    EXPORT_KEYS,
    HELP_SHEET_TITLE,
    INTERNAL_MARK,
    SEQ_KEY,
    SHEET_TITLE,
    TEMPLATE_ROWS,
    TEXT_KEYS,
)


def write_roster(path: str | Path, rows: list[dict], title: str) -> None:
    """Export people to a roster that :func:`read_roster` reads back to the same values.

    The file is personal data: the title row reads “内部资料　{title}” and each printed page
    carries “内部资料” in its header.
    """
    workbook = openpyxl.Workbook()
    ws = workbook.active
    _lay_out_sheet(ws, f"{INTERNAL_MARK}\u3000{title}", [COLUMNS_BY_KEY[k].label for k in EXPORT_KEYS])
    ws.oddHeader.center.text = INTERNAL_MARK
    for number, person in enumerate(rows, start=1):
        excel_row = number + 2
        for col, key in enumerate(EXPORT_KEYS, start=1):
            cell = ws.cell(excel_row, col, _export_value(key, person, number))
            if key in TEXT_KEYS:
                cell.number_format = "@"
            elif key in DATE_KEYS:
                cell.number_format = "yyyy-mm-dd"
    save_workbook(workbook, Path(path))


def _export_value(key: str, person: dict, number: int) -> object:
    if key == SEQ_KEY:
        return number
    value = person.get(key)
    if key == "posts":
        return xml_text("、".join(value or [])) or None
    if key in DATE_KEYS:
        return value or None
    if value is None or value == "":
        return None
    return xml_text(str(value))


def write_template(path: str | Path) -> None:
    """The blank import template, with a second sheet explaining how to fill it in."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    labels = [COLUMNS_BY_KEY[k].label + ("＊" if k == "name" else "") for k in EXPORT_KEYS]
    _lay_out_sheet(ws, "两委成员及党员信息导入表（请从第 3 行起每人填一行）", labels)
    last_row = TEMPLATE_ROWS + 2
    for col, key in enumerate(EXPORT_KEYS, start=1):
        if key in TEXT_KEYS or key in DATE_KEYS:
            for excel_row in range(3, last_row + 1):
                ws.cell(excel_row, col).number_format = "@"
    for key, choices in (("gender", GENDERS), ("political_status", POLITICAL_STATUSES)):
        letter = get_column_letter(EXPORT_KEYS.index(key) + 1)
        rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        rule.add(f"{letter}3:{letter}{last_row}")
        ws.add_data_validation(rule)
    _write_help(workbook.create_sheet(HELP_SHEET_TITLE))
    save_workbook(workbook, Path(path))


HELP_LINES = (
    "填写说明",
    "1. 在“两委成员”工作表中从第 3 行起每人填一行，第 2 行的列名请不要修改；带＊的“姓名”必须填写。",
    "2. 日期可以写成：1975-03-02、1975/03/02、1975年3月2日、19750302；只知道年月时写 1975.03、1975年3月 或 197503。",
    "3. 身份证号、联系电话两列必须是“文本”格式（模板中已设好）。如果身份证号显示成 4.40308E+17 这样，"
    "说明被存成了数字，后几位已丢失，请把单元格设为“文本”后重新输入。",
    "4. 职务请使用：" + "、".join(CANONICAL_POSTS) + "。",
    "5. 一人有多个职务时写在同一格，用顿号、逗号或空格隔开，例如：党支部书记、村委会主任。没有职务的党员，职务一栏留空。",
    "6. 性别填 男 或 女；政治面貌填 " + "、".join(POLITICAL_STATUSES) + " 之一。",
    "7. 身份证号与系统中已有人员相同的，导入时会更新此人的信息，不会重复添加。",
    "8. 可以增加其他列（例如“工作单位”），导入时会忽略这些列并提示。",
)


def _write_help(ws) -> None:
    ws.column_dimensions["A"].width = 100
    for number, line in enumerate(HELP_LINES, start=1):
        cell = ws.cell(number, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=14)


def _lay_out_sheet(ws, title: str, labels: list[str]) -> None:
    ws.title = SHEET_TITLE
    ws.cell(1, 1, title).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(labels))
    ws.row_dimensions[1].height = 30
    for col, (key, label) in enumerate(zip(EXPORT_KEYS, labels), start=1):
        cell = ws.cell(2, col, label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = COLUMN_WIDTHS.get(key, DEFAULT_WIDTH)
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
