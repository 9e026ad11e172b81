"""Reading the 两委成员 / 党员 roster from an Excel .xlsx file (no database, no Qt).

Writing the export and the template lives in roster_excel_write.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils.escape import unescape

from app.services.dates import parse_date_with_precision
from app.services.errors import UserError
from app.services.member_fields import GENDERS, POLITICAL_STATUSES, POLITICAL_SYNONYMS
from app.services.posts import split_posts
from app.services.roster_columns import (
    ALL_COLUMNS,
    COLUMNS_BY_KEY,
    DATE_KEYS,
    HEADER_SEARCH_ROWS,
    ID_AS_NUMBER,
    SEQ_KEY,
)

# A roster is a few hundred KB at most; anything this large is the wrong file, and is refused
# before it is read (openpyxl would hold all of it in memory).
MAX_FILE_MB = 20
# How far below the first row a header is looked for, only to say where it is.
HEADER_HINT_ROWS = 100
# Excel stores a date as a day number; with the date format lost, the cell reads 27455
# (1975-03-02). Five-digit numbers are no other way of writing a date (1927–2173).
EXCEL_SERIAL_MIN, EXCEL_SERIAL_MAX = 10_000, 100_000
EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_POSTS_CHARS = 100


@dataclass
class ParsedRow:
    """One person row. ``values`` holds the person fields of the columns the file has:
    text as str ("" when empty), dates as datetime.date or None."""

    excel_row: int
    values: dict[str, object] = field(default_factory=dict)
    posts: list[str] = field(default_factory=list)
    duties: str = ""
    post_start: dt.date | None = None
    errors: list[str] = field(default_factory=list)
    # Date fields written with year and month only ("1975.03"): key -> "month".
    date_precision: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """How users find the row: “第 4 行（李四）”."""
        name = clip(re.sub(r"[\x00-\x1f\x7f]+", "", str(self.values.get("name") or "")), 30)
        return f"第 {self.excel_row} 行" + (f"（{name}）" if name else "")

    @property
    def messages(self) -> list[str]:
        """The errors as users should see them, each naming the Excel row."""
        return [f"{self.where}：{e}" for e in self.errors]


@dataclass
class ParsedSheet:
    rows: list[ParsedRow]
    header_row: int  # 1-based, as Excel shows it
    columns: list[str]  # the field keys found in the header, in file order
    ignored_columns: list[str]  # header texts of columns that were not read
    sheet_name: str = ""


def clip(text: str, limit: int = 12) -> str:
    """Text short enough to quote in a message: a 10,000-character cell shows as its start."""
    return text if len(text) <= limit else text[:limit] + "…"


def normalize_header(text: object) -> str:
    """Header text compared loosely: no spaces, half-width, without a required-mark or colon."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = re.sub(r"\s+", "", s)
    return s.strip("*:")


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
    path = Path(path)
    workbook = _open_workbook(path)
    ws = _pick_sheet(workbook, path.name, sheet)
    # Excel stores characters such as \x01 or \r in text as _x0001_; openpyxl leaves them so.
    grid = [[unescape(c) if isinstance(c, str) else c for c in r] for r in ws.iter_rows(values_only=True)]
    if not any(_text(cell) for cells in grid for cell in cells):
        raise UserError(f"工作表“{ws.title}”是空的：请确认选对了文件，花名册应在第一个工作表中")
    header_index, mapping = _find_header(grid)
    _refuse_multi_row_header(ws, header_index + 1)
    ignored = []
    for col, cell in enumerate(grid[header_index]):
        if col not in mapping and str(cell or "").strip():
            ignored.append(str(cell).strip())
    rows = []
    for index in range(header_index + 1, len(grid)):
        cells = grid[index]
        raw = {key: cells[col] if col < len(cells) else None for col, key in mapping.items()}
        if all(_text(v) == "" for k, v in raw.items() if k != SEQ_KEY):
            continue
        rows.append(_parse_row(index + 1, raw))
    name_col = next(col for col, key in mapping.items() if key == "name")
    if any(not row.values.get("name") for row in rows):
        _explain_formula_names(path, ws.title, name_col, rows)
    return ParsedSheet(rows, header_index + 1, [k for k in mapping.values() if k != SEQ_KEY],
                       ignored, ws.title)


def _pick_sheet(workbook, file_name: str, sheet: str | None):
    if sheet is not None:
        if sheet in [ws.title for ws in workbook.worksheets]:
            return workbook[sheet]
        raise UserError(f"文件“{file_name}”中没有名为“{sheet}”的工作表：请检查工作表名称")
    if not workbook.worksheets:
        raise UserError(f"“{file_name}”里只有图表，没有表格：请选择填有人员名单的 Excel 文件")
    for ws in workbook.worksheets:
        if ws.sheet_state == "visible":
            return ws
    raise UserError(f"“{file_name}”里的表格都被隐藏了：请在 Excel 或 WPS 中“取消隐藏”名单所在的工作表后再导入")


def _open_workbook(path: Path):
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"找不到文件“{name}”：请重新选择要导入的文件") from None
    except OSError as exc:
        raise UserError(f"无法打开文件“{name}”：请确认文件还在，并且有权限打开") from exc
    if size > MAX_FILE_MB * 1024 * 1024:
        raise UserError(f"文件太大（{size / 1024 / 1024:.0f} MB）：花名册文件一般不超过 1 MB，请确认选对了文件")
    if size == 0:
        raise UserError(f"文件“{name}”是空的（0 字节）：可能没有保存或复制完整，请确认选对了文件")
    kind = _file_kind(path)
    if kind != "zip":
        raise UserError(_not_xlsx_message(name, kind))
    try:
        return _load(path, data_only=True)
    except PermissionError:
        raise UserError(f"无法打开文件“{name}”：它可能正被 Excel 或 WPS 占用，请关闭后重试") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UserError(f"文件“{name}”已损坏（可能没有保存或复制完整）：请重新复制一份，"
                        "或在 Excel 或 WPS 中打开后“另存为”.xlsx 再导入") from exc
    except Exception as exc:  # any other damage in a user's file ends here, as a plain message
        raise UserError(f"无法读取文件“{name}”：请确认是 Excel .xlsx 文件") from exc


def _load(path: Path, data_only: bool):
    # Opened as a file, so that a genuine .xlsx whose name ends in .xls or .csv is read too
    # (openpyxl refuses such names outright).
    with warnings.catch_warnings(), path.open("rb") as f:  # openpyxl warns about features it drops
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(f, data_only=data_only)


def _file_kind(path: Path) -> str:
    """What the first bytes say: zip (.xlsx), encrypted, xls, ole (another Office file), text,
    or other. Reads at most the first 64 KB."""
    try:
        with path.open("rb") as f:
            head = f.read(65536)
    except PermissionError:
        raise UserError(f"无法打开文件“{path.name}”：它可能正被 Excel 或 WPS 占用，请关闭后重试") from None
    except OSError as exc:
        raise UserError(f"无法打开文件“{path.name}”：请确认文件还在，并且有权限打开") from exc
    if head.startswith(b"PK"):
        return "zip"
    if head.startswith(b"%PDF"):
        return "other"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # An OLE compound file; its directory names its streams in UTF-16.
        if "EncryptedPackage".encode("utf-16-le") in head:
            return "encrypted"
        if "Workbook".encode("utf-16-le") in head or "Book\0".encode("utf-16-le") in head:
            return "xls"
        return "ole"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 text, as Excel's “Unicode 文本” writes it
    sample = head[:4096]
    if b"\0" not in sample:
        for encoding in ("utf-8", "gb18030"):
            try:
                sample.decode(encoding)
                return "text"
            except UnicodeDecodeError as exc:
                if encoding == "utf-8" and exc.start >= len(sample) - 3:
                    return "text"  # a character cut in two by the 4 KB sample
    return "other"


def _not_xlsx_message(name: str, kind: str) -> str:
    save_as = "请在 Excel 或 WPS 中打开它，“另存为”Excel 工作簿（.xlsx）后再导入"
    if kind == "encrypted":
        return (f"“{name}”设置了打开密码，程序无法读取：请在 Excel 或 WPS 中用密码打开，"
                "去掉打开密码（或“另存为”一份不带密码的 .xlsx）后再导入")
    if kind == "xls":
        return f"“{name}”是旧版 Excel 97-2003 文件（.xls）：{save_as}"
    if kind == "ole":
        return (f"“{name}”是旧版 .xls 文件或设置了打开密码：请在 Excel 或 WPS 中打开，"
                "“另存为”不带密码的 Excel 工作簿（.xlsx）后再导入")
    if kind == "text":
        return f"“{name}”不是 Excel 工作簿，而是文本文件（可能是 .csv 或 .txt 改了扩展名）：{save_as}"
    return f"无法读取文件“{name}”：它不是 Excel .xlsx 文件，请确认选对了文件"


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
    best: tuple[int, dict[int, str]] | None = None
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        mapping = _header_mapping(cells)
        if _is_header(mapping) and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
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


def _refuse_multi_row_header(ws, header_row: int) -> None:
    """A header written over two rows with merged cells (姓名 merged down, 联系方式 over
    手机 / 座机) would be read as one header row and a row of nonsense: refuse it."""
    merged = sorted((r for r in ws.merged_cells.ranges
                     if r.min_row <= header_row <= r.max_row and r.max_row > r.min_row),
                    key=lambda r: (r.min_row, r.min_col))
    if merged:
        cells = merged[0]
        label = _text(ws.cell(cells.min_row, cells.min_col).value)
        raise UserError(f"表头（第 {header_row} 行）有上下合并的单元格 {cells.coord}"
                        + (f"（{clip(label)}）" if label else "")
                        + "：程序只认一行表头，请取消合并，把每一列的列名写在同一行后再导入")


def _explain_formula_names(path: Path, title: str, name_col: int, rows: list[ParsedRow]) -> None:
    """A 姓名 cell holding a formula that was never calculated (files written by other
    programs) reads as empty; say that it is a formula rather than “请填写姓名”."""
    try:
        ws = _load(path, data_only=False)[title]
    except (OSError, KeyError, zipfile.BadZipFile, zlib.error):
        return  # it was read a moment ago; without a second look the usual message stands
    for row in rows:
        formula = ws.cell(row.excel_row, name_col + 1).value
        if not row.values.get("name") and isinstance(formula, str) and formula.startswith("="):
            row.errors.insert(0, f"姓名：这一格是公式（{clip(formula, 20)}），没有算出的结果：请把公式换成姓名")


def _text(value: object) -> str:
    """Cell content as stripped text; whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value).strip()


def _parse_row(excel_row: int, raw: dict[str, object]) -> ParsedRow:
    row = ParsedRow(excel_row)
    for key, value in raw.items():
        if key == SEQ_KEY:
            continue
        label = COLUMNS_BY_KEY[key].label
        try:
            if key in DATE_KEYS:
                _refuse_excel_serial(value)
                parsed = parse_date_with_precision(value)
                if parsed and parsed.precision == "month":
                    row.date_precision[key] = "month"
                result: object = parsed.date if parsed else None
            else:
                result = _parse_text_field(key, value)
        except UserError as exc:
            row.errors.append(f"{label}：{exc.message}")
            result = None if key in DATE_KEYS else _text(value)
        if key == "posts":
            row.posts = result if isinstance(result, list) else []
        elif key == "duties":
            row.duties = result
        elif key == "post_start":
            row.post_start = result
        else:
            row.values[key] = result
    return row


def _refuse_excel_serial(value: object) -> None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and EXCEL_SERIAL_MIN <= value < EXCEL_SERIAL_MAX:
        day = f"{EXCEL_EPOCH + dt.timedelta(days=int(value)):%Y-%m-%d}"
        raise UserError(f"“{_text(value)}”是 Excel 内部的日期编号（即 {day}），单元格的日期格式丢了："
                        f"请把这一列设为“日期”格式，或直接写成 {day}")


def _parse_text_field(key: str, value: object) -> object:
    if key == "id_number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        raise UserError(ID_AS_NUMBER)
    text = _text(value)
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
