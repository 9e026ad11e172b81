"""The headless commands, run in-process through the real argument parser."""

import datetime as dt
import sqlite3

import pytest
from conftest import ID_FEMALE_1980, ID_MALE_1975
from xlsx_helpers import write_sheet

from app.cli import main
from app.clock import FixedClock


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setattr("app.cli.SystemClock", lambda: FixedClock(dt.datetime(2026, 11, 27, 9, 30)))

    def _run(*args):
        code = main(["--data-dir", str(data), *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    _run.data = data
    return _run


def test_demo_fills_once_and_refuses_a_second_time(run):
    code, out = run("demo")
    assert code == 0 and "已装入示例村庄“红旗村”：34 人，106 次会议，2 个四议两公开事项" in out
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
    assert code == 0 and "已导出 34 人" in out
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
    assert "操作日志校验未通过：操作日志第 5 条的内容被改动过" in out


def test_headless_changes_are_logged_as_the_command_line_user(run):
    import getpass

    run("demo")
    with sqlite3.connect(run.data / "taizhang.db") as conn:
        actors = {a for (a,) in conn.execute("SELECT DISTINCT actor FROM audit_log")}
    assert actors == {f"命令行：{getpass.getuser()}"}
