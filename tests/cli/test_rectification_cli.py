"""import rectification, pdf rectification, pdf rectification-report from the command line."""

import re

import pytest
from command_line import NOW, command_runner
from conftest import person
from pypdf import PdfReader
from xlsx_helpers import write_sheet

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.profile import Profile


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    runner = command_runner(tmp_path, capsys, monkeypatch)
    services = open_services(DataDir(runner.data), FixedClock(NOW))
    services.profile.save(Profile("红旗村", "城关镇"))
    services.members.save(person("张堃", "村委会委员"))
    services.close()
    return runner


def test_import_then_print_the_ledger_and_the_report(run, tmp_path):
    sheet = write_sheet(tmp_path / "巡察.xlsx", [["问题", "措施", "责任人", "时限"],
                                                  ["财务公开不及时", "按季度公开", "张堃", "2026-12-31"]])
    assert run("import", "rectification", str(sheet), "--source", "2026年县委巡察", "--dry-run") == (
        0, "检查通过：1 个问题可以导入到新建来源“2026年县委巡察”（--dry-run，没有写入）\n")
    assert run("import", "rectification", str(sheet), "--source", "2026年县委巡察") == (
        0, "已导入 1 个问题到新建来源“2026年县委巡察”（来源编号 1）\n")
    ledger, report = tmp_path / "台账.pdf", tmp_path / "报告.pdf"
    assert run("pdf", "rectification", "--source", "1", "-o", str(ledger)) == (
        0, f"已生成整改台账 {ledger}（1 页）\n")
    assert run("pdf", "rectification-report", "1", "-o", str(report))[0] == 0
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(ledger).pages))
    assert "2026年县委巡察整改台账" in text and "财务公开不及时" in text
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(report).pages))
    assert "关于2026年县委巡察整改情况的报告" in text


def test_a_bad_sheet_writes_nothing_and_says_why(run, tmp_path):
    sheet = write_sheet(tmp_path / "巡察.xlsx", [["问题", "措施", "责任人", "时限"],
                                                  ["财务公开不及时", "按季度公开", "王五", "2026-12-31"]])
    code, out = run("import", "rectification", str(sheet))
    assert code == 2 and out.endswith("有 1 处问题，没有导入任何问题：请在 Excel 中改正后重新导入\n")
    assert "第 2 行：责任人：“王五”不在两委成员和党员名单中" in out
    assert run("pdf", "rectification-report", "x", "-o", str(tmp_path / "r.pdf")) == (
        2, "错误：来源编号“x”应是数字：编号显示在整改台账来源列表的第一列\n")


def test_due_lists_the_rectification_deadlines(run, tmp_path):
    sheet = write_sheet(tmp_path / "巡察.xlsx", [["问题", "措施", "责任人", "时限"],
                                                  ["财务公开不及时", "按季度公开", "张堃", "2026-12-07"],
                                                  ["村规民约未修订", "召开村民代表会议修订", "张堃", "2027-03-01"]])
    run("import", "rectification", str(sheet), "--source", "2026年县委巡察")
    code, out = run("due")
    lines = [line for line in out.splitlines() if "整改台账" in line]
    assert code == 0 and len(lines) == 1
    assert lines[0].split() == ["待办", "2026-12-07", "整改台账",
                                "整改“财务公开不及时”（2026年县委巡察）还有10天到期（时限2026年12月7日）"]
