"""Headless commands of the 三公开 tab: print notices, import 财务公开 items."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.exit_codes import EXIT_OK, EXIT_USER_ERROR
from app.services.common.errors import UserError


def print_notices(services, args: argparse.Namespace) -> int:  # noqa: ANN001
    from app.services.notices import notice_printing

    if not args.target:
        raise UserError("请写明公告编号（pdf notice 编号）或所属期（pdf notices 2026Q3）")
    kind = "内部留存版" if args.internal else "公开版（个人号码已打码）"
    if args.what == "notice":
        notice_id = _number(args.target)
        pages = notice_printing.notice_pdf(services, notice_id, Path(args.output), internal=args.internal, a3=args.a3)
        print(f"已生成公告 {args.output}：{pages} 页，{kind}")
        return EXIT_OK
    period = notice_printing.parse_period(args.target)
    count = len(notice_printing.period_ids(services, period))
    pages = notice_printing.period_pdf(services, period, Path(args.output), internal=args.internal, a3=args.a3)
    print(f"已生成{period.label}的 {count} 份公告 {args.output}：共 {pages} 页，{kind}")
    return EXIT_OK


def import_items(services, target: list[str], dry_run: bool) -> int:  # noqa: ANN001
    from app.services.notices.item_excel import read_items

    if len(target) != 2:
        print("用法：import items 公告编号 文件.xlsx [--dry-run]")
        return EXIT_USER_ERROR
    notice_id = _number(target[0])
    notice = services.notices.get(notice_id)
    if notice.category != "财务公开":
        raise UserError(f"公告 {notice_id} 是{notice.category}，只有财务公开才有收支明细")
    items = read_items(Path(target[1]))  # any row error raises, naming the row: nothing is written
    if dry_run:
        print(f"检查通过（未写入）：{len(items)} 行明细")
        return EXIT_OK
    notice.items = items
    services.notices.save(notice, notice_id, confirmed=True)
    print(f"已导入 {len(items)} 行明细到公告 {notice_id}“{notice.title}”")
    return EXIT_OK


def _number(text: str) -> int:
    if not text.isdigit():
        raise UserError(f"公告编号“{text}”应是数字：编号显示在三公开列表的第一列")
    return int(text)
