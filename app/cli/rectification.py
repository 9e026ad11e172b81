"""Headless commands of the 整改台账: import a sheet of findings, print the ledger and the report."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.exit_codes import EXIT_OK, EXIT_USER_ERROR, refuse_import
from app.services.common.errors import UserError
from app.services.common.file_names import safe_file_name

MAX_SHOWN = 20


def import_rectification(services, target: list[str], dry_run: bool, source: str | None) -> int:  # noqa: ANN001
    if len(target) != 1:
        print("用法：import rectification 文件.xlsx [--source 名称] [--dry-run]")
        return EXIT_USER_ERROR
    from app.services.rectification.rect_import import RectImporter

    importer = RectImporter(services.rectification)
    preview = importer.preview(Path(target[0]), source)
    if not preview.rows:
        raise UserError(f"表头（第 {preview.header_row} 行）下面没有问题：请从第 {preview.header_row + 1} 行起每个问题填一行")
    where = f"新建来源“{preview.source_title}”" if preview.new_source else f"来源“{preview.source_title}”"
    if preview.problems:
        return refuse_import(preview.problems,
                             f"有 {len(preview.problems)} 处问题，没有导入任何问题：请在 Excel 中改正后重新导入", MAX_SHOWN)
    if dry_run:
        print(f"检查通过：{len(preview.rows)} 个问题可以导入到{where}（--dry-run，没有写入）")
        return EXIT_OK
    source_id, count = importer.apply(preview)
    print(f"已导入 {count} 个问题到{where}（来源编号 {source_id}）")
    return EXIT_OK


def _source_id(text: str | None, usage: str) -> int:
    if not text:
        raise UserError(f"请写明问题来源的编号，例如 {usage}：编号显示在整改台账来源列表的第一列")
    if not text.strip().isdigit():
        raise UserError(f"来源编号“{text}”应是数字：编号显示在整改台账来源列表的第一列")
    return int(text)


def print_pdf(services, args: argparse.Namespace) -> int:  # noqa: ANN001
    """pdf rectification [--source ID] -o FILE | pdf rectification-report SOURCE_ID -o FILE [--lists]."""
    from app.services.rectification import rect_printing

    if args.what == "rectification":
        source_id = _source_id(args.source, "--source 1") if args.source else None
        path = Path(args.output or safe_file_name("整改台账.pdf"))
        pages = rect_printing.print_rect_ledger(services, path, source_id)
        print(f"已生成整改台账 {path}（{pages} 页）")
        return EXIT_OK
    source_id = _source_id(args.target, "pdf rectification-report 1 -o 报告.pdf")
    path = Path(args.output or safe_file_name(f"整改情况报告-{source_id}.pdf"))
    pages = rect_printing.print_rect_report(services, source_id, path, lists=args.lists)
    print(f"已生成整改情况报告 {path}（{pages} 页）")
    return EXIT_OK


def export_dossier(services, target: list[str], public: bool) -> int:  # noqa: ANN001
    """export dossier FROM TO FOLDER [--public]: the 巡察资料 of a period, with its 目录."""
    from app.services.common.dates import parse_date
    from app.services.rectification.dossier import DossierBuilder

    if len(target) != 3:
        raise UserError("用法：export dossier 开始日期 结束日期 文件夹，例如 export dossier 2026-01-01 2026-12-31 巡察资料")
    first, last = parse_date(target[0]), parse_date(target[1])
    if first is None or last is None:
        raise UserError("请写明开始和结束日期，例如 2026-01-01 2026-12-31")

    def show(done: int, total: int, text: str) -> None:
        print(f"[{done}/{total}] {text}", flush=True)

    entries = DossierBuilder(services, first, last, Path(target[2]), internal=not public, progress=show).build()
    pdfs = [e for e in entries if e.pages is not None]
    kind = "公开版" if public else "内部留存版"
    print(f"已导出巡察资料（{kind}）到 {target[2]}：{len(pdfs)} 份文件 {sum(e.pages for e in pdfs)} 页，"
          f"附件 {len(entries) - len(pdfs)} 个，目录见“00 目录.pdf”")
    return EXIT_OK
