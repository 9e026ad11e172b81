"""Headless commands of the 两委成员 tab: import and export the roster, print it."""

from __future__ import annotations

from pathlib import Path

from app.cli.exit_codes import EXIT_OK, EXIT_USER_ERROR, refuse_import


def export_members(services, path: Path) -> int:  # noqa: ANN001
    from app.services.members.member_import import MemberImporter

    title = _village(services) + "两委成员及党员花名册"
    count = MemberImporter(services.members).export(path, title)
    print(f"已导出 {count} 人到 {path}")
    return EXIT_OK


def print_roster(services, path: Path, internal: bool, body: str = "两委") -> int:  # noqa: ANN001
    from app.services.bodies.body_rosters import print_body_roster

    count = print_body_roster(services, path, body, internal=internal)
    kind = "内部留存版" if internal else "公开版（身份证号、电话已打码）"
    print(f"已生成花名册 {path}：{count} 人，{kind}")
    return EXIT_OK


def import_members(services, target: list[str], dry_run: bool, body: str | None = None) -> int:  # noqa: ANN001
    if len(target) != 1:
        print("用法：import members 文件.xlsx [--dry-run] [--body 村民代表]")
        return EXIT_USER_ERROR
    path = Path(target[0])
    if body is not None and body != "村民代表":
        print(f"--body 目前只能写 村民代表（不认识“{body}”）：其他组织的人员请在 职务 列写明职务后按花名册导入")
        return EXIT_USER_ERROR
    if body is None:
        from app.services.members.member_import import MemberImporter

        importer = MemberImporter(services.members)
    else:
        from app.services.bodies.representative_import import RepresentativeImporter

        importer = RepresentativeImporter(services.representatives, services.villager_groups)
    preview = importer.preview(path)
    for row in preview.rows:
        for warning in row.warnings:
            print(f"提示：{warning}")
    if not preview.rows:
        print("文件里没有可导入的人员行：未写入任何数据")
        return EXIT_USER_ERROR
    if preview.problems:
        return refuse_import(preview.problems, f"共 {len(preview.problems)} 处错误，未写入任何数据。请改正 Excel 后重新导入。")
    if dry_run:
        print(f"检查通过（未写入）：将新增 {preview.added} 人，更新 {preview.updated} 人")
        return EXIT_OK
    added, updated = importer.apply(preview)
    print(f"导入完成：新增 {added} 人，更新 {updated} 人")
    return EXIT_OK


def _village(services) -> str:  # noqa: ANN001
    profile = services.profile.get()
    return profile.village_name if profile else ""
