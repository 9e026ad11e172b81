"""Reading 财务公开 items from an .xlsx file — the template, or a sheet exported by a 三资
platform — and writing the template. No database, no Qt; all-or-nothing is the caller's job.

File checks, sheet choice and header search are shared with the roster import (xlsx_common).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from app.services.common.dates import parse_date
from app.services.common.errors import UserError
from app.services.common.xlsx_common import (
    ReadSheet,
    SheetRow,
    best_header,
    cell_text,
    clip,
    ignored_headers,
    normalize_header,
    open_grid,
    refuse_excel_serial,
    refuse_multi_row_header,
    save_workbook,
)
from app.services.notices.money import parse_yuan
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData

HEADER_SEARCH_ROWS = 10
SEQ, DATE, ITEM, INCOME_COL, EXPENSE_COL, DIRECTION, AMOUNT, SOURCE, HANDLER, NOTE = (
    "seq", "date", "item", "income", "expense", "direction", "amount", "source", "handler", "note")
LABELS = {SEQ: "序号", DATE: "日期", ITEM: "项目", INCOME_COL: "收入", EXPENSE_COL: "支出",
          DIRECTION: "收支", AMOUNT: "金额", SOURCE: "资金来源", HANDLER: "经手人", NOTE: "备注"}
_SYNONYMS = {
    SEQ: ("序号", "编号", "凭证号"),
    DATE: ("日期", "时间", "发生日期", "记账日期", "凭证日期"),
    ITEM: ("项目", "摘要", "收支项目", "科目", "项目名称", "事项", "内容"),
    INCOME_COL: ("收入", "收入金额", "收入(元)", "本期收入"),
    EXPENSE_COL: ("支出", "支出金额", "支出(元)", "本期支出"),
    DIRECTION: ("收支", "收支类型", "收/支", "类型", "收支方向"),
    AMOUNT: ("金额", "金额(元)", "发生额"),
    SOURCE: ("资金来源", "来源"),
    HANDLER: ("经手人", "经办人", "经手"),
    NOTE: ("备注", "说明"),
}
_HEADER_KEYS = {normalize_header(name): key for key, names in _SYNONYMS.items() for name in names}
_DIRECTIONS = {"收入": INCOME, "收": INCOME, "入": INCOME, "支出": EXPENSE, "支": EXPENSE, "出": EXPENSE}
# Rows of a 三资 export that are not items: totals, balances carried, page breaks.
_SUMMARY = re.compile(r"^(?:本[日月期季年]|上[月期季年]|全年)?(?:合计|小计|总计|累计|结余|余额|结转)$"
                      r"|^(?:期初|期末)(?:余额|结余)$|^上年结转$|^承前页$|^过次页$|^合计[:：]?.*$")
TEMPLATE_COLUMNS = (SEQ, DATE, ITEM, INCOME_COL, EXPENSE_COL, SOURCE, HANDLER, NOTE)
TEMPLATE_ROWS = 200

MAX_ITEMS = 5_000  # rows one import takes; a year of a village's accounts is well under it


@dataclass
class ItemRow(SheetRow):
    item: ItemData | None = None


@dataclass
class ItemSheet(ReadSheet):
    """The item sheet: rows are ItemRow."""

    skipped: list[str] = field(default_factory=list)  # “第 12 行（本月合计）不是收支项目，未导入”

    @property
    def items(self) -> list[ItemData]:
        return [row.item for row in self.rows if row.item is not None]

    @property
    def errors(self) -> list[str]:
        return [message for row in self.rows for message in row.messages]


def header_key(text: object) -> str | None:
    name = normalize_header(text)
    if name in _HEADER_KEYS:
        return _HEADER_KEYS[name]
    return _HEADER_KEYS.get(re.sub(r"\([^()]*\)$", "", name).strip("*:"))  # “金额(元)”, “收入（元）”


def _header_mapping(cells: list[object]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for col, cell in enumerate(cells):
        key = header_key(cell) if isinstance(cell, str) else None
        if key and key not in mapping.values():
            mapping[col] = key
    return mapping


def _has_amounts(keys) -> bool:
    return INCOME_COL in keys or EXPENSE_COL in keys or AMOUNT in keys


def _is_header(mapping: dict[int, str]) -> bool:
    return ITEM in mapping.values() and _has_amounts(mapping.values())


MAX_LISTED_ERRORS = 20


def read_items(path: str | Path, sheet: str | None = None) -> list[ItemData]:
    """All the items of the file, or UserError listing every row problem: nothing is taken
    from a file with a bad row (for callers that import all-or-nothing at once)."""
    parsed = read_item_sheet(path, sheet)
    errors = parsed.errors
    if errors:
        shown = errors[:MAX_LISTED_ERRORS]
        more = f"\n……另有 {len(errors) - len(shown)} 处问题" if len(errors) > len(shown) else ""
        raise UserError(f"有 {len(errors)} 处问题，明细没有导入，请在 Excel 中改正后重新导入：\n"
                        + "\n".join(shown) + more)
    if not parsed.items:
        raise UserError(f"工作表“{parsed.sheet_name}”的表头下面没有收支明细：请从第 {parsed.header_row + 1} 行起每笔填一行")
    return parsed.items


def read_item_sheet(path: str | Path, sheet: str | None = None) -> ItemSheet:
    """Read the items on the first visible worksheet (or the one named ``sheet``), each row
    with its problems, for a preview; skipped total and footer rows are listed too."""
    path = Path(path)
    ws, grid = open_grid(path, "收支明细文件一般不超过 1 MB", sheet, "收支明细", "明细", MAX_ITEMS, "笔收支",
                         "收支明细")
    header_index, mapping = _find_header(grid)
    refuse_multi_row_header(ws, header_index + 1)
    keys = set(mapping.values())
    if AMOUNT in keys and not keys & {INCOME_COL, EXPENSE_COL} and DIRECTION not in keys:
        raise UserError(f"表头（第 {header_index + 1} 行）有“金额”列，但看不出是收入还是支出："
                        "请加一列“收支”（填 收入 或 支出），或把金额分成“收入”“支出”两列")
    result = ItemSheet([], header_index + 1, [k for k in mapping.values() if k != SEQ],
                       ignored_headers(grid[header_index], mapping), ws.title)
    for index in range(header_index + 1, len(grid)):
        cells = grid[index]
        raw = {key: cells[col] if col < len(cells) else None for col, key in mapping.items()}
        texts = [cell_text(v) for v in cells]
        summary = next((t for t in texts if _SUMMARY.match(re.sub(r"\s+", "", t))), None)
        if summary is not None:
            result.skipped.append(f"第 {index + 1} 行（{clip(summary)}）不是收支项目，未导入")
            continue
        if all(cell_text(v) == "" for k, v in raw.items() if k not in (SEQ, DATE)):
            if any(texts):
                result.skipped.append(f"第 {index + 1} 行没有项目和金额，未导入")
            continue
        result.rows.append(_parse_row(index + 1, raw, keys))
    return result


def _find_header(grid: list[list[object]]) -> tuple[int, dict[int, str]]:
    best = best_header(grid, _header_mapping, _is_header, HEADER_SEARCH_ROWS)
    if best is not None:
        return best
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        keys = set(_header_mapping(cells).values())
        if ITEM in keys:
            raise UserError(f"第 {index + 1} 行像是表头，但没有金额列：请加上“收入”“支出”两列"
                            "（或“收支”和“金额”两列）后再导入")
        if _has_amounts(keys):
            raise UserError(f"第 {index + 1} 行像是表头，但没有“项目”列：请把摘要所在列的列名改为“项目”后再导入")
    raise UserError(f"没有找到表头：前 {HEADER_SEARCH_ROWS} 行中应有“项目”“收入”“支出”等列名")


def _amount(raw: dict[str, object], key: str, errors: list[str]) -> int | None:
    """The fen in column ``key``: None when the cell is empty (or 0) or wrong."""
    value = raw.get(key)
    if cell_text(value) in ("", "-", "—", "/"):
        return None
    try:
        fen = parse_yuan(value)
    except UserError as exc:
        errors.append(f"{LABELS[key]}：{exc.message}")
        return None
    return fen or None


def _parse_row(excel_row: int, raw: dict[str, object], keys: set[str]) -> ItemRow:
    row = ItemRow(excel_row)
    errors = row.errors
    item = re.sub(r"\s+", " ", cell_text(raw.get(ITEM)))
    if not item:
        errors.append("项目：请填写项目名称（摘要）")
    direction: str | None = None
    amount: int | None = None
    if keys & {INCOME_COL, EXPENSE_COL}:
        before = len(errors)
        income = _amount(raw, INCOME_COL, errors)
        expense = _amount(raw, EXPENSE_COL, errors)
        if income and expense:
            errors.append("收入和支出两列都填了金额：一行只写一笔，请分成两行")
        elif income or expense:
            direction, amount = (INCOME, income) if income else (EXPENSE, expense)
        elif len(errors) == before:
            errors.append("金额：收入和支出都没有填写（或为 0）：请在其中一列填写金额")
    else:
        word = re.sub(r"\s+", "", cell_text(raw.get(DIRECTION)))
        direction = _DIRECTIONS.get(word)
        if direction is None:
            errors.append("收支：请填写 收入 或 支出" + (f"，现在是“{clip(word)}”" if word else ""))
        before = len(errors)
        amount = _amount(raw, AMOUNT, errors)
        if amount is None and len(errors) == before:
            errors.append("金额：请填写金额（不能为 0）")
    date = None
    try:
        refuse_excel_serial(raw.get(DATE))
        date = parse_date(raw.get(DATE))
    except UserError as exc:
        errors.append(f"日期：{exc.message}")
    if not errors and direction and amount:
        row.item = ItemData(item=item, direction=direction, amount_fen=amount, date=date,
                            source=cell_text(raw.get(SOURCE)), handler=cell_text(raw.get(HANDLER)),
                            note=cell_text(raw.get(NOTE)))
    return row


def write_item_template(path: str | Path) -> None:
    """The blank 财务公开 item template: title, header in row 2, amount columns as numbers."""
    path = Path(path)
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "收支明细"
    labels = [LABELS[k] + ("＊" if k == ITEM else "") for k in TEMPLATE_COLUMNS]
    ws.cell(1, 1, "财务公开收支明细（从第 3 行起每笔填一行，收入、支出只填其中一列，金额以元为单位）")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(labels))
    widths = {SEQ: 6, DATE: 12, ITEM: 36, INCOME_COL: 14, EXPENSE_COL: 14, SOURCE: 16, HANDLER: 10, NOTE: 24}
    for col, (key, label) in enumerate(zip(TEMPLATE_COLUMNS, labels), start=1):
        cell = ws.cell(2, col, label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        ws.column_dimensions[cell.column_letter].width = widths[key]
        for excel_row in range(3, TEMPLATE_ROWS + 3):
            target = ws.cell(excel_row, col)
            if key in (INCOME_COL, EXPENSE_COL):
                target.number_format = "#,##0.00"
            elif key == DATE:
                target.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A3"
    save_workbook(workbook, Path(path))
