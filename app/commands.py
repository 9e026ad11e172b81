"""The headless sub-commands. They print plain Chinese lines and return an exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.clock import Clock
from app.services.context import open_services
from app.data_dir import DataDir
from db.backup import integrity_problems
from db.migrate import current_revision, head_revision

EXIT_OK, EXIT_FAILED, EXIT_USER_ERROR = 0, 1, 2


def run(args: argparse.Namespace, data_dir: DataDir, clock: Clock) -> int:
    if args.command == "check":
        return check(data_dir)
    services = open_services(data_dir, clock)
    try:
        if args.command == "demo":
            from app.services.demo import fill_demo

            count = fill_demo(services.db, clock)
            print(f"已装入示例村庄“红旗村”：{count} 人。数据目录：{data_dir.root}")
            return EXIT_OK
        if args.command == "import":
            return import_members(services, Path(args.file), args.dry_run)
        if args.command == "export":
            from app.services.member_import import MemberImporter

            title = _village(services) + "两委成员及党员花名册"
            count = MemberImporter(services.members).export(Path(args.file), title)
            print(f"已导出 {count} 人到 {args.file}")
            return EXIT_OK
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
    revision, head = current_revision(path), head_revision()
    if revision != head:
        print(f"数据库版本 {revision}，程序版本 {head}：打开程序时会自动升级")
    print(f"数据库完好：{path}")
    return EXIT_OK
