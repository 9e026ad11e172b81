"""Headless commands between villages and the township: `export key|package` in a village, `town …` at the township."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.arguments import parse_year
from app.cli.exit_codes import EXIT_OK
from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.errors import UserError


def add_town_parser(sub) -> None:  # noqa: ANN001 - argparse's subparsers action
    town = sub.add_parser("town", help="乡镇：登记各村公钥、导入上报数据包、查看各村、打印分析")
    town.add_argument("--town-dir", help="乡镇数据目录（不写时为数据目录旁的“…-乡镇”文件夹）；用 --db 时存放数据包和回执")
    town.add_argument("--db", metavar="postgresql://用户@服务器:端口/库名",
                      help="乡镇数据放在 PostgreSQL 数据库里（县、镇多人共用）；不写时用乡镇数据目录里的 town.db")
    steps = town.add_subparsers(dest="town_command", metavar="乡镇命令", required=True)
    init = steps.add_parser("init", help="建立乡镇数据")
    init.add_argument("--name", required=True, help="乡镇名称，例如 白沙镇")
    init.add_argument("--code", default="", help="乡镇的区划代码（统计用区划代码的前9位），登记时核对各村代码")
    reg = steps.add_parser("register", help="登记一个村的公钥（村里用 export key 导出）")
    reg.add_argument("file", metavar="公钥文件")
    imp = steps.add_parser("import", help="导入一个村的上报数据包（.tzpkg）")
    imp.add_argument("files", nargs="+", metavar="数据包")
    imp.add_argument("--confirm", action="store_true", help="管理员核对后：导入编号不新或前后对不上的数据包")
    steps.add_parser("villages", help="列出各村：代码、村名、最近一次上报、期间、状态")
    steps.add_parser("log", help="列出导入记录")
    pdf = steps.add_parser("pdf", help="打印各村的分析研判，或一个村的工作台账汇总（PDF）")
    pdf.add_argument("what", choices=["analysis", "village"])
    pdf.add_argument("rest", nargs="+", metavar="…",
                     help="analysis 年份或term（年度或届中分析）；village 区划代码 summary 年份或term（这个村的汇总）")
    pdf.add_argument("-o", "--output", required=True, help="输出的 PDF 文件")
    exp = steps.add_parser("export", help="把分析研判导出为 Word 文件，供修改")
    exp.add_argument("what", choices=["analysis"])
    exp.add_argument("period", metavar="年份或term")
    exp.add_argument("file", metavar="文件.docx")
    demo = steps.add_parser("demo", help="建立示例乡镇：12个村，由示例村变化而来")
    demo.add_argument("--name", default="城关镇", help="示例乡镇名称")


def export_key_or_package(services, args: argparse.Namespace) -> int:  # noqa: ANN001 - Services
    from app.services.township import package_export

    target = args.output or (args.target[0] if args.target else None)
    if not target:
        example = "红旗村.pub" if args.what == "key" else "红旗村-上报.tzpkg"
        raise UserError(f"请用 -o 写明输出的文件，例如 export {args.what} -o {example}")
    if args.what == "key":
        card = package_export.export_key(services.db, Path(target))
        print(f"已导出{card.village_name}（{card.village_code}）的公钥 {target}\n密钥指纹：{card.fingerprint}\n"
              "请把公钥文件交乡镇登记；私钥留在本机，不会导出")
        return EXIT_OK
    done = package_export.export_package(services.db, services.data_dir, services.clock, Path(target),
                                         with_attachments=args.attachments)
    print(f"已导出第 {done.sequence} 号上报数据包 {target}（{done.size / 1024:.0f} KB，"
          f"{sum(done.counts.values())} 条记录）：请拷贝到U盘交乡镇导入")
    return EXIT_OK


def print_key_sheet(services, target: Path) -> int:  # noqa: ANN001 - Services
    from app.services.township.package_export import key_sheet_pdf

    shown = key_sheet_pdf(services.db, services.clock, target)
    print(f"已生成上报密钥登记表 {target}（密钥指纹 {shown}）：打印后签字交乡镇留存")
    return EXIT_OK


def town_root(given: str | None, data_dir: DataDir) -> Path:
    if given:
        return Path(given).expanduser().absolute()
    return data_dir.root.parent / f"{data_dir.root.name}-乡镇"


def town_dir(args: argparse.Namespace, data_dir: DataDir) -> Path:
    return town_root(args.town_dir, data_dir)


def _where(root: Path, db_url: str | None) -> str:
    from app.services.township.town_store import shown_address

    return f"{shown_address(db_url)}（数据包和回执在 {root}）" if db_url else str(root)


def run_town(args: argparse.Namespace, data_dir: DataDir, clock: Clock) -> int:
    from app.services.township.town_store import TownStore

    root = town_dir(args, data_dir)
    if args.town_command == "demo":
        from app.services.township.town_demo import SHOWN, build_demo_town

        registered, imported = build_demo_town(root, args.name, clock, args.db)
        shown = "；".join(f"{name}{what}" for name, what in SHOWN.items())
        print(f"已建立示例乡镇“{args.name}”：{registered} 个村已登记，{imported} 个已导入数据包。其中{shown}。"
              f"乡镇数据：{_where(root, args.db)}")
        return EXIT_OK
    if args.town_command == "init":
        store = TownStore.init(root, args.name, args.code, args.db)
        print(f"已建立{args.name}的乡镇数据：{_where(root, args.db)}")
        store.close()
        return EXIT_OK
    store = TownStore(root, args.db)
    try:
        return _COMMANDS[args.town_command](store, args, clock)
    finally:
        store.close()


def _register(store, args: argparse.Namespace, clock: Clock) -> int:  # noqa: ANN001 - TownStore
    from app.services.township.village_key import read_card

    card = read_card(Path(args.file))
    row, replaced = store.register(card, clock.now())
    print(f"已登记{row.name}（{row.code}）的公钥，指纹 {row.fingerprint}"
          + ("：已替换原来登记的密钥" if replaced else "") + "。请与村里的上报密钥登记表核对指纹")
    return EXIT_OK


def _import(store, args: argparse.Namespace, clock: Clock) -> int:  # noqa: ANN001 - TownStore
    from app.services.township.package_import import import_package
    from app.services.township.receipts import write_receipt

    failures = []
    for file in args.files:
        try:
            result = import_package(store, Path(file), clock, confirm_fork=args.confirm)
        except UserError as exc:
            if len(args.files) == 1:
                raise
            failures.append(exc.message)
            print(f"错误：{Path(file).name}：{exc.message}")
            continue
        receipt = write_receipt(store, result)
        print(f"{result.message}。回执：{receipt}")
    if failures:
        raise UserError(f"{len(args.files)} 个数据包中有 {len(failures)} 个没有导入，原因见上")
    return EXIT_OK


def _villages(store, _args: argparse.Namespace, clock: Clock) -> int:  # noqa: ANN001 - TownStore
    rows = store.villages()
    if not rows:
        print("还没有登记任何村：用 town register 公钥文件 登记")
    today = clock.today()
    for v in rows:
        last = f"第{v.sequence}号 {v.created_at:%Y-%m-%d}" if v.created_at else "—"
        print("\t".join((v.code, v.name, last, v.period or "—", v.state(today))))
    return EXIT_OK


def _log(store, _args: argparse.Namespace, _clock: Clock) -> int:  # noqa: ANN001 - TownStore
    for entry in store.import_log():
        print("\t".join((f"{entry.at:%Y-%m-%d %H:%M}", entry.file_name, entry.village_code or "—", entry.result,
                         entry.message)))
    return EXIT_OK


def _pdf(store, args: argparse.Namespace, clock: Clock) -> int:  # noqa: ANN001 - TownStore
    if args.what == "analysis":
        if len(args.rest) != 1:
            raise UserError("请写成 town pdf analysis 年份或term -o 文件.pdf，例如 town pdf analysis 2026 -o 分析.pdf")
        return _analysis(store, args.rest[0], Path(args.output), clock, as_pdf=True)
    if len(args.rest) != 3 or args.rest[1] != "summary":
        raise UserError("请写成 town pdf village 区划代码 summary 年份或term -o 文件.pdf，"
                        "例如 town pdf village 430124105201 summary 2026 -o 红旗村汇总.pdf")
    return _village_summary(store, args.rest[0], args.rest[2], Path(args.output), clock)


def _village_summary(store, code: str, period: str, target: Path, clock: Clock) -> int:  # noqa: ANN001 - TownStore
    """A village's 年度 or 届中 工作台账汇总, printed from the township's copy as the village prints it."""
    from app.services.reminders import reminder_printing as printing
    from app.services.township.village_reads import open_village, reported_village

    village = reported_village(store, code)
    term = period.strip().lower() == "term"
    year = None if term else parse_year(period, "，或写 term（本届届中）")
    services = open_village(store, village.code, clock)
    try:
        if term:
            path = printing.print_term_summary(services, target)
        else:
            path = printing.print_year_summary(services, year, target)
    finally:
        services.close()
    print(f"已生成{village.name}{'本届届中' if term else f'{year}年度'}工作台账汇总 {path}"
          f"（据第 {village.sequence} 号数据包，{village.period}）")
    return EXIT_OK


def _export(store, args: argparse.Namespace, clock: Clock) -> int:  # noqa: ANN001 - TownStore
    return _analysis(store, args.period, Path(args.file), clock, as_pdf=False)


def _analysis(store, period: str, target: Path, clock: Clock, *, as_pdf: bool) -> int:  # noqa: ANN001 - TownStore
    """The 年度 or 届中 analysis as a PDF, or as a Word file the township edits."""
    from app.services.township.analysis import analyse

    year = None if period.strip().lower() == "term" else parse_year(period, "，或写 term（届中）")
    analysis = analyse(store, clock, year)
    if as_pdf:
        from app.reports.township.analysis_pdf import build_analysis_pdf
        from app.services.common.safe_files import write_file

        target = write_file(target, lambda temp: build_analysis_pdf(temp, analysis))
    else:
        from app.services.township.analysis_docx import write_analysis_docx

        target = write_analysis_docx(analysis, target)
    print(f"已生成{analysis.town}{analysis.title}分析研判 {target}：{len(analysis.villages)} 个村，"
          f"存在问题 {len(analysis.problems)} 条")
    return EXIT_OK


_COMMANDS = {"pdf": _pdf, "export": _export, "register": _register, "import": _import, "villages": _villages, "log": _log}
