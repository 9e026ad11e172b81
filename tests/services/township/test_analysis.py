"""The township's analysis: figures from the villages' copies, problems that name their villages, PDF and Word."""

import datetime as dt

import pytest
from docx import Document
from pypdf import PdfReader

from app.reports.township.analysis_pdf import build_analysis_pdf
from app.services.members.member_types import PersonData, PostData
from app.services.safety.actor import PermissionDenied, command_line_actor
from app.services.township.analysis import analyse, problem_line
from app.services.township.analysis_docx import write_analysis_docx
from app.services.township.package_import import import_package
from app.services.township.village_key import read_card
from app.services.township.village_reads import ReadOnlyCopy, open_village
from tests.services.township.villages import Village, registered, town, village  # noqa: F401 - fixtures


@pytest.fixture
def two_villages(registered, village, tmp_path, clock):
    village.services.members.save(PersonData(
        values={"name": "李芳", "gender": "女", "birth_date": dt.date(1995, 6, 1), "education": "大学本科"},
        posts=[PostData("村委会主任", dt.date(2021, 5, 1), None, None), PostData("党支部委员", dt.date(2021, 5, 1), None, None)]))
    import_package(registered, village.package(), clock)
    silent = Village(tmp_path / "b", "向阳村", "430124105202", clock)
    registered.register(read_card(silent.key()), clock.now())
    silent.close()
    return registered


def rows_of(analysis, section):
    return {r.label: (r.value, r.detail) for r in dict(analysis.figures)[section]}


def test_figures_count_the_reported_villages_and_their_teams(two_villages, clock):
    analysis = analyse(two_villages, clock, 2026)
    team = rows_of(analysis, "班子结构")
    assert team["村（社区）数"] == ("2个", "已上报 1 个")
    assert team["“两委”班子成员"] == ("2人", "")
    assert team["“两委”交叉任职率"] == ("50.0%", "交叉任职 1 人")
    people = rows_of(analysis, "年龄、学历和性别")
    assert people["平均年龄"] == ("43.5岁", "")  # 56 and 31 on 27 November 2026
    assert people["35岁及以下"] == ("1人", "占 50.0%") and people["女性"] == ("1人", "占 50.0%")
    assert people["大专及以上学历"] == ("1人", "占 50.0%")


def test_problems_name_the_villages_behind_them(two_villages, clock):
    lines = [problem_line(p) for p in analyse(two_villages, clock, 2026).problems]
    # no meeting is due before a village's records begin; the plan, list and 群团 are asked for this year
    assert lines == ["1个村未上报台账数据（向阳村）", "1个村未制定年度党建计划（红旗村）", "1个村未建立主体责任清单（红旗村）",
                     "1个村群团组织不健全（红旗村）"]


def test_the_pdf_and_the_word_file_follow_the_customary_order(two_villages, clock, tmp_path):
    analysis = analyse(two_villages, clock, None)
    build_analysis_pdf(tmp_path / "a.pdf", analysis)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "a.pdf").pages).replace("\n", "")
    assert "白沙镇村（社区）“两委”班子届中分析研判情况" in text
    order = [text.index(h) for h in ("一、分析研判情况", "（1）班子结构", "二、存在问题", "1个村未上报台账数据（向阳村）",
                                     "三、下一步努力方向", "（一）加强班子建设")]
    assert order == sorted(order)
    write_analysis_docx(analysis, tmp_path / "a.docx")
    document = Document(str(tmp_path / "a.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert [p for p in paragraphs if p[:2] in ("一、", "二、", "三、")] == ["一、分析研判情况", "二、存在问题", "三、下一步努力方向"]
    assert "1个村未上报台账数据（向阳村）" in paragraphs
    assert [c.text for c in document.tables[0].rows[1].cells] == ["村（社区）数", "2个", "已上报 1 个"]


def test_a_villages_copy_is_read_only_at_the_township(two_villages, clock):
    services = open_village(two_villages, "430124105201", clock)
    assert [r.name for r in services.members.list_rows()] == ["红书记", "李芳"]
    with pytest.raises(PermissionDenied, match="“查阅”账户不能新增和修改记录"):  # opened as 乡镇查阅
        services.members.save(PersonData(values={"name": "张三"}))
    services.act_as(command_line_actor())  # even code acting as an administrator cannot write
    with pytest.raises(ReadOnlyCopy):
        services.members.save(PersonData(values={"name": "张三"}))
    services.close()
    again = open_village(two_villages, "430124105201", clock)
    assert [r.name for r in again.members.list_rows()] == ["红书记", "李芳"]
    again.close()
