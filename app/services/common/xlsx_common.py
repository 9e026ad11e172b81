"""Opening .xlsx files users choose, and reading their header rows: shared by the roster
import (roster_excel.py) and the 财务公开 item import (item_excel.py). No database, no Qt.

Every problem with the file ends as a UserError in plain Chinese that says what to do.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils.escape import unescape

from app.services.common.errors import UserError
from app.services.common.safe_files import write_file


@dataclass
class SheetRow:
    """One data row of a sheet as read, with its problems (the importers extend it)."""

    excel_row: int  # 1-based, as Excel shows it
    errors: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        """How users find the row: “第 4 行”."""
        return f"第 {self.excel_row} 行"

    @property
    def messages(self) -> list[str]:
        """The errors as users see them, each naming the Excel row: “第 5 行：金额：…”."""
        return [f"{self.where}：{e}" for e in self.errors]


@dataclass
class ReadSheet:
    """What an importer found on a sheet."""

    rows: list  # of the importer's SheetRow kind
    header_row: int  # 1-based, as Excel shows it
    columns: list[str]  # the field keys found in the header, in file order
    ignored_columns: list[str]  # header texts of columns that were not read
    sheet_name: str = ""

# An import file is a few hundred KB at most; anything this large is the wrong file, and is
# refused before it is read (openpyxl would hold all of it in memory).
MAX_FILE_MB = 20
# What the parts of an .xlsx may unpack to: ten thousand people with every column filled
# are about 8 MB; a zip bomb is refused before anything is unpacked.
MAX_UNPACKED_MB = 40
# Excel reads a text cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML (and so .xlsx) cannot hold; openpyxl raises on them when saving.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel stores a date as a day number; with the date format lost, the cell reads 27455
# (1975-03-02). Five-digit numbers are no other way of writing a date (1927–2173).
EXCEL_SERIAL_MIN, EXCEL_SERIAL_MAX = 10_000, 100_000
EXCEL_EPOCH = dt.date(1899, 12, 30)


def clip(text: str, limit: int = 12) -> str:
    """Text short enough to quote in a message: a 10,000-character cell shows as its start."""
    return text if len(text) <= limit else text[:limit] + "…"


def normalize_header(text: object) -> str:
    """Header text compared loosely: no spaces, half-width, without a required-mark or colon."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = re.sub(r"\s+", "", s)
    return s.strip("*:")


def cell_text(value: object) -> str:
    """Cell content as stripped text; whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value).strip()


def open_workbook(path: Path, too_big: str):
    """The workbook at ``path``, opened with cached formula results. ``too_big`` finishes the
    message for an oversized file (“花名册文件一般不超过 1 MB”)."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"找不到文件“{name}”：请重新选择要导入的文件") from None
    except OSError as exc:
        raise UserError(f"无法打开文件“{name}”：请确认文件还在，并且有权限打开") from exc
    if size > MAX_FILE_MB * 1024 * 1024:
        raise UserError(f"文件太大（{size / 1024 / 1024:.0f} MB）：{too_big}，请确认选对了文件")
    if size == 0:
        raise UserError(f"文件“{name}”是空的（0 字节）：可能没有保存或复制完整，请确认选对了文件")
    kind = file_kind(path)
    if kind != "zip":
        raise UserError(not_xlsx_message(name, kind))
    unpacked = unpacked_size(path)
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        raise UserError(f"文件“{name}”解压后有 {unpacked / 1024 / 1024:.0f} MB，远超正常表格（{too_big}）："
                        "这不像是正常的表格文件，没有读取。请确认选对了文件")
    try:
        return load_workbook(path, data_only=True)
    except PermissionError:
        raise UserError(f"无法打开文件“{name}”：它可能正被 Excel 或 WPS 占用，请关闭后重试") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UserError(f"文件“{name}”已损坏（可能没有保存或复制完整）：请重新复制一份，"
                        "或在 Excel 或 WPS 中打开后“另存为”.xlsx 再导入") from exc
    except Exception as exc:  # any other damage in a user's file ends here, as a plain message
        raise UserError(f"无法读取文件“{name}”：请确认是 Excel .xlsx 文件") from exc


def unpacked_size(path: Path) -> int:
    """The sizes the zip's parts declare (reading stops there, so a part cannot unpack to more)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return 0  # damaged: opening it says so in its own words


def refuse_too_many_rows(ws, limit: int, what: str) -> None:  # noqa: ANN001 - an openpyxl worksheet
    if ws.max_row - 1 > limit:
        raise UserError(f"表格有 {ws.max_row} 行，一次最多导入 {limit:,} {what}：请分成几个文件导入，"
                        "或确认选对了工作表（空白行也算，请删去表格下方多余的行）")


def load_workbook(path: Path, data_only: bool):
    # Opened as a file, so that a genuine .xlsx whose name ends in .xls or .csv is read too
    # (openpyxl refuses such names outright).
    with warnings.catch_warnings(), path.open("rb") as f:  # openpyxl warns about features it drops
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(f, data_only=data_only)


def file_kind(path: Path) -> str:
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


def not_xlsx_message(name: str, kind: str) -> str:
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


def pick_sheet(workbook, file_name: str, sheet: str | None, contents: str, short: str):
    """The worksheet named ``sheet``, or else the first visible one (hidden worksheets and
    chart sheets are passed over). ``contents`` names what the file should hold (人员名单),
    ``short`` the same in a word (名单)."""
    if sheet is not None:
        if sheet in [ws.title for ws in workbook.worksheets]:
            return workbook[sheet]
        raise UserError(f"文件“{file_name}”中没有名为“{sheet}”的工作表：请检查工作表名称")
    if not workbook.worksheets:
        raise UserError(f"“{file_name}”里只有图表，没有表格：请选择填有{contents}的 Excel 文件")
    for ws in workbook.worksheets:
        if ws.sheet_state == "visible":
            return ws
    raise UserError(f"“{file_name}”里的表格都被隐藏了：请在 Excel 或 WPS 中“取消隐藏”"
                    f"{short}所在的工作表后再导入")


def open_grid(path: Path, too_big: str, sheet: str | None, contents: str, short: str, limit: int,
              unit: str, document: str):  # noqa: ANN201 - (openpyxl worksheet, its cells as rows)
    """The checks every import makes before reading its rows: the file (size, format), the sheet,
    at most ``limit`` rows, and not empty; returns the worksheet and its cells."""
    ws = pick_sheet(open_workbook(path, too_big), path.name, sheet, contents, short)
    refuse_too_many_rows(ws, limit, unit)
    grid = read_grid(ws)
    if not any(cell_text(cell) for cells in grid for cell in cells):
        raise UserError(f"工作表“{ws.title}”是空的：请确认选对了文件，{document}应在第一个工作表中")
    return ws, grid


def read_grid(ws) -> list[list[object]]:
    """The cell values of a worksheet, row by row. Excel stores characters such as \\x01 or
    \\r in text as _x0001_; openpyxl leaves them so, and they are decoded here."""
    return [[unescape(c) if isinstance(c, str) else c for c in r] for r in ws.iter_rows(values_only=True)]


def best_header(grid: list[list[object]], mapping_of: Callable[[list[object]], dict[int, str]],
                accept: Callable[[dict[int, str]], bool], rows: int) -> tuple[int, dict[int, str]] | None:
    """The row among the first ``rows`` whose header mapping (column → field key) is
    accepted and names the most columns, with that mapping; None when there is none."""
    best: tuple[int, dict[int, str]] | None = None
    for index, cells in enumerate(grid[:rows]):
        mapping = mapping_of(cells)
        if accept(mapping) and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def ignored_headers(cells: list[object], mapping: dict[int, str]) -> list[str]:
    """Header texts of the columns that are not read."""
    return [str(cell).strip() for col, cell in enumerate(cells)
            if col not in mapping and str(cell or "").strip()]


def refuse_multi_row_header(ws, header_row: int) -> None:
    """A header written over two rows with merged cells (姓名 merged down, 联系方式 over
    手机 / 座机) would be read as one header row and a row of nonsense: refuse it."""
    merged = sorted((r for r in ws.merged_cells.ranges
                     if r.min_row <= header_row <= r.max_row and r.max_row > r.min_row),
                    key=lambda r: (r.min_row, r.min_col))
    if merged:
        cells = merged[0]
        label = cell_text(ws.cell(cells.min_row, cells.min_col).value)
        raise UserError(f"表头（第 {header_row} 行）有上下合并的单元格 {cells.coord}"
                        + (f"（{clip(label)}）" if label else "")
                        + "：程序只认一行表头，请取消合并，把每一列的列名写在同一行后再导入")


def refuse_excel_serial(value: object) -> None:
    """A date cell that lost its date format reads as a day number such as 46204: say so."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and EXCEL_SERIAL_MIN <= value < EXCEL_SERIAL_MAX:
        day = f"{EXCEL_EPOCH + dt.timedelta(days=int(value)):%Y-%m-%d}"
        raise UserError(f"“{cell_text(value)}”是 Excel 内部的日期编号（即 {day}），单元格的日期格式丢了："
                        f"请把这一列设为“日期”格式，或直接写成 {day}")


def save_workbook(workbook, path: Path) -> None:  # noqa: ANN001 - an openpyxl Workbook
    """Save through safe_files: never over the database, never a half-written file.

    Every text that Excel would run as a formula (imported “=HYPERLINK(…)”, “+86…”, “-”) is
    written as plain text, and characters XML cannot hold are dropped, so a bad record can
    neither run in a clerk's Excel nor make the export fail.
    """
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    as_text(cell)
    write_file(path, workbook.save)


def xml_text(value: str) -> str:
    """``value`` without the characters an .xlsx cannot hold (openpyxl refuses them)."""
    return _ILLEGAL.sub("", value)


def as_text(cell) -> None:  # noqa: ANN001 - an openpyxl cell holding a str
    value = cell.value
    if value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl made it a formula when the str was assigned
        cell.quotePrefix = True
