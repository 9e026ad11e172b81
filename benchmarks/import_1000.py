"""Import of a 1,000-row roster (preview + write) against a raw openpyxl read + SQL insert."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

from common import sample_people, timed
from openpyxl import Workbook, load_workbook

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.members.member_import import MemberImporter

ROWS = 1000


def write_sheet(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["红旗村党员花名册"])
    ws.append(["序号", "姓名", "性别", "出生年月", "身份证号", "联系电话", "政治面貌", "职务"])
    for i, p in enumerate(sample_people(ROWS), 1):
        ws.append([i, p["name"], p["gender"], p["birth"].strftime("%Y.%m"), p["id"], p["phone"], "中共党员", p["post"]])
    wb.save(path)


def program_import(path: Path, root: Path) -> tuple[int, int]:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9))
    services = open_services(DataDir(root), clock)
    try:
        importer = MemberImporter(services.members)
        preview = importer.preview(path)
        assert preview.ok, preview.problems[:3]
        return importer.apply(preview)
    finally:
        services.close()


def raw_import(path: Path, db: Path) -> int:
    rows = list(load_workbook(path, read_only=True).active.iter_rows(min_row=3, values_only=True))
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS p (name, gender, birth, id UNIQUE, phone, status, post)")
        conn.execute("DELETE FROM p")
        conn.executemany("INSERT INTO p VALUES (?,?,?,?,?,?,?)", [r[1:] for r in rows])
    return len(rows)


def main() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        sheet = tmp_path / "roster.xlsx"
        write_sheet(sheet)
        counter = iter(range(100))
        app_time, result = timed(lambda: program_import(sheet, tmp_path / f"d{next(counter)}"), repeat=3)
        raw_time, _ = timed(lambda: raw_import(sheet, tmp_path / "raw.db"), repeat=3)
    assert result == (ROWS, 0), result
    return {
        "导入 1,000 行花名册（检查 + 写入）": f"{app_time:.2f} s",
        "基线：openpyxl 读取 + 原始 SQL 插入": f"{raw_time:.2f} s",
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
