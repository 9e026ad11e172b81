"""The headless commands, run in-process through the real argument parser."""

import datetime as dt
import sqlite3

import pytest
from command_line import command_runner
from conftest import ID_FEMALE_1980, ID_MALE_1975
from xlsx_helpers import write_sheet

from app.clock import FixedClock


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return command_runner(tmp_path, capsys, monkeypatch)


def test_demo_fills_once_and_refuses_a_second_time(run):
    code, out = run("demo")
    assert code == 0 and "已装入示例村庄“红旗村”：72 人，106 次会议，2 个四议两公开事项，12 份公告" in out
    code, out = run("demo")
    assert code == 2
    assert "数据库里已有数据：示例数据只能装入空的数据库" in out


def test_import_success_update_and_dry_run(run, tmp_path):
    sheet = write_sheet(
        tmp_path / "in.xlsx",
        [["姓名", "公民身份号码", "电话", "职务"], ["张三", ID_MALE_1975, 13812341027, "书记"], ["王芳", ID_FEMALE_1980, "", ""]],
    )
    assert run("import", "members", str(sheet), "--dry-run") == (0, "检查通过（未写入）：将新增 2 人，更新 0 人\n")
    assert run("import", "members", str(sheet)) == (0, "导入完成：新增 2 人，更新 0 人\n")
    assert run("import", "members", str(sheet)) == (0, "导入完成：新增 0 人，更新 2 人\n")


def test_import_errors_are_listed_by_row_and_nothing_is_written(run, tmp_path):
    sheet = write_sheet(
        tmp_path / "bad.xlsx",
        [["姓名", "身份证号", "职务"], ["张三", ID_MALE_1975, "书记"], ["李四", 440308197503021000, "委员"]],
    )
    code, out = run("import", "members", str(sheet))
    assert code == 2
    assert "第 3 行（李四）：身份证号：身份证号被 Excel 存成了数字" in out
    assert "第 3 行（李四）：职务：职务“委员”不明确" in out
    assert "未写入任何数据" in out
    code, out = run("export", "members", str(tmp_path / "out.xlsx"))
    assert out == f"已导出 0 人到 {tmp_path / 'out.xlsx'}\n"


def test_export_pdf_and_check(run, tmp_path):
    run("demo")
    code, out = run("export", "members", str(tmp_path / "out.xlsx"))
    assert code == 0 and "已导出 72 人" in out
    pdf = tmp_path / "roster.pdf"
    code, out = run("pdf", "roster", "-o", str(pdf))
    assert code == 0 and "已生成花名册" in out and "9 人" in out
    assert pdf.read_bytes().startswith(b"%PDF")
    code, out = run("check")
    assert code == 0 and out.startswith("数据库完好，操作日志完整")


def test_check_fails_on_a_damaged_file(run):
    run("demo")
    db = run.data / "taizhang.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(db.read_bytes())
    page = 4096
    raw[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    db.write_bytes(bytes(raw))
    code, out = run("check")
    assert code == 1
    assert "数据库损坏" in out and "请从备份恢复" in out


def test_pdf_without_profile_says_what_to_do(run, tmp_path):
    code, out = run("pdf", "roster", "-o", str(tmp_path / "x.pdf"))
    assert code == 2
    assert out == "错误：还没有填写村庄信息：请先在 设置 → 村庄信息 中填写村名\n"


def test_check_reports_an_audit_log_edited_behind_the_programs_back(run):
    run("demo")
    with sqlite3.connect(run.data / "taizhang.db") as conn:
        conn.execute("UPDATE audit_log SET record_label = '别人' WHERE id = 5")
    code, out = run("check")
    assert code == 1
    assert "操作日志校验未通过：\n  操作日志第 5 条的内容被改动过" in out


def test_headless_changes_are_logged_as_the_command_line_user(run):
    import getpass

    run("demo")
    with sqlite3.connect(run.data / "taizhang.db") as conn:
        actors = {a for (a,) in conn.execute("SELECT DISTINCT actor FROM audit_log")}
    assert actors == {f"命令行：{getpass.getuser()}"}


def test_notice_pdfs_from_the_command_line(run, tmp_path):
    from pypdf import PdfReader

    run("demo")
    code, out = run("pdf", "notice", "1", "-o", str(tmp_path / "n1.pdf"))
    assert code == 0 and out.startswith("已生成公告") and "公开版" in out
    assert "财务收支公开" in PdfReader(tmp_path / "n1.pdf").pages[0].extract_text().replace(" ", "").replace("\n", "")
    code, out = run("pdf", "notices", "2026Q2", "-o", str(tmp_path / "q2.pdf"), "--a3")
    assert code == 0 and "2026年第二季度的 3 份公告" in out
    code, out = run("pdf", "notices", "2026Q5", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "所属期“2026Q5”看不懂" in out
    code, out = run("pdf", "notice", "999", "-o", str(tmp_path / "x.pdf"))
    assert code == 2


def test_finance_items_import_from_the_command_line(run, tmp_path):
    from openpyxl import Workbook

    run("demo")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["红旗村2026年第四季度收支明细"])
    sheet.append(["序号", "日期", "摘要", "收入（元）", "支出（元）", "经办人", "备注"])
    sheet.append([1, "2026-10-08", "村部办公用品", None, "1,200.00元", "刘玥", ""])
    sheet.append([2, "2026-10-15", "上级补助", 30000, None, "王淑芬", ""])
    sheet.append(["", "", "合计", 30000, 1200, "", ""])
    good = tmp_path / "items.xlsx"
    workbook.save(good)
    notice_id = _draft_finance_notice(run)
    assert run("import", "items", str(notice_id), str(good), "--dry-run") == (0, "检查通过（未写入）：2 行明细\n")
    code, out = run("import", "items", str(notice_id), str(good))
    assert code == 0 and out.startswith("已导入 2 行明细")
    sheet.append([3, "2026-10-20", "修路", None, "abc", "", ""])
    bad = tmp_path / "bad.xlsx"
    workbook.save(bad)
    code, out = run("import", "items", str(notice_id), str(bad))
    assert code == 2 and "第 6 行" in out and "abc" in out
    code, out = run("import", "items", "1", str(good))
    assert code == 2 and "已经公开，不能修改" in out


def _draft_finance_notice(run) -> int:

    from app.data_dir import DataDir
    from app.services.common.context import open_services
    from app.services.notices.notice_types import NoticeData, Period

    services = open_services(DataDir(run.data), FixedClock(dt.datetime(2026, 11, 27, 9)))
    try:
        data = NoticeData(category="财务公开", title="红旗村2026年第四季度财务收支公开", period=Period("quarter", 2026, 4),
                          post_from=dt.date(2026, 11, 20), post_to=dt.date(2026, 11, 26))
        return services.notices.save(data, confirmed=True)
    finally:
        services.close()


def test_a_fault_of_the_program_is_logged_whole_and_told_in_plain_words(run, tmp_path):
    """A database edited behind the program's back (a plan line in month 13) trips the summary: the
    command says what happened and where the details are, exits 3, and the log has the traceback."""
    run("demo")
    with sqlite3.connect(run.data / "taizhang.db") as conn:
        conn.execute("UPDATE team_plan_item SET span_no = 13 WHERE span_kind = 'month'")
    conn.close()
    target = tmp_path / "汇总.pdf"
    code, out = run("pdf", "summary", "2026", "-o", str(target))
    assert code == 3 and not target.exists()
    assert out.startswith("错误：程序出错，这次操作没有完成。详情已写入日志 ") and "Traceback" not in out
    log = out.split("详情已写入日志 ")[1].split("，请把")[0]
    from pathlib import Path

    text = Path(log).read_text(encoding="utf-8")
    assert "命令 pdf 出错" in text and "Traceback" in text
