"""Reading the 两委成员 / 党员 roster from an Excel .xlsx file (no database, no Qt).

Writing the export and the template lives in roster_excel_write.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from app.services.common.dates import parse_date_with_precision
from app.services.common.errors import UserError
from app.services.common.xlsx_common import (
    ReadSheet,
    SheetRow,
    best_header,
    cell_text,
    clip,
    ignored_headers,
    load_workbook,
    normalize_header,
    open_grid,
    refuse_excel_serial,
    refuse_multi_row_header,
)
from app.services.members.member_fields import GENDERS, POLITICAL_STATUSES, POLITICAL_SYNONYMS
from app.services.members.posts import split_posts
from app.services.members.roster_columns import (
    ALL_COLUMNS,
    COLUMNS_BY_KEY,
    DATE_KEYS,
    HEADER_SEARCH_ROWS,
    ID_AS_NUMBER,
    SEQ_KEY,
)

# How far below the first row a header is looked for, only to say where it is.
HEADER_HINT_ROWS = 100
MAX_POSTS_CHARS = 100

MAX_PEOPLE = 10_000  # rows one import takes; a whole town's roster is well under it


@dataclass
class ParsedRow(SheetRow):
    """One person row. ``values`` holds the person fields of the columns the file has:
    text as str ("" when empty), dates as datetime.date or None."""

    values: dict[str, object] = field(default_factory=dict)
    posts: list[str] = field(default_factory=list)
    duties: str = ""
    post_start: dt.date | None = None
    # Date fields written with year and month only ("1975.03"): key -> "month".
    date_precision: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """How users find the row: “第 4 行（李四）”."""
        name = clip(re.sub(r"[\x00-\x1f\x7f]+", "", str(self.values.get("name") or "")), 30)
        return f"第 {self.excel_row} 行" + (f"（{name}）" if name else "")


@dataclass
class ParsedSheet(ReadSheet):
    """The roster sheet: rows are ParsedRow."""


_HEADER_KEYS: dict[str, str] = {}
for _f in ALL_COLUMNS:
    for _name in (_f.label, *_f.synonyms):
        _HEADER_KEYS.setdefault(normalize_header(_name), _f.key)


def header_key(text: object) -> str | None:
    """The field key a header cell stands for, or None if it is not a known column."""
    name = normalize_header(text)
    if name in _HEADER_KEYS:
        return _HEADER_KEYS[name]
    # "身份证号(18位)", "出生年月(1975.03)": look again without the explanation.
    stripped = re.sub(r"\([^()]*\)$", "", name).strip("*:")
    return _HEADER_KEYS.get(stripped)


def read_roster(path: str | Path, sheet: str | None = None) -> ParsedSheet:
    """Read the roster on the first visible worksheet (or the one named ``sheet``).

    Hidden worksheets and chart sheets are passed over: the roster is the table the clerk
    sees first when opening the file.
    """
    path = Path(path)  # file checks and header search shared with item_excel: see xlsx_common
    ws, grid = open_grid(path, "花名册文件一般不超过 1 MB", sheet, "人员名单", "名单", MAX_PEOPLE, "人",
                         "花名册")
    header_index, mapping = _find_header(grid)
    refuse_multi_row_header(ws, header_index + 1)
    ignored = ignored_headers(grid[header_index], mapping)
    rows = []
    for index in range(header_index + 1, len(grid)):
        cells = grid[index]
        raw = {key: cells[col] if col < len(cells) else None for col, key in mapping.items()}
        if all(cell_text(v) == "" for k, v in raw.items() if k != SEQ_KEY):
            continue
        rows.append(_parse_row(index + 1, raw))
    name_col = next(col for col, key in mapping.items() if key == "name")
    if any(not row.values.get("name") for row in rows):
        _explain_formula_names(path, ws.title, name_col, rows)
    return ParsedSheet(rows, header_index + 1, [k for k in mapping.values() if k != SEQ_KEY],
                       ignored, ws.title)


def _header_mapping(cells: list[object]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for col, cell in enumerate(cells):
        key = header_key(cell) if isinstance(cell, str) else None
        if key and key not in mapping.values():
            mapping[col] = key
    return mapping


def _is_header(mapping: dict[int, str]) -> bool:
    return "name" in mapping.values() and len(mapping) >= 2


def _find_header(grid: list[list[object]]) -> tuple[int, dict[int, str]]:
    best = best_header(grid, _header_mapping, _is_header, HEADER_SEARCH_ROWS)
    if best is not None:
        return best
    for index in range(HEADER_SEARCH_ROWS, min(len(grid), HEADER_HINT_ROWS)):
        if _is_header(_header_mapping(grid[index])):
            raise UserError(f"表头在第 {index + 1} 行，太靠下了：表头应在前 {HEADER_SEARCH_ROWS} 行内，"
                            "请删去表头上面多余的行后再导入")
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if len(set(_header_mapping(cells).values()) - {SEQ_KEY}) >= 2:
            raise UserError(f"第 {index + 1} 行像是表头，但没有“姓名”列：请加上“姓名”列"
                            "（或把姓名所在列的列名改为“姓名”）后再导入")
    raise UserError(f"没有找到表头：前 {HEADER_SEARCH_ROWS} 行中应有“姓名”等列名")


def _explain_formula_names(path: Path, title: str, name_col: int, rows: list[ParsedRow]) -> None:
    """A 姓名 cell holding a formula that was never calculated (files written by other
    programs) reads as empty; say that it is a formula rather than “请填写姓名”."""
    try:
        ws = load_workbook(path, data_only=False)[title]
    except (OSError, KeyError, zipfile.BadZipFile, zlib.error):
        return  # it was read a moment ago; without a second look the usual message stands
    for row in rows:
        formula = ws.cell(row.excel_row, name_col + 1).value
        if not row.values.get("name") and isinstance(formula, str) and formula.startswith("="):
            row.errors.insert(0, f"姓名：这一格是公式（{clip(formula, 20)}），没有算出的结果：请把公式换成姓名")


def _parse_row(excel_row: int, raw: dict[str, object]) -> ParsedRow:
    row = ParsedRow(excel_row)
    for key, value in raw.items():
        if key == SEQ_KEY:
            continue
        label = COLUMNS_BY_KEY[key].label
        try:
            if key in DATE_KEYS:
                refuse_excel_serial(value)
                parsed = parse_date_with_precision(value)
                if parsed and parsed.precision == "month":
                    row.date_precision[key] = "month"
                result: object = parsed.date if parsed else None
            else:
                result = _parse_text_field(key, value)
        except UserError as exc:
            row.errors.append(f"{label}：{exc.message}")
            result = None if key in DATE_KEYS else cell_text(value)
        if key == "posts":
            row.posts = result if isinstance(result, list) else []
        elif key == "duties":
            row.duties = result
        elif key == "post_start":
            row.post_start = result
        else:
            row.values[key] = result
    return row


def _parse_text_field(key: str, value: object) -> object:
    if key == "id_number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        raise UserError(ID_AS_NUMBER)
    text = cell_text(value)
    if key in ("id_number", "phone"):
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
        return text.upper() if key == "id_number" else text
    word = re.sub(r"\s+", "", text)
    if key == "gender":
        word = {"男性": "男", "女性": "女"}.get(word, word)
        if word not in ("", *GENDERS):
            raise UserError(f"“{clip(text)}”无法识别：请填写 男 或 女")
        return word
    if key == "political_status":
        word = POLITICAL_SYNONYMS.get(word, word)
        if word not in ("", *POLITICAL_STATUSES):
            raise UserError(f"“{clip(text)}”无法识别：请填写 {'、'.join(POLITICAL_STATUSES)} 之一")
        return word
    if key == "posts":
        if len(text) > MAX_POSTS_CHARS:
            raise UserError(f"这一格有 {len(text)} 个字，太长了：职务一格只写职务名称，如 党支部书记、村委会主任")
        return split_posts(re.sub(r"[+＋&＆]", "、", text))  # “村委会委员+妇女主任” is two posts
    return text
