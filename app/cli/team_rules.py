"""Headless prints of the team's rules: pdf plan / duties / pledge / study YEAR, pdf rota / duty-log
YYYY-MM (pdf rota YYYY-春节: a holiday's), each with -o FILE.pdf."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from app.cli.arguments import parse_year
from app.cli.exit_codes import EXIT_OK
from app.services.common.errors import UserError



def parse_month(text: str | None) -> tuple[int, int]:
    """2026-02 -> (2026, 2)."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", (text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(f"月份“{text or ''}”看不懂：请写成 年-月，例如 2026-02")
    return parse_year(match.group(1)), int(match.group(2))


def print_pdf(services, args: argparse.Namespace) -> int:  # noqa: ANN001
    from app.services.team_rules import team_printing as printing

    path = Path(args.output)
    holiday = re.fullmatch(r"(\d{4})-(\D+)", (args.target or "").strip())
    if args.what == "rota" and holiday:
        year = parse_year(holiday.group(1))
        days = printing.holiday_rota_pdf(services, year, holiday.group(2), path)
        print(f"已生成{year}年{holiday.group(2)}假期值班表 {path}：{days} 天")
        return EXIT_OK
    if args.what in ("rota", "duty-log"):
        year, month = parse_month(args.target)
        if args.what == "rota":
            days = printing.rota_pdf(services, year, month, path)
            print(f"已生成{year}年{month}月值班表 {path}：{days} 天已排班")
        else:
            logs, missing = printing.duty_log_pdf(services, year, month, path)
            print(f"已生成{year}年{month}月值班记录 {path}：{logs} 天有记录，{missing} 天未登记")
        return EXIT_OK
    if args.what == "pledge":
        year, person = _pledge_target(args.target, args.person)
        name = printing.pledge_pdf(services, year, person, path)
        print(f"已生成{name}的{year}年度主体责任书 {path}")
        return EXIT_OK
    year = parse_year(args.target)
    if args.what == "plan":
        count = printing.plan_pdf(services, year, path)
        print(f"已生成{year}年度党建工作计划 {path}：{count} 项")
    elif args.what == "duties":
        count = printing.duties_pdf(services, year, path)
        print(f"已生成{year}年度主体责任清单 {path}：{count} 人")
    else:
        count = printing.study_pdf(services, year, path)
        print(f"已生成{year}年度学习台账 {path}：{count} 次集中学习")
    return EXIT_OK


def _pledge_target(year_text: str | None, person_text: str | None) -> tuple[int, int]:
    year = parse_year(year_text)
    if not person_text or not person_text.isdigit():
        raise UserError("请写明人员编号，例如 pdf pledge 2026 3 -o 责任书.pdf（编号显示在两委成员列表的第一列）")
    return year, int(person_text)
