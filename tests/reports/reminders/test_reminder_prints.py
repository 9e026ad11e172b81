"""The 纪律提醒 prints: 廉政提醒函 with its 回执, the year's 提醒台账, the 工作台账汇总."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_fonts import all_embedded, font_dicts
from pypdf import PdfReader

from app.reports.common import fonts
from app.reports.common.bar_chart import bar_chart
from app.reports.common.page import MM, content_width
from app.reports.reminders.reminder_ledger import build_reminder_ledger
from app.reports.common.body_paragraph import body_paragraph, last_line_chars
from app.reports.reminders.reminder_letter import build_reminder_letter
from app.reports.reminders.reminder_letter_text import addressee, letter_title, rule_paragraphs
from app.reports.workbench.work_summary import TeamLine, build_work_summary
from app.services.reminders.reminder_rules import RULE_TEXTS
from app.services.reminders.reminder_types import DoneRecord, LetterData, Occurrence
from app.services.workbench.workbench_figures import counted_occurrences, reminder_bars
from app.services.workbench.workbench_types import Bar, DispositionRow, Figures

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
                     "春节将至，为严明节日纪律要求，确保节日期间风清气正，现将有关要求提醒如下：",
                     "一、认真学习贯彻中央八项规定", "六、节日期间安排好值班", "特此提醒。",
                     "中共红旗村支部委员会2026年11月27日", "回执",
                     "本人已收到中共红旗村支部委员会2026年11月27日《廉政提醒函》（2027年春节前廉政提醒），"
                     "已认真阅读，将严格遵守。", "姓名签收日期本人签名",
                     "第1页共1页", "打印日期：2026年11月27日"):
        assert expected in text, expected
    assert text.index("特此提醒") < text.index("回执") < text.index("吴𠮷祥年月日")
    assert "陈喆" not in text and "2027年2月3日" not in text  # no deadline before a holiday
    assert "特作如下提醒" not in text
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
    assert "为进一步严明纪律规矩，就群众反映鱼塘承包费收缴不及时，现将有关要求提醒如下：" in text
    assert "一、如实说明情况" in text and "二、认真整改" in text
    assert "请于" not in text  # no due date, no deadline
    assert "中共红旗村支部委员会2026年11月27日" in text  # dated the day it is printed


def test_the_letter_is_dated_on_the_print_date_and_states_the_deadline(tmp_path):
    wedding = letter(1, kind="婚丧喜庆事项报告", holiday="", subject="陈喆本人结婚，拟在村里办婚宴",
                     detail=RULE_TEXTS["婚丧喜庆事项报告"], due=dt.date(2026, 12, 18),
                     event_kind="婚嫁", event_date=dt.date(2027, 2, 5), township="青山镇")
    funeral = letter(1, kind="婚丧喜庆事项报告", holiday="", subject="张堃父亲病故",
                     detail=RULE_TEXTS["婚丧喜庆事项报告"], due=dt.date(2026, 12, 11),
                     event_kind="丧事", event_date=dt.date(2026, 11, 27))
    report = letter(3, kind="个人有关事项报告", holiday="", subject="两委干部年度个人有关事项报告",
                    detail=RULE_TEXTS["个人有关事项报告"], due=dt.date(2027, 1, 31))
    expected = {
        "wedding": (wedding, "根据村干部婚丧喜庆事项报告有关规定，就陈喆本人结婚，拟在村里办婚宴"
                             "（婚嫁，2027年2月5日），现将有关要求提醒如下：",
                    "请于2026年12月18日前向青山镇纪委书面报告有关情况，并签订廉洁承诺书。"),
        "funeral": (funeral, "就张堃父亲病故（丧事，2026年11月27日），现将有关要求提醒如下：",
                    "请于事后10个工作日内（2026年12月11日前）向镇纪委书面报告有关情况。"),
        "report": (report, "根据个人有关事项报告有关规定，就两委干部年度个人有关事项报告，现将有关要求提醒如下：",
                   "请于2027年1月31日前如实填写个人有关事项报告表，按规定报送。"),
    }
    for name, (data, opening, deadline) in expected.items():
        path = tmp_path / f"{name}.pdf"
        assert build_reminder_letter(path, letter=data, print_date=PRINT_DATE) == 1
        [text] = texts(path)
        assert text.startswith("廉政提醒函") and "红旗村廉政提醒函第1页共1页" in text, name
        assert opening in text and deadline + "特此提醒。" in text, name
        assert "中共红旗村支部委员会2026年11月27日回执" in text, name  # dated on the print date
        assert text.count(format_due(data.due)) == 1, name  # the due date only in the deadline


def test_a_letter_printed_after_its_deadline_says_it_is_late(tmp_path):
    late = letter(1, kind="婚丧喜庆事项报告", holiday="", subject="陈喆本人结婚，拟在村里办婚宴",
                  detail=RULE_TEXTS["婚丧喜庆事项报告"], due=dt.date(2026, 11, 20),
                  event_kind="婚嫁", event_date=dt.date(2027, 1, 1))
    path = tmp_path / "late.pdf"
    build_reminder_letter(path, letter=late, print_date=PRINT_DATE)
    [text] = texts(path)
    assert "请于2026年11月20日前向镇纪委书面报告有关情况，并签订廉洁承诺书。该期限已过，请尽快补办。特此提醒。" in text


def format_due(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def test_the_title_follows_the_kind(tmp_path):
    titles = {"节前廉政提醒": "廉政提醒函", "八项规定提醒": "廉政提醒函", "婚丧喜庆事项报告": "廉政提醒函",
              "个人有关事项报告": "廉政提醒函", "一岗双责责任清单": "廉政提醒函", "提醒谈话": "廉政提醒函",
              "警示教育": "廉政提醒函", "值班": "值班提醒", "学习": "学习提醒", "其他": "工作提醒"}
    for kind, title in titles.items():
        assert letter_title(letter(1, kind=kind, holiday="")) == title, kind
    path = tmp_path / "study.pdf"
    data = letter(2, kind="学习", holiday="", subject="两委干部每月集中学习",
                  detail=RULE_TEXTS["学习"], due=dt.date(2026, 12, 10))
    assert build_reminder_letter(path, letter=data, print_date=PRINT_DATE) == 1
    [text] = texts(path)
    assert text.startswith("学习提醒吴𠮷祥、李䶮同志：") and "廉政提醒函" not in text
    assert "红旗村学习提醒第1页共1页" in text  # the page header too
    assert "为严格落实学习制度，就两委干部每月集中学习，现将有关要求提醒如下：" in text
    assert "请于2026年12月10日前完成两委干部每月集中学习，并做好学习记录。" in text
    assert "回执" in text and "本人已收到中共红旗村支部委员会2026年11月27日《学习提醒》（两委干部每月集中学习）" in text
    assert PdfReader(path).metadata.title == "红旗村学习提醒"
    other = tmp_path / "other.pdf"
    build_reminder_letter(other, letter=letter(1, kind="其他", holiday="", detail="按时上报",
                                               subject="整理上报村级党建档案", due=dt.date(2026, 12, 15)),
                          print_date=PRINT_DATE)
    [text] = texts(other)
    assert text.startswith("工作提醒") and "红旗村工作提醒第1页" in text
    assert "请于2026年12月15日前完成整理上报村级党建档案。" in text


def test_no_paragraph_ends_with_a_lone_character():
    from reportlab.platypus import Paragraph

    style = fonts.paragraph_style("t", 14, fonts.BODY_FONT, 24, firstLineIndent=28)
    width = content_width()
    # Laid out plainly, 书。 would be the last line on its own.
    text = "请于2026年11月20日前向青山镇纪委书面报告有关情况，并签订廉洁承诺书。"
    plain = Paragraph(text, style)
    plain.wrap(width, 1e6)
    assert plain.blPara.lines[-1][1] == ["书。"]
    guarded = body_paragraph(text, style)
    guarded.wrap(width, 1e6)
    assert last_line_chars(guarded) >= 2
    short = body_paragraph("特此提醒。", style)
    short.wrap(width, 1e6)
    assert len(short.blPara.lines) == 1


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
    assert all(header in page for page in pages_text if "学习党章" in page)
    assert "提醒谈话鱼塘承包费收缴不及时张堃、陈喆2026年11月15日已逾期" in whole
    assert "2026年12月10日已完成2026年12月10日会议吴𠮷祥学习党章" in whole
    assert "由其他台账生成的提醒处理情况" in whole
    assert "事项方面处理理由日期处理人" in whole
    assert "2026年7月党小组会未召开会议记录忽略组长李䶮外出学习，与8月合并召开2026年8月3日吴𠮷祥" in whole
    assert_embedded_subsets(path)


def test_a_late_done_record_reads_done_late(tmp_path):
    path = tmp_path / "late.pdf"
    late = [Occurrence(3, "婚丧喜庆事项报告", "陈喆本人结婚", "陈喆", dt.date(2026, 11, 20), "已完成",
                       DoneRecord(dt.date(2026, 11, 24), "书面", "补报镇纪委", "周淼")),
            Occurrence(1, "学习", "两委干部每月集中学习", "全体两委干部", dt.date(2026, 11, 10), "已完成",
                       DoneRecord(dt.date(2026, 11, 10), "会议", "", "吴𠮷祥"))]
    assert build_reminder_ledger(path, village=VILLAGE, year=2026, occurrences=late,
                                 dispositions=[], print_date=PRINT_DATE) == 1
    [text] = texts(path)
    # 事由 on one line (no 习 left alone on a second line), the row read in one piece.
    assert "学习两委干部每月集中学习全体两委干部2026年11月10日已完成2026年11月10日" in text
    assert "陈喆本人结婚陈喆2026年11月20日逾期完成2026年11月24日书面周淼补报镇纪委" in text


def study_year(count: int) -> list[Occurrence]:
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=7 * i) for i in range(count)]
    return [Occurrence(1, "学习", "两委干部每月集中学习", "全体两委干部", day, "已完成",
                       DoneRecord(day, "会议", "学习党章", "吴𠮷祥")) for day in days]


def test_a_small_year_without_marks_is_one_page(tmp_path):
    path = tmp_path / "small.pdf"
    assert build_reminder_ledger(path, village=VILLAGE, year=2026, occurrences=study_year(13),
                                 dispositions=[], print_date=PRINT_DATE) == 1
    [text] = texts(path)
    assert text.index("2026年3月26日已完成") < text.index("由其他台账生成的提醒处理情况本年度没有标记")


def test_the_empty_second_part_never_has_a_page_of_its_own(tmp_path):
    for count in range(10, 20):
        path = tmp_path / f"year{count}.pdf"
        build_reminder_ledger(path, village=VILLAGE, year=2026, occurrences=study_year(count),
                              dispositions=[], print_date=PRINT_DATE)
        pages = texts(path)
        last = pages[-1]
        assert "由其他台账生成的提醒处理情况本年度没有标记为已处理或忽略的提醒" in last, count
        assert "已完成" in last, count  # with rows of table one (header repeated) on its page
        assert "".join(pages).count("全体两委干部") == count, count


def test_the_count_line_counts_only_what_is_due_by_the_print_date(tmp_path):
    path = tmp_path / "due.pdf"
    year = [Occurrence(1, "学习", "两委干部每月集中学习", "全体两委干部", dt.date(2026, m, 10),
                       "已完成" if m <= 8 else "已逾期",
                       DoneRecord(dt.date(2026, m, 10), "会议", "", "吴𠮷祥") if m <= 8 else None)
            for m in range(1, 13)]
    year.append(Occurrence(2, "值班", "年终值班", "张堃", dt.date(2026, 12, 29), "已完成",
                           DoneRecord(dt.date(2026, 11, 20), "书面", "", "周淼")))  # done early
    # Due: January to November (11 months, 8 done) and the early 值班; 12-10 not yet due.
    build_reminder_ledger(path, village=VILLAGE, year=2026, occurrences=year, dispositions=[],
                          print_date=PRINT_DATE)
    whole = "".join(texts(path))
    assert "本年度共13次，截至2026年11月27日应办12次，已完成9次。" in whole
    # The 工作台账汇总 counts the same occurrences by the same rule.
    counted = counted_occurrences(year, dt.date(2026, 1, 1), dt.date(2026, 12, 31), PRINT_DATE)
    assert sum(b.due for b in reminder_bars(counted)) == 12
    assert sum(b.done for b in reminder_bars(counted)) == 9
    # Printed after the year, every occurrence is due: the short line.
    build_reminder_ledger(path, village=VILLAGE, year=2026, occurrences=year, dispositions=[],
                          print_date=dt.date(2027, 1, 5))
    assert "本年度应办13次，已完成9次。" in "".join(texts(path))


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
        meetings=(Bar("支部委员会会议", 10, 11, 12), Bar("党小组会", 11, 11, 13), Bar(LONG_KIND, 2, 3, 2),
                  Bar("谈心谈话（每名委员）", 1, 2, 1, per_member=True)),
        notices=(Bar("党务公开", 4, 4), Bar("财务公开", 3, 4)),
        reminders=(Bar("一岗双责责任清单", 1, 1), Bar("值班", 0, 0)),
        matters=(Bar("审议", 1, 2), Bar("实施结果公开", 1, 2)),
        gaps=("2026年8月 支部委员会会议 未召开（应1次，已0次）", "2026年第三季度村务公开未发布"),
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
                "五、存在的问题", "六、“两委”班子", "七、填报与审核"]
    positions = [whole.index(h) for h in headings]
    assert positions == sorted(positions)
    for value in ("3/4（75%）", "1/1（100%）", "1/2（50%）"):
        assert value in whole, value
    # One picture per point: the meetings as a table, the rest as charts (no table repeating them).
    assert "10/11（91%）" not in whole
    assert "按时公开期数" not in whole and "已办理次数" not in whole and "事项总数" not in whole
    # The village signs the summary off beside the township's review.
    for part in ("村党组织（盖章）", "乡镇（街道）审核意见", "书记签字", "审核人签字", "填报人", "填报日期"):
        assert part in whole, part
    # The tables say what each number counts: the meetings held beside the capped figure.
    assert "会议类型达标次数应开次数实际召开次数完成率" in whole
    assert "支部委员会会议10111291%" in whole and "党小组会111113100%" in whole
    assert "谈心谈话（每名委员）1人2人1次50%" in whole  # members beside the talks held
    assert "多开的会议不抵其他周期" in whole
    assert "已召开（次）" not in whole
    assert LONG_KIND in whole  # wrapped onto two lines, never clipped
    assert "1.2026年8月支部委员会会议未召开（应1次，已0次）2.2026年第三季度村务公开未发布" in whole
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


HEADING_MARKS = tuple("一二三四五六七")


def pages_ending_with_a_heading(path: Path, village: str = VILLAGE) -> list[int]:
    """Pages whose last line of body text (before the running header and footer, which
    pypdf reads last) is a section heading such as 二、三公开情况."""
    found = []
    for number, page in enumerate(PdfReader(path).pages, 1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        while lines and (lines[-1] == village or lines[-1].endswith("工作台账汇总")
                         or lines[-1].startswith(("第", "打印日期"))):
            lines.pop()
        if lines and lines[-1][:2] in {f"{mark}、" for mark in HEADING_MARKS}:
            found.append(number)
    return found


def term_figures(meeting_bars: int, gaps: int) -> Figures:
    """Like the demo village's 届中 figures, with ``meeting_bars`` bars and ``gaps`` gaps."""
    meetings = (Bar("支部委员会会议", 6, 7, 8), Bar("党小组会", 7, 7, 21), Bar("主题党日", 7, 7, 7),
                Bar("支部党员大会", 2, 2, 4), Bar("党课", 2, 2, 2), Bar("组织生活会", 0, 0, 0),
                Bar("民主评议党员", 0, 0, 0), Bar("谈心谈话（每名委员）", 4, 4), Bar(LONG_KIND, 2, 3, 2))
    steps = ("未开始", "提议", "商议", "审议", "决议", "决议公开", "实施结果公开")
    return figures(title="第十二届（2026年5月—2031年4月）届中", first=dt.date(2026, 5, 1),
                   last=PRINT_DATE, meetings=meetings[:meeting_bars],
                   notices=(Bar("党务公开", 2, 2), Bar("村务公开", 1, 2), Bar("财务公开", 2, 2)),
                   reminders=(Bar("节前廉政提醒", 2, 2), Bar("婚丧喜庆事项报告", 0, 1), Bar("提醒谈话", 0, 1),
                              Bar("学习", 6, 7)),
                   matters=tuple(Bar(s, int(s in ("审议", "实施结果公开")), 2) for s in steps),
                   gaps=tuple(f"2026年{m}月 支部委员会会议 未召开（应1次，已0次）" for m in range(1, gaps + 1)))


def test_no_page_of_the_summary_ends_with_a_section_heading(tmp_path):
    team = TEAM + [TeamLine(f"委员{i}", "村委会委员") for i in range(6)]
    demo = tmp_path / "demo.pdf"  # the demo's term: 二 and 四 were left alone at page bottoms
    assert build_work_summary(demo, village=VILLAGE, figures=term_figures(8, 6), team=team,
                              team_summary="党组织委员 5 人", team_day=PRINT_DATE,
                              print_date=PRINT_DATE, term=True) >= 3
    assert pages_ending_with_a_heading(demo) == []
    for bars in range(1, 10):  # each section's heading reaches the page bottom in some layout
        for gaps in (0, 14):
            path = tmp_path / f"term{bars}-{gaps}.pdf"
            build_work_summary(path, village=VILLAGE, figures=term_figures(bars, gaps), team=team,
                               team_summary="党组织委员 5 人", team_day=PRINT_DATE,
                               print_date=PRINT_DATE, term=True)
            assert pages_ending_with_a_heading(path) == [], (bars, gaps)
            whole = "".join(texts(path))
            assert "实施结果公开1/2（50%）" in whole and "七、填报与审核" in whole


def test_the_printed_summary_states_the_gaps_as_the_start_page_does(services, tmp_path):
    from app.services.meetings.meeting_types import MeetingData

    for day in (dt.date(2026, 1, 10), dt.date(2026, 3, 5), dt.date(2026, 3, 25)):
        services.meetings.save(MeetingData(kinds=["支部委员会会议"], topic="学习贯彻会议精神", date=day),
                               confirmed=True)
    services.clock.moment = dt.datetime(2026, 12, 5, 10, 0)  # after 1 December
    year = services.workbench.year_figures(2026)
    path = tmp_path / "real.pdf"
    build_work_summary(path, village=VILLAGE, figures=year, team=[], team_summary="党组织委员 0 人",
                       team_day=dt.date(2026, 12, 5), print_date=dt.date(2026, 12, 5))
    whole = "".join(texts(path))
    # January and March held (twice in March), February and April to November missing.
    assert "支部委员会会议211318%" in whole
    for line in ("2026年2月支部委员会会议未召开（应1次，已0次）", "2026年11月主题党日未开展（应1次，已0次）",
                 "2026年组织生活会未召开（应1次，已0次）", "2026年民主评议党员未开展（应1次，已0次）"):
        assert line in whole, line
    assert "2026年12月支部委员会会议" not in whole and "2026年第四季度党课" not in whole  # still running
    late = [i.title for i in services.workbench.due_items() if i.area == "会议记录" and i.status == "已逾期"]
    assert len(late) == 9 + 11 * 2 + 3 * 2 + 2
    assert all(re.sub(r"\s+", "", title) in whole for title in late)


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

