"""The 纪律提醒 prints: 廉政提醒函 with its 回执, the year's 提醒台账, the 工作台账汇总."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_fonts import all_embedded, font_dicts
from pypdf import PdfReader

from app.reports import fonts
from app.reports.bar_chart import bar_chart
from app.reports.page import MM, content_width
from app.reports.reminder_ledger import build_reminder_ledger
from app.reports.reminder_letter import addressee, build_reminder_letter, rule_paragraphs
from app.reports.work_summary import TeamLine, build_work_summary
from app.services.reminder_rules import RULE_TEXTS
from app.services.reminder_types import DoneRecord, LetterData, Occurrence
from app.services.workbench_types import Bar, DispositionRow, Figures

VILLAGE = "红旗村"
PRINT_DATE = dt.date(2026, 11, 27)
RARE = ["吴𠮷祥", "李䶮", "张堃", "陈喆"]
LONG_KIND = "村“两委”联席会议暨村民代表会议（含列席的驻村第一书记和包村干部）"


def texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def names(count: int) -> list[str]:
    return RARE + [f"党员{i:02d}" for i in range(len(RARE) + 1, count + 1)]


def letter(count: int, **changes) -> LetterData:
    values = dict(village=VILLAGE, party_org_name="中共红旗村支部委员会", kind="节前廉政提醒",
                  subject="2027年春节前廉政提醒", detail=RULE_TEXTS["节前廉政提醒"],
                  names=names(count)[:count], due=dt.date(2027, 2, 3), holiday="春节")
    values.update(changes)
    return LetterData(**values)


def assert_embedded_subsets(path: Path) -> None:
    assert all_embedded(path)
    assert all("+" in str(f["/BaseFont"]) for f in font_dicts(path))  # subset: TAG+Name


@pytest.fixture(scope="module", autouse=True)
def registered():
    fonts.register_fonts()


# ----------------------------------------------------------------------------- the letter

def test_a_letter_to_three_members_is_one_page_with_everything(tmp_path):
    path = tmp_path / "letter.pdf"
    assert build_reminder_letter(path, letter=letter(3), print_date=PRINT_DATE) == 1
    [text] = texts(path)
    for expected in ("廉政提醒函", "吴𠮷祥、李䶮、张堃同志：",
                     "春节将至，为严明节日纪律要求，确保节日期间风清气正，现就2027年春节前廉政提醒特作如下提醒：",
                     "一、认真学习贯彻中央八项规定", "六、节日期间安排好值班", "特此提醒。",
                     "中共红旗村支部委员会2027年2月3日", "回执",
                     "本人已收到并认真阅读上述提醒，将严格遵守。", "姓名签收日期本人签名",
                     "第1页共1页", "打印日期：2026年11月27日"):
        assert expected in text, expected
    assert text.index("特此提醒") < text.index("回执") < text.index("吴𠮷祥年月日")
    assert "陈喆" not in text
    assert_embedded_subsets(path)


def test_twelve_names_still_fit_on_one_page(tmp_path):
    path = tmp_path / "twelve.pdf"
    assert build_reminder_letter(path, letter=letter(12), print_date=PRINT_DATE) == 1
    [text] = texts(path)
    assert all(f"{name}年月日" in text for name in names(12))


def test_thirty_names_continue_with_the_table_header_repeated(tmp_path):
    path = tmp_path / "thirty.pdf"
    pages = build_reminder_letter(path, letter=letter(30), print_date=PRINT_DATE)
    assert pages > 1
    pages_text = texts(path)
    assert len(pages_text) == pages
    assert all("姓名签收日期本人签名" in page for page in pages_text[1:])
    assert "党员30年月日" in pages_text[-1]
    assert "".join(pages_text).count("年月日") == 30
    assert_embedded_subsets(path)


def test_issuer_falls_back_to_the_village_and_unnumbered_rules_are_numbered(tmp_path):
    path = tmp_path / "plain.pdf"
    data = letter(1, party_org_name="", kind="提醒谈话", holiday="", due=None,
                  subject="群众反映鱼塘承包费收缴不及时", detail="如实说明情况\n认真整改")
    build_reminder_letter(path, letter=data, print_date=PRINT_DATE)
    [text] = texts(path)
    assert "为进一步严明纪律规矩，现就群众反映鱼塘承包费收缴不及时特作如下提醒：" in text
    assert "一、如实说明情况" in text and "二、认真整改" in text
    assert "中共红旗村支部委员会年月日" in text  # no date yet: blanks to fill in


def test_addressee_and_rule_numbering():
    assert addressee(["李建国", " 王淑芬 ", "", "张堃"]) == "李建国、王淑芬、张堃同志："
    assert addressee([]) == "各位同志："
    assert rule_paragraphs("1. 甲\n2. 乙") == ["1. 甲", "2. 乙"]
    assert rule_paragraphs("甲\n\n乙") == ["一、甲", "二、乙"]


# ----------------------------------------------------------------------------- the ledger

def occurrences() -> list[Occurrence]:
    found = [Occurrence(1, "学习", "两委干部每月集中学习", "全体两委干部", dt.date(2026, m, 10),
                        "已完成", DoneRecord(dt.date(2026, m, 10), "会议", "学习党章", "吴𠮷祥"))
             for m in range(1, 13)] * 3
    found.append(Occurrence(2, "提醒谈话", "鱼塘承包费收缴不及时", "张堃、陈喆",
                            dt.date(2026, 11, 15), "已逾期"))
    return found


def test_ledger_lists_every_occurrence_with_the_header_on_every_page(tmp_path):
    path = tmp_path / "ledger.pdf"
    disposed = [DispositionRow("meeting:党小组会:2026-07", "2026年7月 党小组会 未召开", "会议记录",
                               "忽略", "组长李䶮外出学习，与8月合并召开", dt.date(2026, 8, 3), "吴𠮷祥")]
    pages = build_reminder_ledger(path, village=VILLAGE, year=2026, occurrences=occurrences(),
                                  dispositions=disposed, print_date=PRINT_DATE)
    pages_text = texts(path)
    assert pages == len(pages_text) > 1
    whole = "".join(pages_text)
    assert "红旗村2026年纪律提醒台账" in whole and "本年度应办37次，已完成36次。" in whole
    header = "序号类型事由对象应办日期状态办理日期方式办理人备注"
    assert all(header in page for page in pages_text if "学习" in page)
    assert "提醒谈话鱼塘承包费收缴不及时张堃、陈喆2026年11月15日已逾期" in whole
    assert "2026年12月10日已完成2026年12月10日会议吴𠮷祥学习党章" in whole
    assert "由其他台账生成的提醒处理情况" in whole
    assert "事项方面处理理由日期处理人" in whole
    assert "2026年7月党小组会未召开会议记录忽略组长李䶮外出学习，与8月合并召开2026年8月3日吴𠮷祥" in whole
    assert_embedded_subsets(path)


def test_an_empty_ledger_says_so(tmp_path):
    path = tmp_path / "empty.pdf"
    assert build_reminder_ledger(path, village=VILLAGE, year=2025, occurrences=[],
                                 dispositions=[], print_date=PRINT_DATE) == 1
    [text] = texts(path)
    assert "本年度没有应办的纪律提醒" in text and "本年度没有标记为已处理或忽略的提醒" in text


# ---------------------------------------------------------------------------- the summary

def figures(**changes) -> Figures:
    values = dict(
        title="2026年", first=dt.date(2026, 1, 1), last=dt.date(2026, 12, 31),
        meetings=(Bar("支部委员会会议", 10, 12), Bar("党小组会", 13, 12), Bar(LONG_KIND, 2, 3)),
        notices=(Bar("党务公开", 4, 4), Bar("财务公开", 3, 4)),
        reminders=(Bar("一岗双责责任清单", 1, 1), Bar("值班", 0, 0)),
        matters=(Bar("审议", 1, 2), Bar("实施结果公开", 1, 2)),
        gaps=("2026年8月 支部委员会会议 未召开", "2026年第三季度村务公开未发布"),
    )
    values.update(changes)
    return Figures(**values)


TEAM = [TeamLine("吴𠮷祥", "党支部书记、村委会主任", "一肩挑、交叉任职"), TeamLine("李䶮", "纪检委员"),
        TeamLine("张堃", "监委会主任")]


def test_year_summary_has_the_bars_as_text_the_gaps_and_the_team(tmp_path):
    path = tmp_path / "summary.pdf"
    pages = build_work_summary(path, village=VILLAGE, figures=figures(), team=TEAM,
                               team_summary="党组织委员 2 人；一肩挑：吴𠮷祥", team_day=PRINT_DATE,
                               print_date=PRINT_DATE)
    whole = "".join(texts(path))
    assert pages >= 2
    assert "红旗村2026年度工作台账汇总" in whole
    assert "统计期间：2026年1月1日至2026年12月31日（统计截至2026年11月27日）" in whole
    headings = ["一、会议召开情况", "二、三公开情况", "三、纪律提醒办理情况", "四、“四议两公开”事项进展",
                "五、存在的问题", "六、“两委”班子", "审核意见", "审核人签字"]
    positions = [whole.index(h) for h in headings]
    assert positions == sorted(positions)
    for value in ("10/12（83%）", "13/12（108%）", "2/3（67%）", "4/4（100%）", "3/4（75%）",
                  "1/1（100%）", "0/0（无应办）", "1/2（50%）"):
        assert value in whole, value
    assert "支部委员会会议101283%" in whole  # the figures table: 已召开, 应召开, 完成率
    assert LONG_KIND in whole  # wrapped onto two lines, never clipped
    assert "1.2026年8月支部委员会会议未召开2.2026年第三季度村务公开未发布" in whole
    assert "截至2026年11月27日：党组织委员2人；一肩挑：吴𠮷祥" in whole
    assert "1吴𠮷祥党支部书记、村委会主任一肩挑、交叉任职2李䶮纪检委员3张堃监委会主任" in whole
    assert_embedded_subsets(path)


def test_term_summary_without_gaps_or_figures(tmp_path):
    path = tmp_path / "term.pdf"
    empty = figures(title="第十二届（2026年5月—2031年4月）届中", first=dt.date(2026, 5, 1),
                    last=PRINT_DATE, matters=(Bar("审议", 0, 0),), reminders=(), gaps=())
    build_work_summary(path, village=VILLAGE, figures=empty, team=[], team_summary="党组织委员 0 人",
                       team_day=PRINT_DATE, print_date=PRINT_DATE, term=True)
    whole = "".join(texts(path))
    assert "红旗村届中工作台账汇总" in whole and "届次：第十二届（2026年5月—2031年4月）" in whole
    assert "统计期间：2026年5月1日至2026年11月27日" in whole and "统计截至" not in whole
    assert whole.count("本期没有相关记录") == 2  # reminders (no bars), matters (nothing due)
    assert "五、存在的问题无" in whole and "暂无在任的两委班子成员" in whole


def test_bar_chart_stays_inside_the_frame_and_wraps_long_labels():
    width = content_width()
    short = bar_chart([Bar("党课", 3, 4)], width)
    long = bar_chart([Bar(LONG_KIND * 2, 3, 4)], width)
    assert short.width == long.width == width
    assert long.height > short.height + 10  # the label took more lines, not more width
    for drawing in (short, long):
        for shape in drawing.contents:
            x = getattr(shape, "x", 0)
            assert -0.01 <= x <= width + 0.01
            if hasattr(shape, "width"):
                assert x + shape.width <= width - 1 * MM
