"""Headless commands of the 纪律提醒 tab and the 工作台: what is due, and their PDFs."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.arguments import parse_year
from app.cli.exit_codes import EXIT_OK
from app.services.common.dates import format_date_cn, parse_date
from app.services.common.errors import UserError
from app.services.common.file_names import safe_file_name

NOTHING_DUE = "没有已逾期或14天内到期的事项"


def show_due(services) -> int:  # noqa: ANN001
    """已逾期 and due-soon items, one a line: status, due date, area, what it is."""
    items = services.workbench.due_items()
    if not items:
        print(NOTHING_DUE)
        return EXIT_OK
    for item in items:
        # Full-width padding keeps the columns straight in a terminal (an ideograph is two columns).
        print(f"{item.status.ljust(3, '　')}  {item.due.isoformat()}  {item.area.ljust(5, '　')}  {item.title}")
    return EXIT_OK


def print_pdf(services, args: argparse.Namespace) -> int:  # noqa: ANN001
    """pdf reminder ID [--due 日期] | pdf reminders 年份 | pdf summary 年份 | pdf summary term."""
    from app.services.reminders import reminder_printing as printing

    profile = services.profile.get()
    village = profile.village_name if profile else ""
    if args.what == "reminder":
        reminder_id = _number(args.target)
        try:
            services.reminders.get(reminder_id)
        except UserError:
            raise UserError(f"没有编号为 {reminder_id} 的提醒：编号显示在纪律提醒列表的第一列") from None
        due = parse_date(args.due) if args.due else services.reminders.current_due(reminder_id)
        path = _output(args, f"{village}廉政提醒函-{reminder_id}-{due.isoformat()}.pdf")
        printing.print_reminder_letter(services, reminder_id, due, path)
        print(f"已生成廉政提醒函 {path}（{format_date_cn(due)}到期的一次）")
        return EXIT_OK
    if args.due:
        raise UserError("--due 只用于 pdf reminder（廉政提醒函）")
    if args.what == "reminders":
        year = parse_year(args.target)
        path = _output(args, f"{village}{year}年纪律提醒台账.pdf")
        printing.print_reminder_ledger(services, year, path)
        print(f"已生成{year}年纪律提醒台账 {path}")
        return EXIT_OK
    if (args.target or "").strip().lower() == "term":
        path = _output(args, f"{village}届中工作台账汇总.pdf")
        printing.print_term_summary(services, path)
        print(f"已生成本届届中工作台账汇总 {path}")
        return EXIT_OK
    year = parse_year(args.target, "，或写 term（本届届中）")
    path = _output(args, f"{village}{year}年度工作台账汇总.pdf")
    printing.print_year_summary(services, year, path)
    print(f"已生成{year}年度工作台账汇总 {path}")
    return EXIT_OK


def _output(args: argparse.Namespace, default_name: str) -> Path:
    """The -o file, else ``default_name`` (made safe for Windows) in the current folder."""
    return Path(args.output) if args.output else Path(safe_file_name(default_name))


def _number(text: str | None) -> int:
    if not text:
        raise UserError("请写明提醒编号，例如 pdf reminder 3：编号显示在纪律提醒列表的第一列")
    if not text.isdigit():
        raise UserError(f"提醒编号“{text}”应是数字：编号显示在纪律提醒列表的第一列")
    return int(text)
