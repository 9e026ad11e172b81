"""Command line: the GUI by default, headless sub-commands for automation and support."""

from __future__ import annotations

import argparse
import sys

from app import APP_NAME
from app.cli.exit_codes import EXIT_PROGRAM_FAULT, EXIT_USER_ERROR
from app.cli.township import add_town_parser
from app.clock import SystemClock
from app.data_dir import DataDir
from app.data_dir_check import data_dir_problem
from app.logging_setup import CLI_LOG_NAME, LOG_NAME, setup_logging
from app.paths import DATA_DIR_ENV, resolve_data_dir
from app.services.common.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description=f"{APP_NAME}：村党支部台账管理")
    parser.add_argument("--version", action="store_true", help="显示版本号后退出")
    parser.add_argument("--data-dir", help=f"数据目录（也可用环境变量 {DATA_DIR_ENV} 指定）")
    parser.add_argument("--smoke-test", action="store_true", help="启动界面、打开每个标签页后退出（用于检查安装）")
    parser.add_argument("--large", action="store_true", help="大字模式")
    parser.add_argument("--town", nargs="?", const="", metavar="乡镇数据目录",
                        help="打开乡镇窗口（各村一览和 村×要求）；不写目录时用数据目录旁的“…-乡镇”文件夹")
    parser.add_argument("--db", metavar="postgresql://用户@服务器:端口/库名",
                        help="与 --town 同用：乡镇数据在 PostgreSQL 数据库里（多人共用）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    sub.add_parser("demo", help="在空数据库中装入示例村庄数据")
    sub.add_parser("check", help="检查数据库是否完好")
    bak = sub.add_parser("backup", help="备份数据库并校验（不写文件夹时备份到数据目录的 backups 文件夹）")
    bak.add_argument("folder", nargs="?", metavar="文件夹", help="备份到哪个文件夹，例如U盘")
    res = sub.add_parser("restore", help="用备份文件恢复数据库（恢复前先备份现在的数据）")
    res.add_argument("file", metavar="备份文件")
    imp = sub.add_parser("import", help="从 Excel 导入")
    imp.add_argument("what", choices=["members", "items", "rectification"],
                     help="members：花名册；items：财务公开明细；rectification：整改问题清单")
    imp.add_argument("target", nargs="+", metavar="参数",
                     help="members 文件.xlsx，items 公告编号 文件.xlsx，或 rectification 文件.xlsx")
    imp.add_argument("--source", metavar="名称", help="rectification：导入到哪个问题来源（没有时新建；默认用文件名）")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    imp.add_argument("--body", metavar="组织", help="members：整张表都是这个组织的人员，目前可写 村民代表（读 村民小组、联系户数 两列）")
    exp = sub.add_parser("export", help="导出为 Excel")
    exp.add_argument("what", choices=["members", "meetings", "dossier", "key", "package"],
                     help="members：花名册；meetings：一年的会议；dossier：巡察资料（一个期间的全部台账）；"
                          "key：上报公钥；package：上报乡镇的数据包")
    exp.add_argument("target", nargs="*", metavar="参数",
                     help="members 文件.xlsx，meetings 年份 文件.xlsx，或 dossier 开始日期 结束日期 文件夹")
    exp.add_argument("--public", action="store_true", help="dossier：公开版（身份证号、电话打码；默认内部留存版）")
    exp.add_argument("-o", "--output", help="key、package：输出的文件（.pub、.tzpkg）")
    exp.add_argument("--attachments", action="store_true", help="package：带上照片和扫描件（有大小上限）")
    prof = sub.add_parser("profile", help="显示村庄信息；带选项时修改（与“设置 → 村庄信息”相同的检查）")
    prof.add_argument("--village", help="村名")
    prof.add_argument("--township", help="乡镇")
    prof.add_argument("--party-org", help="党组织名称")
    prof.add_argument("--committee", help="村委会名称")
    prof.add_argument("--phone", help="监督电话（手机或座机）")
    prof.add_argument("--code", help="统计用区划代码（12位，例如 430124105201）")
    add_town_parser(sub)
    sub.add_parser("due", help="列出已逾期和14天内到期的事项（每行一项）")
    pdf = sub.add_parser("pdf", help="打印为 PDF")
    pdf.add_argument("what", choices=["roster", "notice", "notices", "reminder", "reminders", "summary",
                                      "meeting", "signin", "matter", "meetings", "rectification",
                                      "rectification-report",
                                      "plan", "duties", "pledge", "study", "rota", "duty-log", "keysheet"])
    pdf.add_argument("target", nargs="?", metavar="编号、所属期或年份",
                     help="notice 的公告编号，notices 的所属期（2026Q3、2026-07），reminder 的提醒编号，"
                          "reminders 的年份，summary 的年份或 term（本届届中），meeting / signin 的会议编号，"
                          "matter 的四议两公开事项编号，meetings 的年份，rectification-report 的来源编号；"
                          "plan、duties、pledge、study 的年份，"
                          "rota、duty-log 的月份（2026-02），rota 也可写假期（2026-春节）；keysheet（上报密钥登记表）不用写")
    pdf.add_argument("person", nargs="?", metavar="人员编号", help="pledge：签责任书的两委成员编号")
    pdf.add_argument("--a3", action="store_true", help="公告用 A3 纸")
    pdf.add_argument("--due", metavar="日期", help="reminder：哪一次到期的提醒函（默认今天或之前最近的一次）")
    pdf.add_argument("-o", "--output",
                     help="输出的 PDF 文件（reminder、reminders、summary 不写时存到当前文件夹）")
    pdf.add_argument("--internal", action="store_true", help="内部留存版：身份证号和电话不打码")
    pdf.add_argument("--body", default="两委", metavar="组织",
                     help="roster：哪个组织的名册：两委（默认）、村民代表、团支部、妇联、工会、民兵、集体经济组织、全部")
    pdf.add_argument("--source", metavar="编号", help="rectification：只打印这个问题来源的整改台账")
    pdf.add_argument("--lists", action="store_true",
                     help="rectification-report：报告后附问题清单、任务清单、责任清单")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    if args.version:
        from app import __version__

        print(f"{APP_NAME} {__version__}")
        return 0
    data_dir = DataDir(resolve_data_dir(args.data_dir))
    problem = data_dir_problem(data_dir)
    if problem:
        return report_start_problem(problem, window=args.command is None and not args.smoke_test)
    log_path = setup_logging(data_dir.logs, name=LOG_NAME if args.command is None else CLI_LOG_NAME)
    if args.command is None and args.town is not None:
        from app.cli.township import town_root
        from app.ui.township.town_window import run_town_gui

        return run_town_gui(town_root(args.town, data_dir), log_path, smoke_test=args.smoke_test, db_url=args.db)
    if args.command is None:
        from app.ui.shell.launcher import run_gui

        return run_gui(data_dir, log_path, smoke_test=args.smoke_test, large=args.large)
    from app.cli.dispatch import run

    try:
        return run(args, data_dir, SystemClock())
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception:  # noqa: BLE001 - a fault of the program: the log gets it whole, the user plain words
        import logging

        logging.getLogger(__name__).exception("命令 %s 出错", args.command)
        print(f"错误：程序出错，这次操作没有完成。详情已写入日志 {log_path}，请把这个文件交给维护人员。",
              file=sys.stderr)
        return EXIT_PROGRAM_FAULT


def report_start_problem(message: str, *, window: bool) -> int:
    """Nothing could be logged yet: a message box for the windowed build, stderr otherwise."""
    if window:
        from app.ui.shell.launcher import show_start_problem

        show_start_problem(message)
    else:
        print(f"错误：{message}", file=sys.stderr)
    return EXIT_USER_ERROR
