"""No date is formatted through the C library with a non-ASCII format.

Python 3.11 on Windows encodes a strftime format with the locale's codec: ``%Y年`` (in
strftime or in an f-string date spec) raises UnicodeEncodeError under a non-Chinese region
format, and restore itself broke that way. Chinese dates are written by hand (dates.py).
"""

import ast
import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def non_ascii_date_formats(source: str) -> list[int]:
    """Lines with strftime("…non-ASCII…") or an f-string spec like {d:%Y年}."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "strftime"
                and node.args and not (isinstance(node.args[0], ast.Constant) and str(node.args[0].value).isascii())):
            lines.append(node.lineno)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(str(part.value) for part in node.format_spec.values if isinstance(part, ast.Constant))
            if not spec.isascii():
                lines.append(node.lineno)
    return lines


def test_the_scan_finds_both_forms():
    assert non_ascii_date_formats('d.strftime("%Y年%m月")\nx = f"{d:%Y年}"\ny = f"{d:%Y-%m-%d}"') == [1, 2]


def test_no_source_file_formats_dates_with_non_ascii():
    found = []
    for folder in ("app", "db", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            found += [f"{path.relative_to(ROOT)}:{line}" for line in non_ascii_date_formats(path.read_text(encoding="utf-8"))]
    assert not found, f"strftime or a date spec with non-ASCII (use dates.format_date_cn): {found}"


def test_a_backups_time_reads_in_chinese_without_strftime():
    from app.services.safety.backups import BackupSummary

    info = BackupSummary(Path("x.db"), dt.datetime(2026, 3, 2, 9, 5), "红旗村", None, {})
    assert info.taken_text() == "2026年3月2日 09:05"
