"""Which headless command runs: each area's module does the work and returns an exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.exit_codes import EXIT_OK
from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.errors import UserError
from app.services.safety.actor import command_line_actor


def run(args: argparse.Namespace, data_dir: DataDir, clock: Clock) -> int:
    if args.command in ("check", "backup", "restore"):
        from app.cli import safety

        if args.command == "check":
            return safety.check(data_dir, clock)
        if args.command == "backup":
            return safety.backup(data_dir, clock, Path(args.folder) if args.folder else None)
        return safety.restore(data_dir, clock, Path(args.file))
    if args.command == "town":
        from app.cli.township import run_town

        return run_town(args, data_dir, clock)
    services = open_services(data_dir, clock)
    services.act_as(command_line_actor())
    try:
        if args.command == "demo":
            from app.services.common.demo_village import fill_sample_village

            n = fill_sample_village(services)
            print(f"已装入示例村庄“红旗村”：{n.people} 人，{n.meetings} 次会议，{n.matters} 个四议两公开事项，"
                  f"{n.notices} 份公告，{n.reminders} 条纪律提醒，{n.rectification} 个整改问题。"
                  f"数据目录：{data_dir.root}")
            return EXIT_OK
        if args.command == "import":
            if args.what == "rectification":
                from app.cli.rectification import import_rectification

                return import_rectification(services, args.target, args.dry_run, args.source)
            if args.what == "items":
                from app.cli.notices import import_items

                return import_items(services, args.target, args.dry_run)
            from app.cli.members import import_members

            return import_members(services, args.target, args.dry_run, args.body)
        if args.command == "export" and args.what == "dossier":
            from app.cli.rectification import export_dossier

            return export_dossier(services, args.target, args.public)
        if args.command == "export" and args.what in ("key", "package"):
            from app.cli.township import export_key_or_package

            return export_key_or_package(services, args)
        if args.command == "export" and args.what == "meetings":
            from app.cli.meetings import export_meetings

            return export_meetings(services, args.target)
        if args.command == "export":
            from app.cli.members import export_members

            if len(args.target) != 1:
                raise UserError("用法：export members 文件.xlsx")
            return export_members(services, Path(args.target[0]))
        if args.command == "profile":
            from app.cli.profile import profile

            return profile(services, args)
        if args.command == "due":
            from app.cli.reminders import show_due

            return show_due(services)
        if args.command == "pdf" and args.what in ("reminder", "reminders", "summary"):
            from app.cli.reminders import print_pdf

            return print_pdf(services, args)
        if args.command == "pdf" and args.what in ("rectification", "rectification-report"):
            from app.cli.rectification import print_pdf as print_rectification_pdf

            return print_rectification_pdf(services, args)
        if args.command == "pdf" and not args.output:
            raise UserError("请用 -o 写明输出的 PDF 文件，例如 -o 输出.pdf")
        if args.command == "pdf" and args.what == "keysheet":
            from app.cli.township import print_key_sheet

            return print_key_sheet(services, Path(args.output))
        if args.command == "pdf" and args.what in ("meeting", "signin", "matter", "meetings"):
            from app.cli.meetings import print_pdf as print_meeting_pdf

            return print_meeting_pdf(services, args)
        if args.command == "pdf" and args.what in ("plan", "duties", "pledge", "study", "rota", "duty-log"):
            from app.cli.team_rules import print_pdf as print_team_pdf

            return print_team_pdf(services, args)
        if args.command == "pdf" and args.what != "roster":
            from app.cli.notices import print_notices

            return print_notices(services, args)
        if args.command == "pdf":
            from app.cli.members import print_roster

            return print_roster(services, Path(args.output), args.internal, args.body)
    finally:
        services.close()
    raise AssertionError(f"unknown command {args.command}")
