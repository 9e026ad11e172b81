"""The meeting prints: 会议记录, 签到表, 四议两公开记录 and the year's list of meetings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_fonts import all_embedded
from pdf_layout import decoded_lines
from pypdf import PdfReader

from app.reports.common import fonts
from app.reports.meetings.matter_book import amount_text, build_matter_book
from app.reports.meetings.meeting_record import build_meeting_record, record_title, time_text
from app.reports.meetings.meetings_year import build_meetings_year
from app.reports.meetings.sign_in_sheet import build_sign_in_sheet
from app.services.meetings.meeting_types import (
    ABSENT,
    LEAVE,
    AttendanceData,
    AttendanceSummary,
    MatterData,
    MeetingData,
    StepData,
)

VILLAGE = "红旗村"
PRINT_DATE = dt.date(2026, 11, 27)
SENTENCE = ("会议传达学习了上级关于加强基层党组织建设的有关文件精神，结合本村实际，对下一阶段的"
            "集体经济发展、人居环境整治和矛盾纠纷排查化解工作进行了认真研究和部署。")
LAST_SENTENCE = "最后，吴𠮷祥同志作总结讲话，会议于十一时三十分结束。"
SUMMARY = AttendanceSummary(expected=30, present=22, on_leave=5, absent=3,
                            voting_expected=28, voting_present=21)


def long_minutes() -> str:
    paragraphs = [f"{i}. " + SENTENCE * 4 for i in range(1, 21)]
    return "\n".join(paragraphs) + "\n" + LAST_SENTENCE


def meeting(**changes) -> MeetingData:
    values = dict(
        kinds=["主题党日", "支部党员大会"],
        topic="审议村集体资产发包方案",
        date=dt.date(2026, 11, 5), start_time="09:00", end_time="11:30",
        place="村党群服务中心会议室",
        agenda="1. 传达学习文件精神\n2. 审议村集体资产发包方案",
        minutes=SENTENCE,
        resolution="同意村集体资产发包方案，提交村民代表会议决议。",
        votes_for=20, votes_against=1, votes_abstain=1,
        observers="王淼（驻村第一书记）",
        attendance=[
            AttendanceData(1, "吴𠮷祥"),
            AttendanceData(2, "李䶮", LEAVE, "外出务工"),
            AttendanceData(3, "张堃", ABSENT),
            AttendanceData(4, "陈喆", voting=False),
        ],
    )
    values.update(changes)
    return MeetingData(**values)


def texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module", autouse=True)
def registered():
    fonts.register_fonts()


@pytest.fixture(scope="module")
def record_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("record") / "record.pdf"
    build_meeting_record(path, village=VILLAGE, meeting=meeting(), host="吴𠮷祥", recorder="李䶮",
                         summary=SUMMARY, print_date=PRINT_DATE)
    return path


@pytest.fixture(scope="module")
def long_record_pdf(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("record") / "long.pdf"
    pages = build_meeting_record(path, village=VILLAGE, meeting=meeting(minutes=long_minutes()),
                                 host="吴𠮷祥", recorder="李䶮", summary=SUMMARY,
                                 print_date=PRINT_DATE)
    return path, pages


def expected_people(count: int) -> list[AttendanceData]:
    people = [AttendanceData(1, "吴𠮷祥"), AttendanceData(2, "李䶮", voting=False)]
    people += [AttendanceData(i, f"党员{i:02d}") for i in range(3, count + 1)]
    return people


@pytest.fixture(scope="module")
def sign_in_pdf(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("sign") / "sign.pdf"
    pages = build_sign_in_sheet(path, village=VILLAGE, meeting=meeting(),
                                expected=expected_people(60), print_date=PRINT_DATE)
    return path, pages


def matter_steps():
    first = meeting(kinds=["支部委员会会议"], topic="研究集体资产发包事项", votes_for=5,
                    votes_against=0, votes_abstain=0)
    second = meeting(kinds=["村“两委”联席会议"], topic="商议集体资产发包方案")
    committee = AttendanceSummary(5, 5, 0, 0, 5, 5)
    return [
        (StepData(1, dt.date(2026, 9, 1), 11, outcome="同意提议"), first, committee),
        (StepData(2, dt.date(2026, 9, 10), 12, outcome="商议通过"), second, SUMMARY),
    ]


@pytest.fixture(scope="module")
def matter_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("matter") / "matter.pdf"
    matter = MatterData("村东鱼塘承包", "集体资产", "村干部提议", "鱼塘承包期五年。",
                        amount_fen=12345678)
    build_matter_book(path, village=VILLAGE, matter=matter, steps=matter_steps(),
                      print_date=PRINT_DATE)
    return path


@pytest.fixture(scope="module")
def year_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("year") / "year.pdf"
    rows = [
        ("支部委员会会议", [(dt.date(2026, m, 3), f"{m}月支委会", 5, 5) for m in range(1, 13)]),
        ("支部党员大会", [(dt.date(2026, 3, 28), "审议村集体资产发包方案", 30, 22)]),
        ("组织生活会", []),
    ]
    build_meetings_year(path, village=VILLAGE, year=2026, rows=rows, print_date=PRINT_DATE)
    return path


@pytest.mark.parametrize("which", ["record_pdf", "sign_in_pdf", "matter_pdf", "year_pdf"])
def test_every_font_is_embedded(which, request):
    value = request.getfixturevalue(which)
    assert all_embedded(value[0] if isinstance(value, tuple) else value)


def test_meeting_record_holds_the_whole_grid(record_pdf):
    text = "".join(texts(record_pdf))
    assert text.startswith("红旗村") and "红旗村主题党日暨支部党员大会记录" in text
    for expected in ("会议类型", "主题", "审议村集体资产发包方案", "2026年11月5日09:00—11:30",
                     "村党群服务中心会议室", "主持人吴𠮷祥", "记录人李䶮", "应到人数30人",
                     "实到人数22人", "请假5人，缺席3人", "请假：李䶮（外出务工）缺席：张堃（原因未说明）",
                     "列席人员王淼（驻村第一书记）", "议程", "主要内容", SENTENCE,
                     "表决：赞成20票，反对1票，弃权1票", "主持人签字", "记录人签字", "年月日"):
        assert expected in text, expected
    assert "陈喆" not in text  # present: not among the absentees
    assert "₻" not in text


def test_meeting_record_without_votes_or_absentees(tmp_path):
    path = tmp_path / "plain.pdf"
    plain = meeting(kinds=["其他"], votes_for=None, votes_against=None, votes_abstain=None,
                    attendance=[], observers="", minutes="", start_time="", end_time="")
    build_meeting_record(path, village=VILLAGE, meeting=plain, host="", recorder="",
                         summary=AttendanceSummary(0, 0, 0, 0, 0, 0), print_date=PRINT_DATE)
    text = "".join(texts(path))
    assert "红旗村会议记录" in text and "表决" not in text
    assert "缺席人员及原因无" in text and "列席人员无" in text


def test_long_minutes_continue_over_pages_without_loss(long_record_pdf):
    path, pages = long_record_pdf
    assert len(long_minutes()) > 6000
    assert pages >= 2
    page_texts = texts(path)
    assert len(page_texts) == pages
    assert "主要内容（续）" in page_texts[1]
    whole = "".join(page_texts)
    assert LAST_SENTENCE in whole
    for i in range(1, 21):
        assert f"{i}.{SENTENCE[:20]}" in whole
    # The signatures stay with the end of the form, on the last page.
    assert "主持人签字" in page_texts[-1] and "记录人签字" in page_texts[-1]
    assert "第1页共" in page_texts[0].replace(" ", "")
    # Each continuation page says which meeting it continues.
    for page in page_texts[1:]:
        assert "（续）红旗村主题党日暨支部党员大会记录2026年11月5日09:00—11:30审议村集体资产发包方案" in page
    assert "（续）" not in page_texts[0].replace("主要内容（续）", "")


def test_helpers():
    assert time_text(meeting(end_time="")) == "2026年11月5日 09:00"
    assert record_title(VILLAGE, ["支部委员会会议"]) == "红旗村支部委员会会议记录"
    assert record_title(VILLAGE, ["其他"], "签到表") == "红旗村会议签到表"
    assert amount_text(12345678) == "123,456.78 元"
    assert amount_text(5) == "0.05 元" and amount_text(None) == ""


def test_sign_in_sheet_lists_everyone_and_repeats_its_header(sign_in_pdf):
    path, pages = sign_in_pdf
    assert pages >= 2
    page_texts = texts(path)
    whole = "".join(page_texts)
    for expected in ("红旗村主题党日暨支部党员大会签到表", "审议村集体资产发包方案",
                     "2026年11月5日09:00—11:30", "村党群服务中心会议室",
                     "应到60人（其中预备党员1人）", "吴𠮷祥", "李䶮（预备）", "党员60", "列席人员签到"):
        assert expected in whole, expected
    for page in page_texts[:2]:
        assert "序号姓名签到序号姓名签到" in page
    assert "吴𠮷祥（预备）" not in whole


def test_sign_in_rows_leave_room_to_sign(tmp_path):
    from app.reports.common.page import MM
    from app.reports.meetings.sign_in_sheet import ROW_HEIGHT

    assert ROW_HEIGHT >= 10 * MM
    path = tmp_path / "short.pdf"
    pages = build_sign_in_sheet(path, village=VILLAGE, meeting=meeting(),
                                expected=expected_people(3), print_date=PRINT_DATE)
    assert pages == 1
    assert "应到3人" in texts(path)[0]


def test_matter_book_has_six_parts_in_order(matter_pdf):
    text = "".join(texts(matter_pdf))
    titles = ["一、村党组织提议", "二、村“两委”会议商议", "三、党员大会审议",
              "四、村民会议或村民代表会议决议", "五、决议公开", "六、实施结果公开"]
    positions = [text.find(t) for t in titles]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    assert "四议两公开记录" in text and "村东鱼塘承包" in text and "123,456.78元" in text
    assert "集体资产" in text and "村干部提议" in text
    assert text.count("尚未进行") == 4
    assert "应到人数30人" in text and "实到人数22人" in text and "73.3%" in text
    assert "赞成5票，反对0票，弃权0票" in text and "商议通过" in text


def test_matter_book_public_steps(tmp_path):
    path = tmp_path / "public.pdf"
    steps = matter_steps() + [
        (StepData(3, dt.date(2026, 9, 20), 13, outcome="审议通过"), meeting(), SUMMARY),
        (StepData(4, dt.date(2026, 9, 25), 14, outcome="决议通过"),
         meeting(kinds=["村民代表会议"]), SUMMARY),
        (StepData(5, dt.date(2026, 9, 26), place="村务公开栏", posted_text="决议公告全文"),
         None, None),
    ]
    matter = MatterData("村东鱼塘承包", "集体资产", "村干部提议")
    build_matter_book(path, village=VILLAGE, matter=matter, steps=steps, print_date=PRINT_DATE)
    text = "".join(texts(path))
    assert text.count("尚未进行") == 1 and text.index("尚未进行") > text.index("六、实施结果公开")
    assert "公开地点村务公开栏" in text and "决议公告全文" in text and "涉及金额无" in text


def test_year_list_by_kind(year_pdf):
    text = "".join(texts(year_pdf))
    assert "红旗村2026年度会议一览表" in text
    assert "支部委员会会议（共12次）" in text and "序号日期主题应到实到" in text
    assert "2026年12月3日12月支委会55" in text
    assert "2026年3月28日审议村集体资产发包方案3022" in text
    assert text.index("组织生活会") < text.index("本年度没有记录")


def test_one_huge_paragraph_and_absurd_topic_still_print(tmp_path):
    path = tmp_path / "huge.pdf"
    huge = "甲" * 7000 + LAST_SENTENCE  # one paragraph, no line breaks
    odd = meeting(topic="很长的主题" * 400, minutes=huge, observers="、".join(["列席人员"] * 300))
    pages = build_meeting_record(path, village=VILLAGE, meeting=odd, host="吴𠮷祥", recorder="李䶮",
                                 summary=SUMMARY, print_date=PRINT_DATE)
    page_texts = texts(path)
    assert pages >= 3
    whole = "".join(page_texts)
    assert LAST_SENTENCE in whole and whole.count("甲") == 7000
    assert "……（内容过长，未印全）" in whole  # the topic field was cut to fit one page
    assert whole.count("列席人员") >= 301  # every observer, plus the row's label


def test_ratio_of_an_empty_meeting(tmp_path):
    path = tmp_path / "empty.pdf"
    empty = AttendanceSummary(0, 0, 0, 0, 0, 0)
    build_matter_book(path, village=VILLAGE, matter=MatterData("测试", "其他", "上级安排"),
                      steps=[(StepData(1, dt.date(2026, 1, 5)), meeting(), empty)],
                      print_date=PRINT_DATE)
    text = "".join(texts(path))
    assert "到会比例—" in text and text.count("尚未进行") == 5


@pytest.mark.parametrize("which", ["record_pdf", "matter_pdf", "year_pdf"])
def test_faces_by_role(which, request):
    """Titles in the heavy serif, headings and labels in the bold sans, the rest in the serif."""
    value = request.getfixturevalue(which)
    page = PdfReader(value[0] if isinstance(value, tuple) else value).pages[0]
    title = decoded_lines(page, "NotoSerifCJKsc-Black")
    assert len(title) == 1 and title[0].startswith(("红旗村", "四议两公开")), title
    assert decoded_lines(page, "NotoSansCJKsc-Bold")
    assert decoded_lines(page, "NotoSerifCJKsc-Regular")


def test_steps_not_yet_taken_are_noted_in_kai(matter_pdf):
    notes = "".join("".join(decoded_lines(p, "LXGWWenKai")) for p in PdfReader(matter_pdf).pages)
    assert "尚未进行" in notes


def test_a_branch_of_33_signs_in_on_one_page_in_two_columns(tmp_path):
    path = tmp_path / "33.pdf"
    build_sign_in_sheet(path, village=VILLAGE, meeting=meeting(), expected=expected_people(33),
                        print_date=PRINT_DATE, org="中共红旗村支部委员会")
    first = texts(path)[0]
    names = [p.name for p in expected_people(33)]
    assert all(name in first for name in names)
    assert first.startswith("中共红旗村支部委员会主题党日暨支部党员大会签到表")
    # Two columns: the 18th name sits on the first row's line, beside the first.
    lines = decoded_lines(PdfReader(path).pages[0])
    assert any(f"1 {names[0]}" in line and f"18 {names[17]}" in line for line in lines), lines


def test_absentees_and_leave_listed_apart(tmp_path):
    from app.reports.meetings.meeting_record import absentees_text

    people = [AttendanceData(1, "吴𠮷祥"), AttendanceData(2, "李䶮", LEAVE, "外出务工"),
              AttendanceData(3, "张堃", ABSENT, "联系不上"), AttendanceData(4, "陈喆", LEAVE),
              AttendanceData(5, "王淼", ABSENT)]
    assert absentees_text(meeting(attendance=people)) == (
        "请假：李䶮（外出务工）、陈喆\n缺席：张堃（联系不上）、王淼（原因未说明）")
    assert absentees_text(meeting(attendance=people[:1])) == ""


def test_heart_talk_prints_on_its_own_form(tmp_path):
    path = tmp_path / "talk.pdf"
    talk = meeting(kinds=["谈心谈话"], topic="与李䶮谈心谈话", place="书记办公室", minutes="谈了工作和家庭情况。",
                   attendance=[AttendanceData(1, "吴𠮷祥"), AttendanceData(2, "李䶮")], observers="")
    assert build_meeting_record(path, village=VILLAGE, meeting=talk, host="吴𠮷祥", recorder="",
                                summary=AttendanceSummary(2, 2, 0, 0, 2, 2), print_date=PRINT_DATE,
                                org="中共红旗村支部委员会") == 1
    text = texts(path)[0]
    for expected in ("中共红旗村支部委员会谈心谈话记录", "谈话人吴𠮷祥", "谈话对象李䶮",
                     "时间2026年11月5日09:00—11:30", "地点书记办公室", "主要内容", "谈了工作和家庭情况。",
                     "谈话人签字", "谈话对象签字"):
        assert expected in text, expected
    for grid_only in ("应到人数", "决议", "列席人员", "主持人"):
        assert grid_only not in text
