"""Headless prints of the team's rules from the sample village, each read back."""

import datetime as dt

import pytest
from command_line import command_runner
from pdf_fonts import all_embedded
from pypdf import PdfReader

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    """The sample village, filled once for the module (the demo takes a few seconds)."""
    from app.services.common.demo_village import fill_sample_village
    from app.services.safety.actor import command_line_actor

    root = tmp_path_factory.mktemp("village")
    services = open_services(DataDir(root / "data"), FixedClock(dt.datetime(2026, 11, 27, 9, 30)))
    services.act_as(command_line_actor())
    fill_sample_village(services)
    names = {r.name: r.id for r in services.members.list_rows()}
    services.close()
    return root / "data", names


@pytest.fixture
def run(village, tmp_path, capsys, monkeypatch):
    runner = command_runner(tmp_path, capsys, monkeypatch)

    def _run(*args):
        return runner("--data-dir", str(village[0]), *args)

    return _run


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace(" ", "").replace("\n", "")


def test_plan_pdf_shows_each_line_and_how_it_went(run, tmp_path):
    path = tmp_path / "plan.pdf"
    assert run("pdf", "plan", "2026", "-o", str(path)) == (0, f"已生成2026年度党建工作计划 {path}：49 项\n")
    text = _text(path)
    assert "红旗村2026年度党建工作计划" in text
    assert "共49项：已完成40项，逾期完成1项，未完成1项，未到期7项" in text
    assert "2026年1月5日“1月支委会：研究本月工作”通过" in text
    assert "完成党员信息系统数据核对" in text and "手工登记：组织党员28人参观，照片存档" in text
    assert all_embedded(path)


def test_duties_and_pledge_pdfs(run, village, tmp_path):
    path = tmp_path / "duties.pdf"
    assert run("pdf", "duties", "2026", "-o", str(path)) == (0, f"已生成2026年度主体责任清单 {path}：6 人\n")
    text = _text(path)
    assert "李建国（党支部书记、村委会主任）第一责任人" in text and "张堃（组织委员、村委会副主任）一岗双责" in text
    assert "主持召开党风廉政建设专题会议" in text and "责任书：2026年2月10日" in text
    assert PdfReader(path).pages[0].mediabox.width > PdfReader(path).pages[0].mediabox.height  # landscape
    pledge = tmp_path / "pledge.pdf"
    person = str(village[1]["张堃"])
    assert run("pdf", "pledge", "2026", person, "-o", str(pledge)) == (
        0, f"已生成张堃的2026年度主体责任书 {pledge}\n")
    text = _text(pledge)
    assert "2026年度全面从严治党主体责任书" in text and "履行“一岗双责”" in text
    assert "党支部书记（签字）" in text and "（盖章）" in text and "第一责任人：李建国" in text and "落实分管领域党风廉政建设任务" in text
    assert all_embedded(pledge)
    code, out = run("pdf", "pledge", "2026", "-o", str(pledge))
    assert code != 0 and "请写明人员编号" in out


def test_study_pdf_lists_sessions_self_study_and_the_member_short_of_hours(run, tmp_path):
    path = tmp_path / "study.pdf"
    assert run("pdf", "study", "2026", "-o", str(path)) == (0, f"已生成2026年度学习台账 {path}：11 次集中学习\n")
    text = _text(path)
    assert "每月集中学习不少于1次，每人每年不少于32学时" in text
    assert "二、集中学习（共11次）" in text and "《中国共产党章程》" in text
    assert "刘玥（请假：外出参加培训）" in text
    assert "刘玥641032差22学时" in text and "李建国3303332已达标" in text
    assert all_embedded(path)


def test_rota_and_duty_log_pdfs(run, tmp_path):
    path = tmp_path / "rota.pdf"
    assert run("pdf", "rota", "2026-11", "-o", str(path)) == (0, f"已生成2026年11月值班表 {path}：30 天已排班\n")
    text = _text(path)
    assert "红旗村2026年11月值班表" in text and "2026年11月1日星期日休息日" in text
    log = tmp_path / "log.pdf"
    assert run("pdf", "duty-log", "2026-11", "-o", str(log)) == (
        0, f"已生成2026年11月值班记录 {log}：25 天有记录，1 天未登记\n")
    text = _text(log)
    assert "2026年11月24日星期二值班人员：" in text and "（未登记值班记录）" in text
    assert "村民来访反映路灯损坏" in text
    code, out = run("pdf", "rota", "2026-13", "-o", str(path))
    assert code != 0 and "请写成年-月" in out.replace(" ", "")
    code, out = run("pdf", "rota", "2025-01", "-o", str(path))
    assert code != 0 and "2025年1月还没有排班" in out


def test_year_and_term_summaries_carry_the_team_rules_section(run, tmp_path):
    for target, name in (("2026", "2026年度工作台账汇总"), ("term", "本届届中工作台账汇总")):
        path = tmp_path / f"{target}.pdf"
        code, out = run("pdf", "summary", target, "-o", str(path))
        assert (code, out) == (0, f"已生成{name} {path}\n")
        text = _text(path)
        section = text[text.index("班子制度落实情况"):text.index("七、填报与审核")]
        assert "1.2026年党建计划：共49项，已完成40项，逾期完成1项，未完成1项，未到期7项；" in section
        assert "责任书已签订6/6份" in section and "逾期未完成1项" in section
        assert "学时达标5人，未达标1人（刘玥差22学时）" in section
        assert "值班制度：排班57天，值班记录56天，未登记1天（2026年11月24日）" in section


def test_a_holidays_rota_for_the_board(run, tmp_path):
    path = tmp_path / "national.pdf"
    assert run("pdf", "rota", "2026-国庆节", "-o", str(path)) == (0, f"已生成2026年国庆节假期值班表 {path}：7 天\n")
    text = _text(path)
    assert "红旗村2026年国庆节假期值班表" in text
    assert text.count("节假日（国庆节）") == 7 and "2026年10月8日" not in text
    code, out = run("pdf", "rota", "2026-腊八", "-o", str(path))
    assert code != 0 and "2026年没有“腊八”假期" in out
