"""Headless commands of the 会议记录 tab: the printed forms, the year's list, its Excel export."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.arguments import parse_year
from app.cli.exit_codes import EXIT_OK
from app.services.common.errors import UserError

WHAT = {"meeting": "会议记录", "signin": "签到表", "matter": "四议两公开记录"}


def print_pdf(services, args: argparse.Namespace) -> int:  # noqa: ANN001
    """pdf meeting ID | pdf signin ID | pdf matter ID | pdf meetings YEAR, all with -o FILE.pdf."""
    from app.services.meetings import meeting_printing as printing

    path = Path(args.output)
    if args.what == "meetings":
        year = parse_year(args.target)
        printing.meetings_year_pdf(services, year, path)
        print(f"已生成{year}年度会议一览表 {path}：{services.meetings.count(year=year)} 次会议")
        return EXIT_OK
    record_id = _number(args.target, args.what)
    if args.what == "matter":
        _check(lambda: services.matters.get(record_id),
               f"没有编号为 {record_id} 的四议两公开事项：编号显示在四议两公开列表的第一列")
        printing.matter_book_pdf(services, record_id, path)
    else:
        _check(lambda: services.meetings.get(record_id),
               f"没有编号为 {record_id} 的会议：编号显示在会议记录列表的第一列")
        job = printing.meeting_record_pdf if args.what == "meeting" else printing.sign_in_pdf
        job(services, record_id, path)
    print(f"已生成{WHAT[args.what]} {path}")
    return EXIT_OK


def export_meetings(services, target: list[str]) -> int:  # noqa: ANN001
    """export meetings YEAR FILE.xlsx."""
    from app.services.meetings.meeting_excel import export_meetings_year

    if len(target) != 2:
        raise UserError("用法：export meetings 年份 文件.xlsx，例如 export meetings 2026 会议.xlsx")
    year, path = parse_year(target[0]), Path(target[1])
    count = export_meetings_year(services, year, path)
    print(f"已导出{year}年的 {count} 次会议到 {path}")
    return EXIT_OK


def _check(load, message: str) -> None:  # noqa: ANN001
    try:
        load()
    except UserError:
        raise UserError(message) from None


def _number(text: str | None, what: str) -> int:
    if not text:
        raise UserError(f"请写明编号，例如 pdf {what} 3 -o 输出.pdf")
    if not text.isdigit():
        raise UserError(f"编号“{text}”应是数字：编号显示在列表的第一列")
    return int(text)
