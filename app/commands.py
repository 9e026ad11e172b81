"""The headless sub-commands. They print plain Chinese lines and return an exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.clock import Clock
from app.services.actor import command_line_actor
from app.services.context import open_services
from app.data_dir import DataDir
from app.services.errors import UserError
from db.audit import chain_problems
from db.backup import integrity_problems
from db.migrate import current_revision, head_revision

EXIT_OK, EXIT_FAILED, EXIT_USER_ERROR = 0, 1, 2


def run(args: argparse.Namespace, data_dir: DataDir, clock: Clock) -> int:
    if args.command == "check":
        return check(data_dir)
    if args.command == "backup":
        return backup(data_dir, clock, Path(args.folder) if args.folder else None)
    if args.command == "restore":
        return restore(data_dir, clock, Path(args.file))
    services = open_services(data_dir, clock)
    services.act_as(command_line_actor())
    try:
        if args.command == "demo":
            from app.services.demo_village import fill_sample_village

            n = fill_sample_village(services)
            print(f"已装入示例村庄“红旗村”：{n.people} 人，{n.meetings} 次会议，{n.matters} 个四议两公开事项，"
                  f"{n.notices} 份公告，{n.reminders} 条纪律提醒。数据目录：{data_dir.root}")
            return EXIT_OK
        if args.command == "import":
            if args.what == "items":
                from app.commands_notices import import_items

                return import_items(services, args.target, args.dry_run)
            if len(args.target) != 1:
                print("用法：import members 文件.xlsx [--dry-run]")
                return EXIT_USER_ERROR
            return import_members(services, Path(args.target[0]), args.dry_run)
        if args.command == "export":
            from app.services.member_import import MemberImporter

            title = _village(services) + "两委成员及党员花名册"
            count = MemberImporter(services.members).export(Path(args.file), title)
            print(f"已导出 {count} 人到 {args.file}")
            return EXIT_OK
        if args.command == "due":
            from app.commands_reminders import show_due

            return show_due(services)
        if args.command == "pdf" and args.what in ("reminder", "reminders", "summary"):
            from app.commands_reminders import print_pdf

            return print_pdf(services, args)
        if args.command == "pdf" and not args.output:
            raise UserError("请用 -o 写明输出的 PDF 文件，例如 -o 输出.pdf")
        if args.command == "pdf" and args.what != "roster":
            from app.commands_notices import print_notices

            return print_notices(services, args)
        if args.command == "pdf":
            from app.services.printing import print_roster

            count = print_roster(services, Path(args.output), internal=args.internal)
            kind = "内部留存版" if args.internal else "公开版（身份证号、电话已打码）"
            print(f"已生成花名册 {args.output}：{count} 人，{kind}")
            return EXIT_OK
    finally:
        services.close()
    raise AssertionError(f"unknown command {args.command}")


def _village(services) -> str:  # noqa: ANN001
    profile = services.profile.get()
    return profile.village_name if profile else ""


def import_members(services, path: Path, dry_run: bool) -> int:  # noqa: ANN001
    from app.services.member_import import MemberImporter

    importer = MemberImporter(services.members)
    preview = importer.preview(path)
    for row in preview.rows:
        for warning in row.warnings:
            print(f"提示：{warning}")
    if not preview.rows:
        print("文件里没有可导入的人员行：未写入任何数据")
        return EXIT_USER_ERROR
    if preview.problems:
        for problem in preview.problems:
            print(problem)
        print(f"共 {len(preview.problems)} 处错误，未写入任何数据。请改正 Excel 后重新导入。")
        return EXIT_USER_ERROR
    if dry_run:
        print(f"检查通过（未写入）：将新增 {preview.added} 人，更新 {preview.updated} 人")
        return EXIT_OK
    added, updated = importer.apply(preview)
    print(f"导入完成：新增 {added} 人，更新 {updated} 人")
    return EXIT_OK


def check(data_dir: DataDir) -> int:
    path = data_dir.database
    if not path.exists():
        print(f"数据库文件不存在：{path}")
        return EXIT_FAILED
    problems = integrity_problems(path)
    if problems:
        print("数据库损坏：" + "；".join(problems[:5]))
        print("请从备份恢复。")
        return EXIT_FAILED
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        print(f"数据库有 {len(broken)} 处关联记录缺失")
        return EXIT_FAILED
    chain = chain_problems(path)
    if chain:
        print("操作日志校验未通过：" + "；".join(chain))
        print("有人绕过本程序改动了数据库：请报告镇纪委，并与备份核对。")
        return EXIT_FAILED
    revision, head = current_revision(path), head_revision()
    if revision != head:
        print(f"数据库版本 {revision}，程序版本 {head}：打开程序时会自动升级")
    print(f"数据库完好，操作日志完整：{path}")
    return EXIT_OK


def backup(data_dir: DataDir, clock: Clock, folder: Path | None) -> int:
    from app.services.backups import format_size, make_backup

    info = make_backup(data_dir, clock, folder)
    print(f"已备份到 {info.path}")
    print(f"大小 {format_size(info.size)}，时间 {info.taken:%Y-%m-%d %H:%M}，已通过完整性检查")
    return EXIT_OK


def restore(data_dir: DataDir, clock: Clock, file: Path) -> int:
    """Headless restore: the command line acts as an administrator (the OS user who runs it)."""
    from app.services.audit_log import AuditLogService
    from app.services.backups import restore_file
    from app.services.datastore import open_database

    result = restore_file(data_dir, clock, file)
    if result.saved_current is not None:
        kind = "已损坏的数据库另存在" if result.was_damaged else "恢复前的数据已备份到"
        print(f"{kind} {result.saved_current}")
    db = open_database(data_dir, clock)  # upgrades a backup made by an older version
    try:
        db.actor = command_line_actor()
        AuditLogService(db).record_restore(result.restored.path, clock.now(), result.restored.describe())
    finally:
        db.close()
    print(f"已从 {result.restored.path} 恢复数据")
    print(result.restored.describe())
    return EXIT_OK
