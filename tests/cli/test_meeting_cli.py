"""Headless 会议记录 prints and export, and the village profile, run through the real parser."""

import datetime as dt

import pytest
from command_line import command_runner
from openpyxl import load_workbook
from pypdf import PdfReader

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return command_runner(tmp_path, capsys, monkeypatch)


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace(" ", "").replace("\n", "")


def _read(run, read):  # noqa: ANN001
    services = open_services(DataDir(run.data), FixedClock(dt.datetime(2026, 11, 27, 9)))
    try:
        return read(services)
    finally:
        services.close()


def test_meeting_signin_and_matter_pdfs(run, tmp_path):
    run("demo")
    meeting = _read(run, lambda s: s.meetings.list_rows(year=2026)[0])
    matter = _read(run, lambda s: s.matters.list_rows()[0])
    path = tmp_path / "m.pdf"
    assert run("pdf", "meeting", str(meeting.id), "-o", str(path)) == (0, f"已生成会议记录 {path}\n")
    text = _text(path)
    assert meeting.topic.replace(" ", "") in text and "会议记录" in text and meeting.host in text
    path = tmp_path / "s.pdf"
    assert run("pdf", "signin", str(meeting.id), "-o", str(path)) == (0, f"已生成签到表 {path}\n")
    assert "签到" in _text(path) and meeting.topic.replace(" ", "") in _text(path)
    path = tmp_path / "x.pdf"
    assert run("pdf", "matter", str(matter.id), "-o", str(path)) == (0, f"已生成四议两公开记录 {path}\n")
    assert matter.name in _text(path) and "党员大会审议" in _text(path)


def test_the_years_meetings_as_pdf_and_excel(run, tmp_path):
    run("demo")
    rows = _read(run, lambda s: sorted(s.meetings.list_rows(year=2026), key=lambda r: (r.date, r.id)))
    path = tmp_path / "year.pdf"
    code, out = run("pdf", "meetings", "2026", "-o", str(path))
    assert (code, out) == (0, f"已生成2026年度会议一览表 {path}：{len(rows)} 次会议\n")
    assert "红旗村2026年度会议一览表" in _text(path)
    xlsx = tmp_path / "会议.xlsx"
    assert run("export", "meetings", "2026", str(xlsx)) == (0, f"已导出2026年的 {len(rows)} 次会议到 {xlsx}\n")
    sheet = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "红旗村2026年度会议记录一览"
    assert values[1] == ["日期", "会议类型", "主题", "主持人", "记录人", "应到/实到", "地点"]
    assert len(values) == 2 + len(rows)
    first = rows[0]
    assert values[2][0].date() == first.date
    assert values[2][1:4] == ["、".join(first.kinds), first.topic, first.host]
    assert values[2][4] == "王淑芬" and values[2][5] == f"{first.expected}/{first.present}"
    assert values[2][6] == first.place


def test_bad_ids_and_years_say_what_to_do(run, tmp_path):
    run("demo")
    out_pdf = str(tmp_path / "x.pdf")
    assert run("pdf", "meeting", "9999", "-o", out_pdf) == (
        2, "错误：没有编号为 9999 的会议：编号显示在会议记录列表的第一列\n")
    assert run("pdf", "signin", "abc", "-o", out_pdf) == (2, "错误：编号“abc”应是数字：编号显示在列表的第一列\n")
    assert run("pdf", "matter", "77", "-o", out_pdf) == (
        2, "错误：没有编号为 77 的四议两公开事项：编号显示在四议两公开列表的第一列\n")
    assert run("pdf", "meetings", "26", "-o", out_pdf) == (2, "错误：年份“26”看不懂：请写四位数的年份，例如 2026\n")
    assert run("pdf", "meeting", "1") == (2, "错误：请用 -o 写明输出的 PDF 文件，例如 -o 输出.pdf\n")
    code, out = run("export", "meetings", "二〇二六", str(tmp_path / "x.xlsx"))
    assert code == 2 and "年份“二〇二六”看不懂" in out
    code, out = run("export", "meetings", "2026")
    assert code == 2 and "用法：export meetings 年份 文件.xlsx" in out
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.xlsx").exists()


def test_profile_is_shown_and_set_with_the_dialogs_checks(run):
    assert run("profile") == (0, "还没有填写村庄信息：用 profile --village 村名 --township 乡镇 --phone 监督电话 填写\n")
    code, out = run("profile", "--village", "红旗村", "--township", "城关镇", "--phone", "0731-84561234")
    assert code == 0
    assert out.splitlines() == ["已保存村庄信息：", "村名：红旗村", "乡镇：城关镇", "党组织名称：中共红旗村支部委员会",
                                "村委会名称：红旗村村民委员会", "监督电话：0731-84561234", "统计用区划代码：（未填写）"]
    code, out = run("profile", "--party-org", "中共红旗村总支部委员会", "--committee", "红旗村村委会")
    assert code == 0 and "党组织名称：中共红旗村总支部委员会" in out and "村名：红旗村" in out
    code, out = run("profile")
    assert code == 0 and "村委会名称：红旗村村委会" in out and "监督电话：0731-84561234" in out
    code, out = run("profile", "--phone", "12-34")  # 12345-style hotlines are valid; this is no number
    assert code == 2 and out.startswith("错误：监督电话：")
    code, out = run("profile", "--village", " ")
    assert code == 2 and "错误：村名：请填写村名" in out
    assert "监督电话：0731-84561234" in run("profile")[1]  # nothing half-written
    code, out = run("profile", "--code", "43012410520")
    assert code == 2 and out.startswith("错误：统计用区划代码：统计用区划代码应是12位数字（现在是“43012410520”，11位）")
    assert run("profile", "--code", "430124105201")[1].endswith("统计用区划代码：430124105201\n")
