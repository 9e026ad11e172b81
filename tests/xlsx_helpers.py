"""Writing small .xlsx files the way clerks make them, for import tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def write_sheet(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path
